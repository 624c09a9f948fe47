# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The normalised job lifecycle shared by every API.

Each backend maps its vendor state onto one of these, and keeps the vendor value
beside it as ``raw_state`` so nothing is lost in translation.
"""

from __future__ import annotations

PENDING = "pending"
RUNNING = "running"
PAUSED = "paused"
SUCCEEDED = "succeeded"
PARTIAL = "partial"
FAILED = "failed"
CANCELED = "canceled"
UNKNOWN = "unknown"

STATES = (PENDING, RUNNING, PAUSED, SUCCEEDED, PARTIAL, FAILED, CANCELED, UNKNOWN)
TERMINAL = frozenset((SUCCEEDED, PARTIAL, FAILED, CANCELED))
ACTIVE = frozenset((PENDING, RUNNING, PAUSED, UNKNOWN))

# fail_on choices: which terminal outcomes fail the task.
FAIL_ON = {
    "any": frozenset((PARTIAL, FAILED, CANCELED)),   # any item that did not succeed
    "all": frozenset((FAILED, CANCELED)),            # only when nothing succeeded
    "never": frozenset(),
}


def job(api, job_id, state, raw_state, progress=None, message=None, operation=None,
        targets=None, succeeded=None, failed=None, submitted=None, completed=None, **extra):
    """Build a normalised job record (a plain dict, so it is a valid task result)."""
    if state not in STATES:
        raise ValueError("unknown lifecycle state %r" % (state,))
    record = {
        "id": str(job_id),
        "api": api,
        "state": state,
        "raw_state": raw_state,
        "terminal": state in TERMINAL,
        "progress": progress,
        "message": message,
        "operation": operation,
        "targets": targets,
        "succeeded": succeeded,
        "failed": failed,
        "submitted": submitted,
        "completed": completed,
    }
    record.update(extra)
    return record


def outcome_from_counts(total, ok, bad):
    """Terminal state of a job over many items from its success/failure counts.

    ``total`` is informational: the counts decide, so a listing row without a target
    count still maps mixed results to ``partial``.
    """
    if not bad or bad <= 0:
        return SUCCEEDED
    if not ok or ok <= 0:
        return FAILED
    return PARTIAL


def summarize(jobs):
    """Counts of jobs per lifecycle state, for progress lines and results."""
    counts = {}
    for record in jobs:
        counts[record["state"]] = counts.get(record["state"], 0) + 1
    return counts


def failing(jobs, fail_on):
    """Jobs whose terminal state the task must report as failure under ``fail_on``."""
    bad = FAIL_ON[fail_on]
    return [record for record in jobs if record["state"] in bad]
