"""PowerStore lab: volumes and their mappings to hosts and host groups (host_volume_mapping).

A mixin of the PowerStore appliance (powerstore.py); it uses the appliance's tables and its
`_find`, `_submit`, `_query` and `_one`.  As for volume groups, a request is checked at once for its
shape (the spec's definitions, powerstore_schema.py) and for the objects it names (404); what
depends on the state (a name taken, a mapping, a membership, the current size) is checked when the
change runs, so an async request shows it as a FAILING -> FAILED job.
"""
import random
import re
import time

from powerstore_core import API, EPOCH, PSError, _uuid, ts, type_error, validate
from powerstore_hosts import HOST_ROUTES, Hosts
from powerstore_schema import DEFINITIONS

BLOCK = 8192                  # volume sizes are multiples of this (volume_create / volume_modify)
DEFAULT_SIZE = 107374182400   # 100 GiB, the seeded volumes' size
SECTOR_SIZES = (512, 4096)
PERFORMANCE_POLICIES = (("default_high", "High performance"), ("default_medium", "Medium performance"),
                        ("default_low", "Low performance"))
DEFAULT_PERFORMANCE = "default_medium"  # what a new volume gets (PowerStore's default)
APPLIANCE = {"id": "A1", "name": "PS-LAB-appliance-1", "service_tag": "LAB0001", "express_service_code": "0000000001",
             "model": "PowerStore 1200T", "drive_failure_tolerance_level": "Single",
             "drive_failure_tolerance_level_l10n": "Single", "nodes": [], "_relations": ("nodes",)}
# name, host group (seeded hosts are ESXi hosts with one iSCSI initiator each)
HOSTS = (("esx-01", "cluster-a"), ("esx-02", "cluster-a"), ("esx-03", None), ("esx-04", None))
HOST_GROUPS = (("cluster-a", "ESXi cluster A"),)
VOLUME_ACTIONS = ("attach", "detach", "clone", "snapshot", "refresh", "restore")
# `force_internal`: a boolean the spec's definitions leave out but the array takes, since Dell's
# PyPowerStore sends it (and Dell's Ansible modules go through those calls): always `false` on
# add_members / remove_members, `true` on delete_host(force=True).  The definition it goes with,
# and whether the request must carry `DELL-VISIBILITY: internal`: PyPowerStore sends that header on
# volume_group URLs (client.py ENGVIS_LIST), never on host URLs, so only the volume group flags are
# tied to it (without it the flag is an unknown property, as for any other client).
INTERNAL_FLAGS = {"volume_group_add_members": True, "volume_group_remove_members": True, "host_delete": False}


def _routes():
    out = [("GET", API + r"/host_volume_mapping/?", API + "/host_volume_mapping", "h_mapping_list"),
           ("GET", API + r"/host_volume_mapping/(?P<id>[^/]+)", API + "/host_volume_mapping/{id}", "h_mapping_get")]
    for resource, actions in (("volume", VOLUME_ACTIONS),):
        base, one = API + "/" + resource, API + "/" + resource + r"/(?P<id>[^/]+)"
        out += [("GET", base + "/?", base, f"h_{resource}_list"), ("POST", base + "/?", base, f"h_{resource}_create"),
                ("GET", one, base + "/{id}", f"h_{resource}_get"),
                ("PATCH", one, base + "/{id}", f"h_{resource}_modify"),
                ("DELETE", one, base + "/{id}", f"h_{resource}_delete")]
        out += [("POST", one + "/" + action, base + "/{id}/" + action, f"h_{resource}_{action}") for action in actions]
    return tuple(out)


BLOCK_ROUTES = _routes() + HOST_ROUTES


def _l10n(value):
    return value.replace("_", " ") if isinstance(value, str) else value


def _one_target(body, what):
    """host_id or host_group_id, exactly one (volume attach/detach; at most one on create/clone)."""
    given = [k for k in ("host_id", "host_group_id") if body.get(k) is not None]
    if len(given) > 1 or (what and not given):
        raise PSError(400, f"Exactly one of host_id or host_group_id must be supplied to {what}." if what else
                      "Only one of host_id or host_group_id can be supplied.", ["host_id", "host_group_id"])


class Block(Hosts):
    """Volumes and mappings, plus the seeds and lab views of hosts (mixed into the PowerStore appliance)."""

    # -- state --------------------------------------------------------------------------------
    def seed_block(self):
        """Tables and seeded objects; their ids come from their own generator so that adding
        seeds never changes the ids of the others."""
        rng = random.Random(self.seed + 7)
        self.hosts, self.host_groups, self.mappings, self.nsid = {}, {}, {}, 0
        self.appliances = {APPLIANCE["id"]: dict(APPLIANCE)}
        for name, desc in PERFORMANCE_POLICIES:
            pid = _uuid(rng)
            self.policies[pid] = {"id": pid, "name": name, "description": desc, "type": "Performance",
                                  "type_l10n": "Performance", "managed_by": "User", "managed_by_l10n": "User",
                                  "managed_by_id": None, "is_read_only": True, "is_replica": False}
        for name, desc in HOST_GROUPS:
            gid = _uuid(rng)
            self.host_groups[gid] = {"id": gid, "name": name, "description": desc, "host_connectivity": "Local_Only",
                                     "host_connectivity_l10n": "Local Only"}
        group_ids = {g["name"]: g["id"] for g in self.host_groups.values()}
        for name, group in HOSTS:
            initiator = {"port_name": "iqn.1998-01.com.vmware:%s-lab" % name, "port_type": "iSCSI"}
            self._new_host(_uuid(rng), name, "", "ESXi", [initiator], group_ids.get(group), rng)

    def _default_performance(self):
        return next((p["id"] for p in self.policies.values() if p["name"] == DEFAULT_PERFORMANCE), None)

    def _new_volume(self, vid, name, created, size=DEFAULT_SIZE, vtype="Primary", **fields):
        self.nsid += 1
        vol = {"id": vid, "name": name, "description": "", "type": vtype, "type_l10n": vtype,
               "wwn": "naa.68ccf098" + vid[:24].replace("-", ""), "nsid": self.nsid,
               "nguid": "nguid." + vid.replace("-", ""), "appliance_id": APPLIANCE["id"], "state": "Ready",
               "state_l10n": "Ready", "size": size, "logical_used": 0, "node_affinity": "System_Select_At_Attach",
               "node_affinity_l10n": "System Select At Attach", "creation_timestamp": ts(created),
               "protection_policy_id": None, "performance_policy_id": self._default_performance(),
               "qos_performance_policy_id": None, "is_replication_destination": False, "migration_session_id": None,
               "metro_replication_session_id": None, "is_host_access_available": vtype != "Snapshot",
               # A primary volume is its own family, as Dell's recorded volume groups are.
               "protection_data": {"copy_signature": None, "created_by_rule_id": None, "created_by_rule_name": None,
                                   "creator_type": "User", "creator_type_l10n": "User", "expiration_timestamp": None,
                                   "family_id": vid, "is_app_consistent": False, "parent_id": None,
                                   "source_id": None, "source_timestamp": None},
               "location_history": None, "app_type": None, "app_type_other": None, "app_type_l10n": None,
               "volume_group_ids": []}
        vol.update(fields)
        self.volumes[vid] = vol
        return vol

    def _new_id(self):
        return _uuid(self.rng)

    # -- rendering ----------------------------------------------------------------------------
    # Relations are callables (powerstore_core.project renders them only when selected), so that
    # objects can embed each other (a mapping embeds its volume, a volume its mappings).
    def _volume_full(self, vol, embed=True):
        out = {k: v for k, v in vol.items() if k != "volume_group_ids"}
        if not embed:
            return out
        rels = {"volume_groups": lambda: [{k: v for k, v in self.vgs[i].items() if k != "volume_ids"}
                                          for i in vol["volume_group_ids"] if i in self.vgs],
                "protection_policy": lambda: self._plain_policy(vol["protection_policy_id"]),
                "qos_performance_policy": lambda: self._plain_policy(vol["qos_performance_policy_id"]),
                "appliance": lambda: self._plain(self.appliances.get(vol["appliance_id"])),
                "mapped_volumes": lambda: [self._mapping_full(m) for m in self._mappings_of(volume_id=vol["id"])],
                "migration_session": None, "remote_snapshot_sessions": [], "current_remote_snapshot_sessions": [],
                "remote_snapshots": [], "datastores": [], "replication_sessions": []}
        out.update(rels, _relations=tuple(rels))
        return out

    def _plain_policy(self, pid):
        policy = self.policies.get(pid or "")
        return dict(policy) if policy else None

    @staticmethod
    def _plain(obj):
        return {k: v for k, v in obj.items() if not k.startswith("_")} if obj else None

    def _mapping_full(self, m):
        return dict(m, host=lambda: self._host_full(self.hosts[m["host_id"]]) if m["host_id"] else None,
                    host_group=lambda: self._host_group_full(self.host_groups[m["host_group_id"]])
                    if m["host_group_id"] else None,
                    volume=lambda: self._volume_full(self.volumes[m["volume_id"]]),
                    _relations=("host", "host_group", "volume"))

    def _members(self, group_id):
        return [h for h in self.hosts.values() if h["host_group_id"] == group_id]

    def _mappings_of(self, **match):
        return [m for m in self.mappings.values() if all(m[k] == v for k, v in match.items())]

    # -- reads --------------------------------------------------------------------------------
    def _list(self, req, table, render, resource):
        with self.lock:
            rows = [render(o) for o in table.values()]
        return self._query(req, rows, set(rows[0]) if rows else {"id", "name"}, resource)

    def h_volume_list(self, req, _match):
        return self._list(req, self.volumes, self._volume_full, "volume")

    def h_volume_get(self, req, match):
        with self.lock:
            return self._one(req, self._volume_full(self._find(self.volumes, match.group("id"), "Volume")), "volume")

    def h_mapping_list(self, req, _match):
        with self.lock:
            rows = [self._mapping_full(m) for m in self.mappings.values()]
        return self._query(req, rows, {"id", "host_id", "host_group_id", "volume_id", "logical_unit_number"},
                           "host_volume_mapping")

    def h_mapping_get(self, req, match):
        with self.lock:
            mapping = self.mappings.get(match.group("id"))
            if mapping is None:
                raise PSError(404, f"Instance with id {match.group('id')} was not found.")
            return self._one(req, self._mapping_full(mapping), "host_volume_mapping")

    # -- checks -------------------------------------------------------------------------------
    def _body(self, req, definition):
        body = self._without_internal_flag(req, self._json_body(req), definition)
        validate(body, definition, DEFINITIONS)
        for key in ("name", "description"):
            if isinstance(body.get(key), str) and re.search(r"[\x00-\x1f\x7f]", body[key]):
                raise PSError(400, f"{key} must contain printable characters only", [key])
        return body

    @staticmethod
    def _without_internal_flag(req, body, definition):
        """The body without an accepted `force_internal` (INTERNAL_FLAGS); it changes nothing here."""
        if not (isinstance(body, dict) and "force_internal" in body and definition in INTERNAL_FLAGS):
            return body
        if INTERNAL_FLAGS[definition] and (req.headers.get("DELL-VISIBILITY") or "").strip().lower() != "internal":
            return body
        if not isinstance(body["force_internal"], bool):
            raise type_error("/force_internal", body["force_internal"], "boolean")
        return {k: v for k, v in body.items() if k != "force_internal"}

    def _live(self, table, oid, what):
        """The object an earlier check found, or 404 when it went away before the job ran."""
        if oid not in table:
            raise PSError(404, f"{what} {oid} not found", [oid])
        return table[oid]

    def _host_ref(self, body):
        host = self._find(self.hosts, body["host_id"], "Host")["id"] if body.get("host_id") is not None else None
        group = (self._find(self.host_groups, body["host_group_id"], "Host group")["id"]
                 if body.get("host_group_id") is not None else None)
        return host, group

    def _volume_name_taken(self, name, except_id=None):
        for vol in self.volumes.values():
            if vol["type"] != "Snapshot" and vol["id"] != except_id and vol["name"].casefold() == name.casefold():
                raise PSError(422, f"The name {name} is already in use by another volume", [name])

    @staticmethod
    def _check_size(size, field="size"):
        if size % BLOCK:
            raise PSError(422, f"The {field} {size} is not a multiple of {BLOCK} bytes", [size])

    def _target_words(self, host_id, group_id):
        if host_id:
            return "host " + self.hosts[host_id]["name"]
        return "host group " + self.host_groups[group_id]["name"]

    # -- mappings -----------------------------------------------------------------------------
    def _attach(self, vol_id, host_id, group_id, lun):
        """Map a volume to a host or a host group (at run time)."""
        vol = self._live(self.volumes, vol_id, "Volume")
        if host_id:
            self._live(self.hosts, host_id, "Host")
        else:
            self._live(self.host_groups, group_id, "Host group")
        target = self._target_words(host_id, group_id)
        if vol["type"] == "Snapshot":
            raise PSError(422, f"The snapshot {vol['name']} cannot be attached to a host; attach a clone of it",
                          [vol["name"]])
        hosts = {host_id} if host_id else {h["id"] for h in self._members(group_id)}
        host_groups = {self.hosts[h]["host_group_id"] for h in hosts} - {None}

        def reaches(m):  # the mapping gives one of these hosts access
            return m["host_id"] in hosts or (m["host_group_id"] is not None and m["host_group_id"] in host_groups)
        for m in self._mappings_of(volume_id=vol_id):
            if (host_id and m["host_id"] == host_id) or (group_id and m["host_group_id"] == group_id) or reaches(m):
                raise PSError(422, f"The volume {vol['name']} is already attached to {target}", [vol["name"]])
        used = {m["logical_unit_number"] for m in self.mappings.values() if reaches(m)}
        if lun is None:
            lun = next(n for n in range(1, 16384) if n not in used)
        elif lun in used:
            raise PSError(422, f"Logical unit number {lun} is already in use on {target}", [lun])
        mid = self._new_id()
        self.mappings[mid] = {"id": mid, "host_id": host_id, "host_group_id": group_id, "volume_id": vol_id,
                              "logical_unit_number": lun}
        return mid

    def _detach(self, vol_id, host_id, group_id):
        vol = self._live(self.volumes, vol_id, "Volume")
        rows = self._mappings_of(volume_id=vol_id, host_id=host_id, host_group_id=group_id)
        if not rows:
            raise PSError(422, f"The volume {vol['name']} is not attached to {self._target_words(host_id, group_id)}",
                          [vol["name"]])
        del self.mappings[rows[0]["id"]]

    # -- volumes ------------------------------------------------------------------------------
    def _volume_policies(self, body, removable):
        out = {}
        for key, ptype in (("protection_policy_id", "Protection"), ("performance_policy_id", "Performance"),
                           ("qos_performance_policy_id", "QoS")):
            if key in body:
                out[key] = self._policy_ref(body[key], ptype, key)
                if out[key] is None and key not in removable:
                    raise PSError(400, f"{key} cannot be removed, only replaced by another {ptype} policy", [key])
        return out

    def h_volume_create(self, req, _match):
        body = self._body(req, "volume_create")
        _one_target(body, None)
        self._check_size(body["size"])
        if "sector_size" in body and body["sector_size"] not in SECTOR_SIZES:
            raise PSError(422, "sector_size must be 512 or 4096", [body["sector_size"]])
        with self.lock:
            policies = self._volume_policies(body, ("protection_policy_id", "qos_performance_policy_id"))
            vg_id = self._find(self.vgs, body["volume_group_id"], "Volume group")["id"] if body.get("volume_group_id") else None
            appliance = self._find(self.appliances, body["appliance_id"], "Appliance")["id"] if body.get("appliance_id") \
                else APPLIANCE["id"]
            host_id, group_id = self._host_ref(body)

            def run():
                self._volume_name_taken(body["name"])
                if vg_id:
                    self._live(self.vgs, vg_id, "Volume group")
                vol = self._new_volume(self._new_id(), body["name"], time.time(), body["size"],
                                       description=body.get("description", ""), appliance_id=appliance,
                                       app_type=body.get("app_type"), app_type_l10n=_l10n(body.get("app_type")),
                                       app_type_other=body.get("app_type_other"))
                vol.update(policies)
                if host_id or group_id:
                    try:
                        self._attach(vol["id"], host_id, group_id, body.get("logical_unit_number"))
                    except PSError:
                        del self.volumes[vol["id"]]
                        raise
                if vg_id:
                    vol["volume_group_ids"].append(vg_id)
                    self.vgs[vg_id]["volume_ids"].append(vol["id"])
                return vol["id"], {"id": vol["id"]}

            return self._submit(req, "volume", "create", None, body["name"], run, "201")

    def h_volume_modify(self, req, match):
        body = self._body(req, "volume_modify")
        with self.lock:
            vol = self._find(self.volumes, match.group("id"), "Volume")
            vid = vol["id"]
            if vol["type"] != "Snapshot" and ("expiration_timestamp" in body or "is_secure" in body):
                raise PSError(422, "expiration_timestamp and is_secure only apply to snapshots", [vol["name"]])
            if body.get("is_replication_destination") is True:
                raise PSError(422, "is_replication_destination may only be set to false", [vol["name"]])
            if "size" in body:
                self._check_size(body["size"])
            changes = self._volume_policies(body, ("protection_policy_id", "qos_performance_policy_id"))
            for key in ("name", "description", "size", "expiration_timestamp", "node_affinity", "app_type",
                        "app_type_other", "is_replication_destination"):
                if key in body:
                    changes[key] = body[key]
            for key in ("node_affinity", "app_type"):
                if key in changes:
                    changes[key + "_l10n"] = _l10n(changes[key])

            def run():
                current = self._live(self.volumes, vid, "Volume")
                if "name" in changes:
                    if current["type"] == "Snapshot":
                        self._snapshot_name_taken(changes["name"], current["protection_data"]["parent_id"], vid)
                    else:
                        self._volume_name_taken(changes["name"], except_id=vid)
                if "size" in changes and changes["size"] <= current["size"]:
                    raise PSError(422, "The new size %d of volume %s must be bigger than its current size %d bytes "
                                       "(volumes can only grow)" % (changes["size"], current["name"], current["size"]),
                                  [changes["size"], current["size"]])
                if "expiration_timestamp" in changes:
                    current["protection_data"]["expiration_timestamp"] = changes.pop("expiration_timestamp")
                current.update(changes)
                return vid, None

            return self._submit(req, "volume", "modify", vid, vol["name"], run, "204")

    def h_volume_delete(self, req, match):
        self._body(req, "volume_delete")
        with self.lock:
            vol = self._find(self.volumes, match.group("id"), "Volume")
            vid = vol["id"]

            def run():
                current = self._live(self.volumes, vid, "Volume")
                name = current["name"]
                # The spec's rules for DELETE /volume/{id}.
                mapped = self._mappings_of(volume_id=vid)
                if mapped:
                    targets = ", ".join(sorted(self._target_words(m["host_id"], m["host_group_id"]) for m in mapped))
                    raise PSError(422, f"The volume {name} is attached to {targets}; detach it before deleting it",
                                  [name])
                if current["volume_group_ids"]:
                    group = self.vgs[current["volume_group_ids"][0]]["name"]
                    raise PSError(422, f"The volume {name} is a member of volume group {group}; remove it from the "
                                       "group before deleting it", [name, group])
                if current["protection_policy_id"]:
                    policy = self.policies[current["protection_policy_id"]]["name"]
                    raise PSError(422, f"The volume {name} has protection policy {policy}; remove the policy before "
                                       "deleting it", [name, policy])
                # Snapshots of the volume go with it (clones stay).
                for other in [v for v in self.volumes.values()
                              if v["type"] == "Snapshot" and v["protection_data"]["parent_id"] == vid]:
                    self._drop_volume(other["id"])
                self._drop_volume(vid)
                return vid, None

            return self._submit(req, "volume", "delete", vid, vol["name"], run, "204")

    def _drop_volume(self, vid):
        for m in self._mappings_of(volume_id=vid):
            del self.mappings[m["id"]]
        for gid in self.volumes.pop(vid)["volume_group_ids"]:
            if gid in self.vgs:
                self.vgs[gid]["volume_ids"].remove(vid)

    def h_volume_attach(self, req, match):
        body = self._body(req, "volume_attach")
        _one_target(body, "attach")
        with self.lock:
            vol = self._find(self.volumes, match.group("id"), "Volume")
            host_id, group_id = self._host_ref(body)

            def run():
                self._attach(vol["id"], host_id, group_id, body.get("logical_unit_number"))
                return vol["id"], None

            return self._submit(req, "volume", "attach", vol["id"], vol["name"], run, "204")

    def h_volume_detach(self, req, match):
        body = self._body(req, "volume_detach")
        _one_target(body, "detach")
        with self.lock:
            vol = self._find(self.volumes, match.group("id"), "Volume")
            host_id, group_id = self._host_ref(body)

            def run():
                self._detach(vol["id"], host_id, group_id)
                return vol["id"], None

            return self._submit(req, "volume", "detach", vol["id"], vol["name"], run, "204")

    def _derived(self, source, name, vtype, now, **fields):
        """A clone or snapshot of `source`: same size, in its family, created now."""
        data = dict(source["protection_data"], parent_id=source["id"], source_id=source["id"],
                    source_timestamp=ts(now), creator_type=fields.pop("creator_type", "User"),
                    expiration_timestamp=fields.pop("expiration_timestamp", None))
        data["creator_type_l10n"] = data["creator_type"]
        return self._new_volume(self._new_id(), name, now, source["size"], vtype, protection_data=data, **fields)

    def h_volume_clone(self, req, match):
        body = self._body(req, "volume_clone")
        _one_target(body, None)
        with self.lock:
            source = self._find(self.volumes, match.group("id"), "Volume")
            sid = source["id"]
            policies = self._volume_policies(body, ())
            host_id, group_id = self._host_ref(body)

            def run():
                src = self._live(self.volumes, sid, "Volume")
                name = body.get("name")
                if name is None:  # a free "<source>-clone-N"
                    taken = {v["name"].casefold() for v in self.volumes.values()}
                    name = next(f"{src['name']}-clone-{n}" for n in range(1, 10 ** 6)
                                if f"{src['name']}-clone-{n}".casefold() not in taken)
                self._volume_name_taken(name)
                clone = self._derived(src, name, "Clone", time.time(), description=body.get("description", ""),
                                      performance_policy_id=src["performance_policy_id"])
                clone.update(policies)
                if host_id or group_id:
                    try:
                        self._attach(clone["id"], host_id, group_id, body.get("logical_unit_number"))
                    except PSError:
                        del self.volumes[clone["id"]]
                        raise
                return sid, {"id": clone["id"]}  # the job's resource is the volume cloned

            return self._submit(req, "volume", "clone", sid, source["name"], run, "200")

    def _snapshot_name_taken(self, name, parent_id, except_id=None):
        for vol in self.volumes.values():
            if vol["type"] == "Snapshot" and vol["protection_data"]["parent_id"] == parent_id and \
                    vol["id"] != except_id and vol["name"].casefold() == name.casefold():
                raise PSError(422, f"The name {name} is already in use by another snapshot of this volume", [name])

    def _snapshot(self, src, profile, creator="User"):
        now = time.time()
        name = profile.get("name") or ts(now)  # the spec: by default, the date and time of the snapshot
        self._snapshot_name_taken(name, src["id"])
        return self._derived(src, name, "Snapshot", now, description=profile.get("description", ""),
                             creator_type=profile.get("creator_type", creator),
                             expiration_timestamp=profile.get("expiration_timestamp"),
                             performance_policy_id=src["performance_policy_id"])

    def h_volume_snapshot(self, req, match):
        body = self._body(req, "volume_snapshot")
        if body.get("is_secure") and not body.get("expiration_timestamp"):
            raise PSError(422, "A secure snapshot needs an expiration_timestamp", ["is_secure"])
        with self.lock:
            source = self._find(self.volumes, match.group("id"), "Volume")
            sid = source["id"]
            if "performance_policy_id" in body:
                self._policy_ref(body["performance_policy_id"], "Performance", "performance_policy_id")

            def run():
                snap = self._snapshot(self._live(self.volumes, sid, "Volume"), body)
                return sid, {"id": snap["id"]}

            return self._submit(req, "volume", "snapshot", sid, source["name"], run, "200")

    def _copy_from(self, req, match, action, field, definition):
        """refresh (from a volume of the same family) and restore (from a snapshot of the volume)."""
        body = self._body(req, definition)
        with self.lock:
            target = self._find(self.volumes, match.group("id"), "Volume")
            source = self._find(self.volumes, body[field], "Volume")
            tid, sid = target["id"], source["id"]

            def run():
                tgt, src = self._live(self.volumes, tid, "Volume"), self._live(self.volumes, sid, "Volume")
                if src["protection_data"]["family_id"] != tgt["protection_data"]["family_id"] or sid == tid:
                    raise PSError(422, f"The volume {src['name']} is not another member of the family of volume "
                                       f"{tgt['name']}", [src["name"], tgt["name"]])
                if action == "restore" and src["type"] != "Snapshot":
                    raise PSError(422, f"The volume {src['name']} is not a snapshot", [src["name"]])
                backup = None
                if body.get("create_backup_snap", True):
                    backup = self._snapshot(tgt, body.get("backup_snap_profile") or {}, "System")["id"]
                tgt["protection_data"]["source_id"] = sid
                tgt["protection_data"]["source_timestamp"] = src["protection_data"]["source_timestamp"] or ts(time.time())
                return tid, ({"backup_snapshot_id": backup} if backup else None)

            return self._submit(req, "volume", action, tid, target["name"], run, "200")

    def h_volume_refresh(self, req, match):
        return self._copy_from(req, match, "refresh", "from_object_id", "volume_refresh")

    def h_volume_restore(self, req, match):
        return self._copy_from(req, match, "restore", "from_snap_id", "volume_restore")

    # -- lab control --------------------------------------------------------------------------
    def lab_block(self, req, sub):
        """GET /_lab/volumes, /_lab/hosts, /_lab/host_groups (whole objects with their mappings) and
        POST /_lab/volumes {"count", "prefix", "size"} (bulk plain volumes, not counted as submissions)."""
        if sub == "volumes" and req.method == "POST":
            body = req.json()
            count, prefix = int(body.get("count", 0)), str(body.get("prefix", "bulk-vol-"))
            size = int(body.get("size", DEFAULT_SIZE))
            with self.lock:
                for i in range(count):
                    self._new_volume(self._new_id(), "%s%05d" % (prefix, i), EPOCH, size)
                return {"created": count, "total": len(self.volumes)}
        if req.method != "GET" or sub not in ("volumes", "hosts", "host_groups"):
            return None
        with self.lock:
            if sub == "volumes":
                return [dict(self._volume_full(v, embed=False), volume_group_ids=list(v["volume_group_ids"]),
                             mapped_volumes=self._mappings_of(volume_id=v["id"])) for v in self.volumes.values()]
            if sub == "hosts":
                return [dict(self._plain(h), initiators=[dict(i) for i in h["_initiators"]],
                             mapped_hosts=self._mappings_of(host_id=h["id"])) for h in self.hosts.values()]
            return [dict(g, host_ids=[h["id"] for h in self._members(g["id"])],
                         mapped_host_groups=self._mappings_of(host_group_id=g["id"])) for g in self.host_groups.values()]
