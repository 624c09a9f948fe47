# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""One lock per change, shared by every run on this controller, around look-then-submit.

Adopting an in-flight job is check-then-act: two runs that look at the same moment both
see nothing and both submit. Tasks of concurrent ``ansible-playbook`` runs (and the hosts
of one run) execute in separate processes, so the lock is an OS file lock (``flock``) on a
file named after a digest of the manager's origin, the operation and its resource or
targets: unrelated submissions never wait for each other, and a crashed holder releases
the lock with its process. Another controller does not share it; for that the modules
look for an overlapping job after submitting (see ``_ops_drm.resolve_duplicates``).

The directory is ``ASYNCJOBS_LOCK_DIR`` or ``~/.ansible/tmp/asyncjobs.fleet-locks``; it
must belong to the user and not be writable by anyone else, or a stranger could hold
every lock (or point the files elsewhere).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover (not POSIX)
    fcntl = None
    HAS_FCNTL = False

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError, InputError

ENV_DIR = "ASYNCJOBS_LOCK_DIR"
DEFAULT_DIR = os.path.join("~", ".ansible", "tmp", "asyncjobs.fleet-locks")
# Polling the lock: short at first (the usual holder is quick), then at most this often.
FIRST_DELAY = 0.05
MAX_DELAY = 0.5


class LockTimeout(FleetError):
    """Another run on this controller held the lock for the whole wait budget."""


def lock_dir(environ=None):
    environ = os.environ if environ is None else environ
    return os.path.expanduser(environ.get(ENV_DIR) or DEFAULT_DIR)


def _safe_dir(path):
    """Create the directory (0700) if needed; refuse one that others could tamper with."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        info = os.lstat(path)
    except OSError as exc:
        raise InputError("Cannot use the lock directory %s (%s); set ASYNCJOBS_LOCK_DIR to a directory of your own"
                         % (path, exc.strerror or exc))
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        raise InputError("The lock directory %s must be a directory owned by the user running Ansible and "
                         "writable by no one else; set ASYNCJOBS_LOCK_DIR to a directory of your own" % path)
    return path


def lock_key(origin, operation, resource):
    """The lock file name for one change: a digest, so names and ids never reach the file system."""
    text = "\n".join([str(origin).rstrip("/").lower(), str(operation), str(resource)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest() + ".lock"


class Held(object):
    """The lock, held: ``release()`` lets it go early (once the job is submitted, before waiting for it).

    A run must not hold it while it waits: a run whose controller died mid-wait may leave its module
    process waiting on, and the re-run must still get the lock, see the job and adopt it.
    """

    def __init__(self, handle):
        self.handle = handle

    def release(self):
        # Closing the descriptor releases the lock; the file stays for the next run.
        if self.handle is not None:
            os.close(self.handle)
            self.handle = None


@contextlib.contextmanager
def submission_lock(ctx, deadline, origin, operation, resource, what, result=None,
                    sleep=time.sleep, clock=time.monotonic):
    """Hold the lock of (origin, operation, resource) for the block.

    Waits at most what is left of ``deadline`` (the task's Deadline). When it had to wait,
    a warning says so and ``result["lock_waited"]`` holds the seconds waited.
    """
    if not HAS_FCNTL:
        yield Held(None)  # no flock here: the after-submission duplicate check still applies
        return
    path = os.path.join(_safe_dir(lock_dir(ctx.environ)), lock_key(origin, operation, resource))
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except OSError as exc:
        raise InputError("Cannot open the lock file %s (%s); set ASYNCJOBS_LOCK_DIR to a directory of your own"
                         % (path, exc.strerror or exc))
    held = None
    try:
        begun = clock()
        delay = FIRST_DELAY
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                left = deadline.remaining()
                if left <= 0:
                    waited = clock() - begun
                    extra = dict(result or {}, lock_waited=round(waited, 3))
                    extra.setdefault("changed", False)
                    raise LockTimeout(
                        "%s: another run on this controller was still looking up or submitting the same change "
                        "after %.1fs (the task's wait_timeout); nothing was submitted. Re-run the task once the "
                        "other run has submitted: it then adopts that run's job" % (what, waited), **extra)
                sleep(min(delay, left))
                delay = min(MAX_DELAY, delay * 2)
        waited = clock() - begun
        if waited >= FIRST_DELAY:
            ctx.warn("%s: waited %.1fs for another run on this controller that was looking up or submitting the "
                     "same change, then looked again" % (what, waited))
            if result is not None:
                result["lock_waited"] = round(waited, 3)
        held = Held(handle)
        yield held
    finally:
        if held is None:
            os.close(handle)
        else:
            held.release()
