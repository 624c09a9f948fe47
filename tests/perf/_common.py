# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers the benchmarks share: the lab's labctl, and timing one ansible-playbook run.

    from _common import labctl, run_measured, peak_rss_kib
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
BIN = pathlib.Path(sys.executable).parent
USER, PASSWORD = "admin", "lab-Passw0rd!"
sys.path.insert(0, str(REPO / "tests" / "lab"))

import labctl  # noqa: E402  (the lab's own helper, beside it in the repo)

__all__ = ["BIN", "HERE", "PASSWORD", "REPO", "USER", "labctl", "peak_rss_kib", "run_measured"]

# Runs the command, then writes the CPU and the peak RSS of its process tree. The wrapper's only
# descendants are ansible-playbook and its workers, so its RUSAGE_CHILDREN is the controller's
# CPU and largest process (not the lab's, which runs apart).
WRAPPER = """
import json, resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    json.dump({"cpu": u.ru_utime + u.ru_stime, "maxrss_kib": u.ru_maxrss}, handle)
sys.exit(rc)
"""


def peak_rss_kib(pid):
    """VmHWM of a live process, in KiB."""
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run_measured(args, env, usage_file):
    """Run the venv's ansible-playbook with args; returns rc, stdout, stderr, wall, cpu, controller_mib."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, str(usage_file), str(BIN / "ansible-playbook"), *map(str, args)],
                          env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    usage = json.loads(pathlib.Path(usage_file).read_text())
    return {"rc": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr, "wall": wall,
            "cpu": usage["cpu"], "controller_mib": usage["maxrss_kib"] / 1024.0}
