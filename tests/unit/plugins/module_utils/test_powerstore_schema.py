# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for the compact PowerStore schema: the generated _schema_data.py is what
tools/powerstore_schema.py derives from the spec in tests/data, it says what the spec says, and
_schema.py's lookups and body validation refuse bad input with one message naming the field."""

from __future__ import annotations

import gzip
import importlib.util
import json
import pathlib
import types

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _schema as schema
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

REPO = pathlib.Path(__file__).resolve().parents[4]
SPEC_GZ = REPO / "tests" / "data" / "powerstore-openapi-4.1.json.gz"
DATA_FILE = REPO / "plugins" / "module_utils" / "_backends" / "powerstore" / "_schema_data.py"

# What the compact form cannot express; a change here is a change of the generator's reach.
SKIPPED = [
    "POST /file_kerberos/{id}/upload_keytab: formData (file upload) body",
    "POST /file_ldap/{id}/upload_certificate: formData (file upload) body",
    "POST /file_ldap/{id}/upload_config: formData (file upload) body",
    "POST /file_virus_checker/{id}/upload_config: formData (file upload) body",
    "POST /license/upload: formData (file upload) body",
    "POST /nas_server/{id}/upload/group: path deeper than /resource/{id}/action",
    "POST /nas_server/{id}/upload/homedir: path deeper than /resource/{id}/action",
    "POST /nas_server/{id}/upload/hosts: path deeper than /resource/{id}/action",
    "POST /nas_server/{id}/upload/netgroup: path deeper than /resource/{id}/action",
    "POST /nas_server/{id}/upload/nsswitch: path deeper than /resource/{id}/action",
    "POST /nas_server/{id}/upload/ntxmap: path deeper than /resource/{id}/action",
    "POST /nas_server/{id}/upload/passwd: path deeper than /resource/{id}/action",
    "POST /software_package: formData (file upload) body",
]


@pytest.fixture(scope="module")
def spec():
    with gzip.open(str(SPEC_GZ), "rt", encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def generator():
    loaded = importlib.util.spec_from_file_location("powerstore_schema", str(REPO / "tools" / "powerstore_schema.py"))
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


def refused(*args):
    with pytest.raises(InputError) as info:
        schema.validate(*args)
    return info.value.msg


# ---------------------------------------------------------------- the generated data

def test_regenerating_gives_the_committed_file(generator, spec):
    text, skips = generator.render(spec)
    assert text == DATA_FILE.read_text(encoding="utf-8"), \
        "_schema_data.py differs from what tools/powerstore_schema.py generates: regenerate it (see its header)"
    assert skips == SKIPPED


def _ref(name):
    return {"$ref": "#/definitions/" + name}


def _body(name):
    return [{"name": "body", "in": "body", "required": True, "schema": _ref(name)}]


def _op(parameters=None, codes=("204",)):
    op = {"responses": dict((code, {"description": "x"}) for code in codes + ("400",))}
    if parameters:
        op["parameters"] = parameters
    return op


# A toy spec with each construct the generator handles, also those the PowerStore 4.1 spec's
# actions and instances do not reach (allOf, inline bodies and objects, $ref beside type: array).
TOY_SPEC = {
    "info": {"version": "1.2.3.4"},
    "paths": {
        "/toy": {"get": _op(codes=("200",)), "post": _op(_body("toy_create"), ("201",)), "delete": _op()},
        "/toy/{id}": {"parameters": [{"name": "id", "in": "path"}], "get": {"responses": {"200": {"schema": _ref("toy_instance")}}},
                      "patch": _op(), "delete": _op(), "put": _op(), "post": _op()},
        "/toy/{id}/poke": {"post": _op([{"in": "body", "name": "body", "schema": {
            "type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 1}}}}], ("200", "204"))},
        "/toy/reset": {"post": _op()},
        "/toy/upload": {"post": _op([{"in": "formData", "name": "file", "type": "file"}])},
        "/toy/{id}/a/b": {"post": _op()},
        "/gadget/{id}": {"get": {"responses": {"200": {"schema": _ref("gadget_instance")}}}},
        "/gizmo": {"get": _op(codes=("200",))},
    },
    "definitions": {
        "toy_base": {"type": "object", "required": ["name"], "properties": {
            "name": {"type": "string", "maxLength": 8, "description": "dropped", "format": "x", "x-added": "1"}}},
        "toy_create": {"type": "object", "allOf": [_ref("toy_base"), {"properties": {"extra": {"type": "boolean"}}}],
                       "required": ["kind"], "properties": {
                           "kind": dict(_ref("ToyKind"), type="string"),
                           "parent": dict(_ref("toy_instance"), type="object", **{"x-ref": "toy"}),
                           "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "x-ref": "tag"}},
                           "note": {"type": "string", "x-pstore-nullable": True},
                           "opts": {"type": "object", "properties": {"deep": {"type": "integer"}}},
                           "rows": {"type": "array", "items": {"type": "object", "properties": {"r": {"type": "number"}}}},
                           "free": {"type": "object"},
                           "sched": {"type": "array", "items": {"type": "object"}, "$ref": "#/definitions/gadget_instance"}}},
        "ToyKind": {"type": "string", "enum": ["A", "B"], "x-display_enum_text": ["a", "b"]},
        "toy_instance": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
        "gadget_instance": {"type": "object", "properties": {"id": {"type": "string"}}},
        "orphan": {"type": "object", "properties": {"id": {"type": "string"}}},
    },
}


def test_generator_on_every_construct(generator):
    version, resources, definitions, skips = generator.build(TOY_SPEC)
    assert version == "1.2.3.4"
    assert resources == {
        "toy": {"instance": "toy_instance", "actions": {
            "create": ["POST", "/toy", "toy_create", ["201"]],
            "modify": ["PATCH", "/toy/{id}", None, ["204"]],
            "delete": ["DELETE", "/toy/{id}", None, ["204"]],
            "poke": ["POST", "/toy/{id}/poke", "toy.poke.body", ["200", "204"]],
            "reset": ["POST", "/toy/reset", None, ["204"]]}},
        "gadget": {"instance": "gadget_instance", "actions": {}},
    }
    assert skips == [
        "DELETE /toy: DELETE on a collection",
        "POST /toy/upload: formData (file upload) body",
        "POST /toy/{id}: POST on an instance",
        "PUT /toy/{id}: method PUT",
        "POST /toy/{id}/a/b: path deeper than /resource/{id}/action",
    ]
    assert definitions == {
        "toy_create": {"required": ["name", "kind"], "properties": {
            "name": {"type": "string", "maxLength": 8},
            "extra": {"type": "boolean"},
            "kind": {"type": "string", "enum": ["A", "B"]},
            "parent": {"type": "object", "def": "toy_instance", "ref": "toy"},
            "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "ref": "tag"}},
            "note": {"type": "string", "nullable": True},
            "opts": {"type": "object", "def": "toy_create.opts"},
            "rows": {"type": "array", "items": {"type": "object", "def": "toy_create.rows[]"}},
            "free": {"type": "object"},
            "sched": {"type": "array", "items": {"type": "object", "def": "gadget_instance"}}}},
        "toy_create.opts": {"properties": {"deep": {"type": "integer"}}},
        "toy_create.rows[]": {"properties": {"r": {"type": "number"}}},
        "toy.poke.body": {"required": ["n"], "properties": {"n": {"type": "integer", "minimum": 1}}},
        "toy_instance": {"properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
        "gadget_instance": {"properties": {"id": {"type": "string"}}},
    }
    text, rendered_skips = generator.render(TOY_SPEC)
    assert rendered_skips == skips
    namespace = {}
    exec(compile(text, "_schema_data.py", "exec"), namespace)  # the output is plain literals
    assert namespace["RESOURCES"] == resources and namespace["DEFINITIONS"] == definitions


def test_generated_lines_are_short_and_the_file_compact():
    text = DATA_FILE.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 150
    assert len(text.encode("utf-8")) < 400 * 1024


def test_every_action_is_the_spec_operation_with_its_body_and_2xx_statuses(spec):
    for resource in schema.resources():
        for action in schema.actions(resource):
            op = schema.operation(resource, action)
            source = spec["paths"][op["path"]][op["method"].lower()]
            bodies = [p["schema"]["$ref"].split("/")[-1] for p in source.get("parameters", []) if p["in"] == "body"]
            assert [op["body"]] == (bodies or [None]), (resource, action)
            assert op["statuses"] == sorted(c for c in source["responses"] if c.startswith("2")), (resource, action)
            assert op["path"].split("/")[1] == resource and op["needs_id"] == ("/{id}" in op["path"])


def test_spec_facts():
    assert {"create", "modify", "delete", "attach", "detach", "clone", "refresh", "restore", "snapshot"} <= set(schema.actions("volume"))
    assert {"add_members", "remove_members"} <= set(schema.actions("volume_group"))
    assert {"host_group", "snapshot_rule", "replication_rule", "policy"} <= set(schema.resources())
    assert schema.operation("volume", "create") == {
        "resource": "volume", "action": "create", "method": "POST", "path": "/volume", "needs_id": False,
        "body": "volume_create", "statuses": ["201"]}
    assert schema.operation("volume", "clone")["path"] == "/volume/{id}/clone"
    assert schema.operation("volume_group", "add_members")["method"] == "POST"
    assert schema.operation("bond", "delete")["body"] is None
    assert schema.data.DEFINITIONS["volume_create"]["required"] == ["name", "size"]


def test_enums_are_the_spec_values(spec):
    # By $ref to an enum definition, and inline.
    app_type = schema.data.DEFINITIONS["volume_create"]["properties"]["app_type"]
    assert app_type == {"type": "string", "enum": spec["definitions"]["AppTypeEnum"]["enum"]}
    assert "Relational_Databases_Oracle" in app_type["enum"]
    os_type = schema.data.DEFINITIONS["host_create"]["properties"]["os_type"]
    assert os_type["enum"] == spec["definitions"][spec["definitions"]["host_create"]["properties"]["os_type"]["$ref"].split("/")[-1]]["enum"]


def test_properties_keep_refs_nullability_nesting_and_limits():
    volume_create = schema.data.DEFINITIONS["volume_create"]["properties"]
    assert volume_create["size"] == {"type": "integer", "minimum": 1048576, "maximum": 281474976710656}
    assert volume_create["host_id"] == {"type": "string", "ref": "host"}
    assert schema.data.DEFINITIONS["volume_modify"]["properties"]["protection_policy_id"]["nullable"] is True
    assert schema.data.DEFINITIONS["host_create"]["properties"]["initiators"]["items"]["def"] == "initiator_create_modify"
    mapped = schema.data.DEFINITIONS["volume_instance"]["properties"]["mapped_volumes"]
    assert mapped["type"] == "array" and mapped["items"]["def"] == "host_volume_mapping_instance"
    assert "host_volume_mapping_instance" in schema.data.DEFINITIONS


def test_only_reachable_definitions_are_kept():
    data = schema.data
    reachable, todo = set(), [e["instance"] for e in data.RESOURCES.values()]
    todo += [a[2] for e in data.RESOURCES.values() for a in e["actions"].values()]
    while todo:
        name = todo.pop()
        if name is None or name in reachable:
            continue
        reachable.add(name)
        for prop in data.DEFINITIONS[name]["properties"].values():
            todo += [p["def"] for p in (prop, prop.get("items") or {}) if "def" in p]
    assert reachable == set(data.DEFINITIONS)
    assert "error_response" not in data.DEFINITIONS


# ---------------------------------------------------------------- lookups

def test_unknown_resource_suggests_and_lists_all():
    with pytest.raises(InputError) as info:
        schema.operation("volumes", "create")
    msg = info.value.msg
    assert msg.startswith("unknown PowerStore resource 'volumes'; did you mean volume or volume_group? PowerStore 4.1 resources: alert, appliance,")
    assert msg.endswith(", ".join(schema.resources()))
    with pytest.raises(InputError) as info:
        schema.actions("zzzz")
    assert info.value.msg.startswith("unknown PowerStore resource 'zzzz'; PowerStore 4.1 resources: alert, ")


def test_unknown_action_lists_the_actions():
    with pytest.raises(InputError) as info:
        schema.operation("volume", "grow")
    assert info.value.msg == ("PowerStore resource 'volume' has no action 'grow'; its actions are: attach, clone, configure_metro, "
                              "create, delete, detach, end_metro, modify, refresh, restore, snapshot")
    with pytest.raises(InputError) as info:
        schema.validate("audit_event", "create", {})
    assert info.value.msg == "PowerStore resource 'audit_event' has no action 'create'; it has no actions (read only)"


def test_instance_fields_comparable_and_has_name():
    fields = schema.instance_fields("volume")
    assert {"id", "name", "size", "protection_policy_id", "mapped_volumes"} <= fields
    assert schema.instance_fields("metrics") == set()
    assert schema.comparable("volume", "modify", "size") is True
    assert schema.comparable("volume", "modify", "expiration_timestamp") is False   # no attribute of that name
    assert schema.comparable("volume", "create", "host_id") is False                # create-only input
    assert schema.comparable("bond", "delete", "name") is False                     # no body
    assert schema.has_name("volume") is True and schema.has_name("host_group") is True
    assert schema.has_name("eth_port") is False       # an instance name, but no create
    assert schema.has_name("bond") is False           # an instance name, but a create without one
    assert schema.has_name("ntp_server") is False     # created by address, no name


# ---------------------------------------------------------------- validate: accepted

def test_valid_bodies_are_accepted():
    assert schema.validate("volume", "create", {"name": "v1", "size": 1048576, "app_type": "Other", "host_id": "h1"}) is None
    # A nested array of objects, and a nullable field set to null.
    schema.validate("host", "create", {"name": "h", "os_type": "Linux", "initiators": [
        {"port_name": "iqn.1998-01.com.vmware:h1", "port_type": "iSCSI"}, {"port_name": "21:00:00:24:ff:31:b8:6a", "port_type": "FC"}]})
    schema.validate("volume", "modify", {"protection_policy_id": None, "size": 2 * 1048576})
    schema.validate("volume_group", "add_members", {"volume_ids": ["a", "b"]})
    # A modify's body is the change: the spec's required fields of appliance_modify are not enforced.
    schema.validate("appliance", "modify", {})
    # No body definition: no body.
    schema.validate("bond", "delete", None)
    schema.validate("bond", "delete", {})
    # Formats are not checked.
    schema.validate("volume", "modify", {"expiration_timestamp": "not a date"})


# ---------------------------------------------------------------- validate: refused, one kind each

def test_unknown_field_names_the_allowed_fields():
    msg = refused("volume", "create", {"name": "v", "sise": 1048576})
    assert msg == ("body.sise: unknown field; did you mean size? allowed fields: app_type, app_type_other, appliance_id, description, "
                   "host_group_id, host_id, logical_unit_number, min_size, name, performance_policy_id, protection_policy_id, "
                   "qos_performance_policy_id, sector_size, size, volume_group_id")
    assert refused("volume_group", "add_members", {"volume_ids": [], "zz": 1}) == "body.zz: unknown field; allowed fields: volume_ids"


def test_unknown_nested_field_is_named_by_its_path():
    msg = refused("host", "create", {"name": "h", "os_type": "Linux", "initiators": [
        {"port_name": "a", "port_type": "iSCSI"}, {"port_name": "b", "port_type": "iSCSI", "port_nam": "x"}]})
    assert msg == ("body.initiators[1].port_nam: unknown field; did you mean port_name? allowed fields: chap_mutual_password, "
                   "chap_mutual_username, chap_single_password, chap_single_username, port_name, port_type")


@pytest.mark.parametrize("value, given", [(True, "boolean"), ("1048576", "string"), (1048576.0, "number"), (None, "null")])
def test_wrong_type_names_expected_and_given(value, given):
    msg = refused("volume", "create", {"name": "v", "size": value})
    if value is None:
        assert msg == "body.size: expected integer, got null (the field cannot be null)"
    else:
        assert msg == "body.size: expected integer, got %s" % given


def test_wrong_type_inside_an_array_of_objects():
    msg = refused("host", "create", {"name": "h", "os_type": "Linux", "initiators": [{"port_name": 5, "port_type": "iSCSI"}]})
    assert msg == "body.initiators[0].port_name: expected string, got integer"
    assert refused("volume_group", "add_members", {"volume_ids": "v1"}) == "body.volume_ids: expected array, got string"
    assert refused("volume_group", "add_members", {"volume_ids": ["v1", 2]}) == "body.volume_ids[1]: expected string, got integer"
    assert refused("volume", "create", ["v"]) == "body: expected object, got array"
    assert refused("host", "create", {"name": "h", "os_type": "Linux", "initiators": ["iqn"]}) == \
        "body.initiators[0]: expected object, got string"


def test_enum_lists_the_allowed_values():
    assert refused("host", "create", {"name": "h", "os_type": "linux", "initiators": []}) == \
        "body.os_type: 'linux' is not allowed; allowed values: Windows, Linux, ESXi, AIX, HP-UX, Solaris"
    msg = refused("host", "create", {"name": "h", "os_type": "Linux", "initiators": [{"port_name": "a", "port_type": "SCSI"}]})
    assert msg.startswith("body.initiators[0].port_type: 'SCSI' is not allowed; allowed values: iSCSI, FC, ")


def test_minimum_and_maximum():
    assert refused("volume", "create", {"name": "v", "size": 1048575}) == "body.size: 1048575 is less than the minimum 1048576"
    assert refused("volume", "create", {"name": "v", "size": 2 ** 48 + 1}) == \
        "body.size: 281474976710657 is more than the maximum 281474976710656"


def test_string_lengths_are_checked_and_the_value_not_repeated():
    assert refused("volume", "create", {"name": "secret" * 30, "size": 1048576}) == \
        "body.name: 180 characters, more than the maximum length 128"
    assert refused("volume_group", "create", {"name": ""}) == "body.name: 0 characters, fewer than the minimum length 1"


def test_item_counts():
    assert refused("bond", "create", {"port_ids": ["p1"]}) == "body.port_ids: 1 items, fewer than the minimum 2"
    assert refused("bond", "create", {"port_ids": ["p1", "p2", "p3", "p4", "p5"]}) == \
        "body.port_ids: 5 items, more than the maximum 4"


def test_missing_required_fields():
    assert refused("volume", "create", {"name": "v"}) == "body: missing required field size (required: name, size)"
    assert refused("volume", "create", None) == "body: missing required fields name, size (required: name, size)"
    assert refused("volume_group", "add_members", {}) == "body: missing required field volume_ids (required: volume_ids)"
    msg = refused("host", "create", {"name": "h", "os_type": "Linux", "initiators": [{"port_name": "a"}]})
    assert msg == "body.initiators[0]: missing required field port_type (required: port_name, port_type)"


def test_null_refused_where_not_nullable():
    assert refused("volume", "modify", {"name": None}) == "body.name: expected string, got null (the field cannot be null)"


def test_a_body_for_an_action_without_one():
    assert refused("bond", "delete", {"force": True}) == "body: PowerStore bond delete takes no body; got fields force"
    assert refused("bond", "delete", "x") == "body: PowerStore bond delete takes no body; got string"


# ---------------------------------------------------------------- validate: kinds the spec's bodies do not use

TOY = types.SimpleNamespace(SPEC_VERSION="9.9.0.0", RESOURCES={
    "toy": {"instance": None, "actions": {"create": ["POST", "/toy", "toy_create", ["201"]]}},
}, DEFINITIONS={
    "toy_create": {"properties": {
        "ratio": {"type": "number", "minimum": 0, "maximum": 1},
        "free": {"type": "object"},
        "blobs": {"type": "array", "items": {"type": "object"}},
    }},
})


def test_numbers_free_objects_and_a_release_of_another_spec(monkeypatch):
    monkeypatch.setattr(schema, "data", TOY)
    monkeypatch.setattr(schema, "RELEASE", "9.9")
    schema.validate("toy", "create", {"ratio": 1, "free": {"anything": [1, {"x": None}]}, "blobs": [{"a": 1}, {}]})
    schema.validate("toy", "create", {"ratio": 0.5})
    assert refused("toy", "create", {"ratio": False}) == "body.ratio: expected number, got boolean"
    assert refused("toy", "create", {"ratio": 1.5}) == "body.ratio: 1.5 is more than the maximum 1"
    assert refused("toy", "create", {"free": []}) == "body.free: expected object, got array"
    assert refused("toy", "create", {"blobs": [{}, 3]}) == "body.blobs[1]: expected object, got integer"
    with pytest.raises(InputError) as info:
        schema.operation("toys", "create")
    assert info.value.msg == "unknown PowerStore resource 'toys'; did you mean toy? PowerStore 9.9 resources: toy"
