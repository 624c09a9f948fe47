# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Secrets never leave the task: not in output at -vvvv, results, logs, caches or temp files.

A dedicated lab runs with distinctive credentials. Passwords and API secrets reach the
collection through every channel (module options, <API>_PASSWORD environment variables,
module_defaults, lookup arguments, the drm_devices inventory file), both right ones and
distinct wrong ones, in tasks that succeed and tasks that fail: 401s, a server that echoes
the request (credentials and Authorization header included) in its error, and a read
timeout. Every secret, its Basic ``user:password`` base64 form and its hex SHA-1 (the key that
signs RPC requests, which the RPC lab's echo names), is then searched for in
stdout/stderr, the recorded results, the ANSIBLE_LOG_PATH log, the inventory cache and every
file written under the test's directories and ~/.ansible/tmp during the run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import time

import pytest

from conftest import AnsibleRunner, private_lab

USER = "zebra-ops"
LAB_PASSWORD = "S3cr3t-Zebra-91!"
KEY_ID = "okapi-key"
KEY_SECRET = "K3y-Okapi-Secr3t-42!"
# One wrong secret per API and channel, so a leak names its own path.
WRONG = {
    "drm_option": "Wr0ng-Drm-Opt-11!",
    "drm_key_option": "Wr0ng-Drm-Key-12!",
    "powerstore_env": "Wr0ng-Ps-Env-22!",
    "aiqum_defaults": "Wr0ng-Aq-Def-33!",
    "rpc_lookup": "Wr0ng-Rpc-Lkp-44!",
    "generic_option": "Wr0ng-Gen-Opt-55!",
    "generic_header": "T0ken-Gen-Hdr-66!",
    "inventory_config": "Wr0ng-Inv-Cfg-77!",
    "drm_env_module": "Wr0ng-Drm-Env-88!",
    "rpc_option": "Wr0ng-Rpc-Opt-99!",
}
SECRETS = [LAB_PASSWORD, KEY_SECRET] + list(WRONG.values())
DEVICE = "00000000-00000000-00409DFF-FF000001"
QUERY = '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'


def forms(secret, users=(USER, "admin")):
    """The secret, the Basic tokens a server might echo back, and the RPC signing key (its hex SHA-1)."""
    out = [secret, hashlib.sha1(secret.encode()).hexdigest()]
    for user in users:
        out.append(base64.b64encode(("%s:%s" % (user, secret)).encode()).decode())
    return out


ALL_FORMS = [f for s in SECRETS for f in forms(s)]


@pytest.fixture(scope="module")
def secret_lab(tmp_path_factory):
    with private_lab(tmp_path_factory, "secret-lab", devices=12, time_scale=0.25, username=USER,
                     password=LAB_PASSWORD, api_key_id=KEY_ID, api_key_secret=KEY_SECRET) as instance:
        yield instance


PLAYBOOK = """
- name: Secrets through every channel
  hosts: localhost
  gather_facts: false
  vars:
    generic: "{{ lab_urls.generic }}"
  tasks:
    - name: drm options, right password, server echoes the request
      asyncjobs.fleet.drm_send_message:
        url: "{{ lab_urls.drm }}"
        username: "%(user)s"
        password: "{{ s.lab }}"
        devices: ["%(device)s"]
        payload: '%(query)s'
      ignore_errors: true

    - name: drm options, wrong password
      asyncjobs.fleet.drm_device_info:
        url: "{{ lab_urls.drm }}"
        username: "%(user)s"
        password: "{{ s.drm_option }}"
      ignore_errors: true

    - name: drm api key options, right secret, echoed
      asyncjobs.fleet.drm_send_message:
        url: "{{ lab_urls.drm }}"
        api_key_id: "%(key_id)s"
        api_key_secret: "{{ s.key }}"
        devices: ["%(device)s"]
        payload: '%(query)s'
      ignore_errors: true

    - name: drm api key options, wrong secret
      asyncjobs.fleet.drm_device_info:
        url: "{{ lab_urls.drm }}"
        api_key_id: "%(key_id)s"
        api_key_secret: "{{ s.drm_key_option }}"
      ignore_errors: true

    - name: drm api key, right secret, succeeds
      asyncjobs.fleet.drm_device_info:
        url: "{{ lab_urls.drm }}"
        api_key_id: "%(key_id)s"
        api_key_secret: "{{ s.key }}"
        devices: ["%(device)s"]
      register: drm_ok

    - name: powerstore environment, right password, login echoed
      asyncjobs.fleet.powerstore_volume_group:
        name: vg-secrets
        state: absent
      environment:
        POWERSTORE_URL: "{{ lab_urls.powerstore }}"
        POWERSTORE_USERNAME: "%(user)s"
        POWERSTORE_PASSWORD: "{{ s.lab }}"
      ignore_errors: true

    - name: powerstore environment, wrong password
      asyncjobs.fleet.job_info:
        api: powerstore
      environment:
        POWERSTORE_URL: "{{ lab_urls.powerstore }}"
        POWERSTORE_USERNAME: "%(user)s"
        POWERSTORE_PASSWORD: "{{ s.powerstore_env }}"
      ignore_errors: true

    - name: module_defaults blocks
      module_defaults:
        group/asyncjobs.fleet.aiqum:
          url: "{{ lab_urls.aiqum }}"
          username: "%(user)s"
          password: "{{ s.lab }}"
      block:
        - name: aiqum module_defaults, right password, svm read echoed
          asyncjobs.fleet.aiqum_file_share:
            name: share_secrets
            svm: svm_nfs_a
            size: 1GiB
          ignore_errors: true

        - name: aiqum module_defaults, right password, succeeds
          asyncjobs.fleet.job_info:
            api: aiqum
            state: [failed]

        - name: aiqum module_defaults overridden by a wrong password
          asyncjobs.fleet.job_info:
            api: aiqum
            password: "{{ s.aiqum_defaults }}"
          ignore_errors: true

    - name: rpc lookup, right password, listing echoed
      ansible.builtin.debug:
        msg: "{{ query('asyncjobs.fleet.jobs', api='rpc', url=lab_urls.rpc, username='%(user)s', password=s.lab) }}"
      ignore_errors: true

    - name: rpc lookup, wrong password
      ansible.builtin.debug:
        msg: "{{ query('asyncjobs.fleet.jobs', api='rpc', url=lab_urls.rpc, username='%(user)s', password=s.rpc_lookup) }}"
      ignore_errors: true

    - name: rpc_call environment, right password, listing echoed with the stored key
      asyncjobs.fleet.rpc_call:
        function: storage.Disks.run_smart_test
        arguments:
          slot_id: 1
      environment:
        RPC_URL: "{{ lab_urls.rpc }}"
        RPC_USERNAME: "%(user)s"
        RPC_PASSWORD: "{{ s.lab }}"
      ignore_errors: true

    - name: rpc_call options, wrong password
      asyncjobs.fleet.rpc_call:
        url: "{{ lab_urls.rpc }}"
        username: "%(user)s"
        password: "{{ s.rpc_option }}"
        function: system.System.get_infos
        asynchronous: false
      ignore_errors: true

    - name: async_request, wrong password and a secret header
      asyncjobs.fleet.async_request:
        url: "{{ generic }}/azure/widgets"
        url_username: "%(user)s"
        url_password: "{{ s.generic_option }}"
        headers:
          X-Api-Token: "{{ s.generic_header }}"
      ignore_errors: true

    - name: async_request, right password, submission echoed
      asyncjobs.fleet.async_request:
        url: "{{ generic }}/location/jobs"
        method: POST
        body_format: json
        body: {"name": "w-secret"}
        url_username: "%(user)s"
        url_password: "{{ s.lab }}"
      ignore_errors: true

    - name: async_request, right password, read timeout
      asyncjobs.fleet.async_request:
        url: "{{ generic }}/prefer/reports"
        method: POST
        body_format: json
        body: {"name": "r-secret"}
        url_username: "%(user)s"
        url_password: "{{ s.lab }}"
        timeout: 1
      ignore_errors: true

    - name: module path (remote connection), environment, wrong password
      asyncjobs.fleet.drm_device_info:
      vars:
        ansible_connection: remote_local
      environment:
        DRM_URL: "{{ lab_urls.drm }}"
        DRM_USERNAME: "%(user)s"
        DRM_PASSWORD: "{{ s.drm_env_module }}"
      ignore_errors: true

    - name: module path (remote connection), options, right password echoed
      asyncjobs.fleet.drm_send_message:
        url: "{{ lab_urls.drm }}"
        username: "%(user)s"
        password: "{{ s.lab }}"
        devices: ["%(device)s"]
        payload: '%(query)s'
      vars:
        ansible_connection: remote_local
      ignore_errors: true
""" % {"user": USER, "device": DEVICE, "query": QUERY, "key_id": KEY_ID}

INVENTORY = """
plugin: asyncjobs.fleet.drm_devices
url: %(url)s
username: %(user)s
password: "%(password)s"
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: %(cache)s
"""

ECHO_FAULTS = {
    "drm": [{"route": "^/ws/sci$", "method": "POST", "kinds": ["echo"]}],
    "powerstore": [{"route": "login_session", "kinds": ["echo"]}],
    "aiqum": [{"route": "/datacenter/svm/", "kinds": ["echo"]}],
    "rpc": [{"route": "get_jobs_list", "kinds": ["echo"]}],
    "generic": [{"route": "^/location/jobs$", "method": "POST", "kinds": ["echo"]},
                {"route": "^/prefer/reports$", "method": "POST", "kinds": ["slow"], "slow_seconds": 3}],
}


def _written_files(roots, since, inputs):
    for root in roots:
        # os.walk skips a directory that vanishes while it is listed (another run's, or the other
        # pytest-xdist worker's ansible-local-* in ~/.ansible/tmp); Path.rglob raised instead.
        for folder, _dirs, names in os.walk(str(root)):
            for name in names:
                path = pathlib.Path(folder) / name
                try:
                    if path.is_file() and path not in inputs and path.stat().st_mtime >= since:
                        yield path, path.read_text(errors="replace")
                except FileNotFoundError:  # another run's temporary file, already removed
                    continue


def _leaks(text):
    return sorted({f for f in ALL_FORMS if f in text})


def test_no_secret_anywhere_at_vvvv(secret_lab, tmp_path):
    start = time.time() - 1
    secret_lab.reset()
    for app, rules in ECHO_FAULTS.items():
        secret_lab.faults(rules, appliance=app)
    log = tmp_path / "ansible.log"
    env = {"ANSIBLE_LOG_PATH": str(log), "ANSIBLE_LOCAL_TEMP": str(tmp_path / "local-tmp"),
           "ANSIBLE_REMOTE_TEMP": str(tmp_path / "remote-tmp")}
    for prefix in ("DRM", "POWERSTORE", "AIQUM", "RPC", "GENERIC"):
        for name in ("URL", "USERNAME", "PASSWORD"):
            env["%s_%s" % (prefix, name)] = None  # only the channels under test
    runner = AnsibleRunner(tmp_path / "work", {})
    runner.workdir.mkdir()
    path = runner.playbook(PLAYBOOK, name="secrets.yml")
    secrets = dict(WRONG, lab=LAB_PASSWORD, key=KEY_SECRET)
    run = runner.run_playbook(path, extra_vars={"lab_urls": secret_lab.urls, "s": secrets}, env=env,
                              verbosity=4, expect_rc=0)

    # The channels really carried the secrets: the right ones worked, the wrong ones were refused,
    # and the echoing server really sent them back.
    assert run.status("drm api key, right secret, succeeds") == "ok", run.describe()
    assert run.result("drm api key, right secret, succeeds")["devices"][0]["id"] == DEVICE
    assert run.status("aiqum module_defaults, right password, succeeds") == "ok"
    for task in ("drm options, wrong password", "drm api key options, wrong secret",
                 "aiqum module_defaults overridden by a wrong password", "rpc_call options, wrong password",
                 "module path (remote connection), environment, wrong password"):
        assert "401" in run.result(task)["msg"], (task, run.result(task))
    basic_echo, key_echo = "with password ********", '"api_key_secret": "********"'
    echoed = {"drm options, right password, server echoes the request": basic_echo,
              "drm api key options, right secret, echoed": key_echo,
              "powerstore environment, right password, login echoed": basic_echo,
              "powerstore environment, wrong password": basic_echo,
              "aiqum module_defaults, right password, svm read echoed": basic_echo,
              "async_request, right password, submission echoed": basic_echo,
              "module path (remote connection), options, right password echoed": basic_echo}
    for task, censored in echoed.items():
        assert run.status(task) == "failed" and censored in run.result(task)["msg"], (task, run.result(task))
    assert "read timeout" in run.result("async_request, right password, read timeout")["msg"]
    # The RPC service stores the hex SHA-1 of the password, which signs as well as the password: a
    # server naming it (rpc_call, and the lookup's echoed failure) has it censored.
    stored_key = "signature check with key ******** failed"
    assert stored_key in run.result("rpc_call environment, right password, listing echoed with the stored key")["msg"]
    assert stored_key in run.stdout
    assert "with password ********" in run.stdout
    # An echoed request signature (replayable while the service accepts its date) is censored too.
    signed = re.findall(r"HMAC-SHA1-DATE [A-Za-z0-9+/=]+:([^\s\"',\\]+)", run.stdout + run.stderr + log.read_text())
    assert signed and set(signed) == {"********"}, signed
    injected = {app: secret_lab.stats(app)["faults"]["injected"] for app in ECHO_FAULTS}
    assert all(injected[app].get("echo") for app in ECHO_FAULTS), injected

    # The inventory plugin: a failing config (echoed DeviceCore) and a working, cached one.
    inv_env = runner.environment(env)
    inventory_runs = []
    for name, password, faults in (("bad", WRONG["inventory_config"], [{"route": "DeviceCore", "kinds": ["echo"]}]),
                                   ("good", LAB_PASSWORD, [])):
        secret_lab.faults(faults, appliance="drm")
        config = tmp_path / ("%s.drm_devices.yml" % name)
        config.write_text(INVENTORY % {"url": secret_lab.urls["drm"], "user": USER, "password": password,
                                       "cache": tmp_path / "inventory-cache"})
        cmd = [str(pathlib.Path(sys.executable).parent / "ansible-inventory"), "-i", str(config), "--list", "-vvvv",
               "--output", str(tmp_path / ("%s-inventory.json" % name))]
        proc = subprocess.run(cmd, env=inv_env, capture_output=True, text=True, timeout=120, check=False)
        inventory_runs.append((config, proc))
    assert "with password ********" in inventory_runs[0][1].stdout + inventory_runs[0][1].stderr
    assert DEVICE in (tmp_path / "good-inventory.json").read_text(), inventory_runs[1][1].stderr
    cache_files = list((tmp_path / "inventory-cache").iterdir())
    assert cache_files and DEVICE in cache_files[0].read_text()

    texts = {"stdout": run.stdout, "stderr": run.stderr, "results": json.dumps(run.results)}
    for config, proc in inventory_runs:
        texts["inventory %s stdout" % config.name] = proc.stdout
        texts["inventory %s stderr" % config.name] = proc.stderr
    inputs = {path, *runner.workdir.glob("extra-vars-*.json"), *(c for c, _p in inventory_runs)}
    home_tmp = pathlib.Path(os.path.expanduser("~/.ansible/tmp"))
    scanned = dict(_written_files([tmp_path, home_tmp], start, inputs))
    assert log in scanned and any(p.parent.name == "inventory-cache" for p in scanned)
    assert "ESTABLISH LOCAL CONNECTION" in scanned[log]  # the log really holds the -vvvv output
    for file, text in scanned.items():
        texts[str(file)] = text
    leaks = {where: _leaks(text) for where, text in texts.items() if _leaks(text)}
    assert not leaks, leaks
