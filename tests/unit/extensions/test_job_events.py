# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The event source extensions/eda/plugins/event_source/job_events.py, loaded as ansible-rulebook
loads it (runpy, by path, from the installed collection): its options, its loop and how it finds
the collection's engine. tests/integration/test_eda.py runs it under the real ansible-rulebook."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import pathlib
import shutil
import subprocess
import sys

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, TransportError

from fakes_watch import ScriptedClient

COLLECTION = pathlib.Path(list(importlib.util.find_spec("ansible_collections.asyncjobs.fleet").submodule_search_locations)[0])
SOURCE = COLLECTION / "extensions" / "eda" / "plugins" / "event_source" / "job_events.py"
LAB = {"url": "https://drm.example", "username": "admin", "password": "s3cret-Passw0rd"}


@pytest.fixture
def plugin():
    """The plugin's globals (its functions use that very dict). Loaded from its path as ansible-rulebook
    does; not with runpy here, since the collection loader that conftest.py installs claims every path
    on sys.path_hooks (the subprocess tests below use runpy, as ansible-rulebook does)."""
    spec = importlib.util.spec_from_file_location("job_events_under_test", SOURCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


@pytest.fixture
def fake_client(plugin, monkeypatch):
    """Replaces the plugin's make_client: ``fake_client.client`` is handed out, ``made`` records the calls."""
    class Factory(object):
        client = None
        made = []

        def __call__(self, api, params, environ=None):
            self.made.append((api, params))
            return self.client

    factory = Factory()
    monkeypatch.setitem(plugin, "make_client", factory)
    return factory


class Queue(object):
    def __init__(self):
        self.items = []

    async def put(self, item):
        self.items.append(item)


def run(plugin, args, timeout=30):
    queue = Queue()
    asyncio.run(asyncio.wait_for(plugin["main"](queue, args), timeout))
    return queue.items


def job(job_id, state, **extra):
    return lc.job("drm", job_id, state, state, **extra)


@pytest.mark.parametrize("args, message", [
    ({"api": "vmware"}, "api must be one of drm, powerstore, aiqum, rpc, got 'vmware'"),
    ({"operations": "update_firmware"}, "unknown option 'operations'; the options are api, job_ids, "),
    ({"job_ids": []}, "job_ids must name at least one job"),
    ({"job_ids": ["600001", " "]}, "job_ids must not contain empty values"),
    ({"job_ids": [{"id": 1}]}, "job_ids must be a list of strings, got [{'id': 1}]"),
    ({"job_ids": ["600001"], "operation": "update_firmware"},
     "job_ids watches the jobs given; operation, target and include_finished select jobs from the listing instead"),
    ({"state": ["done"]}, "state must be among pending, running, paused, succeeded, partial, failed, canceled, unknown, got done"),
    ({"details": "some"}, "details must be one of all, unsuccessful, none, got 'some'"),
    ({"poll_interval": 0}, "poll_interval must be a positive number of seconds, at most 3600, got 0"),
    ({"poll_interval": "soon"}, "poll_interval must be a positive number of seconds, at most 3600, got 'soon'"),
    ({"page_size": 0}, "page_size must be a whole number from 1 to 10000, got 0"),
    ({"include_finished": "maybe"}, "include_finished must be true or false, got 'maybe'"),
    ({"validate_certs": "flase"}, "validate_certs must be true or false, got 'flase'"),
    ({"operation": ["update_firmware"]}, "operation must be a string, got ['update_firmware']"),
])
def test_bad_options_are_one_clear_error_before_anything_is_made(plugin, fake_client, args, message):
    with pytest.raises(ValueError) as caught:
        run(plugin, dict(LAB, **args))
    assert str(caught.value).startswith("asyncjobs.fleet.job_events: " + message)
    assert fake_client.made == []


def test_a_job_id_in_another_form_is_refused_before_any_request(plugin):
    """The real client and transport: made offline, and the id checked before the first poll."""
    with pytest.raises(ValueError, match=r"^asyncjobs.fleet.job_events: '600001/\.\./x' is not a Remote Manager job id"):
        run(plugin, dict(LAB, job_ids=["600001/../x"]))


@pytest.mark.parametrize("api, prefix", [("drm", "DRM"), ("powerstore", "POWERSTORE"), ("rpc", "RPC")])
def test_connection_from_the_environment_as_the_lookup_does(plugin, api, prefix):
    environ = {prefix + "_URL": "https://manager.example:8443", prefix + "_USERNAME": "u", prefix + "_PASSWORD": "pw-123"}
    watcher, redact = plugin["build_watcher"]({"api": api}, environ)
    assert watcher.client.transport.base_url == "https://manager.example:8443"
    assert redact("echo pw-123") == "echo ********"
    with pytest.raises(ValueError, match="^url is required: set the url option or the %s_URL environment variable$" % prefix):
        plugin["build_watcher"]({"api": api}, {})


def test_options_from_templated_text_and_the_ids_alias(plugin, fake_client):
    fake_client.client = ScriptedClient([])
    args = dict(LAB, ids="600001", poll_interval="0.5", page_size="200", validate_certs="no", eda_feedback_queue=object())
    watcher = plugin["build_watcher"](args)[0]
    assert watcher.watch.ids == ["600001"] and watcher.poll_interval == 0.5 and watcher.page_size == 200
    assert fake_client.made[0][1]["validate_certs"] is False
    args = dict(LAB, operation="update_firmware", include_finished="true", state="failed",
                target="00000000-00000000-00409DFF-FF000001")
    watcher = plugin["build_watcher"](args)[0]
    assert watcher.watch.ids is None and watcher.watch.include_finished is True
    assert watcher.watch.states == {"failed"} and watcher.filters["target"] == "00000000-00000000-00409DFF-FF000001"


def test_given_ids_put_one_event_per_change_and_stop_when_all_have_finished(plugin, fake_client):
    fake_client.client = ScriptedClient([
        [job("600001", "running"), job("600002", "succeeded", detailed=True)],
        [job("600001", "running", progress=50)],
        TransportError("GET job listing failed: connection refused"),
        [job("600001", "failed", detailed=True, failed=2, targets=2, succeeded=0)],
    ])
    events = run(plugin, dict(LAB, job_ids=["600001", "600002"], poll_interval=0.01))
    assert [(e["asyncjobs"]["job"]["id"], e["asyncjobs"]["previous_state"], e["asyncjobs"]["job"]["state"])
            for e in events] == [("600001", None, "running"), ("600002", None, "succeeded"), ("600001", "running", "failed")]
    assert events[-1]["asyncjobs"]["counts"] == {"targets": 2, "succeeded": 0, "failed": 2, "remaining": 0, "errors": {}}
    assert fake_client.client.script == []  # it stopped right after the last job finished


def test_a_transient_failure_is_logged_and_the_source_goes_on(plugin, fake_client, caplog):
    fake_client.client = ScriptedClient([
        ApiError("GET job listing: HTTP 503 service unavailable", status=503),
        [job("600001", "succeeded", detailed=True)],
    ])
    with caplog.at_level(logging.WARNING, logger="asyncjobs.fleet.job_events"):
        events = run(plugin, dict(LAB, job_ids=["600001"], poll_interval=0.01))
    assert len(events) == 1
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "poll round 1 failed (1 in a row); polling again in 0.01s: GET job listing: HTTP 503 service unavailable"]


def test_other_errors_stop_the_source_with_the_message_censored(plugin, fake_client):
    fake_client.client = ScriptedClient([[job("600001", "running")], ApiError(
        "GET job listing: HTTP 401 authentication failed for admin:s3cret-Passw0rd", status=401)])
    with pytest.raises(RuntimeError) as caught:
        run(plugin, dict(LAB, operation="update_firmware", poll_interval=0.01))
    assert str(caught.value) == ("asyncjobs.fleet.job_events: GET job listing: HTTP 401 authentication failed "
                                 "for admin:********")


def test_events_are_censored(plugin, fake_client):
    fake_client.client = ScriptedClient([[job("600001", "succeeded", detailed=True, message="echo s3cret-Passw0rd")]])
    events = run(plugin, dict(LAB, job_ids="600001", poll_interval=0.01))
    assert events[0]["asyncjobs"]["job"]["message"] == "echo ********"


def _load_in_a_clean_python(path, tmp_path):
    """Load ``path`` with runpy in a new interpreter that has no collection on its path, as ansible-rulebook does."""
    code = ("import asyncio, runpy, sys\n"
            "g = runpy.run_path(sys.argv[1])\n"
            "print('IMPORT_ERROR', g['IMPORT_ERROR'] is not None)\n"
            "print('ENGINE', list(sys.modules['ansible_collections.asyncjobs.fleet'].__path__)[0] if g['IMPORT_ERROR'] is None else '-')\n"
            "try:\n"
            "    asyncio.run(g['main'](None, {'url': 'https://drm.example'}))\n"
            "except Exception as exc:\n"
            "    print('ERROR', exc)\n")
    env = {"PATH": "/usr/bin:/bin", "DRM_USERNAME": "", "DRM_PASSWORD": ""}
    proc = subprocess.run([sys.executable, "-I", "-c", code, str(path)], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return dict(line.split(" ", 1) for line in proc.stdout.splitlines())


def test_the_installed_source_finds_its_own_collection(tmp_path):
    out = _load_in_a_clean_python(SOURCE, tmp_path)
    assert out["IMPORT_ERROR"] == "False"
    assert pathlib.Path(out["ENGINE"]).resolve() == COLLECTION.resolve()
    # It got as far as the options: the credentials are missing.
    assert out["ERROR"].startswith("asyncjobs.fleet.job_events: credentials are required")


def test_a_copy_outside_a_collection_says_so(tmp_path):
    copy = tmp_path / "job_events.py"
    shutil.copy(SOURCE, copy)
    out = _load_in_a_clean_python(copy, tmp_path)
    assert out["IMPORT_ERROR"] == "True"
    assert out["ERROR"].startswith("asyncjobs.fleet.job_events: the asyncjobs.fleet collection could not be imported")
