# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Job-level behaviour shared by submit modules and job_wait/job_info/job_cancel."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    InputError,
    JobFailed,
    WaitTimeout,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._wait import wait_for_jobs


def job_ids_param(values, allow_empty=False):
    """Job ids from an option value, de-duplicated in order; InputError when unusable."""
    ids = []
    for value in values or []:
        text = str(value).strip()
        if not text:
            raise InputError("job_ids must not contain empty values")
        if text not in ids:
            ids.append(text)
    if not ids and not allow_empty:
        raise InputError("job_ids must name at least one job")
    return ids


def checked_ids(client, ids):
    """``ids`` in the form the client's API gives job ids (InputError naming the first that is not),
    checked before anything is sent: each becomes part of a URL path or a listing filter."""
    check = getattr(client, "check_id", None)
    return [check(i) for i in ids] if check is not None else list(ids)


def wait_and_collect(client, ids, params, ctx, extra_on_timeout=None, details="all"):
    """Wait for jobs, then read each finished job's full result once.

    ``details`` says which finished jobs get that read: ``all``, ``unsuccessful`` (only
    jobs that did not succeed, whose per-item errors matter) or ``none``. Most APIs have
    no batch read for per-item results, so it costs one request per job read.

    Every wait of one task shares the task's deadline (``ctx.deadline``), so a second wait
    gets what the first left of ``wait_timeout``.

    Returns (final jobs list, wait stats). On timeout raises WaitTimeout carrying the
    last known jobs plus ``extra_on_timeout`` (e.g. changed=True after a submission).
    """
    try:
        outcome = wait_for_jobs(client, ids, ctx.deadline(params["wait_timeout"]), params["poll_interval"],
                                params["max_poll_interval"], progress=ctx.progress)
    except WaitTimeout as exc:
        exc.result.update(extra_on_timeout or {})
        exc.result["requests"] = client.transport.stats["requests"]
        raise
    final = []
    for record in outcome["jobs"]:
        # Polling reads cheap status; per-item results are read once, at the end, unless the
        # poll already returned them (``detailed``).
        wanted = details == "all" or (details == "unsuccessful" and record["state"] != lc.SUCCEEDED)
        full = client.results(record["id"]) if wanted and record["terminal"] and not record.get("detailed") else record
        final.append(full)
    stats = {"elapsed": outcome["elapsed"], "polls": outcome["polls"], "history": outcome["history"]}
    return final, stats


def device_summary(devices):
    """Counts and grouped errors over per-device results."""
    errors = {}
    for result in devices.values():
        if not result["ok"]:
            key = "%s (%s)" % (result["error"], result["error_id"]) if result.get("error_id") else result["error"]
            errors[key] = errors.get(key, 0) + 1
    ok = sum(1 for r in devices.values() if r["ok"])
    return {"targets": len(devices), "ok": ok, "failed": len(devices) - ok, "errors": errors}


def check_outcome(jobs, fail_on, result, what="job"):
    """Raise JobFailed (carrying the whole result) when fail_on says these jobs failed."""
    bad = lc.failing(jobs, fail_on)
    if not bad:
        return
    parts = []
    for record in bad[:20]:
        text = "%s %s: %s" % (what, record["id"], record["state"])
        devices = record.get("devices") or {}
        failed = [(k, v) for k, v in devices.items() if not v["ok"]]
        if lc.is_unreadable(record):
            # Finished, but nothing shows how it went: say so, with what the manager sent.
            text += " (finished, outcome unreadable: %s)" % (record.get("message") or "no details")
        elif failed:
            text += " (%d of %d device(s) failed: %s%s)" % (
                len(failed), len(devices),
                ", ".join("%s %s%s" % (k, v["error"], " (%s)" % v["error_id"] if v.get("error_id") else "")
                          for k, v in failed[:10]),
                ", ..." if len(failed) > 10 else "")
        elif record.get("message"):
            text += " (%s)" % record["message"]
        parts.append(text)
    raise JobFailed("%d %s(s) did not succeed (fail_on=%s): %s" % (len(bad), what, fail_on, "; ".join(parts)),
                    **result)
