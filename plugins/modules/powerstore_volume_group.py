#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: powerstore_volume_group
short_description: Ensure a Dell PowerStore volume group exists with the given settings, or is absent
description:
  - Reads the volume group by name, compares it with the options given, and sends only the fields that differ
    as one asynchronous C(PATCH /api/rest/volume_group/{id}?is_async=true), then waits for the PowerStore job
    with progress. Options left unset are not managed. A second run reports C(changed=false) and submits nothing.
  - Creates the group (C(POST /api/rest/volume_group?is_async=true)) when it is missing, and deletes it
    (C(DELETE ...?is_async=true)) with O(state=absent).
  - Before submitting, looks for a PowerStore job still running on the same group (for example from a run that died
    mid-wait) and waits for it instead of submitting a duplicate, then reads the group again and compares.
  - Policies given by name are resolved to ids first; a missing policy fails the task before anything is sent.
  - A job that ends C(FAILED) or C(UNRECOVERABLE_FAILED) fails the task with the job id, its state and the
    C(response_body) messages. PowerStore jobs cannot be canceled.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  state:
    description:
      - V(present) creates or updates the group; V(absent) deletes it (its volumes are kept).
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - Name of the volume group. PowerStore compares names case-insensitively.
    type: str
    required: true
  new_name:
    description:
      - Rename the group to this. A later run that finds no group called O(name) but one called O(new_name)
        treats the rename as done.
    type: str
  description:
    description:
      - Description of the group; V("") clears it.
    type: str
  protection_policy:
    description:
      - Protection policy, by name or id (C(name:<name>) is accepted too); V("") removes the policy.
    type: str
  qos_performance_policy:
    description:
      - QoS performance policy, by name or id (C(name:<name>) is accepted too); V("") removes the policy.
    type: str
  is_write_order_consistent:
    description:
      - Whether snapshot sets of the group are write-order consistent. PowerStore defaults to V(true) on creation.
    type: bool
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_POWERSTORE
attributes:
  check_mode:
    description: Reads the group and its policies and reports what would change; nothing is submitted.
    support: full
  diff_mode:
    description: Shows the differing fields before and after (policies by name).
    support: full
  idempotent:
    description: Only differing fields are sent; an in-flight job on the group is adopted, not duplicated.
    support: full
notes:
  - Connection options fall back to C(POWERSTORE_URL), C(POWERSTORE_USERNAME), C(POWERSTORE_PASSWORD),
    C(POWERSTORE_VALIDATE_CERTS), C(POWERSTORE_CA_PATH) and C(POWERSTORE_TIMEOUT). O(url) is the array's
    address, for example V(https://powerstore.example.com); the module adds C(/api/rest).
  - The module logs in once with Basic auth (C(GET /api/rest/login_session)) and then uses the session token and
    cookie; an expired session is renewed once, transparently. API keys are not supported by PowerStore.
requirements:
  - requests
'''

EXAMPLES = r'''
- name: Finance volume group protected by the gold policy
  asyncjobs.fleet.powerstore_volume_group:
    url: https://powerstore.example.com
    username: admin
    password: "{{ powerstore_password }}"
    name: vg-finance
    description: Finance databases
    protection_policy: gold-protection
    qos_performance_policy: ""
  register: vg

- name: Rename without waiting; wait later with job_wait
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-hr
    new_name: vg-people
    wait: false
  register: rename

- name: Wait for the rename
  asyncjobs.fleet.job_wait:
    api: powerstore
    job_ids: ["{{ rename.job_id }}"]
  when: rename.job_id

- name: Remove a scratch group
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-scratch
    state: absent
'''

RETURN = r'''
volume_group:
  description: The volume group after the change (before it, for a deletion); null when it does not exist.
  returned: always
  type: dict
  contains:
    id:
      description: Volume group id.
      type: str
    name:
      description: Name.
      type: str
    description:
      description: Description.
      type: str
    protection_policy:
      description: Name of the protection policy, or null.
      type: str
    qos_performance_policy:
      description: Name of the QoS performance policy, or null.
      type: str
    is_write_order_consistent:
      description: Write-order consistency of snapshot sets.
      type: bool
    volumes:
      description: Names of the member volumes.
      type: list
      elements: str
changes:
  description: The fields that differed and their desired values (policies by name).
  returned: when the group exists and O(state=present)
  type: dict
  sample: {"description": "Finance databases", "protection_policy": "gold-protection"}
job_id:
  description: Id of the PowerStore job this task submitted, or null when nothing was submitted.
  returned: always
  type: str
job:
  description: The finished job in the collection's normalised form (C(state), C(raw_state), C(progress),
    C(response_status), C(response_body), C(message)...).
  returned: when a job was submitted and waited for
  type: dict
adopted_job_ids:
  description: Jobs already running on the group that this task waited for instead of submitting a duplicate.
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
    - They are also in C(job_id).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._volume_group import VOLUME_GROUP


def main():
    run_module(VOLUME_GROUP)


if __name__ == "__main__":
    main()
