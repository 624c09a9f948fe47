# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recorded Remote Manager replies (drm/*.json), read by the collection's own code.

Each reply is served by a real Transport whose HTTP session replays the recording, so the
status handling and parsing are exactly what the modules run; the assertions are what the
recording's source says the reply means (its ``expect``).
"""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

import fakes
import recordings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _records
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _client as _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError

RECORDINGS = recordings.load("drm")
BY_NAME = {r.name: r for r in RECORDINGS}


class ReplaySession(object):
    """A requests-like session answering each request with the next recording, in order."""

    def __init__(self, recs):
        self.queue = list(recs)
        self.calls = []
        self.headers = {}

    def request(self, method, url, params=None, **_kw):
        rec = self.queue.pop(0)
        path = urlsplit(url).path
        self.calls.append((method, path, dict((k, str(v)) for k, v in (params or {}).items())))
        assert (method, path) == (rec.request["method"], rec.request["path"]), rec
        body = rec.text.encode("utf-8")
        return fakes.FakeHttpResponse(rec.status, {"Content-Type": rec.response.get("content_type", "text/xml")}, body)


def replay(*recs):
    transport = _transport.Transport("https://rm.example", username="user", password="pw", retries=0)
    transport.session = ReplaySession(recs)
    return _drm.DrmClient(transport), transport.session


def kind(rec):
    method, path = rec.request["method"], rec.request["path"]
    if path == "/ws/sci":
        return "sci" if method == "POST" else "listing"
    if path.startswith("/ws/sci/"):
        return "job"
    if path == "/ws/DeviceCore":
        return "devicecore_xml" if "xml" in rec.response["content_type"] else "devicecore"
    raise AssertionError("no test reads %s" % rec)


def of(k):
    return [pytest.param(rec, id=rec.name) for rec in RECORDINGS if kind(rec) == k]


def foreign(k):
    """Recordings of operations the collection never sends but whose jobs it reads (started elsewhere)."""
    return [p for p in of(k) if p.values[0].expect.get("operation") not in _sci.OPERATIONS + (None,)]


def at(data, path):
    """A value in xmltodict data by a/b/0/@c path (list indexes as numbers)."""
    for part in path.split("/"):
        data = data[int(part)] if part.isdigit() else data[part]
    return data


def check_devices(actual, expected):
    assert sorted(actual) == sorted(expected)
    for dev_id, want in expected.items():
        got = actual[dev_id]
        assert (got["ok"], got["error_id"], got["error"]) == (want["ok"], want["error_id"], want["error"]), dev_id
        for path, value in (want.get("reply") or {}).items():
            assert at(got["reply"], path) == value, (dev_id, path)


def test_every_recording_is_read_here_and_names_its_source():
    assert len(RECORDINGS) >= 20
    for rec in RECORDINGS:
        kind(rec)
        assert "@" in rec.source or rec.source.startswith("https://doc-remotemanager.digi.com/"), rec


# ---------------------------------------------------------------- SCI replies (POST /ws/sci)

@pytest.mark.parametrize("rec", of("sci"))
def test_sci_reply(rec):
    want = rec.expect
    operation = want["operation"]
    if operation not in _sci.OPERATIONS:
        # Never sent by the collection; the same per-device results come in the jobs of others.
        root = _sci.parse_reply(_transport.Response(rec.status, {}, rec.text.encode(), "https://rm.example/ws/sci"),
                                "SCI reply")
        check_devices(_records.job_from_reply("1", root)["devices"], want["devices"])
        return
    client, session = replay(rec)
    target = next(iter(want.get("devices") or {}), "00000000-00000000-00000000-00000000")
    if "error" in want:
        with pytest.raises(ApiError, match=want["error"]):
            client.sci(operation, [("device", target)], "", {"synchronous": False})
        return
    job_id, op, _root, top_error = client.sci(operation, [("device", target)], "", {"synchronous": False})
    assert len(session.calls) == 1
    assert (job_id, top_error) == (want["job_id"], want["top_error"])
    assert op.tag == operation
    check_devices(_sci.device_results(op), want["devices"])


@pytest.mark.parametrize("rec", foreign("sci"))
def test_sci_reply_of_another_operation_is_recognised(rec):
    root = _sci.parse_xml(rec.text, "reply")
    assert _records.job_from_reply("1", root)["operation"] == rec.expect["operation"]


def test_no_valid_targets_answered_400_names_the_devices():
    """Digi's library serves 'No valid targets' with HTTP 400: a refusal to read, not a transport error."""
    rec = BY_NAME["sci_no_valid_targets"]
    assert rec.status == 400
    client, _session = replay(rec)
    job_id, op, _root, top_error = client.sci("send_message", [("device", "00010000-00000000-03599990-42983300")])
    assert job_id is None and "No valid targets" in top_error
    assert _sci.device_results(op)["00010000-00000000-03599990-42983300"]["error_id"] == "303"


def test_400_without_an_sci_reply_stays_an_http_error():
    # Not a recording: a proxy's page, to show only an sci_reply is read from a 400.
    page = SimpleNamespace(request={"method": "POST", "path": "/ws/sci"}, status=400,
                           text="<html><body>Bad Request</body></html>", response={"content_type": "text/html"})
    client, _session = replay(page)
    with pytest.raises(ApiError, match="HTTP 400"):
        client.sci("send_message", [("device", "00000000-00000000-00000000-00000000")])


# ---------------------------------------------------------------- job status (GET /ws/sci/{id})

@pytest.mark.parametrize("rec", of("job"))
def test_job_status(rec):
    client, _session = replay(rec)
    record = client.get_job(rec.request["path"].rsplit("/", 1)[-1])
    want = rec.expect
    assert (record["state"], record["raw_state"], record["terminal"], record["operation"]) == (
        want["state"], want["raw_state"], want["terminal"], want["operation"])
    check_devices(record["devices"], want["devices"])


# ---------------------------------------------------------------- job listing (GET /ws/sci)

@pytest.mark.parametrize("rec", of("listing"))
def test_job_listing(rec):
    client, session = replay(rec)
    jobs = client.list_jobs()
    assert len(session.calls) == 1  # remainingSize 0: one page
    assert len(jobs) == len(rec.expect["jobs"])
    for got, want in zip(jobs, rec.expect["jobs"]):
        assert {k: got[k] for k in want} == want


def test_listing_payload_without_the_operation_element_tells_another_request():
    """The listing shows the operation's payload only: without targets it cannot prove a job
    is ours (None), but another payload proves it is not (False), so a lost submission is
    never matched to a job that sent other settings."""
    rec = BY_NAME["job_listing_one_complete"]
    stored = _sci.parse_xml(rec.text, "listing").find("Job").findtext("jobRequestPayload")
    assert stored == rec.expect["payload"]
    target = [("device", "00000000-00000000-0004F3FF-00000000")]
    assert _records.same_request(stored, _sci.build_sci("send_message", target, rec.expect["payload"])) is None
    other = '<rci_request version="1.1"><set_setting/></rci_request>'
    assert _records.same_request(stored, _sci.build_sci("send_message", target, other)) is False


# ---------------------------------------------------------------- DeviceCore

@pytest.mark.parametrize("rec", [p for p in of("devicecore") if "page" not in p.id])
def test_devicecore_page(rec):
    client, session = replay(rec)
    devices = client.devices()
    assert len(session.calls) == 1 and rec.expect["remaining"] == 0
    assert len(devices) == len(rec.expect["devices"])
    for got, want in zip(devices, rec.expect["devices"]):
        assert {k: got[k] for k in want} == want


def test_devicecore_paging_follows_remaining_size():
    pages = [BY_NAME["devicecore_page_1_of_2"], BY_NAME["devicecore_page_2_of_2"]]
    assert [p.expect["remaining"] for p in pages] == [1, 0]
    client, session = replay(*pages)
    devices = client.devices(page_size=1)
    assert [call[2] for call in session.calls] == [p.request["params"] for p in pages]
    want = pages[0].expect["devices"] + pages[1].expect["devices"]
    assert [{k: d[k] for k in w} for d, w in zip(devices, want)] == want


@pytest.mark.parametrize("rec", of("devicecore_xml"))
def test_legacy_xml_page_with_an_encoding_declaration(rec):
    """Legacy <result> pages (the job listing's form too) may start with <?xml ... encoding=...?>."""
    root = _sci.parse_reply(_transport.Response(rec.status, {}, rec.text.encode("utf-8"), "https://rm.example"),
                            "DeviceCore page")
    want = rec.expect
    assert (lc.whole_number(root.findtext("remainingSize")), lc.whole_number(root.findtext("resultTotalRows"))) == (
        want["remaining"], want["total"])
    item = root.find(want["item_tag"])
    assert {k: item.findtext(k) for k in want["fields"]} == want["fields"]
