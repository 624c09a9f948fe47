# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for the pure parts of powerstore_resource (_backends/powerstore/_resource.py):
the offline checks (preflight), value comparison, what a modify sends, paths, secrets, the
created id, and that a refused request never connects."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _resource as res
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError


def params(resource, action, id=None, name=None, body=None, **extra):
    return dict(dict(resource=resource, action=action, id=id, name=name, body=body, url="https://ps.example",
                     username="admin", password="pw", wait=True, wait_timeout=60, poll_interval=1,
                     max_poll_interval=15, fail_on="any"), **extra)


def refused(**kwargs):
    with pytest.raises(InputError) as err:
        res.preflight(params(**kwargs))
    return err.value.msg


# ---------------------------------------------------------------- preflight: what is accepted

def test_create_takes_the_name_option_into_the_body():
    plan = res.preflight(params("snapshot_rule", "create", name="hourly", body={"desired_retention": 24}))
    assert plan.body == {"desired_retention": 24, "name": "hourly"} and plan.name == "hourly"
    assert plan.instance_id is None and plan.op["method"] == "POST" and plan.op["path"] == "/snapshot_rule"
    # the name in the body alone keys the create just the same
    plan = res.preflight(params("snapshot_rule", "create", body={"name": "hourly", "desired_retention": 24}))
    assert plan.name == "hourly" and plan.lock_key() == "hourly"


def test_an_action_on_an_instance_by_id_or_name():
    plan = res.preflight(params("volume", "snapshot", id="b1c2", body={"name": "snap-1"}))
    assert plan.instance_id == "b1c2" and plan.name is None and plan.lock_key() == "id:b1c2"
    plan = res.preflight(params("volume_group", "add_members", name="VG-HR", body={"volume_ids": ["v1"]}))
    assert plan.name == "VG-HR" and plan.lock_key() == "vg-hr"  # the key powerstore_volume_group locks on
    # the original body is not changed by a create that adds the name
    body = {"desired_retention": 24}
    res.preflight(params("snapshot_rule", "create", name="x", body=body))
    assert body == {"desired_retention": 24}


# ---------------------------------------------------------------- preflight: refusals, one per rule

@pytest.mark.parametrize("kwargs, parts", [
    (dict(resource="volumes", action="create"), ["unknown PowerStore resource 'volumes'", "did you mean volume",
                                                 "PowerStore 4.1 resources:", "snapshot_rule"]),
    (dict(resource="volume", action="grow", id="v1"), ["'volume' has no action 'grow'", "its actions are:",
                                                       "attach, clone", "snapshot"]),
    (dict(resource="host", action="create", name="h", body={"os_type": "ESXi", "initiators": [], "colour": "red"}),
     ["body.colour: unknown field", "allowed fields: description, host_connectivity, initiators, name, os_type"]),
    (dict(resource="snapshot_rule", action="create", name="h", body={"desired_retention": "24"}),
     ["body.desired_retention: expected integer, got string"]),
    (dict(resource="host", action="create", name="h", body={"os_type": "Linux2", "initiators": []}),
     ["body.os_type: 'Linux2' is not allowed", "allowed values: Windows, Linux, ESXi"]),
    (dict(resource="host", action="create", name="h", body={"os_type": "ESXi"}),
     ["body: missing required field initiators"]),
    (dict(resource="snapshot_rule", action="modify", body={"desired_retention": 24}),
     ["PowerStore snapshot_rule modify (PATCH /api/rest/snapshot_rule/{id}) acts on one instance",
      "give its id or its name"]),
    (dict(resource="snapshot_rule", action="create", id="x", body={"name": "a", "desired_retention": 1}),
     ["id: PowerStore snapshot_rule create (POST /api/rest/snapshot_rule) does not act on an existing instance"]),
    (dict(resource="cluster", action="validate_create", name="a"), ["name: PowerStore cluster validate_create",
                                                                    "remove name"]),
    (dict(resource="volume", action="clone", id="v1", name="db"), ["id and name are mutually exclusive"]),
    (dict(resource="replication_session", action="modify", name="rs", body={"role": "Source"}),
     ["name: PowerStore replication_session instances have no name attribute", "give the instance's id"]),
    (dict(resource="volume", action="clone", id="a b"), ["id must be a PowerStore instance id", "'a b'"]),
    (dict(resource="volume", action="clone", name="  "), ["name must be 1 to 255 characters"]),
    (dict(resource="snapshot_rule", action="create", name="a", body={"name": "b", "desired_retention": 1}),
     ["name 'a' and body.name 'b' differ"]),
    (dict(resource="ldap_domain", action="create", name="a"), ["name: the body of PowerStore ldap_domain create "
                                                               "has no name field; its fields are:"]),
    (dict(resource="snapshot_rule", action="modify", name="a", body={}),
     ["body: PowerStore snapshot_rule modify needs at least one field", "desired_retention"]),
    (dict(resource="host_group", action="delete", name="a", body={"force": True}),
     ["body: PowerStore host_group delete takes no body"]),
])
def test_refusals_name_the_field_and_what_is_allowed(kwargs, parts):
    msg = refused(**kwargs)
    for part in parts:
        assert part in msg, msg


def test_a_refused_request_never_connects():
    """Validation comes first: not even the login is attempted."""
    class NoConnect(Context):
        def connect(self, api, params):
            raise AssertionError("connected")

    with pytest.raises(InputError, match="body.colour: unknown field"):
        res.RESOURCE.run(params("host", "modify", name="h", body={"colour": "red"}), NoConnect())


# ---------------------------------------------------------------- comparison

@pytest.mark.parametrize("current, desired, equal", [
    (None, None, True), (None, "", True), ("", None, True), ("x", None, False), (None, "x", False),
    (True, True, True), (1, True, False), (True, 1, False), (0, False, False),
    (24, 24, True), (24, 24.0, True), (24, 48, False), ("24", 24, False),
    (["Monday", "Friday"], ["Monday", "Friday"], True), (["Friday", "Monday"], ["Monday", "Friday"], False),
    (["Monday"], ["Monday", "Friday"], False), (None, [], False),
    ({"a": 1, "b": 2}, {"a": 1}, True), ({"a": 1}, {"a": 2}, False), ({"a": 1}, {"c": None}, True), (None, {"a": 1}, False),
    ([{"port_name": "p", "x": 1}], [{"port_name": "p"}], True),
])
def test_same(current, desired, equal):
    assert res.same(current, desired) is equal


def test_modify_sends_only_the_differing_fields():
    current = {"id": "r1", "name": "hourly", "desired_retention": 24, "interval": "One_Hour", "days_of_week": None}
    send, differing, blind = res.modify_plan("snapshot_rule", current, {"desired_retention": 48, "interval": "One_Hour"})
    assert send == differing == {"desired_retention": 48} and blind == {}
    assert res.modify_plan("snapshot_rule", current, {"desired_retention": 24, "interval": "One_Hour"}) == ({}, {}, {})


def test_modify_write_only_fields_go_along_with_a_difference_or_alone():
    current = {"id": "h1", "name": "esx-01", "description": "", "os_type": "ESXi"}
    add = [{"port_name": "iqn.x", "port_type": "iSCSI"}]
    # with a real difference: sent along
    send, differing, blind = res.modify_plan("host", current, {"description": "rack 4", "add_initiators": add})
    assert send == {"description": "rack 4", "add_initiators": add} and differing == {"description": "rack 4"}
    assert blind == {"add_initiators": add}
    # comparable fields that already match: nothing is sent, the write-only field neither
    assert res.modify_plan("host", current, {"description": None, "add_initiators": add}) == ({}, {}, {"add_initiators": add})
    # a body of only write-only fields: always sent
    assert res.modify_plan("host", current, {"add_initiators": add})[0] == {"add_initiators": add}
    # an instance that cannot be read compares nothing: everything is sent
    assert res.modify_plan("host", None, {"description": ""})[0] == {"description": ""}


def test_relations_are_neither_read_nor_compared():
    fields = res.read_fields("volume")
    assert "name" in fields and "size" in fields and "id" in fields
    assert not {"mapped_volumes", "volume_groups", "protection_policy", "appliance"} & set(fields)
    assert "protection_policy_id" in fields
    assert res.read_fields("metrics") == []  # no read instance
    assert res.compared_fields("volume", "modify", {"size": 1, "force": True, "name": "x"}) == ["size", "name"]


# ---------------------------------------------------------------- paths, secrets, created id

def test_action_path_confines_the_id_to_its_segment():
    assert res.action_path("/volume/{id}/clone", "v1") == "/volume/v1/clone"
    assert res.action_path("/volume/{id}", "../job/x") == "/volume/..%2Fjob%2Fx"
    assert res.action_path("/volume/{id}/clone", "a?b#c") == "/volume/a%3Fb%23c/clone"
    assert res.action_path("/cluster/validate_create") == "/cluster/validate_create"
    with pytest.raises(InputError, match="cannot be used as a URL path segment"):
        res.action_path("/volume/{id}", "..")


def test_secret_fields_of_the_body_are_censored():
    body = {"name": "h", "initiators": [{"port_name": "iqn.a", "chap_single_password": "Chap-Secret-123",
                                         "chap_single_username": "u"}],
            "nested": {"remote_password": "Remote-Pw-1", "is_default_password": True}}
    p = params("host", "create", body=body)
    assert sorted(res.RESOURCE.extra_no_log_values(p)) == ["Chap-Secret-123", "Remote-Pw-1"]
    assert {"Chap-Secret-123", "Remote-Pw-1", "pw"} <= res.RESOURCE.no_log_values(p, environ={})


@pytest.mark.parametrize("job, expected", [
    ({"response_body": {"id": "new-1"}, "resource_id": "src"}, "new-1"),
    ({"response_body": None, "resource_id": "new-2"}, "new-2"),
    ({"response_body": {"id": "bad id"}, "resource_id": None}, None),
    ({"response_body": {"id": 7}, "resource_id": ""}, None),
    ({"response_body": ["x"]}, None),
])
def test_created_id(job, expected):
    assert res.created_id(job) == expected


@pytest.mark.parametrize("row", [{}, {"id": None}, {"id": 12}, {"id": ""}, {"id": "a b"}, {"id": "x" * 256}])
def test_an_instance_without_a_usable_id_is_refused_before_it_reaches_a_path(row):
    with pytest.raises(ApiError, match="PowerStore returned a host group without a usable id"):
        res.usable_id(row, "host_group")
    assert res.usable_id({"id": "A1"}, "appliance") == "A1"
