#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: drm_send_message
short_description: Send an RCI message to Digi Remote Manager devices and collect per-device replies
description:
  - Sends an SCI C(send_message) request with an RCI payload to devices chosen by id, tag, group or all,
    as an asynchronous Remote Manager job, waits for it, and returns each device's reply or error.
  - Per-device errors (for example C(2001) Device Not Connected, C(303) device not found) arrive inside a
    successful HTTP reply; they are parsed and reported per device, and O(fail_on) decides whether they fail the task.
  - A payload that only reads (C(query_setting), C(query_state), C(query_descriptor)) reports C(changed=false) and
    also runs in check mode. Any other payload is not sent in check mode.
  - The payload is checked for well-formed XML before anything is sent; DTDs and entity declarations are refused.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  payload:
    description:
      - The RCI request, for example C(<rci_request version="1.1"><query_setting/></rci_request>), or a
        Data Services file reference C(<file>/~/path/request.xml</file>).
    type: str
    required: true
  reply:
    description:
      - What devices send back. V(errors) returns only failures, V(none) returns nothing.
    type: str
    choices: [all, errors, none]
    default: all
  cache:
    description:
      - Let Remote Manager answer from its cache of device settings when it can. Sent as the SCI C(cache) attribute.
    type: bool
  allow_offline:
    description:
      - Queue the request for offline devices until they connect, instead of failing them with C(2001).
    type: bool
  wait_for_reconnect:
    description:
      - Sent as the SCI C(waitForReconnect) attribute, for requests that make a device reconnect.
    type: bool
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.drm_targets
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP
attributes:
  check_mode:
    description: Read-only payloads run and return replies; other payloads are not sent and the would-be targets are returned.
    support: full
  diff_mode:
    description: No diff is returned; use M(asyncjobs.fleet.drm_settings) for settings with diffs.
    support: none
  idempotent:
    description: Read-only payloads are idempotent. Other RCI commands are sent on every run.
    support: partial
requirements:
  - requests
  - xmltodict
seealso:
  - module: asyncjobs.fleet.drm_settings
  - module: asyncjobs.fleet.job_wait
'''

EXAMPLES = r'''
- name: Query settings of every device tagged "demo"
  asyncjobs.fleet.drm_send_message:
    url: https://remotemanager.digi.com
    username: "{{ drm_user }}"
    password: "{{ drm_password }}"
    tags: [demo]
    payload: <rci_request version="1.1"><query_setting><system/></query_setting></rci_request>
    fail_on: all            # report offline devices, fail only if none answered
  register: reply

- name: Show devices that did not answer
  ansible.builtin.debug:
    msg: "{{ reply.devices | dict2items | rejectattr('value.ok') | map(attribute='key') | list }}"

- name: Fire and forget, then wait later
  asyncjobs.fleet.drm_send_message:
    groups: [fleet/north]
    payload: <rci_request version="1.1"><query_state/></rci_request>
    wait: false
  register: submitted
'''

RETURN = r'''
job_id:
  description: Remote Manager job id of the request.
  returned: when a job was created
  type: str
  sample: "600012"
recovered_job_ids:
  description:
    - Jobs this task submitted whose reply was lost (connection reset, read timeout). The request was not sent again;
      the job it created was found on the server and adopted as if the reply had arrived. A warning says so.
    - They are also in C(job_id).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
job:
  description: The job in the collection's normalised form (state, raw_state, progress, counts, times).
  returned: when O(wait=true)
  type: dict
  sample: {"id": "600012", "api": "drm", "state": "partial", "raw_state": "complete", "terminal": true,
           "progress": 100, "targets": 50, "succeeded": 45, "failed": 5}
devices:
  description:
    - Per-device results keyed by device id. C(ok) is false for devices that returned an error;
      C(error_id) and C(error) are Remote Manager's error code and text; C(reply) is the device's reply as data.
  returned: when O(wait=true)
  type: dict
  sample: {"00000000-00000000-00409DFF-FF000001": {"ok": true, "error_id": null, "error": null,
           "reply": {"rci_reply": {"@version": "1.1", "query_setting": {}}}},
           "00000000-00000000-00409DFF-FF00000A": {"ok": false, "error_id": "2001",
           "error": "Device Not Connected", "reply": null}}
summary:
  description: Device counts and errors grouped by text.
  returned: when O(wait=true)
  type: dict
  sample: {"targets": 50, "ok": 45, "failed": 5, "errors": {"Device Not Connected (2001)": 5}}
would_send_to:
  description: Devices that would receive a state-changing payload.
  returned: in check mode, for payloads that are not read-only
  type: list
  elements: str
elapsed:
  description: Seconds spent waiting.
  returned: when O(wait=true)
  type: float
polls:
  description: Status polls made while waiting.
  returned: when O(wait=true)
  type: int
history:
  description: Job state counts each time they changed, with the elapsed time.
  returned: when O(wait=true)
  type: list
  elements: dict
requests:
  description: HTTP requests this task made, retries included.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._messages import SEND_MESSAGE


def main():
    run_module(SEND_MESSAGE)


if __name__ == "__main__":
    main()
