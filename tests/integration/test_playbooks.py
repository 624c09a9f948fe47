# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shipped playbooks (playbooks/*.yml) run against the lab with survey-style string variables."""

from __future__ import annotations

import json

from conftest import REPO_ROOT

PLAYBOOKS = REPO_ROOT / "playbooks"


def test_send_message_and_jobs_report(lab, ansible, lab_delta):
    lab.reset()
    run = ansible.run_playbook(PLAYBOOKS / "send_message.yml", extra_vars={"message_tag": "demo"})
    summary = run.result("Send the message")["summary"]
    assert summary["targets"] == 50 and summary["failed"] == 5
    report = ansible.run_playbook(PLAYBOOKS / "jobs_report.yml", extra_vars={"report_states": "partial, succeeded"})
    assert len(report.result("Read the jobs")["ansible_facts"]["report_jobs"]) == 1
    assert "per state: {'partial': 1}" in report.stdout


def test_settings_drift_report_changes_nothing(lab, ansible, lab_delta):
    lab.reset()
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(PLAYBOOKS / "settings_drift.yml", extra_vars={
            "drift_tags": "canary", "drift_settings": json.dumps({"system": {"contact": "noc@example.com"}})})
    result = run.result("Compare current settings with the desired ones")
    assert len(result["changed_devices"]) == 5
    assert delta["submissions"] == {"send_message": 1}  # only the read-only query


def test_firmware_rollout_playbook(lab, ansible, tmp_path):
    lab.reset()
    image = tmp_path / "image.bin"
    image.write_text("version=2.1.0\n")
    run = ansible.run_playbook(PLAYBOOKS / "firmware_rollout.yml", extra_vars={
        "rollout_version": "2.1.0", "rollout_src": str(image), "rollout_groups": "fleet/lab",
        "rollout_canary_size": "2", "rollout_wave_percentage": "50"})
    summary = run.result("asyncjobs.fleet.firmware_rollout : Summarize the rollout")["ansible_facts"]["firmware_rollout_summary"]
    assert summary["failed"] == {} and len(summary["updated"]) == 30 and int(summary["waves_planned"]) == 3
