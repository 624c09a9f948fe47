"""Conformance: the lab's AIQUM answers like NetApp's recorded replies (tests/unit/vendor/aiqum).

Each recording's call is sent to the lab (a file share is created first where the recording
reads the job that created one) and the lab's reply must have the recorded shape: same keys,
same JSON types, a recorded null accepting any type. Where they differ the lab is wrong.
"""
import pathlib
import re
import sys
from urllib.parse import unquote

import pytest

import lab_helpers

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


class Aiqum(lab_helpers.Aiqum):
    def create_share(self, name):
        """A 1 GiB share on svm_nfs_a, once its job has ended: the job's key."""
        key = super().create_share(name, GiB)
        self.wait(key, timeout=30)
        return key


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
