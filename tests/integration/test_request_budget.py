# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A request budget shared by the processes of a sliced rollout, against a throttled lab.

Four AWX-style slices (tests/perf/slicing.py: one ansible-runner each, started at once) update
a fleet through a lab that enforces its per-account throttle (tests/lab/README.md), scaled to a
6 s "minute": at most 10 requests in any 1 s, 60 in any 6 s, 2 at once. Every slice, and the
inventory sync before them, gets the DRM_* variables of one budget shared through one file:
3 requests a second and 2 at once. Whatever the scheduling, that lets at most
floor(1 x 3) + 1 + 2 = 6 requests reach the lab in any 1 s and 21 in any 6 s (see _budget.py),
and never more than 2 at once: a 429 is impossible, only waiting is not. So the test asserts
that the lab sent none, and that the rollout is whole by the lab's records.

tests/perf/request_budget.py runs the same without a budget (and with per-process budgets) to
measure what the budget spares; those figures are not asserted here.
"""

from __future__ import annotations

import sys

import pytest

from conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "tests" / "perf"))
import request_budget  # noqa: E402  (the benchmark's code, run with the budget)

slicing = request_budget.slicing

DEVICES = 300
SLICES = 4


@pytest.fixture(scope="module")
def throttled_lab(tmp_path_factory):
    """A lab of its own with DEVICES devices, firmware jobs of 2 s, and the throttle on."""
    lab = request_budget.start_lab(tmp_path_factory.mktemp("budget-lab"), DEVICES, duration=2.0)
    try:
        yield lab
    finally:
        lab.stop()


def test_a_shared_budget_keeps_four_slices_under_the_throttle(throttled_lab, tmp_path):
    lab = throttled_lab
    assert lab.config()["throttle_concurrent"] == request_budget.THROTTLE["throttle_concurrent"]
    before = {d["devConnectwareId"]: d for d in lab.devices("drm")}
    offline = {d for d, v in before.items() if not v["online"]}
    rejected = {d for d, v in before.items() if v["online"] and v["fails_firmware"]}
    assert offline and rejected, "lab fleet rules changed"
    budget = request_budget.budget_env(tmp_path / "drm.budget")

    row = request_budget.rollout(lab, tmp_path / "run", SLICES, budget)

    # Not one request was refused: the lab counted no 429, for any account or reason.
    assert row["throttled"] == 0 and row["throttle_reasons"] == {}
    assert row["requests"] >= SLICES * 3  # the slices did talk to the lab (a sync, then uploads, submissions, polls)
    # The budget file was used (the turns of all the processes went through it).
    assert (tmp_path / "drm.budget").read_text().startswith("asyncjobs.fleet request budget")
    # The rollout is whole by the lab's records: one job per slice, no device in two jobs,
    # every device at the version or reported failed with the reason the lab seeded.
    assert row["devices"] == DEVICES and row["jobs"] == SLICES
    assert row["duplicates"] == [] and row["missed"] == [] and row["strangers"] == []
    assert row["hidden"] == [] and row["wrong"] == [] and row["reported_twice"] == []
    assert set(row["failed"]) == offline | rejected
    assert row["updated"] == DEVICES - len(offline | rejected)
    # Each slice's update task reported exactly its own hosts. (A slice's status and rc are not
    # asserted: a slice with failed devices may mark them as failed hosts.)
    for part, outcome in zip(slicing.slice_hosts(row["hosts"], SLICES), row["outcomes"]):
        names = {name for name, _vars in part}
        res = outcome["update"]
        assert res is not None, "the update task of a slice did not finish"
        assert set(res["updated_devices"]) | set(res["skipped_devices"]) | set(res["failed_devices"]) == names
        assert set(res["failed_devices"]) == names & (offline | rejected)
