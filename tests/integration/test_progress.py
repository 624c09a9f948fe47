# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Progress lines during long waits: shown on the human console, absent when stdout is JSON."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CALLBACK_DIR

PLAY = """
- name: Progress
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Update
      asyncjobs.fleet.drm_firmware_update:
        groups: [fleet/lab]
        version: 2.1.0
        src: "{{ image }}"
        poll_interval: 0.2
        max_poll_interval: 0.5
        fail_on: all  # fleet/lab has a few offline devices
"""

# A stdout callback named "json" that prints one JSON document, like ansible.posix.json
# (not installed here); the action plugin recognises the name and stays quiet.
JSON_CALLBACK = '''
import json
from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "stdout"
    CALLBACK_NAME = "json"

    def __init__(self):
        super().__init__()
        self.results = []

    def v2_runner_on_ok(self, result):
        self.results.append({"task": result._task.get_name(), "changed": result._result.get("changed")})

    def v2_playbook_on_stats(self, stats):
        self._display.display(json.dumps({"results": self.results}))
'''

LINE = re.compile(r"^asyncjobs\.fleet\.drm_firmware_update \[localhost\]: \[\s*[\d.]+s\] 1 job\(s\): (.*)$", re.M)


@pytest.fixture
def firmware(lab, tmp_path):
    lab.reset()
    lab.config("drm", durations={"update_firmware": 8})  # 2 s at the harness's time scale
    image = tmp_path / "acme-2.1.0.bin"
    image.write_text("ACME firmware\nversion=2.1.0\n")
    try:
        yield str(image)
    finally:
        lab.reset()


def test_progress_lines_on_the_console(firmware, ansible):
    run = ansible.run_playbook(ansible.playbook(PLAY), extra_vars={"image": firmware})
    lines = LINE.findall(run.stdout)
    assert len(lines) >= 2, run.stdout
    assert any("running" in line for line in lines), lines
    assert re.search(r"succeeded; 100%; devices (\d+)/\1 done \(\1 ok, 0 failed\)", lines[-1]), lines[-1]


def test_no_progress_lines_when_stdout_is_json(firmware, ansible, tmp_path):
    plugins = tmp_path / "json_callback"
    plugins.mkdir()
    (plugins / "json.py").write_text(JSON_CALLBACK)
    run = ansible.run_playbook(ansible.playbook(PLAY), extra_vars={"image": firmware},
                               env={"ANSIBLE_STDOUT_CALLBACK": "json",
                                    "ANSIBLE_CALLBACK_PLUGINS": f"{plugins}:{CALLBACK_DIR}"})
    document = json.loads(run.stdout)  # the whole of stdout is one JSON document
    assert document["results"] == [{"task": "Update", "changed": True}]
    assert not LINE.search(run.stdout)
