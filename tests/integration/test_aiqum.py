# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""NetApp AIQUM file shares and jobs against the lab, over real HTTP.

Every test starts from a freshly reset lab and asserts on returned values and on the
lab's own request counters (``/_lab/stats``).
"""

from __future__ import annotations


import pytest

import conftest
import requests

GiB = 1 << 30
CHANGING = ("POST", "PATCH", "DELETE", "PUT")
JOBS = "GET /api/management-server/jobs"
JOB = "GET /api/management-server/jobs/{key}"


def play(*tasks, name="Test"):
    """A one-play playbook on localhost from task YAML snippets."""
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


def submitted(delta):
    """Submissions by operation (non-zero only) from a lab stats delta."""
    return {op: n for op, n in (delta.get("submissions") or {}).items() if n}


def changes(delta):
    """Requests that could change anything, from a lab stats delta."""
    return sum(delta["methods"].get(m, 0) for m in CHANGING)


@pytest.fixture
def aiqum(lab):
    """A reset lab in the default (observed) vocabulary with fast jobs; restores the config."""
    lab.reset()
    saved = lab.config("aiqum")
    yield lab
    lab.config("aiqum", **saved)


def api(lab, path, **params):
    resp = requests.get(lab.urls["aiqum"] + path, params=params, auth=("admin", "lab-Passw0rd!"), timeout=10)
    resp.raise_for_status()
    return resp.json()


def shares(lab, name):
    return api(lab, "/api/storage-provider/file-shares", name=name)["records"]


SHARE = """
- name: Share
  asyncjobs.fleet.aiqum_file_share:
    name: build_cache
    svm: svm_nfs_a
    size: "{{ size | default('10GiB') }}"
    state: "{{ share_state | default('present') }}"
    export_policy_rules:
      - clients: [10.20.0.0/16]
      - clients: [admin.example.com]
        superuser: [sys]
  register: share
"""


@pytest.mark.parametrize("vocabulary", ["observed", "documented"])
def test_file_share_lifecycle_is_idempotent_in_both_vocabularies(aiqum, ansible, lab_delta, vocabulary):
    aiqum.config("aiqum", job_vocabulary=vocabulary)
    pb = ansible.playbook(play(SHARE))

    with lab_delta("aiqum") as check:
        dry = ansible.run_playbook(pb, check=True, diff=True).result("Share")
    assert dry["changed"] is True and dry["operations"] == ["create"] and dry["job_ids"] == []
    assert dry["diff"]["before"] == {"state": "absent"}
    assert dry["diff"]["after"]["size"] == 10 * GiB and len(dry["diff"]["after"]["export_policy_rules"]) == 2
    assert changes(check) == 0 and submitted(check) == {}

    with lab_delta("aiqum") as first:
        created = ansible.run_playbook(pb).result("Share")
    listed = shares(aiqum, "build_cache")
    assert len(listed) == 1 and listed[0]["space"]["size"] == 10 * GiB
    assert created["changed"] is True and created["outcome"] == "succeeded"
    assert created["key"] == listed[0]["key"]  # taken from the job's fileshareKey result
    job = created["jobs"][0]
    assert job["job_results"] == {"fileshareKey": listed[0]["key"]}
    assert job["raw_state"] == ("completed" if vocabulary == "observed" else "NORMAL")
    assert job["raw_status"] == ("normal" if vocabulary == "observed" else None)
    assert [i["ok"] for i in job["items"]] == [True, True, True]
    assert submitted(first) == {"file_share_create": 1} and changes(first) == 1

    with lab_delta("aiqum") as second:
        again = ansible.run_playbook(pb, diff=True).result("Share")
    assert again["changed"] is False and again["job_ids"] == [] and again["key"] == created["key"]
    assert changes(second) == 0 and sum(second["methods"].values()) == again["requests"] == 3

    with lab_delta("aiqum") as grow:
        grown = ansible.run_playbook(pb, extra_vars={"size": 20 * GiB}, diff=True).result("Share")
    assert grown["operations"] == ["resize"] and grown["diff"]["before"]["size"] == 10 * GiB
    assert grown["diff"]["after"]["size"] == 20 * GiB
    assert grow["requests"]["PATCH /api/storage-provider/file-shares/{key}"] == 1 and changes(grow) == 1
    assert grown["file_share"]["space"]["size"] == 20 * GiB

    with lab_delta("aiqum") as gone:
        deleted = ansible.run_playbook(pb, extra_vars={"share_state": "absent"}).result("Share")
        deleted_again = ansible.run_playbook(pb, extra_vars={"share_state": "absent"}).result("Share")
    assert deleted["changed"] is True and deleted["operations"] == ["delete"] and deleted["file_share"] is None
    assert deleted_again["changed"] is False
    assert submitted(gone) == {"file_share_delete": 1} and changes(gone) == 1
    assert shares(aiqum, "build_cache") == []


def test_partial_failure_is_reported_per_item(aiqum, ansible):
    pb = ansible.playbook(play("""
- name: Strict
  asyncjobs.fleet.aiqum_file_share:
    name: partly
    svm: svm_nfs_a
    size: 1073741824
    export_policy_rules:
      - clients: [10.1.0.0/16]
      - clients: [999.1.1.1]
  ignore_errors: true
  register: strict
- name: Lenient
  asyncjobs.fleet.aiqum_file_share:
    name: partly2
    svm: svm_nfs_a
    size: 1GiB
    fail_on: all
    export_policy_rules:
      - clients: [10.1.0.0/16]
      - clients: [999.1.1.1]
"""))
    run = ansible.run_playbook(pb)
    strict = run.result("Strict")
    assert run.status("Strict") == "failed" and strict["changed"] is True and strict["outcome"] == "partial"
    assert strict["failed_items"] == [{
        "job_id": strict["job_ids"][0], "operation": "Create File Share",
        "item": "Create export rule 2 (clients 999.1.1.1)",
        "message": "Failed to create export rule 2 (clients 999.1.1.1): invalid client match '999.1.1.1'"}]
    assert strict["job_ids"][0] in strict["msg"] and "999.1.1.1" in strict["msg"] and "PARTIAL" in strict["msg"].upper()
    assert strict["key"]  # the volume itself was created
    lenient = run.result("Lenient")
    assert run.status("Lenient") == "changed" and lenient["outcome"] == "partial"
    assert lenient["jobs"][0]["state"] == "partial" and lenient["jobs"][0]["raw_status"] == "partial_failures"
    assert [r["clients"] for r in lenient["file_share"]["access_control"]["export_policy"]["rules"]] == [
        [{"match": "10.1.0.0/16"}]]


def test_no_space_fails_with_job_message_and_warning_is_surfaced(aiqum, ansible):
    aiqum.config("aiqum", job_vocabulary="documented")
    pb = ansible.playbook(play("""
- name: Too big
  asyncjobs.fleet.aiqum_file_share:
    name: huge
    svm: svm_nfs_a
    aggregate: aggr_small_a
    size: 1TiB
  ignore_errors: true
  register: big
- name: Nearly full
  asyncjobs.fleet.aiqum_file_share:
    name: tight
    svm: svm_nfs_a
    aggregate: aggr_small_a
    size: 95GiB
  register: tight
"""))
    run = ansible.run_playbook(pb)
    big = run.result("Too big")
    assert run.status("Too big") == "failed" and big["outcome"] == "failed" and big["key"] is None
    assert "Insufficient space on aggregate aggr_small_a" in big["msg"] and big["job_ids"][0] in big["msg"]
    assert big["jobs"][0]["raw_state"] == "ERROR"
    tight = run.result("Nearly full")
    assert tight["outcome"] == "succeeded" and tight["jobs"][0]["raw_state"] == "WARNING"
    assert any("finished with a warning" in w and "aggr_small_a" in w for w in tight["warnings"])


def test_bad_input_sends_nothing(aiqum, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Bad size
  asyncjobs.fleet.aiqum_file_share:
    name: s1
    svm: svm_nfs_a
    size: 10 parsecs
  ignore_errors: true
- name: Bad name
  asyncjobs.fleet.aiqum_file_share:
    name: "a*b"
    svm: svm_nfs_a
    size: 1GiB
  ignore_errors: true
- name: Api key
  asyncjobs.fleet.aiqum_file_share:
    name: s1
    svm: svm_nfs_a
    size: 1GiB
    api_key_id: x
    api_key_secret: y
  ignore_errors: true
  environment:
    AIQUM_USERNAME: ""
    AIQUM_PASSWORD: ""
"""))
    with lab_delta("aiqum") as delta:
        run = ansible.run_playbook(pb)
    assert "size must be a number of bytes or a size with a unit" in run.result("Bad size")["msg"]
    assert "not a valid file share" in run.result("Bad name")["msg"]
    assert "HTTP Basic authentication" in run.result("Api key")["msg"]
    assert sum(delta["methods"].values()) == 0


def test_missing_size_ambiguous_svm_and_wrong_password(aiqum, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: No size
  asyncjobs.fleet.aiqum_file_share:
    name: new_one
    svm: svm_nfs_a
  ignore_errors: true
- name: Ambiguous
  asyncjobs.fleet.aiqum_file_share:
    name: new_one
    svm: svm_dr
    size: 1GiB
  ignore_errors: true
- name: Wrong password
  asyncjobs.fleet.aiqum_file_share:
    name: new_one
    svm: svm_nfs_a
    size: 1GiB
    password: "{{ secret }}"
  ignore_errors: true
"""))
    with lab_delta("aiqum") as delta:
        run = ansible.run_playbook(pb, extra_vars={"secret": "Wr0ng-S3cret-99"})
    assert "size is required to create file share new_one" in run.result("No size")["msg"]
    assert "svm_dr is ambiguous" in run.result("Ambiguous")["msg"]
    wrong = run.result("Wrong password")["msg"]
    assert "HTTP 401" in wrong and "authentication failed" in wrong
    assert "Wr0ng-S3cret-99" not in run.stdout + run.stderr + str(run.results)
    assert changes(delta) == 0


def finish_once_polled(lab, job_id, run):
    """conftest.finish_once_polled, once the run has made two job listings (its look for jobs in
    flight, then a poll: the listing carries the jobs)."""
    conftest.finish_once_polled(lab, "aiqum", job_id, run,
                                lambda before, now: now["requests"].get(JOBS, 0) >= before["requests"].get(JOBS, 0) + 2,
                                submitted=submitted)


def test_rerun_adopts_in_flight_job(aiqum, ansible, lab_delta):
    # The first job runs until the re-run has polled it (then the test ends it): always one to adopt.
    aiqum.config("aiqum", durations={"file_share_create": 40000})
    share = """
- name: {name}
  asyncjobs.fleet.aiqum_file_share:
    name: adopted
    svm: svm_nfs_a
    size: 2GiB
    {extra}
"""
    with lab_delta("aiqum") as delta:
        first = ansible.run_playbook(ansible.playbook(play(share.format(name="Submit only", extra="wait: false")))).result("Submit only")
        rerun = ansible.start_playbook(ansible.playbook(play(share.format(name="Re-run", extra="poll_interval: 0.2"))))
        finish_once_polled(aiqum, first["job_ids"][0], rerun)
        again = rerun.wait().result("Re-run")
    assert first["job_ids"] and first["key"] is None
    assert again["adopted_job_ids"] == first["job_ids"] and again["job_ids"] == []
    assert again["changed"] is True and again["key"] == shares(aiqum, "adopted")[0]["key"]
    assert submitted(delta) == {"file_share_create": 1}


def test_job_wait_info_and_cancel(aiqum, ansible, lab_delta):
    aiqum.config("aiqum", durations={"file_share_create": 4})  # 1 s
    pb = ansible.playbook(play("""
- name: Submit
  asyncjobs.fleet.aiqum_file_share:
    name: "many_{{ item }}"
    svm: svm_nfs_b
    size: 1GiB
    wait: false
  loop: [1, 2, 3, 4, 5]
  register: submitted
- name: Cancel
  asyncjobs.fleet.job_cancel:
    api: aiqum
    job_ids: "{{ submitted.results | map(attribute='job_ids') | flatten }}"
  ignore_errors: true
  register: cancel
- name: Wait
  asyncjobs.fleet.job_wait:
    api: aiqum
    job_ids: "{{ submitted.results | map(attribute='job_ids') | flatten }}"
    poll_interval: 0.2
  register: waited
- name: Info
  asyncjobs.fleet.job_info:
    api: aiqum
    job_ids: "{{ submitted.results | map(attribute='job_ids') | flatten }}"
  register: info
"""))
    with lab_delta("aiqum") as delta:
        run = ansible.run_playbook(pb)
    ids = [i for r in run.entry("Submit")["result"]["results"] for i in r["job_ids"]]
    cancel = run.result("Cancel")
    assert run.status("Cancel") == "failed"
    assert "AIQUM jobs cannot be canceled" in cancel["msg"] and "documents no cancel" in cancel["msg"]
    waited = run.result("Wait")
    assert waited["states"] == {"succeeded": 5} and waited["changed"] is False
    assert sorted(j["id"] for j in waited["jobs"]) == sorted(ids)
    info = run.result("Info")
    assert all(j["job_results"]["fileshareKey"] for j in info["jobs"])
    # Five submissions and nothing else that changes anything (the cancel sent no request).
    assert changes(delta) == 5 and submitted(delta) == {"file_share_create": 5}
    # job_cancel refuses before any request; job_wait reads one listing per poll round and,
    # since the listing carries the full jobs, no per-job GET; job_info reads each job once.
    # Each submitting task looks for jobs in flight on its share before and after submitting.
    assert delta["requests"][JOBS] == waited["polls"] + 5 * 2
    assert delta["requests"][JOB] == 5


def test_jobs_lookup_pages_with_small_page_size(aiqum, ansible, lab_delta):
    requests.post(aiqum.urls["aiqum"] + "/_lab/jobs", json={"count": 6}, timeout=10).raise_for_status()
    requests.post(aiqum.urls["aiqum"] + "/_lab/jobs", json={"count": 1, "outcome": "partial_failures"},
                  timeout=10).raise_for_status()
    pb = ansible.playbook(play("""
- name: List
  ansible.builtin.set_fact:
    listed: "{{ query('asyncjobs.fleet.jobs', api='aiqum', page_size=3) }}"
    partial: "{{ query('asyncjobs.fleet.jobs', api='aiqum', state=['partial']) }}"
"""))
    with lab_delta("aiqum") as delta:
        run = ansible.run_playbook(pb)
    facts = run.result("List")["ansible_facts"]
    assert len(facts["listed"]) == 7 and len({j["id"] for j in facts["listed"]}) == 7
    assert len(facts["partial"]) == 1 and facts["partial"][0]["raw_status"] == "partial_failures"
    # 3 pages of 3 (following _links.next) for the first query, 1 page of up to 1000 for the second.
    assert delta["requests"][JOBS] == 4


def test_module_path_on_a_non_local_connection(aiqum, ansible, lab_delta):
    """Delegated to a real host, the same operation runs as a module (AnsiballZ)."""
    pb = ansible.playbook(play("""
- name: As a module
  asyncjobs.fleet.aiqum_file_share:
    name: share_home
    svm: svm_nfs_a
    size: 100GiB
    export_policy_rules:
      - clients: [10.0.0.0/8]
  vars:
    ansible_connection: remote_local
"""))
    with lab_delta("aiqum") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("As a module")
    assert "invocation" in r and r["changed"] is False and r["outcome"] == "succeeded"
    # AIQUM_PASSWORD travels as a no_log option: an environment variable would be on the command line.
    assert r["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert r["key"] == shares(aiqum, "share_home")[0]["key"]
    assert changes(delta) == 0 and sum(delta["methods"].values()) == 3
