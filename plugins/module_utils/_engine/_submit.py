# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Submissions whose reply was lost: find the job they created instead of resending.

A submission (POST/PATCH/DELETE that creates a job) is sent exactly once. When the
connection breaks after the request went out (reset, read timeout, cut-off reply), the
server may or may not have created the job. ``submit_once`` then asks the backend for
jobs that could be it (``find(since_hint)``, per API: same operation, same targets) and
keeps those submitted after our request left, on the *server's* clock: every response's
``Date`` header gives a lower bound of the server clock's offset, so the window needs no
guessed skew margin. One match is adopted as if the reply had arrived; none, after a
short bounded re-check, fails the task with one message saying the outcome is unknown
and nothing was resent. A request that provably never reached the server (``sent`` is
False) was already resent by the transport, where that is allowed.
"""

from __future__ import annotations

import calendar
import email.utils
import re
import time

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError, TransportError

# Pauses before the 2nd and 3rd look: a server may list a job a moment after creating it.
RECHECK_DELAYS = (0.5, 1.5)
# Without any Date header the local clock is all there is: accept jobs stamped this much
# before our request (a wider window risks adopting an older identical job).
NO_DATE_MARGIN = 120.0
# Extra slack for rounding of the clocks and timestamps.
EPSILON = 0.05
# The server-side pre-filter (a cheap narrowing only; the exact window is applied here).
COARSE_MARGIN = 60.0
DEFAULT_RERUN = "it reads the current state first and submits only what is still needed"

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*"
                  r"(Z|z|[+-]\d{2}(?::?\d{2})?)?\s*$")


class SubmissionUnknown(TransportError):
    """A submission's reply was lost and no job it could have created was found."""


def parse_time(value):
    """(epoch seconds, resolution) of an ISO-8601 timestamp or epoch number; None if unusable.

    The resolution is what the timestamp was truncated to (1 s without a fraction), so a
    comparison can allow for it. Without a zone the time is taken as UTC.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = float(value) / 1000.0 if value > 1e11 else float(value)  # milliseconds since the epoch
        return seconds, (0.001 if value > 1e11 else 1.0)
    match = _ISO.match(str(value))
    if not match:
        return None
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    try:
        seconds = float(calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0)))
    except (ValueError, OverflowError):
        return None
    fraction = match.group(7)
    resolution = 1.0
    if fraction:
        seconds += float("0." + fraction)
        resolution = 10.0 ** -len(fraction)
    zone = match.group(8)
    if zone and zone not in ("Z", "z"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = int(digits[:2]) * 3600 + (int(digits[2:4]) * 60 if len(digits) > 2 else 0)
        seconds -= sign * offset
    return seconds, resolution


def format_time(seconds):
    """Epoch seconds as ISO-8601 UTC with milliseconds (for messages and server filters)."""
    whole = int(seconds // 1)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)) + ".%03dZ" % int((seconds - whole) * 1000)


class ServerClock(object):
    """The server's clock seen through the ``Date`` headers of its responses.

    A Date header is truncated to the second and stamped before the reply reached us, so
    ``date - local time received`` never exceeds the true offset: the largest such value
    is a lower bound that tightens with every response.
    """

    def __init__(self, samples=()):
        self.samples = samples

    def offset_lower_bound(self):
        best = None
        for header, received in list(self.samples):
            when = _http_date(header)
            if when is not None and received is not None:
                value = when - received
                best = value if best is None else max(best, value)
        return best

    def since(self, local_start):
        """Earliest server time our request can have been stamped with, or None if unknown."""
        offset = self.offset_lower_bound()
        if offset is None:
            return None
        return local_start + offset - EPSILON

    def window_start(self, local_start):
        """since(), or the local clock with NO_DATE_MARGIN when the server sent no Date."""
        since = self.since(local_start)
        return since if since is not None else local_start - NO_DATE_MARGIN

    def coarse_since(self, local_start):
        """A loose lower bound for a server-side filter, or None when the offset is unknown."""
        since = self.since(local_start)
        return None if since is None else since - COARSE_MARGIN


def _http_date(value):
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_tz(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    try:
        return float(email.utils.mktime_tz(parsed))
    except (TypeError, ValueError, OverflowError):
        return None


def admits(job, start):
    """Can ``job`` be the one our request created, given it cannot be stamped before ``start``?

    Its submit time (allowing for the timestamp's truncation) must not be earlier, and a
    finished job must not have finished earlier. A job without a usable submit time is
    accepted only while it is still running: a finished one could be an older identical job.
    """
    submitted = parse_time(job.get("submitted"))
    if submitted is None:
        return not job.get("terminal")
    if submitted[0] + submitted[1] < start:
        return False
    completed = parse_time(job.get("completed"))
    if completed is not None and completed[0] + completed[1] < start:
        return False
    return True


def select(candidates, start, known_ids=()):
    """Candidates that can be ours, oldest first (jobs this task already knows are excluded)."""
    known = set(str(i) for i in known_ids or ())
    out = []
    seen = set()
    for job in candidates or []:
        job_id = str(job.get("id"))
        if job_id in known or job_id in seen or not admits(job, start):
            continue
        seen.add(job_id)
        out.append(job)

    def key(job):
        parsed = parse_time(job.get("submitted"))
        return (parsed[0] if parsed else float("inf"), str(job.get("id")))
    return sorted(out, key=key)


def submit_once(transport, send, find, ctx, what, known_ids=(), result=None, changed=False, rerun=DEFAULT_RERUN,
                searched=None, sleep=time.sleep, wall=time.time):
    """Send a submission once and return the job id.

    ``send()`` submits and returns the job id. ``find(since_hint)`` returns candidate jobs
    (normalised records) of the same operation on the same targets; ``since_hint`` is a
    loose server time for a server-side filter, or None. ``searched`` describes the search
    for the failure message. ``result`` is the task's result: a job adopted after a lost
    reply is added to its ``recovered_job_ids``, and a failure carries a copy of it with
    ``changed`` (whether the task had already changed something before this submission).
    """
    started = wall()
    if result is None:
        result = {}
    try:
        return send()
    except TransportError as exc:
        if exc.sent is False:
            raise  # never reached the server; the transport resent it where that is allowed
        lost = exc
    clock = ServerClock(getattr(transport, "server_dates", ()))
    looks = 0
    search_errors = []
    begun = time.monotonic()
    for delay in (0.0,) + tuple(RECHECK_DELAYS):
        if delay:
            sleep(delay)
        looks += 1
        try:
            candidates = find(clock.coarse_since(started))
        except FleetError as exc:
            search_errors.append(exc.msg)
            continue
        # The lookup's own reply sharpened the clock: apply the exact window now.
        start = clock.window_start(started)
        found = select(candidates, start, known_ids)
        if found:
            job = found[-1]
            others = [j["id"] for j in found[:-1]]
            ctx.warn("The reply to %s was lost (%s) and the request was not sent again; the server had created "
                     "job %s for it (submitted %s), which was adopted and waited for as if the reply had "
                     "arrived.%s" % (what, _cause(lost), job["id"], job.get("submitted") or "at an unknown time",
                                     " Other jobs matching it: %s." % ", ".join(others) if others else ""))
            result.setdefault("recovered_job_ids", []).append(job["id"])
            return job["id"]
    start = clock.window_start(started)
    detail = "searched %s submitted since %s (server time), %d times over %.1fs" % (
        searched or "jobs of this operation", format_time(start), looks, time.monotonic() - begun)
    if search_errors:
        detail += "; the search failed: %s" % search_errors[-1]
    msg = ("%s: outcome unknown. The request was sent but its reply was lost (%s), so the server may or may "
           "not have acted on it; it was NOT sent again. No matching job was found (%s), so it was most likely "
           "not processed. Re-running the task is safe: %s." % (what, _cause(lost), detail, rerun))
    extra = dict(result, changed=changed, outcome_unknown=True)
    raise SubmissionUnknown(msg, sent=lost.sent, **extra)


def _cause(exc):
    """The transport's reason, without its leading "<what> failed: "."""
    text = str(exc.msg)
    head, sep, tail = text.partition(" failed: ")
    return tail if sep else text
