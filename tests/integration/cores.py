# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which ansible-core the compatibility tests run (test_compat.py, test_unsafe.py).

By default they run the venv's ansible-core (the newest the collection supports). ``make compat``
sets ``ASYNCJOBS_ANSIBLE_CORES="2.16 2.17 2.18"``: each name is a venv built from
tests/compat/requirements-<name>.txt in ``.venv-compat/<name>``, and the tests run once per name
with that venv's ansible-playbook and ansible-inventory.
"""

from __future__ import annotations

import os
import pathlib

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
COMPAT_VENVS = REPO_ROOT / ".venv-compat"


def core_params():
    """pytest params: None for the running venv, else the bin directory of each named compat venv."""
    names = os.environ.get("ASYNCJOBS_ANSIBLE_CORES", "").split()
    if not names:
        return [pytest.param(None, id="venv")]
    return [pytest.param(COMPAT_VENVS / name / "bin", id="core-" + name) for name in names]


def check_core(bin_dir):
    """Fail (not skip) when a requested compat venv is missing: `make compat` builds them."""
    if bin_dir is not None and not (bin_dir / "ansible-playbook").exists():
        pytest.fail("%s has no ansible-playbook: run `make compat` to build the compat venvs" % bin_dir)
    return bin_dir
