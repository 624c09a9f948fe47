# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""drm_settings: read the settings, change only what differs, one job per distinct change."""

from __future__ import annotations

import contextlib
import re
from xml.sax.saxutils import escape

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    DRM_TARGET_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import (
    adopt,
    check_outcome,
    wait_and_collect,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._submission import (
    TARGETS_ONE_OF,
    read_only_text,
    submit_sci,
    resolve_duplicates,
    wait_for_conflicts,
)


class Settings(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, DRM_TARGET_ARGSPEC, WAIT_ARGSPEC,
        settings=dict(type="dict", required=True),
    )
    required_one_of = TARGETS_ONE_OF
    requirements = req.DRM

    def run(self, params, ctx):
        targets = _sci.targets_from_params(params)
        desired = self._desired(params["settings"])
        client = ctx.connect("drm", params)
        query = "<rci_request version=\"1.1\"><query_setting>%s</query_setting></rci_request>" % "".join(
            "<%s/>" % group for group in sorted(desired))
        recovery = {}
        deadline = ctx.deadline(params["wait_timeout"])
        lock = contextlib.nullcontext() if ctx.check_mode else submission_lock(
            ctx, deadline, client.transport.base_url, "drm_settings", sorted(targets), "Settings change", recovery)
        with lock:
            result = self._apply(client, ctx, targets, desired, query, recovery, params)
        return self._finish(client, ctx, result, params)

    def _apply(self, client, ctx, targets, desired, query, recovery, params):
        """Under the lock: wait for changes in flight on the devices, read, compare, submit."""
        adopted = self._in_flight(client, ctx, targets, desired, params, recovery)
        job_id = submit_sci(client, ctx, "send_message", targets, query, {"reply": "all"}, recovery,
                            known_ids=adopted)
        jobs = wait_and_collect(client, [job_id], params, ctx, report=False)
        current = {}
        failed = {}
        for dev_id, res in (jobs[0].get("devices") or {}).items():
            if res["ok"]:
                current[dev_id] = self._current(res["reply"], desired)
            else:
                failed[dev_id] = "%s (%s)" % (res["error"], res["error_id"]) if res["error_id"] else res["error"]
        # Group devices by the exact change they need, so each distinct change is one job.
        changes = {}
        before, after = {}, {}
        for dev_id, values in sorted(current.items()):
            delta = {g: {k: v for k, v in fields.items() if values.get(g, {}).get(k) != v}
                     for g, fields in desired.items()}
            delta = {g: f for g, f in delta.items() if f}
            if delta:
                changes.setdefault(_freeze(delta), []).append(dev_id)
                before[dev_id] = {g: {k: values.get(g, {}).get(k) for k in f} for g, f in delta.items()}
                after[dev_id] = delta
        result = dict(changed=bool(changes) or bool(recovery.get("adopted_job_ids")), changed_devices=sorted(after),
                      unchanged_devices=sorted(set(current) - set(after)), failed_devices=failed, query_job_id=job_id,
                      job_ids=[], current=len(current), **recovery)
        if ctx.diff:
            result["diff"] = {"before": before, "after": after}
        if changes and not ctx.check_mode:
            for frozen, dev_ids in changes.items():
                body = "".join("<%s>%s</%s>" % (g, "".join("<%s>%s</%s>" % (k, escape(v), k)
                                                           for k, v in sorted(f)), g) for g, f in frozen)
                payload = "<rci_request version=\"1.1\"><set_setting>%s</set_setting></rci_request>" % body
                set_id = submit_sci(client, ctx, "send_message", [("device", i) for i in dev_ids], payload,
                                    {"reply": "all"}, result, known_ids=[job_id] + result["job_ids"])
                result["job_ids"].append(set_id)
                result.setdefault("_submitted", []).append((set_id, dev_ids, payload))
        return result

    @staticmethod
    def _finish(client, ctx, result, params):
        """After the lock: converge with duplicates from another controller, then wait."""
        for set_id, dev_ids, payload in result.pop("_submitted", []):
            resolve_duplicates(client, ctx, "send_message", set_id, dev_ids, payload, result)
        failed = result["failed_devices"]
        current = result.pop("current")
        if result["job_ids"] and not ctx.check_mode:
            if not params["wait"]:
                # The read had to be waited for (it decides the changes); the changes need not be.
                return result
            set_jobs = wait_and_collect(client, result["job_ids"], params, ctx, extra_on_timeout=dict(result, changed=True))
            for job in set_jobs:
                for dev_id, res in (job.pop("devices", None) or {}).items():
                    if not res["ok"]:
                        failed[dev_id] = res["error"]
            result["jobs"] = set_jobs
        # A device read counts as a success (its settings are known, changed or not).
        check_outcome(None, params["fail_on"], result, ok=current, failed=len(failed),
                      message=lambda bad: "Settings could not be read or applied on %d device(s): %s" % (
                          bad, ", ".join("%s: %s" % kv for kv in sorted(failed.items())[:10])))
        return result

    @staticmethod
    def _in_flight(client, ctx, targets, desired, params, result):
        """Changing send_message jobs in flight on the targeted devices, waited for before the read.

        A set_setting that only sets values we want is the same change (adopted); anything
        else that may change a device (another set_setting, a file, an unreadable payload) is
        a conflicting change. Either way its end decides what the read shows, so the read
        waits for it (read-only messages are not waited for). Returns the adopted job ids.
        """
        explicit = [value for kind, value in targets if kind == "device"]
        if len(explicit) == len(targets):
            device_ids = explicit
        else:
            device_ids = [d["id"] for d in client.devices(targets)]
        adopted, conflicts = [], []
        for job, stored in client.in_flight("send_message", device_ids):
            if stored is not None and read_only_text(stored):
                continue
            (adopted if _sets_only(stored, desired) else conflicts).append(job)
        if ctx.check_mode:
            # Nothing is waited for in check mode: the jobs are named, the read shows the state now.
            if adopted or conflicts:
                result["conflicting_job_ids"] = [j["id"] for j in adopted + conflicts]
            return []
        if conflicts:
            wait_for_conflicts(client, ctx, conflicts, params, result, "Settings change")
        jobs = adopt(client, adopted, params, ctx, result, details="none")
        if jobs:
            result["adopted_job_ids"] = [j["id"] for j in jobs if j["state"] == lc.SUCCEEDED]
        return [j["id"] for j in adopted]

    @staticmethod
    def _desired(settings):
        if not settings:
            raise InputError("settings must map setting groups to fields, e.g. {system: {contact: ops}}")
        out = {}
        for group, fields in settings.items():
            if not isinstance(fields, dict) or not fields:
                raise InputError("settings.%s must be a non-empty mapping of field names to values" % group)
            for name in [group] + list(fields):
                if not re.match(r"^[A-Za-z_][A-Za-z0-9_.-]*$", str(name)):
                    raise InputError("%r is not a valid RCI setting name" % (name,))
            out[str(group)] = {str(k): "" if v is None else (str(v).lower() if isinstance(v, bool) else str(v))
                               for k, v in fields.items()}
        return out

    @staticmethod
    def _current(reply, desired):
        """Current values of the desired groups from a query_setting rci_reply (as data)."""
        values = {}
        node = (reply or {}).get("rci_reply") or {}
        node = node.get("query_setting") or {}
        for group in desired:
            fields = node.get(group) or {}
            if isinstance(fields, list):
                fields = fields[0] or {}
            if not isinstance(fields, dict):
                fields = {}  # the device answered the group with text: no readable fields
            values[group] = {k: ("" if v is None else str(v)) for k, v in fields.items() if not k.startswith("@")}
        return values


def _sets_only(stored, desired):
    """Is a stored send_message payload a set_setting of values all in ``desired``?"""
    if stored is None:
        return False
    try:
        root = _sci.parse_xml(stored, "jobRequestPayload")
    except InputError:
        return False
    commands = list(root) if root.tag == "rci_request" else []
    if len(commands) != 1 or commands[0].tag != "set_setting" or not len(commands[0]):
        return False
    for group in commands[0]:
        wanted = desired.get(group.tag)
        if wanted is None or not len(group):
            return False
        for field in group:
            if wanted.get(field.tag) != (field.text or ""):
                return False
    return True


def _freeze(delta):
    return tuple(sorted((g, tuple(sorted(f.items()))) for g, f in delta.items()))


SETTINGS = Settings()
