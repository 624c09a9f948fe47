"""The lab's per-account throttle (Digi's Web Services throttle, tests/lab/README.md "Throttle").

The windows are checked with an injected clock; over HTTP the "minute" is stretched to an hour,
so every request of a test surely falls in one window whatever the machine's load, and requests
are held in flight with a gate fault until the test has seen them there.
"""
import threading

import pytest
import requests

import labcore
import labctl
from lab_helpers import KEY_ID, KEY_SECRET, PASSWORD, USER, poll_until

OFF = {"throttle_per_minute": 0, "throttle_minute": 60.0, "throttle_concurrent": 0, "throttle_retry_after": None}
HOUR = 3600.0


@pytest.fixture
def throttled_lab(lab):
    """The shared lab with the throttle off again afterwards (a reset keeps /_lab/config)."""
    try:
        yield lab
    finally:
        lab.config(**OFF)
        lab.config("aiqum", **OFF)
        lab.faults([])


def get(url, auth=(USER, PASSWORD), headers=None, path="/ws/DeviceCore"):
    return requests.get(url + path, params={"size": "1"}, auth=auth, headers=headers, timeout=60)


KEY = {"X-API-KEY-ID": KEY_ID, "X-API-KEY-SECRET": KEY_SECRET}


# ------------------------------------------------------------------ the windows (injected clock)

class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def config(per_minute=0, minute=60.0, concurrent=0):
    return {"throttle_per_minute": per_minute, "throttle_minute": minute, "throttle_concurrent": concurrent}


def admit_all(throttle, account, cfg, count):
    """Admit and answer ``count`` requests in a row; the outcomes (None or the reason)."""
    out = []
    for _n in range(count):
        refused = throttle.admit(account, cfg)
        if refused is None:
            throttle.release(account)
        out.append(None if refused is None else refused[0])
    return out


def test_sub_window_holds_a_sixth_of_the_minute():
    clock = Clock()
    throttle = labcore.Throttle(clock)
    cfg = config(per_minute=180)  # Digi's example: at most 30 in any 10 s
    assert admit_all(throttle, "a", cfg, 31) == [None] * 30 + ["rate"]
    refused = throttle.admit("a", cfg)
    assert refused[0] == "rate" and refused[1] == pytest.approx(10.0)  # the first of the 30 leaves in 10 s
    clock.now += 9.99
    assert throttle.admit("a", cfg)[0] == "rate"
    clock.now += 0.02  # the sub-window slid past the burst
    assert admit_all(throttle, "a", cfg, 31) == [None] * 30 + ["rate"]


def test_minute_window_caps_what_the_sub_windows_let_through():
    clock = Clock()
    throttle = labcore.Throttle(clock)
    cfg = config(per_minute=3)  # the sub-window keeps 1 (never less), so only the minute holds it to 3
    outcomes = []
    for _n in range(4):
        outcomes += admit_all(throttle, "a", cfg, 1)
        clock.now += 10.0
    assert outcomes == [None, None, None, "rate"]
    assert throttle.admit("a", cfg) == ("rate", pytest.approx(20.0))  # at +40 s; the first leaves at +60 s
    clock.now += 20.0
    assert admit_all(throttle, "a", cfg, 2) == [None, "rate"]


def test_small_limits_keep_one_request_per_sub_window():
    clock = Clock()
    throttle = labcore.Throttle(clock)
    assert admit_all(throttle, "a", config(per_minute=5), 2) == [None, "rate"]


def test_concurrency_is_counted_until_release():
    throttle = labcore.Throttle(Clock())
    cfg = config(concurrent=2)
    assert throttle.admit("a", cfg) is None and throttle.admit("a", cfg) is None
    assert throttle.admit("a", cfg) == ("concurrent", None)
    assert throttle.admit("b", cfg) is None  # per account
    throttle.release("a")
    assert throttle.admit("a", cfg) is None


def test_refused_requests_take_no_place_in_the_window():
    clock = Clock()
    throttle = labcore.Throttle(clock)
    cfg = config(per_minute=6)  # 1 per 10 s
    assert admit_all(throttle, "a", cfg, 5) == [None] + ["rate"] * 4
    clock.now += 10.0
    assert admit_all(throttle, "a", cfg, 1) == [None]


# ------------------------------------------------------------------------------ over HTTP

def test_429_once_the_window_is_used_up(throttled_lab, url):
    lab = throttled_lab
    lab.config(throttle_per_minute=12, throttle_minute=HOUR)  # 2 per "10 s" (here 10 minutes)
    lab.reset(stats_only=True)
    statuses = [get(url).status_code for _n in range(3)]
    assert statuses == [200, 200, 429]
    refused = get(url)
    assert refused.status_code == 429 and "Retry-After" not in refused.headers  # off by default (UNCERTAIN)
    assert "Too many requests for user admin" in refused.text
    stats = lab.stats()
    assert stats["throttled"] == {"user admin": 2} and stats["throttle_reasons"] == {"rate": 2}
    # Every request is counted as received, refused or not.
    assert stats["requests"] == {"GET /ws/DeviceCore": 4}


def test_the_throttle_is_per_account(throttled_lab, url):
    lab = throttled_lab
    lab.config(throttle_per_minute=6, throttle_minute=HOUR)  # 1 per sub-window
    assert [get(url).status_code for _n in range(2)] == [200, 429]
    # The API key is another account, so is another user name (which the lab then refuses: 401).
    assert [get(url, auth=None, headers=KEY).status_code for _n in range(2)] == [200, 429]
    assert get(url, auth=("someone", "wrong")).status_code == 401
    assert lab.stats()["throttled"] == {"user admin": 1, "key " + KEY_ID: 1}
    # A reset empties the windows.
    lab.reset()
    assert get(url).status_code == 200


def test_retry_after_is_a_setting(throttled_lab, url):
    lab = throttled_lab
    lab.config(throttle_per_minute=6, throttle_minute=HOUR, throttle_retry_after=7)
    assert [get(url).status_code for _n in range(2)] == [200, 429]
    assert get(url).headers["Retry-After"] == "7"
    lab.config(throttle_retry_after="window")  # the seconds until the sub-window frees: about 600
    assert 1 <= int(get(url).headers["Retry-After"]) <= HOUR / 6


def test_concurrency_cap(throttled_lab, url):
    lab = throttled_lab
    lab.config(throttle_concurrent=2)
    # Each DeviceCore request is held until 3 have arrived at the gate: two of admin's, then one
    # of the API key's (another account) lets them all go.
    lab.faults([{"route": "^/ws/DeviceCore", "kinds": ["gate"], "gate_count": 3, "slow_seconds": 60}])
    lab.reset(stats_only=True)
    held = []
    threads = [threading.Thread(target=lambda: held.append(get(url).status_code)) for _n in range(2)]
    for thread in threads:
        thread.start()
    # Both are admitted (a fault is drawn only for an admitted request) and held in flight.
    poll_until(lab.stats, lambda s: s["faults"]["injected"].get("gate") == 2, 30, what="two requests held")
    assert get(url).status_code == 429  # admin's third, refused at once without reaching the gate
    assert lab.stats()["throttle_reasons"] == {"concurrent": 1}
    assert get(url, auth=None, headers=KEY).status_code == 200  # the third arrival opens the gate
    for thread in threads:
        thread.join(60)
    assert held == [200, 200]
    lab.faults([])
    assert get(url).status_code == 200  # released once answered
    assert lab.stats()["throttled"] == {"user admin": 1}


def test_every_appliance_has_the_throttle(throttled_lab):
    lab = throttled_lab
    lab.config("aiqum", throttle_per_minute=6, throttle_minute=HOUR)
    url = lab.url("aiqum")
    statuses = [get(url, path="/api/datacenter/storage/aggregates").status_code for _n in range(2)]
    assert statuses == [200, 429]
    assert lab.stats("aiqum")["throttled"] == {"user admin": 1}


@pytest.mark.parametrize("body, words", [
    ({"throttle_per_minute": -1}, "throttle_per_minute must be a whole number of 0 or more"),
    ({"throttle_per_minute": 1.5}, "throttle_per_minute must be a whole number"),
    ({"throttle_concurrent": "2"}, "throttle_concurrent must be a number"),
    ({"throttle_minute": 0}, "throttle_minute must be more than 0"),
    ({"throttle_retry_after": "soon"}, r'throttle_retry_after must be null, \S+window\S+ or a whole number'),
    ({"throttle_retry_after": -1}, r'throttle_retry_after must be null, \S+window\S+ or a whole number'),
])
def test_bad_throttle_settings_change_nothing(throttled_lab, body, words):
    lab = throttled_lab
    before = lab.config()
    with pytest.raises(labctl.LabError, match=words):
        lab.config(**body)
    assert lab.config() == before
