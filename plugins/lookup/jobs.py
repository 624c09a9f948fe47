# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
name: jobs
short_description: List manager jobs, filtered, across all pages
description:
  - Returns the jobs of a manager in the collection's normalised form, paging through the whole listing.
  - With terms, returns those job ids with their full results instead (for Remote Manager, per-device results).
  - Uses the same connection options and environment variables as the modules.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  _terms:
    description: Job ids to read. Leave empty to list jobs.
    required: false
    type: list
    elements: str
  api:
    description:
      - Which manager to ask. V(drm) is Digi Remote Manager, V(powerstore) Dell PowerStore,
        V(aiqum) NetApp Active IQ Unified Manager, V(rpc) the async RPC service.
    type: str
    default: drm
    choices: [drm, powerstore, aiqum, rpc]
  state:
    description:
      - Only jobs in these lifecycle states.
    type: list
    elements: str
  operation:
    description:
      - Only jobs of this operation, for example V(update_firmware) or V(query_setting).
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
        for every API the lookup applies the exact window to the jobs listed. A job without a readable
        submission time is left out.
    type: str
    version_added: 1.1.0
  submitted_before:
    description:
      - Only jobs submitted before this time (not at it, so consecutive windows never share a job).
      - Same form as O(submitted_after), and later than it.
    type: str
    version_added: 1.1.0
  results:
    description:
      - With terms, V(true) reads each job with its full results (one request per job).
      - V(false) reads them as the job listing shows them instead, without per-item results, in batches
        (for Remote Manager one listing request per 100 ids). For Remote Manager the listing has what a
        job's own reply lacks, C(submitted), C(completed) and C(target_ids).
      - An unknown id fails either way. Without terms it changes nothing.
    type: bool
    default: true
    version_added: 1.1.0
  page_size:
    description:
      - Jobs per listing request; the lookup pages until the listing is exhausted.
      - From 1 to 10000 (managers return at most their own maximum per page).
    type: int
    default: 1000
  validate_certs:
    description:
      - Verify the server's TLS certificate.
      - If not set, the API's E(<PREFIX>_VALIDATE_CERTS) (E(DRM_VALIDATE_CERTS)...) is used, and V(true) when that is
        unset too.
      - Set to V(false) only for lab systems, since it lets a man-in-the-middle read credentials.
      - V(false) and O(ca_path) win over E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
      - Accepts V(true), V(yes), V(on), V(1), V(false), V(no), V(off) and V(0) (any case), or a boolean; any other
        value is an error, so that a typo cannot turn certificate verification off.
    # raw, not bool: Ansible's bool reads any unknown word such as "flase" as false.
    type: raw
extends_documentation_fragment:
  - asyncjobs.fleet.connection
'''

EXAMPLES = r'''
- name: Firmware jobs that did not fully succeed
  ansible.builtin.debug:
    msg: "{{ query('asyncjobs.fleet.jobs', operation='update_firmware', state=['partial', 'failed']) }}"

- name: One job with its per-device results
  ansible.builtin.debug:
    msg: "{{ lookup('asyncjobs.fleet.jobs', '600012', wantlist=True) }}"

- name: Firmware jobs submitted during one night (UTC)
  ansible.builtin.debug:
    msg: >-
      {{ query('asyncjobs.fleet.jobs', operation='update_firmware',
               submitted_after='2026-03-01T22:00:00Z', submitted_before='2026-03-02T06:00:00Z') }}

- name: Jobs read from the listing, with their submission and completion times
  ansible.builtin.debug:
    msg: "{{ query('asyncjobs.fleet.jobs', '600012', '600013', results=false) }}"
'''

RETURN = r'''
_raw:
  description:
    - Jobs in normalised form (C(id), C(state), C(raw_state), C(terminal), C(progress), C(message), C(operation),
      C(targets), C(succeeded), C(failed), C(submitted), C(completed), and for Remote Manager C(target_ids)).
    - Jobs submitted by other clients are read the same way. A finished job whose outcome cannot be read from the
      manager's reply has C(state=unknown), C(terminal=true) and the reply's gist in C(message).
    - Every value comes from the manager and is marked unsafe (never templated), even with C(allow_unsafe=True).
  type: list
  elements: dict
'''

import os

from ansible.errors import AnsibleLookupError
from ansible.plugins.lookup import LookupBase
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._connect import make_client
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import check_number
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import (
    BUDGET_OPTIONS,
    CONNECTION_OPTIONS,
    TaskEnviron,
    parse_bool,
    secret_values,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import checked_ids
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._job_tasks import (
    list_filtered,
    listed_jobs,
    time_window,
)


class LookupModule(LookupBase):

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        params = {name: self.get_option(name) for name in CONNECTION_OPTIONS + BUDGET_OPTIONS + (
            "state", "operation", "target", "submitted_after", "submitted_before")}
        bad = set(params["state"] or []) - set(lc.STATES)
        if bad:
            raise AnsibleLookupError("state must be among %s, got %s" % (", ".join(lc.STATES), ", ".join(sorted(bad))))
        try:
            time_window(params)  # a bad time fails before anything is asked
        except FleetError as exc:
            raise AnsibleLookupError("asyncjobs.fleet.jobs: %s" % exc.msg)
        # The api is chosen per call, so its <PREFIX>_* fallbacks cannot be env: entries of these
        # options: the modules' connection code resolves them, from the controller's environment
        # (read once for the client and the censoring).
        environ = TaskEnviron(os.environ)
        redact = Redactor(secret_values(params, environ))
        try:
            if params["validate_certs"] is not None and not isinstance(params["validate_certs"], bool):
                params["validate_certs"] = parse_bool("validate_certs", params["validate_certs"])
            client = make_client(self.get_option("api"), params, environ)
            if terms:
                ids = checked_ids(client, [str(term) for term in terms])
                jobs = [client.results(i) for i in ids] if self.get_option("results") else listed_jobs(client, ids)
            else:
                page_size = check_number("page_size", self.get_option("page_size"))
                jobs = list_filtered(client, params, page_size=page_size)
        except FleetError as exc:
            # A backend may quote a server's error body; censor any credential it echoed.
            raise AnsibleLookupError("asyncjobs.fleet.jobs: %s" % redact(exc.msg))
        # Messages quote manager replies (a job the collection cannot read shows its gist), and
        # a lookup's value is not filtered by no_log like a module result: censor them too.
        for record in jobs:
            if record.get("message"):
                record["message"] = redact(record["message"])
        # Everything here comes from the manager: unsafe even when the caller passes
        # allow_unsafe=True (which, before ansible-core 2.19, lets Ansible template the strings).
        return wrap_var(jobs)
