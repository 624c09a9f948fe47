#!/usr/bin/env python
# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A sliced firmware rollout against a throttled lab, with and without a shared request budget.

    python tests/perf/request_budget.py [--devices 400] [--slices 4] [--runs budget,none,local]

The lab enforces its per-account throttle (tests/lab/README.md, "Throttle"), scaled down so a
run takes seconds: by default 60 requests per 6 s "minute" (so at most 10 in any 1 s) and 2 at
once. The K slices (tests/perf/slicing.py: AWX's split, one ansible-runner each, started at once)
run with the DRM_* variables of a request budget shared through one file (``budget``), with
the same caps for each process on its own (``local``: no file), or without a budget (``none``).
The inventory sync runs with the same variables.

Prints a Markdown table per run: 429 answers the lab sent, HTTP requests it received (the sync
included), wall time, firmware jobs, and the rollout's outcome against the lab's records
(duplicates, missed, devices updated, reported failed with the lab's reason, failures hidden or
with a wrong reason). tests/integration/test_request_budget.py runs the ``budget`` case and
asserts on it.

With rate ``r``, ``c`` slots and a manager window of ``W`` seconds, the budget lets at most
``floor(W x r) + 1 + c`` requests reach the manager in any window (see _budget.py): the defaults
(3/s, 2 slots) give 6 <= 10 in any 1 s and 21 <= 60 in any 6 s, so no 429 can happen.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import slicing  # noqa: E402  (the slicing benchmark's AWX-style runs)

# The lab's throttle for these runs: Digi's shape (a minute with a sixth of it as sub-window,
# and a concurrency cap), scaled to a 6 s "minute" so that the runs are short.
THROTTLE = {"throttle_per_minute": 60, "throttle_minute": 6.0, "throttle_concurrent": 2}
THROTTLE_OFF = {"throttle_per_minute": 0, "throttle_concurrent": 0}
# The budget the slices share: at most floor(1 x 3) + 1 + 2 = 6 requests in any 1 s sub-window.
RATE, CONCURRENT = 3.0, 2


def budget_env(path, rate=RATE, concurrent=CONCURRENT):
    """The DRM_* variables of one request budget shared through ``path``."""
    return {"DRM_REQUESTS_PER_SECOND": str(rate), "DRM_MAX_CONCURRENT_REQUESTS": str(concurrent),
            "DRM_REQUEST_BUDGET_FILE": str(path)}


@contextlib.contextmanager
def environment(extra):
    """os.environ with ``extra`` while the block runs (slicing.sync_inventory passes os.environ on)."""
    saved = {name: os.environ.get(name) for name in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def add_envvars(path, extra):
    """Add variables to a private data dir's env/envvars (what AWX injects for a job)."""
    envvars = pathlib.Path(path) / "env" / "envvars"
    data = json.loads(envvars.read_text(encoding="utf-8"))
    data.update(extra)
    envvars.write_text(json.dumps(data), encoding="utf-8")


def start_lab(path, devices, duration, time_scale=1.0, throttle=None):
    """A lab of its own with ``devices`` devices, firmware jobs of ``duration`` s and the throttle on."""
    lab = slicing.labctl.start_lab(str(path), devices=devices, time_scale=time_scale)
    try:
        lab.config("drm", durations={"update_firmware": duration}, **(throttle or THROTTLE))
    except BaseException:
        lab.stop()
        raise
    return lab


def rollout(lab, workdir, count, budget=None, max_fail_percentage=25, ident="rollout"):
    """Sync, slice and run (slicing.py's steps) with ``budget`` (DRM_* variables) or none.

    The 429s and requests are read before the throttle is lifted; then slicing.check reads the
    lab's jobs directly (its own requests are not part of the rollout, and must not be refused).
    """
    workdir = pathlib.Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    lab.reset("drm", stats_only=True)
    with environment(budget or {}):
        hosts, _sync_seconds = slicing.sync_inventory(lab, workdir)
    dirs = slicing.prepare_slices(lab, workdir, hosts, count, max_fail_percentage)
    for path in dirs:
        add_envvars(path, budget or {})
    wall, codes = slicing.run_slices(dirs, ident, timeout=600)
    stats = lab.stats("drm")
    lab.config("drm", **THROTTLE_OFF)
    outcomes = [slicing.slice_outcome(path, ident) for path in dirs]
    result = slicing.check(lab, hosts, outcomes)
    result.update(slices=count, wall=wall, codes=codes, outcomes=outcomes, dirs=dirs, hosts=hosts,
                  throttled=sum(stats["throttled"].values()), throttle_reasons=stats["throttle_reasons"],
                  requests=sum(stats["methods"].values()))
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("--devices", type=int, default=400)
    parser.add_argument("--slices", type=int, default=4)
    parser.add_argument("--duration", type=float, default=3.0, help="firmware job duration in seconds")
    parser.add_argument("--runs", default="budget,none,local",
                        help="comma-separated: budget (shared through a file), none, local (the same caps per process)")
    parser.add_argument("--rate", type=float, default=RATE, help="requests_per_second of the budget")
    parser.add_argument("--concurrent", type=int, default=CONCURRENT, help="max_concurrent_requests of the budget")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="asyncjobs-budget-") as tmp:
        for run in args.runs.split(","):
            workdir = pathlib.Path(tmp) / run
            lab = start_lab(workdir / "lab", args.devices, args.duration)
            try:
                budget = budget_env(workdir / "drm.budget", args.rate, args.concurrent) if run != "none" else None
                if run == "local":  # the same caps, but each process has its own budget
                    budget.pop("DRM_REQUEST_BUDGET_FILE")
                row = rollout(lab, workdir, args.slices, budget)
            finally:
                lab.stop()
            row["run"] = run
            rows.append(row)
            print("done %s: %.1fs" % (run, row["wall"]), file=sys.stderr, flush=True)
    print("%d devices in %d slices, firmware jobs of %gs; lab throttle %s" % (
        args.devices, args.slices, args.duration, json.dumps(THROTTLE)))
    print()
    print("| budget | 429s | requests | wall (s) | jobs | duplicates | missed | updated | failed (seeded reason) "
          "| hidden | wrong reason | slice rc |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        label = {"budget": "%g/s, %d at once, shared file" % (args.rate, args.concurrent),
                 "local": "%g/s, %d at once, per process" % (args.rate, args.concurrent)}.get(r["run"], "none")
        reasons = ", ".join("%s %d" % item for item in sorted(r["throttle_reasons"].items()))
        print("| %s | %d%s | %d | %.1f | %d | %d | %d | %d | %d | %d | %d | %s |" % (
            label, r["throttled"], " (%s)" % reasons if reasons else "", r["requests"], r["wall"], r["jobs"], len(r["duplicates"]), len(r["missed"]),
            r["updated"], len(r["failed"]) - len(r["wrong"]), len(r["hidden"]), len(r["wrong"]),
            ",".join(str(c) for c in r["codes"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
