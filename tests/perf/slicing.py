#!/usr/bin/env python
# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AWX-style job slicing of a firmware rollout through ansible-runner, against the lab.

    python tests/perf/slicing.py [--devices 10000] [--slices 1,2,4] [--duration 10]

For each K (on a freshly started lab with N devices, firmware jobs lasting --duration s):
  1. sync the inventory once, as AWX's inventory update does: ``ansible-inventory --list``
     with the asyncjobs.fleet.drm_devices plugin against the lab;
  2. split the hosts into K slices as AWX does (slice i gets hosts[i::K], in inventory order)
     and write each slice's inventory (a script that prints the hosts and their variables, as
     AWX writes it) into its own ansible-runner private data dir
     (project/, inventory/, env/envvars with the DRM_* credential, env/extravars);
  3. start K ``ansible-runner run`` processes of playbooks/firmware_rollout_sliced.yml at
     once and wait for all of them (the wall time);
  4. check against the lab's own records: every device in at most one firmware job (no
     duplicates), every connected device that needed the update in one (none missed), every
     device either at the version or reported failed, per device, by its slice with the
     reason the lab seeded (offline, image rejected), and no slice reporting a device twice.

Prints a Markdown table: wall time of the K runners, HTTP requests the lab received, firmware
jobs, duplicates, missed devices, devices updated and reported failed, CPU seconds of the
runners (ansible-runner, ansible-playbook and its workers) and of the lab. The inventory sync
is timed apart, as AWX runs it apart from the jobs. tests/integration/test_slicing.py runs the
same code at a small size.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "tests" / "lab"))

import labctl  # noqa: E402  (the lab's own helper, beside it in the repo)

USER, PASSWORD = "admin", "lab-Passw0rd!"
VERSION = "2.1.0"
PLAYBOOK = "firmware_rollout_sliced.yml"
IMAGE = REPO / "playbooks" / "files" / "acme-2.1.0.bin"
BIN = pathlib.Path(sys.executable).parent
# The fault the lab seeds on some devices (tests/lab/README.md) and the module's words for them.
OFFLINE_REASON = "Device Not Connected"
REJECTED_REASON = "image rejected by device (2105)"

INVENTORY_SOURCE = "plugin: asyncjobs.fleet.drm_devices\n"


def collections_path():
    """Where the collection is installed: the integration harness's rule (default .collections)."""
    return os.environ.get("ASYNCJOBS_COLLECTIONS_PATH", str(REPO / ".collections"))


def tool_env(extra=None):
    """Environment for the venv's ansible tools: the venv's bin first on PATH."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    env.update(extra or {})
    return env


def credential_env(lab):
    """What the Remote Manager credential type (extensions/awx/) injects."""
    return {"DRM_URL": lab.urls["drm"], "DRM_USERNAME": USER, "DRM_PASSWORD": PASSWORD}


def ansible_env():
    """Settings every run shares: the installed collection, and the venv's Python for modules."""
    return {
        "ANSIBLE_COLLECTIONS_PATH": collections_path(),
        "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH": "false",
        "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "ANSIBLE_LOCALHOST_WARNING": "false",
        "ANSIBLE_NOCOLOR": "1",
    }


def plain(value):
    """ansible-inventory marks values from an inventory source as unsafe: unwrap them."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def sync_inventory(lab, workdir):
    """AWX's inventory update: ``ansible-inventory --list`` of a drm_devices source.

    Returns [(host, hostvars)] in inventory order and the seconds the sync took.
    """
    source = pathlib.Path(workdir) / "fleet.drm_devices.yml"
    source.write_text(INVENTORY_SOURCE, encoding="utf-8")
    start = time.monotonic()
    proc = subprocess.run([str(BIN / "ansible-inventory"), "-i", str(source), "--list"],
                          env=tool_env(dict(ansible_env(), **credential_env(lab))),
                          capture_output=True, text=True, timeout=600, check=False)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        raise RuntimeError("ansible-inventory failed (rc %d):\n%s" % (proc.returncode, proc.stderr))
    data = plain(json.loads(proc.stdout))
    return list(data["_meta"]["hostvars"].items()), elapsed


def slice_hosts(hosts, count):
    """AWX's split: slice i (0-based) gets every count-th host from position i."""
    return [hosts[i::count] for i in range(count)]


def inventory_script(hosts):
    """A slice's inventory as AWX writes it for a job: an executable that prints the JSON."""
    data = {"all": {"hosts": [name for name, _vars in hosts]}, "_meta": {"hostvars": dict(hosts)}}
    return "#!%s\nprint(%r)\n" % (sys.executable, json.dumps(data))


def private_data_dir(path, playbooks, inventory, envvars, extravars):
    """Lay out an ansible-runner private data dir as AWX does.

    playbooks: names under playbooks/, copied into project/ with the firmware image in
    project/files/; inventory: {file name under inventory/: text}, a text starting with #!
    becomes an executable inventory script.
    """
    path = pathlib.Path(path)
    project = path / "project"
    (project / "files").mkdir(parents=True)
    for name in playbooks:
        shutil.copy2(REPO / "playbooks" / name, project / name)
    shutil.copy2(IMAGE, project / "files" / IMAGE.name)
    (path / "inventory").mkdir()
    for name, text in inventory.items():
        target = path / "inventory" / name
        target.write_text(text, encoding="utf-8")
        if text.startswith("#!"):
            target.chmod(0o700)
    (path / "env").mkdir()
    # ansible-runner reads both as YAML, of which JSON is a subset.
    (path / "env" / "envvars").write_text(json.dumps(envvars), encoding="utf-8")
    (path / "env" / "extravars").write_text(json.dumps(extravars), encoding="utf-8")
    return path


def slice_extravars(project, max_fail_percentage):
    return {"rollout_version": VERSION, "rollout_src": str(pathlib.Path(project) / "files" / IMAGE.name),
            "rollout_max_fail_percentage": max_fail_percentage}


def prepare_slices(lab, workdir, hosts, count, max_fail_percentage):
    """One private data dir per slice, each with that slice's static inventory."""
    dirs = []
    for index, part in enumerate(slice_hosts(hosts, count)):
        path = pathlib.Path(workdir) / ("slice-%d-of-%d" % (index + 1, count))
        private_data_dir(path, [PLAYBOOK], {"hosts": inventory_script(part)},
                         dict(ansible_env(), **credential_env(lab)),
                         slice_extravars(path / "project", max_fail_percentage))
        dirs.append(path)
    return dirs


def start_runner(path, ident):
    """``ansible-runner run`` in the background; its display goes to a file beside the dir."""
    log = open(str(path) + ".log", "w", encoding="utf-8")  # closed by wait_runner
    proc = subprocess.Popen([str(BIN / "ansible-runner"), "run", str(path), "-p", PLAYBOOK, "--ident", ident],
                            env=tool_env(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    proc.log = log
    return proc


def wait_runner(proc, timeout):
    try:
        return proc.wait(timeout)
    finally:
        proc.log.close()


def events(path, ident):
    """The job events ansible-runner wrote, in order."""
    folder = pathlib.Path(path) / "artifacts" / ident / "job_events"
    found = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]
    return sorted(found, key=lambda e: e["counter"])


def slice_outcome(path, ident):
    """What one slice's job reported: status, rc, the update task's result, failed task events."""
    artifacts = pathlib.Path(path) / "artifacts" / ident
    evs = events(path, ident)
    update = [e["event_data"]["res"] for e in evs if e["event"] == "runner_on_ok"
              and e["event_data"].get("task_action") == "asyncjobs.fleet.drm_firmware_update"]
    stats = [e["event_data"] for e in evs if e["event"] == "playbook_on_stats"]
    return {
        "status": (artifacts / "status").read_text().strip() if (artifacts / "status").exists() else None,
        "rc": int((artifacts / "rc").read_text()) if (artifacts / "rc").exists() else None,
        "update": update[0] if len(update) == 1 else None,
        "failed_events": [e for e in evs if e["event"] == "runner_on_failed"],
        # What AWX's "relaunch on failed hosts" takes as the limit.
        "failed_hosts": sorted(set(stats[0]["failures"]) | set(stats[0]["dark"])) if stats else None,
        "artifact_data": stats[0].get("artifact_data", {}) if stats else {},
        "stats": stats[0] if stats else None,
    }


def run_slices(dirs, ident, timeout=3600):
    """Start one ansible-runner per private data dir at once; wait for all. Returns the wall time."""
    start = time.monotonic()
    procs = [start_runner(path, ident) for path in dirs]
    codes = [wait_runner(proc, timeout) for proc in procs]
    wall = time.monotonic() - start
    return wall, codes


def children_cpu():
    """CPU seconds of waited-for children: the runners, their ansible-playbook and its workers."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid):
    """CPU seconds a live process (the lab) has used so far."""
    with open("/proc/%d/stat" % pid) as handle:
        fields = handle.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sci_jobs(lab, job_type=1):
    """Every SCI job of a type (1 = update_firmware) from the lab's job listing, all pages."""
    auth = base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode()
    rows, start = [], 0
    while True:
        url = "%s/ws/sci?start=%d&size=1000&condition=jobType%%3D%d" % (lab.urls["drm"], start, job_type)
        req = urllib.request.Request(url, headers={"Accept": "application/json", "Authorization": "Basic " + auth})
        with urllib.request.urlopen(req, timeout=60) as resp:
            data = json.loads(resp.read())
        items = data.get("items") or []
        rows.extend(items)
        start += len(items)
        if not items or int(data.get("remainingSize") or 0) <= 0:
            return rows


def check(lab, hosts, outcomes, version=VERSION):
    """Compare what the slices did and reported with the lab's records.

    duplicates: devices in more than one firmware job; missed: connected devices that needed
    the update but are in no job, or inventory hosts no slice reported on; hidden: devices not
    at the version that no slice reported failed; wrong: reported failures whose reason is not
    the fault the lab seeded on that device (or devices reported failed that are at the version);
    marked_wrong: slices whose failed hosts (the play recap) are not exactly their failed devices.
    """
    devices = {d["devConnectwareId"]: d for d in lab.devices("drm")}
    jobs = sci_jobs(lab)
    targeted = {}
    for job in jobs:
        for dev in filter(None, (job.get("jobTargets") or "").split(",")):
            targeted[dev] = targeted.get(dev, 0) + 1
    reported, failed, twice, marked_wrong = {}, {}, set(), []
    for index, outcome in enumerate(outcomes):
        res = outcome["update"] or {}
        if outcome.get("failed_hosts") != sorted(res.get("failed_devices") or {}):
            marked_wrong.append(index)
        for key in ("updated_devices", "skipped_devices", "failed_devices"):
            for dev in res.get(key) or []:
                if dev in reported:
                    twice.add(dev)
                reported[dev] = key
        failed.update(res.get("failed_devices") or {})
    names = [name for name, _vars in hosts]
    missed = sorted({n for n in names if n not in reported}
                    | {n for n in names if devices[n]["online"] and n not in targeted and reported.get(n) != "skipped_devices"})
    hidden = sorted(n for n in names if devices[n]["dpFirmwareLevelDesc"] != version and n not in failed)
    wrong = []
    for dev, reason in failed.items():
        device = devices[dev]
        expected = OFFLINE_REASON if not device["online"] else REJECTED_REASON if device["fails_firmware"] else None
        if expected is None or expected not in reason or device["dpFirmwareLevelDesc"] == version:
            wrong.append((dev, reason))
    return {
        "devices": len(names),
        "jobs": len(jobs),
        "targeted": len(targeted),
        "duplicates": sorted(d for d, n in targeted.items() if n > 1),
        "missed": missed,
        "reported_twice": sorted(twice),
        "hidden": hidden,
        "wrong": wrong,
        "updated": sum(1 for n in names if devices[n]["dpFirmwareLevelDesc"] == version),
        "failed": failed,
        "strangers": sorted(set(targeted) - set(names)),
        "marked_wrong": marked_wrong,
    }


def lab_requests(lab):
    return sum(lab.stats("drm")["methods"].values())


def sliced_rollout(lab, workdir, count, max_fail_percentage=25, ident="rollout"):
    """Steps 1-4 above on a running lab. Returns a dict for the table and the raw parts."""
    workdir = pathlib.Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    hosts, sync_seconds = sync_inventory(lab, workdir)
    dirs = prepare_slices(lab, workdir, hosts, count, max_fail_percentage)
    before = lab_requests(lab)
    cpu, lab_cpu = children_cpu(), process_cpu(lab.proc.pid)
    wall, codes = run_slices(dirs, ident)
    cpu, lab_cpu = children_cpu() - cpu, process_cpu(lab.proc.pid) - lab_cpu
    requests = lab_requests(lab) - before
    outcomes = [slice_outcome(path, ident) for path in dirs]
    result = check(lab, hosts, outcomes)
    result.update(slices=count, wall=wall, requests=requests, sync_seconds=sync_seconds, cpu=cpu, lab_cpu=lab_cpu,
                  codes=codes, outcomes=outcomes, dirs=dirs, hosts=hosts)
    return result


def expected_end(outcome):
    """(rc, status) of a slice: failed, rc 2, exactly when some of its devices failed (they are failed hosts)."""
    return (2, "failed") if (outcome["update"] or {}).get("failed_devices") else (0, "successful")


def row_ok(row):
    return ([(code, o["status"]) for code, o in zip(row["codes"], row["outcomes"])] == [expected_end(o) for o in row["outcomes"]]
            and not (row["duplicates"] or row["missed"] or row["hidden"] or row["wrong"]
                     or row["reported_twice"] or row["strangers"] or row["marked_wrong"]))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("--devices", type=int, default=10000)
    parser.add_argument("--slices", default="1,2,4", help="slice counts K to run, comma-separated")
    parser.add_argument("--duration", type=float, default=10.0, help="simulated firmware duration D in seconds")
    parser.add_argument("--max-fail-percentage", type=int, default=25,
                        help="each slice's failure budget (the lab's seeded faults fail about 15%% of devices)")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="asyncjobs-slicing-") as tmp:
        for count in [int(s) for s in args.slices.split(",")]:
            workdir = pathlib.Path(tmp) / ("k%d" % count)
            lab = labctl.start_lab(str(workdir / "lab"), devices=args.devices, time_scale=1.0)
            try:
                lab.config("drm", durations={"update_firmware": args.duration})
                row = sliced_rollout(lab, workdir, count, args.max_fail_percentage)
            finally:
                lab.stop()
            rows.append(row)
            ok = row_ok(row)
            print("done K=%d: %.1fs%s" % (count, row["wall"], "" if ok else " (FAILED)"), file=sys.stderr, flush=True)
            if not ok:
                for path in row["dirs"]:
                    print(pathlib.Path(str(path) + ".log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
    print("%d devices, D = %gs, on %d cores; inventory sync (ansible-inventory --list) %s s" % (
        args.devices, args.duration, os.cpu_count(), ", ".join("%.1f" % r["sync_seconds"] for r in rows)))
    print()
    print("| K | devices | wall (s) | HTTP requests | jobs | duplicates | missed | updated "
          "| failed (reported per device) | controller CPU (s) | lab CPU (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| %d%s | %d | %.1f | %d | %d | %d | %d | %d | %d | %.1f | %.1f |" % (
            r["slices"], "" if row_ok(r) else " (failed)", r["devices"], r["wall"], r["requests"], r["jobs"],
            len(r["duplicates"]), len(r["missed"]), r["updated"], len(r["failed"]), r["cpu"], r["lab_cpu"]))
    return 0 if all(row_ok(r) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
