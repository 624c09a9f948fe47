"""PowerStore lab: hosts (with their initiators) and host groups.

A mixin of the PowerStore appliance, beside powerstore_block.py (volumes and mappings, whose
`_attach`/`_detach` the hosts' attach and detach use).  Same split of checks: the body's shape and
the objects it names at once; names taken, memberships and mappings when the change runs.  The
refusals Dell's clients recorded as immediate 400s (tests/unit/vendor/powerstore/pypowerstore_host_*)
are made at once, also for `?is_async=true`, and made again when the change runs, against the
state then (another job may have changed it since).
"""
from powerstore_core import API, PSError, _uuid, validation_error

INITIATOR_FIELDS = ("port_name", "port_type", "chap_single_username", "chap_mutual_username")
# Recorded refusals (code, message): a host group name taken, host ids a host group body names that
# do not exist (PATCH add_host_ids; the lab answers its other host id lists the same way), and an
# initiator port a host lacks in remove_initiators (no arguments).
GROUP_NAME_TAKEN = ("0xE0A030010010", "Host Group with name {} already exists")
INVALID_HOST_IDS = ("0xE0A030010001", "Invalid host IDs provided {}")
NOT_AN_INITIATOR = ("0xE0A010010014", "Cannot remove the specified iqn since it does not exist as part of the host.")


def _routes():
    out = []
    for resource in ("host", "host_group"):
        base, one = API + "/" + resource, API + "/" + resource + r"/(?P<id>[^/]+)"
        out += [("GET", base + "/?", base, f"h_{resource}_list"), ("POST", base + "/?", base, f"h_{resource}_create"),
                ("GET", one, base + "/{id}", f"h_{resource}_get"),
                ("PATCH", one, base + "/{id}", f"h_{resource}_modify"),
                ("DELETE", one, base + "/{id}", f"h_{resource}_delete")]
        out += [("POST", one + "/" + action, base + "/{id}/" + action, f"h_{resource}_{action}")
                for action in ("attach", "detach")]
    return tuple(out)


HOST_ROUTES = _routes()


def _l10n(value):
    return value.replace("_", " ") if isinstance(value, str) else value


class Hosts:
    """Hosts and host groups (mixed into the PowerStore appliance)."""

    def _new_host(self, hid, name, description, os_type, initiators, group_id, rng=None):
        host = {"id": hid, "name": name, "description": description, "type": "External", "type_l10n": "External",
                "os_type": os_type, "os_type_l10n": os_type, "host_group_id": group_id, "import_host_system_id": None,
                "host_connectivity": "Local_Only", "host_connectivity_l10n": "Local Only",
                "_initiators": [self._initiator(i, rng) for i in initiators]}
        self.hosts[hid] = host
        return host

    def _initiator(self, spec, rng=None):
        out = {k: spec.get(k) for k in INITIATOR_FIELDS}
        out["id"] = _uuid(rng or self.rng)
        return out

    def _host_full(self, host):
        out = self._plain(host)
        out["host_initiators"] = [{"port_name": i["port_name"], "port_type": i["port_type"], "active_sessions": [],
                                   "chap_single_username": i["chap_single_username"],
                                   "chap_mutual_username": i["chap_mutual_username"]} for i in host["_initiators"]]
        rels = {"initiators": lambda: [dict(i, host_id=host["id"], active_sessions=[], host=self._plain(host),
                                            _relations=("host",)) for i in host["_initiators"]],
                "host_group": lambda: self._host_group_full(self.host_groups[host["host_group_id"]])
                if host["host_group_id"] in self.host_groups else None,
                "mapped_hosts": lambda: [self._mapping_full(m) for m in self._mappings_of(host_id=host["id"])],
                "import_host_system": None, "host_virtual_volume_mappings": [], "vsphere_hosts": []}
        out.update(rels, _relations=tuple(rels))
        return out

    def _host_group_full(self, group):
        out = dict(group)
        rels = {"hosts": lambda: [self._host_full(h) for h in self._members(group["id"])],
                "mapped_host_groups": lambda: [self._mapping_full(m)
                                               for m in self._mappings_of(host_group_id=group["id"])],
                "host_virtual_volume_mappings": []}
        out.update(rels, _relations=tuple(rels))
        return out

    def h_host_list(self, req, _match):
        return self._list(req, self.hosts, self._host_full, "host")

    def h_host_get(self, req, match):
        with self.lock:
            return self._one(req, self._host_full(self._find(self.hosts, match.group("id"), "Host")), "host")

    def h_host_group_list(self, req, _match):
        return self._list(req, self.host_groups, self._host_group_full, "host_group")

    def h_host_group_get(self, req, match):
        with self.lock:
            group = self._find(self.host_groups, match.group("id"), "Host group")
            return self._one(req, self._host_group_full(group), "host_group")

    def _host_name_taken(self, name, except_id=None):
        for obj in self.hosts.values():
            if obj["id"] != except_id and obj["name"].casefold() == name.casefold():
                raise PSError(422, f"The name {name} is already in use by another host", [name])

    def _group_name_taken(self, name, except_id=None):
        for obj in self.host_groups.values():
            if obj["id"] != except_id and obj["name"].casefold() == name.casefold():
                raise PSError(400, GROUP_NAME_TAKEN[1].format(name), [name], code=GROUP_NAME_TAKEN[0])

    def _group_host_ids(self, refs):
        """The ids of the hosts (id or `name:<name>`) a host group body names; all unknown ones in one 400."""
        found, unknown = [], []
        for ref in refs:
            try:
                found.append(self._find(self.hosts, ref, "Host")["id"])
            except PSError:
                unknown.append(ref)
        if unknown:
            words = ", ".join(unknown)
            raise PSError(400, INVALID_HOST_IDS[1].format(words), [words], code=INVALID_HOST_IDS[0])
        return found

    @staticmethod
    def _removable_ports(host, ports):
        """remove_initiators may only name ports the host has (the recorded 400)."""
        have = {i["port_name"] for i in host["_initiators"]}
        if any(port not in have for port in ports):
            raise PSError(400, NOT_AN_INITIATOR[1], code=NOT_AN_INITIATOR[0])

    def _port_free(self, port_name, except_host=None):
        for host in self.hosts.values():
            if host["id"] != except_host and any(i["port_name"] == port_name for i in host["_initiators"]):
                raise PSError(422, f"The initiator {port_name} is already registered to host {host['name']}",
                              [port_name, host["name"]])

    def h_host_create(self, req, _match):
        body = self._body(req, "host_create")
        ports = [i["port_name"] for i in body["initiators"]]
        if len(set(ports)) != len(ports):
            raise PSError(400, "The same initiator port_name is given twice", ports)
        with self.lock:
            def run():
                self._host_name_taken(body["name"])
                for port in ports:
                    self._port_free(port)
                host = self._new_host(self._new_id(), body["name"], body.get("description", ""), body["os_type"],
                                      body["initiators"], None)
                if "host_connectivity" in body:
                    host["host_connectivity"] = body["host_connectivity"]
                    host["host_connectivity_l10n"] = _l10n(body["host_connectivity"])
                return host["id"], {"id": host["id"]}

            return self._submit(req, "host", "create", None, body["name"], run, "201")

    def h_host_modify(self, req, match):
        body = self._body(req, "host_modify")
        ops = [k for k in ("add_initiators", "remove_initiators", "modify_initiators") if k in body]
        if len(ops) > 1:
            raise PSError(400, "Only one of add_initiators, remove_initiators and modify_initiators is supported "
                               "in a single request", ops)
        with self.lock:
            host = self._find(self.hosts, match.group("id"), "Host")
            hid = host["id"]
            self._removable_ports(host, body.get("remove_initiators", ()))

            def run():
                current = self._live(self.hosts, hid, "Host")
                if "name" in body:
                    self._host_name_taken(body["name"], except_id=hid)
                self._removable_ports(current, body.get("remove_initiators", ()))
                have = {i["port_name"]: i for i in current["_initiators"]}
                for spec in body.get("add_initiators", ()):
                    self._port_free(spec["port_name"])
                for port in (s.get("port_name") for s in body.get("modify_initiators", ())):
                    if port not in have:
                        raise PSError(422, f"The initiator {port} is not registered to host {current['name']}",
                                      [port, current["name"]])
                current["_initiators"] += [self._initiator(s) for s in body.get("add_initiators", ())]
                current["_initiators"] = [i for i in current["_initiators"]
                                          if i["port_name"] not in body.get("remove_initiators", ())]
                for spec in body.get("modify_initiators", ()):
                    have[spec["port_name"]].update((k, spec[k]) for k in ("chap_single_username", "chap_mutual_username")
                                                   if k in spec)
                for key in ("name", "description", "host_connectivity"):
                    if key in body:
                        current[key] = body[key]
                current["host_connectivity_l10n"] = _l10n(current["host_connectivity"])
                return hid, None

            return self._submit(req, "host", "modify", hid, host["name"], run, "204")

    def h_host_delete(self, req, match):
        self._body(req, "host_delete")
        with self.lock:
            host = self._find(self.hosts, match.group("id"), "Host")
            hid = host["id"]

            def run():
                current = self._live(self.hosts, hid, "Host")
                if self._mappings_of(host_id=hid):
                    raise PSError(422, f"The host {current['name']} is attached to volumes; detach them before "
                                       "deleting it", [current["name"]])
                del self.hosts[hid]
                return hid, None

            return self._submit(req, "host", "delete", hid, host["name"], run, "204")

    def _host_side(self, req, match, table, what, action, key):
        """POST /host/{id}/attach|detach and /host_group/{id}/attach|detach: {volume_id, [logical_unit_number]}."""
        body = self._body(req, f"{what}_{action}")
        with self.lock:
            obj = self._find(table, match.group("id"), what.replace("_", " ").capitalize())
            vol = self._find(self.volumes, body["volume_id"], "Volume")
            target = {"host_id": None, "host_group_id": None, key: obj["id"]}

            def run():
                if action == "attach":
                    self._attach(vol["id"], target["host_id"], target["host_group_id"], body.get("logical_unit_number"))
                else:
                    self._detach(vol["id"], target["host_id"], target["host_group_id"])
                return obj["id"], None

            return self._submit(req, what, action, obj["id"], obj["name"], run, "204")

    def h_host_attach(self, req, match):
        return self._host_side(req, match, self.hosts, "host", "attach", "host_id")

    def h_host_detach(self, req, match):
        return self._host_side(req, match, self.hosts, "host", "detach", "host_id")

    def h_host_group_attach(self, req, match):
        return self._host_side(req, match, self.host_groups, "host_group", "attach", "host_group_id")

    def h_host_group_detach(self, req, match):
        return self._host_side(req, match, self.host_groups, "host_group", "detach", "host_group_id")

    def _joinable(self, host_id, group_id):
        host = self._live(self.hosts, host_id, "Host")
        if host["host_group_id"] not in (None, group_id):
            raise PSError(422, f"The host {host['name']} already belongs to host group "
                               f"{self.host_groups[host['host_group_id']]['name']}", [host["name"]])
        if host["host_group_id"] == group_id and group_id is not None:
            raise PSError(422, f"The host {host['name']} is already in this host group", [host["name"]])
        if self._mappings_of(host_id=host_id):
            raise PSError(422, f"The host {host['name']} is attached to volumes; a host added to a host group "
                               "must have none", [host["name"]])

    def h_host_group_create(self, req, _match):
        body = self._body(req, "host_group_create")
        with self.lock:
            host_ids = self._group_host_ids(body["host_ids"])
            self._group_name_taken(body["name"])

            def run():
                self._group_name_taken(body["name"])
                for hid in host_ids:
                    self._joinable(hid, None)
                gid = self._new_id()
                self.host_groups[gid] = {"id": gid, "name": body["name"], "description": body.get("description", ""),
                                         "host_connectivity": "Local_Only", "host_connectivity_l10n": "Local Only"}
                for hid in host_ids:
                    self.hosts[hid]["host_group_id"] = gid
                return gid, {"id": gid}

            return self._submit(req, "host_group", "create", None, body["name"], run, "201")

    def h_host_group_modify(self, req, match):
        body = self._body(req, "host_group_modify")
        members = [k for k in ("add_host_ids", "remove_host_ids") if k in body]
        if members and ("name" in body or "host_connectivity" in body):
            raise PSError(400, "A host group cannot be renamed, or its host_connectivity changed, while hosts are "
                               "added or removed", members)
        with self.lock:
            group = self._find(self.host_groups, match.group("id"), "Host group")
            gid = group["id"]
            add = self._group_host_ids(body.get("add_host_ids", ()))
            remove = self._group_host_ids(body.get("remove_host_ids", ()))
            if "name" in body:
                self._group_name_taken(body["name"], except_id=gid)

            def run():
                current = self._live(self.host_groups, gid, "Host group")
                if "name" in body:
                    self._group_name_taken(body["name"], except_id=gid)
                for hid in add:
                    self._joinable(hid, gid)
                for hid in remove:
                    if self._live(self.hosts, hid, "Host")["host_group_id"] != gid:
                        raise PSError(422, f"The host {self.hosts[hid]['name']} is not in host group {current['name']}",
                                      [self.hosts[hid]["name"]])
                left = {h["id"] for h in self._members(gid)} - set(remove)
                if remove and not left and self._mappings_of(host_group_id=gid):
                    raise PSError(422, f"The host group {current['name']} is attached to volumes and cannot lose all "
                                       "its hosts", [current["name"]])
                for hid in add:
                    self.hosts[hid]["host_group_id"] = gid
                for hid in remove:
                    self.hosts[hid]["host_group_id"] = None
                for key in ("name", "description", "host_connectivity"):
                    if key in body:
                        current[key] = body[key]
                current["host_connectivity_l10n"] = _l10n(current["host_connectivity"])
                if "host_connectivity" in body:  # every host of the group takes the group's value
                    for host in self._members(gid):
                        host["host_connectivity"] = body["host_connectivity"]
                        host["host_connectivity_l10n"] = current["host_connectivity_l10n"]
                return gid, None

            return self._submit(req, "host_group", "modify", gid, group["name"], run, "204")

    def h_host_group_delete(self, req, match):
        if self._json_body(req):  # DELETE /host_group/{id} takes no body in the spec
            raise validation_error("Object instance has properties which are not allowed by the schema.")
        with self.lock:
            group = self._find(self.host_groups, match.group("id"), "Host group")
            gid = group["id"]

            def run():
                current = self._live(self.host_groups, gid, "Host group")
                if self._mappings_of(host_group_id=gid):
                    raise PSError(422, f"The host group {current['name']} is attached to volumes; detach them before "
                                       "deleting it", [current["name"]])
                for host in self._members(gid):
                    host["host_group_id"] = None
                del self.host_groups[gid]
                return gid, None

            return self._submit(req, "host_group", "delete", gid, group["name"], run, "204")
