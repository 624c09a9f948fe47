# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Jobs watched for events: the engine side of the ``asyncjobs.fleet.job_events`` event source.

``JobWatch`` is pure logic: from what one poll round saw, which jobs changed state and which
of those changes are events. ``Watcher`` makes the rounds with what the engine already has:
``client.poll(ids)`` (job_wait's batched poll) for given ids, the jobs lookup's listing
(``client.list_jobs`` and ``filter_jobs``) for filters, and ``client.results(id)`` once per
finished job, as ``wait_and_collect`` reads it. The event source runs each round in a thread.
"""

from __future__ import annotations

import time

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._job_tasks import filter_jobs
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import device_summary
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import POLL_BACKOFF, POLL_RETRIES
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, PagingError, TransportError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import polling

# The event's top-level key, so that rules read ``event.asyncjobs.job.state``.
EVENT_KEY = "asyncjobs"
DETAILS = ("all", "unsuccessful", "none")
# A round's retries stop this long after it starts, so that a server's Retry-After of an hour
# cannot hold the thread (the next round comes after that Retry-After instead).
ROUND_SECONDS = 300.0


def counts(record):
    """Per-item counts of a job: ``targets``, ``succeeded``, ``failed``, ``remaining`` (None where
    the manager does not say) and ``errors`` ({error: items}), from its per-device results when
    the record has them (a finished job read in full), else from the counts its poll showed."""
    targets, ok, bad = record.get("targets"), record.get("succeeded"), record.get("failed")
    errors = {}
    devices = record.get("devices")
    if isinstance(devices, dict) and devices and all(isinstance(v, dict) and "ok" in v for v in devices.values()):
        summary = device_summary(devices)
        targets, ok, bad, errors = summary["targets"], summary["ok"], summary["failed"], summary["errors"]
    whole = all(isinstance(n, int) and not isinstance(n, bool) for n in (targets, ok, bad))
    return {"targets": targets, "succeeded": ok, "failed": bad,
            "remaining": max(0, targets - ok - bad) if whole else None, "errors": errors}


def event(record, previous_state):
    """The event put on the queue for one change of ``record``."""
    return {EVENT_KEY: {"job": record, "previous_state": previous_state, "counts": counts(record)}}


def transient(exc):
    """Whether polling again may succeed: no answer, a server fault, throttling or a timeout.
    Other 4xx (credentials, an unknown job id) and a listing that does not page would fail
    the same way at every round (as in the wait loop, where they end the wait)."""
    if isinstance(exc, PagingError):
        return False
    if isinstance(exc, ApiError):
        return exc.status is None or exc.status >= 500 or exc.status in (408, 429)
    return isinstance(exc, TransportError)


class Change(object):
    """One job whose observed state differs from the last one: ``previous`` is that state (None
    at first sight); ``report`` says whether it is an event."""

    def __init__(self, record, previous, report):
        self.record = record
        self.previous = previous
        self.report = report
        self.seen = (record["state"], bool(record["terminal"]))


class JobWatch(object):
    """Which observed job changes are events.

    - An event per change of a job's normalised state, the first sight of a job included
      (``previous_state`` None). Progress alone (a percentage, a device count) is no event.
      ``unknown`` turning terminal (a finished job whose outcome cannot be read) is a change.
    - A terminal state is reported once: the job is not looked at again.
    - With ``ids``, those jobs are reported from their first sight, finished or not, and the
      watch is ``done`` once all of them have ended.
    - Without ids (filters), the jobs already finished at the first round are history, not
      events (unless ``include_finished``), so that a restarted source does not report them
      again; a job that appears later is an event from its first sight, finished or not.
    - ``states``: only changes to these states are events; the other changes are still
      followed, so that ``previous_state`` is always the state seen last.
    """

    def __init__(self, ids=None, states=None, include_finished=False):
        self.ids = list(ids) if ids is not None else None
        self.states = frozenset(states or ())
        self.include_finished = bool(include_finished)
        self.last = {}         # id -> (state, terminal) of a job not yet finished
        self.finished = set()  # ids reported finished (or history): never looked at again
        self.forgotten = []    # unfinished ids that left the listing at the last round
        self.rounds = 0

    def pending(self):
        """The given ids not finished yet (in the order given)."""
        return [i for i in self.ids if i not in self.finished]

    @property
    def done(self):
        return self.ids is not None and not self.pending()

    def observe(self, jobs):
        """The changes among one round's ``jobs``; nothing is taken as seen until ``commit``."""
        history = self.rounds == 0 and self.ids is None and not self.include_finished
        changes = []
        for record in jobs:
            job_id = record["id"]
            if job_id in self.finished:
                continue
            previous = self.last.get(job_id)
            change = Change(record, previous[0] if previous else None, True)
            if previous == change.seen:
                continue
            if history and change.seen[1]:
                change.report = False
            elif self.states and record["state"] not in self.states:
                change.report = False
            changes.append(change)
        return changes

    def commit(self, changes, listed=None):
        """Take a round's ``changes`` as seen and return its events, in order.

        ``listed``: every id the round's listing showed (filters). A job that left the listing
        is forgotten; ``forgotten`` then names those that had not finished.
        """
        events = []
        for change in changes:
            job_id = change.record["id"]
            if change.seen[1]:
                self.finished.add(job_id)
                self.last.pop(job_id, None)
            else:
                self.last[job_id] = change.seen
            if change.report:
                events.append(event(change.record, change.previous))
        self.forgotten = []
        if listed is not None:
            self.forgotten = sorted(i for i in self.last if i not in listed)
            for job_id in self.forgotten:
                del self.last[job_id]
            # A finished job that left the listing cannot come back: its id need not be kept.
            self.finished &= set(listed)
        self.rounds += 1
        return events


class Watcher(object):
    """Poll rounds for a JobWatch over one backend client.

    ``step()`` makes one round and returns ``(events, seconds until the next round)``. A
    transient failure (see ``transient``) is logged and the round gives no event: nothing of
    it is taken as seen, so the next round finds the same changes. Any other error is raised.
    """

    def __init__(self, client, watch, poll_interval, operation=None, target=None, details="all",
                 page_size=1000, redact=None, log=None):
        self.client = client
        self.watch = watch
        self.poll_interval = float(poll_interval)
        self.filters = {"operation": operation, "target": target}
        self.details = details
        self.page_size = page_size
        self.redact = redact or (lambda value: value)
        self.log = log or (lambda msg: None)
        self.failures = 0
        self.rounds = 0
        self.bad_ids = set()

    def read(self):
        """The round's jobs, and the ids the listing showed (None with ids): given ids through
        the batched poll, filters through the listing (one request per ``page_size`` jobs)."""
        if self.watch.ids is not None:
            pending = self.watch.pending()
            if not pending:
                return [], None  # nothing to ask: a listing of no id is an error for some APIs
            found = self.client.poll(pending)
            return [found[i] for i in pending if i in found], None
        jobs = []
        check = getattr(self.client, "check_id", None)
        for record in filter_jobs(self.client.list_jobs(page_size=self.page_size), self.filters):
            try:
                if check is not None:
                    check(record["id"], source="The job listing")
            except ApiError as exc:
                # The event's job.id goes into a playbook's variables: only ids of the API's form.
                if record["id"] not in self.bad_ids:
                    self.bad_ids.add(record["id"])
                    self.log("%s; that job is not watched" % exc.msg)
                continue
            jobs.append(record)
        return jobs, set(j["id"] for j in jobs)

    def _detail(self, change):
        """A reported finished job in full (per-device results), read once as wait_and_collect does."""
        record = change.record
        wanted = self.details == "all" or (self.details == "unsuccessful" and record["state"] != lc.SUCCEEDED)
        if not (change.report and change.seen[1] and wanted) or record.get("detailed"):
            return
        try:
            change.record = self.client.results(record["id"])
        except ApiError as exc:
            if transient(exc):
                raise
            # Deleted since it was listed, for example: the event still goes out, as polled.
            self.log("job %s: its results could not be read, so its event carries the job as polled: %s"
                     % (record["id"], exc.msg))

    def step(self):
        transport = getattr(self.client, "transport", None)
        clock = getattr(transport, "clock", None) or time.monotonic
        self.rounds += 1
        try:
            with polling(transport, clock() + ROUND_SECONDS, POLL_RETRIES, POLL_BACKOFF):
                jobs, listed = self.read()
                changes = self.watch.observe(jobs)
                for change in changes:
                    self._detail(change)
            hint = getattr(self.client, "retry_after", None)
        except (TransportError, ApiError) as exc:
            if not transient(exc):
                raise
            self.failures += 1
            delay = self.delay(getattr(exc, "retry_after", None))
            self.log("poll round %d failed (%d in a row); polling again in %ss: %s"
                     % (self.rounds, self.failures, delay, exc.msg))
            return [], delay
        self.failures = 0
        events = self.watch.commit(changes, listed)
        for job_id in self.watch.forgotten:
            self.log("job %s left the job listing before it finished; it is no longer watched" % job_id)
        return [self.redact(e) for e in events], self.delay(hint)

    def delay(self, hint):
        """The pause before the next round: the poll interval, or a server's longer Retry-After."""
        if isinstance(hint, (int, float)) and not isinstance(hint, bool) and hint > self.poll_interval:
            return float(hint)
        return self.poll_interval
