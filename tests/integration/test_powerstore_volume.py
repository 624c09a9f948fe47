# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""asyncjobs.fleet.powerstore_volume against the lab, over real HTTP.

Every test starts from a freshly reset PowerStore appliance (seeded volumes such as hr-vol-01 in
vg-hr and free-vol-01/02 in no group, hosts esx-01..04, host group cluster-a with esx-01/02) and
asserts on returned values, on the lab's own objects (/_lab/volumes) and on its request counters.
"""

from __future__ import annotations

import pytest

from test_powerstore import CHANGES, Raw, changes, play, run_while_held

GIB = 1024 ** 3
DURATIONS = {"create": 1.0, "modify": 2.0, "delete": 1.0, "action": 1.0}


@pytest.fixture
def ps(lab):
    lab.reset("powerstore")
    lab.config("powerstore", durations=DURATIONS, idle_timeout=3600)
    yield lab
    lab.config("powerstore", durations=DURATIONS, idle_timeout=3600)


def volumes(lab):
    return {v["name"]: v for v in lab._call("powerstore", "GET", "/_lab/volumes")}


def ids(lab, kind):
    return {o["name"]: o["id"] for o in lab._call("powerstore", "GET", "/_lab/" + kind)}


def policies(lab):
    return {p["id"]: p["name"] for p in lab._call("powerstore", "GET", "/_lab/policies")}


def group_of(lab, vol):
    names = {v["id"]: v["name"] for v in lab._call("powerstore", "GET", "/_lab/volume_groups")}
    return [names[g] for g in vol["volume_group_ids"]]


def mappings(lab, vol):
    hosts, host_groups = ids(lab, "hosts"), ids(lab, "host_groups")
    named = {v: k for k, v in hosts.items()}
    named.update({v: k for k, v in host_groups.items()})
    return sorted((named[m["host_id"] or m["host_group_id"]], m["logical_unit_number"]) for m in vol["mapped_volumes"])


def nothing_sent(delta):
    return changes(delta) == dict.fromkeys(CHANGES, 0)


CREATE = """
- name: Create
  asyncjobs.fleet.powerstore_volume:
    name: app-01
    size: 10GB
    description: App data
    volume_group: vg-hr
    protection_policy: gold-protection
    performance_policy: default_high
    host: esx-03
    logical_unit_number: 7
    poll_interval: 0.2
"""


def test_create_check_diff_then_create_then_rerun_sends_nothing(ps, ansible, lab_delta):
    pb = ansible.playbook(play(CREATE))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True, diff=True).result("Create")
    after = {"state": "present", "name": "app-01", "size": 10 * GIB, "description": "App data",
             "protection_policy": "gold-protection", "performance_policy": "default_high", "volume_group": "vg-hr",
             "mapping": {"host": "esx-03", "mapping_state": "mapped", "logical_unit_number": 7}}
    assert r["changed"] is True and r["job_ids"] == [] and r["volume"] is None
    assert r["diff"] == {"before": {"state": "absent"}, "after": after} and r["changes"] == after
    assert nothing_sent(dry) and "app-01" not in volumes(ps)

    with lab_delta("powerstore") as first:
        run = ansible.run_playbook(pb, diff=True)
    r = run.result("Create")
    assert run.status("Create") == "changed" and len(r["job_ids"]) == 1
    job = r["jobs"][0]
    assert job["state"] == "succeeded" and job["operation"] == "create" and job["resource_type"] == "volume"
    assert first["requests"]["POST /api/rest/volume"] == 1 and changes(first) == {"POST": 1, "PATCH": 0, "DELETE": 0}
    assert r["requests"] == sum(first["methods"].values())
    vol = r["volume"]
    assert vol["name"] == "app-01" and vol["size"] == 10 * GIB and vol["size_readable"] == "10 GiB"
    assert vol["volume_group"] == "vg-hr" and vol["protection_policy"] == "gold-protection"
    assert vol["performance_policy"] == "default_high" and vol["description"] == "App data"
    assert vol["mappings"] == [{"host": "esx-03", "host_id": ids(ps, "hosts")["esx-03"], "host_group": None,
                                "host_group_id": None, "logical_unit_number": 7}]
    lab_vol = volumes(ps)["app-01"]
    assert lab_vol["id"] == vol["id"] and group_of(ps, lab_vol) == ["vg-hr"] and mappings(ps, lab_vol) == [("esx-03", 7)]
    assert policies(ps)[lab_vol["performance_policy_id"]] == "default_high"

    with lab_delta("powerstore") as again:
        run = ansible.run_playbook(pb)
    assert run.status("Create") == "ok" and run.result("Create")["changes"] == {}
    assert nothing_sent(again)
    # login, the volume, policies, volume groups, hosts, the jobs in flight on the volume: nothing else.
    assert sum(again["methods"].values()) == 6 and again["requests"]["GET /api/rest/volume"] == 1


def test_modify_rename_grow_policies_in_one_patch_then_rerun(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Modify
  asyncjobs.fleet.powerstore_volume:
    name: free-vol-01
    new_name: db-01
    size: 0.25 TiB
    description: Database
    protection_policy: silver-protection
    performance_policy: default_low
    poll_interval: 0.2
"""))
    with lab_delta("powerstore") as first:
        r = ansible.run_playbook(pb, diff=True).result("Modify")
    assert r["diff"] == {"before": {"name": "free-vol-01", "description": "", "size": 100 * GIB, "protection_policy": "",
                                    "performance_policy": "default_medium"},
                         "after": {"name": "db-01", "description": "Database", "size": 256 * GIB,
                                   "protection_policy": "silver-protection", "performance_policy": "default_low"}}
    assert first["requests"]["PATCH /api/rest/volume/{id}"] == 1 and changes(first)["PATCH"] == 1
    assert r["jobs"][0]["operation"] == "modify" and r["volume"]["name"] == "db-01"
    vol = volumes(ps)["db-01"]
    assert vol["size"] == 256 * GIB and vol["description"] == "Database"
    assert policies(ps)[vol["protection_policy_id"]] == "silver-protection"
    with lab_delta("powerstore") as again:
        r = ansible.run_playbook(pb).result("Modify")
    assert r["changed"] is False and nothing_sent(again) and r["volume"]["name"] == "db-01"

    remove = ansible.playbook(play("""
- name: Remove policy
  asyncjobs.fleet.powerstore_volume: {id: "%s", protection_policy: "", description: "", poll_interval: 0.2}
""" % vol["id"]))
    r = ansible.run_playbook(remove).result("Remove policy")
    assert r["changes"] == {"protection_policy": "", "description": ""}
    assert volumes(ps)["db-01"]["protection_policy_id"] is None and volumes(ps)["db-01"]["description"] == ""


def test_refusals_send_nothing(ps, ansible, lab_delta):
    tasks = {
        "Not a multiple": ("{name: hr-vol-01, size: 1000000000}",
                           ["not a multiple of 8192 bytes", "999997440 bytes", "1000005632 bytes"]),
        "Shrink": ("{name: hr-vol-01, size: 50GB}",
                   ["smaller than the volume's current size 100 GiB (107374182400 bytes)", "can only grow"]),
        "Unit": ("{name: hr-vol-01, size: 10 GBytes}", ["size must be bytes as a whole number, or a number with a unit"]),
        "Unknown policy": ("{name: hr-vol-01, protection_policy: platinum}",
                           ["protection_policy 'platinum' not found", "gold-protection", "Nothing was changed"]),
        "Wrong policy type": ("{name: hr-vol-01, performance_policy: gold-protection}",
                              ["is a Protection policy", "default_medium"]),
        "Unknown host": ("{name: hr-vol-01, host: esx-99}", ["host 'esx-99' not found", "esx-01, esx-02, esx-03, esx-04"]),
        "Unknown host group": ("{name: hr-vol-01, host_group: cluster-z}", ["host_group 'cluster-z' not found", "cluster-a"]),
        "Unknown group": ("{name: hr-vol-01, volume_group: vg-none}", ["volume_group 'vg-none' not found", "vg-hr"]),
        "Name and id": ("{name: hr-vol-01, id: abc}", ["give exactly one of name or id"]),
        "Create without size": ("{name: brand-new}", ["volume brand-new does not exist: size is required to create it"]),
        "Delete in a group": ("{name: hr-vol-01, state: absent}",
                              ["volume hr-vol-01 cannot be deleted: it is in volume group vg-hr", "volume_group: \"\""]),
        "Bad item": ("{volumes: [{name: hr-vol-01, size: 200GB}, {name: web-vol-01, size: 7}]}",
                     ["volumes[1].size 7 is 7 bytes"]),
        "Both modes": ("{name: hr-vol-01, volumes: [{name: web-vol-01}]}",
                       ["volumes cannot be combined with the per-volume options name"]),
        "Two steps without wait": ("{name: hr-vol-01, size: 200GB, volume_group: vg-web, wait: false}",
                                   ["with wait: false only changes of one step can be submitted",
                                    "volume hr-vol-01 needs 3: modify volume hr-vol-01, then remove volume hr-vol-01 "
                                    "from volume group vg-hr, then add volume hr-vol-01 to volume group vg-web"]),
    }
    pb = ansible.playbook(play(*["- name: %s\n  asyncjobs.fleet.powerstore_volume: %s\n  ignore_errors: true"
                                 % (name, options) for name, (options, _w) in tasks.items()]))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb)
    for name, (_o, words) in tasks.items():
        assert run.status(name) == "failed", name
        for word in words:
            assert word in run.result(name)["msg"], (name, run.result(name)["msg"])
    assert nothing_sent(delta)
    assert "Traceback" not in run.stdout + run.stderr
    assert volumes(ps)["hr-vol-01"]["size"] == 100 * GIB


def test_group_move_then_removal(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Move
  asyncjobs.fleet.powerstore_volume: {name: hr-vol-01, volume_group: VG-WEB, poll_interval: 0.2}
- name: Again
  asyncjobs.fleet.powerstore_volume: {name: hr-vol-01, volume_group: vg-web, poll_interval: 0.2}
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, diff=True)
    r = run.result("Move")
    assert r["diff"] == {"before": {"volume_group": "vg-hr"}, "after": {"volume_group": "vg-web"}}
    assert [j["operation"] for j in r["jobs"]] == ["remove_members", "add_members"]
    assert delta["requests"]["POST /api/rest/volume_group/{id}/remove_members"] == 1
    assert delta["requests"]["POST /api/rest/volume_group/{id}/add_members"] == 1 and changes(delta)["POST"] == 2
    assert r["volume"]["volume_group"] == "vg-web" and run.status("Again") == "ok"
    assert group_of(ps, volumes(ps)["hr-vol-01"]) == ["vg-web"]

    out = ansible.playbook(play("""
- name: Out
  asyncjobs.fleet.powerstore_volume: {name: hr-vol-01, volume_group: "", poll_interval: 0.2}
"""))
    r = ansible.run_playbook(out).result("Out")
    assert [j["operation"] for j in r["jobs"]] == ["remove_members"] and r["volume"]["volume_group"] is None
    assert group_of(ps, volumes(ps)["hr-vol-01"]) == []


def test_map_and_unmap_host_and_host_group(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Map host
  asyncjobs.fleet.powerstore_volume: {name: free-vol-02, host: esx-03, logical_unit_number: 5, poll_interval: 0.2}
- name: Map host group
  asyncjobs.fleet.powerstore_volume: {name: free-vol-02, host_group: cluster-a, poll_interval: 0.2}
- name: Map host again
  asyncjobs.fleet.powerstore_volume: {name: free-vol-02, host: esx-03, logical_unit_number: 5, poll_interval: 0.2}
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, diff=True)
    r = run.result("Map host")
    assert r["diff"] == {"before": {"mapping": {"host": "esx-03", "mapping_state": "unmapped"}},
                         "after": {"mapping": {"host": "esx-03", "mapping_state": "mapped", "logical_unit_number": 5}}}
    assert r["jobs"][0]["operation"] == "attach"
    assert run.result("Map host group")["changes"] == {"mapping": {"host_group": "cluster-a", "mapping_state": "mapped"}}
    assert run.status("Map host again") == "ok"
    assert delta["requests"]["POST /api/rest/volume/{id}/attach"] == 2 and changes(delta)["POST"] == 2
    vol = volumes(ps)["free-vol-02"]
    assert [name for name, _lun in mappings(ps, vol)] == ["cluster-a", "esx-03"]
    assert dict(mappings(ps, vol))["esx-03"] == 5

    unmap = ansible.playbook(play("""
- name: Unmap host
  asyncjobs.fleet.powerstore_volume: {name: free-vol-02, host: esx-03, mapping_state: unmapped, poll_interval: 0.2}
- name: Other LUN
  asyncjobs.fleet.powerstore_volume: {name: free-vol-02, host_group: cluster-a, logical_unit_number: 99}
  ignore_errors: true
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(unmap)
    assert run.result("Unmap host")["jobs"][0]["operation"] == "detach"
    assert "PowerStore cannot change a mapping's LUN in place" in run.result("Other LUN")["msg"]
    assert delta["requests"]["POST /api/rest/volume/{id}/detach"] == 1 and changes(delta)["POST"] == 1
    assert [name for name, _lun in mappings(ps, volumes(ps)["free-vol-02"])] == ["cluster-a"]


def test_delete_takes_it_out_first_and_check_mode_sends_nothing(ps, ansible, lab, lab_delta):
    setup = ansible.playbook(play("""
- name: Protect and map
  asyncjobs.fleet.powerstore_volume:
    {name: finance-vol-01, protection_policy: bronze-protection, host: esx-04, poll_interval: 0.2}
"""))
    ansible.run_playbook(setup)
    pb = ansible.playbook(play("""
- name: Delete
  asyncjobs.fleet.powerstore_volume:
    name: finance-vol-01
    state: absent
    volume_group: ""
    protection_policy: ""
    host: esx-04
    poll_interval: 0.2
"""))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True, diff=True).result("Delete")
    assert r["changed"] is True and nothing_sent(dry)
    assert r["diff"]["before"] == {"state": "present", "name": "finance-vol-01", "size": 100 * GIB,
                                   "protection_policy": "bronze-protection", "volume_group": "vg-finance",
                                   "mapping": {"host": "esx-04", "mapping_state": "mapped", "logical_unit_number": 1}}
    assert r["diff"]["after"] == {"state": "absent", "protection_policy": "", "volume_group": "",
                                  "mapping": {"host": "esx-04", "mapping_state": "unmapped"}}
    with lab_delta("powerstore") as delta:
        r = ansible.run_playbook(pb).result("Delete")
    assert [j["operation"] for j in r["jobs"]] == ["modify", "remove_members", "detach", "delete"]
    assert all(j["state"] == "succeeded" for j in r["jobs"]) and r["volume"] is None
    assert changes(delta) == {"POST": 2, "PATCH": 1, "DELETE": 1}
    assert "finance-vol-01" not in volumes(ps)
    with lab_delta("powerstore") as again:
        r = ansible.run_playbook(pb).result("Delete")
    assert r["changed"] is False and nothing_sent(again)


def test_in_flight_job_is_adopted_not_duplicated(ps, ansible, lab, lab_delta):
    # Held until the module has found the job and polls it (see run_while_held).
    lab.config("powerstore", durations=dict(DURATIONS, modify=3600.0))
    vol = volumes(lab)["web-vol-02"]
    raw = Raw(lab)
    resp = raw.http.patch(f"{raw.base}/volume/{vol['id']}", params={"is_async": "true"}, json={"size": 200 * GIB},
                          timeout=10)
    assert resp.status_code == 202, resp.text
    job_id = resp.json()["id"]
    pb = ansible.playbook(play("""
- name: Re-run
  asyncjobs.fleet.powerstore_volume: {name: web-vol-02, size: 200GB, poll_interval: 0.2}
"""))
    with lab_delta("powerstore") as delta:
        r = run_while_held(lab, ansible, pb, job_id).result("Re-run")
    assert r["adopted_job_ids"] == [job_id] and r["job_ids"] == [] and r["changed"] is True
    assert r["adopted_jobs"][0]["state"] == "succeeded" and r["volume"]["size"] == 200 * GIB
    assert nothing_sent(delta)
    # Read, looked for jobs in flight, waited, read again: two volume listings.
    assert delta["requests"]["GET /api/rest/volume"] == 2


def test_failed_job_names_volume_job_state_and_messages(ps, ansible):
    pb = ansible.playbook(play("""
- name: Rename onto a taken name
  asyncjobs.fleet.powerstore_volume: {name: web-vol-01, new_name: WEB-VOL-02, size: 200GB, poll_interval: 0.2}
"""))
    run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Rename onto a taken name")
    job = r["jobs"][0]
    assert run.status("Rename onto a taken name") == "failed"
    assert job["state"] == "failed" and job["raw_state"] == "FAILED" and job["response_status"] == "422"
    assert r["job_ids"] == [job["id"]] and r["changed"] is False
    msg = r["msg"]
    assert msg.startswith("1 of 1 volume(s) did not reach the requested state (fail_on=any): volume web-vol-01: "
                          "PowerStore job %s (modify volume web-vol-01) ended failed (state FAILED, HTTP 422): " % job["id"])
    assert "already in use" in msg
    assert volumes(ps)["web-vol-01"]["size"] == 100 * GIB


def test_wait_false_returns_the_job_for_job_wait(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Submit
  asyncjobs.fleet.powerstore_volume: {name: archive-vol-01, size: 101GB, wait: false}
  register: sub
- name: Wait
  asyncjobs.fleet.job_wait: {api: powerstore, job_ids: "{{ sub.job_ids }}", poll_interval: 0.2}
"""))
    run = ansible.run_playbook(pb)
    r = run.result("Submit")
    assert r["changed"] is True and len(r["job_ids"]) == 1 and r["jobs"] == [] and "polls" not in r
    assert r["volume"]["size"] == 100 * GIB  # as read: the job had not run yet
    assert run.result("Wait")["states"] == {"succeeded": 1}
    assert volumes(ps)["archive-vol-01"]["size"] == 101 * GIB


def test_twenty_volumes_cost_listings_not_polls_per_volume(ps, ansible, lab, lab_delta):
    lab._call("powerstore", "POST", "/_lab/volumes", {"count": 20, "prefix": "bulk-vol-", "size": 100 * GIB})
    names = ["bulk-vol-%05d" % i for i in range(20)]
    items = "\n".join("      - {name: %s, size: 200GB}" % n for n in names)
    pb = ansible.playbook(play("- name: Resize\n  asyncjobs.fleet.powerstore_volume:\n    poll_interval: 0.2\n"
                               "    volumes:\n" + items))
    with lab_delta("powerstore") as delta:
        r = ansible.run_playbook(pb).result("Resize")
    assert r["changed"] is True and len(r["job_ids"]) == 20 and len(r["volumes"]) == 20
    assert all(e["changed"] and not e["failed"] and e["volume"]["size"] == 200 * GIB for e in r["volumes"])
    req = delta["requests"]
    assert req["PATCH /api/rest/volume/{id}"] == 20 and changes(delta) == {"POST": 0, "PATCH": 20, "DELETE": 0}
    # One listing to read, one to read back; one login.
    assert req["GET /api/rest/volume"] == 2 and delta["auth"] == {"logins": 1}
    # Job listings: one per poll round, plus the in-flight listing before and the duplicate check after submitting.
    assert r["polls"] >= 1 and req["GET /api/rest/job"] == r["polls"] + 2
    # ... and one wait covered the 20 jobs (each entry of its history counts them all).
    assert r["history"] and all(sum(h["states"].values()) == 20 for h in r["history"])
    assert req.get("GET /api/rest/job/{id}", 0) == 0
    assert r["requests"] == sum(delta["methods"].values()) == 1 + 2 + 1 + 20 + r["polls"] + 1
    assert all(v["size"] == 200 * GIB for n, v in volumes(ps).items() if n in names)

    with lab_delta("powerstore") as again:
        r = ansible.run_playbook(pb).result("Resize")
    assert r["changed"] is False and nothing_sent(again) and sum(again["methods"].values()) == 3


def test_partial_failure_reports_every_volume(ps, ansible, lab, lab_delta):
    lab._call("powerstore", "POST", "/_lab/volumes", {"count": 20, "prefix": "bulk-vol-", "size": 100 * GIB})
    names = ["bulk-vol-%05d" % i for i in range(20)]
    items = ["      - {name: %s, size: 300GB, volume_group: vg-analytics}" % n for n in names]
    items[7] = "      - {name: bulk-vol-00007, new_name: hr-vol-01, size: 300GB, volume_group: vg-analytics}"
    pb = ansible.playbook(play("- name: Resize\n  asyncjobs.fleet.powerstore_volume:\n    poll_interval: 0.2\n"
                               "    volumes:\n" + "\n".join(items)))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Resize")
    entries = r["volumes"]
    failed = [e for e in entries if e["failed"]]
    assert [e["name"] for e in failed] == ["bulk-vol-00007"] and failed[0]["changed"] is False
    assert r["msg"].startswith("1 of 20 volume(s) did not reach the requested state (fail_on=any): volumes[7] "
                               "(volume bulk-vol-00007): PowerStore job %s (modify volume bulk-vol-00007) ended failed"
                               % failed[0]["job_ids"][0])
    assert "already in use" in r["msg"] and failed[0]["msg"] in r["msg"]
    ok = [e for e in entries if not e["failed"]]
    assert len(ok) == 19 and all(e["changed"] and len(e["job_ids"]) == 2 for e in ok)
    assert all(e["volume"]["size"] == 300 * GIB and e["volume"]["volume_group"] == "vg-analytics" for e in ok)
    # Round 1: 20 PATCHes; round 2: one add_members for the 19 volumes still on track; no step for the failed one.
    assert delta["requests"]["PATCH /api/rest/volume/{id}"] == 20
    assert delta["requests"]["POST /api/rest/volume_group/{id}/add_members"] == 1 and changes(delta)["POST"] == 1
    assert r["changed"] is True and len(r["job_ids"]) == 21
    lab_vols = volumes(ps)
    assert lab_vols["bulk-vol-00007"]["size"] == 100 * GIB and lab_vols["bulk-vol-00007"]["volume_group_ids"] == []
    assert len(group_of(ps, lab_vols["bulk-vol-00001"])) == 1


def test_module_path_on_a_non_local_connection(ps, ansible):
    pb = ansible.playbook(play("""
- name: As a module
  asyncjobs.fleet.powerstore_volume: {name: free-vol-01, description: via module, poll_interval: 0.2}
  vars:
    ansible_connection: remote_local
"""))
    r = ansible.run_playbook(pb).result("As a module")
    assert r["changed"] is True and r["jobs"][0]["state"] == "succeeded" and "invocation" in r


def test_arrays_as_inventory_hosts_each_one_task_and_one_batched_wait(ps, ansible, lab, lab_delta):
    """The documented per-array pattern: each array an inventory host with its URL and volumes; here two
    "arrays" are the same lab appliance, each with its own volumes."""
    lab._call("powerstore", "POST", "/_lab/volumes", {"count": 6, "prefix": "arr-vol-", "size": 100 * GIB})
    pb = ansible.playbook("""
- name: Inventory
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Arrays
      ansible.builtin.add_host:
        name: "{{ item.name }}"
        groups: arrays
        ansible_connection: local
        powerstore_url: "{{ lab_url }}"
        array_volumes: "{{ item.volumes }}"
      loop:
        - {name: ps-a, volumes: [{name: arr-vol-00000, size: 200GB}, {name: arr-vol-00001, size: 200GB},
                                 {name: arr-vol-00002, size: 200GB}]}
        - {name: ps-b, volumes: [{name: arr-vol-00003, size: 300GB}, {name: arr-vol-00004, size: 300GB},
                                 {name: arr-vol-00005, size: 300GB}]}
- name: Volumes on every array
  hosts: arrays
  gather_facts: false
  module_defaults:
    group/asyncjobs.fleet.powerstore:
      url: "{{ powerstore_url }}"
      poll_interval: 0.2
  tasks:
    - name: Ensure the array's volumes
      asyncjobs.fleet.powerstore_volume:
        volumes: "{{ array_volumes }}"
""")
    # The URL comes from module_defaults only: the environment's points at a closed port.
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, extra_vars={"lab_url": lab.urls["powerstore"]},
                                   env={"POWERSTORE_URL": "http://127.0.0.1:9"})
    per_host = {h: run.result("Ensure the array's volumes", host=h) for h in ("ps-a", "ps-b")}
    for host, size in (("ps-a", 200), ("ps-b", 300)):
        r = per_host[host]
        assert run.status("Ensure the array's volumes", host=host) == "changed"
        assert [e["volume"]["size"] for e in r["volumes"]] == [size * GIB] * 3 and len(r["job_ids"]) == 3
        # Per array: login, volume listing, in-flight listing, 3 PATCHes, duplicate check, polls, read-back.
        assert r["requests"] == 1 + 1 + 1 + 3 + 1 + r["polls"] + 1
    assert delta["auth"] == {"logins": 2} and changes(delta) == {"POST": 0, "PATCH": 6, "DELETE": 0}
    assert delta["requests"]["GET /api/rest/job"] == sum(r["polls"] + 2 for r in per_host.values())
    sizes = {n: v["size"] for n, v in volumes(ps).items() if n.startswith("arr-vol-")}
    assert sizes == {"arr-vol-%05d" % i: (200 if i < 3 else 300) * GIB for i in range(6)}


def test_two_simultaneous_runs_over_many_volumes_submit_each_change_once(ps, ansible, lab, lab_delta):
    """Both runs would see no job in flight if they looked at the same moment: the lab answers the job
    listing from its state at arrival but 3 s later (as test_concurrency does), so the window is wide
    open. Each volume's lock, held until that volume's change is submitted, makes the later run look
    after the earlier one submitted: it adopts those jobs instead of sending the changes again."""
    lab._call("powerstore", "POST", "/_lab/volumes", {"count": 5, "prefix": "race-vol-", "size": 100 * GIB})
    # 2 s: in flight or ended when the other run looks; either way it must send nothing (asserted below).
    lab.config("powerstore", durations=dict(DURATIONS, modify=8.0))
    lab.faults([{"route": "^/api/rest/job$", "method": "GET", "rate": 1.0, "kinds": ["slow"], "slow_seconds": 3.0,
                 "after_processing": True}], appliance="powerstore")
    items = "\n".join("      - {name: race-vol-%05d, size: 200GB}" % i for i in range(5))
    pb = ansible.playbook(play("- name: Resize\n  asyncjobs.fleet.powerstore_volume:\n    poll_interval: 0.5\n"
                               "    volumes:\n" + items))
    try:
        with lab_delta("powerstore") as delta:
            started = [ansible.start_playbook(pb) for _run in range(2)]
            results = [run.wait().result("Resize") for run in started]
    finally:
        lab.faults([], appliance="powerstore")
    assert delta["requests"]["PATCH /api/rest/volume/{id}"] == 5 and changes(delta)["PATCH"] == 5
    first, second = sorted(results, key=lambda r: -len(r["job_ids"]))
    assert len(first["job_ids"]) == 5 and second["job_ids"] == []
    # The later run adopted the five jobs (or, had it started after they ended, found nothing to do).
    assert sorted(second["adopted_job_ids"]) in (sorted(first["job_ids"]), [])
    assert all(v["size"] == 200 * GIB for n, v in volumes(ps).items() if n.startswith("race-vol-"))
