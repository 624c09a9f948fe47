# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Digi Remote Manager operations: send_message, firmware update, settings."""

from __future__ import annotations

import base64
import os
import re
from xml.sax.saxutils import escape

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    CONNECTION_ARGSPEC,
    DRM_TARGET_ARGSPEC,
    WAIT_ARGSPEC,
    Operation,
    argspec,
    make_client,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, JobFailed
from ansible_collections.asyncjobs.fleet.plugins.module_utils._jobs import (
    check_outcome,
    device_summary,
    wait_and_collect,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._submit import submit_once

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
        client = make_client("drm", params, ctx.environ)
        if ctx.check_mode and not read_only:
            # Nothing is sent; report who would receive it.
            devices = client.devices(targets)
            return dict(changed=True, would_send_to=[d["id"] for d in devices],
                        requests=client.transport.stats["requests"])
        attrs = {"reply": params["reply"], "cache": params["cache"], "allowOffline": params["allow_offline"],
                 "waitForReconnect": params["wait_for_reconnect"]}
        changed = not read_only
        result = dict(changed=changed)
        job_id = _submit(client, ctx, "send_message", targets, payload, attrs, result)
        result["job_id"] = job_id
        if not params["wait"]:
            result.update(job=None, requests=client.transport.stats["requests"])
            return result
        jobs, stats = wait_and_collect(client, [job_id], params, ctx,
                                       extra_on_timeout=dict(result))
        job = jobs[0]
        devices = job.pop("devices", {})
        result.update(job=job, devices=devices, summary=device_summary(devices),
                      requests=client.transport.stats["requests"], **stats)
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
        client = make_client("drm", params, ctx.environ)

        devices = client.devices(targets)
        found = {d["id"].upper() for d in devices}
        failed = {}
        for kind, value in targets:
            if kind == "device" and value not in found:
                failed[value] = "device not found in Remote Manager"
        skipped = sorted(d["id"] for d in devices if d["firmware"] == version)
        pending = [d for d in devices if d["firmware"] != version]
        offline = [d for d in pending if not d["connected"]]
        if not params["allow_offline"]:
            for d in offline:
                failed[d["id"]] = "Device Not Connected (not submitted; set allow_offline to queue it)"
            pending = [d for d in pending if d["connected"]]
        to_update = sorted(d["id"] for d in pending)

        result = dict(version=version, skipped_devices=skipped, updated_devices=[], failed_devices=failed)
        if ctx.diff:
            result["diff"] = {
                "before": {d["id"]: d["firmware"] for d in devices if d["id"] in to_update},
                "after": {i: version for i in to_update},
            }
        # A re-run after a crash must not submit twice: adopt in-flight firmware jobs
        # that already target these devices.
        adopted = self._in_flight(client, to_update)
        covered = set(t for j in adopted for t in j["target_ids"])
        fresh = [i for i in to_update if i not in covered]
        result.update(changed=bool(to_update), job_ids=[j["id"] for j in adopted],
                      adopted_job_ids=[j["id"] for j in adopted])
        if ctx.check_mode or not to_update:
            result.update(would_update=to_update, requests=client.transport.stats["requests"])
            if not ctx.check_mode:
                self._fail_if(result, params)
            return result

        if fresh:
            attrs = {"firmware_target": params["firmware_target"], "filename": params["filename"]}
            payload = image if params["src"] else _drm.file_reference(params["file"])
            job_id = _submit(client, ctx, "update_firmware", [("device", i) for i in fresh], payload, attrs,
                             result, known_ids=result["job_ids"])
            result["job_ids"].append(job_id)
        if not params["wait"]:
            result["requests"] = client.transport.stats["requests"]
            return result
        jobs, stats = wait_and_collect(client, result["job_ids"], params, ctx,
                                       extra_on_timeout=dict(result, changed=True))
        for job in jobs:
            for dev_id, res in (job.pop("devices", None) or {}).items():
                if res["ok"]:
                    result["updated_devices"].append(dev_id)
                else:
                    failed[dev_id] = "%s (%s)" % (res["error"], res["error_id"]) if res["error_id"] else res["error"]
        result.update(jobs=jobs, **stats)
        if params["verify"] and result["updated_devices"]:
            self._verify(client, result, version)
        result["updated_devices"].sort()
        result["requests"] = client.transport.stats["requests"]
        self._fail_if(result, params)
        return result

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
    def _in_flight(client, device_ids):
        if not device_ids:
            return []
        wanted = set(device_ids)
        # Running firmware jobs; for a few devices (the per-host case) only those naming them,
        # so N hosts checking at once do not each read every in-flight job. The filter below
        # still decides, in case a server ignores the condition.
        condition = "jobStatus in (0,1) and jobType=1"  # new (queued) or in progress
        if len(device_ids) <= 20:
            condition += " and (%s)" % " or ".join(
                "jobTargets like %s" % _drm.quote_value("%" + dev + "%") for dev in device_ids)
        jobs = client.list_jobs(condition=condition)
        return [j for j in jobs if j["operation"] == "update_firmware" and not j["terminal"]
                and wanted.intersection(j["target_ids"])]

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
        failed = result["failed_devices"]
        if not failed or params["fail_on"] == "never":
            return
        if params["fail_on"] == "all" and (result["updated_devices"] or result["skipped_devices"]):
            return
        names = ", ".join("%s: %s" % kv for kv in sorted(failed.items())[:10])
        raise JobFailed("Firmware %s not applied to %d device(s) (fail_on=%s): %s%s" % (
            result["version"], len(failed), params["fail_on"], names, ", ..." if len(failed) > 10 else ""),
            **result)


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
        client = make_client("drm", params, ctx.environ)
        query = "<rci_request version=\"1.1\"><query_setting>%s</query_setting></rci_request>" % "".join(
            "<%s/>" % group for group in sorted(desired))
        recovery = {}
        job_id = _submit(client, ctx, "send_message", targets, query, {"reply": "all"}, recovery)
        jobs, _stats = wait_and_collect(client, [job_id], params, ctx)
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
        result = dict(changed=bool(changes), changed_devices=sorted(after), unchanged_devices=sorted(
            set(current) - set(after)), failed_devices=failed, query_job_id=job_id, job_ids=[], **recovery)
        if ctx.diff:
            result["diff"] = {"before": before, "after": after}
        if changes and not ctx.check_mode:
            for frozen, dev_ids in changes.items():
                body = "".join("<%s>%s</%s>" % (g, "".join("<%s>%s</%s>" % (k, escape(v), k)
                                                           for k, v in sorted(f)), g) for g, f in frozen)
                payload = "<rci_request version=\"1.1\"><set_setting>%s</set_setting></rci_request>" % body
                result["job_ids"].append(_submit(client, ctx, "send_message", [("device", i) for i in dev_ids],
                                                 payload, {"reply": "all"}, result,
                                                 known_ids=[job_id] + result["job_ids"]))
            if not params["wait"]:
                # The read had to be waited for (it decides the changes); the changes need not be.
                result["requests"] = client.transport.stats["requests"]
                return result
            set_jobs, stats = wait_and_collect(client, result["job_ids"], params, ctx,
                                               extra_on_timeout=dict(result, changed=True))
            for job in set_jobs:
                for dev_id, res in (job.pop("devices", None) or {}).items():
                    if not res["ok"]:
                        failed[dev_id] = res["error"]
            result.update(jobs=set_jobs, **stats)
        result["requests"] = client.transport.stats["requests"]
        if failed and params["fail_on"] != "never" and not (params["fail_on"] == "all" and current):
            raise JobFailed("Settings could not be read or applied on %d device(s): %s" % (
                len(failed), ", ".join("%s: %s" % kv for kv in sorted(failed.items())[:10])), **result)
        return result

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
        client = make_client("drm", params, ctx.environ)
        devices = client.devices(targets, page_size=params["page_size"])
        found = {d["id"].upper() for d in devices}
        missing = [v for k, v in targets or [] if k == "device" and v not in found]
        versions = {}
        for d in devices:
            versions[d["firmware"] or ""] = versions.get(d["firmware"] or "", 0) + 1
        return dict(changed=False, devices=devices, missing=missing, firmware_versions=versions,
                    connected=sum(1 for d in devices if d["connected"]),
                    requests=client.transport.stats["requests"])


DEVICE_INFO = DeviceInfo()
