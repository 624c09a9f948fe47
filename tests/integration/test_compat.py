# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Smoke of the collection on each ansible-core it claims (meta/runtime.yml: >=2.16).

One playbook run per ansible-core: a play per API (submit and wait), the jobs lookup, and the
drm_devices inventory through ``ansible-inventory --list``. By default the venv's ansible-core;
``make compat`` runs it on 2.16, 2.17 and 2.18 too (see cores.py and tests/compat/).
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import REPO_ROOT, AnsibleRunner, _lab_connection_env
from cores import check_core, core_params

PLAYBOOK = """
- name: Remote Manager
  hosts: localhost
  gather_facts: false
  tasks:
    - name: DRM firmware
      asyncjobs.fleet.drm_firmware_update:
        devices: ["{{ device }}"]
        version: 2.1.0
        src: "{{ image }}"
        poll_interval: 0.2

    - name: DRM jobs lookup
      ansible.builtin.set_fact:
        drm_jobs: "{{ query('asyncjobs.fleet.jobs', api='drm', operation='update_firmware') }}"

- name: module_defaults for two APIs
  hosts: localhost
  gather_facts: false
  # Ansible merges both groups into job_info's options, PowerStore's url winning (listed last);
  # the action plugin must give job_info api=drm its own group's url on every ansible-core.
  module_defaults:
    group/asyncjobs.fleet.drm:
      url: "{{ lookup('ansible.builtin.env', 'DRM_URL') }}"
    group/asyncjobs.fleet.powerstore:
      url: "{{ lookup('ansible.builtin.env', 'POWERSTORE_URL') }}"
  tasks:
    - name: DRM jobs through module_defaults
      asyncjobs.fleet.job_info:
        api: drm
        operation: update_firmware

- name: PowerStore
  hosts: localhost
  gather_facts: false
  tasks:
    - name: PowerStore volume group
      asyncjobs.fleet.powerstore_volume_group:
        name: vg-compat
        description: Compat smoke
        protection_policy: bronze-protection
        poll_interval: 0.2

- name: AIQUM
  hosts: localhost
  gather_facts: false
  tasks:
    - name: AIQUM file share
      asyncjobs.fleet.aiqum_file_share:
        name: compat_share
        svm: svm_nfs_a
        size: 10GiB
        export_policy_rules:
          - clients: [10.20.0.0/16]
        poll_interval: 0.2

- name: RPC
  hosts: localhost
  gather_facts: false
  tasks:
    - name: RPC call
      asyncjobs.fleet.rpc_call:
        function: storage.Disks.run_smart_test
        arguments:
          slot_id: 1
        poll_interval: 0.1
        max_poll_interval: 0.5
"""


@pytest.fixture(params=core_params())
def core(request):
    return check_core(request.param)


def test_smoke_every_api_lookup_and_inventory(lab, core, tmp_path):
    lab.reset()
    for appliance in ("powerstore", "aiqum", "rpc"):
        lab.reset(appliance)
    runner = AnsibleRunner(tmp_path, _lab_connection_env(lab), bin_dir=core)
    device = next(d["devConnectwareId"] for d in lab.devices("drm") if d["online"])
    image = tmp_path / "image.bin"
    image.write_text("version=2.1.0\n")
    run = runner.run_playbook(runner.playbook(PLAYBOOK), extra_vars={"device": device, "image": str(image)})
    for task in ("DRM firmware", "PowerStore volume group", "AIQUM file share", "RPC call"):
        assert run.status(task) == "changed", run.describe()
    drm = run.result("DRM firmware")
    assert [(j["id"], j["state"]) for j in drm["jobs"]] == [(drm["job_ids"][0], "succeeded")], drm
    assert lab.device(device)["dpFirmwareLevelDesc"] == "2.1.0"
    assert run.result("PowerStore volume group")["job"]["state"] == "succeeded"
    assert run.result("AIQUM file share")["outcome"] == "succeeded"
    assert run.result("RPC call")["job"]["state"] == "succeeded"
    assert [j["id"] for j in run.result("DRM jobs through module_defaults")["jobs"]] == drm["job_ids"]
    looked_up = run.result("DRM jobs lookup")["ansible_facts"]["drm_jobs"]
    assert [(j["id"], j["state"]) for j in looked_up] == [(drm["job_ids"][0], "succeeded")]

    inventory = tmp_path / "fleet.drm_devices.yml"
    inventory.write_text("plugin: asyncjobs.fleet.drm_devices\nkeyed_groups:\n  - key: drm_firmware\n    prefix: firmware\n")
    proc = subprocess.run([runner.tool("ansible-inventory"), "-i", str(inventory), "--list"], env=runner.environment(),
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    listed = json.loads(proc.stdout)
    assert len(listed["_meta"]["hostvars"]) == len(lab.devices("drm"))
    assert listed["firmware_2_1_0"]["hosts"] == [device]


def recap(stdout):
    """{host: failed count} from ansible-playbook's PLAY RECAP."""
    rows = re.findall(r"^(\S+)\s+:\s+ok=\d+.*?\bfailed=(\d+)", stdout, re.M)
    return {host: int(failed) for host, failed in rows}


def test_failed_devices_are_failed_hosts(lab, core, tmp_path):
    """The rollout role over device hosts, then the play that marks them, on every ansible-core:
    exactly the offline and the rejecting devices end as failed hosts (the play recap AWX reads)."""
    lab.reset()
    north = [d for d in lab.devices("drm") if d["grpPath"] == "fleet/north"]
    good = [d["devConnectwareId"] for d in north if d["online"] and not d["fails_firmware"]][:2]
    offline = next(d["devConnectwareId"] for d in north if not d["online"])
    rejecting = next(d["devConnectwareId"] for d in north if d["online"] and d["fails_firmware"])
    inventory = tmp_path / "devices.yml"
    inventory.write_text(json.dumps({"all": {"vars": {"ansible_connection": "local"},
                                             "hosts": {h: {} for h in good + [offline, rejecting]}}}))
    image = tmp_path / "image.bin"
    image.write_text("version=2.1.0\n")
    runner = AnsibleRunner(tmp_path, _lab_connection_env(lab), bin_dir=core)
    cmd = [runner.tool("ansible-playbook"), "-i", str(inventory), str(REPO_ROOT / "playbooks" / "firmware_rollout_hosts.yml"),
           "-e", json.dumps({"rollout_version": "2.1.0", "rollout_src": str(image), "rollout_canary_size": 0,
                             "rollout_wave_percentage": 100, "rollout_max_fail_percentage": 100})]
    proc = subprocess.run(cmd, env=runner.environment(), capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    failed = {host for host, count in recap(proc.stdout).items() if count}
    assert failed == {offline, rejecting}, proc.stdout
    assert "image rejected by device (2105)" in proc.stdout and "offline: not connected" in proc.stdout
    assert all(lab.device(d)["dpFirmwareLevelDesc"] == "2.1.0" for d in good)
