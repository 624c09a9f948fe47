# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""A ``uri``-like request that follows an HTTP long-running operation to its end.

Conventions understood (see tests/lab/README.md, appliance ``generic``):

- Microsoft/Azure guidelines: 202 + ``Operation-Location`` to a status monitor
  ``{id, status, error, result}``; ``Retry-After`` on every non-terminal monitor GET.
- ARM: ``Azure-AsyncOperation`` (preferred) and ``Location``; the Location URL answers 202
  until done, then 200/204 with the resource, or an error status with an error body.
- Google AIP-151: the answer is an Operation ``{name, done, metadata, response | error}``,
  polled at ``<version root>/<name>`` until ``done``.
- RFC 7240: ``Prefer: respond-async[, wait=N]``; 202 + ``Location``; ``Preference-Applied``.
  NetSuite-style job bodies ``{completed, progress, id, task}`` are read like AIP ``done``.

The decision functions are pure (no I/O) so the unit tests pin every rule; ``follow``
is the one polling loop, with the clock and sleep injectable.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import unquote, urlencode, urljoin, urlsplit

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    InputError,
    JobFailed,
    TransportError,
    WaitTimeout,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import (
    Redactor,
    Transport,
    basic_token,
    clip,
    foreign_safe_headers,
    parse_retry_after,
    same_origin,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import Deadline, wait_for_jobs

AUTO = "auto"
API = "http"
# Header precedence for monitor_header=auto (Azure guidelines, then ARM's preferred header,
# then the generic Location that ARM and RFC 7240 use).
MONITOR_HEADERS = ("Operation-Location", "Azure-AsyncOperation", "Location")
# Returned in `headers`: what a user needs to understand how the server answered.
HEADERS_OF_INTEREST = ("Operation-Location", "Azure-AsyncOperation", "Location", "Retry-After",
                       "Preference-Applied", "Operation-Id", "Content-Type", "Content-Location")
STATUS_CANDIDATES = ("status", "state", "done", "completed")
RESULT_CANDIDATES = ("result", "response")
PROGRESS_CANDIDATES = ("percentComplete", "progress", "progressPercent", "metadata.progressPercent",
                       "metadata.percentComplete")
DEFAULT_SUCCESS = ["Succeeded", "Success", "Completed", "Complete", "Done"]
DEFAULT_FAILURE = ["Failed", "Failure", "Error"]
DEFAULT_CANCEL = ["Canceled", "Cancelled"]
# Non-terminal vocabularies.  On a Location monitor a 200 whose status is none of the
# configured or these known words is the finished resource (whose own `status` may say
# anything, e.g. "ready"); on a status monitor it is an unknown, still-running state.
PENDING_WORDS = frozenset(("notstarted", "not_started", "queued", "pending", "accepted", "new",
                           "waiting", "scheduled"))
RUNNING_WORDS = frozenset(("running", "inprogress", "in_progress", "in-progress", "processing",
                           "started", "executing", "creating", "updating", "deleting", "canceling",
                           "cancelling", "provisioning"))
READ_ONLY_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
BODY_HEADERS = frozenset(("content-type", "content-length", "content-encoding", "prefer"))
_SENSITIVE_HEADER = re.compile(r"auth|cookie|token|secret|key|password|session|signature", re.IGNORECASE)
_VERSION_SEGMENT = re.compile(r"^v[0-9]+[a-z0-9]*$")
# Retry-After: 0 must not turn the wait into a busy loop.
MAX_POLL_ERRORS = 3


# ---------------------------------------------------------------------------------- fields

def get_path(obj, path):
    """(found, value) of a dotted path; digits index lists (``items.0.id``)."""
    if not path:
        return False, None
    current = obj
    for part in str(path).split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and re.fullmatch(r"[0-9]+", part) and int(part) < len(current):
            current = current[int(part)]
        else:
            return False, None
    return True, current


def _first(obj, field, candidates, accept=lambda value: True):
    """The configured field, or the first auto candidate whose value ``accept``s."""
    paths = candidates if field in (None, "", AUTO) else (field,)
    for path in paths:
        found, value = get_path(obj, path)
        if found and accept(value):
            return path, value
    return None, None


def _scalar(value):
    return value is not None and isinstance(value, (str, bool, int, float))


def percent(value):
    """A progress percentage from 40, 40.5, "40" or "40%"; None for words like "pending"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*", value)
        if match:
            return float(match.group(1))
    return None


def _norm(values):
    return frozenset(str(v).strip().casefold() for v in values or ())


class Rules(object):
    """How to read a status body: which fields, which values mean which end."""

    def __init__(self, status_field=AUTO, success_values=None, failure_values=None, cancel_values=None,
                 result_field=AUTO, error_field="error", progress_field=AUTO):
        self.status_field = status_field or AUTO
        self.success = _norm(DEFAULT_SUCCESS if success_values is None else success_values)
        self.failure = _norm(DEFAULT_FAILURE if failure_values is None else failure_values)
        self.cancel = _norm(DEFAULT_CANCEL if cancel_values is None else cancel_values)
        overlap = (self.success & self.failure) | (self.success & self.cancel) | (self.failure & self.cancel)
        if overlap:
            raise InputError("success_values, failure_values and cancel_values overlap: %s" % ", ".join(sorted(overlap)))
        self.result_field = result_field or AUTO
        self.error_field = error_field or "error"
        self.progress_field = progress_field or AUTO

    def status(self, body):
        """(path, raw value) of the status field; auto skips dicts and lists."""
        return _first(body, self.status_field, STATUS_CANDIDATES, _scalar)

    def error(self, body):
        found, value = get_path(body, self.error_field)
        return value if found and value not in (None, "", {}, []) else None

    def result(self, body):
        path, value = _first(body, self.result_field, RESULT_CANDIDATES)
        return path is not None, value

    def progress(self, body):
        return percent(_first(body, self.progress_field, PROGRESS_CANDIDATES)[1])

    def classify(self, raw, body):
        """Lifecycle state of a status value (str, number or the boolean of done/completed)."""
        if isinstance(raw, bool):
            if not raw:
                return lc.RUNNING
            # done/completed=true: the outcome is in the error field, or in a textual
            # progress such as NetSuite's "failed".
            words = _norm([_first(body, self.progress_field, PROGRESS_CANDIDATES)[1]])
            if words & self.cancel:
                return lc.CANCELED
            if self.error(body) is not None or words & self.failure:
                return lc.FAILED
            return lc.SUCCEEDED
        word = str(raw).strip().casefold()
        if word in self.success:
            return lc.SUCCEEDED
        if word in self.failure:
            return lc.FAILED
        if word in self.cancel:
            return lc.CANCELED
        if word in PENDING_WORDS:
            return lc.PENDING
        if word in RUNNING_WORDS:
            return lc.RUNNING
        return lc.UNKNOWN


class Decision(object):
    """What one monitor response says."""

    def __init__(self, state, raw_state, progress=None, result=None, error=None, has_result=False, field=None):
        self.state = state
        self.raw_state = raw_state
        self.field = field
        self.progress = progress
        self.result = result
        self.error = error
        self.has_result = has_result

    @property
    def terminal(self):
        return self.state in lc.TERMINAL

    def describe(self):
        """``Failed``, or ``failed (done=true)`` when the status is a boolean."""
        if isinstance(self.raw_state, bool):
            return "%s (%s=%s)" % (self.state, self.field or "done", str(self.raw_state).lower())
        return str(self.raw_state if self.raw_state is not None else self.state)

    def as_dict(self):
        return {"state": self.state, "raw_state": self.raw_state, "progress": self.progress,
                "result": self.result, "error": self.error}


def decide(http_status, body, kind, rules):
    """Read one monitor response.

    ``kind`` is ``location`` for Location-style monitors (202 while running, then the
    resource, or an error status) and ``status`` for status monitors (Operation-Location,
    Azure-AsyncOperation, AIP-151 operations): only their status field says when they end.
    """
    data = body if isinstance(body, (dict, list)) else None
    progress = rules.progress(data) if data is not None else None
    path, raw = rules.status(data) if data is not None else (None, None)
    if http_status >= 400:
        # ARM: a failed operation's Location answers with the error status and body.
        error = rules.error(data) if data is not None else None
        if error is None:
            error = body if body not in (None, "") else "HTTP %s" % http_status
        return Decision(lc.FAILED, raw if path else "HTTP %s" % http_status, progress, error=error, field=path)
    if http_status == 202:
        state = rules.classify(raw, data) if path else lc.RUNNING
        if state in lc.TERMINAL or state == lc.UNKNOWN:
            # 202 means "not yet" whatever the body claims.
            state = lc.RUNNING
        return Decision(state, raw if path else "HTTP 202", progress, field=path)
    if http_status == 204:
        return Decision(lc.SUCCEEDED, "HTTP 204", progress, has_result=True)
    state = rules.classify(raw, data) if path else None
    if state is None or (state == lc.UNKNOWN and kind == "location"):
        if kind == "location":
            has, result = rules.result(data) if data is not None and rules.result_field != AUTO else (False, None)
            # The finished resource: its own status field (if any) is not the operation's.
            return Decision(lc.SUCCEEDED, "HTTP %s" % http_status, progress,
                            result=result if has else body, has_result=True)
        return Decision(lc.UNKNOWN, raw if path else None, progress, field=path)
    decision = Decision(state, raw, progress, field=path)
    if state == lc.SUCCEEDED:
        decision.has_result, decision.result = rules.result(data)
        if not decision.has_result and kind == "location":
            decision.has_result, decision.result = True, body
    elif state in (lc.FAILED, lc.CANCELED):
        decision.error = rules.error(data)
    return decision


# ------------------------------------------------------------------------------- monitors

def _header(headers, name):
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def version_root(url):
    """``scheme://host/<prefix>/v1`` of a URL (AIP-151 names are relative to it)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    root = []
    for segment in segments:
        root.append(segment)
        if _VERSION_SEGMENT.match(segment):
            break
    else:
        root = []
    return "%s://%s/%s" % (parts.scheme, parts.netloc, "/".join(root))


def choose_monitor(http_status, headers, body, request_url, monitor_header=AUTO, operation_base_url=None):
    """(monitor URL, source, kind) for a response, or (None, None, None).

    ``source`` is the header name, or ``name`` for an AIP-151 Operation body. Location
    means a monitor only on 202: on 201 it names the created resource.
    """
    if monitor_header not in (None, "", AUTO):
        value = _header(headers, monitor_header)
        if value:
            kind = "location" if monitor_header.lower() in ("location", "content-location") else "status"
            return urljoin(request_url, value.strip()), monitor_header, kind
        return None, None, None
    for name in MONITOR_HEADERS:
        value = _header(headers, name)
        if not value or (name == "Location" and http_status != 202):
            continue
        return urljoin(request_url, value.strip()), name, ("location" if name == "Location" else "status")
    if isinstance(body, dict) and isinstance(body.get("name"), str) and isinstance(body.get("done"), bool) \
            and body["name"].strip():
        base = (operation_base_url or version_root(request_url)).rstrip("/")
        return base + "/" + body["name"].strip().lstrip("/"), "name", "status"
    return None, None, None


def _absolute(url):
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and parts.port != -1
    except ValueError:  # e.g. a port that is not a number
        return False


# ----------------------------------------------------------------------------------- request

def build_body(body, body_format, headers):
    """(data, headers) to send; Content-Type is set unless the user set one (like uri)."""
    headers = dict(headers or {})
    has_type = any(k.lower() == "content-type" for k in headers)
    if body is None:
        return None, headers
    if body_format == "json":
        data = body if isinstance(body, str) else json.dumps(body)
        if not has_type:
            headers["Content-Type"] = "application/json"
    elif body_format == "form-urlencoded":
        if isinstance(body, str):
            data = body
        elif isinstance(body, dict):
            data = urlencode(list(body.items()), doseq=True)
        elif isinstance(body, list) and all(isinstance(i, (list, tuple)) and len(i) == 2 for i in body):
            data = urlencode([tuple(i) for i in body], doseq=True)
        else:
            raise InputError("body must be a string, a dict or a list of [key, value] pairs when "
                             "body_format is form-urlencoded")
        if not has_type:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
    else:
        if not isinstance(body, (str, bytes)):
            raise InputError("body must be a string when body_format is raw; use body_format=json to send "
                             "a %s as JSON" % type(body).__name__)
        data = body
    if isinstance(data, str):
        data = data.encode("utf-8")
    return data, headers


def prefer_header(existing, prefer_async, prefer_wait):
    """The Prefer header value with respond-async (and wait=N) merged into the user's."""
    parts = [p.strip() for p in (existing or "").split(",") if p.strip()]
    names = [p.split("=", 1)[0].strip().lower() for p in parts]
    if prefer_async and "respond-async" not in names:
        parts.append("respond-async")
    if prefer_wait is not None and "wait" not in names:
        parts.append("wait=%d" % prefer_wait)
    return ", ".join(parts) or None


def userinfo_secrets(url):
    """Secrets in a URL's user-info (``https://user:pass@host/``), which requests sends as Basic auth:
    the password as written, percent-decoded, and the Basic token requests builds from them."""
    try:
        parts = urlsplit(str(url))
        username, password = parts.username, parts.password
    except ValueError:
        return []
    if password is None:
        return []
    # requests decodes both halves before encoding them as the Basic token.
    token = basic_token(unquote(username or ""), unquote(password))
    return [password, unquote(password), token, "Basic " + token]


def sensitive_values(headers, password, basic, url=None):
    """Secrets to mask: the password, the Basic header and its token, values of secret-looking
    headers, and the password of the url's user-info.

    Values shorter than 3 characters are left out, as masking them would garble every
    message (the same floor as the transport's Redactor).
    """
    values = [password, basic]
    if basic:
        values.append(basic.split(" ", 1)[-1])
    values += userinfo_secrets(url)
    for key, value in (headers or {}).items():
        if _SENSITIVE_HEADER.search(key) and key.lower() not in BODY_HEADERS:
            values.append(value)
    return [str(v) for v in values if v is not None and len(str(v)) >= 3]


def parse_body(resp):
    """The JSON body of a response, or None when it is not JSON."""
    text = resp.text
    if not text.strip():
        return None
    ctype = (resp.headers.get("Content-Type") or "").lower()
    if "json" not in ctype and not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def error_text(error, limit=300):
    """One line for an error object: Azure/ARM {code, message}, google.rpc.Status, or text."""
    if isinstance(error, dict):
        inner = error.get("error") if isinstance(error.get("error"), dict) else error
        code, message = inner.get("code"), inner.get("message")
        if code is not None or message:
            text = "%s: %s" % (code, message) if code is not None and message else str(message or code)
        else:
            text = json.dumps(error, sort_keys=True)
    else:
        text = str(error)
    return clip(text, limit)


# ------------------------------------------------------------------------------------ follow

class Monitor(object):
    """The status monitor being followed, and the request headers its GETs carry."""

    def __init__(self, url, source, kind, headers):
        self.url = url
        self.source = source
        self.kind = kind
        self.headers = headers


def _get(transport, url, headers, what):
    resp = transport.request("GET", url, headers=headers, expect=(), what=what)
    return resp, parse_body(resp)


class MonitorPoll(object):
    """An operation monitor as a poll backend of the one wait loop (``_wait.wait_for_jobs``).

    Each poll is one GET of the monitor. 401/403/404/410 end the wait at once (the monitor
    cannot be read); 429, and 5xx from a status monitor, are failed polls the loop tolerates
    a few times (a Location monitor reports a failed operation with an error status, so its
    5xx is an answer). The last answer (decision, body, HTTP status) is kept for the result.
    """

    def __init__(self, transport, monitor, rules, shown):
        self.transport = transport
        self.monitor = monitor
        self.rules = rules
        self.shown = shown
        self.retry_after = None
        self.decision = self.body = self.status = None
        self.calls = 0

    def poll(self, ids):
        self.retry_after = None
        self.calls += 1
        resp, self.body = _get(self.transport, self.monitor.url, self.monitor.headers, "GET %s" % self.shown)
        self.status = status = resp.status
        if status in (401, 403, 404, 410):
            raise FleetError("The operation monitor %s answered HTTP %s: %s"
                             % (self.shown, status, error_text(self.body if self.body is not None else resp.text)),
                             monitor_url=self.shown, final_status=status, operation=self.body, polls=self.calls)
        hint = parse_retry_after(resp.headers.get("Retry-After"))
        if status == 429 or (status >= 500 and self.monitor.kind == "status"):
            error = TransportError("HTTP %s" % status)
            error.retry_after = hint
            raise error
        self.retry_after = hint
        self.decision = decide(status, self.body if self.body is not None else (resp.text or None), self.monitor.kind,
                               self.rules)
        last = self.decision
        return {self.shown: lc.job(API, self.shown, last.state, last.raw_state, progress=last.progress)}


def follow(transport, monitor, rules, timeout, poll_interval, max_poll_interval, first_retry_after=None,
           progress=None, clock=time.monotonic, sleep=time.sleep, display_url=None):
    """Poll ``monitor`` with the one wait loop until its operation ends or the deadline passes.

    ``timeout`` is the task's Deadline or seconds. Returns dict(decision, operation,
    final_status, polls, elapsed). Raises WaitTimeout naming the monitor URL and its last
    status, or FleetError for a monitor that cannot be read (401/403/404/410, or more than
    MAX_POLL_ERRORS failed polls in a row).
    """
    backend = MonitorPoll(transport, monitor, rules, display_url or monitor.url)
    shown = backend.shown
    try:
        out = wait_for_jobs(backend, [shown], timeout, poll_interval, max_poll_interval, max_errors=MAX_POLL_ERRORS,
                            progress=progress, clock=clock, sleep=sleep, pause_first=True,
                            first_retry_after=parse_retry_after(first_retry_after))
    except WaitTimeout as exc:
        last = backend.decision
        msg = "Timed out after %ss waiting for the operation at %s; last status: %s" % (
            timeout.timeout if isinstance(timeout, Deadline) else timeout, shown,
            "no answer" if last is None else last.describe())
        if backend.status is not None:
            msg += ", HTTP %s" % backend.status
        late = exc.facts.get("retry_after_past_deadline")
        if late is not None:
            msg += " (the server's Retry-After of %ss put the next poll after the deadline)" % round(late, 3)
        if exc.facts.get("last_error"):
            msg += "; last poll error: %s" % exc.facts["last_error"]
        extra = {"operation": backend.body, "final_status": backend.status, "polls": exc.result["polls"],
                 "elapsed": exc.result["elapsed"]}
        extra.update((last or Decision(lc.UNKNOWN, None)).as_dict())
        raise WaitTimeout(msg, monitor_url=shown, **extra)
    except TransportError as exc:
        if getattr(exc, "failed_polls", None) is None:
            raise
        raise FleetError("Could not read the operation monitor %s (%d failed polls in a row): %s"
                         % (shown, exc.failed_polls, exc.poll_error), monitor_url=shown, final_status=backend.status,
                         operation=backend.body, polls=exc.result.get("polls"))
    return {"decision": backend.decision, "operation": backend.body, "final_status": backend.status,
            "polls": out["polls"], "elapsed": out["elapsed"]}


# --------------------------------------------------------------------------------- operation

class AsyncRequest(Operation):
    argument_spec = dict(
        url=dict(type="str", required=True),
        method=dict(type="str", default="GET"),
        body=dict(type="raw"),
        body_format=dict(type="str", default="raw", choices=["raw", "json", "form-urlencoded"]),
        headers=dict(type="dict", default={}),
        url_username=dict(type="str", aliases=["user"]),
        url_password=dict(type="str", aliases=["password"], no_log=True),
        force_basic_auth=dict(type="bool", default=False),
        validate_certs=dict(type="bool", default=True),
        ca_path=dict(type="path"),
        timeout=dict(type="float", default=30),
        status_code=dict(type="list", elements="int", default=[200, 201, 202, 204]),
        return_content=dict(type="bool", default=False),
        prefer_async=dict(type="bool", default=False),
        prefer_wait=dict(type="int"),
        monitor_header=dict(type="str", default=AUTO),
        operation_base_url=dict(type="str"),
        status_field=dict(type="str", default=AUTO),
        success_values=dict(type="list", elements="str", default=DEFAULT_SUCCESS),
        failure_values=dict(type="list", elements="str", default=DEFAULT_FAILURE),
        cancel_values=dict(type="list", elements="str", default=DEFAULT_CANCEL),
        result_field=dict(type="str", default=AUTO),
        error_field=dict(type="str", default="error"),
        progress_field=dict(type="str", default=AUTO),
        final_get=dict(type="bool", default=True),
        wait=dict(type="bool", default=True),
        wait_timeout=dict(type="float", default=600),
        poll_interval=dict(type="float", default=1),
        max_poll_interval=dict(type="float", default=15),
    )
    requirements = req.JSON

    def extra_no_log_values(self, params):
        # Authorization / X-Api-Token style header values are secrets even though headers is not no_log,
        # and so is a password in the url's user-info once requests sends it as Basic auth.
        return sensitive_values(params.get("headers"), None, None, params.get("url"))

    def run(self, params, ctx):
        method = params["method"].strip().upper()
        if not re.fullmatch(r"[A-Z]+", method):
            raise InputError("method must be an HTTP method name such as GET, POST, PUT, PATCH or DELETE, got %r"
                             % params["method"])
        url = params["url"].strip()
        if not _absolute(url):
            raise InputError("url must be an absolute http:// or https:// URL, got %r" % Redactor()(url))
        for name in ("wait_timeout", "poll_interval", "timeout"):
            if params[name] <= 0:
                raise InputError("%s must be a positive number of seconds, got %r" % (name, params[name]))
        if params["max_poll_interval"] < params["poll_interval"]:
            raise InputError("max_poll_interval (%r) must be at least poll_interval (%r)"
                             % (params["max_poll_interval"], params["poll_interval"]))
        if params["prefer_wait"] is not None and params["prefer_wait"] < 0:
            raise InputError("prefer_wait must be zero or more seconds, got %r" % params["prefer_wait"])
        if params["operation_base_url"] and not _absolute(params["operation_base_url"]):
            raise InputError("operation_base_url must be an absolute http:// or https:// URL")
        rules = Rules(params["status_field"], params["success_values"], params["failure_values"],
                      params["cancel_values"], params["result_field"], params["error_field"], params["progress_field"])
        user_headers = dict((str(k), str(v)) for k, v in (params["headers"] or {}).items())
        data, headers = build_body(params["body"], params["body_format"], user_headers)
        prefer = prefer_header(_header(headers, "Prefer"), params["prefer_async"], params["prefer_wait"])
        headers = dict((k, v) for k, v in headers.items() if k.lower() != "prefer")
        if prefer:
            headers["Prefer"] = prefer

        basic = None
        if params["url_username"] is not None or params["url_password"] is not None:
            # Always pre-emptive (force_basic_auth semantics): these APIs answer 401, not a challenge dance.
            basic = "Basic " + basic_token(params["url_username"], params["url_password"])
        secrets = sensitive_values(user_headers, params["url_password"], basic, url)
        redact = Redactor(secrets)
        shown_url = redact(url)
        read_only = method in READ_ONLY_METHODS
        result = dict(changed=not read_only, method=method, url=shown_url, requests=0)

        if ctx.check_mode and not read_only:
            result.update(would_request={"method": method, "url": shown_url}, state=None,
                          msg="Check mode: %s %s was not sent" % (method, shown_url))
            return result

        transport = ctx.track(Transport(url, validate_certs=params["validate_certs"], ca_path=params["ca_path"],
                                        timeout=params["timeout"], secrets=secrets,
                                        user_agent="asyncjobs.fleet.async_request", environ=ctx.environ,
                                        foreign_urls=True))
        try:
            return self._run(transport, url, method, data, headers, basic, rules, params, ctx, result, redact)
        except FleetError as exc:
            exc.msg = redact(exc.msg)
            exc.result.setdefault("changed", result["changed"] if not isinstance(exc, InputError) else False)
            for key in ("method", "url"):
                exc.result.setdefault(key, result[key])
            raise
        finally:
            transport.close()

    def _run(self, transport, url, method, data, headers, basic, rules, params, ctx, result, redact):
        send = dict(headers)
        if basic and not _header(send, "Authorization"):
            # An explicit Authorization header wins, as in uri.
            send["Authorization"] = basic
        try:
            resp = transport.request(method, url, data=data, headers=send, expect=(),
                                     safe=None, what="%s %s" % (method, redact(url.split("?", 1)[0])))
        except TransportError as exc:
            if exc.sent is False:
                exc.result["changed"] = False
            elif method not in READ_ONLY_METHODS:
                # A generic API offers no way to find what this request may have started.
                exc.msg += (". The outcome is unknown: the request was sent, so the server may have acted on it, "
                            "and it was NOT sent again. async_request cannot look up an operation whose reply "
                            "was lost; check the service's state before running the task again")
            raise
        body = parse_body(resp)
        interest = dict((name, resp.headers.get(name)) for name in HEADERS_OF_INTEREST if resp.headers.get(name))
        result.update(status=resp.status, headers=interest, json=body,
                      preference_applied=resp.headers.get("Preference-Applied"))
        if params["return_content"]:
            result["content"] = resp.text
        if resp.status not in params["status_code"]:
            result["changed"] = result["changed"] and resp.status < 400
            raise FleetError("Status code was %s and not %s: %s %s answered %s" % (
                resp.status, params["status_code"], method, redact(url.split("?", 1)[0]),
                error_text(body if body is not None else (resp.text or "an empty body"))), **result)

        monitor_url, source, kind = choose_monitor(resp.status, resp.headers, body, url, params["monitor_header"],
                                                   params["operation_base_url"])
        result.update(monitor_url=redact(monitor_url) if monitor_url else None, monitor_source=source,
                      operation=None, elapsed=0.0, polls=0)
        if monitor_url is None:
            if resp.status == 202:
                ctx.warn("%s %s answered 202 Accepted without a monitor (Operation-Location, Azure-AsyncOperation "
                         "or Location header, or an AIP-151 Operation body); nothing to wait for"
                         % (method, redact(url.split("?", 1)[0])))
                result.update(state=lc.PENDING, raw_state="HTTP 202", progress=None, result=None, error=None)
            else:
                # A synchronous answer: returned like uri, the body is the result.
                result.update(state=lc.SUCCEEDED, raw_state="HTTP %s" % resp.status, progress=None,
                              result=body if body is not None else (resp.text or None), error=None)
            return result

        # An Azure 202 body and an AIP-151 answer are the status monitor itself (AIP's may
        # already be done); other initial bodies (ARM resources, 201 resources) say nothing
        # about the operation.
        first = Decision(lc.PENDING, "HTTP %s" % resp.status)
        if body is not None and (source == "name" or (source == "Operation-Location" and resp.status == 202)):
            read = decide(resp.status, body, "status", rules)
            if read.state != lc.UNKNOWN:
                first = read
        result.update(first.as_dict())
        if not params["wait"] and not first.terminal:
            return result

        def headers_for(target):
            """Monitor GET headers: the user's (minus body ones); credentials only to the request's origin."""
            out = dict((k, v) for k, v in headers.items() if k.lower() not in BODY_HEADERS)
            if basic and not _header(out, "Authorization"):
                out["Authorization"] = basic
            if not same_origin(url, target):
                # Another origin gets only headers known to be harmless (an allow-list: a deny-list
                # let X-Credential and X-Pass through); the session enforces the same rule.
                out = foreign_safe_headers(out)
            return out

        monitor = Monitor(monitor_url, source, kind, headers_for(monitor_url))
        if first.terminal:
            outcome = {"decision": first, "operation": body, "final_status": resp.status, "polls": 0, "elapsed": 0.0}
        else:
            try:
                outcome = follow(transport, monitor, rules, ctx.deadline(params["wait_timeout"]), params["poll_interval"],
                                 params["max_poll_interval"], first_retry_after=resp.headers.get("Retry-After"),
                                 progress=ctx.progress, display_url=redact(monitor_url))
            except FleetError as exc:
                merged = dict(result)
                merged.update(exc.result)
                exc.result = merged
                raise
        decision = outcome["decision"]
        result.update(decision.as_dict())
        result.update(operation=outcome["operation"], final_status=outcome["final_status"],
                      polls=outcome["polls"], elapsed=outcome["elapsed"])
        if decision.state == lc.SUCCEEDED and not decision.has_result and params["final_get"]:
            self._final_get(transport, method, url, resp, monitor, headers_for, result, ctx, redact)
        if decision.state != lc.SUCCEEDED:
            raise JobFailed("The operation at %s ended %s%s" % (
                result["monitor_url"], decision.describe(),
                ": %s" % error_text(decision.error) if decision.error is not None else ""), **result)
        return result

    @staticmethod
    def _final_get(transport, method, url, resp, monitor, headers_for, result, ctx, redact):
        """ARM's final-state rule: the resource (PUT/PATCH) or the Location result (POST/DELETE)."""
        target = None
        if method in ("PUT", "PATCH"):
            target = url
        elif monitor.source != "Location" and resp.headers.get("Location"):
            target = urljoin(url, resp.headers["Location"])
        if not target:
            return
        headers = headers_for(target)
        final, body = _get(transport, target, headers, "GET %s" % redact(target.split("?", 1)[0]))
        if final.status in (200, 201):
            result.update(result=body if body is not None else (final.text or None), result_url=redact(target))
        elif final.status != 204:
            ctx.warn("The operation succeeded but GET %s for its result answered HTTP %s"
                     % (redact(target.split("?", 1)[0]), final.status))


ASYNC_REQUEST = AsyncRequest()
