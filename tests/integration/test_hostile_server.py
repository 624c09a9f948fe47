# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The hostile-server fixture itself: scripted replies, recording, hanging (no Ansible involved)."""

import requests

from hostile_server import HANG, HostileServer


def test_routes_record_and_reply():
    with HostileServer() as server:
        server.route("GET", r"^/a$", lambda req: {"n": req.param("n")})
        server.route("POST", r"^/b/", lambda req: (202, "taken", {"Location": "/c"}))
        first = requests.get(server.url("/a?n=1"), headers={"Authorization": "Basic eA=="}, timeout=5)
        second = requests.post(server.url("/b/x"), data=b"body", allow_redirects=False, timeout=5)
        missing = requests.get(server.url("/nowhere"), timeout=5)
    assert first.json() == {"n": "1"}
    assert (second.status_code, second.text, second.headers["Location"]) == (202, "taken", "/c")
    assert missing.status_code == 404
    assert [(r.method, r.path) for r in server.seen()] == [("GET", "/a"), ("POST", "/b/x"), ("GET", "/nowhere")]
    assert server.seen("POST")[0].body == b"body"
    assert [creds for _req, creds in server.credentials_seen()] == [{"authorization": "Basic eA=="}]


def test_later_route_wins_and_hang_holds_the_reply():
    with HostileServer() as server:
        server.route("GET", r".", lambda req: {"who": "first"})
        server.route("GET", r"^/slow$", lambda req: HANG)
        assert requests.get(server.url("/fast"), timeout=5).json() == {"who": "first"}
        try:
            requests.get(server.url("/slow"), timeout=(5, 0.5))
            raised = False
        except requests.exceptions.ReadTimeout:
            raised = True
    assert raised
