"""Conformance: the lab's Remote Manager answers like the recorded vendor replies (tests/unit/vendor/drm).

Each recording's call is sent to the lab (ids adapted: a job is created first where the recording
reads one) and the lab's reply must have the recorded shape: same elements, attributes and keys.
Where they differ the lab is wrong. Subtrees that hold a device's own data (its settings or stats)
are left out of the comparison, with the reason beside each.
"""
import base64
import pathlib
import sys
import xml.etree.ElementTree as ET

import pytest

from lab_helpers import dev_id, device_target

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "unit" / "vendor"))
import recordings  # noqa: E402
from recordings import json_shape, shape_differences, xml_shape  # noqa: E402

RECORDINGS = {r.name: r for r in recordings.load("drm")}
ONLINE, OFFLINE = 0, 9  # fleet rules: every tenth device (index 9, 19, ...) is offline
UNKNOWN = "00000000-00000000-00409DFF-FFABCDEF"
QUERY_STATE = '<rci_request version="1.1"><query_state><device_stats/></query_state></rci_request>'
DOC_PAYLOAD = "<rci_request><query_setting/></rci_request>"

# Recordings the lab cannot answer, and why.
NOT_SERVED = {
    "sci_update_firmware_malformed_reply": "the recorded body is not well-formed XML, so it has no shape",
}


def pruned(shape, *path):
    """An XML shape whose subtree at ``path`` accepts anything (a recorded null)."""
    node = shape
    for tag in path[:-1]:
        node = node[tag]
        if isinstance(node, list):
            assert len(node) == 1, path
            node = node[0]
    node[path[-1]] = "null"
    return shape


def check_xml(resp, rec, shape=None, status=True, extra_keys=False):
    if status:
        assert resp.status_code == rec.status, resp.text
    recorded = shape if shape is not None else xml_shape(rec.text)
    assert shape_differences(recorded, xml_shape(resp.content), extra_keys=extra_keys) == []


def job_reply(http, job_id):
    return http.get(f"{http.base}/ws/sci/{job_id}")


# ---------------------------------------------------------------- SCI and job replies, one case each

def case_sci_reboot_device_not_connected(http, sci, rec):
    check_xml(sci.post("reboot", device_target(OFFLINE)), rec)


def case_sci_no_valid_targets(http, sci, rec):
    resp = sci.post("send_message", f'<device id="{UNKNOWN}"/>', QUERY_STATE, synchronous="false")
    check_xml(resp, rec)


def case_job_reboot_complete_device_not_connected(http, sci, rec):
    job = sci.submit("reboot", device_target(OFFLINE))
    check_xml(job_reply(http, job), rec)


def case_job_in_progress(http, sci, rec):
    # allowOffline on an offline device: the job waits for the device, so it stays in progress.
    job = sci.submit("send_message", device_target(OFFLINE), QUERY_STATE, allowOffline="true")
    check_xml(job_reply(http, job), rec)


def case_sci_send_message_rci_reply(http, sci, rec):
    resp = sci.post("send_message", device_target(ONLINE), QUERY_STATE)
    # device_stats holds the device's own statistics (the fixture shows one of them).
    check_xml(resp, rec, pruned(xml_shape(rec.text), "sci_reply", "send_message", "device", "rci_reply",
                                "query_state", "device_stats"))


def case_sci_async_accepted(http, sci, rec):
    resp = sci.post("send_message", device_target(ONLINE), QUERY_STATE, synchronous="false")
    # Status not compared: the library's mock uses 200, Digi's page says 202 (the lab's).
    assert resp.status_code == 202
    check_xml(resp, rec, status=False)


def case_sci_update_firmware_submitted(http, sci, rec):
    image = "<data>" + base64.b64encode(b"version=3.0.0\n").decode() + "</data>"
    check_xml(sci.post("update_firmware", device_target(ONLINE), image, firmware_target="0"), rec)


def case_sci_query_firmware_targets(http, sci, rec):
    check_xml(sci.post("query_firmware_targets", device_target(ONLINE)), rec)


def case_sci_disconnect_error_2006(http, sci, rec):
    # The lab never loses a device mid-disconnect; a device-level error of a disconnect has this shape.
    check_xml(sci.post("disconnect", device_target(OFFLINE)), rec)


def case_sci_send_message_error_2021_hint(http, sci, rec):
    # A request the device refuses as a whole: a device-level error with desc and hint.
    check_xml(sci.post("send_message", device_target(ONLINE), "<not_rci/>"), rec)


def case_sci_send_message_query_setting(http, sci, rec):
    resp = sci.post("send_message", device_target(ONLINE),
                    '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>')
    # Settings groups are the device's own configuration (the recorded device has device_info).
    check_xml(resp, rec, pruned(xml_shape(rec.text), "sci_reply", "send_message", "device", "rci_reply",
                                "query_setting"))


def put_file(sci, index, path, data=b"x"):
    command = f'<commands><put_file path="{path}"><data>{base64.b64encode(data).decode()}</data></put_file></commands>'
    assert sci.post("file_system", device_target(index), command).status_code == 200


def case_sci_file_system_ls_two_devices(http, sci, rec):
    # A directory and a file under the listed path on both devices; any hash: the device's choice.
    for index in (ONLINE, 1):
        put_file(sci, index, "/a/path/file1.txt")
        put_file(sci, index, "/a/path/dir/inner.txt")
    check_xml(sci.post("file_system", device_target(ONLINE, 1), '<commands><ls path="/a/path/" hash="any"/></commands>'), rec)


def case_sci_file_system_ls_missing_dir(http, sci, rec):
    check_xml(sci.post("file_system", device_target(ONLINE), '<commands><ls path="/a/nonexistent/path"/></commands>'), rec)


def case_sci_file_system_get_file_mixed(http, sci, rec):
    put_file(sci, 1, "/a/path/file1.txt", b"testing string")  # only the second device has it
    resp = sci.post("file_system", device_target(ONLINE, 1), '<commands><get_file path="/a/path/file1.txt"/></commands>')
    check_xml(resp, rec)


def case_sci_file_system_put_get_ls(http, sci, rec):
    data = base64.b64encode(b"Digi file system sample\n").decode()
    commands = (f'<commands><put_file path="test_file.txt" truncate="true"><data>{data}</data></put_file>'
                '<get_file path="test_file.txt"/><ls path="test_file.txt" hash="none"/></commands>')
    check_xml(sci.post("file_system", device_target(ONLINE), commands), rec)


def case_sci_data_service_device_request(http, sci, rec):
    requests_block = '<requests><device_request target_name="echo">My device request data</device_request></requests>'
    check_xml(sci.post("data_service", device_target(ONLINE), requests_block), rec)


def case_job_listing_one_complete(http, sci, rec):
    # A synchronous job, as on the page (jobSyncMode 0), with the page's payload.
    sci.post("send_message", device_target(ONLINE), DOC_PAYLOAD)
    resp = http.get(f"{http.base}/ws/sci")
    # The stored page is cut after jobProgressSuccess: the lab may have the elements after it.
    check_xml(resp, rec, extra_keys=True)
    extra = set(xml_shape(resp.content)["result"]["Job"][0]) - set(xml_shape(rec.text)["result"]["Job"][0])
    assert extra == {"jobProgressFailures", "jobSubmitTime", "jobCompletionTime"}
    got, want = ET.fromstring(resp.content).find("Job"), ET.fromstring(rec.text).find("Job")
    for name in ("jobType", "jobSyncMode", "jobReplyMode", "jobDescription", "jobStatus", "jobTargetCount",
                 "jobProgressSuccess"):
        assert got.findtext(name) == want.findtext(name), name
    # The payload alone, without the send_message element and its targets.
    assert ET.canonicalize(got.findtext("jobRequestPayload")) == ET.canonicalize(want.findtext("jobRequestPayload"))


CASES = {name[len("case_"):]: fn for name, fn in dict(globals()).items() if name.startswith("case_")}


def test_every_recording_is_replayed_or_has_a_reason():
    assert recordings.accounting_problems(RECORDINGS, CASES, NOT_SERVED, DEVICECORE) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_lab_reply_has_the_recorded_shape(name, http, sci):
    CASES[name](http, sci, RECORDINGS[name])


# ---------------------------------------------------------------- DeviceCore pages
#
# A DeviceCore item lists only the fields a device has (the recorded items differ from each
# other), so the lab's items are compared with all recorded items: every field present in all
# of them must be there, and any other field must be a recorded one or one Digi's library
# reads (devicecloud/devicecore.py reads dpTags and dpUserMetaData).

DEVICECORE = [n for n in RECORDINGS if n.startswith("devicecore_")]
LIBRARY_FIELDS = {"dpTags", "dpUserMetaData"}
HEADER = ["resultTotalRows", "requestedStartRow", "resultSize", "requestedSize", "remainingSize"]


def recorded_items():
    items = []
    for name in DEVICECORE:
        rec = RECORDINGS[name]
        if isinstance(rec.body, dict):
            items.extend(set(item) for item in rec.body["items"])
        else:
            items.extend({child.tag for child in item} for item in ET.fromstring(rec.text).findall("DeviceCore"))
    return items


def check_fields(fields):
    items = recorded_items()
    required, known = set.intersection(*items), set.union(*items) | LIBRARY_FIELDS
    assert required <= fields, required - fields
    assert fields <= known, fields - known


@pytest.mark.parametrize("name", [n for n in DEVICECORE if isinstance(RECORDINGS[n].body, dict)])
def test_devicecore_json_page(name, http):
    rec = RECORDINGS[name]
    params = rec.request.get("params") or {}
    resp = http.get(f"{http.base}/ws/DeviceCore", params=params, headers={"Accept": "application/json"})
    assert resp.status_code == rec.status
    page = resp.json()
    assert sorted(page) == sorted(rec.body)
    assert all(isinstance(page[k], str) for k in HEADER)
    if params:
        assert [page[k] for k in ("requestedStartRow", "requestedSize")] == [params["start"], params["size"]]
    for item in page["items"]:
        check_fields(set(item))
        assert json_shape(item["id"]) == json_shape(rec.body["items"][0]["id"])
        assert all(isinstance(v, str) for k, v in item.items() if k != "id")


def test_devicecore_xml_page(http):
    rec = RECORDINGS["devicecore_xml_one_device"]
    condition = "devConnectwareId='%s'" % dev_id(ONLINE)
    resp = http.get(f"{http.base}/ws/DeviceCore", params={"condition": condition})
    assert resp.status_code == rec.status
    assert resp.text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    got, want = ET.fromstring(resp.content), ET.fromstring(rec.text)
    assert [child.tag for child in got][:len(HEADER)] == [child.tag for child in want][:len(HEADER)] == HEADER
    (item,) = got.findall("DeviceCore")
    check_fields({child.tag for child in item})
    assert shape_differences(xml_shape(ET.tostring(want.find("DeviceCore/id"))),
                             xml_shape(ET.tostring(item.find("id")))) == []
