# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for the pure parts of _jobs."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _jobs
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, JobFailed


# ---------------------------------------------------------------- _jobs

def res(ok, error=None, error_id=None):
    return {"ok": ok, "error": error, "error_id": error_id, "reply": None}


def test_device_summary():
    devices = {"A": res(True), "B": res(False, "Device Not Connected", "2001"),
               "C": res(False, "Device Not Connected", "2001"), "D": res(False, "timed out")}
    assert _jobs.device_summary(devices) == {
        "targets": 4, "ok": 1, "failed": 3,
        "errors": {"Device Not Connected (2001)": 2, "timed out": 1}}
    assert _jobs.device_summary({}) == {"targets": 0, "ok": 0, "failed": 0, "errors": {}}


def test_check_outcome_passes_when_nothing_fails():
    jobs = [lc.job("drm", "1", lc.SUCCEEDED, "complete"), lc.job("drm", "2", lc.PARTIAL, "complete")]
    assert _jobs.check_outcome(jobs, "all", {"changed": True}) is None
    assert _jobs.check_outcome(jobs, "never", {"changed": True}) is None


def test_check_outcome_raises_with_result_and_device_names():
    devices = {"A": res(True), "B": res(False, "Device Not Connected", "2001")}
    jobs = [lc.job("drm", "17", lc.PARTIAL, "complete", devices=devices),
            lc.job("drm", "18", lc.FAILED, "complete", message="job expired")]
    result = {"changed": True, "job_id": "17", "devices": devices}
    with pytest.raises(JobFailed) as info:
        _jobs.check_outcome(jobs, "any", result, what="message job")
    exc = info.value
    assert exc.result == result
    assert exc.msg.startswith("2 message job(s) did not succeed (fail_on=any)")
    assert "message job 17: partial (1 of 2 device(s) failed: B Device Not Connected (2001))" in exc.msg
    assert "message job 18: failed (job expired)" in exc.msg
    assert " A " not in exc.msg


def test_check_outcome_truncates_device_list():
    devices = {"d%02d" % i: res(False, "err") for i in range(12)}
    with pytest.raises(JobFailed) as info:
        _jobs.check_outcome([lc.job("drm", "1", lc.FAILED, "complete", devices=devices)], "any", {})
    assert "12 of 12" in info.value.msg
    assert "d11" not in info.value.msg
    assert ", ...)" in info.value.msg


def test_job_ids_param():
    assert _jobs.job_ids_param([" 1", "2", 1, "2"]) == ["1", "2"]
    for bad in (None, [], ["1", " "]):
        with pytest.raises(InputError):
            _jobs.job_ids_param(bad)
