"""Conformance: the lab's AIQUM answers like NetApp's recorded replies (tests/unit/vendor/aiqum).

Each recording's call is sent to the lab (a file share is created first where the recording
reads the job that created one) and the lab's reply must have the recorded shape: same keys,
same JSON types, a recorded null accepting any type. Where they differ the lab is wrong.
"""
import pathlib
import re
import sys
import time
from urllib.parse import quote, unquote

import pytest
import requests

from lab_helpers import PASSWORD, USER

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "unit" / "vendor"))
import recordings  # noqa: E402
from recordings import json_shape, shape_differences  # noqa: E402

RECORDINGS = {r.name: r for r in recordings.load("aiqum")}
GiB = 1 << 30
# AIQUM job keys: <server id>:<signed hex>:<hex millis>:<signed hex counter> (see test_lab_aiqum).
JOB_KEY = re.compile(r"^[0-9a-f]{16}:-?[0-9a-f]{1,8}:[0-9a-f]+:-?[0-9a-f]{1,4}$")

NOT_SERVED = {
    "docs_job_access_endpoints_created_tail": "access endpoints are not simulated (the collection never creates them)",
}


class Aiqum(object):
    def __init__(self, lab):
        self.base = lab.url("aiqum")
        self.http = requests.Session()
        self.http.auth = (USER, PASSWORD)

    def get(self, path, **params):
        return self.http.get(self.base + path, params=params, timeout=10)

    def one(self, path, **params):
        records = self.get(path, **params).json()["records"]
        assert len(records) == 1, records
        return records[0]

    def create_share(self, name):
        svm = self.one("/api/datacenter/svm/svms", name="svm_nfs_a")
        resp = self.http.post(self.base + "/api/v2/storage-provider/file-shares", timeout=10,
                              json={"name": name, "svm": {"key": svm["key"]}, "space": {"size": GiB}})
        assert resp.status_code == 202, resp.text
        key = resp.json()["job"]["key"]
        deadline = time.time() + 30
        while time.time() < deadline:
            job = self.get("/api/management-server/jobs/" + quote(key, safe=":")).json()
            if job["state"] not in ("queued", "running", "QUEUED", "RUNNING"):
                return key
            time.sleep(0.05)
        raise AssertionError("job %s did not end" % key)


@pytest.fixture
def aq(lab):
    return Aiqum(lab)


def check_shape(rec, resp, extra_keys=False):
    assert resp.status_code == rec.status, resp.text
    diffs = shape_differences(json_shape(rec.body), json_shape(resp.json()), extra_keys=extra_keys)
    assert diffs == [], "%s: %s" % (rec.name, diffs)
    return resp.json()


def test_every_recording_is_compared_or_has_a_reason():
    assert recordings.accounting_problems(RECORDINGS, SERVED, NOT_SERVED) == []


def job_tail(aq, rec):
    key = aq.create_share("share_recorded")
    # The source prints only the end of the job object: the lab's has more (its head).
    job = check_shape(rec, aq.get("/api/management-server/jobs/" + key), extra_keys=True)
    recorded_key = unquote(rec.body["_links"]["self"]["href"].rsplit("/", 1)[1])
    assert JOB_KEY.match(recorded_key) and JOB_KEY.match(key)
    assert job["_links"]["self"]["href"] == "/api/management-server/jobs/" + key
    assert [r["name"] for r in job["job_results"]] == [r["name"] for r in rec.body["job_results"]]
    share = aq.one("/api/storage-provider/file-shares", name="share_recorded")
    assert job["job_results"][0]["value"] == share["key"]


def file_share(aq, rec):
    share = aq.one("/api/storage-provider/file-shares", name="share_home")
    got = check_shape(rec, aq.get("/api/storage-provider/file-shares/" + share["key"]))
    assert got["_links"]["self"]["href"] == "/api/storage-provider/file-shares/" + share["key"]


SERVED = {
    "docs_job_file_share_created_tail": job_tail,
    "docs_file_share_details": file_share,
}


@pytest.mark.parametrize("name", sorted(SERVED))
def test_lab_answers_like_the_recording(aq, name):
    SERVED[name](aq, RECORDINGS[name])
