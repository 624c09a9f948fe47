# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shipped playbooks through ansible-runner, the engine AWX runs jobs with.

Each run gets a private data dir laid out as AWX lays it out (project/, inventory/,
env/envvars with what the Remote Manager credential type injects, env/extravars with the
survey answers), and the tests assert on what AWX reads back: status and rc, the artifacts
directory, the job events, set_stats data, and that the credential's password is in no
artifact that AWX keeps or shows.
"""

from __future__ import annotations

import json
import sys

import ansible_runner
import pytest

from conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "tests" / "perf"))
import slicing  # noqa: E402  (private data dir layout and lab checks, shared with the slicing benchmark)

LOCALHOST = "localhost ansible_connection=local\n"
FIRMWARE = "asyncjobs.fleet.drm_firmware_update"


@pytest.fixture
def runner(lab, tmp_path, monkeypatch):
    """run(playbook, ident, extravars=None, path=None) -> (Runner, private data dir).

    Without path, a private data dir with the playbook and a localhost inventory is made.
    """
    # ansible-runner starts `ansible-playbook` from PATH: the venv's, as in make integration.
    monkeypatch.setenv("PATH", slicing.tool_env()["PATH"])

    def run(playbook, ident, extravars=None, path=None):
        if path is None:
            path = slicing.private_data_dir(tmp_path / ident, [playbook], {"hosts": LOCALHOST},
                                            dict(slicing.ansible_env(), **slicing.credential_env(lab)),
                                            extravars or {})
        result = ansible_runner.run(private_data_dir=str(path), playbook=playbook, ident=ident,
                                    quiet=True, timeout=300)
        return result, path

    return run


def events_of(path, ident, kind=None, action=None):
    found = slicing.events(path, ident)
    if kind:
        found = [e for e in found if e["event"] == kind]
    if action:
        found = [e for e in found if e["event_data"].get("task_action") == action]
    return found


def final_stats(path, ident):
    stats = events_of(path, ident, "playbook_on_stats")
    assert len(stats) == 1
    return stats[0]["event_data"]


def assert_artifacts(result, path, ident, status="successful", rc=0):
    """The artifacts AWX reads: rc, status, stdout and one JSON file per event."""
    assert (result.status, result.rc) == (status, rc), (path / "artifacts" / ident / "stdout").read_text()
    artifacts = path / "artifacts" / ident
    assert (artifacts / "rc").read_text().strip() == str(rc)
    assert (artifacts / "status").read_text().strip() == status
    assert "PLAY RECAP" in (artifacts / "stdout").read_text()
    files = sorted((artifacts / "job_events").glob("*.json"))
    assert files and len(files) == len(list(result.events))
    kinds = [e["event"] for e in slicing.events(path, ident)]
    assert kinds[0] == "playbook_on_start" and kinds[-1] == "playbook_on_stats"


def assert_no_secret(path):
    """The password injected through env/envvars is in no artifact, except the one below.

    ansible-runner itself writes artifacts/<ident>/command with the whole environment of the
    ansible-playbook process (mode 0600); AWX deletes the private data dir after the job, and
    never shows that file. Everything AWX keeps and shows (events, stdout, set_stats) is clean.
    """
    leaks = []
    for item in sorted((path / "artifacts").rglob("*")):
        if item.is_file() and slicing.PASSWORD.encode() in item.read_bytes():
            leaks.append(item)
    for item in leaks:
        assert item.name == "command" and item.parent.parent.name == "artifacts", f"secret in {item}"
        assert item.stat().st_mode & 0o077 == 0, f"{item} is readable by others"


def lab_firmware_jobs(lab):
    """{job id: [target device ids]} of every firmware job the lab has."""
    return {job["jobId"]: job["jobTargets"].split(",") for job in slicing.sci_jobs(lab)}


def test_demo_through_runner(lab, runner, lab_delta):
    lab.reset()
    devices = lab.devices("drm")
    lab_group = [d["devConnectwareId"] for d in devices if d["grpPath"] == "fleet/lab"]
    online = sorted(d["devConnectwareId"] for d in devices if d["grpPath"] == "fleet/lab" and d["online"])
    offline = sorted(set(lab_group) - set(online))
    with lab_delta("drm") as delta:
        result, path = runner("demo.yml", "demo")
    assert_artifacts(result, path, "demo")

    stats = final_stats(path, "demo")
    assert stats["ok"] == {"localhost": 7} and stats["changed"] == {"localhost": 1}
    assert stats["failures"] == {} and stats["dark"] == {}
    assert result.stats["ok"] == stats["ok"]
    assert events_of(path, "demo", "runner_on_failed") == []

    message = events_of(path, "demo", "runner_on_ok", "asyncjobs.fleet.drm_send_message")
    assert len(message) == 1
    summary = message[0]["event_data"]["res"]["summary"]
    assert summary["targets"] == 50 and summary["failed"] == 5 and summary["ok"] == 45

    first, again = [e["event_data"] for e in events_of(path, "demo", "runner_on_ok", FIRMWARE)]
    assert first["task"] == "Update the demo group to the demo firmware version"
    assert first["res"]["changed"] is True and first["res"]["updated_devices"] == online
    assert sorted(first["res"]["failed_devices"]) == offline
    assert all("Device Not Connected" in why for why in first["res"]["failed_devices"].values())
    assert again["res"]["changed"] is False and again["res"]["job_ids"] == []
    assert again["res"]["skipped_devices"] == online

    # The lab's own records: one message job, one firmware job naming each device once.
    assert delta["submissions"] == {"send_message": 1, "update_firmware": 1}
    jobs = lab_firmware_jobs(lab)
    assert list(jobs) == first["res"]["job_ids"] and sorted(next(iter(jobs.values()))) == online
    now = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices("drm")}
    assert {now[d] for d in online} == {"2.1.0"}
    assert_no_secret(path)


def test_firmware_rollout_through_runner(lab, runner, lab_delta, tmp_path):
    lab.reset()
    online = sorted(d["devConnectwareId"] for d in lab.devices("drm") if d["grpPath"] == "fleet/lab" and d["online"])
    path = tmp_path / "rollout"
    survey = {"rollout_version": "2.1.0", "rollout_src": str(path / "project" / "files" / "acme-2.1.0.bin"),
              "rollout_groups": "fleet/lab", "rollout_canary_size": "2", "rollout_wave_percentage": "50"}
    with lab_delta("drm") as delta:
        result, path = runner("firmware_rollout.yml", "rollout", survey)
    assert_artifacts(result, path, "rollout")
    assert events_of(path, "rollout", "runner_on_failed") == []
    stats = final_stats(path, "rollout")
    assert stats["failures"] == {} and stats["changed"]["localhost"] >= 3

    # A canary of 2, then waves of ceil(50% of the 30 to update): three disjoint firmware tasks.
    waves = [e["event_data"]["res"] for e in events_of(path, "rollout", "runner_on_ok", FIRMWARE)]
    assert [len(w["updated_devices"]) for w in waves] == [2, 15, 13]
    assert sorted(d for w in waves for d in w["updated_devices"]) == online

    # set_stats reaches AWX as the job's artifacts (playbook_on_stats artifact_data).
    summary = stats["artifact_data"]["firmware_rollout_summary"]
    assert summary["updated"] == online and summary["failed"] == {} and not summary["halted"]
    assert int(summary["at_version_now"]) == len(online)

    assert delta["submissions"] == {"update_firmware": 3}
    targets = [d for ids in lab_firmware_jobs(lab).values() for d in ids]
    assert sorted(targets) == online  # each device in exactly one job
    assert_no_secret(path)


def test_sliced_rollout_playbook_through_runner_is_idempotent(lab, runner, lab_delta, tmp_path):
    """The job-slicing playbook with the drm_devices inventory source in the private data dir.

    With rollout_fail_hosts false, the devices' hosts stay green and the failure budget alone decides
    (the default, failed devices as failed hosts, is test_relaunch_on_failed_hosts_submits_only_the_failed_devices's).
    """
    lab.reset()
    devices = [d for d in lab.devices("drm") if d["grpPath"] == "fleet/lab"]
    online = sorted(d["devConnectwareId"] for d in devices if d["online"])
    offline = sorted(d["devConnectwareId"] for d in devices if not d["online"])
    source = {"fleet.drm_devices.yml": "plugin: asyncjobs.fleet.drm_devices\ndevice_groups: [fleet/lab]\n"}
    path = slicing.private_data_dir(tmp_path / "sliced", [slicing.PLAYBOOK], source,
                                    dict(slicing.ansible_env(), **slicing.credential_env(lab)),
                                    dict(slicing.slice_extravars(tmp_path / "sliced" / "project", 10), rollout_fail_hosts=False))
    with lab_delta("drm") as delta:
        result = runner(slicing.PLAYBOOK, "first", path=path)[0]
    assert_artifacts(result, path, "first")
    assert events_of(path, "first", "runner_on_failed") == []
    stats = final_stats(path, "first")
    # run_once tasks count on the host they ran for: the update (changed) and set_stats.
    assert list(stats["ok"].values()) == [2] and list(stats["changed"].values()) == [1]
    assert stats["failures"] == {} and stats["dark"] == {}
    update = events_of(path, "first", "runner_on_ok", FIRMWARE)
    assert len(update) == 1  # one fleet-mode task for the whole slice, not one per host
    res = update[0]["event_data"]["res"]
    assert res["updated_devices"] == online and sorted(res["failed_devices"]) == offline
    summary = stats["artifact_data"]["rollout_slice_summary"]
    assert summary["failed"] == res["failed_devices"] and int(summary["targeted"]) == len(devices)
    assert delta["submissions"] == {"update_firmware": 1}
    # A few DeviceCore pages, one in-flight check, one submission, the polls and one result read.
    assert sum(delta["methods"].values()) < 20

    # Re-run with no failure budget: nothing is submitted or changed, and the job fails
    # because the offline devices are still not at the version, naming each of them.
    (path / "env" / "extravars").write_text(json.dumps(dict(slicing.slice_extravars(path / "project", 0), rollout_fail_hosts=False)))
    with lab_delta("drm") as again:
        rerun = runner(slicing.PLAYBOOK, "rerun", path=path)[0]
    assert_artifacts(rerun, path, "rerun", status="failed", rc=2)
    res = events_of(path, "rerun", "runner_on_ok", FIRMWARE)[0]["event_data"]["res"]
    assert res["changed"] is False and res["job_ids"] == [] and res["skipped_devices"] == online
    assert not any(again["submissions"].values())
    stats = final_stats(path, "rerun")
    assert stats["changed"] == {} and list(stats["ok"].values()) == [2]
    # The failure counts on the host the run_once task ran for (the job fails); which
    # devices failed, and why, is in the task's message and in the set_stats data.
    assert list(stats["failures"].values()) == [1] and list(stats["failures"]) == list(stats["ok"])
    failed = events_of(path, "rerun", "runner_on_failed")
    assert [e["event_data"]["task"] for e in failed] == ["Fail the slice when more devices failed than allowed"]
    assert all(dev in failed[0]["event_data"]["res"]["msg"] for dev in offline)
    assert stats["artifact_data"]["rollout_slice_summary"]["failed"] == res["failed_devices"]
    assert_no_secret(path)


def failed_hosts(stats):
    """The limit AWX gives "relaunch on failed hosts": hosts with failures or unreachable in playbook_on_stats."""
    return sorted(set(stats["failures"]) | set(stats["dark"]))


def inventory_dir(lab, tmp_path, name, playbook, extravars, group="fleet/north"):
    """A private data dir whose inventory is a drm_devices source of one lab group (one host per device)."""
    source = {"fleet.drm_devices.yml": "plugin: asyncjobs.fleet.drm_devices\ndevice_groups: [%s]\n" % group}
    path = tmp_path / name
    return slicing.private_data_dir(path, [playbook], source, dict(slicing.ansible_env(), **slicing.credential_env(lab)),
                                    dict(slicing.slice_extravars(path / "project", 0), **extravars))


def relaunch(path, playbook, ident, limit, extravars):
    """AWX's relaunch: the same private data dir, a new job id, the limit taken from the first run's stats."""
    (path / "env" / "extravars").write_text(json.dumps(dict(json.loads((path / "env" / "extravars").read_text()), **extravars)))
    return ansible_runner.run(private_data_dir=str(path), playbook=playbook, ident=ident, limit=",".join(limit),
                              quiet=True, timeout=300)


def fix_devices(lab, devices):
    """The operator's repair between the runs: the devices come online and accept the image."""
    for dev in devices:
        lab.set_device(dev, online=True, fails_firmware=False)


@pytest.mark.parametrize("playbook, extravars", [
    ("firmware_rollout_sliced.yml", {}),
    # A canary of 1 and waves of 50%, no failure allowed: the rollout halts after the first wave with a
    # failure, and the devices it never reached are failed hosts too.
    ("firmware_rollout_hosts.yml", {"rollout_canary_size": 1, "rollout_wave_percentage": 50, "rollout_max_fail_percentage": 0}),
], ids=["sliced", "role"])
def test_relaunch_on_failed_hosts_submits_only_the_failed_devices(lab, lab_delta, tmp_path, monkeypatch, playbook, extravars):
    monkeypatch.setenv("PATH", slicing.tool_env()["PATH"])
    lab.reset()
    devices = {d["devConnectwareId"]: d for d in lab.devices("drm") if d["grpPath"] == "fleet/north"}
    offline = sorted(d for d, v in devices.items() if not v["online"])
    rejecting = sorted(d for d, v in devices.items() if v["online"] and v["fails_firmware"])
    assert offline and rejecting, "lab fleet rules changed"
    path = inventory_dir(lab, tmp_path, "north", playbook, dict(extravars, awx_job_id=101))

    with lab_delta("drm") as first_delta:
        first = ansible_runner.run(private_data_dir=str(path), playbook=playbook, ident="first", quiet=True, timeout=300)
    assert_artifacts(first, path, "first", status="failed", rc=2)
    stats = final_stats(path, "first")
    first_jobs = lab_firmware_jobs(lab)
    attempted = sorted(d for ids in first_jobs.values() for d in ids)
    updated = sorted(d for d in attempted if lab.device(d)["dpFirmwareLevelDesc"] == "2.1.0")
    assert updated and set(rejecting) & set(attempted), "the first run must update some devices and meet a rejection"
    # Exactly the devices not at the version are failed hosts, each once, with its own reason.
    behind = sorted(d for d in devices if lab.device(d)["dpFirmwareLevelDesc"] != "2.1.0")
    assert failed_hosts(stats) == behind and set(stats["failures"].values()) == {1}
    assert set(offline) <= set(behind) and not set(updated) & set(behind)
    reasons = {e["event_data"]["host"]: e["event_data"]["res"]["msg"] for e in events_of(path, "first", "runner_on_failed")}
    assert sorted(reasons) == behind
    assert all("Device Not Connected" in reasons[d] or "offline" in reasons[d] for d in offline)
    assert all("2105" in reasons[d] for d in rejecting if d in attempted)
    if playbook == "firmware_rollout_hosts.yml":
        never = sorted(set(behind) - set(attempted) - set(offline))
        assert never and all("not attempted: the rollout halted" in reasons[d] for d in never)
    # The fleet went out as one job per wave or slice, whatever the number of hosts.
    assert first_delta["submissions"]["update_firmware"] == len(first_jobs)
    runs = {k: v for k, v in stats["artifact_data"].items() if k.startswith("rollout_jobs_")}
    assert list(runs) == ["rollout_jobs_101"]
    assert sorted(j for w in runs["rollout_jobs_101"]["waves"] for j in w["job_ids"]) == sorted(first_jobs)

    fix_devices(lab, behind)
    before = {d: lab.device(d) for d in updated}
    with lab_delta("drm") as again:
        second = relaunch(path, playbook, "relaunch", failed_hosts(stats), {"awx_job_id": 102})
    assert_artifacts(second, path, "relaunch")
    stats2 = final_stats(path, "relaunch")
    assert failed_hosts(stats2) == [] and events_of(path, "relaunch", "runner_on_failed") == []
    # The relaunch read and considered the failed devices only (the module's own idempotence would
    # hide a limit that was ignored: it skips the devices already at the version).
    summary = stats2["artifact_data"]["rollout_slice_summary" if "sliced" in playbook else "firmware_rollout_summary"]
    assert int(summary["targeted"]) == len(behind) and int(summary["already_current"]) == 0
    new_jobs = {j: ids for j, ids in lab_firmware_jobs(lab).items() if j not in first_jobs}
    # Only the failed devices were submitted again, each once; the updated ones were not touched.
    assert sorted(d for ids in new_jobs.values() for d in ids) == behind
    assert {d: lab.device(d) for d in updated} == before
    assert all(lab.device(d)["dpFirmwareLevelDesc"] == "2.1.0" for d in devices)
    assert again["submissions"]["update_firmware"] == len(new_jobs)
    assert list(k for k in stats2["artifact_data"] if k.startswith("rollout_jobs_")) == ["rollout_jobs_102"]

    # An empty limit is no limit: every device, all at the version now. Nothing is submitted, and the
    # job succeeds saying so.
    with lab_delta("drm") as third:
        empty = relaunch(path, playbook, "empty-limit", [], {"awx_job_id": 103})
    assert_artifacts(empty, path, "empty-limit")
    assert not any(third["submissions"].values()) and failed_hosts(final_stats(path, "empty-limit")) == []
    said = [m for e in events_of(path, "empty-limit", "runner_on_ok") for m in _messages(e)]
    assert [m for m in said if m.startswith("Nothing to do")], said
    assert_no_secret(path)


def _messages(event):
    msg = event["event_data"]["res"].get("msg")
    return msg if isinstance(msg, list) else [msg] if msg else []


@pytest.mark.parametrize("playbook", ["firmware_rollout_sliced.yml", "firmware_rollout_hosts.yml"], ids=["sliced", "role"])
def test_an_empty_slice_succeeds_with_nothing_to_do(lab, lab_delta, tmp_path, monkeypatch, playbook):
    """AWX makes K slices even when the inventory has fewer hosts: a slice with none succeeds and says so."""
    monkeypatch.setenv("PATH", slicing.tool_env()["PATH"])
    path = slicing.private_data_dir(tmp_path / "empty", [playbook], {"hosts": slicing.inventory_script([])},
                                    dict(slicing.ansible_env(), **slicing.credential_env(lab)),
                                    slicing.slice_extravars(tmp_path / "empty" / "project", 0))
    with lab_delta("drm") as delta:
        result = ansible_runner.run(private_data_dir=str(path), playbook=playbook, ident="empty", quiet=True, timeout=300)
    assert_artifacts(result, path, "empty")
    said = [m for e in events_of(path, "empty", "runner_on_ok") for m in _messages(e)]
    assert said == ["Nothing to do: this %s has no devices, so no job was submitted."
                    % ("slice" if "sliced" in playbook else "job's inventory")]
    assert sum(delta["methods"].values()) == 0


@pytest.mark.parametrize("playbook", ["firmware_rollout_sliced.yml", "firmware_rollout_hosts.yml"], ids=["sliced", "role"])
def test_a_rollout_stopped_by_an_error_marks_every_device_not_reached(lab, lab_delta, tmp_path, monkeypatch, playbook):
    """The manager refuses the credentials: no device was reached, so all of them are failed hosts
    (a relaunch on failed hosts retries them all), each with the error, and nothing was submitted."""
    monkeypatch.setenv("PATH", slicing.tool_env()["PATH"])
    lab.reset()
    hosts = sorted(d["devConnectwareId"] for d in lab.devices("drm") if d["grpPath"] == "fleet/lab")
    path = inventory_dir(lab, tmp_path, "refused", playbook, {}, group="fleet/lab")
    # The inventory is read with the right account (as AWX syncs it apart); the job's credential is wrong.
    inventory = slicing.sync_inventory(lab, tmp_path)[0]
    for name in (path / "inventory").iterdir():
        name.unlink()
    lab_hosts = [(h, v) for h, v in inventory if h in hosts]
    (path / "inventory" / "hosts").write_text(slicing.inventory_script(lab_hosts))
    (path / "inventory" / "hosts").chmod(0o700)
    envvars = json.loads((path / "env" / "envvars").read_text())
    (path / "env" / "envvars").write_text(json.dumps(dict(envvars, DRM_PASSWORD="not-the-password")))
    with lab_delta("drm") as delta:
        result = ansible_runner.run(private_data_dir=str(path), playbook=playbook, ident="refused", quiet=True, timeout=300)
    assert_artifacts(result, path, "refused", status="failed", rc=2)
    stats = final_stats(path, "refused")
    assert failed_hosts(stats) == hosts
    marks = {e["event_data"]["host"]: e["event_data"]["res"]["msg"]
             for e in events_of(path, "refused", "runner_on_failed") if e["event_data"]["host"] in hosts}
    assert sorted(marks) == hosts
    assert all(m.startswith("not reached: the") and "HTTP 401" in m for m in marks.values()), marks
    assert not any(delta["submissions"].values())
