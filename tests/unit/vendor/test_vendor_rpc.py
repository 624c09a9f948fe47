# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recorded NAS OS "NAS API" exchanges (rpc/*.json), read and written by the collection's own code.

No public source shows the seed's job functions (get_job_status, get_jobs_list, <fn>_result), so
the recordings are the service's real conventions: typed objects, ResultSets, ListInfo requests
and errors. Replies are served by a real Transport whose session replays the recording; requests
the collection builds are compared with what real clients send.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

import fakes
import recordings
from recordings import json_shape, shape_differences
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _client as _rpc
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError

RECORDINGS = recordings.load("rpc")
BY_NAME = {r.name: r for r in RECORDINGS}


class Session(object):
    """A requests-like session: each request is recorded and answered by ``answer(path, body)``."""

    def __init__(self, answer):
        self.answer = answer
        self.calls = []
        self.headers = {}

    def request(self, method, url, json=None, **_kw):
        path = urlsplit(url).path
        self.calls.append((method, path, json))
        status, body = self.answer(path, json)
        return fakes.FakeHttpResponse(status, {"Content-Type": "application/json"}, _bytes(body))


def _bytes(body):
    return json.dumps(body).encode("utf-8")


def client(answer, version=None):
    transport = _transport.Transport("https://nas.example", username="admin", password="pw", retries=0)
    transport.session = Session(answer)
    return _rpc.RpcClient(transport, version=version), transport.session


def replaying(rec):
    def answer(path, _body):
        assert path == rec.request["path"]
        return rec.status, rec.body
    return client(answer, rec.expect["version"])


def typed_shape(value):
    """json_shape that keeps the type names of typed objects, so a Dict is not a plain object."""
    if isinstance(value, dict):
        return {k: (v if k in ("__type__", "__sub_type__") else typed_shape(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [typed_shape(v) for v in value]
    return json_shape(value)


def params(kind):
    return [pytest.param(rec, id=rec.name) for rec in RECORDINGS if kind(rec)]


def test_every_recording_is_read_here_and_names_its_source():
    read = {p.id for k in (lambda r: "outputs" in r.expect, lambda r: "list_criteria" in r.expect,
                           lambda r: "status" in r.expect) for p in params(k)}
    assert read == set(BY_NAME)
    assert all(r.source.strip() for r in RECORDINGS)


# ---------------------------------------------------------------- replies: typed objects and ResultSets

@pytest.mark.parametrize("rec", params(lambda r: "outputs" in r.expect))
def test_reply_outputs(rec):
    nas, session = replaying(rec)
    want = rec.expect
    out = nas.call(want["function"], rec.request["body"], read_only=True)
    assert [c[1] for c in session.calls] == [rec.request["path"]] and session.calls[0][2] == rec.request["body"]
    assert sorted(out) == sorted(want["outputs"])
    for name, expected in want["outputs"].items():
        value = out[name]
        if expected["type"] == "ResultSet":
            assert (value["__type__"], value["__sub_type__"], value["__total_items__"]) == (
                "ResultSet", expected["sub_type"], expected["total"])
            props = [_protocol.properties(e, expected["sub_type"], "element") for e in value["__elements__"]]
            assert props == expected["elements"]
        else:
            props = _protocol.properties(value, expected["type"], name)
            assert value["__version__"] == expected["__version__"]
            assert {k: props[k] for k in expected["properties"]} == expected["properties"]


def test_a_typed_object_of_another_type_is_refused():
    rec = BY_NAME["get_infos_general_info_7_0"]
    with pytest.raises(ApiError, match="expected a AsyncJob object, got a GeneralInfo"):
        _protocol.properties(rec.body["infos"], "AsyncJob", "infos")


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("rec", params(lambda r: "status" in r.expect))
def test_error_reply(rec):
    nas, _session = replaying(rec)
    with pytest.raises(ApiError) as info:
        nas.call(rec.expect["function"], rec.request["body"], read_only=True)
    assert info.value.status == rec.expect["status"]
    for text in rec.expect["message_contains"]:
        assert text in info.value.msg


# ---------------------------------------------------------------- requests: the ListInfo real clients send
#
# Real clients differ in which ListInfo properties they send (Seagate's SDK: offset and limit;
# Greenbone: also search_parameters; the extension: also order), so each property the collection
# writes must be written as at least one real client writes it.

LIST_REQUESTS = [r for r in RECORDINGS if "list_criteria" in r.expect]


def real_property_shapes():
    shapes = {}
    for rec in LIST_REQUESTS:
        info = rec.request["body"]["list_info"]
        assert info["__type__"] == "ListInfo"
        for key, value in info["__properties__"].items():
            shapes.setdefault(key, []).append(typed_shape(value))
    return shapes


@pytest.mark.parametrize("rec", params(lambda r: "list_criteria" in r.expect))
def test_list_request_is_written_as_real_clients_write_it(rec):
    """The collection's list_info for this recording's filter, property by property."""
    empty = {"__type__": "ResultSet", "__total_items__": 0, "__sub_type__": "AsyncJob", "__elements__": []}
    nas, session = client(lambda _path, _body: (200, {"async_jobs": empty}))
    nas.list_jobs(rec.expect["list_criteria"] or None)
    (_method, _path, sent), = session.calls
    assert sent["list_info"]["__type__"] == "ListInfo"
    real = real_property_shapes()
    for key, value in sent["list_info"]["__properties__"].items():
        assert key in real, "%s: no real client sends it" % key
        # extra_keys: a real filter may name fields this one does not.
        assert any(shape_differences(typed_shape(value), shape, extra_keys=True) == [] for shape in real[key]), key
    # Arguments beside list_info (real clients send an empty with_parameters List).
    beside = [r.request["body"] for r in LIST_REQUESTS]
    for key, value in sent.items():
        if key != "list_info":
            assert any(typed_shape(value) == typed_shape(body[key]) for body in beside if key in body), key
