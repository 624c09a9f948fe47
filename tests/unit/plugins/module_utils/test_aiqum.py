# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _aiqum (state mapping, job records, client requests) and _ops_aiqum helpers."""

from __future__ import annotations

import functools
import json

import pytest
from hypothesis import example, given, settings, strategies as st

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as _aiqum
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _file_share as _ops_aiqum
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._connect import make_client
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError

import fakes

KEY_A = "06a6148bf9e862df:-2611856e:16e8d47e722:-7f87"
KEY_B = "06a6148bf9e862df:-2611856e:16e8d47e722:-7f86"
KEY_C = "06a6148bf9e862df:-2611856e:16e8d47e722:-7f85"


# ---------------------------------------------------------------- state mapping

@pytest.mark.parametrize("state, status, expected", [
    ("completed", "normal", lc.SUCCEEDED),
    ("COMPLETED", "NORMAL", lc.SUCCEEDED),
    ("completed", "warning", lc.SUCCEEDED),
    ("completed", "partial_failures", lc.PARTIAL),
    ("completed", "error", lc.FAILED),
    ("completed", None, lc.UNKNOWN),     # finished without a status: outcome unreadable
    ("completed", "something_new", lc.UNKNOWN),
    ("running", "normal", lc.RUNNING),   # status is no outcome while running
    ("queued", "error", lc.RUNNING),
    ("RUNNING", None, lc.RUNNING),
    ("NORMAL", None, lc.SUCCEEDED),
    ("Warning", None, lc.SUCCEEDED),
    ("PARTIAL_FAILURES", None, lc.PARTIAL),
    ("ERROR", None, lc.FAILED),
    ("failed", None, lc.FAILED),
    (None, None, lc.UNKNOWN),
    ("bogus", "normal", lc.UNKNOWN),
])
def test_map_state_both_vocabularies(state, status, expected):
    assert _aiqum.map_state(state, status) == expected


def _record(**over):
    rec = {"key": KEY_A, "name": "Create File Share", "description": "Create file share s1 on SVM svm1",
           "state": "completed", "status": "partial_failures", "submit_time": "2026-01-01T00:00:00+00:00",
           "complete_time": "2026-01-01T00:00:02+00:00", "message": "1 of 2 tasks failed",
           "job_results": [{"name": "fileshareKey", "value": "c:type=volume,uuid=v"}],
           "task_reports": [{"name": "Create volume s1", "state": "completed", "status": "normal", "message": ""},
                            {"name": "Create export rule 1", "state": "completed", "status": "error",
                             "message": "invalid client match"}],
           "resource": {"type": "file_share", "name": "s1", "key": "c:type=volume,uuid=v",
                        "svm": {"key": "c:type=vserver,uuid=s", "name": "svm1"}}}
    rec.update(over)
    return rec


def test_job_from_record_partial_with_items():
    job = _aiqum.job_from_record(_record())
    assert job["state"] == lc.PARTIAL and job["terminal"] and job["raw_state"] == "completed"
    assert job["raw_status"] == "partial_failures" and job["detailed"] is True
    assert (job["targets"], job["succeeded"], job["failed"]) == (2, 1, 1)
    assert job["failed_items"] == [{"index": 2, "name": "Create export rule 1", "state": lc.FAILED,
                                    "raw_state": "completed", "raw_status": "error", "ok": False,
                                    "message": "invalid client match"}]
    assert job["job_results"] == {"fileshareKey": "c:type=volume,uuid=v"}
    assert job["target_ids"] == ["c:type=volume,uuid=v", "s1"]
    assert (job["svm_key"], job["resource_name"]) == ("c:type=vserver,uuid=s", "s1")
    assert job["operation"] == "Create File Share" and job["completed"] == "2026-01-01T00:00:02+00:00"


def test_job_from_record_documented_warning_and_minimal():
    job = _aiqum.job_from_record({"key": KEY_B, "state": "WARNING", "message": "aggregate 95% full"})
    assert job["state"] == lc.SUCCEEDED and job["warning"] is True and job["raw_status"] is None
    assert "detailed" not in job and job["items"] == [] and job["targets"] is None
    running = _aiqum.job_from_record({"key": KEY_C, "state": "RUNNING", "task_reports": [{"name": "x", "state": "RUNNING"}]})
    assert running["state"] == lc.RUNNING and running["progress"] == 0 and running["items"][0]["ok"] is None


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["key", "state", "status", "task_reports", "job_results", "resource",
                                        "message", "name"]),
                       st.one_of(st.none(), st.text(max_size=8), st.integers(), st.lists(st.one_of(
                           st.text(max_size=5), st.dictionaries(st.sampled_from(["name", "state", "status", "value"]),
                                                                st.one_of(st.none(), st.text(max_size=6)))), max_size=3),
                                 st.dictionaries(st.sampled_from(["key", "name", "svm"]), st.text(max_size=5)))))
@example({"state": "DONE"})
def test_job_from_record_total(record):
    try:
        job = _aiqum.job_from_record(record)
    except (TypeError, AttributeError) as exc:  # pragma: no cover - the assertion names the input
        raise AssertionError("job_from_record crashed on %r: %r" % (record, exc))
    assert job["state"] in lc.STATES
    if lc.is_unreadable(job):
        # Finished with an outcome that cannot be read (e.g. state DONE, no status): said why.
        assert job["message"] and "outcome cannot be read" in job["message"]
    else:
        assert job["terminal"] is (job["state"] in lc.TERMINAL)
    json.dumps(job)


# ---------------------------------------------------------------- input helpers

@pytest.mark.parametrize("value, expected", [
    (1048576, 1048576), ("1048576", 1048576), ("10GiB", 10 << 30), ("10 gib", 10 << 30), ("1.5TiB", 3 << 39),
    ("500GB", 500 * 10 ** 9), ("2 KB", 2000), ("1KiB", 1024), ("7b", 7), (2.0, 2),
])
def test_parse_size(value, expected):
    assert _aiqum.parse_size(value) == expected


@pytest.mark.parametrize("value", ["10 parsecs", "", "-1GiB", "0", 0, "1.5B", True, None, "GiB", "1e9"])
def test_parse_size_rejects(value):
    with pytest.raises(InputError):
        _aiqum.parse_size(value)


@pytest.mark.parametrize("name, ok", [("share_1", True), ("_x", True), ("1abc", False), ("a*b", False),
                                      ("a|b", False), ("a-b", False), ("", False), ("x" * 204, False)])
def test_check_name(name, ok):
    if ok:
        assert _aiqum.check_name(name) == name
    else:
        with pytest.raises(InputError):
            _aiqum.check_name(name)


def test_check_svm_accepts_names_and_keys():
    assert _aiqum.check_svm(" svm_nfs_a ") == "svm_nfs_a"
    key = "c1:type=vserver,uuid=s1"
    assert _aiqum.check_svm(key) == key and _aiqum.is_key(key, "vserver")
    for bad in ("", "svm*", "a|b", None):
        with pytest.raises(InputError):
            _aiqum.check_svm(bad)


# ---------------------------------------------------------------- client against a scripted transport

# The shared fake, answering (status, body) replies; calls keep (method, path, params, json).
FakeTransport = functools.partial(fakes.FakeTransport, base_url="http://aiqum",
                                  record=lambda c: (c.method, c.path, dict(c.params or {}), c.json))


def page(records, next_href=None):
    body = {"records": records, "num_records": len(records), "total_records": len(records), "_links": {}}
    if next_href:
        body["_links"]["next"] = {"href": next_href}
    return body


def test_poll_many_jobs_is_one_filtered_listing():
    t = FakeTransport([(200, page([_record(key=KEY_A), _record(key=KEY_B, state="running", status="normal")]))])
    client = _aiqum.AiqumClient(t)
    jobs = client.poll([KEY_A, KEY_B])
    assert len(t.calls) == 1
    method, path, params, _body = t.calls[0]
    assert (method, path) == ("GET", "/api/v2/management-server/jobs")
    assert params == {"key": KEY_A + "|" + KEY_B, "max_records": 1000}
    assert jobs[KEY_A]["state"] == lc.PARTIAL and jobs[KEY_B]["state"] == lc.RUNNING


def test_poll_follows_next_and_reads_missing_jobs_directly():
    nxt = "/api/v2/management-server/jobs?key=x&max_records=1&offset=1"
    t = FakeTransport([(200, page([_record(key=KEY_A)], nxt)), (200, page([_record(key=KEY_B)])), (404, None)])
    client = _aiqum.AiqumClient(t)
    with pytest.raises(ApiError, match="AIQUM job %s was not found" % KEY_C):
        client.poll([KEY_A, KEY_B, KEY_C])
    assert [c[1] for c in t.calls] == ["/api/v2/management-server/jobs", nxt,
                                       "/api/v2/management-server/jobs/" + KEY_C.replace(":", "%3A")]
    assert t.calls[1][2] == {}  # the next link carries the query


def test_poll_chunks_keys_to_keep_urls_short():
    ids = ["%s-%03d" % (KEY_A, i) for i in range(150)]
    t = FakeTransport([(200, page([_record(key=i) for i in ids[:100]])), (200, page([_record(key=i) for i in ids[100:]]))])
    jobs = _aiqum.AiqumClient(t).poll(ids)
    assert len(jobs) == 150 and len(t.calls) == 2
    assert t.calls[0][2]["key"].count("|") == 99 and t.calls[1][2]["key"].count("|") == 49


def test_list_jobs_honours_page_size_and_limit():
    t = FakeTransport([(200, page([_record(key=KEY_A), _record(key=KEY_B)], "/next")), (200, page([_record(key=KEY_C)]))])
    jobs = _aiqum.AiqumClient(t).list_jobs(page_size=2)
    assert [j["id"] for j in jobs] == [KEY_A, KEY_B, KEY_C]
    assert t.calls[0][2] == {"max_records": 2}
    t = FakeTransport([(200, page([_record(key=KEY_A), _record(key=KEY_B)], "/next"))])
    assert len(_aiqum.AiqumClient(t).list_jobs(page_size=5000, limit=1)) == 1
    assert t.calls[0][2] == {"max_records": 1000}  # never more than the server's cap
    with pytest.raises(InputError):
        _aiqum.AiqumClient(FakeTransport([])).list_jobs(condition="state=running")


def test_results_and_submit():
    t = FakeTransport([(200, _record(key=KEY_A)), (202, {"job": {"key": KEY_B, "_links": {}}}), (202, {"oops": 1})])
    client = _aiqum.AiqumClient(t)
    assert client.results(KEY_A)["detailed"] is True
    assert client.create_file_share({"name": "s"}) == KEY_B
    assert t.calls[1][:2] == ("POST", "/api/v2/storage-provider/file-shares")
    with pytest.raises(ApiError, match="names no job key"):
        client.delete_file_share("c:type=volume,uuid=v")
    assert t.calls[2][1] == "/api/v2/storage-provider/file-shares/c%3Atype%3Dvolume%2Cuuid%3Dv"


def test_cancel_refuses_without_any_request():
    t = FakeTransport([])
    with pytest.raises(InputError, match="AIQUM jobs cannot be canceled: .*documents no cancel"):
        _aiqum.AiqumClient(t).cancel(KEY_A)
    assert t.calls == []


def test_basic_auth_is_required():
    with pytest.raises(InputError, match="HTTP Basic authentication"):
        _aiqum.AiqumClient(FakeTransport([], auth=None))


def test_make_client_registers_aiqum():
    client = make_client("aiqum", {"url": "https://um.example.com", "username": "u", "password": "p"}, environ={})
    assert isinstance(client, _aiqum.AiqumClient) and client.transport.session.headers["Accept"] == "application/json"
    with pytest.raises(InputError, match="HTTP Basic"):
        make_client("aiqum", {"url": "https://um.example.com", "api_key_id": "i", "api_key_secret": "s"}, environ={})


# ---------------------------------------------------------------- file share planning

def test_rules_compare_ignoring_client_order_but_not_rule_order():
    desired = _ops_aiqum.desired_rules([{"clients": ["b", "a"]}, {"clients": ["c"], "superuser": ["sys"]}])
    share = {"access_control": {"export_policy": {"rules": [
        {"index": 2, "clients": [{"match": "c"}], "superuser": ["sys"], "protocols": ["any"]},
        {"index": 1, "clients": [{"match": "a"}, {"match": "b"}]}]}}}
    assert _ops_aiqum.rules_equal(desired, _ops_aiqum.current_rules(share))
    assert not _ops_aiqum.rules_equal(list(reversed(desired)), _ops_aiqum.current_rules(share))
    with pytest.raises(InputError, match="export_policy_rules\\[0\\].clients"):
        _ops_aiqum.desired_rules([{"clients": [" "]}])


def _params(**over):
    params = {"state": "present"}
    params.update(over)
    return params


SVM = {"key": "c:type=vserver,uuid=s", "name": "svm1", "cluster_key": "c"}
SHARE = {"key": "c:type=volume,uuid=v", "name": "s1", "space": {"size": 100},
         "access_control": {"export_policy": {"rules": [{"index": 1, "clients": [{"match": "10.0.0.0/8"}]}]}}}


def test_plan_only_submits_the_difference():
    plan = _ops_aiqum.FileShare._plan
    rules = _ops_aiqum.desired_rules([{"clients": ["10.0.0.0/8"]}])
    assert plan(_params(), SHARE, 100, rules, "s1", SVM) == []
    assert plan(_params(), SHARE, None, None, "s1", SVM) == []
    assert [op for op, _b in plan(_params(), SHARE, 200, rules, "s1", SVM)] == ["resize"]
    other = _ops_aiqum.desired_rules([{"clients": ["10.1.0.0/16"]}])
    assert [op for op, _b in plan(_params(), SHARE, 200, other, "s1", SVM)] == ["resize", "export_policy_rules"]
    (op, body), = plan(_params(), None, 5, rules, "s1", SVM)
    assert op == "create" and body["svm"] == {"key": SVM["key"]} and body["space"] == {"size": 5}
    assert body["access_control"]["export_policy"]["rules"][0]["clients"] == [{"match": "10.0.0.0/8"}]
    assert plan(_params(state="absent"), SHARE, None, None, "s1", SVM) == [("delete", None)]
    assert plan(_params(state="absent"), None, None, None, "s1", SVM) == []
    with pytest.raises(InputError, match="size is required"):
        plan(_params(), None, None, None, "s1", SVM)


def test_on_share_matches_by_key_or_name_and_svm():
    job = {"resource_name": "s1", "svm_key": SVM["key"], "resource_key": None, "target_ids": ["s1"]}
    assert _ops_aiqum.on_share(job, "s1", SVM["key"], None)
    assert not _ops_aiqum.on_share(job, "s1", "other", None)
    assert _ops_aiqum.on_share({"resource_key": SHARE["key"]}, "x", "y", SHARE["key"])
    assert _ops_aiqum.worst({lc.SUCCEEDED, lc.PARTIAL}) == lc.PARTIAL


def test_file_share_failure_names_why_an_outcome_is_unreadable():
    """A finished job with no readable outcome fails the task with the reason, not a bare state."""
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import JobFailed
    unreadable = lc.job("aiqum", "j1", lc.UNKNOWN, "COMPLETED", operation="file_share_create", terminal=True,
                        message="AIQUM reports the job completed without a status")
    result = {"name": "share1", "svm": "svm1", "jobs": [unreadable], "failed_items": []}
    for fail_on in ("any", "all"):
        with pytest.raises(JobFailed) as err:
            _ops_aiqum.FileShare._fail_if(result, {"fail_on": fail_on})
        assert "job j1 (file_share_create) unknown" in err.value.msg
        assert "AIQUM reports the job completed without a status" in err.value.msg
    _ops_aiqum.FileShare._fail_if(result, {"fail_on": "never"})
