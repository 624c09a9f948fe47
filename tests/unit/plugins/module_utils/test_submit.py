# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pure part of recovering a submission whose reply was lost (_submit, and the DRM
request comparison): time parsing, the server clock, the window, and the decision."""

from __future__ import annotations

import email.utils

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _submit
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._records import same_request
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._sci import build_sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, TransportError

import fakes

T0 = 1704067200.0  # 2024-01-01T00:00:00Z


@pytest.mark.parametrize("text, expected", [
    ("2024-01-01T00:00:00.000Z", (T0, 0.001)),
    ("2024-01-01T00:00:01.5Z", (T0 + 1.5, 0.1)),
    ("2024-01-01T00:00:00+00:00", (T0, 1.0)),
    ("2024-01-01T01:00:00+01:00", (T0, 1.0)),
    ("2023-12-31T19:00:00-05:00", (T0, 1.0)),
    ("2024-01-01 00:00:00", (T0, 1.0)),
    (T0, (T0, 1.0)),
    (int(T0 * 1000), (T0, 0.001)),
    ("yesterday", None), ("", None), (None, None), (True, None),
])
def test_parse_time(text, expected):
    got = _submit.parse_time(text)
    if expected is None:
        assert got is None
    else:
        assert got[0] == pytest.approx(expected[0]) and got[1] == pytest.approx(expected[1])


def date(seconds):
    return email.utils.formatdate(seconds, usegmt=True)


def test_server_clock_offset_is_a_lower_bound_that_tightens():
    # Server 100.3 s ahead. Date headers are truncated to the second and stamped before
    # the reply arrives, so each sample underestimates; the best one is kept.
    offset = 100.3
    samples = [(date(T0 + 0.9 + offset), T0 + 0.9 + 0.01), (date(T0 + 5.35 + offset), T0 + 5.36),
               ("not a date", T0 + 6), (None, T0 + 7)]
    clock = _submit.ServerClock(samples)
    best = clock.offset_lower_bound()
    # T0+101.2 is dated T0+101 and arrived at T0+0.91: 100.09 (the second sample gives 99.64).
    assert best <= offset and best == pytest.approx(101 - 0.91, abs=0.001)
    assert clock.since(T0) == pytest.approx(T0 + best - _submit.EPSILON)
    assert clock.coarse_since(T0) == pytest.approx(clock.since(T0) - _submit.COARSE_MARGIN)


def test_server_clock_without_dates_falls_back_to_a_margin():
    clock = _submit.ServerClock([(None, T0)])
    assert clock.since(T0) is None and clock.coarse_since(T0) is None
    assert clock.window_start(T0) == T0 - _submit.NO_DATE_MARGIN


def job(job_id, submitted=None, completed=None, terminal=False):
    return {"id": job_id, "submitted": submitted, "completed": completed, "terminal": terminal}


@pytest.mark.parametrize("record, ok", [
    (job("new", "2024-01-01T00:00:10.000Z"), True),
    (job("same ms", "2024-01-01T00:00:10.000Z"), True),
    (job("older", "2024-01-01T00:00:09.998Z"), False),
    # Truncated to the second: 00:00:09 may be 09.999, so it may be ours.
    (job("coarse", "2024-01-01T00:00:09+00:00"), True),
    (job("coarse older", "2024-01-01T00:00:08+00:00"), False),
    # Finished before our request left: an older identical job, never ours.
    (job("done before", "2024-01-01T00:00:09+00:00", "2024-01-01T00:00:08+00:00", True), False),
    (job("done after", "2024-01-01T00:00:10.000Z", "2024-01-01T00:00:11.000Z", True), True),
    # No submit time: only a job still running can be ours.
    (job("no time, running"), True),
    (job("no time, finished", terminal=True), False),
])
def test_admits(record, ok):
    assert _submit.admits(record, T0 + 10.0) is ok


def test_select_excludes_known_and_sorts_oldest_first():
    found = _submit.select([job("b", "2024-01-01T00:00:12.000Z"), job("a", "2024-01-01T00:00:11.000Z"),
                            job("old", "2024-01-01T00:00:01.000Z"), job("known", "2024-01-01T00:00:13.000Z"),
                            job("a", "2024-01-01T00:00:11.000Z")], T0 + 10.0, known_ids=["known"])
    assert [j["id"] for j in found] == ["a", "b"]


class Ctx(object):
    def __init__(self):
        self.warnings = []

    def warn(self, msg):
        self.warnings.append(msg)


def lost(sent=None):
    def send():
        raise TransportError("POST /x failed: the server closed the connection without a response", sent=sent)
    return send


def run(send, finds, transport=None, known=(), result=None, changed=False):
    """submit_once with a scripted find (one list per look) at a fixed local clock."""
    transport = transport or fakes.FakeTransport()
    looks = []
    sleeps = []

    def find(hint):
        looks.append(hint)
        # The listing's reply, dated by a server clock an hour ahead of the local one.
        local = T0 + 1.0 + len(looks)
        transport.server_dates.append((date(local + 3600.0), local))
        outcome = finds[min(len(looks), len(finds)) - 1]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    ctx = Ctx()
    out = _submit.submit_once(transport, send, find, ctx, "POST /x", known_ids=known, result=result,
                              changed=changed, searched="x jobs", sleep=sleeps.append, wall=lambda: T0)
    return out, looks, sleeps, ctx


def test_a_reply_that_arrives_is_returned_without_any_lookup():
    result = {"job_ids": []}
    job_id, looks, sleeps, ctx = run(lambda: "42", [[]], result=result)
    assert (job_id, result, looks, sleeps, ctx.warnings) == ("42", {"job_ids": []}, [], [], [])


def test_never_sent_is_not_looked_up_and_raises_as_is():
    with pytest.raises(TransportError) as err:
        run(lost(sent=False), [[]])
    assert not isinstance(err.value, _submit.SubmissionUnknown)


def test_lost_reply_adopts_the_job_on_the_server_clock():
    ours = job("7", _submit.format_time(T0 + 3600.0 + 0.2))
    earlier = job("6", _submit.format_time(T0 + 3600.0 - 1.5))  # an identical job before ours
    result = {"job_ids": ["3"]}
    job_id, looks, sleeps, ctx = run(lost(), [[earlier, ours]], result=result)
    assert job_id == "7" and result == {"job_ids": ["3"], "recovered_job_ids": ["7"]} and sleeps == []
    # No Date was seen before the first look: no server-side time filter.
    assert looks == [None]
    assert len(ctx.warnings) == 1 and "job 7" in ctx.warnings[0] and "not sent again" in ctx.warnings[0]


def test_job_listed_late_is_found_by_the_recheck():
    ours = job("9", _submit.format_time(T0 + 3600.5))
    job_id, looks, sleeps, _ctx = run(lost(), [[], ApiError("GET /jobs returned HTTP 500"), [ours]])
    assert job_id == "9" and sleeps == list(_submit.RECHECK_DELAYS) and len(looks) == 3
    # Later looks filter server-side from a loose server time.
    assert looks[1] == pytest.approx(T0 + 3600.0 - _submit.EPSILON - _submit.COARSE_MARGIN, abs=1.1)


def test_nothing_found_fails_once_with_the_whole_story():
    old = job("5", _submit.format_time(T0 + 3600.0 - 30))
    with pytest.raises(_submit.SubmissionUnknown) as err:
        run(lost(), [[old], [], ApiError("GET /jobs returned HTTP 503")], known=["8"],
            result={"changed": False, "job_ids": ["8"]}, changed=True)
    exc = err.value
    for words in ("POST /x: outcome unknown", "the server closed the connection without a response",
                  "NOT sent again", "No matching job was found (searched x jobs submitted since", "3 times",
                  "the search failed: GET /jobs returned HTTP 503", "Re-running the task is safe"):
        assert words in exc.msg, exc.msg
    assert exc.sent is None and exc.result == {"changed": True, "job_ids": ["8"], "outcome_unknown": True}


def test_known_jobs_are_never_adopted():
    mine_before = job("8", _submit.format_time(T0 + 3600.5))
    with pytest.raises(_submit.SubmissionUnknown):
        run(lost(), [[mine_before]], known=["8"])


# ---------------------------------------------------------------- DRM: is that stored request ours?

RCI = '<rci_request version="1.1"><set_setting><system><contact>x</contact></system></set_setting></rci_request>'
TARGETS = (("device", "00000000-00000000-00409DFF-FF000001"),)


def sent_body(payload=RCI, targets=TARGETS):
    return build_sci("send_message", list(targets), payload, {"reply": "all", "synchronous": False})


def test_same_request_ignores_serialisation_details():
    stored = ('<send_message synchronous="false" reply="all"><targets><device id="00000000-00000000-00409DFF-FF000001"/>'
              '</targets>\n  <rci_request version="1.1"><set_setting><system><contact>x</contact></system>'
              '</set_setting></rci_request></send_message>')
    assert same_request(stored, sent_body()) is True
    # The whole sci_request stored works too.
    assert same_request(sent_body(), sent_body()) is True


@pytest.mark.parametrize("other", [
    sent_body(payload=RCI.replace(">x<", ">y<")),
    sent_body(payload='<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'),
    sent_body(targets=[("device", "00000000-00000000-00409DFF-FF000002")]),
    sent_body(targets=[("tag", "site-a")]),
])
def test_a_different_request_is_not_ours(other):
    assert same_request(other, sent_body()) is False


@pytest.mark.parametrize("stored", [None, "", "   ", "not xml <", "<unrelated/>",
                                    '<!DOCTYPE x [<!ENTITY a "b">]><send_message/>'])
def test_unknown_stored_request_cannot_tell(stored):
    assert same_request(stored, sent_body()) is None
