# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A scripted, misbehaving HTTP server on loopback for the security tests (stdlib only).

The lab is faithful to the managers; this server is not. A test scripts its replies route by
route, so it can play a manager that hands back foreign links and redirects, echoes the request's
headers, pages without end or hangs, and a second instance can play the foreign host that must
never see a credential.

    with HostileServer() as manager, HostileServer() as foreign:
        manager.route("GET", r"^/api/jobs$", lambda req: {"_links": {"next": {"href": foreign.url("/steal")}}})
        ...                                  # run a playbook against manager.url()
        assert not foreign.credentials_seen()

A handler gets a :class:`Seen` request and returns one of:

- a ``dict`` or ``list``: sent as JSON with status 200;
- ``(status, body)`` or ``(status, body, headers)``: body is bytes, str, or JSON-able;
- :data:`HANG`: the connection is held open without a reply until the server stops.

Unrouted requests get 404. Every request is recorded in ``requests`` (method, target, path,
query, headers, body) before its handler runs, so a test can assert what was sent, and where.
``tls=(certfile, keyfile)`` serves HTTPS (the lab's CA can sign it, see ``labctl``).
"""

from __future__ import annotations

import json
import re
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

HANG = object()
# Headers that carry a credential in any of the four APIs, async_request's examples included.
CREDENTIAL_HEADERS = ("authorization", "cookie", "dell-emc-token", "x-api-key", "x-api-key-id",
                      "x-api-key-secret", "x-auth-token", "x-credential", "x-pass", "proxy-authorization")


class Seen:
    """One request as the server received it."""

    def __init__(self, method, target, headers, body):
        parts = urlsplit(target)
        self.method = method
        self.target = target
        self.path = unquote(parts.path)
        self.raw_path = parts.path
        self.query = parse_qs(parts.query, keep_blank_values=True)
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.body = body

    def param(self, name, default=None):
        values = self.query.get(name)
        return values[-1] if values else default

    def json(self):
        return json.loads(self.body or b"null")

    def credentials(self):
        """The credential-bearing headers of this request, ``{name: value}``."""
        return {k: v for k, v in self.headers.items() if k in CREDENTIAL_HEADERS}

    def __repr__(self):
        return "<%s %s>" % (self.method, self.target)


class HostileServer:
    def __init__(self, tls=None):
        self.requests = []
        self._routes = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.scheme = "https" if tls else "http"
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, fmt, *args):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, dict(self.headers.items()), body)
                with server._lock:
                    server.requests.append(seen)
                reply = server._reply(seen)
                if reply is HANG:
                    server._stopping.wait(600)
                    self.close_connection = True
                    return
                status, payload, headers = reply
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _any

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="hostile-server", daemon=True)

    def url(self, path="", host="127.0.0.1", userinfo=None):
        return "%s://%s%s:%d%s" % (self.scheme, userinfo + "@" if userinfo else "", host, self.port, path)

    def route(self, method, pattern, handler):
        """Answer ``method`` requests whose path (decoded) matches ``pattern`` with ``handler``.

        Later routes win, so a test can override one route of a prepared script."""
        self._routes.insert(0, (method.upper(), re.compile(pattern), handler))
        return self

    def _reply(self, seen):
        for method, pattern, handler in list(self._routes):
            if method in (seen.method, "*") and pattern.search(seen.path):
                return _normalise(handler(seen))
        return _normalise((404, {"error": "no route for %s %s" % (seen.method, seen.path)}))

    def seen(self, method=None, pattern=None):
        """The recorded requests, optionally only those of ``method`` whose path matches ``pattern``."""
        with self._lock:
            found = list(self.requests)
        return [r for r in found if (method is None or r.method == method.upper())
                and (pattern is None or re.search(pattern, r.path))]

    def credentials_seen(self):
        """Every credential-bearing header any request carried here: ``[(request, {name: value})]``."""
        return [(r, r.credentials()) for r in self.seen() if r.credentials()]

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def _normalise(reply):
    if reply is HANG:
        return HANG
    if isinstance(reply, (dict, list)):
        reply = (200, reply)
    status, body = reply[0], reply[1]
    headers = dict(reply[2]) if len(reply) > 2 else {}
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
        headers.setdefault("Content-Type", "application/json")
    if isinstance(body, str):
        body = body.encode("utf-8")
        headers.setdefault("Content-Type", "text/plain; charset=utf-8")
    return status, body or b"", headers
