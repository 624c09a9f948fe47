# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The event source asyncjobs.fleet.job_events under the real ansible-rulebook, against the lab.

ansible-rulebook runs from its own venv (.venv-eda, ``make eda-venv``, pins in
tests/eda/requirements.txt) and needs Java 17; the test builds both through make and skips only
when no ``java`` can be had. It runs the shipped rulebook asyncjobs.fleet.firmware_verify from the
installed collection with ``--print-events``, and checks the events it printed, the reports the
verification playbook (its run_playbook action) wrote, and the lab's request counters.

Firmware jobs are held by a long duration and ended with the lab's finish control once the
source has reported them running, so no assertion depends on how fast anything was scheduled.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import json
import os
import shutil
import subprocess
import threading
import time

import pytest
import requests

from conftest import LAB_PASSWORD, LAB_USERNAME, REPO_ROOT, private_lab

EDA_VENV = REPO_ROOT / ".venv-eda"
COLLECTIONS = REPO_ROOT / ".collections"
# Generous: a JVM start, poll rounds and two playbook runs on 2 busy cores.
TIMEOUT = 240
HELD = 3600.0  # a firmware job's duration: it ends only through lab.finish_job
FIRMWARE = "2.1.0"


def device(i):
    """The lab's device id of index ``i`` (tests/lab/README.md, fleet rules)."""
    return "00000000-00000000-00409DFF-FF%06X" % (i + 1)


# Devices 0, 1, 3, 4 take the update; 12 rejects the image (fails_firmware); none is offline.
JOB_DEVICES = [device(0), device(1), device(12)]
LATER_DEVICES = [device(3), device(4)]


@pytest.fixture(scope="module")
def rulebook_bin():
    """ansible-rulebook in .venv-eda, with Java; built by `make eda-venv` (a no-op when up to date)."""
    started = time.monotonic()
    make = subprocess.run(["make", "--no-print-directory", "-C", str(REPO_ROOT), "eda-venv"],
                          capture_output=True, text=True, timeout=1200, check=False)
    assert make.returncode == 0, "make eda-venv failed:\n%s\n%s" % (make.stdout, make.stderr)
    print("make eda-venv: %.1fs" % (time.monotonic() - started))
    if shutil.which("java") is None:
        pytest.skip("ansible-rulebook needs a Java 17 runtime: there is no `java`, and `make eda-venv` could not "
                    "install openjdk-17-jre-headless (%s)" % (make.stdout.strip() or "no apt-get, or not root"))
    binary = EDA_VENV / "bin" / "ansible-rulebook"
    assert binary.exists(), "make eda-venv did not install %s" % binary
    return binary


@pytest.fixture(scope="module")
def drm_lab(tmp_path_factory):
    with private_lab(tmp_path_factory, "eda-lab", devices=20, only="drm") as instance:
        instance.config(durations={"update_firmware": HELD, "send_message": 0.5})
        yield instance


class Sci(object):
    """SCI requests straight to the lab, as another client (a person, another controller) makes them."""

    def __init__(self, url):
        self.url = url + "/ws/sci"

    def post(self, body):
        resp = requests.post(self.url, data=body, auth=(LAB_USERNAME, LAB_PASSWORD),
                             headers={"Content-Type": "text/xml"}, timeout=30)
        assert resp.status_code in (200, 202) and "<jobId>" in resp.text, resp.text
        return resp.text.split("<jobId>", 1)[1].split("</jobId>", 1)[0]

    @staticmethod
    def targets(devices):
        return "<targets>%s</targets>" % "".join('<device id="%s"/>' % d for d in devices)

    def firmware(self, devices):
        image = base64.b64encode(("ACME firmware\nversion=%s\n" % FIRMWARE).encode()).decode()
        return self.post('<sci_request version="1.0"><update_firmware firmware_target="0" synchronous="false">'
                         '%s<data>%s</data></update_firmware></sci_request>' % (self.targets(devices), image))

    def message(self, devices):
        return self.post('<sci_request version="1.0"><send_message synchronous="false">%s<rci_request version="1.1">'
                         '<query_setting><system/></query_setting></rci_request></send_message></sci_request>'
                         % self.targets(devices))

    def status(self, job_id):
        resp = requests.get(self.url + "/" + job_id, auth=(LAB_USERNAME, LAB_PASSWORD), timeout=30)
        resp.raise_for_status()
        return resp.text.split("<status>", 1)[1].split("</status>", 1)[0] if "<status>" in resp.text else None


class Rulebook(object):
    """ansible-rulebook as a subprocess; its output is read in a thread and its events parsed."""

    BANNER = "[received event]"

    def __init__(self, cmd, env, cwd):
        self.lines = []
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, errors="replace")
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append(line)

    def output(self):
        with self.lock:
            return "".join(self.lines)

    def events(self):
        """The job events printed so far (--print-events prints each as a Python literal)."""
        found = []
        for block in self.output().split(self.BANNER)[1:]:
            text = block.split("Event:\n", 1)[-1].split("\n" + "*" * 80, 1)[0]
            if not text.lstrip().startswith("{"):
                continue  # Shutdown(...)
            data = ast.literal_eval(text)
            if "asyncjobs" in data:
                found.append(data["asyncjobs"])
        return found

    def wait_for(self, what, predicate, timeout=TIMEOUT):
        """Wait until ``predicate()`` is true (polled); fail with the output so far when the rulebook
        exits first or the timeout passes."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return
            if self.proc.poll() is not None:
                self.reader.join(5)
                pytest.fail("ansible-rulebook exited (rc %s) while waiting for %s:\n%s"
                            % (self.proc.returncode, what, self.output()))
            time.sleep(0.2)
        pytest.fail("timed out after %ss waiting for %s:\n%s" % (timeout, what, self.output()))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)
        self.reader.join(10)
        self.proc.stdout.close()


def events_of(events, job_id):
    return [e for e in events if e["job"]["id"] == job_id]


@contextlib.contextmanager
def rulebook(binary, lab, workdir, name="asyncjobs.fleet.firmware_verify", **variables):
    """ansible-rulebook running the rulebook ``name`` (the shipped one, or a file) against the lab."""
    inventory = workdir / "inventory.yml"
    inventory.write_text(json.dumps({"all": {"hosts": {"localhost": {
        "ansible_connection": "local", "ansible_python_interpreter": str(EDA_VENV / "bin" / "python")}}}}))
    vars_file = workdir / "vars.yml"
    vars_file.write_text(json.dumps(variables))
    env = dict(os.environ)
    env.update({
        # ansible-galaxy (how ansible-rulebook finds the collection) and ansible-playbook (run_playbook) of .venv-eda.
        "PATH": "%s:%s" % (EDA_VENV / "bin", env.get("PATH", "")),
        "ANSIBLE_COLLECTIONS_PATH": str(COLLECTIONS),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_LOCALHOST_WARNING": "false",
        "PYTHONUNBUFFERED": "1",
        "DRM_URL": lab.urls["drm"],
        "DRM_USERNAME": LAB_USERNAME,
        "DRM_PASSWORD": LAB_PASSWORD,
    })
    env.pop("PYTHONPATH", None)  # the source must find the collection from its own path
    cmd = [str(binary), "--rulebook", str(name), "-i", str(inventory),
           "--vars", str(vars_file), "--print-events", "--shutdown-delay", "5"]
    started = Rulebook(cmd, env, workdir)
    try:
        yield started
    finally:
        started.stop()


def listings(lab):
    return lab.stats("drm")["requests"].get("GET /ws/sci", 0)


def test_firmware_verify_rulebook(rulebook_bin, drm_lab, tmp_path):
    """The shipped rulebook: one event per state change of each firmware job, one terminal event
    per job and the verification playbook run for it, nothing for other jobs or for jobs that had
    finished before the source started, and the source's polls are job listings (one per round)."""
    lab, sci = drm_lab, Sci(drm_lab.urls["drm"])
    lab.reset()
    reports = tmp_path / "reports"
    reports.mkdir()
    # History: a firmware job that ended before the source starts, and a job of another operation.
    finished = sci.firmware([device(2)])
    lab.finish_job(finished)
    assert sci.status(finished) == "complete"
    message = sci.message([device(5)])
    held = sci.firmware(JOB_DEVICES)
    lab.reset(stats_only=True)

    with rulebook(rulebook_bin, lab, tmp_path, firmware_version=FIRMWARE, firmware_poll_interval=0.5,
                  verify_report_dir=str(reports)) as rb:
        rb.wait_for("the held job's first event", lambda: events_of(rb.events(), held))
        # Jobs that appear once the source runs: a firmware job (watched) and another message (not).
        later = sci.firmware(LATER_DEVICES)
        other = sci.message([device(6)])
        rb.wait_for("the later job's first event", lambda: events_of(rb.events(), later))
        lab.finish_job(held)
        lab.finish_job(later)
        rb.wait_for("both verification reports", lambda: all(
            (reports / ("firmware-%s.json" % job_id)).exists() for job_id in (held, later)))
        # Two more listing rounds after the last report: a terminal job would be reported again by now.
        seen = listings(lab)
        rb.wait_for("two more poll rounds", lambda: listings(lab) >= seen + 2)
        stats = lab.stats("drm")
    events = rb.events()

    watched = {held: JOB_DEVICES, later: LATER_DEVICES}
    assert sorted(set(e["job"]["id"] for e in events)) == sorted(watched), rb.output()
    for job_id, devices in watched.items():
        mine = events_of(events, job_id)
        # A chain of changes: first sight (no previous state), each event's previous state the
        # state of the event before it, and exactly one terminal event, the last.
        assert mine[0]["previous_state"] is None and mine[0]["job"]["state"] in ("pending", "running")
        assert [e["previous_state"] for e in mine[1:]] == [e["job"]["state"] for e in mine[:-1]]
        assert [e["job"]["terminal"] for e in mine] == [False] * (len(mine) - 1) + [True]
        assert mine[0]["job"]["operation"] == "update_firmware" and mine[0]["job"]["api"] == "drm"
        assert sorted(mine[0]["job"]["target_ids"]) == sorted(devices)
        assert mine[0]["counts"]["targets"] == len(devices)
    # The terminal events carry the per-device results (details=all) and their counts.
    end = events_of(events, held)[-1]
    assert end["job"]["state"] == "partial" and sorted(end["job"]["devices"]) == sorted(JOB_DEVICES)
    assert end["counts"] == {"targets": 3, "succeeded": 2, "failed": 1, "remaining": 0,
                             "errors": {"Firmware update failed: image rejected by device (2105)": 1}}
    end = events_of(events, later)[-1]
    assert end["job"]["state"] == "succeeded" and end["counts"]["succeeded"] == 2 and end["counts"]["failed"] == 0
    assert not any(e["job"]["id"] in (finished, message, other) for e in events)

    # The rule's action: the verification playbook read each job and its devices and wrote its report.
    report = json.loads((reports / ("firmware-%s.json" % held)).read_text())
    assert report["job_state"] == "partial" and report["version"] == FIRMWARE
    assert report["at_version"] == sorted(JOB_DEVICES[:2])
    assert report["not_at_version"] == {device(12): "1.0.0"} and report["missing"] == []
    report = json.loads((reports / ("firmware-%s.json" % later)).read_text())
    assert report["job_state"] == "succeeded" and report["at_version"] == sorted(LATER_DEVICES)
    assert report["not_at_version"] == {}
    assert not (reports / ("firmware-%s.json" % finished)).exists()

    # Requests: the source polled only the listing (GET /ws/sci, one request per round: fewer
    # than 1000 jobs) and read each finished job once in full; each playbook read its job once
    # (the lookup) and its devices (DeviceCore).
    reads = stats["job_reads"]
    assert {k: v for k, v in reads.items() if k.split()[0] in (finished, message, other)} == {}
    assert reads.get("%s results" % held) == 2 and reads.get("%s results" % later) == 2
    assert set(stats["requests"]) == {"GET /ws/sci", "GET /ws/sci/{id}", "POST /ws/sci", "GET /ws/DeviceCore"}
    assert stats["requests"]["GET /ws/sci/{id}"] == 4 and stats["requests"]["POST /ws/sci"] == 2


def small_rulebook(path, source_args):
    """A rulebook of one job_events source whose rule prints each finished job's id and state."""
    path.write_text(json.dumps([{
        "name": "Watch", "hosts": "all",
        "sources": [{"asyncjobs.fleet.job_events": source_args}],
        "rules": [{"name": "Ended", "condition": "event.asyncjobs.job.terminal == true",
                   "action": {"debug": {"msg": "ENDED {{ event.asyncjobs.job.id }} {{ event.asyncjobs.job.state }}"}}}],
    }]))
    return path


def test_watching_job_ids_ends_the_rulebook_once_they_have_finished(rulebook_bin, drm_lab, tmp_path):
    lab, sci = drm_lab, Sci(drm_lab.urls["drm"])
    lab.reset()
    held = sci.firmware(LATER_DEVICES)
    path = small_rulebook(tmp_path / "ids.yml", {"job_ids": [held], "poll_interval": 0.5})
    with rulebook(rulebook_bin, lab, tmp_path, name=path) as rb:
        rb.wait_for("the job's first event", lambda: events_of(rb.events(), held))
        lab.finish_job(held)
        rb.proc.wait(TIMEOUT)
    assert rb.proc.returncode == 0, rb.output()
    events = rb.events()
    assert events[0]["previous_state"] is None and events[-1]["job"]["state"] == "succeeded"
    assert [e["previous_state"] for e in events[1:]] == [e["job"]["state"] for e in events[:-1]]
    assert "ENDED %s succeeded" % held in rb.output()


def test_a_bad_option_stops_the_rulebook_before_any_request(rulebook_bin, drm_lab, tmp_path):
    lab = drm_lab
    lab.reset()
    path = small_rulebook(tmp_path / "bad.yml", {"operation": "update_firmware", "poll_interval": 0})
    with rulebook(rulebook_bin, lab, tmp_path, name=path) as rb:
        rb.proc.wait(TIMEOUT)
    assert rb.proc.returncode == 1
    assert ("ValueError: asyncjobs.fleet.job_events: poll_interval must be a positive number of seconds, at most 3600, "
            "got 0") in rb.output()
    assert lab.stats("drm")["requests"] == {}
