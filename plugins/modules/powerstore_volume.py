#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: powerstore_volume
short_description: Ensure Dell PowerStore volumes exist with the given size, settings, group and mappings, or are absent
description:
  - Manages one volume (O(name) or O(id) and the options beside it), or many in one task (O(volumes), a list of the
    same options per volume). Options left unset are not managed. A second run reports C(changed=false) and submits
    nothing.
  - Reads the volumes first (one listing per 100), resolves the policies, hosts, host groups and volume groups
    named (one listing per type, only for the types used), and sends only what differs, each change as an
    asynchronous request (C(?is_async=true)) whose PowerStore job is waited for.
  - 'Each volume gets, in this order and as far as needed: a create (C(POST /volume), which also sets its group,
    policies and mapping), one C(PATCH /volume/{id}) with the differing fields (name, description, size, policies),
    leaving its old volume group (C(remove_members)), joining the new one (C(add_members)), a C(attach) or C(detach)
    of the host or host group, and the deletion. The first step of every volume is submitted, the jobs of that
    round are waited for together (one job listing per poll round, however many volumes), then the next step;
    the membership changes of one group in a round are one request. A volume whose job failed gets no further step.'
  - Finally one listing reads the changed volumes back; a volume that still differs although its jobs completed
    fails the task naming the fields.
  - Before submitting, waits for PowerStore jobs still running on the same volumes (for example from a run that
    died mid-wait) instead of submitting again, then reads the volumes again and compares.
  - Bad input anywhere (any item of O(volumes)), an unknown policy, host or group, a smaller size, or a deletion
    PowerStore would refuse fails the task before anything is sent, with one message naming the option and the item.
  - A job that ends C(FAILED) fails the task (per O(fail_on)) with a message naming each failed volume, its job id,
    state and the C(response_body) messages; the other volumes' outcomes are still in the result.
version_added: 1.1.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  state:
    description:
      - V(present) creates or updates the volume; V(absent) deletes it.
      - PowerStore does not delete a volume that is mapped, in a volume group or protected by a policy. With
        V(absent) the same item may remove those first (O(volume_group=""), O(protection_policy=""), O(host) or
        O(host_group) with O(mapping_state=unmapped), which is then the default); anything else left is refused
        before anything is sent, saying what to do.
      - Defaults to V(present).
    type: str
    choices: [present, absent]
  name:
    description:
      - Name of the volume (PowerStore compares names case-insensitively). Exactly one of O(name) and O(id).
    type: str
  id:
    description:
      - Id of an existing volume, instead of O(name).
    type: str
  new_name:
    description:
      - Rename the volume to this. A later run that finds no volume called O(name) but one called O(new_name)
        treats the rename as done.
    type: str
  size:
    description:
      - Size in bytes (an integer), or a string with a unit, for example V(100GB), V(1.5 TB), V(512MiB).
      - Units are B, KB, MB, GB, TB, PB and KiB to PiB, case-insensitive, and B(all 1024-based) (V(1GB) is
        1073741824 bytes), as PowerStore Manager and Dell's own collection count.
      - Must be a whole number of bytes, a multiple of 8192, from 1 MiB to 256 TiB; otherwise the task fails
        naming the nearest valid sizes.
      - A larger size expands the volume. A smaller one is refused before anything is sent (volumes only grow),
        naming the current size. Required to create a volume.
    type: raw
  description:
    description:
      - Description of the volume, at most 128 characters; V("") clears it.
    type: str
  volume_group:
    description:
      - Volume group, by name or id, the volume belongs to; V("") takes it out of its group. Moving it from one group
        to another is a C(remove_members) of the old group, then an C(add_members) of the new one.
    type: str
  protection_policy:
    description:
      - Protection policy, by name or id (C(name:<name>) is accepted too); V("") removes the policy.
    type: str
  performance_policy:
    description:
      - Performance policy (type C(Performance)), by name or id, for example V(default_low), V(default_medium) or
        V(default_high). A volume always has one, so it cannot be removed.
    type: str
  host:
    description:
      - Host, by name or id, that the volume is mapped to (or unmapped from, see O(mapping_state)). Other mappings
        of the volume are kept. Mutually exclusive with O(host_group).
    type: str
  host_group:
    description:
      - Host group, by name or id, that the volume is mapped to (or unmapped from). Mutually exclusive with O(host).
    type: str
  logical_unit_number:
    description:
      - LUN of a new mapping (0 to 16383); PowerStore picks one when unset. A volume already mapped to the host with
        another LUN is refused (PowerStore cannot change a LUN in place; unmap, then map again).
    type: int
  mapping_state:
    description:
      - V(mapped) maps the volume to O(host) or O(host_group); V(unmapped) removes that mapping.
      - Defaults to V(mapped), and to V(unmapped) with O(state=absent).
    type: str
    choices: [mapped, unmapped]
  volumes:
    description:
      - Many volumes in one task, each a dictionary of the per-volume options above (O(volumes[].name) or
        O(volumes[].id), O(volumes[].state), O(volumes[].size)...). Mutually exclusive with those options at the top
        level. Their steps are submitted and waited for together, so a task over hundreds of volumes costs a few
        listings plus one request per change.
      - Each volume is locked on this controller while it is looked up and until its first change is submitted, so a
        run started beside another adopts that run's jobs instead of submitting them again.
    type: list
    elements: dict
    suboptions:
      name:
        description: Name of the volume.
        type: str
      id:
        description: Id of an existing volume, instead of O(volumes[].name).
        type: str
      state:
        description: V(present) or V(absent), as O(state); defaults to V(present).
        type: str
        choices: [present, absent]
      new_name:
        description: New name, as O(new_name).
        type: str
      size:
        description: Size, as O(size).
        type: raw
      description:
        description: Description, as O(description).
        type: str
      volume_group:
        description: Volume group, as O(volume_group).
        type: str
      protection_policy:
        description: Protection policy, as O(protection_policy).
        type: str
      performance_policy:
        description: Performance policy, as O(performance_policy).
        type: str
      host:
        description: Host, as O(host).
        type: str
      host_group:
        description: Host group, as O(host_group).
        type: str
      logical_unit_number:
        description: LUN, as O(logical_unit_number).
        type: int
      mapping_state:
        description: V(mapped) or V(unmapped), as O(mapping_state).
        type: str
        choices: [mapped, unmapped]
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_POWERSTORE
attributes:
  check_mode:
    description: Reads the volumes and what they refer to and reports the plan (C(changes), diff); nothing is submitted.
    support: full
  diff_mode:
    description: Shows the differing fields before and after (policies, groups, hosts by name).
    support: full
  idempotent:
    description: Only differing fields are sent; jobs in flight on the volumes are adopted, not duplicated.
    support: full
notes:
  - Connection options fall back to C(POWERSTORE_URL), C(POWERSTORE_USERNAME), C(POWERSTORE_PASSWORD),
    C(POWERSTORE_VALIDATE_CERTS), C(POWERSTORE_CA_PATH) and C(POWERSTORE_TIMEOUT). O(url) is the array's
    address, for example V(https://powerstore.example.com); the module adds C(/api/rest).
  - With O(wait=false) only changes of one step can be submitted (a later step needs the end of the job before
    it); a volume that needs more is refused before anything is sent. Wait for the returned C(job_ids) with
    M(asyncjobs.fleet.job_wait).
  - For many arrays, make each array an inventory host and run one task per host with O(volumes); see the
    PowerStore page of the collection's documentation.
requirements:
  - requests
'''

EXAMPLES = r'''
- name: A 100 GiB volume in the finance group, mapped to an ESXi host
  asyncjobs.fleet.powerstore_volume:
    url: https://powerstore.example.com
    username: admin
    password: "{{ powerstore_password }}"
    name: fin-db-01
    size: 100GB
    description: Finance database
    volume_group: vg-finance
    protection_policy: gold-protection
    performance_policy: default_high
    host: esx-01
  register: vol

- name: Grow it (a smaller size is refused)
  asyncjobs.fleet.powerstore_volume:
    name: fin-db-01
    size: 1.5 TB

- name: Map it to the whole cluster instead of one host
  asyncjobs.fleet.powerstore_volume:
    name: fin-db-01
    host_group: cluster-a
    logical_unit_number: 12

- name: Resize many volumes in one task (one listing to read, one PATCH each, one job listing per poll round)
  asyncjobs.fleet.powerstore_volume:
    volumes: "{{ resized | map('combine', {'size': '200GB'}) | list }}"
  vars:
    resized: [{name: web-01}, {name: web-02}, {name: web-03}]

- name: Delete a scratch volume, taking it out of its group and unmapping it first
  asyncjobs.fleet.powerstore_volume:
    name: scratch-07
    state: absent
    volume_group: ""
    host: esx-02
'''

RETURN = r'''
volume:
  description: The volume after the change (read back), or as read when nothing was changed, in check mode or with
    O(wait=false); null when it does not exist. Names of groups, policies and hosts are those this task read (the
    group and the protection policy always; the performance policy and the hosts when the task referred to such).
  returned: when O(volumes) is not used
  type: dict
  contains:
    id:
      description: Volume id.
      type: str
    name:
      description: Name.
      type: str
    description:
      description: Description.
      type: str
    size:
      description: Size in bytes.
      type: int
    size_readable:
      description: Size in 1024-based units, for example C(100 GiB).
      type: str
    type:
      description: C(Primary), C(Clone) or C(Snapshot).
      type: str
    wwn:
      description: World wide name.
      type: str
    volume_group:
      description: Name of the volume group, or null.
      type: str
    volume_group_id:
      description: Id of the volume group, or null.
      type: str
    protection_policy:
      description: Name of the protection policy, or null.
      type: str
    protection_policy_id:
      description: Id of the protection policy, or null.
      type: str
    performance_policy:
      description: Name of the performance policy, when the task read the policies.
      type: str
    performance_policy_id:
      description: Id of the performance policy.
      type: str
    mappings:
      description: The volume's mappings, each with C(host_id) or C(host_group_id), C(host) or C(host_group) (the
        name, when the task read the hosts or host groups) and C(logical_unit_number).
      type: list
      elements: dict
changes:
  description: What differed and its desired value (policies, groups and hosts by name); C(state) for a creation
    or a deletion, C(mapping) with the host or host group, C(mapping_state) and the LUN.
  returned: when O(volumes) is not used
  type: dict
  sample: {"size": 161061273600, "volume_group": "vg-finance", "mapping": {"host": "esx-01", "mapping_state": "mapped"}}
volumes:
  description: One entry per item of O(volumes), in order.
  returned: when O(volumes) is used
  type: list
  elements: dict
  contains:
    name:
      description: The volume's name (after a rename).
      type: str
    id:
      description: The volume's id (null for a volume that does not exist).
      type: str
    changed:
      description: Whether this volume was changed (a job submitted, or an adopted job that succeeded).
      type: bool
    changes:
      description: As the top-level C(changes), for this volume.
      type: dict
    job_ids:
      description: The jobs this task submitted for this volume, in order.
      type: list
      elements: str
    failed:
      description: Whether a job of this volume did not succeed, or the volume still differs after them.
      type: bool
    msg:
      description: Why, when C(failed); null otherwise.
      type: str
    volume:
      description: As the top-level C(volume), for this volume.
      type: dict
job_ids:
  description: Every job this task submitted, in submission order.
  returned: always
  type: list
  elements: str
jobs:
  description: The finished jobs in the collection's normalised form (C(state), C(raw_state), C(progress),
    C(response_status), C(response_body), C(message)...).
  returned: always (empty when nothing was waited for)
  type: list
  elements: dict
adopted_job_ids:
  description: Jobs already running on the volumes (or their groups) that this task waited for instead of
    submitting a duplicate.
  returned: always
  type: list
  elements: str
lock_waited:
  description:
    - Seconds this task waited for another run on the same controller that held the lock of the same volume.
  returned: when the task waited for the lock
  type: float
duplicate_job_ids:
  description:
    - Jobs on the same volumes that another run, one that does not share this controller's lock, submitted at the
      same moment as this task's jobs, and that could not be canceled.
  returned: when such a job was found
  type: list
  elements: str
recovered_job_ids:
  description:
    - Jobs this task submitted whose reply was lost; the request was not sent again, the job it created was found
      and adopted. Also in C(job_ids).
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
polls:
  description: Poll rounds of the waits for this task's own jobs (each one job listing per 100 jobs).
  returned: when the task waited for its jobs
  type: int
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._volume import VOLUME


def main():
    run_module(VOLUME)


if __name__ == "__main__":
    main()
