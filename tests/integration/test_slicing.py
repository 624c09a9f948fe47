# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AWX-style job slicing: K concurrent ansible-runner jobs over slices of one inventory.

The code is tests/perf/slicing.py's (the benchmark runs it at 10,000 devices); here it runs
at 1,500 devices and K=3 on a lab of its own, and the outcome is checked against the lab's
records: no device in two firmware jobs, none missed, every failure reported per device by
the slice that holds the device, with the reason the lab seeded.
"""

from __future__ import annotations

import sys

import pytest

from conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "tests" / "perf"))
import slicing  # noqa: E402  (the benchmark's code, run at a CI-friendly size)

DEVICES = 1500
SLICES = 3


@pytest.fixture(scope="module")
def fleet_lab(tmp_path_factory):
    """A lab with DEVICES devices; firmware jobs take 6 s x 0.25."""
    lab = slicing.labctl.start_lab(str(tmp_path_factory.mktemp("slicing-lab")), devices=DEVICES, time_scale=0.25)
    try:
        yield lab
    finally:
        lab.stop()


def test_sliced_rollout_covers_every_device_once(fleet_lab, tmp_path):
    lab = fleet_lab
    before = {d["devConnectwareId"]: d for d in lab.devices("drm")}
    offline = {d for d, v in before.items() if not v["online"]}
    rejected = {d for d, v in before.items() if v["online"] and v["fails_firmware"]}
    assert offline and rejected, "lab fleet rules changed"

    row = slicing.sliced_rollout(lab, tmp_path, SLICES, max_fail_percentage=25)

    # A slice with a failed device fails (rc 2), its failed devices being its failed hosts.
    assert list(zip(row["codes"], [o["status"] for o in row["outcomes"]])) == [slicing.expected_end(o) for o in row["outcomes"]]
    assert row["marked_wrong"] == []
    assert row["devices"] == DEVICES and row["jobs"] == SLICES
    assert row["duplicates"] == [] and row["missed"] == [] and row["strangers"] == []
    assert row["hidden"] == [] and row["wrong"] == [] and row["reported_twice"] == []
    # Every connected device was in a job; offline ones were reported instead of submitted.
    assert row["targeted"] == DEVICES - len(offline)
    assert set(row["failed"]) == offline | rejected
    assert row["updated"] == DEVICES - len(offline | rejected)
    # One fleet-mode task per slice: a few requests each, however many hosts a slice has.
    assert row["requests"] <= SLICES * 20

    slices = slicing.slice_hosts(row["hosts"], SLICES)
    for part, outcome in zip(slices, row["outcomes"]):
        names = {name for name, _vars in part}
        res = outcome["update"]
        # Each slice reports exactly its own hosts, failures per device with their reason.
        reported = set(res["updated_devices"]) | set(res["skipped_devices"]) | set(res["failed_devices"])
        assert reported == names
        assert set(res["failed_devices"]) == names & (offline | rejected)
        summary = outcome["artifact_data"]["rollout_slice_summary"]
        assert summary["failed"] == res["failed_devices"] and int(summary["targeted"]) == len(names)
        # Exactly the failed devices are failed hosts, each failed by the marking play with its reason.
        assert outcome["failed_hosts"] == sorted(res["failed_devices"])
        marks = {e["event_data"]["host"]: e["event_data"]["res"]["msg"] for e in outcome["failed_events"]}
        assert marks == res["failed_devices"]

    # Relaunching a slice (as AWX relaunches a failed slice job) retries only its devices
    # that are not at the version and can be: the rejected ones, never an updated one.
    first = slices[0]
    path = row["dirs"][0]
    jobs_before = {job["jobId"] for job in slicing.sci_jobs(lab)}
    _wall, codes = slicing.run_slices([path], "relaunch")
    again = slicing.slice_outcome(path, "relaunch")
    assert codes == [2] and again["failed_hosts"] == sorted(again["update"]["failed_devices"])
    retry = sorted({name for name, _vars in first} & rejected)
    assert again["update"]["updated_devices"] == []
    assert sorted(again["update"]["failed_devices"]) == sorted({name for name, _vars in first} & (offline | rejected))
    new_jobs = [job for job in slicing.sci_jobs(lab) if job["jobId"] not in jobs_before]
    assert [sorted(job["jobTargets"].split(",")) for job in new_jobs] == [retry]
    after = {d["devConnectwareId"]: d["dpFirmwareLevelDesc"] for d in lab.devices("drm")}
    assert {d for d in after if d in retry and after[d] == slicing.VERSION} == set()
