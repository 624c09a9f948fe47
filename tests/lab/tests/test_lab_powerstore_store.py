"""The PowerStore lab's generic resources: every resource and action of the spec that has no
specific handler, served from the collection's compact schema (_schema_data.py)."""
import urllib.parse

import pytest

import labctl
import powerstore_schema
from lab_helpers import PASSWORD, USER, poll_until
from test_lab_powerstore import assert_error_body
from test_lab_powerstore_volumes import Api, message

PyPowerStore = pytest.importorskip("PyPowerStore")
from PyPowerStore import powerstore_conn  # noqa: E402

# Resources with their own handlers (or special reads) in the lab.
SPECIFIC = {"volume", "volume_group", "host", "host_group", "host_volume_mapping", "policy", "job", "login_session",
            "software_installed"}


@pytest.fixture(scope="module")
def slab(tmp_path_factory):
    lab = labctl.start_lab(tmp_path_factory.mktemp("psstore"), only="powerstore", tls=True, time_scale=0.25)
    yield lab
    assert lab.stop() == 0


@pytest.fixture
def ps(slab):
    slab.reset("powerstore")
    slab.config("powerstore", durations={"create": 1.0, "modify": 1.0, "delete": 1.0, "action": 1.0})
    return slab


@pytest.fixture
def api(ps):
    return Api(ps)


def stored(lab, resource):
    return {o.get("name", o["id"]): o for o in lab._call("powerstore", "GET", "/_lab/resources/" + resource)}


def submissions(lab):
    return lab.stats("powerstore")["submissions"]


def test_seeded_rows_and_relations(ps, api):
    assert api.get("/cluster", select="id,name,physical_mtu,state").json() == [
        {"id": "0", "name": "PS-LAB", "physical_mtu": 1500, "state": "Configured"}]
    assert api.get("/network/NW1", select="name,type,type_l10n,mtu").json() == {
        "name": "Default Management Network", "type": "Management", "type_l10n": "Management", "mtu": 1500}
    support = api.get("/remote_support/0", select="type,is_cloudiq_enabled").json()
    assert support == {"type": "Disabled", "is_cloudiq_enabled": False}
    rules = api.get("/snapshot_rule", select="name,interval,interval_l10n,days_of_week,timezone,policies(name)",
                    order="name").json()
    assert [r["name"] for r in rules] == ["daily-1w", "hourly-1d", "weekly-4w"]
    assert rules[1]["interval_l10n"] == "One Hour" and len(rules[1]["days_of_week"]) == 7 and rules[1]["timezone"] == "UTC"
    assert rules[1]["policies"] == [{"name": "gold-protection"}]  # the policies that name the rule
    rep = api.get("/replication_rule", select="name,rpo,remote_system(name,type)").json()
    assert rep == [{"name": "async-1h", "rpo": "One_Hour", "remote_system": {"name": "ps-remote", "type": "PowerStore"}}]
    gold = api.one("policy", "gold-protection", "type,snapshot_rules(name),replication_rules(name)")
    assert gold == {"type": "Protection", "snapshot_rules": [{"name": "hourly-1d"}],
                    "replication_rules": [{"name": "async-1h"}]}
    assert api.one("remote_system", "ps-remote", "replication_rules(name)") == {"replication_rules": [{"name": "async-1h"}]}


def test_every_instance_attribute_can_be_selected_and_missing_ones_read_null(ps, api):
    for resource, path in (("volume", "/volume/name:free-vol-01"), ("volume_group", "/volume_group/name:vg-web"),
                           ("host", "/host/name:esx-01"), ("host_group", "/host_group/name:cluster-a"),
                           ("policy", "/policy/name:gold-protection"), ("remote_system", "/remote_system/name:ps-remote")):
        attrs = sorted(powerstore_schema.instance(resource))
        resp = api.get(path, select=",".join(attrs))
        assert resp.status_code == 200, (resource, resp.text)
        assert sorted(resp.json()) == attrs
        listed = api.get("/" + resource, select=",".join(attrs), limit=1)
        assert listed.status_code in (200, 206) and sorted(listed.json()[0]) == attrs, (resource, listed.text)
    assert api.get("/cluster/0", select="system_time,name").json() == {"system_time": None, "name": "PS-LAB"}
    assert api.get("/volume/name:free-vol-01", select="datastores,migration_session").json() == {
        "datastores": [], "migration_session": None}
    assert_error_body(api.get("/cluster/0", select="colour"), 400)
    assert_error_body(api.get("/cluster", physical_mtu="gt.x", bogus="eq.1"), 400)
    assert api.get("/cluster", physical_mtu="gt.9000").json() == []


def test_every_generic_resource_is_listed(ps, api):
    for resource, spec in sorted(powerstore_schema.RESOURCES.items()):
        if spec["instance"] and resource not in SPECIFIC:
            resp = api.get("/" + resource, select="id")
            assert resp.status_code == 200 and isinstance(resp.json(), list), (resource, resp.text)


def test_snapshot_rule_create_read_modify_delete(ps, api):
    resp = api.call("POST", "/snapshot_rule", {"name": "every-4h", "interval": "Four_Hours", "desired_retention": 48,
                                               "days_of_week": ["Monday", "Friday"]})
    assert resp.status_code == 201 and list(resp.json()) == ["id"]
    rid = resp.json()["id"]
    rule = api.get("/snapshot_rule/" + rid, select="name,interval_l10n,days_of_week,days_of_week_l10n,"
                                                   "desired_retention,is_read_only,managed_by").json()
    assert rule == {"name": "every-4h", "interval_l10n": "Four Hours", "days_of_week": ["Monday", "Friday"],
                    "days_of_week_l10n": ["Monday", "Friday"], "desired_retention": 48, "is_read_only": False,
                    "managed_by": "User"}
    job = api.run("PATCH", "/snapshot_rule/" + rid, {"desired_retention": 72, "name": "every-4h-3d"})
    assert job["state"] == "COMPLETED" and job["resource_type"] == "snapshot_rule" and job["response_status"] == "204"
    assert job["description_l10n"] == "Modify a snapshot rule." and job["resource_type_l10n"] == "snapshot rule"
    assert api.get("/snapshot_rule/" + rid, select="name,desired_retention").json() == {
        "name": "every-4h-3d", "desired_retention": 72}
    # As recorded (PyPowerStore's test data): a value outside the enum is "Invalid REST request."
    bad = assert_error_body(api.call("PATCH", "/snapshot_rule/" + rid, {"interval": "Ten_Minutes"}), 400)
    assert bad == {"code": "0xE04040010005", "severity": "Error", "message_l10n": "Invalid REST request."}
    done = api.run("DELETE", "/snapshot_rule/" + rid, {"delete_snaps": True})
    assert done["state"] == "COMPLETED" and "every-4h-3d" not in stored(ps, "snapshot_rule")
    assert "Instance with id %s was not found." % rid == message(api.call("DELETE", "/snapshot_rule/" + rid,
                                                                          is_async=True), 404)
    assert submissions(ps) == {"create": 1, "modify": 1, "delete": 1}


def test_name_taken_fails_as_a_job_and_sync_at_once(ps, api):
    job = api.run("POST", "/snapshot_rule", {"name": "HOURLY-1D", "interval": "One_Hour", "desired_retention": 1})
    assert "The name HOURLY-1D is already in use by another snapshot rule" in message(job, 422)
    assert job["resource_action"] == "create" and job["resource_id"] is None
    assert "already in use" in message(api.call("POST", "/replication_rule", {
        "name": "async-1h", "rpo": "Five_Minutes", "remote_system_id": "name:ps-remote"}), 422)
    assert sorted(stored(ps, "snapshot_rule")) == ["daily-1w", "hourly-1d", "weekly-4w"]


def test_cluster_create_on_the_configured_system_fails_and_adds_no_cluster(ps, api):
    body = {"cluster": {"name": "PS-NEW"}, "appliances": [{"link_local_address": "169.254.1.2"}],
            "dns_servers": ["192.0.2.53"], "ntp_servers": ["192.0.2.123"],
            "networks": [{"type": "Management", "addresses": ["192.0.2.20", "192.0.2.21"], "prefix_length": 24}]}
    job = api.run("POST", "/cluster", body)
    assert "already configured as cluster PS-LAB" in message(job, 422)
    assert (job["resource_type"], job["resource_action"], job["resource_id"]) == ("cluster", "create", None)
    assert "only be created on an unconfigured appliance" in message(api.call("POST", "/cluster", body), 422)
    assert api.get("/cluster", select="id,name,state").json() == [{"id": "0", "name": "PS-LAB", "state": "Configured"}]
    assert submissions(ps) == {"create": 2}


def test_protection_policy_from_rules_used_by_a_volume(ps, api):
    job = api.run("POST", "/replication_rule", {"name": "async-5m", "rpo": "Five_Minutes",
                                                "remote_system_id": "name:ps-remote", "alert_threshold": 15})
    assert job["state"] == "COMPLETED" and job["response_status"] == "201"
    rep_id = job["response_body"]["id"]
    resp = api.call("POST", "/policy", {"name": "platinum", "snapshot_rule_ids": ["name:hourly-1d"],
                                        "replication_rule_ids": [rep_id]})
    assert resp.status_code == 201
    pid = resp.json()["id"]
    policy = api.get("/policy/" + pid, select="type,managed_by,snapshot_rules(name),replication_rules(name,rpo)").json()
    assert policy == {"type": "Protection", "managed_by": "User", "snapshot_rules": [{"name": "hourly-1d"}],
                      "replication_rules": [{"name": "async-5m", "rpo": "Five_Minutes"}]}
    assert api.call("PATCH", "/policy/" + pid, {"add_snapshot_rule_ids": ["name:daily-1w"],
                                                "remove_replication_rule_ids": [rep_id]}).status_code == 204
    policy = api.get("/policy/" + pid, select="snapshot_rules(name),replication_rules(name)").json()
    assert sorted(r["name"] for r in policy["snapshot_rules"]) == ["daily-1w", "hourly-1d"]
    assert policy["replication_rules"] == []
    assert "does not contain" in message(api.call("PATCH", "/policy/" + pid, {"remove_replication_rule_ids": [rep_id]}), 422)
    # The new policy is a protection policy the volume handlers accept.
    vid = api.volume("free-vol-01")["id"]
    assert api.call("PATCH", "/volume/" + vid, {"protection_policy_id": "name:platinum"}).status_code == 204
    assert api.volume("free-vol-01")["protection_policy"] == {"name": "platinum"}
    assert "in use by volume free-vol-01" in message(api.run("DELETE", "/policy/" + pid), 422)
    assert "in use by policy" in message(api.run("DELETE", "/snapshot_rule/name:daily-1w"), 422)
    assert "at least one snapshot rule or replication rule" in message(api.call("POST", "/policy", {"name": "empty"}), 400)


def test_clone_actions_create_new_instances(ps, api):
    gold = api.one("policy", "gold-protection", "id")["id"]
    job = api.run("POST", "/policy/%s/clone" % gold, {"name": "gold-copy"})
    assert job["state"] == "COMPLETED" and job["response_status"] == "200" and job["resource_id"] == gold
    assert job["response_body"]["response_type"] == "job_policy_clone_response"
    copy = api.get("/policy/" + job["response_body"]["id"], select="name,type,snapshot_rules(name)").json()
    assert copy == {"name": "gold-copy", "type": "Protection", "snapshot_rules": [{"name": "hourly-1d"}]}
    assert "already in use" in message(api.run("POST", "/policy/%s/clone" % gold, {"name": "Gold-Copy"}), 422)
    resp = api.call("POST", "/snapshot_rule/name:daily-1w/clone", {"name": "daily-copy"})
    assert resp.status_code == 200 and stored(ps, "snapshot_rule")["daily-copy"]["desired_retention"] == 168
    assert "missing required properties ([name])" in message(api.call("POST", "/replication_rule/name:async-1h/clone",
                                                                      {}), 400)


def test_named_actions_without_new_instances_are_jobs(ps, api):
    job = api.run("POST", "/remote_support/0/send_test_alert")
    assert job["state"] == "COMPLETED" and job["response_status"] == "204" and job["resource_id"] == "0"
    assert job["resource_action"] == "send_test_alert" and job["description_l10n"] == \
        "Send test alert for a remote support."
    assert "not allowed by the schema" in message(api.call("POST", "/remote_support/0/send_test_alert", {"x": 1}), 400)
    created = api.run("POST", "/remote_system", {"name": "unity-1", "type": "Unity", "management_address": "203.0.113.5",
                                                 "remote_username": "admin", "remote_password": "secret"})
    remote = created["response_body"]["id"]
    assert api.get("/remote_system/" + remote, select="name,type_l10n,management_address,user_name").json() == {
        "name": "unity-1", "type_l10n": "Unity", "management_address": "203.0.113.5", "user_name": None}
    assert "secret" not in api.get("/remote_system/" + remote, select=",".join(
        n for n, p in powerstore_schema.instance("remote_system").items() if not powerstore_schema.relation(p))).text
    assert api.call("POST", "/remote_system/%s/discover" % remote).status_code == 204
    assert_error_body(api.call("POST", "/remote_system/nope/discover"), 404)
    metro = api.run("POST", "/volume/name:free-vol-01/configure_metro", {"remote_system_id": "name:ps-remote"})
    assert metro["state"] == "COMPLETED" and metro["resource_type"] == "volume"
    assert submissions(ps) == {"send_test_alert": 1, "create": 1, "discover": 1, "configure_metro": 1}


def test_read_only_objects_are_refused(ps, api):
    high = api.one("policy", "default_high", "id")["id"]
    assert "is read-only" in message(api.run("PATCH", "/policy/" + high, {"description": "x"}), 422)
    assert "is read-only" in message(api.call("DELETE", "/policy/" + high), 422)


@pytest.mark.parametrize("method,path,body,status,text", [
    ("PATCH", "/network/NW1", {"colour": "red"}, 400,
     "Validation failed: Object instance has properties which are not allowed by the schema."),
    ("PATCH", "/network/NW1", {"mtu": 1000}, 400,
     "Validation failed: [Path '/mtu'] Numeric instance is lower than the required minimum (minimum: 1280, found: 1000)."),
    ("PATCH", "/replication_rule/name:async-1h", {"alert_threshold": "36"}, 400,
     "Validation failed: [Path '/alert_threshold'] Instance type (string) does not match any allowed primitive type "
     "(allowed: [integer])."),
    ("PATCH", "/remote_support/0", {"remote_support_servers": [{"address": "a"}] * 3}, 400,
     "[Path '/remote_support_servers'] Array is too long: must have at most 2 elements but instance has 3 elements"),
    ("PATCH", "/remote_support/0", {"proxy_port": None, "type": "Telepathy"}, 400, "Invalid REST request."),
    ("POST", "/remote_system", {"name": "x", "import_chap_info": {"colour": 1}}, 400,
     "[Path '/import_chap_info'] Object instance has properties which are not allowed by the schema."),
    ("POST", "/replication_rule", {"name": "r", "rpo": "One_Hour", "remote_system_id": "name:nope"}, 404,
     "Instance with id name:nope was not found."),
    ("POST", "/replication_rule", {"name": "r", "rpo": "One_Hour"}, 400, "missing required properties ([remote_system_id])"),
    ("PATCH", "/network/NW9", {"mtu": 1500}, 404, "Instance with id NW9 was not found."),
])
def test_generic_refusals_are_immediate(ps, api, method, path, body, status, text):
    assert text in message(api.call(method, path, body, is_async=True), status)
    assert api.get("/job").json() == [] and submissions(ps) == {}


def test_pypowerstore_network_cluster_and_protection_calls(ps):
    parts = urllib.parse.urlsplit(ps.url("powerstore"))
    conn = powerstore_conn.PowerStoreConn(USER, PASSWORD, parts.hostname, verify=ps.ca,
                                          application_type="lab-test", port_no=parts.port)
    job = conn.config_mgmt.modify_network("NW1", {"mtu": 1600, "name": "mgmt"}, is_async=True)
    done = poll_until(lambda: conn.provisioning.get_job_details(job["id"]), lambda j: j["state"] == "COMPLETED",
                      10, 0.05, "the network job")
    assert done["resource_type"] == "network" and done["resource_id"] == "NW1" and done["response_status"] == "204"
    assert conn.config_mgmt.get_network_details("NW1")["mtu"] == 1600
    cluster = conn.config_mgmt.modify_cluster("0", physical_mtu=9000, name="PS-LAB-2")
    assert cluster["physical_mtu"] == 9000 and cluster["name"] == "PS-LAB-2" and cluster["state"] == "Configured"
    prot = conn.protection
    rule = prot.create_snapshot_rule_by_interval("py-rule", 24, "One_Hour", days_of_week=["Monday"])
    assert prot.get_snapshot_rule_details(rule["id"])["days_of_week"] == ["Monday"]
    policy = prot.create_protection_policy("py-policy", description="via PyPowerStore", snapshot_rule_ids=[rule["id"]])
    assert policy["type"] == "Protection" and policy["snapshot_rules"] == [{"id": rule["id"], "name": "py-rule"}]
    prot.modify_snapshot_rule(rule["id"], desired_retention=48)
    assert prot.get_snapshot_rule_details(rule["id"])["desired_retention"] == 48
    prot.delete_protection_policy(policy["id"])
    prot.delete_snapshot_rule(rule["id"])
    assert "py-rule" not in stored(ps, "snapshot_rule") and "py-policy" not in stored(ps, "policy")
