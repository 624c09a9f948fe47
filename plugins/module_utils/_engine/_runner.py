# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The Operation contract, the task Context and the runner (``execute``).

An Operation is the whole behaviour of one module; the module file and its action plugin
are thin adapters that validate options and call ``execute(op, params, ctx)``, which runs
``Operation.run`` and adds the task's accounting to the result once.
"""

from __future__ import annotations

import os

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._connect import make_client
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import check_common_params
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import secret_values
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import Deadline, wait_for_jobs
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError


class Context(object):
    """What an Operation may know of its caller: modes, ways to talk to the user, and the
    task's shared state: its one deadline, the transports it opened and the waits it made
    (the runner adds requests and wait statistics to the result once, from these)."""

    def __init__(self, check_mode=False, diff=False, progress=None, warn=None, environ=None):
        self.check_mode = check_mode
        # Where *_URL/*_PASSWORD fallbacks are read: the process environment for a module,
        # the process environment plus the task's environment: keyword for an action plugin.
        self.environ = os.environ if environ is None else environ
        self.diff = diff
        self.progress = progress
        self.warnings = []
        self._warn = warn
        self._deadline = None
        self.transports = []
        self.waits = []

    def deadline(self, wait_timeout=None):
        """The task's one wait budget. The runner starts it with the task, so every wait (and a
        lock wait) of the task shares ``wait_timeout``; ``wait_timeout`` starts it when an
        Operation runs outside the runner (unit tests)."""
        if self._deadline is None:
            self._deadline = Deadline(wait_timeout)
        return self._deadline

    def connect(self, api, params):
        """The backend client for ``api``; its requests are counted in the task's result."""
        client = make_client(api, params, self.environ)
        self.track(client.transport)
        return client

    def track(self, transport):
        self.transports.append(transport)
        return transport

    def wait(self, backend, ids, params, report=True, **options):
        """The task's waits all go through here: the one wait loop, the task's deadline, its
        poll settings and progress reporting. The runner reports the statistics of the waits
        for the jobs the result is about (``report``); a wait before the task's own (a read it
        needs, an adopted or a conflicting job) is not counted in them."""
        deadline = self.deadline(params["wait_timeout"])
        options.setdefault("progress", self.progress)
        try:
            outcome = wait_for_jobs(backend, ids, deadline, params["poll_interval"], params["max_poll_interval"],
                                    **options)
        except FleetError as exc:
            # A wait that timed out or gave up carries its statistics; an error raised by a poll
            # itself (a monitor answering 404) does not.
            if report and all(key in exc.result for key in ("elapsed", "polls", "history")):
                self.waits.append(exc.result)
            raise
        if report:
            self.waits.append(outcome)
        return outcome

    def account(self, result):
        """The task's requests (all of them) and the statistics of its reported waits, added to its
        result once (success or failure)."""
        if self.transports:
            result["requests"] = sum(t.stats["requests"] for t in self.transports)
        if self.waits:
            result["elapsed"] = round(sum(w["elapsed"] for w in self.waits), 3)
            result["polls"] = sum(w["polls"] for w in self.waits)
            result["history"] = [h for w in self.waits for h in w["history"]]
        return result

    def warn(self, msg):
        if self._warn is not None:
            self._warn(msg)
        else:
            self.warnings.append(msg)


class Operation(object):
    """One module's behaviour. Subclasses set the spec and implement run()."""

    argument_spec = {}
    mutually_exclusive = []
    required_together = []
    required_one_of = []
    required_if = []
    # Python libraries the operation needs: (name, available, import error) triples, as in
    # _requirements; an operation whose libraries depend on its options sets requirements_for.
    requirements = ()

    def run(self, params, ctx):
        raise NotImplementedError

    def extra_no_log_values(self, params):
        """Secret values found inside options that are not no_log themselves (e.g. headers)."""
        return ()

    def no_log_values(self, params, environ=None):
        """Every value a result must not show: no_log options (top-level: no option of the
        collection has no_log suboptions), secrets inside other options, and every credential
        the task may use (see secret_values). Read from the spec itself rather than from
        ansible-core's validator, whose record of them is private."""
        values = set(str(params[name]) for name, spec in self.argument_spec.items()
                     if spec.get("no_log") and params.get(name) not in (None, ""))
        return values | set(self.extra_no_log_values(params)) | secret_values(params, environ)


def execute(op, params, ctx):
    """Run an Operation for either adapter (module or action plugin): reject unusable durations
    before anything is sent, start the task's deadline, run, and add the task's accounting to
    the result. A FleetError leaves with its result completed the same way."""
    try:
        check_common_params(params)
        if params.get("wait_timeout") is not None:
            ctx.deadline(params["wait_timeout"])
        result = op.run(params, ctx)
    except FleetError as exc:
        exc.result.setdefault("changed", False)
        ctx.account(exc.result)
        raise
    return ctx.account(result)


def validation_kwargs(op):
    """Keyword arguments shared by AnsibleModule and ArgumentSpecValidator."""
    return dict(mutually_exclusive=op.mutually_exclusive, required_together=op.required_together,
                required_one_of=op.required_one_of, required_if=op.required_if)
