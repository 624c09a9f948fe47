# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Module adapter: run an Operation inside AnsibleModule (used when the task does not
run on the controller, e.g. delegated to a jump host)."""

from __future__ import annotations

import os

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import (
    Context,
    execute,
    validation_kwargs,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import TaskEnviron
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._requirements import requirements_of


class OperationModule(AnsibleModule):
    """An AnsibleModule that knows the operation's secrets before it logs or returns its arguments.

    AnsibleModule logs its arguments to the target's syslog or journal as it starts, and a failed
    validation returns them (``invocation``), censoring only the values it knows then: a secret
    inside another option (a password field of a PowerStore ``body``) would be shown in clear if it
    were added to ``no_log_values`` only after the module started.
    """

    def __init__(self, op, environ, **kwargs):
        self._op, self._environ = op, environ
        super(OperationModule, self).__init__(**kwargs)

    def _known_secrets(self):
        # Also called for arguments that failed validation (fail_json from __init__): any shape.
        try:
            return self._op.no_log_values(self.params or {}, self._environ)
        except (AttributeError, KeyError, TypeError, ValueError):
            return ()

    def _log_invocation(self):
        self.no_log_values.update(self._known_secrets())
        super(OperationModule, self)._log_invocation()

    def _return_formatted(self, kwargs):
        # The result echoes the arguments (invocation), also when their validation failed.
        self.no_log_values.update(self._known_secrets())
        super(OperationModule, self)._return_formatted(kwargs)


def run_module(op):
    # One read of the <PREFIX>_* fallbacks, shared by the client and the censoring.
    environ = TaskEnviron(os.environ)
    module = OperationModule(op, environ, argument_spec=op.argument_spec, supports_check_mode=True, **validation_kwargs(op))
    # Again for a module that logs nothing (no_log): results and messages are censored all the same.
    module.no_log_values.update(op.no_log_values(module.params, environ))
    for name, available, error in requirements_of(op, module.params):
        if not available:
            module.fail_json(msg=missing_required_lib(name), exception=str(error))
    ctx = Context(check_mode=module.check_mode, diff=module._diff, warn=module.warn, environ=environ)
    try:
        result = execute(op, module.params, ctx)
    except FleetError as exc:
        module.fail_json(msg=exc.msg, **exc.result)
    module.exit_json(**result)
