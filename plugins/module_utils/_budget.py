# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The request budget: at most ``requests_per_second`` and ``max_concurrent_requests`` to one manager.

Every attempt of ``Transport.request`` (retries, logins and pages included) takes a turn:

1. a concurrency slot, held until its response is read (threads of one process wait on a
   condition; with a file, processes hold ``flock`` on one of the slot files
   ``<file>.slot0`` ... beside it, which the kernel releases if a process dies);
2. a send time from the rate: GCRA without burst, the state being the next free send time,
   so sends are at least ``1 / rate`` apart. The reservation is made under a lock (a
   ``flock`` of the budget file for processes sharing it) and the caller sleeps outside it.

Taking the slot before the send time bounds what the manager sees even when a process is
stalled between its turn and its send: in any window of W seconds at most
``floor(W x rate) + 1`` turns start, plus at most ``max_concurrent_requests`` that started
earlier and are still on their way.

A 429 feeds back into the shared state: with ``Retry-After`` every process sharing the budget
pauses until then; without it the rate is halved (at most once a second, down to 1/16),
then recovers linearly to the full rate within RECOVERY_SECONDS.

Times are ``time.monotonic()`` (CLOCK_MONOTONIC, one clock for every process on Linux). The
file also stores the offset of the wall clock to it: a file written before a reboot (another
monotonic epoch) is recognised by a different offset and starts afresh instead of waiting.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import random
import threading
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - Ansible controllers are POSIX systems
    fcntl = None

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

# The first line of a budget file: a file without it is not overwritten (a typo in the option
# must not clobber someone's data).
MAGIC = "asyncjobs.fleet request budget 1\n"
# A halved rate regains the full rate linearly within this many seconds (from 0).
RECOVERY_SECONDS = 30.0
# The lowest rate a run of 429s without Retry-After can bring the budget to, as a fraction.
MIN_FACTOR = 1.0 / 16
# Several requests in flight meet the same throttle at once: one halving per this many seconds.
DECREASE_GAP = 1.0
# A wall clock that moved against the monotonic one by more than this: another boot, so the
# stored times mean nothing.
EPOCH_SLACK = 5.0
# Pauses between looks for a free slot of a shared budget (flock has no timed wait).
SLOT_POLL_MIN, SLOT_POLL_MAX = 0.005, 0.05


class NoTurn(Exception):
    """No turn before the caller's deadline; nothing was sent."""

    def __init__(self, wait):
        super(NoTurn, self).__init__()
        self.wait = wait


class State(object):
    """What processes sharing a budget share: the next free send time, a pause until (a 429's
    Retry-After), and the slowdown of 429s without one (``factor`` at time ``since``)."""

    def __init__(self, next_at=0.0, pause=0.0, factor=1.0, since=0.0):
        self.next_at, self.pause, self.factor, self.since = next_at, pause, factor, since

    def rate_factor(self, now):
        """The fraction of the configured rate allowed now (1.0 unless 429s slowed it)."""
        if self.factor >= 1.0:
            return 1.0
        return min(1.0, self.factor + max(0.0, now - self.since) / RECOVERY_SECONDS)

    def dump(self, offset):
        return {"next": self.next_at, "pause": self.pause, "factor": self.factor, "since": self.since, "offset": offset}

    @classmethod
    def load(cls, data, offset):
        """The state of a parsed file, or a fresh one when it is unusable or from another boot."""
        try:
            values = [float(data[k]) for k in ("next", "pause", "factor", "since", "offset")]
        except (KeyError, TypeError, ValueError):
            return cls()
        if abs(values[4] - offset) > EPOCH_SLACK or not all(math.isfinite(v) and abs(v) < 1e12 for v in values):
            return cls()
        return cls(values[0], values[1], min(1.0, max(MIN_FACTOR, values[2])), values[3])


class _LocalStore(object):
    """The state of a per-process budget (one per manager origin), shared by its threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.state = State()
        self.freed = threading.Condition(threading.Lock())
        self.in_flight = 0

    @contextlib.contextmanager
    def locked(self):
        with self.lock:
            yield self.state

    def take_slot(self, limit, deadline, clock):
        with self.freed:
            while self.in_flight >= limit:
                left = None if deadline is None else deadline - clock()
                if left is not None and left <= 0:
                    raise NoTurn(None)
                self.freed.wait(left)
            self.in_flight += 1

        def release():
            with self.freed:
                self.in_flight -= 1
                self.freed.notify()
        return release


class _FileStore(object):
    """The state of a budget shared through a file, read and written under its ``flock``."""

    def __init__(self, path, clock, wall):
        self.path = path
        self.clock, self.wall = clock, wall

    def open(self, suffix=""):
        try:
            return os.open(self.path + suffix, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise InputError("request_budget_file %s cannot be used: %s" % (self.path + suffix, exc.strerror or exc))

    @contextlib.contextmanager
    def locked(self):
        fd = self.open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            raw = b""
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                raw += chunk
                if len(raw) > 65536:
                    break
            text = raw.decode("utf-8", "replace")
            if raw and not text.startswith(MAGIC):
                raise InputError("request_budget_file %s holds something else than a request budget, so it was left "
                                 "untouched: name a file that only this collection uses, such as "
                                 "/tmp/asyncjobs-fleet.budget" % self.path)
            offset = self.wall() - self.clock()
            try:
                data = json.loads(text[len(MAGIC):]) if raw else {}
            except ValueError:
                data = {}  # a write cut short by a crash: start afresh
            state = State.load(data, offset) if isinstance(data, dict) else State()
            before = state.dump(offset)
            yield state
            after = state.dump(offset)
            if after != before or not raw:
                payload = (MAGIC + json.dumps(after, sort_keys=True) + "\n").encode("utf-8")
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, payload)
                os.ftruncate(fd, len(payload))
        finally:
            os.close(fd)  # releases the flock

    def take_slot(self, limit, deadline, clock, sleep):
        """flock one of the slot files 0..limit-1 (non-blocking tries, then a short pause)."""
        fds = []
        held = None
        try:
            for i in range(limit):
                fds.append(self.open(".slot%d" % i))
            pause = SLOT_POLL_MIN
            order = list(range(limit))
            # Start at a random slot: processes then rarely race for the same free one.
            first = random.randrange(limit)
            order = order[first:] + order[:first]
            while held is None:
                for i in order:
                    try:
                        fcntl.flock(fds[i], fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue
                    held = fds.pop(i)
                    break
                if held is None:
                    left = None if deadline is None else deadline - clock()
                    if left is not None and left <= 0:
                        raise NoTurn(None)
                    sleep(pause if left is None else min(pause, left))
                    pause = min(SLOT_POLL_MAX, pause * 2)
        finally:
            for fd in fds:
                os.close(fd)

        def release():
            os.close(held)
        return release


_LOCAL = {}
_LOCAL_LOCK = threading.Lock()


def local_store(key):
    """The per-process state of one manager (by origin): every transport of the process to it shares it."""
    with _LOCAL_LOCK:
        if key not in _LOCAL:
            _LOCAL[key] = _LocalStore()
        return _LOCAL[key]


class Budget(object):
    """The turns of one transport: ``rate`` requests a second and ``concurrency`` at once (None:
    no cap), in this process (``key``: the manager's origin) or shared through ``path``."""

    def __init__(self, rate=None, concurrency=None, path=None, key=None, clock=time.monotonic,
                 sleep=time.sleep, wall=time.time):
        self.rate = None if rate is None else float(rate)
        self.concurrency = None if concurrency is None else int(concurrency)
        self.path = path
        self.clock, self.sleep, self.wall = clock, sleep, wall
        if path is not None:
            if fcntl is None:  # pragma: no cover
                raise InputError("request_budget_file needs a POSIX controller (fcntl.flock)")
            self.store = _FileStore(str(path), clock, wall)
            # An unusable file is one clear error before anything is sent.
            with self.store.locked():
                pass
            for i in range(self.concurrency or 0):
                os.close(self.store.open(".slot%d" % i))
        else:
            self.store = local_store(key)

    def __repr__(self):
        return "Budget(rate=%r, concurrency=%r, path=%r)" % (self.rate, self.concurrency, self.path)

    def turn(self, deadline=None):
        """Wait for a turn; returns it (a Turn: call it to end the turn, after the response is read).

        NoTurn when none comes before ``deadline`` (on ``clock``); nothing is held then.
        """
        begun = self.clock()
        release = _noop
        if self.concurrency is not None:
            if isinstance(self.store, _FileStore):
                release = self.store.take_slot(self.concurrency, deadline, self.clock, self.sleep)
            else:
                release = self.store.take_slot(self.concurrency, deadline, self.clock)
        try:
            start = reserved = self._reserve(deadline)
            while True:
                wait = start - self.clock()
                if wait <= 0:
                    return Turn(release, reserved, self.clock() - begun)
                self.sleep(wait)
                # A 429 seen by another process while this one slept pauses it too.
                start = self._paused_until(deadline)
        except BaseException:
            release()
            raise

    def _reserve(self, deadline):
        """The send time of this turn, reserved in the shared state (not reserved on NoTurn)."""
        with self.store.locked() as state:
            now = self.clock()
            start = max(now, state.pause)
            interval = None
            if self.rate is not None:
                start = max(start, state.next_at)
                interval = 1.0 / (self.rate * state.rate_factor(start))
            # A turn free now is taken whatever the deadline (the budget adds no refusal then).
            if deadline is not None and start > now and start >= deadline:
                raise NoTurn(start - now)
            if interval is not None:
                state.next_at = start + interval
            return start

    def _paused_until(self, deadline):
        with self.store.locked() as state:
            pause = state.pause
        now = self.clock()
        if deadline is not None and pause > now and pause >= deadline:
            raise NoTurn(pause - now)
        return pause

    def throttled(self, retry_after=None):
        """A 429: pause every sharer until ``retry_after`` seconds from now, or halve the rate."""
        with self.store.locked() as state:
            now = self.clock()
            if retry_after is not None:
                state.pause = max(state.pause, now + retry_after)
            elif self.rate is not None and (state.factor >= 1.0 or now - state.since >= DECREASE_GAP):
                state.factor = max(MIN_FACTOR, state.rate_factor(now) / 2.0)
                state.since = now

    def snapshot(self):
        """The shared state (tests, troubleshooting)."""
        with self.store.locked() as state:
            return State(state.next_at, state.pause, state.factor, state.since)


def _noop():
    pass


class Turn(object):
    """A turn of the budget: ``start`` the send time it reserved, ``waited`` the seconds it waited
    for it. Calling it ends the turn (frees its concurrency slot), once."""

    def __init__(self, release, start, waited):
        self._release = release
        self.start, self.waited = start, waited

    def __call__(self):
        release, self._release = self._release, _noop
        release()


def make_budget(origin, requests_per_second=None, max_concurrent_requests=None, request_budget_file=None, **kwargs):
    """The Budget of these settings, or None when none is set (no cap, nothing shared)."""
    if requests_per_second is None and max_concurrent_requests is None and request_budget_file is None:
        return None
    return Budget(requests_per_second, max_concurrent_requests, request_budget_file, key=origin, **kwargs)
