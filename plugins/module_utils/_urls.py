# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""URLs and origins: where a request may go, and which headers may go to another origin."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor


DEFAULT_PORTS = {"http": 80, "https": 443}
# Headers that may go to another origin: they describe the request, its body and the client,
# never who is asking (no Authorization, Cookie, API key, token or custom header, whose meaning
# is unknown). Connection, Content-Length and Transfer-Encoding frame the message; requests
# sets them itself.
FOREIGN_SAFE_HEADERS = frozenset(("accept", "accept-encoding", "accept-language", "cache-control", "content-type",
                                  "prefer", "user-agent", "connection", "content-length", "transfer-encoding"))


def url_origin(url):
    """``(scheme, host, port)`` of an absolute URL: case-folded, the default port filled in."""
    parts = urlsplit(str(url))
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower().rstrip("."), port or DEFAULT_PORTS.get(scheme)


def show_origin(origin):
    """``https://host:443`` for an origin tuple (the port always shown, so two origins differ visibly)."""
    scheme, host, port = origin
    return "%s://%s:%s" % (scheme, "[%s]" % host if ":" in host else host, port)


def same_origin(url_a, url_b):
    """True when both URLs have the same scheme, host and port (case and default ports normalised)."""
    return url_origin(url_a) == url_origin(url_b)


def foreign_safe_headers(headers):
    """Only the headers that may be sent to another origin (FOREIGN_SAFE_HEADERS)."""
    return dict((k, v) for k, v in (headers or {}).items() if str(k).lower() in FOREIGN_SAFE_HEADERS)


def check_base_url(url, option="url"):
    """InputError unless url is an absolute http(s) URL with a host, a valid port and no whitespace."""
    text = "" if url is None else str(url)
    problem = None
    if not re.match(r"^https?://", text, re.IGNORECASE):
        problem = "it must start with http:// or https://"
    elif re.search(r"[\s\x00-\x1f\x7f]", text):
        problem = "it contains whitespace or control characters"
    else:
        parts = urlsplit(text)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if not parts.hostname:
            problem = "it has no host name"
        elif port is not None and not 0 < port < 65536:
            problem = "its port is not a number between 1 and 65535"
    if problem:
        raise InputError("%s must be an absolute http:// or https:// URL, got %r: %s"
                         % (option, Redactor()(text), problem))
    return text


def join_path(base, *segments):
    """``base`` (a fixed path of the API) followed by ``segments``, each percent-quoted whole.

    Ids and keys, from a user or a manager, go into paths only through here: quoting with no
    safe character keeps ``/``, ``?``, ``#`` and ``%`` inside one segment, and "", "." and ".."
    are refused because requests (urllib3) and servers resolve dot segments to another resource.
    """
    parts = [str(base).rstrip("/")]
    for segment in segments:
        text = "" if segment is None else str(segment)
        if text in ("", ".", ".."):
            raise InputError("%r cannot be used as a URL path segment (after %s): it would address another "
                             "resource" % (text, base))
        parts.append(quote(text, safe=""))
    return "/".join(parts)
