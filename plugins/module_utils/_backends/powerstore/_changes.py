# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""PowerStore changes as jobs: the steps every PowerStore operation shares, for any resource type.

Before a change, the jobs still running on the resources are adopted (one listing covers many
resources); each change is submitted once with ``?is_async=true`` (a lost reply adopts the job it
created, see ``_submit``); a job another controller submitted on the same resources at the same
moment is reported (PowerStore cannot cancel jobs); and the task's jobs are waited for together,
one listing per poll round however many there are.
"""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import adopt, check_outcome, wait_and_collect
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import submit_once


def failure_text(job, what):
    """One line for a job that did not succeed: id, what it did, state, HTTP status and messages."""
    return "PowerStore job %s (%s) ended %s (state %s%s): %s" % (
        job["id"], what, job["state"], job["raw_state"],
        ", HTTP %s" % job["response_status"] if job.get("response_status") else "", job.get("message") or "no message")


class Changes(object):
    """The PowerStore jobs of one task: adopted, submitted and waited for.

    ``held`` is the task's submission lock while it holds one: released at the first submission,
    so a concurrent run of the same change then finds the job and adopts it.
    """

    def __init__(self, client, params, ctx, result, held=None):
        self.client, self.params, self.ctx, self.result = client, params, ctx, result
        self.held = held
        self.submitted = []  # (job id, resource_type, resource id or None, resource name or None)

    def adopt(self, resource_type, ids=(), names=(), action=None):
        """Wait for the jobs in flight on these resources (not in check mode, which only reads).

        Returns their final records, which are also added to ``result["adopted_jobs"]``.
        """
        ids, names = [i for i in ids if i], [n for n in names if n]
        if self.ctx.check_mode or not (ids or names):
            return []
        found = self.client.in_flight(resource_type=resource_type, resource_id=ids or None,
                                      resource_name=names or None, action=action)
        jobs = adopt(self.client, found, self.params, self.ctx, self.result)
        if jobs:
            self.result.setdefault("adopted_jobs", []).extend(jobs)
        return jobs

    def submit(self, method, path, body, what, action, resource_type, resource_id=None, resource_name=None):
        """Submit one change once; returns its job id."""
        client = self.client
        job_id = submit_once(
            client.transport, lambda: client.change(method, path, body, what=what),
            lambda since: client.find_submitted(action, resource_id=resource_id, resource_name=resource_name,
                                                since=since, resource_type=resource_type),
            self.ctx, what, known_ids=self.known_ids(), result=self.result,
            changed=bool(self.result.get("adopted_job_ids") or self.submitted),
            searched="%s jobs on %s %s" % (action, resource_type.replace("_", " "), resource_name or resource_id))
        if self.held is not None:
            self.held.release()
        self.submitted.append((job_id, resource_type, resource_id, resource_name))
        self.result["changed"] = True
        return job_id

    def known_ids(self):
        return list(self.result.get("adopted_job_ids") or ()) + [s[0] for s in self.submitted]

    def check_duplicates(self, what):
        """Report jobs on the same resources that another run submitted beside ours (one listing per type)."""
        known = set(self.known_ids())
        others = []
        for resource_type in sorted(set(s[1] for s in self.submitted)):
            ids = sorted(set(s[2] for s in self.submitted if s[1] == resource_type and s[2]))
            names = sorted(set(s[3] for s in self.submitted if s[1] == resource_type and not s[2] and s[3]))
            for key, values in (("resource_id", ids), ("resource_name", names)):
                if values:
                    found = self.client.in_flight(resource_type=resource_type, **{key: values})
                    others.extend(j["id"] for j in found if j["id"] not in known and j["id"] not in others)
        if others:
            self.ctx.warn("%s: job(s) %s on the same %s were submitted by another run at the same moment as job(s) %s; "
                          "PowerStore cannot cancel jobs, so both run and the later one decides" % (
                              what, ", ".join(others), "resources" if len(self.submitted) > 1 else "resource",
                              ", ".join(s[0] for s in self.submitted)))
            self.result.setdefault("duplicate_job_ids", []).extend(others)
        return others

    def wait(self, job_ids):
        """Wait for jobs of this task together; their final records (None when ``wait`` is false)."""
        if not self.params["wait"]:
            return None
        return wait_and_collect(self.client, list(job_ids), self.params, self.ctx,
                                extra_on_timeout=dict(self.result, changed=True))

    def wait_one(self, job_id, what):
        """Wait for one submitted job; a job that did not succeed fails the task (per ``fail_on``).

        Returns the job, or None when not waiting. FAILED means PowerStore cleaned up after itself
        (changed=false); UNRECOVERABLE_FAILED may have left changes.
        """
        self.result["job_id"] = job_id
        jobs = self.wait([job_id])
        if jobs is None:
            return None
        job = jobs[0]
        self.result["job"] = job
        if job["state"] != lc.SUCCEEDED:
            adopted = any(j["state"] == lc.SUCCEEDED for j in self.result.get("adopted_jobs") or ())
            self.result["changed"] = job["raw_state"] == "UNRECOVERABLE_FAILED" or adopted
        check_outcome([job], self.params["fail_on"], self.result, message=lambda bad: failure_text(job, what))
        return job
