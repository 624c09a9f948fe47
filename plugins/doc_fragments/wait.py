# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # Mirrors WAIT_ARGSPEC in plugins/module_utils/_common.py.
    DOCUMENTATION = r'''
options:
  wait:
    description:
      - Wait for the job to reach a terminal state and return its results.
      - With V(false), return the job id at once; wait later with M(asyncjobs.fleet.job_wait).
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for the job(s) in total, measured with a monotonic clock from the task's first wait.
      - A task that waits in more than one step (M(asyncjobs.fleet.drm_settings) reads the settings, then waits for
        its changes; a module that adopts an in-flight job waits for it, then for its own change) shares this one
        budget between the steps, so the task never waits longer than O(wait_timeout) plus one poll.
      - On timeout the task fails naming the jobs with their last known states (the message lists up to 50, the
        returned C(jobs) all of them), so it can be resumed with M(asyncjobs.fleet.job_wait).
      - Must be greater than 0 and at most 604800 (seven days).
    type: float
    default: 600
  poll_interval:
    description:
      - Seconds between the first status poll, made at once, and the next. Later pauses back off by a factor of 1.5
        up to O(max_poll_interval), and return to O(poll_interval) whenever a job changes state (a rising percentage
        alone does not reset them).
      - Must be greater than 0 and at most 3600.
    type: float
    default: 1
  max_poll_interval:
    description:
      - Longest pause between two status polls, in seconds. At least O(poll_interval) and at most 3600.
    type: float
    default: 15
  fail_on:
    description:
      - Which outcomes fail the task.
      - V(any) fails when any job or device did not succeed (partial failures are never hidden).
      - V(all) fails only when nothing succeeded.
      - Both V(any) and V(all) fail on a finished job whose outcome cannot be read (C(unknown), C(terminal=true)),
        since nothing shows that it succeeded.
      - V(never) never fails because of job outcomes; inspect the returned results instead.
    type: str
    choices: [any, all, never]
    default: any
'''
