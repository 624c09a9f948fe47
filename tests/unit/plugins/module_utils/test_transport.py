# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _transport: pure helpers and the retry loop over a scripted fake session."""

from __future__ import annotations

import email.utils
import io
import random

import pytest
import requests
import requests.adapters
import requests.models

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _redact
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _session
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _urls
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    ApiError,
    FleetError,
    InputError,
    TransportError,
)

import fakes

NOW = 1_700_000_000.0


# ---------------------------------------------------------------- parse_retry_after

@pytest.mark.parametrize("value, expected", [
    ("0", 0.0),
    ("7", 7.0),
    (" 12 ", 12.0),
    (120, 120.0),
])
def test_parse_retry_after_delta_seconds(value, expected):
    assert _transport.parse_retry_after(value, now=NOW) == expected


def test_parse_retry_after_http_date_relative_to_now():
    value = email.utils.formatdate(NOW + 30, usegmt=True)
    assert _transport.parse_retry_after(value, now=NOW) == pytest.approx(30.0)


def test_parse_retry_after_http_date_in_the_past_is_zero():
    value = email.utils.formatdate(NOW - 3600, usegmt=True)
    assert _transport.parse_retry_after(value, now=NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "   ", "soon", "-5", "1.5", "Wed, 99 Foo 2015", "<html>"])
def test_parse_retry_after_garbage_is_none(value):
    assert _transport.parse_retry_after(value, now=NOW) is None


def test_parse_retry_after_non_ascii_digit_is_none():
    assert _transport.parse_retry_after("\u00b2", now=NOW) is None


# ---------------------------------------------------------------- backoff_delay

@pytest.mark.parametrize("attempt", range(0, 10))
@pytest.mark.parametrize("base, cap", [(0.5, 10.0), (1.0, 4.0), (0.1, 0.1), (2.0, 60.0)])
def test_backoff_delay_bounds(attempt, base, cap):
    step = min(cap, base * 2 ** attempt)
    low = _transport.backoff_delay(attempt, base, cap, rand=lambda: 0.0)
    high = _transport.backoff_delay(attempt, base, cap, rand=lambda: 0.999999)
    mid = _transport.backoff_delay(attempt, base, cap, rand=lambda: 0.5)
    assert low == pytest.approx(step / 2.0)
    assert step / 2.0 <= mid <= step
    assert high <= step
    assert high == pytest.approx(step, rel=1e-5)


def test_backoff_delay_is_capped():
    assert _transport.backoff_delay(50, 0.5, 10.0, rand=lambda: 1.0) == 10.0


def test_backoff_delay_grows():
    values = [_transport.backoff_delay(n, 0.5, 100.0, rand=lambda: 0.0) for n in range(5)]
    assert values == [0.25, 0.5, 1.0, 2.0, 4.0]


# ---------------------------------------------------------------- Redactor

def test_redactor_replaces_secrets():
    r = _redact.Redactor(["hunter2", "tok-xyz"])
    assert r("pw=hunter2 token=tok-xyz") == "pw=%s token=%s" % (_redact.REDACTED, _redact.REDACTED)


def test_redactor_longest_first():
    # "abcdef" contains "abc": the longer must be replaced whole, not leave "def" behind.
    r = _redact.Redactor(["abc", "abcdef"])
    out = r("x abcdef y abc")
    assert "def" not in out
    assert out == "x %s y %s" % (_redact.REDACTED, _redact.REDACTED)


def test_redactor_ignores_short_and_none_secrets():
    r = _redact.Redactor([None, "", "ab", "a"])
    assert r.secrets == []
    assert r("a ab abc") == "a ab abc"


def test_redactor_none_passthrough():
    assert _redact.Redactor(["secret"])(None) is None


@pytest.mark.parametrize("url", [
    "https://user:pw@host.example/ws",
    "http://admin:p4ss@10.0.0.1:8080/x",
    "https://token@host/",
])
def test_redactor_strips_url_userinfo(url):
    out = _redact.Redactor()(url)
    assert "@" in out
    assert out.split("://", 1)[1].startswith(_redact.REDACTED + "@")
    assert "pw" not in out.split("@")[0].replace(_redact.REDACTED, "")
    assert out.endswith(url.split("@", 1)[1])


def test_redactor_keeps_plain_text():
    r = _redact.Redactor(["secret"])
    assert r("mail me at a@b.c") == "mail me at a@b.c"


# ---------------------------------------------------------------- Transport construction

@pytest.mark.parametrize("url", [None, "", "host.example", "ftp://host", "https://", "http:// spaced", "/ws/sci"])
def test_transport_rejects_bad_url(url):
    with pytest.raises(InputError):
        _transport.Transport(url, "u", "p")


@pytest.mark.parametrize("timeout", [0, -1, None, "0"])
def test_transport_rejects_non_positive_timeout(timeout):
    with pytest.raises(InputError):
        _transport.Transport("https://drm.example", "u", "p", timeout=timeout)


def test_transport_basic_settings():
    t = _transport.Transport("https://drm.example/", "u", "pw1", validate_certs=False, retries=-3)
    assert t.base_url == "https://drm.example"
    assert t.url("/ws/sci") == "https://drm.example/ws/sci"
    assert t.url("ws/sci") == "https://drm.example/ws/sci"
    assert t.url("https://DRM.example:443/x?y=1") == "https://DRM.example:443/x?y=1"
    assert t.retries == 0
    assert t.session.verify is False
    assert t.session.auth == ("u", "pw1")
    assert t.deadline is None


# ---------------------------------------------------------------- retry loop with a fake session

def make(script, retries=3, password="s3cr3tpw", **kw):
    clock = fakes.FakeClock()
    t = _transport.Transport("https://drm.example", "admin", password, retries=retries,
                             sleep=clock.sleep, clock=clock, **kw)
    t.session = fakes.FakeSession(script)
    return t, clock


def test_get_retried_on_503_then_succeeds():
    t, clock = make([fakes.FakeHttpResponse(503), fakes.FakeHttpResponse(503), fakes.FakeHttpResponse(200, content=b"ok")])
    resp = t.request("GET", "/ws/sci")
    assert resp.status == 200 and resp.text == "ok"
    assert len(t.session.calls) == 3
    assert len(clock.sleeps) == 2
    assert t.stats["requests"] == 3 and t.stats["retries"] == 2
    assert t.stats["by_method"] == {"GET": 3}


def test_retry_delays_follow_backoff_bounds():
    t, clock = make([fakes.FakeHttpResponse(502)] * 3 + [fakes.FakeHttpResponse(200)], backoff=0.5, max_backoff=10.0)
    t.request("GET", "/x")
    for n, delay in enumerate(clock.sleeps):
        step = min(10.0, 0.5 * 2 ** n)
        assert step / 2.0 <= delay <= step


def test_retry_after_is_passed_to_sleep():
    t, clock = make([fakes.FakeHttpResponse(429, {"Retry-After": "7"}), fakes.FakeHttpResponse(200)])
    t.request("GET", "/x")
    assert clock.sleeps == [7.0]


def test_gives_up_after_retries():
    t, clock = make([fakes.FakeHttpResponse(503)] * 3, retries=2)
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert info.value.status == 503
    assert len(t.session.calls) == 3
    assert len(clock.sleeps) == 2


def test_zero_retries_means_single_attempt():
    t, clock = make([fakes.FakeHttpResponse(503)], retries=0)
    with pytest.raises(ApiError):
        t.request("GET", "/x")
    assert clock.sleeps == []


def test_post_not_retried_on_500():
    t, clock = make([fakes.FakeHttpResponse(500, content=b"boom")])
    with pytest.raises(ApiError) as info:
        t.request("POST", "/ws/sci", data=b"<x/>")
    assert info.value.status == 500
    assert len(t.session.calls) == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("status", [429, 503])
def test_post_retried_when_server_rejected_unprocessed(status):
    t, clock = make([fakes.FakeHttpResponse(status, {"Retry-After": "2"}), fakes.FakeHttpResponse(202, content=b"<r/>")])
    resp = t.request("POST", "/ws/sci", data=b"<x/>", expect=(200, 202))
    assert resp.status == 202
    assert len(t.session.calls) == 2
    assert clock.sleeps == [2.0]


def test_post_marked_safe_is_retried_on_500():
    t, _clock = make([fakes.FakeHttpResponse(500), fakes.FakeHttpResponse(200)])
    assert t.request("POST", "/rpc", safe=True).status == 200


def test_unexpected_status_raises_api_error_with_reason():
    t, _clock = make([fakes.FakeHttpResponse(404, content=b"no such thing")])
    with pytest.raises(ApiError) as info:
        t.request("GET", "/ws/sci/9")
    assert info.value.status == 404
    assert "not found" in info.value.msg
    assert "no such thing" in info.value.msg


def test_expected_non_200_status_returned():
    t, _clock = make([fakes.FakeHttpResponse(404)])
    assert t.request("GET", "/x", expect=(200, 404)).status == 404


def test_html_error_body_summarised():
    t, _clock = make([fakes.FakeHttpResponse(401, {"Content-Type": "text/html"}, b"<html><body>login</body></html>")])
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert "HTML page" in info.value.msg
    assert "authentication failed" in info.value.msg


def test_retry_after_beyond_deadline_not_waited():
    t, clock = make([fakes.FakeHttpResponse(503, {"Retry-After": "30"})])
    t.deadline = clock.now + 10.0
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert info.value.status == 503
    assert clock.sleeps == []


def test_retry_after_within_deadline_waited():
    t, clock = make([fakes.FakeHttpResponse(503, {"Retry-After": "3"}), fakes.FakeHttpResponse(200)])
    t.deadline = clock.now + 10.0
    t.request("GET", "/x")
    assert clock.sleeps == [3.0]
    assert clock.now <= t.deadline


def test_deadline_stops_repeated_retries():
    t, clock = make([fakes.FakeHttpResponse(503, {"Retry-After": "1"})] * 20, retries=20)
    t.deadline = clock.now + 5.0
    with pytest.raises(ApiError):
        t.request("GET", "/x")
    assert clock.sleeps == [1.0] * 4
    assert len(t.session.calls) == 5
    assert clock.now < t.deadline


def test_deadline_check_uses_backoff_when_no_retry_after():
    # Even the smallest backoff (step/2 = 4s at attempt 0 with base 8) cannot fit: no retry.
    t, clock = make([fakes.FakeHttpResponse(503)], retries=5, backoff=8.0, max_backoff=8.0)
    t.deadline = clock.now + 3.0
    with pytest.raises(ApiError):
        t.request("GET", "/x")
    assert clock.sleeps == []


def test_backoff_never_sleeps_past_deadline():
    state = random.getstate()
    try:
        overshoots = []
        for seed in range(200):
            random.seed(seed)
            # attempt 0, base 1.0: delay in [0.5, 1.0]; the deadline sits in the middle.
            t, clock = make([fakes.FakeHttpResponse(503), fakes.FakeHttpResponse(200)], retries=1, backoff=1.0, max_backoff=10.0)
            start = clock.now
            t.deadline = start + 0.75
            try:
                t.request("GET", "/x")
            except ApiError:
                pass
            if clock.now > t.deadline:
                overshoots.append(seed)
        assert overshoots == []
    finally:
        random.setstate(state)


# ---------------------------------------------------------------- exceptions from the session

def test_connect_timeout_not_sent_and_retried_even_for_post():
    exc = requests.exceptions.ConnectTimeout("connect timed out")
    t, clock = make([exc, exc, exc], retries=2)
    with pytest.raises(TransportError) as info:
        t.request("POST", "/ws/sci", data=b"<x/>")
    assert info.value.sent is False
    assert "connection timed out" in info.value.msg
    assert len(t.session.calls) == 3


def test_read_timeout_on_post_not_retried_and_sent_unknown():
    t, clock = make([requests.exceptions.ReadTimeout("read timed out")], timeout=12.0)
    with pytest.raises(TransportError) as info:
        t.request("POST", "/ws/sci", data=b"<x/>")
    assert info.value.sent is None
    assert "12.0" in info.value.msg
    assert len(t.session.calls) == 1
    assert clock.sleeps == []


def test_read_timeout_on_get_retried():
    t, clock = make([requests.exceptions.ReadTimeout("slow"), fakes.FakeHttpResponse(200)])
    assert t.request("GET", "/x").status == 200
    assert len(clock.sleeps) == 1


def test_connection_refused_is_not_sent():
    exc = requests.exceptions.ConnectionError("NewConnectionError: [Errno 111] Connection refused")
    t, _clock = make([exc], retries=0)
    with pytest.raises(TransportError) as info:
        t.request("POST", "/ws/sci")
    assert info.value.sent is False
    assert "connection refused" in info.value.msg


def test_connection_reset_on_post_not_retried():
    exc = requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected())")
    t, _clock = make([exc])
    with pytest.raises(TransportError) as info:
        t.request("POST", "/ws/sci")
    assert info.value.sent is None
    assert len(t.session.calls) == 1


def test_ssl_error_not_retried():
    exc = requests.exceptions.SSLError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    t, _clock = make([exc, fakes.FakeHttpResponse(200)])
    with pytest.raises(TransportError) as info:
        t.request("GET", "/x")
    assert info.value.sent is False
    assert "ca_path" in info.value.msg
    assert len(t.session.calls) == 1


def test_chunked_encoding_error_described():
    t, _clock = make([requests.exceptions.ChunkedEncodingError("IncompleteRead(10 bytes read)")], retries=0)
    with pytest.raises(TransportError) as info:
        t.request("GET", "/x")
    assert "cut off" in info.value.msg


# ---------------------------------------------------------------- redaction of messages

def test_password_redacted_from_api_error_message_and_body():
    body = b"bad login for admin with password s3cr3tpw"
    t, _clock = make([fakes.FakeHttpResponse(400, content=body)])
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert "s3cr3tpw" not in info.value.msg
    assert "s3cr3tpw" not in info.value.body
    assert _redact.REDACTED in info.value.msg


def test_password_redacted_from_transport_error():
    exc = requests.exceptions.ConnectionError("failed for https://admin:s3cr3tpw@drm.example/ws Connection reset")
    t, _clock = make([exc], retries=0)
    with pytest.raises(TransportError) as info:
        t.request("GET", "/x")
    assert "s3cr3tpw" not in info.value.msg


def test_userinfo_and_query_hidden_in_display_url():
    t, _clock = make([fakes.FakeHttpResponse(500)], retries=0)
    with pytest.raises(ApiError) as info:
        t.request("GET", "https://bob:other@drm.example/ws?token=abcd")
    assert "other" not in info.value.msg
    assert "token=abcd" not in info.value.msg


def test_header_secrets_redacted():
    t, _clock = make([fakes.FakeHttpResponse(403, content=b"key KEYSECRET123 denied")], password=None,
                     headers={"X-API-KEY-SECRET": "KEYSECRET123"})
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert "KEYSECRET123" not in info.value.msg


# ---------------------------------------------------------------- Response

def test_response_json_error_is_api_error():
    resp = _transport.Response(200, {}, b"not json", "https://h/x")
    with pytest.raises(ApiError) as info:
        resp.json()
    assert info.value.status == 200


def test_response_text_and_json():
    resp = _transport.Response(200, {}, b'{"a": 1}', "https://h/x")
    assert resp.json() == {"a": 1}
    assert _transport.Response(200, {}, None, "u").text == ""


# ---------------------------------------------------------------- response size cap, URL checks, Basic token

def test_body_over_the_cap_is_refused_while_streaming(monkeypatch):
    monkeypatch.setattr(_transport, "MAX_RESPONSE_BYTES", 1000)
    big = fakes.FakeHttpResponse(200, content=b"x" * 1001)
    t, _clock = make([big])
    with pytest.raises(TransportError) as info:
        t.request("GET", "/ws/sci")
    assert "larger than the limit" in info.value.msg and big.closed
    assert len(t.session.calls) == 1  # a body too big is not worth a retry


def test_declared_length_over_the_cap_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(_transport, "MAX_RESPONSE_BYTES", 1000)
    resp = fakes.FakeHttpResponse(200, headers={"Content-Length": "5000"}, content=b"")
    resp.iter_content = None  # reading at all would fail
    t, _clock = make([resp])
    with pytest.raises(TransportError, match="larger than the limit"):
        t.request("GET", "/ws/sci")


def test_body_at_the_cap_is_read(monkeypatch):
    monkeypatch.setattr(_transport, "MAX_RESPONSE_BYTES", 1000)
    t, _clock = make([fakes.FakeHttpResponse(200, content=b"y" * 1000)])
    assert len(t.request("GET", "/ws/sci").body) == 1000


@pytest.mark.parametrize("url, reason", [
    ("remotemanager.digi.com", "must start with http"),
    ("ftp://drm.example", "must start with http"),
    ("http://drm example.com", "whitespace"),
    ("http://drm.example/ws\n", "whitespace"),
    ("http://drm.example:99999", "port"),
    ("http://drm.example:http", "port"),
    ("http://:8443/", "no host name"),
    ("http://bob:pw-in-url@", "no host name"),
])
def test_bad_base_urls_rejected(url, reason):
    with pytest.raises(InputError) as info:
        _transport.Transport(url, "admin", "pw")
    assert reason in info.value.msg and "pw-in-url" not in info.value.msg


def test_echoed_basic_authorization_header_redacted():
    import base64
    token = base64.b64encode(b"admin:s3cr3tpw").decode()
    t, _clock = make([fakes.FakeHttpResponse(400, content=("echo: Authorization: Basic " + token).encode())])
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert token not in info.value.msg and token not in info.value.body


# ---------------------------------------------------------------- TLS, proxies and .netrc: the task beats the environment
#
# These run requests' real Session.request() (environment merge, auth, proxy selection) down to
# the adapter, where a recorder takes what would have gone on the wire: no network.

ENV_BUNDLE = "/env/ca-bundle-without-the-lab-ca.pem"
PROXY_ENV = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy")


class RecordingAdapter(requests.adapters.BaseAdapter):
    """Records the prepared request and the settings requests hands to the adapter."""

    def __init__(self):
        super(RecordingAdapter, self).__init__()
        self.sent = []

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        self.sent.append({"request": request, "verify": verify, "proxies": dict(proxies or {})})
        resp = requests.models.Response()
        resp.status_code = 200
        resp.raw = io.BytesIO(b"{}")
        resp.url = request.url
        resp.request = request
        return resp

    def close(self):
        pass


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No proxy variables, CA bundle variables naming a bundle that is not the task's, and a .netrc
    with other credentials for every host the tests use."""
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ENV_BUNDLE)
    monkeypatch.setenv("CURL_CA_BUNDLE", ENV_BUNDLE)
    netrc = tmp_path / "netrc"
    netrc.write_text("machine drm.example login netrc-user password netrc-pass\n"
                     "machine plain.example login netrc-user password netrc-pass\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    return monkeypatch


def recorded(url="https://drm.example", method="GET", headers=None, **kw):
    t = _transport.Transport(url, retries=0, **kw)
    adapter = RecordingAdapter()
    t.session.mount("https://", adapter)
    t.session.mount("http://", adapter)
    t.request(method, "/ws/sci", headers=headers)
    assert len(adapter.sent) == 1
    return t, adapter.sent[0]


@pytest.mark.parametrize("environ", [{}, {"REQUESTS_CA_BUNDLE": ENV_BUNDLE}, {"CURL_CA_BUNDLE": ENV_BUNDLE},
                                     {"REQUESTS_CA_BUNDLE": ENV_BUNDLE, "CURL_CA_BUNDLE": "/other.pem"}])
@pytest.mark.parametrize("validate_certs, ca_path, expected", [
    (False, None, False),
    (False, "/tmp/ca.pem", False),
    (True, "/tmp/ca.pem", "/tmp/ca.pem"),
    (True, None, "default"),
    (True, "", "default"),
])
def test_tls_verify_decision(validate_certs, ca_path, expected, environ):
    """The task's choice whatever the environment; only the default takes the environment's bundle."""
    if expected == "default":
        expected = ENV_BUNDLE if environ else True
    assert _session.tls_verify(validate_certs, ca_path, environ) == expected


@pytest.mark.parametrize("environ, expected", [
    ({}, {}),
    ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "a.example"}, {"https": "http://p:1", "no": "a.example"}),
    ({"https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:1"}, {"https": "http://lower:1"}),
    ({"https_proxy": "", "HTTPS_PROXY": "http://upper:1"}, {}),  # an empty lower-case name unsets
    ({"HTTP_PROXY": "", "ALL_PROXY": "socks5://s:1"}, {"all": "socks5://s:1"}),
    ({"REQUEST_METHOD": "GET", "HTTP_PROXY": "http://from-a-header:1"}, {}),  # httpoxy
    ({"REQUEST_METHOD": "GET", "http_proxy": "http://mine:1"}, {"http": "http://mine:1"}),
    ({"NOT_A_PROXY_VAR": "x", "proxy": "y"}, {}),
])
def test_proxy_variables_follow_urllib_rules(environ, expected):
    assert _session.proxy_variables(environ) == expected


@pytest.mark.parametrize("url, environ, expected", [
    ("https://drm.example/x", {"HTTPS_PROXY": "http://p:1"}, {"https": "http://p:1"}),
    ("https://drm.example/x", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "drm.example"}, {}),
    ("https://drm.example/x", {"HTTPS_PROXY": "http://p:1", "no_proxy": ".example"}, {}),
    ("https://drm.example/x", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "other.example"}, {"https": "http://p:1"}),
    ("https://10.1.2.3:8443/x", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "10.0.0.0/8"}, {}),
    ("https://127.0.0.1:8443/x", {"HTTPS_PROXY": "http://p:1"}, {"https": "http://p:1"}),  # loopback is not special
    ("https://127.0.0.1:8443/x", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "127.0.0.1"}, {}),
    ("https://localhost:8443/x", {"HTTPS_PROXY": "http://p:1", "NO_PROXY": "localhost"}, {}),
])
def test_environment_proxies_for_a_url(url, environ, expected, monkeypatch):
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
    assert _session.environment_proxies(url, environ) == expected


def test_system_proxy_settings_only_without_any_proxy_variable(monkeypatch):
    """As urllib does on macOS and Windows: system settings count when no *_proxy variable is set."""
    import urllib.request
    monkeypatch.setattr(urllib.request, "getproxies_macosx_sysconf", lambda: {"https": "http://system:1"}, raising=False)
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
    assert _session.environment_proxies("https://drm.example/x", {}) == {"https": "http://system:1"}
    assert _session.environment_proxies("https://drm.example/x", {"https_proxy": ""}) == {}
    assert _session.environment_proxies("https://drm.example/x", {"HTTPS_PROXY": "http://p:1"}) == {"https": "http://p:1"}


def test_environment_proxies_ignore_the_process_no_proxy_when_given_a_mapping(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "drm.example")
    monkeypatch.setenv("no_proxy", "drm.example")
    assert _session.environment_proxies("https://drm.example/x", {"HTTPS_PROXY": "http://p:1"}) == {"https": "http://p:1"}


def test_task_environment_beats_process_environment(clean_env):
    """An action plugin passes the task's environment (its environment: keyword included)."""
    clean_env.setenv("HTTPS_PROXY", "http://process-proxy:1")
    task_env = {"HTTPS_PROXY": "http://task-proxy:1", "REQUESTS_CA_BUNDLE": "/task/bundle.pem"}
    _t, sent = recorded(username="u", password="p", environ=task_env)
    assert sent["proxies"].get("https") == "http://task-proxy:1"
    assert sent["verify"] == "/task/bundle.pem"
    _t, sent = recorded(username="u", password="p", environ=dict(task_env, NO_PROXY="drm.example"))
    assert not sent["proxies"].get("https")
    _t, sent = recorded(username="u", password="p", validate_certs=False, environ=task_env)
    assert sent["verify"] is False


@pytest.mark.parametrize("env", [("REQUESTS_CA_BUNDLE",), ("CURL_CA_BUNDLE",), ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")])
def test_validate_certs_false_beats_ca_bundle_variables(clean_env, env):
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        if name not in env:
            clean_env.delenv(name)
    _t, sent = recorded(username="u", password="p", validate_certs=False)
    assert sent["verify"] is False


@pytest.mark.parametrize("env", [("REQUESTS_CA_BUNDLE",), ("CURL_CA_BUNDLE",), ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")])
def test_ca_path_beats_ca_bundle_variables(clean_env, env, tmp_path):
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        if name not in env:
            clean_env.delenv(name)
    ca = tmp_path / "private-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    _t, sent = recorded(username="u", password="p", ca_path=str(ca))
    assert sent["verify"] == str(ca)


def test_default_verification_takes_requests_default_bundle(clean_env):
    """validate_certs on without ca_path: requests' default, which is the environment's bundle."""
    _t, sent = recorded(username="u", password="p")
    assert sent["verify"] == ENV_BUNDLE
    clean_env.delenv("REQUESTS_CA_BUNDLE")
    clean_env.delenv("CURL_CA_BUNDLE")
    _t, sent = recorded(username="u", password="p")
    assert sent["verify"] is True


def test_unreadable_ca_path_is_input_error_before_any_request(clean_env, tmp_path):
    missing = str(tmp_path / "no-such-ca.pem")
    with pytest.raises(InputError) as info:
        _transport.Transport("https://drm.example", "u", "p", ca_path=missing)
    assert info.value.msg == ("ca_path %r is not a readable file or directory: set it to the PEM bundle of the CA "
                              "that signs the server's certificate" % missing)
    # Verification off: ca_path is not used, so it is not checked either.
    _t, sent = recorded(username="u", password="p", validate_certs=False, ca_path=missing)
    assert sent["verify"] is False


@pytest.mark.parametrize("name", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
def test_https_proxy_from_environment_is_used(clean_env, name):
    clean_env.setenv(name, "http://proxy.example:3128")
    _t, sent = recorded(username="u", password="p", validate_certs=False)
    assert "http://proxy.example:3128" in sent["proxies"].values()
    assert sent["verify"] is False  # and the proxy changes nothing about TLS


@pytest.mark.parametrize("name", ["HTTP_PROXY", "http_proxy"])
def test_http_proxy_from_environment_is_used(clean_env, name):
    clean_env.setenv(name, "http://proxy.example:3128")
    _t, sent = recorded(url="http://plain.example", username="u", password="p")
    assert sent["proxies"].get("http") == "http://proxy.example:3128"
    # Plain HTTP through a proxy: the server's credentials still go with the request.
    assert sent["request"].headers["Authorization"] == _basic("u", "p")


@pytest.mark.parametrize("no_proxy", ["drm.example", ".example", "*", "other.example,drm.example"])
@pytest.mark.parametrize("name", ["NO_PROXY", "no_proxy"])
def test_no_proxy_bypasses_the_proxy(clean_env, no_proxy, name):
    clean_env.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    clean_env.setenv(name, no_proxy)
    _t, sent = recorded(username="u", password="p")
    assert not sent["proxies"].get("https")


def test_loopback_is_proxied_unless_no_proxy_names_it(clean_env):
    """The proxy integration test relies on this: 127.0.0.1 is not bypassed by itself."""
    clean_env.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    _t, sent = recorded(url="https://127.0.0.1:8443", username="u", password="p")
    assert sent["proxies"].get("https") == "http://proxy.example:3128"
    clean_env.setenv("NO_PROXY", "127.0.0.1")
    _t, sent = recorded(url="https://127.0.0.1:8443", username="u", password="p")
    assert not sent["proxies"].get("https")


def _basic(user, password):
    import base64
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


def test_configured_basic_credentials_beat_netrc(clean_env):
    _t, sent = recorded(username="admin", password="s3cr3tpw")
    assert sent["request"].headers["Authorization"] == _basic("admin", "s3cr3tpw")


def test_netrc_adds_no_credentials_to_api_key_requests(clean_env):
    _t, sent = recorded(headers={"X-API-KEY-ID": "kid", "X-API-KEY-SECRET": "ksecret"})
    assert "Authorization" not in sent["request"].headers
    assert sent["request"].headers["X-API-KEY-ID"] == "kid"


def test_netrc_does_not_replace_an_explicit_authorization_header(clean_env):
    """async_request sends its Basic header per request, with no session auth."""
    _t, sent = recorded(headers={"Authorization": _basic("url-user", "url-pass")})
    assert sent["request"].headers["Authorization"] == _basic("url-user", "url-pass")


def test_netrc_adds_nothing_once_session_auth_is_dropped(clean_env):
    """PowerStore drops Basic after login and carries its token instead."""
    t = _transport.Transport("https://drm.example", "admin", "s3cr3tpw", retries=0)
    adapter = RecordingAdapter()
    t.session.mount("https://", adapter)
    t.session.auth = None
    t.request("GET", "/x", headers={"DELL-EMC-TOKEN": "tok"})
    assert "Authorization" not in adapter.sent[0]["request"].headers


def test_plain_requests_session_shows_what_task_session_prevents(clean_env):
    """Guards the premise: if requests stops merging the environment this way, TaskSession may go."""
    session = requests.Session()
    session.verify = False
    assert session.merge_environment_settings("https://drm.example/x", {}, None, None, None)["verify"] == ENV_BUNDLE
    prepared = session.prepare_request(requests.Request("GET", "https://drm.example/x", headers={"Authorization": "mine"}))
    assert prepared.headers["Authorization"] == _basic("netrc-user", "netrc-pass")


# ---------------------------------------------------------------- proxy failures

def _proxy_error(cause):
    return requests.exceptions.ProxyError(
        "HTTPSConnectionPool(host='drm.example', port=443): Max retries exceeded with url: /ws/sci "
        "(Caused by ProxyError('Unable to connect to proxy', %s))" % cause)


def test_proxy_asking_for_credentials_is_not_retried_and_not_sent():
    t, clock = make([_proxy_error("OSError('Tunnel connection failed: 407 Proxy Authentication Required')")] * 4)
    with pytest.raises(TransportError) as info:
        t.request("GET", "/ws/sci")
    assert info.value.sent is False and len(t.session.calls) == 1 and clock.sleeps == []
    assert info.value.msg == (
        "GET https://drm.example/ws/sci failed: the proxy requires authentication (HTTP 407): write its user and "
        "password into HTTPS_PROXY as user:password@ before the proxy's host, or list the server in NO_PROXY")


def test_proxy_refusing_the_tunnel_is_retried_even_for_a_submission():
    exc = _proxy_error("OSError('Tunnel connection failed: 503 Service Unavailable')")
    t, _clock = make([exc, exc, exc], retries=2)
    with pytest.raises(TransportError) as info:
        t.request("POST", "/ws/sci", data=b"<x/>")
    assert info.value.sent is False and len(t.session.calls) == 3
    assert info.value.msg.endswith("the proxy refused to connect to the server (503 Service Unavailable): "
                                   "check HTTPS_PROXY and NO_PROXY")


def test_unreachable_proxy_is_not_described_as_the_server():
    exc = _proxy_error("NewConnectionError('<HTTPSConnection object>: Failed to establish a new connection: "
                       "[Errno 111] Connection refused')")
    t, _clock = make([exc], retries=0)
    with pytest.raises(TransportError) as info:
        t.request("POST", "/ws/sci")
    assert info.value.sent is False
    assert info.value.msg.endswith("the proxy could not be reached: check HTTPS_PROXY, HTTP_PROXY and NO_PROXY")


def test_plain_http_proxy_answering_407_is_explained():
    t, _clock = make([fakes.FakeHttpResponse(407)])
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert "HTTP 407 (proxy authentication required (check the user and password in HTTP_PROXY))" in info.value.msg


# ---------------------------------------------------------------- credentials stay with the configured origin


@pytest.mark.parametrize("url, expected", [
    ("https://DRM.Example/x", ("https", "drm.example", 443)),
    ("HTTP://drm.example:80", ("http", "drm.example", 80)),
    ("https://u:p@drm.example.:8443/", ("https", "drm.example", 8443)),
    ("https://[::1]/", ("https", "::1", 443)),
])
def test_url_origin_normalises_case_and_default_ports(url, expected):
    assert _urls.url_origin(url) == expected


@pytest.mark.parametrize("link", ["https://evil.example/api/v2/jobs?offset=1", "http://drm.example/x",
                                  "https://drm.example:8443/x", "HTTPS://EVIL.example/x", "ftp://drm.example/x",
                                  "javascript:alert(1)"])
def test_a_link_to_another_origin_is_refused_before_sending(link):
    t, _clock = make([])
    with pytest.raises(FleetError) as info:
        t.request("GET", link, what="GET AIQUM jobs")
    # Not an ApiError or TransportError, which the wait loop takes for a transient poll failure.
    assert not isinstance(info.value, (ApiError, TransportError))
    assert t.session.calls == [] and t.stats["requests"] == 0
    msg = info.value.msg
    assert msg.startswith("GET AIQUM jobs: refused to follow a link the server handed back to ")
    assert _urls.show_origin(_urls.url_origin(link)) in msg and "https://drm.example:443" in msg


@pytest.mark.parametrize("link", ["https://drm.example/api/x", "HTTPS://Drm.Example:443/api/x", "/api/x", "api/x",
                                  "//evil.example/api/x"])
def test_same_origin_and_relative_links_are_followed(link):
    t, _clock = make([fakes.FakeHttpResponse(200, content=b"{}")])
    t.request("GET", link)
    url = t.session.calls[0][1]
    assert _urls.url_origin(url) == ("https", "drm.example", 443)


def _foreign_safe_transport(**kw):
    t = _transport.Transport("https://drm.example", retries=0, foreign_urls=True, **kw)
    adapter = RecordingAdapter()
    t.session.mount("https://", adapter)
    t.session.mount("http://", adapter)
    return t, adapter


class SigningAuth(requests.auth.AuthBase):
    """Stands in for the RPC service's per-request signature."""

    def __call__(self, request):
        request.headers["X-Signature"] = "sig-value"
        return request


@pytest.mark.parametrize("target", ["https://evil.example/x", "https://drm.example:8443/x", "http://drm.example/x"])
def test_session_attaches_no_credentials_to_another_origin(clean_env, target):
    """Defence in depth: even a caller allowed to request another origin sends it no credential."""
    t, adapter = _foreign_safe_transport(username="admin", password="s3cr3tpw",
                                         headers={"X-API-KEY-ID": "kid", "X-API-KEY-SECRET": "ksecret"})
    t.session.headers["DELL-EMC-TOKEN"] = "tok"
    # A cookie jar matches host names, not ports: drm.example:8443 would get the cookie.
    t.session.cookies.set("auth_cookie", "c00kie", domain="drm.example", path="/")
    t.request("GET", "/x", headers={"X-Credential": "xc"})
    t.request("GET", target, headers={"X-Credential": "xc", "Accept-Language": "en", "Content-Type": "text/plain"})
    home, away = (dict(sent["request"].headers) for sent in adapter.sent)
    assert {"Authorization", "Cookie", "X-API-KEY-SECRET", "DELL-EMC-TOKEN", "X-Credential"} <= set(home)
    assert {k.lower() for k in away} <= _urls.FOREIGN_SAFE_HEADERS, away
    assert away["Accept-Language"] == "en" and away["User-Agent"] == "asyncjobs.fleet"
    # The session's own settings are intact for the next request home.
    t.request("GET", "/y")
    assert "Authorization" in adapter.sent[-1]["request"].headers and "Cookie" in adapter.sent[-1]["request"].headers


def test_session_applies_no_signing_auth_to_another_origin(clean_env):
    t, adapter = _foreign_safe_transport(auth=SigningAuth())
    t.request("GET", "/x")
    t.request("GET", "https://evil.example/x")
    assert adapter.sent[0]["request"].headers["X-Signature"] == "sig-value"
    assert "X-Signature" not in adapter.sent[1]["request"].headers


# ---------------------------------------------------------------- excerpts: redact first, then cut

TOKEN = __import__("base64").b64encode(b"admin:s3cr3tpw-long-enough").decode()


def _pieces(secret, floor=_redact.MIN_SECRET_PREFIX):
    """Every piece of ``secret`` at least ``floor`` long that starts it (what a cut leaves)."""
    return [secret[:n] for n in range(floor, len(secret) + 1)]


def _leaks(text, secret):
    return [p for p in _pieces(secret) if p in text]


@pytest.mark.parametrize("offset", range(-30, 5))
def test_clip_redacts_a_secret_straddling_the_cut(offset):
    redact = _redact.Redactor([TOKEN])
    text = "x" * (200 + offset) + "Authorization: Basic " + TOKEN + " trailer " * 10
    out = _redact.clip(text, 200, redact)
    assert not _leaks(out, TOKEN), out
    assert out.endswith("...")


def test_clip_masks_the_beginning_of_a_secret_the_server_cut():
    redact = _redact.Redactor([TOKEN, "KSsecret_0123456789"])
    assert _redact.clip("echo: Basic " + TOKEN[:12], 200, redact) == "echo: Basic ********"
    assert _redact.clip("X-API-KEY-SECRET: KSsecret_01", 200, redact) == "X-API-KEY-SECRET: ********"
    # Below MIN_SECRET_PREFIX characters the end of an excerpt is left alone.
    assert _redact.clip("word KSs", 200, redact) == "word KSs"
    assert _redact.clip("plain text", 200, redact) == "plain text"


def test_clip_uses_every_live_redactor():
    keep = _redact.Redactor(["live-secret-value"])
    assert _redact.clip("a live-secret-value b live-sec", 200) == "a ******** b ********"
    assert keep.secrets


def _straddling_body(secret, at=200):
    return ("y" * (at - 10) + " secret: " + secret + " " + "z" * 3000).encode()


def test_status_message_and_error_body_redact_before_cutting():
    t, _clock = make([fakes.FakeHttpResponse(400, content=_straddling_body(TOKEN))], password="s3cr3tpw-long-enough")
    with pytest.raises(ApiError) as info:
        t.request("GET", "/x")
    assert not _leaks(info.value.msg, TOKEN), info.value.msg
    t2, _clock = make([fakes.FakeHttpResponse(400, content=_straddling_body(TOKEN, 2000))], password="s3cr3tpw-long-enough")
    with pytest.raises(ApiError) as info2:
        t2.request("GET", "/x")
    assert not _leaks(info2.value.body, TOKEN), info2.value.body[-40:]


def test_json_error_excerpt_is_redacted():
    keep = _redact.Redactor([TOKEN])
    resp = _transport.Response(200, {}, _straddling_body(TOKEN), "https://drm.example/x")
    with pytest.raises(ApiError) as info:
        resp.json()
    assert not _leaks(info.value.msg, TOKEN) and keep


def _every_excerpt_site(secret_text):
    """(name, text shown) for every place a backend quotes a cut reply, given a reply body."""
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as _aiqum
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http import _monitor
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as _powerstore
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
    shown = []
    response = _transport.Response(400, {}, secret_text.encode(), "https://m.example/x")
    shown.append(("powerstore error_detail", _powerstore.error_detail(response)))
    try:
        _powerstore.job_record([secret_text])
    except ApiError as exc:
        shown.append(("powerstore job_record", exc.msg))
    try:
        _protocol.properties(secret_text, "AsyncJob", "x")
    except ApiError as exc:
        shown.append(("rpc properties", exc.msg))
    shown.append(("rpc _clip", _protocol._clip(secret_text, 200)))
    shown.append(("async_request error_text", _monitor.error_text({"message": secret_text})))
    shown.append(("lifecycle gist", _lifecycle.gist(secret_text)))
    shown.append(("lifecycle gist of data", _lifecycle.gist({"m": secret_text})))
    try:
        _sci.parse_reply(response, "x")
    except ApiError as exc:
        shown.append(("drm parse_reply body", exc.body))

    fake = fakes.FakeTransport(lambda *_a: (202, {"note": secret_text}), base_url="https://m.example")
    try:
        _aiqum.AiqumClient(fake).submit("POST", "/x")
    except ApiError as exc:
        shown.append(("aiqum submit", exc.msg))
    return shown


@pytest.mark.parametrize("at", [40, 150, 200, 300, 500, 2000])
def test_every_excerpt_site_redacts_before_cutting(at):
    """A secret that a server echoes at any offset leaves no piece in any backend's excerpt."""
    keep = _redact.Redactor([TOKEN, "KSsecret_0123456789abcdef"])
    text = "w" * at + " Authorization: Basic " + TOKEN + " X-API-KEY-SECRET: KSsecret_0123456789abcdef " + "v" * 3000
    sites = _every_excerpt_site(text)
    assert len(sites) == 9
    for name, shown in sites:
        assert not _leaks(shown, TOKEN) and not _leaks(shown, "KSsecret_0123456789abcdef"), (name, at, shown)
    assert keep.secrets
