# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The per-array pattern (playbooks/powerstore_resize.yml) against two PowerStore lab arrays.

Each array is a lab process of its own with its own account; the inventory makes each one a host
with its URL, credentials and volumes. Assertions are on outcomes and on each array's request
counters (``/_lab/stats``), never on timing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import RECORD_ENV_VAR, REPO_ROOT, AnsibleRunner, PlaybookRun, _subtract, private_lab

PLAYBOOK = REPO_ROOT / "playbooks" / "powerstore_resize.yml"
EXAMPLE_INVENTORY = REPO_ROOT / "playbooks" / "inventory" / "powerstore_arrays.yml"
TASK = "Ensure this array's volumes"
STATS = "Record this array's changed volumes"
GIB = 1024 ** 3
VOLUMES = 10
PREFIX = "fleet-vol-"
NAMES = ["%s%05d" % (PREFIX, i) for i in range(VOLUMES)]
# Two arrays, two accounts: each host must send its own credentials to its own array.
ACCOUNTS = {"array-a": ("admin", "lab-Passw0rd!"), "array-b": ("ops-b", "Array-B-Passw0rd!")}
CHANGES = ("POST", "PATCH", "DELETE")


@pytest.fixture(scope="module")
def arrays(tmp_path_factory):
    labs = {}
    with private_lab(tmp_path_factory, "array-a", only="powerstore", time_scale=0.25,
                     username=ACCOUNTS["array-a"][0], password=ACCOUNTS["array-a"][1]) as labs["array-a"], \
            private_lab(tmp_path_factory, "array-b", only="powerstore", time_scale=0.25,
                        username=ACCOUNTS["array-b"][0], password=ACCOUNTS["array-b"][1]) as labs["array-b"]:
        yield labs


@pytest.fixture
def fleet(arrays):
    """Both arrays reset, each with VOLUMES volumes of 100 GiB; modify jobs take 0.5 s."""
    for lab in arrays.values():
        lab.reset("powerstore")
        lab.config("powerstore", durations={"modify": 2.0})
        lab._call("powerstore", "POST", "/_lab/volumes", {"count": VOLUMES, "prefix": PREFIX, "size": 100 * GIB})
    return arrays


def sizes(lab):
    return {v["name"]: v["size"] for v in lab._call("powerstore", "GET", "/_lab/volumes") if v["name"].startswith(PREFIX)}


def inventory(tmp_path, arrays, volumes):
    """volumes: {host: [items]}. Written as the example inventory is laid out (a powerstore_arrays group)."""
    hosts = {host: {"powerstore_url": lab.urls["powerstore"], "powerstore_username": ACCOUNTS[host][0],
                    "powerstore_password": ACCOUNTS[host][1], "powerstore_volumes": volumes[host]}
             for host, lab in arrays.items()}
    path = tmp_path / "arrays.json"
    path.write_text(json.dumps({"powerstore_arrays": {"hosts": hosts, "vars": {"ansible_python_interpreter": sys.executable}}}))
    return path


def run_playbook(tmp_path, inventory_path, check=False, expect_rc=0):
    runner = AnsibleRunner(tmp_path)
    record = tmp_path / ("results-%s.json" % ("check" if check else len(list(tmp_path.glob("results-*")))))
    cmd = [runner.tool("ansible-playbook"), "-i", str(inventory_path), str(PLAYBOOK)] + (["--check"] if check else [])
    proc = subprocess.run(cmd, env=runner.environment({RECORD_ENV_VAR: str(record)}), cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, check=False)
    run = PlaybookRun(cmd, proc.returncode, proc.stdout, proc.stderr, json.loads(record.read_text()))
    assert run.rc == expect_rc, run.describe()
    return run


def measure(arrays, action):
    """Run action(); return its value and each array's /_lab/stats delta."""
    before = {host: lab.stats("powerstore") for host, lab in arrays.items()}
    value = action()
    return value, {host: _subtract(lab.stats("powerstore"), before[host]) for host, lab in arrays.items()}


def sent(delta):
    return {m: delta["methods"].get(m, 0) for m in CHANGES}


def test_each_array_gets_its_patches_and_one_batched_wait(fleet, tmp_path):
    inv = inventory(tmp_path, fleet, {host: [{"name": n, "size": "120GB"} for n in NAMES] for host in fleet})

    run, dry = measure(fleet, lambda: run_playbook(tmp_path, inv, check=True))
    for host in fleet:
        assert run.status(TASK, host) == "changed"
        assert all(e["changes"] == {"size": 120 * GIB} for e in run.result(TASK, host)["volumes"])
        assert sent(dry[host]) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    run, delta = measure(fleet, lambda: run_playbook(tmp_path, inv))
    for host, lab in fleet.items():
        r = run.result(TASK, host)
        assert run.status(TASK, host) == "changed" and len(r["job_ids"]) == VOLUMES
        assert [e["name"] for e in r["volumes"]] == NAMES
        assert all(e["changed"] and not e["failed"] and e["volume"]["size"] == 120 * GIB for e in r["volumes"])
        assert sizes(lab) == {n: 120 * GIB for n in NAMES}
        d = delta[host]
        # Its own account, one login, no credentials refused (the other array's would be).
        assert d["auth"] == {"logins": 1}
        assert d["submissions"] == {"modify": VOLUMES}
        assert sent(d) == {"POST": 0, "PATCH": VOLUMES, "DELETE": 0}
        assert d["requests"]["PATCH /api/rest/volume/{id}"] == VOLUMES
        # One read listing and one read back for the 10 volumes, not one read per volume.
        assert d["requests"]["GET /api/rest/volume"] == 2
        # ONE batched wait: a job listing per poll round (plus the in-flight look before submitting and
        # the duplicate check after), never a GET per job.
        assert r["polls"] >= 1 and d["requests"]["GET /api/rest/job"] == r["polls"] + 2
        assert d["requests"].get("GET /api/rest/job/{id}", 0) == 0
        assert r["requests"] == sum(d["methods"].values()) == 1 + 2 + VOLUMES + r["polls"] + 2
        # For AWX: each array's changed volumes under its own key (set_stats merges the hosts' dicts).
        assert run.result(STATS, host)["ansible_stats"]["data"] == {"powerstore_changed_volumes": {host: NAMES}}

    run, again = measure(fleet, lambda: run_playbook(tmp_path, inv))
    for host in fleet:
        assert run.status(TASK, host) == "ok"
        assert not any(e["changed"] for e in run.result(TASK, host)["volumes"])
        assert run.result(STATS, host)["ansible_stats"]["data"] == {"powerstore_changed_volumes": {host: []}}
        # Login, one volume listing, one look for jobs in flight on them: nothing else, nothing sent.
        assert sent(again[host]) == {"POST": 0, "PATCH": 0, "DELETE": 0}
        assert sum(again[host]["methods"].values()) == run.result(TASK, host)["requests"] == 3


def test_a_refused_array_sends_nothing_and_the_other_is_resized(fleet, tmp_path):
    volumes = {"array-a": [{"name": n, "size": "120GB"} for n in NAMES],
               # A shrink on array-b is refused before anything is sent to array-b.
               "array-b": [{"name": n, "size": "120GB"} for n in NAMES[:-1]] + [{"name": NAMES[-1], "size": "50GB"}]}
    run, delta = measure(fleet, lambda: run_playbook(tmp_path, inventory(tmp_path, fleet, volumes), expect_rc=2))
    assert run.status(TASK, "array-a") == "changed"
    assert sizes(fleet["array-a"]) == {n: 120 * GIB for n in NAMES}
    assert run.status(TASK, "array-b") == "failed"
    msg = run.result(TASK, "array-b")["msg"]
    assert NAMES[-1] in msg and "100 GiB" in msg
    assert sent(delta["array-b"]) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    assert sizes(fleet["array-b"]) == {n: 100 * GIB for n in NAMES}
    assert "Traceback" not in run.stdout + run.stderr


def test_example_inventory_groups_the_arrays(tmp_path):
    runner = AnsibleRunner(tmp_path)
    proc = subprocess.run([runner.tool("ansible-inventory"), "-i", str(EXAMPLE_INVENTORY), "--list"],
                          env=runner.environment(), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    listed = json.loads(proc.stdout)
    assert listed["powerstore_arrays"]["hosts"] == ["powerstore-a", "powerstore-b"]
    hostvars = listed["_meta"]["hostvars"]
    assert all(hostvars[h]["ansible_connection"] == "local" and hostvars[h]["powerstore_volumes"] for h in hostvars)
    assert len({hostvars[h]["powerstore_url"] for h in hostvars}) == 2
    proc = subprocess.run([runner.tool("ansible-playbook"), "-i", str(EXAMPLE_INVENTORY), "--syntax-check", str(PLAYBOOK)],
                          env=runner.environment(), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
