#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: job_info
short_description: Read manager jobs, by id or by filters
description:
  - With O(job_ids), returns each job with its full results (for Remote Manager, per-device results).
  - Without, lists the manager's jobs (all pages) filtered by O(state), O(operation), O(target), O(submitted_after)
    and O(submitted_before).
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  api:
    description:
      - Which manager to ask. V(drm) is Digi Remote Manager, V(powerstore) Dell PowerStore,
        V(aiqum) NetApp Active IQ Unified Manager, V(rpc) the async RPC service.
    type: str
    required: true
    choices: [drm, powerstore, aiqum, rpc]
  job_ids:
    description:
      - Jobs to read.
      - >-
        Each id must have its API's form, checked before anything is sent. Remote Manager job ids are whole numbers
        (V(600001)), PowerStore job ids UUIDs, AIQUM job keys letters, digits and C(: = , - _)
        (V(06a6148bf9e862df:-2611856e:16e8d47e722:-7f87)), RPC job ids integers.
    type: list
    elements: str
    aliases: [job_id]
  state:
    description:
      - Only jobs in these lifecycle states.
    type: list
    elements: str
    choices: [pending, running, paused, succeeded, partial, failed, canceled, unknown]
  operation:
    description:
      - Only jobs of this operation (for Remote Manager C(send_message), C(update_firmware), C(disconnect), or the
        RCI command of a message such as C(query_setting)).
    type: str
  target:
    description:
      - Only jobs addressing this device id.
    type: str
  submitted_after:
    description:
      - Only jobs submitted at or after this time.
      - An ISO 8601 date and time with a UTC offset or V(Z), such as V(2026-03-01T08:00:00Z) or
        V(2026-03-01T09:00:00+01:00). A time without an offset is refused, as is a value that is not a time,
        before anything is sent.
      - Remote Manager (C(jobSubmitTime)) and PowerStore (C(start_time)) filter their listing on the server;
        for every API the module applies the exact window to the jobs listed. A job without a readable
        submission time is left out.
      - Ignored with O(job_ids).
    type: str
    version_added: 1.1.0
  submitted_before:
    description:
      - Only jobs submitted before this time (not at it, so consecutive windows never share a job).
      - Same form as O(submitted_after), and later than it.
      - Ignored with O(job_ids).
    type: str
    version_added: 1.1.0
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_JOBS
  - asyncjobs.fleet.attributes.CHECK_MODE_READ_ONLY
requirements:
  - requests
  - xmltodict
'''

EXAMPLES = r'''
- name: Running firmware jobs
  asyncjobs.fleet.job_info:
    api: drm
    state: [running, pending]
    operation: update_firmware
  register: running

- name: Firmware jobs of the last rollout window
  asyncjobs.fleet.job_info:
    api: drm
    operation: update_firmware
    submitted_after: "2026-03-01T22:00:00Z"
    submitted_before: "2026-03-02T06:00:00Z"
  register: rollout_jobs
'''

RETURN = r'''
jobs:
  description: Jobs in normalised form.
  returned: always
  type: list
  elements: dict
states:
  description: Number of jobs per lifecycle state.
  returned: always
  type: dict
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._job_tasks import JOB_INFO


def main():
    run_module(JOB_INFO)


if __name__ == "__main__":
    main()
