# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drm_devices inventory plugin against the lab, through ansible-inventory."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

from conftest import plain

INVENTORY = """
plugin: asyncjobs.fleet.drm_devices
page_size: 30
keyed_groups:
  - key: drm_group
    prefix: group
groups:
  offline: not drm_connected
compose:
  site: drm_tags | select('match', 'site-') | first
"""


def inventory(ansible, path):
    cmd = [str(pathlib.Path(sys.executable).parent / "ansible-inventory"), "-i", str(path), "--list"]
    proc = subprocess.run(cmd, env=ansible.environment(), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return plain(json.loads(proc.stdout))


def test_inventory_pages_groups_and_composes(lab, ansible, lab_delta, tmp_path):
    lab.reset()
    devices = lab.devices("drm")
    path = tmp_path / "fleet.drm_devices.yml"
    path.write_text(INVENTORY)
    with lab_delta("drm") as delta:
        data = inventory(ansible, path)
    hostvars = data["_meta"]["hostvars"]
    assert len(hostvars) == len(devices) == 100
    assert delta["requests"]["GET /ws/DeviceCore"] == 4  # 100 devices in pages of 30
    offline = sorted(d["devConnectwareId"] for d in devices if not d["online"])
    assert sorted(data["offline"]["hosts"]) == offline
    north = sorted(d["devConnectwareId"] for d in devices if d["grpPath"] == "fleet/north")
    assert sorted(data["group_fleet_north"]["hosts"]) == north
    first = hostvars[devices[0]["devConnectwareId"]]
    assert first["site"] == "site-a" and first["ansible_connection"] == "local"
    assert first["drm_firmware"] == devices[0]["dpFirmwareLevelDesc"] and first["drm_tags"][0] == "site-a"


def test_inventory_filters_and_cache(lab, ansible, lab_delta, tmp_path):
    lab.reset()
    path = tmp_path / "canary.drm_devices.yml"
    path.write_text(
        "plugin: asyncjobs.fleet.drm_devices\n"
        "device_tags: [canary]\n"
        "connected_only: true\n"
        "cache: true\n"
        "cache_plugin: ansible.builtin.jsonfile\n"
        f"cache_connection: {tmp_path / 'cache'}\n"
        "cache_timeout: 600\n")
    with lab_delta("drm") as first:
        data = inventory(ansible, path)
    assert len(data["_meta"]["hostvars"]) == 5
    assert first["requests"]["GET /ws/DeviceCore"] == 1
    with lab_delta("drm") as second:
        again = inventory(ansible, path)
    assert again["_meta"]["hostvars"] == data["_meta"]["hostvars"]
    assert second["requests"].get("GET /ws/DeviceCore", 0) == 0  # served from the cache


PER_HOST = """
- name: Per host
  hosts: all
  gather_facts: false
  tasks:
    - name: Submit per host
      asyncjobs.fleet.drm_firmware_update:
        devices: ["{{ drm_device_id }}"]
        version: 2.1.0
        src: "{{ image }}"
        wait: false
      register: submitted

    - name: Wait once
      asyncjobs.fleet.job_wait:
        api: drm
        job_ids: "{{ ansible_play_hosts | map('extract', hostvars, ['submitted', 'job_ids']) | flatten }}"
        poll_interval: 0.2
      run_once: true
"""


def test_per_host_submissions_then_one_wait(lab, ansible, lab_delta, tmp_path):
    """The README's per-host pattern, with hosts from the inventory plugin."""
    lab.reset()
    inv = tmp_path / "canary.drm_devices.yml"
    inv.write_text("plugin: asyncjobs.fleet.drm_devices\ndevice_tags: [canary]\nconnected_only: true\n")
    image = tmp_path / "image.bin"
    image.write_text("version=2.1.0\n")
    pb = ansible.playbook(PER_HOST)
    cmd_env = ansible.environment()
    record = tmp_path / "results.json"
    cmd_env["ASYNCJOBS_RECORD_RESULTS"] = str(record)
    with lab_delta("drm") as delta:
        proc = subprocess.run([str(pathlib.Path(sys.executable).parent / "ansible-playbook"), "-i", str(inv), str(pb),
                               "-e", "image=%s" % image], env=cmd_env, capture_output=True, text=True, timeout=300,
                              check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert delta["submissions"]["update_firmware"] == 5
    wait = next(r["result"] for r in json.loads(record.read_text()) if r["task"] == "Wait once")
    assert wait["states"] == {"succeeded": 5}
    # Per host an in-flight check before submitting and a duplicate check after it, then one
    # request per poll round for all five jobs, then one read of each finished job's results.
    reads = delta["requests"].get("GET /ws/sci", 0) + delta["requests"].get("GET /ws/sci/{id}", 0)
    assert reads == 5 * 2 + wait["polls"] + 5
    assert sum(1 for d in lab.devices("drm") if d["dpFirmwareLevelDesc"] == "2.1.0") == 5


CONNECTION_VARIABLES = {"url": "DRM_URL", "username": "DRM_USERNAME", "password": "DRM_PASSWORD",
                        "api_key_id": "DRM_API_KEY_ID", "api_key_secret": "DRM_API_KEY_SECRET",
                        "validate_certs": "DRM_VALIDATE_CERTS", "ca_path": "DRM_CA_PATH", "timeout": "DRM_TIMEOUT"}


def test_inventory_connection_options_document_their_variables(ansible):
    """The DRM_* fallbacks are env: entries of the plugin's options, as ansible-doc shows them."""
    cmd = [str(pathlib.Path(sys.executable).parent / "ansible-doc"), "-t", "inventory", "--json",
           "asyncjobs.fleet.drm_devices"]
    proc = subprocess.run(cmd, env=ansible.environment(), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    options = json.loads(proc.stdout)["asyncjobs.fleet.drm_devices"]["doc"]["options"]
    assert {name: options[name].get("env") for name in CONNECTION_VARIABLES} == \
        {name: [{"name": variable}] for name, variable in CONNECTION_VARIABLES.items()}
    # Described by the modules' connection fragment; validate_certs is checked by the plugin (see below).
    assert options["url"]["description"] and options["validate_certs"]["type"] == "raw"


def test_inventory_refuses_a_validate_certs_typo_and_empty_variables(lab, ansible, lab_delta, tmp_path):
    """Ansible's bool would read "flase" as false and turn verification off: the plugin refuses it.
    An empty variable counts as unset, as it does for the modules."""
    path = tmp_path / "fleet.drm_devices.yml"
    path.write_text("plugin: asyncjobs.fleet.drm_devices\n")
    cmd = [str(pathlib.Path(sys.executable).parent / "ansible-inventory"), "-i", str(path), "--list"]
    for extra, message in (({"DRM_VALIDATE_CERTS": "flase"},
                            "validate_certs (or DRM_VALIDATE_CERTS) must be true or false, got 'flase'"),
                           ({"DRM_PASSWORD": ""},
                            "username and password must be given together (options or DRM_USERNAME/DRM_PASSWORD)")):
        env = ansible.environment()
        env.update(extra, ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
        with lab_delta("drm") as delta:
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode != 0 and "asyncjobs.fleet.drm_devices: " + message in proc.stderr, proc.stderr
        assert sum(delta["requests"].values()) == 0
