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


def run_module(op):
    module = AnsibleModule(argument_spec=op.argument_spec, supports_check_mode=True, **validation_kwargs(op))
    # One read of the <PREFIX>_* fallbacks, shared by the client and the censoring.
    environ = TaskEnviron(os.environ)
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
