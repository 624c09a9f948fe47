# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Connection settings and credentials.

The one place where a task's connection options meet their ``<PREFIX>_*`` environment
fallbacks (``connection_settings``), the object a transport is built from (``Credentials``),
and the one recipe for the values derived from a password that must be redacted with it
(the Basic ``user:password`` token and the RPC signing key).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._registry import (
    BACKENDS,
    BASIC,
    RPC_SIGNING,
    backend,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._budget import make_budget
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Transport, basic_token
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import url_origin

CONNECTION_OPTIONS = ("url", "username", "password", "api_key_id", "api_key_secret",
                      "validate_certs", "ca_path", "timeout")
# The request budget (_budget): connection options too, with the same <PREFIX>_* fallbacks, but
# not credentials (an AWX credential type injects CONNECTION_OPTIONS only).
BUDGET_OPTIONS = ("requests_per_second", "max_concurrent_requests", "request_budget_file")
ENV_OPTIONS = CONNECTION_OPTIONS + BUDGET_OPTIONS
# A credential's kind besides the registry's BASIC and RPC_SIGNING: Remote Manager's key headers.
API_KEY = "api_key"


def signing_key(password):
    """The RPC service's HMAC key: the lowercase hex SHA-1 of the UTF-8 password.

    The service stores this hash, and anyone holding it can sign requests: it is a
    credential, redacted like the password.
    """
    return hashlib.sha1(str(password).encode("utf-8")).hexdigest()


def parse_bool(name, value):
    """A boolean written as text (an environment variable): only known words count, so that
    a typo such as "flase" cannot silently turn TLS verification off."""
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise InputError("%s must be true or false, got %r" % (name, value))


class TaskEnviron(Mapping):
    """One task's environment, copied when the task starts and read-only after, so each API's
    ``<PREFIX>_*`` fallbacks are read once however many times the task asks (its client, then
    the secrets its results are censored with).

    ``options_resolved``: the connection options already hold their variables' values (a
    plugin's ``env:`` entries, which Ansible resolved), so no fallback is read again; the
    environment still supplies proxies and CA bundles.
    """

    def __init__(self, source, options_resolved=False):
        self._data = dict(source)
        self._fallbacks = {}
        self._options_resolved = options_resolved

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def fallbacks(self, prefix):
        if self._options_resolved:
            return dict.fromkeys(ENV_OPTIONS)
        if prefix not in self._fallbacks:
            self._fallbacks[prefix] = read_fallbacks(prefix, self._data)
        return dict(self._fallbacks[prefix])


def read_fallbacks(prefix, environ):
    """The ``<PREFIX>_<OPTION>`` variables of every connection option (None when unset or empty)."""
    return dict((name, environ.get("%s_%s" % (prefix, name.upper())) or None) for name in ENV_OPTIONS)


def env_fallbacks(prefix, environ):
    """The fallbacks of ``prefix`` in ``environ``, read once per TaskEnviron."""
    if isinstance(environ, TaskEnviron):
        return environ.fallbacks(prefix)
    return read_fallbacks(prefix, environ)


def connection_settings(api, params, environ=None):
    """Connection settings for ``api``: options first, then ``<PREFIX>_*`` variables."""
    # Imported here: _common imports this module for its connection helpers.
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import check_number
    prefix = backend(api).env_prefix
    env = env_fallbacks(prefix, os.environ if environ is None else environ)
    out = {}
    for name in CONNECTION_OPTIONS:
        value = params.get(name)
        if value is None:
            value = env[name]
            if value is not None and name == "validate_certs":
                value = parse_bool("%s_VALIDATE_CERTS" % prefix, value)
            elif value is not None and name == "timeout":
                try:
                    value = float(value)
                except ValueError:
                    raise InputError("%s_TIMEOUT must be a number of seconds, got %r" % (prefix, value))
                value = check_number("timeout", value, "%s_TIMEOUT" % prefix)
        elif name == "timeout":
            value = check_number("timeout", value)
        out[name] = value
    if out["validate_certs"] is None:
        out["validate_certs"] = True
    if out["timeout"] is None:
        out["timeout"] = 30.0
    out.update(budget_settings(prefix, params, env))
    if not out["url"]:
        raise InputError("url is required: set the url option or the %s_URL environment variable" % prefix)
    has_basic = out["username"] is not None or out["password"] is not None
    has_key = out["api_key_id"] is not None or out["api_key_secret"] is not None
    if has_basic and (out["username"] is None or out["password"] is None):
        raise InputError("username and password must be given together (options or %s_USERNAME/%s_PASSWORD)"
                         % (prefix, prefix))
    if has_key and (out["api_key_id"] is None or out["api_key_secret"] is None):
        raise InputError("api_key_id and api_key_secret must be given together")
    if not has_basic and not has_key:
        raise InputError("credentials are required: set username and password, or api_key_id and "
                         "api_key_secret (or %s_USERNAME/%s_PASSWORD)" % (prefix, prefix))
    return out


def budget_settings(prefix, params, env):
    """The request budget's options, else their ``<PREFIX>_*`` variables (``env``), checked."""
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import check_number
    out = {}
    for name, parse in (("requests_per_second", float), ("max_concurrent_requests", int)):
        value, label = params.get(name), name
        if value is None and env.get(name) is not None:
            label = "%s_%s" % (prefix, name.upper())
            try:
                value = parse(env[name].strip())
            except ValueError:
                value = env[name]  # check_number names the variable and what it allows
        out[name] = None if value is None else check_number(name, value, label)
    if out["max_concurrent_requests"] is not None:
        out["max_concurrent_requests"] = int(out["max_concurrent_requests"])
    path, label = params.get("request_budget_file"), "request_budget_file"
    if not path and env.get("request_budget_file"):
        path, label = os.path.expanduser(env["request_budget_file"]), "%s_REQUEST_BUDGET_FILE" % prefix
    if path and not os.path.isabs(str(path)):
        # A relative name would mean another file in each process's working directory: no sharing.
        raise InputError("%s must be an absolute path (the processes that name the same file share one budget), got %r"
                         % (label, str(path)))
    out["request_budget_file"] = str(path) if path else None
    return out


def _secrets(username, password, api_key_secret, kinds):
    """The values that sign in as this user with ``kinds``: the password and an API key's secret,
    the Basic token (a server may echo the Authorization header) and the RPC signing key (it
    signs as well as the password). Values under 3 characters are left out, as the Redactor does."""
    values = [password, api_key_secret]
    if password:
        if BASIC in kinds and username is not None:
            values.append(basic_token(username, password))
        if RPC_SIGNING in kinds:
            values.append(signing_key(password))
    return set(str(v) for v in values if v and len(str(v)) >= 3)


class Credentials(object):
    """How one task signs in to one API: resolved once, then used to build the transport and to
    name the secrets to redact."""

    def __init__(self, api, settings):
        self.api = api
        self.url = settings["url"]
        self.username = settings["username"]
        self.password = settings["password"]
        self.api_key_id = settings["api_key_id"]
        self.api_key_secret = settings["api_key_secret"]
        self.validate_certs = settings["validate_certs"]
        self.ca_path = settings["ca_path"]
        self.timeout = settings["timeout"]
        self.budget = dict((name, settings.get(name)) for name in BUDGET_OPTIONS)
        if backend(api).auth == RPC_SIGNING:
            if self.api_key_id is not None:
                raise InputError("The RPC service signs each request with username and password (or RPC_USERNAME/"
                                 "RPC_PASSWORD); api_key_id and api_key_secret are not supported")
            self.auth = RPC_SIGNING
        else:
            self.auth = API_KEY if self.api_key_id is not None else BASIC

    @classmethod
    def resolve(cls, api, params, environ=None):
        """The credentials of ``api`` from the options in ``params``, then the environment's fallbacks."""
        return cls(api, connection_settings(api, params, environ))

    def secrets(self):
        """Every value to redact: the password or API key secret, and what the task derives from them."""
        return _secrets(self.username, self.password, self.api_key_secret, (self.auth,))

    def transport(self, environ=None):
        """A Transport signed in the way this API expects (``environ``: proxies, CA bundle)."""
        common = dict(validate_certs=self.validate_certs, ca_path=self.ca_path, timeout=self.timeout,
                      secrets=self.secrets(), environ=environ,
                      budget=make_budget(url_origin(self.url), **self.budget))
        if self.auth == RPC_SIGNING:
            # HMAC-SHA1-DATE: the username and the password's hex SHA-1 sign every request;
            # the service has no Basic authentication and no API keys.
            from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc._protocol import HmacSha1DateAuth
            auth = HmacSha1DateAuth(self.username, self.password)
            transport = Transport(self.url, auth=auth, **common)
            auth.on_sign = transport.redact.remember
            return transport
        if self.auth == API_KEY:
            # Remote Manager API keys travel as headers instead of Basic auth.
            headers = {"X-API-KEY-ID": self.api_key_id, "X-API-KEY-SECRET": self.api_key_secret}
            return Transport(self.url, headers=headers, **common)
        return Transport(self.url, username=self.username, password=self.password, **common)


def secret_values(params, environ=None):
    """Every credential a task may hold, to censor what it shows: its options, every API's
    environment fallbacks (a task's result or error may quote any of them), and the Basic
    tokens and RPC signing keys of each username and password among them."""
    environ = os.environ if environ is None else environ
    kinds = (BASIC, RPC_SIGNING)
    # async_request's own pair (url_username/url_password) and the API key options.
    values = _secrets(params.get("url_username"), params.get("url_password"), params.get("api_key_secret"), kinds)
    for entry in BACKENDS:
        env = env_fallbacks(entry.env_prefix, environ)
        values |= _secrets(None, None, env["api_key_secret"], kinds)
        for username in (params.get("username"), env["username"]):
            for password in (params.get("password"), env["password"]):
                values |= _secrets(username, password, None, kinds)
    return values
