#!/usr/bin/env python
# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: a firmware update of N devices, three ways, against the lab.

    python tests/perf/bench.py [--sizes 100,1000,10000] [--duration 10] [--baseline-max 1000] [--forks 50]

Scenarios (each on a freshly started lab, firmware jobs lasting --duration seconds):
  baseline  what users write today: ansible.builtin.uri POSTs an async SCI request per host,
            then a uri GET polls the job with until/retries/delay
  per-host  asyncjobs.fleet.drm_firmware_update per host with wait: false, then one
            asyncjobs.fleet.job_wait over every host's job (run_once)
  fleet     one asyncjobs.fleet.drm_firmware_update task for all devices (run_once)

Prints a Markdown table: wall time, wall / D, HTTP requests (lab stats), controller CPU
seconds (user+sys of ansible-playbook and its children), peak RSS of the controller (the
largest process) and of the lab. Run it with the venv the Makefile creates (make perf).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import pathlib
import sys
import tempfile

from _common import PASSWORD, USER, labctl, peak_rss_kib, run_measured

IMAGE = "ACME firmware (benchmark)\nversion=2.1.0\n"

BASELINE = """
- name: Baseline with uri
  hosts: all
  gather_facts: false
  tasks:
    - name: Submit the firmware update
      ansible.builtin.uri:
        url: "{{ drm_url }}/ws/sci"
        method: POST
        user: "{{ drm_user }}"
        password: "{{ drm_password }}"
        force_basic_auth: true
        headers: {Content-Type: text/xml}
        body: >-
          <sci_request version="1.0"><update_firmware synchronous="false" firmware_target="0">
          <targets><device id="{{ drm_device_id }}"/></targets><data>{{ image_b64 }}</data></update_firmware></sci_request>
        status_code: [200, 202]
        return_content: true
      register: submit

    - name: Poll the job
      ansible.builtin.uri:
        url: "{{ drm_url }}/ws/sci/{{ submit.content | regex_search('<jobId>(\\\\d+)</jobId>', '\\\\1') | first }}"
        user: "{{ drm_user }}"
        password: "{{ drm_password }}"
        force_basic_auth: true
        return_content: true
      register: poll
      until: "'<status>complete</status>' in poll.content"
      retries: 120
      delay: 2
"""

PER_HOST = """
- name: Per host with the collection
  hosts: all
  gather_facts: false
  tasks:
    - name: Submit per host
      asyncjobs.fleet.drm_firmware_update:
        devices: ["{{ drm_device_id }}"]
        version: 2.1.0
        src: "{{ image_path }}"
        wait: false
        fail_on: never
      register: submitted

    - name: Wait once for every host's job
      asyncjobs.fleet.job_wait:
        api: drm
        job_ids: "{{ ansible_play_hosts | map('extract', hostvars, ['submitted', 'job_ids']) | flatten | list }}"
        fail_on: never
        wait_timeout: 3600
        details: unsuccessful
      run_once: true
"""

FLEET = """
- name: Fleet mode with the collection
  hosts: localhost
  gather_facts: false
  tasks:
    - name: One request for the whole fleet
      asyncjobs.fleet.drm_firmware_update:
        all_devices: true
        version: 2.1.0
        src: "{{ image_path }}"
        fail_on: never
        wait_timeout: 3600
"""


def run_scenario(name, size, duration, forks, workdir):
    lab = labctl.start_lab(str(workdir / ("lab-%s-%d" % (name, size))), devices=size, time_scale=1.0)
    try:
        lab.config("drm", durations={"update_firmware": duration})
        online = [d["devConnectwareId"] for d in lab.devices("drm") if d["online"]]
        image = workdir / "image.bin"
        image.write_text(IMAGE)
        inventory = workdir / ("inventory-%s-%d.json" % (name, size))
        if name == "fleet":
            hosts = {"localhost": {}}
        else:
            hosts = {dev: {"drm_device_id": dev} for dev in online}
        inventory.write_text(json.dumps({"all": {"hosts": hosts, "vars": {
            "ansible_connection": "local", "ansible_python_interpreter": sys.executable,
            "drm_url": lab.urls["drm"], "drm_user": USER, "drm_password": PASSWORD,
            "image_path": str(image), "image_b64": base64.b64encode(IMAGE.encode()).decode()}}}))
        playbook = workdir / ("%s.yml" % name)
        playbook.write_text({"baseline": BASELINE, "per-host": PER_HOST, "fleet": FLEET}[name])
        env = dict(os.environ, DRM_URL=lab.urls["drm"], DRM_USERNAME=USER, DRM_PASSWORD=PASSWORD,
                   ANSIBLE_FORKS=str(forks), ANSIBLE_HOST_KEY_CHECKING="false", ANSIBLE_STDOUT_CALLBACK="minimal",
                   ANSIBLE_DISPLAY_OK_HOSTS="false", ANSIBLE_DISPLAY_SKIPPED_HOSTS="false")
        before = lab.stats("drm")
        run = run_measured(["-i", inventory, playbook], env, workdir / "usage.json")
        after = lab.stats("drm")
        requests = sum(after["methods"].values()) - sum(before["methods"].values())
        updated = sum(1 for d in lab.devices("drm") if d["dpFirmwareLevelDesc"] == "2.1.0")
        return {
            "scenario": name, "devices": size, "ok": run["rc"] == 0, "updated": updated,
            "wall": run["wall"], "requests": requests, "cpu": run["cpu"], "controller_mib": run["controller_mib"],
            "lab_mib": peak_rss_kib(lab.proc.pid) / 1024.0,
            "tail": run["stdout"][-2000:] + run["stderr"][-2000:],
        }
    finally:
        lab.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--duration", type=float, default=10.0, help="simulated firmware duration D in seconds")
    parser.add_argument("--baseline-max", type=int, default=1000, help="largest size the uri baseline runs at")
    parser.add_argument("--per-host-max", type=int, default=1000, help="largest size the per-host scenario runs at")
    parser.add_argument("--forks", type=int, default=50)
    parser.add_argument("--scenarios", default="baseline,per-host,fleet")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="asyncjobs-bench-") as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            for name in args.scenarios.split(","):
                if (name == "baseline" and size > args.baseline_max) or (name == "per-host" and size > args.per_host_max):
                    continue
                row = run_scenario(name, size, args.duration, args.forks, pathlib.Path(tmp))
                rows.append(row)
                print("done %-8s %6d devices: %.1fs%s" % (name, size, row["wall"], "" if row["ok"] else " (FAILED)"),
                      file=sys.stderr, flush=True)
                if not row["ok"]:
                    print(row["tail"], file=sys.stderr)
    print("D = %gs, forks = %d, on %d cores" % (args.duration, args.forks, os.cpu_count()))
    print()
    print("| scenario | devices | wall (s) | wall / D | HTTP requests | controller CPU (s) | controller peak MiB | lab peak MiB | updated |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| %s%s | %d | %.1f | %.2f | %d | %.1f | %.0f | %.0f | %d |" % (
            r["scenario"], "" if r["ok"] else " (failed)", r["devices"], r["wall"], r["wall"] / args.duration,
            r["requests"], r["cpu"], r["controller_mib"], r["lab_mib"], r["updated"]))
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
