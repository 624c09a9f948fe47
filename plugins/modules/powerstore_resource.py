#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: powerstore_resource
short_description: Create, modify, delete or act on any Dell PowerStore resource, asynchronously and idempotently
description:
  - Sends one request of the PowerStore REST API (any resource type and action of PowerStore 4.1) with C(?is_async=true)
    and waits for its job, like C(netapp.ontap.na_ontap_restit) or C(azure.azcollection.azure_rm_resource) but
    waiting for the job and idempotent where the API allows it.
  - The request is checked first against a compact schema derived from Dell's OpenAPI spec and shipped with the
    collection. An unknown resource, action or body field, a value of the wrong type, outside its enum or range, or
    a missing required field fails the task with one message naming the field and listing what is allowed. Nothing
    is sent then, not even the login.
  - O(action=create) is idempotent on the name where the resource has one (its instances and its create body have a
    C(name)) - when an instance of that name exists, nothing is sent and C(exists=true) is returned with it; the
    existing instance is not compared with O(body) (use O(action=modify) for that). Without a name every run creates
    a new instance.
  - O(action=modify) reads the instance and sends only the body fields whose value differs (C(PATCH)); nothing
    differs - nothing is sent and C(changed=false). Fields the instance does not show under the same name
    (write-only ones such as C(add_initiators), C(remove_initiators) or C(force)) cannot be compared - they are sent
    along with a real difference, and a body of only such fields is always sent (C(changed=true)).
  - O(action=delete) of an instance that does not exist sends nothing and reports C(changed=false).
  - Named actions (V(clone), V(snapshot), V(refresh), V(restore), V(attach), V(detach), V(add_members)...) are
    always sent and report C(changed=true), like C(ansible.builtin.command) - they are not idempotent. Guard them
    with C(when) when a re-run must not repeat them.
  - Before submitting, jobs still running on the same instance (or, for a create, a create job of the same name)
    are waited for; a create or modify then reads and compares again, so a re-run after a crash adopts the job
    instead of submitting the change twice. A job that ends C(FAILED) or C(UNRECOVERABLE_FAILED) fails the task
    (per O(fail_on)) with the job id, its state and the messages of its C(response_body).
version_added: 1.1.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  resource:
    description:
      - The resource type, as the first segment of its REST path - for example V(volume), V(host), V(host_group),
        V(volume_group), V(snapshot_rule), V(replication_rule), V(policy), V(network) or V(cluster).
      - An unknown name fails the task with the closest names and the list of PowerStore 4.1 resources.
    type: str
    required: true
  action:
    description:
      - V(create) (C(POST /<resource>)), V(modify) (C(PATCH /<resource>/{id})), V(delete)
        (C(DELETE /<resource>/{id})), or a named action of the resource (C(POST /<resource>/{id}/<action>) or
        C(POST /<resource>/<action>)), for example V(clone), V(snapshot), V(refresh), V(restore), V(attach),
        V(detach), V(add_members) or V(remove_members).
      - An action the resource does not have fails the task with the list of its actions.
    type: str
    required: true
  id:
    description:
      - Id of the instance the action acts on (actions whose path has C({id})). Mutually exclusive with O(name).
    type: str
  name:
    description:
      - Name of the instance the action acts on, looked up with C(GET /<resource>?name=eq.<name>); no instance
        of that name - O(action=delete) reports C(changed=false), other actions fail; several - the task fails
        listing their ids.
      - With O(action=modify) and a new C(name) in O(body), an instance found under the new name when none has
        this one counts as renamed already.
      - With O(action=create), the name of the new instance - put into O(body) as C(name) (both given and
        different - the task fails).
    type: str
  body:
    description:
      - The request's fields, as the API names them (ids, not names - for example C(host_id),
        C(protection_policy_id)), checked against the schema before anything is sent.
      - Fields whose name marks them as secrets (passwords, passphrases, keys, tokens) are censored from the
        task's result, like C(no_log) options.
    type: dict
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.wait
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP_POWERSTORE
attributes:
  check_mode:
    description: Reads only and reports in RV(sent) what would be sent; nothing is submitted.
    support: full
  diff_mode:
    description:
      - Create - C(state=absent) before, the body after. Modify - the differing fields before and after. Delete -
        the instance before, C(state=absent) after. Named actions show no diff.
    support: full
  idempotent:
    description:
      - Create (on the name), modify (on the compared fields) and delete are. Named actions are not - they are
        always submitted.
    support: partial
notes:
  - Every change is sent with C(?is_async=true) and waited for as a PowerStore job; O(wait=false) returns its
    RV(job_id) at once, for M(asyncjobs.fleet.job_wait).
  - The schema is PowerStore 4.1's (the resources, actions and body definitions of its OpenAPI spec). Fields a
    later release added are refused as unknown. An array of an older release refuses to return the attributes it
    does not have yet - the module then reads only the attributes it compares (C(id), C(name) and the body's),
    with a warning, and RV(resource) holds only those.
  - Values are compared as given - null, an empty string and a missing attribute are the same; booleans never
    equal numbers; lists compare item by item in order; an object compares only the keys given.
  - Connection options fall back to C(POWERSTORE_URL), C(POWERSTORE_USERNAME), C(POWERSTORE_PASSWORD),
    C(POWERSTORE_VALIDATE_CERTS), C(POWERSTORE_CA_PATH) and C(POWERSTORE_TIMEOUT). O(url) is the array's
    address; the module adds C(/api/rest).
seealso:
  - module: asyncjobs.fleet.powerstore_volume_group
  - module: asyncjobs.fleet.job_wait
requirements:
  - requests
'''

EXAMPLES = r'''
- name: A snapshot rule, created once (idempotent on its name)
  asyncjobs.fleet.powerstore_resource:
    url: https://powerstore.example.com
    username: admin
    password: "{{ powerstore_password }}"
    resource: snapshot_rule
    action: create
    name: hourly-24
    body:
      interval: One_Hour
      desired_retention: 24
  register: rule

- name: Change the retention (sends only what differs)
  asyncjobs.fleet.powerstore_resource:
    resource: snapshot_rule
    action: modify
    name: hourly-24
    body:
      desired_retention: 48

- name: Add an initiator to a host (write-only field - always sent)
  asyncjobs.fleet.powerstore_resource:
    resource: host
    action: modify
    name: esx-01
    body:
      add_initiators:
        - port_name: iqn.1998-01.com.vmware:esx-01-b
          port_type: iSCSI

- name: Snapshot a volume once (a named action is not idempotent)
  asyncjobs.fleet.powerstore_resource:
    resource: volume
    action: snapshot
    name: db-01
    body:
      name: db-01-before-upgrade
  when: not snapshot_done | default(false)
  register: snap

- name: Remove a replication rule without waiting; wait later
  asyncjobs.fleet.powerstore_resource:
    resource: replication_rule
    action: delete
    name: rr-old
    wait: false
  register: removal

- name: Wait for it
  asyncjobs.fleet.job_wait:
    api: powerstore
    job_ids: ["{{ removal.job_id }}"]
  when: removal.job_id
'''

RETURN = r'''
resource:
  description:
    - The instance read back after the change (every attribute of its read instance that is not a relation to
      another resource). For a create that found the name taken, the existing instance. For a delete, the instance
      as it was before. With O(wait=false), as read before the change. Null when the resource has no read instance
      or nothing was found.
  returned: always
  type: dict
  sample: {"id": "8b4ca9a5-1d6c-4e2a-9f0d-6c1c5d7d0a11", "name": "hourly-24", "interval": "One_Hour",
           "desired_retention": 24}
exists:
  description: For a create, whether an instance of that name existed already (then nothing was sent).
  returned: when O(action=create)
  type: bool
sent:
  description:
    - The request this task sent (in check mode, the one it would have sent) - C(method), C(path) (under
      C(/api/rest), the id quoted as one path segment; the request also carries C(?is_async=true)) and C(body).
      Null when nothing was (or would be) sent.
  returned: always
  type: dict
  sample: {"method": "PATCH", "path": "/api/rest/snapshot_rule/8b4ca9a5-1d6c-4e2a-9f0d-6c1c5d7d0a11",
           "body": {"desired_retention": 48}}
job_id:
  description: Id of the PowerStore job this task submitted, or null when nothing was submitted.
  returned: always
  type: str
job:
  description: The finished job in the collection's normalised form (C(state), C(raw_state), C(progress),
    C(response_status), C(response_body), C(message)...).
  returned: when a job was submitted and waited for
  type: dict
response_body:
  description:
    - The job's C(response_body) - for a create, clone or snapshot the new instance's C(id); for a failed job its
      C(messages). Null when nothing was submitted or the job was not waited for.
  returned: always
  type: raw
  sample: {"id": "0f6c2f5e-6f38-4b4f-8c8c-0f1e0b1f2a3b"}
adopted_job_ids:
  description: Jobs already running on the instance (or creating one of the same name) that this task waited for
    before deciding what to send.
  returned: always
  type: list
  elements: str
adopted_jobs:
  description: The final records of the adopted jobs.
  returned: when jobs were adopted
  type: list
  elements: dict
lock_waited:
  description:
    - Seconds this task waited for another run on the same controller that held the lock of the same instance (see
      the troubleshooting guide, "Concurrent runs and conflicting jobs"). Absent when it did not wait.
  returned: when the task waited for the lock
  type: float
duplicate_job_ids:
  description:
    - Jobs on the same instance that another run, one that does not share this controller's lock, submitted at the
      same moment as this task's job, and that could not be canceled. Check the result once they ended.
  returned: when such a job was found
  type: list
  elements: str
recovered_job_ids:
  description:
    - Jobs this task submitted whose reply was lost (connection reset, read timeout). The request was not sent again;
      the job it created was found on the server and adopted as if the reply had arrived. A warning says so.
  returned: when the reply to a submission was lost and its job was found
  type: list
  elements: str
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._resource import RESOURCE


def main():
    run_module(RESOURCE)


if __name__ == "__main__":
    main()
