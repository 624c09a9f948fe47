# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Concurrent runs and conflicting jobs (issue 12, items 6 and 7), against the lab.

Races are made deterministic by widening the window on purpose, not by hoping for a
collision: the lab answers the job listing (the in-flight lookup) from its state at arrival
but only after a delay (a ``slow`` fault with ``after_processing``), so two runs that look
at about the same time both see no job. Assertions count submissions and jobs from the
lab's records and compare outcomes; no assertion depends on how long anything took.
"""

from __future__ import annotations

import time

import pytest

LISTING_DELAY = 3.0  # seconds the in-flight lookup is held back (its content is read at arrival)
PAIRS_AT_ONCE = 5
FIRST_JOB_ID = 600001  # the lab's first job id after a reset


def play(*tasks, name="Test"):
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


FIRMWARE = """
- name: Update
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{ targets }}"
    version: "{{ version }}"
    src: "{{ image }}"
    wait: "{{ wait | default(true) }}"
    wait_timeout: "{{ wait_timeout | default(600) }}"
    poll_interval: 0.2
    max_poll_interval: 1
"""


def image_file(tmp_path, version):
    path = tmp_path / ("acme-%s.bin" % version)
    path.write_text("ACME firmware\nversion=%s\n" % version)
    return str(path)


@pytest.fixture
def drm(lab):
    lab.reset()
    config = lab.config("drm")
    yield [d for d in lab.devices("drm") if d["online"] and not d["fails_firmware"]]
    lab.faults([])
    lab.config("drm", durations=config["durations"])


def slow_listing(lab, seconds=LISTING_DELAY):
    """Hold back every job-listing reply (GET /ws/sci), answered from the state at arrival."""
    lab.faults([{"route": "^/ws/sci$", "method": "GET", "rate": 1.0, "kinds": ["slow"],
                 "slow_seconds": seconds, "after_processing": True}])


def finish_once_polled(lab, job_id, run, durations):
    """End ``job_id`` (held in flight by a long duration) once the background ``run`` has polled
    it: proof that the run is waiting for it, whatever the scheduling. ``durations`` (the lab's
    usual ones) apply again first, to the jobs the run submits next."""
    deadline = time.monotonic() + 120
    while lab.stats("drm")["job_reads"].get("%s progress" % job_id, 0) < 1:
        assert run.proc.poll() is None, "the run ended without waiting for job %s" % job_id
        assert time.monotonic() < deadline, "the run never polled job %s" % job_id
        time.sleep(0.05)
    lab.config("drm", durations=durations)
    lab.finish_job(job_id)


def test_ten_pairs_of_simultaneous_identical_runs_submit_once_each(drm, lab, ansible, tmp_path):
    """Item 6 (a): two identical runs started together on one controller make ONE job.

    Without the lock, both runs' lookups were answered "nothing in flight" (the listing is
    held back while the other run looks), so every pair submitted twice.
    """
    pb = ansible.playbook(play(FIRMWARE))
    image = image_file(tmp_path, "2.1.0")
    env = {"ASYNCJOBS_LOCK_DIR": str(tmp_path / "locks")}
    usual = lab.config("drm")["durations"]
    # Each job stays in flight until the test ends it, so the second run of a pair always finds it
    # (a job that ended before that run looked would leave nothing to adopt, however rightly).
    lab.config("drm", durations={"update_firmware": 40000})
    slow_listing(lab)
    pairs = [[d["devConnectwareId"] for d in drm[2 * pair:2 * pair + 2]] for pair in range(10)]
    results = []
    # Pairs run PAIRS_AT_ONCE at a time (each on its own devices) to keep the test short; the
    # lab's per-target job records tell the pairs apart.
    for wave in range(0, len(pairs), PAIRS_AT_ONCE):
        extras = [{"image": image, "version": "2.1.0", "targets": targets, "wait": False}
                  for targets in pairs[wave:wave + PAIRS_AT_ONCE]]
        runs = [(extra["targets"], ansible.start_playbook(pb, extra_vars=extra, env=env)) for extra in extras for _i in range(2)]
        results.extend((targets, run.wait().result("Update")) for targets, run in runs)
    jobs = {}
    for targets, r in results:
        jobs.setdefault(tuple(targets), []).append(r["job_ids"])
    assert lab.stats("drm")["submissions"].get("update_firmware", 0) == 10, jobs
    for targets, job_ids in jobs.items():
        # Both runs of the pair report the one job: one submitted it, the other adopted it.
        assert len(job_ids) == 2 and job_ids[0] == job_ids[1] and len(job_ids[0]) == 1, jobs
    assert len({ids[0][0] for ids in jobs.values()}) == 10, jobs
    lab.faults([])
    lab.config("drm", durations=usual)
    for ids in jobs.values():
        lab.finish_job(ids[0][0])
    devices = [d["devConnectwareId"] for d in drm[:20]]
    now = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices("drm")}
    assert all(now[d] == "2.1.0" for d in devices), now


def test_runs_on_two_controllers_converge_on_the_lowest_job_id(drm, lab, ansible, tmp_path):
    """Item 6 (b): runs that do not share a lock (two lock directories, as on two controllers)
    both submit; afterwards the run holding the higher job id cancels it and adopts the lower.

    The lab gates the job listing: the first run's lookup is answered only once the second run's
    has arrived, both from a state without jobs, so both submit whatever their timing (the
    collision is arranged, not hoped for).
    """
    pb = ansible.playbook(play(FIRMWARE))
    targets = [d["devConnectwareId"] for d in drm[:2]]
    extra = {"image": image_file(tmp_path, "2.1.0"), "version": "2.1.0", "targets": targets}
    usual = lab.config("drm")["durations"]
    # The jobs stay in flight until the loser has canceled its own; the test then ends the kept one.
    lab.config("drm", durations={"update_firmware": 40000})
    lab.faults([{"route": "^/ws/sci$", "method": "GET", "rate": 1.0, "kinds": ["gate"], "gate_count": 2,
                 "slow_seconds": 300, "after_processing": True}])
    first = ansible.start_playbook(pb, extra_vars=extra, env={"ASYNCJOBS_LOCK_DIR": str(tmp_path / "controller-a")})
    second = ansible.start_playbook(pb, extra_vars=extra, env={"ASYNCJOBS_LOCK_DIR": str(tmp_path / "controller-b")})
    deadline = time.monotonic() + 120
    while not lab.stats("drm")["jobs"].get("canceled"):
        assert first.proc.poll() is None and second.proc.poll() is None, "a run ended before a job was canceled"
        assert time.monotonic() < deadline, "no duplicate job was canceled"
        time.sleep(0.1)
    lab.config("drm", durations=usual)
    lab.finish_job(FIRST_JOB_ID)  # ids restart at 600001 with the lab's reset: the lowest, kept
    a, b = first.wait().result("Update"), second.wait().result("Update")
    stats = lab.stats("drm")
    assert stats["submissions"]["update_firmware"] == 2, stats
    canceled = a.get("canceled_duplicate_job_ids", []) + b.get("canceled_duplicate_job_ids", [])
    kept = sorted(set(a["job_ids"] + b["job_ids"]))
    assert len(canceled) == 1 and len(kept) == 1 and int(kept[0]) < int(canceled[0]), (a, b)
    # Both runs waited for the kept job and report the devices updated.
    assert a["job_ids"] == b["job_ids"] == kept
    assert sorted(a["updated_devices"]) == sorted(b["updated_devices"]) == sorted(targets)
    assert stats["jobs"].get("canceled") == 1, stats
    now = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices("drm")}
    assert all(now[d] == "2.1.0" for d in targets)


def _conflict_setup(drm, lab, ansible, tmp_path, duration):
    """Devices that read 3.1.0 while a 3.0.0 job runs on them (submitted without waiting)."""
    targets = [d["devConnectwareId"] for d in drm[:2]]
    for device in targets:
        lab.set_device(device, dpFirmwareLevelDesc="3.1.0")
    lab.config("drm", durations={"update_firmware": duration})
    pb = ansible.playbook(play(FIRMWARE))
    old = ansible.run_playbook(pb, extra_vars={"image": image_file(tmp_path, "3.0.0"), "version": "3.0.0",
                                               "targets": targets, "wait": False}).result("Update")
    assert len(old["job_ids"]) == 1
    return pb, targets, old["job_ids"][0]


def test_conflicting_firmware_job_is_waited_for_then_the_devices_are_updated(drm, lab, ansible, tmp_path):
    """Item 7: a run for 3.1.0 on devices reading 3.1.0 while a 3.0.0 job is in flight on them
    waits for that job, reads the devices again and updates them: the fleet ends at 3.1.0.
    (Before: changed=false at once, and the fleet ended at 3.0.0.)"""
    usual = lab.config("drm")["durations"]
    pb, targets, old_job = _conflict_setup(drm, lab, ansible, tmp_path, duration=40000)  # ended by the test
    started = ansible.start_playbook(pb, extra_vars={"image": image_file(tmp_path, "3.1.0"), "version": "3.1.0",
                                                     "targets": targets})
    finish_once_polled(lab, old_job, started, usual)
    run = started.wait()
    r = run.result("Update")
    assert r["changed"] is True and r["waited_for_job_ids"] == [old_job], r
    assert old_job not in r["job_ids"] and r["adopted_job_ids"] == [], r
    assert sorted(r["updated_devices"]) == sorted(targets), r
    shown = run.stdout + run.stderr
    assert "job(s) %s making another change" % old_job in shown, shown
    assert lab.stats("drm")["submissions"]["update_firmware"] == 2
    now = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices("drm")}
    assert all(now[d] == "3.1.0" for d in targets), now


def test_conflicting_firmware_job_outlasting_wait_timeout_fails_naming_it(drm, lab, ansible, tmp_path):
    pb, targets, old_job = _conflict_setup(drm, lab, ansible, tmp_path, duration=2000)  # 500 s
    run = ansible.run_playbook(pb, extra_vars={"image": image_file(tmp_path, "3.1.0"), "version": "3.1.0",
                                               "targets": targets, "wait_timeout": 2}, expect_rc=2)
    r = run.result("Update")
    assert run.status("Update") == "failed" and r["changed"] is False, r
    assert "not submitted" in r["msg"] and "Conflicting job(s) %s" % old_job in r["msg"], r["msg"]
    assert r["conflicting_job_ids"] == [old_job] and r["job_ids"] == []
    assert lab.stats("drm")["submissions"]["update_firmware"] == 1  # the 3.0.0 job only


CONFLICT = """
- name: Conflicting change
  asyncjobs.fleet.drm_send_message:
    devices: "{{ targets }}"
    payload: '<rci_request version="1.1"><set_setting><system><location>rack 9</location></system></set_setting></rci_request>'
    wait: false
"""

SETTINGS = """
- name: Settings
  asyncjobs.fleet.drm_settings:
    devices: "{{ targets }}"
    settings:
      system:
        location: "{{ location }}"
    poll_interval: 0.2
    max_poll_interval: 1
"""


def test_settings_wait_for_a_conflicting_change_then_apply_theirs(drm, lab, ansible):
    """Item 7 for drm_settings: devices already read the wanted location, but a job setting
    another one is in flight. The run waits for it, reads again and sets the location back.
    (Before: changed=false, and the devices ended with the other job's value.)"""
    targets = [d["devConnectwareId"] for d in drm[:2]]
    location = lab.device(targets[0])["settings"]["system"]["location"]
    usual = lab.config("drm")["durations"]
    lab.config("drm", durations={"send_message": 40000})  # held in flight until the run waits for it
    other = ansible.run_playbook(ansible.playbook(play(CONFLICT)), extra_vars={"targets": targets}).result(
        "Conflicting change")["job_id"]
    started = ansible.start_playbook(ansible.playbook(play(SETTINGS)), extra_vars={"targets": targets, "location": location})
    finish_once_polled(lab, other, started, usual)
    run = started.wait()
    r = run.result("Settings")
    assert r["changed"] is True and r["waited_for_job_ids"] == [other], r
    assert sorted(r["changed_devices"]) == sorted(targets) and len(r["job_ids"]) == 1, r
    assert all(lab.device(t)["settings"]["system"]["location"] == location for t in targets)
