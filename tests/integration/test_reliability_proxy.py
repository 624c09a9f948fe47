# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Proxies from the environment, through a real forward proxy on loopback (forward_proxy.py).

The collection keeps requests' environment handling for proxies while the task's TLS settings
win over the CA bundle variables (see test_reliability_tls.py), so: ``HTTPS_PROXY`` carries
every entry point (modules, the jobs lookup, the inventory plugin, ``async_request``) through a
CONNECT tunnel with TLS end to end, the proxy never sees the server's credentials, credentials
in the proxy URL authenticate to the proxy, ``NO_PROXY`` naming the lab's host bypasses it, and
plain HTTP goes through ``HTTP_PROXY`` as absolute-URI requests with its Authorization intact.

The lab listens on 127.0.0.1. requests does not bypass a proxy for loopback on its own (only
NO_PROXY does; on Linux urllib's proxy_bypass reads nothing else), so these requests really
take the proxy unless NO_PROXY says otherwise; a unit test in test_transport.py pins that.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlsplit

import pytest

from conftest import LAB_PASSWORD, LAB_USERNAME, AnsibleRunner, _lab_connection_env, private_lab
from forward_proxy import ForwardProxy
from test_reliability_tls import ci_environment, run_inventory, inventory_hosts

APPS = ("drm", "powerstore", "generic")
DEVICE = "00000000-00000000-00409DFF-FF000001"
CANARY = ["00000000-00000000-00409DFF-FF%06X" % i for i in range(1, 6)]
BASIC = base64.b64encode(("%s:%s" % (LAB_USERNAME, LAB_PASSWORD)).encode()).decode()
PROXY_USER = "proxy-user"
PROXY_PASSWORD = "proxy-Passw0rd-7"


@pytest.fixture(scope="module")
def tls_lab(tmp_path_factory):
    with private_lab(tmp_path_factory, "proxy-lab", devices=5, time_scale=0.25, tls=True, only=",".join(APPS)) as instance:
        yield instance


@pytest.fixture
def proxy():
    with ForwardProxy() as instance:
        yield instance


def target(lab, app):
    return urlsplit(lab.urls[app]).netloc


def totals(lab):
    return {app: sum(lab.stats(app)["requests"].values()) for app in APPS}


def tasks_yaml(tasks):
    return json.dumps([{"name": "proxy", "hosts": "localhost", "gather_facts": False, "tasks": tasks}], indent=1)


def entry_point_tasks(lab, name):
    """A module, a change, async_request with Basic credentials and the lookup, each on its own TLS setting."""
    return [
        {"name": "module", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE], "ca_path": lab.ca}},
        {"name": "change", "asyncjobs.fleet.powerstore_volume_group": {"name": name, "validate_certs": False}},
        {"name": "async_request", "asyncjobs.fleet.async_request": {
            "url": lab.urls["generic"] + "/azure/widgets?api-version=2024-01-01", "method": "POST",
            "body_format": "json", "body": {"name": name}, "ca_path": lab.ca,
            "url_username": LAB_USERNAME, "url_password": LAB_PASSWORD}},
        {"name": "lookup", "ansible.builtin.set_fact": {
            "jobs": "{{ query('asyncjobs.fleet.jobs', api='powerstore', ca_path='%s') }}" % lab.ca}},
    ]


def assert_entry_points_worked(run, name):
    assert [d["id"] for d in run.result("module")["devices"]] == [DEVICE]
    assert run.status("change") == "changed" and run.result("change")["volume_group"]["name"] == name
    assert run.status("async_request") == "changed" and run.result("async_request")["state"] == "succeeded"
    assert any(j["resource_name"] == name for j in run.result("lookup")["ansible_facts"]["jobs"])


def test_https_proxy_carries_every_entry_point_and_sees_no_credentials(tls_lab, proxy, tmp_path):
    env = ci_environment(tls_lab)
    env["HTTPS_PROXY"] = proxy.url()
    runner = AnsibleRunner(tmp_path, env)
    before = totals(tls_lab)
    run = runner.run_playbook(runner.playbook(tasks_yaml(entry_point_tasks(tls_lab, "vg-proxied"))))
    assert_entry_points_worked(run, "vg-proxied")
    proc, inventory = run_inventory(runner, tmp_path, "proxied", {"validate_certs": False})
    assert inventory_hosts(inventory) == CANARY, proc.stderr

    # Every task opened at least one tunnel to its appliance (the lookup and the inventory plugin
    # on the controller too), and every request the lab served came through one.
    assert proxy.connects(target(tls_lab, "drm")) >= 2  # module, inventory
    assert proxy.connects(target(tls_lab, "powerstore")) >= 2  # change, lookup
    assert proxy.connects(target(tls_lab, "generic")) >= 1
    assert proxy.forwards() == 0
    seen = proxy.snapshot()
    assert {r["target"] for r in seen} == {target(tls_lab, app) for app in APPS}
    after = totals(tls_lab)
    assert all(after[app] > before[app] for app in APPS), (before, after)
    # TLS is end to end: the proxy saw CONNECT heads only, with no credential of the server's.
    for head in seen:
        assert head["method"] == "CONNECT" and "authorization" not in head["headers"], head
        assert not any(LAB_PASSWORD in v or BASIC in v for v in head["headers"].values()), head


@pytest.mark.parametrize("variable, value", [("NO_PROXY", "127.0.0.1"), ("no_proxy", "localhost,127.0.0.1")])
def test_no_proxy_naming_the_lab_host_bypasses_the_proxy(tls_lab, proxy, tmp_path, variable, value):
    env = ci_environment(tls_lab)
    env.update({"HTTPS_PROXY": proxy.url(), "https_proxy": proxy.url(), variable: value})
    runner = AnsibleRunner(tmp_path, env)
    name = "vg-direct-%d" % len(variable + value)
    run = runner.run_playbook(runner.playbook(tasks_yaml(entry_point_tasks(tls_lab, name))))
    assert_entry_points_worked(run, name)
    proc, inventory = run_inventory(runner, tmp_path, "direct", {"ca_path": tls_lab.ca})
    assert inventory_hosts(inventory) == CANARY, proc.stderr
    assert proxy.snapshot() == []


def test_proxy_credentials_in_the_proxy_url(tls_lab, tmp_path):
    """Credentials in HTTPS_PROXY reach the proxy (on CONNECT only); wrong ones fail once, clearly."""
    with ForwardProxy(credentials=(PROXY_USER, PROXY_PASSWORD)) as proxy:
        host = "127.0.0.1:%d" % proxy.port
        env = ci_environment(tls_lab)
        env["HTTPS_PROXY"] = "http://%s:%s@%s" % (PROXY_USER, PROXY_PASSWORD, host)
        runner = AnsibleRunner(tmp_path, env)
        tasks = [
            {"name": "right proxy password", "asyncjobs.fleet.job_info": {"api": "powerstore", "ca_path": tls_lab.ca}},
            # From the task's environment: keyword, which the action plugin (running on the controller) must
            # apply as a module process would get it.
            {"name": "wrong proxy password", "asyncjobs.fleet.job_info": {"api": "powerstore", "ca_path": tls_lab.ca},
             "environment": {"HTTPS_PROXY": "http://%s:wrong-%s@%s" % (PROXY_USER, PROXY_PASSWORD, host)},
             "ignore_errors": True},
        ]
        run = runner.run_playbook(runner.playbook(tasks_yaml(tasks)), verbosity=3)
        seen = proxy.snapshot()
    assert run.status("right proxy password") == "ok"
    assert run.status("wrong proxy password") == "failed"
    msg = run.result("wrong proxy password")["msg"]
    assert msg.endswith("failed: the proxy requires authentication (HTTP 407): write its user and password into "
                        "HTTPS_PROXY as user:password@ before the proxy's host, or list the server in NO_PROXY"), msg
    refused = [r for r in seen if not r["allowed"]]
    assert len(refused) == 1  # a 407 is not retried: the same credentials would fail again
    allowed = [r for r in seen if r["allowed"]]
    assert allowed and all(r["method"] == "CONNECT" for r in allowed)
    assert "Traceback" not in run.stdout + run.stderr
    assert PROXY_PASSWORD not in run.stdout + run.stderr


def test_plain_http_through_http_proxy_keeps_the_authorization(lab, proxy, tmp_path):
    """Plain HTTP: absolute-URI requests to HTTP_PROXY, the server's Basic credentials forwarded (not lost),
    and NO_PROXY still bypasses (a second proxy that must see nothing)."""
    env = _lab_connection_env(lab)
    env.update(dict.fromkeys(("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy",
                              "NO_PROXY", "no_proxy")))
    env["HTTP_PROXY"] = proxy.url()
    runner = AnsibleRunner(tmp_path, env)
    with ForwardProxy() as bypassed:
        tasks = [
            {"name": "module", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE]}},
            {"name": "lookup", "ansible.builtin.set_fact": {"jobs": "{{ query('asyncjobs.fleet.jobs', api='drm') }}"}},
            {"name": "bypassed", "asyncjobs.fleet.drm_device_info": {"devices": [DEVICE]},
             "environment": {"HTTP_PROXY": bypassed.url(), "NO_PROXY": "127.0.0.1"}},
        ]
        run = runner.run_playbook(runner.playbook(tasks_yaml(tasks)))
        bypassed_seen = bypassed.snapshot()
    for name in ("module", "bypassed"):
        assert [d["id"] for d in run.result(name)["devices"]] == [DEVICE]
    assert isinstance(run.result("lookup")["ansible_facts"]["jobs"], list)
    drm = urlsplit(lab.urls["drm"]).netloc
    seen = proxy.snapshot()
    assert proxy.forwards(drm) >= 2 and proxy.connects() == 0
    assert all(r["headers"].get("authorization") == "Basic " + BASIC for r in seen), seen
    assert bypassed_seen == []
