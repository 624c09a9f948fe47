"""Behaviour of the simulated async RPC service (NAS API style)."""
import email.utils
import time

import pytest
import requests

import labctl
import rpc as rpc_lab
from lab_helpers import PASSWORD, USER, NasSigner, nas_headers, poll_until

SMART = "storage.Disks.run_smart_test"
RESYNC = "volumes.Volumes.resync"
STATUS = {"UNKNOWN": -1, "INIT": 1, "RUNNING": 2, "PAUSED": 3, "COMPLETED": 4, "FAILED": 5}
EMPTY_LIST = {"__type__": "List", "__sub_type__": "Unicode", "__elements__": []}
INFOS = "/api/external/8.0/system.System.get_infos"


class Rpc:
    def __init__(self, base):
        self.base = base
        self.http = requests.Session()
        self.http.auth = NasSigner()

    def raw(self, method, body=None, version="8.0", **kw):
        return self.http.post(f"{self.base}/api/external/{version}/{method}", json=body if body is not None else {}, **kw)

    def call(self, method, **params):
        resp = self.raw(method, params)
        assert resp.status_code == 200, resp.text
        return resp.json()

    def error(self, method, status, body=None, **params):
        resp = self.raw(method, params if body is None else body)
        assert resp.status_code == status, resp.text
        data = resp.json()
        assert data["__type__"] == "Error" and data["text"] == data["__properties__"]["message"]
        return data["__properties__"]

    def submit(self, method, client_ref=1, **params):
        return self.call(method, client_ref=client_ref, **params)["job_id"]

    def job(self, job_id):
        return self.call("system.Jobs.get_job_status", job_id=job_id)["async_job"]["__properties__"]

    def jobs(self, offset=0, limit=-1, order=None, **search):
        """get_jobs_list as real NAS API clients call a list method (see the lab README)."""
        props = {"offset": offset, "limit": limit,
                 "search_parameters": {"__type__": "Dict", "__sub_type__": "Unicode", "__elements__": search}}
        if order is not None:
            props["order"] = {"__type__": "Ordering", "__properties__": {"asc": order[1], "order_by": order[0]}}
        return self.call("system.Jobs.get_jobs_list", list_info={"__type__": "ListInfo", "__properties__": props},
                         with_parameters=EMPTY_LIST)["async_jobs"]

    def wait(self, job_id, until=("COMPLETED", "FAILED"), timeout=10):
        """(the job once its status is one of `until`, the statuses it went through)."""
        seen = []

        def fetch():
            job = self.job(job_id)
            if not seen or seen[-1] != job["status"]:
                seen.append(job["status"])
            return job

        job = poll_until(fetch, lambda job: job["status"] in [STATUS[s] for s in until], timeout, 0.02,
                         f"job {job_id} in {until}")
        return job, seen


@pytest.fixture
def rpc(lab):
    return Rpc(lab.url("rpc"))


def http_date(offset=0.0):
    return email.utils.formatdate(time.time() + offset, usegmt=True)


def test_signing_matches_a_vector_computed_outside_python():
    # openssl dgst -sha1 -hmac "$(printf %s 'Password1!' | openssl dgst -sha1 -hex)" over
    # "POST /api/external/7.0/system.System.get_infos\nDate: Tue, 05 Mar 2024 10:00:00 GMT\n{}".
    key = rpc_lab.signing_key("Password1!")
    assert key == "32ca9fc1a0f5b6330e3f4c8c1bbecde9bedb9573"
    date = "Tue, 05 Mar 2024 10:00:00 GMT"
    assert rpc_lab.expected_signature(key, "POST", "/api/external/7.0/system.System.get_infos", date, b"{}") \
        == "qauXvulGqb3CTD14KLly3JkgDUU="
    assert nas_headers("admin", "Password1!", "POST", "/api/external/7.0/system.System.get_infos", b"{}", date) == {
        "DATE-AUTH": date, "AUTHENTICATION": "HMAC-SHA1-DATE YWRtaW4=:qauXvulGqb3CTD14KLly3JkgDUU="}


def test_signed_request_accepted_with_query_and_any_content_type(lab):
    url = lab.url("rpc") + INFOS
    body = b"{}"
    ok = requests.post(url, data=body, headers=nas_headers(USER, PASSWORD, "POST", INFOS, body))
    assert ok.status_code == 200 and ok.json()["infos"]["__type__"] == "GeneralInfo"
    # The query is part of what is signed; the body is JSON whatever the content type says.
    signed = nas_headers(USER, PASSWORD, "POST", INFOS + "?lang=en", body)
    resp = requests.post(url + "?lang=en", data=body, headers=dict(signed, **{"Content-Type": "text/plain"}))
    assert resp.status_code == 200, resp.text
    # A date 14 minutes off either way is inside the 15-minute window.
    for offset in (-14 * 60, 14 * 60):
        resp = requests.post(url, data=body, headers=nas_headers(USER, PASSWORD, "POST", INFOS, body, http_date(offset)))
        assert resp.status_code == 200, (offset, resp.text)
    assert lab.stats("rpc")["errors"] == {}


def _tampered(case):
    """(headers, url suffix, body sent) for one way of getting the signature wrong."""
    body = b'{"slot_id": 1, "client_ref": 3}'
    path = "/api/external/8.0/storage.Disks.run_smart_test"
    good = nas_headers(USER, PASSWORD, "POST", path, body)
    return {
        "no headers": ({}, "", body),
        "no DATE-AUTH": ({"AUTHENTICATION": good["AUTHENTICATION"]}, "", body),
        "no AUTHENTICATION": ({"DATE-AUTH": good["DATE-AUTH"]}, "", body),
        "Basic instead": ({"Authorization": "Basic YWRtaW46bGFiLVBhc3N3MHJkIQ=="}, "", body),
        "malformed header": (dict(good, AUTHENTICATION="HMAC-SHA1-DATE admin"), "", body),
        "other scheme": (dict(good, AUTHENTICATION=good["AUTHENTICATION"].replace("HMAC-SHA1-DATE", "HMAC-SHA256")), "", body),
        "wrong password": (nas_headers(USER, "lab-Passw0rd?", "POST", path, body), "", body),
        "unknown user": (nas_headers("root", PASSWORD, "POST", path, body), "", body),
        "password as key": (dict(good, AUTHENTICATION=good["AUTHENTICATION"].rsplit(":", 1)[0] + ":" +
                                 rpc_lab.expected_signature(PASSWORD, "POST", path, good["DATE-AUTH"], body)), "", body),
        "body tampered": (good, "", body.replace(b"1,", b"2,")),
        "query added": (good, "?slot_id=2", body),
        "other method signed": (nas_headers(USER, PASSWORD, "GET", path, body), "", body),
        "date changed after signing": (dict(nas_headers(USER, PASSWORD, "POST", path, body, http_date(-60)),
                                            **{"DATE-AUTH": http_date(-120)}), "", body),
        "stale date": (nas_headers(USER, PASSWORD, "POST", path, body, http_date(-16 * 60)), "", body),
        "future date": (nas_headers(USER, PASSWORD, "POST", path, body, http_date(16 * 60)), "", body),
        "UTC not GMT": (nas_headers(USER, PASSWORD, "POST", path, body, http_date().replace("GMT", "UTC")), "", body),
        "not a date": (nas_headers(USER, PASSWORD, "POST", path, body, "yesterday GMT"), "", body),
    }[case]


@pytest.mark.parametrize("case, text", [
    ("no headers", "Authentication required"), ("no DATE-AUTH", "Authentication required"),
    ("no AUTHENTICATION", "Authentication required"), ("Basic instead", "Authentication required"),
    ("malformed header", "Malformed AUTHENTICATION header"), ("other scheme", "Malformed AUTHENTICATION header"),
    ("wrong password", "Invalid username or signature"), ("unknown user", "Invalid username or signature"),
    ("password as key", "Invalid username or signature"), ("body tampered", "Invalid username or signature"),
    ("query added", "Invalid username or signature"), ("other method signed", "Invalid username or signature"),
    ("date changed after signing", "Invalid username or signature"),
    ("stale date", "more than 15 minutes from the server's clock"),
    ("future date", "more than 15 minutes from the server's clock"),
    ("UTC not GMT", "DATE-AUTH must be an RFC 1123 date in GMT"),
    ("not a date", "DATE-AUTH must be an RFC 1123 date in GMT"),
])
def test_bad_signature_is_refused_before_anything_runs(lab, case, text):
    headers, suffix, body = _tampered(case)
    resp = requests.post(lab.url("rpc") + "/api/external/8.0/storage.Disks.run_smart_test" + suffix,
                         data=body, headers=headers)
    assert resp.status_code == 401 and "WWW-Authenticate" not in resp.headers
    data = resp.json()
    assert list(data) == ["text"] and text in data["text"], data  # the real envelope: {"text": ...}
    stats = lab.stats("rpc")
    assert stats["errors"] == {"Unauthorized": 1} and stats["calls"] == {} and stats["submissions"] == {}
    assert lab.stats("rpc")["jobs"]["INIT"] == 0


def test_ip_blocked_after_refusals_until_reset(lab):
    url = lab.url("rpc") + INFOS
    lab.config("rpc", block_after=2, block_seconds=600)
    try:
        bad = nas_headers(USER, "wrong", "POST", INFOS, b"{}")
        assert [requests.post(url, data=b"{}", headers=bad).json()["text"] for _attempt in range(2)] == \
            ["Invalid username or signature"] * 2
        # Blocked: even a right signature is refused now.
        resp = requests.post(url, data=b"{}", headers=nas_headers(USER, PASSWORD, "POST", INFOS, b"{}"))
        assert resp.status_code == 401 and resp.json() == {"text": "Ip blocked"}
        assert lab.stats("rpc")["errors"] == {"Unauthorized": 2, "IpBlocked": 1}
        lab.reset()
        assert requests.post(url, data=b"{}", headers=nas_headers(USER, PASSWORD, "POST", INFOS, b"{}")).status_code == 200
        # A success clears the count of refusals in a row.
        requests.post(url, data=b"{}", headers=bad)
        requests.post(url, data=b"{}", headers=nas_headers(USER, PASSWORD, "POST", INFOS, b"{}"))
        requests.post(url, data=b"{}", headers=bad)
        assert requests.post(url, data=b"{}", headers=nas_headers(USER, PASSWORD, "POST", INFOS, b"{}")).status_code == 200
    finally:
        lab.config("rpc", block_after=0, block_seconds=15)


def test_control_plane_needs_no_signature(lab):
    assert requests.get(lab.url("rpc") + "/_lab/stats").status_code == 200
    assert requests.get(lab.url("rpc") + "/_lab/jobs").json() == []


def test_echo_fault_names_the_stored_key(lab):
    lab.faults([{"route": "get_infos", "kinds": ["echo"]}], appliance="rpc")
    headers = nas_headers(USER, PASSWORD, "POST", INFOS, b"{}")
    data = requests.post(lab.url("rpc") + INFOS, data=b"{}", headers=headers).json()
    assert rpc_lab.signing_key(PASSWORD) in data["text"] and data["authentication"] == headers["AUTHENTICATION"]
    # Signed with another key: the client could not censor the stored one, so it is not named.
    assert data["text"].endswith(" failed for " + headers["AUTHENTICATION"])
    wrong_headers = nas_headers(USER, "x", "POST", INFOS, b"{}")
    wrong = requests.post(lab.url("rpc") + INFOS, data=b"{}", headers=wrong_headers).json()
    assert wrong["text"] == "Bad request: signature check failed for " + wrong_headers["AUTHENTICATION"]


def test_sync_functions(rpc):
    infos = rpc.call("system.System.get_infos")["infos"]
    assert infos["__type__"] == "GeneralInfo" and infos["__properties__"]["friendly_name"] == "nas-lab"
    disk = rpc.call("storage.Disks.get_disk", slot_id=3)["disk"]["__properties__"]
    assert disk["health"] == "failing" and disk["last_smart_test"] is None
    assert rpc.call("storage.Disks.get_disk", slot_id=6)["disk"]["__properties__"]["busy"] is True
    err = rpc.error("storage.Disks.get_disk", 422, slot_id=42)
    assert err["code"] == "InvalidSlot" and err["slot_id"] == 42


@pytest.mark.parametrize("method, body, version, status, code, parameter", [
    ("nope.Service.method", {}, "8.0", 404, "NoSuchMethod", None),
    ("system.System.get_infos", {}, "7.0", 404, "NoSuchMethod", None),
    (SMART, {"slot_id": 1}, "8.0", 400, "InvalidParameter", "client_ref"),
    (SMART, {"client_ref": 1, "slot_id": "1"}, "8.0", 400, "InvalidParameter", "slot_id"),
    (SMART, {"client_ref": True, "slot_id": 1}, "8.0", 400, "InvalidParameter", "client_ref"),
    (SMART, {"client_ref": 1, "slot_id": 1, "force": True}, "8.0", 400, "InvalidParameter", "force"),
    (SMART, [1, 2], "8.0", 400, "InvalidParameter", None),
    ("system.Jobs.get_jobs_list", {"list_info": {"offset": -1}, "with_parameters": EMPTY_LIST}, "8.0", 400,
     "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"limit": -2}, "with_parameters": EMPTY_LIST}, "8.0", 400,
     "InvalidParameter", "list_info"),
    # The seed's search_criteria: no real client sends it, so the lab refuses it by name.
    ("system.Jobs.get_jobs_list", {"list_info": {"search_criteria": {"status": 2}}, "with_parameters": EMPTY_LIST},
     "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {}, "with_parameters": dict(EMPTY_LIST, __elements__=["name"])}, "8.0",
     400, "InvalidParameter", "with_parameters"),
    ("system.Jobs.get_jobs_list", {"list_info": {}, "with_parameters": {"__type__": "Dict", "__elements__": {}}}, "8.0",
     400, "InvalidParameter", "with_parameters"),
    ("system.Jobs.get_jobs_list", {"list_info": {"search_parameters": {"owner": "x"}}, "with_parameters": EMPTY_LIST},
     "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"search_parameters": {"status": 9}}, "with_parameters": EMPTY_LIST},
     "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"search_parameters": {"status": "running"}},
                                   "with_parameters": EMPTY_LIST}, "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"search_parameters": {"__type__": "List", "__elements__": []}},
                                   "with_parameters": EMPTY_LIST}, "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"order": {"order_by": "owner"}}, "with_parameters": EMPTY_LIST},
     "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"order": {"order_by": "id", "asc": "yes"}}, "with_parameters": EMPTY_LIST},
     "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"__type__": "Volume", "__properties__": {}}, "with_parameters": EMPTY_LIST},
     "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_job_status", {"job_id": 999}, "8.0", 404, "UnknownJob", None),
    (SMART + "_result", {"job_id": 999}, "8.0", 404, "UnknownJob", None),
])
def test_call_errors(rpc, lab, method, body, version, status, code, parameter):
    resp = rpc.raw(method, body, version=version)
    assert resp.status_code == status, resp.text
    err = resp.json()["__properties__"]
    assert err["code"] == code and err["message"] and resp.json()["text"] == err["message"]
    assert err.get("parameter") == parameter
    stats = lab.stats("rpc")
    assert stats["errors"] == {code: 1} and sum(stats["submissions"].values()) == 0


def test_async_job_lifecycle_and_result(rpc, lab):
    job_id = rpc.submit(SMART, client_ref=77, slot_id=1)
    first = rpc.job(job_id)
    assert first["status"] == STATUS["INIT"] and first["progress"] == -1
    assert first["client_ref"] == 77 and first["name"] == SMART and first["completed"] is None
    err = rpc.error(SMART + "_result", 409, job_id=job_id)
    assert err["code"] == "JobNotFinished" and err["job_id"] == job_id
    progress = []
    while rpc.job(job_id)["status"] != STATUS["COMPLETED"]:
        progress.append(rpc.job(job_id)["progress"])
        time.sleep(0.02)
    done = rpc.job(job_id)
    assert done["progress"] == 100 and done["completed"] >= done["submitted"]
    assert any(0 <= p < 100 for p in progress) and progress == sorted(progress, key=lambda p: (p >= 0, p))
    assert rpc.call(SMART + "_result", job_id=job_id) == {"device_ok": True}
    disk = rpc.call("storage.Disks.get_disk", slot_id=1)["disk"]["__properties__"]
    assert disk["last_smart_test"] == done["completed"] and disk["last_smart_ok"] is True
    # The result of a job belongs to its own function.
    err = rpc.error(RESYNC + "_result", 400, job_id=job_id)
    assert err["parameter"] == "job_id" and SMART in err["message"]
    stats = lab.stats("rpc")
    assert stats["submissions"] == {SMART: 1} and stats["jobs"]["COMPLETED"] == 1


def test_failing_disk_completes_with_device_ok_false(rpc):
    job, seen = rpc.wait(rpc.submit(SMART, slot_id=3))
    assert seen[-1] == STATUS["COMPLETED"]
    assert rpc.call(SMART + "_result", job_id=job["id"]) == {"device_ok": False}


def test_busy_disk_fails_and_result_raises(rpc, lab):
    job, _seen = rpc.wait(rpc.submit(SMART, slot_id=6))
    assert job["status"] == STATUS["FAILED"] and job["progress"] == 30 and job["completed"]
    err = rpc.error(SMART + "_result", 422, job_id=job["id"])
    assert err == {"code": "DiskBusy", "message": "Disk in slot 6 is busy (a RAID rebuild is using it)",
                   "job_id": job["id"], "slot_id": 6}
    assert rpc.call("storage.Disks.get_disk", slot_id=6)["disk"]["__properties__"]["last_smart_test"] is None


def test_unknown_slot_creates_no_job(rpc, lab):
    err = rpc.error(SMART, 422, client_ref=1, slot_id=0)
    assert err["code"] == "InvalidSlot"
    assert rpc.jobs()["__total_items__"] == 0 and lab.stats("rpc")["submissions"] == {}


def test_pause_slot_pauses_until_resumed(rpc):
    job_id = rpc.submit(SMART, slot_id=7)
    job, _seen = rpc.wait(job_id, until=("PAUSED",))
    assert job["progress"] == 50
    time.sleep(1.2)  # longer than the whole test: it stays paused
    assert rpc.job(job_id)["status"] == STATUS["PAUSED"] and rpc.job(job_id)["progress"] == 50
    assert rpc.error(SMART + "_result", 409, job_id=job_id)["code"] == "JobNotFinished"
    resumed = rpc.call("system.Jobs.resume_job", job_id=job_id)["async_job"]["__properties__"]
    assert resumed["status"] == STATUS["RUNNING"] and resumed["progress"] == 50
    job, seen = rpc.wait(job_id)
    assert seen[-1] == STATUS["COMPLETED"] and STATUS["PAUSED"] not in seen  # a pause point is passed once
    assert rpc.call(SMART + "_result", job_id=job_id) == {"device_ok": True}
    assert rpc.error("system.Jobs.resume_job", 409, job_id=job_id)["code"] == "JobNotPaused"


def test_finish_job_now_ends_a_long_job_with_its_outcome(rpc, lab):
    """/_lab/jobs/{id}/finish: a job held in flight by a long duration ends when a test says so,
    with the outcome it would have had; points on its way still apply (a busy disk fails)."""
    durations = lab.config("rpc")["durations"]
    lab.config("rpc", durations={SMART: 10000})
    try:
        held, busy = rpc.submit(SMART, client_ref=1, slot_id=1), rpc.submit(SMART, client_ref=2, slot_id=6)
        assert rpc.job(held)["status"] in (STATUS["INIT"], STATUS["RUNNING"])
        assert lab.finish_job(held, "rpc") == {"finished": held}
        lab.finish_job(busy, "rpc")
        done, failed = rpc.job(held), rpc.job(busy)
    finally:
        lab.config("rpc", durations=durations)
    assert done["status"] == STATUS["COMPLETED"] and done["progress"] == 100 and done["completed"]
    assert rpc.call(SMART + "_result", job_id=held) == {"device_ok": True}
    assert rpc.call("storage.Disks.get_disk", slot_id=1)["disk"]["__properties__"]["last_smart_test"] == done["completed"]
    assert failed["status"] == STATUS["FAILED"]
    assert rpc.error(SMART + "_result", 422, job_id=busy)["code"] == "DiskBusy"
    assert lab.finish_job(held, "rpc") == {"finished": held}  # an ended job stays as it ended
    assert rpc.job(held) == done
    with pytest.raises(labctl.LabError, match="404"):
        lab.finish_job(999999, "rpc")


def test_pause_job_and_config_switch(rpc, lab):
    lab.config("rpc", pause_slots=[])
    try:
        job_id = rpc.submit(SMART, slot_id=7)
        rpc.wait(job_id, until=("RUNNING",))
        paused = rpc.call("system.Jobs.pause_job", job_id=job_id)["async_job"]["__properties__"]
        assert paused["status"] == STATUS["PAUSED"]
        assert rpc.error("system.Jobs.pause_job", 409, job_id=job_id)["code"] == "JobNotRunning"
        rpc.call("system.Jobs.resume_job", job_id=job_id)
        _job, seen = rpc.wait(job_id)
        assert seen[-1] == STATUS["COMPLETED"]
    finally:
        lab.config("rpc", pause_slots=[7])


def test_resync_has_no_progress(rpc):
    job_id = rpc.submit(RESYNC, volume_id=1)
    job, seen = rpc.wait(job_id)
    assert seen[0] in (STATUS["INIT"], STATUS["RUNNING"]) and job["progress"] == -1
    assert rpc.call(RESYNC + "_result", job_id=job_id) == {"volume_state": "ok"}
    assert rpc.error(RESYNC, 422, client_ref=1, volume_id=9)["code"] == "InvalidVolume"


def test_jobs_list_paging_search_parameters_and_order(rpc, lab):
    # No INIT phase and long runs: every job is RUNNING until paused, whatever the timing.
    lab.config("rpc", durations={SMART: 400, RESYNC: 400}, init_seconds=0)
    try:
        ids = [rpc.submit(SMART, client_ref=i, slot_id=1) for i in range(5)]
        ids.append(rpc.submit(RESYNC, client_ref=9, volume_id=2))
        for job_id in ids[1:3]:
            rpc.call("system.Jobs.pause_job", job_id=job_id)
        everything = rpc.jobs()  # limit -1: every job
        assert everything["__type__"] == "ResultSet" and everything["__sub_type__"] == "AsyncJob"
        assert everything["__total_items__"] == 6
        assert [e["__properties__"]["id"] for e in everything["__elements__"]] == ids[::-1]  # newest first
        page = rpc.jobs(offset=2, limit=3)
        assert page["__total_items__"] == 6
        assert [e["__properties__"]["id"] for e in page["__elements__"]] == ids[::-1][2:5]
        assert rpc.jobs(offset=10, limit=3)["__elements__"] == []
        assert rpc.jobs(offset=4)["__elements__"][0]["__properties__"]["id"] == ids[1]  # offset with limit -1
        smart = rpc.jobs(name_starts_with="storage.Disks.")
        assert smart["__total_items__"] == 5
        assert rpc.jobs(name_starts_with="volumes.")["__elements__"][0]["__properties__"]["client_ref"] == 9
        # The Dict's sub type is Unicode: a status code is accepted as a number (EXT-LIB) or a string.
        assert rpc.jobs(status=STATUS["PAUSED"])["__total_items__"] == 2
        assert rpc.jobs(status=str(STATUS["RUNNING"]))["__total_items__"] == 4
        both = rpc.jobs(status=STATUS["RUNNING"], name_starts_with="storage.")  # parameters AND together
        assert [e["__properties__"]["id"] for e in both["__elements__"]] == [ids[4], ids[3], ids[0]]
        assert rpc.jobs(status=STATUS["COMPLETED"])["__total_items__"] == 0
        # Ordering{asc, order_by}.
        oldest = rpc.jobs(order=("id", True), limit=2)
        assert [e["__properties__"]["id"] for e in oldest["__elements__"]] == ids[:2]
        by_status = rpc.jobs(order=("status", False))  # PAUSED (3) before RUNNING (2); ties newest first
        assert [e["__properties__"]["id"] for e in by_status["__elements__"]] == [ids[2], ids[1], ids[5], ids[4], ids[3], ids[0]]
        by_ref = rpc.jobs(order=("client_ref", True), name_starts_with="storage.")
        assert [e["__properties__"]["client_ref"] for e in by_ref["__elements__"]] == [0, 1, 2, 3, 4]
        # Plain objects are taken as the typed ones; GB-INFO's {} for an empty List is accepted.
        plain = rpc.call("system.Jobs.get_jobs_list", list_info={"limit": 1, "search_parameters": {"status": 3}},
                         with_parameters={"__type__": "List", "__sub_type__": "Unicode", "__elements__": {}})["async_jobs"]
        assert len(plain["__elements__"]) == 1 and plain["__total_items__"] == 2
    finally:
        lab.config("rpc", durations={SMART: 4, RESYNC: 6}, init_seconds=0.4)


def test_stats_count_calls_submissions_errors(rpc, lab):
    rpc.submit(SMART, slot_id=2)
    rpc.jobs()
    rpc.error(SMART, 400, client_ref=1)
    stats = lab.stats("rpc")
    assert stats["calls"] == {SMART: 2, "system.Jobs.get_jobs_list": 1}
    assert stats["submissions"] == {SMART: 1} and stats["errors"] == {"InvalidParameter": 1}
    assert stats["requests"] == {"POST /api/external/{version}/{method}": 3}


def test_config_validation(lab):
    with pytest.raises(labctl.LabError):
        lab.config("rpc", durations={"storage.Disks.format": 1})
    with pytest.raises(labctl.LabError):
        lab.config("rpc", pause_at=100)
    assert lab.config("rpc")["pause_slots"] == [7]


def test_state_survives_restart(tmp_path):
    lab = labctl.start_lab(tmp_path, only="rpc", time_scale=0.05)
    try:
        rpc = Rpc(lab.url("rpc"))
        job, _seen = rpc.wait(rpc.submit(SMART, client_ref=5, slot_id=2))
        lab.config("rpc", failing_slots=[2])
    finally:
        assert lab.stop() == 0
    lab = labctl.start_lab(tmp_path, only="rpc", time_scale=0.05)
    try:
        rpc = Rpc(lab.url("rpc"))
        assert rpc.job(job["id"])["status"] == STATUS["COMPLETED"]
        assert rpc.call(SMART + "_result", job_id=job["id"]) == {"device_ok": True}
        assert rpc.submit(SMART, slot_id=2) == job["id"] + 1
        assert lab.config("rpc")["failing_slots"] == [2]
    finally:
        assert lab.stop() == 0
