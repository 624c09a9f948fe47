#!/usr/bin/env python
"""Start, stop and drive the appliance lab.  Standard library only.

Library use (pytest fixtures, demo)::

    lab = start_lab(tmpdir, devices=200, time_scale=0.25)
    lab.urls["drm"]; lab.stats("drm"); lab.faults([...]); lab.config(durations={...}); lab.stop()
    lab.kill(); lab.restart()    # SIGKILL, then the same ports and --state-dir again

Command line (Makefile)::

    python tests/lab/labctl.py start --port-file F --pid-file P [server options]
    python tests/lab/labctl.py stop --pid-file P
"""
import json
import os
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request

SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server.py")


class LabError(RuntimeError):
    pass


class Lab:
    """A running lab process and its control plane."""

    def __init__(self, proc, port_file, urls, args=(), popen_kwargs=None):
        self.proc = proc
        self.port_file = port_file
        # server.py arguments (without --port-file) and Popen options, for restart().
        self.args = list(args)
        self.popen_kwargs = dict(popen_kwargs or {})
        self.ca = urls.get("ca")
        self.urls = {k: v for k, v in urls.items() if k != "ca"}
        self._ssl = ssl.create_default_context(cafile=self.ca) if self.ca else None

    def url(self, appliance="drm"):
        return self.urls[appliance]

    def _call(self, appliance, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.urls[appliance] + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30, context=self._ssl) as resp:
                return json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise LabError(f"{method} {path} -> {exc.code}: {exc.read().decode(errors='replace')}") from None

    def stats(self, appliance="drm"):
        return self._call(appliance, "GET", "/_lab/stats")

    def reset(self, appliance=None, stats_only=False):
        """Reset one appliance, or all of them when appliance is None."""
        query = "?stats_only=true" if stats_only else ""
        for name in [appliance] if appliance else self.urls:
            self._call(name, "POST", "/_lab/reset" + query)

    def faults(self, rules=(), seed=1, appliance="drm"):
        """Install fault rules (empty = off).  Returns the active configuration."""
        return self._call(appliance, "POST", "/_lab/faults", {"seed": seed, "rules": list(rules)})

    def config(self, appliance="drm", **changes):
        """GET the config, or POST changes (e.g. durations={...}, time_scale=0.5) first."""
        if changes:
            return self._call(appliance, "POST", "/_lab/config", changes)
        return self._call(appliance, "GET", "/_lab/config")

    def devices(self, appliance="drm"):
        return self._call(appliance, "GET", "/_lab/devices")

    def device(self, device_id, appliance="drm"):
        return self._call(appliance, "GET", f"/_lab/devices/{device_id}")

    def set_device(self, device_id, appliance="drm", **changes):
        return self._call(appliance, "POST", f"/_lab/devices/{device_id}", changes)

    def finish_job(self, job_id, appliance="drm"):
        """End a job now, with the outcome it would have had once its duration was up (every appliance
        with jobs: drm, powerstore, aiqum, rpc; for Remote Manager, every pending part of the SCI job)."""
        return self._call(appliance, "POST", f"/_lab/jobs/{job_id}/finish", {})

    def stop(self, timeout=10):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def kill(self):
        """SIGKILL the lab process, as a crash would: no clean shutdown, the port file stays."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        return self.proc.returncode

    def ports(self):
        return {name: int(url.rsplit(":", 1)[1]) for name, url in self.urls.items()}

    def restart(self, timeout=30):
        """Start the lab again on the same ports with the same options and state directory.

        Persistent state (DRM's SQLite, AIQUM's and RPC's JSON files) is reloaded, so jobs
        that were running continue on their wall-clock schedule; counters and fault rules
        start empty. Stops (SIGTERM) a lab that is still running first.
        """
        self.stop()
        if os.path.exists(self.port_file):
            os.remove(self.port_file)
        args = list(self.args)
        if "--ports" in args:
            del args[args.index("--ports"):args.index("--ports") + 2]
        self.proc = subprocess.Popen([sys.executable, SERVER, "--port-file", self.port_file, *args,
                                      "--ports", json.dumps(self.ports())], **self.popen_kwargs)
        try:
            urls = wait_for_port_file(self.port_file, self.proc, timeout)
        except LabError:
            self.proc.kill()
            raise
        restarted = {k: v for k, v in urls.items() if k != "ca"}
        if restarted != self.urls:
            raise LabError(f"lab restarted on other URLs: {restarted} instead of {self.urls}")
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def server_args(opts):
    """Turn keyword options (time_scale=0.5, tls=True) into server.py flags."""
    args = []
    for key, value in opts.items():
        if value is None or value is False:
            continue
        flag = "--" + key.replace("_", "-")
        args += [flag] if value is True else [flag, json.dumps(value) if isinstance(value, dict) else str(value)]
    return args


def wait_for_port_file(path, proc, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path) as fh:
                return json.load(fh)
        if proc.poll() is not None:
            raise LabError(f"lab server exited with code {proc.returncode} before listening")
        time.sleep(0.05)
    raise LabError(f"lab server did not write {path} within {timeout}s")


def start_lab(tmpdir, timeout=30, stdout=None, stderr=None, **opts):
    """Start server.py in a subprocess; return a Lab once every appliance listens."""
    tmpdir = str(tmpdir)
    os.makedirs(tmpdir, exist_ok=True)
    port_file = os.path.join(tmpdir, "lab-ports.json")
    if os.path.exists(port_file):
        os.remove(port_file)
    opts.setdefault("state_dir", os.path.join(tmpdir, "lab-state"))
    args = server_args(opts)
    proc = subprocess.Popen([sys.executable, SERVER, "--port-file", port_file, *args],
                            stdout=stdout, stderr=stderr)
    try:
        urls = wait_for_port_file(port_file, proc, timeout)
    except LabError:
        proc.kill()
        raise
    return Lab(proc, port_file, urls, args, dict(stdout=stdout, stderr=stderr))


def cli(argv):
    if len(argv) < 1 or argv[0] not in ("start", "stop"):
        sys.exit("usage: labctl.py start --port-file F --pid-file P [server options] | stop --pid-file P")
    command, rest = argv[0], argv[1:]
    if "--pid-file" not in rest:
        sys.exit("--pid-file is required")
    i = rest.index("--pid-file")
    pid_file, rest = rest[i + 1], rest[:i] + rest[i + 2:]

    if command == "stop":
        try:
            with open(pid_file) as fh:
                pid = int(fh.read().strip())
        except FileNotFoundError:
            print(f"no pid file {pid_file}; nothing to stop")
            return 0
        try:
            os.kill(pid, signal.SIGTERM)
            for _attempt in range(200):
                os.kill(pid, 0)
                time.sleep(0.05)
            print(f"lab pid {pid} did not exit after SIGTERM", file=sys.stderr)
            return 1
        except ProcessLookupError:
            os.remove(pid_file)
            return 0

    if "--port-file" not in rest:
        sys.exit("--port-file is required")
    port_file = rest[rest.index("--port-file") + 1]
    if os.path.exists(port_file):
        os.remove(port_file)
    log_path = os.path.splitext(pid_file)[0] + ".log"
    with open(log_path, "ab") as log:
        # New session: the lab survives the `make` recipe shell that started it.
        proc = subprocess.Popen([sys.executable, SERVER, *rest], stdout=log, stderr=log,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    with open(pid_file, "w") as fh:
        fh.write(str(proc.pid))
    try:
        urls = wait_for_port_file(port_file, proc, 30)
    except LabError as exc:
        sys.exit(f"{exc}; see {log_path}")
    print(json.dumps(urls))
    return 0


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
