# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""asyncjobs.fleet.async_request against the lab's generic appliance, over real HTTP.

Every convention (Azure Operation-Location, ARM Azure-AsyncOperation + Location, Location only,
AIP-151, RFC 7240 Prefer) is exercised by a real playbook; the lab's counters prove which
monitor was followed, how many polls were made, and that no poll came before the server's
Retry-After (``polls.early``).  Submissions carry ``duration`` in real seconds, so the tests do
not depend on the lab's time scale.
"""

from __future__ import annotations

import json

import pytest

V = "?api-version=2024-01-01"


def play(*tasks, name="Test"):
    """A one-play playbook on localhost; the lab's credentials are module defaults."""
    body = "\n".join(tasks)
    indented = "\n".join(("    " + line) if line.strip() else "" for line in body.splitlines())
    return (f"- name: {name}\n  hosts: localhost\n  gather_facts: false\n"
            "  vars:\n    base: \"{{ lookup('ansible.builtin.env', 'GENERIC_URL') }}\"\n"
            "  module_defaults:\n    asyncjobs.fleet.async_request:\n"
            "      url_username: \"{{ lookup('ansible.builtin.env', 'GENERIC_USERNAME') }}\"\n"
            "      url_password: \"{{ lookup('ansible.builtin.env', 'GENERIC_PASSWORD') }}\"\n"
            f"  tasks:\n{indented}\n")


@pytest.fixture
def generic(lab):
    lab.reset("generic")
    lab.config("generic", retry_after=1)
    yield lab.url("generic")
    lab.config("generic", retry_after=1)


def gets(delta, route):
    return delta["requests"].get("GET " + route, 0)


def test_azure_operation_location_honours_retry_after(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Build
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: w1, size: 3, duration: 2}}
    poll_interval: 0.1
    max_poll_interval: 0.1
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Build")
    assert run.status("Build") == "changed"
    assert r["status"] == 202 and r["monitor_source"] == "Operation-Location"
    assert r["monitor_url"].startswith(generic + "/azure/operations/azure-") and r["monitor_url"].endswith(V)
    assert (r["state"], r["raw_state"], r["progress"]) == ("succeeded", "Succeeded", 100)
    assert r["result"] == {"id": "/azure/widgets/w1", "name": "w1", "size": 3}
    assert r["json"] == {"id": r["headers"]["Operation-Id"], "status": "NotStarted"}
    assert r["headers"]["Retry-After"] == "1" and r["operation"]["status"] == "Succeeded"
    # 2 s of work with Retry-After: 1 on every non-terminal answer: polls about 1 s apart (2 or 3
    # of them; 1 if a loaded machine delays the first past the end), never at the 0.1 s
    # poll_interval. The lab judges each poll against the Retry-After it gave: none came early.
    assert gets(delta, "/azure/operations/{id}") in (1, 2, 3)
    assert r["polls"] == gets(delta, "/azure/operations/{id}")
    assert delta["polls"].get("early", 0) == 0 and delta["polls"]["on_time"] == r["polls"]
    assert r["elapsed"] >= 1.0
    assert delta["requests"]["POST /azure/widgets"] == 1
    assert r["requests"] == sum(delta["methods"].values()) == 1 + r["polls"]


def test_arm_prefers_azure_asyncoperation_and_reads_the_resource(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Auto
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/arm/widgets/w1{V}"
    method: PUT
    body_format: json
    body: {{properties: {{size: 4}}, duration: 0.5}}
- name: Location chosen
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/arm/widgets/w2{V}"
    method: PUT
    body_format: json
    body: {{properties: {{size: 5}}, duration: 0.5}}
    monitor_header: Location
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    auto, loc = run.result("Auto"), run.result("Location chosen")
    assert auto["monitor_source"] == "Azure-AsyncOperation" and "/arm/operations/" in auto["monitor_url"]
    assert loc["monitor_source"] == "Location" and "/arm/operationResults/" in loc["monitor_url"]
    # The Azure-AsyncOperation status has no result: ARM's rule reads the PUT resource afterwards.
    assert auto["result_url"] == generic + f"/arm/widgets/w1{V}"
    assert auto["result"]["properties"] == {"size": 4, "provisioningState": "Succeeded"}
    assert auto["raw_state"] == "Succeeded" and auto["operation"]["status"] == "Succeeded"
    # Location: 202 until done, then 200 with the resource itself; no extra GET.
    assert loc["result"]["properties"] == {"size": 5, "provisioningState": "Succeeded"} and "result_url" not in loc
    assert loc["raw_state"] == "HTTP 200" and loc["final_status"] == 200
    assert gets(delta, "/arm/operations/{id}") == 1 and gets(delta, "/arm/operationResults/{id}") == 1
    assert gets(delta, "/arm/widgets/{name}") == 1 and delta["methods"]["PUT"] == 2
    assert delta["polls"].get("early", 0) == 0


def test_location_only_resolves_relative_monitor_and_returns_the_resource(generic, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Report
  asyncjobs.fleet.async_request:
    url: "{{ base }}/location/jobs"
    method: POST
    body_format: json
    body: {report: r7, duration: 1.5}
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Report")
    assert r["headers"]["Location"].startswith("/location/jobs/")
    assert r["monitor_url"] == generic + r["headers"]["Location"]
    # The final resource has a status of its own ("ready"); a 200 on a Location monitor is the end.
    assert r["state"] == "succeeded" and r["result"]["status"] == "ready" and r["result"]["report"] == "r7"
    # 1.5 s of work, Retry-After: 1: two polls, or one if a loaded machine delays the first past
    # the end; never an early one.
    assert r["polls"] == gets(delta, "/location/jobs/{id}") and r["polls"] in (1, 2)
    assert delta["polls"] == {"on_time": r["polls"]}


def test_aip151_operation_name_is_polled_at_the_version_root(generic, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Import
  asyncjobs.fleet.async_request:
    url: "{{ base }}/v1/things:import"
    method: POST
    body_format: json
    body: {source: "gs://bucket/x.csv", duration: 0.6}
    poll_interval: 0.2
    max_poll_interval: 0.2
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Import")
    assert r["status"] == 200 and r["json"]["done"] is False and r["monitor_source"] == "name"
    assert r["monitor_url"] == generic + "/v1/" + r["json"]["name"]
    assert r["state"] == "succeeded" and r["raw_state"] is True and r["progress"] == 100
    assert r["result"] == {"@type": "type.googleapis.com/lab.v1.ImportResponse", "source": "gs://bucket/x.csv",
                           "imported": 42}
    # No Retry-After here: poll_interval (0.2 s) paces the polls, so 0.6 s of work takes at most
    # 5 (fewer when a loaded machine is slower than the pace).
    assert 1 <= r["polls"] == gets(delta, "/v1/operations/{id}") <= 5


def test_prefer_respond_async_negotiation(generic, ansible, lab_delta):
    pb = ansible.playbook(play("""
- name: Synchronous
  asyncjobs.fleet.async_request:
    url: "{{ base }}/prefer/reports"
    method: POST
    body_format: json
    body: {report: q1, duration: 0.3}
- name: Asynchronous
  asyncjobs.fleet.async_request:
    url: "{{ base }}/prefer/reports"
    method: POST
    body_format: json
    body: {report: q2, duration: 0.5}
    prefer_async: true
    result_field: task.result
- name: Quick enough to wait for
  asyncjobs.fleet.async_request:
    url: "{{ base }}/prefer/reports"
    method: POST
    body_format: json
    body: {report: q3, duration: 0.2}
    prefer_async: true
    prefer_wait: 5
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    sync, asyn, quick = run.result("Synchronous"), run.result("Asynchronous"), run.result("Quick enough to wait for")
    assert sync["status"] == 200 and sync["monitor_url"] is None and sync["polls"] == 0
    assert sync["result"] == sync["json"] == {"report": "q1", "rows": 42, "total": 1234.5}
    assert sync["preference_applied"] is None and sync["state"] == "succeeded"
    assert asyn["status"] == 202 and asyn["preference_applied"] == "respond-async"
    assert asyn["monitor_url"] == generic + "/prefer/" + asyn["headers"]["Location"]
    assert asyn["result"] == {"report": "q2", "rows": 42, "total": 1234.5}
    assert asyn["raw_state"] is True and asyn["operation"]["progress"] == "succeeded"
    assert quick["status"] == 200 and quick["preference_applied"] == "wait=5" and quick["result"]["report"] == "q3"
    assert delta["prefer"] == {"none": 1, "respond-async": 2}
    assert gets(delta, "/prefer/jobs/{id}") == 1


def test_failures_surface_the_operation_error(generic, ansible):
    pb = ansible.playbook(play(f"""
- name: Azure failure
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: bad, fail: true, duration: 0}}
  ignore_errors: true
- name: Azure cancel
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: gone, cancel: true, duration: 0}}
  ignore_errors: true
- name: AIP failure
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/v1/things:import"
    method: POST
    body_format: json
    body: {{source: x, fail: true, duration: 0}}
    poll_interval: 0.1
  ignore_errors: true
- name: Location failure
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/location/jobs"
    method: POST
    body_format: json
    body: {{fail: true, duration: 0}}
  ignore_errors: true
"""))
    run = ansible.run_playbook(pb)
    azure = run.result("Azure failure")
    assert run.status("Azure failure") == "failed" and azure["changed"] is True
    assert azure["msg"] == (f"The operation at {azure['monitor_url']} ended Failed: WidgetFailed: Operation "
                            f"{azure['json']['id']} failed (simulated failure requested with fail=true)")
    assert azure["error"]["code"] == "WidgetFailed" and azure["state"] == "failed"
    cancel = run.result("Azure cancel")
    assert run.status("Azure cancel") == "failed" and cancel["state"] == "canceled"
    assert cancel["msg"] == f"The operation at {cancel['monitor_url']} ended Canceled"
    aip = run.result("AIP failure")
    assert aip["error"]["code"] == 9 and aip["state"] == "failed"
    assert aip["msg"].startswith(f"The operation at {aip['monitor_url']} ended failed (done=true): 9: ")
    loc = run.result("Location failure")
    assert loc["final_status"] == 422 and loc["error"]["code"] == "JobFailed"
    assert "ended HTTP 422: JobFailed:" in loc["msg"]


def test_timeout_names_the_monitor_and_last_status(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Slow
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: slow, duration: 30}}
    wait_timeout: 1.5
  ignore_errors: true
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Slow")
    assert run.status("Slow") == "failed" and r["changed"] is True
    assert r["msg"].startswith(f"Timed out after 1.5s waiting for the operation at {r['monitor_url']}; "
                               "last status: Running, HTTP 200")
    # The next poll was due (Retry-After: 1) after the deadline: no early poll to beat it.
    assert "Retry-After" in r["msg"] and delta["polls"] == {"on_time": 1}
    assert (r["state"], r["raw_state"], r["polls"]) == ("running", "Running", 1)


def test_check_mode_sends_nothing_for_post_but_runs_get(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Build
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: w1}}
- name: List
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb, check=True)
    build, listing = run.result("Build"), run.result("List")
    assert build["changed"] is True and build["requests"] == 0
    assert build["would_request"] == {"method": "POST", "url": generic + f"/azure/widgets{V}"}
    assert listing["changed"] is False and listing["status"] == 200 and listing["result"] == {"value": []}
    assert delta["methods"]["POST"] == 0 and sum(delta["methods"].values()) == 1
    assert delta.get("submissions", {}) == {}


def test_wait_false_returns_the_monitor_after_one_request(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Submit
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: later, duration: 5}}
    wait: false
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Submit")
    assert (r["state"], r["raw_state"], r["requests"], r["polls"]) == ("pending", "NotStarted", 1, 0)
    assert r["monitor_url"].startswith(generic + "/azure/operations/")
    assert sum(delta["methods"].values()) == 1


def test_bad_input_sends_nothing(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Dict body as raw
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body: {{name: w1}}
  ignore_errors: true
- name: Intervals
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    poll_interval: 5
    max_poll_interval: 1
  ignore_errors: true
- name: Unknown option
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    colour: blue
  ignore_errors: true
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    assert "body must be a string when body_format is raw" in run.result("Dict body as raw")["msg"]
    assert "max_poll_interval (1.0) must be at least poll_interval (5.0)" in run.result("Intervals")["msg"]
    assert "colour" in run.result("Unknown option")["msg"]
    assert all(run.status(t) == "failed" for t in ("Dict body as raw", "Intervals", "Unknown option"))
    assert sum(delta["methods"].values()) == 0


def test_non_accepted_status_fails_like_uri(generic, ansible):
    pb = ansible.playbook(play("""
- name: Missing api-version
  asyncjobs.fleet.async_request:
    url: "{{ base }}/azure/widgets"
    method: POST
    body_format: json
    body: {name: w1}
  ignore_errors: true
- name: Accepted explicitly
  asyncjobs.fleet.async_request:
    url: "{{ base }}/azure/widgets"
    method: POST
    status_code: [400]
    return_content: true
"""))
    run = ansible.run_playbook(pb)
    r = run.result("Missing api-version")
    assert r["msg"].startswith("Status code was 400 and not [200, 201, 202, 204]: POST " + generic + "/azure/widgets answered "
                               "BadRequest: api-version=2024-01-01 is required")
    assert r["status"] == 400 and r["json"]["error"]["code"] == "BadRequest" and r["changed"] is False
    ok = run.result("Accepted explicitly")
    assert ok["status"] == 400 and json.loads(ok["content"]) == ok["json"] == ok["result"]


def test_credentials_are_not_sent_to_a_monitor_on_another_origin(generic, ansible, lab_delta):
    pb = ansible.playbook(play(f"""
- name: Elsewhere
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: w1, duration: 0, monitor_host: localhost}}
    headers:
      Authorization: "{{{{ 'Basic ' ~ ('admin:' ~ lookup('ansible.builtin.env', 'GENERIC_PASSWORD')) | b64encode }}}}"
  ignore_errors: true
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    r = run.result("Elsewhere")
    # 127.0.0.1 and localhost are different origins: neither the Basic credentials nor the
    # Authorization header follow the monitor there, so the lab answers 401.
    assert r["monitor_url"].startswith("http://localhost:")
    assert r["msg"] == f"The operation monitor {r['monitor_url']} answered HTTP 401: Unauthorized: Authentication required"
    assert gets(delta, "/azure/operations/{id}") == 1 and r["changed"] is True


def test_secrets_never_in_output_and_module_path(generic, ansible, tmp_path):
    secret = "Wr0ng-S3cret-Pa55"
    header_secret = "hdr-S3cret-Token-9"
    pb = ansible.playbook(play("""
- name: Wrong password
  asyncjobs.fleet.async_request:
    url: "{{ base }}/location/jobs"
    method: POST
    url_password: "{{ wrong_secret }}"
    headers:
      X-Api-Token: "{{ header_secret }}"
  ignore_errors: true
- name: As a module
  asyncjobs.fleet.async_request:
    url: "{{ base }}/location/jobs"
    method: POST
    body_format: json
    body: {duration: 0}
    headers:
      X-Api-Token: "{{ header_secret }}"
  vars:
    ansible_connection: remote_local
- name: Credentials in the url
  asyncjobs.fleet.async_request:
    url: "{{ base | replace('://', '://admin:' ~ wrong_secret ~ '@') }}/v1/operations/none"
  ignore_errors: true
"""))
    run = ansible.run_playbook(pb, verbosity=4, extra_vars={"wrong_secret": secret, "header_secret": header_secret},
                               env={"ANSIBLE_LOG_PATH": str(tmp_path / "ansible.log")})
    wrong = run.result("Wrong password")
    assert "Status code was 401" in wrong["msg"] and wrong["status"] == 401
    module = run.result("As a module")
    assert "invocation" in module and module["state"] == "succeeded" and module["polls"] == 1
    assert run.result("Credentials in the url")["url"].startswith("http://********@127.0.0.1")
    text = run.stdout + run.stderr + (tmp_path / "ansible.log").read_text() + json.dumps(run.results)
    assert secret not in text and header_secret not in text
    assert "lab-Passw0rd!" not in text


def test_the_request_budget_applies_to_async_request(generic, ansible, lab_delta, tmp_path):
    """The budget options reach the transport (its shared file is made and used), and a bad value is
    refused before anything is sent."""
    budget = tmp_path / "generic.budget"
    pb = ansible.playbook(play(f"""
- name: Build
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: w2, size: 1, duration: 0}}
    poll_interval: 0.1
    requests_per_second: 50
    max_concurrent_requests: 1
    request_budget_file: "{budget}"
"""))
    with lab_delta("generic") as delta:
        run = ansible.run_playbook(pb)
    assert run.status("Build") == "changed" and run.result("Build")["state"] == "succeeded"
    assert budget.is_file() and (tmp_path / "generic.budget.slot0").is_file()
    assert run.result("Build")["requests"] == sum(delta["methods"].values())

    refused = ansible.playbook(play(f"""
- name: Build
  asyncjobs.fleet.async_request:
    url: "{{{{ base }}}}/azure/widgets{V}"
    method: POST
    body_format: json
    body: {{name: w3, size: 1}}
    requests_per_second: 0
"""))
    with lab_delta("generic") as nothing:
        run = ansible.run_playbook(refused, expect_rc=2)
    assert run.status("Build") == "failed" and "requests_per_second" in run.result("Build")["msg"]
    assert sum(nothing["methods"].values()) == 0
