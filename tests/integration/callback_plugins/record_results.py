# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test-harness callback: record every task result as JSON.

Enabled by tests/integration/conftest.py through ANSIBLE_CALLBACK_PLUGINS and
ANSIBLE_CALLBACKS_ENABLED=record_results.  The records are written (rewritten
after each result, so a crashed run still leaves what happened) to the file
named by the ASYNCJOBS_RECORD_RESULTS environment variable as a JSON list of::

    {"task": <task name>, "host": <host name>, "action": <action>,
     "status": "ok" | "changed" | "failed" | "skipped" | "unreachable",
     "ignore_errors": bool, "result": <the task's (censored) result dict>}

where the result always has "failed" (and "skipped"/"unreachable" when so),
like a registered variable.
"""

from __future__ import annotations

import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = r"""
name: record_results
type: aggregate
short_description: Record task results to a JSON file for the integration tests
description:
  - Writes every task result to the file named by E(ASYNCJOBS_RECORD_RESULTS).
requirements:
  - enabled in C(callbacks_enabled)
"""

ENV_VAR = "ASYNCJOBS_RECORD_RESULTS"


def _plain(value):
    """Convert a result into JSON-compatible builtin types.

    ansible-core 2.19 tags values (data tagging); tagged values are subclasses
    of the builtin types and anything else falls back to str().
    """
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


class CallbackModule(CallbackBase):
    """Write every task result to a JSON file."""

    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "record_results"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._path = os.environ.get(ENV_VAR)
        self._records = []

    def _record(self, result, status):
        if not self._path:
            return
        task = result._task  # pylint: disable=protected-access
        data = _plain(result._result)  # pylint: disable=protected-access
        if status == "ok" and data.get("changed"):
            status = "changed"
        # ansible-core 2.19 drops the "failed" key from the copy that callbacks
        # get; put the flags back as a registered variable would have them.
        data["failed"] = status in ("failed", "unreachable")
        if status == "skipped":
            data["skipped"] = True
        elif status == "unreachable":
            data["unreachable"] = True
        self._records.append(
            {
                "task": task.get_name(),
                "host": result._host.get_name(),  # pylint: disable=protected-access
                "action": str(task.action),
                "status": status,
                "ignore_errors": bool(getattr(task, "ignore_errors", False)),
                "result": data,
            }
        )
        tmp_path = self._path + ".tmp"
        with open(tmp_path, "w", encoding="utf-8") as handle:
            json.dump(self._records, handle, indent=1, default=str)
        os.replace(tmp_path, self._path)

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_runner_on_skipped(self, result):
        self._record(result, "skipped")

    def v2_runner_on_unreachable(self, result):
        self._record(result, "unreachable")
