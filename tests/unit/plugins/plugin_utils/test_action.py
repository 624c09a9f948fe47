# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action adapter (plugin_utils/_action.py), through ActionModule.run() only.

An action plugin of the collection is a FleetAction subclass naming its Operation in OP. Here OP
is a RecordingOperation (it keeps the params and the Context it gets, then returns or raises what
the test gave it), and the task, the connection and the templar are the few objects
ActionBase.__init__ and run() use: a stand-in task, a stand-in connection holding Ansible's real
sh shell, a real Templar and DataLoader. Nothing here depends on how run() is split up inside.
"""

from __future__ import annotations

import base64

import pytest
from ansible.parsing.dataloader import DataLoader
from ansible.playbook.play_context import PlayContext
from ansible.plugins.loader import shell_loader
from ansible.template import Templar

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError
from ansible_collections.asyncjobs.fleet.plugins.plugin_utils._action import FleetAction

JOB_INFO = "asyncjobs.fleet.job_info"
SEND = "asyncjobs.fleet.drm_send_message"
OPTION_PASSWORD = "opt-s3cret-pw"
ENV_PASSWORD = "env-s3cret-pw"
HEADER_TOKEN = "hdr-s3cret-token"
TOKEN = "tok-s3cret-value"


class RecordingOperation(Operation):
    """Keeps each (params, ctx) it is run with; returns a copy of ``outcome``, raises it when it
    is an exception, or calls it with (params, ctx) when it is a function."""

    argument_spec = dict(
        api=dict(type="str", choices=["drm", "powerstore", "aiqum", "rpc"]),
        url=dict(type="str"),
        username=dict(type="str"),
        password=dict(type="str", no_log=True),
        api_key_secret=dict(type="str", no_log=True),
        token=dict(type="str", no_log=True),
        validate_certs=dict(type="bool"),
        headers=dict(type="dict"),
        count=dict(type="int", default=1),
    )

    def __init__(self, outcome=None, requirements=()):
        self.outcome = {"changed": True} if outcome is None else outcome
        self.requirements = requirements
        self.runs = []

    def run(self, params, ctx):
        self.runs.append((dict(params), ctx))
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        if callable(self.outcome):
            return self.outcome(params, ctx)
        return dict(self.outcome)

    def extra_no_log_values(self, params):
        return list((params.get("headers") or {}).values())


class Task(object):
    """What run() reads of a task, as the TaskExecutor hands it over (args already merged with
    module_defaults, see merged_args)."""

    def __init__(self, args, action=JOB_INFO, check_mode=False, diff=False, module_defaults=None, environment=None):
        self.args = dict(args)
        self.action = self.resolved_action = action
        self.check_mode = check_mode
        self.diff = diff
        self.module_defaults = module_defaults or []
        self.environment = environment or []
        self.async_val = 0


class Connection(object):
    def __init__(self, transport="local"):
        self.transport = transport
        self._shell = shell_loader.get("sh")


def run(op, task, transport="local", execute_module=None, host="h1"):
    """ActionModule.run() of a FleetAction subclass whose OP is ``op``. A remote connection's
    module run is answered by ``execute_module(action, module_name, module_args)``."""
    attrs = {"OP": op}
    if execute_module is not None:
        attrs["_execute_module"] = lambda self, module_name=None, module_args=None, task_vars=None, **_kw: \
            execute_module(self, module_name, module_args)
    action_class = type("ActionModule", (FleetAction,), attrs)
    loader = DataLoader()
    action = action_class(task, Connection(transport), PlayContext(), loader, Templar(loader=loader, variables={}), None)
    return action.run(task_vars={"inventory_hostname": host})


# ---------------------------------------------------------------- options and the Operation's Context

def test_validated_options_reach_the_operation_and_its_result_is_the_task_result():
    op = RecordingOperation({"changed": True, "jobs": [{"id": "600001"}], "requests": 2})
    result = run(op, Task({"api": "drm", "url": "https://rm.example"}))
    assert result == {"changed": True, "jobs": [{"id": "600001"}], "requests": 2}
    params, _ctx = op.runs[0]
    assert params["api"] == "drm" and params["url"] == "https://rm.example" and params["count"] == 1


@pytest.mark.parametrize("args, problems", [
    ({"api": "drm", "count": "many"}, ["count"]),
    ({"api": "drm", "bogus": 1}, ["bogus"]),
    ({"api": "vms", "count": "x"}, ["api", "count"]),
])
def test_invalid_options_are_one_failed_result_naming_the_task_and_nothing_runs(args, problems):
    op = RecordingOperation()
    result = run(op, Task(args, action=SEND))
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("Invalid options for %s: " % SEND)
    assert all(name in result["msg"] for name in problems), result["msg"]
    assert op.runs == []


def test_a_missing_library_fails_the_task_before_the_operation_runs():
    op = RecordingOperation(requirements=[("xmltodict", False, "No module named 'xmltodict'")])
    result = run(op, Task({"api": "drm"}))
    assert result["failed"] is True and result["changed"] is False
    assert "xmltodict" in result["msg"] and "on the controller" in result["msg"]
    assert op.runs == []


@pytest.mark.parametrize("check_mode, diff", [(True, True), (True, False), (False, True), (False, False)])
def test_check_mode_and_diff_reach_the_context(check_mode, diff):
    op = RecordingOperation()
    run(op, Task({"api": "drm"}, check_mode=check_mode, diff=diff))
    ctx = op.runs[0][1]
    assert (ctx.check_mode, ctx.diff) == (check_mode, diff)


def test_the_task_environment_overlays_the_controller_environment(monkeypatch):
    monkeypatch.setenv("DRM_URL", "https://controller.example")
    monkeypatch.setenv("DRM_USERNAME", "controller-user")
    op = RecordingOperation()
    run(op, Task({"api": "drm"}, environment=[{"DRM_URL": "https://play.example"}, {"DRM_TIMEOUT": 5}]))
    environ = op.runs[0][1].environ
    assert environ["DRM_URL"] == "https://play.example" and environ["DRM_USERNAME"] == "controller-user"
    assert environ["DRM_TIMEOUT"] == "5"


@pytest.mark.parametrize("callback, reports", [("default", True), ("json", False), ("ansible.posix.json", False),
                                               ("ansible.posix.jsonl", False), ("yaml", True)])
def test_no_progress_lines_when_stdout_is_json(monkeypatch, callback, reports):
    monkeypatch.setenv("ANSIBLE_STDOUT_CALLBACK", callback)
    op = RecordingOperation()
    run(op, Task({"api": "drm"}))
    progress = op.runs[0][1].progress
    assert callable(progress) if reports else progress is None


# ---------------------------------------------------------------- failures, warnings, secrets

def test_a_fleet_error_is_a_failed_result_keeping_its_keys():
    op = RecordingOperation(FleetError("Timed out waiting for 600001", jobs=[{"id": "600001", "state": "running"}],
                                       requests=7))
    result = run(op, Task({"api": "drm"}))
    assert result == {"failed": True, "changed": False, "msg": "Timed out waiting for 600001",
                      "jobs": [{"id": "600001", "state": "running"}], "requests": 7}


def test_a_fleet_error_after_a_change_stays_changed():
    result = run(RecordingOperation(FleetError("Job 600001 failed", changed=True, job_id="600001")), Task({"api": "drm"}))
    assert result["failed"] is True and result["changed"] is True and result["job_id"] == "600001"


def test_warnings_are_appended_to_the_result():
    def warn_twice(_params, ctx):
        ctx.warn("first")
        ctx.warn("second")
        return {"changed": False, "warnings": ["from the operation"]}
    result = run(RecordingOperation(warn_twice), Task({"api": "drm"}))
    assert result["warnings"] == ["from the operation", "first", "second"]


def test_warnings_survive_a_failure():
    def warn_then_fail(_params, ctx):
        ctx.warn("the listing was cut short")
        raise FleetError("boom")
    result = run(RecordingOperation(warn_then_fail), Task({"api": "drm"}))
    assert result["failed"] is True and result["warnings"] == ["the listing was cut short"]


def _echo(_params, ctx):
    """An operation whose result and error quote every credential it could see."""
    env_basic = base64.b64encode(("alice:" + ENV_PASSWORD).encode()).decode()
    opt_basic = base64.b64encode(("alice:" + OPTION_PASSWORD).encode()).decode()
    quoted = "opt %s env %s hdr %s basic %s and %s token %s" % (
        OPTION_PASSWORD, ctx.environ.get("DRM_PASSWORD"), HEADER_TOKEN, env_basic, opt_basic, TOKEN)
    raise FleetError("server said: " + quoted, jobs=[{"id": "1", "message": quoted}], note={"nested": [quoted]})


@pytest.mark.parametrize("args", [
    {"api": "drm", "username": "alice", "password": OPTION_PASSWORD, "token": TOKEN, "headers": {"X-Token": HEADER_TOKEN}},
    {"api": "drm", "username": "alice", "token": TOKEN, "headers": {"X-Token": HEADER_TOKEN}},  # password from DRM_PASSWORD
])
def test_every_secret_is_censored_in_the_result(args):
    task = Task(args, environment=[{"DRM_PASSWORD": ENV_PASSWORD}])
    result = run(RecordingOperation(_echo), task)
    text = repr(result)
    secrets = [ENV_PASSWORD, HEADER_TOKEN, TOKEN, base64.b64encode(("alice:" + ENV_PASSWORD).encode()).decode()]
    if "password" in args:
        secrets += [OPTION_PASSWORD, base64.b64encode(("alice:" + OPTION_PASSWORD).encode()).decode()]
    for secret in secrets:
        assert secret not in text, secret
    assert result["failed"] is True and result["msg"].startswith("server said: opt ")
    assert "env ******** hdr ******** basic ********" in result["msg"]
    assert result["jobs"][0]["message"] == result["note"]["nested"][0]


# ---------------------------------------------------------------- module_defaults of the job_* modules

GROUP = "group/asyncjobs.fleet.%s"
JOB_GROUPS = ("drm", "aiqum", "rpc", "powerstore")  # job_* are in every API's group (meta/runtime.yml)


def merged_args(task_args, module_defaults, action=JOB_INFO):
    """The args Ansible gives the action: the defaults of each group the module is in, in the
    order the play lists them (a later group wins), then the module's own, then the task's."""
    merged = {}
    for layer in module_defaults:
        merged.update(layer)
    args = {}
    for key, values in merged.items():
        if key.startswith("group/") and key.rsplit(".", 1)[-1] in JOB_GROUPS:
            args.update(values)
    args.update(merged.get(action, {}))
    args.update(task_args)
    return args


def run_job_info(task_args, module_defaults):
    op = RecordingOperation()
    result = run(op, Task(merged_args(task_args, module_defaults), module_defaults=module_defaults))
    assert "failed" not in result, result
    return op.runs[0][0]


DEFAULTS = [{GROUP % "drm": {"url": "https://rm.example", "validate_certs": None},
             GROUP % "powerstore": {"url": "https://array.example", "username": "ps-admin", "password": "ps-pw"}}]


def test_job_info_takes_only_its_own_apis_group_defaults():
    params = run_job_info({"api": "drm"}, DEFAULTS)
    # Ansible merged PowerStore's url over Remote Manager's; the task is about drm.
    assert params["url"] == "https://rm.example"
    # Options only PowerStore's group gives are dropped (the DRM_* variables then apply).
    assert params["username"] is None and params["password"] is None


def test_the_other_api_gets_its_own_defaults_too():
    params = run_job_info({"api": "powerstore"}, DEFAULTS)
    assert (params["url"], params["username"], params["password"]) == ("https://array.example", "ps-admin", "ps-pw")


def test_options_on_the_task_win_over_every_group():
    params = run_job_info({"api": "drm", "url": "https://own.example", "username": "own-user"}, DEFAULTS)
    assert params["url"] == "https://own.example" and params["username"] == "own-user"


def test_defaults_for_the_module_itself_are_kept():
    defaults = [dict(DEFAULTS[0], **{JOB_INFO: {"username": "ps-admin"}})]
    params = run_job_info({"api": "drm"}, defaults)
    assert params["url"] == "https://rm.example" and params["username"] == "ps-admin"


def test_layers_of_module_defaults_merge_as_ansible_merges_them():
    # A block's defaults for drm, then the task's own module_defaults for powerstore.
    defaults = [{GROUP % "drm": {"url": "https://rm.example"}}, {GROUP % "powerstore": {"url": "https://array.example"}}]
    assert run_job_info({"api": "drm"}, defaults)["url"] == "https://rm.example"
    assert run_job_info({"api": "powerstore"}, defaults)["url"] == "https://array.example"


def test_a_module_of_one_api_keeps_its_args_as_given():
    op = RecordingOperation()
    args = {"url": "https://array.example", "username": "ps-admin"}
    run(op, Task(args, action=SEND, module_defaults=DEFAULTS))
    assert op.runs[0][0]["url"] == "https://array.example" and op.runs[0][0]["username"] == "ps-admin"


# ---------------------------------------------------------------- a remote host runs the module

def remote(task):
    """run() over an ssh connection: the module run is recorded with the environment Ansible
    would give it (ActionBase builds both forms through _compute_environment_string)."""
    seen = {}

    def execute_module(action, module_name, module_args):
        raw = {}
        seen.update(module_name=module_name, module_args=dict(module_args), env_string=action._compute_environment_string(),
                    env_string_raw=action._compute_environment_string(raw), env=raw)
        return {"changed": False, "ran": "remotely"}
    op = RecordingOperation()
    result = run(op, task, transport="ssh", execute_module=execute_module)
    assert op.runs == []  # nothing ran on the controller
    assert result["ran"] == "remotely"
    return seen


ENVIRONMENT = [{"DRM_PASSWORD": ENV_PASSWORD, "DRM_API_KEY_SECRET": "env-key-secret", "DRM_URL": "https://rm.example",
                "POWERSTORE_PASSWORD": "ps-env-pw", "HTTPS_PROXY": "http://proxy.example:3128"}]


@pytest.mark.parametrize("action, args", [(JOB_INFO, {"api": "drm"}), (SEND, {})])
def test_remote_module_gets_secret_fallbacks_as_options_not_environment(action, args):
    seen = remote(Task(args, action=action, environment=ENVIRONMENT))
    assert seen["module_name"] == action
    assert seen["module_args"] == dict(args, password=ENV_PASSWORD, api_key_secret="env-key-secret")
    for env_string in (seen["env_string"], seen["env_string_raw"]):
        assert "DRM_URL=https://rm.example" in env_string and "HTTPS_PROXY=" in env_string
        for secret in (ENV_PASSWORD, "env-key-secret", "ps-env-pw", "DRM_PASSWORD", "POWERSTORE_PASSWORD"):
            assert secret not in env_string, (secret, env_string)
    assert seen["env"] == {"DRM_URL": "https://rm.example", "HTTPS_PROXY": "http://proxy.example:3128"}


def test_remote_module_keeps_a_password_given_on_the_task():
    seen = remote(Task({"api": "drm", "password": OPTION_PASSWORD}, environment=ENVIRONMENT))
    assert seen["module_args"]["password"] == OPTION_PASSWORD
    assert seen["module_args"]["api_key_secret"] == "env-key-secret"


def test_remote_async_request_gets_no_fallbacks_and_no_secret_variables():
    seen = remote(Task({"url": "https://api.example/x"}, action="asyncjobs.fleet.async_request", environment=ENVIRONMENT))
    assert seen["module_args"] == {"url": "https://api.example/x"}
    assert ENV_PASSWORD not in seen["env_string"] and "HTTPS_PROXY=" in seen["env_string"]
