# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Digi Remote Manager modules and plugins against the lab, over real HTTP.

Every test starts from a freshly reset lab and asserts on returned values and on the
lab's own request counters (``/_lab/stats``).
"""

from __future__ import annotations


import pytest

import conftest

QUERY = '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'
SET_CONTACT = '<rci_request version="1.1"><set_setting><system><contact>x</contact></system></set_setting></rci_request>'


def play(*tasks, name="Test"):
    """A one-play playbook on localhost from task YAML snippets."""
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{indented}\n"


@pytest.fixture
def drm(lab):
    """A reset lab; returns the device list for expectations."""
    lab.reset()
    return lab.devices("drm")


def by_tag(devices, tag):
    return [d for d in devices if tag in d["dpTags"].split(",")]


def test_send_message_reports_offline_devices_per_device(drm, ansible, lab_delta):
    demo = by_tag(drm, "demo")
    offline = sorted(d["devConnectwareId"] for d in demo if not d["online"])
    assert len(demo) == 50 and offline, "lab fleet rules changed"
    pb = ansible.playbook(play(f"""
- name: Query
  asyncjobs.fleet.drm_send_message:
    tags: [demo]
    payload: '{QUERY}'
    fail_on: all
  register: r
"""))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Query")
    assert run.status("Query") == "ok"  # read-only payload: changed=false
    assert r["summary"] == {"targets": 50, "ok": 50 - len(offline), "failed": len(offline),
                            "errors": {"Device Not Connected (2001)": len(offline)}}
    failed = sorted(k for k, v in r["devices"].items() if not v["ok"])
    assert failed == offline
    assert all(r["devices"][k]["error_id"] == "2001" for k in offline)
    online = next(k for k, v in r["devices"].items() if v["ok"])
    assert r["devices"][online]["reply"]["rci_reply"]["query_setting"]["system"]["location"].startswith("site-")
    assert r["job"]["state"] == "partial" and r["job"]["raw_state"] == "complete"
    assert delta["requests"]["POST /ws/sci"] == 1
    assert r["requests"] == sum(delta["methods"].values())


def test_send_message_fail_on_any_fails_and_names_devices(drm, ansible):
    pb = ansible.playbook(play(f"""
- name: Query
  asyncjobs.fleet.drm_send_message:
    tags: [demo]
    payload: '{QUERY}'
"""))
    run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Query")
    assert run.status("Query") == "failed"
    assert "Device Not Connected" in r["msg"] and "FF00000A" in r["msg"]
    assert r["job_id"] and len(r["devices"]) == 50


def test_unknown_devices_and_no_valid_targets(drm, ansible, lab_delta):
    known = drm[0]["devConnectwareId"]
    pb = ansible.playbook(play(f"""
- name: Mixed
  asyncjobs.fleet.drm_send_message:
    devices: ['{known}', '00000000-00000000-00409DFF-FFABCDEF']
    payload: '{QUERY}'
    fail_on: never
  register: r
- name: Nothing valid
  asyncjobs.fleet.drm_send_message:
    devices: ['00000000-00000000-00409DFF-FFABCDEF']
    payload: '{QUERY}'
  ignore_errors: true
"""))
    run = ansible.run_playbook(pb)
    mixed = run.result("Mixed")
    assert mixed["devices"][known]["ok"] is True
    assert mixed["devices"]["00000000-00000000-00409DFF-FFABCDEF"]["error_id"] == "303"
    nothing = run.result("Nothing valid")
    assert run.status("Nothing valid") == "failed" and "No valid targets" in nothing["msg"]
    assert nothing["devices"]["00000000-00000000-00409DFF-FFABCDEF"]["error_id"] == "303"
    assert "job_id" not in nothing


def test_check_mode_sends_no_changing_message(drm, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Set
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{SET_CONTACT}'
"""))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, check=True)
    r = run.result("Set")
    assert r["changed"] is True and len(r["would_send_to"]) == 5
    assert delta["methods"]["POST"] == 0


@pytest.mark.parametrize("payload, message", [
    ("<rci_request><query_setting>", "not well-formed XML"),
    ("not xml at all", "not well-formed XML"),
    ('<!DOCTYPE r [<!ENTITY a "aaaa">]><rci_request>&a;</rci_request>', "DTD"),
    ('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', "DTD"),
])
def test_bad_payload_is_refused_before_sending(drm, ansible, lab_delta, payload, message):
    pb = ansible.playbook(play("""
- name: Bad
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: "{{ bad_payload }}"
"""))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, extra_vars={"bad_payload": payload}, expect_rc=2)
    r = run.result("Bad")
    assert message in r["msg"] and r["changed"] is False
    assert "Traceback" not in run.stdout + run.stderr
    assert sum(delta["methods"].values()) == 0


def test_bad_device_id_and_missing_targets_send_nothing(drm, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Bad id
  asyncjobs.fleet.drm_send_message:
    devices: ['not-a-device']
    payload: '{QUERY}'
  ignore_errors: true
- name: No targets
  asyncjobs.fleet.drm_send_message:
    payload: '{QUERY}'
  ignore_errors: true
"""))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb)
    assert "not a Remote Manager device id" in run.result("Bad id")["msg"]
    assert "no targets: set at least one of devices, tags, groups" in run.result("No targets")["msg"]
    assert sum(delta["methods"].values()) == 0


def test_wrong_credentials_give_one_clear_message(drm, ansible):
    pb = ansible.playbook(play(f"""
- name: Wrong
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{QUERY}'
    password: wrong-password-123
"""))
    run = ansible.run_playbook(pb, expect_rc=2)
    r = run.result("Wrong")
    assert "HTTP 401" in r["msg"] and "authentication failed" in r["msg"]
    assert "wrong-password-123" not in run.stdout + run.stderr


def test_api_key_authentication(drm, ansible):
    pb = ansible.playbook(play(f"""
- name: With key
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{QUERY}'
"""))
    run = ansible.run_playbook(pb, env={"DRM_USERNAME": None, "DRM_PASSWORD": None,
                                        "DRM_API_KEY_ID": "lab-key-id", "DRM_API_KEY_SECRET": "lab-key-secret"})
    assert run.result("With key")["summary"]["ok"] == 5


FIRMWARE = """
- name: Update
  asyncjobs.fleet.drm_firmware_update:
    groups: [fleet/lab]
    version: 2.1.0
    src: "{{ image }}"
    fail_on: all
  register: fw
"""


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "acme-2.1.0.bin"
    path.write_text("ACME firmware\nversion=2.1.0\n")
    return str(path)


def test_firmware_update_is_idempotent(drm, ansible, lab_delta, lab, image):
    group = [d for d in drm if d["grpPath"] == "fleet/lab"]
    online = sorted(d["devConnectwareId"] for d in group if d["online"])
    offline = sorted(d["devConnectwareId"] for d in group if not d["online"])
    assert online and offline and not any(d["fails_firmware"] for d in group), "fleet/lab must stay a clean group"
    pb = ansible.playbook(play(FIRMWARE))
    with lab_delta("drm") as first:
        run = ansible.run_playbook(pb, extra_vars={"image": image})
    r = run.result("Update")
    assert r["changed"] is True
    assert r["updated_devices"] == online
    assert sorted(r["failed_devices"]) == offline
    assert all("Device Not Connected" in v for v in r["failed_devices"].values())
    assert first["submissions"]["update_firmware"] == 1
    now = {d["devConnectwareId"]: d for d in lab.devices("drm")}
    assert all(now[i]["dpFirmwareLevelDesc"] == "2.1.0" for i in online)
    assert all(now[i]["dpFirmwareLevelDesc"] != "2.1.0" for i in offline)

    with lab_delta("drm") as second:
        again = ansible.run_playbook(pb, extra_vars={"image": image})
    r2 = again.result("Update")
    assert r2["changed"] is False
    assert sorted(r2["skipped_devices"]) == online and r2["job_ids"] == []
    assert second["methods"]["POST"] == 0


def test_firmware_check_mode_and_diff_submit_nothing(drm, ansible, lab_delta, image):
    pb = ansible.playbook(play(FIRMWARE))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, extra_vars={"image": image}, check=True, diff=True)
    r = run.result("Update")
    assert r["changed"] is True and r["would_update"]
    assert set(r["diff"]["after"]) == set(r["would_update"])
    assert all(v == "2.1.0" for v in r["diff"]["after"].values())
    assert delta["methods"]["POST"] == 0


def test_firmware_failure_is_reported_not_hidden(drm, ansible, image):
    failing = [d["devConnectwareId"] for d in drm if d["fails_firmware"] and d["online"]][:1]
    ok = [d["devConnectwareId"] for d in drm if not d["fails_firmware"] and d["online"]][:2]
    pb = ansible.playbook(play("""
- name: Update
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{ targets }}"
    version: 2.1.0
    src: "{{ image }}"
"""))
    run = ansible.run_playbook(pb, extra_vars={"image": image, "targets": failing + ok}, expect_rc=2)
    r = run.result("Update")
    assert sorted(r["updated_devices"]) == sorted(ok)
    assert list(r["failed_devices"]) == failing and "2105" in r["failed_devices"][failing[0]]
    assert failing[0] in r["msg"]


def finish_once_polled(lab, job_id, run):
    """conftest.finish_once_polled, once the run has read the job's progress."""
    reads = "%s progress" % job_id
    conftest.finish_once_polled(lab, "drm", job_id, run,
                                lambda before, now: now["job_reads"].get(reads, 0) > before["job_reads"].get(reads, 0))


def test_rerun_adopts_in_flight_firmware_job(drm, ansible, lab, lab_delta, image):
    usual = lab.config("drm")["durations"]
    # The first run's job stays in flight until the re-run has polled it (then the test ends it),
    # so the re-run always has a job to adopt, however slow the machine.
    lab.config("drm", durations={"update_firmware": 40000})
    try:
        target = [d["devConnectwareId"] for d in drm if d["online"] and not d["fails_firmware"]][:3]
        update = """
- name: {name}
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{{{ targets }}}}"
    version: 2.1.0
    src: "{{{{ image }}}}"{extra}
"""
        extra_vars = {"image": image, "targets": target}
        with lab_delta("drm") as delta:
            first = ansible.run_playbook(ansible.playbook(play(update.format(name="Submit only", extra="\n    wait: false"))),
                                         extra_vars=extra_vars).result("Submit only")
            rerun = ansible.start_playbook(ansible.playbook(play(update.format(name="Re-run", extra=""))), extra_vars=extra_vars)
            finish_once_polled(lab, first["job_ids"][0], rerun)
            again = rerun.wait().result("Re-run")
        assert again["adopted_job_ids"] == first["job_ids"]
        assert sorted(again["updated_devices"]) == sorted(target)
        assert delta["submissions"]["update_firmware"] == 1
    finally:
        lab.config("drm", durations=usual)


def test_settings_idempotent_check_and_diff(drm, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Settings
  asyncjobs.fleet.drm_settings:
    tags: [canary]
    settings:
      system:
        contact: noc@example.com
"""))
    with lab_delta("drm") as check:
        dry = ansible.run_playbook(pb, check=True, diff=True).result("Settings")
    assert dry["changed"] is True and len(dry["changed_devices"]) == 5
    some = dry["changed_devices"][0]
    assert dry["diff"]["before"][some] == {"system": {"contact": ""}}
    assert dry["diff"]["after"][some] == {"system": {"contact": "noc@example.com"}}
    assert check["submissions"] == {"send_message": 1} or check["submissions"].get("send_message") == 1

    first = ansible.run_playbook(pb).result("Settings")
    assert first["changed"] is True and len(first["job_ids"]) == 1
    with lab_delta("drm") as second:
        again = ansible.run_playbook(pb).result("Settings")
    assert again["changed"] is False and sorted(again["unchanged_devices"]) == sorted(first["changed_devices"])
    assert second["requests"]["POST /ws/sci"] == 1  # the read-only query only


def test_settings_read_and_write_share_one_wait_timeout(drm, ansible, lab):
    """drm_settings waits twice (the read, then the write): wait_timeout bounds both together.

    Every send_message job takes 4 s and wait_timeout is 6 s. The write's job starts after the
    read's job ended (at least 4 s in), so it cannot end within 6 s of the first wait: the task
    must time out. With a deadline per wait it succeeded after about 8 s, waiting 8 s in all.
    """
    config = lab.config("drm")
    lab.config("drm", durations={"send_message": 4 / config["time_scale"]})
    try:
        pb = ansible.playbook(play("""
- name: Settings
  asyncjobs.fleet.drm_settings:
    devices: ["{{ target }}"]
    settings:
      system:
        contact: two-steps@example.com
    wait_timeout: 6
    poll_interval: 0.5
    max_poll_interval: 1
"""))
        target = next(d["devConnectwareId"] for d in drm if d["online"])
        run = ansible.run_playbook(pb, extra_vars={"target": target}, expect_rc=2)
    finally:
        lab.config("drm", durations=config["durations"])
    r = run.result("Settings")
    assert run.status("Settings") == "failed" and r["changed"] is True and len(r["job_ids"]) == 1, r
    assert r["msg"].startswith("Timed out after 6.0s waiting for 1 of 1 job(s): %s=running" % r["job_ids"][0]), r["msg"]
    assert "earlier steps used" in r["msg"]
    # The task waited at most wait_timeout plus one poll interval in all (the last poll's own time).
    assert r["waited"] <= 6 + 1, r["waited"]


def test_settings_without_wait_returns_the_set_jobs_unwaited(drm, ansible, lab):
    lab.reset()
    pb = ansible.playbook(play("""
- name: Settings
  asyncjobs.fleet.drm_settings:
    tags: [canary]
    settings:
      system:
        location: rack 7
    wait: false
  register: set_result
- name: Then wait
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: "{{ set_result.job_ids }}"
"""))
    run = ansible.run_playbook(pb)
    r = run.result("Settings")
    assert r["changed"] is True and len(r["job_ids"]) == 1 and "jobs" not in r and "polls" not in r
    assert run.result("Then wait")["states"] == {"succeeded": 1}


def test_timeout_names_job_then_cancel(drm, ansible, lab, image):
    lab.config("drm", durations={"update_firmware": 2000})  # 100 s at the harness time scale
    try:
        pb = ansible.playbook(play("""
- name: Slow update
  asyncjobs.fleet.drm_firmware_update:
    tags: [canary]
    version: 2.1.0
    src: "{{ image }}"
    wait_timeout: 1
  register: slow
  ignore_errors: true
- name: Cancel
  asyncjobs.fleet.job_cancel:
    api: drm
    job_ids: "{{ slow.job_ids }}"
  register: cancel
- name: Cancel again
  asyncjobs.fleet.job_cancel:
    api: drm
    job_ids: "{{ slow.job_ids }}"
- name: Info
  asyncjobs.fleet.job_info:
    api: drm
    job_ids: "{{ slow.job_ids }}"
"""))
        run = ansible.run_playbook(pb, extra_vars={"image": image})
        slow = run.result("Slow update")
        assert run.status("Slow update") == "failed" and slow["changed"] is True
        job_id = slow["job_ids"][0]
        assert "Timed out after 1.0s" in slow["msg"] and job_id in slow["msg"] and "running" in slow["msg"]
        assert run.result("Cancel")["canceled"] == [job_id] and run.status("Cancel") == "changed"
        assert run.status("Cancel again") == "ok"
        assert run.result("Cancel again")["already_finished"] == [job_id]
        assert run.result("Info")["jobs"][0]["state"] == "canceled"
    finally:
        lab.config("drm", durations={"update_firmware": 6})


def submit_each_then_wait(*wait_options):
    """A playbook: one send_message job per device in `targets`, then one job_wait over all."""
    extra = "".join("\n    " + option for option in wait_options)
    return play(f"""
- name: Submit
  asyncjobs.fleet.drm_send_message:
    devices: ["{{{{ item }}}}"]
    payload: '{QUERY}'
    wait: false
  loop: "{{{{ targets }}}}"
  register: submitted
- name: Wait
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: "{{{{ submitted.results | map(attribute='job_id') | list }}}}"
    poll_interval: 0.2{extra}
""")


def test_job_wait_many_jobs_costs_one_listing_per_round(drm, ansible, lab_delta):
    pb = ansible.playbook(submit_each_then_wait())
    targets = [d["devConnectwareId"] for d in drm if d["online"]][:8]
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, extra_vars={"targets": targets})
    r = run.result("Wait")
    assert r["states"] == {"succeeded": 8} and r["changed"] is False
    # Each poll round costs one request (the listing, or a direct GET once a single job is
    # left), plus one GET per job to read its final results: never one request per job per round.
    listing = delta["requests"].get("GET /ws/sci", 0)
    direct = delta["requests"].get("GET /ws/sci/{id}", 0)
    assert listing >= 1 and listing + direct == r["polls"] + 8


def test_job_wait_details_unsuccessful_reads_only_failed_jobs(drm, ansible, lab_delta):
    pb = ansible.playbook(submit_each_then_wait("details: unsuccessful", "fail_on: never"))
    online = [d["devConnectwareId"] for d in drm if d["online"]][:5]
    offline = [d["devConnectwareId"] for d in drm if not d["online"]][:2]
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, extra_vars={"targets": online + offline})
    r = run.result("Wait")
    assert r["states"] == {"succeeded": 5, "failed": 2}
    by_target = {j["id"]: target for j, target in zip(r["jobs"], online + offline)}
    failed = {j["id"] for j in r["jobs"] if j["state"] == "failed"}
    assert {by_target[i] for i in failed} == set(offline)
    # Both failed jobs carry their per-device error, however they were polled.
    for j in r["jobs"]:
        if j["id"] in failed:
            device = j["devices"][by_target[j["id"]]]
            assert len(j["devices"]) == 1 and not device["ok"] and device["error_id"] == "2001", j
    # Which poll path saw a job finish depends on timing: while several jobs run, one listing
    # answers for all; the last job left is polled on its own URL, and once that poll sees it
    # finished it reads the job's results as part of the poll. So count from the lab, per job:
    # exactly one results read per failed job, and none for a succeeded job except the one
    # polled alone at the end (whose results read belonged to its poll, not to details).
    reads = delta["job_reads"]
    results = {i: reads.get(f"{i} results", 0) for i in by_target}
    polled_alone = {i for i in by_target if reads.get(f"{i} progress", 0)}
    assert len(polled_alone) <= 1 and all(results[i] == 1 for i in failed | polled_alone), reads
    assert all(results[i] == 0 for i in set(by_target) - failed - polled_alone), reads
    listing = delta["requests"].get("GET /ws/sci", 0)
    direct = delta["requests"].get("GET /ws/sci/{id}", 0)
    assert listing + direct == r["polls"] + len(failed | polled_alone), (reads, r["polls"])


def test_job_wait_for_no_job_succeeds_but_cancel_of_none_is_refused(drm, ansible, lab_delta):
    """A per-host re-run where no host submitted anything waits for nothing, sending nothing."""
    pb = ansible.playbook(play("""
- name: Wait
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: "{{ submitted.results | map(attribute='job_id') | list }}"
- name: Cancel none
  asyncjobs.fleet.job_cancel:
    api: drm
    job_ids: []
  ignore_errors: true
"""))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, extra_vars={"submitted": {"results": []}})
    r = run.result("Wait")
    assert run.status("Wait") == "ok" and r["jobs"] == [] and r["states"] == {} and r["requests"] == 0
    assert run.status("Cancel none") == "failed"
    assert run.result("Cancel none")["msg"] == "job_ids must name at least one job"
    assert sum(delta["requests"].values()) == 0


def test_jobs_lookup_pages_through_listing(drm, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Submit
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{QUERY}'
  loop: [1, 2, 3, 4, 5]
- name: List
  ansible.builtin.set_fact:
    listed: "{{{{ query('asyncjobs.fleet.jobs', page_size=2) }}}}"
    filtered: "{{{{ query('asyncjobs.fleet.jobs', state=['succeeded'], operation='query_setting') }}}}"
- name: Show
  ansible.builtin.debug:
    msg: "{{{{ listed | length }}}} {{{{ filtered | length }}}}"
"""))
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb)
    facts = run.result("List")["ansible_facts"]
    assert len(facts["listed"]) == 5 and len(facts["filtered"]) == 5
    assert [j["id"] for j in facts["listed"]] == sorted(j["id"] for j in facts["listed"])
    assert all(j["targets"] == 5 for j in facts["listed"])
    # 3 pages of 2 for the first query, 1 page for the second.
    assert delta["requests"]["GET /ws/sci"] == 4


def test_module_defaults_group_and_env_fallback(drm, ansible, lab):
    pb = ansible.playbook(f"""
- name: Defaults
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/asyncjobs.fleet.drm:
      url: "{lab.urls['drm']}"
      username: admin
      password: lab-Passw0rd!
  tasks:
    - name: Query
      asyncjobs.fleet.drm_send_message:
        tags: [canary]
        payload: '{QUERY}'
""")
    run = ansible.run_playbook(pb, env={"DRM_URL": None, "DRM_USERNAME": None, "DRM_PASSWORD": None})
    assert run.result("Query")["summary"]["ok"] == 5


def test_module_path_on_a_non_local_connection(drm, ansible):
    """Delegated to a real host, the same operation runs as a module (AnsiballZ)."""
    pb = ansible.playbook(play(f"""
- name: As a module
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{QUERY}'
  vars:
    ansible_connection: remote_local
- name: Bad input as a module
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '<not-closed>'
  vars:
    ansible_connection: remote_local
  ignore_errors: true
"""))
    run = ansible.run_playbook(pb)
    r = run.result("As a module")
    assert r["summary"]["ok"] == 5
    assert "invocation" in r  # added by AnsibleModule, never by the action plugin
    # DRM_PASSWORD travels as a no_log option: an environment variable would be on the command line.
    assert r["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    bad = run.result("Bad input as a module")
    assert "not well-formed XML" in bad["msg"] and "Traceback" not in run.stdout


def test_secrets_never_appear_at_high_verbosity(drm, ansible, tmp_path):
    secret = "Sup3r-S3cret-Pa55"
    key_secret = "k3y-S3cret-Value"
    pb = ansible.playbook(play(f"""
- name: Wrong password given as an option
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{QUERY}'
    username: admin
    password: "{{{{ drm_secret }}}}"
  ignore_errors: true
- name: Wrong API key as a module
  asyncjobs.fleet.job_info:
    api: drm
    api_key_id: lab-key-id
    api_key_secret: "{{{{ drm_key_secret }}}}"
  vars:
    ansible_connection: remote_local
  ignore_errors: true
- name: Wrong API key in the url
  asyncjobs.fleet.job_info:
    api: drm
    url: "{{{{ lookup('ansible.builtin.env', 'DRM_URL') | replace('://', '://admin:' ~ drm_secret ~ '@') }}}}"
  ignore_errors: true
"""))
    # Secrets arrive as variables (as from a vault), never as literals in the playbook.
    run = ansible.run_playbook(pb, verbosity=4, extra_vars={"drm_secret": secret, "drm_key_secret": key_secret},
                               env={"ANSIBLE_LOG_PATH": str(tmp_path / "ansible.log")})
    assert "HTTP 401" in run.result("Wrong password given as an option")["msg"]
    assert "HTTP 401" in run.result("Wrong API key as a module")["msg"]
    text = run.stdout + run.stderr + (tmp_path / "ansible.log").read_text() + str(run.results)
    assert secret not in text and key_secret not in text


def test_firmware_from_data_services_file(drm, ansible, lab):
    import requests
    url = lab.urls["drm"] + "/ws/FileData/~/firmware/acme-2.1.0.bin"
    requests.put(url, data=b"ACME\nversion=2.1.0\n", auth=("admin", "lab-Passw0rd!"), timeout=10).raise_for_status()
    target = [d["devConnectwareId"] for d in drm if d["online"] and not d["fails_firmware"]][:2]
    pb = ansible.playbook(play("""
- name: From file
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{ targets }}"
    version: 2.1.0
    file: /~/firmware/acme-2.1.0.bin
- name: Missing file
  asyncjobs.fleet.drm_firmware_update:
    devices: "{{ targets }}"
    version: 2.2.0
    file: /~/firmware/missing.bin
  ignore_errors: true
"""))
    run = ansible.run_playbook(pb, extra_vars={"targets": target})
    assert sorted(run.result("From file")["updated_devices"]) == sorted(target)
    missing = run.result("Missing file")
    assert run.status("Missing file") == "failed" and sorted(missing["failed_devices"]) == sorted(target)


def test_job_wait_cancel_on_timeout(drm, ansible, lab):
    lab.config("drm", durations={"send_message": 2000})
    try:
        pb = ansible.playbook(play(f"""
- name: Submit
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{SET_CONTACT}'
    wait: false
  register: sub
- name: Wait briefly
  asyncjobs.fleet.job_wait:
    api: drm
    job_ids: ["{{{{ sub.job_id }}}}"]
    wait_timeout: 0.5
    cancel_on_timeout: true
  ignore_errors: true
"""))
        run = ansible.run_playbook(pb)
        job_id = run.result("Submit")["job_id"]
        r = run.result("Wait briefly")
        assert run.status("Wait briefly") == "failed"
        assert r["canceled"] == [job_id] and r["pending"] == [job_id] and r["changed"] is True
        assert "canceled on timeout: %s" % job_id in r["msg"]
        assert lab.stats("drm")["jobs"]["canceled"] == 1
    finally:
        lab.config("drm", durations={"send_message": 1})


def test_transient_read_faults_are_retried_without_duplicate_submissions(drm, ansible, lab, lab_delta):
    # A third of the job reads and device listings fail with 503 + Retry-After, 502 or a reset.
    lab.faults([{"route": r"^/ws/(sci/\d+|sci$|DeviceCore)", "method": "GET", "rate": 0.3,
                 "kinds": ["503", "reset", "502"], "retry_after": 0}], seed=7)
    try:
        pb = ansible.playbook(play(f"""
- name: Query
  asyncjobs.fleet.drm_send_message:
    tags: [canary]
    payload: '{QUERY}'
"""))
        with lab_delta("drm") as delta:
            run = ansible.run_playbook(pb)
    finally:
        lab.faults([])
    r = run.result("Query")
    assert r["summary"]["ok"] == 5
    assert sum(delta["faults"]["injected"].values()) >= 1
    assert delta["requests"]["POST /ws/sci"] == 1  # the submission was sent once
