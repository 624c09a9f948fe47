# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recovery: the controller or the server dies in the middle of a wait.

* ``kill -9`` of ansible-playbook and of every process it started (its workers detach into sessions
  of their own, so its process group alone would leave the waiting module running) while a module
  waits for the job it submitted, then a re-run of the same playbook: the re-run adopts the job in flight instead of
  submitting a duplicate, and ends in the right state. For drm_firmware_update,
  powerstore_volume_group and rpc_call (with client_ref).
* The lab is SIGKILLed and started again on the same ports and state directory while a module
  waits: the wait rides out the outage, completes within its timeout and reports the right end
  state; nothing is submitted twice.

"During the wait" is detected from the lab's own counters (the job exists, runs, and has been
polled), not by sleeping blindly.
"""

from __future__ import annotations

import json
import pathlib
import signal
import subprocess
import sys
import time
import uuid

import pytest
import requests

from conftest import kill_tree

LAB_DIR = pathlib.Path(__file__).resolve().parents[1] / "lab"
AUTH = ("admin", "lab-Passw0rd!")
SMART = "storage.Disks.run_smart_test"


def play(*tasks):
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: Test\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


def start_playbook(ansible, playbook, extra_vars, env=None):
    """ansible-playbook in the background (kill_group ends it with every process it started)."""
    run_id = uuid.uuid4().hex[:8]
    vars_file = ansible.workdir / f"vars-{run_id}.json"
    vars_file.write_text(json.dumps(extra_vars))
    record = ansible.workdir / f"results-{run_id}.json"
    environment = ansible.environment(env)
    environment["ASYNCJOBS_RECORD_RESULTS"] = str(record)
    cmd = [str(pathlib.Path(sys.executable).parent / "ansible-playbook"), "-i", "localhost,", "-c", "local",
           str(playbook), "-e", f"@{vars_file}"]
    proc = subprocess.Popen(cmd, cwd=ansible.workdir, env=environment, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    proc.record = record
    return proc


def wait_until(predicate, proc, what, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if proc.poll() is not None:
            raise AssertionError(f"ansible-playbook ended (rc {proc.returncode}) before {what}:\n{proc.stdout.read()}")
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def kill_group(proc):
    kill_tree(proc.pid)
    proc.communicate(timeout=30)  # reaps it and closes its output pipe
    assert proc.returncode == -signal.SIGKILL


def in_wait(proc, job_running, poll_count, what):
    """Return once the job runs AND the module has polled it since (so it is in its wait loop)."""
    wait_until(job_running, proc, what)
    seen = poll_count()
    wait_until(lambda: poll_count() > seen, proc, what + " to be polled")


def rerun_while_held(lab, ansible, playbook, extra_vars, appliance, job_id, look, poll, polls=1):
    """The re-run, while the lab holds the killed run's job in flight (a duration far beyond the
    test). The job is ended through the lab's finish control once the re-run has looked for jobs in
    flight (``look`` grew: a count of requests that the killed run, caught in its wait loop, never
    makes, so a poll of it still on its way to the lab cannot pass for the re-run's) and then
    polled the job (``poll`` grew by ``polls``): the re-run finds the job running however slow the
    machine, and nothing waits for a duration. Returns the re-run's PlaybookRun; one that submits
    fails at once."""
    looked, submitted = look(), sum(lab.stats(appliance)["submissions"].values())
    started = ansible.start_playbook(playbook, extra_vars=extra_vars)
    deadline = time.monotonic() + 120

    def until(grown, what):
        while not grown():
            assert started.proc.poll() is None, "the re-run ended before it " + what
            assert time.monotonic() < deadline, "the re-run never " + what
            time.sleep(0.05)
        # Read after the poll was seen, so a submission made before it shows here.
        assert sum(lab.stats(appliance)["submissions"].values()) == submitted, "the re-run submitted a duplicate"

    try:
        until(lambda: look() > looked, "looked for jobs in flight")
        polled = poll()
        until(lambda: poll() >= polled + polls, "polled the held job")
    except AssertionError as exc:
        started.kill()
        raise AssertionError("%s\n%s" % (exc, started.wait(expect_rc=None).describe())) from None
    lab.finish_job(job_id, appliance)
    return started.wait()


# ---------------------------------------------------------------- kill -9 of the controller

@pytest.fixture
def image(tmp_path):
    path = tmp_path / "fw-3.3.3.bin"
    path.write_bytes(b"ACME FIRMWARE\nversion=3.3.3\n" + b"\x00" * 64)
    return str(path)


def online_devices(lab, count):
    return [d["devConnectwareId"] for d in lab.devices() if d["online"] and not d["fails_firmware"]][:count]


def test_kill_during_firmware_wait_then_rerun_adopts(lab, ansible, image):
    lab.reset("drm")
    usual = lab.config("drm")["durations"]
    lab.config("drm", durations={"update_firmware": 40000})  # held in flight until the re-run polls it
    try:
        targets = online_devices(lab, 3)
        pb = ansible.playbook(play("""
- name: Update
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{ targets }}"
    version: 3.3.3
    src: "{{ image }}"
    poll_interval: 0.2
"""))
        extra = {"targets": targets, "image": image}
        proc = start_playbook(ansible, pb, extra)
        try:
            in_wait(proc, lambda: lab.stats("drm")["jobs"]["in_progress"] == 1,
                    lambda: lab.stats("drm")["requests"].get("GET /ws/sci/{id}", 0), "the firmware job")
        finally:
            kill_group(proc)
        listing = requests.get(lab.urls["drm"] + "/ws/sci", auth=AUTH, timeout=10).text
        first_job = listing.split("<jobId>", 1)[1].split("<", 1)[0]
        assert lab.stats("drm")["submissions"] == {"update_firmware": 1}

        r = rerun_while_held(lab, ansible, pb, extra, "drm", first_job,
                             lambda: lab.stats("drm")["requests"].get("GET /ws/sci", 0),
                             lambda: lab.stats("drm")["job_reads"].get("%s progress" % first_job, 0)).result("Update")
        stats = lab.stats("drm")
        assert stats["submissions"] == {"update_firmware": 1}, (
            "drm_firmware_update re-run submitted a duplicate: %s" % json.dumps(r)[:2000])
        assert r["adopted_job_ids"] == [first_job] and r["job_ids"] == [first_job], json.dumps(r)[:3000]
        assert sorted(r["updated_devices"]) == sorted(targets) and r["changed"] is True
        assert [j["state"] for j in r["jobs"]] == ["succeeded"]
        versions = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices()}
        assert all(versions[t] == "3.3.3" for t in targets)
    finally:
        lab.config("drm", durations=usual)


def test_kill_during_volume_group_wait_then_rerun_adopts(lab, ansible):
    lab.reset("powerstore")
    usual = lab.config("powerstore")["durations"]
    lab.config("powerstore", durations={"create": 40000})  # held in flight until the re-run polls it
    try:
        pb = ansible.playbook(play("""
- name: Create
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-recovered
    description: made once
    poll_interval: 0.2
"""))

        def jobs():
            return requests.get(lab.urls["powerstore"] + "/_lab/jobs", timeout=10).json()

        proc = start_playbook(ansible, pb, {})
        try:
            # One job poll is a filtered GET /job (the pre-submission in-flight check is one too).
            in_wait(proc, jobs, lambda: lab.stats("powerstore")["requests"].get("GET /api/rest/job", 0), "the create job")
            jobs = jobs()
        finally:
            kill_group(proc)
        assert [j["state"] for j in jobs] in (["PENDING"], ["QUEUED"], ["IN_PROGRESS"])
        first_job = jobs[0]["id"]

        # The re-run reads the volume group first (the killed run, in its wait, reads only jobs),
        # then makes two job listings: its look for jobs in flight, then a poll of the adopted job.
        r = rerun_while_held(lab, ansible, pb, None, "powerstore", first_job,
                             lambda: lab.stats("powerstore")["requests"].get("GET /api/rest/volume_group", 0),
                             lambda: lab.stats("powerstore")["requests"].get("GET /api/rest/job", 0), polls=2).result("Create")
        stats = lab.stats("powerstore")
        assert stats["submissions"].get("create") == 1, (
            "powerstore_volume_group re-run submitted a duplicate: %s" % json.dumps(r)[:2000])
        assert sum(stats["submissions"].values()) == 1
        assert r["adopted_job_ids"] == [first_job] and r["changed"] is True, json.dumps(r)[:3000]
        assert [j["state"] for j in r["adopted_jobs"]] == ["succeeded"]
        assert r["volume_group"]["name"] == "vg-recovered" and r["volume_group"]["description"] == "made once"
        groups = [g for g in requests.get(lab.urls["powerstore"] + "/_lab/volume_groups", timeout=10).json()
                  if g["name"] == "vg-recovered"]
        assert len(groups) == 1
    finally:
        lab.config("powerstore", durations=usual)


def test_kill_during_rpc_wait_then_rerun_adopts(lab, ansible):
    lab.reset("rpc")
    usual = lab.config("rpc")["durations"]
    lab.config("rpc", durations={SMART: 40000})  # held in flight until the re-run polls it
    try:
        pb = ansible.playbook(play(f"""
- name: Call
  asyncjobs.fleet.rpc_call:
    function: {SMART}
    arguments:
      slot_id: 2
    client_ref: 4242
    poll_interval: 0.2
"""))

        proc = start_playbook(ansible, pb, {})
        try:
            in_wait(proc, lambda: lab.stats("rpc")["jobs"].get("RUNNING"),
                    lambda: lab.stats("rpc")["calls"].get("system.Jobs.get_job_status", 0), "the RPC job")
        finally:
            kill_group(proc)
        jobs = requests.get(lab.urls["rpc"] + "/_lab/jobs", timeout=10).json()
        assert len(jobs) == 1 and jobs[0]["client_ref"] == 4242

        r = rerun_while_held(lab, ansible, pb, None, "rpc", jobs[0]["id"],
                             lambda: lab.stats("rpc")["calls"].get("system.Jobs.get_jobs_list", 0),
                             lambda: lab.stats("rpc")["calls"].get("system.Jobs.get_job_status", 0)).result("Call")
        stats = lab.stats("rpc")
        assert stats["submissions"].get(SMART) == 1, "rpc_call re-run submitted a duplicate: %s" % json.dumps(r)[:2000]
        assert r["adopted"] is True and r["job_id"] == str(jobs[0]["id"])
        assert r["result"] == {"device_ok": True} and r["job"]["state"] == "succeeded"
    finally:
        lab.config("rpc", durations=usual)


# ---------------------------------------------------------------- the server restarts mid-wait

@pytest.fixture
def private_lab(tmp_path):
    """A lab of this test's own: killing the session lab would break other tests."""
    if str(LAB_DIR) not in sys.path:
        sys.path.insert(0, str(LAB_DIR))
    import labctl
    instance = labctl.start_lab(tmp_path / "lab", devices=20, time_scale=0.25, only="drm,rpc",
                                stderr=subprocess.DEVNULL)
    yield instance
    instance.stop()


def test_lab_restart_during_waits(private_lab, ansible, image):
    lab = private_lab
    # Both jobs are held in flight: each is ended through the lab's finish control once its wait
    # has polled it after the restart, so both waits surely span the outage.
    lab.config("drm", durations={"update_firmware": 40000})
    lab.config("rpc", durations={SMART: 40000})
    env = {}
    for api, prefix in (("drm", "DRM"), ("rpc", "RPC")):
        env.update({prefix + "_URL": lab.urls[api], prefix + "_USERNAME": AUTH[0], prefix + "_PASSWORD": AUTH[1]})
    targets = online_devices(lab, 2)
    pb = ansible.playbook(play(f"""
- name: Submit RPC
  asyncjobs.fleet.rpc_call:
    function: {SMART}
    arguments:
      slot_id: 1
    client_ref: 99
    wait: false
  register: submitted
- name: Update
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{{{ targets }}}}"
    version: 3.3.3
    src: "{{{{ image }}}}"
    poll_interval: 0.5
    wait_timeout: 60
- name: Wait RPC
  asyncjobs.fleet.job_wait:
    api: rpc
    job_ids: ["{{{{ submitted.job_id }}}}"]
    poll_interval: 0.5
    wait_timeout: 60
"""))
    proc = start_playbook(ansible, pb, {"targets": targets, "image": image}, env=env)
    try:
        in_wait(proc, lambda: lab.stats("drm")["jobs"]["in_progress"] == 1,
                lambda: lab.stats("drm")["requests"].get("GET /ws/sci/{id}", 0), "the firmware job")
        before = {api: lab.stats(api)["submissions"] for api in ("drm", "rpc")}
        fw_job = requests.get(lab.urls["drm"] + "/ws/sci", auth=AUTH, timeout=10).text.split("<jobId>", 1)[1].split("<", 1)[0]
        rpc_job = requests.get(lab.urls["rpc"] + "/_lab/jobs", timeout=10).json()[0]["id"]
        lab.kill()
        down = time.monotonic()
        time.sleep(2.0)  # an outage of a few polls
        lab.restart()
        outage = time.monotonic() - down
        # Counters restart with the lab: any read now is a poll made after the outage.
        wait_until(lambda: lab.stats("drm")["requests"].get("GET /ws/sci/{id}", 0), proc, "a firmware poll after the restart")
        lab.finish_job(fw_job, "drm")
        wait_until(lambda: sum(lab.stats("rpc")["calls"].get(c, 0) for c in ("system.Jobs.get_job_status", "system.Jobs.get_jobs_list")),
                   proc, "an RPC poll after the restart")
        lab.finish_job(rpc_job, "rpc")
        out, _err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            kill_group(proc)
    assert before == {"drm": {"update_firmware": 1}, "rpc": {SMART: 1}}
    assert proc.returncode == 0, out
    results = {r["task"]: r["result"] for r in json.loads(proc.record.read_text())}
    update, waited = results["Update"], results["Wait RPC"]
    assert sorted(update["updated_devices"]) == sorted(targets) and update["failed_devices"] == {}
    assert [j["state"] for j in update["jobs"]] == ["succeeded"]
    assert outage < update["elapsed"] < 60
    assert [j["state"] for j in waited["jobs"]] == ["succeeded"] and waited["jobs"][0]["result"] == {"device_ok": True}
    # Counters restart with the lab: nothing was submitted after the restart, and polling resumed.
    after = {api: lab.stats(api) for api in ("drm", "rpc")}
    assert after["drm"]["submissions"] == {} and after["rpc"]["submissions"].get(SMART, 0) == 0
    assert after["drm"]["requests"].get("GET /ws/sci/{id}", 0) > 0
    versions = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices()}
    assert all(versions[t] == "3.3.3" for t in targets)
