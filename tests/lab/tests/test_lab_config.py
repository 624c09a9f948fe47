"""`/_lab/config` is checked the same way on every appliance (labcore's table, see README).

Before it lived in labcore, each appliance had its own copy and they had drifted: Remote Manager
ignored unknown keys, four appliances took negative durations, all five coerced strings and
booleans, most applied part of a body they then refused, and some bodies dropped the connection.
"""
import json

import pytest
import requests

APPLIANCES = ("drm", "powerstore", "aiqum", "rpc", "generic")
# One duration key of each appliance.
KIND = {"drm": "send_message", "powerstore": "create", "aiqum": "file_share_create",
        "rpc": "storage.Disks.run_smart_test", "generic": "azure"}


def post(lab, appliance, body, path="/_lab/config"):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(lab.url(appliance) + path, data=data, timeout=10)


def refused(lab, appliance, body, *words):
    """POST body: it must be a 400 whose error names every word, and change nothing."""
    before = lab.config(appliance)
    resp = post(lab, appliance, body)
    assert resp.status_code == 400, (appliance, body, resp.status_code, resp.text)
    error = resp.json()["error"]
    assert all(word in error for word in words), (appliance, body, error)
    assert lab.config(appliance) == before, (appliance, body)
    return error


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_unknown_key_is_refused(lab, appliance):
    # Remote Manager used to answer 200 and ignore it (a typo such as time_scal went unnoticed).
    refused(lab, appliance, {"colour": "blue"}, "unknown config keys", "colour", "durations", "time_scale")


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_a_refused_body_changes_nothing(lab, appliance):
    # Each copy applied keys one by one: what came before the bad key stayed changed.
    refused(lab, appliance, {"durations": {KIND[appliance]: 123, "bogus": 1}}, "unknown", "bogus")
    refused(lab, appliance, {"time_scale": 9, "colour": 1}, "colour")
    refused(lab, appliance, {"time_scale": 9, "durations": {KIND[appliance]: -1}}, "0 or more")


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_negative_seconds_are_refused(lab, appliance):
    # Only PowerStore refused a negative duration; no appliance refused a negative time_scale.
    refused(lab, appliance, {"durations": {KIND[appliance]: -1}}, "durations", KIND[appliance], "0 or more")
    refused(lab, appliance, {"time_scale": -0.5}, "time_scale", "0 or more")


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_only_json_numbers_are_seconds(lab, appliance):
    # float() used to turn "7" into 7.0 and true into 1.0.
    for value in ("7", True, None):
        refused(lab, appliance, {"durations": {KIND[appliance]: value}}, "must be a number")
        refused(lab, appliance, {"time_scale": value}, "time_scale", "must be a number")


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_malformed_bodies_get_a_400(lab, appliance):
    # These used to drop the connection without an answer (durations null only on the RPC service;
    # the others ignored it).
    refused(lab, appliance, [1], "JSON object")
    refused(lab, appliance, {"durations": None}, "durations must be an object")
    refused(lab, appliance, {"durations": [1]}, "durations must be an object")
    for faults in ([1], {"rules": [1]}, {"rules": "500"}):
        resp = post(lab, appliance, faults, path="/_lab/faults")
        assert resp.status_code == 400 and "faults must be an object" in resp.json()["error"], (faults, resp.text)


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_what_get_returns_is_accepted_back_and_a_post_changes_only_its_keys(lab, appliance):
    before = lab.config(appliance)
    try:
        assert lab.config(appliance, **before) == before
        after = lab.config(appliance, durations={KIND[appliance]: 7})
        assert after == dict(before, durations=dict(before["durations"], **{KIND[appliance]: 7.0}))
    finally:
        lab.config(appliance, **before)


@pytest.mark.parametrize("appliance, key, value", [
    ("generic", "retry_after", 1.5), ("generic", "retry_after", "2"), ("generic", "retry_after", -1),
    ("rpc", "block_after", 1.7), ("rpc", "pause_at", 50.9), ("rpc", "busy_fail_at", 100), ("rpc", "pause_at", True),
])
def test_whole_number_settings_are_not_rounded_or_coerced(lab, appliance, key, value):
    # int() used to store 1.5 as 1 and "2" as 2, silently.
    refused(lab, appliance, {key: value}, key, "must be a")


def test_whole_number_settings_take_integral_floats_and_slots_take_lists(lab):
    before = lab.config("rpc")
    try:
        assert lab.config("rpc", block_after=2.0, pause_at=40)["block_after"] == 2
        assert isinstance(lab.config("rpc")["block_after"], int)
        # A string used to be read as its characters: "37" gave slots [3, 7].
        refused(lab, "rpc", {"pause_slots": "37"}, "pause_slots", "list of whole numbers")
        assert lab.config("rpc", pause_slots=[7, 2, 7])["pause_slots"] == [2, 7]
    finally:
        lab.config("rpc", **before)


def test_choices_and_positive_seconds(lab):
    refused(lab, "aiqum", {"job_vocabulary": "legacy"}, "job_vocabulary", "observed", "documented")
    refused(lab, "powerstore", {"idle_timeout": 0}, "idle_timeout", "more than 0")
    refused(lab, "powerstore", {"idle_timeout": "5"}, "idle_timeout", "must be a number")
