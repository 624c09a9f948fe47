# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The normalised job lifecycle shared by every API.

Each backend maps its vendor state onto one of these, and keeps the vendor value
beside it as ``raw_state`` so nothing is lost in translation.

``unknown`` has two meanings, told apart by the record's ``terminal`` flag: a vendor
value the collection does not recognise on a job that may still run (``terminal`` false:
it is waited for), or a job that has finished but whose outcome cannot be read from what
the manager returned (``terminal`` true, with the reply's gist in ``message``). The second
is never reported as ``succeeded``: nothing proves that it succeeded.
"""

from __future__ import annotations

import json
import re
import unicodedata

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import clip

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


# Longest gist of a raw reply quoted in a message.
GIST_LIMIT = 200
_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")


def job(api, job_id, state, raw_state, progress=None, message=None, operation=None,
        targets=None, succeeded=None, failed=None, submitted=None, completed=None, terminal=None, **extra):
    """Build a normalised job record (a plain dict, so it is a valid task result).

    ``terminal`` defaults to whether ``state`` is a terminal state; ``terminal=True`` with
    state ``unknown`` records a finished job whose outcome cannot be read.
    """
    if state not in STATES:
        raise ValueError("unknown lifecycle state %r" % (state,))
    if terminal is None:
        terminal = state in TERMINAL
    elif bool(terminal) != (state in TERMINAL) and state != UNKNOWN:
        raise ValueError("lifecycle state %r cannot have terminal=%r" % (state, terminal))
    record = {
        "id": str(job_id),
        "api": api,
        "state": state,
        "raw_state": raw_state,
        "terminal": bool(terminal),
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


def whole_number(value):
    """``value`` as an int (a count or id in a manager's reply), or None when it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def is_unreadable(record):
    """A finished job whose outcome could not be read (state ``unknown``, terminal)."""
    return record.get("state") == UNKNOWN and bool(record.get("terminal"))


def gist(raw, limit=GIST_LIMIT):
    """A short, single-line excerpt of an untrusted reply, safe to quote in a message.

    Control and invisible formatting characters (which could forge lines or reorder text in
    a terminal) become spaces, whitespace is collapsed, URL credentials are masked and the
    length is capped. Non-string values are shown as compact JSON.
    """
    if raw is None:
        return ""
    if not isinstance(raw, str):
        try:
            raw = json.dumps(raw, sort_keys=True, separators=(",", ":"), default=str)
        except (TypeError, ValueError):
            raw = repr(raw)
    text = raw[:limit * 8]  # bound the work on a huge body
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    # Secrets are masked before the cut, and a secret's beginning left at either cut too (clip).
    text = clip(_USERINFO.sub("********@", text), len(text))
    return text if len(text) <= limit else clip(text[:limit - 3].rstrip(), limit) + "..."


def summarize(jobs):
    """Counts of jobs per lifecycle state, for progress lines and results."""
    counts = {}
    for record in jobs:
        counts[record["state"]] = counts.get(record["state"], 0) + 1
    return counts


def failing(jobs, fail_on):
    """Jobs whose terminal state the task must report as failure under ``fail_on``.

    A finished job whose outcome is unreadable fails both ``any`` and ``all``: neither can
    be shown not to apply when nothing proves that any item succeeded.
    """
    bad = FAIL_ON[fail_on]
    return [record for record in jobs
            if record["state"] in bad or (fail_on != "never" and is_unreadable(record))]


class IdForm(object):
    """The form of one API's job ids, checked before an id goes into any request.

    Ids go into URL paths and listing filters, so one in another form (``600001/../x``,
    ``1) or (jobId>0``) could address another resource. A user's id gets an InputError; one
    that a manager's reply handed over (``source`` names the reply) an ApiError, since the
    request that reply answered may have been carried out.
    """

    def __init__(self, pattern, kind, rule, short_rule, noun="job id", reply_kind=None):
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self.kind = kind                      # "a Remote Manager job id"
        self.rule = rule                      # "job ids are whole numbers such as 600001"
        self.short_rule = short_rule          # "a whole number such as 600001"
        self.noun = noun                      # what a reply named: "job id", "job key"
        self.reply_kind = reply_kind or kind  # "an AIQUM key" (keys of other objects too)

    def __call__(self, value, source=None, noun=None):
        text = "" if value is None else str(value).strip()
        if self.pattern.fullmatch(text):
            return text
        if source:
            raise ApiError("%s named %s %r, which is not %s (%s), so it was not used"
                           % (source, noun or self.noun, gist(value, 80), self.reply_kind, self.short_rule))
        raise InputError("%r is not %s: %s" % (value, self.kind, self.rule))
