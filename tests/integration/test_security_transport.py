# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Transport security against a hostile manager (issue 12 items 2, 4, 5 and 9), over real HTTP.

Two HostileServer instances play the manager and a foreign host (another port on loopback is
another origin). Each test asserts what the foreign host saw, from its own records, and the
task's outcome; nothing depends on timing.
"""

from __future__ import annotations

import base64
import json

from hostile_server import HostileServer

USER = "admin"
PASSWORD = "Hostile-Passw0rd!long"
TOKEN = base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode()
JOBS = r"^/api/v2/management-server/jobs$"


def _job(key):
    return {"key": key, "state": "completed", "status": "normal", "operation": "create file share",
            "resource": {"key": "c:type=volume,uuid=" + key, "name": "share_" + key}}


def _aiqum_listing(foreign):
    """A first page whose next link sends the client (with its Basic credentials) to ``foreign``."""
    def listing(req):
        href = foreign.url("/api/v2/management-server/jobs?offset=1&max_records=1")
        return {"records": [_job("k1")], "num_records": 1, "total_records": 2, "_links": {"next": {"href": href}}}
    return listing


def _pieces(secret, floor=4):
    return [secret[:n] for n in range(floor, len(secret) + 1)]


def _leaks(text, secret):
    return [p for p in _pieces(secret) if p in text]


def _refusal(manager, foreign):
    return ("GET AIQUM jobs: refused to follow a link the server handed back to http://127.0.0.1:%d: credentials are "
            "only sent to the configured url's origin http://127.0.0.1:%d, and a link to another scheme, host or port "
            "is not followed (nothing was sent there)" % (foreign.port, manager.port))


def test_aiqum_next_link_to_another_origin_gets_nothing(ansible):
    """Item 2: job_info and the jobs lookup refuse a foreign _links.next; the foreign host sees no request."""
    with HostileServer() as manager, HostileServer() as foreign:
        manager.route("GET", JOBS, _aiqum_listing(foreign))
        foreign.route("GET", r".", lambda req: {"records": [_job("k2")], "num_records": 1, "_links": {}})
        env = {"AIQUM_URL": manager.url(), "AIQUM_USERNAME": USER, "AIQUM_PASSWORD": PASSWORD}
        pb = ansible.playbook("""
- hosts: localhost
  gather_facts: false
  tasks:
    - name: List jobs
      asyncjobs.fleet.job_info:
        api: aiqum
      ignore_errors: true
    - name: Lookup jobs
      ansible.builtin.set_fact:
        found: "{{ lookup('asyncjobs.fleet.jobs', api='aiqum') }}"
      ignore_errors: true
    - name: Wait for a job
      asyncjobs.fleet.job_wait:
        api: aiqum
        job_ids: [k1]
        wait_timeout: 600
      ignore_errors: true
""")
        run = ansible.run_playbook(pb, env=env)
    assert foreign.seen() == [], foreign.seen()
    # The manager itself got the credentials, as it should; the wait stopped at its first poll
    # (the same link would come back on every poll).
    assert [creds for _req, creds in manager.credentials_seen()] == [{"authorization": "Basic " + TOKEN}] * 3
    waited = run.result("Wait for a job")
    assert run.status("Wait for a job") == "failed" and waited["msg"].startswith(_refusal(manager, foreign)), waited
    info = run.result("List jobs")
    assert run.status("List jobs") == "failed" and info["msg"].startswith(_refusal(manager, foreign)), info["msg"]
    lookup = run.result("Lookup jobs")
    assert run.status("Lookup jobs") == "failed" and _refusal(manager, foreign) in lookup["msg"], lookup["msg"]


def test_aiqum_relative_and_same_origin_next_links_are_followed(ansible):
    """The rule refuses only another origin: a relative link and the manager's own absolute link are paged."""
    with HostileServer() as manager:
        def listing(req):
            offset = int(req.param("offset", "0"))
            # A root-relative link, then the manager's own origin spelled differently (case).
            hrefs = {0: "/api/v2/management-server/jobs?offset=1&max_records=1",
                     1: "HTTP://127.0.0.1:%d/api/v2/management-server/jobs?offset=2&max_records=1" % manager.port}
            page = {"records": [_job("k%d" % offset)], "num_records": 1, "_links": {}}
            if offset in hrefs:
                page["_links"]["next"] = {"href": hrefs[offset]}
            return page
        manager.route("GET", JOBS, listing)
        env = {"AIQUM_URL": manager.url(), "AIQUM_USERNAME": USER, "AIQUM_PASSWORD": PASSWORD}
        pb = ansible.playbook("""
- hosts: localhost
  gather_facts: false
  tasks:
    - name: List jobs
      asyncjobs.fleet.job_info:
        api: aiqum
""")
        run = ansible.run_playbook(pb, env=env)
    assert sorted(j["id"] for j in run.result("List jobs")["jobs"]) == ["k0", "k1", "k2"]
    assert [r.param("offset") for r in manager.seen("GET", JOBS)] == [None, "1", "2"]


# The excerpt of an error body is 200 characters: the token starts at pad + 31, so these put our cut
# before, inside and after it, and the server's cut (pad + 38) inside or beyond ours.
PADS = [120, 160, 166, 168, 172, 180, 190]


def test_an_echo_cut_by_the_server_leaves_no_piece_of_the_credentials(ansible):
    """Item 4: an error body echoing the Authorization header, cut by the server mid-token and at every
    offset around the excerpt's own cut, shows no 4-character piece of the Basic token or password."""
    pads = iter(PADS)
    with HostileServer() as manager:
        def echo(req):
            pad = next(pads)
            line = "x" * pad + " you sent Authorization: " + req.headers["authorization"]
            return (400, line[:pad + 38])  # the server's own cut, 7 characters into the token
        manager.route("GET", JOBS, echo)
        env = {"AIQUM_URL": manager.url(), "AIQUM_USERNAME": USER, "AIQUM_PASSWORD": PASSWORD}
        pb = ansible.playbook("""
- hosts: localhost
  gather_facts: false
  tasks:
    - name: Poll
      asyncjobs.fleet.job_info:
        api: aiqum
      loop: %s
      ignore_errors: true
""" % json.dumps(PADS))
        run = ansible.run_playbook(pb, env=env)
    results = run.result("Poll")["results"]
    assert len(results) == len(PADS) and all(r.get("failed") for r in results), run.describe()
    for result in results:
        shown = json.dumps(result)
        assert "you sent" in shown, result["msg"]
        assert not _leaks(shown, TOKEN) and not _leaks(shown, PASSWORD), result["msg"]


def _async_play(url, **task):
    options = "\n".join("        %s: %s" % (k, json.dumps(v)) for k, v in task.items())
    return """
- hosts: localhost
  gather_facts: false
  tasks:
    - name: Request
      asyncjobs.fleet.async_request:
        url: %s
%s
      ignore_errors: true
""" % (json.dumps(url), options)


def test_async_request_monitor_on_another_origin_gets_only_allow_listed_headers(ansible):
    """Item 9: X-Credential and X-Pass (names a deny-list misses) and every credential stay home."""
    headers = {"Authorization": "Bearer tok-abcdef", "X-Credential": "cred-abcdef", "X-Pass": "pass-abcdef",
               "X-Trace": "trace-1", "Accept": "application/json", "Accept-Language": "de"}
    with HostileServer() as manager, HostileServer() as foreign:
        manager.route("POST", r"^/ops$", lambda req: (202, {"id": "op1"}, {"Location": foreign.url("/monitor/op1")}))
        foreign.route("GET", r"^/monitor/op1$", lambda req: {"status": "Succeeded", "result": {"ok": True}})
        pb = ansible.playbook(_async_play(manager.url("/ops"), method="POST", headers=headers,
                                          url_username=USER, url_password=PASSWORD, poll_interval=0.1))
        run = ansible.run_playbook(pb)
    result = run.result("Request")
    assert run.status("Request") == "changed" and result["state"] == "succeeded", result
    assert [(r.method, r.path) for r in foreign.seen()] == [("GET", "/monitor/op1")]
    sent = foreign.seen()[0].headers
    assert foreign.credentials_seen() == []
    assert {"x-trace", "x-credential", "x-pass", "authorization", "cookie"}.isdisjoint(sent), sent
    assert sent["accept"] == "application/json" and sent["accept-language"] == "de"
    # The request itself went to the manager with everything.
    home = manager.seen("POST")[0].headers
    assert home["x-credential"] == "cred-abcdef" and home["authorization"] == "Bearer tok-abcdef"


def test_async_request_url_userinfo_echoed_back_is_redacted(ansible):
    """Item 5: a password given as URL user-info, which requests sends as Basic, is not in the result
    when the server echoes the request's headers, nor in the failure message."""
    password = "p@ss:Userinfo-9"
    quoted = "p%40ss%3AUserinfo-9"
    token = base64.b64encode(("bob:" + password).encode()).decode()
    with HostileServer() as manager:
        manager.route("GET", r"^/echo$", lambda req: {"headers": req.headers})
        manager.route("GET", r"^/fail$", lambda req: (400, {"error": {"code": "E", "message": "you sent %s" % req.headers}}))
        pb = ansible.playbook(_async_play(manager.url("/echo", userinfo="bob:" + quoted)) + """
    - name: Failing
      asyncjobs.fleet.async_request:
        url: %s
      ignore_errors: true
""" % json.dumps(manager.url("/fail", userinfo="bob:" + quoted)))
        run = ansible.run_playbook(pb)
    # requests did send the user-info as Basic, so the echo really carried it.
    assert [r.headers["authorization"] for r in manager.seen()] == ["Basic " + token] * 2
    echoed, failed = run.result("Request"), run.result("Failing")
    assert run.status("Request") == "ok" and "authorization" in echoed["json"]["headers"]
    assert run.status("Failing") == "failed" and "you sent" in failed["msg"]
    for result in (echoed, failed):
        shown = json.dumps(result)
        for secret in (password, quoted, token):
            assert secret not in shown, (secret, shown)
