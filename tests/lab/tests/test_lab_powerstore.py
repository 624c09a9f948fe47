"""The PowerStore appliance: REST semantics, and fidelity with Dell's own PyPowerStore client.

PyPowerStore builds https:// URLs only, so this module starts its own TLS lab (PowerStore only).
"""
import time
import urllib.parse

import pytest
import requests

import labctl
from lab_helpers import PASSWORD, USER, poll_until

PyPowerStore = pytest.importorskip("PyPowerStore")
from PyPowerStore import powerstore_conn  # noqa: E402
from PyPowerStore.utils.exception import PowerStoreException  # noqa: E402


@pytest.fixture(scope="module")
def pslab(tmp_path_factory):
    lab = labctl.start_lab(tmp_path_factory.mktemp("pslab"), only="powerstore", tls=True, time_scale=0.25)
    yield lab
    assert lab.stop() == 0


@pytest.fixture
def ps(pslab):
    pslab.reset("powerstore")
    pslab.config("powerstore", durations={"create": 1.0, "modify": 2.0, "delete": 1.0}, idle_timeout=3600)
    return pslab


def stats(lab):
    return lab.stats("powerstore")


def groups(lab):
    return {vg["name"]: vg for vg in lab._call("powerstore", "GET", "/_lab/volume_groups")}


@pytest.fixture
def conn(ps):
    parts = urllib.parse.urlsplit(ps.url("powerstore"))
    return powerstore_conn.PowerStoreConn(USER, PASSWORD, parts.hostname, verify=ps.ca,
                                          application_type="lab-test", port_no=parts.port)


class Http(object):
    """A raw logged-in session (token + cookie)."""

    def __init__(self, lab):
        self.lab = lab
        self.base = lab.url("powerstore") + "/api/rest"
        self.s = requests.Session()
        self.s.trust_env = False  # else REQUESTS_CA_BUNDLE would override verify
        self.s.verify = lab.ca
        self.login()

    def login(self):
        resp = self.s.get(self.base + "/login_session", auth=(USER, PASSWORD),
                          params={"select": "id,idle_timeout"})
        assert resp.status_code == 200, resp.text
        self.s.headers["DELL-EMC-TOKEN"] = resp.headers["DELL-EMC-TOKEN"]
        return resp

    def get(self, path, **kw):
        return self.s.get(self.base + path, **kw)

    def patch(self, path, body, **kw):
        return self.s.patch(self.base + path, json=body, **kw)

    def job(self, job_id):
        return self.get("/job/" + job_id, params={"select": "id,state,phase,progress_percentage,response_status,"
                                                            "response_body,resource_id,resource_action"}).json()


@pytest.fixture
def http(ps):
    return Http(ps)


def assert_error_body(resp, status):
    assert resp.status_code == status, resp.text
    msg = resp.json()["messages"][0]
    # "arguments" only when the message has some, as in Dell's recorded errors.
    assert {"code", "severity", "message_l10n"} <= set(msg) <= {"code", "severity", "message_l10n", "arguments"}
    assert msg["code"].startswith("0xE") and msg["severity"] == "Error"
    return msg


# ---------------------------------------------------------------- PyPowerStore fidelity

def test_pypowerstore_lists_every_page_with_range_headers(ps, conn):
    ps._call("powerstore", "POST", "/_lab/volume_groups", {"count": 2300})
    rows = conn.provisioning.get_volume_group_list(all_pages=True)
    assert len(rows) == 2305 and len({r["id"] for r in rows}) == 2305
    assert set(rows[0]) == {"id", "name"}
    s = stats(ps)
    # First page (100, 206 + Content-Range), then Range 100-2100 and 2100-4100 (clamped to 2000 rows).
    assert s["requests"]["GET /api/rest/volume_group"] == 3
    assert s["auth"] == {"logins": 1}


def test_pypowerstore_volume_group_get_modify_create_delete(ps, conn):
    prov = conn.provisioning
    found = prov.get_volume_group_by_name("VG-FINANCE")  # name filters are case-insensitive
    assert len(found) == 1 and found[0]["name"] == "vg-finance"
    vg = prov.get_volume_group_details(found[0]["id"])
    assert vg["protection_policy"]["name"] == "gold-protection" and vg["qos_performance_policy"] is None
    assert sorted(v["name"] for v in vg["volumes"]) == ["finance-vol-01", "finance-vol-02"]
    qos = conn.protection.rest_client.request(  # PyPowerStore's own QoS policy filter
        "GET", "https://%s/api/rest/policy" % prov.server_ip, querystring={"type": "eq.QoS", "select": "id,name"})
    assert sorted(p["name"] for p in qos) == ["qos-high", "qos-low"]

    prov.modify_volume_group(vg["id"], description="Audited", qos_performance_policy_id="name:qos-high",
                             is_write_order_consistent=False)
    after = prov.get_volume_group_details(vg["id"])
    assert after["description"] == "Audited" and after["qos_performance_policy"]["name"] == "qos-high"
    assert after["is_write_order_consistent"] is False

    created = prov.create_volume_group("vg-py", description="from PyPowerStore", volume_ids=["name:free-vol-01"])
    assert set(created) == {"id"}
    assert [v["name"] for v in prov.get_volume_group_details(created["id"])["volumes"]] == ["free-vol-01"]
    assert prov.delete_volume_group(created["id"]) is None
    assert "vg-py" not in groups(ps)

    with pytest.raises(PowerStoreException) as exc:
        prov.modify_volume_group(vg["id"], name="vg-web")
    assert "422" in str(exc.value) and "already in use" in str(exc.value)
    assert stats(ps)["auth"] == {"logins": 1}


def test_pypowerstore_reads_jobs(ps, conn, http):
    vg_id = groups(ps)["vg-hr"]["id"]
    # Long enough to be read while it runs however slow the machine; the state decides, not a sleep.
    ps.config("powerstore", durations={"modify": 3600.0})
    slow = http.patch("/volume_group/%s" % vg_id, {"description": "x"}, params={"is_async": "true"}).json()["id"]
    running = conn.provisioning.get_job_details(slow)  # asks software_installed, then the full select
    assert running["resource_action"] == "modify" and running["resource_id"] == vg_id
    assert running["state"] in ("PENDING", "QUEUED", "IN_PROGRESS") and running["response_status"] is None
    ps.config("powerstore", durations={"modify": 0.2})
    vg_id = groups(ps)["vg-web"]["id"]
    job_id = http.patch("/volume_group/%s" % vg_id, {"description": "y"}, params={"is_async": "true"}).json()["id"]
    poll_until(lambda: http.get("/job/%s" % job_id, params={"select": "state"}).json(),
               lambda job: job["state"] == "COMPLETED", 30, what="the end of job %s" % job_id)
    done = conn.provisioning.get_job_details(job_id)
    assert done["state"] == "COMPLETED" and done["phase"] == "Completed" and done["progress_percentage"] == 100
    assert done["response_status"] == "204" and done["response_body"] is None and done["end_time"]


# ---------------------------------------------------------------- sessions

def test_login_session_token_and_cookie(ps):
    s = requests.Session()
    s.trust_env = False
    s.verify = ps.ca
    base = ps.url("powerstore") + "/api/rest"
    assert_error_body(s.get(base + "/volume_group"), 401)
    assert assert_error_body(s.get(base + "/volume_group", auth=(USER, "nope")), 401)
    resp = s.get(base + "/login_session", auth=(USER, PASSWORD))
    assert resp.json() == [{"id": resp.json()[0]["id"]}]  # no select: id only
    token = resp.headers["DELL-EMC-TOKEN"]
    assert s.cookies.get("auth_cookie") and "Secure" in resp.headers["Set-Cookie"]
    vg_id = groups(ps)["vg-hr"]["id"]
    assert s.get(base + "/volume_group").status_code == 200  # the cookie is enough to read
    msg = assert_error_body(s.patch(base + "/volume_group/" + vg_id, json={"description": "x"}), 403)
    assert "DELL-EMC-TOKEN" in msg["message_l10n"]
    assert s.patch(base + "/volume_group/" + vg_id, json={"description": "x"},
                   headers={"DELL-EMC-TOKEN": token}).status_code == 204
    assert stats(ps)["auth"]["token_rejected"] == 1


def test_unknown_attributes_play_an_older_release(ps, http):
    http.login()
    ps.config("powerstore", unknown_attributes=["qos_performance_policy_id"])
    try:
        refused = http.get("/volume", params={"select": "id,qos_performance_policy_id"})
        assert refused.status_code == 400 and "qos_performance_policy_id" in refused.text
        vg_id = groups(ps)["vg-hr"]["id"]
        assert http.get("/volume_group/" + vg_id, params={"select": "qos_performance_policy_id"}).status_code == 400
        assert http.get("/volume", params={"select": "id,name"}).status_code == 200
    finally:
        ps.config("powerstore", unknown_attributes=[])
    assert http.get("/volume", params={"select": "id,qos_performance_policy_id"}).status_code == 200
    with pytest.raises(Exception, match="unknown_attributes must be a list"):
        ps.config("powerstore", unknown_attributes="qos_performance_policy_id")


def test_idle_session_expires_and_login_again(ps, http):
    ps.config("powerstore", idle_timeout=0.3)
    assert http.login().json()[0]["idle_timeout"] == 1  # whole seconds, at least 1
    assert http.get("/volume_group").status_code == 200
    time.sleep(0.5)
    assert "expired" in assert_error_body(http.get("/volume_group"), 401)["message_l10n"]
    http.login()
    assert http.get("/volume_group").status_code == 200
    assert stats(ps)["auth"]["expired"] == 1 and stats(ps)["auth"]["logins"] == 3


# ---------------------------------------------------------------- queries

def test_select_filters_and_order(ps, http):
    assert http.get("/volume_group").json()[0].keys() == {"id"}

    def names(resp):
        return [r["name"] for r in resp.json()]
    assert names(http.get("/volume_group", params={"select": "id,name", "name": "eq.VG-HR"})) == ["vg-hr"]
    assert len(names(http.get("/volume_group", params={"select": "name", "name": "neq.vg-hr"}))) == 4
    assert names(http.get("/volume_group", params={"select": "name", "name": "in.(vg-hr,vg-web)",
                                                   "order": "name.desc"})) == ["vg-web", "vg-hr"]
    assert names(http.get("/volume_group", params={"select": "name", "name": "ilike.*fin*"})) == ["vg-finance"]
    assert names(http.get("/volume_group", params={"select": "name", "name": "not.ilike.vg-*"})) == []
    assert names(http.get("/volume_group", params={"select": "name", "protection_policy_id": "is.null",
                                                   "order": "name"})) == ["vg-analytics", "vg-hr"]
    assert names(http.get("/policy", params={"select": "name,type", "type": "eq.QoS", "order": "name"})) == [
        "qos-high", "qos-low"]
    nested = http.get("/volume_group", params={"select": "name,protection_policy(name),volumes(name)",
                                               "name": "eq.vg-web"}).json()[0]
    assert nested["protection_policy"] == {"name": "silver-protection"} and len(nested["volumes"]) == 3
    assert_error_body(http.get("/volume_group", params={"select": "id,bogus"}), 400)
    assert_error_body(http.get("/volume_group", params={"bogus": "eq.1"}), 400)
    assert_error_body(http.get("/volume_group", params={"name": "like.x"}), 400)


def test_paging_offset_limit_range_and_416(ps, http):
    def page(**kw):
        headers = kw.pop("headers", None)
        return http.get("/volume_group", params=dict({"select": "name", "order": "name"}, **kw), headers=headers)

    first = page(limit=2)
    assert first.status_code == 206 and first.headers["Content-Range"] == "0-1/5" and len(first.json()) == 2
    last = page(offset=4, limit=2)
    assert last.status_code == 206 and last.headers["Content-Range"] == "4-4/5"
    ranged = page(headers={"Range": "1-2"})
    assert ranged.status_code == 206 and ranged.headers["Content-Range"] == "1-2/5"
    assert [r["name"] for r in ranged.json()] == ["vg-archive", "vg-finance"]
    whole = page()
    assert whole.status_code == 200 and "Content-Range" not in whole.headers and len(whole.json()) == 5
    assert_error_body(page(offset=5), 416)
    assert_error_body(page(limit=0), 416)
    ps._call("powerstore", "POST", "/_lab/volume_groups", {"count": 2100})
    clamped = page(limit=5000)
    assert clamped.status_code == 206 and clamped.headers["Content-Range"] == "0-1999/2105"
    assert len(http.get("/volume_group").json()) == 100  # default page


# ---------------------------------------------------------------- jobs

def watch(http, job_id, timeout=5):
    """Every state the job showed until its end."""
    seen = []
    poll_until(lambda: seen.append(http.job(job_id)) or seen[-1], lambda job: job["state"] in ("COMPLETED", "FAILED"),
               timeout, 0.02, f"the end of job {job_id}")
    return seen


def test_async_modify_job_progresses_then_applies(ps, http):
    vg_id = groups(ps)["vg-hr"]["id"]
    resp = http.patch("/volume_group/" + vg_id, {"description": "async"}, params={"is_async": "true"})
    assert resp.status_code == 202 and list(resp.json()) == ["id"]
    seen = watch(http, resp.json()["id"])
    states = [j["state"] for j in seen]
    assert states[0] in ("PENDING", "QUEUED") and "IN_PROGRESS" in states and states[-1] == "COMPLETED"
    assert states.index("IN_PROGRESS") > max(i for i, s in enumerate(states) if s in ("PENDING", "QUEUED"))
    progress = [j["progress_percentage"] for j in seen]
    assert progress == sorted(progress) and progress[0] == 0 and progress[-1] == 100
    assert seen[-1]["response_status"] == "204" and seen[-1]["resource_action"] == "modify"
    assert groups(ps)["vg-hr"]["description"] == "async"
    listed = http.get("/job", params={"select": "id,state", "resource_id": "eq." + vg_id,
                                      "state": "in.(COMPLETED,FAILED)"}).json()
    assert listed == [{"id": resp.json()["id"], "state": "COMPLETED"}]


def test_async_rename_conflict_fails_in_job_failing_then_failed(ps, http):
    vg_id = groups(ps)["vg-hr"]["id"]
    job_id = http.patch("/volume_group/" + vg_id, {"name": "VG-WEB"}, params={"is_async": "true"}).json()["id"]
    seen = watch(http, job_id)
    states = [j["state"] for j in seen]
    assert "FAILING" in states and states[-1] == "FAILED"
    assert states.index("FAILING") > states.index("IN_PROGRESS")
    failing = [j for j in seen if j["state"] == "FAILING"]
    assert failing[0]["phase"] == "Failing" and failing[0]["response_status"] is None
    final = seen[-1]
    assert final["response_status"] == "422" and final["progress_percentage"] < 100
    msg = final["response_body"]["messages"][0]
    assert "already in use" in msg["message_l10n"] and msg["arguments"] == ["VG-WEB"]
    assert "vg-hr" in groups(ps)


def test_invalid_requests_fail_at_once_without_a_job(ps, http):
    vg_id = groups(ps)["vg-hr"]["id"]
    for body, status in (({"colour": "red"}, 400), ({"name": ""}, 400), ({"is_write_order_consistent": "yes"}, 400),
                         ({"protection_policy_id": "name:platinum"}, 404), ({"qos_performance_policy_id": "name:gold-protection"}, 400)):
        assert_error_body(http.patch("/volume_group/" + vg_id, body, params={"is_async": "true"}), status)
    assert_error_body(http.patch("/volume_group/name:nope", {"description": "x"}, params={"is_async": "true"}), 404)
    assert_error_body(http.patch("/volume_group/" + vg_id, {"name": "vg-web"}), 422)  # sync: at once
    assert http.get("/job").json() == []
    assert_error_body(http.get("/job/does-not-exist"), 404)


def test_async_create_and_delete_jobs(ps, http):
    resp = http.s.post(http.base + "/volume_group", params={"is_async": "true"},
                       json={"name": "vg-async", "protection_policy_id": "name:bronze-protection"})
    assert resp.status_code == 202
    done = watch(http, resp.json()["id"])[-1]
    assert done["response_status"] == "201" and done["response_body"]["id"] == done["resource_id"]
    assert groups(ps)["vg-async"]["protection_policy"]["name"] == "bronze-protection"
    resp = http.s.delete(http.base + "/volume_group/" + done["resource_id"], params={"is_async": "true"})
    assert resp.status_code == 202
    assert watch(http, resp.json()["id"])[-1]["response_status"] == "204"
    assert "vg-async" not in groups(ps)
    s = stats(ps)
    assert s["submissions"] == {"create": 1, "delete": 1} and s["jobs"] == {"COMPLETED": 2}
    assert s["methods"]["DELETE"] == 1 and s["methods"]["PATCH"] == 0
