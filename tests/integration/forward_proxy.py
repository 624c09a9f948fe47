# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A small forward proxy on loopback for the proxy tests (stdlib only, one thread per connection).

- ``CONNECT host:port`` opens a tunnel and copies bytes both ways, unread (TLS stays end to end).
- ``GET http://host:port/path`` (absolute URI, plain HTTP) is forwarded as an origin-form request
  with ``Connection: close`` both ways, so no connection is ever reused behind the client's back.
- With ``credentials=(user, password)`` every request needs a matching Basic ``Proxy-Authorization``
  (else 407); the proxy does not pass that header on.

Every request head the proxy received is recorded (``requests``): method, target, headers, and
whether the proxy let it through. ``connects()`` and ``forwards()`` count the ones let through.
"""

from __future__ import annotations

import base64
import select
import socket
import socketserver
import threading
from urllib.parse import urlsplit

MAX_HEAD = 64 * 1024
HOP_BY_HOP = frozenset(("proxy-authorization", "proxy-connection", "connection", "keep-alive"))


class ForwardProxy:
    def __init__(self, credentials=None):
        self.credentials = credentials
        self.requests = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                proxy._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
        self._server.daemon_threads = True
        self._server.allow_reuse_address = True
        self._server.server_bind()
        self._server.server_activate()
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="forward-proxy", daemon=True)

    def url(self, userinfo=None):
        return "http://%s127.0.0.1:%d" % (userinfo + "@" if userinfo else "", self.port)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- what it saw
    def snapshot(self):
        with self._lock:
            return [dict(r, headers=dict(r["headers"])) for r in self.requests]

    def connects(self, target=None):
        """Tunnels opened (CONNECT let through), to ``target`` ("host:port") if given."""
        return sum(1 for r in self.snapshot() if r["method"] == "CONNECT" and r["allowed"]
                   and (target is None or r["target"] == target))

    def forwards(self, netloc=None):
        """Plain HTTP requests forwarded, to ``netloc`` ("host:port") if given."""
        return sum(1 for r in self.snapshot() if r["method"] != "CONNECT" and r["allowed"]
                   and (netloc is None or urlsplit(r["target"]).netloc == netloc))

    # -- serving
    def _record(self, method, target, headers, allowed):
        with self._lock:
            self.requests.append({"method": method, "target": target, "headers": headers, "allowed": allowed})

    def _authorized(self, headers):
        if not self.credentials:
            return True
        expected = "Basic " + base64.b64encode(("%s:%s" % self.credentials).encode("utf-8")).decode("ascii")
        return headers.get("proxy-authorization") == expected

    def _handle(self, client):
        try:
            head, rest = _read_head(client)
            if head is None:
                return
            lines = head.decode("iso-8859-1").split("\r\n")
            method, target, _version = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            allowed = self._authorized(headers)
            self._record(method, target, headers, allowed)
            if not allowed:
                client.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                               b"Proxy-Authenticate: Basic realm=\"lab-proxy\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            if method == "CONNECT":
                self._tunnel(client, target, rest)
            else:
                self._forward(client, method, target, lines[1:], rest)
        except OSError:
            pass
        finally:
            client.close()

    @staticmethod
    def _open(host, port, client):
        try:
            return socket.create_connection((host, int(port)), timeout=30)
        except (OSError, ValueError):
            client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return None

    def _tunnel(self, client, target, rest):
        host, _sep, port = target.rpartition(":")
        upstream = self._open(host, port, client)
        if upstream is None:
            return
        with upstream:
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            if rest:
                upstream.sendall(rest)
            _pump(client, upstream)

    def _forward(self, client, method, target, header_lines, rest):
        parts = urlsplit(target)
        if parts.scheme != "http" or not parts.hostname:
            client.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        upstream = self._open(parts.hostname, parts.port or 80, client)
        if upstream is None:
            return
        with upstream:
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            kept = [line for line in header_lines if line and line.split(":", 1)[0].strip().lower() not in HOP_BY_HOP]
            head = "\r\n".join(["%s %s HTTP/1.1" % (method, path)] + kept + ["Connection: close", "", ""])
            upstream.sendall(head.encode("iso-8859-1") + rest)
            length = int(_header(header_lines, "content-length") or 0)
            while length > len(rest):
                chunk = client.recv(65536)
                if not chunk:
                    return
                rest += chunk
                upstream.sendall(chunk)
            reply, body = _read_head(upstream)
            if reply is None:
                return
            # The client must not keep this connection for another request.
            kept = [line for line in reply.split(b"\r\n") if line.split(b":", 1)[0].strip().lower() not in (b"connection", b"keep-alive")]
            client.sendall(b"\r\n".join(kept + [b"Connection: close", b"", b""]) + body)
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    return
                client.sendall(chunk)


def _header(lines, name):
    for line in lines:
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == name:
            return value.strip()
    return None


def _read_head(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None, b""
        data += chunk
        if len(data) > MAX_HEAD:
            return None, b""
    head, _sep, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _pump(client, upstream):
    """Copy bytes both ways until either side closes."""
    socks = [client, upstream]
    while True:
        readable, _writable, _errored = select.select(socks, [], [], 60)
        if not readable:
            return
        for sock in readable:
            data = sock.recv(65536)
            if not data:
                return
            (upstream if sock is client else client).sendall(data)
