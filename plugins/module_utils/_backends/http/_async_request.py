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
from urllib.parse import unquote, urlencode, urljoin, urlsplit

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    InputError,
    JobFailed,
    TransportError,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._budget import make_budget
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import budget_settings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Transport, basic_token
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import foreign_safe_headers, same_origin, url_origin
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http._monitor import (
    AUTO,
    DEFAULT_CANCEL,
    DEFAULT_FAILURE,
    DEFAULT_SUCCESS,
    Decision,
    Monitor,
    Rules,
    _absolute,
    _get,
    _header,
    choose_monitor,
    decide,
    error_text,
    follow,
    parse_body,
)


# Returned in `headers`: what a user needs to understand how the server answered.
HEADERS_OF_INTEREST = ("Operation-Location", "Azure-AsyncOperation", "Location", "Retry-After",
                       "Preference-Applied", "Operation-Id", "Content-Type", "Content-Location")
READ_ONLY_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
BODY_HEADERS = frozenset(("content-type", "content-length", "content-encoding", "prefer"))
_SENSITIVE_HEADER = re.compile(r"auth|cookie|token|secret|key|password|session|signature", re.IGNORECASE)


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
        # The request budget, as the other modules have it (no environment fallback: async_request has none).
        requests_per_second=dict(type="float"),
        max_concurrent_requests=dict(type="int"),
        request_budget_file=dict(type="path"),
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
        budget = budget_settings(None, params, {})
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
                                        foreign_urls=True, budget=make_budget(url_origin(url), **budget)))
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
                                 progress=ctx.progress, display_url=redact(monitor_url),
                                 wait=lambda backend, ids, **options: ctx.wait(backend, ids, params, **options))
            except FleetError as exc:
                merged = dict(result)
                merged.update(exc.result)
                exc.result = merged
                raise
        decision = outcome["decision"]
        result.update(decision.as_dict())
        # polls and elapsed of the wait: added by the runner (0 when the answer needed no wait).
        result.update(operation=outcome["operation"], final_status=outcome["final_status"])
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
