#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: aiqum_file_share
short_description: Ensure an NFS file share through NetApp Active IQ Unified Manager
description:
  - Creates, resizes, sets the export rules of, or deletes a file share (an ONTAP volume with its export policy)
    through the storage-provider API of Active IQ Unified Manager (AIQUM), and waits for the AIQUM job.
  - Reads first (the SVM, then the file share by name on that SVM) and submits only what differs. AIQUM modifies
    one property per request, so a size change and a rules change are two jobs. A second run with the same options
    reports C(changed=false) and submits nothing.
  - A job still queued or running on the same share (for example from a run that died mid-wait) is adopted and
    waited for instead of submitting the change again.
  - AIQUM job states are read in both vocabularies seen in the wild (C(state=completed) with C(status=normal),
    C(warning), C(partial_failures) or C(error); or the documented C(NORMAL), C(WARNING), C(PARTIAL_FAILURES),
    C(ERROR)), case-insensitively. C(WARNING) counts as succeeded and its message is shown as a task warning.
    C(PARTIAL_FAILURES) is the C(partial) outcome, reported per item in RV(failed_items).
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  name:
    description:
      - Name of the file share (the volume). Letters, digits and underscores, starting with a letter or underscore.
    type: str
    required: true
  svm:
    description:
      - The SVM, by name or by AIQUM key (C(<cluster-uuid>:type=vserver,uuid=<uuid>)).
      - Give the key when the same SVM name exists on several clusters.
    type: str
    required: true
  aggregate:
    description:
      - Aggregate for a new file share, by name (on the SVM's cluster) or key. Used only when the share is created.
      - If not set, AIQUM chooses the placement.
    type: str
  size:
    description:
      - Size of the share, as bytes (an integer) or with a unit, for example V(10GiB) or V(500GB).
      - Binary units (V(KiB) to V(PiB)) are powers of 1024, decimal units (V(KB) to V(PB)) powers of 1000.
      - Required to create a share. If not set for an existing share, its size is left alone.
    type: raw
  export_policy_rules:
    description:
      - Export rules of the share's export policy, in order. If not set, the rules are left alone.
      - Each rule is one item of the AIQUM job; a rule the cluster refuses (for example an invalid client match)
        fails alone and the job ends in C(PARTIAL_FAILURES), reported per rule in RV(failed_items).
    type: list
    elements: dict
    suboptions:
      clients:
        description: Client matches (address, network in CIDR form, host name, C(.domain) or C(@netgroup)).
        type: list
        elements: str
        required: true
      protocols:
        description: Access protocols.
        type: list
        elements: str
        default: [any]
      ro_rule:
        description: Security flavours for read-only access.
        type: list
        elements: str
        default: [sys]
      rw_rule:
        description: Security flavours for read-write access.
        type: list
        elements: str
        default: [sys]
      superuser:
        description: Security flavours for superuser access.
        type: list
        elements: str
        default: [none]
  state:
    description:
      - V(present) creates the share or brings its size and rules to the given values; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_AIQUM
attributes:
  check_mode:
    description: Reads the share and reports the operations that would be submitted; nothing is submitted.
    support: full
  diff_mode:
    description: Shows the share (state, size, export rules) before and after.
    support: full
  idempotent:
    description: Only differing properties are submitted; an unchanged share costs read requests only.
    support: full
notes:
  - Connection environment variables use the C(AIQUM_) prefix (E(AIQUM_URL), E(AIQUM_USERNAME), E(AIQUM_PASSWORD), ...).
    AIQUM accepts HTTP Basic authentication only, so O(api_key_id) and O(api_key_secret) are refused.
  - AIQUM jobs cannot be canceled through its REST API; M(asyncjobs.fleet.job_cancel) fails for them.
requirements:
  - requests
seealso:
  - module: asyncjobs.fleet.job_wait
'''

EXAMPLES = r'''
- name: A 10 GiB share for the build farm
  asyncjobs.fleet.aiqum_file_share:
    name: build_cache
    svm: svm_nfs_a
    size: 10GiB
    export_policy_rules:
      - clients: [10.20.0.0/16]
      - clients: [admin.example.com]
        superuser: [sys]
  register: share

- name: Grow it
  asyncjobs.fleet.aiqum_file_share:
    name: build_cache
    svm: svm_nfs_a
    size: 20GiB

- name: Remove it
  asyncjobs.fleet.aiqum_file_share:
    name: build_cache
    svm: svm_nfs_a
    state: absent
'''

RETURN = r'''
key:
  description: AIQUM key of the file share (for a new share, from the job's C(fileshareKey) result).
  returned: when the share exists or was created
  type: str
name:
  description: The share name.
  returned: always
  type: str
svm:
  description: The SVM name.
  returned: always
  type: str
svm_key:
  description: The SVM key.
  returned: always
  type: str
operations:
  description: What was submitted (or would be, in check mode), in order; V(create), V(resize), V(export_policy_rules) or V(delete).
  returned: always
  type: list
  elements: str
job_ids:
  description: Keys of the AIQUM jobs submitted by this run.
  returned: always
  type: list
  elements: str
adopted_job_ids:
  description: Keys of jobs already running on this share that were waited for instead of submitting again.
  returned: always
  type: list
  elements: str
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
    - They are also in C(job_ids).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
jobs:
  description:
    - The finished jobs in normalised form; C(state) is the lifecycle state, C(raw_state) and C(raw_status) the AIQUM
      values, C(items) the per-task results from C(task_reports), C(job_results) the results by name.
  returned: always
  type: list
  elements: dict
outcome:
  description: The worst lifecycle state of the jobs (C(succeeded), C(partial), C(failed)); C(succeeded) when nothing was needed.
  returned: always
  type: str
failed_items:
  description: Job items that failed, with C(job_id), C(operation), C(item) and C(message).
  returned: always
  type: list
  elements: dict
file_share:
  description: The file share as AIQUM reports it after the run (null once deleted).
  returned: when waiting
  type: dict
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum._file_share import FILE_SHARE


def main():
    run_module(FILE_SHARE)


if __name__ == "__main__":
    main()
