"""Behaviour of the simulated Digi Remote Manager (SCI jobs, DeviceCore, FileData)."""
import base64
import time
import xml.etree.ElementTree as ET

import pytest
import requests

from lab_helpers import KEY_ID, KEY_SECRET, dev_id, device_target, poll_until

QUERY = '<rci_request version="1.1"><query_setting/></rci_request>'


def firmware(version):
    image = f"DIGI-FW\nversion={version}\n".encode() + bytes(200)
    return f"<data>{base64.b64encode(image).decode()}</data>"


def device(http, index):
    resp = http.get(f"{http.base}/ws/DeviceCore/{dev_id(index)}", headers={"Accept": "application/json"})
    assert resp.status_code == 200
    return resp.json()["items"][0]


def results(dom, op):
    return {d.get("id"): d for d in dom.findall(f"./{op}/device")}


# --- auth ------------------------------------------------------------------------------------

def test_auth_required(url):
    resp = requests.get(url + "/ws/DeviceCore")
    assert resp.status_code == 401 and resp.headers["WWW-Authenticate"].startswith("Basic")
    assert requests.get(url + "/ws/DeviceCore", auth=("admin", "nope")).status_code == 401
    headers = {"X-API-KEY-ID": KEY_ID, "X-API-KEY-SECRET": KEY_SECRET}
    assert requests.get(url + "/ws/DeviceCore?size=1", headers=headers).status_code == 200
    headers["X-API-KEY-SECRET"] = "wrong"
    assert requests.get(url + "/ws/DeviceCore?size=1", headers=headers).status_code == 401


# --- firmware ----------------------------------------------------------------------------------

def test_async_firmware_update_reboots_and_changes_level(http, sci, lab):
    submitted = time.time()
    job = sci.submit("update_firmware", device_target(0), firmware("3.1.4"), firmware_target="0")
    seen_offline, seen_rebooting = False, False
    while sci.head(job) == 202:
        seen_offline |= not lab.device(dev_id(0))["online"]
        progress = ET.fromstring(sci.get(job, progress="true").content)
        seen_rebooting |= any(p.text == "Rebooting" for p in progress.iter("progress"))
        time.sleep(0.02)
    assert seen_offline and seen_rebooting
    dom = sci.wait(job)
    assert dom.findtext("status") == "complete"
    assert results(dom, "update_firmware")[dev_id(0)].find("submitted") is not None
    dev = device(http, 0)
    assert dev["dpFirmwareLevelDesc"] == "3.1.4"
    assert dev["dpFirmwareLevel"] == str(3 << 24 | 1 << 16 | 4 << 8)
    assert dev["dpConnectionStatus"] == "1"
    assert dev["dpLastDisconnectTime"] >= time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(submitted))
    assert dev["dpLastConnectTime"] >= dev["dpLastDisconnectTime"]


def test_firmware_failures(http, sci):
    # index 12 is a fails_firmware device; index 9 is offline.
    job = sci.submit("update_firmware", device_target(12, 1, 9), firmware("3.0.0"), filename="image.bin")
    res = results(sci.wait(job), "update_firmware")
    assert res[dev_id(12)].find("error").get("id") == "2105"
    assert res[dev_id(1)].find("submitted") is not None
    assert res[dev_id(9)].find("error").get("id") == "2001"
    assert device(http, 12)["dpFirmwareLevelDesc"] == "1.0.0"
    listing = http.get(f"{http.base}/ws/sci", params={"condition": f"jobId={job}"}).content
    row = ET.fromstring(listing).find("Job")
    assert (row.findtext("jobProgressSuccess"), row.findtext("jobProgressFailures")) == ("1", "2")


def test_firmware_request_errors_are_per_device(sci):
    cases = [
        ({}, firmware("1.2.3"), None, "Default target not availabe, specify a target number of filename"),
        ({"firmware_target": "0"}, "<data>" + base64.b64encode(b"no version here").decode() + "</data>", "2104", None),
        ({"firmware_target": "0"}, "<file>/~/missing.bin</file>", "2103", None),
        ({"firmware_target": "7"}, firmware("1.2.3"), "2102", None),
    ]
    for attrs, payload, code, desc in cases:
        dom = ET.fromstring(sci.post("update_firmware", device_target(0), payload, **attrs).content)
        error = dom.find("./update_firmware/device/error")
        assert error.get("id") == code and (desc is None or error.findtext("desc") == desc)


def test_firmware_from_filedata(http, sci):
    image = b"DIGI-FW\nversion=4.0.1\n"
    assert http.put(f"{http.base}/ws/FileData/~/fw/image.bin", data=image).status_code == 201
    assert http.get(f"{http.base}/ws/FileData/~/fw/image.bin").content == image
    job = sci.submit("update_firmware", device_target(2), "<file>/~/fw/image.bin</file>", firmware_target="0")
    sci.wait(job)
    assert device(http, 2)["dpFirmwareLevelDesc"] == "4.0.1"


def test_query_firmware_targets(sci):
    dom = ET.fromstring(sci.post("query_firmware_targets", device_target(6)).content)
    target = dom.find("./query_firmware_targets/device/targets/target")
    assert target.get("number") == "0" and target.findtext("name") == "Firmware Image"
    assert target.findtext("version") == "2.0.0"


# --- send_message --------------------------------------------------------------------------

def test_set_setting_then_query(http, sci):
    set_xml = ('<rci_request version="1.1"><set_setting><system><contact>ops@example.com</contact>'
               '<location>rack 7</location></system></set_setting></rci_request>')
    res = results(ET.fromstring(sci.post("send_message", device_target(3), set_xml).content), "send_message")
    assert res[dev_id(3)].find("rci_reply/set_setting/system") is not None
    res = results(ET.fromstring(sci.post("send_message", device_target(3), QUERY).content), "send_message")
    assert res[dev_id(3)].findtext("rci_reply/query_setting/system/location") == "rack 7"
    assert device(http, 3)["dpLocation"] == "rack 7" and device(http, 3)["dpContact"] == "ops@example.com"
    bad = '<rci_request version="1.1"><query_setting><bogus/></query_setting></rci_request>'
    res = results(ET.fromstring(sci.post("send_message", device_target(3), bad).content), "send_message")
    assert res[dev_id(3)].find("rci_reply/query_setting/bogus/error").get("id") == "1"


def test_offline_unknown_and_no_valid_targets(sci):
    unknown = "00000000-00000000-00409DFF-FFFFFFFF"
    dom = ET.fromstring(sci.post("send_message", device_target(9) + f'<device id="{unknown}"/>', QUERY).content)
    res = results(dom, "send_message")
    assert res[dev_id(9)].find("error").get("id") == "2001"
    assert res[dev_id(9)].findtext("error/desc") == "Device Not Connected"
    assert res[unknown].find("error").get("id") == "303"
    assert dom.find("./send_message/error") is None

    resp = sci.post("send_message", f'<device id="{unknown}"/>', QUERY, synchronous="false")
    assert resp.status_code == 400
    dom = ET.fromstring(resp.content)
    assert dom.find(".//jobId") is None
    assert dom.findtext("./send_message/error") == "Invalid SCI request. No valid targets found."
    assert dom.find("./send_message/device/error").get("id") == "303"


def test_reply_none_and_dedupe(sci):
    targets = device_target(0, 0) + '<device tag="canary"/>'
    dom = ET.fromstring(sci.post("send_message", targets, QUERY, reply="none").content)
    assert list(dom.find("send_message")) == []
    job = sci.submit("send_message", targets, QUERY)
    assert len(results(sci.wait(job), "send_message")) == 5


def test_allow_offline_waits_for_device(sci, lab):
    job = sci.submit("send_message", device_target(19), QUERY, allowOffline="true")
    time.sleep(0.5)
    assert sci.head(job) == 202
    progress = ET.fromstring(sci.get(job, progress="true").content)
    assert progress.findtext(".//progress") == "Waiting for device to connect"
    lab.set_device(dev_id(19), online=True)
    res = results(sci.wait(job), "send_message")
    assert res[dev_id(19)].find("rci_reply") is not None


def test_sync_timeout(sci):
    dom = ET.fromstring(sci.post("send_message", device_target(29), QUERY, allowOffline="true",
                                 syncTimeout="0.3").content)
    assert results(dom, "send_message")[dev_id(29)].find("error").get("id") == "2002"


def test_disconnect_drops_and_reconnects(http, sci, lab):
    job = sci.submit("disconnect", device_target(4))
    res = results(sci.wait(job), "disconnect")
    assert res[dev_id(4)].find("disconnected") is not None
    assert device(http, 4)["dpConnectionStatus"] == "0"
    time.sleep(0.35)
    assert device(http, 4)["dpConnectionStatus"] == "1"


# --- job lifecycle ---------------------------------------------------------------------------

def test_head_codes(sci):
    job = sci.submit("send_message", device_target(0), QUERY)
    assert sci.head(job) == 202
    assert ET.fromstring(sci.get(job).content).findtext("status") == "in_progress"
    sci.wait(job)
    assert sci.head(job) == 200
    assert sci.head(999) == 404
    resp = sci.get(999)
    assert resp.status_code == 404 and ET.fromstring(resp.content).find("error") is not None


def test_delete_cancels_running_then_deletes(http, sci):
    job = sci.submit("update_firmware", device_target(0, 1), firmware("9.9.9"), firmware_target="0")
    time.sleep(0.2)
    assert http.delete(f"{http.base}/ws/sci/{job}").status_code == 200
    assert sci.head(job) == 200
    dom = ET.fromstring(sci.get(job).content)
    assert dom.findtext("status") == "canceled"
    assert {d.find("error").get("id") for d in results(dom, "update_firmware").values()} == {"2010"}
    progress = ET.fromstring(sci.get(job, progress="true").content)
    assert [p.text for p in progress.find(".//device")][-1] == "Canceled"
    time.sleep(1.5)  # past the planned end: a canceled update has no effect
    assert device(http, 0)["dpFirmwareLevelDesc"] == "1.0.0"
    assert http.delete(f"{http.base}/ws/sci/{job}").status_code == 200
    assert sci.get(job).status_code == 404
    assert http.delete(f"{http.base}/ws/sci/{job}").status_code == 404


def test_job_listing_paging_and_conditions(http, sci):
    # allowOffline jobs on offline devices stay in_progress until the device connects.
    offline = (9, 19, 29, 39, 49)
    jobs = [sci.submit("send_message", device_target(i), QUERY, allowOffline="true") for i in offline]
    assert jobs == list(range(jobs[0], jobs[0] + 5))
    page = ET.fromstring(http.get(f"{http.base}/ws/sci", params={"start": 1, "size": 2}).content)
    assert [page.findtext(k) for k in ("resultTotalRows", "requestedStartRow", "resultSize",
                                       "requestedSize", "remainingSize")] == ["5", "1", "2", "2", "2"]
    assert [int(j.findtext("jobId")) for j in page.findall("Job")] == jobs[1:3]
    job = page.find("Job")
    assert job.findtext("jobDescription") == "query_setting" and job.findtext("jobType") == "0"
    assert job.findtext("jobSyncMode") == "1" and job.findtext("jobTargets") == dev_id(19)
    assert job.findtext("jobStatus") == "1" and job.findtext("jobCompletionTime") == ""
    assert ET.canonicalize(job.findtext("jobRequestPayload")) == ET.canonicalize(QUERY)  # the payload alone

    listing = http.get(f"{http.base}/ws/sci", headers={"Accept": "application/json"},
                       params={"condition": f"jobId in ({jobs[0]}, {jobs[3]}, 1)"}).json()
    assert [item["jobId"] for item in listing["items"]] == [str(jobs[0]), str(jobs[3])]
    assert listing["items"][0]["jobStatus"] == "1"

    done = sci.submit("send_message", device_target(0), QUERY)
    sci.wait(done)
    running = ET.fromstring(http.get(f"{http.base}/ws/sci", params={"condition": "jobStatus=1"}).content)
    assert [int(j.findtext("jobId")) for j in running.findall("Job")] == jobs
    complete = ET.fromstring(http.get(f"{http.base}/ws/sci", params={"condition": "jobStatus=2"}).content)
    assert [int(j.findtext("jobId")) for j in complete.findall("Job")] == [done]
    assert http.get(f"{http.base}/ws/sci", params={"condition": "jobStatus=="}).status_code == 400


# --- DeviceCore ------------------------------------------------------------------------------

def test_devicecore_paging_and_conditions(http):
    def query(**params):
        return http.get(f"{http.base}/ws/DeviceCore", params=params, headers={"Accept": "application/json"})

    page = query(start=995, size=10).json()
    assert (page["resultSize"], page["remainingSize"], page["resultTotalRows"]) == ("10", "195", "1200")
    assert page["items"][0]["id"] == {"devId": "1000996", "devVersion": page["items"][0]["id"]["devVersion"]}
    assert query(size=5000).json()["requestedSize"] == "1000"

    canary_online = query(condition="dpTags like '%canary%' and dpConnectionStatus='1'").json()
    assert canary_online["resultTotalRows"] == "5"
    either = query(condition="grpPath='fleet/lab' or dpFirmwareLevelDesc = '2.0.0'").json()
    assert either["resultTotalRows"] == str(len([i for i in range(1200) if i % 3 == 2 or i % 7 == 6]))
    grouped = query(condition="(dpTags like 'site-a%') and (dpConnectionStatus = '0')").json()
    assert grouped["resultTotalRows"] == str(len([i for i in range(1200) if i % 5 == 0 and i % 10 == 9]))
    assert query(condition="dpFirmwareLevel > '16777216'").json()["resultTotalRows"] == str(1200 // 7)
    assert query(condition="dpTags <> 'x'").json()["resultTotalRows"] == "1200"
    for bad in ("nosuchfield='1'", "dpTags = ", "dpTags like 'a' and", "((grpPath='x')"):
        assert query(condition=bad).status_code == 400, bad
    # Hundreds of alternatives (a naive recursive evaluator overflows the stack here).
    many = " or ".join("devConnectwareId='%s'" % dev_id(i) for i in range(900))
    assert query(condition=many, size=1000).json()["resultTotalRows"] == "900"

    xml = ET.fromstring(http.get(f"{http.base}/ws/DeviceCore/{dev_id(9)}").content)
    dev = xml.find("DeviceCore")
    assert dev.findtext("id/devId") == "1000010" and dev.findtext("dpConnectionStatus") == "0"
    assert http.get(f"{http.base}/ws/DeviceCore/1000010").status_code == 200
    assert http.get(f"{http.base}/ws/DeviceCore/nope").status_code == 404


# --- hostile input -------------------------------------------------------------------------

def test_dtd_entities_and_malformed_xml_rejected(http):
    hostile = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
               '<sci_request version="1.0"><send_message><targets><device id="all"/></targets>'
               '<rci_request version="1.1"><query_setting><system><contact>&lol2;</contact></system>'
               '</query_setting></rci_request></send_message></sci_request>')
    for body in (hostile, "<sci_request><send_message>", "not xml", "<other/>"):
        resp = http.post(f"{http.base}/ws/sci", data=body, headers={"Content-Type": "text/xml"})
        assert resp.status_code == 400, body
        dom = ET.fromstring(resp.content)
        assert dom.tag == "sci_reply" and dom.findtext("error")


# --- operations other clients submit: reboot, file_system, data_service ------------------------

def test_reboot_drops_and_reconnects_offline_gets_2001(http, sci, lab):
    job = sci.submit("reboot", device_target(0, 9))  # index 9 is offline
    dom = sci.wait(job)
    assert dom.findtext("status") == "complete"
    res = results(dom, "reboot")
    # The recorded shape for an offline device (python-devicecloud EXAMPLE_ASYNC_SCI_DEVICE_NOT_CONNECTED).
    assert res[dev_id(9)].find("error").get("id") == "2001"
    assert res[dev_id(9)].findtext("error/desc") == "Device Not Connected"
    assert len(res[dev_id(0)]) == 0 and not (res[dev_id(0)].text or "").strip()
    row = ET.fromstring(http.get(f"{http.base}/ws/sci", params={"condition": f"jobId={job}"}).content).find("Job")
    assert (row.findtext("jobType"), row.findtext("jobDescription")) == ("4", "reboot")
    assert (row.findtext("jobProgressSuccess"), row.findtext("jobProgressFailures")) == ("1", "1")
    # The device rebooted: offline at the end of its part, back one reboot-duration later.
    assert lab.device(dev_id(0))["dpLastDisconnectTime"]
    poll_until(lambda: lab.device(dev_id(0))["online"], bool, 10, what="the device's reconnection")


def test_file_system_commands_and_errors(sci, lab):
    data = base64.b64encode(b"hello").decode()
    commands = ("<commands>"
                f'<put_file path="/userfs/a/b.txt" truncate="true"><data>{data}</data></put_file>'
                '<ls path="/userfs"/>'
                '<get_file path="/userfs/a/b.txt"/>'
                '<rm path="/userfs/missing"/>'
                "</commands>")
    res = results(sci.wait(sci.submit("file_system", device_target(0), commands)), "file_system")[dev_id(0)]
    cmds = res.find("commands")
    assert [c.tag for c in cmds] == ["put_file", "ls", "get_file", "rm"]
    ls = cmds.find("ls")
    assert [d.get("path") for d in ls.findall("dir")] == ["/userfs/a"]
    assert [(f.get("path"), f.get("size")) for f in ls.findall("file")] == [("/userfs/readme.txt", "23")]
    assert base64.b64decode(cmds.findtext("get_file/data")) == b"hello"
    # The error form of python-devicecloud's file system tests: <rm><error id="1">text</error></rm>.
    assert (cmds.find("rm/error").get("id"), cmds.findtext("rm/error")) == ("1", "No such file or directory")
    assert lab.device(dev_id(0))["files"] == ["/userfs/a/b.txt", "/userfs/readme.txt"]
    assert lab.device(dev_id(1))["files"] == ["/userfs/readme.txt"]


def test_file_system_without_commands_is_a_device_error(sci):
    res = results(sci.wait(sci.submit("file_system", device_target(0), "<ls/>")), "file_system")
    assert res[dev_id(0)].find("error").get("id") == "2107"


def test_data_service_echo_and_unsupported_target(sci):
    requests_xml = ('<requests><device_request target_name="echo">ping</device_request>'
                    '<device_request target_name="nope">x</device_request></requests>')
    res = results(sci.wait(sci.submit("data_service", device_target(0), requests_xml)), "data_service")
    answers = res[dev_id(0)].findall("requests/device_request")
    assert [(a.get("target_name"), a.get("status"), a.text) for a in answers] == [
        ("echo", "0", "ping"), ("nope", "1", "Target is not supported")]


def test_unknown_operation_is_refused_without_a_job(http, sci):
    resp = sci.post("self_destruct", device_target(0), synchronous="false")
    assert resp.status_code == 400 and "Unsupported SCI operation 'self_destruct'" in resp.text
    listing = ET.fromstring(http.get(f"{http.base}/ws/sci").content)
    assert listing.findtext("resultTotalRows") == "0"


def test_finish_job_now_ends_a_long_job_with_its_outcome(http, sci, lab):
    """/_lab/jobs/{id}/finish: a job held in flight by a long duration ends when a test says so,
    with the outcome it would have had (the firmware applied, the device back online)."""
    durations = lab.config()["durations"]
    lab.config(durations={"update_firmware": 10000})
    try:
        job = sci.submit("update_firmware", device_target(0), firmware("3.2.1"), firmware_target="0")
        assert sci.head(job) == 202
        lab.finish_job(job)
        dom = sci.wait(job)
    finally:
        lab.config(durations=durations)
    assert dom.findtext("status") == "complete"
    assert results(dom, "update_firmware")[dev_id(0)].find("submitted") is not None
    assert device(http, 0)["dpFirmwareLevelDesc"] == "3.2.1"
    assert lab.device(dev_id(0))["online"]
    with pytest.raises(Exception, match="404"):
        lab.finish_job(999999999)
