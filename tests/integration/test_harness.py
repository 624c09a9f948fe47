# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Self-test of the integration harness (conftest.py); needs no lab."""

from __future__ import annotations

import pytest

PLAYBOOK = """
- name: Harness self-test
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Set a fact
      ansible.builtin.set_fact:
        answer: "{{ 40 + 2 }}"

    - name: Show the fact
      ansible.builtin.debug:
        msg: "answer={{ answer }} greeting={{ greeting | default('none') }}"

    - name: Report a change
      ansible.builtin.command: "true"
      changed_when: true

    - name: Skip this
      ansible.builtin.debug:
        msg: never
      when: false

    - name: Read the environment
      ansible.builtin.debug:
        msg: "{{ lookup('ansible.builtin.env', 'HARNESS_PROBE') }}"
"""


def test_records_results(ansible):
    run = ansible.run_playbook(ansible.playbook(PLAYBOOK), extra_vars={"greeting": "hi"}, env={"HARNESS_PROBE": "probe-value"})

    assert run.rc == 0
    assert run.result("Set a fact")["ansible_facts"] == {"answer": 42}
    assert run.result("Show the fact")["msg"] == "answer=42 greeting=hi"
    assert run.status("Set a fact") == "ok"
    assert run.status("Report a change") == "changed"
    assert run.status("Skip this") == "skipped"
    assert run.result("Read the environment")["msg"] == "probe-value"
    assert [r["task"] for r in run.results] == [
        "Set a fact", "Show the fact", "Report a change", "Skip this", "Read the environment",
    ]
    assert "PLAY RECAP" in run.stdout

    with pytest.raises(KeyError):
        run.result("No such task")


def test_failure_and_check_mode(ansible):
    playbook = ansible.playbook(
        """
        - name: Harness failure self-test
          hosts: localhost
          gather_facts: false
          tasks:
            - name: Check mode flag
              ansible.builtin.debug:
                var: ansible_check_mode

            - name: Fail on purpose
              ansible.builtin.fail:
                msg: expected failure
        """
    )
    run = ansible.run_playbook(playbook, check=True, expect_rc=2)

    assert run.result("Check mode flag")["ansible_check_mode"] is True
    assert run.status("Fail on purpose") == "failed"
    assert run.result("Fail on purpose")["msg"] == "expected failure"
    assert run.result("Fail on purpose")["failed"] is True
    assert run.result("Check mode flag")["failed"] is False

    with pytest.raises(AssertionError, match="exited 2, expected 0"):
        ansible.run_playbook(playbook)
