# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""drm_send_message and drm_device_info."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
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
    check_outcome,
    device_summary,
    wait_and_collect,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._submission import (
    TARGETS_ONE_OF,
    submit_sci,
    is_read_only,
)


class SendMessage(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, DRM_TARGET_ARGSPEC, WAIT_ARGSPEC,
        payload=dict(type="str", required=True),
        reply=dict(type="str", default="all", choices=["all", "errors", "none"]),
        cache=dict(type="bool"),
        allow_offline=dict(type="bool"),
        wait_for_reconnect=dict(type="bool"),
    )
    required_one_of = TARGETS_ONE_OF
    requirements = req.DRM

    def run(self, params, ctx):
        payload = _sci.check_payload(params["payload"])
        targets = _sci.targets_from_params(params)
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
        job_id = submit_sci(client, ctx, "send_message", targets, payload, attrs, result)
        result["job_id"] = job_id
        if not params["wait"]:
            result["job"] = None
            return result
        job = wait_and_collect(client, [job_id], params, ctx, extra_on_timeout=dict(result))[0]
        devices = job.pop("devices", {})
        result.update(job=job, devices=devices, summary=device_summary(devices))
        check_outcome([dict(job, devices=devices)], params["fail_on"], result, what="message job")
        return result


SEND_MESSAGE = SendMessage()


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
        targets = _sci.targets_from_params(params) if explicit else None
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
