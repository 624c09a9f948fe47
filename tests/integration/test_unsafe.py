# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Values from a manager never run as templates on the controller (issue 12, item 1).

A device whose DeviceCore description, group or location holds ``{{ lookup('pipe', 'touch M') }}``
must not create M: not while ``ansible-inventory`` builds keyed_groups, compose and groups (the
plugin's own EXAMPLES), not in a play that reads its host variables, and not when a task reads a
module's result or the jobs lookup's (even with ``allow_unsafe=True``). Before ansible-core 2.19 a
plain string is templated whenever it is read, so the plugins must mark manager values unsafe;
these tests run on the venv's ansible-core and, under ``make compat``, on 2.16, 2.17 and 2.18
(see cores.py).
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import AnsibleRunner, _lab_connection_env, plain
from cores import check_core, core_params
from hostile_server import HostileServer

# The plugin's EXAMPLES (keyed_groups, groups, compose), plus compose reading the free-text fields.
INVENTORY = """
plugin: asyncjobs.fleet.drm_devices
keyed_groups:
  - key: drm_group
    prefix: group
  - key: drm_firmware
    prefix: firmware
groups:
  offline: not drm_connected
  described: drm_description != ''
compose:
  site: drm_tags | select('match', 'site-') | first
  summary: drm_description ~ ' @ ' ~ drm_location
"""

PLAY = """
- name: Read the hostile device's data
  hosts: all
  gather_facts: false
  tasks:
    - name: Host variables and composed ones
      ansible.builtin.debug:
        msg: "{{ drm_description }} {{ drm_group }} {{ drm_location }} {{ summary }} {{ group_names }}"

    - name: All of its hostvars
      ansible.builtin.debug:
        msg: "{{ hostvars[inventory_hostname] }}"

    - name: Copied by set_fact, then read
      ansible.builtin.set_fact:
        copied: "{{ drm_description }}"

    - name: Read the copy
      ansible.builtin.debug:
        msg: "{{ copied }}"

    - name: A module's result carrying the device's description
      asyncjobs.fleet.drm_device_info:
        devices: ["{{ inventory_hostname }}"]
      register: info

    - name: Read the registered result
      ansible.builtin.debug:
        msg: "{{ info.devices[0].description }} {{ info }}"

    - name: A query job whose per-device reply carries a device setting
      asyncjobs.fleet.drm_settings:
        devices: ["{{ inventory_hostname }}"]
        settings:
          system:
            contact: noc@example.com
      check_mode: true
      register: settings_query

    # The job id is written out: a registered (unsafe) value in the expression would make
    # ansible-core < 2.19 mark the whole result unsafe and hide what the lookup returns.
    - name: The lookup's result, allowed to be unsafe, stored as a fact
      ansible.builtin.set_fact:
        looked_up: "{{ query('asyncjobs.fleet.jobs', '600001', allow_unsafe=True) }}"

    - name: Read the stored lookup result
      ansible.builtin.debug:
        msg: "{{ looked_up }}"
"""


@pytest.fixture(params=core_params())
def core(request):
    return check_core(request.param)


def payload(marker):
    return "{{ lookup('pipe', 'touch %s') }}" % marker


def hostile_device(lab, tmp_path):
    """Give the lab's first device hostile free-text fields; return its id and the marker files."""
    device = lab.devices("drm")[0]["devConnectwareId"]
    markers = {name: tmp_path / ("pwned-" + name) for name in ("description", "group", "location", "setting")}
    lab.set_device(device, "drm", dpDescription=payload(markers["description"]),
                   grpPath="evil/" + payload(markers["group"]), dpLocation=payload(markers["location"]),
                   settings={"system": {"description": payload(markers["setting"])}})
    return device, markers


def fired(markers):
    return sorted(name for name, path in markers.items() if path.exists())


def run(runner, *args):
    proc = subprocess.run([str(a) for a in args], env=runner.environment(), cwd=runner.workdir, capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, "%s -> rc %s\n%s\n%s" % (args, proc.returncode, proc.stdout, proc.stderr)
    return proc


def test_inventory_does_not_template_device_data(lab, core, tmp_path):
    """--graph and --list with keyed_groups, groups and compose over hostile DeviceCore fields."""
    lab.reset()
    device, markers = hostile_device(lab, tmp_path)
    runner = AnsibleRunner(tmp_path, _lab_connection_env(lab), bin_dir=core)
    inventory = tmp_path / "fleet.drm_devices.yml"
    inventory.write_text(INVENTORY)
    run(runner, runner.tool("ansible-inventory"), "-i", inventory, "--graph")
    assert fired(markers) == [], "ansible-inventory --graph ran device data as a template"
    listed = json.loads(run(runner, runner.tool("ansible-inventory"), "-i", inventory, "--list").stdout)
    assert fired(markers) == [], "ansible-inventory --list ran device data as a template"
    # The values arrive verbatim: marked, not templated and not dropped.
    hostvars = plain(listed["_meta"]["hostvars"][device])
    assert hostvars["drm_description"] == payload(markers["description"])
    assert hostvars["summary"] == payload(markers["description"]) + " @ " + payload(markers["location"])
    assert device in listed["described"]["hosts"]


def test_play_does_not_template_device_data(lab, core, tmp_path):
    """Host variables, a registered module result and the jobs lookup, read by tasks."""
    lab.reset()
    device, markers = hostile_device(lab, tmp_path)
    runner = AnsibleRunner(tmp_path, _lab_connection_env(lab), bin_dir=core)
    inventory = tmp_path / "fleet.drm_devices.yml"
    inventory.write_text(INVENTORY)
    playbook = runner.playbook(PLAY)
    record = tmp_path / "results.json"
    env = runner.environment({"ASYNCJOBS_RECORD_RESULTS": str(record)})
    proc = subprocess.run([runner.tool("ansible-playbook"), "-i", str(inventory), "--limit", device, str(playbook)],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert fired(markers) == [], proc.stdout
    results = {r["task"]: r["result"] for r in json.loads(record.read_text())}
    # lab.reset() restarts job ids at 600001: the play's lookup reads the query job.
    assert results["A query job whose per-device reply carries a device setting"]["query_job_id"] == "600001"
    # Each read really saw the hostile text (so the test would notice if it were templated).
    assert results["Read the copy"]["msg"] == payload(markers["description"])
    assert payload(markers["description"]) in results["Read the registered result"]["msg"]
    assert payload(markers["setting"]) in str(results["Read the stored lookup result"]["msg"])


def test_hostile_device_id_is_not_a_host(core, tmp_path):
    """A DeviceCore id holding a template never becomes a host name (nor reaches a template)."""
    marker = tmp_path / "pwned-id"
    good = {"id": {"devId": 1, "devVersion": 0}, "devConnectwareId": "00000000-00000000-00409DFF-FF000001",
            "dpConnectionStatus": "1", "dpTags": "", "grpPath": "", "dpDescription": ""}
    bad = dict(good, id={"devId": 2, "devVersion": 0}, devConnectwareId=payload(marker))
    with HostileServer() as manager:
        manager.route("GET", r"^/ws/DeviceCore$", lambda req: {"resultSize": "2", "requestedSize": "1000",
                                                               "remainingSize": "0", "items": [good, bad]})
        runner = AnsibleRunner(tmp_path, {"DRM_URL": manager.url(), "DRM_USERNAME": "u", "DRM_PASSWORD": "p"},
                               bin_dir=core)
        inventory = tmp_path / "fleet.drm_devices.yml"
        inventory.write_text(INVENTORY)
        listed = json.loads(run(runner, runner.tool("ansible-inventory"), "-i", inventory, "--list").stdout)
        playbook = runner.playbook("- hosts: all\n  gather_facts: false\n  tasks:\n"
                                   "    - ansible.builtin.debug:\n        msg: '{{ inventory_hostname }} {{ groups }}'\n")
        run(runner, runner.tool("ansible-playbook"), "-i", inventory, playbook)
    assert sorted(listed["_meta"]["hostvars"]) == [good["devConnectwareId"]]
    assert not marker.exists()
