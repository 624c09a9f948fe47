# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Dell PowerStore module and job plugins against the lab, over real HTTP.

Every test starts from a freshly reset PowerStore appliance and asserts on returned values
and on the lab's own request counters (``/_lab/stats``).
"""

from __future__ import annotations

import time

import pytest
import requests

USER, PASSWORD = "admin", "lab-Passw0rd!"
CHANGES = ("POST", "PATCH", "DELETE")


def play(*tasks, name="Test"):
    """A one-play playbook on localhost from task YAML snippets."""
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


def changes(delta):
    return {m: delta["methods"].get(m, 0) for m in CHANGES}


@pytest.fixture
def ps(lab):
    """A reset PowerStore appliance with its default job durations."""
    lab.reset("powerstore")
    lab.config("powerstore", durations={"create": 1.0, "modify": 2.0, "delete": 1.0}, idle_timeout=3600)
    yield lab
    lab.config("powerstore", durations={"create": 1.0, "modify": 2.0, "delete": 1.0}, idle_timeout=3600)


def groups(lab):
    return {vg["name"]: vg for vg in lab._call("powerstore", "GET", "/_lab/volume_groups")}


class Raw(object):
    """A logged-in session straight to the lab: plays another client, or a run that crashed."""

    def __init__(self, lab):
        self.base = lab.urls["powerstore"] + "/api/rest"
        self.http = requests.Session()
        resp = self.http.get(self.base + "/login_session", auth=(USER, PASSWORD), timeout=10)
        resp.raise_for_status()
        self.http.headers["DELL-EMC-TOKEN"] = resp.headers["DELL-EMC-TOKEN"]

    def patch_async(self, vg_id, body):
        resp = self.http.patch(f"{self.base}/volume_group/{vg_id}", params={"is_async": "true"}, json=body, timeout=10)
        assert resp.status_code == 202, resp.text
        return resp.json()["id"]


def run_while_held(lab, ansible, playbook, job_id, polls=2):
    """Run ``playbook`` while the lab holds ``job_id`` (its duration set far beyond the test), and
    end that job once the module has made ``polls`` job listings (its look for jobs in flight, then
    a poll): the module finds the job running however slow the machine, and nothing waits for time."""
    before = lab.stats("powerstore")["requests"].get("GET /api/rest/job", 0)
    started = ansible.start_playbook(playbook)
    for _attempt in range(2400):
        if lab.stats("powerstore")["requests"].get("GET /api/rest/job", 0) - before >= polls:
            break
        assert started.proc.poll() is None, "the playbook ended before it polled the held job"
        time.sleep(0.05)
    else:
        raise AssertionError("the module never polled the held job %s" % job_id)
    lab.finish_job(job_id, "powerstore")
    return started.wait()


MODIFY = """
- name: Modify
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    description: People data
    protection_policy: gold-protection
    qos_performance_policy: qos-low
    is_write_order_consistent: true
    poll_interval: 0.2
"""


def test_modify_check_diff_then_idempotent(ps, ansible, lab_delta):
    pb = ansible.playbook(play(MODIFY))
    with lab_delta("powerstore") as dry:
        r = ansible.run_playbook(pb, check=True, diff=True).result("Modify")
    assert r["changed"] is True and r["job_id"] is None
    assert r["diff"] == {
        "before": {"description": "", "protection_policy": "", "qos_performance_policy": "",
                   "is_write_order_consistent": False},
        "after": {"description": "People data", "protection_policy": "gold-protection",
                  "qos_performance_policy": "qos-low", "is_write_order_consistent": True}}
    assert changes(dry) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    with lab_delta("powerstore") as first:
        run = ansible.run_playbook(pb)
    r = run.result("Modify")
    assert run.status("Modify") == "changed"
    assert r["job"]["state"] == "succeeded" and r["job"]["raw_state"] == "COMPLETED"
    assert r["job"]["response_status"] == "204" and r["job"]["operation"] == "modify"
    assert r["volume_group"]["protection_policy"] == "gold-protection"
    assert first["requests"]["PATCH /api/rest/volume_group/{id}"] == 1 and first["submissions"] == {"modify": 1}
    assert r["requests"] == sum(first["methods"].values())
    hr = groups(ps)["vg-hr"]
    assert hr["description"] == "People data" and hr["is_write_order_consistent"] is True
    assert hr["qos_performance_policy"]["name"] == "qos-low"

    with lab_delta("powerstore") as second:
        again = ansible.run_playbook(pb)
    assert again.status("Modify") == "ok" and again.result("Modify")["changes"] == {}
    assert changes(second) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    # login + the group + the policies + the jobs in flight on the group (one may still change it): nothing else.
    assert sum(second["methods"].values()) == 4


def test_only_differing_fields_are_sent_and_policy_removal(ps, ansible):
    pb = ansible.playbook(play("""
- name: Modify
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-web
    description: Web tier
    protection_policy: ""
    qos_performance_policy: name:qos-low
    poll_interval: 0.2
"""))
    r = ansible.run_playbook(pb, diff=True).result("Modify")
    assert r["changes"] == {"protection_policy": ""}
    assert r["diff"] == {"before": {"protection_policy": "silver-protection"}, "after": {"protection_policy": ""}}
    web = groups(ps)["vg-web"]
    assert web["protection_policy_id"] is None and web["description"] == "Web tier"
    assert web["qos_performance_policy"]["name"] == "qos-low"


def test_create_then_delete_idempotently(ps, ansible, lab_delta):
    create = ansible.playbook(play("""
- name: Create
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-new
    description: Fresh
    protection_policy: bronze-protection
    poll_interval: 0.2
"""))
    with lab_delta("powerstore") as first:
        r = ansible.run_playbook(create, diff=True).result("Create")
    assert r["changed"] is True and r["job"]["operation"] == "create" and r["job"]["response_status"] == "201"
    assert r["diff"]["after"] == {"state": "present", "name": "vg-new", "description": "Fresh",
                                  "protection_policy": "bronze-protection"}
    assert r["volume_group"]["protection_policy"] == "bronze-protection"
    assert first["requests"]["POST /api/rest/volume_group"] == 1
    assert groups(ps)["vg-new"]["is_write_order_consistent"] is True
    with lab_delta("powerstore") as second:
        assert ansible.run_playbook(create).result("Create")["changed"] is False
    assert changes(second) == {"POST": 0, "PATCH": 0, "DELETE": 0}

    delete = ansible.playbook(play("""
- name: Delete
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-new
    state: absent
    poll_interval: 0.2
"""))
    with lab_delta("powerstore") as dry:
        assert ansible.run_playbook(delete, check=True).result("Delete")["changed"] is True
    assert changes(dry) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    r = ansible.run_playbook(delete).result("Delete")
    assert r["changed"] is True and r["job"]["operation"] == "delete"
    assert "vg-new" not in groups(ps)
    with lab_delta("powerstore") as third:
        assert ansible.run_playbook(delete).result("Delete")["changed"] is False
    assert changes(third) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_rename_is_idempotent(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Rename
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-archive
    new_name: vg-cold
    poll_interval: 0.2
"""))
    assert ansible.run_playbook(pb).result("Rename")["volume_group"]["name"] == "vg-cold"
    with lab_delta("powerstore") as again:
        assert ansible.run_playbook(pb).result("Rename")["changed"] is False
    assert changes(again) == {"POST": 0, "PATCH": 0, "DELETE": 0}


def test_missing_policy_fails_before_any_change(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Bad policy
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    description: x
    protection_policy: platinum-protection
  ignore_errors: true
- name: Wrong type
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    qos_performance_policy: gold-protection
  ignore_errors: true
- name: Bad name
  asyncjobs.fleet.powerstore_volume_group:
    name: "a/b"
  ignore_errors: true
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb)
    msg = run.result("Bad policy")["msg"]
    assert "protection_policy 'platinum-protection' not found" in msg and "gold-protection" in msg
    assert "Nothing was changed" in msg
    assert "is a Protection policy" in run.result("Wrong type")["msg"]
    assert "name must be 1 to 128 printable characters" in run.result("Bad name")["msg"]
    assert changes(delta) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    assert "Traceback" not in run.stdout + run.stderr


def test_failed_job_names_job_state_and_messages(ps, ansible, lab):
    pb = ansible.playbook(play("""
- name: Rename onto an existing name
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    new_name: VG-WEB
    poll_interval: 0.2
"""))
    run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Rename onto an existing name")
    job = r["job"]
    assert run.status("Rename onto an existing name") == "failed"
    assert job["state"] == "failed" and job["raw_state"] == "FAILED" and job["response_status"] == "422"
    assert job["id"] == r["job_id"] and job["id"] in r["msg"]
    assert "FAILED" in r["msg"] and "HTTP 422" in r["msg"] and "already in use" in r["msg"]
    assert job["response_body"]["messages"][0]["severity"] == "Error"
    assert r["changed"] is False  # FAILED: PowerStore cleaned up
    # FAILING maps to running, so the wait kept polling until FAILED.
    assert r["history"][-1]["states"] == {"failed": 1}
    assert "vg-hr" in groups(lab)


def test_in_flight_job_is_adopted_not_duplicated(ps, ansible, lab, lab_delta):
    # The "crashed" run's job is held until the module has found it and polls it.
    lab.config("powerstore", durations={"modify": 3600.0})
    finance = groups(lab)["vg-finance"]
    job_id = Raw(lab).patch_async(finance["id"], {"description": "Audited"})  # the "crashed" run
    pb = ansible.playbook(play("""
- name: Re-run
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-finance
    description: Audited
    poll_interval: 0.2
"""))
    with lab_delta("powerstore") as delta:
        r = run_while_held(lab, ansible, pb, job_id).result("Re-run")
    assert r["adopted_job_ids"] == [job_id] and r["job_id"] is None
    assert r["adopted_jobs"][0]["state"] == "succeeded"
    assert changes(delta) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    assert groups(lab)["vg-finance"]["description"] == "Audited"


def test_job_wait_costs_one_listing_per_round(ps, ansible, lab, lab_delta):
    lab.config("powerstore", durations={"modify": 24.0})  # 6 s: still running when the wait starts
    raw = Raw(lab)
    ids = [raw.patch_async(vg["id"], {"description": "batch"}) for vg in groups(lab).values()]
    pb = ansible.playbook(play("""
- name: Wait
  asyncjobs.fleet.job_wait:
    api: powerstore
    job_ids: "{{ ids }}"
    poll_interval: 0.2
"""))
    with lab_delta("powerstore") as delta:
        r = ansible.run_playbook(pb, extra_vars={"ids": ids}).result("Wait")
    # Usually several rounds (the jobs take 6 s); one on a machine loaded enough that
    # ansible-playbook starts after they ended. Either way each round is one listing.
    assert r["states"] == {"succeeded": len(ids)} and len(ids) == 5
    assert r["polls"] >= 1
    # One GET /job per round; final results came with the poll (response_body selected).
    assert delta["requests"]["GET /api/rest/job"] == r["polls"]
    assert delta["requests"].get("GET /api/rest/job/{id}", 0) == 0
    assert delta["auth"] == {"logins": 1}


def test_job_cancel_is_refused_and_sends_nothing(ps, ansible, lab, lab_delta):
    lab.config("powerstore", durations={"modify": 400})
    job_id = Raw(lab).patch_async(groups(lab)["vg-hr"]["id"], {"description": "slow"})
    pb = ansible.playbook(play("""
- name: Cancel
  asyncjobs.fleet.job_cancel:
    api: powerstore
    job_ids: ["{{ job }}"]
  ignore_errors: true
- name: Info
  asyncjobs.fleet.job_info:
    api: powerstore
    job_ids: ["{{ job }}"]
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, extra_vars={"job": job_id})
    r = run.result("Cancel")
    assert run.status("Cancel") == "failed"
    assert "PowerStore jobs cannot be canceled" in r["msg"] and job_id in r["msg"] and "no job cancel" in r["msg"]
    assert changes(delta) == {"POST": 0, "PATCH": 0, "DELETE": 0}
    info = run.result("Info")["jobs"][0]
    assert info["state"] in ("pending", "running") and info["raw_state"] in ("PENDING", "QUEUED", "IN_PROGRESS")


def test_job_info_and_jobs_lookup_page_through_listing(ps, ansible, lab, lab_delta):
    lab.config("powerstore", durations={"modify": 0})
    raw = Raw(lab)
    hr = groups(lab)["vg-hr"]["id"]
    for text in ("a", "b", "c", "d", "e"):
        raw.patch_async(hr, {"description": text})
    failing = raw.patch_async(hr, {"name": "vg-web"})
    pb = ansible.playbook(play("""
- name: List
  ansible.builtin.set_fact:
    listed: "{{ query('asyncjobs.fleet.jobs', api='powerstore', page_size=2) }}"
    failed_jobs: "{{ query('asyncjobs.fleet.jobs', api='powerstore', state=['failed']) }}"
    one: "{{ lookup('asyncjobs.fleet.jobs', failing, api='powerstore', wantlist=True) }}"
- name: Info by target
  asyncjobs.fleet.job_info:
    api: powerstore
    target: vg-hr
    operation: modify
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, extra_vars={"failing": failing})
    facts = run.result("List")["ansible_facts"]
    assert len(facts["listed"]) == 6
    assert [j["id"] for j in facts["failed_jobs"]] == [failing]
    one = facts["one"][0]
    assert one["detailed"] is True and one["response_status"] == "422" and "already in use" in one["message"]
    assert len(run.result("Info by target")["jobs"]) == 6
    # 3 pages of 2 (206 + Content-Range), then one page each for the other listings.
    assert delta["requests"]["GET /api/rest/job"] == 3 + 1 + 1
    assert delta["requests"]["GET /api/rest/job/{id}"] == 1


def test_expired_session_is_renewed_once(ps, ansible, lab, lab_delta):
    lab.config("powerstore", durations={"modify": 10.0}, idle_timeout=1)  # job 2.5 s, polls every 1.5 s
    pb = ansible.playbook(play("""
- name: Modify
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-analytics
    description: renewed
    poll_interval: 1.5
    max_poll_interval: 1.5
"""))
    with lab_delta("powerstore") as delta:
        r = ansible.run_playbook(pb).result("Modify")
    assert r["job"]["state"] == "succeeded"
    assert delta["auth"]["expired"] >= 1 and delta["auth"]["logins"] == 1 + delta["auth"]["expired"]
    assert delta["requests"]["PATCH /api/rest/volume_group/{id}"] == 1


def test_wrong_password_is_one_clear_message(ps, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Wrong
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    description: x
    password: "{{ secret }}"
"""))
    with lab_delta("powerstore") as delta:
        run = ansible.run_playbook(pb, extra_vars={"secret": "Wr0ng-Secret-99"}, expect_rc=2)
    msg = run.result("Wrong")["msg"]
    assert "PowerStore login" in msg and "HTTP 401" in msg and "authentication failed" in msg
    assert "Wr0ng-Secret-99" not in run.stdout + run.stderr
    assert sum(delta["methods"].values()) == 1


def test_module_path_on_a_non_local_connection(ps, ansible):
    """Delegated to a real host, the operation runs as a module (AnsiballZ packs _powerstore)."""
    pb = ansible.playbook(play("""
- name: As a module
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    description: via module
    poll_interval: 0.2
  vars:
    ansible_connection: remote_local
"""))
    r = ansible.run_playbook(pb).result("As a module")
    assert r["changed"] is True and r["job"]["state"] == "succeeded" and "invocation" in r
