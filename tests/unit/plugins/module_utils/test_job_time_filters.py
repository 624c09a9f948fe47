# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The submitted_after / submitted_before filters of job_info and the jobs lookup, and reading
jobs from the listing by id (the lookup's results=false).

The window is checked before anything is sent, narrowed on the manager where its listing can
filter (Remote Manager's jobSubmitTime condition, PowerStore's start_time filters) and applied
exactly to what the listing returns, for every API, so a manager that ignores the condition
changes nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import requests

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _job_tasks
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _client as _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as ps

import fakes

# 2026-03-01T08:00:00Z
T0 = 1772352000.0


def submitted(job_id, when, operation="update_firmware", state=lc.SUCCEEDED):
    return lc.job("drm", job_id, state, "complete", operation=operation, submitted=when, target_ids=[])


# ---------------------------------------------------------------- the bounds

@pytest.mark.parametrize("text, seconds", [
    ("2026-03-01T08:00:00Z", T0),
    ("2026-03-01T08:00:00z", T0),
    ("2026-03-01T09:00:00+01:00", T0),
    ("2026-03-01T03:00:00-0500", T0),
    ("2026-03-01T10:00:00+02", T0),
    ("2026-03-01 08:00:00+00:00", T0),  # str() of a YAML timestamp with a zone
    ("2026-03-01T08:00:00.250Z", T0 + 0.25),
    (" 2026-03-01T08:00:00Z ", T0),
])
def test_a_bound_is_an_iso_time_with_a_zone(text, seconds):
    assert _job_tasks.time_bound("submitted_after", text) == pytest.approx(seconds)


@pytest.mark.parametrize("value", [
    "2026-03-01T08:00:00",          # no zone: which one was meant depends on the clock it was written on
    "2026-03-01 08:00:00",
    "2026-03-01",
    "2026-03-01T08:00Z",            # no seconds
    "2026-13-01T08:00:00Z",         # month 13
    "2026-02-30T08:00:00Z",         # no such day
    "2026-03-01T25:00:00Z",         # hour 25 (timegm would roll it over into the next day)
    "2026-03-01T08:00:60Z",
    "yesterday",
    "1772352000",
    1772352000,
    True,
    ["2026-03-01T08:00:00Z"],
])
def test_a_bad_bound_is_one_message_naming_the_option(value):
    with pytest.raises(InputError) as info:
        _job_tasks.time_bound("submitted_before", value)
    assert info.value.msg == ("submitted_before must be an ISO 8601 date and time with a UTC offset or Z, such as "
                              "2026-03-01T08:00:00Z or 2026-03-01T09:00:00+01:00, got %r" % (value,))


@pytest.mark.parametrize("value", [None, "", "  "])
def test_an_unset_bound_is_none(value):
    assert _job_tasks.time_bound("submitted_after", value) is None


@pytest.mark.parametrize("after, before", [
    ("2026-03-01T08:00:00Z", "2026-03-01T08:00:00Z"),        # equal: the window is empty
    ("2026-03-01T09:00:00+01:00", "2026-03-01T08:00:00Z"),   # the same instant written twice
    ("2026-03-02T00:00:00Z", "2026-03-01T00:00:00Z"),
])
def test_an_empty_or_reversed_window_is_refused(after, before):
    with pytest.raises(InputError, match=r"^submitted_after \(%s\) must be earlier than submitted_before \(%s\)$"
                       % (after.replace("+", r"\+"), before)):
        _job_tasks.time_window({"submitted_after": after, "submitted_before": before})


# ---------------------------------------------------------------- the exact window, client-side

JOBS = [
    submitted("1", "2026-03-01T07:59:59.999Z"),
    submitted("2", "2026-03-01T08:00:00.000Z"),          # at submitted_after: in
    submitted("3", "2026-03-01T10:30:00.000+02:00"),     # 08:30Z, another zone
    submitted("4", (T0 + 3599) * 1000),                  # epoch milliseconds (08:59:59Z)
    submitted("5", "2026-03-01T09:00:00.000Z"),          # at submitted_before: out
    submitted("6", None),                                # no readable time: outside every window
    submitted("7", "not a time"),
    submitted("8", "2026-03-01T08:10:00Z", operation="send_message"),
]


@pytest.mark.parametrize("params, expected", [
    ({}, ["1", "2", "3", "4", "5", "6", "7", "8"]),
    ({"submitted_after": "2026-03-01T08:00:00Z"}, ["2", "3", "4", "5", "8"]),
    ({"submitted_before": "2026-03-01T09:00:00Z"}, ["1", "2", "3", "4", "8"]),
    ({"submitted_after": "2026-03-01T08:00:00Z", "submitted_before": "2026-03-01T09:00:00Z"}, ["2", "3", "4", "8"]),
    ({"submitted_after": "2026-03-01T08:00:00Z", "submitted_before": "2026-03-01T09:00:00Z",
      "operation": "update_firmware"}, ["2", "3", "4"]),
    ({"submitted_after": "2026-03-01T09:00:00.001Z"}, []),
])
def test_the_window_is_half_open_and_zone_aware(params, expected):
    assert [j["id"] for j in _job_tasks.filter_jobs(JOBS, params)] == expected


# ---------------------------------------------------------------- narrowed on the manager

class Listing(object):
    """A client whose listing returns every job whatever the condition (a manager that ignores
    it), recording the condition it was given."""

    def __init__(self, jobs, narrows=True):
        self.jobs = jobs
        self.conditions = []
        if narrows:
            self.submitted_condition = lambda after, before: ("cond", after, before)

    def list_jobs(self, condition=None, page_size=1000, limit=None):
        self.conditions.append((condition, page_size))
        return [dict(j) for j in self.jobs]


WINDOW = {"submitted_after": "2026-03-01T08:00:00Z", "submitted_before": "2026-03-01T09:00:00Z"}


def test_the_manager_gets_the_window_a_second_wider_and_the_exact_one_is_applied_here():
    client = Listing(JOBS)
    jobs = _job_tasks.list_filtered(client, dict(WINDOW, operation="update_firmware"), page_size=50)
    assert client.conditions == [(("cond", T0 - 1.0, T0 + 3600 + 1.0), 50)]
    # The listing ignored the condition: the window is still exact.
    assert [j["id"] for j in jobs] == ["2", "3", "4"]


def test_an_open_window_sends_only_its_bound():
    client = Listing(JOBS)
    _job_tasks.list_filtered(client, {"submitted_before": "2026-03-01T09:00:00Z"})
    assert client.conditions == [(("cond", None, T0 + 3600 + 1.0), 1000)]


def test_without_a_window_or_a_server_filter_the_listing_has_no_condition():
    narrowing, plain = Listing(JOBS), Listing(JOBS, narrows=False)
    _job_tasks.list_filtered(narrowing, {"operation": "update_firmware"})
    assert [j["id"] for j in _job_tasks.list_filtered(plain, WINDOW)] == ["2", "3", "4", "8"]
    assert narrowing.conditions == [(None, 1000)] and plain.conditions == [(None, 1000)]


def test_a_bad_bound_sends_nothing():
    client = Listing(JOBS)
    with pytest.raises(InputError, match="^submitted_after must be an ISO 8601"):
        _job_tasks.list_filtered(client, {"submitted_after": "2026-03-01"})
    assert client.conditions == []


def test_drm_condition_compares_jobsubmittime():
    assert _drm.DrmClient.submitted_condition(T0, T0 + 60) == (
        "jobSubmitTime>='2026-03-01T08:00:00.000Z' and jobSubmitTime<'2026-03-01T08:01:00.000Z'")
    assert _drm.DrmClient.submitted_condition(T0, None) == "jobSubmitTime>='2026-03-01T08:00:00.000Z'"
    assert _drm.DrmClient.submitted_condition(None, T0) == "jobSubmitTime<'2026-03-01T08:00:00.000Z'"
    assert _drm.DrmClient.submitted_condition(None, None) is None


def listing_xml(rows, remaining=0):
    body = "".join("<Job><jobId>%s</jobId><jobType>1</jobType><jobStatus>2</jobStatus><jobTargetCount>1</jobTargetCount>"
                   "<jobProgressSuccess>1</jobProgressSuccess><jobProgressFailures>0</jobProgressFailures>"
                   "<jobTargets>00000000-00000000-00409DFF-FF000001</jobTargets>"
                   "<jobSubmitTime>%s</jobSubmitTime><jobCompletionTime>%s</jobCompletionTime></Job>"
                   % (job_id, when, when) for job_id, when in rows)
    return "<result><remainingSize>%d</remainingSize>%s</result>" % (remaining, body)


class DrmJobInfoContext(Context):
    """job_info's Context with a DrmClient over a scripted transport instead of a connection."""

    def __init__(self, transport):
        super().__init__()
        self.fake = transport
        self.connected = []

    def connect(self, api, params):
        self.connected.append(api)
        return _drm.DrmClient(self.track(self.fake))


def job_info_params(**over):
    params = {name: None for name in _job_tasks.JOB_INFO.argument_spec}
    params.update(api="drm", **over)
    return params


def test_job_info_sends_the_drm_window_and_filters_what_comes_back():
    # The scripted manager answers with a job outside the window too: job_info leaves it out.
    t = fakes.FakeTransport([(200, listing_xml([("600001", "2026-03-01T07:59:59.000Z"),
                                                ("600002", "2026-03-01T08:30:00.000Z")]))])
    ctx = DrmJobInfoContext(t)
    result = _job_tasks.JOB_INFO.run(job_info_params(**WINDOW), ctx)
    assert [j["id"] for j in result["jobs"]] == ["600002"]
    assert [(c.method, c.path) for c in t.calls] == [("GET", "/ws/sci")]
    assert t.calls[0].params["condition"] == (
        "jobSubmitTime>='2026-03-01T07:59:59.000Z' and jobSubmitTime<'2026-03-01T09:00:01.000Z'")


def test_job_info_refuses_a_bad_window_before_connecting():
    t = fakes.FakeTransport([])
    ctx = DrmJobInfoContext(t)
    with pytest.raises(InputError, match="^submitted_before must be an ISO 8601"):
        _job_tasks.JOB_INFO.run(job_info_params(submitted_before="08:00"), ctx)
    assert ctx.connected == [] and t.calls == []


def test_job_info_ignores_the_window_with_job_ids():
    reply = '<sci_reply version="1.0"><status>complete</status><update_firmware><device id="D1"><submitted/></device>' \
            '</update_firmware></sci_reply>'
    t = fakes.FakeTransport([(200, reply)])
    result = _job_tasks.JOB_INFO.run(job_info_params(job_ids=["600001"], **WINDOW), DrmJobInfoContext(t))
    assert [j["id"] for j in result["jobs"]] == ["600001"]


def test_powerstore_window_is_two_start_time_filters_on_the_wire():
    condition = ps.PowerStoreClient.submitted_condition(T0, T0 + 60)
    assert condition == {"start_time": ["gte.2026-03-01T08:00:00.000Z", "lt.2026-03-01T08:01:00.000Z"]}
    assert ps.PowerStoreClient.submitted_condition(None, T0) == {"start_time": ["lt.2026-03-01T08:00:00.000Z"]}
    assert ps.PowerStoreClient.submitted_condition(None, None) is None
    # requests sends a list as the same key repeated: PowerStore ANDs the two filters.
    url = requests.Request("GET", "https://array/api/rest/job", params=ps._condition_params(condition)).prepare().url
    assert url.endswith("?start_time=gte.2026-03-01T08%3A00%3A00.000Z&start_time=lt.2026-03-01T08%3A01%3A00.000Z")


def test_powerstore_listing_carries_the_window():
    login = (200, {"DELL-EMC-TOKEN": "tok"}, [{"id": "s", "idle_timeout": 3600}])
    replies = [login, (200, {}, [{"id": "6b730a66-494a-4aea-88d2-45552bb4adf1", "state": "COMPLETED",
                                  "start_time": "2026-03-01T08:30:00.000+00:00"}])]

    class Transport(fakes.FakeTransport):
        def respond(self, call):
            status, headers, body = super().respond(call)
            return status, body, headers

    t = Transport(replies, base_url="https://array")
    jobs = _job_tasks.list_filtered(ps.PowerStoreClient(t), WINDOW)
    assert [j["id"] for j in jobs] == ["6b730a66-494a-4aea-88d2-45552bb4adf1"]
    assert t.calls[-1].params["start_time"] == ["gte.2026-03-01T07:59:59.000Z", "lt.2026-03-01T09:00:01.000Z"]


# ---------------------------------------------------------------- reading jobs from the listing by id

def test_drm_list_by_id_reads_the_listing_in_batches_and_unknown_ids_directly():
    ids = [str(600001 + i) for i in range(150)]
    first = listing_xml([(i, "2026-03-01T08:00:00.000Z") for i in ids[:100]])
    second = listing_xml([(i, "2026-03-01T08:00:00.000Z") for i in ids[100:149]])
    not_found = '<sci_reply version="1.0"><error>Job not found</error></sci_reply>'
    t = fakes.FakeTransport([(200, first), (200, second), (404, not_found)])
    with pytest.raises(ApiError, match="job 600150 was not found"):
        _drm.DrmClient(t).list_by_id(ids)
    assert [c.path for c in t.calls] == ["/ws/sci", "/ws/sci", "/ws/sci/600150"]
    assert t.calls[0].params["condition"] == "jobId in (%s)" % ",".join(ids[:100])
    assert t.calls[1].params["condition"] == "jobId in (%s)" % ",".join(ids[100:])


def test_drm_list_by_id_has_the_times_a_job_reply_lacks():
    t = fakes.FakeTransport([(200, listing_xml([("600002", "2026-03-01T08:00:00.000Z"),
                                                ("600001", "2026-03-01T07:00:00.000Z"),
                                                ("600009", "2026-03-01T07:00:00.000Z")]))])
    jobs = _job_tasks.listed_jobs(_drm.DrmClient(t), ["600001", "600002"])
    assert [(j["id"], j["submitted"], j["completed"]) for j in jobs] == [
        ("600001", "2026-03-01T07:00:00.000Z", "2026-03-01T07:00:00.000Z"),
        ("600002", "2026-03-01T08:00:00.000Z", "2026-03-01T08:00:00.000Z")]
    assert jobs[0]["target_ids"] == ["00000000-00000000-00409DFF-FF000001"] and "devices" not in jobs[0]


def test_drm_list_by_id_checks_ids_before_sending():
    t = fakes.FakeTransport([])
    with pytest.raises(InputError):
        _drm.DrmClient(t).list_by_id(["600001", "600001) or (jobId>0"])
    assert t.calls == []


def test_listed_jobs_uses_the_poll_of_a_client_without_list_by_id():
    class Polling(object):
        def poll(self, ids):
            return {i: submitted(i, "2026-03-01T08:00:00Z") for i in reversed(ids)}

    assert [j["id"] for j in _job_tasks.listed_jobs(Polling(), ["b", "a"])] == ["b", "a"]


def test_listing_rows_parse_as_the_listing_does():
    # The scripted rows above are read by the real listing parser (no shortcut in the fake).
    row = ET.fromstring(listing_xml([("600001", "2026-03-01T08:00:00.000Z")])).find("Job")
    assert _drm.job_from_listing(row)["state"] == lc.SUCCEEDED
