# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""TLS against a lab serving HTTPS with its own CA, with the environment of a typical CI runner.

``REQUESTS_CA_BUNDLE`` and ``CURL_CA_BUNDLE`` (and ``SSL_CERT_FILE``) name a system bundle that
lacks the lab's CA, as on most runners and containers. requests would take that bundle over the
task's settings; the task must win: ``validate_certs: false`` (option or ``<API>_VALIDATE_CERTS``)
and ``ca_path`` (option or ``<API>_CA_PATH``) work for every module, the lookup, the inventory
plugin and ``async_request``. Certificate verification stays on by default: without ``ca_path``
every entry point fails with one message naming certificate verification and ``ca_path``, before
a single HTTP request reaches the server. Proxies are covered by test_reliability_proxy.py.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import certifi
import pytest

from conftest import LAB_PASSWORD, LAB_USERNAME, AnsibleRunner, _lab_connection_env, private_lab

APPS = ("drm", "powerstore", "generic")
DEVICE = "00000000-00000000-00409DFF-FF000001"
QUERY = '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'
VERIFY_FAILED = "certificate verify failed"
# A real bundle of public CAs, so without the task's options the lab's certificate fails to verify.
FOREIGN_BUNDLE = "/etc/ssl/certs/ca-certificates.crt" if os.path.exists("/etc/ssl/certs/ca-certificates.crt") else certifi.where()
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy")


def ci_environment(lab):
    """The lab's connection variables in a runner's environment: CA bundle variables set, no proxy."""
    env = _lab_connection_env(lab)
    env.update(REQUESTS_CA_BUNDLE=FOREIGN_BUNDLE, CURL_CA_BUNDLE=FOREIGN_BUNDLE, SSL_CERT_FILE=FOREIGN_BUNDLE)
    env.update(dict.fromkeys(PROXY_VARIABLES))
    return env


@pytest.fixture(scope="module")
def tls_lab(tmp_path_factory):
    with private_lab(tmp_path_factory, "tls-lab", devices=5, time_scale=0.25, tls=True, only=",".join(APPS)) as instance:
        yield instance


@pytest.fixture
def runner(tls_lab, tmp_path):
    assert pathlib.Path(tls_lab.ca).read_text().strip() not in pathlib.Path(FOREIGN_BUNDLE).read_text()
    return AnsibleRunner(tmp_path, ci_environment(tls_lab))


def run_inventory(runner, tmp_path, name, options, env=None):
    """ansible-inventory --list over a drm_devices config with these options; (proc, inventory or None)."""
    config = tmp_path / ("%s.drm_devices.yml" % name)
    config.write_text(json.dumps(dict({"plugin": "asyncjobs.fleet.drm_devices", "device_tags": ["canary"]}, **options)))
    environment = runner.environment(dict(env or {}, ANSIBLE_INVENTORY_UNPARSED_FAILED="true"))
    cmd = [str(pathlib.Path(sys.executable).parent / "ansible-inventory"), "-i", str(config), "--list"]
    proc = subprocess.run(cmd, env=environment, capture_output=True, text=True, timeout=120, check=False)
    return proc, (json.loads(proc.stdout) if proc.returncode == 0 else None)


def inventory_hosts(inventory):
    return sorted(inventory["_meta"]["hostvars"]) if inventory else None


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
    proc, inventory = run_inventory(runner, runner.workdir, "default", {})
    assert inventory is None and VERIFY_FAILED in proc.stderr and "set ca_path" in proc.stderr, proc.stderr
    assert totals(tls_lab) == before  # the handshake failed: not one HTTP request was made


def test_unreadable_ca_path_is_refused_before_anything_is_sent(tls_lab, runner):
    missing = str(runner.workdir / "no-such-ca.pem")
    expected = ("ca_path '%s' is not a readable file or directory: set it to the PEM bundle of the CA that signs "
                "the server's certificate" % missing)
    tasks = [
        {"name": "option", "asyncjobs.fleet.powerstore_volume_group": {"name": "vg-never", "ca_path": missing}},
        {"name": "env", "asyncjobs.fleet.drm_send_message": {"devices": [DEVICE], "payload": QUERY},
         "environment": {"DRM_CA_PATH": missing}},
        {"name": "async_request", "asyncjobs.fleet.async_request": {
            "url": "{{ lab_urls.generic }}/azure/widgets", "method": "POST", "body_format": "json", "body": {"name": "w"},
            "ca_path": missing, "url_username": LAB_USERNAME, "url_password": LAB_PASSWORD}},
    ]
    before = totals(tls_lab)
    run = runner.run_playbook(runner.playbook(tasks_yaml([dict(t, ignore_errors=True) for t in tasks])),
                              extra_vars={"lab_urls": tls_lab.urls})
    for task in tasks:
        assert run.status(task["name"]) == "failed" and run.result(task["name"])["msg"] == expected, run.result(task["name"])
        assert run.result(task["name"]).get("changed") is False
    assert "Traceback" not in run.stdout + run.stderr
    assert totals(tls_lab) == before


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
        {"name": "powerstore change no verify",
         "asyncjobs.fleet.powerstore_volume_group": {"name": "vg-tls-2", "validate_certs": False}},
        {"name": "generic ca_path", "asyncjobs.fleet.async_request": {
            "url": "{{ lab_urls.generic }}/azure/widgets?api-version=2024-01-01", "ca_path": ca,
            "url_username": LAB_USERNAME, "url_password": LAB_PASSWORD}},
        {"name": "generic no verify", "asyncjobs.fleet.async_request": {
            "url": "{{ lab_urls.generic }}/azure/widgets?api-version=2024-01-01", "method": "POST", "body_format": "json", "body": {"name": "w"},
            "validate_certs": False, "url_username": LAB_USERNAME, "url_password": LAB_PASSWORD}},
        {"name": "lookup ca_path", "ansible.builtin.set_fact": {"jobs": lookup}},
        {"name": "lookup no verify",
         "ansible.builtin.set_fact": {"jobs2": "{{ query('asyncjobs.fleet.jobs', api='powerstore', validate_certs=false) }}"}},
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
    assert run.status("powerstore change no verify") == "changed"
    assert any(j["resource_name"] == "vg-tls" for j in run.result("lookup no verify")["ansible_facts"]["jobs2"])
    assert run.status("generic no verify") == "changed" and run.result("generic no verify")["state"] == "succeeded"
    # validate_certs=false is a choice the user made: no urllib3 warning floods the output.
    assert "InsecureRequestWarning" not in run.stdout + run.stderr


def test_inventory_plugin_ca_path_or_no_verification_succeeds(tls_lab, runner, tmp_path):
    canary = ["00000000-00000000-00409DFF-FF%06X" % i for i in range(1, 6)]
    runs = {
        "ca_path": run_inventory(runner, tmp_path, "ca_path", {"ca_path": tls_lab.ca}),
        "no verify": run_inventory(runner, tmp_path, "no_verify", {"validate_certs": False}),
        "DRM_CA_PATH": run_inventory(runner, tmp_path, "env_ca", {}, env={"DRM_CA_PATH": tls_lab.ca}),
        "DRM_VALIDATE_CERTS": run_inventory(runner, tmp_path, "env_no_verify", {}, env={"DRM_VALIDATE_CERTS": "false"}),
    }
    for name, (proc, inventory) in runs.items():
        assert inventory_hosts(inventory) == canary, (name, proc.stderr)
    assert "InsecureRequestWarning" not in "".join(proc.stderr for proc, _inv in runs.values())
