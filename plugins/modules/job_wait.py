#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: job_wait
short_description: Wait for one or many manager jobs to finish
description:
  - Polls jobs of the chosen O(api) until every one is in a terminal state (C(succeeded), C(partial), C(failed),
    C(canceled)) or O(wait_timeout) passes.
  - Jobs other clients submitted are read like the collection's own. A finished job whose outcome cannot be read
    from the manager's reply ends the wait as C(unknown) with C(terminal=true) and a short excerpt of the reply in
    C(message); it is never C(succeeded), and O(fail_on=any) and O(fail_on=all) fail on it.
  - Many jobs cost one request per poll round where the API can list or filter jobs (Remote Manager's job listing),
    not one per job. Polling starts at O(poll_interval) and backs off to O(max_poll_interval).
  - A few consecutive transient errors (connection resets, 5xx, 429 with C(Retry-After)) are tolerated.
  - On timeout the task fails with every job id and its last known state; with O(cancel_on_timeout) the unfinished
    jobs are canceled first.
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
      - Job ids to wait for.
      - An empty list waits for nothing and succeeds, as when no host of a per-host play submitted a job
        on a re-run.
      - >-
        Each id must have its API's form, checked before anything is sent. Remote Manager job ids are whole numbers
        (V(600001)), PowerStore job ids UUIDs, AIQUM job keys letters, digits and C(: = , - _)
        (V(06a6148bf9e862df:-2611856e:16e8d47e722:-7f87)), RPC job ids integers.
    type: list
    elements: str
    required: true
    aliases: [job_id]
  cancel_on_timeout:
    description:
      - Cancel the jobs that are still running when O(wait_timeout) passes.
      - Only Remote Manager jobs can be canceled; for other APIs the task fails at once, before waiting.
    type: bool
    default: false
  details:
    description:
      - Which finished jobs to read per-item results for (per-device results and replies for Remote Manager,
        messages and created objects for the others).
      - V(all) reads every job. V(unsuccessful) reads only jobs that did not succeed, which is what a report of
        failures needs. V(none) reads none, so RV(jobs) holds the status from polling only.
      - Most APIs have no batch read for these results, so each read costs one request per job. When waiting
        on thousands of per-host jobs, V(unsuccessful) avoids thousands of requests.
    type: str
    choices: [all, unsuccessful, none]
    default: all
  wait_timeout:
    description:
      - Seconds to wait for all jobs in total. Greater than 0 and at most 604800 (seven days).
    type: float
    default: 600
  poll_interval:
    description:
      - Seconds between the first poll, made at once, and the next; later pauses back off by 1.5 times up to
        O(max_poll_interval).
      - Greater than 0 and at most 3600.
    type: float
    default: 1
  max_poll_interval:
    description:
      - Longest pause between polls, in seconds. At least O(poll_interval) and at most 3600.
    type: float
    default: 15
  fail_on:
    description:
      - V(any) fails when any job ends other than C(succeeded); V(all) when no job succeeded; V(never) does not fail on outcomes.
    type: str
    choices: [any, all, never]
    default: any
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_JOBS
attributes:
  check_mode:
    description: Reads the current states once, without waiting.
    support: full
  diff_mode:
    description: Nothing changes, so there is no diff.
    support: none
  idempotent:
    description: Waiting changes nothing (unless O(cancel_on_timeout) cancels jobs).
    support: full
requirements:
  - requests
  - xmltodict
seealso:
  - module: asyncjobs.fleet.job_info
  - module: asyncjobs.fleet.job_cancel
'''

EXAMPLES = r'''
- name: Submit per host without waiting
  asyncjobs.fleet.drm_send_message:
    devices: ["{{ drm_device_id }}"]
    payload: <rci_request version="1.1"><query_state/></rci_request>
    wait: false
  register: submitted

- name: Wait once for all hosts' jobs (one listing request per poll round)
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: "{{ ansible_play_hosts | map('extract', hostvars, ['submitted', 'job_id']) | list }}"
    wait_timeout: 900
  run_once: true

- name: Wait for a thousand hosts' firmware jobs, reading per-device results only for failures
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: "{{ ansible_play_hosts | map('extract', hostvars, ['updated', 'job_ids']) | flatten | list }}"
    details: unsuccessful
    fail_on: never
  run_once: true
'''

RETURN = r'''
jobs:
  description:
    - Final state of every job in normalised form. C(state) is the collection's lifecycle state and C(raw_state) the
      manager's own. For Remote Manager, C(devices) holds per-device results (only on jobs that O(details)
      selects).
  returned: always
  type: list
  elements: dict
states:
  description: Number of jobs per lifecycle state.
  returned: always
  type: dict
  sample: {"succeeded": 9, "partial": 1}
elapsed:
  description: Seconds spent waiting.
  returned: success
  type: float
polls:
  description: Poll rounds made.
  returned: success
  type: int
history:
  description: State counts each time they changed, with the elapsed time.
  returned: success
  type: list
  elements: dict
pending:
  description: Jobs still not finished at the timeout.
  returned: on timeout
  type: list
  elements: str
canceled:
  description: Jobs canceled because of O(cancel_on_timeout).
  returned: on timeout with O(cancel_on_timeout=true)
  type: list
  elements: str
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._job_tasks import JOB_WAIT


def main():
    run_module(JOB_WAIT)


if __name__ == "__main__":
    main()
