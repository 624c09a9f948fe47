# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Jobs the collection did not submit, read with its normal tools (issue 11, item 3).

Vendor clients create the jobs: Digi's python-devicecloud (reboot, file_system) against the
lab's Remote Manager, Dell's PyPowerStore against a TLS PowerStore lab (PyPowerStore only
speaks https), and plain HTTP for an AIQUM LUN job. ``job_wait``, ``job_info`` (by id and by
filter) and the ``jobs`` lookup must report what happened: a reboot that reached one of two
devices is ``partial``, with the offline device and error 2001 named when ``fail_on`` fails.
Nothing here depends on timing: every assertion is on outcomes.
"""

from __future__ import annotations

import json
import urllib.parse

import pytest
import requests

from conftest import LAB_PASSWORD, LAB_USERNAME, AnsibleRunner, private_lab

from devicecloud import DeviceCloud
from devicecloud.file_system_service import FileSystemServiceCommandBlock, LsCommand, DeleteCommand
from devicecloud.sci import DeviceTarget


def play(tasks):
    return json.dumps([{"name": "foreign jobs", "hosts": "localhost", "gather_facts": False, "tasks": tasks}],
                      indent=1)


# ---------------------------------------------------------------- Remote Manager (devicecloud)

@pytest.fixture
def fleet(lab):
    lab.reset()
    devices = lab.devices("drm")
    online = [d["devConnectwareId"] for d in devices if d["online"]]
    offline = [d["devConnectwareId"] for d in devices if not d["online"]]
    assert online and offline, "lab fleet rules changed"
    return online, offline


@pytest.fixture
def dc(lab):
    return DeviceCloud(LAB_USERNAME, LAB_PASSWORD, base_url=lab.url("drm"))


def send_async(dc, operation, devices, payload="", **options):
    proxy = dc.sci.send_sci_async(operation, [DeviceTarget(d) for d in devices], payload, **options)
    assert proxy is not None, "Remote Manager created no job"
    return str(proxy.job_id)


def test_reboot_from_devicecloud_is_read_per_device(fleet, dc, ansible):
    online, offline = fleet
    mixed = send_async(dc, "reboot", [online[0], offline[0]])
    dead = send_async(dc, "reboot", [offline[1]])
    quiet = send_async(dc, "reboot", [online[1], offline[2]], reply="none")
    tasks = [
        {"name": "wait any", "asyncjobs.fleet.job_wait": {"api": "drm", "job_ids": [mixed], "fail_on": "any",
                                                          "poll_interval": 0.2}, "ignore_errors": True},
        {"name": "wait all", "asyncjobs.fleet.job_wait": {"api": "drm", "job_ids": [dead], "fail_on": "all",
                                                          "poll_interval": 0.2}, "ignore_errors": True},
        {"name": "wait never", "asyncjobs.fleet.job_wait": {"api": "drm", "job_ids": [mixed, dead, quiet],
                                                            "fail_on": "never", "poll_interval": 0.2}},
        {"name": "info by id", "asyncjobs.fleet.job_info": {"api": "drm", "job_ids": [mixed, quiet]}},
        {"name": "info by filter", "asyncjobs.fleet.job_info": {"api": "drm", "operation": "reboot"}},
        {"name": "lookup", "ansible.builtin.set_fact": {
            "by_id": "{{ query('asyncjobs.fleet.jobs', '%s', api='drm') }}" % mixed,
            "failed_reboots": "{{ query('asyncjobs.fleet.jobs', api='drm', operation='reboot', state=['failed']) }}"}},
        {"name": "show", "ansible.builtin.debug": {"msg": "{{ by_id }} {{ failed_reboots }}"}},
    ]
    run = ansible.run_playbook(ansible.playbook(play(tasks)))

    # fail_on any: the offline device and its error id are named.
    assert run.status("wait any") == "failed"
    msg = run.result("wait any")["msg"]
    assert msg.startswith("1 job(s) did not succeed (fail_on=any): job %s: partial" % mixed), msg
    assert "(1 of 2 device(s) failed: %s Device Not Connected (2001))" % offline[0] in msg
    # fail_on all: a reboot that reached no device fails too.
    assert run.status("wait all") == "failed"
    assert "job %s: failed (1 of 1 device(s) failed: %s Device Not Connected (2001))" % (dead, offline[1]) in \
        run.result("wait all")["msg"]

    # fail_on never: the truth, per device.
    jobs = {j["id"]: j for j in run.result("wait never")["jobs"]}
    assert (jobs[mixed]["state"], jobs[mixed]["operation"], jobs[mixed]["raw_state"]) == ("partial", "reboot", "complete")
    assert jobs[mixed]["devices"][offline[0]]["error_id"] == "2001"
    assert jobs[mixed]["devices"][online[0]]["ok"] is True
    assert jobs[dead]["state"] == "failed"
    # reply="none": the job's reply lists no device, so the outcome comes from the listing's
    # counts (never from an empty reply read as success).
    assert (jobs[quiet]["state"], jobs[quiet]["devices"]) == ("partial", {})
    assert "outcome from the job listing: 1 succeeded, 1 failed" in jobs[quiet]["message"]
    assert run.result("wait never")["states"] == {"partial": 2, "failed": 1}

    info = {j["id"]: j for j in run.result("info by id")["jobs"]}
    assert info[mixed]["state"] == "partial" and info[quiet]["state"] == "partial"
    listed = {j["id"]: j for j in run.result("info by filter")["jobs"]}
    assert set(listed) == {mixed, dead, quiet}
    assert [listed[i]["state"] for i in (mixed, dead, quiet)] == ["partial", "failed", "partial"]
    assert listed[mixed]["description"] == "reboot" and listed[mixed]["target_ids"] == [online[0], offline[0]]

    facts = run.result("lookup")["ansible_facts"]
    assert [j["state"] for j in facts["by_id"]] == ["partial"]
    assert facts["by_id"][0]["devices"][offline[0]]["error"] == "Device Not Connected"
    assert [j["id"] for j in facts["failed_reboots"]] == [dead]


def test_file_system_job_from_devicecloud_reports_command_errors(fleet, dc, ansible):
    online, offline = fleet
    listing = FileSystemServiceCommandBlock()
    listing.add_command(LsCommand("/userfs"))
    # get_command_string() returns bytes, which send_sci would quote as "b'...'" on Python 3.
    ls_job = send_async(dc, "file_system", [online[0], offline[0]], listing.get_command_string().decode())
    removal = FileSystemServiceCommandBlock()
    removal.add_command(DeleteCommand("/userfs/missing.txt"))
    rm_job = send_async(dc, "file_system", [online[0]], removal.get_command_string().decode())
    tasks = [{"name": "wait", "asyncjobs.fleet.job_wait": {"api": "drm", "job_ids": [ls_job, rm_job],
                                                           "fail_on": "any", "poll_interval": 0.2},
              "ignore_errors": True}]
    run = ansible.run_playbook(ansible.playbook(play(tasks)))
    result = run.result("wait")
    assert run.status("wait") == "failed"
    jobs = {j["id"]: j for j in result["jobs"]}
    assert (jobs[ls_job]["state"], jobs[ls_job]["operation"]) == ("partial", "file_system")
    ls = jobs[ls_job]["devices"][online[0]]["reply"]["commands"]["ls"]
    assert ls["file"]["@path"] == "/userfs/readme.txt"
    assert jobs[ls_job]["devices"][offline[0]]["error_id"] == "2001"
    assert jobs[rm_job]["state"] == "failed"
    assert jobs[rm_job]["devices"][online[0]]["error"] == "No such file or directory"
    assert "job %s: failed (1 of 1 device(s) failed: %s No such file or directory (1))" % (rm_job, online[0]) \
        in result["msg"]


# ---------------------------------------------------------------- AIQUM (plain HTTP)

def test_aiqum_lun_job_of_another_client(lab, ansible):
    lab.reset("aiqum")
    base = lab.url("aiqum") + "/api/v2"
    session = requests.Session()
    session.auth = (LAB_USERNAME, LAB_PASSWORD)
    svm = session.get(base + "/datacenter/svm/svms").json()["records"][0]
    resp = session.post(base + "/storage-provider/luns",
                        json={"name": "foreign_lun", "svm": {"key": svm["key"]}, "space": {"size": 1 << 30}})
    assert resp.status_code == 202, resp.text
    key = resp.json()["job"]["key"]
    tasks = [
        {"name": "wait", "asyncjobs.fleet.job_wait": {"api": "aiqum", "job_ids": [key], "poll_interval": 0.2}},
        {"name": "info", "asyncjobs.fleet.job_info": {"api": "aiqum", "operation": "Create LUN"}},
        {"name": "lookup", "ansible.builtin.set_fact": {"found": "{{ query('asyncjobs.fleet.jobs', '%s', api='aiqum') }}" % key}},
    ]
    run = ansible.run_playbook(ansible.playbook(play(tasks)))
    job = run.result("wait")["jobs"][0]
    assert (job["state"], job["operation"]) == ("succeeded", "Create LUN")
    assert any(":type=lun," in t for t in job["target_ids"])
    assert [j["id"] for j in run.result("info")["jobs"]] == [key]
    assert run.result("lookup")["ansible_facts"]["found"][0]["state"] == "succeeded"


# ---------------------------------------------------------------- PowerStore (PyPowerStore over TLS)

@pytest.fixture(scope="module")
def ps_lab(tmp_path_factory):
    with private_lab(tmp_path_factory, "ps-foreign", time_scale=0.25, tls=True, only="powerstore") as instance:
        yield instance


@pytest.fixture
def ps(ps_lab, tmp_path):
    ps_lab.reset("powerstore")
    from PyPowerStore import powerstore_conn
    parts = urllib.parse.urlsplit(ps_lab.url("powerstore"))
    conn = powerstore_conn.PowerStoreConn(LAB_USERNAME, LAB_PASSWORD, parts.hostname, verify=ps_lab.ca,
                                          application_type="another-client", port_no=parts.port)
    runner = AnsibleRunner(tmp_path, {"POWERSTORE_URL": ps_lab.url("powerstore"), "POWERSTORE_USERNAME": LAB_USERNAME,
                                      "POWERSTORE_PASSWORD": LAB_PASSWORD, "POWERSTORE_CA_PATH": ps_lab.ca})
    return conn, runner


def test_powerstore_jobs_of_pypowerstore(ps):
    conn, ansible = ps
    prov = conn.provisioning
    client = prov.client
    base = "https://%s/api/rest" % prov.server_ip
    hr = prov.get_volume_group_by_name("vg-hr")[0]["id"]

    def submit(method, path, body):
        # PyPowerStore's own way of making a change asynchronous (as its modify_network does).
        return client.request(method, base + path + "?is_async=true", payload=body)["id"]

    modify = submit("PATCH", "/volume_group/%s" % hr, {"description": "set by PyPowerStore"})
    rename = submit("PATCH", "/volume_group/%s" % hr, {"name": "vg-web"})  # taken: the job fails
    create = submit("POST", "/volume_group", {"name": "vg-foreign"})
    tasks = [
        {"name": "wait any", "asyncjobs.fleet.job_wait": {"api": "powerstore", "job_ids": [modify, rename, create],
                                                          "poll_interval": 0.2}, "ignore_errors": True},
        {"name": "info by id", "asyncjobs.fleet.job_info": {"api": "powerstore", "job_ids": [create]}},
        {"name": "info by filter", "asyncjobs.fleet.job_info": {"api": "powerstore", "state": ["failed"]}},
        {"name": "lookup", "ansible.builtin.set_fact": {
            "modifies": "{{ query('asyncjobs.fleet.jobs', api='powerstore', operation='modify') }}"}},
    ]
    run = ansible.run_playbook(ansible.playbook(play(tasks)))
    assert run.status("wait any") == "failed"
    result = run.result("wait any")
    jobs = {j["id"]: j for j in result["jobs"]}
    assert [jobs[i]["state"] for i in (modify, rename, create)] == ["succeeded", "failed", "succeeded"]
    assert "already in use" in jobs[rename]["message"]
    assert result["msg"].startswith("1 job(s) did not succeed (fail_on=any): job %s: failed (" % rename)
    assert "The name vg-web is already in use by another volume group" in result["msg"]
    created = run.result("info by id")["jobs"][0]
    assert (created["state"], created["operation"], created["resource_name"]) == ("succeeded", "create", "vg-foreign")
    assert created["resource_id"] and created["resource_id"] in created["target_ids"]
    assert [j["id"] for j in run.result("info by filter")["jobs"]] == [rename]
    modifies = run.result("lookup")["ansible_facts"]["modifies"]
    assert sorted(j["id"] for j in modifies) == sorted([modify, rename])


def test_powerstore_is_async_calls_of_pypowerstore(ps):
    """PyPowerStore's own is_async calls, unchanged, submit the jobs; the collection reads them."""
    conn, ansible = ps
    cfg, prot = conn.config_mgmt, conn.protection
    [network] = cfg.get_networks(filter_dict={"type": "eq.Management"})
    [support] = cfg.get_remote_support_list()
    [remote] = prot.get_remote_systems(filter_dict={"name": "eq.ps-remote"})
    net = cfg.modify_network(network["id"], {"mtu": 9000}, is_async=True)["id"]
    rs = cfg.modify_remote_support_details(support["id"], {"proxy_address": "192.0.2.20", "proxy_port": 3128},
                                           is_async=True)["id"]
    # modify_remote_system and delete_remote_system are asynchronous by default.
    sys_mod = prot.modify_remote_system(remote["id"], {"description": "updated via PyPowerStore",
                                                       "data_network_latency": "Medium"})["id"]
    # A replication rule still names the remote system: the delete fails when it runs.
    sys_del = prot.delete_remote_system(remote["id"])["id"]
    every = [net, rs, sys_mod, sys_del]
    tasks = [
        {"name": "wait", "asyncjobs.fleet.job_wait": {"api": "powerstore", "job_ids": every, "poll_interval": 0.2},
         "ignore_errors": True},
        {"name": "info by id", "asyncjobs.fleet.job_info": {"api": "powerstore", "job_ids": [net, sys_del]}},
        {"name": "info by target", "asyncjobs.fleet.job_info": {"api": "powerstore", "target": remote["id"]}},
        {"name": "info failed", "asyncjobs.fleet.job_info": {"api": "powerstore", "state": ["failed"]}},
        {"name": "lookup", "ansible.builtin.set_fact": {
            "modifies": "{{ query('asyncjobs.fleet.jobs', api='powerstore', operation='modify', state=['succeeded']) }}",
            "refused": "{{ query('asyncjobs.fleet.jobs', '%s', api='powerstore') }}" % sys_del}},
    ]
    run = ansible.run_playbook(ansible.playbook(play(tasks)))

    assert run.status("wait") == "failed"
    result = run.result("wait")
    jobs = {j["id"]: j for j in result["jobs"]}
    assert [(jobs[i]["state"], jobs[i]["operation"], jobs[i]["resource_type"]) for i in every] == [
        ("succeeded", "modify", "network"), ("succeeded", "modify", "remote_support"),
        ("succeeded", "modify", "remote_system"), ("failed", "delete", "remote_system")]
    assert result["msg"].startswith("1 job(s) did not succeed (fail_on=any): job %s: failed (" % sys_del)
    assert "async-1h" in jobs[sys_del]["message"] and jobs[sys_del]["message"] in result["msg"]

    info = {j["id"]: j for j in run.result("info by id")["jobs"]}
    assert (info[net]["response_status"], info[net]["response_body"], info[net]["resource_id"]) == ("204", None, network["id"])
    refused = info[sys_del]
    assert refused["response_status"] == "422" and refused["resource_id"] == remote["id"]
    [message] = refused["response_body"]["messages"]
    assert message["severity"] == "Error" and "async-1h" in message["message_l10n"]
    assert message["message_l10n"] in refused["message"]
    assert sorted(j["id"] for j in run.result("info by target")["jobs"]) == sorted([sys_mod, sys_del])
    assert [j["id"] for j in run.result("info failed")["jobs"]] == [sys_del]

    facts = run.result("lookup")["ansible_facts"]
    assert sorted(j["id"] for j in facts["modifies"]) == sorted([net, rs, sys_mod])
    assert [(j["state"], j["response_body"]["messages"][0]["message_l10n"]) for j in facts["refused"]] == \
        [("failed", message["message_l10n"])]
    # The changes that succeeded are there, read back with PyPowerStore; the remote system stays.
    assert cfg.get_network_details(network["id"])["mtu"] == 9000
    proxy = cfg.get_remote_support_details(support["id"])
    assert (proxy["proxy_address"], proxy["proxy_port"]) == ("192.0.2.20", 3128)
    kept = prot.get_remote_system_details(remote["id"])
    assert (kept["description"], kept["data_network_latency"]) == ("updated via PyPowerStore", "Medium")


GIB = 1 << 30


def test_powerstore_volume_jobs_of_pypowerstore(ps):
    """Volume changes PyPowerStore's client makes asynchronous (?is_async=true on its own URLs)."""
    conn, ansible = ps
    prov = conn.provisioning
    base = "https://%s/api/rest" % prov.server_ip
    esx = prov.get_host_by_name("esx-03")[0]["id"]
    prov.create_volume("foreign-vol", 8 * GIB)
    vid = prov.get_volume_by_name("foreign-vol")[0]["id"]
    prov.map_volume_to_host(vid, host_id=esx)

    def submit(method, path, body=None):
        return prov.client.request(method, base + path + "?is_async=true", payload=body)["id"]

    create = submit("POST", "/volume", {"name": "foreign-vol-2", "size": GIB})
    # Two modifies of one volume run in their order of submission (same duration): grow, then shrink.
    grow = submit("PATCH", "/volume/" + vid, {"size": 16 * GIB})
    shrink = submit("PATCH", "/volume/" + vid, {"size": 4 * GIB})  # smaller than the volume: fails
    delete = submit("DELETE", "/volume/" + vid)  # still mapped to esx-03: fails
    clone = submit("POST", "/volume/%s/clone" % vid, {"name": "foreign-clone"})
    every = [create, grow, shrink, delete, clone]
    tasks = [
        {"name": "wait", "asyncjobs.fleet.job_wait": {"api": "powerstore", "job_ids": every, "poll_interval": 0.2},
         "ignore_errors": True},
        {"name": "info by id", "asyncjobs.fleet.job_info": {"api": "powerstore", "job_ids": [shrink, delete, clone]}},
        {"name": "failed ones", "asyncjobs.fleet.job_info": {"api": "powerstore", "state": ["failed"]}},
        {"name": "modifies", "asyncjobs.fleet.job_info": {"api": "powerstore", "operation": "modify"}},
        {"name": "lookup", "ansible.builtin.set_fact": {
            "created": "{{ query('asyncjobs.fleet.jobs', '%s', api='powerstore') }}" % create,
            "failed_deletes": "{{ query('asyncjobs.fleet.jobs', api='powerstore', operation='delete', state=['failed']) }}"}},
    ]
    run = ansible.run_playbook(ansible.playbook(play(tasks)))

    assert run.status("wait") == "failed"
    result = run.result("wait")
    jobs = {j["id"]: j for j in result["jobs"]}
    assert [jobs[i]["state"] for i in every] == ["succeeded", "succeeded", "failed", "failed", "succeeded"]
    assert [jobs[i]["operation"] for i in every] == ["create", "modify", "modify", "delete", "clone"]
    assert {jobs[i]["resource_type"] for i in every} == {"volume"}
    assert result["msg"].startswith("2 job(s) did not succeed (fail_on=any): ")
    # The array's reasons, from each job's response_body: the current size, the host it is mapped to.
    assert "job %s: failed (" % shrink in result["msg"] and str(16 * GIB) in jobs[shrink]["message"]
    assert "job %s: failed (" % delete in result["msg"] and "esx-03" in jobs[delete]["message"]
    assert result["states"] == {"succeeded": 3, "failed": 2}

    info = {j["id"]: j for j in run.result("info by id")["jobs"]}
    for job_id in (shrink, delete):
        body = info[job_id]["response_body"]
        assert info[job_id]["response_status"] == "422" and info[job_id]["detailed"] is True
        assert [m["severity"] for m in body["messages"]] == ["Error"]
        assert body["messages"][0]["message_l10n"] in info[job_id]["message"]
        assert info[job_id]["resource_id"] == vid and info[job_id]["resource_name"] == "foreign-vol"
    made = {v["name"]: v["id"] for v in prov.get_volumes(filter_dict={"name": "ilike.foreign-*"})}
    assert info[clone]["state"] == "succeeded" and info[clone]["response_body"]["id"] == made["foreign-clone"]
    assert sorted(j["id"] for j in run.result("failed ones")["jobs"]) == sorted([shrink, delete])
    assert sorted(j["id"] for j in run.result("modifies")["jobs"]) == sorted([grow, shrink])

    facts = run.result("lookup")["ansible_facts"]
    [created] = facts["created"]
    assert (created["state"], created["resource_name"], created["resource_id"]) == \
        ("succeeded", "foreign-vol-2", made["foreign-vol-2"])
    assert [j["id"] for j in facts["failed_deletes"]] == [delete]
    # What the array holds: the grown volume, still mapped; the new volume and the clone.
    vol = prov.get_volume_details(vid)
    assert vol["size"] == 16 * GIB and [m["host_id"] for m in vol["hlu_details"]] == [esx]
    assert set(made) == {"foreign-vol", "foreign-vol-2", "foreign-clone"}
