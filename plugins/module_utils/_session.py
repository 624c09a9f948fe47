# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The requests session of one task: TLS verification, proxies and CA bundles read from the
task's environment (never from the process's own when the task sets them), and no credentials
to another origin."""

from __future__ import annotations

import os

from ansible_collections.asyncjobs.fleet.plugins.module_utils._requirements import HAS_REQUESTS, requests
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import FOREIGN_SAFE_HEADERS, url_origin


def tls_verify(validate_certs, ca_path, environ=None):
    """requests' ``verify`` for a task: False, exactly the ``ca_path`` bundle, or the default.

    The default is requests' own: the bundle named by REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE in
    the task's environment when one is set, else True (the bundle requests comes with).
    """
    if not validate_certs:
        return False
    if ca_path:
        return str(ca_path)
    environ = os.environ if environ is None else environ
    return environ.get("REQUESTS_CA_BUNDLE") or environ.get("CURL_CA_BUNDLE") or True


def proxy_variables(environ):
    """``{scheme: proxy URL}`` from the ``<scheme>_proxy`` variables (``no`` for NO_PROXY).

    urllib's rules, which requests follows: a lower-case name wins over its upper-case twin (even
    empty, which unsets it), and under CGI (REQUEST_METHOD set) HTTP_PROXY may be a client's
    ``Proxy:`` header (httpoxy), so only ``http_proxy`` counts.
    """
    found = {}
    upper = [n for n in environ if n.lower().endswith("_proxy") and not n.endswith("_proxy")]
    for name in upper:
        if environ[name]:
            found[name[:-6].lower()] = environ[name]
    if "REQUEST_METHOD" in environ:
        found.pop("http", None)
    for name in environ:
        if name.endswith("_proxy"):
            if environ[name]:
                found[name[:-6].lower()] = environ[name]
            else:
                found.pop(name[:-6].lower(), None)
    return found


def environment_proxies(url, environ):
    """The proxies for ``url`` from ``environ``: every ``<scheme>_proxy``, or none when NO_PROXY covers it.

    NO_PROXY is matched by requests itself (host suffixes, IP networks, ports). An empty rather
    than an absent NO_PROXY keeps it from falling back to the process environment.
    """
    found = proxy_variables(environ)
    if not any(name.lower().endswith("_proxy") for name in environ):
        found = _system_proxies()
    no_proxy = found.pop("no", "")
    if requests.utils.should_bypass_proxies(url, no_proxy=no_proxy):
        return {}
    return found


def _system_proxies():
    """Proxies of the macOS or Windows system settings, which urllib (and so requests) uses when no
    proxy variable is set at all; none elsewhere."""
    import urllib.request
    reader = getattr(urllib.request, "getproxies_macosx_sysconf", None) or getattr(urllib.request, "getproxies_registry", None)
    return dict(reader()) if reader is not None else {}


class TaskSession(requests.Session if HAS_REQUESTS else object):
    """A requests session that takes proxies from the task's environment, and nothing else.

    With trust_env (requests' default) requests.Session.request() merges the process environment
    over the session's settings: REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE (set on most CI runners and
    containers) became the request's ``verify`` and beat ``session.verify``, so
    ``validate_certs: false`` was ignored and ``ca_path`` replaced; and a request without auth got
    credentials for its host from ~/.netrc (or $NETRC), even over an explicit Authorization
    header. So trust_env is off, and the proxies it would have supplied are put back here, read
    from ``environ``: for an action plugin that includes the task's ``environment:`` keyword,
    which the process environment does not.
    """

    def __init__(self, environ=None, origin=None):
        super(TaskSession, self).__init__()
        self.trust_env = False
        self.environ = environ
        # The configured url's origin: the only one the session's credentials go to.
        self.origin = origin

    def prepare_request(self, request):
        """As requests does, but a request to another origin than ``origin`` carries no credentials.

        Neither the session's auth (Basic, signing) nor its cookies (a cookie jar matches hosts,
        not ports) are applied, and only FOREIGN_SAFE_HEADERS are kept, the session's and the
        request's: the last guard, whatever URL a caller passes.
        """
        if self.origin is None or url_origin(request.url) == self.origin:
            return super(TaskSession, self).prepare_request(request)
        auth, cookies = self.auth, self.cookies
        self.auth, self.cookies = None, requests.cookies.RequestsCookieJar()
        request.auth, request.cookies = None, None
        try:
            prepared = super(TaskSession, self).prepare_request(request)
        finally:
            self.auth, self.cookies = auth, cookies
        for name in [k for k in prepared.headers if k.lower() not in FOREIGN_SAFE_HEADERS]:
            del prepared.headers[name]
        return prepared

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        proxies = dict(proxies or {})
        for key, value in environment_proxies(url, os.environ if self.environ is None else self.environ).items():
            proxies.setdefault(key, value)
        return super(TaskSession, self).merge_environment_settings(url, proxies, stream, verify, cert)
