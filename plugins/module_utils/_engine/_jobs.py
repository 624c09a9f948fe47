# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Job-level behaviour shared by submit modules and job_wait/job_info/job_cancel."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, JobFailed, WaitTimeout


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


def wait_and_collect(client, ids, params, ctx, extra_on_timeout=None, details="all", report=True):
    """Wait for jobs (``ctx.wait``: the task's deadline), then read each finished job's full result once.

    ``details`` says which finished jobs get that read: ``all``, ``unsuccessful`` (only
    jobs that did not succeed, whose per-item errors matter) or ``none``. Most APIs have
    no batch read for per-item results, so it costs one request per job read.

    Returns the final jobs list. On timeout raises WaitTimeout carrying the last known
    jobs plus ``extra_on_timeout`` (e.g. changed=True after a submission). ``report``: see
    ``Context.wait``.
    """
    try:
        outcome = ctx.wait(client, ids, params, report=report)
    except WaitTimeout as exc:
        exc.result.update(extra_on_timeout or {})
        raise
    final = []
    for record in outcome["jobs"]:
        # Polling reads cheap status; per-item results are read once, at the end, unless the
        # poll already returned them (``detailed``).
        wanted = details == "all" or (details == "unsuccessful" and record["state"] != lc.SUCCEEDED)
        full = client.results(record["id"]) if wanted and record["terminal"] and not record.get("detailed") else record
        final.append(full)
    return final


def adopt(client, found, params, ctx, result, wait=True, details="all"):
    """Adopt in-flight jobs that already make the task's change (a crashed or concurrent run's,
    found by the operation) instead of submitting it again.

    Every operation adopts through here: the jobs are named in ``result["adopted_job_ids"]``
    and, with ``wait``, waited for within the task's deadline (a timeout reports changed=True:
    the change is under way). Returns their final records, or the found ones without ``wait``.
    """
    if not found:
        return []
    ids = [j["id"] for j in found]
    result["adopted_job_ids"] = list(dict.fromkeys(list(result.get("adopted_job_ids") or []) + ids))
    if not wait:
        return list(found)
    return wait_and_collect(client, ids, params, ctx, extra_on_timeout=dict(result, changed=True), details=details,
                            report=False)


def device_summary(devices):
    """Counts and grouped errors over per-device results."""
    errors = {}
    for result in devices.values():
        if not result["ok"]:
            key = "%s (%s)" % (result["error"], result["error_id"]) if result.get("error_id") else result["error"]
            errors[key] = errors.get(key, 0) + 1
    ok = sum(1 for r in devices.values() if r["ok"])
    return {"targets": len(devices), "ok": ok, "failed": len(devices) - ok, "errors": errors}


def check_outcome(jobs, fail_on, result, what="job", ok=0, failed=0, message=None):
    """The outcome policy: raise JobFailed (carrying the whole result) when ``fail_on`` says so.

    Judged either per job (``jobs``: each by its own state, see ``lc.failing``) or, with
    ``jobs=None``, for one change over many items (``ok`` and ``failed`` counts, e.g. devices)
    as the one job the items make up: partial when some failed, failed when none succeeded.
    ``message(bad)`` words the failure for the operation (``bad``: the failing jobs, or the
    failed count); by default each failing job is named with its state and failed devices.
    """
    if jobs is None:
        whole = {"state": lc.outcome_from_counts(None, ok, failed), "terminal": True}
        bad = failed if lc.failing([whole], fail_on) else 0
    else:
        bad = lc.failing(jobs, fail_on)
    if not bad:
        return
    if message is not None:
        raise JobFailed(message(bad), **result)
    parts = []
    for record in bad[:20]:
        text = "%s %s: %s" % (what, record["id"], record["state"])
        devices = record.get("devices") or {}
        failed_devices = [(k, v) for k, v in devices.items() if not v["ok"]]
        if lc.is_unreadable(record):
            # Finished, but nothing shows how it went: say so, with what the manager sent.
            text += " (finished, outcome unreadable: %s)" % (record.get("message") or "no details")
        elif failed_devices:
            text += " (%d of %d device(s) failed: %s%s)" % (
                len(failed_devices), len(devices),
                ", ".join("%s %s%s" % (k, v["error"], " (%s)" % v["error_id"] if v.get("error_id") else "")
                          for k, v in failed_devices[:10]),
                ", ..." if len(failed_devices) > 10 else "")
        elif record.get("message"):
            text += " (%s)" % record["message"]
        parts.append(text)
    raise JobFailed("%d %s(s) did not succeed (fail_on=%s): %s" % (len(bad), what, fail_on, "; ".join(parts)),
                    **result)
