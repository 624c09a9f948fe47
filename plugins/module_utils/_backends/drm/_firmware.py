# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""drm_firmware_update: read the devices, adopt jobs applying the same image, update the rest."""

from __future__ import annotations

import base64
import contextlib
import os

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _records
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
    submit_sci,
    resolve_duplicates,
    wait_for_conflicts,
)


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
    required_one_of = TARGETS_ONE_OF + [["src", "file"]]
    requirements = req.DRM

    def run(self, params, ctx):
        targets = _sci.targets_from_params(params)
        version = str(params["version"]).strip()
        if not version:
            raise InputError("version must not be empty")
        if params["firmware_target"] < 0:
            raise InputError("firmware_target must be 0 or greater")
        image = self._image(params)
        client = ctx.connect("drm", params)

        payload = image if params["src"] else _sci.file_reference(params["file"])
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
                job_id = submit_sci(client, ctx, "update_firmware", [("device", i) for i in fresh], payload, attrs,
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
            adopted = [job for job, stored in running if _records.same_payload(stored, payload) is True]
            conflicts = [job for job, stored in running if _records.same_payload(stored, payload) is not True]
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


FIRMWARE_UPDATE = FirmwareUpdate()
