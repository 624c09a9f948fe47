# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Jobs the collection did not submit, read truthfully on every API (issue 11, item 3).

Replies quoted from a vendor's own client tests or docs say so in a comment naming the
source; the others are built from the documented fields and enums, and say that too. The
rule under test: a finished job whose outcome cannot be read is ``unknown`` and terminal,
with the reply's gist in ``message``, never ``succeeded``; ``fail_on`` any and all fail it.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as _aiqum
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _records
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _jobs
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as _powerstore
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import JobFailed

DEVICECLOUD = "digidotcom/python-devicecloud@4940d6f6364a79900a12281c1b243f6c9d42638c"
CC_ANSIC = "digidotcom/cc_ansic (Digi's Cloud Connector test suite)"


def reply(text):
    return _sci.parse_xml(text, "reply")


def read(text, job_id="133225503"):
    return _records.job_from_reply(job_id, reply(text))


# ---------------------------------------------------------------- Remote Manager: job replies

# Source: python-devicecloud devicecloud/test/unit/test_sci.py, EXAMPLE_ASYNC_SCI_DEVICE_NOT_CONNECTED
# (exact): a reboot job, created by another client, whose only device was offline.
REBOOT_OFFLINE = ('<sci_reply version="1.0"><status>complete</status><reboot><device id="00000000-00000000-00409DFF-'
                  'FF58175B"><error id="2001"><desc>Device Not Connected</desc></error></device></reboot></sci_reply>\n')
OFFLINE = "00000000-00000000-00409DFF-FF58175B"


def test_recorded_reboot_reply_is_failed_with_the_device_error():
    job = read(REBOOT_OFFLINE)
    assert (job["state"], job["terminal"], job["raw_state"], job["operation"]) == (lc.FAILED, True, "complete", "reboot")
    assert job["devices"] == {OFFLINE: {"ok": False, "error_id": "2001", "error": "Device Not Connected", "reply": None}}
    assert (job["targets"], job["succeeded"], job["failed"]) == (1, 0, 1)


@pytest.mark.parametrize("fail_on", ["any", "all"])
def test_recorded_reboot_reply_fails_the_task_naming_device_and_error(fail_on):
    job = read(REBOOT_OFFLINE)
    with pytest.raises(JobFailed) as info:
        _jobs.check_outcome([job], fail_on, {"changed": False})
    assert "job 133225503: failed (1 of 1 device(s) failed: %s Device Not Connected (2001))" % OFFLINE in info.value.msg


def test_recorded_reboot_reply_never_fails_with_fail_on_never():
    assert _jobs.check_outcome([read(REBOOT_OFFLINE)], "never", {}) is None


# Source: python-devicecloud test_sci.py, EXAMPLE_ASYNC_SCI_INCOMPLETE (exact).
def test_recorded_incomplete_reply_is_running():
    job = read('<sci_reply version="1.0"><status>in_progress</status></sci_reply>\n')
    assert (job["state"], job["terminal"], job["devices"]) == (lc.RUNNING, False, {})


# Source: python-devicecloud test_sci.py, EXAMPLE_SCI_BAD_DEVICE (exact, a synchronous reply): the
# per-device error and the operation-level error are both read, whatever the operation.
BAD_DEVICE = """\
<sci_reply version="1.0">
  <send_message>
    <device id="00010000-00000000-03599990-42983300">
      <error id="303">
        <desc>Invalid target. Device not found.</desc>
      </error>
    </device>
    <error>Invalid SCI request. No valid targets found.</error>
  </send_message>
</sci_reply>
"""


def test_recorded_bad_device_reply_in_a_complete_job():
    job = read(BAD_DEVICE.replace('<sci_reply version="1.0">', '<sci_reply version="1.0"><status>complete</status>'))
    assert job["state"] == lc.FAILED
    assert job["devices"]["00010000-00000000-03599990-42983300"]["error_id"] == "303"
    assert job["devices"]["00010000-00000000-03599990-42983300"]["error"] == "Invalid target. Device not found."
    assert job["message"] == "Invalid SCI request. No valid targets found."


# Source: python-devicecloud devicecloud/test/unit/test_file_system_service.py: FileSystemResponse wraps
# per-device <commands> in <file_system>; LS_BLOCK and ERROR_BLOCK are quoted exactly. Errors sit inside
# a command, as <error id="1">text</error>. (The job reply adds <status>, per Digi's async SCI doc.)
LS_BLOCK = """\
<ls hash="md5">
<dir path="/a/path/dir" last_modified="1436203917"/>
<file path="/a/path/file1.txt" last_modified="1436276773" size="7989" hash="967FDA522517B9CE0C3E056EDEB485BB"/>
<file path="/a/path/file2.py" last_modified="1434377919" size="181" hash="DEA17715739E46079C1A6DDCB38344DF"/>
</ls>
"""
ERROR_BLOCK = """\
<{command}>
<error id="{errno}">{errtext}</error>
</{command}>
"""
FS_1 = "00000000-00000000-18A905FF-FF2F1BBD"
FS_2 = "00000000-00000000-18A905FF-FF2F1BBE"


def file_system_reply(status, blocks):
    devices = "".join('<device id="%s"><commands>%s</commands></device>' % (dev, block) for dev, block in blocks)
    return '<sci_reply version="1.0">%s<file_system>%s</file_system></sci_reply>' % (status, devices)


def test_recorded_file_system_reply_reads_command_errors_per_device():
    text = file_system_reply("<status>complete</status>", [
        (FS_1, LS_BLOCK),
        (FS_2, ERROR_BLOCK.format(command="get_file", errno=1, errtext="No such file or directory"))])
    job = read(text)
    assert (job["state"], job["operation"], job["succeeded"], job["failed"]) == (lc.PARTIAL, "file_system", 1, 1)
    assert job["devices"][FS_1]["ok"] is True
    assert job["devices"][FS_1]["reply"]["commands"]["ls"]["file"][0]["@path"] == "/a/path/file1.txt"
    reply = {"commands": {"get_file": {"error": {"@id": "1", "#text": "No such file or directory"}}}}
    assert job["devices"][FS_2] == {"ok": False, "error_id": "1", "error": "No such file or directory", "reply": reply}


# Source: cc_ansic dvt/cases/dvt_tests/test_brci_string.py (comment quoting a reply): an error with
# <desc> and <hint>; the hint is kept in the error text.
def test_recorded_error_hint_is_kept():
    job = read('<sci_reply version="1.0"><status>complete</status><send_message>'
               '<device id="00000000-00000000-2B5254FF-FFA18761"><error id="2021">'
               '<desc>Invalid BinaryRCI request submited</desc>'
               '<hint>Invalid set_setting/set_state unable to set field model which is has access of read_only</hint>'
               '</error></device></send_message></sci_reply>')
    result = job["devices"]["00000000-00000000-2B5254FF-FFA18761"]
    assert result["error_id"] == "2021"
    assert result["error"] == ("Invalid BinaryRCI request submited (Invalid set_setting/set_state unable to set "
                               "field model which is has access of read_only)")


# Source: cc_ansic public/run/samples/device_request doc (reply quoted there): a data_service reply,
# device_request status="0" for success; cc_ansic cc_testcases/functional_device_request tests expect
# status "1" when the device cancels, and <error>Message transmission cancelled</error> in other cases.
def data_service_reply(requests):
    return ('<sci_reply version="1.0"><status>complete</status><data_service>'
            '<device id="00000000-00000000-00000000-00000000"><requests>%s</requests></device>'
            '</data_service></sci_reply>' % requests)


def test_recorded_data_service_reply_succeeds_with_status_0():
    job = read(data_service_reply('<device_request target_name="myTarget" status="0">\n'
                                  'My device response data\n</device_request>'))
    assert (job["state"], job["operation"]) == (lc.SUCCEEDED, "data_service")


@pytest.mark.parametrize("request_xml, error", [
    ('<device_request target_name="cancel request" status="1"></device_request>',
     "device_request cancel request returned status 1"),
    ('<device_request target_name="x"><error>Message transmission cancelled</error></device_request>',
     "Message transmission cancelled"),
])
def test_data_service_request_failures(request_xml, error):
    job = read(data_service_reply(request_xml))
    assert job["state"] == lc.FAILED
    assert job["devices"]["00000000-00000000-00000000-00000000"]["error"] == error


# Built (not recorded): a complete job whose reply holds no device and no error. Before the fix this
# read as succeeded with no devices; now it is unknown and terminal, quoting the reply.
@pytest.mark.parametrize("text", [
    '<sci_reply version="1.0"><status>complete</status><reboot/></sci_reply>',
    '<sci_reply version="1.0"><status>complete</status></sci_reply>',
    '<sci_reply version="1.0"><status>complete</status><some_new_operation><x/></some_new_operation></sci_reply>',
])
def test_complete_reply_without_results_is_unknown_not_succeeded(text):
    job = read(text)
    assert (job["state"], job["terminal"], job["devices"]) == (lc.UNKNOWN, True, {})
    assert job["message"].startswith("Remote Manager reports the job complete, but its reply holds no "
                                     "per-device result or error; the reply was: <sci_reply")
    for fail_on in ("any", "all"):
        with pytest.raises(JobFailed) as info:
            _jobs.check_outcome([job], fail_on, {})
        assert "job 133225503: unknown (finished, outcome unreadable: Remote Manager reports" in info.value.msg
    assert _jobs.check_outcome([job], "never", {}) is None


def test_complete_reply_with_only_an_error_is_failed():
    job = read('<sci_reply version="1.0"><status>complete</status><error>Job expired</error></sci_reply>')
    assert (job["state"], job["message"]) == (lc.FAILED, "Job expired")


@pytest.mark.parametrize("text, terminal", [
    # An unrecognised status with device results: the job has run, its outcome is not readable.
    ('<sci_reply version="1.0"><status>finished_with_warnings</status><reboot><device id="D1"/></reboot>'
     '</sci_reply>', True),
    # An unrecognised status and nothing else: it may still run, so it is waited for.
    ('<sci_reply version="1.0"><status>scheduled</status></sci_reply>', False),
])
def test_unrecognised_status(text, terminal):
    job = read(text)
    assert (job["state"], job["terminal"]) == (lc.UNKNOWN, terminal)
    if terminal:
        assert "unrecognised job status 'finished_with_warnings'" in job["message"]


def test_progress_view_of_a_complete_job_is_terminal_but_not_an_outcome():
    job = _records.job_from_reply("1", reply('<sci_reply version="1.0"><status>complete</status><reboot>'
                                             '<device id="D1"><progress time="x" status="100">Complete</progress>'
                                             '</device></reboot></sci_reply>'), with_progress=True)
    assert (job["state"], job["terminal"], job["progress"]) == (lc.UNKNOWN, True, 100)


def test_gist_is_short_single_line_and_without_control_characters():
    # Characters XML allows but a terminal or log would act on: NEL, line separator, bidi override.
    evil = "<sci_reply><status>complete</status><x>" + "A\u0085B\u2028C\u202eD\nE" + "z" * 500 + "</x></sci_reply>"
    message = read(evil)["message"]
    assert not {"\u0085", "\u2028", "\u202e", "\n"} & set(message)
    assert "A B C D E" in message and len(message) < 400 and message.endswith("...")
    assert lc.gist("a\x1b[31mb\x00c") == "a [31mb c"


def test_gist_masks_url_credentials():
    assert lc.gist("see https://admin:s3cret@host/x") == "see https://********@host/x"
    assert lc.gist({"b": 1, "a": None}) == '{"a":null,"b":1}'
    assert lc.gist(None) == ""


# ---------------------------------------------------------------- Remote Manager: listing rows

def row(**fields):
    base = {"jobId": "601358", "jobType": "0", "jobTargets": "00000000-00000000-0004F3FF-00000000",
            "jobDescription": "query_setting", "jobStatus": "2", "jobTargetCount": "1",
            "jobProgressSuccess": "1", "jobProgressFailures": "0"}
    base.update(fields)
    return ET.fromstring("<Job>%s</Job>" % "".join("<%s>%s</%s>" % (k, v, k) for k, v in base.items() if v is not None))


def test_listing_row_from_digi_doc_is_succeeded():
    # Source: https://doc-remotemanager.digi.com/sci/asynchronous-requests (listing example; the row is
    # cut off after jobProgressFailures in the stored page, the failure count 0 is assumed).
    job = _records.job_from_listing(row())
    assert (job["state"], job["operation"], job["description"]) == (lc.SUCCEEDED, "send_message", "query_setting")


@pytest.mark.parametrize("ok, bad", [("0", "0"), (None, None)])
def test_listing_row_complete_without_counts_is_unknown(ok, bad):
    job = _records.job_from_listing(row(jobProgressSuccess=ok, jobProgressFailures=bad))
    assert (job["state"], job["terminal"]) == (lc.UNKNOWN, True)
    assert "jobStatus=2" in job["message"] and "jobRequestPayload" not in job["message"]


def test_listing_row_reports_unknown_job_types_as_they_are():
    job = _records.job_from_listing(row(jobType="17", jobDescription="reboot", jobProgressSuccess="0",
                                    jobProgressFailures="1"))
    assert (job["operation"], job["description"], job["state"]) == ("17", "reboot", lc.FAILED)


@pytest.mark.parametrize("completion, terminal", [("2026-01-01T00:00:00.000Z", True), ("", False)])
def test_listing_row_unrecognised_status(completion, terminal):
    job = _records.job_from_listing(row(jobStatus="7", jobCompletionTime=completion))
    assert (job["state"], job["raw_state"], job["terminal"]) == (lc.UNKNOWN, "7", terminal)


def test_same_request_still_compares_only_operation_elements():
    sent = _sci.build_sci("send_message", [("device", OFFLINE)], "<rci_request><query_setting/></rci_request>")
    # Digi's doc shows a bare rci_request as jobRequestPayload: that cannot be compared.
    assert _records.same_request("<rci_request><query_setting/></rci_request>", sent) is None
    assert _records.same_request(sent, sent) is True
    other = _sci.build_sci("send_message", [("device", OFFLINE)], "<rci_request><query_state/></rci_request>")
    assert _records.same_request(other, sent) is False


# ---------------------------------------------------------------- PowerStore

# Source: dell/python-powerstore@9cefe9ab PyPowerStore/tests/unit_tests/data/common_data.py, job_details
# (exact): a network job, a resource type the collection itself never changes.
NETWORK_JOB = {
    "id": "dfb47ef3-7ade-4b75-951a-34163c4e55d6", "resource_action": "modify", "resource_type": "network",
    "resource_id": "NW1", "resource_name": None, "description_l10n": "Modify network parameters.",
    "state": "COMPLETED", "start_time": "2021-08-30T06:06:25.846+00:00", "phase": "Completed",
    "end_time": "2021-08-30T06:06:46.828+00:00", "estimated_completion_time": None, "progress_percentage": 100,
    "parent_id": None, "root_id": "dfb47ef3-7ade-4b75-951a-34163c4e55d6", "user": "admin", "response_body": None,
    "response_status": None, "step_order": 2093821, "resource_action_l10n": "modify",
    "resource_type_l10n": "network", "state_l10n": "Completed", "phase_l10n": "Completed",
    "response_status_l10n": None,
}


def test_recorded_network_job_of_another_client_is_succeeded():
    job = _powerstore.job_record(NETWORK_JOB)
    assert (job["state"], job["terminal"], job["operation"], job["resource_type"]) == (
        lc.SUCCEEDED, True, "modify", "network")
    assert job["target_ids"] == ["NW1"] and job["message"] is None


# Built from the spec (JobStateEnum, HttpStatusEnum, MessageSeverityEnum): contradictory or unrecognised.
@pytest.mark.parametrize("over, needle", [
    ({"response_status": "422"}, "PowerStore reports the job COMPLETED but its response says it failed (HTTP 422)"),
    ({"response_body": {"response_type": "error_response", "messages": [
        {"code": "0xE0A070010004", "severity": "Error", "message_l10n": "Name in use"}]}},
     "its response says it failed (Name in use (0xE0A070010004))"),
    ({"state": "CANCELLED", "phase": "Cancelled"}, "unrecognised job state 'CANCELLED' on a finished job"),
    ({"state": "NEW_STATE", "phase": None}, "unrecognised job state 'NEW_STATE' on a finished job"),  # end_time set
    ({"state": None, "phase": None}, "unrecognised job state '(none)' on a finished job"),
])
def test_powerstore_finished_but_unreadable(over, needle):
    job = _powerstore.job_record(dict(NETWORK_JOB, **over))
    assert (job["state"], job["terminal"]) == (lc.UNKNOWN, True)
    assert needle in job["message"]
    assert lc.failing([job], "all") == [job]


def test_powerstore_unrecognised_state_without_end_is_waited_for():
    job = _powerstore.job_record(dict(NETWORK_JOB, state="WARMING_UP", phase=None, end_time=None))
    assert (job["state"], job["terminal"], job["message"]) == (lc.UNKNOWN, False, None)


def test_powerstore_warning_messages_on_a_completed_job_stay_succeeded():
    body = {"messages": [{"code": "0x1", "severity": "Warning", "message_l10n": "slow"}]}
    assert _powerstore.job_record(dict(NETWORK_JOB, response_status="200", response_body=body))["state"] == lc.SUCCEEDED


# ---------------------------------------------------------------- AIQUM

def aiqum_job(**over):
    # Field names and values as NetApp's AIQUM file-shares Ansible module reads them (state
    # "completed" + status "normal"); a LUN job is an operation the collection never submits.
    base = {"key": "06a6148bf9e862df:-2611856e:16e8d47e722:-7f87", "name": "Create LUN", "state": "completed",
            "status": "normal", "job_results": [{"name": "lunKey", "value": "k:type=lun,uuid=u"}]}
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def test_aiqum_job_of_another_operation_is_read():
    job = _aiqum.job_from_record(aiqum_job())
    assert (job["state"], job["operation"], job["target_ids"]) == (lc.SUCCEEDED, "Create LUN", ["k:type=lun,uuid=u"])


@pytest.mark.parametrize("status", [None, "", "something_new"])
def test_aiqum_completed_without_a_known_status_is_unknown(status):
    job = _aiqum.job_from_record(aiqum_job(status=status))
    assert (job["state"], job["terminal"]) == (lc.UNKNOWN, True)
    assert job["message"].startswith("AIQUM reports the job completed with ")
    assert lc.failing([job], "any") == [job]


def test_aiqum_completed_without_status_reads_its_task_reports():
    reports = [{"name": "a", "state": "completed", "status": "normal"},
               {"name": "b", "state": "completed", "status": "error", "message": "no space"}]
    job = _aiqum.job_from_record(aiqum_job(status=None, task_reports=reports))
    assert (job["state"], job["terminal"], job["message"]) == (lc.PARTIAL, True, "b: no space")


# ---------------------------------------------------------------- async RPC

# Built from the seed IDL: AsyncJob{id, progress, status, client_ref}; no name, no client_ref here.
@pytest.mark.parametrize("props, state, terminal", [
    ({"id": 7, "progress": -1, "status": 4}, lc.SUCCEEDED, True),
    ({"id": 7, "progress": -1, "status": 5}, lc.FAILED, True),
    ({"id": 7, "progress": 40, "status": -1}, lc.UNKNOWN, False),
    ({"id": 7, "progress": 100, "status": -1, "completed": "2026-01-01T00:00:00Z"}, lc.UNKNOWN, True),
    ({"id": 7, "progress": 100, "status": 9, "completed": "2026-01-01T00:00:00Z"}, lc.UNKNOWN, True),
])
def test_rpc_job_without_name_or_client_ref(props, state, terminal):
    job = _protocol.job_from_async({"__type__": "AsyncJob", "__properties__": props})
    assert (job["state"], job["terminal"], job["operation"], job["client_ref"]) == (state, terminal, None, None)
    if state == lc.UNKNOWN and terminal:
        assert "completed time but status" in job["message"]


# ---------------------------------------------------------------- lifecycle

def test_explicit_terminal_is_only_for_unknown():
    assert lc.job("drm", "1", lc.UNKNOWN, "x", terminal=True)["terminal"] is True
    assert lc.job("drm", "1", lc.UNKNOWN, "x")["terminal"] is False
    with pytest.raises(ValueError):
        lc.job("drm", "1", lc.RUNNING, "x", terminal=True)
    with pytest.raises(ValueError):
        lc.job("drm", "1", lc.SUCCEEDED, "x", terminal=False)


def test_failing_treats_a_finished_unknown_job_as_failed_for_any_and_all():
    finished = lc.job("drm", "1", lc.UNKNOWN, "complete", terminal=True, message="m")
    waiting = lc.job("drm", "2", lc.UNKNOWN, "x")
    assert lc.failing([finished, waiting], "any") == [finished]
    assert lc.failing([finished, waiting], "all") == [finished]
    assert lc.failing([finished, waiting], "never") == []
