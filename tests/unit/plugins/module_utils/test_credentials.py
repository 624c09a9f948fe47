# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The credentials object: what it signs in with, the secrets it names, one resolution per task."""

from __future__ import annotations

import base64
import hashlib

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _connect
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _registry
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _credentials as cred
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _session
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

URL = "https://manager.example"


def token(user, password):
    return base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


def sha1(password):
    return hashlib.sha1(password.encode()).hexdigest()


def test_basic_credentials_name_the_password_and_its_basic_token():
    creds = cred.Credentials.resolve("drm", {"url": URL, "username": "ops", "password": "pw-basic"}, {})
    assert creds.auth == cred.BASIC and (creds.url, creds.validate_certs, creds.timeout) == (URL, True, 30.0)
    assert creds.secrets() == {"pw-basic", token("ops", "pw-basic")}
    transport = creds.transport({})
    assert transport.session.auth == ("ops", "pw-basic")
    echoed = "Authorization: Basic %s (pw-basic)" % token("ops", "pw-basic")
    assert transport.redact(echoed) == "Authorization: Basic ******** (********)"


def test_rpc_credentials_name_the_signing_key():
    creds = cred.Credentials.resolve("rpc", {"url": URL, "username": "admin", "password": "Password1!"}, {})
    assert creds.auth == cred.RPC_SIGNING
    assert creds.secrets() == {"Password1!", sha1("Password1!")} == {"Password1!", _protocol.signing_key("Password1!")}
    transport = creds.transport({})
    assert isinstance(transport.session.auth, _protocol.HmacSha1DateAuth) and transport.session.auth.key == sha1("Password1!")
    assert transport.redact("key %s" % sha1("Password1!")) == "key ********"


def test_api_key_credentials_send_headers_and_name_the_secret():
    creds = cred.Credentials.resolve("drm", {"url": URL, "api_key_id": "key-id", "api_key_secret": "key-secret"}, {})
    assert creds.auth == cred.API_KEY and creds.secrets() == {"key-secret"}
    transport = creds.transport({})
    assert transport.session.headers["X-API-KEY-SECRET"] == "key-secret" and transport.session.auth is None


def test_rpc_refuses_api_keys_when_resolved():
    with pytest.raises(InputError, match="signs each request with username and password"):
        cred.Credentials.resolve("rpc", {"url": URL, "api_key_id": "k", "api_key_secret": "s"}, {})


def test_one_function_builds_the_basic_token_for_sending_and_for_redacting():
    import requests
    assert _transport.basic_token("bob", "pa:ss") == token("bob", "pa:ss")
    sent = requests.Request("GET", URL, auth=("bob", "pa:ss")).prepare().headers["Authorization"]
    assert sent == "Basic " + _transport.basic_token("bob", "pa:ss")
    # async_request uses the same function (its Basic header and its secrets).
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http import _async_request
    assert _async_request.basic_token is _transport.basic_token


def test_secret_values_derive_tokens_and_keys_from_every_pair():
    values = cred.secret_values({"username": "opt-user", "password": "opt-pw"},
                                {"RPC_USERNAME": "env-user", "RPC_PASSWORD": "env-pw", "POWERSTORE_API_KEY_SECRET": "ps-s"})
    for user in ("opt-user", "env-user"):
        for password in ("opt-pw", "env-pw"):
            assert token(user, password) in values
    assert {"opt-pw", "env-pw", sha1("opt-pw"), sha1("env-pw"), "ps-s"} <= values
    assert not {"opt-user", "env-user"} & values
    # Whatever one API's credentials name, the adapters' set censors too.
    creds = cred.Credentials.resolve("rpc", {"url": URL}, {"RPC_USERNAME": "env-user", "RPC_PASSWORD": "env-pw"})
    assert creds.secrets() <= cred.secret_values({}, {"RPC_USERNAME": "env-user", "RPC_PASSWORD": "env-pw"})


def counting_reads(monkeypatch):
    reads = []
    real = cred.read_fallbacks

    def read(prefix, environ):
        reads.append(prefix)
        return real(prefix, environ)
    monkeypatch.setattr(cred, "read_fallbacks", read)
    return reads


ENV = {"DRM_URL": URL, "DRM_USERNAME": "env-user", "DRM_PASSWORD": "env-pw"}


def test_a_task_environment_reads_each_apis_fallbacks_once(monkeypatch):
    """A task's client and the censoring of its result share one reading of DRM_*."""
    reads = counting_reads(monkeypatch)
    environ = cred.TaskEnviron(ENV)
    client = _connect.make_client("drm", {}, environ)
    values = cred.secret_values({}, environ)
    _connect.make_transport("drm", {}, environ)
    assert client.transport.session.auth == ("env-user", "env-pw") and token("env-user", "env-pw") in values
    assert sorted(reads) == sorted(_registry.ENV_PREFIX.values())  # each prefix once, DRM included


def test_a_plain_mapping_is_read_on_every_resolution(monkeypatch):
    # What TaskEnviron saves: without it the same task reads DRM_* once per use.
    reads = counting_reads(monkeypatch)
    _connect.make_client("drm", {}, dict(ENV))
    cred.secret_values({}, dict(ENV))
    assert reads.count("DRM") == 2


def test_task_environ_is_a_frozen_copy():
    source = dict(ENV)
    environ = cred.TaskEnviron(source)
    assert environ.fallbacks("DRM")["password"] == "env-pw"
    source["DRM_PASSWORD"] = "changed"
    assert environ["DRM_PASSWORD"] == "env-pw" and dict(environ) == ENV
    with pytest.raises(TypeError):
        environ["DRM_PASSWORD"] = "x"
    # Proxies and CA bundles are read from it like from a dict.
    assert _session.tls_verify(True, None, cred.TaskEnviron({"REQUESTS_CA_BUNDLE": "/ca.pem"})) == "/ca.pem"


def test_options_resolved_by_a_plugin_are_not_resolved_again(monkeypatch):
    """The inventory's options already hold their DRM_* values (Ansible's env: entries): its
    environment supplies proxies only, so an option left unset stays unset."""
    reads = counting_reads(monkeypatch)
    environ = cred.TaskEnviron(dict(ENV, HTTPS_PROXY="http://proxy.example:3128"), options_resolved=True)
    with pytest.raises(InputError, match="^url is required"):
        cred.connection_settings("drm", {}, environ)
    values = cred.secret_values({"username": "u", "password": "opt-pw"}, environ)
    assert values == {"opt-pw", token("u", "opt-pw"), sha1("opt-pw")}
    assert reads == [] and environ["HTTPS_PROXY"] == "http://proxy.example:3128"
