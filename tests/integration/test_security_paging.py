# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Listings that never end (issue 12, item 8), played by the hostile server for each API.

A manager that ignores ``start``/``offset``/the next link while it keeps saying more items remain
made job_info loop for ever (673 requests before it was killed). Each listing must now stop at
its second page with one clear message, and a listing that keeps bringing new items while a
task waits must stop at the task's deadline. Request counts come from the server's record.
"""

from __future__ import annotations

import itertools
import json

from hostile_server import HostileServer

USER = {"username": "admin", "password": "hostile-test-pw"}
PS_JOB = "1b6df699-7083-4440-912c-22e2ed89c530"
AQ_KEY = "06a6148bf9e862df:-2611856e:16e8d47e722:-7f87"
REPEATS = "page 2 repeats items already read while the server says more remain, so it is not paging"


def play(tasks):
    return json.dumps([{"name": "hostile paging", "hosts": "localhost", "gather_facts": False, "tasks": tasks}])


def _drm_listing(row_ids):
    rows = "".join("<Job><jobId>%s</jobId><jobStatus>1</jobStatus></Job>" % i for i in row_ids)
    return (200, "<result><resultSize>1</resultSize><remainingSize>5</remainingSize>%s</result>" % rows,
            {"Content-Type": "text/xml"})


def _script_ignoring_paging(server):
    """Every API's job listing answers the same first page, whatever page is asked for."""
    server.route("GET", r"^/ws/sci$", lambda req: _drm_listing(["600001"]))
    server.route("GET", r"^/api/rest/login_session$",
                 lambda req: (200, [{"id": "s1"}], {"DELL-EMC-TOKEN": "tok"}))
    server.route("GET", r"^/api/rest/job$",
                 lambda req: (206, [{"id": PS_JOB, "state": "IN_PROGRESS"}], {"Content-Range": "0-0/40"}))
    server.route("GET", r"^/api/v2/management-server/jobs$", lambda req: {
        "records": [{"key": AQ_KEY, "state": "running"}], "num_records": 1, "total_records": 40,
        "_links": {"next": {"href": "/api/v2/management-server/jobs?max_records=1&offset=1"}}})
    server.route("POST", r"system\.Jobs\.get_jobs_list$", lambda req: {"async_jobs": {
        "__type__": "ResultSet", "__total_items__": 40,
        "__elements__": [{"__type__": "AsyncJob", "__properties__": {"id": 7, "status": 2}}]}})


def test_listing_that_ignores_paging_stops_at_the_second_page(ansible):
    with HostileServer() as server:
        _script_ignoring_paging(server)
        url = server.url()
        tasks = [{"name": api, "asyncjobs.fleet.job_info": dict(USER, api=api, url=url), "ignore_errors": True}
                 for api in ("drm", "powerstore", "aiqum", "rpc")]
        tasks.append({"name": "lookup", "ansible.builtin.set_fact": {
            "found": "{{ query('asyncjobs.fleet.jobs', api='drm', url='%s', username='admin', password='x') }}" % url},
            "ignore_errors": True})
        run = ansible.run_playbook(ansible.playbook(play(tasks)), timeout=120)
    expected = {"drm": "GET job listing: " + REPEATS, "powerstore": "GET PowerStore jobs: " + REPEATS,
                "aiqum": "GET AIQUM jobs: " + REPEATS, "rpc": "get_jobs_list: " + REPEATS,
                "lookup": "asyncjobs.fleet.jobs: GET job listing: " + REPEATS}
    for name, text in expected.items():
        result = run.entry(name)["result"]
        assert result.get("failed") is True, (name, result)
        assert text in result["msg"], (name, result["msg"])
        assert "\n" not in result["msg"]
    # Two pages each (the job_info and the lookup on Remote Manager), one login for PowerStore.
    assert len(server.seen("GET", r"^/ws/sci$")) == 4
    assert len(server.seen("GET", r"^/api/rest/job$")) == 2
    assert len(server.seen("GET", r"^/api/v2/management-server/jobs$")) == 2
    assert len(server.seen("POST", r"get_jobs_list$")) == 2


def test_listing_that_never_ends_is_bounded_by_the_wait_deadline(ansible):
    """A poll of two jobs reads the listing; this one brings a new job on every page and never the two."""
    counter = itertools.count(700000)
    with HostileServer() as server:
        server.route("GET", r"^/ws/sci$", lambda req: _drm_listing([next(counter)]))
        tasks = [{"name": "wait", "asyncjobs.fleet.job_wait": dict(
            USER, api="drm", url=server.url(), job_ids=["600001", "600002"], wait_timeout=6, poll_interval=0.5),
            "ignore_errors": True}]
        run = ansible.run_playbook(ansible.playbook(play(tasks)), timeout=120)
        served = len(server.seen("GET", r"^/ws/sci$"))
    result = run.entry("wait")["result"]
    assert result.get("failed") is True, result
    assert result["msg"].startswith("GET job listing: the listing was not finished after "), result["msg"]
    assert "when the task's wait_timeout ran out, and the server still says more remain" in result["msg"]
    assert result.get("changed") is False
    # Bounded: the pages read stopped (a generous bound; before the fix this never ended).
    assert 2 <= served < 100000
