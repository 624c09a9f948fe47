# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""rpc_call: call a function of the async RPC service, adopting in-flight jobs."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError, InputError, WaitTimeout
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import adopt, check_outcome
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import submit_once


class JobPaused(FleetError):
    """A job stayed PAUSED longer than paused_timeout while the task waited."""


class PausedWatch(object):
    """A stop rule for the wait loop: give up on a job that has been paused for ``limit``
    seconds, since only someone on the service resumes it (returns the error to raise)."""

    def __init__(self, limit, function):
        self.limit = limit
        self.function = function
        self.since = {}

    def __call__(self, elapsed, jobs):
        for record in jobs:
            if record["state"] != lc.PAUSED:
                self.since.pop(record["id"], None)
                continue
            first = self.since.setdefault(record["id"], elapsed)
            if elapsed - first >= self.limit:
                at = " at %s%%" % record["progress"] if record.get("progress") is not None else ""
                return JobPaused(
                    "%s job %s has been paused%s for %.1fs (paused_timeout=%ss). It stays on the service: resume it "
                    "there, then wait with asyncjobs.fleet.job_wait (api=rpc, job_ids=[%s]) or re-run this task, "
                    "which adopts it" % (self.function, record["id"], at, elapsed - first, self.limit, record["id"]),
                    job=record)
        return None


class RpcCall(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, WAIT_ARGSPEC,
        function=dict(type="str", required=True),
        arguments=dict(type="dict", default={}),
        asynchronous=dict(type="bool", default=True),
        client_ref=dict(type="int"),
        api_version=dict(type="str"),
        changes=dict(type="bool", default=True),
        paused_timeout=dict(type="float", default=300),
    )
    requirements = req.JSON

    def run(self, params, ctx):
        function = _protocol.check_function(params["function"])
        arguments = _protocol.check_arguments(params["arguments"])
        asynchronous = params["asynchronous"]
        if params["paused_timeout"] < 0:
            raise InputError("paused_timeout must be 0 or more seconds, got %r" % (params["paused_timeout"],))
        if asynchronous:
            if function.endswith("_result"):
                raise InputError("%s reads a job's result: call it with asynchronous=false and arguments "
                                 "{job_id: ...}, or call %s itself" % (function, function[:-len("_result")]))
            if "client_ref" in arguments:
                raise InputError("arguments must not contain client_ref: use the client_ref option")
            client_ref = params["client_ref"]
            client_ref = _protocol.derive_client_ref(function, arguments) if client_ref is None \
                else _protocol.check_client_ref(client_ref)
        elif params["client_ref"] is not None:
            raise InputError("client_ref applies to asynchronous functions only (asynchronous=true)")
        client = ctx.connect("rpc", params)
        if params["api_version"] is not None:
            client.set_version(params["api_version"])
        if asynchronous:
            return self._async(client, function, arguments, client_ref, params, ctx)
        return self._sync(client, function, arguments, params, ctx)

    @staticmethod
    def _sync(client, function, arguments, params, ctx):
        changes = params["changes"]
        if ctx.check_mode and changes:
            return dict(changed=True, would_call=dict(function=function, arguments=arguments, api_version=client.version))
        try:
            output = client.call(function, arguments, read_only=not changes)
        except _protocol.RpcError as exc:
            exc.result.update(changed=False)
            raise
        return dict(changed=changes, result=output)

    def _async(self, client, function, arguments, client_ref, params, ctx):
        if ctx.check_mode:
            return self._adopt_or_submit(client, function, arguments, client_ref, params, ctx, {})
        # Look-then-submit under the lock shared by the runs on this controller, so two runs of
        # the same call cannot both see no job in flight and both submit.
        lock_info = {}
        with submission_lock(ctx, ctx.deadline(params["wait_timeout"]), client.transport.base_url, function,
                             client_ref, "RPC %s (client_ref %s)" % (function, client_ref), lock_info):
            result, job_id, adopted = self._adopt_or_submit(client, function, arguments, client_ref, params, ctx,
                                                            lock_info)
        if adopted is None:
            # Another controller does not share the lock: report a twin submitted meanwhile.
            others = [j["id"] for j in client.find_in_flight(function, client_ref) if j["id"] != job_id]
            if others:
                ctx.warn("RPC %s (client_ref %s): job(s) %s with the same client_ref were submitted by another run at "
                         "the same moment as job %s; both run" % (function, client_ref, ", ".join(others), job_id))
                result["duplicate_job_ids"] = others
        return self._wait(client, function, job_id, adopted, params, ctx, result)

    def _adopt_or_submit(self, client, function, arguments, client_ref, params, ctx, lock_info):
        changes = params["changes"]
        in_flight = client.find_in_flight(function, client_ref)
        adopted = in_flight[-1] if in_flight else None
        if len(in_flight) > 1:
            ctx.warn("%d in-flight %s jobs carry client_ref %s (%s); adopting the newest, %s"
                     % (len(in_flight), function, client_ref, ", ".join(j["id"] for j in in_flight), adopted["id"]))
        result = dict(changed=changes, client_ref=client_ref, adopted=adopted is not None, **lock_info)
        if not ctx.check_mode:
            # The adopted job is this task's job: waited for below like a submitted one.
            adopt(client, [adopted] if adopted else [], params, ctx, result, wait=False)
        if ctx.check_mode:
            # Nothing is submitted; an in-flight job is only reported, not waited for.
            if adopted is None:
                result["would_call"] = dict(function=function, arguments=arguments, client_ref=client_ref,
                                            api_version=client.version)
            else:
                result.update(job_id=adopted["id"], job=adopted)
            return result
        if adopted:
            job_id = adopted["id"]
        else:
            job_id = submit_once(
                client.transport, lambda: client.submit(function, arguments, client_ref),
                lambda since: client.find_submitted(function, client_ref, since), ctx,
                "RPC %s (client_ref %s)" % (function, client_ref), result=result,
                searched="%s jobs with client_ref %s" % (function, client_ref),
                rerun="it first adopts a job of this call still in flight (same client_ref) and calls %s "
                      "only when there is none" % function)
        result["job_id"] = job_id
        return result, job_id, adopted

    @staticmethod
    def _wait(client, function, job_id, adopted, params, ctx, result):
        if not params["wait"]:
            result["job"] = adopted
            return result
        try:
            outcome = ctx.wait(client, [job_id], params, stop=PausedWatch(params["paused_timeout"], function))
        except (WaitTimeout, JobPaused) as exc:
            exc.result.update(result)
            raise
        record = client.result_of(outcome["jobs"][0])
        output, error = record.pop("result"), record.pop("error")
        result.update(job=record, result=output, error=error)
        check_outcome([record], params["fail_on"], result, message=lambda bad: "%s job %s %s (%s)%s" % (
            function, job_id, record["state"], record["raw_state"], ": " + record["message"] if record.get("message") else ""))
        return result


RPC_CALL = RpcCall()
