# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit-test setup: make ``import ansible_collections.asyncjobs.fleet...`` work, the shared
fakes importable (``import fakes``) and the plugins' client factory replaceable.

``make units`` puts the collection installed by ``make install`` on PYTHONPATH
(``.collections``), so the tests exercise the same files that a user installs.
When pytest is run without that (for example straight from an editor), this
falls back to a symlink tree under ``build/pytest-collections`` that points at
the working tree.  The header of the pytest run shows which copy is used.

The collections are imported through Ansible's own collection loader, as ``ansible-test
units`` does: the lookup and the inventory plugin read their options through the plugin
loader, which only knows a collection that loader imported. It must be installed before
anything imports ``ansible_collections``, so this runs first.
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
FALLBACK_ROOT = REPO_ROOT / "build" / "pytest-collections"
COLLECTION = pathlib.Path("ansible_collections", "asyncjobs", "fleet")


def _collections_root():
    """The first sys.path entry holding the collection (absolute: the loader refuses relative
    paths), else the symlink tree that points at the working tree."""
    for entry in sys.path:
        root = pathlib.Path(entry or ".").resolve()
        if (root / COLLECTION / "galaxy.yml").is_file() or (root / COLLECTION / "MANIFEST.json").is_file():
            return root
    link = FALLBACK_ROOT / COLLECTION
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.is_symlink():
        os.symlink(REPO_ROOT, link, target_is_directory=True)
    return FALLBACK_ROOT


def _install_collection_loader():
    from ansible.plugins.loader import init_plugin_loader
    init_plugin_loader([str(_collections_root())])


_install_collection_loader()
# The shared fakes (tests/unit/fakes.py), for test files in any subdirectory.
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

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


@pytest.fixture
def fake_clients(monkeypatch):
    """The client factory of the jobs lookup and the drm_devices inventory plugin, replaced by a
    fakes.ClientFactory: give ``fake_clients.client`` its jobs, devices or error before running a
    plugin; ``fake_clients.made`` records each (api, params) a plugin asked a client for.

    The one place that knows where those plugins look the factory up.
    """
    import fakes
    from ansible_collections.asyncjobs.fleet.plugins.inventory import drm_devices
    from ansible_collections.asyncjobs.fleet.plugins.lookup import jobs

    factory = fakes.ClientFactory()
    for plugin in (jobs, drm_devices):
        monkeypatch.setattr(plugin, "make_client", factory)
    return factory


def pytest_report_header(config):  # pylint: disable=unused-argument
    spec = importlib.util.find_spec("ansible_collections.asyncjobs.fleet")
    location = list(spec.submodule_search_locations)[0] if spec else "NOT FOUND"
    return f"asyncjobs.fleet collection under test: {location}"
