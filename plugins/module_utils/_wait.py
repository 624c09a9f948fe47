# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The one wait loop.

A backend supplies ``poll(ids) -> {id: job}``: it must answer for all ids with as few
requests as its API allows (a listing or filter), so one round costs O(1) requests.
The loop owns time: a monotonic deadline, adaptive intervals (fast at first, backing
off to a cap), tolerance of a few consecutive transient errors, a compact progress
history, and timing/request counts for the result.

Retries are layered once, not twice. While the loop runs, each request of a poll gets
at most ``POLL_RETRIES`` quick transport retry (backoff base at most ``POLL_BACKOFF``),
because a failed poll is simply polled again at the next round; the transport's full
ladder (4 retries, seconds of backoff) nested inside every poll would turn a few
transient faults into a long stall. The loop gives up after ``max_errors`` consecutive
failed polls, never sleeps past the deadline, and honours a server's ``Retry-After``
(carried on the error as ``retry_after``) before polling again.
"""

from __future__ import annotations

import time

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    ApiError,
    InputError,
    PagingError,
    TransportError,
    WaitTimeout,
)

# Transport retries per request while polling, and the cap on their backoff base (s).
POLL_RETRIES = 1
POLL_BACKOFF = 0.5
# Consecutive failed polls tolerated (each already had POLL_RETRIES retries).
MAX_ERRORS = 5


class Deadline(object):
    """A task's wait budget: ``timeout`` seconds on the monotonic clock from its creation.

    Made once per task (``Context.deadline``) and shared by every wait of that task, so a
    change made in two steps (read then write, adopt then modify) waits ``wait_timeout`` in
    total, not once per step.
    """

    def __init__(self, timeout, clock=time.monotonic):
        if timeout is None or not timeout > 0:
            raise InputError("wait_timeout must be a positive number of seconds, got %r" % (timeout,))
        self.timeout = float(timeout)
        self.clock = clock
        self.start = clock()
        self.at = self.start + self.timeout

    def remaining(self):
        return max(0.0, self.at - self.clock())

    def waited(self):
        """Seconds since the budget started (rounded for results)."""
        return round(self.clock() - self.start, 3)


class Schedule(object):
    """Poll intervals: start at ``initial``, grow by ``factor`` up to ``maximum``.

    Short jobs are noticed quickly; long ones cost few requests. The interval resets
    to ``initial`` whenever progress is seen, since things are moving.
    """

    def __init__(self, initial=0.5, maximum=10.0, factor=1.5):
        if initial is None or initial <= 0:
            raise InputError("poll_interval must be a positive number of seconds, got %r" % (initial,))
        if maximum is None or maximum < initial:
            raise InputError("max_poll_interval (%r) must be at least poll_interval (%r)" % (maximum, initial))
        self.initial = float(initial)
        self.maximum = float(maximum)
        self.factor = factor
        self.current = self.initial

    def next(self, moved=False):
        if moved:
            self.current = self.initial
            return self.current
        value = self.current
        self.current = min(self.maximum, self.current * self.factor)
        return value


def _fingerprint(jobs):
    return tuple(sorted((j["id"], j["state"], j.get("progress"), j.get("succeeded"), j.get("failed"))
                        for j in jobs.values()))


def wait_for_jobs(backend, ids, timeout, poll_interval=0.5, max_poll_interval=10.0,
                  max_errors=MAX_ERRORS, progress=None, clock=time.monotonic, sleep=time.sleep):
    """Poll ``ids`` until every job is terminal or the deadline passes.

    ``timeout`` is the task's Deadline (shared with its other waits), or seconds for a
    deadline of this wait alone. Returns a dict: ``jobs`` (id -> last normalised job),
    ``elapsed``, ``polls``, ``history`` (state counts each time they changed). Raises
    WaitTimeout naming every job and its last known state, so the user can resume with job_wait.
    """
    budget = timeout if isinstance(timeout, Deadline) else Deadline(timeout, clock)
    clock = budget.clock
    timeout = budget.timeout
    ids = [str(i) for i in ids]
    start = clock()
    deadline = budget.at
    schedule = Schedule(poll_interval, max_poll_interval)
    transport = getattr(backend, "transport", None)
    saved = _polling(transport, deadline, schedule.initial)
    jobs = {}
    history = []
    polls = errors = 0
    last_error = None
    pending = list(ids)
    try:
        while True:
            polls += 1
            retry_after = None
            try:
                fresh = backend.poll(pending)
                errors = 0
            except (TransportError, ApiError) as exc:
                # 4xx other than throttling is not transient, nor is a listing that does not page: stop at once.
                if isinstance(exc, PagingError) or (
                        isinstance(exc, ApiError) and exc.status is not None and exc.status < 500 and exc.status != 429):
                    raise
                errors += 1
                last_error = exc.msg
                if errors > max_errors:
                    exc.result.update(_snapshot(ids, jobs, start, clock, polls, history))
                    exc.msg = "%s (after %d consecutive failed polls; last known states: %s)" % (
                        exc.msg, errors, _states_text(ids, jobs))
                    raise
                retry_after = getattr(exc, "retry_after", None)
                fresh = {}
            moved = bool(fresh) and _fingerprint(fresh) != _fingerprint({k: jobs[k] for k in fresh if k in jobs})
            jobs.update(fresh)
            pending = [i for i in ids if not (i in jobs and jobs[i]["terminal"])]
            elapsed = clock() - start
            counts = lc.summarize(jobs[i] for i in ids if i in jobs)
            if not history or history[-1]["states"] != counts:
                history.append({"elapsed": round(elapsed, 2), "states": counts})
            if progress is not None:
                # Called every round; the reporter decides what is worth a line.
                progress(elapsed, [jobs[i] for i in ids if i in jobs])
            if not pending:
                result = _snapshot(ids, jobs, start, clock, polls, history)
                return result
            now = clock()
            delay = schedule.next(moved)
            if retry_after is not None:
                delay = max(delay, retry_after)
            # A server asking us to come back after the deadline gets no early poll.
            if now >= deadline or (retry_after is not None and now + retry_after >= deadline):
                result = _snapshot(ids, jobs, start, clock, polls, history)
                msg = "Timed out after %ss waiting for %d of %d job(s): %s" % (
                    timeout, len(pending), len(ids), _states_text(ids, jobs))
                if budget.start < start:
                    # An earlier wait of the same task used part of the budget.
                    msg += " (wait_timeout bounds all the waits of the task; earlier steps used %.1fs)" % (
                        start - budget.start)
                if last_error:
                    msg += "; last poll error: %s" % last_error
                if retry_after is not None and now < deadline:
                    msg += " (the server asked to retry after %ss, past the deadline)" % retry_after
                raise WaitTimeout(msg, pending=pending, waited=budget.waited(), **result)
            sleep(min(delay, max(0.0, deadline - now)))
    finally:
        _restore(transport, saved)


def _polling(transport, deadline, poll_interval):
    """Bound the transport to the wait: its deadline, and short retries per poll request.

    Returns the settings to restore. Only attributes the transport has are touched, so
    a minimal backend (tests, other clients) works too.
    """
    if transport is None:
        return {}
    tuned = {"deadline": lambda old: deadline,
             "retries": lambda old: min(old, POLL_RETRIES),
             "backoff": lambda old: min(old, POLL_BACKOFF, poll_interval)}
    saved = {}
    for name, value in tuned.items():
        if hasattr(transport, name):
            saved[name] = getattr(transport, name)
            setattr(transport, name, value(saved[name]))
    return saved


def _restore(transport, saved):
    for name, value in saved.items():
        setattr(transport, name, value)


def _snapshot(ids, jobs, start, clock, polls, history):
    return {
        "jobs": [jobs.get(i) or lc.job("unknown", i, lc.UNKNOWN, None) for i in ids],
        "elapsed": round(clock() - start, 3),
        "polls": polls,
        "history": history,
    }


def _states_text(ids, jobs, limit=50):
    parts = []
    for i in ids[:limit]:
        j = jobs.get(i)
        parts.append("%s=%s" % (i, "%s (%s)" % (j["state"], j["raw_state"]) if j else "never seen"))
    if len(ids) > limit:
        parts.append("... and %d more" % (len(ids) - limit))
    return ", ".join(parts)


def progress_line(elapsed, jobs):
    """One human line: states, mean percent and item counts across jobs."""
    counts = lc.summarize(jobs)
    states = ", ".join("%d %s" % (counts[s], s) for s in lc.STATES if s in counts)
    percents = [j["progress"] for j in jobs if isinstance(j.get("progress"), (int, float)) and j["progress"] >= 0]
    line = "[%5.1fs] %d job(s): %s" % (elapsed, len(jobs), states)
    if percents:
        line += "; %d%%" % (sum(percents) / len(percents))
    targets = sum(j.get("targets") or 0 for j in jobs)
    if targets:
        ok = sum(j.get("succeeded") or 0 for j in jobs)
        bad = sum(j.get("failed") or 0 for j in jobs)
        line += "; devices %d/%d done (%d ok, %d failed)" % (ok + bad, targets, ok, bad)
    return line
