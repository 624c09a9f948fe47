# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The request budget (_budget): spacing, concurrency, 429 feedback, a budget shared by processes
through a file, and its settings (options, <PREFIX>_* variables, bad values).

Times come from injected clocks: a budget's reserved send times are compared, never how long
anything took. Processes sharing a file run on a frozen clock, so the order in which they take
their turns does not matter: shared, they reserve one gapless sequence; not shared, they would
reserve the same times twice.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _budget
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import Credentials, connection_settings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, TransportError

import fakes

_KEYS = itertools.count()


def local(rate=None, concurrency=None, clock=None):
    """A per-process budget of its own (a fresh origin key), on a fake clock."""
    clock = clock or fakes.FakeClock(start=100.0)
    budget = _budget.Budget(rate, concurrency, key=("test", next(_KEYS)), clock=clock, sleep=clock.sleep)
    return budget, clock


def starts(budget, count, deadline=None):
    out = []
    for _n in range(count):
        turn = budget.turn(deadline)
        out.append(turn.start)
        turn()
    return out


# ------------------------------------------------------------------------- spacing

def test_turns_are_spaced_by_the_rate():
    budget, clock = local(rate=4)
    assert starts(budget, 5) == [100.0, 100.25, 100.5, 100.75, 101.0]
    assert clock.now == 101.0  # the caller slept until each turn


def test_no_burst_after_an_idle_time():
    budget, clock = local(rate=2)
    starts(budget, 2)
    clock.now += 60.0  # idle: unused turns are not saved up
    assert starts(budget, 3) == [160.5, 161.0, 161.5]


def test_no_turn_before_the_deadline_reserves_nothing():
    budget, clock = local(rate=1)
    starts(budget, 1)  # the next free turn is at 101
    with pytest.raises(_budget.NoTurn) as info:
        budget.turn(deadline=100.5)
    assert info.value.wait == pytest.approx(1.0)
    assert clock.now == 100.0  # it did not wait for a turn it cannot use
    assert starts(budget, 1) == [101.0]  # the refused turn was not reserved


def test_unset_rate_and_concurrency_never_wait():
    budget, clock = local()
    assert starts(budget, 3) == [100.0] * 3 and clock.sleeps == []


def test_make_budget_is_none_without_settings():
    assert _budget.make_budget(("https", "rm.example", 443)) is None
    assert _budget.make_budget(("https", "rm.example", 443), requests_per_second=2).rate == 2.0


def test_one_process_shares_its_budget_per_manager():
    origin = ("https", "per-process.example", 443)
    clock = fakes.FakeClock(start=100.0)
    first = _budget.make_budget(origin, requests_per_second=1, clock=clock, sleep=clock.sleep)
    second = _budget.make_budget(origin, requests_per_second=1, clock=clock, sleep=clock.sleep)
    other = _budget.make_budget(("https", "other.example", 443), requests_per_second=1, clock=clock, sleep=clock.sleep)
    assert starts(first, 1) == [100.0]
    assert starts(second, 1) == [101.0]  # a second transport of the process to the same manager
    assert starts(other, 1) == [101.0]   # another manager has its own (it did not wait again)


# --------------------------------------------------------------------- concurrency

def test_concurrency_cap_in_one_process():
    budget, clock = local(concurrency=2)
    first, second = budget.turn(), budget.turn()
    with pytest.raises(_budget.NoTurn):
        budget.turn(deadline=clock.now)  # both slots are taken
    first()
    first()  # ending a turn twice frees one slot only
    third = budget.turn(deadline=clock.now)
    with pytest.raises(_budget.NoTurn):
        budget.turn(deadline=clock.now)
    second()
    third()


def test_a_waiting_thread_gets_the_freed_slot():
    budget, _clock = local(concurrency=1)
    held = budget.turn()
    got = []
    waiter = threading.Thread(target=lambda: got.append(budget.turn()))
    waiter.start()
    held()
    waiter.join(60)
    assert len(got) == 1
    got[0]()


def test_a_slot_is_freed_when_the_rate_refuses_the_turn():
    budget, clock = local(rate=1, concurrency=1)
    starts(budget, 1)
    with pytest.raises(_budget.NoTurn):
        budget.turn(deadline=100.5)  # it had the slot, but no send time before the deadline
    assert starts(budget, 1) == [101.0]  # so the slot is free again


# ------------------------------------------------------------------- 429 feedback

def test_retry_after_pauses_every_turn_until_then():
    budget, clock = local(rate=10)
    starts(budget, 1)
    budget.throttled(retry_after=5.0)
    assert starts(budget, 2) == [105.0, 105.1]


def test_retry_after_pauses_without_a_rate_too():
    budget, clock = local(concurrency=3)
    budget.throttled(retry_after=2.0)
    assert starts(budget, 1) == [102.0]


def test_a_429_without_retry_after_halves_the_rate(monkeypatch):
    monkeypatch.setattr(_budget, "RECOVERY_SECONDS", 1e12)  # no recovery in between: exact times
    budget, clock = local(rate=4)
    starts(budget, 1)  # next free turn: 100.25
    budget.throttled()
    assert starts(budget, 2) == pytest.approx([100.25, 100.75])  # 2 a second now
    budget.throttled()  # the same burst of 429s (within a second): no second halving
    assert starts(budget, 1) == pytest.approx([101.25])
    clock.now = 101.5
    budget.throttled()  # a second after the first: halved again
    assert starts(budget, 2) == pytest.approx([101.75, 102.75])


def test_a_slowed_rate_recovers_gradually():
    budget, clock = local(rate=4)
    budget.throttled()
    state = budget.snapshot()
    assert state.factor == 0.5 and state.rate_factor(clock.now) == 0.5
    assert state.rate_factor(clock.now + _budget.RECOVERY_SECONDS / 4) == pytest.approx(0.75)
    clock.now += 1.0
    budget.throttled()  # halved from what it had recovered to
    assert budget.snapshot().factor == pytest.approx((0.5 + 1.0 / _budget.RECOVERY_SECONDS) / 2)
    clock.now += _budget.RECOVERY_SECONDS
    assert budget.snapshot().rate_factor(clock.now) == 1.0
    got = starts(budget, 3)
    assert [round(b - a, 6) for a, b in zip(got, got[1:])] == [0.25, 0.25]  # the full rate again


def test_the_rate_never_falls_below_a_sixteenth():
    budget, clock = local(rate=16)
    for _n in range(10):
        clock.now += 1.0
        budget.throttled()
    assert budget.snapshot().factor == _budget.MIN_FACTOR
    got = starts(budget, 2)
    assert got[1] - got[0] == pytest.approx(1.0, rel=0.1)  # 16 x 1/16 (plus what it recovered while waiting)


# ------------------------------------------------------------- shared through a file

def frozen(path, rate=None, concurrency=None, at=100.0):
    """A file budget on a frozen clock: turns reserve send times without anyone sleeping."""
    return _budget.Budget(rate, concurrency, str(path), clock=lambda: at, sleep=lambda s: None, wall=lambda: at + 1e9)


def _take_turns(path, rate, count, queue):
    queue.put(starts(frozen(path, rate), count))


def _hold_slot(path, held, release, done):
    turn = frozen(path, concurrency=1).turn()
    held.set()
    release.wait(60)
    turn()
    done.set()


def _pause_all(path, seconds):
    frozen(path).throttled(retry_after=seconds)


@pytest.fixture
def spawn():
    """Start a function in another process (forked, as Ansible forks its workers)."""
    ctx = multiprocessing.get_context("fork")
    procs = []

    def start(target, *args):
        proc = ctx.Process(target=target, args=args)
        proc.start()
        procs.append(proc)
        return proc
    start.ctx = ctx
    yield start
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == getattr(proc, "expected_exitcode", 0)


def test_processes_naming_one_file_share_one_rate(tmp_path, spawn):
    path = tmp_path / "drm.budget"
    queue = spawn.ctx.Queue()
    for _n in range(2):
        spawn(_take_turns, str(path), 10.0, 5, queue)
    got = sorted(queue.get(timeout=60) + queue.get(timeout=60))
    # Ten turns, 0.1 s apart, whoever took which: one budget, not two of 10 a second each.
    assert got == pytest.approx([100.0 + i / 10.0 for i in range(10)])
    assert starts(frozen(path, 10.0), 1) == pytest.approx([101.0])  # and this process is in it too


def test_processes_naming_one_file_share_the_concurrency(tmp_path, spawn):
    path = tmp_path / "drm.budget"
    held, release, done = spawn.ctx.Event(), spawn.ctx.Event(), spawn.ctx.Event()
    spawn(_hold_slot, str(path), held, release, done)
    try:
        assert held.wait(60)
        mine = frozen(path, concurrency=1)
        with pytest.raises(_budget.NoTurn):
            mine.turn(deadline=100.0)  # the other process holds the only slot
    finally:
        release.set()
    assert done.wait(60)
    mine.turn(deadline=100.0)()


def test_a_slot_of_a_process_that_died_is_free(tmp_path, spawn):
    path = tmp_path / "drm.budget"
    held, release, done = spawn.ctx.Event(), spawn.ctx.Event(), spawn.ctx.Event()
    proc = spawn(_hold_slot, str(path), held, release, done)
    assert held.wait(60)
    proc.kill()
    proc.join(60)
    proc.expected_exitcode = -signal.SIGKILL
    frozen(path, concurrency=1).turn(deadline=None)()


def test_a_429_in_one_process_pauses_the_others(tmp_path, spawn):
    path = tmp_path / "drm.budget"
    spawn(_pause_all, str(path), 30.0).join(60)
    clock = fakes.FakeClock(start=100.0)  # this one sleeps through the pause
    budget = _budget.Budget(5.0, None, str(path), clock=clock, sleep=clock.sleep, wall=lambda: clock.now + 1e9)
    assert starts(budget, 2) == pytest.approx([130.0, 130.2])


def test_file_holds_the_state_with_a_header(tmp_path):
    path = tmp_path / "drm.budget"
    starts(frozen(path, 2.0), 1)
    text = path.read_text()
    assert text.startswith(_budget.MAGIC) and '"next": 100.5' in text
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"


def test_a_file_from_another_boot_starts_afresh(tmp_path):
    path = tmp_path / "drm.budget"
    starts(frozen(path, 0.01), 1)  # next free turn 100 s away
    rebooted = _budget.Budget(0.01, None, str(path), clock=lambda: 5.0, sleep=lambda s: None, wall=lambda: 2e9)
    assert starts(rebooted, 1) == [5.0]  # not 200 s of waiting for a turn of the previous boot


def test_a_file_cut_short_starts_afresh(tmp_path):
    path = tmp_path / "drm.budget"
    path.write_text(_budget.MAGIC + '{"next": 1e9, "pa')
    assert starts(frozen(path, 1.0), 1) == [100.0]


def test_a_file_with_other_content_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n")
    with pytest.raises(InputError, match=r"^request_budget_file .*notes.txt holds something else than a request budget, "
                                         r"so it was left untouched: name a file that only this collection uses"):
        frozen(path, 1.0)
    assert path.read_text() == "my notes\n"


def test_an_unusable_file_is_refused_before_anything_is_sent(tmp_path):
    missing = tmp_path / "no-such-dir" / "drm.budget"
    with pytest.raises(InputError, match=r"^request_budget_file .*no-such-dir/drm.budget cannot be used: No such file"):
        frozen(missing, 1.0)
    with pytest.raises(InputError, match=r"cannot be used: Is a directory"):
        frozen(tmp_path, 1.0)


# ------------------------------------------------------------------- in the transport

def transport(script, budget, **kw):
    clock = budget.clock
    t = _transport.Transport("https://drm.example", "admin", "s3cr3tpw", retries=3, sleep=clock.sleep, clock=clock,
                             budget=budget, **kw)
    sent = []
    session = fakes.FakeSession(script)
    request = session.request

    def record(method, url, **kwargs):
        sent.append(clock.now)
        return request(method, url, **kwargs)
    session.request = record
    t.session = session
    return t, sent


def test_every_attempt_takes_a_turn_retries_included():
    budget, clock = local(rate=2)
    t, sent = transport([fakes.FakeHttpResponse(503)] + [fakes.FakeHttpResponse(200)] * 3, budget)
    t.request("GET", "/ws/sci")  # a 503, then its retry: two turns
    t.request("GET", "/a")
    t.request("GET", "/b")
    assert len(sent) == 4
    # The retry's own pause (at most 0.5 s here) is not what spaced it: its turn was.
    assert [round(b - a, 6) for a, b in zip(sent, sent[1:])] == [0.5, 0.5, 0.5]
    assert t.stats["requests"] == 4 and t.stats["retries"] == 1


def test_a_429_with_retry_after_pauses_the_budget():
    budget, clock = local(rate=100)
    t, sent = transport([fakes.FakeHttpResponse(429, {"Retry-After": "3"}), fakes.FakeHttpResponse(200)], budget)
    t.request("GET", "/x")
    assert budget.snapshot().pause == pytest.approx(103.0)
    assert sent == pytest.approx([100.0, 103.0])


def test_a_429_without_retry_after_slows_the_budget():
    budget, clock = local(rate=10)
    t, sent = transport([fakes.FakeHttpResponse(429), fakes.FakeHttpResponse(200)], budget)
    t.request("GET", "/x")
    assert budget.snapshot().factor == 0.5


def test_no_turn_before_the_deadline_is_a_transport_error_and_nothing_is_sent():
    budget, clock = local(rate=0.1)
    t, sent = transport([fakes.FakeHttpResponse(200)], budget)
    t.request("GET", "/x")  # the next turn is 10 s away
    t.deadline = clock.now + 5
    with pytest.raises(TransportError) as info:
        t.request("GET", "/ws/sci/600001")
    assert info.value.sent is False and len(sent) == 1
    assert info.value.msg == ("GET https://drm.example/ws/sci/600001 was not sent: the request budget (requests_per_second, "
                              "max_concurrent_requests, request_budget_file) gives it no turn before the task's deadline "
                              "(the next turn is in 10.0s)")
    assert t.stats["requests"] == 1  # counts what was sent


def test_the_slot_is_free_during_a_retry_pause():
    budget, clock = local(concurrency=1)
    seen = []

    def sleep(seconds):
        # Asserted here: with the slot still held, the retry would wait for it for ever.
        assert budget.store.in_flight == 0
        seen.append(seconds)
        clock.sleep(seconds)
    t, sent = transport([fakes.FakeHttpResponse(503), fakes.FakeHttpResponse(200)], budget)
    t.sleep = sleep
    t.request("GET", "/x")
    assert len(seen) == 1 and len(sent) == 2 and budget.store.in_flight == 0


def test_the_slot_is_freed_when_the_request_fails():
    budget, clock = local(concurrency=1)
    t, sent = transport([_transport.requests.exceptions.SSLError("bad cert")], budget)
    with pytest.raises(TransportError):
        t.request("GET", "/x")
    assert budget.store.in_flight == 0


# ------------------------------------------------------------------------ settings

BASE = {"DRM_URL": "https://rm.example", "DRM_USERNAME": "u", "DRM_PASSWORD": "p"}


def test_settings_from_the_environment():
    env = dict(BASE, DRM_REQUESTS_PER_SECOND="2.5", DRM_MAX_CONCURRENT_REQUESTS=" 4 ",
               DRM_REQUEST_BUDGET_FILE="/run/asyncjobs/drm.budget")
    out = connection_settings("drm", {}, env)
    assert (out["requests_per_second"], out["max_concurrent_requests"], out["request_budget_file"]) == (
        2.5, 4, "/run/asyncjobs/drm.budget")


def test_options_win_over_the_environment_and_the_prefix_follows_the_api():
    env = dict(BASE, DRM_REQUESTS_PER_SECOND="2.5", POWERSTORE_MAX_CONCURRENT_REQUESTS="3")
    out = connection_settings("drm", {"requests_per_second": 7.0}, env)
    assert out["requests_per_second"] == 7.0 and out["max_concurrent_requests"] is None
    ps = dict(env, POWERSTORE_URL="https://ps.example", POWERSTORE_USERNAME="u", POWERSTORE_PASSWORD="p")
    assert connection_settings("powerstore", {}, ps)["max_concurrent_requests"] == 3


def test_unset_means_no_budget_at_all():
    creds = Credentials.resolve("drm", {}, dict(BASE))
    assert creds.transport().budget is None


def test_the_transport_gets_the_budget(tmp_path):
    env = dict(BASE, DRM_REQUESTS_PER_SECOND="3", DRM_MAX_CONCURRENT_REQUESTS="2",
               DRM_REQUEST_BUDGET_FILE=str(tmp_path / "drm.budget"))
    budget = Credentials.resolve("drm", {}, env).transport().budget
    assert (budget.rate, budget.concurrency, budget.path) == (3.0, 2, str(tmp_path / "drm.budget"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drm.budget", "drm.budget.slot0", "drm.budget.slot1"]


@pytest.mark.parametrize("name, value, message", [
    ("DRM_REQUESTS_PER_SECOND", "0", "DRM_REQUESTS_PER_SECOND must be a number of requests per second above 0, at most 1000, got 0.0"),
    ("DRM_REQUESTS_PER_SECOND", "fast", "DRM_REQUESTS_PER_SECOND must be a number of requests per second above 0, at most "
                                        "1000, got 'fast'"),
    ("DRM_REQUESTS_PER_SECOND", "inf", "DRM_REQUESTS_PER_SECOND must be a number of requests per second above 0, at most "
                                       "1000, got inf"),
    ("DRM_REQUESTS_PER_SECOND", "1001", "DRM_REQUESTS_PER_SECOND must be a number of requests per second above 0, at most "
                                        "1000, got 1001.0"),
    ("DRM_MAX_CONCURRENT_REQUESTS", "0", "DRM_MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 100, got 0"),
    ("DRM_MAX_CONCURRENT_REQUESTS", "2.5", "DRM_MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 100, got '2.5'"),
    ("DRM_MAX_CONCURRENT_REQUESTS", "101", "DRM_MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 100, got 101"),
    ("DRM_REQUEST_BUDGET_FILE", "drm.budget", "DRM_REQUEST_BUDGET_FILE must be an absolute path (the processes that name "
                                              "the same file share one budget), got 'drm.budget'"),
])
def test_bad_environment_values_are_one_clear_message(name, value, message):
    with pytest.raises(InputError) as info:
        connection_settings("drm", {}, dict(BASE, **{name: value}))
    assert info.value.msg == message


@pytest.mark.parametrize("params, message", [
    ({"requests_per_second": 0.0}, "requests_per_second must be a number of requests per second above 0, at most 1000, got 0.0"),
    ({"requests_per_second": -1.0}, "requests_per_second must be a number of requests per second above 0, at most 1000, got -1.0"),
    ({"max_concurrent_requests": 0}, "max_concurrent_requests must be a whole number from 1 to 100, got 0"),
    ({"max_concurrent_requests": 2.5}, "max_concurrent_requests must be a whole number from 1 to 100, got 2.5"),
    ({"request_budget_file": "budget"}, "request_budget_file must be an absolute path (the processes that name the same "
                                        "file share one budget), got 'budget'"),
])
def test_bad_option_values_are_one_clear_message(params, message):
    with pytest.raises(InputError) as info:
        connection_settings("drm", params, dict(BASE))
    assert info.value.msg == message


def test_home_in_the_variable_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    out = connection_settings("drm", {}, dict(BASE, DRM_REQUEST_BUDGET_FILE="~/drm.budget"))
    assert out["request_budget_file"] == str(tmp_path / "drm.budget")


# --------------------------------------------------------- the lookup and the inventory

def test_the_lookup_takes_the_budget_options(fake_clients):
    from ansible.plugins.loader import lookup_loader
    fake_clients.client = fakes.FakeClient(jobs=[])
    lookup_loader.get("asyncjobs.fleet.jobs").run([], variables={}, url="https://rm.example", username="u", password="p",
                                                  requests_per_second=2.5, max_concurrent_requests=3,
                                                  request_budget_file="/run/drm.budget")
    params = fake_clients.made[0][1]
    assert (params["requests_per_second"], params["max_concurrent_requests"], params["request_budget_file"]) == (
        2.5, 3, "/run/drm.budget")


def test_the_inventory_takes_the_budget_from_its_variables(fake_clients, monkeypatch, tmp_path):
    from ansible.inventory.data import InventoryData
    from ansible.parsing.dataloader import DataLoader
    from ansible.plugins.loader import inventory_loader
    monkeypatch.setenv("DRM_REQUESTS_PER_SECOND", "2.5")
    monkeypatch.setenv("DRM_MAX_CONCURRENT_REQUESTS", "3")
    monkeypatch.setenv("DRM_REQUEST_BUDGET_FILE", "/run/drm.budget")
    fake_clients.client = fakes.FakeClient(devices=[])
    path = tmp_path / "fleet.drm_devices.yml"
    path.write_text("plugin: asyncjobs.fleet.drm_devices\nurl: https://rm.example\nusername: u\npassword: p\n")
    inventory_loader.get("asyncjobs.fleet.drm_devices").parse(InventoryData(), DataLoader(), str(path), cache=False)
    params = fake_clients.made[0][1]
    assert (params["requests_per_second"], params["max_concurrent_requests"], params["request_budget_file"]) == (
        2.5, 3, "/run/drm.budget")
