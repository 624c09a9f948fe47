"""Behaviour of the simulated async RPC service (NAS API style)."""
import time

import pytest
import requests

import labctl
from lab_helpers import PASSWORD, USER

SMART = "storage.Disks.run_smart_test"
RESYNC = "volumes.Volumes.resync"
STATUS = {"UNKNOWN": -1, "INIT": 1, "RUNNING": 2, "PAUSED": 3, "COMPLETED": 4, "FAILED": 5}


class Rpc:
    def __init__(self, base):
        self.base = base
        self.http = requests.Session()
        self.http.auth = (USER, PASSWORD)

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
        assert data["__type__"] == "Error"
        return data["__properties__"]

    def submit(self, method, client_ref=1, **params):
        return self.call(method, client_ref=client_ref, **params)["job_id"]

    def job(self, job_id):
        return self.call("system.Jobs.get_job_status", job_id=job_id)["async_job"]["__properties__"]

    def jobs(self, offset=0, limit=-1, **criteria):
        info = {"__type__": "ListInfo", "__properties__": {"offset": offset, "limit": limit, "search_criteria": criteria}}
        return self.call("system.Jobs.get_jobs_list", list_info=info)["async_jobs"]

    def wait(self, job_id, until=("COMPLETED", "FAILED"), timeout=10):
        deadline = time.time() + timeout
        seen = []
        while time.time() < deadline:
            job = self.job(job_id)
            if not seen or seen[-1] != job["status"]:
                seen.append(job["status"])
            if job["status"] in [STATUS[s] for s in until]:
                return job, seen
            time.sleep(0.02)
        raise AssertionError(f"job {job_id} stayed at {seen}")


@pytest.fixture
def rpc(lab):
    return Rpc(lab.url("rpc"))


def test_basic_auth_and_error_envelope(lab):
    url = lab.url("rpc") + "/api/external/8.0/system.System.get_infos"
    for auth in (None, (USER, "wrong")):
        resp = requests.post(url, json={}, auth=auth)
        assert resp.status_code == 401 and resp.headers["WWW-Authenticate"].startswith("Basic")
        assert resp.json()["__properties__"]["code"] == "Unauthorized"
    assert requests.post(url, json={}, auth=(USER, PASSWORD)).status_code == 200


def test_sync_functions(rpc):
    infos = rpc.call("system.System.get_infos")["infos"]
    assert infos["__type__"] == "SystemInfo" and infos["__properties__"]["api_versions"] == ["8.0"]
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
    ("system.Jobs.get_jobs_list", {"list_info": {"offset": -1}}, "8.0", 400, "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"search_criteria": {"owner": "x"}}}, "8.0", 400,
     "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"search_criteria": {"status": 9}}}, "8.0", 400,
     "InvalidParameter", "list_info"),
    ("system.Jobs.get_jobs_list", {"list_info": {"__type__": "Volume", "__properties__": {}}}, "8.0", 400,
     "InvalidParameter", "list_info"),
    ("system.Jobs.get_job_status", {"job_id": 999}, "8.0", 404, "UnknownJob", None),
    (SMART + "_result", {"job_id": 999}, "8.0", 404, "UnknownJob", None),
])
def test_call_errors(rpc, lab, method, body, version, status, code, parameter):
    resp = rpc.raw(method, body, version=version)
    assert resp.status_code == status, resp.text
    err = resp.json()["__properties__"]
    assert err["code"] == code and err["message"]
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


def test_jobs_list_paging_and_criteria(rpc, lab):
    lab.config("rpc", durations={SMART: 400})
    try:
        ids = [rpc.submit(SMART, client_ref=i, slot_id=1) for i in range(5)]
        ids.append(rpc.submit(RESYNC, client_ref=9, volume_id=2))
        everything = rpc.jobs()
        assert everything["__type__"] == "ResultSet" and everything["__sub_type__"] == "AsyncJob"
        assert everything["__total_items__"] == 6
        assert [e["__properties__"]["id"] for e in everything["__elements__"]] == ids[::-1]  # newest first
        page = rpc.jobs(offset=2, limit=3)
        assert page["__total_items__"] == 6
        assert [e["__properties__"]["id"] for e in page["__elements__"]] == ids[::-1][2:5]
        assert rpc.jobs(offset=10, limit=3)["__elements__"] == []
        smart = rpc.jobs(name_starts_with="storage.Disks.")
        assert smart["__total_items__"] == 5
        assert rpc.jobs(name_starts_with="volumes.")["__elements__"][0]["__properties__"]["client_ref"] == 9
        time.sleep(0.15)  # past INIT (0.4 s x 0.25)
        assert rpc.jobs(status=STATUS["RUNNING"])["__total_items__"] == 6
        assert rpc.jobs(status=STATUS["COMPLETED"])["__total_items__"] == 0
        plain = rpc.call("system.Jobs.get_jobs_list", list_info={"limit": 1})["async_jobs"]
        assert len(plain["__elements__"]) == 1 and plain["__total_items__"] == 6
    finally:
        lab.config("rpc", durations={SMART: 4})


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
