# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The firmware_rollout role against the lab."""

from __future__ import annotations

import pytest

ROLE = "asyncjobs.fleet.firmware_rollout : "

ROLLOUT = """
- name: Rollout
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Roll out
      ansible.builtin.include_role:
        name: asyncjobs.fleet.firmware_rollout
      vars:
        firmware_rollout_version: 2.1.0
        firmware_rollout_src: "{{ image }}"
        firmware_rollout_groups: ["{{ group }}"]
        firmware_rollout_wave_percentage: 25
        firmware_rollout_max_fail_percentage: "{{ budget }}"
        firmware_rollout_poll_interval: 0.2
"""


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "acme-2.1.0.bin"
    path.write_text("ACME firmware\nversion=2.1.0\n")
    return str(path)


def summary(run):
    return run.result(ROLE + "Summarize the rollout")["ansible_facts"]["firmware_rollout_summary"]


def test_rollout_in_waves_then_rerun_submits_nothing(lab, ansible, lab_delta, image):
    lab.reset()
    group = [d for d in lab.devices("drm") if d["grpPath"] == "fleet/lab"]
    online = sorted(d["devConnectwareId"] for d in group if d["online"])
    pb = ansible.playbook(ROLLOUT)
    with lab_delta("drm") as first:
        run = ansible.run_playbook(pb, extra_vars={"image": image, "group": "fleet/lab", "budget": 10})
    s = summary(run)
    assert s["updated"] == online and s["failed"] == {} and s["halted"] is False
    assert len(s["offline_not_attempted"]) == len(group) - len(online)
    assert int(s["at_version_now"]) == len(online)
    # canary of 1, then waves of ceil(25% of the pending devices)
    waves = 1 + -(-(len(online) - 1) // -(-len(online) * 25 // 100))
    assert int(s["waves_planned"]) == waves == first["submissions"]["update_firmware"]

    with lab_delta("drm") as second:
        again = ansible.run_playbook(pb, extra_vars={"image": image, "group": "fleet/lab", "budget": 10})
    s2 = summary(again)
    assert s2["updated"] == [] and int(s2["already_current"]) == len(online) and int(s2["waves_planned"]) == 0
    assert second["methods"]["POST"] == 0


def test_rollout_halts_when_the_failure_budget_is_exceeded(lab, ansible, lab_delta, image):
    lab.reset()
    devices = [d for d in lab.devices("drm") if d["grpPath"] == "fleet/north"]
    failing = sorted(d["devConnectwareId"] for d in devices if d["online"] and d["fails_firmware"])
    assert failing, "lab fleet rules changed"
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(ansible.playbook(ROLLOUT), expect_rc=2,
                                   extra_vars={"image": image, "group": "fleet/north", "budget": 10})
    s = summary(run)
    assert s["halted"] is True and set(s["failed"]) <= set(failing) and s["failed"]
    assert s["not_reached"], "later waves must not have run"
    assert delta["submissions"]["update_firmware"] < int(s["waves_planned"])
    assert "Rollout halted" in run.result(ROLE + "Stop when the failure budget was exceeded")["msg"]
