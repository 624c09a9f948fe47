#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: drm_settings
short_description: Ensure RCI settings on Digi Remote Manager devices
description:
  - Queries the current values of the given setting groups on the targeted devices (one C(query_setting) job),
    compares them with O(settings), and sends C(set_setting) only to devices that differ, with only the fields
    that differ. Devices needing the same change share one job.
  - A second run with the same settings reports C(changed=false) and submits only the read-only query.
  - The query is always waited for, since it decides what to change. With O(wait=false), the C(set_setting) jobs are
    submitted and their ids returned in C(job_ids) without waiting for them.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  settings:
    description:
      - 'Desired settings as C({group: {field: value}}), for example C({system: {contact: noc@example.com}}).'
      - Values are compared as strings; booleans become V(true)/V(false).
    type: dict
    required: true
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.drm_targets
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP
attributes:
  check_mode:
    description: Runs the read-only query and reports what would change; nothing is set.
    support: full
  diff_mode:
    description: Shows, per device, the differing fields before and after.
    support: full
  idempotent:
    description: Only differing fields on differing devices are sent.
    support: full
requirements:
  - requests
  - xmltodict
'''

EXAMPLES = r'''
- name: Every device of the site-a tag has the NOC contact
  asyncjobs.fleet.drm_settings:
    tags: [site-a]
    settings:
      system:
        contact: noc@example.com
  register: settings
'''

RETURN = r'''
changed_devices:
  description: Devices whose settings differed (and were set unless in check mode).
  returned: always
  type: list
  elements: str
unchanged_devices:
  description: Devices already at the desired settings.
  returned: always
  type: list
  elements: str
failed_devices:
  description: Devices whose settings could not be read or set, with the reason.
  returned: always
  type: dict
query_job_id:
  description: Job id of the read-only query.
  returned: always
  type: str
job_ids:
  description: Job ids of the C(set_setting) requests.
  returned: always
  type: list
  elements: str
lock_waited:
  description:
    - Seconds this task waited for another run on the same controller that held the lock of the same change (see
      the troubleshooting guide, "Concurrent runs and conflicting jobs"). Absent when it did not wait.
  returned: when the task waited for the lock
  type: float
adopted_job_ids:
  description:
    - In-flight set_setting jobs on the targeted devices that set only values of O(settings); waited for before
      the read and listed here when they succeeded.
  returned: when there were such jobs
  type: list
  elements: str
waited_for_job_ids:
  description:
    - Jobs making another change on the targeted devices (current ones included) that were in flight, and that the
      task waited for before reading the devices again and deciding.
  returned: when there were such jobs
  type: list
  elements: str
conflicting_job_ids:
  description:
    - "Check mode: the jobs in flight on the targeted devices (nothing is waited for). On failure: the conflicting
      jobs still in flight at the end of O(wait_timeout); nothing was submitted."
  returned: in check mode when jobs are in flight, and on that failure
  type: list
  elements: str
canceled_duplicate_job_ids:
  description:
    - This task's job, canceled because another run had submitted the same change for the same devices at the same
      moment with a lower job id; that job was adopted instead (both runs apply this rule, so they converge).
  returned: when that happened
  type: list
  elements: str
duplicate_job_ids:
  description:
    - Jobs of the same change (or on the same resource) that another run, one that does not share this controller's
      lock, submitted at the same moment as this task's job, and that could not be canceled. Check the result once
      they ended.
  returned: when such a job was found
  type: list
  elements: str
recovered_job_ids:
  description:
    - Jobs this task submitted whose reply was lost (connection reset, read timeout). The request was not sent again;
      the job it created was found on the server and adopted as if the reply had arrived. A warning says so.
    - They are also in C(job_ids) or C(query_job_id).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._settings import SETTINGS


def main():
    run_module(SETTINGS)


if __name__ == "__main__":
    main()
