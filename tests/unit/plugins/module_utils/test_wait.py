# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _wait: Schedule, wait_for_jobs over a scripted fake backend, progress_line,
and the retry layering of the loop over a real Transport (fake HTTP session, fake clock)."""

from __future__ import annotations

import json
import random

import pytest
import requests

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _wait
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    ApiError,
    InputError,
    TransportError,
    WaitTimeout,
)

import fakes


# ---------------------------------------------------------------- Schedule

def test_schedule_grows_to_cap():
    s = _wait.Schedule(1.0, 5.0, factor=2.0)
    assert [s.next() for _i in range(6)] == [1.0, 2.0, 4.0, 5.0, 5.0, 5.0]


def test_schedule_resets_on_moved():
    s = _wait.Schedule(0.5, 10.0, factor=1.5)
    s.next()
    s.next()
    assert s.next(moved=True) == 0.5
    # after a reset it grows again from the start
    assert s.next() == 0.5
    assert s.next() == 0.75


def test_schedule_equal_initial_and_max():
    s = _wait.Schedule(3, 3)
    assert [s.next() for _i in range(3)] == [3.0, 3.0, 3.0]


@pytest.mark.parametrize("initial, maximum", [(0, 10), (-1, 10), (None, 10), (5, 4), (1, None)])
def test_schedule_validation(initial, maximum):
    with pytest.raises(InputError):
        _wait.Schedule(initial, maximum)


# ---------------------------------------------------------------- fakes

class FakeBackend(object):
    """poll() answers from a script: each item is a dict {id: job} or an exception.

    When the script runs out, the last answer repeats. Records the deadline seen.
    """

    def __init__(self, script, clock=None, poll_cost=0.0):
        self.script = list(script)
        self.transport = fakes.FakeTransport()
        self.calls = []
        self.deadlines = []
        self.clock = clock
        self.poll_cost = poll_cost

    def poll(self, ids):
        self.calls.append(list(ids))
        self.deadlines.append(self.transport.deadline)
        self.transport.stats["requests"] += 1
        if self.clock is not None:
            self.clock.now += self.poll_cost
        item = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(item, BaseException):
            raise item
        return {k: v for k, v in item.items() if k in ids}


def job(job_id, state, progress=None, **kw):
    return lc.job("fake", job_id, state, "raw-" + state, progress=progress, **kw)


def run(backend, ids, clock, timeout=60, **kw):
    return _wait.wait_for_jobs(backend, ids, timeout, clock=clock, sleep=clock.sleep, **kw)


# ---------------------------------------------------------------- wait_for_jobs

def test_completes_when_all_terminal():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([
        {"1": job("1", lc.RUNNING), "2": job("2", lc.PENDING)},
        {"1": job("1", lc.SUCCEEDED), "2": job("2", lc.RUNNING)},
        {"2": job("2", lc.FAILED)},
    ], clock)
    out = run(backend, [1, 2], clock, poll_interval=1, max_poll_interval=5)
    assert [j["state"] for j in out["jobs"]] == [lc.SUCCEEDED, lc.FAILED]
    assert out["polls"] == 3
    # finished jobs are not polled again
    assert backend.calls == [["1", "2"], ["1", "2"], ["2"]]
    assert out["elapsed"] == pytest.approx(sum(clock.sleeps))


def test_already_terminal_returns_without_sleeping():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.CANCELED)}], clock)
    out = run(backend, ["1"], clock)
    assert out["polls"] == 1
    assert clock.sleeps == []
    assert out["jobs"][0]["state"] == lc.CANCELED


def test_two_waits_share_one_deadline():
    """A two-step task: the second wait gets only what the first left of the budget."""
    clock = fakes.FakeClock(1000.0)
    budget = _wait.Deadline(10, clock)
    first = FakeBackend([{"1": job("1", lc.RUNNING)}] * 6 + [{"1": job("1", lc.SUCCEEDED)}], clock, poll_cost=0.1)
    out = _wait.wait_for_jobs(first, ["1"], budget, poll_interval=1, max_poll_interval=1, clock=clock, sleep=clock.sleep)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    used = clock.now - budget.start
    assert 6 <= used < 7
    second = FakeBackend([{"2": job("2", lc.RUNNING)}], clock, poll_cost=0.1)
    with pytest.raises(WaitTimeout) as err:
        _wait.wait_for_jobs(second, ["2"], budget, poll_interval=1, max_poll_interval=1, clock=clock, sleep=clock.sleep)
    # The task waited 10 s in all (plus the last poll's own cost), not 10 s per step.
    assert clock.now - budget.start <= 10.1 + 1e-9
    assert err.value.result["waited"] == pytest.approx(clock.now - budget.start, abs=0.01)
    assert "Timed out after 10.0s waiting for 1 of 1 job(s): 2=running (raw-running)" in err.value.msg
    assert "earlier steps used %.1fs" % used in err.value.msg
    # The second wait's transport retries were bounded by the same deadline.
    assert set(second.deadlines) == {budget.at}


def test_an_expired_budget_still_polls_once():
    """A step that starts after the budget ran out reads its job once: done is done, else timeout."""
    clock = fakes.FakeClock(1000.0)
    budget = _wait.Deadline(5, clock)
    clock.now += 6
    done = FakeBackend([{"1": job("1", lc.SUCCEEDED)}], clock)
    assert _wait.wait_for_jobs(done, ["1"], budget, clock=clock, sleep=clock.sleep)["polls"] == 1
    running = FakeBackend([{"2": job("2", lc.RUNNING)}], clock)
    with pytest.raises(WaitTimeout):
        _wait.wait_for_jobs(running, ["2"], budget, clock=clock, sleep=clock.sleep)
    assert running.calls == [["2"]] and clock.sleeps == []


def test_context_makes_the_deadline_once():
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context
    ctx = Context()
    first = ctx.deadline(30)
    assert ctx.deadline(999) is first and first.timeout == 30


def test_timeout_lists_every_job_and_pending():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"a": job("a", lc.RUNNING), "b": job("b", lc.SUCCEEDED)}], clock)
    with pytest.raises(WaitTimeout) as info:
        run(backend, ["a", "b", "c"], clock, timeout=10, poll_interval=1, max_poll_interval=2)
    exc = info.value
    assert exc.result["pending"] == ["a", "c"]
    assert "a=running (raw-running)" in exc.msg
    assert "b=succeeded (raw-succeeded)" in exc.msg
    assert "c=never seen" in exc.msg
    assert "2 of 3" in exc.msg
    ids = [j["id"] for j in exc.result["jobs"]]
    assert ids == ["a", "b", "c"]
    assert exc.result["jobs"][2]["state"] == lc.UNKNOWN
    # never slept past the deadline
    assert clock.now == pytest.approx(1010.0)
    assert sum(clock.sleeps) <= 10.0 + 1e-9


def test_timeout_message_mentions_last_poll_error():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"a": job("a", lc.RUNNING)}, TransportError("connection reset"),
                           {"a": job("a", lc.RUNNING)}], clock)
    with pytest.raises(WaitTimeout) as info:
        run(backend, ["a"], clock, timeout=5, poll_interval=1, max_poll_interval=1)
    assert "last poll error: connection reset" in info.value.msg


def test_default_tolerance_is_five_consecutive_failed_polls():
    clock = fakes.FakeClock(1000.0)
    err = TransportError("flaky")
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}] + [err] * 5 + [{"1": job("1", lc.SUCCEEDED)}], clock)
    assert run(backend, ["1"], clock)["jobs"][0]["state"] == lc.SUCCEEDED
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}] + [err] * 6, clock)
    with pytest.raises(TransportError) as info:
        run(backend, ["1"], clock)
    assert "after 6 consecutive failed polls" in info.value.msg


def test_tolerates_max_errors_consecutive_transport_errors():
    clock = fakes.FakeClock(1000.0)
    err = TransportError("flaky")
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}, err, err, err, {"1": job("1", lc.SUCCEEDED)}], clock)
    out = run(backend, ["1"], clock, max_errors=3)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    assert out["polls"] == 5


def test_error_counter_resets_after_success():
    clock = fakes.FakeClock(1000.0)
    err = TransportError("flaky")
    backend = FakeBackend([err, err, {"1": job("1", lc.RUNNING)}, err, err, {"1": job("1", lc.SUCCEEDED)}], clock)
    out = run(backend, ["1"], clock, max_errors=2)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED


def test_too_many_errors_raise_with_last_states():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.RUNNING), "2": job("2", lc.SUCCEEDED)},
                           TransportError("boom 1"), TransportError("boom 2"), TransportError("boom 3")], clock)
    with pytest.raises(TransportError) as info:
        run(backend, ["1", "2"], clock, max_errors=2)
    exc = info.value
    assert exc.msg.startswith("boom 3")
    assert "after 3 consecutive failed polls" in exc.msg
    assert "1=running (raw-running)" in exc.msg
    assert "2=succeeded" in exc.msg
    assert [j["id"] for j in exc.result["jobs"]] == ["1", "2"]
    assert exc.result["polls"] == 4
    assert backend.transport.deadline is None


@pytest.mark.parametrize("status", [500, 503, 429, None])
def test_server_side_api_errors_are_tolerated(status):
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([ApiError("x", status=status), {"1": job("1", lc.SUCCEEDED)}], clock)
    assert run(backend, ["1"], clock)["jobs"][0]["state"] == lc.SUCCEEDED


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_client_api_error_raised_immediately(status):
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([ApiError("nope", status=status), {"1": job("1", lc.SUCCEEDED)}], clock)
    with pytest.raises(ApiError) as info:
        run(backend, ["1"], clock, max_errors=5)
    assert info.value.status == status
    assert len(backend.calls) == 1
    assert backend.transport.deadline is None


def test_progress_called_each_round():
    clock = fakes.FakeClock(1000.0)
    seen = []
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}, {"1": job("1", lc.RUNNING)},
                           TransportError("x"), {"1": job("1", lc.SUCCEEDED)}], clock)
    run(backend, ["1"], clock, progress=lambda elapsed, jobs: seen.append((elapsed, [j["state"] for j in jobs])))
    assert len(seen) == 4
    assert [s[1] for s in seen] == [[lc.RUNNING], [lc.RUNNING], [lc.RUNNING], [lc.SUCCEEDED]]
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)


def test_history_records_only_changes():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.PENDING)}, {"1": job("1", lc.PENDING)},
                           {"1": job("1", lc.RUNNING, 10)}, {"1": job("1", lc.RUNNING, 50)},
                           {"1": job("1", lc.SUCCEEDED)}], clock)
    out = run(backend, ["1"], clock)
    assert [h["states"] for h in out["history"]] == [{lc.PENDING: 1}, {lc.RUNNING: 1}, {lc.SUCCEEDED: 1}]
    assert [h["elapsed"] for h in out["history"]] == sorted(h["elapsed"] for h in out["history"])


def test_interval_backs_off_and_resets_on_a_state_change_not_on_progress():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.PENDING)}, {"1": job("1", lc.RUNNING, 10)},
                           {"1": job("1", lc.RUNNING, 10)}, {"1": job("1", lc.RUNNING, 20)},
                           {"1": job("1", lc.RUNNING, 30)}, {"1": job("1", lc.SUCCEEDED)}], clock)
    run(backend, ["1"], clock, poll_interval=1, max_poll_interval=10)
    # The first answer and the start count as movement (1, 1); then 1, 1.5, 2.25 although the
    # percentage rose at every poll: a job that always reports progress is not polled at 1 s to its end.
    assert clock.sleeps == [1.0, 1.0, 1.0, 1.5, 2.25]


def test_one_job_of_several_ending_resets_the_interval():
    clock = fakes.FakeClock(1000.0)
    running = {"1": job("1", lc.RUNNING), "2": job("2", lc.RUNNING)}
    backend = FakeBackend([running, running, running, {"1": job("1", lc.SUCCEEDED), "2": job("2", lc.RUNNING)},
                           {"2": job("2", lc.SUCCEEDED)}], clock)
    run(backend, ["1", "2"], clock, poll_interval=1, max_poll_interval=10)
    assert clock.sleeps == [1.0, 1.0, 1.5, 1.0]


def test_a_stop_rule_ends_the_wait_with_its_error_and_the_snapshot():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.PAUSED)}, {"1": job("1", lc.PAUSED)}, {"1": job("1", lc.SUCCEEDED)}], clock)
    seen = []

    def stop(elapsed, jobs):
        seen.append((elapsed, [j["state"] for j in jobs]))
        return FleetError("paused too long") if len(seen) == 2 else None

    progress = []
    with pytest.raises(FleetError, match="paused too long") as info:
        run(backend, ["1"], clock, poll_interval=1, stop=stop, progress=lambda e, jobs: progress.append(e))
    # Asked after every poll, after progress; the second answer ends the wait before a third poll.
    assert seen == [(0.0, [lc.PAUSED]), (1.0, [lc.PAUSED])] and progress == [0.0, 1.0]
    assert len(backend.calls) == 2
    assert info.value.result["polls"] == 2 and info.value.result["jobs"][0]["state"] == lc.PAUSED
    assert backend.transport.deadline is None


def test_an_operation_monitor_pauses_before_its_first_poll():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}, {"1": job("1", lc.SUCCEEDED)}], clock)
    out = run(backend, ["1"], clock, poll_interval=1, max_poll_interval=10, pause_first=True)
    # One interval before the first poll; that answer is not movement, so the schedule grows.
    assert clock.sleeps == [1.0, 1.5] and out["polls"] == 2
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}, {"1": job("1", lc.SUCCEEDED)}], clock)
    run(backend, ["1"], clock, poll_interval=1, pause_first=True, first_retry_after="4")
    assert clock.sleeps == [4.0, 1.0]


def test_deadline_set_during_wait_and_restored():
    clock = fakes.FakeClock(start=500.0)
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}, {"1": job("1", lc.SUCCEEDED)}], clock)
    run(backend, ["1"], clock, timeout=30)
    assert backend.deadlines == [530.0, 530.0]
    assert backend.transport.deadline is None


def test_deadline_restored_after_timeout():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}], clock)
    with pytest.raises(WaitTimeout):
        run(backend, ["1"], clock, timeout=3)
    assert backend.transport.deadline is None


def test_backend_without_transport_is_fine():
    clock = fakes.FakeClock(1000.0)

    class Bare(object):
        def poll(self, ids):
            return {i: job(i, lc.SUCCEEDED) for i in ids}

    assert run(Bare(), ["x"], clock)["jobs"][0]["id"] == "x"


def test_slow_polls_count_against_the_deadline():
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{"1": job("1", lc.RUNNING)}], clock, poll_cost=4.0)
    with pytest.raises(WaitTimeout):
        run(backend, ["1"], clock, timeout=10, poll_interval=1, max_poll_interval=1)
    assert len(backend.calls) <= 3


@pytest.mark.parametrize("timeout", [0, -5, None])
def test_rejects_non_positive_timeout(timeout):
    clock = fakes.FakeClock(1000.0)
    backend = FakeBackend([{}], clock)
    with pytest.raises(InputError):
        _wait.wait_for_jobs(backend, ["1"], timeout, clock=clock, sleep=clock.sleep)
    assert backend.calls == []
    assert backend.transport.deadline is None


# ---------------------------------------------------------------- progress_line

def test_progress_line_states_and_percent():
    jobs = [job("1", lc.RUNNING, 40), job("2", lc.RUNNING, 60), job("3", lc.SUCCEEDED, 100)]
    line = _wait.progress_line(12.34, jobs)
    assert line.startswith("[ 12.3s] 3 job(s): 2 running, 1 succeeded")
    assert "; 66%" in line
    assert "devices" not in line


def test_progress_line_state_order_follows_states():
    jobs = [job("1", lc.FAILED), job("2", lc.PENDING)]
    assert _wait.progress_line(0, jobs) == "[  0.0s] 2 job(s): 1 pending, 1 failed"


def test_progress_line_device_counts():
    jobs = [job("1", lc.RUNNING, targets=10, succeeded=3, failed=1),
            job("2", lc.RUNNING, targets=5, succeeded=None, failed=None)]
    line = _wait.progress_line(1.0, jobs)
    assert line.endswith("; devices 4/15 done (3 ok, 1 failed)")


def test_progress_line_ignores_negative_progress():
    assert "%" not in _wait.progress_line(1.0, [job("1", lc.RUNNING, -1)])


# ---------------------------------------------------------------- retry layering over a real Transport
#
# A Transport with a fake HTTP session and the fake clock: every request and every sleep is
# visible, so the timing arithmetic of the two retry layers (transport per request, loop per
# poll) is exact. Backoff jitter is pinned to its maximum to make bounds deterministic.


class FakeSession(fakes.FakeSession):
    """Answers every request with ``answer(n, clock_now)``: a (status, headers) pair, or an exception."""

    def __init__(self, clock, answer, job_done_at):
        super().__init__(answer=self.respond)
        self.clock = clock
        self.script_answer = answer
        self.done_at = job_done_at
        self.log = []

    def respond(self, method, url, _kw):
        n = len(self.log)
        self.log.append(self.clock.now)
        outcome = self.script_answer(n, self.clock.now)
        if isinstance(outcome, BaseException):
            return outcome
        status, headers = outcome
        if status != 200:
            return fakes.FakeHttpResponse(status, headers, b'{"error": "fault"}')
        state = "done" if self.clock.now >= self.done_at else "running"
        return fakes.FakeHttpResponse(200, {"Content-Type": "application/json"}, json.dumps({"state": state}).encode())


class HttpBackend(object):
    """A one-job backend that reads its job over the Transport (one GET per poll)."""

    def __init__(self, transport):
        self.transport = transport
        self.settings_seen = []

    def poll(self, ids):
        self.settings_seen.append((self.transport.retries, self.transport.backoff, self.transport.deadline))
        data = self.transport.request("GET", "/job/1").json()
        state = lc.SUCCEEDED if data["state"] == "done" else lc.RUNNING
        return {ids[0]: job(ids[0], state)}


def http_wait(answer, done_after=0.25, timeout=60, poll_interval=0.25, max_poll_interval=5, **kw):
    clock = fakes.FakeClock(1000.0)
    transport = _transport.Transport("http://lab.invalid", sleep=clock.sleep, clock=clock)
    session = FakeSession(clock, answer, clock.now + done_after)
    transport.session = session
    backend = HttpBackend(transport)
    out = _wait.wait_for_jobs(backend, ["1"], timeout, poll_interval, max_poll_interval,
                              clock=clock, sleep=clock.sleep, **kw)
    return out, clock, session, backend


@pytest.fixture(autouse=False)
def max_jitter(monkeypatch):
    monkeypatch.setattr(_transport, "backoff_delay",
                        lambda attempt, base=0.5, cap=10.0, rand=None: min(cap, base * (2 ** attempt)))


OK = (200, {})


def test_transport_is_bounded_to_short_retries_while_polling_and_restored(max_jitter):
    out, clock, _session, backend = http_wait(lambda n, now: OK, done_after=1.0)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    retries, backoff, deadline = backend.settings_seen[0]
    assert retries == _wait.POLL_RETRIES == 1
    assert backoff == 0.25  # min(transport backoff 0.5, POLL_BACKOFF 0.5, poll_interval 0.25)
    assert deadline == pytest.approx(1060.0)
    transport = backend.transport
    assert (transport.retries, transport.backoff, transport.deadline) == (4, 0.5, None)


def test_one_fault_per_poll_costs_one_short_retry(max_jitter):
    # Every poll's first request fails (500); its single retry after 0.25 s succeeds.
    out, clock, session, _backend = http_wait(lambda n, now: (500, {}) if n % 2 == 0 else OK)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    # poll 1: 500 at 0, retry at 0.25 (done): one poll, one transport pause.
    assert clock.sleeps == [0.25]
    assert out["elapsed"] == pytest.approx(0.25)
    assert session.log == [1000.0, 1000.25]


def test_a_failed_poll_is_retried_by_the_loop_not_a_ladder(max_jitter):
    # Requests 0-1 fail (poll 1 and its retry), the rest succeed: the loop polls again after
    # its interval. The old nested ladder would have paused 0.25+0.5+1+2 s inside poll 1.
    out, clock, session, _backend = http_wait(lambda n, now: (502, {}) if n < 2 else OK)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    assert clock.sleeps == [0.25, 0.25]  # transport retry, then the loop's interval
    assert len(session.log) == 3
    assert out["polls"] == 2


def test_retry_after_is_honoured_by_the_transport_and_by_the_loop(max_jitter):
    # 503 + Retry-After: 3 on the first two requests: the transport waits 3 s (its one retry),
    # the poll fails, and the loop waits 3 s more before polling again, not its 0.25 s.
    out, clock, session, _backend = http_wait(
        lambda n, now: (503, {"Retry-After": "3"}) if n < 2 else OK)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    assert clock.sleeps == [3.0, 3.0]
    assert [t - 1000.0 for t in session.log] == [0.0, 3.0, 6.0]


def test_retry_after_past_the_deadline_ends_the_wait_at_once(max_jitter):
    with pytest.raises(WaitTimeout) as info:
        http_wait(lambda n, now: (429, {"Retry-After": "30"}), done_after=100, timeout=10)
    exc = info.value
    # The transport would not retry past the deadline, nor does the loop poll early.
    assert exc.result["elapsed"] == 0.0
    assert "the server asked to retry after 30.0s, past the deadline" in exc.msg
    assert "HTTP 429" in exc.msg
    assert exc.result["pending"] == ["1"]


def test_consecutive_failed_polls_give_up_after_max_errors(max_jitter):
    with pytest.raises(ApiError) as info:
        http_wait(lambda n, now: (500, {}), done_after=100, max_errors=3)
    exc = info.value
    assert "after 4 consecutive failed polls" in exc.msg
    assert exc.result["polls"] == 4


def test_consecutive_failed_polls_are_counted_per_poll_not_per_request(max_jitter):
    # 4 polls' worth of failures (2 requests each) is tolerated with max_errors=5 ...
    out, clock, session, _backend = http_wait(lambda n, now: (500, {}) if n < 8 else OK, done_after=0, max_errors=5)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    assert len(session.log) == 9
    # ... and the time it took is the transport's 4 short pauses plus the loop's growing intervals.
    assert clock.sleeps == [0.25, 0.25, 0.25, 0.375, 0.25, 0.5625, 0.25, 0.84375]
    assert out["elapsed"] == pytest.approx(sum(clock.sleeps), abs=1e-3)


def test_outage_shorter_than_the_tolerance_is_ridden_out(max_jitter):
    # The server is down (connection refused) for 4 s, e.g. restarting: the wait continues.
    refused = requests.exceptions.ConnectionError("NewConnectionError: Connection refused")
    out, clock, _session, _backend = http_wait(lambda n, now: refused if now < 1004.0 else OK, done_after=0.25,
                                               poll_interval=0.5)
    assert out["jobs"][0]["state"] == lc.SUCCEEDED
    assert 4.0 <= out["elapsed"] < 7.0


def test_outage_never_outlives_the_deadline(max_jitter):
    refused = requests.exceptions.ConnectionError("NewConnectionError: Connection refused")
    with pytest.raises((WaitTimeout, TransportError)) as info:
        http_wait(lambda n, now: refused, done_after=0.25, timeout=3, poll_interval=0.5, max_errors=100)
    assert info.value.result["elapsed"] <= 3.0 + 1e-9
    assert "connection refused" in info.value.msg


def simulate(fault_rate, runs=300, seed=7):
    """Mean and max wait of a 0.25 s job with ``fault_rate`` of requests faulted (seeded mix)."""
    rng = random.Random(seed)
    kinds = [(500, {}), (502, {}), (503, {"Retry-After": "1"}), (429, {"Retry-After": "1"}),
             requests.exceptions.ConnectionError("Connection reset by peer")]
    waits = []
    for _run in range(runs):
        out = http_wait(lambda n, now: rng.choice(kinds) if rng.random() < fault_rate else OK,
                        done_after=0.25, poll_interval=0.25)[0]
        waits.append(out["elapsed"])
    return sum(waits) / len(waits), max(waits)


def test_a_short_job_under_30_percent_faults_waits_about_a_second(max_jitter):
    mean, worst = simulate(0.3)
    assert mean < 1.0
    assert worst < 6.0


def test_layering_beats_the_nested_ladder(max_jitter, monkeypatch):
    new_mean, new_worst = simulate(0.3)
    # The previous design: the transport's full ladder (4 retries) inside every poll.
    monkeypatch.setattr(_wait, "POLL_RETRIES", 4)
    old_mean, old_worst = simulate(0.3)
    assert new_mean < old_mean and new_worst < old_worst
