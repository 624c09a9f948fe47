# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    DOCUMENTATION = r'''
options: {}
attributes:
  action:
    description: Runs on the controller through an action plugin when the task uses a local connection.
    support: full
  async:
    description: Ansible's C(async) is not supported; the module waits on the manager's own jobs instead.
    support: none
'''

    ACTION_GROUP = r'''
options: {}
attributes:
  action_group:
    description: Use C(group/asyncjobs.fleet.drm) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - asyncjobs.fleet.drm
'''

    ACTION_GROUP_POWERSTORE = r'''
options: {}
attributes:
  action_group:
    description: Use C(group/asyncjobs.fleet.powerstore) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - asyncjobs.fleet.powerstore
'''

    ACTION_GROUP_AIQUM = r'''
options: {}
attributes:
  action_group:
    description: Use C(group/asyncjobs.fleet.aiqum) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - asyncjobs.fleet.aiqum
'''

    ACTION_GROUP_RPC = r'''
options: {}
attributes:
  action_group:
    description: Use C(group/asyncjobs.fleet.rpc) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - asyncjobs.fleet.rpc
'''

    # job_wait, job_info and job_cancel serve every API, so they belong to every group.
    ACTION_GROUP_JOBS = r'''
options: {}
attributes:
  action_group:
    description: Use any of the collection's groups (C(group/asyncjobs.fleet.drm), C(group/asyncjobs.fleet.powerstore),
      C(group/asyncjobs.fleet.aiqum), C(group/asyncjobs.fleet.rpc)) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - asyncjobs.fleet.drm
      - asyncjobs.fleet.powerstore
      - asyncjobs.fleet.aiqum
      - asyncjobs.fleet.rpc
'''

    CHECK_MODE_READ_ONLY = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying the target.
    support: full
  diff_mode:
    description: Returns no diff; the module changes nothing.
    support: none
'''
