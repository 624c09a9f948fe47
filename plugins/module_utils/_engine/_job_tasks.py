# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""job_wait, job_info and job_cancel: the same behaviour for every API."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _registry as registry
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._registry import APIS
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
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
    )
    requirements_for = registry.requirements_by_api  # only the chosen API's libraries

    def run(self, params, ctx):
        client = ctx.connect(params["api"], params)
        if params.get("job_ids"):
            jobs = [client.results(i) for i in checked_ids(client, job_ids_param(params["job_ids"]))]
        else:
            jobs = filter_jobs(client.list_jobs(), params)
        return dict(changed=False, jobs=jobs, states=lc.summarize(jobs))


def filter_jobs(jobs, params):
    """Client-side filters shared by job_info and the jobs lookup."""
    states = set(params.get("state") or [])
    operation = params.get("operation")
    target = (params.get("target") or "").upper()
    out = []
    for record in jobs:
        if states and record["state"] not in states:
            continue
        if operation and operation not in (record.get("operation"), record.get("description")):
            continue
        if target and target not in [t.upper() for t in record.get("target_ids") or []]:
            continue
        out.append(record)
    return out


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
