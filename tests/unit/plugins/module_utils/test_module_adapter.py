# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The module adapter (a task that does not run on the controller) logs no secret on the target."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# AnsibleModule, started as on a target; its log() (syslog or journal) replaced by a print.
SCRIPT = """
import json, sys
from ansible.module_utils import basic
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _module, _runner
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import TaskEnviron
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._resource import RESOURCE

basic.AnsibleModule.log = lambda self, msg, log_args=None: print("LOG " + msg)
args = json.loads(sys.argv[1])
try:
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core before 2.19
    basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode()
    _module.OperationModule(RESOURCE, TaskEnviron({}), argument_spec=RESOURCE.argument_spec, **_runner.validation_kwargs(RESOURCE))
else:
    with patch_module_args(args):
        _module.OperationModule(RESOURCE, TaskEnviron({}), argument_spec=RESOURCE.argument_spec, **_runner.validation_kwargs(RESOURCE))
"""

ARGS = {"url": "https://array.example", "username": "admin", "password": "Top-Secret-1", "resource": "host", "action": "create",
        "name": "esx-01", "body": {"os_type": "ESXi", "initiators": [
            {"port_name": "iqn.1998-01.com.vmware:esx-01", "chap_single_password": "Chap-Secret-22",
             "chap_single_username": "esx"}]}}


def test_a_secret_inside_the_body_is_not_logged_on_the_target():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(ARGS)], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    logged = [line for line in proc.stdout.splitlines() if line.startswith("LOG Invoked with")]
    assert len(logged) == 1, proc.stdout
    assert "Chap-Secret-22" not in logged[0] and "Top-Secret-1" not in logged[0]
    assert "iqn.1998-01.com.vmware:esx-01" in logged[0] and "chap_single_username" in logged[0]


def test_a_secret_inside_the_body_is_not_returned_when_the_arguments_are_refused():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    args = {k: v for k, v in ARGS.items() if k != "action"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args)], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    result = json.loads(proc.stdout.splitlines()[-1])
    assert proc.returncode == 1 and result["failed"] is True and "action" in result["msg"], result
    assert "Chap-Secret-22" not in proc.stdout and "Top-Secret-1" not in proc.stdout
    assert result["invocation"]["module_args"]["body"]["initiators"][0]["port_name"] == "iqn.1998-01.com.vmware:esx-01"
