# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_defaults action groups (meta/runtime.yml): group/asyncjobs.fleet.<api>.

Membership: every module belongs to the group of its API, named by its prefix
(``drm_*`` -> ``drm``...); ``job_wait``, ``job_info`` and ``job_cancel`` take ``api:`` and serve
every API, so they belong to all four groups; ``async_request`` belongs to none, because it
takes a full request URL and ``url_username``/``url_password``: a manager's ``username`` and
``password`` from a group's defaults would be unsupported parameters there and fail the task.
The modules' documented ``action_group`` membership must say the same.

Behaviour: for each group, a play that sets the lab's connection only through
``module_defaults: {group/asyncjobs.fleet.<api>: ...}``, with every ``<PREFIX>_*`` variable
removed from the environment, runs a read-only module of that API and ``job_info`` (and
``job_wait`` where the lab has a job to wait for) through the action plugins (in-process on
the local connection), and once through the module path (a non-local connection). A control
play without the defaults fails with "url is required", so nothing else supplied them.
"""

from __future__ import annotations

import ast
import os

import pytest
import requests
import yaml

from conftest import ENV_PREFIXES, LAB_PASSWORD, LAB_USERNAME, REPO_ROOT

COLLECTION = "asyncjobs.fleet"
APIS = ("drm", "powerstore", "aiqum", "rpc")
JOB_MODULES = {"job_wait", "job_info", "job_cancel"}
UNGROUPED = {"async_request"}
CONNECTION_OPTIONS = ("url", "username", "password", "api_key_id", "api_key_secret", "validate_certs", "ca_path",
                      "timeout")
# The lab's Remote Manager API key (tests/lab/README.md): Remote Manager's defaults use it, the others
# username and password, so both kinds of credential are shown to travel through module_defaults.
LAB_API_KEY = {"api_key_id": "lab-key-id", "api_key_secret": "lab-key-secret"}

RUNTIME = yaml.safe_load((REPO_ROOT / "meta" / "runtime.yml").read_text(encoding="utf-8"))
MODULES = sorted(p.stem for p in (REPO_ROOT / "plugins" / "modules").glob("*.py") if not p.stem.startswith("_"))


def no_connection_env():
    """Environment overrides removing every connection variable (the harness sets the lab's)."""
    prefixes = tuple(f"{prefix}_" for prefix in ENV_PREFIXES.values())
    env = {name: None for name in os.environ if name.startswith(prefixes)}
    env.update({f"{prefix}_{option.upper()}": None for prefix in ENV_PREFIXES.values() for option in CONNECTION_OPTIONS})
    return env


def connection(lab, api):
    credentials = LAB_API_KEY if api == "drm" else {"username": LAB_USERNAME, "password": LAB_PASSWORD}
    return {"url": lab.urls[api], **credentials, "timeout": 20}


# Read-only tasks per API, each registering `<api>_read`; then job_info (and job_wait).
READ_TASKS = {
    "drm": """
- name: drm read
  asyncjobs.fleet.drm_device_info:
    tags: [canary]
  register: drm_read
- name: drm query job, not waited for
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: <rci_request version="1.1"><query_state/></rci_request>
    wait: false
  register: drm_query
- name: drm wait
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: ["{{ drm_query.job_id }}"]
    poll_interval: 0.2
    fail_on: never
""",
    "powerstore": """
- name: powerstore read
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
  check_mode: true
  register: powerstore_read
""",
    "aiqum": """
- name: aiqum read
  asyncjobs.fleet.aiqum_file_share:
    name: share_home
    svm: svm_nfs_a
  check_mode: true
  register: aiqum_read
- name: aiqum wait
  asyncjobs.fleet.job_wait:
    api: aiqum
    job_ids: "{{ aiqum_seeded_jobs }}"
    poll_interval: 0.2
""",
    "rpc": """
- name: rpc read
  asyncjobs.fleet.rpc_call:
    function: system.System.get_infos
    asynchronous: false
    changes: false
  register: rpc_read
""",
}


def read_task(api):
    """The first task of READ_TASKS[api]: the read-only module."""
    return "- name:" + READ_TASKS[api].split("\n- name:")[1] + "\n"


def job_info_task(api):
    return f"""
- name: {api} jobs
  asyncjobs.fleet.job_info:
    api: {api}
"""


def indent(text, spaces):
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in text.strip("\n").splitlines())


def play(tasks, defaults=None, host_vars=None):
    lines = ["- name: Module defaults", "  hosts: localhost", "  gather_facts: false"]
    if host_vars:
        lines += ["  vars:", indent(yaml.safe_dump(host_vars, sort_keys=False), 4)]
    if defaults:
        lines += ["  module_defaults:", indent(yaml.safe_dump(defaults, sort_keys=False), 4)]
    lines += ["  tasks:", indent(tasks, 4)]
    return "\n".join(lines) + "\n"


def seed_aiqum_jobs(lab):
    resp = requests.post(lab.urls["aiqum"] + "/_lab/jobs", json={"count": 2}, timeout=10)
    resp.raise_for_status()
    return resp.json()["keys"]


def doc_membership(module):
    """attributes.action_group.membership of a module, through its doc fragments."""
    source = (REPO_ROOT / "plugins" / "modules" / f"{module}.py").read_text(encoding="utf-8")
    doc = yaml.safe_load(next(node.value.value for node in ast.parse(source).body
                              if isinstance(node, ast.Assign) and node.targets[0].id == "DOCUMENTATION"))
    fragments = ast.parse((REPO_ROOT / "plugins" / "doc_fragments" / "attributes.py").read_text(encoding="utf-8"))
    texts = {target.id: node.value.value for cls in fragments.body if isinstance(cls, ast.ClassDef)
             for node in cls.body if isinstance(node, ast.Assign) for target in node.targets}
    membership = set((doc.get("attributes", {}).get("action_group") or {}).get("membership", []))
    for name in doc.get("extends_documentation_fragment", []):
        if name.startswith(f"{COLLECTION}.attributes."):
            fragment = yaml.safe_load(texts[name.rsplit(".", 1)[1]])
            membership |= set(fragment.get("attributes", {}).get("action_group", {}).get("membership", []))
    return membership


# --- membership -------------------------------------------------------------------------


def test_groups_are_the_apis_and_name_only_modules():
    groups = RUNTIME["action_groups"]
    assert set(groups) == set(APIS)
    for api, members in groups.items():
        assert len(members) == len(set(members)), f"{api} lists a module twice"
        assert set(members) <= set(MODULES), f"{api} lists what is not a module: {set(members) - set(MODULES)}"


@pytest.mark.parametrize("module", MODULES)
def test_every_module_is_in_the_group_of_its_api(module):
    groups = {api for api, members in RUNTIME["action_groups"].items() if module in members}
    if module in JOB_MODULES:
        expected = set(APIS)
    elif module in UNGROUPED:
        expected = set()
    else:
        prefix = module.split("_", 1)[0]
        assert prefix in APIS, f"{module}: name a module <api>_..., or decide its groups here"
        expected = {prefix}
    assert groups == expected
    # ansible-doc shows the membership; it must not say something else.
    assert doc_membership(module) == {f"{COLLECTION}.{api}" for api in expected}


# --- behaviour --------------------------------------------------------------------------


@pytest.fixture
def fresh_lab(lab):
    lab.reset()
    return lab


@pytest.mark.parametrize("api", APIS)
def test_group_defaults_reach_the_modules(fresh_lab, ansible, lab_delta, api):
    host_vars = {"aiqum_seeded_jobs": seed_aiqum_jobs(fresh_lab)} if api == "aiqum" else None
    pb = ansible.playbook(play(READ_TASKS[api] + job_info_task(api),
                               defaults={f"group/{COLLECTION}.{api}": connection(fresh_lab, api)},
                               host_vars=host_vars))
    with lab_delta(api) as delta:
        run = ansible.run_playbook(pb, env=no_connection_env())
    read = run.result(f"{api} read")
    assert read["changed"] is False
    assert run.status(f"{api} jobs") == "ok" and isinstance(run.result(f"{api} jobs")["jobs"], list)
    if api == "drm":
        assert len(read["devices"]) == 5
        assert run.result("drm wait")["states"] == {"succeeded": 1}
    if api == "aiqum":
        assert run.result("aiqum wait")["states"] == {"succeeded": 2}
    assert sum(delta["methods"].values()) > 0
    # The in-process action plugin, not a module process, ran every task.
    assert all("invocation" not in entry["result"] for entry in run.results
               if entry["action"].startswith(COLLECTION))


def test_without_the_defaults_nothing_connects(fresh_lab, ansible):
    """The control: the same tasks without module_defaults fail for want of a URL."""
    tasks = "".join(read_task(api) + "  ignore_errors: true\n" for api in APIS)
    run = ansible.run_playbook(ansible.playbook(play(tasks)), env=no_connection_env())
    for api in APIS:
        result = run.result(f"{api} read")
        assert run.status(f"{api} read") == "failed", result
        assert f"url is required: set the url option or the {ENV_PREFIXES[api]}_URL environment variable" \
            in result["msg"]


def test_group_defaults_reach_the_module_on_a_non_local_connection(fresh_lab, ansible, tmp_path):
    defaults = {f"group/{COLLECTION}.drm": connection(fresh_lab, "drm")}
    tasks = read_task("drm") + "  vars:\n    ansible_connection: remote_local\n"
    run = ansible.run_playbook(ansible.playbook(play(tasks, defaults=defaults)),
                               env={**no_connection_env(), "ANSIBLE_REMOTE_TEMP": str(tmp_path / "remote-tmp")})
    read = run.result("drm read")
    args = read["invocation"]["module_args"]  # executed as a module, with the defaults as its arguments
    assert args["url"] == fresh_lab.urls["drm"] and args["api_key_id"] == "lab-key-id"
    assert args["api_key_secret"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert len(read["devices"]) == 5


def test_one_play_for_several_apis(fresh_lab, ansible):
    """Defaults for every group in one play: each module takes its own API's group.

    job_wait/job_info/job_cancel are in every group, and Ansible merges the defaults of every
    group a module is in (the group listed last wins); the action plugin gives them their own
    API's group instead, drops what only another group supplied (Remote Manager's defaults
    here carry an API key, the others a username and password), and keeps options given on
    the task.
    """
    defaults = {f"group/{COLLECTION}.{api}": connection(fresh_lab, api) for api in APIS}
    tasks = "".join(read_task(api) + job_info_task(api) for api in APIS)
    # A task's own url wins over every group: a wrong one must fail.
    tasks += job_info_task("drm").replace("drm jobs", "drm jobs elsewhere") + \
        f"    url: {fresh_lab.urls['powerstore']}\n  ignore_errors: true\n"
    pb = ansible.playbook(play(tasks, defaults=defaults))
    run = ansible.run_playbook(pb, env=no_connection_env())
    for api in APIS:
        assert run.status(f"{api} read") == "ok"
        assert run.status(f"{api} jobs") == "ok", run.result(f"{api} jobs")
    assert run.status("drm jobs elsewhere") == "failed"
    msg = run.result("drm jobs elsewhere")["msg"]
    # PowerStore's error shape, for Remote Manager's path: the task's url was used.
    assert "HTTP 404" in msg and '"messages"' in msg and "No route for GET /ws/sci" in msg
