# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""TLS against a lab serving HTTPS with its own CA.

Certificate verification is on by default: without ``ca_path`` every module, the lookup
and ``async_request`` fail with one message naming certificate verification and
``ca_path``, before a single HTTP request reaches the server. With ``ca_path`` (option or
``<API>_CA_PATH``) or ``validate_certs: false`` (option or ``<API>_VALIDATE_CERTS``) they work.
"""

from __future__ import annotations

import json

import pytest

from conftest import LAB_DIR, LAB_PASSWORD, LAB_USERNAME, AnsibleRunner, _lab_connection_env

APPS = ("drm", "powerstore", "generic")
DEVICE = "00000000-00000000-00409DFF-FF000001"
QUERY = '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'
VERIFY_FAILED = "certificate verify failed"


@pytest.fixture(scope="module")
def tls_lab(tmp_path_factory):
    import sys
    sys.path.insert(0, str(LAB_DIR))
    import labctl
    instance = labctl.start_lab(str(tmp_path_factory.mktemp("tls-lab")), devices=5, time_scale=0.25, tls=True,
                                only=",".join(APPS))
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture
def runner(tls_lab, tmp_path):
    env = _lab_connection_env(tls_lab)
    # The lab's CA must come from the task, not from the environment of the test run.
    env.update(REQUESTS_CA_BUNDLE=None, SSL_CERT_FILE=None, CURL_CA_BUNDLE=None)
    return AnsibleRunner(tmp_path, env)


def tasks_yaml(tasks):
    return json.dumps([{"name": "tls", "hosts": "localhost", "gather_facts": False, "tasks": tasks}], indent=1)


def totals(lab):
    return {app: sum(lab.stats(app)["requests"].values()) for app in APPS}


FAILING = [
    {"name": "drm info", "asyncjobs.fleet.drm_device_info": {}},
    {"name": "drm submit", "asyncjobs.fleet.drm_send_message": {"devices": [DEVICE], "payload": QUERY}},
    {"name": "powerstore jobs", "asyncjobs.fleet.job_info": {"api": "powerstore"}},
    {"name": "powerstore change", "asyncjobs.fleet.powerstore_volume_group": {"name": "vg-tls"}},
    {"name": "generic submit", "asyncjobs.fleet.async_request": {
        "url": "{{ lab_urls.generic }}/azure/widgets", "method": "POST", "body_format": "json", "body": {"name": "w"},
        "url_username": LAB_USERNAME, "url_password": LAB_PASSWORD}},
    {"name": "lookup", "ansible.builtin.set_fact": {"jobs": "{{ query('asyncjobs.fleet.jobs', api='drm') }}"}},
]


def test_verification_on_by_default_fails_cleanly_before_any_request(tls_lab, runner):
    before = totals(tls_lab)
    tasks = [dict(t, ignore_errors=True) for t in FAILING]
    run = runner.run_playbook(runner.playbook(tasks_yaml(tasks)), extra_vars={"lab_urls": tls_lab.urls})
    for task in FAILING:
        result = run.result(task["name"])
        msg = result.get("msg", "")
        assert run.status(task["name"]) == "failed", (task["name"], result)
        assert VERIFY_FAILED in msg and "set ca_path" in msg and "TLS error talking to https://127.0.0.1:" in msg, msg
        assert "\n" not in msg and result.get("changed") is False, result
    assert "Traceback" not in run.stdout + run.stderr
    assert totals(tls_lab) == before  # the handshake failed: not one HTTP request was made


def test_ca_path_or_no_verification_succeeds(tls_lab, runner):
    ca = tls_lab.ca
    lookup = "{{ query('asyncjobs.fleet.jobs', api='drm', ca_path='%s') }}" % ca
    tasks = [
        {"name": "drm ca_path", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE], "ca_path": ca}},
        {"name": "drm no verify", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE], "validate_certs": False}},
        {"name": "drm DRM_CA_PATH", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE]},
         "environment": {"DRM_CA_PATH": ca}},
        {"name": "drm DRM_VALIDATE_CERTS", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE]},
         "environment": {"DRM_VALIDATE_CERTS": "false"}},
        {"name": "drm submit ca_path",
         "asyncjobs.fleet.drm_send_message": {"devices": [DEVICE], "payload": QUERY, "ca_path": ca}},
        {"name": "powerstore ca_path", "asyncjobs.fleet.job_info": {"api": "powerstore", "ca_path": ca}},
        {"name": "powerstore no verify", "asyncjobs.fleet.job_info": {"api": "powerstore", "validate_certs": False}},
        {"name": "powerstore POWERSTORE_CA_PATH", "asyncjobs.fleet.powerstore_volume_group": {"name": "vg-tls"},
         "environment": {"POWERSTORE_CA_PATH": ca}},
        {"name": "generic ca_path", "asyncjobs.fleet.async_request": {
            "url": "{{ lab_urls.generic }}/azure/widgets?api-version=2024-01-01", "ca_path": ca,
            "url_username": LAB_USERNAME, "url_password": LAB_PASSWORD}},
        {"name": "lookup ca_path", "ansible.builtin.set_fact": {"jobs": lookup}},
    ]
    run = runner.run_playbook(runner.playbook(tasks_yaml(tasks)), extra_vars={"lab_urls": tls_lab.urls})
    for task in tasks:
        assert run.status(task["name"]) in ("ok", "changed"), (task["name"], run.result(task["name"]))
    for name in ("drm ca_path", "drm no verify", "drm DRM_CA_PATH", "drm DRM_VALIDATE_CERTS"):
        assert [d["id"] for d in run.result(name)["devices"]] == [DEVICE]
    assert run.result("drm submit ca_path")["devices"][DEVICE]["ok"] is True
    assert run.status("powerstore POWERSTORE_CA_PATH") == "changed"
    assert run.result("powerstore POWERSTORE_CA_PATH")["volume_group"]["name"] == "vg-tls"
    assert any(j["operation"] == "send_message" for j in run.result("lookup ca_path")["ansible_facts"]["jobs"])
    # validate_certs=false is a choice the user made: no urllib3 warning floods the output.
    assert "InsecureRequestWarning" not in run.stdout + run.stderr
