# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit-test setup: make ``import ansible_collections.asyncjobs.fleet...`` work.

``make units`` puts the collection installed by ``make install`` on PYTHONPATH
(``.collections``), so the tests exercise the same files that a user installs.
When pytest is run without that (for example straight from an editor), this
falls back to a symlink tree under ``build/pytest-collections`` that points at
the working tree.  The header of the pytest run shows which copy is used.
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
FALLBACK_ROOT = REPO_ROOT / "build" / "pytest-collections"


def _ensure_importable():
    if importlib.util.find_spec("ansible_collections.asyncjobs.fleet") is not None:
        return
    link = FALLBACK_ROOT / "ansible_collections" / "asyncjobs" / "fleet"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.is_symlink():
        os.symlink(REPO_ROOT, link, target_is_directory=True)
    sys.path.insert(0, str(FALLBACK_ROOT))
    importlib.invalidate_caches()


_ensure_importable()

try:
    from hypothesis import settings as _hypothesis_settings
except ImportError:  # pragma: no cover
    _hypothesis_settings = None
if _hypothesis_settings is not None:
    # CI must be deterministic: the same examples on every run (a random search once made a
    # fresh clone red on an input no earlier run had drawn). HYPOTHESIS_PROFILE=explore
    # searches afresh; add what it finds as an @example.
    _hypothesis_settings.register_profile("ci", derandomize=True)
    _hypothesis_settings.register_profile("explore", derandomize=False)
    _hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_report_header(config):  # pylint: disable=unused-argument
    spec = importlib.util.find_spec("ansible_collections.asyncjobs.fleet")
    location = list(spec.submodule_search_locations)[0] if spec else "NOT FOUND"
    return f"asyncjobs.fleet collection under test: {location}"
