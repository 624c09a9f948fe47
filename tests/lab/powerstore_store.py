"""PowerStore lab: every other resource of the spec, served generically from the collection's
compact schema (powerstore_schema.py: RESOURCES and DEFINITIONS of `_schema_data.py`).

For each resource and action of RESOURCES that no specific handler serves (powerstore.py,
powerstore_block.py, powerstore_hosts.py take precedence, route by route):
- `GET /<r>` (filters, select, order, paging as everywhere) and `GET /<r>/{id}`: the attributes of the
  resource's instance definition; one the object lacks reads as null.  A relation resolves through
  the object's `<relation>_id` / `<ref>_ids`, else through the objects of that type naming this one.
- create (201 `{"id"}`), modify (204; `add_X` / `remove_X` edit the list `X`), delete (204), and
  named actions (a job that completes; the clones and snapshots whose spec response carries an id
  create a new instance of the same type).
Checks as in the specific handlers: the body against its definition and the ids it names (404) at
once; a name taken, a read-only object, or an object another one still names, when the change runs.
"""
import copy
import random
import re

from powerstore_core import API, PSError, _uuid, validate, validation_error
from powerstore_schema import DEFINITIONS, RESOURCES, instance, relation

# The POST actions whose 200 response carries the id of a new instance of the same type
# (powerstore-openapi-4.1.json: policy_clone_response, ...; _schema_data.py keeps no responses).
# Volumes have their own handlers; a volume group's clone and snapshot would copy its members,
# which the lab does not simulate, so they are jobs without effect.
NEW_INSTANCE = {("policy", "clone"), ("snapshot_rule", "clone"), ("replication_rule", "clone"),
                ("virtual_machine", "snapshot"), ("nas_server", "clone"), ("file_system", "clone"),
                ("file_system", "snapshot")}
# Resources whose objects live in the specific handlers' tables (attribute names), and how those
# handlers render them.
TABLES = {"volume": "volumes", "volume_group": "vgs", "host": "hosts", "host_group": "host_groups",
          "policy": "policies", "appliance": "appliances", "host_volume_mapping": "mappings"}
RENDER = {"volume": "_volume_full", "volume_group": "_vg_full", "host": "_host_full", "host_group": "_host_group_full",
          "policy": "_policy_full", "host_volume_mapping": "_mapping_full"}
# What `_find` calls them (the recorded not-found errors of a volume and of a policy).
WHAT = {"volume": "Volume", "policy": "Policy"}

# Seeded rows (PyPowerStore's modify_cluster / modify_network / remote support calls need one).
CLUSTER = {"id": "0", "name": "PS-LAB", "global_id": "PS0000000000lab", "management_address": "192.0.2.10",
           "storage_discovery_address": "192.0.2.11", "master_appliance_id": "A1", "primary_appliance_id": "A1",
           "appliance_count": 1, "physical_mtu": 1500, "is_encryption_enabled": True, "compatibility_level": 12,
           "state": "Configured", "nvm_subsystem_nqn": "nqn.1988-11.com.dell:powerstore:00:lab"}
NETWORK = {"id": "NW1", "name": "Default Management Network", "type": "Management", "ip_version": "IPv4",
           "vlan_id": 0, "prefix_length": 24, "gateway": "192.0.2.1", "mtu": 1500, "purposes": []}
REMOTE_SUPPORT = {"id": "0", "type": "Disabled", "connectivity_status": "Unavailable", "classification_choice": "Latest",
                  "proxy_address": None, "proxy_port": None, "proxy_username": None}
REMOTE_SYSTEM = {"name": "ps-remote", "description": "Disaster recovery site", "type": "PowerStore",
                 "management_address": "198.51.100.10", "serial_number": "PS0000000000dr", "version": "4.1.0.0",
                 "data_connection_type": "iSCSI", "data_network_latency": "Low", "state": "OK",
                 "data_connection_state": "OK", "discovery_chap_mode": "Disabled", "session_chap_mode": "Disabled",
                 "iscsi_addresses": ["198.51.100.21", "198.51.100.22"]}
SNAPSHOT_RULES = (("hourly-1d", {"interval": "One_Hour", "desired_retention": 24}),
                  ("daily-1w", {"interval": "One_Day", "desired_retention": 168}),
                  ("weekly-4w", {"time_of_day": "01:00", "days_of_week": ["Sunday"], "desired_retention": 672}))
REPLICATION_RULES = (("async-1h", {"rpo": "One_Hour", "alert_threshold": 60}),)
POLICY_RULES = {"gold-protection": (["hourly-1d"], ["async-1h"]), "silver-protection": (["daily-1w"], []),
                "bronze-protection": (["weekly-4w"], [])}
ALL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _words(resource):
    return resource.replace("_", " ")


def _l10n(value):
    if isinstance(value, list):
        return [_l10n(v) for v in value]
    return value.replace("_", " ") if isinstance(value, str) else value


def store_routes(specific):
    """Routes for every resource and action of the spec that `specific` ((method, template) pairs
    of the specific handlers) does not serve.  The resource and action are named groups."""
    out = []
    for resource, spec in sorted(RESOURCES.items()):
        base, rx = API + "/" + resource, re.escape(API) + "/(?P<r>%s)" % resource
        routes = []
        if spec["instance"]:
            routes += [("GET", rx + "/?", base, "h_store_list"),
                       ("GET", rx + "/(?P<id>[^/]+)", base + "/{id}", "h_store_get")]
        for action, (method, path, _body, _statuses) in sorted(spec["actions"].items()):
            tail = path[len("/" + resource):]
            if action in ("create", "modify", "delete"):
                pattern, handler = tail.replace("{id}", "(?P<id>[^/]+)") + ("/?" if not tail else ""), f"h_store_{action}"
            else:
                pattern = re.sub(r"/([a-z_0-9]+)$", r"/(?P<a>\1)", tail).replace("{id}", "(?P<id>[^/]+)")
                handler = "h_store_action"
            routes.append((method, rx + pattern, API + path, handler))
        out += [route for route in routes if (route[0], route[2]) not in specific]
    return tuple(out)


class Store:
    """The generic resources (mixed into the PowerStore appliance)."""

    # -- state --------------------------------------------------------------------------------
    def seed_store(self):
        """Tables of the generic resources, and their seeded rows (own generator: adding seeds
        changes no other ids).  Runs after the policies are seeded: it gives them their rules."""
        rng = random.Random(self.seed + 11)
        self.store = {}
        for resource, row in (("cluster", CLUSTER), ("network", NETWORK), ("remote_support", REMOTE_SUPPORT)):
            self._table(resource)[row["id"]] = self._fill(resource, dict(row))
        remote = self._fill("remote_system", dict(REMOTE_SYSTEM, id=_uuid(rng)))
        self._table("remote_system")[remote["id"]] = remote
        rules = {}
        for resource, seeds, extra in (("snapshot_rule", SNAPSHOT_RULES, {}),
                                       ("replication_rule", REPLICATION_RULES, {"remote_system_id": remote["id"]})):
            for name, fields in seeds:
                row = self._fill(resource, dict(fields, id=_uuid(rng), name=name, **extra))
                self._table(resource)[row["id"]] = rules[name] = row
        for policy in self.policies.values():
            snaps, reps = POLICY_RULES.get(policy["name"], ([], []))
            policy["snapshot_rule_ids"] = [rules[n]["id"] for n in snaps]
            policy["replication_rule_ids"] = [rules[n]["id"] for n in reps]

    def _table(self, resource):
        if resource in TABLES:
            return getattr(self, TABLES[resource])
        return self.store.setdefault(resource, {})

    def _fill(self, resource, obj):
        """Defaults of a new generic object: false booleans, `User` management, every day of the week
        for an interval rule, UTC; then the `_l10n` words of its values."""
        props = instance(resource)
        for name, prop in props.items():
            if name not in obj and prop.get("type") == "boolean":
                obj[name] = False
        if "managed_by" in props:
            obj.setdefault("managed_by", "User")
        if resource == "snapshot_rule":
            obj.setdefault("timezone", "UTC")
            if obj.get("interval"):
                obj.setdefault("days_of_week", list(ALL_DAYS))
        for name in list(obj):
            if name + "_l10n" in props:
                obj[name + "_l10n"] = _l10n(obj[name])
        return obj

    # -- rendering ----------------------------------------------------------------------------
    def _render(self, resource, obj):
        if resource in RENDER:
            return getattr(self, RENDER[resource])(obj)
        return self._generic_full(resource, obj)

    def _generic_full(self, resource, obj):
        out, rels = {}, []
        for name, prop in instance(resource).items():
            ref = relation(prop)
            if ref is None:
                out[name] = obj.get(name)
            else:
                out[name] = self._related(resource, obj, name, prop.get("type") == "array", ref)
                rels.append(name)
        out["_relations"] = tuple(rels)
        return out

    def _related(self, resource, obj, name, many, ref):
        def value():
            table = self._table(ref)
            if not many:
                target = table.get(obj.get(name + "_id") or "")
                return self._render(ref, target) if target else None
            ids = obj.get(ref + "_ids")
            if ids is not None:
                return [self._render(ref, table[i]) for i in ids if i in table]
            return [self._render(ref, o) for o in table.values()
                    if o.get(resource + "_id") == obj["id"] or obj["id"] in (o.get(resource + "_ids") or ())]
        return value

    def _complete(self, resource, row):
        """Every attribute of the resource's instance definition: what the object lacks reads as null
        (an empty list for a list of related objects)."""
        missing = [n for n in instance(resource) if n not in row]
        if missing:
            rels = []
            for name in missing:
                prop = instance(resource)[name]
                row[name] = [] if relation(prop) and prop.get("type") == "array" else None
                if relation(prop):
                    rels.append(name)
            row["_relations"] = tuple(row.get("_relations", ())) + tuple(rels)
        return row

    # -- checks -------------------------------------------------------------------------------
    def _store_body(self, req, definition):
        body = self._json_body(req)
        if definition is None:  # the spec gives the operation no body
            if body:
                raise validation_error("Object instance has properties which are not allowed by the schema.")
            return {}
        validate(body, definition, DEFINITIONS)
        return body

    def _resolve(self, ref, value):
        return self._find(self._table(ref), value, WHAT.get(ref, ref))["id"]

    def _resolve_refs(self, body, definition):
        """The body with the ids (or `name:<name>`) it names replaced by ids; an unknown one is a 404."""
        out = dict(body)
        props = DEFINITIONS[definition]["properties"] if definition else {}
        for key, value in body.items():
            prop = props.get(key, {})
            ref, items = prop.get("ref"), prop.get("items") or {}
            if ref in RESOURCES and isinstance(value, str):
                out[key] = self._resolve(ref, value)
            elif items.get("ref") in RESOURCES and isinstance(value, list):
                out[key] = [self._resolve(items["ref"], v) for v in value]
        return out

    def _name_free(self, resource, name, except_id=None):
        if name is None or "name" not in instance(resource):
            return
        for obj in self._table(resource).values():
            if obj["id"] != except_id and str(obj.get("name") or "").casefold() == name.casefold():
                raise PSError(422, f"The name {name} is already in use by another {_words(resource)}", [name])

    def _writable(self, resource, obj):
        if obj.get("is_read_only") is True:
            raise PSError(422, f"The {_words(resource)} {obj.get('name') or obj['id']} is read-only", [obj["id"]])

    def _unused(self, resource, obj):
        """Deleting an object another one still names (`<x>_id` or `<x>_ids`) is refused."""
        oid = obj["id"]
        tables = [(r, self._table(r)) for r in TABLES] + sorted(self.store.items())
        for other_type, table in tables:
            for other in table.values():
                if other is obj:
                    continue
                for key, value in other.items():
                    if (key.endswith("_id") and value == oid) or (key.endswith("_ids") and oid in (value or ())):
                        raise PSError(422, f"The {_words(resource)} {obj.get('name') or oid} is in use by "
                                           f"{_words(other_type)} {other.get('name') or other.get('id')}", [oid])

    def _apply(self, resource, obj, changes):
        """A modify: `add_X` / `remove_X` edit the list `X`, other fields replace."""
        for key, value in changes.items():
            verb, _sep, field = key.partition("_")
            if verb not in ("add", "remove"):
                if key != "force":  # how to apply, not what
                    obj[key] = value
                continue
            if isinstance(obj.get(field), list) or instance(resource).get(field, {}).get("type") == "array":
                have = list(obj.get(field) or [])
                if verb == "add":
                    have += [v for v in value if v not in have]
                else:
                    absent = [v for v in value if v not in have]
                    if absent:
                        raise PSError(422, f"{field} of {_words(resource)} {obj.get('name') or obj['id']} does not "
                                           f"contain {', '.join(map(str, absent))}", absent)
                    have = [v for v in have if v not in value]
                obj[field] = have
        self._fill(resource, obj)

    def _one_cluster(self):
        """POST /cluster sets up an appliance in factory state (the spec's ClusterStateEnum:
        `Unconfigured`); a system has exactly one cluster, and the lab's is `Configured`, so a
        create fails when it runs (the spec's 422 "Operation Failed") instead of adding a second one."""
        cluster = next(iter(self._table("cluster").values()), None)
        if cluster is not None:
            raise PSError(422, f"The system is already configured as cluster {cluster['name']}; a cluster can only be "
                               "created on an unconfigured appliance", [cluster["name"]])

    def _policy_create_rules(self, body):
        """POST /policy: its type follows from its rules (a protection policy needs one)."""
        if body.get("io_limit_rule_id"):
            return {"type": "QoS"}
        if body.get("file_io_limit_rule_id"):
            return {"type": "File_Performance"}
        if not (body.get("snapshot_rule_ids") or body.get("replication_rule_ids")):
            raise PSError(400, "A protection policy needs at least one snapshot rule or replication rule",
                          ["snapshot_rule_ids", "replication_rule_ids"])
        return {"type": "Protection", "managed_by_id": None, "is_replica": False}

    # -- handlers -----------------------------------------------------------------------------
    def _object(self, resource, match):
        return self._find(self._table(resource), match.group("id"), WHAT.get(resource, resource))

    def h_store_list(self, req, match):
        resource = match.group("r")
        with self.lock:
            rows = [self._render(resource, o) for o in self._table(resource).values()]
            return self._query(req, rows, {"id"}, resource)

    def h_store_get(self, req, match):
        resource = match.group("r")
        with self.lock:
            return self._one(req, self._render(resource, self._object(resource, match)), resource)

    def h_store_create(self, req, match):
        resource = match.group("r")
        definition = RESOURCES[resource]["actions"]["create"][2]
        body = self._store_body(req, definition)
        with self.lock:
            fields = self._resolve_refs(body, definition)
            extra = self._policy_create_rules(fields) if resource == "policy" else {}
            table = self._table(resource)

            def run():
                if resource == "cluster":
                    self._one_cluster()
                self._name_free(resource, fields.get("name"))
                oid = _uuid(self.rng)
                obj = self._fill(resource, dict(extra, **fields, id=oid))
                table[oid] = obj
                return oid, {"id": oid}

            return self._submit(req, resource, "create", None, fields.get("name"), run, "201")

    def h_store_modify(self, req, match):
        resource = match.group("r")
        definition = RESOURCES[resource]["actions"]["modify"][2]
        body = self._store_body(req, definition)
        with self.lock:
            obj = self._object(resource, match)
            oid, changes, table = obj["id"], self._resolve_refs(body, definition), self._table(resource)

            def run():
                current = self._live(table, oid, _words(resource).capitalize())
                self._writable(resource, current)
                if "name" in changes:
                    self._name_free(resource, changes["name"], oid)
                self._apply(resource, current, changes)
                return oid, None

            return self._submit(req, resource, "modify", oid, obj.get("name"), run, "204")

    def h_store_delete(self, req, match):
        resource = match.group("r")
        self._store_body(req, RESOURCES[resource]["actions"]["delete"][2])
        with self.lock:
            obj = self._object(resource, match)
            oid, table = obj["id"], self._table(resource)

            def run():
                current = self._live(table, oid, _words(resource).capitalize())
                self._writable(resource, current)
                self._unused(resource, current)
                del table[oid]
                return oid, None

            return self._submit(req, resource, "delete", oid, obj.get("name"), run, "204")

    def h_store_action(self, req, match):
        resource, action = match.group("r"), match.group("a")
        _method, path, definition, statuses = RESOURCES[resource]["actions"][action]
        body = self._store_body(req, definition)
        creates = (resource, action) in NEW_INSTANCE
        with self.lock:
            obj = self._object(resource, match) if "{id}" in path else None
            oid, fields, table = obj and obj["id"], self._resolve_refs(body, definition), self._table(resource)

            def run():
                if oid is None:
                    return None, None
                current = self._live(table, oid, _words(resource).capitalize())
                if not creates:
                    return oid, None
                self._name_free(resource, fields.get("name"))
                new = copy.deepcopy(current)
                new.update({k: v for k, v in fields.items() if k != "force"}, id=_uuid(self.rng))
                if "managed_by" in instance(resource):  # a copy of a built-in object is the user's
                    new.update(is_read_only=False, managed_by="User")
                table[new["id"]] = self._fill(resource, new)
                return oid, {"id": new["id"]}

            ok = "200" if creates else ("204" if "204" in statuses else statuses[0])
            return self._submit(req, resource, action, oid, obj.get("name") if obj else None, run, ok)
