# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""asyncjobs.fleet.job_events: an ansible-rulebook event source for the jobs of a manager.

Watches jobs of Digi Remote Manager, Dell PowerStore, NetApp AIQUM or the async RPC service,
given by id or found by filters, with the collection's batched polls, and puts one event on
the queue per change of a job's state (its first sight included) and so one per finished job:

.. code-block:: yaml

   asyncjobs:
     job: {id, api, state, raw_state, terminal, progress, message, operation, targets,
           succeeded, failed, submitted, completed, ...}   # the normalised job, as the
                                                            # asyncjobs.fleet.jobs lookup returns it
     previous_state: running      # null at a job's first sight
     counts: {targets: 3, succeeded: 2, failed: 1, remaining: 0,
              errors: {"Firmware update failed: image rejected by device (2105)": 1}}

Options and examples are in DOCUMENTATION and EXAMPLES below; the guide is the collection's
"Event-Driven Ansible" page (docs/docsite/rst/event_driven.rst).
"""

from __future__ import annotations

import asyncio
import logging
import os
import pathlib
import sys

DOCUMENTATION = r"""
---
short_description: Events for the asynchronous jobs of a device or storage manager.
description:
  - An ansible-rulebook event source plugin that watches the jobs of Digi Remote Manager (V(drm)), Dell PowerStore
    (V(powerstore)), NetApp AIQUM (V(aiqum)) or the async RPC service (V(rpc)), and puts one event on the queue per
    change of a job's normalised state, the first sight of a job included, so one event per finished job.
  - With O(job_ids), polls those jobs as C(asyncjobs.fleet.job_wait) does (one request per round for many jobs where
    the API can list them by id) and stops once all of them have finished.
  - Without O(job_ids), reads the job listing as the C(asyncjobs.fleet.jobs) lookup does (one request per O(page_size)
    jobs per round), keeps the jobs that match O(operation) and O(target), and runs until it is stopped. Jobs that
    appear later are watched from their first sight. Jobs that had already finished at the first round are not
    reported unless O(include_finished=true).
  - A finished job is reported once, with its per-device results read once (O(details)).
  - Each event is C({"asyncjobs": {"job": <normalised job>, "previous_state": <state or null>, "counts": {"targets",
    "succeeded", "failed", "remaining", "errors"}}}). Every value comes from the manager; only C(job.id) (checked
    against the API's id form) and C(job.api) are safe to use in a template.
  - A poll round that fails on a transient fault (no answer, 5xx, 429, 408) gets the transport's bounded retries,
    is logged, and the next round comes after O(poll_interval) (or the server's longer C(Retry-After)). Other errors
    (401, 403, an unknown job id, a listing that does not page) stop the source with their message.
  - Uses the same connection options and C(<PREFIX>_*) environment variables as the collection's modules (for
    example C(DRM_URL), C(DRM_USERNAME), C(DRM_PASSWORD)). Needs the Python library C(requests), and C(xmltodict)
    for V(drm).
options:
  api:
    description: Which manager to watch.
    type: str
    default: drm
    choices: [drm, powerstore, aiqum, rpc]
  job_ids:
    description:
      - Watch these jobs, and stop once all of them have finished. Each is reported from its first sight, even when
        it has already finished.
      - Cannot be combined with O(operation), O(target) or O(include_finished).
    type: list
    elements: str
    aliases: [ids]
  operation:
    description: Without O(job_ids), only jobs of this operation, for example V(update_firmware).
    type: str
  target:
    description: Without O(job_ids), only jobs addressing this device id (Remote Manager).
    type: str
  state:
    description:
      - Only changes to these states are events, for example V([succeeded, partial, failed, canceled]).
      - The other changes are still followed, so C(previous_state) is the state seen last.
    type: list
    elements: str
    choices: [pending, running, paused, succeeded, partial, failed, canceled, unknown]
  include_finished:
    description: Without O(job_ids), also report the jobs that had already finished when the source started.
    type: bool
    default: false
  poll_interval:
    description: Seconds between poll rounds, more than 0 and at most 3600.
    type: float
    default: 15
  details:
    description:
      - Which finished jobs are read once more in full (per-device results, C(job.devices) for Remote Manager),
        as C(asyncjobs.fleet.job_wait) does. V(none) sends no extra request.
    type: str
    default: all
    choices: [all, unsuccessful, none]
  page_size:
    description: Jobs per listing request (without O(job_ids)), from 1 to 10000.
    type: int
    default: 1000
  url:
    description: Base URL of the manager. Default from C(<PREFIX>_URL) (C(DRM_URL), C(POWERSTORE_URL)...).
    type: str
  username:
    description: User name. Default from C(<PREFIX>_USERNAME).
    type: str
  password:
    description: Password. Default from C(<PREFIX>_PASSWORD).
    type: str
  api_key_id:
    description: Remote Manager API key id (with O(api_key_secret)). Default from C(<PREFIX>_API_KEY_ID).
    type: str
  api_key_secret:
    description: Remote Manager API key secret. Default from C(<PREFIX>_API_KEY_SECRET).
    type: str
  validate_certs:
    description: Verify the server's TLS certificate. Default from C(<PREFIX>_VALIDATE_CERTS), else V(true).
    type: bool
  ca_path:
    description: PEM bundle of the CA that signs the server's certificate. Default from C(<PREFIX>_CA_PATH).
    type: str
  timeout:
    description: Seconds per request. Default from C(<PREFIX>_TIMEOUT), else 30.
    type: float
"""

EXAMPLES = r"""
- asyncjobs.fleet.job_events:
    api: drm
    operation: update_firmware
    poll_interval: 30

- asyncjobs.fleet.job_events:
    api: powerstore
    url: https://powerstore.example.com
    job_ids: ["4f2c9f1e-6a3b-4b2a-9d0e-1b2c3d4e5f60"]
    state: [succeeded, failed]
"""

LOG = logging.getLogger("asyncjobs.fleet.job_events")
NAME = "asyncjobs.fleet.job_events"


def _collection_root():
    """The directory holding ``ansible_collections`` that this file is installed under, or None.

    ansible-rulebook runs a source by its path (runpy), without the collection on sys.path.
    """
    here = pathlib.Path(__file__).resolve()
    for parent in here.parents:
        if parent.name == "ansible_collections" and (parent / "asyncjobs" / "fleet").is_dir():
            return str(parent.parent)
    return None


_ROOT = _collection_root()
# First on the path, so the engine imported is the one of this copy of the collection.
if _ROOT is not None and _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

try:
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._connect import make_client
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._registry import APIS
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import check_number
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import (
        CONNECTION_OPTIONS,
        TaskEnviron,
        parse_bool,
        secret_values,
    )
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._jobs import checked_ids, job_ids_param
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._watch import DETAILS, JobWatch, Watcher
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor
except ImportError as _exc:  # pragma: no cover - a copy outside an installed collection
    IMPORT_ERROR = _exc
else:
    IMPORT_ERROR = None

OPTIONS = ("api", "job_ids", "operation", "target", "state", "include_finished", "poll_interval", "details",
           "page_size") + (CONNECTION_OPTIONS if IMPORT_ERROR is None else ())
ALIASES = {"ids": "job_ids"}
DEFAULTS = {"api": "drm", "include_finished": False, "poll_interval": 15.0, "details": "all", "page_size": 1000}
TEXT_OPTIONS = ("operation", "target", "url", "username", "password", "api_key_id", "api_key_secret", "ca_path")


def _strings(name, value):
    """A list option: a list of scalars, or one scalar (a single id or state)."""
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return [str(v) for v in value]
    raise ValueError("%s must be a list of strings, got %r" % (name, value))


def _number(name, value, kind=float):
    """A number option; text from a templated variable (``"{{ interval }}"``) is read as one."""
    if isinstance(value, str):
        try:
            value = kind(value.strip())
        except ValueError:
            pass
    if kind is int and isinstance(value, float) and value.is_integer():
        value = int(value)
    return check_number(name, value)


def _bool(name, value):
    return value if isinstance(value, bool) else parse_bool(name, value)


def parse_args(args):
    """The source's options, checked offline; ValueError naming the option and what it allows."""
    if IMPORT_ERROR is not None:
        raise ValueError("the asyncjobs.fleet collection could not be imported (%s): run this source from the "
                         "installed collection (ansible-galaxy collection install asyncjobs.fleet)" % IMPORT_ERROR)
    if not isinstance(args, dict):
        raise ValueError("the source's arguments must be a mapping, got %r" % (args,))
    params = dict(DEFAULTS)
    for key, value in args.items():
        name = ALIASES.get(key, key)
        if name in OPTIONS:
            if value is not None:
                params[name] = value
        elif not str(key).startswith("eda_"):  # ansible-rulebook's own arguments (eda_feedback_queue)
            raise ValueError("unknown option %r; the options are %s" % (key, ", ".join(OPTIONS)))
    try:
        if params["api"] not in APIS:
            raise ValueError("api must be one of %s, got %r" % (", ".join(APIS), params["api"]))
        params["job_ids"] = job_ids_param(_strings("job_ids", params.get("job_ids"))) \
            if params.get("job_ids") is not None else None
        params["state"] = _strings("state", params.get("state"))
        bad = set(params["state"] or []) - set(lc.STATES)
        if bad:
            raise ValueError("state must be among %s, got %s" % (", ".join(lc.STATES), ", ".join(sorted(bad))))
        if params["details"] not in DETAILS:
            raise ValueError("details must be one of %s, got %r" % (", ".join(DETAILS), params["details"]))
        for name in TEXT_OPTIONS:
            if params.get(name) is not None and not isinstance(params[name], str):
                raise ValueError("%s must be a string, got %r" % (name, params[name]))
        if params["job_ids"] is not None and (params.get("operation") or params.get("target") or
                                              _bool("include_finished", params["include_finished"])):
            raise ValueError("job_ids watches the jobs given; operation, target and include_finished select jobs "
                             "from the listing instead: use one or the other")
        params["include_finished"] = _bool("include_finished", params["include_finished"])
        params["poll_interval"] = _number("poll_interval", params["poll_interval"])
        params["page_size"] = _number("page_size", params["page_size"], int)
        if params.get("timeout") is not None:
            params["timeout"] = _number("timeout", params["timeout"])
        if params.get("validate_certs") is not None:
            params["validate_certs"] = _bool("validate_certs", params["validate_certs"])
    except FleetError as exc:
        raise ValueError(exc.msg)
    return params


def build_watcher(args, environ=None, log=None):
    """A Watcher for ``args``: options checked, credentials resolved, job ids checked, nothing sent.

    Returns ``(watcher, redact)``; ``redact`` censors the credentials in a message.
    """
    params = parse_args(args)
    # The api is an option, so its <PREFIX>_* fallbacks are read here, once (as the jobs lookup does).
    environ = TaskEnviron(os.environ if environ is None else environ)
    redactor = Redactor(secret_values(params, environ))
    try:
        client = make_client(params["api"], {k: params.get(k) for k in CONNECTION_OPTIONS}, environ)
        ids = checked_ids(client, params["job_ids"]) if params["job_ids"] is not None else None
    except FleetError as exc:
        raise ValueError(redactor(exc.msg))
    watch = JobWatch(ids=ids, states=params["state"], include_finished=params["include_finished"])
    watcher = Watcher(client, watch, params["poll_interval"], operation=params.get("operation"),
                      target=params.get("target"), details=params["details"], page_size=params["page_size"],
                      redact=redactor.data, log=lambda msg: (log or LOG.warning)(redactor(msg)))
    return watcher, redactor


async def main(queue: asyncio.Queue, args: dict):
    """Put one event per observed job state change on ``queue`` (see DOCUMENTATION)."""
    try:
        watcher, redact = build_watcher(args)
    except ValueError as exc:
        # ansible-rulebook prints the exception's type and text, and stops.
        raise ValueError("%s: %s" % (NAME, exc)) from None
    what = ("jobs %s" % ", ".join(watcher.watch.ids)) if watcher.watch.ids is not None else "the job listing"
    LOG.info("%s: watching %s every %ss", NAME, what, watcher.poll_interval)
    while True:
        try:
            # Blocking HTTP: in a thread, so the rulebook's other sources and rules go on.
            events, delay = await asyncio.to_thread(watcher.step)
        except FleetError as exc:
            raise RuntimeError("%s: %s" % (NAME, redact(exc.msg))) from None
        for item in events:
            await queue.put(item)
        if watcher.watch.done:
            LOG.info("%s: every watched job has finished; the source stops", NAME)
            return
        await asyncio.sleep(delay)


if __name__ == "__main__":
    # Run by hand: print the events (arguments as JSON, e.g. '{"api": "drm", "operation": "update_firmware"}').
    import json

    class MockQueue(asyncio.Queue):
        async def put(self, item):
            print(json.dumps(item, sort_keys=True))

    logging.basicConfig(level=logging.INFO)
    asyncio.run(main(MockQueue(), json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}))
