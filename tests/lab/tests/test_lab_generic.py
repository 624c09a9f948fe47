"""Behaviour of the generic long-running-operation appliance (Azure, ARM, Location, AIP-151, RFC 7240)."""
import time
from urllib.parse import urljoin

import pytest
import requests

from lab_helpers import PASSWORD, USER, poll_until

V = "?api-version=2024-01-01"


@pytest.fixture
def gen(lab):
    session = requests.Session()
    session.auth = (USER, PASSWORD)
    session.base = lab.url("generic")
    yield session
    lab.config("generic", durations={k: 2.0 for k in ("azure", "arm", "location", "aip", "prefer")},
               time_scale=0.25, retry_after=1)


ROUTES = [("POST", "/azure/widgets" + V), ("GET", "/azure/operations/azure-1" + V), ("PUT", "/arm/widgets/w" + V),
          ("GET", "/arm/operations/arm-1" + V), ("GET", "/arm/operationResults/arm-1" + V),
          ("POST", "/location/jobs"), ("GET", "/location/jobs/location-1"), ("POST", "/v1/things:import"),
          ("GET", "/v1/operations/aip-1"), ("POST", "/prefer/reports"), ("GET", "/prefer/jobs/prefer-1")]


@pytest.mark.parametrize("method, path", ROUTES)
def test_basic_auth_on_every_route(gen, method, path):
    for auth in (None, (USER, "wrong")):
        resp = requests.request(method, gen.base + path, auth=auth, json={})
        assert resp.status_code == 401, (method, path, auth)
        assert resp.headers["WWW-Authenticate"].startswith("Basic")
        assert resp.json()["error"]["code"] == "Unauthorized"


# --- Azure guidelines ------------------------------------------------------------------------

def test_azure_operation_location_monitor_and_retry_after(gen, lab):
    resp = gen.post(gen.base + "/azure/widgets" + V, json={"name": "w1", "size": 3, "duration": 0.4})
    assert resp.status_code == 202 and resp.headers["Retry-After"] == "1"
    monitor = resp.headers["Operation-Location"]
    assert monitor.startswith(gen.base + "/azure/operations/") and monitor.endswith(V)
    assert resp.json() == {"id": resp.headers["Operation-Id"], "status": "NotStarted"}
    running = gen.get(monitor)
    assert running.json()["status"] == "Running" and running.headers["Retry-After"] == "1"
    assert 0 <= running.json()["percentComplete"] < 100
    time.sleep(0.45)
    done = gen.get(monitor)
    assert "Retry-After" not in done.headers
    assert done.json() == {"id": resp.headers["Operation-Id"], "percentComplete": 100, "status": "Succeeded",
                           "result": {"id": "/azure/widgets/w1", "name": "w1", "size": 3}}
    stats = lab.stats("generic")
    # The first GET came at once, although the 202 said Retry-After: 1; the second came 0.45 s
    # after a Retry-After: 1 as well.
    assert stats["polls"] == {"early": 2}
    assert stats["submissions"] == {"azure": 1}
    assert stats["operations"]["azure"] == {"Succeeded": 1}
    assert [w["name"] for w in gen.get(gen.base + "/azure/widgets" + V).json()["value"]] == ["w1"]


def test_polls_after_retry_after_count_as_on_time(gen, lab):
    lab.config("generic", retry_after=0)
    monitor = gen.post(gen.base + "/azure/widgets" + V, json={"name": "w", "duration": 0.3}).headers["Operation-Location"]
    assert gen.get(monitor).headers["Retry-After"] == "0"
    assert lab.stats("generic")["polls"] == {"on_time": 1}


@pytest.mark.parametrize("flag, status", [("fail", "Failed"), ("cancel", "Canceled")])
def test_azure_failure_and_cancel(gen, flag, status):
    monitor = gen.post(gen.base + "/azure/widgets" + V, json={"name": "w", flag: True, "duration": 0}).headers["Operation-Location"]
    body = gen.get(monitor).json()
    assert body["status"] == status and "result" not in body
    if flag == "fail":
        assert body["error"]["code"] == "WidgetFailed" and "simulated failure" in body["error"]["message"]


def test_azure_monitor_on_another_origin(gen):
    resp = gen.post(gen.base + "/azure/widgets" + V, json={"name": "w", "monitor_host": "localhost"})
    port = gen.base.rsplit(":", 1)[1]
    assert resp.headers["Operation-Location"].startswith(f"http://localhost:{port}/azure/operations/")


def test_azure_requires_api_version_and_a_name(gen):
    assert gen.post(gen.base + "/azure/widgets", json={"name": "w"}).status_code == 400
    resp = gen.post(gen.base + "/azure/widgets" + V, json={"size": 1})
    assert resp.status_code == 400 and "name is required" in resp.json()["error"]["message"]
    assert gen.get(gen.base + "/azure/operations/nope" + V).status_code == 404


# --- ARM -------------------------------------------------------------------------------------

def test_arm_put_async_operation_and_location(gen):
    resp = gen.put(gen.base + "/arm/widgets/w9" + V, json={"properties": {"size": 4}, "duration": 0.4})
    assert resp.status_code == 202 and resp.content == b""
    aao, location = resp.headers["Azure-AsyncOperation"], resp.headers["Location"]
    assert "/arm/operations/" in aao and "/arm/operationResults/" in location
    assert gen.get(aao).json()["status"] == "InProgress"
    pending = gen.get(location)
    assert pending.status_code == 202 and pending.headers["Retry-After"] == "1"
    assert gen.get(gen.base + "/arm/widgets/w9" + V).json()["properties"]["provisioningState"] == "Creating"
    time.sleep(0.45)
    status = gen.get(aao).json()
    assert status["status"] == "Succeeded" and status["percentComplete"] == 100 and status["endTime"]
    final = gen.get(location)
    assert final.status_code == 200
    assert final.json() == {"id": "/arm/widgets/w9", "name": "w9", "type": "Lab/widgets",
                            "properties": {"size": 4, "provisioningState": "Succeeded"}}
    assert gen.get(gen.base + "/arm/widgets/w9" + V).json() == final.json()


def test_arm_failure(gen):
    resp = gen.put(gen.base + "/arm/widgets/bad" + V, json={"fail": True, "duration": 0})
    status = gen.get(resp.headers["Azure-AsyncOperation"]).json()
    assert status["status"] == "Failed" and status["error"]["code"] == "WidgetFailed"
    final = gen.get(resp.headers["Location"])
    assert final.status_code == 409 and final.json()["error"]["code"] == "WidgetFailed"
    assert gen.get(gen.base + "/arm/widgets/bad" + V).json()["properties"]["provisioningState"] == "Failed"
    assert gen.get(gen.base + "/arm/widgets/never" + V).status_code == 404


# --- Location only ---------------------------------------------------------------------------

def test_location_job_202_until_done_then_resource(gen):
    resp = gen.post(gen.base + "/location/jobs", json={"report": "r1", "duration": 0.3})
    assert resp.status_code == 202 and resp.headers["Location"].startswith("/location/jobs/")
    monitor = urljoin(gen.base + "/location/jobs", resp.headers["Location"])
    assert gen.get(monitor).status_code == 202
    final = poll_until(lambda: gen.get(monitor), lambda r: r.status_code == 200, timeout=5)
    assert final.json() == {"id": resp.headers["Location"].rsplit("/", 1)[1], "report": "r1", "status": "ready", "rows": 42}


def test_location_job_failure_is_an_error_status(gen):
    resp = gen.post(gen.base + "/location/jobs", json={"fail": True, "duration": 0})
    final = gen.get(urljoin(gen.base + "/", resp.headers["Location"]))
    assert final.status_code == 422 and final.json()["error"]["code"] == "JobFailed"


# --- AIP-151 ---------------------------------------------------------------------------------

def test_aip_operation(gen):
    op = gen.post(gen.base + "/v1/things:import", json={"source": "gs://b/x", "duration": 0.3})
    assert op.status_code == 200 and "Retry-After" not in op.headers
    body = op.json()
    assert body["done"] is False and body["name"].startswith("operations/aip-")
    assert "response" not in body and "error" not in body
    url = gen.base + "/v1/" + body["name"]
    final = poll_until(lambda: gen.get(url).json(), lambda b: b["done"], timeout=5)
    assert final["response"] == {"@type": "type.googleapis.com/lab.v1.ImportResponse", "source": "gs://b/x", "imported": 42}
    assert final["metadata"]["progressPercent"] == 100 and "error" not in final


def test_aip_failure_is_a_status(gen):
    name = gen.post(gen.base + "/v1/things:import", json={"source": "s", "fail": True, "duration": 0}).json()["name"]
    final = gen.get(gen.base + "/v1/" + name).json()
    assert final["done"] is True and final["error"]["code"] == 9 and "response" not in final
    assert gen.post(gen.base + "/v1/things:import", json={}).status_code == 400


# --- RFC 7240 --------------------------------------------------------------------------------

def test_prefer_sync_without_respond_async(gen, lab):
    started = time.time()
    resp = gen.post(gen.base + "/prefer/reports", json={"report": "q1", "duration": 0.2})
    assert resp.status_code == 200 and time.time() - started >= 0.2
    assert "Preference-Applied" not in resp.headers and "Location" not in resp.headers
    assert resp.json() == {"report": "q1", "rows": 42, "total": 1234.5}
    assert lab.stats("generic")["prefer"] == {"none": 1}


def test_prefer_respond_async(gen, lab):
    resp = gen.post(gen.base + "/prefer/reports", json={"duration": 0.3}, headers={"Prefer": "respond-async"})
    assert resp.status_code == 202 and resp.headers["Preference-Applied"] == "respond-async"
    assert resp.headers["Location"].startswith("jobs/")
    monitor = urljoin(gen.base + "/prefer/reports", resp.headers["Location"])
    assert monitor.startswith(gen.base + "/prefer/jobs/")
    first = gen.get(monitor).json()
    assert first["completed"] is False and first["progress"] in ("pending", "processing")
    final = poll_until(lambda: gen.get(monitor).json(), lambda b: b["completed"], timeout=5)
    assert final["progress"] == "succeeded" and final["task"]["result"]["rows"] == 42
    assert lab.stats("generic")["prefer"] == {"respond-async": 1}


def test_prefer_wait_answers_synchronously_when_quick_enough(gen):
    quick = gen.post(gen.base + "/prefer/reports", json={"duration": 0.1}, headers={"Prefer": "respond-async, wait=5"})
    assert quick.status_code == 200 and quick.headers["Preference-Applied"] == "wait=5"
    slow = gen.post(gen.base + "/prefer/reports", json={"duration": 3}, headers={"Prefer": "respond-async, wait=1"})
    assert slow.status_code == 202 and slow.headers["Preference-Applied"] == "respond-async"


def test_prefer_job_failure(gen):
    resp = gen.post(gen.base + "/prefer/reports", json={"fail": True, "duration": 0}, headers={"Prefer": "respond-async"})
    final = gen.get(urljoin(gen.base + "/prefer/reports", resp.headers["Location"])).json()
    assert final["completed"] is True and final["progress"] == "failed" and final["error"]["code"] == "JobFailed"


# --- control plane ---------------------------------------------------------------------------

def test_config_durations_scale_and_reset(gen, lab):
    config = lab.config("generic", durations={"location": 4.0}, time_scale=0.1)
    assert config["durations"]["location"] == 4.0 and config["time_scale"] == 0.1 and config["retry_after"] == 1
    monitor = urljoin(gen.base + "/", gen.post(gen.base + "/location/jobs", json={}).headers["Location"])
    assert gen.get(monitor).status_code == 202
    time.sleep(0.5)  # 4.0 s x 0.1
    assert gen.get(monitor).status_code == 200
    with pytest.raises(Exception, match="unknown config keys"):
        lab.config("generic", colour="blue")
    with pytest.raises(Exception, match="unknown convention"):
        lab.config("generic", durations={"soap": 1})
    lab.reset("generic")
    assert gen.get(monitor).status_code == 404
    assert lab.stats("generic")["operations"]["location"] == {}
