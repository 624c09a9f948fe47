# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recorded Dell PowerStore replies (powerstore/*.json), read by the collection's own code.

Where a recording names its request, the reply is served to the real PowerStoreClient over a
real Transport whose HTTP session replays it, so status handling and parsing are what the
modules run; every reply is also read by the parsing functions directly (job_record,
error_detail, the volume group helpers of _ops_powerstore). The assertions are what the
recording's source says the reply means (its ``expect``).

``expect.kind``: ``accepted`` (202 of an is_async change: ``job_id``), ``job`` (a job instance:
the normalised fields to compare, ``submitted_epoch``/``completed_epoch`` for its times),
``error`` (``status``, ``detail`` = the text the collection shows, or ``raises`` for the
message of a job that does not exist), ``volume_group`` / ``volume_group_list`` (``summary``
as returned to users; ``unchanged``/``changed``: desired values that do / do not need a PATCH)
and ``policy`` (resolving its name to its id).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import fakes
import recordings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _volume_group as ops
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as ps
from ansible_collections.asyncjobs.fleet.plugins.module_utils import _transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import parse_time

RECORDINGS = recordings.load("powerstore")
BY_KIND = {}
for _rec in RECORDINGS:
    BY_KIND.setdefault(_rec.expect["kind"], []).append(_rec)
JOB_FIELDS = ("id", "state", "raw_state", "terminal", "progress", "message", "operation", "resource_type",
              "target_ids", "phase", "response_status", "response_body", "description", "detailed")


def of_kind(*kinds, where=None):
    """Parametrize over the recordings of these kinds (and, with ``where``, only those it accepts)."""
    found = [r for kind in kinds for r in BY_KIND.get(kind, []) if where is None or where(r)]
    return pytest.mark.parametrize("rec", found, ids=recordings.ids(found))


def replaying(rec):
    """A PowerStoreClient whose transport answers the recorded request with the recorded reply."""
    transport = _transport.Transport("https://powerstore.example", username="admin", password="pw", retries=0)
    sent = []

    def request(method, url, params=None, json=None, **_kw):
        sent.append(dict(method=method, path=urlsplit(url).path, params=dict(params or {}), json=json))
        assert len(sent) == 1, "the client sent more than the recorded request: %r" % sent
        assert (method, urlsplit(url).path) == (rec.request["method"], rec.request["path"]), sent
        headers = {"Content-Type": rec.response.get("content_type", "application/json")}
        return fakes.FakeHttpResponse(rec.status, headers, rec.text.encode("utf-8"))

    transport.session.request = request
    client = ps.PowerStoreClient(transport)
    # The recorded exchange is not a login: start from a live session.
    client.token = "session-token"
    return client, sent


def response_of(rec):
    headers = {"Content-Type": rec.response.get("content_type", "application/json")}
    return _transport.Response(rec.status, headers, rec.text.encode("utf-8"), "https://powerstore.example")


def api_path(rec):
    """The recorded path without the /api/rest base (the client adds it)."""
    path = rec.request["path"]
    assert path.startswith(ps.BASE + "/"), path
    return path[len(ps.BASE):]


def test_every_recording_has_a_known_kind_and_a_source():
    assert RECORDINGS, "no PowerStore recordings"
    assert set(BY_KIND) <= {"accepted", "job", "error", "volume_group", "volume_group_list", "policy"}, BY_KIND
    for rec in RECORDINGS:
        assert rec.source.startswith(("dell/", "openstack/", "https://")), rec


# ---------------------------------------------------------------- jobs

@of_kind("accepted")
def test_accepted_change_returns_the_job_id(rec):
    client, sent = replaying(rec)
    job_id = client.change(rec.request["method"], api_path(rec), rec.request["body"])
    assert job_id == rec.expect["job_id"]
    # The collection asks for a job exactly as the source does.
    assert sent[0]["params"] == rec.request["params"] and sent[0]["json"] == rec.request["body"]


def check_job(record, expect):
    for field in JOB_FIELDS:
        if field in expect:
            assert record[field] == expect[field], (field, record)
    for field, key in (("submitted_epoch", "submitted"), ("completed_epoch", "completed")):
        if field in expect:
            assert parse_time(record[key])[0] == pytest.approx(expect[field], abs=1e-6), record[key]


@of_kind("job")
def test_job_instance_reads_as_the_source_says(rec):
    check_job(ps.job_record(rec.body), rec.expect)


# A recording whose source names no job id (its path keeps the "{id}" placeholder) is read
# only by the parser above.
@of_kind("job", where=lambda r: "{" not in r.request["path"])
def test_job_instance_read_through_the_client(rec):
    client, sent = replaying(rec)
    job_id = rec.request["path"].rsplit("/", 1)[1]
    check_job(client.results(job_id), rec.expect)
    # results() asks for every attribute the recorded reply carries (localised texts aside).
    selected = set(sent[0]["params"]["select"].split(","))
    assert {k for k in rec.body if not k.endswith("_l10n") or k == "description_l10n"} <= selected


def test_failed_job_without_an_error_body_is_failed_not_succeeded():
    """A job that failed but says nothing about why must still fail the task (Cinder's case)."""
    rec = next(r for r in BY_KIND["job"] if r.name == "cinder_job_failover_failed")
    record = ps.job_record(rec.body)
    assert record["state"] == "failed" and record["terminal"] and record["message"] is None


# ---------------------------------------------------------------- errors

@of_kind("error")
def test_error_body_is_shown_as_the_source_says(rec):
    detail = ps.error_detail(response_of(rec))
    if "detail" in rec.expect:
        assert detail == rec.expect["detail"]
    else:
        assert rec.expect["detail_contains"] in detail


@of_kind("error", where=lambda r: r.request)  # replies whose source shows the request
def test_error_reply_through_the_client(rec):
    client, _sent = replaying(rec)
    if "raises" in rec.expect:
        with pytest.raises(ApiError) as err:
            client.results(rec.request["path"].rsplit("/", 1)[1])
        assert str(err.value) == rec.expect["raises"] and err.value.status == rec.expect["status"]
        return
    with pytest.raises(ApiError) as err:
        client._checked(rec.request["method"], api_path(rec), json=rec.request.get("body"))
    assert err.value.status == rec.expect["status"]
    assert str(err.value).endswith("returned HTTP %s: %s" % (rec.expect["status"], rec.expect["detail"])), str(err.value)


# ---------------------------------------------------------------- volume groups and policies

def check_volume_group(vg, expect):
    assert ops.summarize_vg(vg) == expect["summary"]
    assert ops.differences(vg, expect["unchanged"]) == {}
    assert ops.differences(vg, expect["changed"]) == expect["changed"]


@of_kind("volume_group")
def test_volume_group_reads_as_the_source_says(rec):
    check_volume_group(rec.body, rec.expect)


@of_kind("volume_group_list")
def test_volume_group_found_by_name_through_the_client(rec):
    client, sent = replaying(rec)
    vg = client.volume_group(rec.expect["name"])
    assert vg is not None
    check_volume_group(vg, rec.expect)
    assert sent[0]["params"]["name"] == rec.request["params"]["name"]


@of_kind("policy")
def test_policy_name_resolves_to_its_id(rec):
    policies = [rec.body]
    name, ptype, pid = rec.expect["name"], rec.expect["type"], rec.expect["id"]
    assert ops.resolve_policy(name, ptype, "protection_policy", policies) == pid
    assert ops.resolve_policy("name:" + name.upper(), ptype, "protection_policy", policies) == pid
    assert ops.resolve_policy(pid, ptype, "protection_policy", policies) == pid
    other = "QoS" if ptype == "Protection" else "Protection"
    with pytest.raises(InputError, match="is a %s policy" % ptype):
        ops.resolve_policy(name, other, "qos_performance_policy", policies)
