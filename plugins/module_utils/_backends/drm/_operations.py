# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Digi Remote Manager operations: send_message, firmware update, settings."""

from __future__ import annotations

import base64
import contextlib
import os
import re
from xml.sax.saxutils import escape

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _client as _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    DRM_TARGET_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    FleetError,
    InputError,
    JobFailed,
    WaitTimeout,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import (
    adopt,
    check_outcome,
    device_summary,
    wait_and_collect,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import submit_once

_TARGETS_ONE_OF = [["devices", "tags", "groups", "all_devices"]]
RCI_READ_ONLY = ("query_setting", "query_state", "query_descriptor")


def _submit(client, ctx, operation, targets, payload, attrs, result, known_ids=()):
    """POST an async SCI request once; returns its job id.

    A reply without jobId is a failure naming each device. A lost reply is recovered by
    finding the job in the listing (recorded in ``result["recovered_job_ids"]``), never by
    resending. Only asynchronous requests are sent, so every accepted request has a job to
    find: a synchronous SCI request leaves none, and a lost reply to one could not be told
    apart from a request that never arrived.
    """
    attrs = dict(attrs, synchronous=False)

    def send():
        job_id, op, _root, top_error = client.sci(operation, targets, payload, attrs)
        if job_id:
            return job_id
        devices = _drm.device_results(op)
        raise JobFailed("Remote Manager did not accept the %s request: %s" % (
            operation, top_error or "no job was created"), changed=False, devices=devices,
            summary=device_summary(devices))

    body = _drm.build_sci(operation, targets, payload, attrs)
    shown = ", ".join("%s %s" % target for target in targets[:5]) + (", ..." if len(targets) > 5 else "")
    return submit_once(
        client.transport, send, lambda since: client.find_submitted(operation, targets, body, since),
        ctx, "SCI %s to %s" % (operation, shown), known_ids=known_ids,
        result=result, changed=bool(result.get("job_ids")),
        searched="%s jobs for these targets in the Remote Manager job listing" % operation)


def _job_number(job_id):
    return (len(str(job_id)), str(job_id))  # DRM job ids are digits: shorter is lower


def wait_for_conflicts(client, ctx, conflicts, params, result, what):
    """Wait, within the task's deadline, for in-flight jobs making another change on the devices.

    The caller then reads the devices again and decides. Jobs still running at the deadline
    fail the task by id, with nothing submitted.
    """
    ids = [j["id"] for j in conflicts]
    ctx.warn("%s: job(s) %s making another change on the targeted devices are in flight; waiting for them "
             "to end before reading the devices again" % (what, ", ".join(ids)))
    result["waited_for_job_ids"] = sorted(set(result.get("waited_for_job_ids", []) + ids), key=_job_number)
    try:
        ctx.wait(client, ids, params, report=False)
    except WaitTimeout as exc:
        raise JobFailed("%s: not submitted. Conflicting job(s) %s on the targeted devices were still in flight "
                        "at the end of wait_timeout (%ss): %s. Wait for them or cancel them (asyncjobs.fleet.job_wait "
                        "or job_cancel with api=drm), then re-run" % (
                            what, ", ".join(exc.result.get("pending") or ids), params["wait_timeout"], exc.msg),
                        **dict(result, changed=bool(result.get("job_ids")), conflicting_job_ids=ids))


def resolve_duplicates(client, ctx, operation, job_id, device_ids, payload, result):
    """After a submission: converge with a run that submitted the same change at the same moment.

    Another controller does not share the lock, so two runs can both submit. Both apply one
    rule: of the same-change jobs in flight on our devices, the lowest job id is kept; a
    run whose job is not the lowest cancels its own and adopts the lowest, provided that one
    covers all of its devices. A duplicate that cannot be resolved so (it covers other
    devices, or ours has already finished) is reported in ``duplicate_job_ids``.
    Returns the job id the task now waits for.
    """
    mine = set(d.upper() for d in device_ids)
    known = set(result.get("job_ids") or ())
    running = client.in_flight(operation, sorted(mine))
    ours_running = any(job["id"] == job_id for job, _stored in running)
    twins = [job for job, stored in running if job["id"] not in known and job["id"] != job_id
             and _drm.same_payload(stored, payload) is True]
    if not twins:
        return job_id
    covers_us = [j for j in twins if mine <= set(t.upper() for t in j["target_ids"])]
    lower = [j for j in covers_us if _job_number(j["id"]) < _job_number(job_id)]
    if lower and ours_running:
        winner = min(lower, key=lambda j: _job_number(j["id"]))
        try:
            client.cancel(job_id)
        except FleetError as exc:
            ctx.warn("Job %s duplicates job %s (the same change on the same devices, submitted at the same moment "
                     "by another run) but could not be canceled: %s" % (job_id, winner["id"], exc.msg))
            result.setdefault("duplicate_job_ids", []).append(winner["id"])
            return job_id
        ctx.warn("Job %s duplicated job %s, submitted for the same change on the same devices at the same moment by "
                 "another run; job %s was canceled and job %s adopted (of such jobs the lowest id is kept)"
                 % (job_id, winner["id"], job_id, winner["id"]))
        result["job_ids"] = [winner["id"] if i == job_id else i for i in result["job_ids"]]
        result["job_ids"] = list(dict.fromkeys(result["job_ids"]))
        result["adopted_job_ids"] = list(result.get("adopted_job_ids") or []) + [winner["id"]]
        result.setdefault("canceled_duplicate_job_ids", []).append(job_id)
        return winner["id"]
    # A higher job that covers only devices we cover cancels itself (the same rule, in its run).
    left = [j for j in twins if not (_job_number(j["id"]) > _job_number(job_id)
                                     and set(t.upper() for t in j["target_ids"]) <= mine)]
    if left:
        ids = [j["id"] for j in left]
        ctx.warn("Job %s and job(s) %s make the same change on some of the same devices; they were submitted at "
                 "the same moment by different runs and both stay" % (job_id, ", ".join(ids)))
        result.setdefault("duplicate_job_ids", []).extend(ids)
    return job_id


def _device_failures(devices):
    return [(k, v) for k, v in sorted(devices.items()) if not v["ok"]]


class SendMessage(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, DRM_TARGET_ARGSPEC, WAIT_ARGSPEC,
        payload=dict(type="str", required=True),
        reply=dict(type="str", default="all", choices=["all", "errors", "none"]),
        cache=dict(type="bool"),
        allow_offline=dict(type="bool"),
        wait_for_reconnect=dict(type="bool"),
    )
    required_one_of = _TARGETS_ONE_OF
    requirements = req.DRM

    def run(self, params, ctx):
        payload = _drm.check_payload(params["payload"])
        targets = _drm.targets_from_params(params)
        read_only = is_read_only(payload)
        client = ctx.connect("drm", params)
        if ctx.check_mode and not read_only:
            # Nothing is sent; report who would receive it.
            devices = client.devices(targets)
            return dict(changed=True, would_send_to=[d["id"] for d in devices])
        attrs = {"reply": params["reply"], "cache": params["cache"], "allowOffline": params["allow_offline"],
                 "waitForReconnect": params["wait_for_reconnect"]}
        changed = not read_only
        result = dict(changed=changed)
        job_id = _submit(client, ctx, "send_message", targets, payload, attrs, result)
        result["job_id"] = job_id
        if not params["wait"]:
            result["job"] = None
            return result
        job = wait_and_collect(client, [job_id], params, ctx, extra_on_timeout=dict(result))[0]
        devices = job.pop("devices", {})
        result.update(job=job, devices=devices, summary=device_summary(devices))
        check_outcome([dict(job, devices=devices)], params["fail_on"], result, what="message job")
        return result


def is_read_only(payload):
    """True when every RCI command in the payload only reads (query_*)."""
    root = _drm.parse_xml(payload, "payload")
    if root.tag == "file":
        return False  # a Data Services file may hold anything
    commands = list(root) if root.tag == "rci_request" else [root]
    return bool(commands) and all(c.tag in RCI_READ_ONLY for c in commands)


def _version_key(text):
    parts = []
    for piece in str(text or "").replace("-", ".").split("."):
        parts.append((0, int(piece), "") if piece.isdigit() else (1, 0, piece))
    return tuple(parts)


class FirmwareUpdate(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, DRM_TARGET_ARGSPEC, WAIT_ARGSPEC,
        version=dict(type="str", required=True),
        src=dict(type="path"),
        file=dict(type="str"),
        firmware_target=dict(type="int", default=0),
        filename=dict(type="str"),
        allow_offline=dict(type="bool", default=False),
        verify=dict(type="bool", default=True),
    )
    argument_spec["wait_timeout"] = dict(type="float", default=1800)
    mutually_exclusive = [["src", "file"]]
    required_one_of = _TARGETS_ONE_OF + [["src", "file"]]
    requirements = req.DRM

    def run(self, params, ctx):
        targets = _drm.targets_from_params(params)
        version = str(params["version"]).strip()
        if not version:
            raise InputError("version must not be empty")
        if params["firmware_target"] < 0:
            raise InputError("firmware_target must be 0 or greater")
        image = self._image(params)
        client = ctx.connect("drm", params)

        payload = image if params["src"] else _drm.file_reference(params["file"])
        result = dict(version=version, skipped_devices=[], updated_devices=[], failed_devices={}, job_ids=[],
                      adopted_job_ids=[], waited_for_job_ids=[])
        what = "Firmware %s update" % version
        deadline = ctx.deadline(params["wait_timeout"])
        lock = contextlib.nullcontext() if ctx.check_mode else submission_lock(
            ctx, deadline, client.transport.base_url, "update_firmware", sorted(targets), what, result)
        with lock:
            devices, to_update, adopted = self._look(client, ctx, targets, version, payload, params, result)
            failed = result["failed_devices"]
            if ctx.diff:
                result["diff"] = {
                    "before": {d["id"]: d["firmware"] for d in devices if d["id"] in to_update},
                    "after": {i: version for i in to_update},
                }
            covered = set(t.upper() for j in adopted for t in j["target_ids"])
            fresh = [i for i in to_update if i not in covered]
            # Jobs already applying this image are waited for with the new one, as this task's.
            adopt(client, adopted, params, ctx, result, wait=False)
            result.update(changed=bool(to_update) or bool(adopted), job_ids=[j["id"] for j in adopted])
            if ctx.check_mode or not (to_update or adopted):
                result["would_update"] = to_update
                if not ctx.check_mode:
                    self._fail_if(result, params)
                return result
            job_id = None
            if fresh:
                attrs = {"firmware_target": params["firmware_target"], "filename": params["filename"]}
                job_id = _submit(client, ctx, "update_firmware", [("device", i) for i in fresh], payload, attrs,
                                 result, known_ids=result["job_ids"])
                result["job_ids"].append(job_id)
        if job_id is not None:
            # Another controller (which does not share the lock) may have submitted the same change.
            resolve_duplicates(client, ctx, "update_firmware", job_id, fresh, payload, result)
        if not params["wait"]:
            return result
        jobs = wait_and_collect(client, result["job_ids"], params, ctx, extra_on_timeout=dict(result, changed=True))
        for job in jobs:
            for dev_id, res in (job.pop("devices", None) or {}).items():
                if dev_id.upper() not in set(to_update):
                    continue  # an adopted job's device that this task did not need to update
                if res["ok"]:
                    result["updated_devices"].append(dev_id)
                else:
                    failed[dev_id] = "%s (%s)" % (res["error"], res["error_id"]) if res["error_id"] else res["error"]
        result["jobs"] = jobs
        if params["verify"] and result["updated_devices"]:
            self._verify(client, result, version)
        result["updated_devices"].sort()
        self._fail_if(result, params)
        return result

    @staticmethod
    def _look(client, ctx, targets, version, payload, params, result):
        """Read the devices and the firmware jobs in flight on ALL of them (current ones too).

        A job with our image is adopted. Any other firmware job on them is a conflicting change:
        its end decides what the devices run, so it is waited for and the devices are read
        again; in check mode it is only reported. Returns (devices, ids to update, adopted jobs).
        """
        while True:
            devices = client.devices(targets)
            found = {d["id"].upper() for d in devices}
            failed = {}
            for kind, value in targets:
                if kind == "device" and value not in found:
                    failed[value] = "device not found in Remote Manager"
            pending = [d for d in devices if d["firmware"] != version]
            if not params["allow_offline"]:
                for d in pending:
                    if not d["connected"]:
                        failed[d["id"]] = "Device Not Connected (not submitted; set allow_offline to queue it)"
                pending = [d for d in pending if d["connected"]]
            to_update = sorted(d["id"] for d in pending)
            result.update(skipped_devices=sorted(d["id"] for d in devices if d["firmware"] == version),
                          failed_devices=failed)
            running = client.in_flight("update_firmware", sorted(found))
            adopted = [job for job, stored in running if _drm.same_payload(stored, payload) is True]
            conflicts = [job for job, stored in running if _drm.same_payload(stored, payload) is not True]
            if not conflicts:
                return devices, to_update, adopted
            if ctx.check_mode:
                result["conflicting_job_ids"] = [j["id"] for j in conflicts]
                ctx.warn("%s: firmware job(s) %s with another image are in flight on the targeted devices; "
                         "what they need depends on how those end" % ("Firmware %s update" % version,
                                                                      ", ".join(j["id"] for j in conflicts)))
                return devices, to_update, adopted
            wait_for_conflicts(client, ctx, conflicts, params, result, "Firmware %s update" % version)

    @staticmethod
    def _image(params):
        if not params["src"]:
            return None
        path = params["src"]
        if not os.path.isfile(path):
            raise InputError("src %s does not exist or is not a file" % path)
        with open(path, "rb") as handle:
            data = handle.read()
        if not data:
            raise InputError("src %s is empty" % path)
        return "<data>%s</data>" % base64.b64encode(data).decode("ascii")

    @staticmethod
    def _verify(client, result, version):
        """Re-read DeviceCore: a device counts as updated only if it reports the version."""
        now = {d["id"]: d for d in client.devices([("device", i) for i in result["updated_devices"]])}
        still = []
        for dev_id in result["updated_devices"]:
            reported = (now.get(dev_id) or {}).get("firmware")
            if reported == version:
                still.append(dev_id)
            else:
                result["failed_devices"][dev_id] = "job succeeded but the device reports firmware %s" % reported
        result["updated_devices"] = still

    @staticmethod
    def _fail_if(result, params):
        """The devices make up one outcome: a device already on the version counts as a success."""
        failed = result["failed_devices"]
        names = ", ".join("%s: %s" % kv for kv in sorted(failed.items())[:10])
        check_outcome(None, params["fail_on"], result, ok=len(result["updated_devices"]) + len(result["skipped_devices"]),
                      failed=len(failed), message=lambda bad: "Firmware %s not applied to %d device(s) (fail_on=%s): %s%s" % (
                          result["version"], bad, params["fail_on"], names, ", ..." if bad > 10 else ""))


class Settings(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, DRM_TARGET_ARGSPEC, WAIT_ARGSPEC,
        settings=dict(type="dict", required=True),
    )
    required_one_of = _TARGETS_ONE_OF
    requirements = req.DRM

    def run(self, params, ctx):
        targets = _drm.targets_from_params(params)
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
        job_id = _submit(client, ctx, "send_message", targets, query, {"reply": "all"}, recovery,
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
                set_id = _submit(client, ctx, "send_message", [("device", i) for i in dev_ids], payload,
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
            if stored is not None and _read_only_text(stored):
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


def _read_only_text(stored):
    try:
        return is_read_only(stored)
    except InputError:
        return False


def _sets_only(stored, desired):
    """Is a stored send_message payload a set_setting of values all in ``desired``?"""
    if stored is None:
        return False
    try:
        root = _drm.parse_xml(stored, "jobRequestPayload")
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


SEND_MESSAGE = SendMessage()
FIRMWARE_UPDATE = FirmwareUpdate()
SETTINGS = Settings()


class DeviceInfo(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, DRM_TARGET_ARGSPEC,
        page_size=dict(type="int", default=1000),
    )
    requirements = req.DRM

    def run(self, params, ctx):
        if params["page_size"] < 1 or params["page_size"] > 1000:
            raise InputError("page_size must be between 1 and 1000")
        explicit = any(params.get(k) for k in ("devices", "tags", "groups")) or params.get("all_devices")
        targets = _drm.targets_from_params(params) if explicit else None
        client = ctx.connect("drm", params)
        devices = client.devices(targets, page_size=params["page_size"])
        found = {d["id"].upper() for d in devices}
        missing = [v for k, v in targets or [] if k == "device" and v not in found]
        versions = {}
        for d in devices:
            versions[d["firmware"] or ""] = versions.get(d["firmware"] or "", 0) + 1
        return dict(changed=False, devices=devices, missing=missing, firmware_versions=versions,
                    connected=sum(1 for d in devices if d["connected"]))


DEVICE_INFO = DeviceInfo()
