# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Remote Manager jobs as normalised records: from a job's SCI reply and from a job listing row,
and how a stored job request compares with one we would send (adopting a job)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._sci import (
    API,
    JOB_STATUS,
    JOB_TYPES,
    OPERATIONS,
    _find_error_text,
    _op_element,
    _unreadable,
    device_progress,
    device_results,
    parse_xml,
)


def job_from_reply(job_id, root, with_progress=False):
    """Normalise a ``GET /ws/sci/{id}`` reply.

    A plain reply of a finished job carries per-device results (``devices``); a
    ``?progress=true`` reply carries progress history instead, so it yields no
    ``devices`` key and the caller reads the results separately.

    A finished job whose reply shows neither per-device results nor an error is
    ``unknown`` and terminal, never ``succeeded``: nothing in it shows that a device did
    what was asked (``DrmClient.get_job`` then consults the job's listing counts).
    """
    status = (root.findtext("status") or "").strip()
    op = _op_element(root)
    extra = {}
    progress = None
    if with_progress:
        per_device = device_progress(op)
        values = [pct for pct, _msg in per_device.values() if pct is not None]
        progress = int(sum(values) / len(values)) if values else None
        extra["device_progress"] = {k: {"percent": p, "message": m} for k, (p, m) in per_device.items()}
        results = {}
    else:
        results = device_results(op)
        extra["devices"] = results
        extra["detailed"] = True
    ok = sum(1 for r in results.values() if r["ok"])
    bad = len(results) - ok
    top_error = _find_error_text(root) or (_find_error_text(op) if op is not None else None)
    message = top_error
    terminal = None
    if status == "complete":
        progress = 100
        if results:
            state = lc.outcome_from_counts(len(results), ok, bad)
        elif with_progress:
            # Finished; the progress view never has the outcome, the plain reply is read next.
            state, terminal = lc.UNKNOWN, True
        elif top_error is not None:
            state = lc.FAILED
        else:
            state, terminal = lc.UNKNOWN, True
            message = _unreadable("Remote Manager reports the job complete, but its reply holds no "
                                  "per-device result or error", root)
    elif status == "canceled":
        state = lc.CANCELED
    elif status == "in_progress":
        state = lc.RUNNING
    elif status in ("new", "queued"):
        state = lc.PENDING
    else:
        state = lc.UNKNOWN
        if results or top_error is not None:
            # Results or an error mean the job has run: waiting longer would not help.
            terminal = True
            message = _unreadable("unrecognised job status %r on a job that has results" % lc.gist(status, 40), root)
    return lc.job(API, job_id, state, status or None, progress=progress, message=message,
                  operation=op.tag if op is not None else None,
                  targets=len(results) or None, succeeded=ok if results else None,
                  failed=bad if results else None, terminal=terminal, **extra)


# Listing fields quoted when a listing row cannot be read (not the request payload, which
# may hold settings values).
_ROW_GIST_FIELDS = ("jobId", "jobType", "jobStatus", "jobTargetCount", "jobProgressSuccess",
                    "jobProgressFailures", "jobCompletionTime")


def job_from_listing(row):
    """Normalise a ``<Job>`` row of the ``GET /ws/sci`` listing.

    Unknown ``jobType`` codes are reported as they are. A ``complete`` row without any
    success or failure count is ``unknown`` and terminal, never ``succeeded``.
    """
    def text(name):
        value = row.findtext(name)
        return value.strip() if value is not None else None

    def row_gist():
        return lc.gist(", ".join("%s=%s" % (name, text(name)) for name in _ROW_GIST_FIELDS
                                 if text(name) is not None))

    raw = JOB_STATUS.get(text("jobStatus"), text("jobStatus"))
    total = lc.whole_number(text("jobTargetCount"))
    ok = lc.whole_number(text("jobProgressSuccess")) or 0
    bad = lc.whole_number(text("jobProgressFailures")) or 0
    completed = text("jobCompletionTime") or None
    message = None
    terminal = None
    if raw == "complete":
        if ok + bad > 0:
            state = lc.outcome_from_counts(total, ok, bad)
        else:
            state, terminal = lc.UNKNOWN, True
            message = ("Remote Manager lists the job complete without any success or failure count; "
                       "the row was: %s" % row_gist())
    elif raw == "canceled":
        state = lc.CANCELED
    elif raw == "in_progress":
        state = lc.RUNNING
    elif raw == "new":
        state = lc.PENDING
    else:
        state = lc.UNKNOWN
        if completed:
            terminal = True
            message = "unrecognised job status with a completion time; the row was: %s" % row_gist()
    progress = min(100, int(100 * (ok + bad) / total)) if total else None
    return lc.job(API, text("jobId") or "", state, raw, progress=progress, message=message,
                  operation=JOB_TYPES.get(text("jobType"), text("jobType")),
                  description=text("jobDescription"), targets=total, succeeded=ok, failed=bad,
                  submitted=text("jobSubmitTime"), completed=completed, terminal=terminal,
                  target_ids=[t for t in (text("jobTargets") or "").split(",") if t])


def _request_parts(root):
    """(targets, payload) of an SCI operation element (or the one in a sci_request), comparable.

    Targets become a set of (tag, attributes); the payload the canonical XML of each other
    child, so attribute order and insignificant whitespace do not matter.
    """
    # An operation element is one the collection submits or one with <targets>; anything
    # else (such as a bare rci_request) cannot be compared.
    op = _op_element(root) if root.tag == "sci_request" else root
    found = op.find("targets") if op is not None else None
    if op is None or (op.tag not in OPERATIONS and found is None):
        return None
    targets = None
    if found is not None:
        targets = frozenset((t.tag, tuple(sorted(t.attrib.items()))) for t in found)
    payload = [ET.canonicalize(ET.tostring(child, encoding="unicode"), strip_text=True)
               for child in op if child.tag != "targets"]
    return targets, payload


def same_request(stored, sent):
    """Is a listing's ``jobRequestPayload`` the request we sent? None when it cannot tell."""
    if stored is None or not str(stored).strip():
        return None
    try:
        mine = _request_parts(parse_xml(sent, "request"))
        stored_root = parse_xml(stored, "jobRequestPayload")
    except InputError:
        return None
    if mine is None:
        return None
    theirs = _request_parts(stored_root)
    if theirs is None and len(mine[1]) == 1 and ET.fromstring(mine[1][0]).tag == stored_root.tag:
        # Digi's asynchronous-requests page shows the listing with the operation's payload
        # alone (<rci_request><query_setting/></rci_request>). Without its targets it cannot
        # show the job is ours, but another payload shows it is not.
        payload = ET.canonicalize(ET.tostring(stored_root, encoding="unicode"), strip_text=True)
        return False if payload != mine[1][0] else None
    if theirs is None:
        return None
    if mine[1] != theirs[1]:
        return False
    if mine[0] is not None and theirs[0] is not None and mine[0] != theirs[0]:
        return False
    return True


def same_payload(stored, payload):
    """Does a listing's ``jobRequestPayload`` carry this operation payload? None when it cannot tell.

    The listing holds the request either whole (``<sci_request>``) or as the operation's
    payload alone (Digi's asynchronous-requests page); either way only the payload is compared,
    so two jobs making the same change on different devices compare equal.
    """
    if stored is None or not str(stored).strip():
        return None
    try:
        root = parse_xml(stored, "jobRequestPayload")
        mine = [ET.canonicalize(ET.tostring(child, encoding="unicode"), strip_text=True)
                for child in parse_xml("<payload>%s</payload>" % (payload or ""), "payload")]
    except InputError:
        return None
    parts = _request_parts(root)
    theirs = parts[1] if parts is not None else [ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)]
    return theirs == mine
