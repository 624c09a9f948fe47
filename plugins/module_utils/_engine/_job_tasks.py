# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""job_wait, job_info and job_cancel: the same behaviour for every API."""

from __future__ import annotations

import datetime

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _registry as registry
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._registry import APIS
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import _ISO, parse_time
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError, InputError, WaitTimeout
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import (
    check_outcome,
    checked_ids,
    job_ids_param,
    wait_and_collect,
)

_API = dict(api=dict(type="str", required=True, choices=list(APIS)))


class JobWait(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, _API,
        {k: v for k, v in WAIT_ARGSPEC.items() if k != "wait"},
        job_ids=dict(type="list", elements="str", required=True, aliases=["job_id"]),
        cancel_on_timeout=dict(type="bool", default=False),
        details=dict(type="str", default="all", choices=["all", "unsuccessful", "none"]),
    )
    requirements_for = registry.requirements_by_api  # only the chosen API's libraries

    def run(self, params, ctx):
        # An empty list is a wait for nothing: a per-host re-run where no host submitted a job.
        ids = job_ids_param(params["job_ids"], allow_empty=True)
        client = ctx.connect(params["api"], params)
        ids = checked_ids(client, ids)
        if not ids:
            return dict(changed=False, jobs=[], states={}, elapsed=0.0, polls=0, history=[],
                        msg="No job to wait for.")
        if params["cancel_on_timeout"] and not registry.backend(params["api"]).can_cancel:
            # Refuse up front: failing only at the timeout would hide the timeout's own message.
            raise InputError("cancel_on_timeout is not possible for api=%s: its jobs cannot be canceled" % params["api"])
        if ctx.check_mode:
            # Waiting changes nothing, but check mode promises no waiting either:
            # report the current states once.
            jobs = list(client.poll(ids).values())
            return dict(changed=False, jobs=jobs, states=lc.summarize(jobs))
        try:
            jobs = wait_and_collect(client, ids, params, ctx, details=params["details"])
        except WaitTimeout as exc:
            if params["cancel_on_timeout"]:
                canceled = []
                try:
                    for job_id in exc.result.get("pending", []):
                        if client.cancel(job_id):
                            canceled.append(job_id)
                except FleetError as cancel_error:
                    # Keep the timeout's own message (job ids, last states); add why cancel failed.
                    exc.msg += "; cancel failed: %s" % cancel_error.msg
                exc.result.update(changed=bool(canceled), canceled=canceled)
                exc.msg += "; canceled on timeout: %s" % (", ".join(canceled) or "none")
            raise
        result = dict(changed=False, jobs=jobs, states=lc.summarize(jobs))
        check_outcome(jobs, params["fail_on"], result)
        return result


class JobInfo(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, _API,
        job_ids=dict(type="list", elements="str", aliases=["job_id"]),
        state=dict(type="list", elements="str", choices=list(lc.STATES)),
        operation=dict(type="str"),
        target=dict(type="str"),
        submitted_after=dict(type="str"),
        submitted_before=dict(type="str"),
    )
    requirements_for = registry.requirements_by_api  # only the chosen API's libraries

    def run(self, params, ctx):
        time_window(params)  # a bad time fails before anything is sent
        client = ctx.connect(params["api"], params)
        if params.get("job_ids"):
            jobs = [client.results(i) for i in checked_ids(client, job_ids_param(params["job_ids"]))]
        else:
            jobs = list_filtered(client, params)
        return dict(changed=False, jobs=jobs, states=lc.summarize(jobs))


# A manager that filters its listing by submission time gets bounds a second wider than asked:
# managers store and compare their timestamps in their own formats and roundings, and the
# exact window is applied here to what the listing returns.
SERVER_MARGIN = 1.0


def time_bound(name, value):
    """Epoch seconds of a submitted_after/submitted_before option (None when unset): an ISO 8601
    date and time with a UTC offset or Z; a time without one would depend on the clock's zone."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    match = _ISO.match(value) if isinstance(value, str) else None
    seconds = None
    if match and match.group(8):
        try:
            # datetime checks the ranges (month 13, hour 25) that timegm would roll over.
            datetime.datetime(*(int(match.group(i)) for i in range(1, 7)))
            seconds = parse_time(value)[0]
        except (ValueError, OverflowError, TypeError):
            seconds = None
    if seconds is None:
        raise InputError("%s must be an ISO 8601 date and time with a UTC offset or Z, such as 2026-03-01T08:00:00Z "
                         "or 2026-03-01T09:00:00+01:00, got %r" % (name, value))
    return seconds


def time_window(params):
    """(after, before) in epoch seconds from submitted_after/submitted_before, either None."""
    after = time_bound("submitted_after", params.get("submitted_after"))
    before = time_bound("submitted_before", params.get("submitted_before"))
    if after is not None and before is not None and after >= before:
        raise InputError("submitted_after (%s) must be earlier than submitted_before (%s)"
                         % (params["submitted_after"], params["submitted_before"]))
    return after, before


def list_filtered(client, params, page_size=None):
    """The job listing with every filter of job_info and the lookup.

    The time window goes to the manager where its listing filters on submission time (a
    client's ``submitted_condition(after, before)``, in the API's own form), so a long
    history is not read whole; every filter is then applied here, for every API.
    """
    after, before = time_window(params)
    # Only what is set is passed on: without a window the listing is asked as it always was.
    options = {} if page_size is None else {"page_size": page_size}
    narrow = getattr(client, "submitted_condition", None)
    if narrow is not None and (after is not None or before is not None):
        options["condition"] = narrow(None if after is None else after - SERVER_MARGIN,
                                      None if before is None else before + SERVER_MARGIN)
    return filter_jobs(client.list_jobs(**options), params)


def filter_jobs(jobs, params):
    """Client-side filters shared by job_info and the jobs lookup.

    The time window is half-open: submitted at or after ``submitted_after`` and before
    ``submitted_before``, so consecutive windows never count a job twice. A job without a
    readable submission time is outside every window.
    """
    states = set(params.get("state") or [])
    operation = params.get("operation")
    target = (params.get("target") or "").upper()
    after, before = time_window(params)
    out = []
    for record in jobs:
        if states and record["state"] not in states:
            continue
        if operation and operation not in (record.get("operation"), record.get("description")):
            continue
        if target and target not in [t.upper() for t in record.get("target_ids") or []]:
            continue
        if after is not None or before is not None:
            when = parse_time(record.get("submitted"))
            if when is None or (after is not None and when[0] < after) or (before is not None and when[0] >= before):
                continue
        out.append(record)
    return out


def listed_jobs(client, ids):
    """These jobs as the manager's listing shows them (no per-item results), in the order asked.

    A client that reads the listing by id (``list_by_id``) is asked once per batch of ids: the
    listing has what some APIs' own job reads lack (Remote Manager's submission and completion
    times and targets). Other clients answer with their poll, which reads the listing in
    batches. Either way an id the manager does not know fails, as a read of it does.
    """
    read = getattr(client, "list_by_id", None) or client.poll
    found = read(ids)
    return [found[i] for i in ids]


class JobCancel(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, _API,
        job_ids=dict(type="list", elements="str", required=True, aliases=["job_id"]),
    )
    requirements_for = registry.requirements_by_api  # only the chosen API's libraries

    def run(self, params, ctx):
        ids = job_ids_param(params["job_ids"])
        client = ctx.connect(params["api"], params)
        ids = checked_ids(client, ids)
        if not registry.backend(params["api"]).can_cancel:
            # Also in check mode: predicting a cancel that cannot happen would mislead.
            client.cancel(ids[0])  # raises the API's own "cannot be canceled" explanation
        before = client.poll(ids)
        # Only active jobs are canceled; a finished job is left alone (for Remote Manager a
        # DELETE of a finished job would erase its results).
        active = [i for i in ids if not before[i]["terminal"]]
        canceled = []
        if not ctx.check_mode:
            canceled = [i for i in active if client.cancel(i)]
        after = list(client.poll(ids).values()) if canceled else list(before.values())
        result = dict(changed=bool(active), canceled=canceled if not ctx.check_mode else active,
                      already_finished=[i for i in ids if i not in active], jobs=after)
        if ctx.diff:
            result["diff"] = {"before": {i: before[i]["state"] for i in ids},
                              "after": {j["id"]: (lc.CANCELED if j["id"] in active else j["state"]) for j in after}}
        return result


JOB_WAIT = JobWait()
JOB_INFO = JobInfo()
JOB_CANCEL = JobCancel()
