# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Dell PowerStore operations: powerstore_volume_group."""

from __future__ import annotations

import re

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError, JobFailed
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import (
    adopt,
    check_outcome,
    wait_and_collect,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import submit_once
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path

_NAME_BAD = re.compile(r"[\x00-\x1f\x7f/?#%\\]")
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


def check_name(value, option):
    text = "" if value is None else str(value)
    if not text.strip() or len(text) > 128 or _NAME_BAD.search(text):
        raise InputError("%s must be 1 to 128 printable characters without / ? # %% or backslash, got %r"
                         % (option, value))
    return text


def resolve_policy(value, ptype, option, policies):
    """A policy given by id, name or ``name:<name>`` -> its id; "" -> None (remove)."""
    text = str(value).strip()
    if text == "":
        return None
    if text.startswith("name:"):
        text = text[5:]
    same_type = [p for p in policies if p.get("type") == ptype]
    for policy in same_type:
        if policy.get("id") == text:
            return policy["id"]
    for policy in same_type:
        if str(policy.get("name", "")).casefold() == text.casefold():
            return policy["id"]
    other = [p for p in policies if p.get("type") != ptype and text in (p.get("id"), p.get("name"))]
    hint = (" (%r is a %s policy)" % (text, other[0]["type"])) if other else ""
    names = sorted(str(p.get("name")) for p in same_type)
    raise InputError("%s %r not found: no %s policy has that name or id%s. Available %s policies: %s. "
                     "Nothing was changed." % (option, str(value), ptype, hint, ptype, ", ".join(names) or "none"))


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


def readable(field, value, names):
    if field.endswith("_policy_id"):
        return "" if value is None else names.get(value, value)
    return value


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
    held = None  # the submission lock while this run holds it (see run)

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
                             name.casefold(), "Volume group %s" % name, result) as self.held:
            return self._run(client, name, params, ctx, result)

    def _run(self, client, name, params, ctx, result):
        vg = client.volume_group(name)
        if vg is None and params["new_name"]:
            # A re-run after a rename finds the group under its new name.
            vg = client.volume_group(params["new_name"])
        if params["state"] == "absent":
            return self._absent(client, vg, name, params, ctx, result)
        policies = []
        if params["protection_policy"] or params["qos_performance_policy"]:
            policies = client.policies()
        desired = self._desired(params, policies)
        names = policy_names(policies)
        if vg is None:
            return self._create(client, name, desired, names, params, ctx, result)
        return self._modify(client, vg, desired, names, params, ctx, result)

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
    def _modify(self, client, vg, desired, names, params, ctx, result):
        delta = differences(vg, desired)
        # Adopt a change already under way on this group (e.g. from a run that died mid-wait)
        # instead of submitting a duplicate; then compare again. Looked for even when the group
        # already matches: a job in flight may still change it, so its end decides.
        jobs = self._adopt(client, params, ctx, result, resource_id=vg["id"])
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
        job_id = self._change(client, ctx, result, "PATCH", join_path("/volume_group", vg["id"]), body,
                              "PATCH volume group %s" % vg["name"], "modify", resource_id=vg["id"])
        final = self._wait(client, job_id, "modify volume group %s" % vg["name"], params, ctx, result)
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
    def _create(self, client, name, desired, names, params, ctx, result):
        if params["new_name"]:
            raise InputError("volume group %r does not exist (nor %r): new_name renames an existing group; "
                             "to create one, give its name as name" % (name, params["new_name"]))
        body = dict(desired, name=name)
        body = {k: v for k, v in body.items() if v is not None}
        if self._adopt(client, params, ctx, result, resource_name=name, action="create"):
            vg = client.volume_group(name)
            if vg is not None:
                result["changed"] = True
                return self._modify(client, vg, desired, names, params, ctx, result)
        result["changed"] = True
        if ctx.diff:
            result["diff"] = {"before": {"state": "absent"},
                              "after": dict({DIFF_KEY[f]: readable(f, v, names) for f, v in body.items()},
                                            state="present")}
        if ctx.check_mode:
            result["volume_group"] = None
            return result
        job_id = self._change(client, ctx, result, "POST", "/volume_group", body, "POST volume group %s" % name,
                              "create", resource_name=name)
        result["volume_group"] = None
        final = self._wait(client, job_id, "create volume group %s" % name, params, ctx, result)
        if final is None or final["state"] != lc.SUCCEEDED:
            return result
        result["volume_group"] = summarize_vg(client.volume_group(name))
        return result

    # -- absent
    def _absent(self, client, vg, name, params, ctx, result):
        if vg is not None and self._adopt(client, params, ctx, result, resource_id=vg["id"]):
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
        job_id = self._change(client, ctx, result, "DELETE", join_path("/volume_group", vg["id"]), None,
                              "DELETE volume group %s" % vg["name"], "delete", resource_id=vg["id"])
        self._wait(client, job_id, "delete volume group %s" % vg["name"], params, ctx, result)
        return result

    @staticmethod
    def _change(client, ctx, result, method, path, body, what, action, resource_id=None, resource_name=None):
        """Submit a change once; a lost reply adopts the job it created (see _submit).

        Then look for another job on the group submitted in the same window (another controller
        does not share the lock). PowerStore has no job cancel, so it is reported, not resolved.
        """
        job_id = submit_once(
            client.transport, lambda: client.change(method, path, body, what=what),
            lambda since: client.find_submitted(action, resource_id=resource_id, resource_name=resource_name,
                                                since=since),
            ctx, what, known_ids=result.get("adopted_job_ids") or (),
            result=result, changed=bool(result.get("adopted_job_ids")),
            searched="%s jobs on volume group %s" % (action, resource_name or resource_id))
        known = set(result.get("adopted_job_ids") or ()) | set([job_id])
        others = [j["id"] for j in client.in_flight(resource_id=resource_id, resource_name=resource_name)
                  if j["id"] not in known]
        if others:
            ctx.warn("%s: job(s) %s on the same volume group were submitted by another run at the same moment as job "
                     "%s; PowerStore cannot cancel jobs, so both run and the later one decides" % (
                         what, ", ".join(others), job_id))
            result["duplicate_job_ids"] = others
        return job_id

    # -- waiting
    @staticmethod
    def _adopt(client, params, ctx, result, **where):
        """Adopt the jobs in flight on the group (not in check mode, which only reads); their final records."""
        if ctx.check_mode:
            return []
        jobs = adopt(client, client.in_flight(**where), params, ctx, result)
        if jobs:
            result["adopted_jobs"] = jobs
        return jobs

    def _wait(self, client, job_id, what, params, ctx, result):
        """Wait for the submitted job; None when not waiting. A failed job fails the task."""
        if self.held is not None:
            self.held.release()
        result.update(job_id=job_id, changed=True)
        if not params["wait"]:
            return None
        job = wait_and_collect(client, [job_id], params, ctx, extra_on_timeout=dict(result))[0]
        result["job"] = job
        if job["state"] != lc.SUCCEEDED:
            # FAILED means PowerStore cleaned up after itself; UNRECOVERABLE_FAILED may leave changes.
            result["changed"] = job["raw_state"] == "UNRECOVERABLE_FAILED"
        check_outcome([job], params["fail_on"], result, message=lambda bad: "PowerStore job %s (%s) ended %s (state %s%s): %s" % (
            job_id, what, job["state"], job["raw_state"], ", HTTP %s" % job["response_status"] if job.get("response_status") else "",
            job.get("message") or "no message"))
        return job


VOLUME_GROUP = VolumeGroup()
