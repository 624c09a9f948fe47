# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Integration-test harness: run real playbooks against the appliance lab.

Fixtures
--------
``lab`` (session)
    The simulated appliance lab from ``tests/lab/labctl.py``, started lazily
    (only when a test asks for it) in a temporary directory with a small time
    scale, and stopped at the end of the session.  Tests call ``lab.reset()``,
    ``lab.config(...)``, ``lab.faults(...)`` and ``lab.stats(appliance)``.

``lab_env`` (function)
    The connection environment for the lab (``DRM_URL``, ``DRM_USERNAME``,
    ``DRM_PASSWORD``).

``ansible`` (function)
    An :class:`AnsibleRunner`.  ``ansible.run_playbook(path, extra_vars=None,
    check=False, diff=False, env=None, verbosity=0, expect_rc=0)`` runs the
    venv's ``ansible-playbook`` against ``localhost,`` with the local
    connection and the collection installed in ``.collections`` and returns a
    :class:`PlaybookRun` with ``.rc``, ``.stdout``, ``.stderr``, ``.results``
    and ``.result(task_name)``.  When the test also uses ``lab``, the lab's
    connection variables are in the playbook's environment.
    ``ansible.playbook(text)`` writes YAML text to a temporary playbook file.

``lab_delta`` (function)
    ``with lab_delta("drm") as delta: ...`` then ``delta.value`` holds the
    difference of ``lab.stats("drm")`` across the block (numbers subtracted,
    recursively).

Environment knobs
-----------------
``ASYNCJOBS_COLLECTIONS_PATH``  where the collection is installed (default ``<repo>/.collections``).
``ASYNCJOBS_LAB_OPTIONS``       JSON object merged over :data:`DEFAULT_LAB_OPTIONS`.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import os
import pathlib
import shutil
import signal
import subprocess
import time
import sys
import textwrap
import uuid

import pytest

INTEGRATION_DIR = pathlib.Path(__file__).resolve().parent
REPO_ROOT = INTEGRATION_DIR.parents[1]
LAB_DIR = REPO_ROOT / "tests" / "lab"
CALLBACK_DIR = INTEGRATION_DIR / "callback_plugins"
RECORD_ENV_VAR = "ASYNCJOBS_RECORD_RESULTS"

COLLECTIONS_PATH = pathlib.Path(os.environ.get("ASYNCJOBS_COLLECTIONS_PATH", REPO_ROOT / ".collections"))

# Lab defaults: fast jobs (a firmware update takes 6 s x time_scale).  Options that the
# lab's start_lab() does not accept are dropped (see _start_options).
DEFAULT_LAB_OPTIONS = {"time_scale": 0.25}
LAB_USERNAME = "admin"
LAB_PASSWORD = "lab-Passw0rd!"

PLAYBOOK_TIMEOUT = 600


VENV_BIN = pathlib.Path(sys.executable).parent


def run_tool(cmd, **kwargs):
    """Run a command; fail the test with its output unless it exits 0."""
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120, check=False, **kwargs)
    assert proc.returncode == 0, f"{cmd} -> rc {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc


def venv_tool(name):
    """A console script of the venv running the tests."""
    path = VENV_BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: install requirements-dev.txt into the venv")
    return path


def _ansible_playbook():
    """The ansible-playbook next to the running Python (the venv's), else on PATH."""
    candidate = pathlib.Path(sys.executable).parent / "ansible-playbook"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("ansible-playbook")
    if not found:
        pytest.fail("ansible-playbook not found; run the tests with `make integration`")
    return found


class PlaybookRun:
    """The outcome of one ansible-playbook run."""

    def __init__(self, cmd, rc, stdout, stderr, results):
        self.cmd = cmd
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.results = results  # list of records written by record_results.py

    def __repr__(self):
        return f"PlaybookRun(rc={self.rc}, results={len(self.results)})"

    def describe(self):
        """Command, rc and output, for assertion messages."""
        return (
            f"command: {' '.join(self.cmd)}\nrc: {self.rc}\n"
            f"--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )

    def entries(self, task_name, host="localhost"):
        """All records of the task with that name on that host, in run order."""
        return [r for r in self.results if r["task"] == task_name and r["host"] == host]

    def entry(self, task_name, host="localhost"):
        """The single record (task, host, action, status, ignore_errors, result) of a task."""
        found = self.entries(task_name, host)
        if not found:
            names = sorted({r["task"] for r in self.results})
            raise KeyError(f"no result for task {task_name!r} on {host}; recorded tasks: {names}\n{self.describe()}")
        if len(found) > 1:
            raise KeyError(f"task {task_name!r} ran {len(found)} times on {host}; use .entries() to pick one")
        return found[0]

    def result(self, task_name, host="localhost"):
        """The result dict of the task with that name on localhost."""
        return self.entry(task_name, host)["result"]

    def status(self, task_name, host="localhost"):
        """'ok', 'changed', 'failed', 'skipped' or 'unreachable'."""
        return self.entry(task_name, host)["status"]


class AnsibleRunner:
    """Runs playbooks as subprocesses with the harness's settings."""

    def __init__(self, workdir, base_env=None, bin_dir=None):
        self.workdir = pathlib.Path(workdir)
        self.base_env = dict(base_env or {})
        # The bin directory of another ansible-core's venv (tests/compat); None: the venv running pytest.
        self.bin_dir = pathlib.Path(bin_dir) if bin_dir else None

    def tool(self, name):
        """The path of an ansible console script (ansible-playbook, ansible-inventory) of the ansible-core under test."""
        if self.bin_dir is None:
            return _ansible_playbook() if name == "ansible-playbook" else str(venv_tool(name))
        return str(self.bin_dir / name)

    def playbook(self, text, name=None):
        """Write a playbook from YAML text; returns its path."""
        path = self.workdir / (name or f"playbook-{uuid.uuid4().hex[:8]}.yml")
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    @staticmethod
    def _resolve(playbook_path):
        path = pathlib.Path(playbook_path)
        if path.is_absolute():
            return path
        for base in (pathlib.Path.cwd(), INTEGRATION_DIR / "playbooks", INTEGRATION_DIR, REPO_ROOT):
            if (base / path).exists():
                return (base / path).resolve()
        raise FileNotFoundError(f"playbook {playbook_path} not found")

    def environment(self, extra=None):
        """The environment a playbook runs with."""
        env = dict(os.environ)
        env.update(
            {
                "ANSIBLE_COLLECTIONS_PATH": str(COLLECTIONS_PATH),
                "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH": "false",
                "ANSIBLE_STDOUT_CALLBACK": "default",
                "ANSIBLE_CALLBACK_PLUGINS": str(CALLBACK_DIR),
                "ANSIBLE_CONNECTION_PLUGINS": str(INTEGRATION_DIR / "connection_plugins"),
                "ANSIBLE_CALLBACKS_ENABLED": "record_results",
                "ANSIBLE_PYTHON_INTERPRETER": str(self.bin_dir / "python") if self.bin_dir else sys.executable,
                "ANSIBLE_RETRY_FILES_ENABLED": "false",
                "ANSIBLE_NOCOLOR": "1",
                "ANSIBLE_FORCE_COLOR": "0",
                "ANSIBLE_LOCALHOST_WARNING": "false",
                "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false",
            }
        )
        env.update(self.base_env)
        env.update(extra or {})
        return {key: str(value) for key, value in env.items() if value is not None}

    def run_playbook(
        self,
        playbook_path,
        extra_vars=None,
        check=False,
        diff=False,
        env=None,
        verbosity=0,
        expect_rc=0,
        timeout=PLAYBOOK_TIMEOUT,
    ):
        """Run a playbook on localhost; assert its rc unless expect_rc is None."""
        started = self.start_playbook(playbook_path, extra_vars=extra_vars, check=check, diff=diff, env=env,
                                      verbosity=verbosity)
        return started.wait(expect_rc=expect_rc, timeout=timeout)

    def start_playbook(self, playbook_path, extra_vars=None, check=False, diff=False, env=None, verbosity=0):
        """Start a playbook in the background; ``.wait(expect_rc=0)`` gives its PlaybookRun.

        For tests that must act while a task waits (resume a job once the task polls it).
        """
        playbook = self._resolve(playbook_path)
        run_id = uuid.uuid4().hex[:8]
        record_file = self.workdir / f"results-{run_id}.json"
        cmd = [self.tool("ansible-playbook"), "-i", "localhost,", "-c", "local", str(playbook)]
        if extra_vars:
            vars_file = self.workdir / f"extra-vars-{run_id}.json"
            vars_file.write_text(json.dumps(extra_vars), encoding="utf-8")
            cmd += ["-e", f"@{vars_file}"]
        if check:
            cmd.append("--check")
        if diff:
            cmd.append("--diff")
        if verbosity:
            cmd.append("-" + "v" * verbosity)
        environment = self.environment(env)
        environment[RECORD_ENV_VAR] = str(record_file)
        proc = subprocess.Popen(
            cmd,
            cwd=self.workdir,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        return StartedPlaybook(cmd, proc, record_file)


def _children(parents):
    """Ids of the live processes whose parent is in ``parents`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry, encoding="utf-8") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid in parents:
                found.append(int(entry))
    return found


def kill_tree(pid):
    """SIGKILL a process and every process it started, as a crash of the machine would end them.

    ansible-playbook's workers detach into sessions of their own (os.setsid), so killing its
    process group leaves them, and the modules they run, going on. They are found through their
    parent links instead, each stopped first (a stopped process forks no more) until no new one
    turns up, and then all are killed.
    """
    stopped, found = [], [pid]
    while found:
        for one in found:
            try:
                os.kill(one, signal.SIGSTOP)
            except ProcessLookupError:
                continue
            stopped.append(one)
        found = [one for one in _children(set(stopped)) if one not in stopped]
    for one in stopped:
        try:
            os.kill(one, signal.SIGKILL)
        except ProcessLookupError:
            pass


def finish_once_polled(lab, appliance, job_id, run, polled, submitted=lambda stats: stats["submissions"]):
    """End ``job_id`` (held in flight by a long duration) through the lab's finish control once the
    background ``run`` has polled it (``polled(stats_before, stats_now)``): the run finds the job
    running however slow the machine, and nothing waits for a duration. A run that submits a job of
    its own instead (``submitted(stats)`` changes) fails at once, as does a run that ends first."""
    before = lab.stats(appliance)
    deadline = time.monotonic() + 120
    try:
        while True:
            now = lab.stats(appliance)
            # Checked first: a poll seen in the same snapshot must not be of a job the run submitted.
            assert submitted(now) == submitted(before), "the run submitted a job instead of waiting for %s" % job_id
            if polled(before, now):
                break
            assert run.proc.poll() is None, "the run ended without polling job %s" % job_id
            assert time.monotonic() < deadline, "the run never polled job %s" % job_id
            time.sleep(0.05)
    except AssertionError as exc:
        run.kill()
        raise AssertionError("%s\n%s" % (exc, run.wait(expect_rc=None).describe())) from None
    lab.finish_job(job_id, appliance)


class StartedPlaybook:
    """A playbook running in the background (see AnsibleRunner.start_playbook)."""

    def __init__(self, cmd, proc, record_file):
        self.cmd = cmd
        self.proc = proc
        self.record_file = record_file

    def kill(self):
        """SIGKILL the run with its workers and the modules they run (see kill_tree)."""
        kill_tree(self.proc.pid)

    def wait(self, expect_rc=0, timeout=PLAYBOOK_TIMEOUT):
        try:
            stdout, stderr = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self.proc.communicate()
            raise
        results = json.loads(self.record_file.read_text(encoding="utf-8")) if self.record_file.exists() else []
        run = PlaybookRun(self.cmd, self.proc.returncode, stdout, stderr, results)
        if expect_rc is not None and run.rc != expect_rc:
            raise AssertionError(f"ansible-playbook exited {run.rc}, expected {expect_rc}\n{run.describe()}")
        return run


def _lab_module():
    if not (LAB_DIR / "labctl.py").exists():
        pytest.skip("the appliance lab (tests/lab/labctl.py) is not available")
    if str(LAB_DIR) not in sys.path:
        sys.path.insert(0, str(LAB_DIR))
    return importlib.import_module("labctl")


def _start_options(start_lab):
    """DEFAULT_LAB_OPTIONS + ASYNCJOBS_LAB_OPTIONS, limited to what start_lab accepts."""
    options = dict(DEFAULT_LAB_OPTIONS)
    options.update(json.loads(os.environ.get("ASYNCJOBS_LAB_OPTIONS", "{}")))
    params = inspect.signature(start_lab).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return options
    return {key: value for key, value in options.items() if key in params}


@contextlib.contextmanager
def private_lab(tmp_path_factory, name, **options):
    """A lab of a test module's own (TLS, other credentials, some appliances only), stopped afterwards."""
    labctl = _lab_module()
    instance = labctl.start_lab(str(tmp_path_factory.mktemp(name)), **options)
    try:
        yield instance
    finally:
        instance.stop()


# The slowest test modules (measured with --durations on 2 cores), most expensive first.
# `make integration` runs two pytest-xdist workers with ``--dist loadfile --no-loadscope-reorder``:
# each module stays on one worker (its module-scoped fixtures are built once, its tests keep
# their order) and modules are handed out in collection order, so these go first and a long
# module never starts last, with the other worker idle. A stale list costs time, never a result.
LONGEST_FIRST = ("test_reliability_faults.py", "test_docs_site.py", "test_runner.py", "test_powerstore_resource.py",
                 "test_concurrency.py", "test_reliability_submissions.py", "test_powerstore_volume.py", "test_eda.py",
                 "test_slicing.py", "test_rollout_report.py", "test_firmware_rollout.py", "test_drm.py", "test_aiqum.py")


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist, start the modules of LONGEST_FIRST first (see there)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: each module keeps its order


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """The appliance lab, started on first use and stopped at session end."""
    labctl = _lab_module()
    workdir = tmp_path_factory.mktemp("lab")
    instance = labctl.start_lab(str(workdir), **_start_options(labctl.start_lab))
    try:
        yield instance
    finally:
        instance.stop()


# Environment prefix of each appliance's connection variables (modules read <PREFIX>_URL...).
ENV_PREFIXES = {"drm": "DRM", "powerstore": "POWERSTORE", "aiqum": "AIQUM", "rpc": "RPC", "generic": "GENERIC"}


def _lab_connection_env(instance):
    env = {}
    for appliance, url in instance.urls.items():
        prefix = ENV_PREFIXES.get(appliance)
        if prefix:
            env.update({
                prefix + "_URL": url,
                prefix + "_USERNAME": getattr(instance, "username", LAB_USERNAME),
                prefix + "_PASSWORD": getattr(instance, "password", LAB_PASSWORD),
            })
    return env


@pytest.fixture
def lab_env(lab):
    """Connection environment variables for the lab's appliances."""
    return _lab_connection_env(lab)


@pytest.fixture
def ansible(request, tmp_path):
    """An AnsibleRunner; includes the lab's environment when the test uses ``lab``."""
    base_env = {}
    if "lab" in request.fixturenames:
        base_env.update(_lab_connection_env(request.getfixturevalue("lab")))
    return AnsibleRunner(tmp_path, base_env)


def plain(value):
    """ansible-inventory --list marks unsafe values ``{"__ansible_unsafe": ...}``: unwrap them."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _subtract(after, before):
    if isinstance(after, bool) or isinstance(before, bool):
        return after
    if isinstance(after, (int, float)) and isinstance(before, (int, float)):
        return after - before
    if isinstance(after, dict):
        before = before if isinstance(before, dict) else {}
        return {key: _subtract(value, before.get(key, 0)) for key, value in after.items()}
    return after


class StatsDelta:
    """Holds the difference of lab.stats(appliance) across a ``with`` block."""

    def __init__(self):
        self.before = None
        self.after = None
        self.value = None

    def __getitem__(self, key):
        return self.value[key]

    def get(self, key, default=None):
        return self.value.get(key, default)


@pytest.fixture
def lab_delta(lab):
    """``with lab_delta("drm") as delta:`` records how lab.stats("drm") changed."""

    @contextlib.contextmanager
    def measure(appliance):
        delta = StatsDelta()
        delta.before = lab.stats(appliance)
        yield delta
        delta.after = lab.stats(appliance)
        delta.value = _subtract(delta.after, delta.before)

    return measure
