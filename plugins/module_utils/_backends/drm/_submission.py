# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""What the Remote Manager operations share: an SCI request submitted once (a lost reply is
found, not resent), conflicting jobs waited for, and duplicates from another controller resolved."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _records
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    InputError,
    JobFailed,
    WaitTimeout,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import device_summary
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import submit_once


TARGETS_ONE_OF = [["devices", "tags", "groups", "all_devices"]]
RCI_READ_ONLY = ("query_setting", "query_state", "query_descriptor")


def submit_sci(client, ctx, operation, targets, payload, attrs, result, known_ids=()):
    """POST an async SCI request once; returns its job id.

    A reply without jobId is a failure naming each device. A lost reply is recovered by
    finding the job in the listing (recorded in ``result["recovered_job_ids"]``), never by
    resending. Only asynchronous requests are sent, so every accepted request has a job to
    find: a synchronous SCI request leaves none, and a lost reply to one could not be told
    apart from a request that never arrived.
    """
    attrs = dict(attrs, synchronous=False)

    def send():
        job_id, op, _root, top_error = client.sci(operation, targets, payload, attrs)
        if job_id:
            return job_id
        devices = _sci.device_results(op)
        raise JobFailed("Remote Manager did not accept the %s request: %s" % (
            operation, top_error or "no job was created"), changed=False, devices=devices,
            summary=device_summary(devices))

    body = _sci.build_sci(operation, targets, payload, attrs)
    shown = ", ".join("%s %s" % target for target in targets[:5]) + (", ..." if len(targets) > 5 else "")
    return submit_once(
        client.transport, send, lambda since: client.find_submitted(operation, targets, body, since),
        ctx, "SCI %s to %s" % (operation, shown), known_ids=known_ids,
        result=result, changed=bool(result.get("job_ids")),
        searched="%s jobs for these targets in the Remote Manager job listing" % operation)


def job_number(job_id):
    return (len(str(job_id)), str(job_id))  # DRM job ids are digits: shorter is lower


def wait_for_conflicts(client, ctx, conflicts, params, result, what):
    """Wait, within the task's deadline, for in-flight jobs making another change on the devices.

    The caller then reads the devices again and decides. Jobs still running at the deadline
    fail the task by id, with nothing submitted.
    """
    ids = [j["id"] for j in conflicts]
    ctx.warn("%s: job(s) %s making another change on the targeted devices are in flight; waiting for them "
             "to end before reading the devices again" % (what, ", ".join(ids)))
    result["waited_for_job_ids"] = sorted(set(result.get("waited_for_job_ids", []) + ids), key=job_number)
    try:
        ctx.wait(client, ids, params, report=False)
    except WaitTimeout as exc:
        raise JobFailed("%s: not submitted. Conflicting job(s) %s on the targeted devices were still in flight "
                        "at the end of wait_timeout (%ss): %s. Wait for them or cancel them (asyncjobs.fleet.job_wait "
                        "or job_cancel with api=drm), then re-run" % (
                            what, ", ".join(exc.result.get("pending") or ids), params["wait_timeout"], exc.msg),
                        **dict(result, changed=bool(result.get("job_ids")), conflicting_job_ids=ids))


def resolve_duplicates(client, ctx, operation, job_id, device_ids, payload, result):
    """After a submission: converge with a run that submitted the same change at the same moment.

    Another controller does not share the lock, so two runs can both submit. Both apply one
    rule: of the same-change jobs in flight on our devices, the lowest job id is kept; a
    run whose job is not the lowest cancels its own and adopts the lowest, provided that one
    covers all of its devices. A duplicate that cannot be resolved so (it covers other
    devices, or ours has already finished) is reported in ``duplicate_job_ids``.
    Returns the job id the task now waits for.
    """
    mine = set(d.upper() for d in device_ids)
    known = set(result.get("job_ids") or ())
    running = client.in_flight(operation, sorted(mine))
    ours_running = any(job["id"] == job_id for job, _stored in running)
    twins = [job for job, stored in running if job["id"] not in known and job["id"] != job_id
             and _records.same_payload(stored, payload) is True]
    if not twins:
        return job_id
    covers_us = [j for j in twins if mine <= set(t.upper() for t in j["target_ids"])]
    lower = [j for j in covers_us if job_number(j["id"]) < job_number(job_id)]
    if lower and ours_running:
        winner = min(lower, key=lambda j: job_number(j["id"]))
        try:
            client.cancel(job_id)
        except FleetError as exc:
            ctx.warn("Job %s duplicates job %s (the same change on the same devices, submitted at the same moment "
                     "by another run) but could not be canceled: %s" % (job_id, winner["id"], exc.msg))
            result.setdefault("duplicate_job_ids", []).append(winner["id"])
            return job_id
        ctx.warn("Job %s duplicated job %s, submitted for the same change on the same devices at the same moment by "
                 "another run; job %s was canceled and job %s adopted (of such jobs the lowest id is kept)"
                 % (job_id, winner["id"], job_id, winner["id"]))
        result["job_ids"] = [winner["id"] if i == job_id else i for i in result["job_ids"]]
        result["job_ids"] = list(dict.fromkeys(result["job_ids"]))
        result["adopted_job_ids"] = list(result.get("adopted_job_ids") or []) + [winner["id"]]
        result.setdefault("canceled_duplicate_job_ids", []).append(job_id)
        return winner["id"]
    # A higher job that covers only devices we cover cancels itself (the same rule, in its run).
    left = [j for j in twins if not (job_number(j["id"]) > job_number(job_id)
                                     and set(t.upper() for t in j["target_ids"]) <= mine)]
    if left:
        ids = [j["id"] for j in left]
        ctx.warn("Job %s and job(s) %s make the same change on some of the same devices; they were submitted at "
                 "the same moment by different runs and both stay" % (job_id, ", ".join(ids)))
        result.setdefault("duplicate_job_ids", []).extend(ids)
    return job_id


def is_read_only(payload):
    """True when every RCI command in the payload only reads (query_*)."""
    root = _sci.parse_xml(payload, "payload")
    if root.tag == "file":
        return False  # a Data Services file may hold anything
    commands = list(root) if root.tag == "rci_request" else [root]
    return bool(commands) and all(c.tag in RCI_READ_ONLY for c in commands)


def read_only_text(stored):
    try:
        return is_read_only(stored)
    except InputError:
        return False
