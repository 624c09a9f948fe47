#!/usr/bin/env python
# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: resize N volumes on each of A simulated PowerStore arrays, two ways.

    python tests/perf/powerstore_bench.py [--arrays 4] [--volumes 50] [--duration 5] [--runs 1] [--forks 4]

Each run of a scenario starts A fresh PowerStore labs (one process each, like A arrays), sets the
modify job's duration to D (--duration), bulk-creates N volumes per array through the lab's control
plane (not counted), and runs one ansible-playbook over an inventory with one host per array:
  baseline  what users write today, per array: ansible.builtin.uri logs in (Basic, keeping the
            DELL-EMC-TOKEN and the auth_cookie), lists the volumes once for their ids, PATCHes
            /volume/{id}?is_async=true in a loop, then GETs /job/{id} in a loop with until/retries/
            delay (delay 2 s, like bench.py)
  ours      playbooks/powerstore_resize.yml: one asyncjobs.fleet.powerstore_volume task per array
            with volumes: (one batched wait per array)

Prints a Markdown table: wall time, wall / D, HTTP requests (the sum of the A labs' /_lab/stats
deltas), PATCHes and other requests, controller CPU seconds (ansible-playbook and its workers),
peak RSS of the largest controller process, and the volumes found at the new size afterwards
(a run that did not resize every volume is a failure). Then the ratios baseline / ours.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import tempfile

from _common import PASSWORD, REPO, USER, labctl, run_measured

PREFIX = "bench-vol-"
GIB = 1024 ** 3
OLD_SIZE, NEW_SIZE = 100 * GIB, 120 * GIB
RESIZE_PLAYBOOK = REPO / "playbooks" / "powerstore_resize.yml"

# The loop users write with ansible.builtin.uri: PowerStore answers a change with ?is_async=true
# with 202 {"id": <job id>}, and a job's state must be polled. A GET returns only `id` unless
# `select=` names the fields.
BASELINE = """
- name: Baseline with uri
  hosts: powerstore_arrays
  connection: local
  gather_facts: false
  tasks:
    - name: Log in
      ansible.builtin.uri:
        url: "{{ powerstore_url }}/api/rest/login_session"
        user: "{{ powerstore_username }}"
        password: "{{ powerstore_password }}"
        force_basic_auth: true
      register: login

    - name: List the volumes
      ansible.builtin.uri:
        url: "{{ powerstore_url }}/api/rest/volume?select=id,name&limit=2000"
        headers:
          Cookie: "{{ login.cookies_string }}"
      register: listing

    - name: Map names to ids
      ansible.builtin.set_fact:
        volume_ids: "{{ listing.json | items2dict(key_name='name', value_name='id') }}"

    - name: Submit the resizes
      ansible.builtin.uri:
        url: "{{ powerstore_url }}/api/rest/volume/{{ volume_ids[item.name] }}?is_async=true"
        method: PATCH
        headers:
          DELL-EMC-TOKEN: "{{ login.dell_emc_token }}"
          Cookie: "{{ login.cookies_string }}"
        body_format: json
        body: "{{ {'size': item.size | int} }}"
        status_code: 202
      loop: "{{ powerstore_volumes }}"
      loop_control:
        label: "{{ item.name }}"
      register: submitted

    - name: Wait for the jobs
      ansible.builtin.uri:
        url: "{{ powerstore_url }}/api/rest/job/{{ item.json.id }}?select=id,state,response_body"
        headers:
          Cookie: "{{ login.cookies_string }}"
      loop: "{{ submitted.results }}"
      loop_control:
        label: "{{ item.item.name }}"
      register: jobs
      until: jobs.json.state in ['COMPLETED', 'FAILED', 'UNRECOVERABLE_FAILED']
      retries: 120
      delay: 2

    - name: Every job completed
      ansible.builtin.assert:
        that: jobs.results | map(attribute='json.state') | reject('equalto', 'COMPLETED') | list | length == 0
        quiet: true
"""


def start_arrays(count, volumes, duration, workdir):
    """count PowerStore labs, each with `volumes` volumes of OLD_SIZE and modify jobs lasting `duration`."""
    arrays = []
    try:
        for index in range(count):
            lab = labctl.start_lab(str(workdir / ("array-%d" % (index + 1))), only="powerstore", time_scale=1.0)
            arrays.append(lab)
            lab.config("powerstore", durations={"modify": duration})
            lab._call("powerstore", "POST", "/_lab/volumes", {"count": volumes, "prefix": PREFIX, "size": OLD_SIZE})
    except BaseException:
        for lab in arrays:
            lab.stop()
        raise
    return arrays


def bench_volumes(lab):
    return [v for v in lab._call("powerstore", "GET", "/_lab/volumes") if v["name"].startswith(PREFIX)]


def inventory(arrays):
    """The per-array inventory both scenarios run on: one host per array, its volumes and new sizes."""
    hosts = {}
    for index, lab in enumerate(arrays):
        hosts["array-%d" % (index + 1)] = {
            "powerstore_url": lab.urls["powerstore"], "powerstore_username": USER, "powerstore_password": PASSWORD,
            "powerstore_volumes": [{"name": v["name"], "size": NEW_SIZE} for v in sorted(bench_volumes(lab),
                                                                                         key=lambda v: v["name"])]}
    return {"powerstore_arrays": {"hosts": hosts, "vars": {"ansible_python_interpreter": sys.executable}}}


def routes_delta(before, after):
    """Requests by templated route (e.g. GET /api/rest/job) across one run, summed over the arrays."""
    out = {}
    for b, a in zip(before, after):
        for route, count in a["requests"].items():
            out[route] = out.get(route, 0) + count - b["requests"].get(route, 0)
    return {route: count for route, count in out.items() if count}


def run_scenario(name, args, workdir):
    arrays = start_arrays(args.arrays, args.volumes, args.duration, workdir / name)
    try:
        inv = workdir / ("inventory-%s.json" % name)
        inv.write_text(json.dumps(inventory(arrays)))
        if name == "baseline":
            playbook = workdir / "baseline.yml"
            playbook.write_text(BASELINE)
        else:
            playbook = RESIZE_PLAYBOOK
        env = dict(os.environ, ANSIBLE_FORKS=str(args.forks), ANSIBLE_STDOUT_CALLBACK="minimal",
                   ANSIBLE_DISPLAY_OK_HOSTS="false", ANSIBLE_DISPLAY_SKIPPED_HOSTS="false",
                   ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_NOCOLOR="1")
        env.setdefault("ANSIBLE_COLLECTIONS_PATH", str(REPO / ".collections"))
        before = [lab.stats("powerstore") for lab in arrays]
        run = run_measured(["-i", inv, playbook], env, workdir / "usage.json")
        after = [lab.stats("powerstore") for lab in arrays]
        routes = routes_delta(before, after)
        resized = sum(1 for lab in arrays for v in bench_volumes(lab) if v["size"] == NEW_SIZE)
        expected = args.arrays * args.volumes
        return {
            "scenario": name, "ok": run["rc"] == 0 and resized == expected, "resized": resized,
            "wall": run["wall"], "requests": sum(routes.values()), "routes": routes,
            "patches": sum(count for route, count in routes.items() if route.startswith("PATCH ")),
            "cpu": run["cpu"], "controller_mib": run["controller_mib"],
            "tail": run["stdout"][-3000:] + run["stderr"][-3000:],
        }
    finally:
        for lab in arrays:
            lab.stop()


def table(rows, args):
    volumes = args.arrays * args.volumes
    lines = ["%d arrays x %d volumes = %d volumes, D = %gs, forks = %d, on %d cores" % (
        args.arrays, args.volumes, volumes, args.duration, args.forks, os.cpu_count()), "",
        "| scenario | run | wall (s) | wall / D | HTTP requests | per volume | PATCH | other | controller CPU (s) "
        "| controller peak MiB | resized |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append("| %s%s | %d | %.1f | %.2f | %d | %.2f | %d | %d | %.1f | %.0f | %d/%d |" % (
            r["scenario"], "" if r["ok"] else " (failed)", r["run"], r["wall"], r["wall"] / args.duration,
            r["requests"], r["requests"] / float(volumes), r["patches"], r["requests"] - r["patches"], r["cpu"],
            r["controller_mib"], r["resized"], volumes))
    by = {name: [r for r in rows if r["scenario"] == name] for name in ("baseline", "ours")}
    names = [name for name in by if by[name]]
    lines += ["", "Requests by route (run 1):", "", "| route | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for route in sorted({route for name in names for route in by[name][0]["routes"]}):
        lines.append("| `%s` | %s |" % (route, " | ".join(str(by[name][0]["routes"].get(route, 0)) for name in names)))
    if by["baseline"] and by["ours"]:
        def median(name, key):
            return statistics.median(r[key] for r in by[name])
        lines += ["", "baseline / ours (medians): %.1fx the requests, %.1fx the wall time, %.1fx the controller CPU" % (
            median("baseline", "requests") / median("ours", "requests"), median("baseline", "wall") / median("ours", "wall"),
            median("baseline", "cpu") / median("ours", "cpu"))]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("--arrays", type=int, default=4)
    parser.add_argument("--volumes", type=int, default=50, help="volumes resized per array")
    parser.add_argument("--duration", type=float, default=5.0, help="simulated duration D of a modify job, in seconds")
    parser.add_argument("--runs", type=int, default=1, help="runs of each scenario (each on fresh labs)")
    parser.add_argument("--forks", type=int, default=4)
    parser.add_argument("--scenarios", default="baseline,ours")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="asyncjobs-psbench-") as tmp:
        for number in range(1, args.runs + 1):
            for name in args.scenarios.split(","):
                workdir = pathlib.Path(tmp) / ("run-%d" % number)
                workdir.mkdir(exist_ok=True)
                row = dict(run_scenario(name, args, workdir), run=number)
                rows.append(row)
                status = "" if row["ok"] else " (FAILED)"
                print("done %-8s run %d: %.1fs, %d requests%s" % (name, number, row["wall"], row["requests"], status),
                      file=sys.stderr, flush=True)
                if not row["ok"]:
                    print(row["tail"], file=sys.stderr)
    print(table(rows, args))
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
