"""The PowerStore lab's volumes, hosts, host groups, mappings and volume group members.

Checked against the spec's rules (powerstore-openapi-4.1.json) and with Dell's PyPowerStore.  Async
changes are watched until their end by state (never by time); sync changes are checked at once.
"""
import urllib.parse

import pytest
import requests

import labctl
from lab_helpers import PASSWORD, USER
from test_lab_powerstore import assert_error_body, watch

PyPowerStore = pytest.importorskip("PyPowerStore")
from PyPowerStore import powerstore_conn  # noqa: E402

GIB = 1024 ** 3


@pytest.fixture(scope="module")
def vlab(tmp_path_factory):
    lab = labctl.start_lab(tmp_path_factory.mktemp("psvol"), only="powerstore", tls=True, time_scale=0.25)
    yield lab
    assert lab.stop() == 0


@pytest.fixture
def ps(vlab):
    vlab.reset("powerstore")
    vlab.config("powerstore", durations={"create": 1.0, "modify": 1.0, "delete": 1.0, "action": 1.0})
    return vlab


class Api(object):
    """A logged-in session (token + cookie) with the calls these tests need."""

    def __init__(self, lab):
        self.lab = lab
        self.base = lab.url("powerstore") + "/api/rest"
        self.s = requests.Session()
        self.s.trust_env = False
        self.s.verify = lab.ca
        resp = self.s.get(self.base + "/login_session", auth=(USER, PASSWORD))
        self.s.headers["DELL-EMC-TOKEN"] = resp.headers["DELL-EMC-TOKEN"]

    def get(self, path, **params):
        return self.s.get(self.base + path, params=params)

    def call(self, method, path, body=None, is_async=False, headers=None):
        return self.s.request(method, self.base + path, json=body, params={"is_async": "true"} if is_async else None,
                              headers=headers)

    def job(self, job_id):
        return self.get("/job/" + job_id, select="id,state,phase,progress_percentage,response_status,response_body,"
                                                 "resource_id,resource_type,resource_type_l10n,resource_action,"
                                                 "description_l10n").json()

    def run(self, method, path, body=None):
        """Submit as a job and return the job at its end."""
        resp = self.call(method, path, body, is_async=True)
        assert resp.status_code == 202, resp.text
        return watch(self, resp.json()["id"])[-1]

    def one(self, resource, name, select):
        rows = self.get("/" + resource, name="eq." + name, select=select).json()
        assert len(rows) == 1, rows
        return rows[0]

    def volume(self, name, select="id,name,size,type,volume_groups(name),protection_policy(name),"
                                  "qos_performance_policy(name),performance_policy_id,"
                                  "mapped_volumes(logical_unit_number,host(name),host_group(name)),protection_data"):
        return self.one("volume", name, select)


@pytest.fixture
def api(ps):
    return Api(ps)


# The recorded refusals (tests/unit/vendor/powerstore/pypowerstore_host_*_400.json).
NOT_AN_INITIATOR = "Cannot remove the specified iqn since it does not exist as part of the host."
INTERNAL = {"DELL-VISIBILITY": "internal"}  # what PyPowerStore sends on volume_group URLs
UNKNOWN_PROPERTY = "Validation failed: Object instance has properties which are not allowed by the schema."


def held(ps, kind):
    """Jobs of this kind submitted from now on stay in flight until lab.finish_job ends them."""
    ps.config("powerstore", durations={kind: 3600.0})


def lab_volumes(lab):
    return {v["name"]: v for v in lab._call("powerstore", "GET", "/_lab/volumes")}


def submissions(lab):
    return lab.stats("powerstore")["submissions"]


def policy_id(api, name):
    return api.one("policy", name, "id")["id"]


def message(resp_or_job, status):
    """The first message of an error answer or of a FAILED job's response_body."""
    if isinstance(resp_or_job, dict):
        assert resp_or_job["state"] == "FAILED" and resp_or_job["response_status"] == str(status), resp_or_job
        return resp_or_job["response_body"]["messages"][0]["message_l10n"]
    return assert_error_body(resp_or_job, status)["message_l10n"]


# ---------------------------------------------------------------- volumes

def test_create_reads_back_with_relations_and_defaults(ps, api):
    resp = api.call("POST", "/volume", {"name": "db-01", "size": 8 * GIB, "description": "orders",
                                        "protection_policy_id": "name:gold-protection", "host_id": "name:esx-03",
                                        "qos_performance_policy_id": "name:qos-high", "volume_group_id": "name:vg-hr"})
    assert resp.status_code == 201 and list(resp.json()) == ["id"]
    vol = api.volume("db-01")
    assert vol["id"] == resp.json()["id"] and vol["size"] == 8 * GIB and vol["type"] == "Primary"
    assert vol["protection_policy"] == {"name": "gold-protection"} and vol["qos_performance_policy"] == {"name": "qos-high"}
    assert vol["performance_policy_id"] == policy_id(api, "default_medium")  # a new volume's default
    assert vol["volume_groups"] == [{"name": "vg-hr"}]
    assert vol["mapped_volumes"] == [{"logical_unit_number": 1, "host": {"name": "esx-03"}, "host_group": None}]
    assert vol["protection_data"]["family_id"] == vol["id"]
    rows = api.get("/host_volume_mapping", volume_id="eq." + vol["id"],
                   select="id,host_id,host_group_id,volume_id,logical_unit_number").json()
    assert len(rows) == 1 and rows[0]["host_group_id"] is None and rows[0]["logical_unit_number"] == 1
    assert api.get("/host_volume_mapping/" + rows[0]["id"], select="volume(name)").json() == {"volume": {"name": "db-01"}}
    assert lab_volumes(ps)["db-01"]["volume_group_ids"] == [api.one("volume_group", "vg-hr", "id")["id"]]
    perf = api.get("/policy", type="eq.Performance", select="name", order="name").json()
    assert [p["name"] for p in perf] == ["default_high", "default_low", "default_medium"]
    assert submissions(ps) == {"create": 1}


@pytest.mark.parametrize("body,status,text", [
    ({"name": "v", "size": GIB + 1}, 422, "not a multiple of 8192"),
    ({"name": "v", "size": 8192}, 400, "[Path '/size'] Numeric instance is lower than the required minimum"),
    ({"name": "v", "size": GIB, "colour": "red"}, 400, "Object instance has properties which are not allowed"),
    ({"name": "v", "size": "1G"}, 400, "[Path '/size'] Instance type (string) does not match any allowed primitive "
                                       "type (allowed: [integer])."),
    ({"name": "v", "size": True}, 400, "Instance type (boolean)"),
    ({"name": "v"}, 400, "Object has missing required properties ([size])"),
    ({"name": "v", "size": GIB, "app_type": "Spreadsheets"}, 400, "Invalid REST request."),
    ({"name": "v", "size": GIB, "host_id": "name:esx-01", "host_group_id": "name:cluster-a"}, 400,
     "Only one of host_id or host_group_id"),
    ({"name": "v", "size": GIB, "host_id": "name:esx-99"}, 404, "name:esx-99 was not found"),
    ({"name": "v", "size": GIB, "performance_policy_id": "name:gold-protection"}, 400, "needs a Performance policy"),
    ({"name": "v", "size": GIB, "protection_policy_id": "name:nope"}, 404, "Unable to find the policy with ID name:nope"),
    ({"name": "v", "size": GIB, "sector_size": 1024}, 422, "sector_size must be 512 or 4096"),
])
def test_create_refusals_are_immediate_and_change_nothing(ps, api, body, status, text):
    before = len(lab_volumes(ps))
    assert text in message(api.call("POST", "/volume", body, is_async=True), status)
    assert len(lab_volumes(ps)) == before and api.get("/job").json() == [] and submissions(ps) == {}


def test_create_name_conflict_fails_in_the_job(ps, api):
    job = api.run("POST", "/volume", {"name": "FREE-VOL-01", "size": GIB})
    assert "FREE-VOL-01 is already in use" in message(job, 422)
    assert job["resource_type"] == "volume" and job["resource_action"] == "create"
    assert "FREE-VOL-01" not in lab_volumes(ps) and message(api.call("POST", "/volume", {"name": "free-vol-01",
                                                                                         "size": GIB}), 422)


def test_grow_only_and_the_message_names_the_current_size(ps, api):
    vid = api.volume("free-vol-01")["id"]
    assert api.call("PATCH", "/volume/" + vid, {"size": 200 * GIB}).status_code == 204
    assert api.volume("free-vol-01")["size"] == 200 * GIB
    text = message(api.call("PATCH", "/volume/" + vid, {"size": 100 * GIB}), 422)
    assert "current size %d" % (200 * GIB) in text and "can only grow" in text
    job = api.run("PATCH", "/volume/" + vid, {"size": 200 * GIB})  # equal is not bigger
    assert "current size %d" % (200 * GIB) in message(job, 422) and job["resource_id"] == vid
    assert "not a multiple of 8192" in message(api.call("PATCH", "/volume/" + vid, {"size": 300 * GIB + 512}), 422)
    done = api.run("PATCH", "/volume/" + vid, {"size": 300 * GIB, "description": "grown", "name": "big-01"})
    assert done["state"] == "COMPLETED" and done["response_status"] == "204" and done["response_body"] is None
    assert done["description_l10n"] == "Modify a volume." and done["resource_type_l10n"] == "volume"
    assert api.volume("big-01")["size"] == 300 * GIB


def test_modify_policies_set_replace_and_remove(ps, api):
    vid = api.volume("free-vol-02")["id"]
    body = {"protection_policy_id": "name:silver-protection", "qos_performance_policy_id": "name:qos-low",
            "performance_policy_id": "name:default_high"}
    assert api.call("PATCH", "/volume/" + vid, body).status_code == 204
    vol = api.volume("free-vol-02")
    assert vol["protection_policy"] == {"name": "silver-protection"} and vol["qos_performance_policy"] == {"name": "qos-low"}
    assert vol["performance_policy_id"] == policy_id(api, "default_high")
    assert api.call("PATCH", "/volume/" + vid, {"protection_policy_id": "", "qos_performance_policy_id": None}).status_code == 204
    vol = api.volume("free-vol-02")
    assert vol["protection_policy"] is None and vol["qos_performance_policy"] is None
    assert "cannot be removed" in message(api.call("PATCH", "/volume/" + vid, {"performance_policy_id": ""}), 400)
    assert "Instance type (null)" in message(api.call("PATCH", "/volume/" + vid, {"performance_policy_id": None}), 400)
    assert "only apply to snapshots" in message(api.call("PATCH", "/volume/" + vid, {"is_secure": True}), 422)


def test_delete_refused_while_mapped_grouped_or_protected_then_done(ps, api):
    vid = api.volume("free-vol-01")["id"]
    assert api.call("POST", "/volume/%s/attach" % vid, {"host_group_id": "name:cluster-a"}).status_code == 204
    assert "attached to host group cluster-a" in message(api.run("DELETE", "/volume/" + vid), 422)
    assert api.call("POST", "/volume/%s/detach" % vid, {"host_group_id": "name:cluster-a"}).status_code == 204
    api.call("PATCH", "/volume/" + vid, {"protection_policy_id": "name:gold-protection"})
    assert "has protection policy gold-protection" in message(api.run("DELETE", "/volume/" + vid), 422)
    grouped = api.volume("hr-vol-01")["id"]
    assert "member of volume group vg-hr" in message(api.run("DELETE", "/volume/" + grouped), 422)
    api.call("PATCH", "/volume/" + vid, {"protection_policy_id": None})
    snap = api.call("POST", "/volume/%s/snapshot" % vid, {"name": "before-delete"}).json()["id"]
    clone = api.call("POST", "/volume/%s/clone" % vid, {"name": "keeps"}).json()["id"]
    done = api.run("DELETE", "/volume/" + vid, {"immediate": True})
    assert done["state"] == "COMPLETED" and done["response_status"] == "204"
    names = lab_volumes(ps)
    assert "free-vol-01" not in names and snap not in {v["id"] for v in names.values()}  # its snapshots go with it
    assert names["keeps"]["id"] == clone  # clones stay
    assert_error_body(api.call("DELETE", "/volume/" + vid), 404)


def test_attach_detach_luns_and_conflicts(ps, api):
    vid = api.volume("free-vol-01")["id"]
    for body in ({}, {"host_id": "name:esx-01", "host_group_id": "name:cluster-a"}):
        assert "Exactly one of host_id or host_group_id" in message(api.call("POST", "/volume/%s/attach" % vid, body), 400)
    job = api.run("POST", "/volume/%s/attach" % vid, {"host_id": "name:esx-03"})
    assert job["state"] == "COMPLETED" and job["resource_action"] == "attach" and job["response_status"] == "204"
    assert job["description_l10n"] == "Attach a volume to a host or host group."
    assert "already attached to host esx-03" in message(api.run("POST", "/volume/%s/attach" % vid,
                                                                {"host_id": "name:esx-03"}), 422)
    # esx-03 has LUN 1 now; a second volume gets the next free one, an explicit used one is refused.
    other = api.volume("free-vol-02")["id"]
    assert "Logical unit number 1 is already in use on host esx-03" in message(
        api.call("POST", "/host/name:esx-03/attach", {"volume_id": other, "logical_unit_number": 1}), 422)
    assert api.call("POST", "/host/name:esx-03/attach", {"volume_id": "name:free-vol-02"}).status_code == 204
    assert [m["logical_unit_number"] for m in api.volume("free-vol-02")["mapped_volumes"]] == [2]
    # A group mapping reaches its hosts: the same volume cannot then be attached to a member.
    group_lun7 = {"host_group_id": "name:cluster-a", "logical_unit_number": 7}
    assert api.call("POST", "/volume/%s/attach" % vid, group_lun7).status_code == 204
    assert "already attached to host esx-01" in message(api.call("POST", "/volume/%s/attach" % vid,
                                                                 {"host_id": "name:esx-01"}), 422)
    assert sorted((m["host"] or m["host_group"])["name"] for m in api.volume("free-vol-01")["mapped_volumes"]) == [
        "cluster-a", "esx-03"]
    assert "not attached to host esx-04" in message(api.run("POST", "/volume/%s/detach" % vid,
                                                            {"host_id": "name:esx-04"}), 422)
    assert api.call("POST", "/host_group/name:cluster-a/detach", {"volume_id": vid}).status_code == 204
    assert api.call("POST", "/volume/%s/detach" % vid, {"host_id": "name:esx-03"}).status_code == 204
    assert api.volume("free-vol-01")["mapped_volumes"] == []
    assert_error_body(api.call("POST", "/host/name:esx-03/attach", {"volume_id": "name:nope"}), 404)


def test_clone_snapshot_refresh_restore(ps, api):
    src = api.volume("free-vol-01")
    resp = api.call("POST", "/volume/%s/clone" % src["id"], {"name": "dev-copy", "host_id": "name:esx-04"})
    assert resp.status_code == 200 and list(resp.json()) == ["id"]
    clone = api.volume("dev-copy")
    assert clone["type"] == "Clone" and clone["size"] == src["size"]
    assert clone["protection_data"]["family_id"] == src["id"] and clone["protection_data"]["parent_id"] == src["id"]
    assert clone["mapped_volumes"][0]["host"] == {"name": "esx-04"}
    cloned = api.run("POST", "/volume/%s/clone" % src["id"], {})
    assert cloned["resource_id"] == src["id"] and cloned["description_l10n"] == "Clone a volume."
    assert cloned["response_body"]["response_type"] == "job_volume_clone_response"
    assert api.get("/volume/" + cloned["response_body"]["id"], select="name").json() == {"name": "free-vol-01-clone-1"}
    job = api.run("POST", "/volume/%s/snapshot" % src["id"], {"description": "nightly"})
    assert job["response_status"] == "200" and job["resource_action"] == "snapshot" and job["resource_id"] == src["id"]
    assert set(job["response_body"]) == {"id", "response_type"}
    assert job["response_body"]["response_type"] == "job_volume_snapshot_response"
    snap = api.get("/volume/" + job["response_body"]["id"], select="name,type,protection_data").json()
    assert snap["type"] == "Snapshot" and snap["name"].endswith("Z")  # named after the time it was taken
    assert "cannot be attached" in message(api.call("POST", "/volume/%s/attach" % job["response_body"]["id"],
                                                    {"host_id": "name:esx-01"}), 422)
    refreshed = api.call("POST", "/volume/%s/refresh" % clone["id"], {"from_object_id": src["id"]})
    assert refreshed.status_code == 200 and list(refreshed.json()) == ["backup_snapshot_id"]
    backup = api.get("/volume/" + refreshed.json()["backup_snapshot_id"], select="type,protection_data").json()
    assert backup["type"] == "Snapshot" and backup["protection_data"]["parent_id"] == clone["id"]
    assert api.call("POST", "/volume/%s/refresh" % clone["id"],
                    {"from_object_id": src["id"], "create_backup_snap": False}).status_code == 204
    restored = api.run("POST", "/volume/%s/restore" % src["id"],
                       {"from_snap_id": job["response_body"]["id"], "create_backup_snap": False})
    assert restored["state"] == "COMPLETED" and restored["response_status"] == "204"
    assert "is not a snapshot" in message(api.call("POST", "/volume/%s/restore" % src["id"],
                                                   {"from_snap_id": clone["id"]}), 422)
    assert "not another member of the family" in message(api.run(
        "POST", "/volume/%s/refresh" % src["id"], {"from_object_id": "name:free-vol-02"}), 422)
    assert "missing required properties ([from_snap_id])" in message(
        api.call("POST", "/volume/%s/restore" % src["id"], {}), 400)


# ---------------------------------------------------------------- hosts and host groups

def test_seeded_hosts_and_host_groups(ps, api):
    hosts = api.get("/host", select="name,os_type,host_group(name),initiators(port_name,port_type)", order="name").json()
    assert [h["name"] for h in hosts] == ["esx-01", "esx-02", "esx-03", "esx-04"]
    assert hosts[0]["host_group"] == {"name": "cluster-a"} and hosts[2]["host_group"] is None
    assert hosts[0]["initiators"] == [{"port_name": "iqn.1998-01.com.vmware:esx-01-lab", "port_type": "iSCSI"}]
    group = api.one("host_group", "cluster-a", "name,hosts(name),mapped_host_groups(id)")
    assert sorted(h["name"] for h in group["hosts"]) == ["esx-01", "esx-02"] and group["mapped_host_groups"] == []


def test_host_create_modify_delete(ps, api):
    iqn = "iqn.1994-05.com.redhat:db-01"
    job = api.run("POST", "/host", {"name": "db-01", "os_type": "Linux", "description": "database",
                                    "initiators": [{"port_name": iqn, "port_type": "iSCSI"}]})
    assert job["state"] == "COMPLETED" and job["resource_type"] == "host" and job["description_l10n"] == "Create a host."
    hid = job["response_body"]["id"]
    assert job["response_body"]["response_type"] == "job_create_response" and job["resource_id"] == hid
    assert "already registered to host db-01" in message(api.call(
        "POST", "/host", {"name": "db-02", "os_type": "Linux", "initiators": [{"port_name": iqn, "port_type": "iSCSI"}]}), 422)
    assert "Invalid REST request." == message(api.call("POST", "/host", {"name": "x", "os_type": "BeOS", "initiators": []}), 400)
    assert "[Path '/initiators/0'] Object has missing required properties ([port_type])" in message(
        api.call("POST", "/host", {"name": "x", "os_type": "Linux", "initiators": [{"port_name": "iqn.x"}]}), 400)
    assert "Only one of add_initiators" in message(api.call(
        "PATCH", "/host/" + hid, {"add_initiators": [{"port_name": "iqn.y", "port_type": "iSCSI"}],
                                  "remove_initiators": [iqn]}), 400)
    assert api.call("PATCH", "/host/" + hid, {"add_initiators": [{"port_name": "iqn.y", "port_type": "iSCSI"}],
                                              "name": "db-primary"}).status_code == 204
    assert api.call("PATCH", "/host/" + hid, {"remove_initiators": [iqn]}).status_code == 204
    host = api.get("/host/" + hid, select="name,host_initiators,initiators(port_name)").json()
    assert host["name"] == "db-primary" and host["initiators"] == [{"port_name": "iqn.y"}]
    assert [i["port_name"] for i in host["host_initiators"]] == ["iqn.y"]
    assert message(api.call("PATCH", "/host/" + hid, {"remove_initiators": [iqn]}), 400) == NOT_AN_INITIATOR
    api.call("POST", "/host/%s/attach" % hid, {"volume_id": "name:free-vol-01"})
    assert "attached to volumes" in message(api.run("DELETE", "/host/" + hid), 422)
    api.call("POST", "/host/%s/detach" % hid, {"volume_id": "name:free-vol-01"})
    assert api.run("DELETE", "/host/" + hid)["state"] == "COMPLETED"
    assert "db-primary" not in {h["name"] for h in ps._call("powerstore", "GET", "/_lab/hosts")}


def test_host_group_create_modify_delete(ps, api):
    assert "already belongs to host group cluster-a" in message(api.run(
        "POST", "/host_group", {"name": "cluster-b", "host_ids": ["name:esx-01", "name:esx-03"]}), 422)
    job = api.run("POST", "/host_group", {"name": "cluster-b", "host_ids": ["name:esx-03"]})
    assert job["state"] == "COMPLETED" and job["resource_type_l10n"] == "host group"
    gid = job["response_body"]["id"]
    assert "cannot be renamed" in message(api.call("PATCH", "/host_group/" + gid,
                                                   {"name": "c", "add_host_ids": ["name:esx-04"]}), 400)
    api.call("POST", "/host/name:esx-04/attach", {"volume_id": "name:free-vol-01"})
    assert "esx-04 is attached to volumes" in message(api.call("PATCH", "/host_group/" + gid,
                                                               {"add_host_ids": ["name:esx-04"]}), 422)
    api.call("POST", "/host/name:esx-04/detach", {"volume_id": "name:free-vol-01"})
    assert api.call("PATCH", "/host_group/" + gid, {"add_host_ids": ["name:esx-04"]}).status_code == 204
    assert "is not in host group cluster-b" in message(api.call("PATCH", "/host_group/" + gid,
                                                                {"remove_host_ids": ["name:esx-01"]}), 422)
    api.call("PATCH", "/host_group/" + gid, {"remove_host_ids": ["name:esx-03"], "description": "two"})
    api.call("PATCH", "/host_group/" + gid, {"host_connectivity": "Metro_Optimize_Both"})
    group = api.get("/host_group/" + gid, select="description,host_connectivity,hosts(name,host_connectivity)").json()
    assert group["hosts"] == [{"name": "esx-04", "host_connectivity": "Metro_Optimize_Both"}]
    assert group["host_connectivity"] == "Metro_Optimize_Both"
    api.call("POST", "/host_group/%s/attach" % gid, {"volume_id": "name:free-vol-02"})
    assert "cannot lose all its hosts" in message(api.call("PATCH", "/host_group/" + gid,
                                                           {"remove_host_ids": ["name:esx-04"]}), 422)
    assert "attached to volumes" in message(api.run("DELETE", "/host_group/" + gid), 422)
    api.call("POST", "/host_group/%s/detach" % gid, {"volume_id": "name:free-vol-02"})
    assert api.run("DELETE", "/host_group/" + gid)["state"] == "COMPLETED"
    hosts = {h["name"]: h for h in ps._call("powerstore", "GET", "/_lab/hosts")}
    assert hosts["esx-04"]["host_group_id"] is None


def test_recorded_host_refusals_are_immediate_also_for_async_requests(ps, api):
    # A second group, synchronously (no job).
    assert api.call("POST", "/host_group", {"name": "cluster-b", "host_ids": ["name:esx-03"]}).status_code == 201
    port = "iqn.1998-01.com.vmware:esx-04-lab"
    taken, unknown = "0xE0A030010010", "0xE0A030010001"
    cases = [
        ("PATCH", "/host_group/name:cluster-a", {"name": "CLUSTER-B"}, taken, "Host Group with name CLUSTER-B already exists",
         ["CLUSTER-B"]),
        ("POST", "/host_group", {"name": "cluster-a", "host_ids": ["name:esx-04"]}, taken,
         "Host Group with name cluster-a already exists", ["cluster-a"]),
        # Every unknown id of the list in one refusal; the known one joins nothing either.
        ("PATCH", "/host_group/name:cluster-a", {"add_host_ids": ["name:esx-04", "no-such-1", "name:no-such-2"]}, unknown,
         "Invalid host IDs provided no-such-1, name:no-such-2", ["no-such-1, name:no-such-2"]),
        ("PATCH", "/host_group/name:cluster-a", {"remove_host_ids": ["no-such-1"]}, unknown,
         "Invalid host IDs provided no-such-1", ["no-such-1"]),
        ("POST", "/host_group", {"name": "cluster-c", "host_ids": ["no-such-1"]}, unknown,
         "Invalid host IDs provided no-such-1", ["no-such-1"]),
        # One port the host has and one it lacks: refused whole, without arguments (as recorded).
        ("PATCH", "/host/name:esx-04", {"remove_initiators": [port, "iqn.1998-01.com.vmware:nope"]},
         "0xE0A010010014", NOT_AN_INITIATOR, None),
    ]
    hosts, groups = ps._call("powerstore", "GET", "/_lab/hosts"), ps._call("powerstore", "GET", "/_lab/host_groups")
    for method, path, body, code, text, arguments in cases:
        for is_async in (True, False):
            msg = assert_error_body(api.call(method, path, body, is_async=is_async), 400)
            assert (msg["code"], msg["message_l10n"], msg.get("arguments")) == (code, text, arguments), (path, body)
    # No job, no submission, nothing changed.
    assert api.get("/job").json() == [] and submissions(ps) == {"create": 1}
    assert ps._call("powerstore", "GET", "/_lab/hosts") == hosts
    assert ps._call("powerstore", "GET", "/_lab/host_groups") == groups


def test_recorded_host_refusals_are_made_again_when_the_job_runs(ps, api):
    """Accepted while the name is free and the port there; by the time the jobs run, neither is."""
    held(ps, "modify")
    port = "iqn.1998-01.com.vmware:esx-04-lab"
    rename = api.call("PATCH", "/host_group/name:cluster-a", {"name": "hg-late"}, is_async=True)
    drop = api.call("PATCH", "/host/name:esx-04", {"remove_initiators": [port]}, is_async=True)
    assert (rename.status_code, drop.status_code) == (202, 202)
    assert api.call("POST", "/host_group", {"name": "HG-LATE", "host_ids": ["name:esx-03"]}).status_code == 201
    assert api.call("PATCH", "/host/name:esx-04", {"remove_initiators": [port]}).status_code == 204
    for resp, code, text in ((rename, "0xE0A030010010", "Host Group with name hg-late already exists"),
                             (drop, "0xE0A010010014", NOT_AN_INITIATOR)):
        ps.finish_job(resp.json()["id"], "powerstore")
        job = api.job(resp.json()["id"])
        assert (job["state"], job["response_status"]) == ("FAILED", "400"), job
        [msg] = job["response_body"]["messages"]
        assert (msg["code"], msg["message_l10n"]) == (code, text)
    assert sorted(g["name"] for g in ps._call("powerstore", "GET", "/_lab/host_groups")) == ["HG-LATE", "cluster-a"]
    with pytest.raises(labctl.LabError, match="404"):
        ps.finish_job("no-such-job", "powerstore")


def test_host_delete_takes_force_internal_as_pypowerstore_sends_it(ps, api):
    made = [api.call("POST", "/host", {"name": "gone-%d" % i, "os_type": "Linux",
                                       "initiators": [{"port_name": "iqn.gone-%d" % i, "port_type": "iSCSI"}]}).json()["id"]
            for i in (1, 2)]
    # Without DELL-VISIBILITY, as PyPowerStore sends host requests; a boolean only, and nothing else.
    assert "[Path '/force_internal'] Instance type (integer)" in message(
        api.call("DELETE", "/host/" + made[0], {"force_internal": 1}), 400)
    assert message(api.call("DELETE", "/host/" + made[0], {"force": True}), 400) == UNKNOWN_PROPERTY
    assert api.call("DELETE", "/host/" + made[0], {"force_internal": True}).status_code == 204
    parts = urllib.parse.urlsplit(ps.url("powerstore"))
    conn = powerstore_conn.PowerStoreConn(USER, PASSWORD, parts.hostname, verify=ps.ca,
                                          application_type="lab-test", port_no=parts.port)
    assert conn.provisioning.delete_host(made[1], force=True) is None  # sends {"force_internal": true}
    assert not {"gone-1", "gone-2"} & {h["name"] for h in ps._call("powerstore", "GET", "/_lab/hosts")}
    assert submissions(ps) == {"create": 2, "delete": 2}


# ---------------------------------------------------------------- volume group members

def test_volume_group_add_and_remove_members(ps, api):
    hr = api.one("volume_group", "vg-hr", "id")["id"]
    resp = api.call("POST", "/volume_group/%s/add_members" % hr, {"volume_ids": ["name:free-vol-01"]})
    assert resp.status_code == 204
    assert api.volume("free-vol-01")["volume_groups"] == [{"name": "vg-hr"}]
    job = api.run("POST", "/volume_group/%s/add_members" % hr, {"volume_ids": ["name:web-vol-01"]})
    assert "already belongs to volume group vg-web" in message(job, 422)
    assert job["description_l10n"] == "Add members to a volume group."
    assert "not a member of volume group vg-hr" in message(api.call(
        "POST", "/volume_group/%s/remove_members" % hr, {"volume_ids": ["name:free-vol-02"]}), 422)
    unknown = assert_error_body(api.call("POST", "/volume_group/%s/add_members" % hr, {"volume_ids": ["nope"]}), 404)
    assert unknown == {"code": "0xE0A07001000C", "severity": "Error", "message_l10n": "The volume nope is not found.",
                       "arguments": ["nope"]}  # as recorded (pypowerstore_vg_add_unknown_volume_404)
    assert "missing required properties ([volume_ids])" in message(
        api.call("POST", "/volume_group/%s/add_members" % hr, {}), 400)
    done = api.run("POST", "/volume_group/%s/remove_members" % hr, {"volume_ids": ["name:free-vol-01", "name:hr-vol-01"]})
    assert done["state"] == "COMPLETED"
    assert api.get("/volume_group/" + hr, select="volumes(name)").json() == {"volumes": []}


def test_members_take_force_internal_only_with_dell_visibility_internal(ps, api):
    hr = api.one("volume_group", "vg-hr", "id")["id"]
    add, remove = "/volume_group/%s/add_members" % hr, "/volume_group/%s/remove_members" % hr
    flagged = {"volume_ids": ["name:free-vol-01"], "force_internal": False}
    # Without the header the flag is what the spec's definition makes it: an unknown property.
    assert message(api.call("POST", add, flagged), 400) == UNKNOWN_PROPERTY
    assert message(api.call("POST", add, dict(flagged, force_internal="false"), headers=INTERNAL), 400) == (
        "Validation failed: [Path '/force_internal'] Instance type (string) does not match any allowed primitive type "
        "(allowed: [boolean]).")
    # The header opens no other body to it.
    assert message(api.call("PATCH", "/volume_group/" + hr, {"force_internal": False}, headers=INTERNAL), 400) == \
        UNKNOWN_PROPERTY
    assert message(api.call("PATCH", "/host/name:esx-03", {"force_internal": False}, headers=INTERNAL), 400) == \
        UNKNOWN_PROPERTY
    assert submissions(ps) == {} and api.volume("free-vol-01")["volume_groups"] == []

    assert api.call("POST", add, flagged, headers=INTERNAL).status_code == 204
    assert api.volume("free-vol-01")["volume_groups"] == [{"name": "vg-hr"}]
    resp = api.call("POST", remove, dict(flagged, force_internal=True), is_async=True, headers=INTERNAL)
    assert resp.status_code == 202
    assert watch(api, resp.json()["id"])[-1]["state"] == "COMPLETED"
    assert api.volume("free-vol-01")["volume_groups"] == []
    assert submissions(ps) == {"add_members": 1, "remove_members": 1}


# ---------------------------------------------------------------- lab control

def test_lab_bulk_volumes_are_not_submissions(ps, api):
    assert ps._call("powerstore", "POST", "/_lab/volumes", {"count": 3, "prefix": "perf-", "size": 2 * GIB}) == {
        "created": 3, "total": 12}
    volumes = lab_volumes(ps)
    assert volumes["perf-00002"]["size"] == 2 * GIB and volumes["perf-00002"]["mapped_volumes"] == []
    assert volumes["finance-vol-01"]["volume_group_ids"] and submissions(ps) == {}
    resp = api.get("/volume", name="like.x")
    assert_error_body(resp, 400)
    page = api.get("/volume", select="name", name="ilike.perf-*", order="name.desc", limit=2)
    assert page.status_code == 206 and [v["name"] for v in page.json()] == ["perf-00002", "perf-00001"]


# ---------------------------------------------------------------- PyPowerStore

def test_pypowerstore_volume_and_host_calls(ps):
    parts = urllib.parse.urlsplit(ps.url("powerstore"))
    conn = powerstore_conn.PowerStoreConn(USER, PASSWORD, parts.hostname, verify=ps.ca,
                                          application_type="lab-test", port_no=parts.port)
    prov = conn.provisioning
    assert prov.create_volume("py-vol", 4 * GIB, description="from PyPowerStore",
                              performance_policy_id="name:default_low") is None
    vol_id = prov.get_volumes(filter_dict={"name": "eq.py-vol"})[0]["id"]
    host = prov.get_host_by_name("esx-02")[0]
    prov.map_volume_to_host(vol_id, host_id=host["id"], logical_unit_number=5)
    details = prov.get_volume_details(vol_id)
    assert details["size"] == 4 * GIB and details["description"] == "from PyPowerStore"
    assert details["hlu_details"] == [{"id": details["hlu_details"][0]["id"], "host_id": host["id"],
                                       "host_group_id": None, "logical_unit_number": 5}]
    prov.modify_volume(vol_id, size=8 * GIB, name="py-vol-2")
    assert prov.get_volume_details(vol_id)["size"] == 8 * GIB
    mapped = prov.get_host_details(host["id"])["mapped_hosts"]
    assert mapped == [{"id": mapped[0]["id"], "logical_unit_number": 5, "host_group": None,
                       "volume": {"id": vol_id, "name": "py-vol-2"}}]
    prov.unmap_volume_from_host(vol_id, host["id"])
    created = prov.create_host("py-host", "Linux", [{"port_name": "iqn.py", "port_type": "iSCSI"}])
    assert set(created) == {"id"} and prov.get_host_details(created["id"])["os_type"] == "Linux"
    prov.map_volume_to_host_group(vol_id, host_group_id=prov.get_host_group_by_name("cluster-a")[0]["id"])
    prov.unmap_volume_from_host_group(vol_id, prov.get_host_group_by_name("cluster-a")[0]["id"])
    assert prov.delete_volume(vol_id) is None and prov.delete_host(created["id"]) is None
    assert "py-vol-2" not in lab_volumes(ps)
    assert ps.stats("powerstore")["submissions"] == {"create": 2, "attach": 2, "modify": 1, "detach": 2, "delete": 2}
