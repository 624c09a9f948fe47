"""Lab control plane, fault injection, persistence across restarts, TLS and the labctl CLI."""
import json
import os
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

import pytest
import requests

import labctl
from lab_helpers import PASSWORD, SCI, USER, dev_id, device_target

QUERY = '<rci_request version="1.1"><query_setting/></rci_request>'


def test_stats_count_templated_routes(lab, http, sci):
    lab.reset(stats_only=True)
    job = sci.submit("send_message", device_target(0), QUERY)
    sci.get(job)
    sci.get(job)
    sci.head(job)
    http.get(f"{http.base}/ws/DeviceCore/{dev_id(1)}")
    lab.devices()  # /_lab/* is never counted
    stats = lab.stats()
    assert stats["requests"] == {"POST /ws/sci": 1, "GET /ws/sci/{id}": 2, "HEAD /ws/sci/{id}": 1,
                                 "GET /ws/DeviceCore/{id}": 1}
    assert stats["methods"] == {"GET": 3, "POST": 1, "HEAD": 1, "DELETE": 0, "PUT": 0}
    assert stats["submissions"] == {"send_message": 1}
    assert stats["jobs"]["in_progress"] + stats["jobs"]["complete"] == 1
    lab.reset(stats_only=True)
    stats = lab.stats()
    assert stats["requests"] == {} and stats["submissions"] == {}
    assert sum(stats["jobs"].values()) == 1  # stats_only keeps jobs
    lab.reset()
    assert sum(lab.stats()["jobs"].values()) == 0


def test_reset_restores_fleet(lab, sci, http):
    lab.set_device(dev_id(0), online=False, dpTags="x")
    assert lab.device(dev_id(0))["online"] is False
    lab.reset()
    dev = lab.device(dev_id(0))
    assert dev["online"] is True and dev["dpTags"] == "site-a,demo,canary" and dev["fails_firmware"] is False
    assert lab.device(dev_id(12))["fails_firmware"] is True
    assert len(lab.devices()) == 1200


def test_config_roundtrip(lab):
    before = lab.config()
    assert before["durations"]["update_firmware"] == 6.0 and before["time_scale"] == 0.25
    try:
        after = lab.config(durations={"send_message": 2.0})
        assert after["durations"]["send_message"] == 2.0
    finally:
        lab.config(durations=before["durations"], time_scale=before["time_scale"])


def test_fault_503_with_retry_after_is_counted(lab, http):
    lab.faults([{"route": r"^/ws/DeviceCore", "method": "GET", "rate": 1.0, "kinds": ["503"],
                 "retry_after": 3}])
    resp = http.get(f"{http.base}/ws/DeviceCore?size=1")
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "3"
    assert http.post(f"{http.base}/ws/sci", data="<x/>").status_code == 400  # other routes unaffected
    stats = lab.stats()
    assert stats["faults"]["injected"] == {"503": 1}
    assert stats["requests"]["GET /ws/DeviceCore"] == 1
    lab.faults([])
    assert http.get(f"{http.base}/ws/DeviceCore?size=1").status_code == 200


def test_fault_kinds_and_seeded_rate(lab, http):
    lab.faults([{"route": "DeviceCore", "kinds": ["reset"]}])
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth)
    lab.faults([{"route": "DeviceCore", "kinds": ["truncated"]}])
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth)
    lab.faults([{"route": "DeviceCore", "kinds": ["html"]}])
    resp = requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth)
    assert resp.status_code == 500 and resp.headers["Content-Type"].startswith("text/html")
    lab.faults([{"route": "DeviceCore", "kinds": ["slow"], "slow_seconds": 0.3}])
    start = time.time()
    assert requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth).status_code == 200
    assert time.time() - start >= 0.3

    def pattern():
        lab.faults([{"route": "DeviceCore", "rate": 0.5, "kinds": ["500", "429"]}], seed=7)
        return [http.get(f"{http.base}/ws/DeviceCore?size=1").status_code for _i in range(20)]

    first = pattern()
    assert first == pattern() and {200, 500, 429} <= set(first)
    assert lab.stats()["faults"]["injected"].keys() >= {"reset", "truncated", "html", "slow", "500", "429"}


def test_fault_after_processing_still_creates_job(lab, sci, http):
    lab.faults([{"route": "^/ws/sci$", "method": "POST", "kinds": ["502"], "after_processing": True}])
    assert sci.post("send_message", device_target(0), QUERY, synchronous="false").status_code == 502
    lab.faults([])
    listing = ET.fromstring(http.get(f"{http.base}/ws/sci").content)
    assert listing.findtext("resultTotalRows") == "1"  # the "lost reply" job exists


def test_restart_with_same_state_dir_keeps_state(tmp_path):
    state = tmp_path / "state"
    with labctl.start_lab(tmp_path / "one", devices=20, state_dir=state, time_scale=0.1) as lab:
        http = requests.Session()
        http.auth, http.base = (USER, PASSWORD), lab.url()
        sci = SCI(http)
        set_xml = ('<rci_request version="1.1"><set_setting><system><contact>kept</contact></system>'
                   '</set_setting></rci_request>')
        done = sci.submit("send_message", device_target(0), set_xml)
        sci.wait(done)
        running = sci.submit("send_message", device_target(9), QUERY, allowOffline="true")
        lab.config(durations={"send_message": 0.5})
        assert lab.stop() == 0
    assert not os.path.exists(lab.port_file)  # removed on clean shutdown

    with labctl.start_lab(tmp_path / "two", devices=5, seed=1, state_dir=state) as lab:
        http.base = lab.url()
        assert len(lab.devices()) == 20  # not regenerated despite different --devices/--seed
        assert lab.config()["durations"]["send_message"] == 0.5
        assert lab.device(dev_id(0))["settings"]["system"]["contact"] == "kept"
        assert sci.head(done) == 200 and sci.head(running) == 202
        assert sci.submit("send_message", device_target(1), QUERY) == running + 1
        lab.set_device(dev_id(9), online=True)  # waiting part survives the restart
        assert sci.wait(running).findtext("status") == "complete"


def test_tls(tmp_path):
    with labctl.start_lab(tmp_path, devices=3, tls=True) as lab:
        assert lab.url().startswith("https://127.0.0.1:") and os.path.exists(lab.ca)
        with open(lab.port_file) as fh:
            assert json.load(fh)["ca"] == lab.ca
        resp = requests.get(lab.url() + "/ws/DeviceCore", auth=(USER, PASSWORD), verify=lab.ca)
        assert resp.status_code == 200
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(lab.url() + "/ws/DeviceCore", auth=(USER, PASSWORD))
        assert lab.stats()["requests"]["GET /ws/DeviceCore"] == 1


def test_labctl_cli_start_stop(tmp_path):
    port_file, pid_file = tmp_path / "ports.json", tmp_path / "lab.pid"
    out = subprocess.run([sys.executable, labctl.__file__, "start", "--port-file", str(port_file),
                          "--pid-file", str(pid_file), "--devices", "7", "--password", "pw"],
                         check=True, capture_output=True, text=True, timeout=60)
    urls = json.loads(out.stdout)
    assert json.loads(port_file.read_text()) == urls
    resp = requests.get(urls["drm"] + "/ws/DeviceCore", auth=("admin", "pw"), headers={"Accept": "application/json"})
    assert resp.json()["resultTotalRows"] == "7"
    subprocess.run([sys.executable, labctl.__file__, "stop", "--pid-file", str(pid_file)], check=True, timeout=60)
    assert not pid_file.exists() and not port_file.exists()


def test_fault_kinds_for_bad_response_bodies(lab, http):
    """empty, huge, ctype, html200, xmlbomb, echo and 403: the bodies a robust client must survive."""
    url = f"{http.base}/ws/DeviceCore?size=1"
    lab.faults([{"route": "DeviceCore", "kinds": ["empty"]}])
    resp = http.get(url)
    assert resp.status_code == 200 and resp.content == b""
    lab.faults([{"route": "DeviceCore", "kinds": ["huge"], "size": 3 * 1024 * 1024}])
    resp = http.get(url)
    assert resp.status_code == 200 and "Content-Length" not in resp.headers and len(resp.content) >= 3 * 1024 * 1024
    # A client hanging up early must not break the lab.
    with requests.get(url, auth=http.auth, stream=True) as resp:
        assert len(next(resp.iter_content(1024))) == 1024
    lab.faults([{"route": "DeviceCore", "kinds": ["ctype"]}])
    resp = http.get(url, headers={"Accept": "application/json"})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/html")
    assert resp.json()["resultSize"] == "1"  # the real answer, only mislabelled
    lab.faults([{"route": "DeviceCore", "kinds": ["html200"]}])
    resp = http.get(url)
    assert resp.status_code == 200 and resp.text.startswith("<!DOCTYPE html>") and "Sign in" in resp.text
    lab.faults([{"route": "DeviceCore", "kinds": ["xmlbomb"]}])
    resp = http.get(url)
    assert resp.status_code == 200 and "<!ENTITY lol9" in resp.text and len(resp.content) < 2000
    lab.faults([{"route": "DeviceCore", "kinds": ["echo"]}])
    resp = requests.post(f"{http.base}/ws/DeviceCore", auth=("someone", "pw-echoed-back"), data="payload-1")
    assert resp.status_code == 400 and resp.json()["error"].endswith("user someone with password pw-echoed-back")
    assert resp.json()["body"] == "payload-1" and resp.json()["authorization"].startswith("Basic ")
    lab.faults([{"route": "DeviceCore", "kinds": ["403"]}])
    assert http.get(url).status_code == 403
    assert lab.stats()["faults"]["injected"] == {"empty": 1, "huge": 2, "ctype": 1, "html200": 1, "xmlbomb": 1,
                                                 "echo": 1, "403": 1}
    lab.faults([])
    assert http.get(url).status_code == 200


def test_gate_holds_requests_until_enough_have_arrived(lab, http):
    """The gate fault answers the first request only once the second has arrived (both from the
    state at arrival with after_processing); later requests pass at once."""
    lab.faults([{"route": "DeviceCore", "kinds": ["gate"], "gate_count": 2, "slow_seconds": 60,
                 "after_processing": True}])
    answered = []
    first = threading.Thread(target=lambda: answered.append(
        requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth, timeout=90).status_code))
    first.start()
    deadline = time.monotonic() + 60
    while lab.stats()["requests"].get("GET /ws/DeviceCore", 0) < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert answered == []  # held: it cannot have been answered before a second request arrived
    assert requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth, timeout=90).status_code == 200
    first.join(90)
    assert answered == [200]
    assert requests.get(f"{http.base}/ws/DeviceCore?size=1", auth=http.auth, timeout=5).status_code == 200
    assert lab.stats()["faults"]["injected"]["gate"] == 3
    lab.faults([])
