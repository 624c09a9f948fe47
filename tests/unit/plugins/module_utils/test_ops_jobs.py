# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for the pure parts of _ops_jobs."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _job_tasks as _ops_jobs

DEV_A = "00000000-00000000-00409DFF-FF000001"
DEV_B = "00000000-00000000-00409DFF-FF000002"


# ---------------------------------------------------------------- _ops_jobs.filter_jobs

def listed(job_id, state, operation="send_message", description=None, targets=()):
    return lc.job("drm", job_id, state, "raw", operation=operation, description=description,
                  target_ids=list(targets))


JOBS = [
    listed("1", lc.RUNNING, targets=[DEV_A]),
    listed("2", lc.SUCCEEDED, "update_firmware", targets=[DEV_A, DEV_B]),
    listed("3", lc.FAILED, description="nightly", targets=[DEV_B.lower()]),
]


@pytest.mark.parametrize("params, expected", [
    ({}, ["1", "2", "3"]),
    ({"state": [lc.RUNNING, lc.FAILED]}, ["1", "3"]),
    ({"state": []}, ["1", "2", "3"]),
    ({"operation": "update_firmware"}, ["2"]),
    ({"operation": "nightly"}, ["3"]),
    ({"target": DEV_B.lower()}, ["2", "3"]),
    ({"target": DEV_A, "state": [lc.SUCCEEDED]}, ["2"]),
    ({"target": "00000000-00000000-00000000-00000000"}, []),
])
def test_filter_jobs(params, expected):
    assert [j["id"] for j in _ops_jobs.filter_jobs(JOBS, params)] == expected


def test_filter_jobs_without_target_ids():
    record = lc.job("drm", "9", lc.RUNNING, "raw")
    assert _ops_jobs.filter_jobs([record], {"target": DEV_A}) == []
    assert _ops_jobs.filter_jobs([record], {}) == [record]
