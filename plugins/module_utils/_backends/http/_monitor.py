# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Generic long-running operations: which URL monitors an operation (Azure-AsyncOperation,
Operation-Location, Location, an AIP-151 Operation body), how its status reads as a lifecycle
state, and the monitor as a poll backend of the one wait loop."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urljoin, urlsplit

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    InputError,
    TransportError,
    WaitTimeout,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import clip
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import parse_retry_after
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import Deadline, wait_for_jobs


AUTO = "auto"
API = "http"
# Header precedence for monitor_header=auto (Azure guidelines, then ARM's preferred header,
# then the generic Location that ARM and RFC 7240 use).
MONITOR_HEADERS = ("Operation-Location", "Azure-AsyncOperation", "Location")
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
           progress=None, clock=time.monotonic, sleep=time.sleep, display_url=None, wait=None):
    """Poll ``monitor`` with the one wait loop until its operation ends or the deadline passes.

    ``timeout`` is the task's Deadline or seconds. ``wait(backend, ids, **options)`` runs the
    loop: a task passes ``Context.wait`` (its deadline, poll settings and accounting); by
    default ``wait_for_jobs`` with ``timeout`` and the poll settings. Returns dict(decision, operation,
    final_status, polls, elapsed). Raises WaitTimeout naming the monitor URL and its last
    status, or FleetError for a monitor that cannot be read (401/403/404/410, or more than
    MAX_POLL_ERRORS failed polls in a row).
    """
    backend = MonitorPoll(transport, monitor, rules, display_url or monitor.url)
    shown = backend.shown
    if wait is None:
        def wait(backend, ids, **options):
            return wait_for_jobs(backend, ids, timeout, poll_interval, max_poll_interval, clock=clock, sleep=sleep,
                                 **options)
    try:
        out = wait(backend, [shown], max_errors=MAX_POLL_ERRORS, progress=progress, pause_first=True,
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
