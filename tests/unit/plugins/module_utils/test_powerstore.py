# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _powerstore (state mapping, job records, paging, session handling) and the
pure helpers of _ops_powerstore (policy resolution, differences)."""

from __future__ import annotations

import json as jsonlib

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _volume_group as ops
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as ps
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Response

import fakes

FAILED_BODY = {"response_type": "error_response", "messages": [
    {"code": "0xE0A070010004", "severity": "Error", "message_l10n": "The name x is already in use", "arguments": ["x"]}]}


# ---------------------------------------------------------------- states and records

@pytest.mark.parametrize("raw, state", [
    ("PENDING", lc.PENDING), ("QUEUED", lc.PENDING), ("IN_PROGRESS", lc.RUNNING), ("FAILING", lc.RUNNING),
    ("COMPLETED", lc.SUCCEEDED), ("SKIPPED", lc.SUCCEEDED), ("FAILED", lc.FAILED),
    ("UNRECOVERABLE_FAILED", lc.FAILED), ("completed", lc.SUCCEEDED), ("EXPLODED", lc.UNKNOWN), (None, lc.UNKNOWN)])
def test_map_state(raw, state):
    assert ps.map_state(raw) == state


def test_job_record_failed_carries_messages_and_is_detailed():
    rec = ps.job_record({"id": "j1", "state": "FAILED", "phase": "Failed", "resource_action": "modify",
                         "resource_type": "volume_group", "resource_id": "vg1", "resource_name": "vg-hr",
                         "progress_percentage": 75, "response_status": "422", "response_body": FAILED_BODY,
                         "start_time": "t0", "end_time": "t1"})
    assert rec["state"] == lc.FAILED and rec["raw_state"] == "FAILED" and rec["terminal"] is True
    assert rec["message"] == "The name x is already in use (0xE0A070010004)"
    assert rec["detailed"] is True and rec["target_ids"] == ["vg1", "vg-hr"]
    assert rec["operation"] == "modify" and rec["submitted"] == "t0" and rec["completed"] == "t1"
    assert rec["progress"] == 75 and rec["response_status"] == "422"


def test_job_record_failing_keeps_running_and_skipped_succeeds():
    failing = ps.job_record({"id": "j", "state": "FAILING", "response_status": None})
    assert failing["state"] == lc.RUNNING and failing["raw_state"] == "FAILING" and not failing["terminal"]
    skipped = ps.job_record({"id": "j", "phase": "Skipped"})
    assert skipped["state"] == lc.SUCCEEDED and skipped["raw_state"] == "SKIPPED" and "skipped" in skipped["message"]
    assert "detailed" not in skipped  # no response_body selected: results() must be read


def test_job_record_completed_is_100_percent_and_failed_without_body_names_status():
    assert ps.job_record({"id": "j", "state": "COMPLETED", "progress_percentage": 97})["progress"] == 100
    assert ps.job_record({"id": "j", "state": "FAILED", "response_status": "500",
                          "response_body": None})["message"] == "HTTP 500"


@pytest.mark.parametrize("value, parsed", [
    ("0-99/1000", (0, 99, 1000)), (" 100-199/150 ", (100, 199, 150)), (None, None), ("bytes", None), ("1-2", None)])
def test_parse_content_range(value, parsed):
    assert ps.parse_content_range(value) == parsed


def test_in_list_quotes_values_with_separators():
    assert ps.in_list(["a", "b"]) == "in.(a,b)"
    assert ps.in_list(["x,y", "p(q)"]) == 'in.("x,y","p(q)")'


def test_condition_params():
    assert ps._condition_params({"state": "eq.FAILED"}) == {"state": "eq.FAILED"}
    assert ps._condition_params("state=eq.FAILED&resource_type=eq.volume_group") == {
        "state": "eq.FAILED", "resource_type": "eq.volume_group"}
    assert ps._condition_params(None) == {}
    with pytest.raises(InputError, match="state=eq.FAILED"):
        ps._condition_params("nonsense")


# ---------------------------------------------------------------- client over a scripted transport

class FakeTransport(fakes.FakeTransport):
    """The shared fake, answering (status, headers, body) replies as the array does: a successful
    login sets the session cookie. ``sent`` keeps each request with the credentials it carried."""

    def __init__(self, script):
        super().__init__(script, base_url="https://array", auth=("admin", "pw-123"), secrets=["pw-123"])

    @property
    def sent(self):
        return self.calls

    def record(self, call):
        return dict(method=call.method, path=call.path, params=call.params, json=call.json, auth=self.session.auth,
                    token=self.session.headers.get("DELL-EMC-TOKEN"))

    def respond(self, call):
        status, headers, body = super().respond(call)
        if call.path.endswith("/login_session") and status == 200:
            self.session.cookies["auth_cookie"] = "cookie-%d" % len(self.calls)
        return status, body, headers


def login(token="tok-1"):
    return (200, {"DELL-EMC-TOKEN": token}, [{"id": "s", "idle_timeout": 3600}])


def test_login_on_first_use_then_token_and_cookie_only():
    t = FakeTransport([login(), (200, {}, [{"id": "6b730a66-494a-4aea-88d2-45552bb4adf1", "state": "COMPLETED"}])])
    client = ps.PowerStoreClient(t)
    assert t.session.auth is None  # Basic is kept for logins only
    jobs = client.poll(["6b730a66-494a-4aea-88d2-45552bb4adf1"])
    assert jobs["6b730a66-494a-4aea-88d2-45552bb4adf1"]["state"] == lc.SUCCEEDED
    assert t.sent[0]["path"] == "/api/rest/login_session" and t.sent[0]["auth"] == ("admin", "pw-123")
    assert t.sent[1]["auth"] is None and t.sent[1]["token"] == "tok-1"
    assert t.sent[1]["params"]["id"] == "in.(6b730a66-494a-4aea-88d2-45552bb4adf1)" and "response_body" in t.sent[1]["params"]["select"]
    assert t.redact("x tok-1 cookie-1") == "x ******** ********"


@pytest.mark.parametrize("status, body", [
    (401, {"messages": [{"message_l10n": "expired"}]}),
    (403, {"messages": [{"message_l10n": "Missing or invalid DELL-EMC-TOKEN header"}]})])
def test_expired_session_relogs_in_once_and_retries(status, body):
    t = FakeTransport([login(), (status, {}, body), login("tok-2"), (202, {}, {"id": "6b730a66-494a-4aea-88d2-45552bb4adf9"})])
    client = ps.PowerStoreClient(t)
    assert client.change("PATCH", "/volume_group/v1", {"description": "x"}) == "6b730a66-494a-4aea-88d2-45552bb4adf9"
    assert [s["path"] for s in t.sent] == ["/api/rest/login_session", "/api/rest/volume_group/v1",
                                           "/api/rest/login_session", "/api/rest/volume_group/v1"]
    assert t.sent[3]["token"] == "tok-2" and t.sent[3]["params"] == {"is_async": "true"} and client.logins == 2


def test_second_401_and_plain_403_are_errors():
    t = FakeTransport([login(), (401, {}, {}), login("tok-2"), (401, {}, {"messages": [{"message_l10n": "no"}]})])
    with pytest.raises(ApiError, match="HTTP 401 .authentication failed"):
        ps.PowerStoreClient(t).list_jobs()
    t = FakeTransport([login(), (403, {}, {"messages": [{"message_l10n": "Role Operator may not"}]})])
    with pytest.raises(ApiError, match="permission denied.*Role Operator"):
        ps.PowerStoreClient(t).list_jobs()
    assert len(t.sent) == 2  # no re-login for a real permission problem


def test_login_without_token_or_credentials():
    with pytest.raises(ApiError, match="DELL-EMC-TOKEN"):
        ps.PowerStoreClient(FakeTransport([(200, {}, [])])).login()
    t = FakeTransport([])
    t.session.auth = None
    with pytest.raises(InputError, match="username and password"):
        ps.PowerStoreClient(t).list_jobs()
    assert t.sent == []


def test_list_jobs_pages_by_content_range():
    rows = [{"id": "j%d" % i, "state": "COMPLETED"} for i in range(5)]
    t = FakeTransport([login(), (206, {"Content-Range": "0-1/5"}, rows[:2]), (206, {"Content-Range": "2-3/5"}, rows[2:4]),
                       (206, {"Content-Range": "4-4/5"}, rows[4:])])
    jobs = ps.PowerStoreClient(t).list_jobs(page_size=2)
    assert [j["id"] for j in jobs] == ["j0", "j1", "j2", "j3", "j4"]
    assert [s["params"]["offset"] for s in t.sent[1:]] == [0, 2, 4]
    assert all(s["params"]["limit"] == 2 and s["params"]["order"] == "start_time.asc" for s in t.sent[1:])


def test_poll_many_ids_chunks_and_reads_missing_directly():
    ids = ["6b730a66-494a-4aea-88d2-%012d" % i for i in range(150)]
    first = [{"id": i, "state": "IN_PROGRESS"} for i in ids[:100]]
    second = [{"id": i, "state": "COMPLETED"} for i in ids[100:149]]
    t = FakeTransport([login(), (200, {}, first), (200, {}, second), (404, {}, {"messages": []})])
    with pytest.raises(ApiError, match="job 6b730a66-494a-4aea-88d2-000000000149 was not found"):
        ps.PowerStoreClient(t).poll(ids)
    assert [s["path"] for s in t.sent[1:]] == ["/api/rest/job", "/api/rest/job", "/api/rest/job/6b730a66-494a-4aea-88d2-000000000149"]
    assert t.sent[1]["params"]["id"].count(",") == 99


def test_error_reply_names_powerstore_messages():
    t = FakeTransport([login(), (422, {}, FAILED_BODY)])
    with pytest.raises(ApiError, match=r"HTTP 422: The name x is already in use \(0xE0A070010004\)"):
        ps.PowerStoreClient(t).change("PATCH", "/volume_group/v1", {"name": "x"}, what="PATCH volume group v")


def test_cancel_explains_there_is_no_cancel():
    t = FakeTransport([])
    client = ps.PowerStoreClient(t)
    with pytest.raises(InputError, match="PowerStore jobs cannot be canceled: .* no job cancel"):
        client.cancel("j1")
    assert client.can_cancel is False and t.sent == []


# ---------------------------------------------------------------- operation helpers

POLICIES = [{"id": "p1", "name": "Gold", "type": "Protection"}, {"id": "p2", "name": "silver", "type": "Protection"},
            {"id": "q1", "name": "qos-low", "type": "QoS"}]


@pytest.mark.parametrize("value, expected", [("p1", "p1"), ("gold", "p1"), ("name:SILVER", "p2"), ("", None)])
def test_resolve_policy(value, expected):
    assert ops.resolve_policy(value, "Protection", "protection_policy", POLICIES) == expected


def test_resolve_policy_missing_names_it_and_lists_choices():
    with pytest.raises(InputError) as exc:
        ops.resolve_policy("platinum", "Protection", "protection_policy", POLICIES)
    assert "protection_policy 'platinum' not found" in exc.value.msg and "Gold, silver" in exc.value.msg
    with pytest.raises(InputError, match="'qos-low' is a QoS policy"):
        ops.resolve_policy("qos-low", "Protection", "protection_policy", POLICIES)


def test_differences_treat_missing_and_empty_alike():
    vg = {"name": "vg", "description": None, "protection_policy_id": "", "qos_performance_policy_id": None,
          "is_write_order_consistent": True}
    assert ops.differences(vg, {"description": "", "protection_policy_id": None, "is_write_order_consistent": True}) == {}
    assert ops.differences(vg, {"name": "vg2", "qos_performance_policy_id": "q1"}) == {
        "name": "vg2", "qos_performance_policy_id": "q1"}


@pytest.mark.parametrize("bad", ["", "   ", "a/b", "x?y", "tab\there", "n" * 129, None])
def test_check_name_rejects(bad):
    with pytest.raises(InputError, match="1 to 128 printable characters"):
        ops.check_name(bad, "name")


def test_readable_policy_names():
    assert ops.readable("protection_policy_id", "p1", {"p1": "Gold"}) == "Gold"
    assert ops.readable("protection_policy_id", None, {}) == ""
    assert ops.readable("description", "d", {}) == "d"


def test_messages_text_ignores_junk():
    assert ps.messages_text(None) is None and ps.messages_text({"messages": ["x", {}]}) is None
    assert ps.error_detail(Response(500, {}, b"<html>", "u")) == "'<html>'"
    assert ps.error_detail(Response(400, {}, jsonlib.dumps(FAILED_BODY).encode(), "u")).startswith("The name x")
