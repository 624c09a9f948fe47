# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The backend registry: one entry per API, its factory, requirements and capabilities."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _connect
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _credentials
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _runner
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _job_tasks as _ops_jobs
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _registry as registry
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

PKG = "ansible_collections.asyncjobs.fleet.plugins.module_utils"
CLIENTS = {"drm": ("_backends.drm._client", "DrmClient"), "powerstore": ("_backends.powerstore._client", "PowerStoreClient"),
           "aiqum": ("_backends.aiqum._client", "AiqumClient"), "rpc": ("_backends.rpc._client", "RpcClient")}
PARAMS = {"url": "https://manager.example", "username": "u", "password": "pw-1"}


def run_python(script, *args):
    """Run ``script`` in a fresh interpreter that imports the collection as this one does."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.run([sys.executable, "-c", script] + list(args), env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    return proc


def test_every_api_has_one_entry_and_the_old_tables_derive_from_it():
    assert registry.NAMES == ("drm", "powerstore", "aiqum", "rpc") == tuple(CLIENTS)
    assert registry.APIS == registry.NAMES
    assert registry.ENV_PREFIX == {"drm": "DRM", "powerstore": "POWERSTORE", "aiqum": "AIQUM", "rpc": "RPC"}
    for name in registry.NAMES:
        entry = registry.backend(name)
        assert entry.name == name and entry.title and entry.auth in (registry.BASIC, registry.RPC_SIGNING)
        assert req.REQUESTS in entry.requirements
    # The api option of job_* offers exactly the registered APIs.
    assert _ops_jobs.JOB_INFO.argument_spec["api"]["choices"] == list(registry.NAMES)


@pytest.mark.parametrize("api", ["vmware", "", None, "DRM", ["drm"]])
def test_an_unknown_api_is_one_input_error_listing_the_choices(api):
    expected = "api must be one of drm, powerstore, aiqum, rpc, got %r" % (api,)
    for call in (lambda: registry.backend(api), lambda: _connect.make_client(api, PARAMS, {}),
                 lambda: _credentials.connection_settings(api, PARAMS, {})):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.msg == expected


def test_only_drm_needs_xmltodict():
    assert [e.name for e in registry.BACKENDS if req.XMLTODICT in e.requirements] == ["drm"]
    assert registry.requirements_by_api(None, {"api": "powerstore"}) == (req.REQUESTS,)


@pytest.mark.parametrize("api", list(CLIENTS))
def test_factory_imports_only_its_own_client(api):
    """In a fresh interpreter, making one API's client loads that client module and no other's."""
    script = (
        "import json, sys\n"
        "from %s._backends import _connect\n"
        "from %s._engine import _job_tasks\n"
        "client = _connect.make_client(sys.argv[1], json.loads(sys.argv[2]), {})\n"
        "loaded = sorted(m.split('module_utils.', 1)[1] for m in sys.modules if m.split('module_utils.', 1)[-1] in %r)\n"
        "print(json.dumps([type(client).__name__, loaded]))\n"
    ) % (PKG, PKG, tuple(pair[0] for pair in CLIENTS.values()))
    proc = run_python(script, api, json.dumps(PARAMS))
    assert proc.returncode == 0, proc.stderr
    module, cls = CLIENTS[api]
    assert json.loads(proc.stdout) == [cls, [module]]


@pytest.mark.parametrize("api", list(CLIENTS))
def test_the_cancel_capability_matches_the_client(api):
    # The clients still carry can_cancel (their own tests read it): the two must not drift apart.
    module, cls = CLIENTS[api]
    client_class = getattr(importlib.import_module("%s.%s" % (PKG, module)), cls)
    assert registry.backend(api).can_cancel is client_class.can_cancel
    assert registry.backend(api).can_cancel is (api == "drm")


def test_job_wait_refuses_cancel_on_timeout_from_the_capability(monkeypatch):
    class Client(object):
        can_cancel = True  # what the client says no longer matters: the registry decides
        transport = None

        def check_id(self, job_id):
            return job_id

    monkeypatch.setattr(_runner, "make_client", lambda api, params, environ: Client())
    params = dict(PARAMS, api="powerstore", job_ids=["1"], cancel_on_timeout=True)
    with pytest.raises(InputError, match="cancel_on_timeout is not possible for api=powerstore"):
        _ops_jobs.JOB_WAIT.run(params, _runner.Context())


# The module adapter, in a fresh interpreter where ``import xmltodict`` fails as if it were not
# installed. make_client is replaced (no server): what is under test is the requirement check.
JOB_INFO_WITHOUT_XMLTODICT = """
import json, sys
sys.modules["xmltodict"] = None
from ansible.module_utils import basic
from %s import _requirements
from %s._engine import _lifecycle as lc, _module, _job_tasks as _ops_jobs, _runner

class Client(object):
    class transport(object):
        stats = {"requests": 1}

    def list_jobs(self):
        return [lc.job("powerstore", "j1", lc.RUNNING, "RUNNING")]

assert not _requirements.HAS_XMLTODICT
_runner.make_client = lambda api, params, environ: Client()
args = {"ANSIBLE_MODULE_ARGS": json.loads(sys.argv[1])}
try:
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core before 2.19
    basic._ANSIBLE_ARGS = json.dumps(args).encode()
    _module.run_module(_ops_jobs.JOB_INFO)
else:
    with patch_module_args(args["ANSIBLE_MODULE_ARGS"]):
        _module.run_module(_ops_jobs.JOB_INFO)
""" % (PKG, PKG)


def job_info_without_xmltodict(api):
    proc = run_python(JOB_INFO_WITHOUT_XMLTODICT, json.dumps(dict(PARAMS, api=api)))
    return proc.returncode, json.loads(proc.stdout)


def test_job_info_for_powerstore_runs_without_xmltodict():
    rc, result = job_info_without_xmltodict("powerstore")
    assert rc == 0, result
    assert [j["id"] for j in result["jobs"]] == ["j1"] and not result.get("failed")


def test_job_info_for_drm_without_xmltodict_fails_as_a_missing_library():
    rc, result = job_info_without_xmltodict("drm")
    assert rc == 1 and result["failed"] is True
    assert result["msg"].startswith("Failed to import the required Python library (xmltodict)")
    assert "jobs" not in result
