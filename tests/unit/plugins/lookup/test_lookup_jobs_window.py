# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The jobs lookup's submitted_after / submitted_before filters and results=false, through
Ansible's plugin loader (so the options are the documented ones) over a fake client."""

from __future__ import annotations

import pytest
from ansible.errors import AnsibleLookupError
from ansible.plugins.loader import lookup_loader

import fakes

CONNECTION = dict(url="https://rm.example", username="alice", password="lookup-s3cret")


def record(job_id, submitted, operation="update_firmware"):
    return {"id": job_id, "state": "succeeded", "operation": operation, "description": None, "target_ids": [],
            "message": None, "submitted": submitted}


JOBS = [
    record("600001", "2026-03-01T07:59:59.000Z"),
    record("600002", "2026-03-01T08:00:00.000Z"),
    record("600003", "2026-03-01T08:59:59.999Z", operation="send_message"),
    record("600004", "2026-03-01T09:00:00.000Z"),
]


class NarrowingClient(fakes.FakeClient):
    """A fake whose listing can filter on submission time (and ignores it), and reads by id."""

    @staticmethod
    def submitted_condition(after, before):
        return "after=%s before=%s" % (after, before)

    def list_by_id(self, ids):
        self._read("list_by_id", list(ids))
        return {j["id"]: dict(j) for j in self.jobs if j["id"] in ids}


def lookup(terms=(), **options):
    return lookup_loader.get("asyncjobs.fleet.jobs").run(list(terms), variables={}, **dict(CONNECTION, **options))


@pytest.mark.parametrize("window, expected", [
    ({"submitted_after": "2026-03-01T08:00:00Z"}, ["600002", "600003", "600004"]),
    ({"submitted_before": "2026-03-01T10:00:00+01:00"}, ["600001", "600002", "600003"]),
    ({"submitted_after": "2026-03-01T08:00:00Z", "submitted_before": "2026-03-01T09:00:00Z"}, ["600002", "600003"]),
])
def test_the_window_filters_the_listing(fake_clients, window, expected):
    fake_clients.client = fakes.FakeClient(jobs=JOBS)
    assert [j["id"] for j in lookup(**window)] == expected
    # This client cannot filter on the server: the whole listing, filtered here.
    assert fake_clients.client.calls == [("list_jobs", (), {"condition": None, "page_size": 1000, "limit": None})]


def test_a_client_that_can_filter_gets_the_window(fake_clients):
    fake_clients.client = NarrowingClient(jobs=JOBS)
    jobs = lookup(operation="update_firmware", submitted_after="2026-03-01T08:00:00Z",
                  submitted_before="2026-03-01T09:00:00Z", page_size=10)
    assert [j["id"] for j in jobs] == ["600002"]
    assert fake_clients.client.calls == [("list_jobs", (), {
        "condition": "after=1772351999.0 before=1772355601.0", "page_size": 10, "limit": None})]


@pytest.mark.parametrize("window, message", [
    ({"submitted_after": "2026-03-01T08:00:00"},
     "asyncjobs.fleet.jobs: submitted_after must be an ISO 8601 date and time with a UTC offset or Z, such as "
     "2026-03-01T08:00:00Z or 2026-03-01T09:00:00+01:00, got '2026-03-01T08:00:00'"),
    ({"submitted_before": "last week"},
     "asyncjobs.fleet.jobs: submitted_before must be an ISO 8601 date and time with a UTC offset or Z, such as "
     "2026-03-01T08:00:00Z or 2026-03-01T09:00:00+01:00, got 'last week'"),
    ({"submitted_after": "2026-03-01T09:00:00Z", "submitted_before": "2026-03-01T08:00:00Z"},
     "asyncjobs.fleet.jobs: submitted_after (2026-03-01T09:00:00Z) must be earlier than submitted_before "
     "(2026-03-01T08:00:00Z)"),
])
def test_a_bad_window_fails_before_any_client_is_made(fake_clients, window, message):
    with pytest.raises(AnsibleLookupError) as info:
        lookup(**window)
    assert str(info.value) == message
    assert fake_clients.made == []


def test_results_false_reads_terms_from_the_listing(fake_clients):
    fake_clients.client = NarrowingClient(jobs=JOBS)
    jobs = lookup(["600004", 600002], results=False)
    assert [(j["id"], j["submitted"]) for j in jobs] == [("600004", "2026-03-01T09:00:00.000Z"),
                                                         ("600002", "2026-03-01T08:00:00.000Z")]
    assert fake_clients.client.calls == [("list_by_id", (["600004", "600002"],), {})]
    assert fakes.templatable_strings(jobs) == []


def test_results_true_is_the_default_read_of_each_job(fake_clients):
    fake_clients.client = NarrowingClient(jobs=JOBS, results={"600002": JOBS[1]})
    lookup(["600002"])
    assert fake_clients.client.calls == [("results", ("600002",), {})]


def test_results_false_checks_ids_before_reading(fake_clients):
    fake_clients.client = NarrowingClient(jobs=JOBS)
    with pytest.raises(AnsibleLookupError, match="is not a job id"):
        lookup(["600002", "600002/../x"], results=False)
    assert fake_clients.client.calls == []
