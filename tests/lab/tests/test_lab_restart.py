"""Crash and restart: `Lab.kill()` (SIGKILL) and `Lab.restart()` (same ports, same --state-dir),
and `server.py --ports`. Jobs running at the crash continue on their wall-clock schedule."""
import json
import os
import socket
import subprocess
import sys

import pytest
import requests

import labctl
from lab_helpers import PASSWORD, SCI, USER, NasSigner, device_target

QUERY = '<rci_request version="1.1"><query_state/></rci_request>'
SMART = "storage.Disks.run_smart_test"


def rpc(lab, method, **params):
    resp = requests.post(f"{lab.urls['rpc']}/api/external/8.0/{method}", json=params, auth=NasSigner(), timeout=10)
    resp.raise_for_status()
    return resp.json()


def test_kill_then_restart_on_the_same_ports_keeps_running_jobs(tmp_path):
    lab = labctl.start_lab(tmp_path, devices=10, time_scale=0.5, only="drm,rpc")
    try:
        urls = dict(lab.urls)
        http = requests.Session()
        http.auth, http.base = (USER, PASSWORD), lab.url("drm")
        sci = SCI(http)
        lab.config(durations={"send_message": 3.0})  # 1.5 s: still running after the restart
        drm_job = sci.submit("send_message", device_target(0, 1), QUERY)
        rpc_job = rpc(lab, SMART, slot_id=1, client_ref=5)["job_id"]
        assert sci.head(drm_job) == 202

        assert lab.kill() == -9
        assert os.path.exists(lab.port_file)  # a crash leaves it behind; restart replaces it
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(urls["drm"] + "/ws/DeviceCore", auth=(USER, PASSWORD), timeout=5)

        lab.restart()
        with open(lab.port_file) as fh:
            assert lab.urls == urls and json.load(fh) == urls
        assert lab.stats("drm")["requests"] == {}  # counters start empty
        assert sci.head(drm_job) == 202  # still running, from SQLite
        assert sci.wait(drm_job).findtext("status") == "complete"
        status = rpc(lab, "system.Jobs.get_job_status", job_id=rpc_job)["async_job"]["__properties__"]
        assert status["client_ref"] == 5
        # The next job id continues after the one created before the crash.
        assert sci.submit("send_message", device_target(2), QUERY) == drm_job + 1
    finally:
        lab.stop()


def test_ports_option_binds_given_ports_and_rejects_bad_values(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with labctl.start_lab(tmp_path / "a", devices=3, only="drm,rpc", ports={"drm": port}) as lab:
        assert lab.urls["drm"] == f"http://127.0.0.1:{port}"
        assert lab.urls["rpc"] != lab.urls["drm"]
    for bad in ('{"drm": 0}', '{"nope": 4000}', '["drm"]', "{", '{"drm": true}'):
        out = subprocess.run([sys.executable, labctl.SERVER, "--port-file", str(tmp_path / "p.json"), "--ports", bad],
                             capture_output=True, text=True, timeout=30, check=False)
        assert out.returncode == 2 and "--ports" in out.stderr
        assert not (tmp_path / "p.json").exists()


def test_restart_fails_clearly_when_a_port_is_taken(tmp_path):
    lab = labctl.start_lab(tmp_path, devices=3, only="drm", stderr=subprocess.DEVNULL)
    try:
        lab.kill()
        port = lab.ports()["drm"]
        with socket.socket() as squatter:
            squatter.bind(("127.0.0.1", port))
            squatter.listen()
            with pytest.raises(labctl.LabError, match="exited with code"):
                lab.restart(timeout=20)
    finally:
        lab.stop()
