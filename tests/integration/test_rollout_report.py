# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""playbooks/rollout_report.yml as the AWX workflow node after a sliced, relaunched rollout.

A firmware rollout runs through ansible-runner as AWX runs a sliced job template (the slices at
once, each with its awx_job_id), then one slice is relaunched on its failed hosts. The report
playbook then runs through ansible-runner as the next workflow node: its extra variables are the
runs' merged set_stats artifacts, among them the rollout_jobs_<awx_job_id> variable each run
published (checked first against the contract and the run's update task). The report's set_stats
summary is checked against the
lab's own records (the devices' versions, the seeded failures and their words, the jobs' rows),
the Markdown and HTML files against the summary, a hostile failure text (<script>, |, a Jinja
expression) against both files, and the requests the report made are counted. The time-window
path must find exactly the rollout's jobs: a firmware job before the window, a message job
inside it and a firmware job after it are left out. Explicit job ids win over the artifacts.
Slice outcomes are not asserted (a slice with failed devices may end failed). Two smaller tests:
the report's settings are checked before anything is read, and the submitted_after /
submitted_before filters reach Remote Manager's and PowerStore's listings over real HTTP.
"""

from __future__ import annotations

import base64
import calendar
import html
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
import requests

from conftest import REPO_ROOT, private_lab

sys.path.insert(0, str(REPO_ROOT / "tests" / "perf"))
import slicing  # noqa: E402  (the slicing helpers: inventory sync, slices, private data dirs)

DEVICES = 150
SLICES = 3
VERSION = slicing.VERSION
REPORT = "rollout_report.yml"
REJECTED = "Firmware update failed: image rejected by device"
# A device's failure text as a hostile manager could send it: markup, a table separator and a
# Jinja expression that must never be evaluated.
HOSTILE = "<script>alert('rollout')</script> | {{ lookup('env', 'HOME') }} flash refused"
RUN_IDS = [101, 102, 103]
RELAUNCH_ID = 104


@pytest.fixture(scope="module")
def report_lab(tmp_path_factory):
    # Firmware parts take 6 s x 0.25.
    with private_lab(tmp_path_factory, "rollout-report-lab", devices=DEVICES, time_scale=0.25) as lab:
        yield lab


def sci_submit(lab, operation, device, payload, **attrs):
    """An asynchronous SCI request sent as another client would; returns the job id."""
    attr_text = "".join(' %s="%s"' % kv for kv in attrs.items())
    body = ('<sci_request version="1.0"><%s synchronous="false"%s><targets><device id="%s"/></targets>%s</%s>'
            '</sci_request>' % (operation, attr_text, device, payload, operation))
    auth = base64.b64encode(("%s:%s" % (slicing.USER, slicing.PASSWORD)).encode()).decode()
    req = urllib.request.Request(lab.urls["drm"] + "/ws/sci", data=body.encode(), method="POST",
                                 headers={"Content-Type": "text/xml", "Authorization": "Basic " + auth})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return re.search(r"<jobId>(\d+)</jobId>", resp.read().decode()).group(1)


def firmware_payload():
    return "<data>%s</data>" % base64.b64encode(slicing.IMAGE.read_bytes()).decode()


def epoch(text):
    """Seconds of the lab's ISO timestamps (UTC, milliseconds)."""
    whole, _dot, fraction = text.rstrip("Z").partition(".")
    return calendar.timegm(time.strptime(whole, "%Y-%m-%dT%H:%M:%S")) + float("0." + (fraction or "0"))


def iso(seconds):
    millis = int(round(seconds * 1000))
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis // 1000)) + ".%03dZ" % (millis % 1000)


def row(lab, job_id, job_type=1):
    return {r["jobId"]: r for r in slicing.sci_jobs(lab, job_type)}[job_id]


def clock_past(seconds):
    """Wait until the shared wall clock has passed ``seconds`` (the lab stamps jobs with it)."""
    while time.time() <= seconds:
        time.sleep(0.005)


def slice_dirs(lab, workdir, slices):
    """One private data dir per slice, as AWX prepares a sliced job: its hosts, the credential, and
    awx_job_id in the extra variables."""
    dirs = []
    for index, part in enumerate(slices):
        path = workdir / ("slice-%d" % (index + 1))
        extravars = dict(slicing.slice_extravars(path / "project", 100), awx_job_id=RUN_IDS[index])
        slicing.private_data_dir(path, [slicing.PLAYBOOK], {"hosts": slicing.inventory_script(part)},
                                 dict(slicing.ansible_env(), **slicing.credential_env(lab)), extravars)
        dirs.append(path)
    return dirs


def relaunch_on_failed_hosts(path, limit, run_id):
    """AWX's "relaunch on failed hosts" of a slice job: the same private data dir, a new job id, the
    limit taken from the first run's play recap."""
    extravars_file = path / "env" / "extravars"
    extravars_file.write_text(json.dumps(dict(json.loads(extravars_file.read_text()), awx_job_id=run_id)))
    assert limit, "the slice has no failed host to relaunch"
    subprocess.run([str(slicing.BIN / "ansible-runner"), "run", str(path), "-p", slicing.PLAYBOOK, "--ident", "relaunch",
                    "--limit", ",".join(limit)], env=slicing.tool_env(), stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=600, check=False)
    return slicing.slice_outcome(path, "relaunch")


def published(run_id, outcome):
    """What a rollout run publishes (the contract), from its update task's job ids."""
    return {"api": "drm", "version": VERSION, "run": str(run_id),
            "waves": [{"label": "slice", "job_ids": list(outcome["update"]["job_ids"])}]}


def run_report(lab, workdir, name, hosts, extravars):
    """The report playbook through ansible-runner. Returns (summary, requests by route, report file text)."""
    path = workdir / name
    report_file = workdir / (name + (".html" if extravars.get("report_format") == "html" else ".md"))
    extravars = dict(extravars, report_path=str(report_file))
    slicing.private_data_dir(path, [REPORT], {"hosts": slicing.inventory_script(hosts)},
                             dict(slicing.ansible_env(), **slicing.credential_env(lab)), extravars)
    shutil.copytree(REPO_ROOT / "playbooks" / "templates", path / "project" / "templates")
    before = lab.stats("drm")["requests"]
    proc = subprocess.run([str(slicing.BIN / "ansible-runner"), "run", str(path), "-p", REPORT, "--ident", "report"],
                          env=slicing.tool_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=600, check=False)
    after = lab.stats("drm")["requests"]
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    stats = [e for e in slicing.events(path, "report") if e["event"] == "playbook_on_stats"]
    requests = {route: after.get(route, 0) - before.get(route, 0) for route in after
                if after.get(route, 0) != before.get(route, 0)}
    return stats[0]["event_data"]["artifact_data"]["rollout_report"], requests, report_file.read_text(encoding="utf-8")


def md_row(text, heading):
    """The cells of the first data row of the Markdown table whose header row starts with ``heading``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| " + heading))
    return [c.strip() for c in re.split(r"(?<!\\)\|", lines[start + 2])[1:-1]]


def md_table(text, heading):
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| " + heading))
    out = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        out.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return out


def html_table(text, table_id):
    body = re.search(r'<table id="%s">(.*?)</table>' % table_id, text, re.S).group(1)
    return [[html.unescape(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)]
            for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S)][1:]


TOTALS = ["targeted", "updated", "failed", "unfinished", "not_at_version", "jobs", "runs", "resubmissions"]


def test_one_report_for_a_sliced_and_relaunched_rollout(report_lab, tmp_path):
    lab = report_lab
    hosts, _seconds = slicing.sync_inventory(lab, tmp_path)
    slices = slicing.slice_hosts(hosts, SLICES)
    fleet = {d["devConnectwareId"]: d for d in lab.devices("drm")}
    online = {d for d, v in fleet.items() if v["online"]}
    offline = sorted(set(fleet) - online)

    def healthy(part):
        return [name for name, _vars in part if name in online and not fleet[name]["fails_firmware"]]

    # Seeded failures: the device's own hostile words on one device of slice 2, and two more
    # rejecting devices in slice 1, one of which is fixed before slice 1 is relaunched.
    hostile_device = healthy(slices[1])[0]
    lab.set_device(hostile_device, fails_firmware=HOSTILE)
    fixed, still_rejecting = healthy(slices[0])[:2]
    for device in (fixed, still_rejecting):
        lab.set_device(device, fails_firmware=True)

    # Before the window: a firmware job on an offline device (it fails at once, no device changes).
    before_job = sci_submit(lab, "update_firmware", offline[0], firmware_payload(), firmware_target="0")
    since = epoch(row(lab, before_job)["jobSubmitTime"]) + 0.001
    clock_past(since + 0.002)

    # The sliced rollout, every slice at once, then a relaunch of slice 1 (a new AWX job id).
    dirs = slice_dirs(lab, tmp_path, slices)
    slicing.run_slices(dirs, "rollout")
    outcomes = [slicing.slice_outcome(path, "rollout") for path in dirs]
    assert all(o["update"] is not None for o in outcomes), [o["failed_events"] for o in outcomes]
    lab.set_device(fixed, fails_firmware=False)
    relaunch = relaunch_on_failed_hosts(dirs[0], outcomes[0]["failed_hosts"], RELAUNCH_ID)
    assert relaunch["update"] is not None and len(relaunch["update"]["job_ids"]) == 1

    # Inside the window, another operation; after it, another firmware job.
    message_job = sci_submit(lab, "send_message", sorted(online)[0], '<rci_request version="1.1"><query_setting/></rci_request>')
    until = epoch(row(lab, message_job, job_type=0)["jobSubmitTime"]) + 0.001
    clock_past(until + 0.002)
    after_job = sci_submit(lab, "update_firmware", offline[1], firmware_payload(), firmware_target="0")

    runs = {RUN_IDS[i]: outcomes[i] for i in range(SLICES)}
    runs[RELAUNCH_ID] = relaunch
    # AWX merges the artifacts of the earlier nodes (unique keys survive; the slices' summaries collide).
    artifacts = {}
    for outcome in outcomes + [relaunch]:
        artifacts.update(outcome["artifact_data"])
    # Every run published its jobs under its own name, in the contract's shape.
    assert {k: v for k, v in artifacts.items() if k.startswith("rollout_jobs_")} == {
        "rollout_jobs_%d" % run_id: published(run_id, outcome) for run_id, outcome in runs.items()}
    job_ids = [job_id for outcome in runs.values() for job_id in outcome["update"]["job_ids"]]
    assert len(job_ids) == SLICES + 1 and before_job not in job_ids and after_job not in job_ids

    # --- what the lab's records say -------------------------------------------------------
    fleet = {d["devConnectwareId"]: d for d in lab.devices("drm")}
    rows = {r["jobId"]: r for r in slicing.sci_jobs(lab)}
    for job_id in job_ids:
        assert since <= epoch(rows[job_id]["jobSubmitTime"]) < until
    assert epoch(rows[before_job]["jobSubmitTime"]) < since and epoch(rows[after_job]["jobSubmitTime"]) >= until
    targeted = sorted({d for job_id in job_ids for d in rows[job_id]["jobTargets"].split(",")})
    assert targeted == sorted(online)  # offline devices were reported by their slices, never submitted
    failed = sorted(d for d in targeted if fleet[d]["dpFirmwareLevelDesc"] != VERSION)
    rejected = sorted(d for d in failed if d != hostile_device)
    assert hostile_device in failed and still_rejecting in rejected and fixed not in failed
    assert failed == sorted(d for d in targeted if fleet[d]["fails_firmware"])
    relaunched = rows[relaunch["update"]["job_ids"][0]]["jobTargets"].split(",")
    assert fixed in relaunched and still_rejecting in relaunched
    versions = {}
    for device in targeted:
        versions[fleet[device]["dpFirmwareLevelDesc"]] = versions.get(fleet[device]["dpFirmwareLevelDesc"], 0) + 1
    expected_errors = sorted([
        {"message": REJECTED, "codes": ["2105"], "count": len(rejected), "devices": rejected},
        {"message": HOSTILE, "codes": ["2105"], "count": 1, "devices": [hostile_device]},
    ], key=lambda e: -e["count"])
    expected_totals = {"targeted": len(targeted), "updated": len(targeted) - len(failed), "failed": len(failed),
                       "unfinished": 0, "not_at_version": len(failed), "jobs": len(job_ids), "runs": len(runs),
                       "resubmissions": len(relaunched)}

    # --- the workflow node: rollout_jobs_* from the artifacts, Markdown --------------------
    summary, requests, markdown = run_report(lab, tmp_path, "report-md", hosts, artifacts)
    assert summary["source"] == "runs" and summary["version"] == VERSION
    assert summary["totals"] == expected_totals
    assert summary["versions"] == versions
    assert summary["errors"] == expected_errors
    assert summary["not_at_version"] == failed and summary["unknown_devices"] == []
    waves = summary["waves"]
    assert [w["id"] for w in waves] == sorted(job_ids, key=lambda i: (rows[i]["jobSubmitTime"], i))
    run_of = {job_id: str(run_id) for run_id, outcome in runs.items() for job_id in outcome["update"]["job_ids"]}
    for wave in waves:
        lab_row = rows[wave["id"]]
        assert (wave["label"], wave["run"]) == ("slice", run_of[wave["id"]])
        assert (wave["targets"], wave["succeeded"], wave["failed"]) == (
            int(lab_row["jobTargetCount"]), int(lab_row["jobProgressSuccess"]), int(lab_row["jobProgressFailures"]))
        assert (wave["submitted"], wave["completed"]) == (lab_row["jobSubmitTime"], lab_row["jobCompletionTime"])
        assert wave["state"] == ("succeeded" if lab_row["jobProgressFailures"] == "0" else "partial")
    # Requests: the jobs read from the listing by id at once, each job's results once, one device read.
    assert requests == {"GET /ws/sci": 1, "GET /ws/sci/{id}": len(job_ids), "GET /ws/DeviceCore": 1}

    # The Markdown file: the same numbers, and the hostile text escaped within its cell.
    assert md_row(markdown, "devices targeted") == [str(expected_totals[k]) for k in TOTALS]
    assert md_table(markdown, "firmware the devices") == [[v, str(n)] for v, n in sorted(versions.items())]
    error_rows = md_table(markdown, "failure")
    assert [len(r) for r in error_rows] == [4, 4]
    hostile_row = next(r for r in error_rows if "script" in r[0])
    assert hostile_row[0] == ("&lt;script&gt;alert('rollout')&lt;/script&gt; \\| {{ lookup('env', 'HOME') }} "
                              "flash refused")
    assert hostile_row[1:] == ["2105", "1", hostile_device]
    assert "<script" not in markdown and len(md_table(markdown, "wave")) == len(job_ids)

    # --- the same node writing HTML ----------------------------------------------------------
    summary_html, _requests, page = run_report(lab, tmp_path, "report-html", hosts, dict(artifacts, report_format="html"))
    assert {k: v for k, v in summary_html.items() if k != "generated"} == {k: v for k, v in summary.items() if k != "generated"}
    assert html_table(page, "totals") == [[str(expected_totals[k]) for k in TOTALS]]
    assert html_table(page, "versions") == [[v, str(n)] for v, n in sorted(versions.items())]
    assert [r[0] for r in html_table(page, "errors")] == [e["message"] for e in expected_errors]
    assert "<script" not in page and "&lt;script&gt;alert(&#39;rollout&#39;)&lt;/script&gt; | {{ lookup(" in page
    assert [r[2] for r in html_table(page, "waves")] == [w["id"] for w in waves]

    # --- the time window: exactly the rollout's jobs (the artifacts are passed too: the window wins)
    window = dict(artifacts, report_since=iso(since), report_until=iso(until), report_version=VERSION)
    summary_window, requests_window, _text = run_report(lab, tmp_path, "report-window", hosts, window)
    assert summary_window["source"] == "window"
    assert sorted(w["id"] for w in summary_window["waves"]) == sorted(job_ids)
    assert {w["label"] for w in summary_window["waves"]} == {"window"}
    assert summary_window["totals"] == dict(expected_totals, runs=None)
    assert (summary_window["versions"], summary_window["errors"]) == (versions, expected_errors)
    assert requests_window == {"GET /ws/sci": 1, "GET /ws/sci/{id}": len(job_ids), "GET /ws/DeviceCore": 1}

    # --- explicit job ids win over the artifacts: the relaunch alone -------------------------
    only = dict(artifacts, report_job_ids=", ".join(relaunch["update"]["job_ids"]), report_format="html")
    summary_ids, _requests, _page = run_report(lab, tmp_path, "report-ids", hosts, only)
    assert summary_ids["source"] == "job_ids" and summary_ids["version"] is None
    assert [w["id"] for w in summary_ids["waves"]] == relaunch["update"]["job_ids"]
    assert summary_ids["totals"] == {"targeted": len(relaunched), "updated": 1, "failed": len(relaunched) - 1,
                                     "unfinished": 0, "not_at_version": None, "jobs": 1, "runs": None, "resubmissions": 0}


@pytest.mark.parametrize("extra_vars, task, message", [
    ({"report_format": "pdf", "report_job_ids": "600001"}, "Check the report format",
     "report_format must be markdown or html, got pdf"),
    ({}, "Check that something selects the rollout's jobs",
     "Nothing selects the rollout's jobs: set report_job_ids, or report_since and/or report_until, or run the report "
     "after rollout runs that publish rollout_jobs_<run> variables (report_version '' keeps only the runs of that version)"),
    ({"rollout_jobs_7": published(7, {"update": {"job_ids": ["600001"]}}), "report_version": "9.9.9"},
     "Check that something selects the rollout's jobs",
     "Nothing selects the rollout's jobs: set report_job_ids, or report_since and/or report_until, or run the report "
     "after rollout runs that publish rollout_jobs_<run> variables (report_version '9.9.9' keeps only the runs of that version)"),
    ({"rollout_jobs_7": published(7, {"update": {"job_ids": ["600001"]}}),
      "rollout_jobs_8": dict(published(8, {"update": {"job_ids": ["600002"]}}), version="2.2.0")},
     "Check that the runs are of one version",
     "The rollout runs are of several versions (2.1.0, 2.2.0): set report_version to the one to report"),
])
def test_settings_are_checked_before_anything_is_read(ansible, extra_vars, task, message):
    # No lab: nothing may be asked of a manager (DRM_URL points nowhere).
    run = ansible.run_playbook(REPO_ROOT / "playbooks" / REPORT, extra_vars=extra_vars, expect_rc=2,
                               env={"DRM_URL": "http://127.0.0.1:9", "DRM_USERNAME": "u", "DRM_PASSWORD": "p"})
    assert run.status(task) == "failed" and run.result(task)["msg"] == message


def powerstore_job(lab):
    """A PowerStore job of another client (a volume group description PATCH); returns (id, start_time)."""
    base = lab.urls["powerstore"] + "/api/rest"
    http = requests.Session()
    login = http.get(base + "/login_session", auth=(slicing.USER, slicing.PASSWORD), timeout=30)
    http.headers["DELL-EMC-TOKEN"] = login.headers["DELL-EMC-TOKEN"]
    group = lab._call("powerstore", "GET", "/_lab/volume_groups")[0]["id"]
    resp = http.patch("%s/volume_group/%s" % (base, group), params={"is_async": "true"}, json={"description": "window"},
                      timeout=30)
    assert resp.status_code == 202, resp.text
    job_id = resp.json()["id"]
    return job_id, http.get("%s/job/%s" % (base, job_id), params={"select": "start_time"}, timeout=30).json()["start_time"]


def drm_job(lab):
    """A Remote Manager message job of another client; returns (id, jobSubmitTime)."""
    job_id = sci_submit(lab, "send_message", "00000000-00000000-00409DFF-FF000001",
                        '<rci_request version="1.1"><query_setting/></rci_request>')
    return job_id, row(lab, job_id, job_type=0)["jobSubmitTime"]


@pytest.mark.parametrize("api, make_job, route", [
    ("drm", drm_job, "GET /ws/sci"),
    ("powerstore", powerstore_job, "GET /api/rest/job"),
])
def test_the_manager_narrows_the_window(lab, ansible, lab_delta, api, make_job, route):
    """submitted_after/submitted_before reach the manager's listing over real HTTP (Remote Manager's
    jobSubmitTime condition, PowerStore's two start_time filters): with one job per page, a window
    holding one of four jobs costs one listing request. The jobs outside it are more than the
    one-second margin the client gives the server away, on the shared clock."""
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._job_tasks import SERVER_MARGIN
    lab.reset(api)
    first, second = make_job(lab), make_job(lab)
    since = epoch(second[1]) + SERVER_MARGIN + 0.1
    clock_past(since)
    inside = make_job(lab)
    until = epoch(inside[1]) + 0.001
    clock_past(until + SERVER_MARGIN + 0.1)
    after = make_job(lab)
    # Outside even the bounds the manager gets (the window widened by SERVER_MARGIN).
    assert epoch(first[1]) <= epoch(second[1]) < since - SERVER_MARGIN
    assert since <= epoch(inside[1]) < until and until + SERVER_MARGIN < epoch(after[1])
    playbook = ansible.playbook("""
        - hosts: localhost
          gather_facts: false
          tasks:
            - name: Window
              ansible.builtin.set_fact:
                found: "{{ query('asyncjobs.fleet.jobs', api=api, page_size=1, submitted_after=since, submitted_before=until) }}"
        """)
    with lab_delta(api) as delta:
        run = ansible.run_playbook(playbook, extra_vars={"api": api, "since": iso(since), "until": iso(until)})
    assert [j["id"] for j in run.result("Window")["ansible_facts"]["found"]] == [inside[0]]
    assert delta["requests"][route] == 1
