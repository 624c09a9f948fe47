# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _async_request: field extraction, state decisions, monitor choice, Retry-After,
request building, and the polling loop over a scripted fake transport with a fake clock."""

from __future__ import annotations

import email.utils

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http import _monitor
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http import _async_request as ar
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    InputError,
    TransportError,
    WaitTimeout,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _wait
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import Schedule

import fakes

RULES = _monitor.Rules()
REQ = "https://api.example.com/v1/projects/p/things:import?x=1"


# ---------------------------------------------------------------- fields

@pytest.mark.parametrize("obj, path, expected", [
    ({"a": {"b": 1}}, "a.b", (True, 1)),
    ({"a": [{"b": 1}, {"b": 2}]}, "a.1.b", (True, 2)),
    ({"a": [1]}, "a.5", (False, None)),
    ({"a": {"b": None}}, "a.b", (True, None)),
    ({"a": 1}, "a.b", (False, None)),
    ({"a": 1}, "", (False, None)),
    (None, "a", (False, None)),
])
def test_get_path(obj, path, expected):
    assert _monitor.get_path(obj, path) == expected


@pytest.mark.parametrize("value, expected", [
    (40, 40.0), (40.5, 40.5), ("40", 40.0), (" 40 % ", 40.0), ("pending", None), (True, None), (None, None),
])
def test_percent(value, expected):
    assert _monitor.percent(value) == expected


def test_status_auto_order_and_skips_structures():
    assert RULES.status({"state": "x", "status": "Running"}) == ("status", "Running")
    assert RULES.status({"status": {"phase": "x"}, "state": "RUNNING"}) == ("state", "RUNNING")
    assert RULES.status({"done": False, "name": "operations/1"}) == ("done", False)
    assert RULES.status({"completed": True}) == ("completed", True)
    assert RULES.status({"id": 1}) == (None, None)
    assert _monitor.Rules(status_field="job.phase").status({"status": "Succeeded", "job": {"phase": "X"}}) == ("job.phase", "X")


@pytest.mark.parametrize("raw, state", [
    ("Succeeded", lc.SUCCEEDED), ("SUCCEEDED", lc.SUCCEEDED), ("completed", lc.SUCCEEDED), ("done", lc.SUCCEEDED),
    ("Failed", lc.FAILED), ("error", lc.FAILED), ("Canceled", lc.CANCELED), ("cancelled", lc.CANCELED),
    ("NotStarted", lc.PENDING), ("queued", lc.PENDING), ("Running", lc.RUNNING), ("InProgress", lc.RUNNING),
    ("Creating", lc.RUNNING), ("Canceling", lc.RUNNING), ("Frobnicating", lc.UNKNOWN), (3, lc.UNKNOWN),
])
def test_classify_default_vocabulary(raw, state):
    assert RULES.classify(raw, {}) == state


def test_classify_boolean_done():
    assert RULES.classify(False, {}) == lc.RUNNING
    assert RULES.classify(True, {"response": {}}) == lc.SUCCEEDED
    assert RULES.classify(True, {"error": {"code": 9, "message": "x"}}) == lc.FAILED
    assert RULES.classify(True, {"error": None}) == lc.SUCCEEDED
    # NetSuite: completed=true with a textual progress.
    assert RULES.classify(True, {"progress": "failed"}) == lc.FAILED
    assert RULES.classify(True, {"progress": "cancelled"}) == lc.CANCELED
    assert RULES.classify(True, {"progress": "succeeded"}) == lc.SUCCEEDED


def test_custom_values_replace_the_defaults():
    rules = _monitor.Rules(success_values=["FINISHED"], failure_values=["ABORTED"], cancel_values=[])
    assert rules.classify("finished", {}) == lc.SUCCEEDED
    assert rules.classify("Succeeded", {}) == lc.UNKNOWN
    assert rules.classify("aborted", {}) == lc.FAILED
    assert rules.classify("Canceled", {}) == lc.UNKNOWN


def test_overlapping_values_are_refused():
    with pytest.raises(InputError, match="overlap: done"):
        _monitor.Rules(success_values=["Done"], failure_values=["DONE"])


# ---------------------------------------------------------------- decide

def test_decide_azure_status_monitor():
    running = _monitor.decide(200, {"id": "1", "status": "Running", "percentComplete": 40}, "status", RULES)
    assert (running.state, running.raw_state, running.progress, running.terminal) == (lc.RUNNING, "Running", 40.0, False)
    ok = _monitor.decide(200, {"status": "Succeeded", "result": {"n": 1}}, "status", RULES)
    assert (ok.state, ok.result, ok.has_result, ok.error) == (lc.SUCCEEDED, {"n": 1}, True, None)
    bad = _monitor.decide(200, {"status": "Failed", "error": {"code": "E", "message": "m"}}, "status", RULES)
    assert (bad.state, bad.error, bad.terminal) == (lc.FAILED, {"code": "E", "message": "m"}, True)
    canceled = _monitor.decide(200, {"status": "Canceled"}, "status", RULES)
    assert canceled.state == lc.CANCELED and canceled.error is None


def test_decide_arm_status_without_result_asks_for_final_get():
    ok = _monitor.decide(200, {"status": "Succeeded", "percentComplete": 100}, "status", RULES)
    assert ok.state == lc.SUCCEEDED and not ok.has_result and ok.result is None


def test_decide_status_monitor_unknown_value_keeps_polling():
    unknown = _monitor.decide(200, {"status": "Frobnicating"}, "status", RULES)
    assert unknown.state == lc.UNKNOWN and not unknown.terminal and unknown.raw_state == "Frobnicating"
    missing = _monitor.decide(200, {"id": 1}, "status", RULES)
    assert missing.state == lc.UNKNOWN and not missing.terminal


def test_decide_location_202_is_running_whatever_the_body_says():
    assert _monitor.decide(202, None, "location", RULES).state == lc.RUNNING
    assert _monitor.decide(202, "", "location", RULES).raw_state == "HTTP 202"
    claims_done = _monitor.decide(202, {"status": "Succeeded"}, "location", RULES)
    assert claims_done.state == lc.RUNNING and claims_done.raw_state == "Succeeded"
    assert _monitor.decide(202, {"status": "NotStarted"}, "location", RULES).state == lc.PENDING


def test_decide_location_final_resource_with_its_own_status_field():
    resource = {"id": "j1", "status": "ready", "rows": 42}
    done = _monitor.decide(200, resource, "location", RULES)
    assert (done.state, done.raw_state, done.result, done.has_result) == (lc.SUCCEEDED, "HTTP 200", resource, True)
    plain = _monitor.decide(201, {"id": "j1"}, "location", RULES)
    assert plain.state == lc.SUCCEEDED and plain.result == {"id": "j1"}
    text = _monitor.decide(200, "done, 42 rows", "location", RULES)
    assert text.state == lc.SUCCEEDED and text.result == "done, 42 rows"


def test_decide_location_200_that_says_not_done_keeps_polling():
    netsuite = _monitor.decide(200, {"id": "1", "completed": False, "progress": "pending"}, "location", RULES)
    assert netsuite.state == lc.RUNNING and netsuite.raw_state is False and netsuite.progress is None
    azure_like = _monitor.decide(200, {"status": "InProgress"}, "location", RULES)
    assert azure_like.state == lc.RUNNING


def test_decide_location_netsuite_final_and_result_field():
    body = {"id": "1", "completed": True, "progress": "succeeded", "task": {"result": {"rows": 42}}}
    plain = _monitor.decide(200, body, "location", RULES)
    assert plain.state == lc.SUCCEEDED and plain.result == body
    chosen = _monitor.decide(200, body, "location", _monitor.Rules(result_field="task.result"))
    assert chosen.result == {"rows": 42}
    failed = _monitor.decide(200, {"completed": True, "progress": "failed", "error": {"code": "E"}}, "location", RULES)
    assert failed.state == lc.FAILED and failed.error == {"code": "E"} and failed.describe() == "failed (completed=true)"


def test_decide_error_statuses_and_204():
    failed = _monitor.decide(409, {"error": {"code": "Conflict", "message": "m"}}, "location", RULES)
    assert (failed.state, failed.raw_state, failed.error) == (lc.FAILED, "HTTP 409", {"code": "Conflict", "message": "m"})
    assert _monitor.decide(500, "boom", "location", RULES).error == "boom"
    assert _monitor.decide(422, None, "location", RULES).error == "HTTP 422"
    empty = _monitor.decide(204, None, "location", RULES)
    assert (empty.state, empty.result, empty.has_result) == (lc.SUCCEEDED, None, True)


def test_decide_aip_operation():
    running = _monitor.decide(200, {"name": "operations/1", "done": False, "metadata": {"progressPercent": 30}}, "status", RULES)
    assert running.state == lc.RUNNING and running.progress == 30.0
    ok = _monitor.decide(200, {"name": "operations/1", "done": True, "response": {"imported": 42}}, "status", RULES)
    assert ok.state == lc.SUCCEEDED and ok.result == {"imported": 42} and ok.describe() == "succeeded (done=true)"
    bad = _monitor.decide(200, {"name": "operations/1", "done": True, "error": {"code": 9, "message": "no"}}, "status", RULES)
    assert bad.state == lc.FAILED and bad.error == {"code": 9, "message": "no"}


def test_decide_custom_fields():
    rules = _monitor.Rules(status_field="job.phase", success_values=["FINISHED"], result_field="job.output",
                           error_field="job.problem", progress_field="job.pct")
    running = _monitor.decide(200, {"job": {"phase": "COPYING", "pct": "12%"}}, "status", rules)
    assert running.state == lc.UNKNOWN and running.progress == 12.0 and not running.terminal
    done = _monitor.decide(200, {"job": {"phase": "FINISHED", "output": [1, 2]}}, "status", rules)
    assert done.state == lc.SUCCEEDED and done.result == [1, 2]
    rules = _monitor.Rules(status_field="job.phase", failure_values=["BROKEN"], error_field="job.problem")
    bad = _monitor.decide(200, {"job": {"phase": "BROKEN", "problem": "disk full"}}, "status", rules)
    assert bad.state == lc.FAILED and bad.error == "disk full"


# ---------------------------------------------------------------- monitors

def test_monitor_header_precedence():
    headers = {"Location": "/loc", "Azure-AsyncOperation": "https://api.example.com/aao",
               "Operation-Location": "https://api.example.com/ol"}
    assert _monitor.choose_monitor(202, headers, None, REQ) == ("https://api.example.com/ol", "Operation-Location", "status")
    del headers["Operation-Location"]
    assert _monitor.choose_monitor(202, headers, None, REQ) == ("https://api.example.com/aao", "Azure-AsyncOperation", "status")
    del headers["Azure-AsyncOperation"]
    assert _monitor.choose_monitor(202, headers, None, REQ) == ("https://api.example.com/loc", "Location", "location")


def test_location_is_a_monitor_only_on_202():
    assert _monitor.choose_monitor(201, {"Location": "/widgets/1"}, {"id": 1}, REQ) == (None, None, None)
    assert _monitor.choose_monitor(200, {"Location": "/widgets/1"}, None, REQ) == (None, None, None)
    # Operation-Location also comes with a 201 (Azure PUT with extra processing).
    assert _monitor.choose_monitor(201, {"operation-location": "/ops/1"}, None, REQ)[1] == "Operation-Location"


@pytest.mark.parametrize("request_url, value, expected", [
    ("https://h/prefer/reports", "jobs/7", "https://h/prefer/jobs/7"),
    ("https://h/prefer/reports/", "jobs/7", "https://h/prefer/reports/jobs/7"),
    ("https://h/a/b?x=1", "/location/jobs/7", "https://h/location/jobs/7"),
    ("https://h/a", "https://other/ops/1?api-version=1", "https://other/ops/1?api-version=1"),
    ("https://h:8443/a", "//h2/ops", "https://h2/ops"),
])
def test_relative_monitor_urls_resolve_against_the_request(request_url, value, expected):
    assert _monitor.choose_monitor(202, {"Location": value}, None, request_url)[0] == expected


def test_explicit_monitor_header():
    headers = {"X-Job-Url": "/jobs/1", "Operation-Location": "/ops/1", "Location": "/loc/1"}
    assert _monitor.choose_monitor(200, headers, None, REQ, "x-job-url") == ("https://api.example.com/jobs/1", "x-job-url", "status")
    assert _monitor.choose_monitor(202, headers, None, REQ, "Location") == ("https://api.example.com/loc/1", "Location", "location")
    assert _monitor.choose_monitor(202, {"Location": "/l"}, None, REQ, "Operation-Location") == (None, None, None)


def test_aip_operation_name_resolves_against_the_version_root():
    body = {"name": "operations/abc", "done": False}
    assert _monitor.choose_monitor(200, {}, body, REQ) == ("https://api.example.com/v1/operations/abc", "name", "status")
    assert _monitor.choose_monitor(200, {}, body, "https://h/api/v2beta1/x:run")[0] == "https://h/api/v2beta1/operations/abc"
    assert _monitor.choose_monitor(200, {}, body, "https://h/things:import")[0] == "https://h/operations/abc"
    assert _monitor.choose_monitor(200, {}, body, REQ, operation_base_url="https://ops.example.com/v9/")[0] == \
        "https://ops.example.com/v9/operations/abc"
    # Not an Operation: no boolean done, or a non-auto monitor_header.
    assert _monitor.choose_monitor(200, {}, {"name": "x", "done": "no"}, REQ) == (None, None, None)
    assert _monitor.choose_monitor(200, {}, body, REQ, "Location") == (None, None, None)


def test_version_root():
    assert _monitor.version_root("https://h/v1/a/b") == "https://h/v1"
    assert _monitor.version_root("https://h/svc/v1alpha2/a") == "https://h/svc/v1alpha2"
    assert _monitor.version_root("https://h/api/items") == "https://h/"


def test_same_origin():
    assert ar.same_origin("https://h/a", "HTTPS://h/b?x")
    assert not ar.same_origin("https://h/a", "http://h/a")
    assert not ar.same_origin("https://h/a", "https://h:8443/a")
    assert not ar.same_origin("https://h/a", "https://evil/a")


# ---------------------------------------------------------------- Retry-After

def test_next_delay_uses_retry_after_exactly():
    schedule = Schedule(0.5, 10)
    assert _wait.next_delay("7", schedule) == (7.0, True)
    assert _wait.next_delay(None, schedule) == (0.5, False)
    assert _wait.next_delay("", schedule) == (0.75, False)
    assert _wait.next_delay("soon", schedule) == (1.125, False)
    # longer than max_poll_interval: still honoured
    assert _wait.next_delay("30", Schedule(1, 5)) == (30.0, True)


def test_next_delay_http_date_and_zero():
    now = 1_700_000_000.0
    assert _wait.next_delay(email.utils.formatdate(now + 12, usegmt=True), Schedule(1, 5), now=now) == (12.0, True)
    assert _wait.next_delay("0", Schedule(1, 5)) == (_wait.MIN_DELAY, True)


# ---------------------------------------------------------------- request building

def test_build_body_formats():
    assert ar.build_body({"a": 1}, "json", {}) == (b'{"a": 1}', {"Content-Type": "application/json"})
    assert ar.build_body('{"a":1}', "json", {"content-type": "application/x+json"}) == \
        (b'{"a":1}', {"content-type": "application/x+json"})
    assert ar.build_body({"a": "x y", "b": [1, 2]}, "form-urlencoded", {}) == \
        (b"a=x+y&b=1&b=2", {"Content-Type": "application/x-www-form-urlencoded"})
    assert ar.build_body([["a", 1], ["a", 2]], "form-urlencoded", {})[0] == b"a=1&a=2"
    assert ar.build_body("raw text", "raw", {}) == (b"raw text", {})
    assert ar.build_body(None, "json", {"X": "1"}) == (None, {"X": "1"})
    with pytest.raises(InputError, match="body must be a string when body_format is raw"):
        ar.build_body({"a": 1}, "raw", {})
    with pytest.raises(InputError, match="form-urlencoded"):
        ar.build_body([1, 2], "form-urlencoded", {})


def test_prefer_header():
    assert ar.prefer_header(None, True, None) == "respond-async"
    assert ar.prefer_header(None, True, 10) == "respond-async, wait=10"
    assert ar.prefer_header("return=minimal", True, None) == "return=minimal, respond-async"
    assert ar.prefer_header("respond-async, wait=3", True, 10) == "respond-async, wait=3"
    assert ar.prefer_header(None, False, None) is None


def test_sensitive_values():
    values = ar.sensitive_values({"Authorization": "Bearer abc", "X-Api-Key": "k123", "Accept": "application/json",
                                  "X-Session-Token": "s3cret"}, "pw1", "Basic Zm9v")
    assert sorted(values) == sorted(["pw1", "Basic Zm9v", "Zm9v", "Bearer abc", "k123", "s3cret"])


@pytest.mark.parametrize("url, password", [
    ("https://bob:pa%40ss%3Aw0rd@api.example/x", "pa@ss:w0rd"),
    ("https://bob:plain-pass@api.example:8443/x?y=1", "plain-pass"),
])
def test_url_userinfo_password_and_its_basic_token_are_secrets(url, password):
    """requests turns user-info into a Basic header; a server echoing it must not leak the password."""
    import base64
    import requests
    token = base64.b64encode(("bob:" + password).encode()).decode()
    values = ar.sensitive_values({}, None, None, url)
    assert {password, token, "Basic " + token, url.split(":")[2].split("@")[0]} <= set(values)
    # The token is exactly what requests sends for that URL.
    prepared = requests.Request("GET", url).prepare()
    assert prepared.headers["Authorization"] == "Basic " + token
    assert set(values) <= set(ar.AsyncRequest().extra_no_log_values({"headers": {}, "url": url}))


def test_url_without_password_adds_no_secret():
    assert ar.sensitive_values({}, None, None, "https://bob@api.example/x") == []
    assert ar.sensitive_values({}, None, None, "https://api.example/x") == []


def test_headers_for_another_origin_are_an_allow_list():
    headers = {"Accept": "application/json", "Accept-Language": "en", "User-Agent": "me", "Cache-Control": "no-cache",
               "X-Credential": "c", "X-Pass": "p", "Authorization": "Basic x", "Cookie": "a=b", "X-Trace": "t"}
    assert ar.foreign_safe_headers(headers) == {"Accept": "application/json", "Accept-Language": "en",
                                                "User-Agent": "me", "Cache-Control": "no-cache"}


def test_error_text():
    assert _monitor.error_text({"code": "E1", "message": "bad"}) == "E1: bad"
    assert _monitor.error_text({"error": {"code": 9, "message": "no"}}) == "9: no"
    assert _monitor.error_text({"message": "only"}) == "only"
    assert _monitor.error_text({"detail": "x"}) == '{"detail": "x"}'
    assert _monitor.error_text("a\n  b") == "a b"
    assert _monitor.error_text("x" * 400).endswith("...")


# ---------------------------------------------------------------- follow (fake transport and clock)

def scripted(clock, script, cost=0.0):
    """The shared fake transport, answering (status, body, headers) replies that each take ``cost``
    seconds of ``clock``; calls keep (method, url, headers)."""
    return fakes.FakeTransport(script, clock=clock, cost=cost,
                               record=lambda c: (c.method, c.path, dict(c.headers or {})))


def monitor(kind="status", url="https://h/ops/1"):
    return _monitor.Monitor(url, "Operation-Location" if kind == "status" else "Location", kind, {"Authorization": "Basic x"})


def run_follow(script, kind="status", timeout=60, poll=1.0, max_poll=15.0, first=None, cost=0.0, progress=None):
    clock = fakes.FakeClock(digits=3)
    transport = scripted(clock, script, cost)
    out = _monitor.follow(transport, monitor(kind), RULES, timeout, poll, max_poll, first_retry_after=first,
                          progress=progress, clock=clock, sleep=clock.sleep)
    return out, clock, transport


def test_follow_honours_retry_after_exactly():
    script = [(200, {"status": "Running"}, {"Retry-After": "3"}),
              (200, {"status": "Running", "percentComplete": 50}, {"Retry-After": "5"}),
              (200, {"status": "Succeeded", "result": {"id": 1}}, {})]
    seen = []
    out, clock, transport = run_follow(script, first="2", progress=lambda e, jobs: seen.append((e, jobs[0]["state"])))
    assert clock.sleeps == [2.0, 3.0, 5.0]
    assert out["polls"] == 3 and out["decision"].state == lc.SUCCEEDED and out["decision"].result == {"id": 1}
    assert out["final_status"] == 200 and out["elapsed"] == 10.0
    assert seen == [(2.0, "running"), (5.0, "running"), (10.0, "succeeded")]
    assert [c[:2] for c in transport.calls] == [("GET", "https://h/ops/1")] * 3
    assert transport.calls[0][2] == {"Authorization": "Basic x"}
    # Transport retries are bounded by the wait's deadline, which is cleared afterwards.
    assert transport.deadlines == [160.0] * 3 and transport.deadline is None


def test_follow_backs_off_without_retry_after_and_progress_alone_does_not_reset():
    script = [(200, {"name": "o", "done": False, "metadata": {"progressPercent": 10}}, {}),
              (200, {"name": "o", "done": False, "metadata": {"progressPercent": 10}}, {}),
              (200, {"name": "o", "done": False, "metadata": {"progressPercent": 10}}, {}),
              (200, {"name": "o", "done": False, "metadata": {"progressPercent": 20}}, {}),
              (200, {"name": "o", "done": True, "response": {"ok": 1}}, {})]
    out, clock, _transport = run_follow(script, poll=1.0, max_poll=2.0)
    # first wait, then growth 1 -> 1.5 -> 2 (cap); a rising percentage is no change of state.
    assert clock.sleeps == [1.0, 1.5, 2.0, 2.0, 2.0]
    assert out["decision"].result == {"ok": 1}


def test_follow_timeout_names_monitor_and_last_status():
    script = [(200, {"status": "Running", "percentComplete": 20}, {})] * 10
    with pytest.raises(WaitTimeout) as info:
        run_follow(script, timeout=2.5, poll=1.0, max_poll=1.0)
    exc = info.value
    assert exc.msg == ("Timed out after 2.5s waiting for the operation at https://h/ops/1; last status: Running, HTTP 200")
    assert exc.result["monitor_url"] == "https://h/ops/1" and exc.result["state"] == lc.RUNNING
    assert exc.result["raw_state"] == "Running" and exc.result["polls"] == 3 and exc.result["progress"] == 20.0


def test_follow_never_polls_before_retry_after_even_at_the_deadline():
    script = [(200, {"status": "Running"}, {"Retry-After": "10"})]
    with pytest.raises(WaitTimeout) as info:
        run_follow(script, timeout=5, first="1")
    assert "Retry-After of 10.0s put the next poll after the deadline" in info.value.msg
    assert info.value.result["polls"] == 1


def test_follow_tolerates_transient_failures_then_gives_up():
    ok = (200, {"status": "Succeeded"}, {})
    out, _clock, _transport = run_follow([TransportError("reset"), (503, {"error": "busy"}, {}), ok])
    assert out["polls"] == 3 and out["decision"].state == lc.SUCCEEDED
    with pytest.raises(FleetError, match=r"Could not read the operation monitor https://h/ops/1 \(4 failed polls in a row\): HTTP 500"):
        run_follow([TransportError("reset")] + [(500, "oops", {})] * 3)


def test_follow_fatal_monitor_statuses():
    with pytest.raises(FleetError, match="The operation monitor https://h/ops/1 answered HTTP 404: NotFound: gone"):
        run_follow([(404, {"error": {"code": "NotFound", "message": "gone"}}, {})])


def test_follow_location_monitor_error_status_is_the_operation_failure():
    out, _clock, _transport = run_follow([(202, None, {"Retry-After": "1"}), (500, {"error": {"code": "E"}}, {})],
                                         kind="location")
    assert out["decision"].state == lc.FAILED and out["decision"].error == {"code": "E"}


def test_follow_status_monitor_unknown_state_times_out():
    with pytest.raises(WaitTimeout, match="last status: Frobnicating"):
        run_follow([(200, {"status": "Frobnicating"}, {"Retry-After": "1"})] * 5, timeout=3)


# ---------------------------------------------------------------- run() without sending

def params(**over):
    out = {name: spec.get("default") for name, spec in ar.AsyncRequest.argument_spec.items()}
    out.update(url="https://api.example.com/things", method="POST", url_username="u", url_password="pw-secret")
    out.update(over)
    return out


def test_check_mode_does_not_send_a_changing_request():
    result = ar.ASYNC_REQUEST.run(params(), Context(check_mode=True))
    assert result["changed"] is True and result["requests"] == 0
    assert result["would_request"] == {"method": "POST", "url": "https://api.example.com/things"}


@pytest.mark.parametrize("over, message", [
    ({"method": "GE T"}, "method must be an HTTP method name"),
    ({"url": "ftp://h/x"}, "url must be an absolute http"),
    ({"url": "https://user:pw-secret@/x"}, "url must be an absolute"),
    ({"url": "https://h:port/x"}, "url must be an absolute"),
    ({"poll_interval": 0}, "poll_interval must be a positive"),
    ({"max_poll_interval": 0.5}, "max_poll_interval (0.5) must be at least poll_interval (1)"),
    ({"prefer_wait": -1}, "prefer_wait must be zero or more"),
    ({"operation_base_url": "/v1"}, "operation_base_url must be an absolute"),
    ({"body": {"a": 1}}, "body must be a string when body_format is raw"),
    ({"success_values": ["x"], "failure_values": ["X"]}, "overlap"),
])
def test_bad_input_fails_before_sending(over, message):
    with pytest.raises(InputError) as info:
        ar.ASYNC_REQUEST.run(params(**over), Context())
    assert message in info.value.msg and "pw-secret" not in info.value.msg


@pytest.mark.parametrize("monitor_url, expected", [
    ("https://other.example/op/1", {"Accept": "application/json", "Accept-Language": "de"}),
    ("https://api.example.com:8443/op/1", {"Accept": "application/json", "Accept-Language": "de"}),
    # The request's own origin, spelled differently: everything goes, credentials included.
    ("HTTPS://API.example.com:443/op/1", {"Accept": "application/json", "Accept-Language": "de", "X-Credential": "c",
                                          "X-Pass": "p", "X-Trace": "t", "Authorization": "Basic dTpwdy1zZWNyZXQ="}),
])
def test_monitor_polls_on_another_origin_carry_only_allow_listed_headers(monitor_url, expected):
    """Item 9, at the operation itself (the session enforces the same allow-list underneath)."""
    clock = fakes.FakeClock(digits=3)
    transport = scripted(clock, [(202, {"id": "1"}, {"Location": monitor_url}), (200, {"status": "Succeeded"}, {})])
    transport.stats = {"requests": 2}
    headers = {"Accept": "application/json", "Accept-Language": "de", "X-Credential": "c", "X-Pass": "p", "X-Trace": "t"}
    p = params(headers=headers, poll_interval=0.01, max_poll_interval=0.01)
    basic = "Basic dTpwdy1zZWNyZXQ="
    result = dict(changed=True, method="POST", url=p["url"], requests=0)
    ar.ASYNC_REQUEST._run(transport, p["url"], "POST", None, headers, basic, RULES, p, Context(), result, Redactor())
    assert transport.calls[0][2]["X-Credential"] == "c"
    assert transport.calls[1][0] == "GET" and transport.calls[1][1].lower() == monitor_url.lower()
    assert transport.calls[1][2] == expected
