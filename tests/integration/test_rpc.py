# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The async RPC service (NAS API style): rpc_call, job_wait/job_info/job_cancel and the jobs
lookup against the lab, over real HTTP, proven with the lab's own counters (``/_lab/stats``).

Lab rules used here (tests/lab/README.md): SMART tests take 4 s x time_scale (1 s in the
harness); slot 3 has a failing disk, slot 6 is busy (its job FAILS), slot 7 pauses at 50%.
"""

from __future__ import annotations

import hashlib
import json
import time

import pytest

import conftest
import requests

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc._protocol import HmacSha1DateAuth

SMART = "storage.Disks.run_smart_test"
JOBS_LIST = "system.Jobs.get_jobs_list"
JOB_STATUS = "system.Jobs.get_job_status"


def play(*tasks, name="Test"):
    """A one-play playbook on localhost from task YAML snippets."""
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


def smart(name, slot, **options):
    extra = "".join(f"\n    {k}: {v}" for k, v in options.items())
    return f"""
- name: {name}
  asyncjobs.fleet.rpc_call:
    function: {SMART}
    arguments:
      slot_id: {slot}
    poll_interval: 0.1
    max_poll_interval: 0.5{extra}
"""


@pytest.fixture
def rpc(lab):
    lab.reset("rpc")
    return lab


def nonzero(counts):
    """A counter delta without the keys that did not move."""
    return {k: v for k, v in counts.items() if v}


def call_rpc(lab, function, **params):
    """A call outside Ansible, signed by the collection's own signer (the service has no Basic auth)."""
    resp = requests.post(f"{lab.urls['rpc']}/api/external/8.0/{function}", json=params,
                         auth=HmacSha1DateAuth("admin", "lab-Passw0rd!"), timeout=10)
    resp.raise_for_status()
    return resp.json()


def test_smart_tests_return_outputs_of_their_result_call(rpc, ansible, lab_delta):
    pb = ansible.playbook(play(smart("Healthy", 1), smart("Failing disk", 3)))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb)
    healthy, failing = run.result("Healthy"), run.result("Failing disk")
    assert healthy["result"] == {"device_ok": True} and healthy["changed"] is True
    assert healthy["adopted"] is False and healthy["error"] is None
    job = healthy["job"]
    assert (job["state"], job["raw_state"], job["progress"]) == ("succeeded", "COMPLETED", 100)
    assert job["operation"] == SMART and job["client_ref"] == healthy["client_ref"] and job["id"] == healthy["job_id"]
    # A failing disk is a successful job whose output says so: the module returns it as is.
    assert failing["result"] == {"device_ok": False} and failing["job"]["state"] == "succeeded"
    assert healthy["client_ref"] != failing["client_ref"]  # derived from the arguments
    assert nonzero(delta["submissions"]) == {SMART: 2}
    assert delta["calls"][SMART + "_result"] == 2
    assert healthy["requests"] + failing["requests"] == sum(delta["methods"].values())
    assert "asyncjobs.fleet.rpc_call [localhost]: [" in run.stdout and "1 running" in run.stdout  # progress


def finish_once_polled(lab, job_id, run):
    """conftest.finish_once_polled, once the run has asked for a job's status."""
    conftest.finish_once_polled(lab, "rpc", job_id, run,
                                lambda before, now: now["calls"].get(JOB_STATUS, 0) > before["calls"].get(JOB_STATUS, 0))


def held_jobs(lab):
    """SMART tests submitted from now on stay in flight until the test ends them (finish_job)."""
    usual = lab.config("rpc")["durations"]
    lab.config("rpc", durations={SMART: 40000})
    return usual


def test_rerun_adopts_in_flight_job(rpc, ansible, lab, lab_delta):
    usual = held_jobs(lab)  # the first job runs until the re-run has polled it: always one to adopt
    try:
        with lab_delta("rpc") as delta:
            first = ansible.run_playbook(ansible.playbook(play(smart("Submit only", 2, wait="false")))).result("Submit only")
            rerun = ansible.start_playbook(ansible.playbook(play(smart("Re-run", 2))))
            finish_once_polled(lab, first["job_id"], rerun)
            again = rerun.wait().result("Re-run")
    finally:
        lab.config("rpc", durations=usual)
    assert first["adopted"] is False and first["job"] is None
    assert again["adopted"] is True and again["job_id"] == first["job_id"]
    assert again["result"] == {"device_ok": True} and again["changed"] is True
    assert nonzero(delta["submissions"]) == {SMART: 1}
    # Each run looked for in-flight jobs once per in-flight status (INIT, RUNNING, PAUSED).
    assert delta["calls"][JOBS_LIST] == 9  # the submitting run looked again after submitting (a twin from another controller)


def test_explicit_client_ref_tells_jobs_apart(rpc, ansible, lab, lab_delta):
    usual = held_jobs(lab)  # the first job still runs at the third task, however slow the machine
    try:
        pb = ansible.playbook(play(smart("First", 4, wait="false", client_ref=1),
                                   smart("Second", 4, wait="false", client_ref=2),
                                   smart("First again", 4, wait="false", client_ref=1)))
        with lab_delta("rpc") as delta:
            run = ansible.run_playbook(pb)
    finally:
        lab.config("rpc", durations=usual)
        for job in requests.get(lab.urls["rpc"] + "/_lab/jobs", timeout=10).json():
            lab.finish_job(job["id"], "rpc")
    assert run.result("Second")["job_id"] != run.result("First")["job_id"]
    assert run.result("First again")["job_id"] == run.result("First")["job_id"]
    assert nonzero(delta["submissions"]) == {SMART: 2}


def test_check_mode_submits_nothing(rpc, ansible, lab_delta):
    pb = ansible.playbook(play(smart("Async", 1), """
- name: Read-only sync
  asyncjobs.fleet.rpc_call:
    function: system.System.get_infos
    asynchronous: false
    changes: false
- name: Changing sync
  asyncjobs.fleet.rpc_call:
    function: storage.Disks.get_disk
    asynchronous: false
    arguments:
      slot_id: 1
"""))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb, check=True)
    async_ = run.result("Async")
    assert async_["changed"] is True and "result" not in async_
    assert async_["would_call"] == {"function": SMART, "arguments": {"slot_id": 1},
                                    "client_ref": async_["client_ref"], "api_version": "8.0"}
    read = run.result("Read-only sync")
    assert read["changed"] is False and read["result"]["infos"]["__properties__"]["friendly_name"] == "nas-lab"
    assert run.result("Changing sync")["would_call"]["function"] == "storage.Disks.get_disk"
    assert nonzero(delta["submissions"]) == {}
    assert nonzero(delta["calls"]) == {JOBS_LIST: 3, "system.System.get_infos": 1}


def test_failed_job_error_surfaces_with_job_id(rpc, ansible, lab_delta):
    pb = ansible.playbook(play(smart("Busy", 6), smart("Busy, tolerated", 6, fail_on="never")))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb, expect_rc=2)
    busy = run.result("Busy")
    assert run.status("Busy") == "failed" and busy["changed"] is True
    job_id = busy["job_id"]
    assert busy["msg"] == (f"{SMART} job {job_id} failed (FAILED): "
                           "DiskBusy: Disk in slot 6 is busy (a RAID rebuild is using it)")
    assert busy["error"]["code"] == "DiskBusy" and busy["error"]["job_id"] == int(job_id)
    assert busy["job"]["progress"] == 30 and busy["result"] is None
    assert "Traceback" not in run.stdout + run.stderr
    assert nonzero(delta["submissions"]) == {SMART: 1}  # the play stopped at the failure


def test_failed_job_tolerated_with_fail_on_never(rpc, ansible):
    run = ansible.run_playbook(ansible.playbook(play(smart("Busy", 6, fail_on="never"))))
    busy = run.result("Busy")
    assert run.status("Busy") == "changed" and busy["job"]["state"] == "failed"
    assert busy["error"]["code"] == "DiskBusy"


def test_paused_job_fails_after_paused_timeout_then_is_adopted(rpc, ansible, lab, lab_delta):
    pb = ansible.playbook(play(smart("Paused", 7, paused_timeout=0.5)))
    with lab_delta("rpc") as first:
        run = ansible.run_playbook(pb, expect_rc=2)
    paused = run.result("Paused")
    job_id = paused["job_id"]
    assert run.status("Paused") == "failed" and paused["changed"] is True
    assert f"{SMART} job {job_id} has been paused at 50% for" in paused["msg"]
    assert "paused_timeout=0.5s" in paused["msg"] and f"job_ids=[{job_id}]" in paused["msg"]
    assert paused["job"]["state"] == "paused" and paused["job"]["raw_state"] == "PAUSED"
    assert "1 paused; 50%" in run.stdout  # the progress line shows it
    assert nonzero(first["submissions"]) == {SMART: 1}

    # A re-run adopts the paused job instead of starting another test, and waits while someone
    # resumes it on the NAS. The job is resumed only once the lab has seen the re-run poll it,
    # so the outcome does not depend on how fast ansible-playbook starts.
    patient = ansible.playbook(play(smart("Paused", 7, paused_timeout=300)))
    with lab_delta("rpc") as second:
        polls_before = lab.stats("rpc")["calls"].get(JOB_STATUS, 0)
        rerun = ansible.start_playbook(patient)
        deadline = time.monotonic() + 120
        while lab.stats("rpc")["calls"].get(JOB_STATUS, 0) == polls_before:
            assert rerun.proc.poll() is None, rerun.wait(expect_rc=None).describe()
            assert time.monotonic() < deadline, "the re-run never polled the paused job"
            time.sleep(0.1)
        call_rpc(lab, "system.Jobs.resume_job", job_id=int(job_id))
        again = rerun.wait().result("Paused")
    assert again["adopted"] is True and again["job_id"] == job_id and again["result"] == {"device_ok": True}
    assert nonzero(second["submissions"]) == {}


def test_job_wait_on_several_jobs_costs_one_listing_per_round(rpc, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Submit
  asyncjobs.fleet.rpc_call:
    function: {SMART}
    arguments:
      slot_id: "{{{{ item }}}}"
    wait: false
  loop: [1, 2, 4, 5]
  register: submitted
- name: Wait
  asyncjobs.fleet.job_wait:
    api: rpc
    job_ids: "{{{{ submitted.results | map(attribute='job_id') | list }}}}"
    poll_interval: 0.2
  register: waited
"""))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Wait")
    assert r["states"] == {"succeeded": 4} and r["changed"] is False
    assert [j["result"] for j in r["jobs"]] == [{"device_ok": True}] * 4
    assert nonzero(delta["submissions"]) == {SMART: 4}
    # The submissions looked for in-flight jobs (3 listings each, before and after submitting: 6). Each poll round costs one
    # request: the listing, or get_job_status once a single job is left. Then one status
    # read and one _result per finished job.
    rounds = delta["calls"][JOBS_LIST] - 4 * 6 + delta["calls"].get(JOB_STATUS, 0) - 4
    assert rounds == r["polls"] and delta["calls"][JOBS_LIST] > 4 * 6
    assert delta["calls"][SMART + "_result"] == 4


def test_job_info_lookup_and_cancel(rpc, ansible, lab_delta):
    pb = ansible.playbook(play(smart("Healthy", 1), smart("Busy", 6, fail_on="never"), """
- name: Remember
  ansible.builtin.set_fact:
    listed: "{{ query('asyncjobs.fleet.jobs', api='rpc') }}"
    failed_jobs: "{{ query('asyncjobs.fleet.jobs', api='rpc', state=['failed']) }}"
    one: "{{ query('asyncjobs.fleet.jobs', '2', api='rpc') }}"
- name: Info by state
  asyncjobs.fleet.job_info:
    api: rpc
    state: [succeeded]
    operation: run_smart_test
""", smart("Paused", 7, wait="false"), """
- name: Cancel
  asyncjobs.fleet.job_cancel:
    api: rpc
    job_ids: ["{{ lookup('asyncjobs.fleet.jobs', api='rpc', state=['pending', 'running', 'paused']).id }}"]
  ignore_errors: true
"""))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb)
    facts = run.result("Remember")["ansible_facts"]
    assert [j["id"] for j in facts["listed"]] == ["1", "2"]
    assert [j["id"] for j in facts["failed_jobs"]] == ["2"] and facts["failed_jobs"][0]["raw_state"] == "FAILED"
    assert facts["one"][0]["error"]["code"] == "DiskBusy" and facts["one"][0]["message"].startswith("DiskBusy: ")
    info = run.result("Info by state")
    assert [j["id"] for j in info["jobs"]] == ["1"] and info["jobs"][0]["operation"] == SMART
    cancel = run.result("Cancel")
    assert run.status("Cancel") == "failed" and "RPC jobs cannot be canceled" in cancel["msg"]
    assert "job 3 keeps running" in cancel["msg"]
    assert nonzero(delta["submissions"]) == {SMART: 3}


@pytest.mark.parametrize("options, message", [
    ("function: run_smart_test", "function must be <module>.<Service>.<method>"),
    (f"function: {SMART}\n    arguments: [1, 2]", "arguments"),
    (f"function: {SMART}\n    arguments: not-a-dict", "arguments"),
    (f"function: {SMART}\n    arguments:\n      client_ref: 3", "use the client_ref option"),
    ("function: system.System.get_infos\n    asynchronous: false\n    client_ref: 3", "asynchronous functions only"),
    ("function: system.System.get_infos\n    asynchronous: false\n    api_key_id: kid\n    api_key_secret: k-Secret-1",
     "api_key_id and api_key_secret are not supported"),
])
def test_bad_input_sends_nothing(rpc, ansible, lab_delta, options, message):
    pb = ansible.playbook(play(f"""
- name: Bad
  asyncjobs.fleet.rpc_call:
    {options}
"""))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Bad")
    assert message in r["msg"] and r["changed"] is False
    assert "Traceback" not in run.stdout + run.stderr
    assert sum(delta["methods"].values()) == 0


def test_sync_calls_and_service_errors(rpc, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Disk
  asyncjobs.fleet.rpc_call:
    function: storage.Disks.get_disk
    asynchronous: false
    changes: false
    arguments:
      slot_id: 3
- name: No such slot
  asyncjobs.fleet.rpc_call:
    function: storage.Disks.get_disk
    asynchronous: false
    changes: false
    arguments:
      slot_id: 42
  ignore_errors: true
- name: No such method
  asyncjobs.fleet.rpc_call:
    function: storage.Disks.format_all
    asynchronous: false
  ignore_errors: true
- name: Bad parameter type
  asyncjobs.fleet.rpc_call:
    function: storage.Disks.run_smart_test
    arguments:
      slot_id: three
  ignore_errors: true
- name: As a module
  asyncjobs.fleet.rpc_call:
    function: system.System.get_infos
    asynchronous: false
    changes: false
  vars:
    ansible_connection: remote_local
"""))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb)
    disk = run.result("Disk")
    assert run.status("Disk") == "ok" and disk["result"]["disk"]["__properties__"]["health"] == "failing"
    slot = run.result("No such slot")
    assert slot["msg"] == "RPC storage.Disks.get_disk failed: InvalidSlot: There is no disk slot 42 (slots: 1-8)"
    assert slot["error"]["slot_id"] == 42
    assert "NoSuchMethod" in run.result("No such method")["msg"]
    bad = run.result("Bad parameter type")
    assert bad["error"]["parameter"] == "slot_id" and "must be an Integer" in bad["msg"]
    module = run.result("As a module")
    assert "invocation" in module and module["result"]["infos"]["__type__"] == "GeneralInfo"
    assert nonzero(delta["submissions"]) == {}


def test_wrong_credentials_give_one_clear_message(rpc, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Wrong
  asyncjobs.fleet.rpc_call:
    function: system.System.get_infos
    asynchronous: false
    password: "{{ secret }}"
"""))
    with lab_delta("rpc") as delta:
        run = ansible.run_playbook(pb, expect_rc=2, extra_vars={"secret": "wrong-Passw0rd-987"})
    r = run.result("Wrong")
    # The service's own reason ({"text": ...}) is quoted, with what to check.
    assert r["msg"] == ("RPC system.System.get_infos: authentication failed (HTTP 401): Invalid username or signature. "
                        "Requests are signed with the username, the password and the controller's clock: check "
                        "username and password (RPC_USERNAME/RPC_PASSWORD) and that the controller's clock is right")
    output = run.stdout + run.stderr + json.dumps(run.results)
    assert "wrong-Passw0rd-987" not in output and hashlib.sha1(b"wrong-Passw0rd-987").hexdigest() not in output
    assert nonzero(delta["errors"]) == {"Unauthorized": 1} and sum(delta["calls"].values()) == 0


def test_ip_blocked_after_failed_sign_ins(rpc, ansible, lab, lab_delta):
    lab.config("rpc", block_after=1, block_seconds=600)
    try:
        pb = ansible.playbook(play("""
- name: Wrong password
  asyncjobs.fleet.job_info:
    api: rpc
    password: wrong-Passw0rd-987
  ignore_errors: true
- name: Right password, address blocked
  asyncjobs.fleet.job_info:
    api: rpc
  ignore_errors: true
"""))
        with lab_delta("rpc") as delta:
            run = ansible.run_playbook(pb)
    finally:
        lab.config("rpc", block_after=0, block_seconds=15)
        lab.reset("rpc")
    assert "Invalid username or signature" in run.result("Wrong password")["msg"]
    blocked = run.result("Right password, address blocked")
    assert blocked["msg"].startswith("RPC system.Jobs.get_jobs_list was refused (HTTP 401, 'Ip blocked'): the service "
                                     "blocks an address after too many failed sign-ins. Wait at least 15 seconds")
    assert nonzero(delta["errors"]) == {"Unauthorized": 1, "IpBlocked": 1}


def test_transient_read_faults_are_retried_without_duplicate_submissions(rpc, ansible, lab, lab_delta):
    # A third of the job-service reads (status, listings, _result) fail with 503, 502 or a reset.
    lab.faults([{"route": r"(system\.Jobs\.|_result$)", "rate": 0.3, "kinds": ["503", "reset", "502"],
                 "retry_after": 0}], seed=11, appliance="rpc")
    try:
        pb = ansible.playbook(play(smart("Healthy", 1)))
        with lab_delta("rpc") as delta:
            run = ansible.run_playbook(pb)
    finally:
        lab.faults([], appliance="rpc")
    assert run.result("Healthy")["result"] == {"device_ok": True}
    assert sum(delta["faults"]["injected"].values()) >= 1
    assert nonzero(delta["submissions"]) == {SMART: 1}
