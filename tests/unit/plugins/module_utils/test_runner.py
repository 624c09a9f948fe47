# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The runner: the task's deadline, and requests and wait statistics added to a result once."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context, Operation, execute
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError, InputError, WaitTimeout

WAIT = dict(wait_timeout=30.0, poll_interval=0.01, max_poll_interval=0.01)


class Transport(object):
    def __init__(self, requests):
        self.stats = {"requests": requests}


class Backend(object):
    """Answers every poll with ``states`` in turn (the last repeats); each poll is one request."""

    def __init__(self, *states):
        self.states = list(states)
        self.transport = Transport(0)

    def poll(self, ids):
        self.transport.stats["requests"] += 1
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        if isinstance(state, Exception):
            raise state
        return {i: lc.job("fake", i, state, state) for i in ids}


class Op(Operation):
    def __init__(self, body):
        self.body = body

    def run(self, params, ctx):
        return self.body(params, ctx)


def test_requests_of_every_transport_are_added_once_on_success_and_failure():
    def body(params, ctx):
        ctx.track(Transport(3))
        ctx.track(Transport(4))
        return {"changed": False}
    assert execute(Op(body), {}, Context())["requests"] == 7

    def failing(params, ctx):
        ctx.track(Transport(2))
        raise FleetError("boom", job_id="1")
    with pytest.raises(FleetError) as info:
        execute(Op(failing), {}, Context())
    assert info.value.result == {"job_id": "1", "changed": False, "requests": 2}


def test_without_a_transport_no_requests_key_is_invented():
    assert execute(Op(lambda params, ctx: {"changed": False}), {}, Context()) == {"changed": False}


def test_only_the_wait_for_the_tasks_own_jobs_is_reported():
    def body(params, ctx):
        first = Backend(lc.RUNNING, lc.SUCCEEDED)
        ctx.track(first.transport)
        ctx.wait(first, ["adopted"], params, report=False)  # e.g. an adopted job, before the task's own
        own = Backend(lc.SUCCEEDED)
        ctx.track(own.transport)
        ctx.wait(own, ["mine"], params)
        return {"changed": True}
    result = execute(Op(body), dict(WAIT), Context())
    assert result["polls"] == 1 and result["requests"] == 3
    assert [h["states"] for h in result["history"]] == [{"succeeded": 1}]


def test_a_timed_out_wait_reports_its_statistics_and_a_poll_error_without_them_does_not_break():
    def timing_out(params, ctx):
        backend = Backend(lc.RUNNING)
        ctx.track(backend.transport)
        ctx.wait(backend, ["1"], dict(params, wait_timeout=0.05))
    with pytest.raises(WaitTimeout) as info:
        execute(Op(timing_out), dict(WAIT, wait_timeout=0.05), Context())
    assert info.value.result["polls"] >= 1 and info.value.result["requests"] == info.value.result["polls"]

    def poll_error(params, ctx):
        backend = Backend(FleetError("monitor answered 404", polls=1))
        ctx.track(backend.transport)
        ctx.wait(backend, ["1"], params)
    with pytest.raises(FleetError, match="404") as info:
        execute(Op(poll_error), dict(WAIT), Context())
    assert info.value.result == {"polls": 1, "changed": False, "requests": 1}


def test_the_deadline_starts_with_the_task_and_bad_durations_fail_before_running():
    seen = []

    def body(params, ctx):
        seen.append(ctx.deadline())  # already started: no wait_timeout needed here
        return {"changed": False}
    execute(Op(body), dict(WAIT), Context())
    assert seen[0].timeout == 30.0
    ran = []
    with pytest.raises(InputError, match="wait_timeout"):
        execute(Op(lambda params, ctx: ran.append(1)), dict(WAIT, wait_timeout=-1), Context())
    assert ran == []
