# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""NetApp AIQUM operations: file shares (create, resize, export rules, delete)."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as _aiqum
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
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
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import submit_once

RULE_DEFAULTS = {"protocols": ["any"], "ro_rule": ["sys"], "rw_rule": ["sys"], "superuser": ["none"]}
# Worst first: the task's outcome is the worst of its jobs.
SEVERITY = (lc.FAILED, lc.CANCELED, lc.PARTIAL, lc.UNKNOWN, lc.RUNNING, lc.PENDING, lc.PAUSED, lc.SUCCEEDED)


# ---------------------------------------------------------------- export rules

def desired_rules(rules):
    """Module rules -> normalised dicts, or None when rules are not managed."""
    if rules is None:
        return None
    out = []
    for i, rule in enumerate(rules):
        clients = [str(c).strip() for c in (rule.get("clients") or [])]
        if not clients or not all(clients):
            raise InputError("export_policy_rules[%d].clients must list at least one non-empty client match "
                             "(an address, network, host name, .domain or @netgroup)" % i)
        out.append({"clients": clients,
                    "protocols": list(rule.get("protocols") or RULE_DEFAULTS["protocols"]),
                    "ro_rule": list(rule.get("ro_rule") or RULE_DEFAULTS["ro_rule"]),
                    "rw_rule": list(rule.get("rw_rule") or RULE_DEFAULTS["rw_rule"]),
                    "superuser": list(rule.get("superuser") or RULE_DEFAULTS["superuser"])})
    return out


def current_rules(share):
    """A file share's export rules in the same form as desired_rules()."""
    policy = ((share or {}).get("access_control") or {}).get("export_policy") or {}
    out = []
    for rule in sorted(policy.get("rules") or [], key=lambda r: r.get("index") or 0):
        out.append({"clients": [str(c.get("match")) for c in rule.get("clients") or [] if isinstance(c, dict)],
                    "protocols": list(rule.get("protocols") or RULE_DEFAULTS["protocols"]),
                    "ro_rule": list(rule.get("ro_rule") or RULE_DEFAULTS["ro_rule"]),
                    "rw_rule": list(rule.get("rw_rule") or RULE_DEFAULTS["rw_rule"]),
                    "superuser": list(rule.get("superuser") or RULE_DEFAULTS["superuser"])})
    return out


def _rule_key(rule):
    # Client order and protocol order do not change what a rule grants; rule order does.
    return (tuple(sorted(rule["clients"])), tuple(sorted(p.lower() for p in rule["protocols"])),
            tuple(sorted(rule["ro_rule"])), tuple(sorted(rule["rw_rule"])), tuple(sorted(rule["superuser"])))


def rules_equal(a, b):
    return [_rule_key(r) for r in a] == [_rule_key(r) for r in b]


def rules_body(rules):
    return [{"clients": [{"match": c} for c in r["clients"]], "protocols": r["protocols"], "ro_rule": r["ro_rule"],
             "rw_rule": r["rw_rule"], "superuser": r["superuser"]} for r in rules]


# ---------------------------------------------------------------- helpers

def share_size(share):
    return ((share or {}).get("space") or {}).get("size")


def describe(share, svm_name):
    """The comparable view of a share, for diff output."""
    if share is None:
        return {"state": "absent"}
    return {"state": "present", "name": share.get("name"), "svm": svm_name, "size": share_size(share),
            "export_policy_rules": current_rules(share)}


def raw_text(job):
    if job.get("raw_status"):
        return "%s/%s" % (job.get("raw_state"), job["raw_status"])
    return str(job.get("raw_state"))


def worst(states):
    for state in SEVERITY:
        if state in states:
            return state
    return None


def on_share(job, name, svm_key, share_key):
    """Does this in-flight job work on our share?"""
    if share_key and (job.get("resource_key") == share_key or share_key in (job.get("target_ids") or [])):
        return True
    return job.get("resource_name") == name and job.get("svm_key") == svm_key


class FileShare(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, WAIT_ARGSPEC,
        name=dict(type="str", required=True),
        svm=dict(type="str", required=True),
        aggregate=dict(type="str"),
        size=dict(type="raw"),
        export_policy_rules=dict(type="list", elements="dict", options=dict(
            clients=dict(type="list", elements="str", required=True),
            protocols=dict(type="list", elements="str", default=["any"]),
            ro_rule=dict(type="list", elements="str", default=["sys"]),
            rw_rule=dict(type="list", elements="str", default=["sys"]),
            superuser=dict(type="list", elements="str", default=["none"]),
        )),
        state=dict(type="str", default="present", choices=["present", "absent"]),
    )
    requirements = req.JSON
    held = None  # the submission lock while this run holds it (see run)

    def run(self, params, ctx):
        # Everything that can be checked offline is checked before the first request.
        name = _aiqum.check_name(params["name"])
        svm_ref = _aiqum.check_svm(params["svm"])
        size = _aiqum.parse_size(params["size"]) if params["size"] is not None else None
        rules = desired_rules(params["export_policy_rules"])
        aggregate_ref = params["aggregate"]
        if aggregate_ref is not None and not str(aggregate_ref).strip():
            raise InputError("aggregate must not be empty")
        client = ctx.connect("aiqum", params)
        if ctx.check_mode:
            return self._run(client, name, svm_ref, size, rules, aggregate_ref, params, ctx)
        # One look-then-submit at a time per share on this controller; released once the jobs are
        # submitted, so the next run sees them and adopts them.
        lock_info = {}
        with submission_lock(ctx, ctx.deadline(params["wait_timeout"]), client.transport.base_url, "file_share",
                             "%s\n%s" % (svm_ref, name), "File share %s on SVM %s" % (name, svm_ref),
                             lock_info) as self.held:
            result = self._run(client, name, svm_ref, size, rules, aggregate_ref, params, ctx)
        result.update(lock_info)
        return result

    def _run(self, client, name, svm_ref, size, rules, aggregate_ref, params, ctx):
        present = params["state"] == "present"
        svm = self._svm(client, svm_ref)
        share = self._share(client, name, svm)
        result = dict(changed=False, name=name, svm=svm["name"], svm_key=svm["key"],
                      key=share["key"] if share else None, job_ids=[], adopted_job_ids=[], operations=[],
                      jobs=[], failed_items=[], outcome=None)

        # A re-run after a crash must not submit twice: adopt jobs already working on this share.
        # (Check mode names them without waiting.)
        found = [j for j in client.in_flight_jobs() if on_share(j, name, svm["key"], share["key"] if share else None)]
        jobs = adopt(client, found, params, ctx, result, wait=not ctx.check_mode and params["wait"])
        if found and not ctx.check_mode:
            if not params["wait"]:
                result.update(changed=True, job_ids=list(result["adopted_job_ids"]))
                return result
            self._collect(jobs, result, ctx)
            result["changed"] = True
            if result["outcome"] != lc.SUCCEEDED:
                # The earlier run's change did not fully apply: report it, do not pile on a new job.
                result["file_share"] = self._reread(client, result, name, svm)
                self._fail_if(result, params)
                return result
            share = self._share(client, name, svm)
            result["key"] = share["key"] if share else None

        plan = self._plan(params, share, size, rules, name, svm)
        if plan and plan[0][0] == "create" and aggregate_ref:
            plan[0][1]["aggregate"] = {"key": self._aggregate(client, aggregate_ref, svm)}
        after = self._after(share, plan, size, rules, name, svm["name"], present)
        result["changed"] = result["changed"] or bool(plan)
        result["operations"] = [op for op, _body in plan]
        if ctx.diff:
            result["diff"] = {"before": describe(share, svm["name"]), "after": after}
        if ctx.check_mode or not plan:
            if result["outcome"] is None:
                result["outcome"] = lc.SUCCEEDED if not plan else None
            result["file_share"] = share
            return result

        for op, body in plan:
            result["job_ids"].append(self._submit(client, ctx, op, body, share, name, svm, result))
        if self.held is not None:
            self.held.release()
        if not params["wait"]:
            return result
        jobs = wait_and_collect(client, result["job_ids"], params, ctx, extra_on_timeout=dict(result, changed=True))
        self._collect(jobs, result, ctx)
        result["file_share"] = self._reread(client, result, name, svm)
        self._fail_if(result, params)
        return result

    @staticmethod
    def _submit(client, ctx, op, body, share, name, svm, result):
        """Submit one planned operation once; a lost reply adopts the job it created (see _submit)."""
        verb = op if op in ("create", "delete") else "modify"

        def send():
            if verb == "create":
                return client.create_file_share(body)
            if verb == "delete":
                return client.delete_file_share(share["key"])
            return client.modify_file_share(share["key"], body)

        share_key = share["key"] if share else None
        # The jobs of this task (an earlier step of the plan, adopted ones) are not this one.
        known = list(result["job_ids"]) + list(result["adopted_job_ids"])
        what = "%s file share %s on SVM %s (%s)" % (verb.capitalize(), name, svm["name"], op)
        job_id = submit_once(
            client.transport, send, lambda since: client.find_submitted(verb, name, svm["key"], share_key, since),
            ctx, what, known_ids=known,
            result=result, changed=bool(result["job_ids"]),
            searched="%s jobs on file share %s" % (verb, name))
        # Another controller does not share the lock: report a job on the share submitted meanwhile.
        others = [j["id"] for j in client.in_flight_jobs() if on_share(j, name, svm["key"], share_key)
                  and j["id"] != job_id and j["id"] not in known]
        if others:
            ctx.warn("%s: job(s) %s on the same file share were submitted by another run at the same moment as job %s; "
                     "both run" % (what, ", ".join(others), job_id))
            result.setdefault("duplicate_job_ids", []).extend(others)
        return job_id

    # -- reads
    @staticmethod
    def _svm(client, ref):
        found = client.svms(ref)
        if not found:
            raise InputError("SVM %s was not found in Active IQ Unified Manager" % ref)
        if len(found) > 1:
            raise InputError("SVM name %s is ambiguous (%s); give the SVM key instead" % (
                ref, ", ".join("%s on %s" % (s.get("key"), (s.get("cluster") or {}).get("name")) for s in found)))
        svm = found[0]
        return {"key": svm.get("key"), "name": svm.get("name"), "cluster_key": (svm.get("cluster") or {}).get("key")}

    @staticmethod
    def _share(client, name, svm):
        found = [s for s in client.file_shares(name, svm["key"]) if s.get("name") == name]
        if len(found) > 1:
            raise InputError("AIQUM lists %d file shares named %s on SVM %s" % (len(found), name, svm["name"]))
        return found[0] if found else None

    @staticmethod
    def _aggregate(client, ref, svm):
        found = client.aggregates(str(ref).strip(), svm["cluster_key"])
        if len(found) != 1:
            raise InputError("aggregate %s %s on the cluster of SVM %s" % (
                ref, "was not found" if not found else "is ambiguous", svm["name"]))
        return found[0]["key"]

    @staticmethod
    def _reread(client, result, name, svm):
        if result.get("key"):
            return client.file_share(result["key"])
        return None

    # -- planning
    @staticmethod
    def _plan(params, share, size, rules, name, svm):
        """[(operation, body)]: only what differs; AIQUM modifies one property per request."""
        if params["state"] == "absent":
            return [("delete", None)] if share else []
        if share is None:
            if size is None:
                raise InputError("size is required to create file share %s (it does not exist on SVM %s)"
                                 % (name, svm["name"]))
            body = {"name": name, "svm": {"key": svm["key"]}, "space": {"size": size}}
            if rules is not None:
                body["access_control"] = {"export_policy": {"rules": rules_body(rules)}}
            return [("create", body)]
        plan = []
        if size is not None and size != share_size(share):
            plan.append(("resize", {"space": {"size": size}}))
        if rules is not None and not rules_equal(rules, current_rules(share)):
            plan.append(("export_policy_rules", {"access_control": {"export_policy": {"rules": rules_body(rules)}}}))
        return plan

    @staticmethod
    def _after(share, plan, size, rules, name, svm_name, present):
        if not present:
            return {"state": "absent"}
        view = describe(share, svm_name) if share else {"state": "present", "name": name, "svm": svm_name,
                                                        "size": None, "export_policy_rules": []}
        for op, _body in plan:
            if op in ("create", "resize"):
                view["size"] = size
            if op == "export_policy_rules" or (op == "create" and rules is not None):
                view["export_policy_rules"] = rules
        return view

    # -- outcomes
    @staticmethod
    def _collect(jobs, result, ctx):
        for job in jobs:
            result["jobs"].append(job)
            key = (job.get("job_results") or {}).get("fileshareKey")
            if key:
                result["key"] = key
            if job.get("warning") and job["state"] == lc.SUCCEEDED:
                # WARNING means the change was made; the warning is surfaced, not hidden.
                ctx.warn("AIQUM job %s (%s) finished with a warning: %s" % (
                    job["id"], job.get("operation"), job.get("message") or "no message"))
            for item in job.get("failed_items") or []:
                result["failed_items"].append({"job_id": job["id"], "operation": job.get("operation"),
                                               "item": item["name"], "message": item["message"]})
            if job["state"] in (lc.FAILED, lc.PARTIAL) and not job.get("failed_items"):
                result["failed_items"].append({"job_id": job["id"], "operation": job.get("operation"),
                                               "item": job.get("operation"), "message": job.get("message")})
        result["outcome"] = worst(set(j["state"] for j in result["jobs"]))

    @staticmethod
    def _fail_if(result, params):
        check_outcome(result["jobs"], params["fail_on"], result, message=lambda bad: failure_text(result, bad, params))


def failure_text(result, bad, params):
    """The message naming each failing job of a file share task with its failed items."""
    parts = []
    for job in bad:
        text = "job %s (%s) %s [%s]" % (job["id"], job.get("operation"), job["state"], raw_text(job))
        items = [i for i in result["failed_items"] if i["job_id"] == job["id"]]
        if items:
            text += ": %d item(s) failed: %s" % (len(items), "; ".join(
                "%s: %s" % (i["item"], i["message"]) for i in items[:10]))
        elif job.get("message"):
            # e.g. a finished job whose outcome could not be read: its message says why.
            text += ": %s" % job["message"]
        parts.append(text)
    return "File share %s on SVM %s: %s (fail_on=%s)" % (result["name"], result["svm"], "; ".join(parts), params["fail_on"])


FILE_SHARE = FileShare()
