# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A backend client whose job listing and polls answer from a script, one round at a time: for the
tests of the job_events event source and its engine part (_engine/_watch.py). ``import fakes_watch``
(conftest.py puts this directory on sys.path)."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError

import fakes


class ScriptedClient(fakes.FakeClient):
    """A FakeClient whose listing and polls answer from ``script``: one entry per read, a list of
    records or a FleetError to raise. ``retry_after`` may be set by a test, as a real poll does."""

    def __init__(self, script, results=None):
        super().__init__(results=results)
        self.script = list(script)
        self.retry_after = None

    @staticmethod
    def check_id(job_id, source=None):
        if not str(job_id).isdigit():
            if source:
                raise ApiError("%s named job id %r, which is not a job id" % (source, job_id))
            raise InputError("%r is not a job id" % (job_id,))
        return str(job_id)

    def _next(self):
        answer = self.script.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return [dict(j) for j in answer]

    def list_jobs(self, condition=None, page_size=1000, limit=None):
        self._read("list_jobs", page_size=page_size)
        return self._next()

    def poll(self, ids):
        self._read("poll", list(ids))
        return {j["id"]: j for j in self._next() if j["id"] in ids}

    def results(self, job_id):
        self._read("results", job_id)
        answer = self.results_by_id[job_id]
        if isinstance(answer, Exception):
            raise answer
        return dict(answer)
