# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reliability under faults: 1,000 jobs across the four APIs with 10% of the reads faulted.

One ansible-playbook run drives all four APIs at once (one host per API, ``strategy: free``, so
their tasks overlap on the controller's cores). Each host submits its API's jobs with
``wait: false`` in one loop task and then waits for all of them with ONE
``asyncjobs.fleet.job_wait`` (batched polling: a listing per round, not a request per job).

Meanwhile the lab faults 10% of every read (GETs; for the RPC service its getter POSTs
``get_job_status``, ``get_jobs_list`` and ``*_result``) with a mix of 500, 502, 503 and 429 (both
with ``Retry-After: 1``), connection resets, truncated bodies and HTML error pages. Submissions
are not faulted: this file is about reads and waiting; lost submissions are
test_reliability_submissions.py's.

Proven with the lab's own records, not the collection's:

* every job reaches its TRUE terminal state: what job_wait reports equals the state computed
  here from the lab's raw job data (fetched after the faults are turned off), and the jobs
  designed to fail or partly fail do (offline devices, a firmware image a device rejects, a
  volume group name taken at run time, an export rule with a bad client, an aggregate too
  small, a busy disk);
* zero spurious task failures: the play succeeds and no submission task item failed;
* zero duplicate submissions: the lab's submission counters equal the jobs intended.

``ASYNCJOBS_SOAK=1`` runs 10,000 jobs instead of 1,000. The figures (jobs, faults injected per
kind, wall time) are printed and attached to the test report (``record_property``).
"""

from __future__ import annotations

import collections
import json
import os
import time

import pytest
import requests

SOAK = os.environ.get("ASYNCJOBS_SOAK") == "1"
PER_API = 2500 if SOAK else 250
FAULT_RATE = 0.1
KINDS = ["500", "502", "503", "429", "reset", "truncated", "html"]
AUTH = ("admin", "lab-Passw0rd!")
SMART = "storage.Disks.run_smart_test"
QUERY = '<rci_request version="1.1"><query_state/></rci_request>'
# Lab fleet rules (tests/lab/README.md, 100 devices): index i is offline when i % 10 == 9, and
# rejects firmware when i % 13 == 12 outside fleet/lab (i % 3 == 2).
FW_REJECTS = [12, 25, 51, 64, 90]
FW_ACCEPTS = [81, 82, 83, 84, 85]
FW_DEVICES = set(FW_REJECTS + FW_ACCEPTS)
ONLINE = [i for i in range(100) if i % 10 != 9 and i not in FW_DEVICES]
OFFLINE = [i for i in range(100) if i % 10 == 9]
# RPC: slot 3's disk is failing (the job still succeeds, device_ok false), slot 6 is busy (FAILED);
# slot 7 would pause until resumed, so it is left out.
RPC_SLOTS = [1, 2, 3, 4, 5, 6, 8]


def dev(i):
    return "00000000-00000000-00409DFF-FF%06X" % (i + 1)


# ---------------------------------------------------------------- the jobs each API gets

def drm_plan(n):
    """send_message jobs: one online device (succeeds), one offline (fails: 2001), both (partial);
    plus firmware updates of single devices, some of which reject the image (failed)."""
    fw = [{"device": dev(i), "expect": "failed" if i in FW_REJECTS else "succeeded"} for i in FW_REJECTS + FW_ACCEPTS]
    messages = []
    for k in range(n - len(fw)):
        on, off = dev(ONLINE[k % len(ONLINE)]), dev(OFFLINE[k % len(OFFLINE)])
        kind = k % 10
        if kind < 7:
            messages.append({"devices": [on], "expect": "succeeded"})
        elif kind < 9:
            messages.append({"devices": [on, off], "expect": "partial"})
        else:
            messages.append({"devices": [off], "expect": "failed"})
    return messages, fw


def powerstore_plan(n):
    """Creates (succeed), deletes of bulk groups (succeed) and pairs of renames to one new name:
    the first applies, the second finds the name taken when its job runs (FAILED, 422)."""
    pairs, deletes = n // 12, n // 25
    items = []
    for k in range(pairs):
        items.append({"name": "relbulk-%05d" % (2 * k), "new_name": "relnamed-%d" % k, "expect": "succeeded"})
        items.append({"name": "relbulk-%05d" % (2 * k + 1), "new_name": "relnamed-%d" % k, "expect": "failed"})
    for k in range(deletes):
        items.append({"name": "relbulk-%05d" % (2 * pairs + k), "state": "absent", "expect": "succeeded"})
    items += [{"name": "rel-vg-%d" % k, "expect": "succeeded"} for k in range(n - len(items))]
    return items, 2 * pairs + deletes


def aiqum_plan(n):
    """File shares: plain (NORMAL), one bad export rule client (PARTIAL_FAILURES), too big for
    its aggregate (ERROR)."""
    items = []
    for k in range(n):
        item = {"name": "rel_share_%d" % k, "size": "1GiB", "expect": "succeeded"}
        if k % 10 == 8:
            item.update(rules=[{"clients": ["10.0.0.0/24"]}, {"clients": ["999.1.1.1"]}], expect="partial")
        elif k % 10 == 9:
            item.update(aggregate="aggr_small_a", size="200GiB", expect="failed")
        items.append(item)
    return items


def rpc_plan(n):
    return [{"slot": RPC_SLOTS[k % len(RPC_SLOTS)], "ref": 500000 + k,
             "expect": "failed" if RPC_SLOTS[k % len(RPC_SLOTS)] == 6 else "succeeded"} for k in range(n)]


# ---------------------------------------------------------------- the playbook

PLAYBOOK = """
- name: One host per API
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Add the API hosts
      ansible.builtin.add_host:
        name: "{{ item }}"
        groups: apis
        ansible_connection: local
        ansible_python_interpreter: "{{ ansible_playbook_python }}"
      loop: [drm, powerstore, aiqum, rpc]

- name: Submit everything, then wait once per API
  hosts: apis
  gather_facts: false
  strategy: free
  vars:
    mine: "{{ inventory_hostname }}"
  tasks:
    - name: DRM messages
      asyncjobs.fleet.drm_send_message:
        devices: "{{ item.devices }}"
        payload: '<rci_request version="1.1"><query_state/></rci_request>'
        wait: false
      loop: "{{ drm_messages if mine == 'drm' else [] }}"
      loop_control: {label: "{{ item.devices }}"}
      register: drm_msg

    - name: DRM firmware
      asyncjobs.fleet.drm_firmware_update:
        devices: ["{{ item.device }}"]
        version: 9.9.9
        src: "{{ firmware_image }}"
        wait: false
      loop: "{{ drm_firmware if mine == 'drm' else [] }}"
      loop_control: {label: "{{ item.device }}"}
      register: drm_fw

    - name: PowerStore volume groups
      asyncjobs.fleet.powerstore_volume_group:
        name: "{{ item.name }}"
        new_name: "{{ item.new_name | default(omit) }}"
        state: "{{ item.state | default('present') }}"
        wait: false
      loop: "{{ powerstore_items if mine == 'powerstore' else [] }}"
      loop_control: {label: "{{ item.name }}"}
      register: ps

    - name: AIQUM file shares
      asyncjobs.fleet.aiqum_file_share:
        name: "{{ item.name }}"
        svm: svm_nfs_a
        size: "{{ item.size }}"
        aggregate: "{{ item.aggregate | default(omit) }}"
        export_policy_rules: "{{ item.rules | default(omit) }}"
        wait: false
      loop: "{{ aiqum_items if mine == 'aiqum' else [] }}"
      loop_control: {label: "{{ item.name }}"}
      register: aq

    - name: RPC calls
      asyncjobs.fleet.rpc_call:
        function: storage.Disks.run_smart_test
        arguments: {slot_id: "{{ item.slot }}"}
        client_ref: "{{ item.ref }}"
        wait: false
      loop: "{{ rpc_items if mine == 'rpc' else [] }}"
      loop_control: {label: "{{ item.ref }}"}
      register: rp

    - name: Wait
      asyncjobs.fleet.job_wait:
        api: "{{ mine }}"
        job_ids: "{{ (submitted | selectattr('job_ids', 'defined') | map(attribute='job_ids') | flatten)
                     + (submitted | selectattr('job_id', 'defined') | map(attribute='job_id') | list) }}"
        wait_timeout: "{{ wait_timeout }}"
        poll_interval: 0.5
        max_poll_interval: 2
        fail_on: never
      vars:
        submitted: "{{ (drm_msg.results | default([])) + (drm_fw.results | default([])) + (ps.results | default([]))
                       + (aq.results | default([])) + (rp.results | default([])) }}"
"""


# ---------------------------------------------------------------- the lab's truth

def drm_truth(lab):
    """Lifecycle state of every job from the raw SCI listing (computed here, not by the collection)."""
    import xml.etree.ElementTree as ET
    out = {}
    start = 0
    while True:  # pages of at most 1,000 jobs, as Remote Manager serves them
        resp = requests.get(lab.urls["drm"] + "/ws/sci", params={"start": start, "size": 1000}, auth=AUTH, timeout=60)
        resp.raise_for_status()
        root = ET.fromstring(resp.content)
        rows = root.findall("Job")
        for row in rows:
            status, ok, bad = row.findtext("jobStatus"), int(row.findtext("jobProgressSuccess") or 0), \
                int(row.findtext("jobProgressFailures") or 0)
            if status != "2":  # complete
                out[row.findtext("jobId")] = "not finished (%s)" % status
            else:
                out[row.findtext("jobId")] = "succeeded" if not bad else ("failed" if not ok else "partial")
        start += len(rows)
        if not rows or int(root.findtext("remainingSize") or 0) == 0:
            return out


def powerstore_truth(lab):
    resp = requests.get(lab.urls["powerstore"] + "/_lab/jobs", timeout=60)
    resp.raise_for_status()
    return {j["id"]: {"COMPLETED": "succeeded", "FAILED": "failed"}.get(j["state"], "not finished (%s)" % j["state"])
            for j in resp.json()}


def aiqum_truth(lab):
    out, url, params = {}, lab.urls["aiqum"] + "/api/management-server/jobs", {"max_records": 1000}
    while url:
        resp = requests.get(url, params=params, auth=AUTH, timeout=60)
        resp.raise_for_status()
        data = resp.json()
        for j in data["records"]:
            word = (j.get("status") if str(j["state"]).lower() == "completed" else j["state"]).lower()
            out[j["key"]] = {"normal": "succeeded", "warning": "succeeded", "partial_failures": "partial",
                             "error": "failed"}.get(word, "not finished (%s)" % word)
        nxt = (data.get("_links") or {}).get("next")
        url, params = (lab.urls["aiqum"] + nxt["href"] if nxt else None), None
    return out


def rpc_truth(lab):
    resp = requests.get(lab.urls["rpc"] + "/_lab/jobs", timeout=60)
    resp.raise_for_status()
    rows = resp.json()
    rows = rows.get("jobs", rows) if isinstance(rows, dict) else rows
    names = {4: "succeeded", 5: "failed", "COMPLETED": "succeeded", "FAILED": "failed"}
    return {str(j["id"]): names.get(j["status"], "not finished (%s)" % j["status"]) for j in rows}


# ---------------------------------------------------------------- the test

def fault_rules(api):
    read = {"drm": {"route": "^/ws/", "method": "GET"},
            "powerstore": {"route": "^/api/rest/", "method": "GET"},
            "aiqum": {"route": "^/api/", "method": "GET"},
            # RPC reads are POSTs to getter methods.
            "rpc": {"route": r"(system\.Jobs\.get_job_status|system\.Jobs\.get_jobs_list|_result)$", "method": "POST"}}
    return [dict(read[api], rate=FAULT_RATE, kinds=KINDS, retry_after=1)]


@pytest.fixture
def fresh_lab(lab):
    lab.reset()
    requests.post(lab.urls["powerstore"] + "/_lab/volume_groups", json={"count": PER_API, "prefix": "relbulk-"},
                  timeout=30).raise_for_status()
    yield lab
    for api in ("drm", "powerstore", "aiqum", "rpc"):
        lab.faults([], appliance=api)
    lab.reset()


def test_1000_jobs_with_10_percent_of_reads_faulted(fresh_lab, ansible, tmp_path, record_property):
    lab = fresh_lab
    messages, firmware = drm_plan(PER_API)
    ps_items, ps_changes = powerstore_plan(PER_API)
    aq_items, rpc_items = aiqum_plan(PER_API), rpc_plan(PER_API)
    image = tmp_path / "fw-9.9.9.bin"
    image.write_bytes(b"ACME FIRMWARE\nversion=9.9.9\n" + b"\x00" * 64)  # the lab reads version=
    extra = {"drm_messages": messages, "drm_firmware": firmware, "powerstore_items": ps_items,
             "aiqum_items": aq_items, "rpc_items": rpc_items, "firmware_image": str(image),
             "wait_timeout": 1800 if SOAK else 300}
    for api in ("drm", "powerstore", "aiqum", "rpc"):
        lab.faults(fault_rules(api), seed=5, appliance=api)
    before = {api: lab.stats(api) for api in ("drm", "powerstore", "aiqum", "rpc")}

    started = time.monotonic()
    run = ansible.run_playbook(ansible.playbook(PLAYBOOK), extra_vars=extra, timeout=3600 if SOAK else 600)
    wall = time.monotonic() - started

    after = {api: lab.stats(api) for api in ("drm", "powerstore", "aiqum", "rpc")}
    for api in ("drm", "powerstore", "aiqum", "rpc"):
        lab.faults([], appliance=api)

    # Zero spurious task failures: every submission item and every wait succeeded.
    failed = [(r["host"], r["task"]) for r in run.results if r["status"] == "failed"]
    assert failed == [], run.describe()
    for host, task, n in (("drm", "DRM messages", len(messages)), ("drm", "DRM firmware", len(firmware)),
                          ("powerstore", "PowerStore volume groups", len(ps_items)),
                          ("aiqum", "AIQUM file shares", len(aq_items)), ("rpc", "RPC calls", len(rpc_items))):
        items = run.result(task, host)["results"]
        assert len(items) == n and not [i for i in items if i.get("failed")], (host, task)

    # Zero duplicate submissions: the lab's counters equal the jobs intended.
    def submitted(api):
        return {k: v - before[api]["submissions"].get(k, 0) for k, v in after[api]["submissions"].items()
                if v - before[api]["submissions"].get(k, 0)}
    assert submitted("drm") == {"send_message": len(messages), "update_firmware": len(firmware)}
    creates = len(ps_items) - ps_changes
    assert submitted("powerstore") == {"create": creates, "modify": ps_changes - PER_API // 25, "delete": PER_API // 25}
    assert submitted("aiqum") == {"file_share_create": len(aq_items)}
    assert submitted("rpc") == {SMART: len(rpc_items)}

    # Every job reaches its TRUE terminal state: job_wait's report equals the lab's own record,
    # and the jobs meant to fail (or partly fail) did.
    truths = {"drm": drm_truth(lab), "powerstore": powerstore_truth(lab), "aiqum": aiqum_truth(lab),
              "rpc": rpc_truth(lab)}
    expected = {"drm": [f["expect"] for f in firmware] + [m["expect"] for m in messages],
                "powerstore": [i["expect"] for i in ps_items], "aiqum": [i["expect"] for i in aq_items],
                "rpc": [i["expect"] for i in rpc_items]}
    figures = {"jobs": 0, "wall_seconds": round(wall, 1), "faults": collections.Counter(), "states": {}}
    for api in ("drm", "powerstore", "aiqum", "rpc"):
        waited = run.result("Wait", api)
        reported = {j["id"]: j["state"] for j in waited["jobs"]}
        assert len(reported) == PER_API, api
        assert reported == {i: truths[api][i] for i in reported}, api
        # Ids are listed in submission order, except that DRM's firmware jobs (job_ids) come
        # before its messages (job_id): see the Wait task's job_ids expression.
        assert [j["state"] for j in waited["jobs"]] == expected[api], api
        assert set(truths[api]) >= set(reported)
        figures["jobs"] += len(reported)
        figures["states"][api] = dict(collections.Counter(reported.values()))
        figures["faults"].update({k: v - before[api]["faults"]["injected"].get(k, 0)
                                  for k, v in after[api]["faults"]["injected"].items()})
    figures["faults"] = dict(figures["faults"])
    figures["faults_total"] = sum(figures["faults"].values())
    assert figures["jobs"] == 4 * PER_API
    assert set(figures["faults"]) == set(KINDS)  # every kind was exercised
    record_property("reliability_faults", json.dumps(figures, sort_keys=True))
    print("\nRELIABILITY-FAULTS %s" % json.dumps(figures, sort_keys=True))
