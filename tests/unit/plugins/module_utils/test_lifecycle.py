# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _lifecycle."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc


def rec(state, job_id="1"):
    return lc.job("drm", job_id, state, "raw")


@pytest.mark.parametrize("total, ok, bad, expected", [
    (3, 3, 0, lc.SUCCEEDED),
    (3, 0, 3, lc.FAILED),
    (3, 2, 1, lc.PARTIAL),
    (3, 1, 0, lc.SUCCEEDED),   # not all reported yet, none failed
    (0, 0, 0, lc.SUCCEEDED),
    (None, 0, 0, lc.SUCCEEDED),
    (0, 0, 2, lc.FAILED),
])
def test_outcome_from_counts(total, ok, bad, expected):
    assert lc.outcome_from_counts(total, ok, bad) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10_000), st.integers(0, 10_000), st.integers(0, 10_000))
def test_outcome_from_counts_invariants(total, ok, bad):
    state = lc.outcome_from_counts(total, ok, bad)
    assert state in lc.TERMINAL
    if bad == 0:
        assert state == lc.SUCCEEDED
    if ok == 0 and bad > 0:
        assert state == lc.FAILED
    if ok > 0 and bad > 0:
        assert state == lc.PARTIAL


def test_job_record_shape():
    record = lc.job("drm", 42, lc.RUNNING, "in_progress", progress=10, extra_key="x")
    assert record["id"] == "42"
    assert record["api"] == "drm"
    assert record["terminal"] is False
    assert record["raw_state"] == "in_progress"
    assert record["extra_key"] == "x"
    for key in ("progress", "message", "operation", "targets", "succeeded", "failed", "submitted", "completed"):
        assert key in record


@pytest.mark.parametrize("state", lc.STATES)
def test_job_terminal_flag(state):
    assert rec(state)["terminal"] is (state in lc.TERMINAL)


@pytest.mark.parametrize("state", ["done", "SUCCEEDED", "", None, "complete"])
def test_job_rejects_unknown_state(state):
    with pytest.raises(ValueError):
        lc.job("drm", "1", state, "raw")


def test_terminal_and_active_partition_states():
    assert lc.TERMINAL | lc.ACTIVE == set(lc.STATES)
    assert not lc.TERMINAL & lc.ACTIVE


def test_summarize():
    jobs = [rec(lc.RUNNING, "1"), rec(lc.RUNNING, "2"), rec(lc.FAILED, "3")]
    assert lc.summarize(jobs) == {lc.RUNNING: 2, lc.FAILED: 1}
    assert lc.summarize([]) == {}
    assert lc.summarize(iter(jobs)) == {lc.RUNNING: 2, lc.FAILED: 1}


ALL_TERMINAL = [rec(s, s) for s in (lc.SUCCEEDED, lc.PARTIAL, lc.FAILED, lc.CANCELED)]


@pytest.mark.parametrize("fail_on, expected", [
    ("any", [lc.PARTIAL, lc.FAILED, lc.CANCELED]),
    ("all", [lc.FAILED, lc.CANCELED]),
    ("never", []),
])
def test_failing(fail_on, expected):
    assert [r["state"] for r in lc.failing(ALL_TERMINAL, fail_on)] == expected


def test_failing_ignores_active_states():
    assert lc.failing([rec(s) for s in lc.ACTIVE], "any") == []


def test_failing_unknown_fail_on():
    with pytest.raises(KeyError):
        lc.failing(ALL_TERMINAL, "sometimes")
