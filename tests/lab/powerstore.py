"""Simulated Dell PowerStore REST API (/api/rest): login session, jobs, volume groups, policies;
volumes and their mappings (powerstore_block.py), hosts and host groups (powerstore_hosts.py), and
every other resource of the spec, generically (powerstore_store.py).

Shape follows the PowerStore 4.1 OpenAPI spec and the REST API developer guide: token + cookie
sessions, PostgREST-style filters, `select=` (only `id` without it), `order=`, paging with 206 +
Content-Range, and `?is_async=true` turning a change into a job (202 + {"id"}).

Time model (like drm.py): nothing runs in the background.  A job's timeline is fixed at submission
(PENDING -> QUEUED -> IN_PROGRESS -> COMPLETED, or ... -> FAILING -> FAILED); its effect is applied
by an event at 75 % of its duration, and every request first "settles" the events that are due.
State is in memory: a restart or /_lab/reset regenerates the seeded objects from the seed.
"""
import heapq
import json
import random
import re
import secrets
import time
import uuid

from labcore import Appliance, BadRequest, Response, Setting, Stats, basic_credentials, seconds
from powerstore_block import BLOCK_ROUTES, Block
from powerstore_core import (API, EPOCH, EVAL_AT, NOT_FOUND, RESERVED_PARAMS, Job, PSError, _sort_key, _uuid,
                             error_body, page_window, parse_select, project, response_type, ts, type_error,
                             validation_error, make_filter)
from powerstore_schema import RESOURCES, instance, relation
from powerstore_store import Store, store_routes

# Seconds by resource_action: create, modify, delete, and `action` for every named action
# (attach, clone, add_members, ...).
DEFAULT_DURATIONS = {"create": 1.0, "modify": 2.0, "delete": 1.0, "action": 1.0}
DEFAULT_IDLE_TIMEOUT = 3600
RELEASE = "4.1.0.0"

PROTECTION_POLICIES = (("gold-protection", "Hourly snapshots, remote replication"),
                       ("silver-protection", "Daily snapshots"),
                       ("bronze-protection", "Weekly snapshots"))
QOS_POLICIES = (("qos-high", "Business critical"), ("qos-low", "Best effort"))
# name, description, protection policy, qos policy, write-order consistent, volume count
VOLUME_GROUPS = (("vg-finance", "Finance databases", "gold-protection", None, True, 2),
                 ("vg-hr", "", None, None, False, 1),
                 ("vg-web", "Web tier", "silver-protection", "qos-low", True, 3),
                 ("vg-analytics", "Analytics scratch", None, "qos-high", False, 0),
                 ("vg-archive", "Cold data", "bronze-protection", None, True, 1))
FREE_VOLUMES = 2  # volumes in no group, usable as volume_ids of a create


def names_list(name, value):
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise BadRequest(f"{name} must be a list of attribute names, got {value!r}")
    return list(value)


class _Stats(Stats):
    def reset(self):
        super().reset()
        with self.lock:
            self.methods["PATCH"] = 0  # so deltas always have the key


class PowerStore(Store, Block, Appliance):
    name = "powerstore"
    stat_groups = ("submissions", "auth")
    default_durations = DEFAULT_DURATIONS
    settings = {"idle_timeout": Setting(DEFAULT_IDLE_TIMEOUT, seconds(positive=True)),
                # Attributes this array does not know, as an older release lacks those added since
                # (the spec's x-added): a select naming one is a 400, as on a real older array.
                "unknown_attributes": Setting([], names_list)}
    specific_routes = (
        ("GET", API + r"/login_session/?", API + "/login_session", "h_login"),
        ("POST", API + r"/logout/?", API + "/logout", "h_logout"),
        ("GET", API + r"/software_installed/?", API + "/software_installed", "h_software"),
        ("GET", API + r"/job/?", API + "/job", "h_job_list"),
        ("GET", API + r"/job/(?P<id>[^/]+)", API + "/job/{id}", "h_job_get"),
        ("GET", API + r"/volume_group/?", API + "/volume_group", "h_vg_list"),
        ("POST", API + r"/volume_group/?", API + "/volume_group", "h_vg_create"),
        ("GET", API + r"/volume_group/(?P<id>[^/]+)", API + "/volume_group/{id}", "h_vg_get"),
        ("PATCH", API + r"/volume_group/(?P<id>[^/]+)", API + "/volume_group/{id}", "h_vg_modify"),
        ("DELETE", API + r"/volume_group/(?P<id>[^/]+)", API + "/volume_group/{id}", "h_vg_delete"),
        ("POST", API + r"/volume_group/(?P<id>[^/]+)/add_members", API + "/volume_group/{id}/add_members",
         "h_vg_add_members"),
        ("POST", API + r"/volume_group/(?P<id>[^/]+)/remove_members", API + "/volume_group/{id}/remove_members",
         "h_vg_remove_members"),
        ("GET", API + r"/policy/?", API + "/policy", "h_policy_list"),
        ("GET", API + r"/policy/(?P<id>[^/]+)", API + "/policy/{id}", "h_policy_get"),
    ) + BLOCK_ROUTES
    # Every other resource and action of the spec, generically (after the specific ones).
    routes = specific_routes + store_routes({(method, tpl) for method, _rx, tpl, _h in specific_routes})

    def __init__(self, opts, state_dir):
        super().__init__(opts, state_dir)
        self.stats = _Stats(self.stat_groups)
        self.seed = opts.seed
        self.sessions = {}
        self.reset_state()

    # -- state --------------------------------------------------------------------------------
    def reset_state(self):
        with self.lock:
            rng = random.Random(self.seed)
            self.rng = random.Random(self.seed + 1)  # ids of objects created later
            self.policies, self.vgs, self.volumes = {}, {}, {}
            self.jobs, self.events, self.seq = {}, [], 0
            self.sessions = {}
            for ptype, table in (("Protection", PROTECTION_POLICIES), ("QoS", QOS_POLICIES)):
                for name, desc in table:
                    pid = _uuid(rng)
                    self.policies[pid] = {"id": pid, "name": name, "description": desc, "type": ptype,
                                          "type_l10n": ptype, "managed_by": "User", "managed_by_l10n": "User",
                                          "managed_by_id": None, "is_read_only": False, "is_replica": False}
            self.seed_block()  # performance policies (new volumes get one), hosts, host groups
            self.seed_store()  # cluster, network, remote support, remote system, rules of the policies
            by_name = {p["name"]: p["id"] for p in self.policies.values()}
            for i, (name, desc, prot, qos, wo, nvol) in enumerate(VOLUME_GROUPS):
                vg = self._new_vg(_uuid(rng), name, desc, by_name.get(prot), by_name.get(qos), wo,
                                  EPOCH + i * 86400)
                for k in range(nvol):
                    vol = self._new_volume(_uuid(rng), "%s-vol-%02d" % (name[3:], k + 1), EPOCH + i * 86400)
                    vol["volume_group_ids"].append(vg["id"])
                    vg["volume_ids"].append(vol["id"])
            for k in range(FREE_VOLUMES):
                self._new_volume(_uuid(rng), "free-vol-%02d" % (k + 1), EPOCH)

    def _new_vg(self, vid, name, description, prot, qos, wo, created):
        vg = {"id": vid, "name": name, "description": description, "protection_policy_id": prot,
              "qos_performance_policy_id": qos, "is_write_order_consistent": wo, "creation_timestamp": ts(created),
              "volume_ids": []}
        self.vgs[vid] = vg
        return vg

    def extra_stats(self):
        with self.lock:
            self._settle()
            now = time.time()
            counts = {}
            for job in self.jobs.values():
                state = job.state(now)
                counts[state] = counts.get(state, 0) + 1
            return {"jobs": counts, "sessions": len(self.sessions)}

    # -- rendering of objects -----------------------------------------------------------------
    def _policy_full(self, p):
        """The generic rendering (rules through snapshot_rule_ids / replication_rule_ids), with the
        volumes and groups that use the policy."""
        def users(table, key):
            return lambda: [self._volume_full(o, embed=False) if table is self.volumes else
                            {k: v for k, v in o.items() if k != "volume_ids"}
                            for o in table.values() if o[key] == p["id"]]
        out = self._generic_full("policy", p)
        out.update(volume_groups=users(self.vgs, "protection_policy_id"),
                   qos_volume_groups=users(self.vgs, "qos_performance_policy_id"),
                   volumes=users(self.volumes, "protection_policy_id"),
                   qos_volumes=users(self.volumes, "qos_performance_policy_id"))
        return out

    def _vg_full(self, vg):
        prot = self.policies.get(vg["protection_policy_id"] or "")
        qos = self.policies.get(vg["qos_performance_policy_id"] or "")
        return {
            "id": vg["id"], "name": vg["name"], "description": vg["description"],
            "creation_timestamp": vg["creation_timestamp"], "is_protectable": True,
            "protection_policy_id": vg["protection_policy_id"],
            "qos_performance_policy_id": vg["qos_performance_policy_id"], "migration_session_id": None,
            "is_write_order_consistent": vg["is_write_order_consistent"], "placement_rule": "Same_Appliance",
            "type": "Primary", "type_l10n": "Primary", "is_replication_destination": False,
            "metro_replication_session_id": None, "is_host_access_available": True,
            # As Dell's recorded volume groups have it (a primary group is its own family).
            "protection_data": {"copy_signature": None, "created_by_rule_id": None, "created_by_rule_name": None,
                                "creator_type": "User", "creator_type_l10n": "User", "expiration_timestamp": None,
                                "family_id": vg["id"], "is_app_consistent": False, "parent_id": None,
                                "source_id": None, "source_timestamp": None},
            "is_importing": False, "location_history": None,
            "protection_policy": dict(prot) if prot else None,
            "qos_performance_policy": dict(qos) if qos else None,
            "migration_session": None,
            "volumes": [self._volume_full(self.volumes[i], embed=False) for i in vg["volume_ids"]],
            "_relations": ("protection_policy", "qos_performance_policy", "migration_session", "volumes"),
        }

    # -- HTTP plumbing ------------------------------------------------------------------------
    def error(self, status, message, req=None):
        return Response.json(error_body(status, message), status)

    def dispatch(self, req, handler, match):
        try:
            with self.lock:
                self._settle()
            return super().dispatch(req, handler, match)
        except PSError as exc:
            return Response.json(error_body(exc.status, exc.message, exc.arguments, exc.code), exc.status, exc.headers)

    def _cookie(self, req):
        for part in (req.headers.get("Cookie") or "").split(";"):
            key, _eq, value = part.strip().partition("=")
            if key == "auth_cookie":
                return value
        return None

    def _basic_ok(self, req):
        auth = req.headers.get("Authorization") or ""
        if not auth.lower().startswith("basic "):
            return None
        return basic_credentials(req) == self.credentials

    def authenticate(self, req):
        now = time.time()
        basic = self._basic_ok(req)
        cookie = self._cookie(req)
        req.ps_session = None
        with self.lock:
            session = self.sessions.get(cookie) if cookie else None
            if session is not None and now - session["last_used"] > self.config["idle_timeout"]:
                del self.sessions[cookie]
                session = None
                self.stats.count("auth", "expired")
            if basic is False or (basic is None and session is None):
                if cookie and basic is None:
                    self.stats.count("auth", "rejected_cookie")
                    raise PSError(401, "The login session has expired or is invalid. Log in again.")
                self.stats.count("auth", "rejected_basic" if basic is False else "unauthenticated")
                raise PSError(401, "Authentication required: invalid or missing credentials.",
                              headers={"WWW-Authenticate": 'Basic realm="PowerStore"'})
            if session is not None:
                session["last_used"] = now
                req.ps_session = session
            if req.method in ("POST", "PATCH", "DELETE"):
                token = req.headers.get("DELL-EMC-TOKEN")
                if session is None or not token or token != session["token"]:
                    self.stats.count("auth", "token_rejected")
                    raise PSError(403, "Missing or invalid DELL-EMC-TOKEN header: changes need the token from the "
                                       "login session (GET /api/rest/login_session).")
        return None

    def _query(self, req, items, fields, resource):
        """Filter, order, page and select a collection.  items: full dicts (callers hold the lock, as
        relations are rendered here).  Relations cannot be filtered or ordered on."""
        items = [self._complete(resource, row) for row in items]
        fields = {n for n, p in instance(resource).items() if relation(p) is None} | set(fields)
        fields -= {"_relations"} | set(items[0].get("_relations", ()) if items else ())
        preds = []
        for key, values in req.query.items():
            if key in RESERVED_PARAMS:
                continue
            for value in values:
                preds.append(make_filter(key, value, fields))
        rows = [r for r in items if all(p(r) for p in preds)]
        order = req.param("order")
        if order:
            for term in reversed([t.strip() for t in order.split(",") if t.strip()]):
                name, _dot, direction = term.partition(".")
                if name not in fields or direction not in ("", "asc", "desc"):
                    raise PSError(400, f"Invalid order '{term}'", [term])
                rows.sort(key=lambda r, n=name: (r.get(n) is None, _sort_key(r.get(n))),
                          reverse=direction == "desc")
        spec = self._select(req, resource)
        offset, limit = page_window(req, len(rows))
        page = [project(r, spec, resource) for r in rows[offset:offset + limit]]
        if offset == 0 and len(page) == len(rows):
            return Response.json(page)
        return Response.json(page, 206, {"Content-Range": "%d-%d/%d" % (offset, offset + len(page) - 1, len(rows))})

    def _one(self, req, obj, resource):
        return Response.json(project(self._complete(resource, obj), self._select(req, resource), resource))

    def _select(self, req, resource):
        spec = parse_select(req.param("select")) if req.param("select") else {"id": None}
        for name in spec:
            if name in self.config["unknown_attributes"]:
                raise PSError(400, f"Invalid attribute '{name}' in select for resource type {resource}", [name])
        return spec

    # -- events -------------------------------------------------------------------------------
    def _settle(self, now=None):
        now = time.time() if now is None else now
        while self.events and self.events[0][0] <= now:
            _when, _seq, job_id = heapq.heappop(self.events)
            self._run_job(self.jobs[job_id])

    def _run_job(self, job):
        """Apply a job's change now and record its outcome."""
        try:
            job.resource_id, body = job.run()
            job.outcome = "ok"
            # An action that answers 200 with a body (clone, refresh) answers 204 when it has none.
            job.response_status = "204" if job.ok_status == "200" and body is None else job.ok_status
            job.response_body = None if body is None else dict(
                body, response_type=response_type(job.resource_type, job.action, job.ok_status))
        except PSError as exc:
            job.outcome = "fail"
            job.frozen_progress = job.progress("IN_PROGRESS", job.submit + job.duration * EVAL_AT)
            job.response_status = str(exc.status)
            job.response_body = dict(error_body(exc.status, exc.message, exc.arguments, exc.code),
                                     response_type="job_error_response")

    def _submit(self, req, resource_type, action, resource_id, resource_name, run, ok_status):
        """Run `run` now (sync: 201 {"id"}, 200 with the body, or 204 without one) or as a job
        (?is_async=true: 202 {"id": job id}).  run() -> (resource_id, response body or None)."""
        self.stats.count("submissions", action)
        if (req.param("is_async") or "").lower() != "true":
            _rid, body = run()
            if body is None:
                return Response(204)
            return Response.json(body, 201 if ok_status == "201" else 200)
        now = time.time()
        duration = self.duration(action if action in self.config["durations"] else "action")
        job = Job(id=_uuid(self.rng), action=action, resource_type=resource_type,
                  resource_id=resource_id, resource_name=resource_name, user=self.credentials[0],
                  submit=now, duration=duration, run=run, ok_status=ok_status)
        self.jobs[job.id] = job
        self.seq += 1
        heapq.heappush(self.events, (now + duration * EVAL_AT, self.seq, job.id))
        return Response.json({"id": job.id}, 202)

    # -- handlers: session --------------------------------------------------------------------
    def h_login(self, req, _match):
        now = time.time()
        with self.lock:
            session = req.ps_session
            if session is None or self._basic_ok(req):
                for key in [k for k, s in self.sessions.items() if now - s["last_used"] > self.config["idle_timeout"]]:
                    del self.sessions[key]
                session = {"id": str(uuid.uuid4()), "token": secrets.token_urlsafe(24),
                           "cookie": secrets.token_urlsafe(32), "last_used": now, "user": self.credentials[0]}
                self.sessions[session["cookie"]] = session
                self.stats.count("auth", "logins")
            remaining = int(self.config["idle_timeout"] - (now - session["last_used"]))
            full = {"id": session["id"], "user": session["user"], "role_ids": ["1"],
                    "idle_timeout": max(0, remaining) or 1, "is_password_change_required": False,
                    "is_built_in_user": True}
            spec = parse_select(req.param("select")) if req.param("select") else {"id": None}
            flags = "; Secure" if self.tls else ""
            return Response.json([project(full, spec, "login_session")], 200, {
                "DELL-EMC-TOKEN": session["token"],
                "Set-Cookie": f"auth_cookie={session['cookie']}; Path=/; HttpOnly{flags}"})

    def h_logout(self, req, _match):
        with self.lock:
            if req.ps_session is not None:
                self.sessions.pop(req.ps_session["cookie"], None)
        return Response(204)

    def h_software(self, req, _match):
        row = {"id": "sw-" + RELEASE, "release_version": RELEASE, "build_version": RELEASE + ".1234567",
               "is_cluster": True, "release_timestamp": "2024-12-01T00:00:00.000Z"}
        return self._query(req, [row], set(row), "software_installed")

    # -- handlers: jobs -----------------------------------------------------------------------
    JOB_FIELDS = ("id", "resource_action", "resource_type", "resource_id", "resource_name", "description_l10n",
                  "state", "phase", "start_time", "end_time", "estimated_completion_time", "progress_percentage",
                  "parent_id", "root_id", "user", "response_body", "response_status", "step_order",
                  "resource_action_l10n", "resource_type_l10n", "state_l10n", "phase_l10n", "response_status_l10n",
                  "parent", "root", "children", "leafs")

    def h_job_list(self, req, _match):
        with self.lock:
            now = time.time()
            rows = [j.render(now) for j in self.jobs.values()]
        return self._query(req, rows, self.JOB_FIELDS, "job")

    def h_job_get(self, req, match):
        with self.lock:
            job = self.jobs.get(match.group("id"))
            if job is None:
                raise PSError(404, f"Instance with id {match.group('id')} was not found.")
            return self._one(req, job.render(time.time()), "job")

    # -- handlers: policies and volumes -------------------------------------------------------
    def h_policy_list(self, req, _match):
        with self.lock:
            rows = [self._policy_full(p) for p in self.policies.values()]
            return self._query(req, rows, set(rows[0]), "policy")

    def h_policy_get(self, req, match):
        with self.lock:
            return self._one(req, self._policy_full(self._find(self.policies, match.group("id"), "Policy")), "policy")

    @staticmethod
    def _find(table, ref, what):
        """An object by id or `name:<name>` (case-insensitive name), else 404."""
        if ref.startswith("name:"):
            wanted = ref[5:].casefold()
            for obj in table.values():
                if obj["name"].casefold() == wanted:
                    return obj
        elif ref in table:
            return table[ref]
        code, message = NOT_FOUND.get(what, (None, "Instance with id {ref} was not found."))
        raise PSError(404, message.format(ref=ref), [ref] if code else [], code=code)

    # -- handlers: volume groups --------------------------------------------------------------
    def h_vg_list(self, req, _match):
        with self.lock:
            rows = [self._vg_full(v) for v in self.vgs.values()]
        fields = set(self._vg_full(next(iter(self.vgs.values())))) - {"_relations"} if self.vgs else {"id", "name"}
        return self._query(req, rows, fields, "volume_group")

    def h_vg_get(self, req, match):
        with self.lock:
            return self._one(req, self._vg_full(self._find(self.vgs, match.group("id"), "Volume group")), "volume_group")

    def _policy_ref(self, value, ptype, field):
        """Resolve a policy reference (id, `name:<name>`, ""/None to remove) to an id or None."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise PSError(400, f"{field} must be a string", [field])
        policy = self._find(self.policies, value, "Policy")
        if policy["type"] != ptype:
            raise PSError(400, f"Policy {policy['name']} is a {policy['type']} policy; {field} needs a {ptype} policy",
                          [policy["name"], field])
        return policy["id"]

    def _check_body(self, body, allowed, required=()):
        if not isinstance(body, dict):
            raise PSError(400, "The request body must be a JSON object")
        for key in body:
            if key not in allowed:
                raise validation_error("Object instance has properties which are not allowed by the schema.")
            kind = allowed[key]
            value = body[key]
            if kind == "bool" and not isinstance(value, bool):
                raise type_error("/" + key, value, "boolean")
            if kind == "str" and not isinstance(value, str):
                raise type_error("/" + key, value, "string")
            if kind == "ref" and value is not None and not isinstance(value, str):
                raise type_error("/" + key, value, "string")
            if kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise type_error("/" + key, value, "array")
        for key in required:
            if key not in body:
                raise PSError(400, f"Missing required property '{key}'", [key])
        name = body.get("name")
        if name is not None and (not 1 <= len(name) <= 128 or re.search(r"[\x00-\x1f/?#%\\]", name)):
            raise PSError(400, "name must be 1 to 128 printable characters without special HTTP characters", ["name"])
        if len(body.get("description") or "") > 256:
            raise PSError(400, "description must be at most 256 characters", ["description"])

    def _json_body(self, req):
        try:
            return json.loads(req.body) if req.body and req.body.strip() else {}
        except ValueError:
            raise PSError(400, "The request body is not valid JSON") from None

    def _name_taken(self, name, except_id=None):
        for vg in self.vgs.values():
            if vg["id"] != except_id and vg["name"].casefold() == name.casefold():
                raise PSError(422, f"The name {name} is already in use by another volume group", [name])

    def h_vg_create(self, req, _match):
        body = self._json_body(req)
        self._check_body(body, {"name": "str", "description": "str", "volume_ids": "list",
                                "is_write_order_consistent": "bool", "protection_policy_id": "ref",
                                "qos_performance_policy_id": "ref"}, required=("name",))
        with self.lock:
            prot = self._policy_ref(body.get("protection_policy_id"), "Protection", "protection_policy_id")
            qos = self._policy_ref(body.get("qos_performance_policy_id"), "QoS", "qos_performance_policy_id")
            vol_ids = [self._find(self.volumes, v, "Volume")["id"] for v in body.get("volume_ids") or []]

            def run():
                self._name_taken(body["name"])
                for vid in vol_ids:
                    if self.volumes[vid]["volume_group_ids"]:
                        raise PSError(422, f"Volume {self.volumes[vid]['name']} already belongs to a volume group",
                                      [self.volumes[vid]["name"]])
                vg = self._new_vg(_uuid(self.rng), body["name"],
                                  body.get("description", ""), prot, qos, body.get("is_write_order_consistent", True),
                                  time.time())
                for vid in vol_ids:
                    vg["volume_ids"].append(vid)
                    self.volumes[vid]["volume_group_ids"].append(vg["id"])
                # Job bodies are tagged job_create_response / job_error_response (spec discriminator).
                return vg["id"], {"id": vg["id"]}

            return self._submit(req, "volume_group", "create", None, body["name"], run, "201")

    def h_vg_modify(self, req, match):
        body = self._json_body(req)
        self._check_body(body, {"name": "str", "description": "str", "is_write_order_consistent": "bool",
                                "protection_policy_id": "ref", "qos_performance_policy_id": "ref",
                                "expiration_timestamp": "ref", "is_secure": "bool",
                                "is_replication_destination": "bool", "force": "bool"})
        with self.lock:
            vg = self._find(self.vgs, match.group("id"), "Volume group")
            vid = vg["id"]
            if "expiration_timestamp" in body or "is_secure" in body:
                raise PSError(422, "expiration_timestamp and is_secure only apply to snapshot sets", [vg["name"]])
            if body.get("is_replication_destination") is True:
                raise PSError(422, "is_replication_destination may only be set to false", [vg["name"]])
            changes = {}
            for key, ptype in (("protection_policy_id", "Protection"), ("qos_performance_policy_id", "QoS")):
                if key in body:
                    changes[key] = self._policy_ref(body[key], ptype, key)
            for key in ("name", "description", "is_write_order_consistent"):
                if key in body:
                    changes[key] = body[key]

            def run():
                current = self.vgs.get(vid)
                if current is None:
                    raise PSError(404, f"Volume group {vid} not found", [vid])
                if "name" in changes:
                    self._name_taken(changes["name"], except_id=vid)
                current.update(changes)
                return vid, None

            return self._submit(req, "volume_group", "modify", vid, vg["name"], run, "204")

    def h_vg_delete(self, req, match):
        body = self._json_body(req)
        self._check_body(body, {"delete_members": "bool", "immediate": "bool"})
        with self.lock:
            vg = self._find(self.vgs, match.group("id"), "Volume group")
            vid = vg["id"]

            def run():
                current = self.vgs.pop(vid, None)
                if current is None:
                    raise PSError(404, f"Volume group {vid} not found", [vid])
                if body.get("delete_members") and any(self._mappings_of(volume_id=v) for v in current["volume_ids"]):
                    self.vgs[vid] = current
                    raise PSError(422, f"Volume group {current['name']} has members attached to hosts; detach them "
                                       "before deleting them", [current["name"]])
                for vol_id in current["volume_ids"]:
                    if body.get("delete_members"):
                        self._drop_volume(vol_id)
                    elif vol_id in self.volumes:
                        self.volumes[vol_id]["volume_group_ids"].remove(vid)
                return vid, None

            return self._submit(req, "volume_group", "delete", vid, vg["name"], run, "204")

    def _members_change(self, req, match, action):
        """add_members / remove_members {volume_ids}: a volume is in at most one group."""
        body = self._body(req, "volume_group_" + action)  # which takes PyPowerStore's force_internal
        if not body["volume_ids"]:
            raise PSError(400, "volume_ids cannot be empty", ["volume_ids"])
        with self.lock:
            vg = self._find(self.vgs, match.group("id"), "Volume group")
            gid = vg["id"]
            vol_ids = [self._find(self.volumes, v, "Volume")["id"] for v in body["volume_ids"]]

            def run():
                group = self._live(self.vgs, gid, "Volume group")
                for vol_id in vol_ids:
                    vol = self._live(self.volumes, vol_id, "Volume")
                    if action == "remove_members" and gid not in vol["volume_group_ids"]:
                        raise PSError(422, f"Volume {vol['name']} is not a member of volume group {group['name']}",
                                      [vol["name"], group["name"]])
                    if action == "add_members" and vol["volume_group_ids"]:
                        other = self.vgs[vol["volume_group_ids"][0]]["name"]
                        raise PSError(422, f"Volume {vol['name']} already belongs to volume group {other}",
                                      [vol["name"], other])
                    if action == "add_members" and vol["type"] == "Snapshot":
                        raise PSError(422, f"The snapshot {vol['name']} cannot be added to a volume group", [vol["name"]])
                for vol_id in vol_ids:
                    if action == "add_members":
                        group["volume_ids"].append(vol_id)
                        self.volumes[vol_id]["volume_group_ids"].append(gid)
                    else:
                        group["volume_ids"].remove(vol_id)
                        self.volumes[vol_id]["volume_group_ids"].remove(gid)
                return gid, None

            return self._submit(req, "volume_group", action, gid, vg["name"], run, "204")

    def h_vg_add_members(self, req, match):
        return self._members_change(req, match, "add_members")

    def h_vg_remove_members(self, req, match):
        return self._members_change(req, match, "remove_members")

    # -- lab control --------------------------------------------------------------------------
    def lab_extra(self, req, sub):
        block = self.lab_block(req, sub)
        if block is not None:
            return Response.json(block)
        if sub == "volume_groups" and req.method == "GET":
            with self.lock:
                return Response.json([{k: v for k, v in self._vg_full(vg).items() if k != "_relations"}
                                      for vg in self.vgs.values()])
        if sub == "volume_groups" and req.method == "POST":
            # Bulk-create plain groups (for paging tests); not counted as API submissions.
            body = req.json()
            count, prefix = int(body.get("count", 0)), str(body.get("prefix", "bulk-vg-"))
            with self.lock:
                for i in range(count):
                    self._new_vg(_uuid(self.rng), "%s%05d" % (prefix, i),
                                 "", None, None, True, EPOCH)
                return Response.json({"created": count, "total": len(self.vgs)})
        if sub.startswith("resources/") and sub[len("resources/"):] in RESOURCES and req.method == "GET":
            # The stored objects of one resource type, as the lab keeps them (ids of rules and
            # other objects they name included), for tests of the generic resources.
            with self.lock:
                return Response.json([{k: v for k, v in o.items() if not k.startswith("_")}
                                      for o in self._table(sub[len("resources/"):]).values()])
        if sub == "policies" and req.method == "GET":
            with self.lock:
                return Response.json(list(self.policies.values()))
        if sub == "jobs" and req.method == "GET":
            with self.lock:
                self._settle()
                now = time.time()
                return Response.json([{k: v for k, v in j.render(now).items() if k != "_relations"}
                                      for j in self.jobs.values()])
        match = re.fullmatch(r"jobs/([^/]+)/finish", sub)
        if match and req.method == "POST":
            # A test holds a job with a long duration while it changes the state under it, then
            # ends it here: its change is applied now (out of turn), and it reads as ended.
            with self.lock:
                self._settle()
                job = self.jobs.get(match.group(1))
                if job is None:
                    return Response.json({"error": "job not found"}, 404)
                if job.outcome is None:
                    self.events = [e for e in self.events if e[2] != job.id]
                    heapq.heapify(self.events)
                    self._run_job(job)
                job.duration = min(job.duration, time.time() - job.submit)
                return Response.json({"finished": job.id})
        if sub == "expire_sessions" and req.method == "POST":
            with self.lock:
                count = len(self.sessions)
                for session in self.sessions.values():
                    session["last_used"] = 0
                return Response.json({"expired": count})
        return None


def create(opts, state_dir):
    return PowerStore(opts, state_dir)
