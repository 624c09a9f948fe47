# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""HTTP transport shared by every API backend.

One ``requests`` session per task (keep-alive), connect/read timeouts, TLS with a
custom CA, Basic, header or signing auth, bounded retries with jittered exponential backoff
for safe requests, ``Retry-After`` honoured within the caller's deadline, the request budget
(``_budget``: rate and concurrency caps) on every attempt, and secrets redacted from every
message that leaves this module.

The task's environment supplies proxies (``HTTPS_PROXY``, ``HTTP_PROXY``, ``NO_PROXY``) and,
only when the task sets neither ``validate_certs: false`` nor ``ca_path``, the CA bundle
(``REQUESTS_CA_BUNDLE``, ``CURL_CA_BUNDLE``). It never overrides the task's TLS choice and
never adds credentials (``~/.netrc``): see TaskSession.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import email.utils
import os
import random
import re
import time

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    ApiError,
    FleetError,
    InputError,
    TransportError,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._budget import NoTurn
from ansible_collections.asyncjobs.fleet.plugins.module_utils._requirements import HAS_REQUESTS, requests
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor, clip
from ansible_collections.asyncjobs.fleet.plugins.module_utils._session import TaskSession, tls_verify
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import check_base_url, show_origin, url_origin


SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
# Statuses worth another try on a safe request: throttling and transient server faults.
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
# Statuses that say the server did not act on the request, so even a submission may be
# sent again once the server's Retry-After has passed.
REJECTED_UNPROCESSED = frozenset((429, 503))
# A server asking for a longer pause than this is treated as asking for this much; the
# task's own deadline still bounds the total.
MAX_RETRY_AFTER = 300.0
# No API answer of these managers comes near this; a bigger body is a fault (a proxy page
# looping, a misrouted download) and reading it whole could exhaust the controller's memory.
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
_CHUNK = 64 * 1024


def basic_token(username, password):
    """The base64 ``user:password`` of a Basic Authorization header: the one place it is built,
    for sending (requests builds the same) and for redacting (a server may echo the header)."""
    return base64.b64encode(("%s:%s" % (username or "", password or "")).encode("utf-8")).decode("ascii")


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    if re.fullmatch(r"[0-9]{1,12}", value):
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return min(MAX_RETRY_AFTER, max(0.0, when.timestamp() - now))


def backoff_delay(attempt, base=0.5, cap=10.0, rand=random.random):
    """Delay before retry ``attempt`` (0-based): capped exponential with equal jitter.

    Half the step is fixed so retries never bunch at zero; the other half is random so
    many controllers hitting one server spread out.
    """
    step = min(cap, base * (2 ** attempt))
    return step / 2.0 + rand() * step / 2.0


class Response(object):
    """What callers need of a response, decoupled from requests."""

    def __init__(self, status, headers, body, url):
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url

    @property
    def text(self):
        return self.body.decode("utf-8", "replace") if isinstance(self.body, bytes) else (self.body or "")

    def json(self):
        import json
        try:
            return json.loads(self.text)
        except ValueError:
            raise ApiError("Expected a JSON body from %s (HTTP %s) but got %s" % (
                clip(self.url.split("?", 1)[0], 2000), self.status, _describe_body(self.text, self.headers)), status=self.status)


def _describe_body(text, headers):
    """An excerpt of a body, or what it is when it is an HTML page (a proxy or login page)."""
    ctype = str((headers or {}).get("Content-Type", ""))
    if "html" in ctype.lower() or (text or "").lstrip().lower().startswith(("<!doctype html", "<html")):
        return "an HTML page instead of an API response (a proxy, login or error page?)"
    return _excerpt(text)


def _excerpt(text, limit=200):
    text = clip(text, limit)
    return repr(text) if text else "an empty body"


@contextlib.contextmanager
def polling(transport, deadline, retries, backoff):
    """Bound a transport to a wait while it polls: no retry outlives ``deadline``, and each
    request gets at most ``retries`` quick retries (backoff base at most ``backoff``), since a
    failed poll is simply polled again. Restored afterwards. Only attributes the transport
    has are touched, so a minimal backend without a Transport (tests, fakes) works too.
    """
    tuned = {"deadline": lambda old: deadline, "retries": lambda old: min(old, retries),
             "backoff": lambda old: min(old, backoff)}
    saved = {}
    if transport is not None:
        for name, value in tuned.items():
            if hasattr(transport, name):
                saved[name] = getattr(transport, name)
                setattr(transport, name, value(saved[name]))
    try:
        yield transport
    finally:
        for name, value in saved.items():
            setattr(transport, name, value)


class Transport(object):
    """A requests session bound to one API endpoint.

    ``environ`` is where proxy and CA bundle variables are read (default: the process
    environment); an action plugin passes the task's, ``environment:`` keyword included.
    """

    def __init__(self, base_url, username=None, password=None, headers=None, validate_certs=True,
                 ca_path=None, timeout=30.0, retries=4, backoff=0.5, max_backoff=10.0,
                 secrets=(), user_agent="asyncjobs.fleet", sleep=time.sleep, clock=time.monotonic, environ=None,
                 auth=None, foreign_urls=False, budget=None):
        if not HAS_REQUESTS:
            raise InputError("The Python library 'requests' is required")
        check_base_url(base_url)
        if timeout is None or float(timeout) <= 0:
            raise InputError("timeout must be a positive number of seconds, got %r" % (timeout,))
        if validate_certs and ca_path and not os.access(str(ca_path), os.R_OK):
            # requests would raise a bare OSError from deep inside the first request.
            raise InputError("ca_path %r is not a readable file or directory: set it to the PEM bundle of the CA "
                             "that signs the server's certificate" % (str(ca_path),))
        self.base_url = str(base_url).rstrip("/")
        self.origin = url_origin(self.base_url)
        # Only async_request (generic APIs poll monitors on other hosts) may request another
        # origin, and then without credentials (TaskSession); every backend refuses one.
        self.foreign_urls = foreign_urls
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.sleep = sleep
        self.clock = clock
        # Absolute monotonic deadline for retries; set by the wait loop so that retrying
        # a poll never outlives the task's wait_timeout.
        self.deadline = None
        # The request budget (_budget.Budget) every attempt takes a turn from, or None (no cap).
        self.budget = budget
        secrets = list(secrets) + [password] + list((headers or {}).values())
        if username is not None and password is not None:
            # A server that echoes the request may send the Authorization header back as is.
            secrets.append(basic_token(username, password))
        self.redact = Redactor(secrets)
        self.stats = {"requests": 0, "retries": 0, "by_method": {}}
        self.server_dates = collections.deque(maxlen=64)
        self.session = TaskSession(environ, self.origin)
        self.session.headers["User-Agent"] = user_agent
        if headers:
            self.session.headers.update(headers)
        if username is not None and password is not None:
            self.session.auth = (username, password)
        if auth is not None:
            self.session.auth = auth  # a requests AuthBase that signs every attempt (the RPC service)
        self.session.verify = tls_verify(validate_certs, ca_path, environ)
        if not validate_certs:
            try:
                import urllib3
                urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            except ImportError:  # pragma: no cover
                pass

    def url(self, path, what=None):
        """The URL to request: a path is resolved against the configured url; an absolute URL
        (a link a server handed back) must have the configured url's origin."""
        path = str(path)
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path):
            return self.base_url + "/" + path.lstrip("/")
        if self.foreign_urls or url_origin(path) == self.origin:
            return path
        # Not an ApiError: a wait loop would poll again, and the same link comes back.
        raise FleetError("%srefused to follow a link the server handed back to %s: credentials are only sent to the "
                         "configured url's origin %s, and a link to another scheme, host or port is not followed "
                         "(nothing was sent there). Is the manager's public address (its base URL setting) the "
                         "same as url?" % ("%s: " % what if what else "", self.redact(show_origin(url_origin(path))),
                                           show_origin(self.origin)))

    def request(self, method, path, params=None, data=None, json=None, headers=None,
                expect=(200,), safe=None, what=None):
        """Send one request, retrying where that is safe; return a Response.

        ``expect`` lists acceptable statuses; anything else raises ApiError.
        ``safe`` overrides the method-based idempotency judgement (a POST that only
        reads, such as an RPC getter, may be retried).
        """
        method = method.upper()
        safe = method in SAFE_METHODS if safe is None else safe
        url = self.url(path, what)
        what = what or "%s %s" % (method, self._display_url(url))
        attempt = 0
        while True:
            end_turn = self._turn(what)
            self.stats["requests"] += 1
            self.stats["by_method"][method] = self.stats["by_method"].get(method, 0) + 1
            try:
                try:
                    resp = self.session.request(
                        method, url, params=params, data=data, json=json, headers=headers,
                        timeout=(min(10.0, self.timeout), self.timeout), allow_redirects=False, stream=True)
                    body = self._read_body(resp, what)  # truncation surfaces here
                finally:
                    end_turn()  # the slot is free once the response is read, not during a retry's pause
            except requests.exceptions.SSLError as exc:
                raise TransportError(self.redact(
                    "TLS error talking to %s: %s. If the server uses a private CA, set ca_path to its "
                    "certificate bundle; validate_certs=false disables verification (insecure)."
                    % (self._display_url(url), _root_cause(exc))), sent=False)
            except requests.exceptions.RequestException as exc:
                sent = _was_sent(exc)
                # Asking a proxy again with the same wrong credentials cannot help.
                retry = (safe or sent is False) and not _proxy_status(exc).startswith("407")
                delay = self._retry_delay(attempt, None) if retry else None
                if delay is not None:
                    attempt = self._pause(attempt, delay)
                    continue
                raise TransportError(self.redact("%s failed: %s" % (what, _describe(exc, self.timeout))),
                                     sent=sent)
            status = resp.status_code
            # (Date header, local time received): lets a lost submission's job be matched on the
            # server's clock (see _submit.ServerClock).
            self.server_dates.append((resp.headers.get("Date"), time.time()))
            if status == 429 and self.budget is not None:
                # Every process sharing the budget pauses (Retry-After) or slows down.
                self.budget.throttled(parse_retry_after(resp.headers.get("Retry-After")))
            if status in RETRY_STATUSES and (safe or status in REJECTED_UNPROCESSED):
                delay = self._retry_delay(attempt, parse_retry_after(resp.headers.get("Retry-After")))
                if delay is not None:
                    attempt = self._pause(attempt, delay)
                    continue
            response = Response(status, resp.headers, body, url)
            if expect and status not in expect:
                error = ApiError(self.redact(self._status_message(what, response)), status=status,
                                 body=clip(response.text, 2000, self.redact, collapse=False))
                # The server's requested pause, for a caller that tries again later (the wait loop).
                error.retry_after = parse_retry_after(resp.headers.get("Retry-After")) if status in RETRY_STATUSES else None
                raise error
            return response

    def _turn(self, what):
        """Wait for the budget's turn (within the deadline); returns the function that ends it."""
        if self.budget is None:
            return _no_turn
        try:
            return self.budget.turn(self.deadline)
        except NoTurn as exc:
            raise TransportError(self.redact(
                "%s was not sent: the request budget (requests_per_second, max_concurrent_requests, request_budget_file) "
                "gives it no turn before the task's deadline%s" % (
                    what, "" if exc.wait is None else " (the next turn is in %.1fs)" % exc.wait)), sent=False)

    @staticmethod
    def _read_body(resp, what):
        """The whole body, or TransportError once it passes MAX_RESPONSE_BYTES (never held in full)."""
        limit = MAX_RESPONSE_BYTES
        too_big = "%s failed: the response body is larger than the limit of %d MiB, so it was not read " \
                  "(is the url pointing at an API?)" % (what, limit // (1024 * 1024))
        try:
            declared = int(resp.headers.get("Content-Length") or 0)
        except ValueError:
            declared = 0
        if declared > limit:
            resp.close()
            raise TransportError(too_big)
        chunks = []
        size = 0
        try:
            for chunk in resp.iter_content(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TransportError(too_big)
                chunks.append(chunk)
        finally:
            resp.close()
        return b"".join(chunks)

    def _retry_delay(self, attempt, wait):
        """Seconds to pause before retrying, or None when no retry may be made."""
        if attempt >= self.retries:
            return None
        delay = wait if wait is not None else backoff_delay(attempt, self.backoff, self.max_backoff)
        if self.deadline is not None and self.clock() + delay >= self.deadline:
            return None
        return delay

    def _pause(self, attempt, delay):
        self.stats["retries"] += 1
        self.sleep(delay)
        return attempt + 1

    def _display_url(self, url):
        return self.redact(url.split("?", 1)[0])

    @staticmethod
    def _status_message(what, response):
        reason = {400: "bad request", 401: "authentication failed (check username/password or API key)",
                  403: "permission denied", 404: "not found", 405: "method not allowed",
                  407: "proxy authentication required (check the user and password in HTTP_PROXY)",
                  409: "conflict", 415: "unsupported media type", 416: "range not satisfiable",
                  422: "unprocessable entity", 429: "throttled", 500: "server error",
                  502: "bad gateway", 503: "service unavailable", 504: "gateway timeout"}
        detail = _describe_body(response.text, response.headers)
        return "%s returned HTTP %s (%s): %s" % (what, response.status, reason.get(response.status, "error"), detail)

    def close(self):
        self.session.close()


def _no_turn():
    pass


def _root_cause(exc):
    text = repr(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return "certificate verify failed (not signed by a trusted CA)"
    if "doesn't match" in text or "hostname mismatch" in text.lower():
        return "certificate hostname mismatch"
    if "WRONG_VERSION_NUMBER" in text:
        return "the server does not speak TLS on this port"
    return clip(str(exc), 300, collapse=False)


def _proxy_status(exc):
    """The status line a proxy refused a CONNECT with ("407 Proxy Authentication Required"), else ""."""
    if not isinstance(exc, requests.exceptions.ProxyError):
        return ""
    found = re.search(r"Tunnel connection failed: ([0-9]{3}[^'\"()]*)", repr(exc))
    return found.group(1).strip() if found else ""


def _describe_proxy(exc):
    """Why the proxy (HTTPS_PROXY/HTTP_PROXY) did not pass the request on."""
    status = _proxy_status(exc)
    if status.startswith("407"):
        return ("the proxy requires authentication (HTTP 407): write its user and password into HTTPS_PROXY "
                "as user:password@ before the proxy's host, or list the server in NO_PROXY")
    if status:
        return "the proxy refused to connect to the server (%s): check HTTPS_PROXY and NO_PROXY" % status
    return "the proxy could not be reached: check HTTPS_PROXY, HTTP_PROXY and NO_PROXY"


def _was_sent(exc):
    """False when the request provably never reached the server, else None (unknown)."""
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.InvalidURL,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema,
                        # urllib3 reports a ProxyError only before the proxy connected us to the server.
                        requests.exceptions.ProxyError)):
        return False
    if isinstance(exc, requests.exceptions.ConnectionError):
        text = repr(exc)
        if "NewConnectionError" in text or "Connection refused" in text or "Name or service not known" in text \
                or "nodename nor servname" in text or "Failed to resolve" in text:
            return False
    return None


def _describe(exc, timeout):
    if isinstance(exc, requests.exceptions.ProxyError):
        return _describe_proxy(exc)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return "no response within the read timeout of %ss" % (timeout,)
    if isinstance(exc, requests.exceptions.ChunkedEncodingError) or "IncompleteRead" in repr(exc):
        return "the response was cut off before its end"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return "invalid URL"
    text = repr(exc)
    if "Connection refused" in text:
        return "connection refused (is the server running and the url right?)"
    if "RemoteDisconnected" in text or "Connection reset" in text or "Connection aborted" in text:
        return "the server closed the connection without a response"
    if "Failed to resolve" in text or "Name or service not known" in text:
        return "host name could not be resolved"
    return clip(str(exc), 300, collapse=False)
