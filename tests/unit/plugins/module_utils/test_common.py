# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for the pure parts of _common."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _credentials
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _common
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError


# ---------------------------------------------------------------- _credentials.connection_settings

BASE_ENV = {"DRM_URL": "https://drm.example", "DRM_USERNAME": "envuser", "DRM_PASSWORD": "envpw"}


def settings(params=None, environ=None):
    return _credentials.connection_settings("drm", params or {}, BASE_ENV if environ is None else environ)


def test_env_fallbacks_and_defaults():
    out = settings()
    assert out["url"] == "https://drm.example"
    assert (out["username"], out["password"]) == ("envuser", "envpw")
    assert out["validate_certs"] is True
    assert out["timeout"] == 30.0
    assert out["api_key_id"] is None


@pytest.mark.parametrize("value, expected", [("false", False), ("0", False), ("no", False), ("off", False),
                                             ("true", True), ("YES", True), (" 1 ", True), ("on", True)])
def test_env_validate_certs(value, expected):
    assert settings(environ=dict(BASE_ENV, DRM_VALIDATE_CERTS=value))["validate_certs"] is expected


def test_env_timeout_parsed():
    assert settings(environ=dict(BASE_ENV, DRM_TIMEOUT="12.5"))["timeout"] == 12.5


def test_env_timeout_parse_error():
    with pytest.raises(InputError) as info:
        settings(environ=dict(BASE_ENV, DRM_TIMEOUT="soon"))
    assert "DRM_TIMEOUT" in info.value.msg


def test_missing_url_names_env_var():
    env = dict(BASE_ENV)
    del env["DRM_URL"]
    with pytest.raises(InputError) as info:
        settings(environ=env)
    assert "DRM_URL" in info.value.msg


def test_empty_env_value_counts_as_missing():
    with pytest.raises(InputError):
        settings(environ=dict(BASE_ENV, DRM_URL=""))


def test_missing_credentials_names_env_vars():
    with pytest.raises(InputError) as info:
        settings(environ={"DRM_URL": "https://drm.example"})
    assert "DRM_USERNAME" in info.value.msg and "DRM_PASSWORD" in info.value.msg


@pytest.mark.parametrize("params, environ", [
    ({"username": "u"}, {"DRM_URL": "https://h"}),
    ({}, {"DRM_URL": "https://h", "DRM_PASSWORD": "p"}),
])
def test_half_basic_credentials(params, environ):
    with pytest.raises(InputError) as info:
        settings(params, environ)
    assert "together" in info.value.msg


def test_half_api_key():
    with pytest.raises(InputError) as info:
        settings({"api_key_id": "kid"}, {"DRM_URL": "https://h"})
    assert "api_key_secret" in info.value.msg


def test_api_key_from_env():
    out = settings(environ={"DRM_URL": "https://h", "DRM_API_KEY_ID": "kid", "DRM_API_KEY_SECRET": "ksecret"})
    assert (out["api_key_id"], out["api_key_secret"]) == ("kid", "ksecret")
    assert out["username"] is None


def test_options_override_env():
    params = {"url": "https://opt.example", "username": "optuser", "password": "optpw",
              "validate_certs": False, "timeout": 5.0}
    env = dict(BASE_ENV, DRM_VALIDATE_CERTS="true", DRM_TIMEOUT="99")
    out = settings(params, env)
    assert out["url"] == "https://opt.example"
    assert (out["username"], out["password"]) == ("optuser", "optpw")
    assert out["validate_certs"] is False
    assert out["timeout"] == 5.0


def test_option_and_env_credentials_combine():
    out = settings({"username": "optuser"}, {"DRM_URL": "https://h", "DRM_PASSWORD": "envpw"})
    assert (out["username"], out["password"]) == ("optuser", "envpw")


def test_unknown_api():
    with pytest.raises(InputError):
        _credentials.connection_settings("powerstore", {}, BASE_ENV)


def test_connection_settings_does_not_read_os_environ_when_given(monkeypatch):
    monkeypatch.setenv("DRM_URL", "https://from-os.example")
    with pytest.raises(InputError):
        _credentials.connection_settings("drm", {}, {})


def test_argspec_merges_copies():
    spec = _common.argspec(_common.CONNECTION_ARGSPEC, extra=dict(type="int"))
    spec["url"]["type"] = "int"
    assert _common.CONNECTION_ARGSPEC["url"]["type"] == "str"
    assert spec["extra"] == dict(type="int")


@pytest.mark.parametrize("params, text", [
    ({"wait_timeout": 0}, "wait_timeout must be a positive"),
    ({"wait_timeout": -1.0}, "wait_timeout must be a positive"),
    ({"poll_interval": 0}, "poll_interval must be a positive"),
    ({"timeout": -3}, "timeout must be a positive"),
    ({"poll_interval": 5, "max_poll_interval": 1}, "max_poll_interval (1) must be at least poll_interval (5)"),
])
def test_check_common_params_rejects(params, text):
    with pytest.raises(InputError) as info:
        _common.check_common_params(params)
    assert text in info.value.msg


def test_check_common_params_accepts_unset_and_positive():
    _common.check_common_params({"wait_timeout": None, "timeout": 0.5, "poll_interval": 1, "max_poll_interval": 1})


def test_secret_values_cover_options_env_and_basic_tokens():
    import base64
    values = _credentials.secret_values({"username": "u1", "password": "opt-pw", "url_password": "uri-pw"},
                                        {"AIQUM_USERNAME": "u2", "AIQUM_PASSWORD": "env-pw", "DRM_API_KEY_SECRET": "key-s"})
    assert {"opt-pw", "uri-pw", "env-pw", "key-s"} <= values
    assert base64.b64encode(b"u1:opt-pw").decode() in values and base64.b64encode(b"u2:env-pw").decode() in values
    assert "u1" not in values and "u2" not in values


def test_no_log_values_come_from_the_spec_secret_options_and_credentials():
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http._async_request import ASYNC_REQUEST
    params = {name: spec.get("default") for name, spec in ASYNC_REQUEST.argument_spec.items()}
    params.update(url="https://h.example/x", url_username="ops", url_password="pw-secret-1",
                  headers={"X-Api-Token": "tok-secret-2", "Accept": "application/json"})
    values = ASYNC_REQUEST.no_log_values(params, environ={"DRM_PASSWORD": "env-secret-3"})
    # The no_log option, a secret header (not no_log itself), an environment credential.
    assert {"pw-secret-1", "tok-secret-2", "env-secret-3"} <= values
    assert "ops" not in values and "application/json" not in values and "https://h.example/x" not in values
