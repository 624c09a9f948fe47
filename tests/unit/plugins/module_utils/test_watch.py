# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""_engine/_watch.py: which job changes are events (JobWatch), and the poll rounds (Watcher)
of the job_events event source over a scripted client."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._watch import (
    JobWatch,
    Watcher,
    counts,
    transient,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import (
    ApiError,
    PagingError,
    TransportError,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor

from fakes_watch import ScriptedClient


def job(job_id, state, terminal=None, **extra):
    extra.setdefault("operation", "update_firmware")
    return lc.job("drm", job_id, state, state.upper(), terminal=terminal, **extra)


def changes_of(events):
    """(id, previous state, state) of each event."""
    return [(e["asyncjobs"]["job"]["id"], e["asyncjobs"]["previous_state"], e["asyncjobs"]["job"]["state"])
            for e in events]


def round_of(watch, jobs, listed=None):
    return changes_of(watch.commit(watch.observe(jobs), listed))


# ---------------------------------------------------------------- JobWatch: the diffing


def test_one_event_per_state_change_and_none_for_progress():
    watch = JobWatch()
    assert round_of(watch, [job("1", "pending")]) == [("1", None, "pending")]
    assert round_of(watch, [job("1", "pending")]) == []
    # Progress and device counts move: no event.
    assert round_of(watch, [job("1", "pending", progress=40, succeeded=2)]) == []
    assert round_of(watch, [job("1", "running", progress=50)]) == [("1", "pending", "running")]
    assert round_of(watch, [job("1", "running", progress=90)]) == []
    assert round_of(watch, [job("1", "partial")]) == [("1", "running", "partial")]


def test_a_terminal_job_is_reported_once():
    watch = JobWatch()
    round_of(watch, [job("1", "running")])
    assert round_of(watch, [job("1", "succeeded")]) == [("1", "running", "succeeded")]
    # Still listed, even with another state (a manager that rewrites history): never again.
    assert round_of(watch, [job("1", "succeeded")]) == []
    assert round_of(watch, [job("1", "failed")]) == []


def test_a_state_skipped_between_rounds_is_one_event_from_the_last_seen():
    watch = JobWatch()
    round_of(watch, [job("1", "pending")])
    assert round_of(watch, [job("1", "failed")]) == [("1", "pending", "failed")]


def test_filters_report_jobs_already_finished_at_the_start_as_history_only():
    watch = JobWatch()
    first = [job("1", "succeeded"), job("2", "running"), job("3", "failed")]
    assert round_of(watch, first) == [("2", None, "running")]
    # A job that appears later is an event from its first sight, finished or not.
    assert round_of(watch, first + [job("4", "canceled"), job("5", "pending")]) == [
        ("4", None, "canceled"), ("5", None, "pending")]
    assert round_of(watch, first + [job("4", "canceled"), job("5", "pending")]) == []


def test_include_finished_reports_the_history_too():
    watch = JobWatch(include_finished=True)
    assert round_of(watch, [job("1", "succeeded"), job("2", "running")]) == [
        ("1", None, "succeeded"), ("2", None, "running")]


def test_a_failed_first_round_does_not_end_the_history():
    """The history is what the first round that succeeds sees (observe alone takes nothing as seen)."""
    watch = JobWatch()
    watch.observe([job("1", "running")])  # a round that failed before commit
    assert round_of(watch, [job("1", "succeeded"), job("2", "running")]) == [("2", None, "running")]


def test_given_ids_are_reported_from_their_first_sight_even_finished():
    watch = JobWatch(ids=["1", "2"])
    assert watch.pending() == ["1", "2"] and not watch.done
    assert round_of(watch, [job("1", "succeeded"), job("2", "running")]) == [
        ("1", None, "succeeded"), ("2", None, "running")]
    assert watch.pending() == ["2"] and not watch.done
    assert round_of(watch, [job("2", "failed")]) == [("2", "running", "failed")]
    assert watch.pending() == [] and watch.done


def test_states_select_the_events_and_previous_state_stays_the_last_seen():
    watch = JobWatch(states=["succeeded", "failed"])
    assert round_of(watch, [job("1", "pending")]) == []
    assert round_of(watch, [job("1", "running")]) == []
    assert round_of(watch, [job("1", "failed")]) == [("1", "running", "failed")]


def test_unknown_turning_terminal_is_a_change():
    """A finished job whose outcome cannot be read keeps the state unknown but becomes terminal."""
    watch = JobWatch()
    round_of(watch, [job("1", "unknown")])
    events = watch.commit(watch.observe([job("1", "unknown", terminal=True)]))
    assert changes_of(events) == [("1", "unknown", "unknown")] and events[0]["asyncjobs"]["job"]["terminal"]
    assert round_of(watch, [job("1", "unknown", terminal=True)]) == []


def test_nothing_is_taken_as_seen_before_commit():
    watch = JobWatch()
    round_of(watch, [job("1", "running")])
    watch.observe([job("1", "succeeded")])
    assert round_of(watch, [job("1", "succeeded")]) == [("1", "running", "succeeded")]


def test_a_job_that_leaves_the_listing_is_forgotten():
    watch = JobWatch()
    round_of(watch, [job("1", "running"), job("2", "running")], listed={"1", "2"})
    round_of(watch, [job("2", "succeeded")], listed={"2"})
    assert watch.forgotten == ["1"] and "1" not in watch.last
    # A finished job no longer listed is dropped too (its id cannot come back): memory stays bounded.
    round_of(watch, [], listed=set())
    assert watch.finished == set() and watch.last == {}


# ---------------------------------------------------------------- counts


def test_counts_from_per_device_results():
    record = job("1", "partial", targets=3, succeeded=2, failed=1, devices={
        "a": {"ok": True, "error": None, "error_id": None},
        "b": {"ok": False, "error": "image rejected", "error_id": "2105"},
        "c": {"ok": False, "error": "image rejected", "error_id": "2105"},
    })
    assert counts(record) == {"targets": 3, "succeeded": 1, "failed": 2, "remaining": 0,
                              "errors": {"image rejected (2105)": 2}}


def test_counts_from_a_poll_and_unknown_counts():
    assert counts(job("1", "running", targets=5, succeeded=1, failed=1)) == {
        "targets": 5, "succeeded": 1, "failed": 1, "remaining": 3, "errors": {}}
    assert counts(job("1", "running")) == {
        "targets": None, "succeeded": None, "failed": None, "remaining": None, "errors": {}}


# ---------------------------------------------------------------- transient or not


@pytest.mark.parametrize("exc, expected", [
    (TransportError("connection refused"), True),
    (ApiError("server error", status=500), True),
    (ApiError("service unavailable", status=503), True),
    (ApiError("throttled", status=429), True),
    (ApiError("request timeout", status=408), True),
    (ApiError("garbled reply"), True),
    (ApiError("authentication failed", status=401), False),
    (ApiError("permission denied", status=403), False),
    (ApiError("not found", status=404), False),
    (PagingError("the listing does not page"), False),
])
def test_transient(exc, expected):
    assert transient(exc) is expected


# ---------------------------------------------------------------- Watcher over a scripted client

def watcher(client, watch=None, **options):
    logged = []
    options.setdefault("poll_interval", 2.0)
    return Watcher(client, watch or JobWatch(), log=logged.append, **options), logged


def detailed(job_id, state):
    return job(job_id, state, detailed=True, devices={"a": {"ok": state == "succeeded", "error": None, "error_id": None}})


def test_filters_read_the_listing_once_per_round_and_each_finished_job_once():
    client = ScriptedClient([
        [job("1", "running"), job("2", "running", operation="send_message")],
        [job("1", "running"), job("2", "succeeded", operation="send_message")],
        [job("1", "succeeded"), job("2", "succeeded", operation="send_message")],
        [job("1", "succeeded")],
    ], results={"1": detailed("1", "succeeded")})
    w, logged = watcher(client, operation="update_firmware", page_size=500)
    seen = []
    for round_number in range(4):
        events, delay = w.step()
        assert delay == 2.0
        seen.append(changes_of(events))
    assert seen == [[("1", None, "running")], [], [("1", "running", "succeeded")], []]
    assert [c[0] for c in client.calls] == ["list_jobs", "list_jobs", "list_jobs", "results", "list_jobs"]
    assert client.calls[0][2] == {"page_size": 500}
    assert logged == []


@pytest.mark.parametrize("details, state, reads", [
    ("all", "succeeded", 1), ("unsuccessful", "succeeded", 0), ("unsuccessful", "failed", 1), ("none", "failed", 0)])
def test_details_say_which_finished_jobs_are_read_in_full(details, state, reads):
    client = ScriptedClient([[job("1", "running")], [job("1", state)]], results={"1": detailed("1", state)})
    w = watcher(client, details=details)[0]
    w.step()
    events = w.step()[0]
    assert [c[0] for c in client.calls].count("results") == reads
    assert events[0]["asyncjobs"]["job"].get("detailed", False) is bool(reads)


def test_a_record_already_detailed_and_history_are_not_read_again():
    client = ScriptedClient([[job("9", "failed")], [job("9", "failed"), detailed("1", "failed")]])
    w = watcher(client)[0]
    w.step()
    events = w.step()[0]
    assert changes_of(events) == [("1", None, "failed")]
    assert [c[0] for c in client.calls] == ["list_jobs", "list_jobs"]


def test_given_ids_are_polled_in_one_batch_only_while_pending():
    client = ScriptedClient([
        [job("1", "running"), job("2", "running")],
        [job("1", "succeeded"), job("2", "running")],
        [job("2", "failed")],
    ], results={"1": detailed("1", "succeeded"), "2": detailed("2", "failed")})
    watch = JobWatch(ids=["1", "2"])
    w = watcher(client, watch)[0]
    seen = [changes_of(w.step()[0]), changes_of(w.step()[0]), changes_of(w.step()[0])]
    assert seen == [[("1", None, "running"), ("2", None, "running")], [("1", "running", "succeeded")],
                    [("2", "running", "failed")]]
    assert [c[1][0] for c in client.calls if c[0] == "poll"] == [["1", "2"], ["1", "2"], ["2"]]
    assert watch.done
    # Nothing left to ask: no poll of an empty id list (a listing "jobId in ()" is an error).
    assert w.step() == ([], 2.0) and len(client.calls) == 5


@pytest.mark.parametrize("error", [TransportError("connection refused"), ApiError("service unavailable", status=503)])
def test_a_transient_failure_is_logged_and_the_change_comes_next_round(error):
    client = ScriptedClient([[job("1", "running")], error, [job("1", "succeeded")]],
                            results={"1": detailed("1", "succeeded")})
    w, logged = watcher(client)
    w.step()
    assert w.step() == ([], 2.0)
    assert logged == ["poll round 2 failed (1 in a row); polling again in 2.0s: %s" % error.msg]
    events = w.step()[0]
    assert changes_of(events) == [("1", "running", "succeeded")] and w.failures == 0


def test_a_results_read_that_fails_transiently_fails_the_round_and_is_read_again():
    client = ScriptedClient([[job("1", "running")], [job("1", "failed")], [job("1", "failed")]],
                            results={"1": ApiError("bad gateway", status=502)})
    w, logged = watcher(client)
    w.step()
    assert w.step()[0] == [] and len(logged) == 1
    client.results_by_id["1"] = detailed("1", "failed")
    events = w.step()[0]
    assert changes_of(events) == [("1", "running", "failed")] and events[0]["asyncjobs"]["job"]["detailed"]


def test_results_that_cannot_be_read_leave_the_event_as_polled():
    client = ScriptedClient([[job("1", "running")], [job("1", "failed", failed=3)]],
                            results={"1": ApiError("Remote Manager job 1 was not found", status=404)})
    w, logged = watcher(client)
    w.step()
    events = w.step()[0]
    assert changes_of(events) == [("1", "running", "failed")] and events[0]["asyncjobs"]["job"]["failed"] == 3
    assert logged == ["job 1: its results could not be read, so its event carries the job as polled: "
                      "Remote Manager job 1 was not found"]


def test_retry_after_sets_a_longer_pause_only():
    client = ScriptedClient([[job("1", "running")], [job("1", "running")], [job("1", "running")]])
    w = watcher(client)[0]
    client.retry_after = 30
    assert w.step()[1] == 30.0
    client.retry_after = 1
    assert w.step()[1] == 2.0
    throttled = ApiError("throttled", status=429)
    throttled.retry_after = 45.0
    client.script.insert(0, throttled)
    assert w.step() == ([], 45.0)


@pytest.mark.parametrize("error", [ApiError("authentication failed", status=401), PagingError("does not page")])
def test_other_errors_end_the_watch(error):
    w = watcher(ScriptedClient([error]))[0]
    with pytest.raises(type(error)):
        w.step()


def test_listed_ids_not_in_the_api_form_are_skipped_once_with_a_log():
    client = ScriptedClient([[job("1) or (jobId>0", "running"), job("2", "running")]] * 2)
    w, logged = watcher(client)
    assert changes_of(w.step()[0]) == [("2", None, "running")]
    w.step()
    assert logged == ["The job listing named job id '1) or (jobId>0', which is not a job id; that job is not watched"]


def test_events_go_through_the_redactor():
    client = ScriptedClient([[job("1", "running", message="echo of s3cret-pass")]])
    w = watcher(client, redact=Redactor(["s3cret-pass"]).data)[0]
    events = w.step()[0]
    assert events[0]["asyncjobs"]["job"]["message"] == "echo of ********"
