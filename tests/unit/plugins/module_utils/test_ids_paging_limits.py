# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ids in URL paths (join_path, per-API id forms), the one paging rule (Pager) and numeric option ranges."""

from __future__ import annotations

import functools
import math
import re
import types

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum import _client as _aiqum
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _client as _drm
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as _powerstore
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _protocol
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc import _client as _rpc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    check_common_params,
    check_number,
    NUMBER_LIMITS,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import connection_settings
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError, PagingError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import LISTING_SECONDS, Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._wait import wait_for_jobs

import fakes

PS_ID = "1b6df699-7083-4440-912c-22e2ed89c530"
AQ_KEY = "06a6148bf9e862df:-2611856e:16e8d47e722:-7f87"
DEVICE = "00000000-00000000-00409DFF-FF000001"


# The shared fake, given ``handler(method, path, params)`` returning (status, body[, headers]);
# calls keep (method, path, params).
FakeTransport = functools.partial(fakes.FakeTransport,
                                  record=lambda c: (c.method, c.path, dict(c.params or {})))


# ---------------------------------------------------------------- join_path

def test_join_path_quotes_each_segment_whole():
    assert join_path("/ws/sci", "600001") == "/ws/sci/600001"
    assert join_path("/ws/sci/", "600001/../../DeviceCore/x") == "/ws/sci/600001%2F..%2F..%2FDeviceCore%2Fx"
    assert join_path("/ws/sci", "600001?size=1&x=") == "/ws/sci/600001%3Fsize%3D1%26x%3D"
    assert join_path("/jobs", AQ_KEY) == "/jobs/06a6148bf9e862df%3A-2611856e%3A16e8d47e722%3A-7f87"
    assert join_path("/a", "%2e%2e", "b#c") == "/a/%252e%252e/b%23c"


@pytest.mark.parametrize("segment", ["", ".", "..", None])
def test_join_path_refuses_dot_and_empty_segments(segment):
    with pytest.raises(InputError, match="cannot be used as a URL path segment"):
        join_path("/job", segment)


# ---------------------------------------------------------------- id forms

HOSTILE = ["600001/../../DeviceCore/" + DEVICE, "../DeviceCore", "600001?size=1&x=", "..", ".", "", "600001#x",
           "6%2F1", " ", "1 2"]


@pytest.mark.parametrize("bad", HOSTILE + ["abc", "-1", "1" * 20])
def test_drm_job_ids_are_digits(bad):
    with pytest.raises(InputError, match="is not a Remote Manager job id: job ids are whole numbers"):
        _sci.check_job_id(bad)


@pytest.mark.parametrize("bad", HOSTILE + ["../volume_group", PS_ID + "/../x", PS_ID[:-1], "j1", PS_ID + "0"])
def test_powerstore_job_ids_are_uuids(bad):
    with pytest.raises(InputError, match="is not a PowerStore job id: job ids are UUIDs"):
        _powerstore.check_job_id(bad)


@pytest.mark.parametrize("bad", HOSTILE + ["k1|k2", "*", "a/b", ":type=x", "k" * 256])
def test_aiqum_job_keys_keep_their_own_characters_only(bad):
    with pytest.raises(InputError, match="is not an AIQUM job key"):
        _aiqum.check_job_key(bad)


@pytest.mark.parametrize("bad", HOSTILE + ["1.5", "1e3", "9" * 20, "9" * 5000])
def test_rpc_job_ids_are_bounded_integers(bad):
    with pytest.raises(InputError, match="is not an RPC job id: job ids are integers of at most 19 digits"):
        _protocol.check_job_id(bad)


@pytest.mark.parametrize("check, good", [
    (_sci.check_job_id, "600001"), (_sci.check_job_id, " 601358 "),
    (_powerstore.check_job_id, PS_ID), (_powerstore.check_job_id, PS_ID.upper()),
    (_aiqum.check_job_key, AQ_KEY), (_aiqum.check_job_key, "1251e51b-069f-11ea-980d-fa163e82bbf2"),
    (_aiqum.check_job_key, "7d5a59b3-953a-11e8-8857-00a098dcc959:type=volume,uuid=e581c23a-1037-11ea-ac5a-00a098dcc6b6"),
    (_aiqum.check_job_key, "424242"), (_protocol.check_job_id, "7"), (_protocol.check_job_id, "-1"),
])
def test_vendor_id_forms_pass(check, good):
    assert check(good) == good.strip()


def test_a_manager_reply_with_a_hostile_job_id_is_refused_as_the_managers_fault():
    with pytest.raises(ApiError, match=r"The reply to SCI send_message named job id '\.\./x', which is not a Remote Manager"):
        _sci.check_job_id("../x", source="The reply to SCI send_message")


@pytest.mark.parametrize("call", [
    lambda c: c.cancel("600001/../../DeviceCore/" + DEVICE),
    lambda c: c.get_job("../DeviceCore"),
    lambda c: c.results("600001?size=1&x="),
    lambda c: c.poll(["600001", "600002) or (jobId>0"]),
])
def test_drm_client_sends_nothing_for_a_bad_id(call):
    transport = FakeTransport(lambda *a: (200, "<sci_reply/>"))
    with pytest.raises(InputError, match="is not a Remote Manager job id"):
        call(_drm.DrmClient(transport))
    assert transport.calls == []


def test_drm_client_quotes_a_good_id_into_its_own_segment():
    transport = FakeTransport(lambda *a: (404, ""))
    assert _drm.DrmClient(transport).cancel("600001") is False
    assert transport.calls == [("DELETE", "/ws/sci/600001", {})]


def test_drm_submission_reply_with_a_hostile_job_id_is_not_used():
    reply = '<sci_reply version="1.0"><send_message><jobId>../../DeviceCore</jobId></send_message></sci_reply>'
    transport = FakeTransport(lambda *a: (202, reply))
    with pytest.raises(ApiError, match="named job id '../../DeviceCore', which is not a Remote Manager job id"):
        _drm.DrmClient(transport).sci("send_message", [("device", DEVICE)], "<rci_request/>")
    assert len(transport.calls) == 1


def test_aiqum_client_quotes_keys_and_refuses_filter_syntax():
    transport = FakeTransport(lambda *a: (404, {}))
    client = _aiqum.AiqumClient(transport)
    with pytest.raises(InputError, match="is not an AIQUM job key"):
        client.poll([AQ_KEY, "*"])
    assert transport.calls == []
    with pytest.raises(ApiError, match="was not found"):
        client.get_job(AQ_KEY)
    assert transport.calls[0][1] == "/api/v2/management-server/jobs/06a6148bf9e862df%3A-2611856e%3A16e8d47e722%3A-7f87"
    with pytest.raises(ApiError, match="AIQUM named the file share '../x', which is not an AIQUM key"):
        client.delete_file_share("../x")
    assert len(transport.calls) == 1


# ---------------------------------------------------------------- the paging rule

def test_pager_ends_when_nothing_remains_or_a_page_is_empty():
    pager = Pager("GET x", key=lambda item: item["id"])
    assert pager.take([{"id": 1}, {"id": 2}], more=True) == [{"id": 1}, {"id": 2}]
    assert not pager.done and pager.count == 2
    assert pager.take([{"id": 3}], more=False) == [{"id": 3}]
    assert pager.done
    empty = Pager("GET x")
    assert empty.take([], more=True) == [] and empty.done


def test_pager_reads_an_item_that_shifted_onto_the_next_page_once():
    pager = Pager("GET x", key=lambda item: item["id"])
    pager.take([{"id": 1}, {"id": 2}], more=True)
    assert pager.take([{"id": 2}, {"id": 3}], more=False) == [{"id": 3}]


def test_pager_refuses_a_repeated_page_while_more_remain():
    pager = Pager("GET job listing", key=lambda item: item["id"])
    pager.take([{"id": 1}], more=True)
    with pytest.raises(PagingError, match=r"GET job listing: page 2 repeats items already read while the server says "
                                          r"more remain, so it is not paging \(1 item\(s\) read\)"):
        pager.take([{"id": 1}], more=True)


def test_pager_without_ids_compares_whole_items():
    pager = Pager("GET x")
    pager.take([{"a": 1}], more=True)
    with pytest.raises(PagingError):
        pager.take([{"a": 1}], more=True)


def test_pager_stops_at_the_deadline_with_a_clear_message():
    now = [100.0]
    transport = types.SimpleNamespace(deadline=105.0, clock=lambda: now[0])
    pager = Pager("GET x", transport, key=lambda item: item)
    pager.take([1], more=True)
    now[0] = 105.0
    with pytest.raises(PagingError, match=r"not finished after 2 page\(s\) \(2 item\(s\)\) when the task's wait_timeout ran out"):
        pager.take([2], more=True)


def test_pager_outside_a_wait_has_its_own_budget():
    now = [0.0]
    pager = Pager("GET x", types.SimpleNamespace(deadline=None, clock=lambda: now[0]), key=lambda item: item)
    assert pager.deadline == LISTING_SECONDS
    now[0] = LISTING_SECONDS
    with pytest.raises(PagingError, match="1800s allowed for a listing"):
        pager.take([1], more=True)


def test_drm_listing_that_ignores_start_stops_after_two_requests():
    page = '<result><remainingSize>5</remainingSize><Job><jobId>600001</jobId></Job></result>'
    transport = FakeTransport(lambda *a: (200, page))
    with pytest.raises(PagingError, match="GET job listing: page 2 repeats"):
        _drm.DrmClient(transport).list_jobs()
    assert [call[2]["start"] for call in transport.calls] == [0, 1]


def test_drm_devicecore_that_ignores_start_stops_after_two_requests():
    item = {"id": {"devId": "1"}, "devConnectwareId": DEVICE}
    transport = FakeTransport(lambda *a: (200, {"remainingSize": "3", "items": [item]}))
    with pytest.raises(PagingError, match="GET DeviceCore: page 2 repeats"):
        _drm.DrmClient(transport).devices()
    assert len(transport.calls) == 2


def test_aiqum_next_link_that_leads_back_stops_with_an_error():
    nxt = "/api/v2/management-server/jobs?offset=1"
    transport = FakeTransport(lambda *a: (200, {"records": [{"key": AQ_KEY}], "_links": {"next": {"href": nxt}}}))
    with pytest.raises(PagingError, match="GET AIQUM jobs: page 2 repeats"):
        _aiqum.AiqumClient(transport).list_jobs()
    assert len(transport.calls) == 2


def test_rpc_listing_that_ignores_offset_stops_with_an_error():
    row = {"__type__": "AsyncJob", "__properties__": {"id": 7, "status": 2}}
    body = {"async_jobs": {"__type__": "ResultSet", "__total_items__": 50, "__elements__": [row]}}
    transport = FakeTransport(lambda *a: (200, body))
    with pytest.raises(PagingError, match="get_jobs_list: page 2 repeats"):
        _rpc.RpcClient(transport).list_jobs()
    assert len(transport.calls) == 2


def test_rpc_listing_dedupes_rows_that_shift_between_pages():
    rows = [{"__type__": "AsyncJob", "__properties__": {"id": i, "status": 4}} for i in (9, 8, 8, 7)]
    pages = iter([rows[:2], rows[2:]])
    transport = FakeTransport(lambda *a: (200, {"async_jobs": {"__total_items__": 4, "__elements__": next(pages)}}))
    assert [j["id"] for j in _rpc.RpcClient(transport).list_jobs(page_size=2)] == ["7", "8", "9"]


def test_a_paging_error_ends_a_wait_at_once():
    class Backend(object):
        polls = 0

        def poll(self, ids):
            Backend.polls += 1
            raise PagingError("GET job listing: page 2 repeats")

    with pytest.raises(PagingError):
        wait_for_jobs(Backend(), ["1", "2"], 60, poll_interval=0.01, max_poll_interval=0.01, sleep=lambda s: None)
    assert Backend.polls == 1


# ---------------------------------------------------------------- numeric ranges

@pytest.mark.parametrize("name, value", [
    ("timeout", math.inf), ("timeout", 1e300), ("timeout", math.nan), ("timeout", 0), ("timeout", 3601),
    ("wait_timeout", math.inf), ("wait_timeout", 604801), ("poll_interval", 1e300), ("max_poll_interval", math.inf),
    ("paused_timeout", -1), ("paused_timeout", math.inf), ("prefer_wait", 10 ** 20), ("page_size", 0),
    ("page_size", 10 ** 6), ("timeout", True), ("timeout", "30"),
])
def test_check_number_refuses_out_of_range(name, value):
    with pytest.raises(InputError, match="^%s must be a .*, got %s$" % (name, re.escape(repr(value)))):
        check_number(name, value)


@pytest.mark.parametrize("name", sorted(NUMBER_LIMITS))
def test_check_number_accepts_the_bounds(name):
    low, low_allowed, high = NUMBER_LIMITS[name]
    assert check_number(name, high) == high
    assert check_number(name, low if low_allowed else low + 0.1) is not None


def test_check_common_params_names_the_option():
    with pytest.raises(InputError, match=r"^poll_interval must be a positive number of seconds, at most 3600, got inf$"):
        check_common_params({"timeout": 30.0, "wait_timeout": 600.0, "poll_interval": math.inf})


@pytest.mark.parametrize("value", ["inf", "1e300", "nan", "-inf"])
def test_timeout_environment_fallback_is_range_checked(value):
    env = {"DRM_URL": "https://rm.example", "DRM_USERNAME": "u", "DRM_PASSWORD": "p", "DRM_TIMEOUT": value}
    with pytest.raises(InputError, match="^DRM_TIMEOUT must be a positive number of seconds, at most 3600, got"):
        connection_settings("drm", {}, env)


def test_timeout_option_reaching_the_connection_code_is_range_checked():
    # The lookup and the inventory plugin go straight to connection_settings.
    with pytest.raises(InputError, match="^timeout must be a positive number of seconds, at most 3600, got 1e"):
        connection_settings("drm", {"url": "https://rm.example", "username": "u", "password": "p", "timeout": 1e300}, {})
