#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: drm_firmware_update
short_description: Bring Digi Remote Manager devices to a firmware version, idempotently
description:
  - Reads the targeted devices from DeviceCore and submits an SCI C(update_firmware) job only for connected devices
    whose C(dpFirmwareLevelDesc) differs from O(version). Devices already at O(version) are skipped, so a second run
    reports C(changed=false) and sends nothing.
  - Waits for the job with progress, then reads DeviceCore again and counts a device as updated only when it reports O(version).
  - Before deciding, looks for firmware jobs in flight on all the targeted devices, current ones included. A job with
    the same image (for example from a run whose controller died mid-wait) is adopted and waited on instead of
    submitting a duplicate. A job with another image is waited for within O(wait_timeout), then the devices are read
    again; if it does not end in time the task fails naming it and submits nothing (RV(waited_for_job_ids)).
  - Runs of the same update on one controller take turns through a file lock (C(ASYNCJOBS_LOCK_DIR)); after
    submitting, a duplicate from another controller is resolved by keeping the lowest job id (RV(canceled_duplicate_job_ids)).
  - Offline devices are not submitted unless O(allow_offline=true); they are reported in RV(failed_devices).
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  version:
    description:
      - The firmware version the devices must report (C(dpFirmwareLevelDesc)) after the update, for example V(2.1.0).
      - It must be the version of the image given by O(src) or O(file).
    type: str
    required: true
  src:
    description:
      - Local path of the firmware image, sent inline (base64) in the request.
    type: path
  file:
    description:
      - Path of an image already stored in Remote Manager Data Services, for example V(/~/firmware/acme-2.1.0.bin).
    type: str
  firmware_target:
    description:
      - Firmware target number on the device (see the SCI C(query_firmware_targets) operation).
    type: int
    default: 0
  filename:
    description:
      - File name sent with the image (SCI C(filename) attribute); some devices select the target by it.
    type: str
  allow_offline:
    description:
      - Also submit devices that are offline now; Remote Manager updates them when they connect.
    type: bool
    default: false
  verify:
    description:
      - After the job, read DeviceCore again and report devices that do not show O(version) as failed.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for the firmware job(s) in total.
    type: float
    default: 1800
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.drm_targets
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP
attributes:
  check_mode:
    description: Reads the devices and returns RV(would_update); nothing is submitted.
    support: full
  diff_mode:
    description: Shows each device's firmware version before and after.
    support: full
  idempotent:
    description: Devices already at O(version) are skipped; a second run changes nothing.
    support: full
requirements:
  - requests
  - xmltodict
seealso:
  - module: asyncjobs.fleet.job_wait
'''

EXAMPLES = r'''
- name: Update the north group to 2.1.0
  asyncjobs.fleet.drm_firmware_update:
    groups: [fleet/north]
    version: 2.1.0
    src: files/acme-2.1.0.bin
    wait_timeout: 3600
  register: fw

- name: Report
  ansible.builtin.debug:
    msg: "updated {{ fw.updated_devices | length }}, skipped {{ fw.skipped_devices | length }}, failed {{ fw.failed_devices | length }}"

- name: Use an image from Data Services and tolerate individual failures
  asyncjobs.fleet.drm_firmware_update:
    tags: [canary]
    version: 2.1.0
    file: /~/firmware/acme-2.1.0.bin
    fail_on: all
'''

RETURN = r'''
version:
  description: The desired version.
  returned: always
  type: str
updated_devices:
  description: Devices updated by this run and verified at O(version).
  returned: always
  type: list
  elements: str
skipped_devices:
  description: Devices already at O(version); nothing was sent to them.
  returned: always
  type: list
  elements: str
failed_devices:
  description:
    - Devices not at O(version) after this run, with the reason (device error, offline, not found, verification).
    - The C(_devices) suffix is there because Ansible reserves C(failed) and C(skipped) as result keys.
  returned: always
  type: dict
  sample: {"00000000-00000000-00409DFF-FF00000D": "Firmware update failed: image rejected by device (2105)"}
would_update:
  description: Devices that would be (or, with nothing to do, would have been) submitted.
  returned: in check mode and when nothing needs updating
  type: list
  elements: str
job_ids:
  description: Firmware jobs waited on, adopted ones included.
  returned: always
  type: list
  elements: str
adopted_job_ids:
  description: In-flight jobs found for these devices and waited on instead of submitting again.
  returned: always
  type: list
  elements: str
lock_waited:
  description:
    - Seconds this task waited for another run on the same controller that held the lock of the same change (see
      the troubleshooting guide, "Concurrent runs and conflicting jobs"). Absent when it did not wait.
  returned: when the task waited for the lock
  type: float
waited_for_job_ids:
  description:
    - Jobs making another change on the targeted devices (current ones included) that were in flight, and that the
      task waited for before reading the devices again and deciding.
  returned: always
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
    - They are also in C(job_ids).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
jobs:
  description: The final jobs in normalised form.
  returned: when a job was waited on
  type: list
  elements: dict
elapsed:
  description: Seconds spent waiting.
  returned: when a job was waited on
  type: float
polls:
  description: Status polls made while waiting.
  returned: when a job was waited on
  type: int
history:
  description: Job state counts each time they changed.
  returned: when a job was waited on
  type: list
  elements: dict
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._firmware import FIRMWARE_UPDATE


def main():
    run_module(FIRMWARE_UPDATE)


if __name__ == "__main__":
    main()
