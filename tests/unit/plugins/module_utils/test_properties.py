# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Property-based tests of every API's parsers and state mapping.

Two promises are checked with arbitrary input:

* Parsers never fail with an unexpected exception type. Whatever a server (or a proxy in
  front of it) sends, the result is a normalised job, or the collection's ApiError /
  InputError with a message; never a KeyError or AttributeError that Ansible would print
  as a traceback. This is checked on the pure parsing functions and, end to end, on each
  client's ``poll()`` over a real Transport whose HTTP session answers with the fuzzed body.
* State mapping is total and stable: every input maps to one of the lifecycle states, the
  same input always maps to the same state, vendor words are matched case-insensitively
  where the API says so, and a job is terminal exactly when its state is, or when it is
  ``unknown`` because it finished with an unreadable outcome (then it says why in ``message``).

Example counts are kept small so the whole file runs in a few seconds.
"""

from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as _aiqum
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http import _monitor
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _records
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _client as _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as _powerstore
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _client as _rpc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, FleetError, InputError

import fakes

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLIENT = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- strategies

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10 ** 12, 10 ** 12),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                    max_leaves=12)


def cased(words):
    """Vendor words in random letter case (servers differ; some APIs promise case-insensitivity)."""
    return st.sampled_from(sorted(words)).flatmap(
        lambda w: st.lists(st.booleans(), min_size=len(w), max_size=len(w)).map(
            lambda flips: "".join(c.upper() if f else c.lower() for c, f in zip(w, flips))))


def records(fields, words):
    """Dicts whose keys are mostly the API's own field names, with vendor words or any JSON as values."""
    value = st.one_of(cased(words), JSON)
    return st.dictionaries(st.one_of(st.sampled_from(fields), st.text(max_size=6)), value, max_size=len(fields))


def check_job(record, api):
    assert record["state"] in lc.STATES
    if record["state"] == lc.UNKNOWN and record["terminal"]:
        assert isinstance(record["message"], str) and record["message"]
    else:
        assert record["terminal"] == (record["state"] in lc.TERMINAL)
    assert record["api"] == api
    assert isinstance(record["id"], str)
    progress = record.get("progress")
    assert progress is None or isinstance(progress, (int, float))


def only_collection_errors(func, *args):
    """Call func; any exception must be the collection's ApiError/InputError with a message."""
    try:
        return func(*args)
    except (ApiError, InputError) as exc:
        assert isinstance(exc.msg, str) and exc.msg.strip()
        return None


# ---------------------------------------------------------------- Remote Manager (XML)

XML_NAMES = st.sampled_from(["sci_reply", "send_message", "update_firmware", "device", "error", "desc",
                             "status", "jobId", "Job", "rci_reply", "progress", "result", "a"])
XML_TEXT = st.text(alphabet=string.ascii_letters + string.digits + " <>&;\"'=/!?-[]#%\x00\x01\u00e9\u2603",
                   max_size=12)


@st.composite
def xmlish(draw, depth=3):
    """Text that is often well-formed XML, often nearly so (stray <, &, DTDs, bad nesting)."""
    parts = []
    for _i in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 6))
        if kind <= 2 and depth > 0:
            name = draw(XML_NAMES)
            attrs = "".join(' %s="%s"' % (draw(XML_NAMES), draw(XML_TEXT).replace('"', "")) for _j in
                            range(draw(st.integers(0, 2))))
            close = draw(st.sampled_from([name, name, name, "other"]))
            parts.append("<%s%s>%s</%s>" % (name, attrs, draw(xmlish(depth=depth - 1)), close))
        elif kind == 3:
            parts.append(draw(st.sampled_from(["<!DOCTYPE x>", '<!ENTITY e "x">', "&amp;", "&bogus;",
                                               "<![CDATA[x]]>", "<?xml version='1.0'?>", "<!-- c -->", "<",
                                               "&#0;", "&#x110000;"])))
        else:
            parts.append(draw(XML_TEXT))
    return "".join(parts)


ANY_TEXT = st.one_of(xmlish(), st.text(max_size=80), st.binary(max_size=80))


@FAST
@given(ANY_TEXT)
def test_drm_parse_xml_gives_an_element_or_input_error(text):
    root = only_collection_errors(_sci.parse_xml, text, "reply")
    if root is not None:
        assert isinstance(root.tag, str)


@FAST
@given(xmlish())
def test_drm_parse_xml_refuses_every_dtd(text):
    try:
        _sci.parse_xml(text, "payload")
    except InputError as exc:
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            assert "DTD" in exc.msg or "well-formed" in exc.msg
        return
    assert "<!DOCTYPE" not in text and "<!ENTITY" not in text


@FAST
@given(xmlish(), st.booleans())
def test_drm_job_reply_parsing_is_total(text, with_progress):
    root = only_collection_errors(_sci.parse_xml, "<sci_reply>%s</sci_reply>" % text, "reply")
    if root is not None:
        check_job(_records.job_from_reply("7", root, with_progress=with_progress), "drm")


@FAST
@given(st.one_of(cased(["new", "in_progress", "complete", "canceled", "queued"]),
                 st.text(alphabet=string.ascii_letters + string.digits + "_- ", max_size=10)),
       st.integers(0, 5), st.integers(0, 5))
def test_drm_state_mapping_total_and_stable(status, ok, bad):
    devices = "".join('<device id="d%d"><ok/></device>' % i for i in range(ok)) + "".join(
        '<device id="e%d"><error id="2001"><desc>Device Not Connected</desc></error></device>' % i
        for i in range(bad))
    reply = "<sci_reply><status>%s</status><send_message>%s</send_message></sci_reply>" % (status, devices)
    first = _records.job_from_reply("1", _sci.parse_xml(reply, "r"))
    again = _records.job_from_reply("1", _sci.parse_xml(reply, "r"))
    check_job(first, "drm")
    assert first["state"] == again["state"]
    if status.strip() == "complete" and ok + bad:
        assert first["state"] == lc.outcome_from_counts(ok + bad, ok, bad)
    elif status.strip() == "complete":
        assert first["state"] == lc.UNKNOWN and first["terminal"]
    elif status.strip() not in ("new", "in_progress", "complete", "canceled", "queued"):
        assert first["state"] == lc.UNKNOWN


# ---------------------------------------------------------------- PowerStore (JSON)

PS_FIELDS = ["id", "state", "phase", "progress_percentage", "response_body", "response_status",
             "resource_action", "resource_id", "resource_name", "resource_type", "start_time", "end_time",
             "description_l10n"]
PS_WORDS = list(_powerstore.STATE_MAP) + ["Completed", "Failed", "In_Progress", "BOGUS"]


@FAST
@given(st.one_of(records(PS_FIELDS, PS_WORDS), JSON))
def test_powerstore_job_record_is_total(row):
    record = only_collection_errors(_powerstore.job_record, row)
    if record is not None:
        check_job(record, "powerstore")


@FAST
@given(st.one_of(cased(PS_WORDS), JSON))
def test_powerstore_state_map_total_stable_case_insensitive(raw):
    state = _powerstore.map_state(raw)
    assert state in lc.STATES
    assert state == _powerstore.map_state(raw)
    if isinstance(raw, str):
        assert state == _powerstore.map_state(raw.lower()) == _powerstore.map_state(raw.upper())
        if raw.upper() in _powerstore.STATE_MAP:
            assert state == _powerstore.STATE_MAP[raw.upper()]


@FAST
@given(st.one_of(st.text(max_size=30), JSON))
def test_powerstore_small_parsers_are_total(value):
    span = _powerstore.parse_content_range(value)
    assert span is None or (isinstance(span, tuple) and len(span) == 3 and all(isinstance(n, int) for n in span))
    text = _powerstore.messages_text(value)
    assert text is None or isinstance(text, str)


# ---------------------------------------------------------------- AIQUM (JSON)

AQ_FIELDS = ["key", "name", "state", "status", "message", "task_reports", "job_results", "resource",
             "submit_time", "complete_time", "description"]
AQ_WORDS = set(_aiqum.ACTIVE_WORDS) | set(_aiqum.DONE_WORDS) | set(_aiqum.OUTCOME_WORDS) | {"weird"}
REPORT = records(["name", "state", "status", "message", "description"], AQ_WORDS)


@FAST
@given(st.one_of(records(AQ_FIELDS, AQ_WORDS), JSON),
       st.lists(REPORT, max_size=4), st.booleans())
def test_aiqum_job_from_record_is_total(record, reports, add_reports):
    if add_reports and isinstance(record, dict):
        record = dict(record, task_reports=reports)
    job = only_collection_errors(_aiqum.job_from_record, record)
    if job is not None:
        check_job(job, "aiqum")
        for item in job["items"]:
            assert item["state"] in lc.STATES
            assert item["ok"] is None or isinstance(item["ok"], bool)
        assert job["failed_items"] == [i for i in job["items"] if i["ok"] is False]


@FAST
@given(st.one_of(cased(AQ_WORDS), st.none(), st.text(max_size=10), SCALARS),
       st.one_of(cased(AQ_WORDS), st.none(), st.text(max_size=10), SCALARS))
def test_aiqum_map_state_total_stable_case_insensitive(state, status):
    got = _aiqum.map_state(state, status)
    assert got in lc.STATES
    assert got == _aiqum.map_state(state, status)
    if isinstance(state, str) and isinstance(status, str) and state.isascii() and status.isascii():
        assert got == _aiqum.map_state(state.upper(), status.upper()) == _aiqum.map_state(state.lower(), status.lower())
    word = str(state or "").strip().lower()
    if word in _aiqum.ACTIVE_WORDS:
        assert got == lc.RUNNING  # whatever status says while the job runs


@FAST
@given(st.one_of(st.text(max_size=20), SCALARS, st.from_regex(r"\s*[0-9]{1,6}(\.[0-9]{1,3})?\s*[KkMmGgTtPp]?[Ii]?[Bb]?\s*",
                                                              fullmatch=True)))
def test_aiqum_parse_size_gives_positive_bytes_or_input_error(value):
    size = only_collection_errors(_aiqum.parse_size, value)
    assert size is None or (isinstance(size, int) and size > 0)


@FAST
@given(st.one_of(st.text(max_size=40), SCALARS))
def test_aiqum_name_checks_only_raise_input_error(value):
    for check in (_aiqum.check_name, _aiqum.check_svm):
        try:
            check(value)
        except InputError as exc:
            assert exc.msg
        except ApiError:  # pragma: no cover - would be a wrong error type
            raise AssertionError("input checks must raise InputError")


# ---------------------------------------------------------------- async RPC (JSON)

RPC_PROPS = records(["id", "status", "progress", "name", "client_ref", "submitted", "completed"], ["x"]).map(
    lambda d: d)
ASYNC_JOB = st.one_of(
    RPC_PROPS,
    st.builds(lambda props, typ: {"__type__": typ, "__properties__": props}, st.one_of(RPC_PROPS, JSON),
              st.sampled_from(["AsyncJob", "Error", None, 3])),
    JSON)


@FAST
@given(ASYNC_JOB)
def test_rpc_job_from_async_is_total(obj):
    job = only_collection_errors(_protocol.job_from_async, obj)
    if job is not None:
        check_job(job, "rpc")


@FAST
@given(st.one_of(st.integers(-3, 8), SCALARS))
def test_rpc_status_mapping_total_and_stable(code):
    job = _protocol.job_from_async({"id": 1, "status": code})
    again = _protocol.job_from_async({"id": 1, "status": code})
    check_job(job, "rpc")
    assert job["state"] == again["state"]
    if isinstance(code, int) and not isinstance(code, bool) and code in _protocol.STATUS:
        assert job["state"] == _protocol.STATES[_protocol.STATUS[code]]
    else:
        assert job["state"] == lc.UNKNOWN


@FAST
@given(st.integers(100, 599), JSON)
def test_rpc_error_from_any_body_is_an_api_error(status, body):
    exc = _protocol.error_from(status, body, "storage.Disks.run_smart_test")
    assert isinstance(exc, ApiError) and exc.msg and exc.status == status


@FAST
@given(st.one_of(st.text(max_size=30), SCALARS), JSON, st.one_of(st.integers(), SCALARS))
def test_rpc_input_checks_only_raise_input_error(function, arguments, client_ref):
    for check, arg in ((_protocol.check_function, function), (_protocol.check_arguments, arguments),
                       (_protocol.check_client_ref, client_ref), (_protocol.job_number, function), (_protocol.check_version, function)):
        try:
            check(arg)
        except InputError as exc:
            assert exc.msg


@FAST
@given(st.text(max_size=20), st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,6}", fullmatch=True), JSON, max_size=3))
def test_rpc_derived_client_ref_is_stable_and_31_bit(function, arguments):
    ref = _protocol.derive_client_ref(function, arguments)
    assert ref == _protocol.derive_client_ref(function, json.loads(json.dumps(arguments)))
    assert 0 <= ref < 2 ** 31
    _protocol.check_client_ref(ref)


# ---------------------------------------------------------------- async_request (JSON)

AR_FIELDS = ["status", "state", "done", "completed", "progress", "percentComplete", "error", "result",
             "response", "metadata", "properties"]
AR_WORDS = set(_monitor.DEFAULT_SUCCESS) | set(_monitor.DEFAULT_FAILURE) | set(_monitor.DEFAULT_CANCEL) | set(_monitor.PENDING_WORDS) \
    | set(_monitor.RUNNING_WORDS) | {"ready", "Whatever"}


@FAST
@given(st.sampled_from([200, 201, 202, 204, 400, 404, 409, 422, 500]), st.one_of(records(AR_FIELDS, AR_WORDS), JSON),
       st.sampled_from(["location", "status"]))
def test_async_request_decide_is_total(http_status, body, kind):
    decision = only_collection_errors(_monitor.decide, http_status, body, kind, _monitor.Rules())
    if decision is None:
        return
    assert decision.state in lc.STATES
    assert isinstance(decision.describe(), str)
    if http_status == 202:
        assert not decision.terminal  # 202 means "not yet", whatever the body says
    if http_status >= 400:
        assert decision.state == lc.FAILED


@FAST
@given(st.one_of(cased(AR_WORDS), st.text(max_size=12), st.booleans()), JSON)
def test_async_request_classify_total_stable_case_insensitive(raw, body):
    rules = _monitor.Rules()
    state = rules.classify(raw, body)
    assert state in lc.STATES
    assert state == rules.classify(raw, body)
    if isinstance(raw, str) and raw.isascii():
        assert state == rules.classify(raw.upper(), body) == rules.classify(raw.lower(), body)


@FAST
@given(JSON, st.text(max_size=20))
def test_async_request_field_helpers_are_total(obj, path):
    found, _value = _monitor.get_path(obj, path)
    assert isinstance(found, bool)
    value = _monitor.percent(obj)
    assert value is None or isinstance(value, float)
    assert isinstance(_monitor.error_text(obj), str)


# ---------------------------------------------------------------- every client's poll(), end to end


def fuzz_answer(body, content_type):
    """A session's answer: every request gets the fuzzed body (PowerStore's login a token)."""
    def answer(_method, url, _kw):
        if url.split("?", 1)[0].endswith("/login_session"):
            return fakes.FakeHttpResponse(200, {"DELL-EMC-TOKEN": "t0ken", "Content-Type": "application/json"}, b"[{}]")
        return fakes.FakeHttpResponse(200, {"Content-Type": content_type}, body)
    return answer


def fuzz_client(make, body, content_type):
    transport = _transport.Transport("http://lab.invalid", username="u", password="p", sleep=lambda s: None)
    session = fakes.FakeSession(answer=fuzz_answer(body, content_type))
    session.auth = transport.session.auth
    transport.session = session
    return make(transport)


def assert_poll_total(client, ids, api):
    try:
        found = client.poll(ids)
    except FleetError as exc:
        assert isinstance(exc, (ApiError, InputError, _transport.TransportError))
        assert isinstance(exc.msg, str) and exc.msg.strip()
        return
    for job_id in ids:
        check_job(found[job_id], api)


def json_bytes(value):
    return json.dumps(value).encode()


JSON_BODIES = st.one_of(JSON.map(json_bytes), st.binary(max_size=40),
                        st.sampled_from([b"", b"<html><body>proxy</body></html>", b"{", b"null", b"[]", b"{}"]))


@CLIENT
@given(st.one_of(JSON_BODIES, st.text(max_size=60).map(str.encode), xmlish().map(str.encode)),
       st.sampled_from([["600001"], ["600001", "600002"]]))
def test_drm_poll_over_any_body(body, ids):
    assert_poll_total(fuzz_client(_drm.DrmClient, body, "text/xml"), ids, "drm")


@CLIENT
@given(st.one_of(JSON_BODIES, st.lists(records(PS_FIELDS, PS_WORDS), max_size=3).map(json_bytes)),
       st.sampled_from([["a-1"], ["a-1", "b-2"]]))
def test_powerstore_poll_over_any_body(body, ids):
    assert_poll_total(fuzz_client(_powerstore.PowerStoreClient, body, "application/json"), ids, "powerstore")


@CLIENT
@given(st.one_of(JSON_BODIES, st.builds(lambda rows: {"records": rows, "num_records": len(rows)},
                                        st.lists(records(AQ_FIELDS, AQ_WORDS), max_size=3)).map(json_bytes)),
       st.sampled_from([["k:1"], ["k:1", "k:2"]]))
def test_aiqum_poll_over_any_body(body, ids):
    assert_poll_total(fuzz_client(_aiqum.AiqumClient, body, "application/json"), ids, "aiqum")


@CLIENT
@given(st.one_of(JSON_BODIES,
                 st.builds(lambda job: {"async_job": job}, ASYNC_JOB).map(json_bytes),
                 st.builds(lambda jobs, total: {"async_jobs": {"__type__": "ResultSet", "__total_items__": total,
                                                               "__elements__": jobs}},
                           st.lists(ASYNC_JOB, max_size=3), st.one_of(st.integers(-1, 5), SCALARS)).map(json_bytes)),
       st.sampled_from([["1"], ["1", "2"]]))
def test_rpc_poll_over_any_body(body, ids):
    assert_poll_total(fuzz_client(_rpc.RpcClient, body, "application/json"), ids, "rpc")
