# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The jobs lookup over a fake client (the fake_clients fixture): filters, job reads, input
checks before anything is asked, censored errors and messages, unsafe results.

The plugin comes from Ansible's plugin loader, so its options are the documented ones."""

from __future__ import annotations

import base64

import pytest
from ansible.errors import AnsibleLookupError
from ansible.plugins.loader import lookup_loader

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError

import fakes

DEVICE_A = "00000000-00000000-00409DFF-FF000001"
DEVICE_B = "00000000-00000000-00409DFF-FF000002"
PASSWORD = "lookup-s3cret"
ENV_PASSWORD = "env-s3cret-pw"
CONNECTION = dict(url="https://rm.example", username="alice", password=PASSWORD)


def record(job_id, state, operation="send_message", description=None, targets=(), message=None):
    return {"id": job_id, "state": state, "operation": operation, "description": description,
            "target_ids": list(targets), "message": message, "targets": [{"device": d} for d in targets]}


JOBS = [
    record("600001", "succeeded", "update_firmware", targets=[DEVICE_A]),
    record("600002", "failed", "update_firmware", targets=[DEVICE_A, DEVICE_B]),
    record("600003", "failed", "send_message", description="query_setting", targets=[DEVICE_B]),
    record("600004", "running", "send_message", description="query_setting", targets=[DEVICE_A]),
]


def lookup(terms=(), **options):
    return lookup_loader.get("asyncjobs.fleet.jobs").run(list(terms), variables={}, **dict(CONNECTION, **options))


def ids(jobs):
    return [job["id"] for job in jobs]


def test_without_terms_lists_every_job_in_one_listing(fake_clients):
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    assert ids(lookup()) == ["600001", "600002", "600003", "600004"]
    assert [api for api, _params in fake_clients.made] == ["drm"]
    assert fake_clients.made[0][1]["url"] == "https://rm.example" and fake_clients.made[0][1]["password"] == PASSWORD
    assert fake_clients.client.calls == [("list_jobs", (), {"condition": None, "page_size": 1000, "limit": None})]


@pytest.mark.parametrize("filters, expected", [
    ({"state": ["failed"]}, ["600002", "600003"]),
    ({"state": ["failed", "running"]}, ["600002", "600003", "600004"]),
    ({"operation": "update_firmware"}, ["600001", "600002"]),
    ({"operation": "query_setting"}, ["600003", "600004"]),  # the RCI command of a message
    ({"target": DEVICE_B.lower()}, ["600002", "600003"]),  # device ids match whatever their case
    ({"state": ["failed"], "operation": "update_firmware", "target": DEVICE_B}, ["600002"]),
    ({"state": ["canceled"]}, []),
])
def test_filters(fake_clients, filters, expected):
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    assert ids(lookup(**filters)) == expected


def test_api_and_page_size_reach_the_client(fake_clients):
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    lookup(api="powerstore", page_size=50)
    assert fake_clients.made[0][0] == "powerstore"
    assert fake_clients.client.calls == [("list_jobs", (), {"condition": None, "page_size": 50, "limit": None})]


def test_terms_read_each_job_with_its_results(fake_clients):
    results = {"600002": dict(JOBS[1], targets=[{"device": DEVICE_A, "error": "flash failed"}]), "600001": JOBS[0]}
    fake_clients.client = fakes.FakeClient(jobs=JOBS, results=results)
    jobs = lookup(["600002", 600001])
    assert ids(jobs) == ["600002", "600001"]
    assert jobs[0]["targets"] == [{"device": DEVICE_A, "error": "flash failed"}]
    assert fake_clients.client.calls == [("results", ("600002",), {}), ("results", ("600001",), {})]


def test_an_unknown_state_fails_before_any_client_is_made(fake_clients):
    with pytest.raises(AnsibleLookupError, match=r"state must be among .*failed.*, got done, finished"):
        lookup(state=["finished", "failed", "done"])
    assert fake_clients.made == []


@pytest.mark.parametrize("bad", ["600001/../../DeviceCore", "abc", ""])
def test_ids_in_the_wrong_form_fail_before_anything_is_read(fake_clients, bad):
    fake_clients.client = fakes.FakeClient(results={"600001": JOBS[0]})
    with pytest.raises(AnsibleLookupError, match="is not a job id"):
        lookup(["600001", bad])
    assert fake_clients.client.calls == []


@pytest.mark.parametrize("page_size", [0, -1, 10001])
def test_page_size_out_of_range_fails_before_listing(fake_clients, page_size):
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    with pytest.raises(AnsibleLookupError, match="page_size must be a whole number from 1 to 10000, got %d" % page_size):
        lookup(page_size=page_size)
    assert fake_clients.client.calls == []


def test_a_client_error_is_a_lookup_error_without_credentials(fake_clients, monkeypatch):
    monkeypatch.setenv("POWERSTORE_PASSWORD", ENV_PASSWORD)
    basic = base64.b64encode(("alice:" + PASSWORD).encode()).decode()
    echo = "HTTP 401: you sent Authorization: Basic %s (password %s); also tried %s" % (basic, PASSWORD, ENV_PASSWORD)
    fake_clients.client = fakes.FakeClient(error=ApiError(echo, status=401))
    with pytest.raises(AnsibleLookupError) as info:
        lookup()
    message = str(info.value)
    assert message.startswith("asyncjobs.fleet.jobs: HTTP 401: you sent Authorization: Basic ********")
    assert basic not in message and PASSWORD not in message and ENV_PASSWORD not in message


def test_job_messages_quoting_a_credential_are_censored(fake_clients):
    fake_clients.client = fakes.FakeClient(jobs=[record("600001", "unknown", message="reply: user alice pw " + PASSWORD)])
    assert lookup()[0]["message"] == "reply: user alice pw ********"


def test_every_value_is_unsafe_however_deeply_nested(fake_clients):
    hostile = fakes.trusted("{{ lookup('pipe', 'touch /tmp/x') }}")
    job = record("600001", "failed", message=hostile, targets=[DEVICE_A])
    job["targets"] = [{"device": fakes.trusted(DEVICE_A), "results": [{"text": hostile}], hostile: [hostile]}]
    fake_clients.client = fakes.FakeClient(jobs=[job], results={"600001": job})
    assert fakes.templatable_strings([job]), "the fake's values must start out templatable"
    for jobs in (lookup(), lookup(["600001"])):
        assert jobs[0]["targets"][0]["results"][0]["text"] == hostile
        assert fakes.templatable_strings(jobs) == []


@pytest.mark.parametrize("word, expected", [("no", False), ("Off", False), ("yes", True), (False, False), (True, True)])
def test_validate_certs_words(fake_clients, word, expected):
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    lookup(validate_certs=word)
    assert fake_clients.made[0][1]["validate_certs"] is expected


@pytest.mark.parametrize("typo", ["flase", "ture", "disabled"])
def test_a_validate_certs_typo_fails_and_nothing_is_asked(fake_clients, typo):
    # Ansible's own bool reads any unknown word as false: TLS verification must not be
    # turned off by a typo.
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    with pytest.raises(AnsibleLookupError, match="validate_certs must be true or false, got '%s'" % typo):
        lookup(validate_certs=typo)
    assert fake_clients.made == []
