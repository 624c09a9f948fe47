# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""asyncjobs.fleet.powerstore_resource against the lab's PowerStore, over real HTTP.

Every test starts from a freshly reset appliance (seeded hosts esx-01..04, host group cluster-a,
volume groups and volumes, see tests/lab/README.md) and asserts on returned values, on the lab's
objects and on its request counters (``/_lab/stats``).
"""

from __future__ import annotations

import time

import pytest
import requests

from test_powerstore import USER, PASSWORD, changes, play, run_while_held

POLL = "    poll_interval: 0.2\n"


@pytest.fixture
def ps(lab):
    lab.reset("powerstore")
    lab.config("powerstore", durations={"create": 1.0, "modify": 2.0, "delete": 1.0, "action": 1.0}, idle_timeout=3600)
    yield lab
    lab.config("powerstore", durations={"create": 1.0, "modify": 2.0, "delete": 1.0, "action": 1.0}, idle_timeout=3600)


def task(title, register=None, **options):
    """One powerstore_resource task from its options (YAML flow values)."""
    lines = [f"- name: {title}", "  asyncjobs.fleet.powerstore_resource:"]
    lines += [f"    {key}: {value}" for key, value in options.items()]
    return "\n".join(lines) + "\n" + POLL + (f"  register: {register}\n" if register else "")


def total(delta):
    return sum(delta["methods"].values())


def hosts(lab):
    return {h["name"]: h for h in lab._call("powerstore", "GET", "/_lab/hosts")}


def volumes(lab):
    return {v["name"]: v for v in lab._call("powerstore", "GET", "/_lab/volumes")}


class Raw(object):
    """Another client of the same array (a logged-in session straight to the lab)."""

    def __init__(self, lab):
        self.base = lab.urls["powerstore"] + "/api/rest"
        self.http = requests.Session()
        resp = self.http.get(self.base + "/login_session", auth=(USER, PASSWORD), timeout=10)
        resp.raise_for_status()
        self.http.headers["DELL-EMC-TOKEN"] = resp.headers["DELL-EMC-TOKEN"]

    def send(self, method, path, body=None, is_async=True):
        resp = self.http.request(method, self.base + path, params={"is_async": "true"} if is_async else None,
                                 json=body, timeout=10)
        assert resp.status_code in (200, 201, 202, 204), resp.text
        return resp.json().get("id") if resp.content else None


NEW_HOST = task("Create", resource="host", action="create", name="esx-09",
                body='{"os_type": "ESXi", "description": "new rack", '
                     '"initiators": [{"port_name": "iqn.1998-01.com.vmware:esx-09-lab", "port_type": "iSCSI"}]}')


def test_create_is_idempotent_on_the_name_with_check_mode_and_diff(ps, ansible, lab_delta):
    pb = ansible.playbook(play(NEW_HOST))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True, diff=True).result("Create")
    assert r["changed"] is True and r["exists"] is False and r["job_id"] is None
    assert r["diff"]["before"] == {"state": "absent"}
    assert r["diff"]["after"]["state"] == "present" and r["diff"]["after"]["name"] == "esx-09"
    assert r["sent"]["method"] == "POST" and r["sent"]["path"] == "/api/rest/host" and r["sent"]["body"]["name"] == "esx-09"
    assert changes(dry) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    assert "esx-09" not in hosts(ps)

    with lab_delta("powerstore") as first:
        r = ansible.run_playbook(pb).result("Create")
    assert r["changed"] is True and r["job"]["state"] == "succeeded" and r["job"]["operation"] == "create"
    created = hosts(ps)["esx-09"]
    assert r["response_body"]["id"] == created["id"] == r["resource"]["id"]
    assert r["resource"]["name"] == "esx-09" and r["resource"]["os_type"] == "ESXi"
    assert r["resource"]["description"] == "new rack"
    assert "initiators" not in r["resource"] and "mapped_hosts" not in r["resource"]  # relations are not read
    assert first["requests"]["POST /api/rest/host"] == 1 and first["submissions"] == {"create": 1}
    assert r["requests"] == total(first)

    with lab_delta("powerstore") as second:
        again = ansible.run_playbook(pb)
    r = again.result("Create")
    assert again.status("Create") == "ok" and r["exists"] is True and r["sent"] is None
    assert r["resource"]["id"] == created["id"]
    assert changes(second) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    # login and the name lookup: the existing host was found, nothing else was read
    assert total(second) == 2


def test_modify_sends_only_the_differences_then_nothing(ps, ansible, lab_delta):
    before = hosts(ps)["esx-01"]
    assert before["host_connectivity"] == "Local_Only"
    pb = ansible.playbook(play(task("Modify", resource="host", action="modify", name="esx-01",
                                    body='{"description": "rack 4", "host_connectivity": "Local_Only"}')))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True, diff=True).result("Modify")
    assert r["changed"] is True and r["job_id"] is None
    assert r["diff"] == {"before": {"description": before["description"]}, "after": {"description": "rack 4"}}
    assert r["sent"] == {"method": "PATCH", "path": "/api/rest/host/" + before["id"], "body": {"description": "rack 4"}}
    assert changes(dry) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    with lab_delta("powerstore") as first:
        r = ansible.run_playbook(pb, diff=True).result("Modify")
    assert r["changed"] is True and r["job"]["state"] == "succeeded" and r["job"]["response_status"] == "204"
    assert r["sent"]["body"] == {"description": "rack 4"}
    assert first["requests"]["PATCH /api/rest/host/{id}"] == 1
    assert hosts(ps)["esx-01"]["description"] == "rack 4" and r["resource"]["description"] == "rack 4"

    with lab_delta("powerstore") as second:
        again = ansible.run_playbook(pb, diff=True)
    r = again.result("Modify")
    assert again.status("Modify") == "ok" and r["sent"] is None and "diff" not in r
    assert changes(second) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_write_only_fields_are_sent_alone_but_not_without_a_difference(ps, ansible, lab_delta):
    add = '[{"port_name": "iqn.1998-01.com.vmware:esx-03-b", "port_type": "iSCSI"}]'
    current = hosts(ps)["esx-03"]["description"]
    pb = ansible.playbook(play(
        task("Only write-only", resource="host", action="modify", name="esx-03", body='{"add_initiators": %s}' % add),
        task("Matching field beside it", resource="host", action="modify", name="esx-03",
             body='{"description": "%s", "add_initiators": %s}' % (current, add))))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb)
    only = run.result("Only write-only")
    assert only["changed"] is True and only["sent"]["body"] == {"add_initiators": [
        {"port_name": "iqn.1998-01.com.vmware:esx-03-b", "port_type": "iSCSI"}]}
    beside = run.result("Matching field beside it")
    assert beside["changed"] is False and beside["sent"] is None
    assert delta["requests"]["PATCH /api/rest/host/{id}"] == 1
    ports = [i["port_name"] for i in hosts(ps)["esx-03"]["initiators"]]
    assert "iqn.1998-01.com.vmware:esx-03-b" in ports


def test_delete_twice_and_a_missing_instance(ps, ansible, lab_delta):
    gone = hosts(ps)["esx-04"]
    pb = ansible.playbook(play(task("Delete", resource="host", action="delete", name="esx-04")))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True, diff=True).result("Delete")
    assert r["changed"] is True and r["diff"] == {"before": {"state": "present", "id": gone["id"], "name": "esx-04"},
                                                  "after": {"state": "absent"}}
    assert r["sent"] == {"method": "DELETE", "path": "/api/rest/host/" + gone["id"], "body": None}
    assert changes(dry) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    with lab_delta("powerstore") as first:
        r = ansible.run_playbook(pb).result("Delete")
    assert r["changed"] is True and r["job"]["operation"] == "delete" and r["resource"]["id"] == gone["id"]
    assert first["requests"]["DELETE /api/rest/host/{id}"] == 1 and "esx-04" not in hosts(ps)

    by_id = ansible.playbook(play(task("Delete by id", resource="host", action="delete", id=gone["id"])))
    with lab_delta("powerstore") as second:
        assert ansible.run_playbook(pb).result("Delete")["changed"] is False
        assert ansible.run_playbook(by_id).result("Delete by id")["changed"] is False
    assert changes(second) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_an_older_array_that_refuses_newer_attributes_is_read_with_what_the_task_compares(ps, ansible, lab_delta):
    # As a 3.x array lacks attributes 4.0 added: a select naming one is a 400 there.
    ps.config("powerstore", unknown_attributes=["qos_performance_policy_id"])
    try:
        pb = ansible.playbook(play(task("Modify", resource="volume", action="modify", name="free-vol-01",
                                        body='{"description": "on an older array"}')))
        with lab_delta("powerstore") as delta:
            r = ansible.run_playbook(pb).result("Modify")
    finally:
        ps.config("powerstore", unknown_attributes=[])
    assert r["changed"] is True and r["job"]["state"] == "succeeded"
    assert r["resource"] == {"id": volumes(ps)["free-vol-01"]["id"], "name": "free-vol-01",
                             "description": "on an older array"}
    assert any("refused to return every volume attribute" in w and "only id,name,description were read" in w
               for w in r["warnings"])
    # By name: the full select (refused), then the narrow one; after the change, by id, the narrow one only.
    assert delta["requests"]["GET /api/rest/volume"] == 2 and delta["requests"]["GET /api/rest/volume/{id}"] == 1
    assert changes(delta) == {"POST": 0, "PATCH": 1, "DELETE": 0}


def test_modify_of_a_missing_instance_fails_clearly_after_reading_only(ps, ansible, lab_delta):
    pb = ansible.playbook(play(task("Missing", resource="host", action="modify", name="esx-99",
                                    body='{"description": "x"}')))
    with lab_delta("powerstore") as delta:
        r = ansible.run_playbook(pb, expect_rc=2).result("Missing")
    assert r["msg"] == "PowerStore host esx-99 not found: no host has that name; nothing was sent"
    assert changes(delta) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_named_actions_are_always_sent(ps, ansible, lab_delta):
    vg_hr = {g["name"]: g for g in ps._call("powerstore", "GET", "/_lab/volume_groups")}["vg-hr"]
    free = volumes(ps)["free-vol-02"]
    pb = ansible.playbook(play(
        task("Snapshot", resource="volume", action="snapshot", name="free-vol-01", body='{"name": "free-snap-1"}'),
        task("Add members", resource="volume_group", action="add_members", id=vg_hr["id"],
             body='{"volume_ids": ["%s"]}' % free["id"])))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True).result("Add members")
    assert r["changed"] is True and r["sent"] == {"method": "POST", "body": {"volume_ids": [free["id"]]},
                                                  "path": "/api/rest/volume_group/%s/add_members" % vg_hr["id"]}
    assert changes(dry) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb)
    snap = run.result("Snapshot")
    made = volumes(ps)["free-snap-1"]
    assert snap["changed"] is True and snap["job"]["operation"] == "snapshot"
    assert snap["response_body"]["id"] == made["id"] and made["type"] == "Snapshot"
    assert snap["resource"]["name"] == "free-vol-01"  # the instance acted on, read back
    added = run.result("Add members")
    assert added["changed"] is True and added["job"]["operation"] == "add_members"
    assert volumes(ps)["free-vol-02"]["volume_group_ids"] == [vg_hr["id"]]
    assert delta["requests"]["POST /api/rest/volume/{id}/snapshot"] == 1
    assert delta["requests"]["POST /api/rest/volume_group/{id}/add_members"] == 1


def test_schema_refusals_send_nothing_not_even_the_login(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Unknown resource
  asyncjobs.fleet.powerstore_resource: {resource: volumes, action: create, name: v, body: {size: 1048576}}
  ignore_errors: true
- name: Unknown action
  asyncjobs.fleet.powerstore_resource: {resource: volume, action: grow, name: free-vol-01}
  ignore_errors: true
- name: Unknown field
  asyncjobs.fleet.powerstore_resource: {resource: host, action: modify, name: esx-01, body: {colour: red}}
  ignore_errors: true
- name: Wrong type
  asyncjobs.fleet.powerstore_resource: {resource: volume, action: create, name: v, body: {size: "1 GB"}}
  ignore_errors: true
- name: Bad enum
  asyncjobs.fleet.powerstore_resource:
    resource: host
    action: create
    name: h
    body: {os_type: Linux2, initiators: []}
  ignore_errors: true
- name: Missing required
  asyncjobs.fleet.powerstore_resource: {resource: host, action: create, name: h, body: {os_type: ESXi}}
  ignore_errors: true
- name: No instance
  asyncjobs.fleet.powerstore_resource: {resource: volume, action: clone}
  ignore_errors: true
- name: Id where none is taken
  asyncjobs.fleet.powerstore_resource: {resource: host, action: create, id: x, body: {name: h}}
  ignore_errors: true
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb)
    names = ("Unknown resource", "Unknown action", "Unknown field", "Wrong type", "Bad enum", "Missing required",
             "No instance", "Id where none is taken")
    msg = {t: run.result(t)["msg"] for t in names}
    assert msg["Unknown resource"].startswith("unknown PowerStore resource 'volumes'; did you mean volume")
    assert "PowerStore 4.1 resources: alert, appliance," in msg["Unknown resource"]
    assert msg["Unknown action"].startswith("PowerStore resource 'volume' has no action 'grow'; its actions are: attach, clone")
    assert msg["Unknown field"].startswith("body.colour: unknown field;")
    assert "allowed fields: add_initiators, description, host_connectivity, modify_initiators, name, remove_initiators" \
        in msg["Unknown field"]
    assert msg["Wrong type"] == "body.size: expected integer, got string"
    assert msg["Bad enum"].startswith("body.os_type: 'Linux2' is not allowed; allowed values: Windows, Linux, ESXi")
    assert msg["Missing required"].startswith("body: missing required field initiators")
    assert msg["No instance"] == ("PowerStore volume clone (POST /api/rest/volume/{id}/clone) acts on one instance: "
                                  "give its id or its name")
    assert msg["Id where none is taken"].startswith("id: PowerStore host create (POST /api/rest/host) does not act")
    assert all(run.status(t) == "failed" for t in msg)
    assert total(delta) == 0 and delta["auth"].get("logins", 0) == 0
    assert "Traceback" not in run.stdout + run.stderr


def test_a_failed_job_is_named_with_its_state_and_messages(ps, ansible, lab):
    esx = hosts(lab)["esx-03"]
    vol = volumes(lab)["free-vol-01"]
    Raw(lab).send("POST", "/volume/%s/attach" % vol["id"], {"host_id": esx["id"]}, is_async=False)
    pb = ansible.playbook(play(task("Attach again", resource="volume", action="attach", name="free-vol-01",
                                    body='{"host_id": "%s"}' % esx["id"])))
    run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Attach again")
    job = r["job"]
    assert run.status("Attach again") == "failed"
    assert job["state"] == "failed" and job["raw_state"] == "FAILED" and job["response_status"] == "422"
    assert r["msg"].startswith("PowerStore job %s (attach volume free-vol-01) ended failed (state FAILED, HTTP 422): "
                               % r["job_id"])
    assert r["response_body"]["messages"][0]["severity"] == "Error"
    assert r["response_body"]["messages"][0]["message_l10n"] in r["msg"]
    assert r["changed"] is False  # FAILED: PowerStore cleaned up
    assert len([m for m in volumes(lab)["free-vol-01"]["mapped_volumes"] if m["host_id"] == esx["id"]]) == 1


def test_a_job_in_flight_on_the_instance_is_adopted(ps, ansible, lab, lab_delta):
    # Held until the module has found the job and polls it (see run_while_held).
    lab.config("powerstore", durations={"modify": 3600.0})
    esx = hosts(lab)["esx-02"]
    job_id = Raw(lab).send("PATCH", "/host/" + esx["id"], {"description": "Audited"})
    pb = ansible.playbook(play(task("Re-run", resource="host", action="modify", name="esx-02",
                                    body='{"description": "Audited"}')))
    with lab_delta("powerstore") as delta:
        r = run_while_held(lab, ansible, pb, job_id).result("Re-run")
    assert r["adopted_job_ids"] == [job_id] and r["job_id"] is None and r["sent"] is None
    assert r["adopted_jobs"][0]["state"] == "succeeded" and r["changed"] is True
    assert r["resource"]["description"] == "Audited"
    assert changes(delta) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_wait_false_then_job_wait(ps, ansible, lab):
    pb = ansible.playbook(play(
        task("Submit", register="submitted", resource="host", action="modify", name="esx-02",
             body='{"description": "later"}', wait="false"),
        """
- name: Wait
  asyncjobs.fleet.job_wait:
    api: powerstore
    job_ids: ["{{ submitted.job_id }}"]
    poll_interval: 0.2
"""))
    run = ansible.run_playbook(pb)
    r = run.result("Submit")
    assert r["changed"] is True and r["job_id"] and r["job"] is None and r["response_body"] is None
    waited = run.result("Wait")
    assert waited["states"] == {"succeeded": 1} and waited["jobs"][0]["id"] == r["job_id"]
    assert hosts(lab)["esx-02"]["description"] == "later"


def test_secrets_in_the_body_are_censored(ps, ansible):
    pb = ansible.playbook(play(task(
        "Create", resource="host", action="create", name="esx-chap",
        body='{"os_type": "Linux", "initiators": [{"port_name": "iqn.2005-03.org.open-iscsi:chap", "port_type": "iSCSI", '
             '"chap_single_username": "chapuser", "chap_single_password": "Chap-Secret-4242"}]}')))
    run = ansible.run_playbook(pb, diff=True, verbosity=4)
    r = run.result("Create")
    # remove_values masks a value equal to a secret whole, with its own marker
    assert r["changed"] is True
    assert r["sent"]["body"]["initiators"][0]["chap_single_password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert "Chap-Secret-4242" not in run.stdout + run.stderr
    assert "esx-chap" in hosts(ps)


def test_a_rename_is_found_under_the_new_name_on_a_re_run(ps, ansible, lab_delta):
    pb = ansible.playbook(play(task("Rename", resource="host", action="modify", name="esx-03", body='{"name": "esx-33"}')))
    r = ansible.run_playbook(pb).result("Rename")
    assert r["changed"] is True and r["resource"]["name"] == "esx-33"
    with lab_delta("powerstore") as again:
        r = ansible.run_playbook(pb).result("Rename")
    assert r["changed"] is False and r["resource"]["name"] == "esx-33"
    assert changes(again) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_module_path_on_a_non_local_connection(ps, ansible):
    """Run as a module (AnsiballZ packs _resource, _schema and _schema_data)."""
    pb = ansible.playbook(play(task("As a module", resource="host", action="modify", name="esx-02",
                                    body='{"description": "via module"}') + "  vars:\n    ansible_connection: remote_local\n"))
    r = ansible.run_playbook(pb).result("As a module")
    assert r["changed"] is True and r["job"]["state"] == "succeeded" and "invocation" in r
    assert r["resource"]["description"] == "via module"


# -- the lab's generic store (every resource of the schema)

RULE = task("Rule", resource="snapshot_rule", action="create", name="hourly-24",
            body='{"interval": "One_Hour", "desired_retention": 24, "days_of_week": ["Monday", "Friday"]}')


def test_generic_resource_create_modify_delete(ps, ansible, lab_delta):
    pb = ansible.playbook(play(RULE))
    with lab_delta("powerstore") as first:
        r = ansible.run_playbook(pb).result("Rule")
    assert r["changed"] is True and r["job"]["state"] == "succeeded"
    rule_id = r["response_body"]["id"]
    assert r["resource"]["id"] == rule_id and r["resource"]["desired_retention"] == 24
    assert r["resource"]["days_of_week"] == ["Monday", "Friday"]
    assert first["requests"]["POST /api/rest/snapshot_rule"] == 1
    with lab_delta("powerstore") as second:
        assert ansible.run_playbook(pb).result("Rule")["exists"] is True
    assert changes(second) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    modify = ansible.playbook(play(task("Modify", resource="snapshot_rule", action="modify", id=rule_id,
                                        body='{"desired_retention": 48, "interval": "One_Hour"}')))
    r = ansible.run_playbook(modify, diff=True).result("Modify")
    assert r["sent"]["body"] == {"desired_retention": 48} and r["diff"] == {
        "before": {"desired_retention": 24}, "after": {"desired_retention": 48}}
    assert r["resource"]["desired_retention"] == 48
    with lab_delta("powerstore") as third:
        assert ansible.run_playbook(modify).result("Modify")["changed"] is False
    assert changes(third) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    delete = ansible.playbook(play(task("Delete", resource="snapshot_rule", action="delete", name="hourly-24")))
    assert ansible.run_playbook(delete).result("Delete")["changed"] is True
    with lab_delta("powerstore") as fourth:
        assert ansible.run_playbook(delete).result("Delete")["changed"] is False
    assert changes(fourth) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def _jobs(raw, **where):
    params = dict({k: "eq.%s" % v for k, v in where.items()}, select="id,state,resource_name")
    resp = raw.http.get(raw.base + "/job", params=params, timeout=10)
    resp.raise_for_status()
    return resp.json()


def test_create_fails_as_a_job_when_the_name_is_taken_meanwhile(ps, ansible, lab):
    raw = Raw(lab)
    remote = raw.send("POST", "/remote_system", {"name": "dr-site", "management_address": "192.0.2.10",
                                                 "data_network_latency": "Low"}, is_async=False)
    rule = {"rpo": "One_Hour", "remote_system_id": remote}
    # The module's job is held (a long duration) until another client has taken the name, then ended
    # at once: the name is checked when the job runs, so the order is fixed, not timed.
    lab.config("powerstore", durations={"create": 3600.0})
    pb = ansible.playbook(play(task("Create", resource="replication_rule", action="create", name="rr-dr",
                                    body='{"rpo": "One_Hour", "remote_system_id": "%s"}' % remote)))
    started = ansible.start_playbook(pb)
    for _attempt in range(600):  # wait on the state (the module's job exists), not on time
        held = _jobs(raw, resource_type="replication_rule", resource_action="create", resource_name="rr-dr")
        if held:
            break
        assert started.proc.poll() is None, "the playbook ended before it submitted"
        time.sleep(0.1)
    else:
        raise AssertionError("the module never submitted its create")
    lab.config("powerstore", durations={"create": 1.0})
    raw.send("POST", "/replication_rule", dict(rule, name="rr-dr"), is_async=False)  # another client, at once
    lab.finish_job(held[0]["id"], "powerstore")
    run = started.wait(expect_rc=2)
    r = run.result("Create")
    assert r["job"]["state"] == "failed" and r["job"]["raw_state"] == "FAILED" and r["job"]["response_status"] == "422"
    assert r["msg"].startswith("PowerStore job %s (create replication rule rr-dr) ended failed (state FAILED, HTTP 422): "
                               % r["job_id"])
    assert r["response_body"]["messages"][0]["message_l10n"] in r["msg"] and r["changed"] is False
