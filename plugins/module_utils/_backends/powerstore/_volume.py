# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Dell PowerStore operations: powerstore_volume (one volume, or many in one task).

The cost grows with the work, not with the number of volumes or polls: one listing reads the
volumes (per 100), one per referenced type resolves names, one finds the jobs in flight on them;
then each round submits the next step of every volume and waits for all of the round's jobs
together (one listing per poll round), and one listing reads the volumes back.
"""

from __future__ import annotations

import contextlib

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, FleetError, InputError, JobFailed
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._changes import Changes, failure_text
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _volume_plan as vp

_ONE = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"]),
    new_name=dict(type="str"),
    size=dict(type="raw"),
    description=dict(type="str"),
    volume_group=dict(type="str"),
    protection_policy=dict(type="str"),
    performance_policy=dict(type="str"),
    host=dict(type="str"),
    host_group=dict(type="str"),
    logical_unit_number=dict(type="int"),
    mapping_state=dict(type="str", choices=["mapped", "unmapped"]),
)
# The policy types a volume refers to (the spec's PolicyTypeEnum values).
POLICY_TYPES = ("Protection", "Performance")
# Statuses of a submission PowerStore refused for that volume alone (the spec's 400, 404 and 422).
REFUSALS = (400, 404, 409, 422)


class HeldLocks(object):
    """The submission locks of a task's volumes, by item key. A volume's lock is released once its
    first change is submitted (a concurrent run then finds the job and adopts it), the others once
    the first round is submitted: never while waiting."""

    def __init__(self, held):
        self.held = dict(held)

    def release(self, keys=None):
        for key in list(self.held) if keys is None else keys:
            held = self.held.pop(key, None)
            if held is not None:
                held.release()


class Volume(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, WAIT_ARGSPEC,
        volumes=dict(type="list", elements="dict", options=dict(_ONE)),
        **_ONE
    )
    requirements = req.JSON

    def run(self, params, ctx):
        items = vp.items_from(params)
        many = params.get("volumes") is not None
        result = dict(changed=False, job_ids=[], jobs=[], adopted_job_ids=[])
        if many:
            result["volumes"] = []
        if not items:
            return result
        client = ctx.connect("powerstore", params)
        if ctx.check_mode:
            return self._run(client, items, many, params, ctx, result, None)
        # One look-then-submit at a time per volume on this controller, every item's lock taken in
        # one order (no deadlock between two runs), each released once its volume's change is submitted.
        deadline = ctx.deadline(params["wait_timeout"])
        with contextlib.ExitStack() as stack:
            held = [(key, stack.enter_context(submission_lock(ctx, deadline, client.transport.base_url, "volume", key,
                                                              "Volume %s" % key.split(":", 1)[1], result)))
                    for key in sorted(set(item["keys"][0] for item in items))]
            return self._run(client, items, many, params, ctx, result, HeldLocks(held))

    # -- reading and planning
    @staticmethod
    def _read(client, items):
        names = [n for item in items for n in (item["name"], item["new_name"]) if n]
        return client.volumes(names=names, ids=[item["id"] for item in items if item["id"]])

    @staticmethod
    def _lookups(client, items):
        lookups = {}
        for rtype in sorted(vp.lookups_needed(items)):
            where = {"type": "in.(%s)" % ",".join(POLICY_TYPES)} if rtype == "policy" else None
            lookups[rtype] = client.named(rtype, where, select="id,name,type" if rtype == "policy" else "id,name")
        return lookups

    @staticmethod
    def _plan(items, rows, wants, lookups):
        names = vp.names_of(lookups, rows)
        plans, owner = [], {}
        for item, want in zip(items, wants):
            row = vp.find_row(item, rows)
            if row is not None:
                if row["id"] in owner:
                    raise InputError("%s and %s name the same volume (id %s): give each volume once"
                                     % (owner[row["id"]], item["label"], row["id"]))
                owner[row["id"]] = item["label"]
            plans.append(dict(vp.plan(item, row, want, names), row=row))
        return plans, names

    def _run(self, client, items, many, params, ctx, result, held):
        rows = self._read(client, items)
        lookups = self._lookups(client, items)
        wants = [vp.resolve(item, lookups) for item in items]
        plans, names = self._plan(items, rows, wants, lookups)
        self._one_step_only(items, plans, params, result)
        adopted = self._adopt(client, plans, params, ctx, result)
        if adopted:
            rows = self._read(client, items)
            plans, names = self._plan(items, rows, wants, lookups)
            self._one_step_only(items, plans, params, result)
        entries = [self._entry(item, p, names, adopted) for item, p in zip(items, plans)]
        if many:
            result["volumes"] = entries
        adopted_ok = any(j["state"] == lc.SUCCEEDED for j in adopted)
        self._report(entries, many, ctx, result)
        if ctx.check_mode or not any(p["steps"] for p in plans):
            for entry in entries:
                entry["changed"] = entry["changed"] or bool(ctx.check_mode and entry["_plan"]["steps"])
            result["changed"] = adopted_ok or any(e["changed"] for e in entries)
            return self._finish(entries, many, result)
        try:
            jobs = self._rounds(client, entries, params, ctx, result, held)
        except FleetError as exc:
            # A timeout, a lost reply or an error: what was submitted so far goes with it.
            for key, value in result.items():
                exc.result.setdefault(key, value)
            exc.result["changed"] = exc.result.get("changed") or any(e["changed"] for e in entries)
            self._finish(entries, many, exc.result)
            raise
        result["changed"] = adopted_ok or any(e["changed"] for e in entries)
        if params["wait"]:
            self._read_back(client, wants, entries, names)
        bad = set(j["id"] for j in lc.failing(jobs, params["fail_on"]))
        failed = [e["msg"] for e in entries if e["msg"] and (e["_judged"] in bad or e["_differs"] or e["_refused"])]
        self._finish(entries, many, result)
        if failed:
            raise JobFailed("%d of %d volume(s) did not reach the requested state (fail_on=%s): %s" % (
                len(failed), len(entries), params["fail_on"], "; ".join(failed[:20])), **result)
        return result

    @staticmethod
    def _one_step_only(items, plans, params, result):
        """Without wait, a plan of several steps cannot run: each later step needs the end of the job before it."""
        several = [(item, p) for item, p in zip(items, plans) if len(p["steps"]) > 1]
        if params["wait"] or not several:
            return
        raise InputError("with wait: false only changes of one step can be submitted, because each later step needs "
                         "the end of the job before it; %s. Set wait: true, or split the change into tasks. Nothing "
                         "was submitted." % "; ".join("%s needs %d: %s" % (item["label"], len(p["steps"]), ", then ".join(
                             s["what"] for s in p["steps"])) for item, p in several), **result)

    @staticmethod
    def _adopt(client, plans, params, ctx, result):
        """Jobs already running on the volumes (one listing), on the names to create, and on the groups
        whose members change, waited for instead of submitting the same change again."""
        changes = Changes(client, params, ctx, result)
        ids = sorted(set(p["row"]["id"] for p in plans if p["row"] is not None))
        creates = sorted(set(s["resource_name"] for p in plans for s in p["steps"] if s["kind"] == "create"))
        groups = sorted(set(s["resource_id"] for p in plans for s in p["steps"] if s["resource_type"] == "volume_group"))
        adopted = changes.adopt("volume", ids=ids)
        adopted += changes.adopt("volume", names=creates, action="create")
        adopted += changes.adopt("volume_group", ids=groups)
        return adopted

    @staticmethod
    def _entry(item, p, names, adopted):
        row = p["row"]
        name, vid = (row or {}).get("name") or item["name"], (row or {}).get("id") or item["id"]
        # A job adopted on this volume that succeeded changed it (for this task's result too).
        mine = [j for j in adopted if (vid and j.get("resource_id") == vid)
                or (j.get("operation") == "create" and name and str(j.get("resource_name") or "").casefold()
                    == name.casefold())]
        adopted_ok = any(j["state"] == lc.SUCCEEDED for j in mine)
        return dict(name=name, id=vid, changed=adopted_ok, changes=p["changes"], job_ids=[], failed=False, msg=None,
                    volume=vp.summarize(row, names), _plan=p, _item=item, _adopted=adopted_ok, _judged=None,
                    _differs=False, _refused=False, _new_id=None)

    @staticmethod
    def _report(entries, many, ctx, result):
        if not many:
            result["changes"] = entries[0]["changes"]
        if not ctx.diff:
            return
        changed = [e for e in entries if e["_plan"]["steps"]]
        if not many:
            if changed:
                result["diff"] = {"before": changed[0]["_plan"]["before"], "after": changed[0]["_plan"]["after"]}
            return
        if changed:
            result["diff"] = {"before": dict((e["name"], e["_plan"]["before"]) for e in changed),
                              "after": dict((e["name"], e["_plan"]["after"]) for e in changed)}

    # -- submitting, round by round
    def _rounds(self, client, entries, params, ctx, result, held):
        """Submit the next step of every volume still on track, wait for the round's jobs together, repeat.
        Returns every final job (none without wait)."""
        jobs = []
        for index in range(max(len(e["_plan"]["steps"]) for e in entries)):
            batch = [e for e in entries if len(e["_plan"]["steps"]) > index and not e["failed"]]
            if not batch:
                break
            changes = Changes(client, params, ctx, result)
            submitted = []  # (job id, step, entries)
            for step, served in self._merged([(e["_plan"]["steps"][index], e) for e in batch]):
                try:
                    job_id = changes.submit(step["method"], step["path"], step["body"], step["what"], step["action"],
                                            step["resource_type"], step["resource_id"], step["resource_name"])
                except ApiError as exc:
                    # Refused at once (the volume went away, a state PowerStore checks up front): this
                    # volume's failure, not the others'. Sessions and server errors end the task.
                    if exc.status not in REFUSALS:
                        raise
                    for entry in served:
                        entry.update(failed=True, _refused=True, msg="%s: %s" % (entry["_item"]["label"], exc.msg))
                    continue
                if held is not None:
                    held.release([e["_item"]["keys"][0] for e in served])
                submitted.append((job_id, step, served))
                result["job_ids"].append(job_id)
                for entry in served:
                    entry["job_ids"].append(job_id)
                    entry["changed"] = True
            if held is not None:
                held.release()
                held = None
            if not submitted:
                continue
            changes.check_duplicates("PowerStore volume changes" if len(submitted) > 1 else submitted[0][1]["what"])
            final = changes.wait([s[0] for s in submitted])
            if final is None:
                return jobs
            jobs.extend(final)
            result["jobs"] = jobs
            by_id = dict((j["id"], j) for j in final)
            for job_id, step, served in submitted:
                self._judge(by_id[job_id], step, served)
        return jobs

    @staticmethod
    def _merged(pairs):
        """Steps as requests: the membership changes of one group in a round are one request."""
        out, merged = [], {}
        for step, entry in pairs:
            if step["kind"] not in ("add_members", "remove_members"):
                out.append((step, [entry]))
                continue
            key = (step["kind"], step["resource_id"])
            if key not in merged:
                merged[key] = (dict(step, body={"volume_ids": []}), [])
                out.append(merged[key])
            request, served = merged[key]
            request["body"]["volume_ids"].extend(step["volume_ids"])
            served.append(entry)
            if len(served) > 1:
                request["what"] = vp.membership_words(step["kind"], [e["name"] for e in served], step["resource_name"])
        return out

    @staticmethod
    def _judge(job, step, served):
        for entry in served:
            entry["_judged"] = job["id"]
            if step["kind"] == "create":
                body = job.get("response_body") if isinstance(job.get("response_body"), dict) else {}
                entry["_new_id"] = body.get("id") or job.get("resource_id")
            if job["state"] != lc.SUCCEEDED:
                entry["failed"] = True
                # FAILED: PowerStore cleaned up; the volume changed only through earlier steps (or adopted jobs).
                entry["changed"] = entry["_adopted"] or job["raw_state"] == "UNRECOVERABLE_FAILED" or len(entry["job_ids"]) > 1
                entry["msg"] = "%s: %s" % (entry["_item"]["label"], failure_text(job, step["what"]))

    # -- reading back
    @staticmethod
    def _read_back(client, wants, entries, names):
        """One listing of the volumes whose jobs all completed; one that still differs is an error."""
        done = [(e, w) for e, w in zip(entries, wants) if e["job_ids"] and not e["failed"]]
        present = [e for e, _w in done if e["_item"]["state"] == "present"]
        ids = [e["_new_id"] or e["id"] for e in present]
        # A create whose job named no id is read by its name.
        lost = [e["_item"]["name"] for e in present if not isinstance(e["_new_id"] or e["id"], str)]
        rows = client.volumes(names=lost, ids=[i for i in ids if isinstance(i, str)]) if present else []
        names.update(vp.names_of({}, rows))
        for entry, want in done:
            item = entry["_item"]
            vid = entry["_new_id"] or entry["id"]
            row = None
            if item["state"] == "present":
                row = next((r for r in rows if r.get("id") == vid), None) if isinstance(vid, str) else vp.find_row(item, rows)
            entry["volume"] = vp.summarize(row, names)
            if row is not None:
                entry.update(name=row.get("name"), id=row.get("id"))
            left = vp.remaining(item, row, want)
            if left:
                entry.update(failed=True, _differs=True, msg="%s: PowerStore job(s) %s completed but the volume still "
                             "differs in: %s" % (item["label"], ", ".join(entry["job_ids"]), ", ".join(left)))

    @staticmethod
    def _finish(entries, many, result):
        for entry in entries:
            for key in [k for k in entry if k.startswith("_")]:
                entry.pop(key)
        if not many:
            result["volume"] = entries[0]["volume"]
        return result


VOLUME = Volume()
