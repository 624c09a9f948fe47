# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recorded NetApp Active IQ Unified Manager replies (aiqum/*.json), read by the collection's code.

Each reply is served to the real AiqumClient over a real Transport whose HTTP session replays
it, and is also read by the parsing functions directly (job_from_record, the file share helpers
of _ops_aiqum). The assertions are what the recording's source says the reply means.

``expect.kind``: ``job`` (a job object: ``job_results`` by name, ``target_ids`` it must name,
``state``/``terminal``, ``self_key`` = the job key its self link names) and ``file_share``
(``describe`` = the share as the module compares and reports it, ``key``, ``svm_key``).

The public AIQUM sources print job objects only in part (the provisioning guide shows the end
of each job, from ``job_results`` on); no complete job object with its state and status was
found, so none is recorded here.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

import fakes
import recordings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as aq
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _file_share as ops
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport

RECORDINGS = recordings.load("aiqum")
BY_KIND = {}
for _rec in RECORDINGS:
    BY_KIND.setdefault(_rec.expect["kind"], []).append(_rec)


def of_kind(kind):
    found = BY_KIND.get(kind, [])
    return pytest.mark.parametrize("rec", found, ids=recordings.ids(found))


def same_resource(path):
    """A path as the server resolves it: unversioned paths are the newest version (AIQUM docs),
    and a percent-encoded ':' in a key is the ':' itself."""
    return unquote(path).replace("/api/v2/", "/api/", 1)


def replaying(rec):
    transport = _transport.Transport("https://aiqum.example", username="admin", password="pw", retries=0)
    sent = []

    def request(method, url, params=None, **_kw):
        path = urlsplit(url).path
        sent.append((method, path, dict(params or {})))
        assert len(sent) == 1, "the client sent more than the recorded request: %r" % sent
        assert (method, same_resource(path)) == (rec.request["method"], same_resource(rec.request["path"])), sent
        headers = {"Content-Type": rec.response.get("content_type", "application/json")}
        return fakes.FakeHttpResponse(rec.status, headers, rec.text.encode("utf-8"))

    transport.session.request = request
    return aq.AiqumClient(transport), sent


def test_every_recording_has_a_known_kind_and_a_netapp_source():
    assert RECORDINGS, "no AIQUM recordings"
    assert set(BY_KIND) <= {"job", "file_share"}, BY_KIND
    for rec in RECORDINGS:
        assert rec.source.startswith("NetAppDocs/active-iq-unified-manager@"), rec


def check_job(job, expect):
    assert job["job_results"] == expect["job_results"]
    for target in expect["target_ids"]:
        assert target in job["target_ids"]
    assert job["state"] == expect["state"] and job["terminal"] is expect["terminal"]
    assert job.get("detailed") is expect["detailed"]


@of_kind("job")
def test_job_object_reads_as_the_source_says(rec):
    job = aq.job_from_record(rec.body)
    check_job(job, rec.expect)
    # The head of the object (state, status) is elided in the source: nothing in what is left
    # may be taken for an outcome, least of all success.
    assert job["state"] != "succeeded"


@of_kind("job")
def test_job_object_read_through_the_client(rec):
    client, sent = replaying(rec)
    job = client.get_job(rec.expect["self_key"])
    check_job(job, rec.expect)
    # The key the client asks for is the one the job's self link names.
    href = rec.body["_links"]["self"]["href"]
    assert unquote(href.rsplit("/", 1)[1]) == rec.expect["self_key"]
    assert same_resource(sent[0][1]) == same_resource(href)


@of_kind("file_share")
def test_file_share_reads_as_the_source_says(rec):
    share = rec.body
    assert share["key"] == rec.expect["key"] and share["svm"]["key"] == rec.expect["svm_key"]
    described = ops.describe(share, rec.expect["describe"]["svm"])
    assert described == rec.expect["describe"]
    # Asking again for the same rules, in another client order, needs no change.
    wanted = [dict(r, clients=list(reversed(r["clients"]))) for r in rec.expect["describe"]["export_policy_rules"]]
    assert ops.rules_equal(ops.current_rules(share), ops.desired_rules(wanted))
    assert not ops.rules_equal(ops.current_rules(share), ops.desired_rules(wanted[:1]))


@of_kind("file_share")
def test_file_share_read_through_the_client(rec):
    client, _sent = replaying(rec)
    share = client.file_share(rec.expect["key"])
    assert ops.describe(share, rec.expect["describe"]["svm"]) == rec.expect["describe"]
