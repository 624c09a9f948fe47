# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for the pure parts of _ops_drm."""

from __future__ import annotations

import pytest
import xmltodict

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _submission
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _firmware
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _settings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, JobFailed

DEV_A = "00000000-00000000-00409DFF-FF000001"
DEV_B = "00000000-00000000-00409DFF-FF000002"


# ---------------------------------------------------------------- is_read_only

@pytest.mark.parametrize("payload, expected", [
    ('<rci_request version="1.1"><query_setting/></rci_request>', True),
    ('<rci_request><query_setting/><query_state/><query_descriptor/></rci_request>', True),
    ("<query_state/>", True),
    ('<rci_request><query_setting/><set_setting><system><contact>x</contact></system></set_setting></rci_request>',
     False),
    ("<rci_request><reboot/></rci_request>", False),
    ("<rci_request/>", False),
    ("<file>/~/script.xml</file>", False),
    ("<do_command target='file_system'><ls/></do_command>", False),
])
def test_is_read_only(payload, expected):
    assert _submission.is_read_only(payload) is expected


def test_is_read_only_rejects_dtd():
    with pytest.raises(InputError):
        _submission.is_read_only('<!DOCTYPE x [<!ENTITY a "b">]><rci_request><query_setting/></rci_request>')


# ---------------------------------------------------------------- FirmwareUpdate._fail_if

def fw_result(failed=None, updated=(), skipped=()):
    return {"version": "2.0", "failed_devices": dict(failed or {}), "updated_devices": list(updated),
            "skipped_devices": list(skipped), "changed": True}


@pytest.mark.parametrize("fail_on", ["any", "all", "never"])
def test_fail_if_nothing_failed(fail_on):
    assert _firmware.FirmwareUpdate._fail_if(fw_result(updated=[DEV_A]), {"fail_on": fail_on}) is None


def test_fail_if_any_raises_on_partial_failure():
    result = fw_result({DEV_B: "Device Not Connected"}, updated=[DEV_A])
    with pytest.raises(JobFailed) as info:
        _firmware.FirmwareUpdate._fail_if(result, {"fail_on": "any"})
    assert DEV_B in info.value.msg and "Device Not Connected" in info.value.msg
    assert "2.0" in info.value.msg and "1 device" in info.value.msg
    assert info.value.result["updated_devices"] == [DEV_A]
    assert info.value.result["failed_devices"] == {DEV_B: "Device Not Connected"}


@pytest.mark.parametrize("updated, skipped", [([DEV_A], []), ([], [DEV_A])])
def test_fail_if_all_tolerates_when_something_succeeded(updated, skipped):
    result = fw_result({DEV_B: "x"}, updated=updated, skipped=skipped)
    assert _firmware.FirmwareUpdate._fail_if(result, {"fail_on": "all"}) is None


def test_fail_if_all_raises_when_nothing_succeeded():
    with pytest.raises(JobFailed):
        _firmware.FirmwareUpdate._fail_if(fw_result({DEV_B: "x"}), {"fail_on": "all"})


def test_fail_if_never():
    assert _firmware.FirmwareUpdate._fail_if(fw_result({DEV_B: "x"}), {"fail_on": "never"}) is None


def test_fail_if_truncates_long_lists():
    failed = {"dev%02d" % i: "err" for i in range(15)}
    with pytest.raises(JobFailed) as info:
        _firmware.FirmwareUpdate._fail_if(fw_result(failed), {"fail_on": "any"})
    assert "15 device(s)" in info.value.msg
    assert info.value.msg.endswith(", ...")
    assert "dev14" not in info.value.msg


# ---------------------------------------------------------------- Settings._desired / _current

def test_desired_renders_values():
    out = _settings.Settings._desired({"system": {"contact": "ops", "enabled": True, "off": False,
                                                  "count": 3, "empty": None}})
    assert out == {"system": {"contact": "ops", "enabled": "true", "off": "false", "count": "3", "empty": ""}}


@pytest.mark.parametrize("settings", [
    None, {}, {"system": {}}, {"system": "contact"}, {"system": None},
    {"bad group": {"a": "b"}}, {"system": {"bad-<field>": "x"}}, {"system": {"1st": "x"}},
    {"../etc": {"a": "b"}},
])
def test_desired_rejects(settings):
    with pytest.raises(InputError):
        _settings.Settings._desired(settings)


def settings_reply(inner):
    xml = '<rci_reply version="1.1"><query_setting>%s</query_setting></rci_reply>' % inner
    return xmltodict.parse(xml)


def test_current_parses_xmltodict_reply():
    reply = settings_reply("<system><contact>ops</contact><location/><description>rack 1</description></system>"
                           "<mgmtglobal><rciCompressionEnabled>on</rciCompressionEnabled></mgmtglobal>")
    desired = {"system": {"contact": "x", "location": "y"}, "mgmtglobal": {"rciCompressionEnabled": "off"}}
    current = _settings.Settings._current(reply, desired)
    assert current == {"system": {"contact": "ops", "location": "", "description": "rack 1"},
                       "mgmtglobal": {"rciCompressionEnabled": "on"}}


def test_current_indexed_group_takes_first_and_drops_attributes():
    reply = settings_reply('<serial index="1"><baud>9600</baud></serial><serial index="2"><baud>115200</baud></serial>')
    assert _settings.Settings._current(reply, {"serial": {"baud": "9600"}}) == {"serial": {"baud": "9600"}}


@pytest.mark.parametrize("reply", [None, {}, {"rci_reply": None}, settings_reply(""), settings_reply("<other/>")])
def test_current_missing_group_is_empty(reply):
    assert _settings.Settings._current(reply, {"system": {"contact": "x"}}) == {"system": {}}


def test_current_text_group_does_not_crash():
    reply = settings_reply("<system>unsupported</system>")
    assert _settings.Settings._current(reply, {"system": {"contact": "x"}}) == {"system": {}}
