# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _drm: SCI building, reply parsing, listing rows and DeviceCore helpers."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _records
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _client as _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError

DEV_A = "00000000-00000000-00409DFF-FF000001"
DEV_B = "00000000-00000000-00409DFF-FF000002"


# ---------------------------------------------------------------- build_sci / targets_xml

def test_build_sci_envelope_and_attrs():
    xml = _sci.build_sci("send_message", [("device", DEV_A)], "<rci_request/>",
                         {"reply": "all", "allowOffline": True, "cache": False, "waitForReconnect": None,
                          "synchronous": False})
    root = ET.fromstring(xml)
    assert root.tag == "sci_request" and root.get("version") == "1.0"
    op = root.find("send_message")
    assert op.attrib == {"reply": "all", "allowOffline": "true", "cache": "false", "synchronous": "false"}
    assert "waitForReconnect" not in xml
    assert op.find("targets/device").get("id") == DEV_A
    assert op.find("rci_request") is not None


def test_build_sci_targets_kinds():
    xml = _sci.build_sci("disconnect", [("device", DEV_A), ("tag", "north"), ("group", "sites/east")])
    targets = ET.fromstring(xml).find("disconnect/targets")
    assert [(e.tag, dict(e.attrib)) for e in targets] == [
        ("device", {"id": DEV_A}), ("device", {"tag": "north"}), ("group", {"path": "sites/east"})]


def test_build_sci_all_devices():
    xml = _sci.build_sci("send_message", [("all", "all")])
    assert '<targets><device id="all"/></targets>' in xml


def test_build_sci_escapes_values():
    xml = _sci.build_sci("send_message", [("tag", 'a"b&c<d>\'e'), ("group", "x&y")], "",
                         {"filename": 'fw "new" & <latest>'})
    root = ET.fromstring(xml)  # must stay well-formed
    op = root.find("send_message")
    assert op.get("filename") == 'fw "new" & <latest>'
    assert op.find("targets/device").get("tag") == 'a"b&c<d>\'e'
    assert op.find("targets/group").get("path") == "x&y"


def test_build_sci_numeric_attr():
    xml = _sci.build_sci("update_firmware", [("device", DEV_A)], "<file>/~/fw.bin</file>", {"firmware_target": 0})
    assert ET.fromstring(xml).find("update_firmware").get("firmware_target") == "0"


def test_build_sci_rejects_unknown_operation():
    with pytest.raises(InputError):
        _sci.build_sci("reboot_everything", [("all", "all")])


def test_file_reference():
    assert _sci.file_reference("fw/a&b.bin") == "<file>/~/fw/a&amp;b.bin</file>"
    assert _sci.file_reference("/~/x.bin") == "<file>/~/x.bin</file>"
    assert _sci.file_reference("/x.bin") == "<file>/~/x.bin</file>"


# ---------------------------------------------------------------- targets_from_params

def test_targets_from_params_all_kinds():
    targets = _sci.targets_from_params({"devices": [" " + DEV_A.lower() + " "], "tags": [" t1 "],
                                        "groups": ["/sites/east/"]})
    assert targets == [("device", DEV_A), ("tag", "t1"), ("group", "sites/east")]


@pytest.mark.parametrize("bad", ["", "abc", "00000000-00000000-00409DFF", DEV_A + "0",
                                 "00000000-00000000-00409DFF-FF00000G", DEV_A.replace("-", "")])
def test_targets_from_params_invalid_device(bad):
    with pytest.raises(InputError) as info:
        _sci.targets_from_params({"devices": [bad]})
    assert "device id" in info.value.msg


@pytest.mark.parametrize("key", ["tags", "groups"])
def test_targets_from_params_rejects_empty_strings(key):
    with pytest.raises(InputError):
        _sci.targets_from_params({key: ["ok", "  "]})


def test_all_devices_overrides():
    assert _sci.targets_from_params({"devices": [DEV_A], "tags": ["t"], "all_devices": True}) == [("all", "all")]


@pytest.mark.parametrize("params", [{}, {"devices": [], "tags": None, "groups": [], "all_devices": False}])
def test_targets_from_params_empty(params):
    with pytest.raises(InputError) as info:
        _sci.targets_from_params(params)
    assert "no targets" in info.value.msg


# ---------------------------------------------------------------- parse_xml / check_payload

def test_check_payload_ok_and_stripped():
    assert _sci.check_payload("  <rci_request version=\"1.1\"><query_setting/></rci_request>\n") == \
        '<rci_request version="1.1"><query_setting/></rci_request>'


@pytest.mark.parametrize("payload", [None, "", "   ", "<a>", "not xml", "<a></b>", "<a/><b/>"])
def test_check_payload_rejects_bad(payload):
    with pytest.raises(InputError):
        _sci.check_payload(payload)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rci_request>&lol3;</rci_request>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rci_request><query_setting>&xxe;</query_setting></rci_request>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE, "<!doctype x><x/>", "<! ENTITY a 'b'><x/>",
                                     '<!DOCTYPE x SYSTEM "http://evil/x.dtd"><x/>'])
def test_check_payload_refuses_dtd(payload, monkeypatch):
    def boom(*_a, **_k):
        raise AssertionError("the parser must not be reached for a DTD")
    monkeypatch.setattr(_sci.ET, "fromstring", boom)
    with pytest.raises(InputError) as info:
        _sci.check_payload(payload)
    assert "DTD" in info.value.msg


def test_parse_xml_bytes():
    assert _sci.parse_xml(b"<a><b/></a>", "x").find("b") is not None


def test_parse_reply_wraps_input_error_as_api_error():
    class Resp(object):
        status = 200
        text = "<html>oops"
    with pytest.raises(ApiError) as info:
        _sci.parse_reply(Resp(), "job 1")
    assert info.value.status == 200
    assert "job 1: expected XML from Remote Manager (HTTP 200) but got an HTML page" in info.value.msg


@pytest.mark.parametrize("text, detail", [
    ("", "an empty body"),
    ("  \n", "an empty body"),
    ('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "the body contains a DTD or entity declaration, which is refused"),
    ("{\"items\": []}", "the body is not well-formed XML"),
])
def test_parse_reply_names_what_came_back(text, detail):
    class Resp(object):
        status = 200
    Resp.text = text
    with pytest.raises(ApiError) as info:
        _sci.parse_reply(Resp(), "job listing")
    assert info.value.msg.startswith("job listing: expected XML from Remote Manager (HTTP 200) but ")
    assert detail in info.value.msg


# ---------------------------------------------------------------- device_results

DOC_REPLY = (
    '<send_message>'
    '<device id="A"><rci_reply version="1.1"><query_setting><system><contact>x</contact></system>'
    '</query_setting></rci_reply></device>'
    '<device id="B"><error id="2001"><desc>Device Not Connected</desc></error></device>'
    '</send_message>')


def test_device_results_documented_shape():
    results = _sci.device_results(ET.fromstring(DOC_REPLY))
    assert set(results) == {"A", "B"}
    a, b = results["A"], results["B"]
    assert a["ok"] is True and a["error"] is None and a["error_id"] is None
    assert a["reply"]["rci_reply"]["query_setting"]["system"]["contact"] == "x"
    assert a["reply"]["rci_reply"]["@version"] == "1.1"
    assert b == {"ok": False, "error_id": "2001", "error": "Device Not Connected", "reply": None}


def test_device_results_error_nested_in_rci_reply():
    xml = ('<send_message><device id="C"><rci_reply version="1.1"><set_setting><system>'
           '<error id="1"><desc>Field invalid</desc></error></system></set_setting></rci_reply>'
           '</device></send_message>')
    c = _sci.device_results(ET.fromstring(xml))["C"]
    assert c["ok"] is False and c["error_id"] == "1" and c["error"] == "Field invalid"
    assert c["reply"] is not None  # the reply is kept for the user


def test_device_results_error_text_without_desc():
    xml = '<send_message><device id="D"><error>  timed out  </error></device></send_message>'
    d = _sci.device_results(ET.fromstring(xml))["D"]
    assert d["error"] == "timed out" and d["error_id"] is None


def test_device_results_skips_unnamed_and_handles_none():
    assert _sci.device_results(None) == {}
    assert _sci.device_results(ET.fromstring("<send_message><device/><device id=''/></send_message>")) == {}


def test_device_results_empty_device():
    r = _sci.device_results(ET.fromstring('<send_message><device id="E"/></send_message>'))
    assert r == {"E": {"ok": True, "error_id": None, "error": None, "reply": None}}


# ---------------------------------------------------------------- job_from_reply

def reply(status, body="", op="send_message", extra=""):
    return ET.fromstring("<sci_reply version=\"1.0\"><status>%s</status>%s<%s>%s</%s></sci_reply>"
                         % (status, extra, op, body, op))


def ok_dev(dev):
    return '<device id="%s"><rci_reply version="1.1"><query_state/></rci_reply></device>' % dev


def bad_dev(dev):
    return '<device id="%s"><error id="2001"><desc>Device Not Connected</desc></error></device>' % dev


def test_job_from_reply_in_progress():
    j = _records.job_from_reply("17", reply("in_progress"))
    assert j["state"] == lc.RUNNING and j["raw_state"] == "in_progress" and not j["terminal"]
    assert j["operation"] == "send_message"
    assert j["targets"] is None and j["succeeded"] is None


def test_job_from_reply_new_is_pending():
    assert _records.job_from_reply("1", reply("new"))["state"] == lc.PENDING


def test_job_from_reply_complete_mixed_is_partial():
    j = _records.job_from_reply("17", reply("complete", ok_dev("A") + bad_dev("B") + ok_dev("C")))
    assert j["state"] == lc.PARTIAL and j["terminal"]
    assert (j["targets"], j["succeeded"], j["failed"], j["progress"]) == (3, 2, 1, 100)
    assert j["devices"]["B"]["error_id"] == "2001"
    assert j["id"] == "17" and j["api"] == "drm"


def test_job_from_reply_complete_all_ok():
    j = _records.job_from_reply("17", reply("complete", ok_dev("A") + ok_dev("B")))
    assert j["state"] == lc.SUCCEEDED and j["failed"] == 0


def test_job_from_reply_complete_all_bad():
    assert _records.job_from_reply("17", reply("complete", bad_dev("A")))["state"] == lc.FAILED


def test_job_from_reply_canceled():
    j = _records.job_from_reply("17", reply("canceled", bad_dev("A")))
    assert j["state"] == lc.CANCELED and j["terminal"]


def test_job_from_reply_unknown_status():
    j = _records.job_from_reply("17", ET.fromstring("<sci_reply/>"))
    assert j["state"] == lc.UNKNOWN and j["raw_state"] is None and j["operation"] is None


def test_job_from_reply_top_level_error_message():
    j = _records.job_from_reply("17", reply("complete", extra="<error> job expired </error>"))
    assert j["message"] == "job expired"


def test_job_from_reply_with_progress():
    body = ('<device id="A"><progress status="20">copying</progress><progress status="60">flashing</progress></device>'
            '<device id="B"><progress status="40">copying</progress></device>')
    j = _records.job_from_reply("9", reply("in_progress", body, op="update_firmware"), with_progress=True)
    assert j["state"] == lc.RUNNING
    assert j["progress"] == 50
    assert j["device_progress"]["A"] == {"percent": 60, "message": "flashing"}
    # a progress reply carries no per-device results
    assert "devices" not in j
    assert j["targets"] is None


def test_job_from_reply_plain_has_no_device_progress():
    j = _records.job_from_reply("9", reply("complete", ok_dev("A")))
    assert "device_progress" not in j
    assert set(j["devices"]) == {"A"}


def test_device_progress_bad_percent():
    op = ET.fromstring('<update_firmware><device id="A"><progress status="x">?</progress></device></update_firmware>')
    assert _sci.device_progress(op) == {"A": (None, "?")}
    assert _sci.device_progress(None) == {}


# ---------------------------------------------------------------- job_from_listing

def listing_row(status="2", total="3", ok="2", bad="1", **over):
    fields = {"jobId": "1234", "cstId": "0", "usrId": "0", "jobType": "0", "jobSyncMode": "1",
              "jobReplyMode": "0", "jobTargets": "%s,%s" % (DEV_A, DEV_B), "jobRequestPayload": "<x/>",
              "jobDescription": "send_message", "jobStatus": status, "jobTargetCount": total,
              "jobProgressSuccess": ok, "jobProgressFailures": bad,
              "jobSubmitTime": "2026-01-01T00:00:00.000Z", "jobCompletionTime": ""}
    fields.update(over)
    inner = "".join("<%s>%s</%s>" % (k, v, k) for k, v in fields.items() if v is not None)
    return ET.fromstring("<Job>%s</Job>" % inner)


@pytest.mark.parametrize("status, total, ok, bad, state, raw, progress", [
    ("0", "3", "0", "0", lc.PENDING, "new", 0),
    ("1", "4", "1", "1", lc.RUNNING, "in_progress", 50),
    ("2", "3", "3", "0", lc.SUCCEEDED, "complete", 100),
    ("2", "3", "2", "1", lc.PARTIAL, "complete", 100),
    ("2", "3", "0", "3", lc.FAILED, "complete", 100),
    ("3", "3", "1", "0", lc.CANCELED, "canceled", 33),
    ("9", "3", "0", "0", lc.UNKNOWN, "9", 0),
    ("2", "0", "0", "0", lc.UNKNOWN, "complete", None),   # complete, nothing counted: unreadable, not succeeded
])
def test_job_from_listing(status, total, ok, bad, state, raw, progress):
    j = _records.job_from_listing(listing_row(status, total, ok, bad))
    assert (j["state"], j["raw_state"], j["progress"]) == (state, raw, progress)
    assert j["id"] == "1234"
    assert j["operation"] == "send_message"
    assert j["target_ids"] == [DEV_A, DEV_B]
    assert j["completed"] is None
    assert j["submitted"] == "2026-01-01T00:00:00.000Z"
    assert (j["targets"], j["succeeded"], j["failed"]) == (int(total), int(ok), int(bad))


def test_job_from_listing_firmware_type_and_completion():
    j = _records.job_from_listing(listing_row(jobType="1", jobCompletionTime="2026-01-01T00:05:00.000Z",
                                              jobTargets=""))
    assert j["operation"] == "update_firmware"
    assert j["completed"] == "2026-01-01T00:05:00.000Z"
    assert j["target_ids"] == []


def test_job_from_listing_missing_counts():
    j = _records.job_from_listing(listing_row("1", total=None, ok=None, bad=None))
    assert j["state"] == lc.RUNNING and j["progress"] is None
    assert j["succeeded"] == 0 and j["failed"] == 0


# ---------------------------------------------------------------- DeviceCore helpers

def test_normalize_device():
    item = {"id": {"devId": 77}, "devConnectwareId": DEV_A, "dpDeviceType": "IX20",
            "dpFirmwareLevelDesc": "21.2.39.67", "dpConnectionStatus": "1", "dpTags": "north,,edge,",
            "grpPath": "sites/east", "dpLastKnownIp": "10.0.0.2", "dpLastConnectTime": "t",
            "dpDescription": "d", "dpLocation": "l"}
    d = _drm.normalize_device(item)
    assert d == {"id": DEV_A, "dev_id": 77, "type": "IX20", "firmware": "21.2.39.67", "connected": True,
                 "tags": ["north", "edge"], "group": "sites/east", "ip": "10.0.0.2", "last_connect": "t",
                 "description": "d", "location": "l"}


@pytest.mark.parametrize("status, connected", [("0", False), (0, False), ("", False), ("1", True), (1, True)])
def test_normalize_device_connection(status, connected):
    assert _drm.normalize_device({"dpConnectionStatus": status})["connected"] is connected


def test_normalize_device_minimal():
    d = _drm.normalize_device({})
    assert d["connected"] is False and d["tags"] == [] and d["dev_id"] is None


def test_normalize_device_null_connection_status_is_disconnected():
    assert _drm.normalize_device({"dpConnectionStatus": None})["connected"] is False


def test_device_condition():
    assert _drm.device_condition([("device", DEV_A)]) == "devConnectwareId='%s'" % DEV_A
    assert _drm.device_condition([("tag", "it's")]) == "dpTags like '%it''s%'"
    assert _drm.device_condition([("group", "sites/east")]) == \
        "grpPath='sites/east' or grpPath like 'sites/east/%'"
    assert _drm.device_condition([("tag", "a"), ("device", DEV_B)]) == \
        "dpTags like '%a%' or devConnectwareId='" + DEV_B + "'"
    assert _drm.device_condition([("tag", "a"), ("all", "all")]) is None


def dev(id_=DEV_A, tags=(), group=None):
    return {"id": id_, "tags": list(tags), "group": group}


@pytest.mark.parametrize("device, targets, expected", [
    (dev(DEV_A.lower()), [("device", DEV_A)], True),
    (dev(DEV_B), [("device", DEV_A)], False),
    (dev(None), [("device", DEV_A)], False),
    (dev(tags=["north"]), [("tag", "north")], True),
    (dev(tags=["northeast"]), [("tag", "north")], False),   # the LIKE superset is refined here
    (dev(group="sites/east"), [("group", "sites/east")], True),
    (dev(group="/sites/east/"), [("group", "sites/east")], True),
    (dev(group="sites/east/rack1"), [("group", "sites/east")], True),
    (dev(group="sites/eastern"), [("group", "sites/east")], False),
    (dev(group=None), [("group", "sites")], False),
    (dev(), [("all", "all")], True),
    (dev(), [], False),
    (dev(tags=["x"]), [("tag", "y"), ("group", "g"), ("tag", "x")], True),
])
def test_matches(device, targets, expected):
    assert _drm.matches(device, targets) is expected


# ---------------------------------------------------------------- property-based

NAMES = st.sampled_from(["device", "error", "desc", "rci_reply", "query_setting", "progress", "status",
                         "system", "x", "jobId", "Job", "send_message", "update_firmware"])
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
ATTRS = st.dictionaries(st.sampled_from(["id", "status", "version", "tag"]), TEXT, max_size=3)


@st.composite
def elements(draw, depth=3):
    el = ET.Element(draw(NAMES), draw(ATTRS))
    el.text = draw(st.one_of(st.none(), TEXT))
    if depth > 0:
        for child in draw(st.lists(elements(depth=depth - 1), max_size=3)):
            el.append(child)
    return el


@st.composite
def sci_replies(draw):
    root = ET.Element("sci_reply")
    status = ET.SubElement(root, "status")
    status.text = draw(st.one_of(st.sampled_from(["new", "queued", "in_progress", "complete", "canceled", ""]),
                                 TEXT))
    if draw(st.booleans()):
        ET.SubElement(root, "error").text = draw(TEXT)
    op = ET.SubElement(root, draw(st.sampled_from(_sci.OPERATIONS + ("other",))))
    for _i in range(draw(st.integers(0, 4))):
        device = ET.SubElement(op, "device", draw(ATTRS))
        for child in draw(st.lists(elements(depth=2), max_size=2)):
            device.append(child)
    # round-trip through text, as a real reply would arrive
    return ET.fromstring(ET.tostring(root, encoding="unicode"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sci_replies(), st.booleans())
def test_job_from_reply_total(root, with_progress):
    j = _records.job_from_reply("1", root, with_progress=with_progress)
    assert j["state"] in lc.STATES
    # Terminal exactly for terminal states, plus finished jobs whose outcome is unreadable.
    assert j["terminal"] is (j["state"] in lc.TERMINAL or (j["state"] == lc.UNKNOWN and j["terminal"]))
    if j["state"] == lc.UNKNOWN and j["terminal"] and not with_progress:
        assert j["message"]
    assert ("devices" in j) is (not with_progress)
    assert ("device_progress" in j) is with_progress
    for result in j.get("devices", {}).values():
        assert isinstance(result["ok"], bool)
    if j["progress"] is not None:
        assert isinstance(j["progress"], int)
    if j["succeeded"] is not None:
        assert j["succeeded"] + j["failed"] == j["targets"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elements(depth=3))
def test_device_results_total(op):
    op = ET.fromstring(ET.tostring(op, encoding="unicode"))
    results = _sci.device_results(op)
    for dev_id, result in results.items():
        assert dev_id
        assert set(result) == {"ok", "error_id", "error", "reply"}
        assert result["ok"] is (result["error"] is None)


LISTING_FIELDS = ["jobId", "jobType", "jobTargets", "jobDescription", "jobStatus", "jobTargetCount",
                  "jobProgressSuccess", "jobProgressFailures", "jobSubmitTime", "jobCompletionTime"]
NUMBERISH = st.one_of(st.integers(-5, 1000).map(str), TEXT)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(LISTING_FIELDS), NUMBERISH))
def test_job_from_listing_total(fields):
    row = ET.Element("Job")
    for key, value in fields.items():
        ET.SubElement(row, key).text = value
    row = ET.fromstring(ET.tostring(row, encoding="unicode"))
    j = _records.job_from_listing(row)
    assert j["state"] in lc.STATES
    assert isinstance(j["target_ids"], list)
    status = (fields.get("jobStatus") or "").strip()
    if status in ("0", "1", "3"):
        assert j["state"] == {"0": lc.PENDING, "1": lc.RUNNING, "3": lc.CANCELED}[status]
    if status == "2":
        assert j["state"] in lc.TERMINAL


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), st.binary(max_size=60),
                 st.builds(lambda a, b: "<%s>%s</%s>" % (a, b, a), st.sampled_from(["a", "rci_request"]),
                           st.text(max_size=30))))
def test_parse_xml_only_input_error(text):
    try:
        result = _sci.parse_xml(text, "payload")
    except InputError:
        return
    assert isinstance(result, ET.Element)


def test_device_condition_falls_back_to_all_pages_for_many_ids():
    many = [("device", "00000000-00000000-00409DFF-FF%06X" % i) for i in range(_drm.MAX_CONDITION_IDS + 1)]
    assert _drm.device_condition(many) is None
    few = many[:3]
    assert _drm.device_condition(few).count("devConnectwareId=") == 3


class _RecordingClient(_drm.DrmClient):
    """A DrmClient whose reads are scripted, to see which read poll() chooses."""

    def __init__(self, devices):
        super().__init__(transport=None)
        self.devices_in_job = devices
        self.calls = []

    def get_job(self, job_id, progress=False):
        self.calls.append("progress" if progress else "results")
        record = lc.job("drm", job_id, lc.RUNNING, "in_progress", progress=0)
        record["device_progress"] = {"D%d" % i: {"percent": 0, "message": ""} for i in range(self.devices_in_job)}
        return record

    def list_jobs(self, condition=None, page_size=_drm.LISTING_PAGE, limit=None):
        self.calls.append("listing")
        return [lc.job("drm", "7", lc.RUNNING, "in_progress", progress=0)]


@pytest.mark.parametrize("devices, second", [(3, "progress"), (_drm.PROGRESS_VIEW_MAX_DEVICES + 1, "listing")])
def test_poll_uses_listing_for_a_job_on_many_devices(devices, second):
    client = _RecordingClient(devices)
    client.poll(["7"])
    client.poll(["7"])
    assert client.calls == ["progress", second]
