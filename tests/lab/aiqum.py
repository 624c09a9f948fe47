"""Simulated NetApp Active IQ Unified Manager (AIQUM) 9.x: storage-provider jobs.

Scope: the datacenter inventory a provisioning call needs (clusters, SVMs, aggregates), the
storage-provider file shares and LUNs whose POST/PATCH/DELETE answer 202 + a Job object, and
the management-server job resource in either of the two state vocabularies seen in the wild.

Time model (as in drm.py): nothing runs in the background.  A job gets start/end timestamps at
submission; every request first "settles" the jobs whose end has passed, applying their side
effects in end-time order.  State is kept in memory and written through to `aiqum.json` in the
state directory, so a restarted lab (same --state-dir) continues where it stopped.
"""
import copy
import ipaddress
import json
import os
import random
import re
import time
import uuid
from collections import Counter
from urllib.parse import urlencode

from labcore import Appliance, BadRequest, Response, Setting, one_of

PREFIX = r"/api(?:/v2)?"
DEFAULT_DURATIONS = {"file_share_create": 2.0, "file_share_modify": 1.0, "file_share_delete": 1.0,
                     "lun_create": 2.0, "lun_modify": 1.0, "lun_delete": 1.0}
VOCABULARIES = ("observed", "documented")
MAX_RECORDS = 1000            # documented hard cap of any GET (all) request
DEFAULT_JOB_RECORDS = 20      # "Querying all the jobs, by default, returns the details of the last 20 jobs"
QUEUED_FRACTION = 0.1         # first 10% of a job's duration it is queued, then running
WARN_FULL = 0.9               # an aggregate fuller than this after a change ends the job in WARNING
GiB = 1 << 30
TiB = 1 << 40
NAMESPACE = uuid.UUID("5e1f0d4c-61a5-4a57-9c1a-aa0000000001")
VOLUME_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,202}\Z")
HOSTNAME = re.compile(r"^(?=.{1,253}\Z)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\Z")
# Job outcome -> (observed state, observed status, documented state)
OUTCOMES = {"normal": ("completed", "normal", "NORMAL"), "warning": ("completed", "warning", "WARNING"),
            "partial_failures": ("completed", "partial_failures", "PARTIAL_FAILURES"),
            "error": ("completed", "error", "ERROR")}
OP_NAMES = {"file_share_create": "Create File Share", "file_share_modify": "Modify File Share",
            "file_share_delete": "Delete File Share", "lun_create": "Create LUN", "lun_modify": "Modify LUN",
            "lun_delete": "Delete LUN"}


def uid(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def iso(ts):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + "%+03d:00" % 0


def signed_hex(value, bits):
    """Java's Integer/Short.toHexString of a signed value as AIQUM prints it (e.g. -2611856e)."""
    if value >= 1 << (bits - 1):
        value -= 1 << bits
    return "-%x" % -value if value < 0 else "%x" % value


def ref(obj, *fields):
    """An embedded reference ({key, name, uuid, _links}) to an inventory object."""
    out = {k: obj[k] for k in ("key", "name", "uuid") + fields if k in obj}
    if "_links" in obj:
        out["_links"] = obj["_links"]
    return out


def valid_client_match(text):
    """ONTAP export-rule client match: IPv4/IPv6 address or network, host name, domain, netgroup."""
    text = (text or "").strip()
    if not text:
        return False
    if text.startswith("@"):
        return bool(re.fullmatch(r"@[A-Za-z0-9_.-]+", text))
    if text.startswith("."):
        return bool(HOSTNAME.match(text[1:]))
    try:
        ipaddress.ip_network(text, strict=False)
        return True
    except ValueError:
        pass
    # Dotted numbers that are no valid IP (999.1.1.1) are a typo, not a host name.
    return not re.fullmatch(r"[0-9./]+", text) and bool(HOSTNAME.match(text))


def seed_inventory(seed):
    """Clusters, SVMs, aggregates and a few existing shares/LUNs (deterministic)."""
    rng = random.Random(seed)
    clusters, svms, aggregates = {}, {}, {}

    def cluster(name):
        cu = uid("cluster", name)
        obj = {"key": f"{cu}:type=cluster,uuid={cu}", "name": name, "uuid": cu,
               "version": {"full": "NetApp Release 9.13.1", "generation": 9, "major": 13, "minor": 1},
               "management_ip": "192.0.2.%d" % (10 + len(clusters))}
        obj["_links"] = {"self": {"href": f"/api/datacenter/cluster/clusters/{obj['key']}"}}
        clusters[obj["key"]] = obj
        return obj

    def svm(name, cl, protocols):
        su = uid("svm", cl["name"], name)
        obj = {"key": f"{cl['uuid']}:type=vserver,uuid={su}", "name": name, "uuid": su,
               "cluster": ref(cl), "state": "running", "subtype": "default", "protocols": protocols}
        obj["_links"] = {"self": {"href": f"/api/datacenter/svm/svms/{obj['key']}"}}
        svms[obj["key"]] = obj
        return obj

    def aggregate(name, cl, size):
        au = uid("aggregate", cl["name"], name)
        obj = {"key": f"{cl['uuid']}:type=aggregate,uuid={au}", "name": name, "uuid": au,
               "cluster": ref(cl), "state": "online", "type": "hdd" if "sata" in name else "ssd",
               "space": {"block_storage": {"size": size, "used": 0, "available": size}}}
        obj["_links"] = {"self": {"href": f"/api/datacenter/storage/aggregates/{obj['key']}"}}
        aggregates[obj["key"]] = obj
        return obj

    ca, cb = cluster("cluster-a"), cluster("cluster-b")
    svm_a = svm("svm_nfs_a", ca, ["nfs", "cifs"])
    svm_b = svm("svm_nfs_b", cb, ["nfs"])
    svm_san = svm("svm_san_a", ca, ["iscsi", "fcp"])
    # Same SVM name on both clusters: name alone is ambiguous, as in real multi-cluster setups.
    svm("svm_dr", ca, ["nfs"])
    svm("svm_dr", cb, ["nfs"])
    ag_a = aggregate("aggr1_a", ca, 20 * TiB)
    aggregate("aggr_small_a", ca, 100 * GiB)
    ag_b = aggregate("aggr1_b", cb, 20 * TiB)
    aggregate("aggr_sata_b", cb, 60 * TiB)
    shares = {}
    luns = {}
    existing = [("share_home", svm_a, ag_a, 100 * GiB, ["10.0.0.0/8"]),
                ("share_projects", svm_a, ag_a, 500 * GiB, ["10.10.0.0/16", "admin.example.com"]),
                ("share_archive", svm_b, ag_b, 2 * TiB, ["0.0.0.0/0"])]
    for name, sv, ag, size, clients in existing:
        share = make_share(name, sv, ag, size, [{"clients": [{"match": c} for c in clients]}])
        shares[share["key"]] = share
        ag["space"]["block_storage"]["used"] += size
    for name, size in (("lun_db01", 200 * GiB), ("lun_db02", 200 * GiB)):
        lun = make_lun(name, svm_san, ag_a, size, "linux")
        luns[lun["key"]] = lun
        ag_a["space"]["block_storage"]["used"] += size
    for ag in aggregates.values():
        bs = ag["space"]["block_storage"]
        bs["available"] = bs["size"] - bs["used"]
    return {"clusters": clusters, "svms": svms, "aggregates": aggregates, "file_shares": shares, "luns": luns,
            "jobs": [], "job_counter": 0, "server_id": "%016x" % rng.getrandbits(64)}


def make_share(name, svm, aggregate, size, rules, salt="seed"):
    vu = uid("volume", svm["key"], name, salt)
    key = f"{svm['cluster']['uuid']}:type=volume,uuid={vu}"
    return {"key": key, "name": name, "uuid": vu, "svm": ref(svm), "cluster": svm["cluster"],
            "aggregate": ref(aggregate), "space": {"size": size},
            "access_control": {"export_policy": {"name": f"{name}_policy", "rules": normalise_rules(rules)}},
            "_links": {"self": {"href": f"/api/storage-provider/file-shares/{key}"}}}


def make_lun(name, svm, aggregate, size, os_type, salt="seed"):
    lu = uid("lun", svm["key"], name, salt)
    key = f"{svm['cluster']['uuid']}:type=lun,uuid={lu}"
    return {"key": key, "name": name, "uuid": lu, "svm": ref(svm), "cluster": svm["cluster"],
            "aggregate": ref(aggregate), "os_type": os_type, "space": {"size": size},
            "_links": {"self": {"href": f"/api/storage-provider/luns/{key}"}}}


# Service levels every lab share reports, as in NetApp's recorded file share (provisioning guide):
# the system-defined Performance Service Level "Value", nothing recommended, no efficiency policy.
PSL_VALUE = {"key": uid("psl", "Value"), "name": "Value", "peak_iops": 75, "expected_iops": 75}
PSL_VALUE["_links"] = {"self": {"href": f"/api/storage-provider/performance-service-levels/{PSL_VALUE['key']}"}}
PSL_NONE = {"key": None, "name": "Idle", "peak_iops": None, "expected_iops": None, "_links": {}}
SEP_NONE = {"key": None, "name": "Unassigned", "_links": {}}
ANONYMOUS_USER = "65534"  # export rules' default anonymous user id, as recorded


def share_view(share):
    """A file share as GET storage-provider/file-shares answers it (the recorded shape).

    The stored share keeps lab bookkeeping (its aggregate, for space accounting, and its volume
    uuid) that the recorded reply does not carry; the export policy gets the id, key and link
    an ONTAP export policy has.
    """
    out = {k: copy.deepcopy(v) for k, v in share.items() if k not in ("uuid", "aggregate")}
    out["assigned_performance_service_level"] = copy.deepcopy(PSL_VALUE)
    out["recommended_performance_service_level"] = copy.deepcopy(PSL_NONE)
    out["assigned_storage_efficiency_policy"] = copy.deepcopy(SEP_NONE)
    access = out.setdefault("access_control", {})
    access.setdefault("acl", [])
    policy = access.setdefault("export_policy", {"name": "default", "rules": []})
    policy_id = int(uuid.UUID(uid("export_policy", share["key"])).int % 10 ** 13)
    policy_key = f"{share['cluster']['uuid']}:type=export_policy,uuid={policy_id}"
    policy.update(id=policy_id, key=policy_key,
                  _links={"self": {"href": f"/api/datacenter/protocols/nfs/export-policies/{policy_key}"}})
    policy["rules"] = [dict({"anonymous_user": ANONYMOUS_USER}, **rule) for rule in policy.get("rules") or []]
    return out


def normalise_rules(rules):
    out = []
    for i, rule in enumerate(rules or []):
        out.append({"index": i + 1, "clients": [{"match": c["match"]} for c in rule.get("clients") or []],
                    "protocols": list(rule.get("protocols") or ["any"]),
                    "ro_rule": list(rule.get("ro_rule") or ["sys"]), "rw_rule": list(rule.get("rw_rule") or ["sys"]),
                    "superuser": list(rule.get("superuser") or ["none"])})
    return out


def check_rules_shape(rules):
    if not isinstance(rules, list):
        raise BadRequest("access_control.export_policy.rules must be a list")
    for i, rule in enumerate(rules):
        clients = rule.get("clients") if isinstance(rule, dict) else None
        if not isinstance(clients, list) or not clients or not all(isinstance(c, dict) and "match" in c for c in clients):
            raise BadRequest(f"access_control.export_policy.rules[{i}].clients must be a non-empty list of {{\"match\": ...}}")
        for field in ("protocols", "ro_rule", "rw_rule", "superuser"):
            if field in rule and not isinstance(rule[field], list):
                raise BadRequest(f"access_control.export_policy.rules[{i}].{field} must be a list")


def rule_label(rule):
    return "export rule %d (clients %s)" % (rule["index"], ", ".join(c["match"] for c in rule["clients"]))


def _lookup(record, dotted):
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _matcher(expr):
    """AIQUM filter value: `|` separates alternatives, `*` is a wildcard; case-insensitive."""
    alternatives = []
    for alt in expr.split("|"):
        pattern = ".*".join(re.escape(piece) for piece in alt.split("*"))
        alternatives.append(re.compile(pattern + r"\Z", re.IGNORECASE | re.DOTALL))

    def match(value):
        if value is None:
            return False
        text = json.dumps(value) if isinstance(value, bool) else str(value)
        return any(rx.match(text) for rx in alternatives)
    return match


class AIQUM(Appliance):
    name = "aiqum"
    stat_groups = ("submissions",)
    default_durations = DEFAULT_DURATIONS
    settings = {"job_vocabulary": Setting("observed", one_of(*VOCABULARIES))}
    routes = (
        ("GET", PREFIX + r"/datacenter/cluster/clusters/?", "/api/datacenter/cluster/clusters", "h_list_clusters"),
        ("GET", PREFIX + r"/datacenter/svm/svms/?", "/api/datacenter/svm/svms", "h_list_svms"),
        ("GET", PREFIX + r"/datacenter/storage/aggregates/?", "/api/datacenter/storage/aggregates", "h_list_aggregates"),
        ("GET", PREFIX + r"/storage-provider/file-shares/?", "/api/storage-provider/file-shares", "h_list_shares"),
        ("POST", PREFIX + r"/storage-provider/file-shares/?", "/api/storage-provider/file-shares", "h_create_share"),
        ("GET", PREFIX + r"/storage-provider/file-shares/(?P<key>[^/]+)", "/api/storage-provider/file-shares/{key}",
         "h_get_share"),
        ("PATCH", PREFIX + r"/storage-provider/file-shares/(?P<key>[^/]+)", "/api/storage-provider/file-shares/{key}",
         "h_modify_share"),
        ("DELETE", PREFIX + r"/storage-provider/file-shares/(?P<key>[^/]+)", "/api/storage-provider/file-shares/{key}",
         "h_delete_share"),
        ("GET", PREFIX + r"/storage-provider/luns/?", "/api/storage-provider/luns", "h_list_luns"),
        ("POST", PREFIX + r"/storage-provider/luns/?", "/api/storage-provider/luns", "h_create_lun"),
        ("GET", PREFIX + r"/storage-provider/luns/(?P<key>[^/]+)", "/api/storage-provider/luns/{key}", "h_get_lun"),
        ("PATCH", PREFIX + r"/storage-provider/luns/(?P<key>[^/]+)", "/api/storage-provider/luns/{key}", "h_modify_lun"),
        ("DELETE", PREFIX + r"/storage-provider/luns/(?P<key>[^/]+)", "/api/storage-provider/luns/{key}", "h_delete_lun"),
        ("GET", PREFIX + r"/management-server/jobs/?", "/api/management-server/jobs", "h_list_jobs"),
        ("GET", PREFIX + r"/management-server/jobs/(?P<key>[^/]+)", "/api/management-server/jobs/{key}", "h_get_job"),
    )

    def __init__(self, opts, state_dir):
        super().__init__(opts, state_dir)
        self.path = os.path.join(state_dir, "aiqum.json")
        self.seed = opts.seed
        self.state = None
        if os.path.exists(self.path):
            with open(self.path) as fh:
                saved = json.load(fh)
            self.state = saved["state"]
            self.restore_config(saved["config"])
        else:
            self.state = seed_inventory(self.seed)
            self._save()

    # -- persistence / control plane -----------------------------------------------------------
    def _save(self):
        tmp = self.path + ".tmp"
        with open(tmp, "w") as fh:
            json.dump({"state": self.state, "config": self.config}, fh)
        os.replace(tmp, self.path)

    def reset_state(self):
        with self.lock:
            self.state = seed_inventory(self.seed)
            self._save()

    def config_changed(self):
        self._save()

    def extra_stats(self):
        with self.lock:
            self._settle()
            jobs = Counter({"running": 0, "normal": 0, "warning": 0, "partial_failures": 0, "error": 0})
            jobs.update(j["outcome"] or "running" for j in self.state["jobs"])
            return {"jobs": dict(jobs)}

    def lab_extra(self, req, sub):
        # Bulk-add finished historical jobs (paging tests without thousands of submissions).
        if sub == "jobs" and req.method == "POST":
            body = req.json()
            count, outcome = int(body.get("count", 1)), body.get("outcome", "normal")
            if outcome not in OUTCOMES or not 0 < count <= 5000:
                raise BadRequest(f"count must be 1..5000 and outcome one of {list(OUTCOMES)}")
            with self.lock:
                now = time.time()
                keys = []
                for i in range(count):
                    job = self._new_job("file_share_modify", "history", None, now - 3600 + i * 0.001, 0.0, count=False)
                    job.update(outcome=outcome, applied=True, description="Historical job %d" % (i + 1),
                               message="" if outcome == "normal" else "historical %s" % outcome)
                    keys.append(job["key"])
                self._save()
            return Response.json({"keys": keys})
        match = re.fullmatch(r"jobs/([^/]+)/finish", sub)
        if match and req.method == "POST":
            # A test holds a job in flight (a long duration) exactly until what it tests has seen
            # it, then ends it here: it ends now, with the outcome it would have had.
            with self.lock:
                self._settle()
                job = next((j for j in self.state["jobs"] if j["key"] == match.group(1)), None)
                if job is None:
                    return Response.json({"error": "job not found"}, 404)
                if not job["applied"]:
                    job["end"] = max(job["start"], min(job["end"], time.time()))
                    self._settle()
                return Response.json({"finished": job["key"]})
        return None

    # -- auth and errors ------------------------------------------------------------------------
    def authenticate(self, req):
        return self.basic_challenge(req, "Active IQ Unified Manager (lab)",
                                    json.dumps({"error": {"message": "Authentication required", "code": "401"}}))

    def error(self, status, message, req=None):
        return Response.json({"error": {"message": message, "code": str(status)}}, status)

    # -- time -----------------------------------------------------------------------------------
    def _settle(self):
        now = time.time()
        due = sorted((j for j in self.state["jobs"] if not j["applied"] and j["end"] <= now), key=lambda j: (j["end"], j["seq"]))
        for job in due:
            getattr(self, "_apply_" + job["op"])(job)
            job["applied"] = True
        if due:
            self._save()

    # -- jobs -----------------------------------------------------------------------------------
    def _new_job(self, op, resource_name, svm, now, duration, count=True):
        st = self.state
        counter = (st["job_counter"] - 0x8000) & 0xFFFF  # Java UID counter starts at Short.MIN_VALUE
        st["job_counter"] += 1
        rnd = random.Random(f"{self.seed}/{st['job_counter']}").getrandbits(32)
        key = "%s:%s:%x:%s" % (st["server_id"], signed_hex(rnd, 32), int(now * 1000), signed_hex(counter, 16))
        job = {"key": key, "seq": st["job_counter"], "op": op, "submit": now, "start": now,
               "end": now + duration, "outcome": None, "applied": False, "message": "", "results": [],
               "items": [], "description": "", "resource": {"type": op.rsplit("_", 1)[0], "name": resource_name,
                                                            "key": None, "svm": ref(svm) if svm else None},
               "spec": {}}
        st["jobs"].append(job)
        if count:
            self.stats.count("submissions", op)
        return job

    def _render_job(self, job, now):
        vocab = self.config["job_vocabulary"]
        if job["outcome"] is not None:
            o_state, o_status, d_state = OUTCOMES[job["outcome"]]
        elif now < job["start"] + QUEUED_FRACTION * (job["end"] - job["start"]):
            o_state, o_status, d_state = "queued", "normal", "QUEUED"
        else:
            o_state, o_status, d_state = "running", "normal", "RUNNING"
        out = {"key": job["key"], "name": OP_NAMES.get(job["op"], job["op"]), "description": job["description"],
               "submit_time": iso(job["submit"])}
        if vocab == "documented":
            out["state"] = d_state
        else:
            out["state"], out["status"] = o_state, o_status
        if job["outcome"] is not None:
            out["complete_time"] = iso(job["end"])
            out["message"] = job["message"]
        out["job_results"] = [dict(r) for r in job["results"]]
        out["task_reports"] = [self._render_item(item, job, vocab) for item in job["items"]]
        resource = {k: v for k, v in job["resource"].items() if v is not None}
        out["resource"] = resource
        out["_links"] = {"self": {"href": f"/api/management-server/jobs/{job['key']}"}}
        return out

    @staticmethod
    def _render_item(item, job, vocab):
        if item.get("ok") is None:
            running = {"name": item["name"], "message": ""}
            if vocab == "documented":
                running["state"] = "RUNNING"
            else:
                running.update(state="running", status="normal")
            return running
        outcome = "normal" if item["ok"] else "error"
        out = {"name": item["name"], "message": item.get("message", "")}
        if vocab == "documented":
            out["state"] = OUTCOMES[outcome][2]
        else:
            out.update(state="completed", status=outcome)
        return out

    def _accepted(self, job):
        self._save()
        body = {"job": {"key": job["key"], "_links": {"self": {"href": f"/api/management-server/jobs/{job['key']}"}}}}
        return Response.json(body, 202)

    def h_list_jobs(self, req, _match):
        with self.lock:
            self._settle()
            now = time.time()
            rows = [self._render_job(j, now) for j in self.state["jobs"]]
            rows.reverse()  # newest first when no order is asked for
            for row, job in zip(rows, reversed(self.state["jobs"])):
                row["_seq"] = job["seq"]
            return self._collection(req, rows, default_max=DEFAULT_JOB_RECORDS)

    def h_get_job(self, req, match):
        with self.lock:
            self._settle()
            job = next((j for j in self.state["jobs"] if j["key"] == match.group("key")), None)
            if job is None:
                raise BadRequest(f"Job with key {match.group('key')} not found", 404)
            return Response.json(self._render_job(job, time.time()))

    # -- collections ----------------------------------------------------------------------------
    def _collection(self, req, rows, default_max=MAX_RECORDS):
        reserved = {"max_records", "offset", "order_by", "fields", "return_records"}
        for name, values in req.query.items():
            value = values[-1]
            if "?" in value:
                raise BadRequest(f"Invalid value for {name}: filter values must not contain '?'")
            if name in reserved:
                continue
            if not re.fullmatch(r"[a-z_]+(\.[a-z_]+)*", name):
                raise BadRequest(f"Unknown query parameter {name!r}")
            match = _matcher(value)
            rows = [r for r in rows if match(_lookup(r, name))]
        try:
            max_records = int(req.param("max_records", str(default_max)))
            offset = int(req.param("offset", "0"))
        except ValueError:
            raise BadRequest("max_records and offset must be integers") from None
        if max_records < 1 or offset < 0:
            raise BadRequest("max_records must be at least 1 and offset not negative")
        max_records = min(max_records, MAX_RECORDS)
        order = req.param("order_by")
        if order:
            for clause in reversed([c.strip() for c in order.split(",") if c.strip()]):
                field, _sep, direction = clause.partition(" ")
                direction = direction.strip().lower() or "asc"
                if direction not in ("asc", "desc"):
                    raise BadRequest(f"order_by direction must be asc or desc, got {direction!r}")
                rows = sorted(rows, key=lambda r, f=field: (_lookup(r, f) is None, str(_lookup(r, f) or ""),
                                                            r.get("_seq", 0)),
                              reverse=direction == "desc")
        total = len(rows)
        page = rows[offset:offset + max_records]
        for row in page:
            row.pop("_seq", None)
        base = req.path
        params = {k: v[-1] for k, v in req.query.items()}
        params["max_records"] = str(max_records)
        params["offset"] = str(offset)
        links = {"self": {"href": base + "?" + urlencode(params)}}
        if offset + len(page) < total:
            params["offset"] = str(offset + len(page))
            links["next"] = {"href": base + "?" + urlencode(params)}
        return Response.json({"records": page, "num_records": len(page), "total_records": total, "_links": links})

    def _listed(self, req, table, view=copy.deepcopy):
        with self.lock:
            self._settle()
            rows = sorted((view(o) for o in self.state[table].values()), key=lambda o: (o["name"], o["key"]))
            return self._collection(req, rows)

    def h_list_clusters(self, req, _match):
        return self._listed(req, "clusters")

    def h_list_svms(self, req, _match):
        return self._listed(req, "svms")

    def h_list_aggregates(self, req, _match):
        return self._listed(req, "aggregates")

    def h_list_shares(self, req, _match):
        return self._listed(req, "file_shares", share_view)

    def h_list_luns(self, req, _match):
        return self._listed(req, "luns")

    def _one(self, table, key, what):
        obj = self.state[table].get(key)
        if obj is None:
            raise BadRequest(f"{what} with key {key} not found", 404)
        return obj

    def h_get_share(self, req, match):
        with self.lock:
            self._settle()
            return Response.json(share_view(self._one("file_shares", match.group("key"), "File share")))

    def h_get_lun(self, req, match):
        with self.lock:
            self._settle()
            return Response.json(self._one("luns", match.group("key"), "LUN"))

    # -- submissions: validation ----------------------------------------------------------------
    @staticmethod
    def _body(req):
        return req.json_object("Request body is not valid JSON", "Request body must be a JSON object")

    @staticmethod
    def _size(body, required=True):
        size = _lookup(body, "space.size")
        if size is None and not required:
            return None
        if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
            raise BadRequest("space.size must be a positive integer number of bytes")
        return size

    def _svm(self, body):
        key = _lookup(body, "svm.key")
        if not key:
            raise BadRequest("svm.key is required")
        svm = self.state["svms"].get(key)
        if svm is None:
            raise BadRequest(f"SVM with key {key} not found", 404)
        return svm

    def _aggregate(self, body, svm):
        key = _lookup(body, "aggregate.key")
        cluster = svm["cluster"]["key"]
        if key:
            ag = self.state["aggregates"].get(key)
            if ag is None:
                raise BadRequest(f"Aggregate with key {key} not found", 404)
            if ag["cluster"]["key"] != cluster:
                raise BadRequest(f"Aggregate {ag['name']} is not on the cluster of SVM {svm['name']}")
            return ag
        # No aggregate given: AIQUM places the volume; the lab picks the emptiest aggregate.
        candidates = [a for a in self.state["aggregates"].values() if a["cluster"]["key"] == cluster]
        return max(candidates, key=lambda a: (a["space"]["block_storage"]["available"], a["name"]))

    def _pending(self, kind, name=None, svm_key=None, key=None):
        for job in self.state["jobs"]:
            res = job["resource"]
            if job["applied"] or res["type"] != kind:
                continue
            if key is not None and res["key"] == key:
                return job
            if name is not None and res["name"] == name and (res["svm"] or {}).get("key") == svm_key:
                return job
        return None

    def _check_new_name(self, table, kind, name, svm, pattern_ok):
        if not pattern_ok:
            raise BadRequest(f"Invalid name {name!r}: use letters, digits and underscores, starting with a letter or underscore")
        if any(o["name"] == name and o["svm"]["key"] == svm["key"] for o in self.state[table].values()):
            raise BadRequest(f"A {kind.replace('_', ' ')} named {name} already exists on SVM {svm['name']}", 409)
        busy = self._pending(kind, name=name, svm_key=svm["key"])
        if busy is not None:
            raise BadRequest(f"A {kind.replace('_', ' ')} named {name} is being provisioned on SVM {svm['name']} "
                             f"by job {busy['key']}", 409)

    def _creation(self, body, table, kind):
        """The checks of every create, in order: (name, svm, size, aggregate) or BadRequest."""
        name = body.get("name")
        if not isinstance(name, str) or not name:
            raise BadRequest("name is required")
        svm = self._svm(body)
        self._check_new_name(table, kind, name, svm, bool(VOLUME_NAME.match(name)))
        return name, svm, self._size(body), self._aggregate(body, svm)

    # -- file shares ----------------------------------------------------------------------------
    def h_create_share(self, req, _match):
        body = self._body(req)
        with self.lock:
            self._settle()
            name, svm, size, aggregate = self._creation(body, "file_shares", "file_share")
            rules = _lookup(body, "access_control.export_policy.rules")
            if rules is not None:
                check_rules_shape(rules)
            now = time.time()
            job = self._new_job("file_share_create", name, svm, now, self.duration("file_share_create"))
            job["description"] = f"Create file share {name} on SVM {svm['name']}"
            job["spec"] = {"svm": svm["key"], "aggregate": aggregate["key"], "size": size,
                           "rules": normalise_rules(rules or [])}
            job["items"] = [{"name": f"Create volume {name} on aggregate {aggregate['name']}"}]
            job["items"] += [{"name": "Create " + rule_label(r)} for r in job["spec"]["rules"]]
            return self._accepted(job)

    def _space_check(self, job, aggregate, delta):
        bs = aggregate["space"]["block_storage"]
        if delta > bs["available"]:
            return (f"Insufficient space on aggregate {aggregate['name']}: {delta} bytes requested, "
                    f"{bs['available']} bytes available")
        return None

    @staticmethod
    def _consume(aggregate, delta):
        bs = aggregate["space"]["block_storage"]
        bs["used"] += delta
        bs["available"] = bs["size"] - bs["used"]
        return bs["used"] > WARN_FULL * bs["size"]

    def _finish(self, job, items_ok, messages, warning=None):
        """Set the job outcome from its items: all ok -> NORMAL/WARNING, some -> PARTIAL_FAILURES."""
        for item, ok, msg in zip(job["items"], items_ok, messages):
            item.update(ok=ok, message=msg or "")
        failed = [m for ok, m in zip(items_ok, messages) if not ok]
        if not failed:
            job["outcome"] = "warning" if warning else "normal"
            job["message"] = warning or ""
        elif len(failed) == len(items_ok) or not items_ok[0]:
            job["outcome"] = "error"
            job["message"] = failed[0]
        else:
            job["outcome"] = "partial_failures"
            job["message"] = "%d of %d tasks failed: %s" % (len(failed), len(items_ok), "; ".join(failed))

    def _reserve(self, job, aggregate, size):
        """Take a new volume's or LUN's space at its job's end; when it is not there, the job
        fails (its later items, export rules, are not attempted) and the answer is False."""
        problem = self._space_check(job, aggregate, size)
        if problem:
            later = len(job["items"]) - 1
            self._finish(job, [False] * (1 + later), [problem] + ["Not attempted: the volume was not created"] * later)
            return False
        self._consume(aggregate, size)
        return True

    def _warning(self, aggregate):
        bs = aggregate["space"]["block_storage"]
        return (f"Aggregate {aggregate['name']} is {100 * bs['used'] // bs['size']}% full after this operation"
                if bs["used"] > WARN_FULL * bs["size"] else None)

    def _apply_file_share_create(self, job):
        spec = job["spec"]
        svm = self.state["svms"][spec["svm"]]
        aggregate = self.state["aggregates"][spec["aggregate"]]
        if not self._reserve(job, aggregate, spec["size"]):
            return
        good, oks, msgs = self._rule_outcomes(spec["rules"])
        oks, msgs = [True] + oks, [""] + msgs  # the volume's item comes first
        share = make_share(job["resource"]["name"], svm, aggregate, spec["size"], good, salt=job["key"])
        self.state["file_shares"][share["key"]] = share
        job["resource"]["key"] = share["key"]
        job["results"] = [{"name": "fileshareKey", "value": share["key"]}]
        self._finish(job, oks, msgs, self._warning(aggregate))

    def h_modify_share(self, req, match):
        body = self._body(req)
        with self.lock:
            self._settle()
            share = self._one("file_shares", match.group("key"), "File share")
            groups = [g for g in ("space", "access_control") if g in body]
            unknown = set(body) - {"space", "access_control"}
            if unknown:
                raise BadRequest(f"Cannot modify {sorted(unknown)}: only space.size or "
                                 "access_control.export_policy.rules can be modified")
            if len(groups) != 1:
                raise BadRequest("Exactly one property can be modified per request (space.size or "
                                 "access_control.export_policy.rules)")
            spec = {}
            if groups == ["space"]:
                spec["size"] = self._size(body)
            else:
                rules = _lookup(body, "access_control.export_policy.rules")
                check_rules_shape(rules)
                spec["rules"] = normalise_rules(rules)
            job = self._job_on(share, "file_share_modify")
            job["spec"] = dict(spec, key=share["key"])
            if "size" in spec:
                job["description"] = f"Resize file share {share['name']} to {spec['size']} bytes"
                job["items"] = [{"name": f"Resize volume {share['name']}"}]
            else:
                job["description"] = f"Replace the export rules of file share {share['name']}"
                job["items"] = [{"name": "Create " + rule_label(r)} for r in spec["rules"]] or [
                    {"name": "Remove all export rules"}]
            return self._accepted(job)

    def _apply_file_share_modify(self, job):
        spec = job["spec"]
        share = self.state["file_shares"].get(spec["key"])
        if share is None:
            self._finish(job, [False] * len(job["items"]), ["File share was deleted before the change ran"] * len(job["items"]))
            return
        job["results"] = [{"name": "fileshareKey", "value": share["key"]}]
        if "size" in spec:
            self._resize(job, share, spec["size"])
            return
        good, oks, msgs = self._rule_outcomes(spec["rules"])
        share["access_control"]["export_policy"]["rules"] = normalise_rules(good)
        if not spec["rules"]:
            oks, msgs = [True], [""]
        if oks and not any(oks):
            # Nothing applied at all is an ERROR, not a partial failure.
            self._finish(job, oks, msgs)
        else:
            self._finish_rules(job, oks, msgs)

    @staticmethod
    def _rule_outcomes(rules):
        """(the rules that can be created, ok per rule, message per rule): a rule with a client
        match that is not valid is refused."""
        good, oks, msgs = [], [], []
        for rule in rules:
            bad = [c["match"] for c in rule["clients"] if not valid_client_match(c["match"])]
            oks.append(not bad)
            msgs.append(f"Failed to create {rule_label(rule)}: invalid client match {bad[0]!r}" if bad else "")
            if not bad:
                good.append(rule)
        return good, oks, msgs

    def _resize(self, job, obj, size):
        """A share's or LUN's resize at the job's end: growing needs the space on its aggregate."""
        aggregate = self.state["aggregates"][obj["aggregate"]["key"]]
        delta = size - obj["space"]["size"]
        problem = self._space_check(job, aggregate, delta) if delta > 0 else None
        if problem:
            self._finish(job, [False], [problem])
            return
        self._consume(aggregate, delta)
        obj["space"]["size"] = size
        self._finish(job, [True], [""], self._warning(aggregate) if delta > 0 else None)

    def _job_on(self, obj, op):
        """A new job of ``op`` on an existing share or LUN."""
        svm = self.state["svms"][obj["svm"]["key"]]
        job = self._new_job(op, obj["name"], svm, time.time(), self.duration(op))
        job["resource"]["key"] = obj["key"]
        return job

    def _delete(self, table, key, what, description, item):
        """DELETE of a share or LUN: a job whose end removes it; ``description`` and ``item`` are
        templates of ``{name}`` and ``{svm}``."""
        op = {"file_shares": "file_share_delete", "luns": "lun_delete"}[table]
        with self.lock:
            self._settle()
            obj = self._one(table, key, what)
            job = self._job_on(obj, op)
            job["spec"] = {"key": obj["key"]}
            names = {"name": obj["name"], "svm": obj["svm"]["name"]}
            job["description"] = description.format(**names)
            job["items"] = [{"name": item.format(**names)}]
            return self._accepted(job)

    def _apply_delete(self, job, table, what):
        obj = self.state[table].pop(job["spec"]["key"], None)
        if obj is None:
            self._finish(job, [False], [f"{what} no longer exists"])
            return
        self._consume(self.state["aggregates"][obj["aggregate"]["key"]], -obj["space"]["size"])
        self._finish(job, [True], [""])

    def _finish_rules(self, job, oks, msgs):
        failed = [m for ok, m in zip(oks, msgs) if not ok]
        for item, ok, msg in zip(job["items"], oks, msgs):
            item.update(ok=ok, message=msg)
        if failed:
            job["outcome"] = "partial_failures"
            job["message"] = "%d of %d tasks failed: %s" % (len(failed), len(oks), "; ".join(failed))
        else:
            job["outcome"], job["message"] = "normal", ""

    def h_delete_share(self, req, match):
        return self._delete("file_shares", match.group("key"), "File share", "Delete file share {name} on SVM {svm}",
                            "Delete volume {name}")

    def _apply_file_share_delete(self, job):
        self._apply_delete(job, "file_shares", "File share")

    # -- LUNs -----------------------------------------------------------------------------------
    def h_create_lun(self, req, _match):
        body = self._body(req)
        with self.lock:
            self._settle()
            name, svm, size, aggregate = self._creation(body, "luns", "lun")
            job = self._new_job("lun_create", name, svm, time.time(), self.duration("lun_create"))
            job["description"] = f"Create LUN {name} on SVM {svm['name']}"
            job["spec"] = {"svm": svm["key"], "aggregate": aggregate["key"], "size": size,
                           "os_type": body.get("os_type") or "linux"}
            job["items"] = [{"name": f"Create LUN {name}"}]
            return self._accepted(job)

    def _apply_lun_create(self, job):
        spec = job["spec"]
        aggregate = self.state["aggregates"][spec["aggregate"]]
        if not self._reserve(job, aggregate, spec["size"]):
            return
        lun = make_lun(job["resource"]["name"], self.state["svms"][spec["svm"]], aggregate, spec["size"], spec["os_type"],
                       salt=job["key"])
        self.state["luns"][lun["key"]] = lun
        job["resource"]["key"] = lun["key"]
        job["results"] = [{"name": "lunKey", "value": lun["key"]}]
        self._finish(job, [True], [""], self._warning(aggregate))

    def h_modify_lun(self, req, match):
        body = self._body(req)
        with self.lock:
            self._settle()
            lun = self._one("luns", match.group("key"), "LUN")
            if set(body) != {"space"}:
                raise BadRequest("Only space.size can be modified, one property per request")
            size = self._size(body)
            job = self._job_on(lun, "lun_modify")
            job["spec"] = {"key": lun["key"], "size": size}
            job["description"] = f"Resize LUN {lun['name']} to {size} bytes"
            job["items"] = [{"name": f"Resize LUN {lun['name']}"}]
            return self._accepted(job)

    def _apply_lun_modify(self, job):
        lun = self.state["luns"].get(job["spec"]["key"])
        if lun is None:
            self._finish(job, [False], ["LUN was deleted before the change ran"])
            return
        job["results"] = [{"name": "lunKey", "value": lun["key"]}]
        self._resize(job, lun, job["spec"]["size"])

    def h_delete_lun(self, req, match):
        return self._delete("luns", match.group("key"), "LUN", "Delete LUN {name}", "Delete LUN {name}")

    def _apply_lun_delete(self, job):
        self._apply_delete(job, "luns", "LUN")


def create(opts, state_dir):
    return AIQUM(opts, state_dir)
