#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: job_cancel
short_description: Cancel running manager jobs
description:
  - Cancels the given jobs that are still running. Jobs that already finished are left alone and reported in
    RV(already_finished), so a second run reports C(changed=false).
  - For Remote Manager this is C(DELETE /ws/sci/{id}); parts of the job already under way on a device may still complete.
  - Only Remote Manager jobs can be canceled. Dell PowerStore, NetApp AIQUM and the async RPC service offer no
    job cancel in their APIs; for them the task fails saying so and sends nothing.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  api:
    description:
      - Which manager the jobs belong to. V(drm) is Digi Remote Manager, V(powerstore) Dell PowerStore,
        V(aiqum) NetApp Active IQ Unified Manager, V(rpc) the async RPC service.
    type: str
    required: true
    choices: [drm, powerstore, aiqum, rpc]
  job_ids:
    description:
      - Jobs to cancel.
      - >-
        Each id must have its API's form, checked before anything is sent. Remote Manager job ids are whole numbers
        (V(600001)), PowerStore job ids UUIDs, AIQUM job keys letters, digits and C(: = , - _)
        (V(06a6148bf9e862df:-2611856e:16e8d47e722:-7f87)), RPC job ids integers.
    type: list
    elements: str
    required: true
    aliases: [job_id]
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_JOBS
attributes:
  check_mode:
    description: Reports which jobs would be canceled.
    support: full
  diff_mode:
    description: Shows job states before and after.
    support: full
  idempotent:
    description: Finished jobs are not touched.
    support: full
requirements:
  - requests
  - xmltodict
'''

EXAMPLES = r'''
- name: Stop a rollout job
  asyncjobs.fleet.job_cancel:
    api: drm
    job_ids: ["{{ fw.job_ids[0] }}"]
'''

RETURN = r'''
canceled:
  description: Jobs canceled by this run (in check mode, that would be canceled).
  returned: always
  type: list
  elements: str
already_finished:
  description: Jobs that had already finished and were left alone.
  returned: always
  type: list
  elements: str
jobs:
  description: The jobs after cancellation, in normalised form.
  returned: always
  type: list
  elements: dict
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._job_tasks import JOB_CANCEL


def main():
    run_module(JOB_CANCEL)


if __name__ == "__main__":
    main()
