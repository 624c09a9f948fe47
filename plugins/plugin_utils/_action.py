# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Action adapter: run an Operation in the controller's worker process.

These modules only talk HTTP to a manager, so running them on the controller avoids
shipping and starting a module process per host (about 165 ms of controller CPU each)
and lets a long wait print progress lines while it runs. When the task targets a real
remote host (not a local connection), the module is executed there as usual.
"""

from __future__ import annotations

import os
import time

from ansible import constants as C
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._registry import APIS, ENV_PREFIX
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import (
    Context,
    execute,
    validation_kwargs,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import TaskEnviron, env_fallbacks
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._requirements import requirements_of
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import progress_line

display = Display()

# Seconds between progress lines when nothing changes.
PROGRESS_HEARTBEAT = 15.0
# Secret environment fallbacks. Ansible puts a task's environment on the module's command
# line (shown at -vvv and in the remote host's process list), so for a remote module these
# travel as no_log module options instead.
SECRET_ENV = {"password": "PASSWORD", "api_key_secret": "API_KEY_SECRET"}
SECRET_ENV_NAMES = frozenset("%s_%s" % (prefix, suffix) for prefix in ENV_PREFIX.values() for suffix in SECRET_ENV.values())
# module_defaults groups (meta/runtime.yml), one per API.
GROUP = "group/asyncjobs.fleet.%s"


class ProgressReporter(object):
    """Prints a line when states or percentages move, and a heartbeat otherwise."""

    def __init__(self, label, emit=None, clock=time.monotonic):
        self.label = label
        self.emit = emit or display.display
        self.clock = clock
        self.last_line = None
        self.last_time = None

    def __call__(self, elapsed, jobs):
        line = progress_line(elapsed, jobs)
        body = line.partition("] ")[2]
        now = self.clock()
        if body != self.last_line or self.last_time is None or now - self.last_time >= PROGRESS_HEARTBEAT:
            self.last_line = body
            self.last_time = now
            self.emit("%s: %s" % (self.label, line))


def _json_output():
    """True when stdout is consumed as JSON, where extra lines would corrupt it."""
    callback = str(C.config.get_config_value("DEFAULT_STDOUT_CALLBACK") or "")
    return callback.rsplit(".", 1)[-1] in ("json", "jsonl")


def own_group_defaults(args, module_defaults, resolved_action, template):
    """``args`` (merged by Ansible from every group's module_defaults) with only the task's own
    API's group kept, for the job_* modules, which are in every API's group.

    Ansible merges the defaults of every group a module is in, the group listed last winning,
    and hands the action plugin the merged args only. So an option whose value is the one
    another API's group supplied becomes the own group's value, or is dropped (its <PREFIX>_*
    fallback then applies). Options given on the task, or in defaults for the module itself,
    are kept. ``module_defaults`` is the task's list of layers ({"group/...": {...}}), public
    task data on every supported ansible-core; ``template`` renders a layer's values.
    """
    args = dict(args)
    api = args.get("api")
    if api not in APIS:
        return args
    merged = {}
    for layer in module_defaults or []:
        merged.update(layer)
    own_key = GROUP % api
    groups = dict((key, template(merged[key]) or {}) for key in merged if key in set(GROUP % name for name in APIS))
    if not set(groups) - set([own_key]):
        return args
    # Which group supplied each option, in Ansible's merge order (later groups win).
    supplier = {}
    for key, values in groups.items():
        supplier.update((option, key) for option in values)
    specific = template(merged.get(resolved_action) or {})
    for option, key in supplier.items():
        if key == own_key or option in specific or args.get(option) != groups[key][option]:
            continue  # its own group's, the module's own default, or given on the task
        if option in groups.get(own_key, {}):
            args[option] = groups[own_key][option]
        else:
            del args[option]
    return args


class FleetAction(ActionBase):
    """Subclasses set OP to an Operation instance."""

    OP = None
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        result = super(FleetAction, self).run(tmp, task_vars)
        args = self._task_args()
        if getattr(self._connection, "transport", "local") != "local":
            result.update(self._execute_module(module_name=self._task.action, module_args=self._module_args(args),
                                               task_vars=task_vars))
            return result

        op = self.OP
        validator = ArgumentSpecValidator(op.argument_spec, **validation_kwargs(op))
        validated = validator.validate(args)
        if validated.error_messages:
            result.update(failed=True, changed=False,
                          msg="Invalid options for %s: %s" % (self._task.action, "; ".join(validated.error_messages)))
            return result
        for name, available, error in requirements_of(op, validated.validated_parameters):
            if not available:
                result.update(failed=True, changed=False,
                              msg="Failed to import the required Python library (%s) on the controller: %s"
                              % (name, error))
                return result

        progress = None
        if not _json_output():
            progress = ProgressReporter("%s [%s]" % (self._task.action, task_vars.get("inventory_hostname", "")))
        ctx = Context(check_mode=self._task.check_mode, diff=self._task.diff, progress=progress,
                      environ=self._environment())
        try:
            out = execute(op, validated.validated_parameters, ctx)
        except FleetError as exc:
            out = dict(exc.result, failed=True, msg=exc.msg)
        if ctx.warnings:
            out.setdefault("warnings", []).extend(ctx.warnings)
        result.update(remove_values(out, op.no_log_values(validated.validated_parameters, ctx.environ)))
        return result

    def _api(self, args):
        """The API whose <PREFIX>_* variables the module reads, or None (async_request reads none)."""
        name = self._task.action.rsplit(".", 1)[-1]
        api = args.get("api") if name.startswith("job_") else name.split("_", 1)[0]
        return api if api in APIS else None

    def _task_args(self):
        """The task's options, with job_* taking only their own API's module_defaults group.

        Ansible merges the defaults of every group a module is in, the group listed last
        winning. job_* are in every API's group, so in a play with defaults for several APIs,
        ``job_info: {api: drm}`` would get PowerStore's url. An option whose value is the one
        another API's group supplied becomes the task's own group's value, or is dropped (its
        <PREFIX>_* fallback then applies). Options given on the task or in defaults for the
        module itself are kept.
        """
        if not self._task.action.rsplit(".", 1)[-1].startswith("job_"):
            return dict(self._task.args)
        return own_group_defaults(self._task.args, self._task.module_defaults, self._task.resolved_action,
                                  self._templar.template)

    def _module_args(self, args):
        """Task options plus the secret <PREFIX>_* fallbacks the module would read from its environment."""
        args = dict(args)
        api = self._api(args)
        if api is not None:
            fallbacks = env_fallbacks(ENV_PREFIX[api], self._environment())
            for option in SECRET_ENV:
                if args.get(option) is None and fallbacks[option]:
                    args[option] = fallbacks[option]
        return args

    def _compute_environment_string(self, raw_environment_out=None):
        """The task's environment for a remote module, without secret variables (see SECRET_ENV)."""
        environment = {}
        super(FleetAction, self)._compute_environment_string(environment)
        environment = dict((k, v) for k, v in environment.items() if k not in SECRET_ENV_NAMES)
        if isinstance(raw_environment_out, dict):
            raw_environment_out.clear()
            raw_environment_out.update(environment)
        return self._connection._shell.env_prefix(**environment)

    def _environment(self):
        """The controller environment overlaid with the task's ``environment:`` keyword, frozen
        for the task (TaskEnviron: its client and its censoring read the fallbacks once)."""
        environ = dict(os.environ)
        for item in self._task.environment or []:
            item = self._templar.template(item)
            if isinstance(item, dict):
                environ.update((str(k), str(v)) for k, v in item.items())
        return TaskEnviron(environ)
