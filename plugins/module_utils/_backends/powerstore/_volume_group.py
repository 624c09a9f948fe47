# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Dell PowerStore operations: powerstore_volume_group."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, JobFailed
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._changes import Changes
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._refs import (
    check_name,
    readable,
    resolve_policy,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path

# module option -> (API field, policy type or None)
FIELDS = (
    ("new_name", "name", None),
    ("description", "description", None),
    ("protection_policy", "protection_policy_id", "Protection"),
    ("qos_performance_policy", "qos_performance_policy_id", "QoS"),
    ("is_write_order_consistent", "is_write_order_consistent", None),
)
# API field -> key shown in diffs and `changes` (policies by name, readable).
DIFF_KEY = {"name": "name", "description": "description", "protection_policy_id": "protection_policy",
            "qos_performance_policy_id": "qos_performance_policy",
            "is_write_order_consistent": "is_write_order_consistent"}


def current_values(vg):
    """The comparable fields of a volume group as read (None = no policy, "" = no description)."""
    return {
        "name": vg.get("name"),
        "description": vg.get("description") or "",
        "protection_policy_id": vg.get("protection_policy_id") or None,
        "qos_performance_policy_id": vg.get("qos_performance_policy_id") or None,
        "is_write_order_consistent": vg.get("is_write_order_consistent"),
    }


def differences(vg, desired):
    """API fields whose desired value differs from the group's; {field: desired}."""
    now = current_values(vg)
    return {field: value for field, value in desired.items() if now.get(field) != value}


def policy_names(policies):
    return {p["id"]: p.get("name") for p in policies if p.get("id")}


def summarize_vg(vg):
    """The volume group as returned to the user."""
    if vg is None:
        return None
    return {
        "id": vg.get("id"), "name": vg.get("name"), "description": vg.get("description") or "",
        "type": vg.get("type"), "is_write_order_consistent": vg.get("is_write_order_consistent"),
        "protection_policy_id": vg.get("protection_policy_id") or None,
        "protection_policy": (vg.get("protection_policy") or {}).get("name"),
        "qos_performance_policy_id": vg.get("qos_performance_policy_id") or None,
        "qos_performance_policy": (vg.get("qos_performance_policy") or {}).get("name"),
        "volumes": sorted(v.get("name") for v in vg.get("volumes") or []),
    }


class VolumeGroup(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, WAIT_ARGSPEC,
        state=dict(type="str", default="present", choices=["present", "absent"]),
        name=dict(type="str", required=True),
        new_name=dict(type="str"),
        description=dict(type="str"),
        protection_policy=dict(type="str"),
        qos_performance_policy=dict(type="str"),
        is_write_order_consistent=dict(type="bool"),
    )
    requirements = req.JSON

    def run(self, params, ctx):
        name = check_name(params["name"], "name")
        if params["new_name"] is not None:
            check_name(params["new_name"], "new_name")
        if params["description"] is not None and len(params["description"]) > 256:
            raise InputError("description must be at most 256 characters, got %d" % len(params["description"]))
        if params["state"] == "absent":
            given = [opt for opt, _f, _t in FIELDS if params[opt] is not None]
            if given:
                raise InputError("%s only apply with state=present" % ", ".join(given))
        client = ctx.connect("powerstore", params)
        result = dict(changed=False, job_id=None, job=None, adopted_job_ids=[])
        if ctx.check_mode:
            return self._run(client, name, params, ctx, result)
        # One look-then-submit at a time per group on this controller; released once the job is
        # submitted (see _wait), so the next run sees the job and adopts it.
        with submission_lock(ctx, ctx.deadline(params["wait_timeout"]), client.transport.base_url, "volume_group",
                             name.casefold(), "Volume group %s" % name, result) as held:
            return self._run(client, name, params, ctx, result, held)

    def _run(self, client, name, params, ctx, result, held=None):
        changes = Changes(client, params, ctx, result, held)
        vg = client.volume_group(name)
        if vg is None and params["new_name"]:
            # A re-run after a rename finds the group under its new name.
            vg = client.volume_group(params["new_name"])
        if params["state"] == "absent":
            return self._absent(changes, vg, name, params, ctx, result)
        policies = []
        if params["protection_policy"] or params["qos_performance_policy"]:
            policies = client.policies()
        desired = self._desired(params, policies)
        names = policy_names(policies)
        if vg is None:
            return self._create(changes, name, desired, names, params, ctx, result)
        return self._modify(changes, vg, desired, names, params, ctx, result)

    @staticmethod
    def _desired(params, policies):
        desired = {}
        for option, field, ptype in FIELDS:
            value = params[option]
            if value is None:
                continue
            if ptype:
                value = resolve_policy(value, ptype, option, policies)
            desired[field] = value
        return desired

    # -- present, existing group
    def _modify(self, changes, vg, desired, names, params, ctx, result):
        client = changes.client
        delta = differences(vg, desired)
        # Adopt a change already under way on this group (e.g. from a run that died mid-wait)
        # instead of submitting a duplicate; then compare again. Looked for even when the group
        # already matches: a job in flight may still change it, so its end decides.
        jobs = changes.adopt("volume_group", ids=[vg["id"]])
        if jobs:
            vg = client.volume_group(vg["name"]) or client.volume_group(desired.get("name", vg["name"])) or vg
            delta = differences(vg, desired)
            result["changed"] = any(j["state"] == lc.SUCCEEDED for j in jobs)
        before = {DIFF_KEY[f]: readable(f, current_values(vg)[f], names) for f in delta}
        after = {DIFF_KEY[f]: readable(f, v, names) for f, v in delta.items()}
        result["changes"] = after
        if ctx.diff and (delta or result["changed"]):
            result["diff"] = {"before": before, "after": after}
        result["volume_group"] = summarize_vg(vg)
        if not delta:
            return result
        result["changed"] = True
        if ctx.check_mode:
            return result
        body = {field: ("" if value is None else value) for field, value in delta.items()}
        job_id = self._change(changes, "PATCH", join_path("/volume_group", vg["id"]), body,
                              "PATCH volume group %s" % vg["name"], "modify", resource_id=vg["id"])
        final = changes.wait_one(job_id, "modify volume group %s" % vg["name"])
        if final is None or final["state"] != lc.SUCCEEDED:
            return result
        vg = client.volume_group(desired.get("name", vg["name"]))
        left = differences(vg, desired) if vg else desired
        result["volume_group"] = summarize_vg(vg)
        if left:
            raise JobFailed("PowerStore job %s completed but volume group %s still differs in: %s"
                            % (job_id, desired.get("name", params["name"]), ", ".join(sorted(left))), **result)
        return result

    # -- present, missing group
    def _create(self, changes, name, desired, names, params, ctx, result):
        client = changes.client
        if params["new_name"]:
            raise InputError("volume group %r does not exist (nor %r): new_name renames an existing group; "
                             "to create one, give its name as name" % (name, params["new_name"]))
        body = dict(desired, name=name)
        body = {k: v for k, v in body.items() if v is not None}
        if changes.adopt("volume_group", names=[name], action="create"):
            vg = client.volume_group(name)
            if vg is not None:
                result["changed"] = True
                return self._modify(changes, vg, desired, names, params, ctx, result)
        result["changed"] = True
        if ctx.diff:
            result["diff"] = {"before": {"state": "absent"},
                              "after": dict({DIFF_KEY[f]: readable(f, v, names) for f, v in body.items()},
                                            state="present")}
        if ctx.check_mode:
            result["volume_group"] = None
            return result
        job_id = self._change(changes, "POST", "/volume_group", body, "POST volume group %s" % name,
                              "create", resource_name=name)
        result["volume_group"] = None
        final = changes.wait_one(job_id, "create volume group %s" % name)
        if final is None or final["state"] != lc.SUCCEEDED:
            return result
        result["volume_group"] = summarize_vg(client.volume_group(name))
        return result

    # -- absent
    def _absent(self, changes, vg, name, params, ctx, result):
        client = changes.client
        if vg is not None and changes.adopt("volume_group", ids=[vg["id"]]):
            vg = client.volume_group(name)
            result["changed"] = vg is None
        if vg is None:
            result["volume_group"] = None
            return result
        result["changed"] = True
        if ctx.diff:
            result["diff"] = {"before": dict(state="present", name=vg["name"]), "after": {"state": "absent"}}
        result["volume_group"] = summarize_vg(vg)
        if ctx.check_mode:
            return result
        job_id = self._change(changes, "DELETE", join_path("/volume_group", vg["id"]), None,
                              "DELETE volume group %s" % vg["name"], "delete", resource_id=vg["id"])
        changes.wait_one(job_id, "delete volume group %s" % vg["name"])
        return result

    @staticmethod
    def _change(changes, method, path, body, what, action, resource_id=None, resource_name=None):
        """Submit a change once, then report another run's job on the group submitted beside it."""
        job_id = changes.submit(method, path, body, what, action, "volume_group", resource_id, resource_name)
        changes.check_duplicates(what)
        return job_id


VOLUME_GROUP = VolumeGroup()
