"""Behaviour of the simulated NetApp Active IQ Unified Manager (storage-provider jobs)."""
import re

import pytest
import requests

from lab_helpers import USER, Aiqum

GiB = 1 << 30
JOB_KEY = re.compile(r"^[0-9a-f]{16}:-?[0-9a-f]{1,8}:[0-9a-f]+:-?[0-9a-f]{1,4}$")


@pytest.fixture
def aq(lab):
    saved = lab.config("aiqum")
    yield Aiqum(lab)
    lab.config("aiqum", **saved)


def test_basic_auth_required_on_both_prefixes(aq):
    for path in ("/api/management-server/jobs", "/api/v2/storage-provider/file-shares"):
        resp = requests.get(aq.base + path, timeout=10)
        assert resp.status_code == 401 and resp.headers["WWW-Authenticate"].startswith("Basic")
        assert resp.json()["error"]["message"] == "Authentication required"
        assert requests.get(aq.base + path, auth=(USER, "nope"), timeout=10).status_code == 401
        assert aq.get(path).status_code == 200


def test_seeded_inventory(aq):
    clusters = aq.records("/api/datacenter/cluster/clusters")
    assert [c["name"] for c in clusters] == ["cluster-a", "cluster-b"]
    assert len(aq.records("/api/v2/datacenter/svm/svms", name="svm_dr")) == 2
    small = aq.one("/api/datacenter/storage/aggregates", name="aggr_small_a")
    assert ":type=aggregate,uuid=" in small["key"] and small["space"]["block_storage"]["available"] == 100 * GiB
    home = aq.one("/api/storage-provider/file-shares", name="share_home")
    assert home["svm"]["name"] == "svm_nfs_a" and home["space"]["size"] == 100 * GiB
    assert [r["clients"] for r in home["access_control"]["export_policy"]["rules"]] == [[{"match": "10.0.0.0/8"}]]
    assert aq.get("/api/storage-provider/file-shares/" + home["key"]).json()["name"] == "share_home"
    assert len(aq.records("/api/storage-provider/luns")) == 2


def test_file_share_create_resize_delete_observed(aq):
    key = aq.create_share("lab_share", 5 * GiB)
    assert JOB_KEY.match(key)
    running = aq.get("/api/management-server/jobs/" + key).json()
    assert running["state"] in ("queued", "running") and running["status"] == "normal"
    assert running["job_results"] == [] and "complete_time" not in running
    job = aq.wait(key)
    assert (job["state"], job["status"]) == ("completed", "normal")
    share_key = job["job_results"][0]["value"]
    assert job["job_results"] == [{"name": "fileshareKey", "value": share_key}]
    share = aq.get("/api/storage-provider/file-shares/" + share_key).json()
    assert share["name"] == "lab_share" and share["space"]["size"] == 5 * GiB

    resize = aq.wait(aq.submit("PATCH", "/api/storage-provider/file-shares/" + share_key, {"space": {"size": 7 * GiB}}))
    assert resize["status"] == "normal"
    assert aq.get("/api/v2/storage-provider/file-shares/" + share_key).json()["space"]["size"] == 7 * GiB

    deleted = aq.wait(aq.submit("DELETE", "/api/v2/storage-provider/file-shares/" + share_key))
    assert deleted["status"] == "normal" and deleted["name"] == "Delete File Share"
    assert aq.get("/api/storage-provider/file-shares/" + share_key).status_code == 404
    stats = aq.lab.stats("aiqum")
    assert stats["submissions"] == {"file_share_create": 1, "file_share_modify": 1, "file_share_delete": 1}
    assert stats["jobs"]["normal"] == 3


def test_finish_job_now_ends_a_long_job_with_its_outcome(aq):
    """/_lab/jobs/{key}/finish: a job held in flight by a long duration ends when a test says so,
    with the outcome and side effects it would have had."""
    aq.lab.config("aiqum", durations={"file_share_create": 10000})
    key = aq.create_share("held_share", 3 * GiB)
    assert aq.get("/api/management-server/jobs/" + key).json()["state"] in ("queued", "running")
    assert aq.records("/api/storage-provider/file-shares", name="held_share") == []
    assert aq.lab.finish_job(key, "aiqum") == {"finished": key}
    job = aq.get("/api/management-server/jobs/" + key).json()
    assert (job["state"], job["status"]) == ("completed", "normal") and "complete_time" in job
    share = aq.one("/api/storage-provider/file-shares", name="held_share")
    assert job["job_results"] == [{"name": "fileshareKey", "value": share["key"]}]
    assert share["space"]["size"] == 3 * GiB
    assert aq.lab.finish_job(key, "aiqum") == {"finished": key}  # an ended job stays as it ended
    assert aq.get("/api/management-server/jobs/" + key).json() == job
    assert len(aq.records("/api/storage-provider/file-shares", name="held_share")) == 1
    with pytest.raises(Exception, match="404"):
        aq.lab.finish_job("no:such:job:key", "aiqum")


def test_documented_vocabulary_and_lun_key(aq):
    aq.lab.config("aiqum", job_vocabulary="documented")
    svm = aq.svm("svm_san_a")
    body = {"name": "lun_new", "svm": {"key": svm["key"]}, "space": {"size": 10 * GiB}}
    key = aq.submit("POST", "/api/storage-provider/luns", body)
    assert aq.get("/api/management-server/jobs/" + key).json()["state"] in ("QUEUED", "RUNNING")
    job = aq.wait(key)
    assert job["state"] == "NORMAL" and "status" not in job
    assert job["task_reports"] == [{"name": "Create LUN lun_new", "message": "", "state": "NORMAL"}]
    lun_key = job["job_results"][0]["value"]
    assert job["job_results"][0]["name"] == "lunKey" and ":type=lun," in lun_key
    assert aq.wait(aq.submit("PATCH", "/api/storage-provider/luns/" + lun_key, {"space": {"size": 20 * GiB}}))["state"] == "NORMAL"
    assert aq.get("/api/storage-provider/luns/" + lun_key).json()["space"]["size"] == 20 * GiB
    assert aq.wait(aq.submit("DELETE", "/api/storage-provider/luns/" + lun_key))["state"] == "NORMAL"
    assert aq.get("/api/storage-provider/luns/" + lun_key).status_code == 404
    # The vocabulary is a rendering choice: the same stored job reads the other way after a switch.
    aq.lab.config("aiqum", job_vocabulary="observed")
    assert (aq.get("/api/management-server/jobs/" + key).json()["status"]) == "normal"


def test_partial_failures_name_the_failing_rule(aq):
    rules = [{"clients": [{"match": "10.1.0.0/16"}]}, {"clients": [{"match": "999.1.1.1"}]},
             {"clients": [{"match": "@netgroup1"}, {"match": ".example.com"}]}]
    for vocabulary, expected in (("observed", ("completed", "partial_failures")), ("documented", ("PARTIAL_FAILURES", None))):
        aq.lab.config("aiqum", job_vocabulary=vocabulary)
        job = aq.wait(aq.create_share("partial_" + vocabulary, GiB, access_control={"export_policy": {"rules": rules}}))
        assert (job["state"], job.get("status")) == expected
        failed = [t for t in job["task_reports"] if t["state"] in ("ERROR",) or t.get("status") == "error"]
        assert [t["name"] for t in failed] == ["Create export rule 2 (clients 999.1.1.1)"]
        assert "invalid client match '999.1.1.1'" in failed[0]["message"] and "999.1.1.1" in job["message"]
        share = aq.get("/api/storage-provider/file-shares/" + job["job_results"][0]["value"]).json()
        assert len(share["access_control"]["export_policy"]["rules"]) == 2


def test_no_space_is_a_job_error_and_near_full_a_warning(aq):
    small = aq.one("/api/datacenter/storage/aggregates", name="aggr_small_a")
    job = aq.wait(aq.create_share("too_big", 200 * GiB, aggregate={"key": small["key"]}))
    assert (job["state"], job["status"]) == ("completed", "error") and job["job_results"] == []
    assert job["message"].startswith("Insufficient space on aggregate aggr_small_a")
    assert aq.records("/api/storage-provider/file-shares", name="too_big") == []
    job = aq.wait(aq.create_share("tight", 95 * GiB, aggregate={"key": small["key"]}))
    assert job["status"] == "warning" and "aggr_small_a is 95% full" in job["message"]
    assert aq.one("/api/datacenter/storage/aggregates", name="aggr_small_a")["space"]["block_storage"]["available"] == 5 * GiB


def test_synchronous_validation(aq):
    svm_key = aq.svm()["key"]
    post = "/api/storage-provider/file-shares"
    cases = [({"svm": {"key": svm_key}, "space": {"size": 1}}, 400, "name is required"),
             ({"name": "x", "space": {"size": 1}}, 400, "svm.key is required"),
             ({"name": "x", "svm": {"key": "nope"}, "space": {"size": 1}}, 404, "SVM with key nope not found"),
             ({"name": "x-y", "svm": {"key": svm_key}, "space": {"size": 1}}, 400, "Invalid name"),
             ({"name": "share_home", "svm": {"key": svm_key}, "space": {"size": 1}}, 409, "already exists"),
             ({"name": "x", "svm": {"key": svm_key}, "space": {"size": "1GiB"}}, 400, "space.size must be a positive integer")]
    for body, status, message in cases:
        resp = aq.http.post(aq.base + post, json=body, timeout=10)
        assert resp.status_code == status and message in resp.json()["error"]["message"], (body, resp.text)
    home = aq.one(post, name="share_home")
    both = {"space": {"size": GiB}, "access_control": {"export_policy": {"rules": []}}}
    resp = aq.http.patch(aq.base + post + "/" + home["key"], json=both, timeout=10)
    assert resp.status_code == 400 and "Exactly one property" in resp.json()["error"]["message"]
    aq.lab.config("aiqum", durations={"file_share_create": 40})
    key = aq.create_share("busy", GiB)
    resp = aq.http.post(aq.base + post, json={"name": "busy", "svm": {"key": svm_key}, "space": {"size": 1}}, timeout=10)
    assert resp.status_code == 409 and key in resp.json()["error"]["message"]
    assert aq.lab.stats("aiqum")["submissions"] == {"file_share_create": 1}


def test_job_listing_filters_paging_and_cap(aq):
    resp = requests.post(aq.base + "/_lab/jobs", json={"count": 1100}, timeout=30)
    keys = resp.json()["keys"]
    requests.post(aq.base + "/_lab/jobs", json={"count": 2, "outcome": "error"}, timeout=30)
    default = aq.get("/api/management-server/jobs").json()
    assert default["num_records"] == 20 and default["total_records"] == 1102
    assert "offset=20" in default["_links"]["next"]["href"]
    capped = aq.get("/api/v2/management-server/jobs", max_records=5000).json()
    assert capped["num_records"] == 1000 and capped["_links"]["next"]["href"].startswith("/api/v2/management-server/jobs?")
    rest = aq.http.get(aq.base + capped["_links"]["next"]["href"], timeout=10).json()
    assert rest["num_records"] == 102 and "next" not in rest["_links"]
    # Newest first by default; three keys OR-ed; wildcards; status and state filters.
    assert capped["records"][0]["message"] == "historical error"
    picked = aq.records("/api/management-server/jobs", key="|".join(keys[:3]), max_records=1000)
    assert sorted(j["key"] for j in picked) == sorted(keys[:3])
    # Every key starts with the lab's server id: one wildcard matches them all.
    assert aq.get("/api/management-server/jobs", key=keys[0][:17] + "*", max_records=1).json()["total_records"] == 1102
    assert len(aq.records("/api/management-server/jobs", status="error|warning")) == 2
    assert len(aq.records("/api/management-server/jobs", state="running")) == 0
    # 1, 10-19, 100-199, 1000-1099 and 1100 of the first batch, 1 of the second.
    assert len(aq.records("/api/management-server/jobs", description="Historical job 1*", max_records=1000)) == 213
    ordered = aq.records("/api/management-server/jobs", order_by="description asc", max_records=3)
    assert [j["description"] for j in ordered] == ["Historical job 1", "Historical job 1", "Historical job 10"]
    assert aq.get("/api/management-server/jobs", max_records=0).status_code == 400
    assert aq.get("/api/management-server/jobs", name="a?b").status_code == 400


def test_state_survives_restart(tmp_path):
    import labctl
    lab = labctl.start_lab(tmp_path, only="aiqum", time_scale=0.01)
    try:
        key = Aiqum(lab).create_share("persisted", GiB)
        lab.config("aiqum", job_vocabulary="documented")
    finally:
        lab.stop()
    again = labctl.start_lab(tmp_path, only="aiqum", time_scale=0.01)
    try:
        job = Aiqum(again).wait(key)
        assert job["state"] == "NORMAL"
        assert Aiqum(again).one("/api/storage-provider/file-shares", name="persisted")
    finally:
        again.stop()
