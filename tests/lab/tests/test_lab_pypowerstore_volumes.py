"""Dell's PyPowerStore volume, host and host group calls against the lab, unchanged (issue 14).

Each call is PyPowerStore's own, sending the URL, select and body its source builds (the lab
reports release 4.1.0.0, so PyPowerStore picks its newest select strings). A test asserts what
the call returns, what the lab holds afterwards (its /_lab views), and for a refused change
PyPowerStore's own PowerStoreException: the HTTP status and the array's message. Every call
here is synchronous, so nothing waits. PyPowerStore builds https:// URLs only, so this module
starts its own TLS lab (PowerStore only).
"""
import urllib.parse

import pytest

import labctl
from lab_helpers import PASSWORD, USER

PyPowerStore = pytest.importorskip("PyPowerStore")
from PyPowerStore import powerstore_conn  # noqa: E402
from PyPowerStore.utils.exception import PowerStoreException  # noqa: E402

GIB = 1 << 30
# Initiator ports of the hosts the tests create (no seeded host has one).
IQN = "iqn.1994-05.com.redhat:py-host-%s"
ESX_PORT = "iqn.1998-01.com.vmware:esx-03-lab"  # the seeded esx-03's initiator (tests/lab/powerstore_block.py)


@pytest.fixture(scope="module")
def pslab(tmp_path_factory):
    lab = labctl.start_lab(tmp_path_factory.mktemp("pyvol"), only="powerstore", tls=True, time_scale=0.25)
    yield lab
    assert lab.stop() == 0


@pytest.fixture
def ps(pslab):
    pslab.reset("powerstore")
    return pslab


@pytest.fixture
def conn(ps):
    parts = urllib.parse.urlsplit(ps.url("powerstore"))
    return powerstore_conn.PowerStoreConn(USER, PASSWORD, parts.hostname, verify=ps.ca,
                                          application_type="lab-fidelity", port_no=parts.port)


def view(lab, what):
    """The lab's own view of a table, by name: volumes, hosts, host_groups, volume_groups, policies."""
    return {row["name"]: row for row in lab._call("powerstore", "GET", "/_lab/" + what)}


def requests_made(lab):
    return lab.stats("powerstore")["requests"]


def delta(before, after):
    return {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}


def refused(call, status, *words):
    """The call raises PyPowerStore's HTTP error with this status and the array's words in its text."""
    with pytest.raises(PowerStoreException) as exc:
        call()
    err = exc.value
    assert (err.err_code, err.status_code) == (PowerStoreException.HTTP_ERR, str(status)), err.err_text
    assert err.err_text.startswith("HTTP code: %d, " % status), err.err_text
    for word in words:
        assert word in err.err_text, err.err_text
    return err.err_text


def new_volume(lab, prov, name, size=8 * GIB, **kw):
    assert prov.create_volume(name, size, **kw) is None  # PyPowerStore drops the {"id"} reply
    return view(lab, "volumes")[name]["id"]


# ---------------------------------------------------------------- volumes

def test_create_volume_with_description_group_and_policies(ps, conn):
    prov = conn.provisioning
    pol, vg = view(ps, "policies"), view(ps, "volume_groups")["vg-analytics"]
    before = requests_made(ps)
    vid = new_volume(ps, prov, "py-vol-01", description="from PyPowerStore", volume_group_id=vg["id"],
                     performance_policy_id=pol["default_high"]["id"])
    # A login, then one POST /volume (no version check: app_type is not given).
    assert delta(before, requests_made(ps)) == {"GET /api/rest/login_session": 1, "POST /api/rest/volume": 1}
    pid = new_volume(ps, prov, "py-vol-02", 16 * GIB, protection_policy_id=pol["silver-protection"]["id"])

    vols = view(ps, "volumes")
    one, two = vols["py-vol-01"], vols["py-vol-02"]
    assert (one["size"], one["description"], one["type"], one["state"]) == (8 * GIB, "from PyPowerStore", "Primary", "Ready")
    assert one["volume_group_ids"] == [vg["id"]] and one["performance_policy_id"] == pol["default_high"]["id"]
    assert one["protection_policy_id"] is None and one["mapped_volumes"] == []
    assert prov.get_volume_group_details(vg["id"])["volumes"] == [{"name": "py-vol-01", "id": vid}]
    # A new volume without a performance policy gets the default one.
    assert two["protection_policy_id"] == pol["silver-protection"]["id"]
    assert two["performance_policy_id"] == pol["default_medium"]["id"] and two["volume_group_ids"] == []

    found = prov.get_volume_by_name("PY-VOL-01")  # name filters are case-insensitive
    assert len(found) == 1
    got = found[0]
    assert (got["id"], got["name"], got["size"], got["description"]) == (vid, "py-vol-01", 8 * GIB, "from PyPowerStore")
    assert got["volume_groups"] == [{"name": "vg-analytics", "id": vg["id"]}]
    assert got["protection_policy"] is None and got["hlu_details"] == []
    detail = prov.get_volume_details(pid)
    assert detail["protection_policy"] == {"name": "silver-protection", "id": pol["silver-protection"]["id"]}
    assert detail["volume_groups"] == [] and detail["type_l10n"] == "Primary" and detail["wwn"]
    assert prov.get_volume_by_name("no-such-volume") == []


def test_volume_details_answer_every_field_pypowerstore_selects(ps, conn):
    prov = conn.provisioning
    vid = new_volume(ps, prov, "py-vol-fields")
    before = requests_made(ps)
    detail = prov.get_volume_details(vid)
    # The 4.x select of PyPowerStore (VICTORY_VOLUME_DETAILS_QUERY), then the volume's mappings.
    selected = {"id", "name", "description", "type", "wwn", "nsid", "nguid", "appliance_id", "state", "size",
                "logical_used", "node_affinity", "creation_timestamp", "protection_policy_id", "performance_policy_id",
                "qos_performance_policy_id", "is_replication_destination", "migration_session_id",
                "metro_replication_session_id", "is_host_access_available", "protection_data", "location_history",
                "app_type", "app_type_other", "type_l10n", "state_l10n", "node_affinity_l10n", "app_type_l10n",
                "volume_groups", "protection_policy"}
    assert set(detail) == selected | {"hlu_details"}
    assert detail["id"] == vid and detail["hlu_details"] == []
    assert delta(before, requests_made(ps)) == {"GET /api/rest/software_installed": 1, "GET /api/rest/volume/{id}": 1,
                                                "GET /api/rest/host_volume_mapping": 1}


def test_get_volumes_filters_and_all_pages(ps, conn):
    prov = conn.provisioning
    seeded = len(view(ps, "volumes"))
    ps._call("powerstore", "POST", "/_lab/volumes", {"count": 250, "prefix": "py-bulk-", "size": 2 * GIB})
    first = prov.get_volumes()  # one page of 100 without all_pages
    assert len(first) == 100 and set(first[0]) == {"id", "name"}
    before = requests_made(ps)
    rows = prov.get_volumes(all_pages=True)
    assert len(rows) == seeded + 250 and len({r["id"] for r in rows}) == seeded + 250
    # The first page (206 + Content-Range), then Range 100-2100.
    assert delta(before, requests_made(ps)) == {"GET /api/rest/volume": 2}

    some = prov.get_volumes(filter_dict={"name": "ilike.py-bulk-0001*"})
    assert sorted(r["name"] for r in some) == ["py-bulk-%05d" % i for i in range(10, 20)]
    big = prov.get_volumes(filter_dict={"size": "gt.%d" % (2 * GIB), "name": "ilike.py-bulk-*"})
    assert big == []
    listed = prov.get_volumes(filter_dict={"type": "eq.Primary", "name": "ilike.py-bulk-*"}, all_pages=True)
    assert len(listed) == 250


def test_modify_volume_rename_describe_grow_and_policies(ps, conn):
    prov = conn.provisioning
    pol = view(ps, "policies")
    vid = new_volume(ps, prov, "py-vol-mod")
    assert prov.modify_volume(vid, name="py-vol-renamed", description="grown", size=12 * GIB,
                              performance_policy_id=pol["default_low"]["id"]) is None
    vol = view(ps, "volumes")["py-vol-renamed"]
    assert (vol["id"], vol["description"], vol["size"]) == (vid, "grown", 12 * GIB)
    assert vol["performance_policy_id"] == pol["default_low"]["id"] and "py-vol-mod" not in view(ps, "volumes")

    assert prov.add_protection_policy_for_volume(vid, pol["gold-protection"]["id"]) is None
    assert view(ps, "volumes")["py-vol-renamed"]["protection_policy_id"] == pol["gold-protection"]["id"]
    assert prov.get_volume_details(vid)["protection_policy"]["name"] == "gold-protection"
    assert prov.remove_protection_policy_for_volume(vid) is None  # sends protection_policy_id ""
    assert view(ps, "volumes")["py-vol-renamed"]["protection_policy_id"] is None
    assert prov.get_volume_details(vid)["protection_policy"] is None


def test_volume_errors_are_pypowerstore_exceptions(ps, conn):
    prov = conn.provisioning
    vid = new_volume(ps, prov, "py-vol-err", 8 * GIB)
    new_volume(ps, prov, "py-vol-other")
    # Shrinking: the array names the current size.
    text = refused(lambda: prov.modify_volume(vid, size=4 * GIB), 422, "Request could not be completed",
                   str(8 * GIB))
    assert "bigger than" in text
    refused(lambda: prov.modify_volume(vid, size=8 * GIB), 422, str(8 * GIB))  # same size: no growth
    # A name taken, on create and on rename.
    refused(lambda: prov.create_volume("py-vol-other", GIB), 422, "py-vol-other", "already in use")
    refused(lambda: prov.modify_volume(vid, name="PY-VOL-OTHER"), 422, "already in use")
    # An unknown id: the recorded not-found of a volume (pypowerstore_vg_add_unknown_volume_404).
    missing = ("The volume 0b1d-no-such-volume is not found.", "0xE0A07001000C")
    refused(lambda: prov.get_volume_details("0b1d-no-such-volume"), 404, "Requested resource not found", *missing)
    refused(lambda: prov.delete_volume("0b1d-no-such-volume"), 404, *missing)
    refused(lambda: prov.modify_volume("0b1d-no-such-volume", description="x"), 404, *missing)
    vols = view(ps, "volumes")
    assert (vols["py-vol-err"]["size"], vols["py-vol-err"]["name"]) == (8 * GIB, "py-vol-err")
    assert [v["name"] for v in vols.values() if v["name"].casefold() == "py-vol-other"] == ["py-vol-other"]


def test_map_unmap_volume_to_host_and_host_group(ps, conn):
    prov = conn.provisioning
    hosts, groups = view(ps, "hosts"), view(ps, "host_groups")
    esx3, cluster = hosts["esx-03"]["id"], groups["cluster-a"]["id"]
    vid = new_volume(ps, prov, "py-vol-map")
    gvid = new_volume(ps, prov, "py-vol-gmap")

    assert prov.map_volume_to_host(vid, host_id=esx3, logical_unit_number=5) is None
    assert prov.map_volume_to_host_group(gvid, host_group_id=cluster) is None
    vols = view(ps, "volumes")
    [m] = vols["py-vol-map"]["mapped_volumes"]
    assert (m["host_id"], m["host_group_id"], m["logical_unit_number"]) == (esx3, None, 5)
    [g] = vols["py-vol-gmap"]["mapped_volumes"]
    assert (g["host_id"], g["host_group_id"]) == (None, cluster) and g["logical_unit_number"] >= 0

    assert prov.get_volume_details(vid)["hlu_details"] == [
        {"id": m["id"], "host_id": esx3, "host_group_id": None, "logical_unit_number": 5}]
    host = prov.get_host_details(esx3)
    assert [(x["logical_unit_number"], x["volume"], x["host_group"]) for x in host["mapped_hosts"]] == \
        [(5, {"id": vid, "name": "py-vol-map"}, None)]
    group = prov.get_host_group_details(cluster)
    assert [(x["volume_id"], x["logical_unit_number"]) for x in group["mapped_host_groups"]] == \
        [(gvid, g["logical_unit_number"])]

    # The same host twice, and a host inside a group the volume reaches already.
    refused(lambda: prov.map_volume_to_host(vid, host_id=esx3), 422, "already attached")
    refused(lambda: prov.map_volume_to_host(gvid, host_id=hosts["esx-01"]["id"]), 422, "already attached")
    # Deleting a mapped volume is refused, and the volume stays.
    refused(lambda: prov.delete_volume(vid), 422, "py-vol-map", "esx-03")
    assert "py-vol-map" in view(ps, "volumes")
    # Deleting a host that has a volume is refused too.
    refused(lambda: prov.delete_host(esx3), 422, "esx-03")

    assert prov.unmap_volume_from_host(vid, esx3) is None
    assert prov.unmap_volume_from_host_group(gvid, cluster) is None
    refused(lambda: prov.unmap_volume_from_host(vid, esx3), 422, "not attached")
    vols = view(ps, "volumes")
    assert vols["py-vol-map"]["mapped_volumes"] == [] and vols["py-vol-gmap"]["mapped_volumes"] == []
    assert prov.get_host_details(esx3)["mapped_hosts"] == []
    assert prov.delete_volume(vid) is None and prov.delete_volume(gvid) is None
    assert not {"py-vol-map", "py-vol-gmap"} & set(view(ps, "volumes"))


def test_clone_volume_mapped_at_creation_and_create_mapped(ps, conn):
    prov = conn.provisioning
    pol, esx4 = view(ps, "policies"), view(ps, "hosts")["esx-04"]["id"]
    src = new_volume(ps, prov, "py-vol-src", 4 * GIB, description="source")
    clone = prov.clone_volume(src, name="py-vol-clone", description="clone of source", host_id=esx4,
                              logical_unit_number=7, protection_policy_id=pol["bronze-protection"]["id"])
    assert set(clone) == {"id"}
    vol = view(ps, "volumes")["py-vol-clone"]
    assert (vol["id"], vol["type"], vol["size"], vol["description"]) == (clone["id"], "Clone", 4 * GIB, "clone of source")
    assert vol["protection_data"]["parent_id"] == src and vol["protection_policy_id"] == pol["bronze-protection"]["id"]
    assert [(m["host_id"], m["logical_unit_number"]) for m in vol["mapped_volumes"]] == [(esx4, 7)]
    # The LUN is taken on that host now.
    refused(lambda: prov.clone_volume(src, name="py-vol-clone-2", host_id=esx4, logical_unit_number=7), 422, "7")
    assert "py-vol-clone-2" not in view(ps, "volumes")

    # PyPowerStore's create_volume has no host parameter; its client sends volume_create's host_id as is.
    base = "https://%s/api/rest" % prov.server_ip
    made = prov.client.request("POST", base + "/volume", payload={"name": "py-vol-mapped", "size": GIB,
                                                                  "host_id": esx4, "logical_unit_number": 9})
    assert set(made) == {"id"}
    vol = view(ps, "volumes")["py-vol-mapped"]
    assert vol["id"] == made["id"] and [(m["host_id"], m["logical_unit_number"]) for m in vol["mapped_volumes"]] == [(esx4, 9)]


def test_volume_group_members(ps, conn):
    prov = conn.provisioning
    vgs = view(ps, "volume_groups")
    hr, web = vgs["vg-hr"]["id"], vgs["vg-web"]["id"]
    a, b = new_volume(ps, prov, "py-member-a"), new_volume(ps, prov, "py-member-b")
    assert prov.add_members_to_volume_group(hr, [a, b]) is None  # sends force_internal false as well
    vols = view(ps, "volumes")
    assert vols["py-member-a"]["volume_group_ids"] == [hr] and vols["py-member-b"]["volume_group_ids"] == [hr]
    assert {"py-member-a", "py-member-b"} <= {v["name"] for v in prov.get_volume_group_details(hr)["volumes"]}
    # A volume is in one group at most; a member cannot be deleted.
    refused(lambda: prov.add_members_to_volume_group(web, [a]), 422, "py-member-a", "vg-hr")
    refused(lambda: prov.delete_volume(a), 422, "py-member-a", "vg-hr")
    assert prov.remove_members_from_volume_group(hr, [a]) is None
    refused(lambda: prov.remove_members_from_volume_group(hr, [a]), 422, "py-member-a", "not a member")
    vols = view(ps, "volumes")
    assert vols["py-member-a"]["volume_group_ids"] == [] and vols["py-member-b"]["volume_group_ids"] == [hr]
    assert prov.delete_volume(a) is None and "py-member-a" not in view(ps, "volumes")


# ---------------------------------------------------------------- hosts and host groups

def test_host_create_read_modify_delete(ps, conn):
    prov = conn.provisioning
    made = prov.create_host("py-host-01", "Linux", [{"port_name": IQN % "a", "port_type": "iSCSI"}],
                            description="from PyPowerStore")
    assert set(made) == {"id"}
    hid = made["id"]
    host = view(ps, "hosts")["py-host-01"]
    assert (host["id"], host["os_type"], host["description"]) == (hid, "Linux", "from PyPowerStore")
    assert [(i["port_name"], i["port_type"]) for i in host["initiators"]] == [(IQN % "a", "iSCSI")]

    detail = prov.get_host_details(hid)
    assert (detail["name"], detail["os_type"], detail["host_group_id"], detail["mapped_hosts"]) == \
        ("py-host-01", "Linux", None, [])
    assert [(i["port_name"], i["port_type"], i["active_sessions"]) for i in detail["initiators"]] == \
        [(IQN % "a", "iSCSI", [])]
    assert [i["port_name"] for i in detail["host_initiators"]] == [IQN % "a"]
    assert detail["host_virtual_volume_mappings"] == [] and detail["host_connectivity"] == "Local_Only"
    [by_name] = prov.get_host_by_name("py-host-01")
    assert by_name["id"] == hid and by_name["initiators"] == detail["initiators"]
    assert prov.get_host_by_name("no-such-host") == []
    esx = prov.get_hosts(filter_dict={"os_type": "eq.ESXi"})
    assert sorted(h["name"] for h in esx) == ["esx-01", "esx-02", "esx-03", "esx-04"] and set(esx[0]) == {"id", "name"}
    assert hid in {h["id"] for h in prov.get_hosts(all_pages=True)}

    assert prov.modify_host(hid, name="py-host-renamed", description="renamed",
                            add_initiators=[{"port_name": IQN % "b", "port_type": "iSCSI"}]) is None
    host = view(ps, "hosts")["py-host-renamed"]
    assert host["description"] == "renamed" and [i["port_name"] for i in host["initiators"]] == [IQN % "a", IQN % "b"]
    assert prov.modify_host(hid, remove_initiators=[IQN % "a"]) is None
    assert [i["port_name"] for i in view(ps, "hosts")["py-host-renamed"]["initiators"]] == [IQN % "b"]
    assert [i["port_name"] for i in prov.get_host_details(hid)["initiators"]] == [IQN % "b"]

    # A name taken, an initiator registered to another host, an unknown id.
    refused(lambda: prov.create_host("ESX-01", "ESXi", [{"port_name": IQN % "c", "port_type": "iSCSI"}]), 422,
            "already in use")
    # A port the host does not have: the recorded 400 (pypowerstore_host_remove_unknown_initiator_400).
    refused(lambda: prov.remove_initiators_from_host(hid, remove_initiators=[IQN % "a"]), 400,
            "Cannot remove the specified iqn since it does not exist as part of the host.", "0xE0A010010014")
    refused(lambda: prov.modify_host(hid, add_initiators=[{"port_name": ESX_PORT, "port_type": "iSCSI"}]), 422,
            ESX_PORT, "esx-03")
    refused(lambda: prov.get_host_details("0b1d-no-such-host"), 404, "0b1d-no-such-host")
    # An os_type outside the enum: the array's recorded reply names nothing (pypowerstore_patch_invalid_enum_400).
    refused(lambda: prov.create_host("py-host-bad", "Plan9", [{"port_name": IQN % "d", "port_type": "iSCSI"}]), 400,
            "Invalid REST request.")
    assert "ESX-01" not in view(ps, "hosts") and "py-host-bad" not in view(ps, "hosts")

    assert prov.delete_host(hid) is None
    assert "py-host-renamed" not in view(ps, "hosts")
    refused(lambda: prov.delete_host(hid), 404, hid)


def test_host_group_create_add_hosts_delete(ps, conn):
    prov = conn.provisioning
    hosts = view(ps, "hosts")
    esx3, esx4, esx1 = hosts["esx-03"]["id"], hosts["esx-04"]["id"], hosts["esx-01"]["id"]
    made = prov.create_host_group("py-hg", [esx3], description="from PyPowerStore")
    assert set(made) == {"id"}
    gid = made["id"]
    group = view(ps, "host_groups")["py-hg"]
    assert (group["id"], group["description"], group["host_ids"]) == (gid, "from PyPowerStore", [esx3])
    assert view(ps, "hosts")["esx-03"]["host_group_id"] == gid

    assert prov.add_hosts_to_host_group(gid, add_host_ids=[esx4]) is None
    assert sorted(view(ps, "host_groups")["py-hg"]["host_ids"]) == sorted([esx3, esx4])
    detail = prov.get_host_group_details(gid)
    assert (detail["name"], detail["description"], detail["mapped_host_groups"]) == ("py-hg", "from PyPowerStore", [])
    assert sorted(h["name"] for h in detail["hosts"]) == ["esx-03", "esx-04"]
    assert all(h["host_virtual_volume_mappings"] == [] for h in detail["hosts"])
    [by_name] = prov.get_host_group_by_name("py-hg")
    assert by_name["id"] == gid and by_name["hosts"] == detail["hosts"]
    assert {"cluster-a", "py-hg"} <= {g["name"] for g in prov.get_host_group_list()}

    # A host of another group cannot join.
    refused(lambda: prov.add_hosts_to_host_group(gid, add_host_ids=[esx1]), 422, "esx-01", "cluster-a")
    # A name taken and an unknown host id: the recorded 400s (pypowerstore_host_group_rename_taken_400,
    # pypowerstore_host_group_add_unknown_host_400).
    refused(lambda: prov.modify_host_group(gid, name="cluster-a"), 400,
            "Host Group with name cluster-a already exists", "0xE0A030010010")
    refused(lambda: prov.add_hosts_to_host_group(gid, add_host_ids=["0b1d-no-such-host"]), 400,
            "Invalid host IDs provided 0b1d-no-such-host", "0xE0A030010001")
    group = view(ps, "host_groups")["py-hg"]
    assert sorted(group["host_ids"]) == sorted([esx3, esx4]) and group["description"] == "from PyPowerStore"

    assert prov.remove_hosts_from_host_group(gid, remove_host_ids=[esx4]) is None
    assert view(ps, "host_groups")["py-hg"]["host_ids"] == [esx3]
    assert prov.delete_host_group(gid) is None
    assert "py-hg" not in view(ps, "host_groups") and view(ps, "hosts")["esx-03"]["host_group_id"] is None
    refused(lambda: prov.delete_host_group(gid), 404, gid)
