#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: rpc_call
short_description: Call a function of an async RPC service (NAS API style) and wait for its job
description:
  - Calls one function of a JSON-over-HTTP RPC service in the style of the Seagate NAS OS "NAS API", where every call
    is an HTTP POST of a JSON object of named parameters to C(/api/external/<version>/<module>.<Service>.<method>).
  - "An asynchronous function (O(asynchronous=true), the default) takes a C(client_ref) and returns a job id. The module
    waits for the job (reading C(system.Jobs.get_job_status)), then calls C(<function>_result) and returns its outputs
    as RV(result). A job that ended C(FAILED) has its C(_result) raise the error the synchronous call would have raised;
    that error fails the task, with the job id, unless O(fail_on=never)."
  - "Idempotency: before calling, the module looks for an in-flight job (C(INIT), C(RUNNING) or C(PAUSED)) of the same
    function carrying the same C(client_ref), with C(system.Jobs.get_jobs_list), and adopts it instead of calling again.
    So a re-run after an interrupted wait does not start a second job. A finished job is never adopted: calling
    the function again runs it again."
  - A synchronous function (O(asynchronous=false)) is called directly and its outputs are returned as RV(result).
  - The module cannot know whether a function changes anything on the service; O(changes) says so. It decides
    C(changed) and what check mode may call.
  - Job states are reported in the collection's lifecycle, with the service's C(AsyncJobStatus) name as C(raw_state).
    C(INIT) is C(pending), C(RUNNING) C(running), C(PAUSED) C(paused), C(COMPLETED) C(succeeded), C(FAILED) C(failed),
    C(UNKNOWN) C(unknown). A progress of -1 (no progress for this job) is reported as no progress.
  - "Authentication: every request is signed, as the NAS API expects (C(HMAC-SHA1-DATE)): the C(AUTHENTICATION)
    header carries the base64 O(username) and an HMAC-SHA1 of the method, path, a C(DATE-AUTH) date and the body,
    keyed with the hex SHA-1 of O(password). The password itself is never sent, and there is no HTTP Basic
    authentication and no API key. The controller's clock must be close to the service's."
  - The environment variables use the prefix C(RPC_), for example E(RPC_URL).
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  function:
    description:
      - The function to call, C(<module>.<Service>.<method>), for example V(storage.Disks.run_smart_test) or
        V(system.System.get_infos). The module part may itself contain dots.
    type: str
    required: true
  arguments:
    description:
      - The function's named parameters, as a mapping; they are sent as one JSON object.
      - For an asynchronous function, leave out C(client_ref); use O(client_ref).
    type: dict
    default: {}
  asynchronous:
    description:
      - Whether the function is declared C(async) by the service, so that it takes a C(client_ref), returns a job id
        and has a C(<function>_result) counterpart.
      - Set to V(false) for ordinary functions, which are called once and answer directly.
    type: bool
    default: true
  client_ref:
    description:
      - The client reference passed to an asynchronous function. The service stores it on the job unchanged.
      - By default it is derived from O(function) and O(arguments), as the CRC-32 of their canonical JSON
        (C([function, arguments]) with sorted keys) reduced to 31 bits. The same call therefore gets the same
        reference on every run, which is how a re-run finds its own in-flight job.
      - Set it to tell apart two jobs of the same call, or to adopt a job started with a known reference.
    type: int
  api_version:
    description:
      - The API version in the call path, C(/api/external/<api_version>/...).
      - Defaults to the version at the end of O(url) when the url ends in C(/api/external/<version>), else V(8.0).
    type: str
  changes:
    description:
      - Whether the function changes state on the service. It decides C(changed).
      - In check mode, an asynchronous function is never called, and a synchronous function is called only when this
        is V(false) (a read-only call), so that check mode changes nothing.
      - Read-only synchronous calls are also retried on transient server errors; other calls are never sent twice.
    type: bool
    default: true
  paused_timeout:
    description:
      - While waiting, how many seconds a job may stay C(PAUSED) before the task gives up and fails. Only someone on
        the service resumes a paused job, so waiting on it silently could last until O(wait_timeout).
      - The failure names the job; it keeps existing on the service, and a re-run adopts it.
      - V(0) fails as soon as the job is seen paused. At most 604800 (seven days).
    type: float
    default: 300
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_RPC
attributes:
  check_mode:
    description:
      - Asynchronous functions are not called; RV(would_call) shows the call, or RV(job) the in-flight job that would
        be adopted. Synchronous functions are called only with O(changes=false).
    support: full
  diff_mode:
    description: No diff is returned; the module does not know what a function changes.
    support: none
  idempotent:
    description:
      - A re-run adopts the in-flight job of the same call instead of starting another one. Once that job has
        finished, a re-run calls the function again.
    support: partial
requirements:
  - requests
notes:
  - The service defines no way to cancel a job, so M(asyncjobs.fleet.job_cancel) refuses C(api=rpc) jobs.
    M(asyncjobs.fleet.job_wait), M(asyncjobs.fleet.job_info) and the P(asyncjobs.fleet.jobs#lookup) lookup accept them.
seealso:
  - module: asyncjobs.fleet.job_wait
  - module: asyncjobs.fleet.job_info
'''

EXAMPLES = r'''
- name: Run a SMART test on the disk in slot 3 and wait for it
  asyncjobs.fleet.rpc_call:
    url: http://nas.example.com
    username: admin
    password: "{{ nas_password }}"
    function: storage.Disks.run_smart_test
    arguments:
      slot_id: 3
    paused_timeout: 60
  register: smart
  failed_when: smart.failed or not smart.result.device_ok

- name: Read system information (a synchronous, read-only call; also runs in check mode)
  asyncjobs.fleet.rpc_call:
    function: system.System.get_infos
    asynchronous: false
    changes: false
  register: infos

- name: Start a volume resync without waiting
  asyncjobs.fleet.rpc_call:
    function: volumes.Volumes.resync
    arguments:
      volume_id: 1
    wait: false
  register: resync

- name: Wait for it later
  asyncjobs.fleet.job_wait:
    api: rpc
    job_ids: ["{{ resync.job_id }}"]
'''

RETURN = r'''
result:
  description:
    - The function's outputs, a mapping of output names to values as the service sent them (typed objects keep their
      C(__type__) and C(__properties__)). For an asynchronous function, the outputs of C(<function>_result).
  returned: when the call or job succeeded
  type: dict
  sample: {"device_ok": true}
error:
  description:
    - The Error object that C(<function>_result) raised for a failed job (C(code), C(message) and the service's
      other properties), or that a synchronous call answered with.
  returned: when a job failed, or a call was refused
  type: dict
  sample: {"code": "DiskBusy", "message": "Disk in slot 6 is busy (a RAID rebuild is using it)", "job_id": 12}
job_id:
  description: Id of the job started or adopted.
  returned: for asynchronous functions, when a job was started or adopted
  type: str
  sample: "12"
lock_waited:
  description:
    - Seconds this task waited for another run on the same controller that held the lock of the same change (see
      the troubleshooting guide, "Concurrent runs and conflicting jobs"). Absent when it did not wait.
  returned: when the task waited for the lock
  type: float
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
    - They are also in C(job_id).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
job:
  description:
    - The job in the collection's normalised form (C(state), C(raw_state), C(progress), C(operation) = the function,
      C(client_ref), C(submitted), C(completed)).
  returned: when O(wait=true), or when a job was adopted
  type: dict
  sample: {"id": "12", "api": "rpc", "state": "succeeded", "raw_state": "COMPLETED", "progress": 100,
           "operation": "storage.Disks.run_smart_test", "client_ref": 1836028160}
adopted:
  description: Whether an in-flight job of the same call was adopted instead of calling the function again.
  returned: for asynchronous functions
  type: bool
client_ref:
  description: The client reference used (given, or derived from the call).
  returned: for asynchronous functions
  type: int
  sample: 1836028160
would_call:
  description: The call that was not made in check mode (C(function), C(arguments), C(client_ref), C(api_version)).
  returned: in check mode, when nothing was called or adopted
  type: dict
elapsed:
  description: Seconds spent waiting.
  returned: when O(wait=true) and a job was waited for
  type: float
polls:
  description: Status polls made while waiting.
  returned: when O(wait=true) and a job was waited for
  type: int
history:
  description: Job state counts each time they changed, with the elapsed time.
  returned: when O(wait=true) and a job was waited for
  type: list
  elements: dict
requests:
  description: HTTP requests this task made, retries included.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc._call import RPC_CALL


def main():
    run_module(RPC_CALL)


if __name__ == "__main__":
    main()
