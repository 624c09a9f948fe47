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

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import parse_retry_after, polling
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
# Shortest pause a server's Retry-After can ask for (0 would make the loop spin).
MIN_DELAY = 0.1


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
    to ``initial`` when a job changes state (it started, or one of several ended), since the
    next change may follow soon. A rising percentage or device count does not reset it: a
    job that reports progress all the time would otherwise be polled at ``initial`` to its end.
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
    return tuple(sorted((j["id"], j["state"]) for j in jobs.values()))


def wait_for_jobs(backend, ids, timeout, poll_interval=0.5, max_poll_interval=10.0,
                  max_errors=MAX_ERRORS, progress=None, clock=time.monotonic, sleep=time.sleep,
                  stop=None, pause_first=False, first_retry_after=None):
    """Poll ``ids`` until every job is terminal or the deadline passes.

    ``timeout`` is the task's Deadline (shared with its other waits), or seconds for a
    deadline of this wait alone. ``stop(elapsed, jobs)`` may return a FleetError that ends
    the wait early (a rule of the caller's, such as a job paused too long); it gets the
    wait's snapshot and is raised.

    Jobs are polled at once; with ``pause_first`` (an operation monitor just handed over)
    the first poll comes after ``first_retry_after`` or one interval. A server's Retry-After
    (``backend.retry_after`` after a poll, or ``retry_after`` on a failed poll's error) sets
    the next pause exactly: never earlier, and no later either, as the server said when.

    Returns a dict: ``jobs`` (id -> last normalised job), ``elapsed``, ``polls``,
    ``history`` (state counts each time they changed). Raises WaitTimeout naming every
    job and its last known state, so the user can resume with job_wait; its ``facts``
    say what a caller may word its own way (the last poll error, a Retry-After past the deadline).
    """
    budget = timeout if isinstance(timeout, Deadline) else Deadline(timeout, clock)
    clock = budget.clock
    ids = [str(i) for i in ids]
    start = clock()
    schedule = Schedule(poll_interval, max_poll_interval)
    state = _Round(ids)
    delay = hint = None
    if pause_first:
        delay, from_server = next_delay(first_retry_after, schedule)
        hint = delay if from_server else None
    with polling(getattr(backend, "transport", None), budget.at, POLL_RETRIES, min(POLL_BACKOFF, schedule.initial)):
        while True:
            if delay is not None:
                _pause(budget, delay, hint, state, start, sleep)
            hint = state.poll(backend, max_errors, start, clock, pause_first)
            elapsed = clock() - start
            if progress is not None:
                # Called every round; the reporter decides what is worth a line.
                progress(elapsed, state.known())
            if stop is not None:
                error = stop(elapsed, state.known())
                if error is not None:
                    error.result.update(state.snapshot(start, clock))
                    raise error
            if not state.pending:
                return state.snapshot(start, clock)
            delay, from_server = next_delay(hint, schedule, state.moved)
            hint = delay if from_server else None


def _number(value):
    return None if value is None else float(value)


def next_delay(retry_after, schedule, moved=False, now=None):
    """(seconds, from_server): a server's Retry-After exactly (seconds, or the header's text),
    else the schedule's next interval."""
    hint = retry_after if isinstance(retry_after, (int, float)) else parse_retry_after(retry_after, now)
    if hint is not None:
        return max(MIN_DELAY, hint), True
    return schedule.next(moved), False


def _pause(budget, delay, hint, state, start, sleep):
    """Sleep until the next poll; WaitTimeout when the deadline (or a Retry-After past it) comes first."""
    now = budget.clock()
    # A server asking us to come back after the deadline gets no early poll.
    if now >= budget.at or (hint is not None and now + delay >= budget.at):
        raise state.timeout(budget, start, delay if hint is not None and now < budget.at else None)
    sleep(min(delay, max(0.0, budget.at - now)))


class _Round(object):
    """What one wait knows (last jobs, history, counters), polled one round at a time."""

    def __init__(self, ids):
        self.ids = ids
        self.jobs = {}
        self.history = []
        self.pending = list(ids)
        self.polls = self.errors = 0
        self.last_error = None
        self.moved = False

    def known(self):
        return [self.jobs[i] for i in self.ids if i in self.jobs]

    def poll(self, backend, max_errors, start, clock, paused_first):
        """One poll round; returns the server's Retry-After hint (seconds) or None.

        A change of state counts as movement (the interval resets). So does a job's first answer,
        unless the wait paused before its first poll: that pause already took the
        schedule's first step.
        """
        self.polls += 1
        try:
            fresh = backend.poll(self.pending)
            self.errors = 0
            hint = getattr(backend, "retry_after", None)
        except (TransportError, ApiError) as exc:
            # 4xx other than throttling is not transient, nor is a listing that does not page: stop at once.
            if isinstance(exc, PagingError) or (
                    isinstance(exc, ApiError) and exc.status is not None and exc.status < 500 and exc.status != 429):
                raise
            self.errors += 1
            self.last_error = exc.msg
            if self.errors > max_errors:
                exc.result.update(self.snapshot(start, clock))
                exc.failed_polls, exc.poll_error = self.errors, exc.msg
                exc.msg = "%s (after %d consecutive failed polls; last known states: %s)" % (
                    exc.msg, self.errors, _states_text(self.ids, self.jobs))
                raise
            hint = getattr(exc, "retry_after", None)
            fresh = {}
        seen = {k: self.jobs[k] for k in fresh if k in self.jobs}
        self.moved = bool(fresh) and _fingerprint(fresh) != _fingerprint(seen) and (bool(seen) or not paused_first)
        self.jobs.update(fresh)
        self.pending = [i for i in self.ids if not (i in self.jobs and self.jobs[i]["terminal"])]
        counts = lc.summarize(self.known())
        if not self.history or self.history[-1]["states"] != counts:
            self.history.append({"elapsed": round(clock() - start, 2), "states": counts})
        return _number(hint)

    def snapshot(self, start, clock):
        return _snapshot(self.ids, self.jobs, start, clock, self.polls, self.history)

    def timeout(self, budget, start, past_deadline):
        result = self.snapshot(start, budget.clock)
        msg = "Timed out after %ss waiting for %d of %d job(s): %s" % (
            budget.timeout, len(self.pending), len(self.ids), _states_text(self.ids, self.jobs))
        if budget.start < start:
            # An earlier wait of the same task used part of the budget.
            msg += " (wait_timeout bounds all the waits of the task; earlier steps used %.1fs)" % (start - budget.start)
        if self.last_error:
            msg += "; last poll error: %s" % self.last_error
        if past_deadline is not None:
            msg += " (the server asked to retry after %ss, past the deadline)" % past_deadline
        exc = WaitTimeout(msg, pending=list(self.pending), waited=budget.waited(), **result)
        exc.facts = {"last_error": self.last_error, "retry_after_past_deadline": past_deadline}
        return exc


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
