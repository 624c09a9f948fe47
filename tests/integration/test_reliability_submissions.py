# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reliability, part 2: submissions whose reply is lost are adopted, never resent.

The lab resets the connection of submission requests (POST/PATCH/DELETE that create a
job), either after the server processed them (the job exists, the client never hears of
it) or before (nothing happened). For every API the proof is the lab's own counters and
state: each intended change was sent exactly once and applied, resets really fired, and
no task failed. ``ASYNCJOBS_SOAK=1`` runs about ten times the submissions.
"""

from __future__ import annotations

import os
import time

import pytest
import requests

SOAK = os.environ.get("ASYNCJOBS_SOAK") == "1"
SMART = "storage.Disks.run_smart_test"
AUTH = ("admin", "lab-Passw0rd!")
# Seeded faults: with this seed the first 24 draws at 5 % fire at the 7th, 10th, 12th and
# 18th submission (random.Random(47)), so every API sees several resets in the CI size.
SEED = 47
RATE = 0.05
# Submission routes (regexes) and the methods that submit on them, per appliance.
ROUTES = {
    "drm": (r"^/ws/sci/?$", ("POST",)),
    "powerstore": (r"^/api/rest/volume_group", ("POST", "PATCH", "DELETE")),
    "aiqum": (r"/storage-provider/file-shares", ("POST", "PATCH", "DELETE")),
    "rpc": (r"/storage\.Disks\.run_smart_test$", ("POST",)),
}
# lab stats request keys of the submissions, per appliance and method.
REQUEST_KEYS = {
    "drm": {"POST": "POST /ws/sci"},
    "powerstore": {"POST": "POST /api/rest/volume_group", "PATCH": "PATCH /api/rest/volume_group/{id}",
                   "DELETE": "DELETE /api/rest/volume_group/{id}"},
    "aiqum": {"POST": "POST /api/storage-provider/file-shares", "PATCH": "PATCH /api/storage-provider/file-shares/{key}",
              "DELETE": "DELETE /api/storage-provider/file-shares/{key}"},
    "rpc": {"POST": "POST /api/external/{version}/{method}"},
}
APPLIANCES = tuple(ROUTES)


def rules(appliance, rate, after_processing):
    route, methods = ROUTES[appliance]
    return [{"method": m, "route": route, "rate": rate, "kinds": ["reset"], "after_processing": after_processing}
            for m in methods]


def play(*tasks, name="Test"):
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


def nonzero(counts):
    return {k: v for k, v in (counts or {}).items() if v}


def resets(delta):
    return delta["faults"]["injected"].get("reset", 0)


def sent(appliance, delta):
    """Submission requests the lab received (including those it reset), per method."""
    keys = REQUEST_KEYS[appliance]
    if appliance == "rpc":
        # One route for every call, and a call reset before processing is never counted by
        # function: the SMART requests are the POSTs that no other function accounts for.
        others = sum(n for name, n in (delta.get("calls") or {}).items() if name != SMART)
        return nonzero({"POST": delta["methods"].get("POST", 0) - others})
    return nonzero({m: delta["requests"].get(key, 0) for m, key in keys.items()})


@pytest.fixture
def clean(lab):
    """A reset lab without faults before and after each test."""
    lab.reset()
    yield lab
    lab.reset()


def lab_get(lab, appliance, path):
    return lab._call(appliance, "GET", path)  # pylint: disable=protected-access


def volume_groups(lab):
    return {vg["name"]: vg for vg in lab_get(lab, "powerstore", "/_lab/volume_groups")}


def file_shares(lab, pattern):
    resp = requests.get(lab.urls["aiqum"] + "/api/v2/storage-provider/file-shares",
                        params={"name": pattern, "max_records": 1000}, auth=AUTH, timeout=10)
    resp.raise_for_status()
    return {s["name"]: s for s in resp.json()["records"]}


def rpc_jobs(lab):
    return lab_get(lab, "rpc", "/_lab/jobs")


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "acme-2.1.0.bin"
    path.write_text("ACME firmware\nversion=2.1.0\n")
    return str(path)


def online_devices(lab):
    """Connected devices that accept firmware, in index order."""
    return [d["devConnectwareId"] for d in lab.devices("drm") if d["online"] and not d["fails_firmware"]]


# ---------------------------------------------------------------- one submission, deterministic

def single_task(appliance, image, device):
    """(task YAML, extra vars) for one submission of each API."""
    if appliance == "drm":
        return f"""
- name: Submit
  asyncjobs.fleet.drm_firmware_update:
    devices: ["{device}"]
    version: 2.1.0
    src: {image}
    poll_interval: 0.2
  register: out
""", {}
    if appliance == "powerstore":
        return """
- name: Submit
  asyncjobs.fleet.powerstore_volume_group:
    name: vg-lost-reply
    description: made once
    poll_interval: 0.2
""", {}
    if appliance == "aiqum":
        return """
- name: Submit
  asyncjobs.fleet.aiqum_file_share:
    name: lost_reply
    svm: svm_nfs_a
    size: 1GiB
    poll_interval: 0.2
""", {}
    return f"""
- name: Submit
  asyncjobs.fleet.rpc_call:
    function: {SMART}
    arguments: {{slot_id: 1}}
    client_ref: 4242
    poll_interval: 0.2
""", {}


def applied(appliance, lab, device):
    """True when the one change of single_task() is in the lab's state."""
    if appliance == "drm":
        return lab.device(device)["dpFirmwareLevelDesc"] == "2.1.0"
    if appliance == "powerstore":
        return volume_groups(lab).get("vg-lost-reply", {}).get("description") == "made once"
    if appliance == "aiqum":
        return "lost_reply" in file_shares(lab, "lost_reply")
    return [j["status_name"] for j in rpc_jobs(lab) if j["client_ref"] == 4242] == ["COMPLETED"]


def job_ids_of(result):
    if "job_ids" in result:
        return result["job_ids"]
    return [result["job_id"]]


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_lost_reply_after_processing_is_adopted(clean, ansible, lab_delta, image, appliance):
    lab = clean
    device = online_devices(lab)[0]
    task, extra = single_task(appliance, image, device)
    lab.faults(rules(appliance, 1.0, True), seed=SEED, appliance=appliance)
    with lab_delta(appliance) as delta:
        run = ansible.run_playbook(ansible.playbook(play(task)), extra_vars=extra)
    r = run.result("Submit")
    assert run.status("Submit") == "changed", run.describe()
    assert r["recovered_job_ids"] == job_ids_of(r) and len(r["recovered_job_ids"]) == 1
    output = run.stdout + run.stderr
    assert "was lost" in output and r["recovered_job_ids"][0] in output
    # One submission request, reset after the server processed it; never resent.
    assert resets(delta.value) == 1
    assert sum(sent(appliance, delta.value).values()) == 1
    assert sum(delta["submissions"].values()) == 1
    assert applied(appliance, lab, device)


@pytest.mark.parametrize("appliance", APPLIANCES)
def test_unprocessed_submission_fails_clearly_and_rerun_succeeds(clean, ansible, lab_delta, image, appliance):
    lab = clean
    device = online_devices(lab)[0]
    task, extra = single_task(appliance, image, device)
    pb = ansible.playbook(play(task))
    lab.faults(rules(appliance, 1.0, False), seed=SEED, appliance=appliance)
    with lab_delta(appliance) as delta:
        run = ansible.run_playbook(pb, extra_vars=extra, expect_rc=2)
    r = run.result("Submit")
    assert run.status("Submit") == "failed" and r["outcome_unknown"] is True
    msg = r["msg"]
    for words in ("outcome unknown", "reply was lost", "NOT sent again", "No matching job was found",
                  "Re-running the task is safe"):
        assert words in msg, msg
    assert "Traceback" not in run.stdout + run.stderr
    # Sent once, reset before processing: nothing was created and nothing was resent.
    assert sum(sent(appliance, delta.value).values()) == 1 and resets(delta.value) == 1
    assert nonzero(delta["submissions"]) == {}
    assert not applied(appliance, lab, device)

    lab.faults([], appliance=appliance)
    with lab_delta(appliance) as again:
        rerun = ansible.run_playbook(pb, extra_vars=extra)
    assert rerun.status("Submit") == "changed" and "recovered_job_ids" not in rerun.result("Submit")
    assert sum(again["submissions"].values()) == 1
    assert applied(appliance, lab, device)


def test_async_request_lost_reply_fails_clearly_and_is_not_resent(clean, ansible, lab_delta):
    # A generic API offers no job lookup: the task must say the outcome is unknown and that
    # nothing was resent, rather than retry or guess.
    lab = clean
    lab.faults([{"method": "POST", "route": "^/azure/widgets", "rate": 1.0, "kinds": ["reset"],
                 "after_processing": True}], seed=SEED, appliance="generic")
    pb = ansible.playbook(play("""
- name: Submit
  asyncjobs.fleet.async_request:
    url: "{{ lookup('ansible.builtin.env', 'GENERIC_URL') }}/azure/widgets?api-version=2024-01-01"
    url_username: "{{ lookup('ansible.builtin.env', 'GENERIC_USERNAME') }}"
    url_password: "{{ lookup('ansible.builtin.env', 'GENERIC_PASSWORD') }}"
    method: POST
    body_format: json
    body: {name: lost1, size: 1, duration: 1}
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb, expect_rc=2)
    msg = run.result("Submit")["msg"]
    assert run.status("Submit") == "failed"
    for words in ("the server closed the connection without a response", "outcome is unknown", "NOT sent again"):
        assert words in msg, msg
    assert delta["requests"].get("POST /azure/widgets") == 1 and resets(delta.value) == 1


# ---------------------------------------------------------------- many submissions, random resets

def wait_task(api, name, expr):
    return f"""
- name: {name}
  asyncjobs.fleet.job_wait:
    api: {api}
    job_ids: "{{{{ {expr} }}}}"
    poll_interval: 0.3
    wait_timeout: 300
"""


def jobs_of(register):
    return (f"{register}.results | map(attribute='job_ids', default=[]) | flatten"
            f" + {register}.results | selectattr('job_id', 'defined') | map(attribute='job_id')"
            " | select | list")


def build_mix(devices, count, fields, shares, rpc_count):
    """The playbook of the mixed run and what it intends to change."""
    drm_items = [{"dev": d, "field": f, "value": "%s-%d" % (f, i)} for f in fields for i, d in enumerate(devices)]
    ps_names = ["vg-rel-%03d" % i for i in range(count)]
    share_names = ["rel_%03d" % i for i in range(shares)]
    gone = max(1, count // 3)
    tasks = ["""
- name: DRM settings
  asyncjobs.fleet.drm_send_message:
    devices: ["{{ item.dev }}"]
    payload: >-
      <rci_request version="1.1"><set_setting><system><{{ item.field }}>{{ item.value }}</{{ item.field }}>
      </system></set_setting></rci_request>
    wait: false
  loop: "{{ drm_items }}"
  register: drm_sent
""", wait_task("drm", "DRM wait", jobs_of("drm_sent")), """
- name: PS create
  asyncjobs.fleet.powerstore_volume_group:
    name: "{{ item }}"
    wait: false
  loop: "{{ ps_names }}"
  register: ps_create
""", wait_task("powerstore", "PS create wait", jobs_of("ps_create")), """
- name: PS modify
  asyncjobs.fleet.powerstore_volume_group:
    name: "{{ item }}"
    description: "described {{ item }}"
    wait: false
  loop: "{{ ps_names }}"
  register: ps_modify
""", wait_task("powerstore", "PS modify wait", jobs_of("ps_modify")), """
- name: PS delete
  asyncjobs.fleet.powerstore_volume_group:
    name: "{{ item }}"
    state: absent
    wait: false
  loop: "{{ ps_names[:ps_gone] }}"
  register: ps_delete
""", wait_task("powerstore", "PS delete wait", jobs_of("ps_delete")), """
- name: AIQUM create
  asyncjobs.fleet.aiqum_file_share:
    name: "{{ item }}"
    svm: svm_nfs_a
    size: 1GiB
    wait: false
  loop: "{{ share_names }}"
  register: aiqum_create
""", wait_task("aiqum", "AIQUM create wait", jobs_of("aiqum_create")), """
- name: AIQUM resize
  asyncjobs.fleet.aiqum_file_share:
    name: "{{ item }}"
    svm: svm_nfs_a
    size: 2GiB
    wait: false
  loop: "{{ share_names }}"
  register: aiqum_resize
""", wait_task("aiqum", "AIQUM resize wait", jobs_of("aiqum_resize")), """
- name: AIQUM delete
  asyncjobs.fleet.aiqum_file_share:
    name: "{{ item }}"
    svm: svm_nfs_a
    state: absent
    wait: false
  loop: "{{ share_names[:aiqum_gone] }}"
  register: aiqum_delete
""", wait_task("aiqum", "AIQUM delete wait", jobs_of("aiqum_delete")), f"""
- name: RPC calls
  asyncjobs.fleet.rpc_call:
    function: {SMART}
    arguments: {{slot_id: "{{{{ [1, 2, 4, 5, 8][item % 5] }}}}"}}
    client_ref: "{{{{ 5000 + item }}}}"
    wait: false
  loop: "{{{{ range(rpc_count) | list }}}}"
  register: rpc_sent
""", wait_task("rpc", "RPC wait", "rpc_sent.results | map(attribute='job_id') | list")]
    extra = {"drm_items": drm_items, "ps_names": ps_names, "ps_gone": gone, "share_names": share_names,
             "aiqum_gone": max(1, shares // 3), "rpc_count": rpc_count}
    intended = {"drm": {"POST": len(drm_items)},
                "powerstore": {"POST": count, "PATCH": count, "DELETE": gone},
                "aiqum": {"POST": shares, "PATCH": shares, "DELETE": max(1, shares // 3)},
                "rpc": {"POST": rpc_count}}
    return play(*tasks), extra, intended


def recovered(run, tasks):
    out = []
    for name in tasks:
        for item in run.result(name).get("results", []):
            out.extend(item.get("recovered_job_ids") or [])
    return out


def test_random_resets_after_processing_lose_nothing_and_duplicate_nothing(clean, ansible):
    lab = clean
    scale = 10 if SOAK else 1
    online = [d["devConnectwareId"] for d in lab.devices("drm") if d["online"]]
    # 24 DRM messages in CI (24 devices x 1 field); soak: 3 fields on every online device.
    devices, fields = (online, ("contact", "location", "description")) if SOAK else (online[:24], ("contact",))
    count = 24 * scale
    pb_text, extra, intended = build_mix(devices, count, fields, 24 * scale, 24 * scale)
    for appliance in APPLIANCES:
        lab.faults(rules(appliance, RATE, True), seed=SEED, appliance=appliance)
    before = {a: lab.stats(a) for a in APPLIANCES}
    started = time.monotonic()
    run = ansible.run_playbook(ansible.playbook(pb_text), extra_vars=extra)
    wall = time.monotonic() - started
    after = {a: lab.stats(a) for a in APPLIANCES}
    for appliance in APPLIANCES:
        lab.faults([], appliance=appliance)

    # Zero spurious failures: every task and loop item succeeded.
    assert all(rec["status"] in ("ok", "changed") for rec in run.results), run.describe()
    figures = {}
    for appliance in APPLIANCES:
        delta = _delta(after[appliance], before[appliance])
        fired = resets(delta)
        # Resets really fired on this API's submissions...
        assert fired > 0, (appliance, delta["faults"])
        # ...and every intended change was sent exactly once (no resend, no duplicate).
        assert sent(appliance, delta) == intended[appliance], (appliance, sent(appliance, delta))
        assert sum(delta["submissions"].values()) == sum(intended[appliance].values()), delta["submissions"]
        figures[appliance] = {"submissions": sum(intended[appliance].values()), "resets": fired}
    adopted = {"drm": recovered(run, ["DRM settings"]),
               "powerstore": recovered(run, ["PS create", "PS modify", "PS delete"]),
               "aiqum": recovered(run, ["AIQUM create", "AIQUM resize", "AIQUM delete"]),
               "rpc": recovered(run, ["RPC calls"])}
    for appliance in APPLIANCES:
        # Every reset after processing left a job that the task found and adopted.
        assert len(adopted[appliance]) == figures[appliance]["resets"], (appliance, adopted[appliance])
        figures[appliance]["adopted"] = len(adopted[appliance])

    # Zero lost changes: the lab's end state holds every intended change.
    settings = {d["devConnectwareId"]: d["settings"]["system"] for d in lab.devices("drm")}
    for item in extra["drm_items"]:
        assert settings[item["dev"]][item["field"]] == item["value"], item
    groups = volume_groups(lab)
    gone = set(extra["ps_names"][:extra["ps_gone"]])
    for name in extra["ps_names"]:
        if name in gone:
            assert name not in groups
        else:
            assert groups[name]["description"] == "described " + name
    shares = file_shares(lab, "rel_*")
    gone = set(extra["share_names"][:extra["aiqum_gone"]])
    assert set(shares) == set(extra["share_names"]) - gone
    assert all(s["space"]["size"] == 2 << 30 for s in shares.values())
    refs = sorted(j["client_ref"] for j in rpc_jobs(lab) if j["status_name"] == "COMPLETED")
    assert refs == [5000 + i for i in range(extra["rpc_count"])]
    print("\nreliability figures (%s): %s; wall %.1fs" % ("soak" if SOAK else "ci", figures, wall))


def _delta(after, before):
    if isinstance(after, dict):
        return {k: _delta(v, (before or {}).get(k, 0) if isinstance(before, dict) else 0) for k, v in after.items()}
    if isinstance(after, (int, float)) and not isinstance(after, bool):
        return after - (before or 0)
    return after
