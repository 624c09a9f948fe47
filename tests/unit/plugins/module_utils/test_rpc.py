# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for _rpc (NAS API style backend) and the rpc_call operation's local logic."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import zlib

import pytest
import requests
from hypothesis import given, strategies as st

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _connect
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _credentials
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _client as _rpc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc._call import (
    RPC_CALL,
    JobPaused,
    PausedWatch,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Response, Transport

import fakes

SMART = "storage.Disks.run_smart_test"


def async_job(job_id, status, progress=-1, client_ref=1, name=SMART):
    return {"__type__": "AsyncJob", "__properties__": {"id": job_id, "status": status, "progress": progress,
                                                       "client_ref": client_ref, "name": name}}


def error(code, message, status=422, **props):
    return status, {"__type__": "Error", "__properties__": dict(code=code, message=message, **props)}


class FakeService(fakes.FakeTransport):
    """A scripted NAS API: jobs in a dict, newest first in listings, every call recorded."""

    def __init__(self, jobs=(), results=None, base_url="http://nas", cap=None, refuse=None):
        super().__init__(base_url=base_url, secrets=["nas-s3cret"], record=lambda c: (c.path, c.json, c.safe))
        self.jobs = dict((j["__properties__"]["id"], j) for j in jobs)
        self.results = results or {}
        self.cap = cap  # the most jobs one listing answers with, whatever the limit
        self.refuse = refuse  # a 401 body answered to every call

    def respond(self, call):
        assert call.method == "POST"
        return self.answer(call.path.rsplit("/", 1)[-1], call.json or {})

    def answer(self, function, params):
        if self.refuse is not None:
            return 401, self.refuse
        if function == "system.Jobs.get_job_status":
            job = self.jobs.get(params["job_id"])
            if job is None:
                return error("UnknownJob", "No job with id %s" % params["job_id"], 404)
            return 200, {"async_job": job}
        if function == "system.Jobs.get_jobs_list":
            # The real list call's shape (see the lab README): anything else is a client regression.
            assert set(params) == {"list_info", "with_parameters"}, params
            assert params["with_parameters"] == {"__type__": "List", "__sub_type__": "Unicode", "__elements__": []}
            assert params["list_info"]["__type__"] == "ListInfo"
            props = params["list_info"]["__properties__"]
            assert set(props) == {"offset", "limit", "order", "search_parameters"}, props
            assert props["order"] == {"__type__": "Ordering", "__properties__": {"asc": False, "order_by": "id"}}
            search = props["search_parameters"]
            assert search["__type__"] == "Dict" and search["__sub_type__"] == "Unicode", search
            crit = search["__elements__"]
            assert set(crit) <= {"name_starts_with", "status"}, crit
            rows = [self.jobs[k] for k in sorted(self.jobs, reverse=True)]
            rows = [r for r in rows if r["__properties__"]["name"].startswith(crit.get("name_starts_with", ""))]
            if "status" in crit:
                rows = [r for r in rows if r["__properties__"]["status"] == crit["status"]]
            page = rows[props["offset"]:] if props["limit"] == -1 else rows[props["offset"]:props["offset"] + props["limit"]]
            page = page[:self.cap] if self.cap else page
            return 200, {"async_jobs": {"__type__": "ResultSet", "__total_items__": len(rows),
                                        "__sub_type__": "AsyncJob", "__elements__": page}}
        if function.endswith("_result"):
            return self.results[params["job_id"]]
        if function == SMART:
            new_id = max(self.jobs or [0]) + 1
            self.jobs[new_id] = async_job(new_id, 1, client_ref=params["client_ref"])
            return 200, {"job_id": new_id}
        return error("NoSuchMethod", "No such method %r" % function, 404)

    def functions(self):
        return [path.rsplit("/", 1)[-1] for path, _params, _safe in self.calls]


# ---------------------------------------------------------------- input checks

@pytest.mark.parametrize("function", [SMART, "system.System.get_infos", "authentication.users.Administration.list"])
def test_check_function_accepts(function):
    assert _protocol.check_function(" %s " % function) == function


@pytest.mark.parametrize("function", ["run_smart_test", "Disks.run_smart_test", "storage..Disks.x", "storage.Disks.",
                                      "storage/Disks/run", "1storage.Disks.x", "", None, "a.b.c d"])
def test_check_function_refuses(function):
    with pytest.raises(InputError, match="<module>.<Service>.<method>"):
        _protocol.check_function(function)


def test_check_arguments():
    assert _protocol.check_arguments(None) == {}
    assert _protocol.check_arguments({"slot_id": 3}) == {"slot_id": 3}
    with pytest.raises(InputError, match="mapping"):
        _protocol.check_arguments([1, 2])
    with pytest.raises(InputError, match="not a valid parameter name"):
        _protocol.check_arguments({"slot id": 1})
    with pytest.raises(InputError, match="JSON"):
        _protocol.check_arguments({"when": object()})


def test_derive_client_ref_is_stable_and_call_specific():
    ref = _protocol.derive_client_ref(SMART, {"slot_id": 3, "mode": "short"})
    assert ref == _protocol.derive_client_ref(SMART, {"mode": "short", "slot_id": 3})  # key order does not matter
    assert ref != _protocol.derive_client_ref(SMART, {"slot_id": 4, "mode": "short"})
    assert ref != _protocol.derive_client_ref("volumes.Volumes.resync", {"slot_id": 3, "mode": "short"})
    # Pinned: the reference must not change between releases, or re-runs would stop adopting.
    assert _protocol.derive_client_ref(SMART, {"slot_id": 3}) == zlib.crc32(
        b'["storage.Disks.run_smart_test",{"slot_id":3}]') & 0x7FFFFFFF


@given(st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True),
                       st.one_of(st.integers(), st.text(max_size=5), st.booleans(), st.none()), max_size=4))
def test_derive_client_ref_fits_an_integer(arguments):
    ref = _protocol.derive_client_ref(SMART, arguments)
    assert 0 <= ref <= 2 ** 31 - 1
    assert _protocol.check_client_ref(ref) == ref


@pytest.mark.parametrize("value", [2 ** 31, -(2 ** 31) - 1, True, "5"])
def test_check_client_ref_refuses(value):
    with pytest.raises(InputError):
        _protocol.check_client_ref(value)


@pytest.mark.parametrize("job_id", ["abc", "1.5", "", "12 13"])
def test_job_number_refuses_non_integers(job_id):
    with pytest.raises(InputError, match="integers"):
        _protocol.job_number(job_id)


# ---------------------------------------------------------------- AsyncJob normalisation

@pytest.mark.parametrize("status, state, raw", [
    (1, lc.PENDING, "INIT"), (2, lc.RUNNING, "RUNNING"), (3, lc.PAUSED, "PAUSED"), (4, lc.SUCCEEDED, "COMPLETED"),
    (5, lc.FAILED, "FAILED"), (-1, lc.UNKNOWN, "UNKNOWN"), (7, lc.UNKNOWN, "7"), (None, lc.UNKNOWN, "None"),
])
def test_job_from_async_states(status, state, raw):
    record = _protocol.job_from_async(async_job(12, status, progress=40, client_ref=9))
    assert (record["state"], record["raw_state"], record["status_code"]) == (state, raw, status)
    assert record["id"] == "12" and record["api"] == "rpc" and record["client_ref"] == 9
    assert record["operation"] == SMART and record["description"] == "run_smart_test" and record["target_ids"] == []
    assert record["terminal"] is (state in (lc.SUCCEEDED, lc.FAILED))


@pytest.mark.parametrize("progress, expected", [(-1, None), (0, 0), (55, 55), (None, None), ("50", None)])
def test_job_from_async_progress(progress, expected):
    assert _protocol.job_from_async(async_job(1, 2, progress=progress))["progress"] == expected


def test_job_from_async_accepts_plain_and_refuses_garbage():
    assert _protocol.job_from_async({"id": 3, "status": 4, "progress": 100})["state"] == lc.SUCCEEDED
    with pytest.raises(ApiError, match="no id"):
        _protocol.job_from_async({"__type__": "AsyncJob", "__properties__": {"status": 2}})
    with pytest.raises(ApiError, match="expected a AsyncJob object, got a Volume"):
        _protocol.job_from_async({"__type__": "Volume", "__properties__": {"id": 1}})
    with pytest.raises(ApiError):
        _protocol.job_from_async([1, 2])


def test_error_from():
    exc = _protocol.error_from(422, error("DiskBusy", "slot 6 is busy", job_id=4)[1], SMART + "_result")
    assert isinstance(exc, _protocol.RpcError) and exc.code == "DiskBusy" and exc.status == 422
    assert exc.msg == "RPC storage.Disks.run_smart_test_result failed: DiskBusy: slot 6 is busy"
    assert exc.error == {"code": "DiskBusy", "message": "slot 6 is busy", "job_id": 4}
    assert exc.result["error"]["job_id"] == 4
    other = _protocol.error_from(404, {"detail": "nope"}, SMART)
    assert not isinstance(other, _protocol.RpcError) and "without an error text" in other.msg


def test_error_from_reads_the_real_text_envelope():
    # The real service's errors carry at least {"text": ...} (what its own clients show).
    plain = _protocol.error_from(400, {"text": "Invalid folder"}, "download.DownloadAdministration.add")
    assert isinstance(plain, _protocol.RpcError) and plain.code is None and plain.error == {"text": "Invalid folder"}
    assert plain.msg == "RPC download.DownloadAdministration.add failed (HTTP 400): Invalid folder"
    # The lab's bodies carry both: the typed Error gives the code, text the message.
    both = _protocol.error_from(409, {"text": "Job 4 is RUNNING", "__type__": "Error",
                                      "__properties__": {"code": "JobNotFinished", "message": "Job 4 is RUNNING"}}, SMART)
    assert both.code == "JobNotFinished" and both.msg == "RPC %s failed: JobNotFinished: Job 4 is RUNNING" % SMART
    typed_without_message = _protocol.error_from(422, {"text": "busy", "__type__": "Error", "__properties__": {"code": "X"}},
                                                 SMART)
    assert typed_without_message.msg.endswith("X: busy")
    # Values from the service are untrusted: the text is put on one line and cut.
    long = _protocol.error_from(400, {"text": "line one\n" + "x" * 5000}, SMART)
    assert "\n" not in long.msg and long.msg.endswith("x" * 10 + "...") and len(long.msg) < 600


@pytest.mark.parametrize("body, expected", [
    ({"text": "Invalid username or signature"}, "authentication failed (HTTP 401): Invalid username or signature. "
                                                "Requests are signed with the username, the password and the "
                                                "controller's clock"),
    ({"text": "Ip blocked"}, "was refused (HTTP 401, 'Ip blocked'): the service blocks an address after too many "
                             "failed sign-ins. Wait at least 15 seconds"),
    ("<html>denied</html>", "authentication failed (HTTP 401): '<html>denied</html>'"),
])
def test_error_from_401(body, expected):
    exc = _protocol.error_from(401, body, SMART)
    assert isinstance(exc, _protocol.RpcError) and exc.status == 401 and expected in exc.msg, exc.msg
    assert "RPC_USERNAME/RPC_PASSWORD" in exc.msg


def test_a_refused_call_is_not_read_as_the_jobs_error():
    service = FakeService(jobs=[async_job(1, 5)], refuse={"text": "Ip blocked"})
    client = _rpc.RpcClient(service)
    with pytest.raises(_protocol.RpcError, match="Ip blocked") as info:
        client.result_of(_protocol.job_from_async(async_job(1, 5)))
    assert info.value.status == 401
    service.refuse = None
    service.results[1] = (422, {"text": "Disk in slot 6 is busy"})
    record = client.result_of(_protocol.job_from_async(async_job(1, 5)))
    assert record["error"] == {"text": "Disk in slot 6 is busy"} and record["message"] == "Disk in slot 6 is busy"


def test_call_quotes_a_non_json_error_body():
    service = FakeService()
    page = b"<html><body>Sign in</body></html>"
    service.request = lambda method, path, **kw: Response(401, {"Content-Type": "text/html"}, page, service.base_url + path)
    with pytest.raises(_protocol.RpcError, match=r"authentication failed \(HTTP 401\): '<html><body>Sign in"):
        _rpc.RpcClient(service).call("system.System.get_infos")


# ---------------------------------------------------------------- client

def test_paths_and_versions():
    client = _rpc.RpcClient(FakeService())
    assert client.path(SMART) == "/api/external/8.0/" + SMART
    client.set_version("7.1")
    assert client.path(SMART) == "/api/external/7.1/" + SMART
    with pytest.raises(InputError, match="api_version"):
        client.set_version("latest")
    pinned = _rpc.RpcClient(FakeService(base_url="http://nas/api/external/5.0"))
    assert pinned.version == "5.0" and pinned.path(SMART) == SMART
    pinned.set_version("5.0")
    with pytest.raises(InputError, match="contradicts the url"):
        pinned.set_version("8.0")


def test_call_outputs_errors_and_retry_safety():
    service = FakeService(jobs=[async_job(1, 4)], results={1: (200, {"device_ok": False})})
    client = _rpc.RpcClient(service)
    assert client.call(SMART + "_result", {"job_id": 1}, read_only=True) == {"device_ok": False}
    assert client.submit(SMART, {"slot_id": 1}, 55) == "2"
    assert service.calls[-1] == ("/api/external/8.0/" + SMART, {"slot_id": 1, "client_ref": 55}, False)
    with pytest.raises(_protocol.RpcError, match="NoSuchMethod"):
        client.call("x.Y.z")
    with pytest.raises(InputError):
        client.call("not a function")
    assert service.stats["requests"] == 3  # the malformed name was never sent


def test_poll_one_job_reads_its_status():
    service = FakeService(jobs=[async_job(1, 2, 10)])
    assert _rpc.RpcClient(service).poll(["1"])["1"]["progress"] == 10
    assert service.functions() == ["system.Jobs.get_job_status"]


def test_poll_many_jobs_costs_one_listing():
    service = FakeService(jobs=[async_job(i, 2 if i > 50 else 4) for i in range(1, 201)])
    found = _rpc.RpcClient(service).poll(["199", "200", "150"])
    assert sorted(found) == ["150", "199", "200"] and found["199"]["state"] == lc.RUNNING
    assert service.functions() == ["system.Jobs.get_jobs_list"]
    assert all(safe for _path, _params, safe in service.calls)  # reads may be retried


def test_poll_pages_until_found_then_asks_for_missing_ids():
    service = FakeService(jobs=[async_job(i, 4) for i in range(1, 251)])
    client = _rpc.RpcClient(service)
    found = client.poll(["250", "3"])
    assert found["3"]["state"] == lc.SUCCEEDED
    assert service.functions() == ["system.Jobs.get_jobs_list"] * 3  # 100 + 100 + 50
    service.calls[:] = []
    with pytest.raises(_protocol.RpcError, match="UnknownJob") as info:
        client.poll(["250", "999"])
    assert info.value.status == 404
    assert service.functions() == ["system.Jobs.get_jobs_list"] * 3 + ["system.Jobs.get_job_status"]


def test_poll_refuses_bad_ids_before_sending():
    service = FakeService()
    with pytest.raises(InputError):
        _rpc.RpcClient(service).poll(["1", "two"])
    assert service.stats["requests"] == 0


def test_list_jobs_pages_and_criteria():
    service = FakeService(jobs=[async_job(i, 2 if i % 2 else 4, name=SMART if i < 5 else "volumes.Volumes.resync")
                                for i in range(1, 8)])
    client = _rpc.RpcClient(service)
    jobs = client.list_jobs(page_size=2)
    assert [j["id"] for j in jobs] == [str(i) for i in range(1, 8)]  # oldest first
    assert len(service.calls) == 4
    running = client.list_jobs({"status": "RUNNING", "name_starts_with": "storage."})
    assert [j["id"] for j in running] == ["1", "3"]
    assert service.calls[-1][1]["list_info"]["__properties__"]["search_parameters"]["__elements__"] == {
        "status": 2, "name_starts_with": "storage."}
    assert [j["id"] for j in client.list_jobs(page_size=3, limit=2)] == ["6", "7"]
    with pytest.raises(InputError):
        client.list_jobs({"status": "DONE"})


def test_results_completed_failed_and_running():
    service = FakeService(jobs=[async_job(1, 4, 100), async_job(2, 5, 30), async_job(3, 2, 10)],
                          results={1: (200, {"device_ok": True}),
                                   2: error("DiskBusy", "Disk in slot 6 is busy", job_id=2, slot_id=6)})
    client = _rpc.RpcClient(service)
    done = client.results("1")
    assert done["result"] == {"device_ok": True} and done["error"] is None and done["detailed"] is True
    failed = client.results("2")
    assert failed["state"] == lc.FAILED and failed["result"] is None
    assert failed["error"]["code"] == "DiskBusy" and failed["message"] == "DiskBusy: Disk in slot 6 is busy"
    service.calls[:] = []
    running = client.results("3")
    assert running["result"] is None and service.functions() == ["system.Jobs.get_job_status"]
    nameless = client.result_of(_protocol.job_from_async({"id": 4, "status": 4}))
    assert "does not name the job's function" in nameless["message"]


def test_find_in_flight_filters_function_and_client_ref():
    service = FakeService(jobs=[async_job(1, 2, client_ref=7), async_job(2, 3, client_ref=7),
                                async_job(3, 2, client_ref=8), async_job(4, 4, client_ref=7),
                                async_job(5, 1, client_ref=7, name=SMART + "_extended")])
    found = _rpc.RpcClient(service).find_in_flight(SMART, 7)
    assert [j["id"] for j in found] == ["1", "2"]
    props = [c[1]["list_info"]["__properties__"] for c in service.calls]
    assert [p["search_parameters"]["__elements__"] for p in props] == [
        {"name_starts_with": SMART, "status": status} for status in (1, 2, 3)]
    # The filter leaves only in-flight jobs of the function: one listing of all of them per status.
    assert [(p["offset"], p["limit"]) for p in props] == [(0, -1)] * 3


def test_cancel_is_not_supported():
    service = FakeService(jobs=[async_job(1, 2)])
    with pytest.raises(InputError, match="RPC jobs cannot be canceled"):
        _rpc.RpcClient(service).cancel("1")
    assert service.stats["requests"] == 0


# ---------------------------------------------------------------- request signing

# The list call of the public Chrome extension (EXT-LIB), byte for byte as JSON.stringify sends it.
EXT_LIB_BODY = (b'{"with_parameters":{"__type__":"List","__sub_type__":"Unicode","__elements__":[]},"list_info":'
                b'{"__type__":"ListInfo","__properties__":{"limit":-1,"order":{"__type__":"Ordering","__properties__":'
                b'{"asc":true,"order_by":"status"}},"search_parameters":{"__type__":"Dict","__sub_type__":"Unicode",'
                b'"__elements__":{"status":8}},"offset":0}}}')
# Signatures computed outside Python, with openssl, from the documented recipe:
#   KEY=$(printf %s "$PASSWORD" | openssl dgst -sha1 -hex | awk '{print $NF}')
#   printf 'POST <path>\nDate: <date>\n<body>' | openssl dgst -sha1 -hmac "$KEY" -binary | base64
# 'Password1!' is the public Burp extender's placeholder password; the first path and body are the
# public get_infos call, the second the extension's download listing.
VECTORS = [
    ("Password1!", "32ca9fc1a0f5b6330e3f4c8c1bbecde9bedb9573", "/api/external/7.0/system.System.get_infos",
     "Tue, 05 Mar 2024 10:00:00 GMT", b"{}", "qauXvulGqb3CTD14KLly3JkgDUU="),
    ("Password1!", "32ca9fc1a0f5b6330e3f4c8c1bbecde9bedb9573", "/api/external/7.0/download.DownloadAdministration.list",
     "Tue, 05 Mar 2024 10:00:00 GMT", EXT_LIB_BODY, "XAC+e5f+dW72wumf2MorvQCV1zg="),
    ("lab-Passw0rd!", "0110465cd7b35962c31b1c0025a718ed6fa5bb6b", "/api/external/8.0/system.Jobs.get_job_status?x=1",
     "Wed, 01 Jan 2025 00:00:00 GMT", b'{"job_id": 1}', "m2vKtWyxbqe2S/D7KXTu3/RoJDg="),
]
MARCH_5_2024_10H = 1709632800.0


def recipe(password, method, path, date, body):
    """The documented recipe, written out here independently of _rpc."""
    key = hashlib.sha1(password.encode("utf-8")).hexdigest().encode("ascii")
    message = method.encode() + b" " + path.encode() + b"\nDate: " + date.encode() + b"\n" + body
    return base64.b64encode(hmac.new(key, message, hashlib.sha1).digest()).decode()


@pytest.mark.parametrize("password, key, path, date, body, expected", VECTORS)
def test_signature_matches_vectors_computed_with_openssl(password, key, path, date, body, expected):
    assert _protocol.signing_key(password) == key
    assert _protocol.signature(key, "POST", path, date, body) == expected
    assert _protocol.signature(key, "POST", path, date, body.decode()) == expected  # a str body is sent as UTF-8
    assert recipe(password, "POST", path, date, body) == expected


def test_auth_signs_the_prepared_request_as_a_public_client_does():
    auth = _protocol.HmacSha1DateAuth("admin", "Password1!", clock=lambda: MARCH_5_2024_10H)
    prepared = requests.Request("POST", "http://nas.local/api/external/7.0/system.System.get_infos", data=b"{}").prepare()
    assert auth(prepared) is prepared
    assert prepared.headers["DATE-AUTH"] == "Tue, 05 Mar 2024 10:00:00 GMT"
    assert prepared.headers["AUTHENTICATION"] == "HMAC-SHA1-DATE YWRtaW4=:qauXvulGqb3CTD14KLly3JkgDUU="
    assert "Authorization" not in prepared.headers
    assert "32ca9fc1" not in repr(auth) and "YWRtaW4=" in repr(auth)


def test_auth_signs_exact_json_bytes_and_the_query():
    auth = _protocol.HmacSha1DateAuth("j\u00f6rg", "p\u00e4ss w\u00f6rd", clock=lambda: MARCH_5_2024_10H + 0.9)
    prepared = requests.Request("POST", "https://nas:8443/api/external/8.0/" + SMART, params={"lang": "de fr"},
                                json={"slot_id": 1, "label": "Pr\u00fcfung"}).prepare()
    auth(prepared)
    assert prepared.path_url == "/api/external/8.0/%s?lang=de+fr" % SMART
    date = prepared.headers["DATE-AUTH"]
    assert date == "Tue, 05 Mar 2024 10:00:00 GMT"  # whole seconds
    user, sig = prepared.headers["AUTHENTICATION"][len("HMAC-SHA1-DATE "):].split(":")
    assert base64.b64decode(user).decode("utf-8") == "j\u00f6rg"
    assert sig == recipe("p\u00e4ss w\u00f6rd", "POST", prepared.path_url, date, prepared.body)
    assert sig != recipe("p\u00e4ss w\u00f6rd", "POST", prepared.path_url.split("?")[0], date, prepared.body)


class ScriptedAdapter(requests.adapters.BaseAdapter):
    """Answers prepared requests from a script, recording what would have gone on the wire."""

    def __init__(self, statuses):
        super(ScriptedAdapter, self).__init__()
        self.statuses = list(statuses)
        self.sent = []

    def send(self, request, **kwargs):
        self.sent.append((request.path_url, dict(request.headers), request.body))
        self.proxies = dict(kwargs.get("proxies") or {})
        resp = requests.Response()
        resp.status_code = self.statuses.pop(0)
        resp.headers = requests.structures.CaseInsensitiveDict({"Content-Type": "application/json"})
        resp.raw = io.BytesIO(b'{"infos": {}}')
        resp.request, resp.url = request, request.url
        return resp

    def close(self):
        pass


def test_every_attempt_of_a_retried_call_is_signed_afresh():
    ticks = iter([MARCH_5_2024_10H, MARCH_5_2024_10H + 2.0])
    auth = _protocol.HmacSha1DateAuth("admin", "Password1!", clock=lambda: next(ticks))
    transport = Transport("http://nas.local", auth=auth, sleep=lambda seconds: None, retries=2)
    adapter = ScriptedAdapter([503, 200])
    transport.session.mount("http://", adapter)
    out = _rpc.RpcClient(transport).call("system.System.get_infos", read_only=True)
    assert out == {"infos": {}} and transport.stats["retries"] == 1
    dates = [headers["DATE-AUTH"] for _path, headers, _body in adapter.sent]
    assert dates == ["Tue, 05 Mar 2024 10:00:00 GMT", "Tue, 05 Mar 2024 10:00:02 GMT"]
    for path, headers, body in adapter.sent:
        assert headers["AUTHENTICATION"] == "HMAC-SHA1-DATE YWRtaW4=:" + recipe(
            "Password1!", "POST", path, headers["DATE-AUTH"], body)
        assert "Authorization" not in headers and headers["Content-Type"] == "application/json"


def test_make_transport_signs_and_redacts_the_key():
    params = {"url": "https://nas.example", "username": "admin", "password": "Password1!"}
    transport = _connect.make_transport("rpc", params, environ={})
    assert isinstance(transport.session.auth, _protocol.HmacSha1DateAuth)
    assert transport.session.auth.key == "32ca9fc1a0f5b6330e3f4c8c1bbecde9bedb9573"
    echoed = "user admin, password Password1!, key 32ca9fc1a0f5b6330e3f4c8c1bbecde9bedb9573"
    assert transport.redact(echoed) == "user admin, password ********, key ********"
    # The key of every password a task may hold is censored in what plugins show.
    secrets = _credentials.secret_values({"password": "Password1!"}, {"RPC_PASSWORD": "lab-Passw0rd!"})
    assert {"Password1!", "32ca9fc1a0f5b6330e3f4c8c1bbecde9bedb9573", "lab-Passw0rd!",
            "0110465cd7b35962c31b1c0025a718ed6fa5bb6b"} <= secrets


def test_make_transport_takes_proxies_from_the_task_environment_and_no_netrc(monkeypatch, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine nas.example login netrc-user password netrc-pass\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("HTTPS_PROXY", raising=False)
    monkeypatch.delenv("https_proxy", raising=False)
    params = {"url": "https://nas.example", "username": "admin", "password": "Password1!"}
    transport = _connect.make_transport("rpc", params, environ={"HTTPS_PROXY": "http://proxy.example:3128"})
    adapter = ScriptedAdapter([200])
    transport.session.mount("https://", adapter)
    _rpc.RpcClient(transport).call("system.System.get_infos")
    assert adapter.proxies == {"https": "http://proxy.example:3128"}
    headers = adapter.sent[0][1]
    assert headers["AUTHENTICATION"].startswith("HMAC-SHA1-DATE YWRtaW4=:") and "Authorization" not in headers


def test_rpc_refuses_api_keys_before_sending():
    with pytest.raises(InputError, match="signs each request with username and password"):
        _connect.make_transport("rpc", {"url": "https://nas.example", "api_key_id": "k", "api_key_secret": "s"},
                                environ={})


def test_listing_with_limit_minus_one_pages_on_when_the_service_caps_it():
    service = FakeService(jobs=[async_job(i, 2) for i in range(1, 8)], cap=3)
    jobs = _rpc.RpcClient(service).list_jobs(page_size=_protocol.ALL)
    assert [j["id"] for j in jobs] == [str(i) for i in range(1, 8)]
    limits = [(c[1]["list_info"]["__properties__"]["offset"], c[1]["list_info"]["__properties__"]["limit"])
              for c in service.calls]
    assert limits == [(0, -1), (3, -1), (6, -1)]
    with pytest.raises(InputError, match="page_size"):
        _rpc.RpcClient(service).list_jobs(page_size=0)


# ---------------------------------------------------------------- rpc_call local logic

def test_paused_watch_gives_up_after_the_limit():
    # A stop rule of the wait loop: it returns the error that ends the wait, or None.
    watch = PausedWatch(2.0, SMART)
    paused = _protocol.job_from_async(async_job(9, 3, 50))
    running = _protocol.job_from_async(async_job(9, 2, 60))
    assert watch(0.5, [paused]) is None
    assert watch(2.0, [paused]) is None
    assert watch(2.2, [running]) is None  # resumed: the clock starts again
    assert watch(3.0, [paused]) is None
    error = watch(5.0, [paused])
    assert isinstance(error, JobPaused)
    assert "job 9 has been paused at 50% for 2.0s (paused_timeout=2.0s)" in error.msg
    assert "job_ids=[9]" in error.msg and error.result["job"]["state"] == lc.PAUSED
    assert isinstance(PausedWatch(0, SMART)(0.1, [paused]), JobPaused)


def _params(**overrides):
    params = dict((k, None) for k in RPC_CALL.argument_spec)
    params.update(function=SMART, arguments={"slot_id": 1}, asynchronous=True, changes=True, paused_timeout=300.0,
                  wait=True, wait_timeout=60.0, poll_interval=1.0, max_poll_interval=15.0, fail_on="any")
    params.update(overrides)
    return params


@pytest.mark.parametrize("overrides, message", [
    ({"function": "run_smart_test"}, "<module>.<Service>.<method>"),
    ({"arguments": ["slot_id", 1]}, "mapping"),
    ({"arguments": {"client_ref": 5}}, "use the client_ref option"),
    ({"function": SMART + "_result"}, "reads a job's result"),
    ({"asynchronous": False, "client_ref": 5}, "asynchronous functions only"),
    ({"client_ref": 2 ** 40}, "32-bit"),
    ({"paused_timeout": -1.0}, "paused_timeout"),
    ({"api_version": "v8"}, "api_version"),
])
def test_rpc_call_refuses_bad_input_without_requests(overrides, message):
    # No url or credentials in the environment: a request could not even be attempted.
    with pytest.raises(InputError, match=message):
        RPC_CALL.run(_params(url="http://127.0.0.1:9", username="u", password="p", **overrides), Context(environ={}))


class EchoAdapter(ScriptedAdapter):
    """A server that answers 400 with the request's AUTHENTICATION header in its error text."""

    def send(self, request, **kwargs):
        resp = super(EchoAdapter, self).send(request, **kwargs)
        resp.raw = io.BytesIO(json.dumps({"text": "bad call, you sent " + request.headers["AUTHENTICATION"]}).encode())
        return resp


def test_an_echoed_request_signature_is_redacted():
    """A signature is replayable while the service accepts its date: never show it."""
    params = {"url": "https://nas.example", "username": "admin", "password": "Password1!"}
    transport = _connect.make_transport("rpc", params, environ={})
    adapter = EchoAdapter([400])
    transport.session.mount("https://", adapter)
    with pytest.raises(ApiError) as err:
        _rpc.RpcClient(transport).call("system.System.get_infos")
    sent = adapter.sent[0][1]["AUTHENTICATION"]
    user, sig = sent.split(" ", 1)[1].split(":")
    assert sig not in err.value.msg and sig not in str(err.value.result)
    assert "HMAC-SHA1-DATE %s:********" % user in err.value.msg
