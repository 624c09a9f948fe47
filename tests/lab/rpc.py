"""Simulated async RPC service in the style of the Seagate NAS OS "NAS API".

Wire format: `POST /api/external/<version>/<module>.<Service>.<method>` with a JSON object of
named parameters; the reply is a JSON object of named outputs.  Typed objects travel as
`{"__type__": T, "__properties__": {...}}`, lists as a `ResultSet`.  Functions declared
`async: true` take a `client_ref` and return a `job_id`; `<function>_result(job_id)` returns
the outputs, or raises the error the synchronous call would have raised (the seed's spec).

Authentication (the real NAS API's, see README): every request is signed, `AUTHENTICATION:
HMAC-SHA1-DATE <base64(user)>:<base64(HMAC-SHA1(hex SHA-1 of the password, "POST <path[?query]>\n
Date: <DATE-AUTH>\n<body bytes>"))>` plus `DATE-AUTH: <RFC 1123 GMT date>`; a refusal is HTTP 401
with `{"text": "..."}`.  Every error body carries `text`.

Time model (as in drm.py): nothing runs in the background.  A job stores when its run
started and how much run time it has accumulated; every request "settles" the active jobs
(pause points, failures, completion) from the clock.  State is kept in memory and written
through to `rpc.json` in the state directory on every change.
"""
import base64
import binascii
import email.utils
import hashlib
import hmac
import json
import os
import re
import time
from collections import Counter

from labcore import Appliance, Response, Setting, integer, integer_set, iso, seconds

VERSIONS = ("8.0",)
STATUS = {"UNKNOWN": -1, "INIT": 1, "RUNNING": 2, "PAUSED": 3, "COMPLETED": 4, "FAILED": 5}
STATUS_NAMES = {v: k for k, v in STATUS.items()}
FIRST_JOB_ID = 1
SLOTS = tuple(range(1, 9))
VOLUMES = tuple(range(1, 4))
SMART = "storage.Disks.run_smart_test"
RESYNC = "volumes.Volumes.resync"
# A signed request's DATE-AUTH may differ from the lab's clock by this much either way.
DATE_WINDOW = 15 * 60
AUTH_HEADER = re.compile(r"HMAC-SHA1-DATE ([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)")
IP_BLOCKED = "Ip blocked"
LIST_INFO_PROPS = ("offset", "limit", "search_parameters", "order")
SEARCH_PARAMETERS = ("name_starts_with", "status")
ORDER_FIELDS = ("id", "name", "status", "progress", "client_ref", "submitted")


SETTINGS = {
    "init_seconds": Setting(0.4, seconds()),      # a job is INIT (queued) this long (x time_scale) before it runs
    "failing_slots": Setting([3], integer_set),   # SMART test completes with device_ok false
    "busy_slots": Setting([6], integer_set),      # SMART test fails at busy_fail_at percent: _result raises DiskBusy
    "pause_slots": Setting([7], integer_set),     # SMART test pauses at pause_at percent until resume_job
    "pause_at": Setting(50, integer(1, 99)),
    "busy_fail_at": Setting(30, integer(1, 99)),
    # refused signatures in a row before every request gets 401 "Ip blocked" (0: never)
    "block_after": Setting(0, integer(0)),
    "block_seconds": Setting(15, seconds()),      # how long the block lasts (real seconds)
}


def signing_key(password):
    """What the service keeps of a password, and signs with: its lowercase hex SHA-1."""
    return hashlib.sha1(password.encode("utf-8")).hexdigest()


def expected_signature(key, method, target, date, body):
    message = f"{method} {target}\nDate: {date}\n".encode("utf-8") + (body or b"")
    return base64.b64encode(hmac.new(key.encode("ascii"), message, hashlib.sha1).digest()).decode("ascii")


EMPTY_LIST = {"__type__": "List", "__sub_type__": "Unicode", "__elements__": []}


def typed(type_name, props):
    return {"__type__": type_name, "__version__": 1, "__sub_version__": 0, "__properties__": props}


class RpcError(Exception):
    """An error the service raises; rendered as an Error object (see README)."""

    def __init__(self, status, code, message, **props):
        super().__init__(message)
        self.status, self.code, self.message, self.props = status, code, message, props

    def body(self):
        # `text` is what real clients read; the typed Error (the seed's style) gives code and details.
        return dict({"text": self.message}, **typed("Error", dict({"code": self.code, "message": self.message},
                                                                  **self.props)))


def bad_param(name, message):
    return RpcError(400, "InvalidParameter", message, parameter=name)


class Job:
    FIELDS = ("id", "name", "client_ref", "args", "submitted", "duration", "run_since", "run_done",
              "pause_at", "fail_at", "error", "output", "state", "completed", "progress_kind")

    def __init__(self, **kw):
        for key in self.FIELDS:
            setattr(self, key, kw.get(key))

    def dump(self):
        return {k: getattr(self, k) for k in self.FIELDS}

    def run_time(self, now):
        if self.run_since is None or now < self.run_since:
            return self.run_done
        return self.run_done + (now - self.run_since)

    def status(self, now):
        if self.state == "active":
            return "INIT" if self.run_done == 0 and now < self.run_since else "RUNNING"
        return {"paused": "PAUSED", "completed": "COMPLETED", "failed": "FAILED"}[self.state]

    def progress(self, now):
        status = self.status(now)
        if self.progress_kind != "percent" or status == "INIT":
            return -1  # the seed's "no progress for this job"
        if status == "COMPLETED":
            return 100
        return max(0, min(99, int(100 * self.run_time(now) / self.duration))) if self.duration else 0

    def record(self, now):
        return typed("AsyncJob", {
            "id": self.id, "progress": self.progress(now), "status": STATUS[self.status(now)],
            "client_ref": self.client_ref,
            # Lab extensions: the seed's name_starts_with criterion implies jobs have a name.
            "name": self.name, "submitted": iso(self.submitted),
            "completed": iso(self.completed) if self.completed else None,
        })


class Rpc(Appliance):
    name = "rpc"
    stat_groups = ("calls", "submissions", "errors")
    default_durations = {SMART: 4.0, RESYNC: 6.0}  # seconds of run time, x time_scale
    duration_kind = "async function"
    settings = SETTINGS
    routes = (
        ("POST", r"/api/external/(?P<version>[^/]+)/(?P<method>[^/]+)", "/api/external/{version}/{method}", "h_call"),
    )

    def __init__(self, opts, state_dir):
        super().__init__(opts, state_dir)
        self.username = opts.username
        self.key = signing_key(opts.password)
        self.failures, self.blocked_until = 0, 0.0
        self.path = os.path.join(state_dir, "rpc.json")
        self.functions = self._functions()
        if os.path.exists(self.path):
            with open(self.path) as fh:
                saved = json.load(fh)
            self.restore_config(saved["config"])
            self._restore(saved)
        else:
            self._generate()
            self._save()

    # -- state ------------------------------------------------------------------------------------
    def _generate(self):
        self.jobs = {}
        self.next_id = FIRST_JOB_ID
        self.disks = {s: {"slot_id": s, "model": "ST4000VN008", "serial": "ZDHLAB%03d" % s,
                          "capacity_bytes": 4000787030016, "last_smart_test": None, "last_smart_ok": None}
                      for s in SLOTS}
        self.volumes = {v: {"volume_id": v, "name": "vol%d" % v, "raid": "RAID5" if v == 1 else "RAID1",
                            "last_resync": None} for v in VOLUMES}

    def _restore(self, saved):
        self.jobs = {j["id"]: Job(**j) for j in saved["jobs"]}
        self.next_id = saved["next_id"]
        self.disks = {int(k): v for k, v in saved["disks"].items()}
        self.volumes = {int(k): v for k, v in saved["volumes"].items()}

    def _save(self):
        data = {"config": self.config, "next_id": self.next_id, "jobs": [j.dump() for j in self.jobs.values()],
                "disks": self.disks, "volumes": self.volumes}
        tmp = self.path + ".tmp"
        with open(tmp, "w") as fh:
            json.dump(data, fh)
        os.replace(tmp, self.path)

    def reset_state(self):
        with self.lock:
            self._generate()
            self.failures, self.blocked_until = 0, 0.0
            self._save()

    def config_changed(self):
        self._save()

    def extra_stats(self):
        with self.lock:
            now = self._settle()
            jobs = Counter({name: 0 for name in ("INIT", "RUNNING", "PAUSED", "COMPLETED", "FAILED")})
            jobs.update(job.status(now) for job in self.jobs.values())
            return {"jobs": dict(jobs)}

    def lab_extra(self, req, sub):
        if sub == "jobs" and req.method == "GET":
            with self.lock:
                now = self._settle()
                return Response.json([dict(j.record(now)["__properties__"], arguments=j.args,
                                           status_name=j.status(now)) for j in self.jobs.values()])
        if sub == "disks" and req.method == "GET":
            with self.lock:
                self._settle()
                return Response.json([self._disk(s)["__properties__"] for s in SLOTS])
        match = re.fullmatch(r"jobs/([0-9]+)/finish", sub)
        if match and req.method == "POST":
            with self.lock:
                now = self._settle()
                job = self.jobs.get(int(match.group(1)))
                if job is None:
                    return Response.json({"error": "job not found"}, 404)
                self._finish_now(job, now)
                self._settle()
                return Response.json({"finished": job.id})
        return None

    @staticmethod
    def _finish_now(job, now):
        """End the run of an INIT or RUNNING job now, as if its duration were up: a test holds a
        job in flight (a long duration) exactly until what it tests has seen it, then ends it.
        Points on the way still apply (a busy disk fails, a pause slot pauses); a PAUSED or ended
        job is left as it is."""
        if job.state != "active":
            return
        if job.run_since > now:  # still INIT: its run starts now
            job.run_since = now
        job.duration = job.run_time(now)

    # -- time ---------------------------------------------------------------------------------------
    def _settle(self):
        """Apply every pause point, failure and completion whose time has come."""
        now = time.time()
        changed = False
        for job in self.jobs.values():
            if job.state != "active":
                continue
            stops = [(1.0, "complete")]
            if job.fail_at is not None:
                stops.append((job.fail_at, "fail"))
            if job.pause_at is not None:
                stops.append((job.pause_at, "pause"))
            frac, kind = min(stops)
            when = job.run_since + (frac * job.duration - job.run_done)
            if now < when:
                continue
            changed = True
            job.run_done, job.run_since = frac * job.duration, None
            if kind == "pause":
                job.state, job.pause_at = "paused", None  # a pause point is passed once
            elif kind == "fail":
                job.state, job.completed = "failed", when
            else:
                job.state, job.completed = "completed", when
                self._finish(job, when)
        if changed:
            self._save()
        return now

    def _finish(self, job, when):
        if job.name == SMART:
            disk = self.disks[job.args["slot_id"]]
            disk["last_smart_test"], disk["last_smart_ok"] = iso(when), job.output["device_ok"]
        elif job.name == RESYNC:
            self.volumes[job.args["volume_id"]]["last_resync"] = iso(when)

    # -- auth and errors ------------------------------------------------------------------------------
    def authenticate(self, req):
        """Check the request's HMAC-SHA1-DATE signature; 401 `{"text": ...}` when it is not right."""
        with self.lock:
            if time.time() < self.blocked_until:
                self.stats.count("errors", "IpBlocked")
                return Response.json({"text": IP_BLOCKED}, 401)
            problem = self._signature_problem(req)
            if problem is None:
                self.failures = 0
                return None
            self.failures += 1
            if self.config["block_after"] and self.failures >= self.config["block_after"]:
                self.failures, self.blocked_until = 0, time.time() + self.config["block_seconds"]
        self.stats.count("errors", "Unauthorized")
        return Response.json({"text": problem}, 401)

    def _signature_problem(self, req):
        header, date = req.headers.get("AUTHENTICATION"), req.headers.get("DATE-AUTH")
        if not header or not date:
            return "Authentication required: sign the request (AUTHENTICATION: HMAC-SHA1-DATE, DATE-AUTH)"
        match = AUTH_HEADER.fullmatch(header.strip())
        try:
            user = base64.b64decode(match.group(1), validate=True).decode("utf-8") if match else None
        except (binascii.Error, UnicodeDecodeError):
            user = None
        if user is None:
            return "Malformed AUTHENTICATION header: expected HMAC-SHA1-DATE <base64 user>:<base64 signature>"
        try:
            when = email.utils.parsedate_to_datetime(date) if date.endswith(" GMT") else None
        except (TypeError, ValueError, IndexError):
            when = None
        if when is None:
            return f"DATE-AUTH must be an RFC 1123 date in GMT, got {date!r}"
        signature = expected_signature(self.key, req.method, req.target, date, req.body)
        if user != self.username or not hmac.compare_digest(match.group(2), signature):
            return "Invalid username or signature"
        now = time.time()
        if abs(now - when.timestamp()) > DATE_WINDOW:
            return (f"DATE-AUTH {date} is more than {DATE_WINDOW // 60} minutes from the server's clock "
                    f"({email.utils.formatdate(now, usegmt=True)})")
        return None

    def echo_extra(self, req):
        # A careless server naming the user's stored key in its error. Only for a request signed with
        # that key: the client holds it then and must censor it (it cannot censor a key it never had).
        # It repeats the request's AUTHENTICATION header too: a signature is replayable while the
        # service accepts its date, so clients must censor it as well.
        sent = req.headers.get("AUTHENTICATION")
        if self._signature_problem(req) is not None:
            return {"text": f"Bad request: signature check failed for {sent}"}
        return {"text": f"Bad request: signature check with key {self.key} failed for {sent}"}

    def error(self, status, message, req=None):
        code = {400: "InvalidParameter", 401: "Unauthorized", 404: "NoSuchMethod", 405: "NoSuchMethod"}.get(
            status, "InternalError")
        return Response.json(RpcError(status, code, message).body(), status)

    # -- dispatch ---------------------------------------------------------------------------------------
    def _functions(self):
        fns = {
            "system.System.get_infos": ((), self.f_get_infos, False),
            "storage.Disks.get_disk": ((("slot_id", int),), self.f_get_disk, False),
            SMART: ((("client_ref", int), ("slot_id", int)), self.f_run_smart_test, True),
            RESYNC: ((("client_ref", int), ("volume_id", int)), self.f_resync, True),
            "system.Jobs.get_job_status": ((("job_id", int),), self.f_get_job_status, False),
            # with_parameters is optional: Seagate's SDK page calls a list method with list_info alone.
            "system.Jobs.get_jobs_list": ((("list_info", dict), ("with_parameters", dict, EMPTY_LIST)),
                                          self.f_get_jobs_list, False),
            "system.Jobs.pause_job": ((("job_id", int),), self.f_pause_job, False),
            "system.Jobs.resume_job": ((("job_id", int),), self.f_resume_job, False),
        }
        for name, (_params, _fn, is_async) in list(fns.items()):
            if is_async:
                fns[name + "_result"] = ((("job_id", int),), self._result_of(name), False)
        return fns

    def h_call(self, req, match):
        method = match.group("method")
        try:
            if match.group("version") not in VERSIONS:
                raise RpcError(404, "NoSuchMethod", f"API version {match.group('version')} is not served "
                                                    f"(served: {', '.join(VERSIONS)})")
            if method not in self.functions:
                raise RpcError(404, "NoSuchMethod", f"No such method {method!r}")
            self.stats.count("calls", method)
            params, fn, _is_async = self.functions[method]
            try:
                body = json.loads(req.body or b"{}")
            except ValueError:
                raise RpcError(400, "InvalidParameter", "The request body is not JSON") from None
            if not isinstance(body, dict):
                raise RpcError(400, "InvalidParameter", "The request body must be a JSON object of named parameters")
            args = self._check_params(params, body)
            with self.lock:
                now = self._settle()
                return Response.json(fn(now, **args))
        except RpcError as exc:
            self.stats.count("errors", exc.code)
            return Response.json(exc.body(), exc.status)

    @staticmethod
    def _check_params(params, body):
        names = [param[0] for param in params]
        for key in body:
            if key not in names:
                raise bad_param(key, f"Unexpected parameter {key!r} (expected: {', '.join(names) or 'none'})")
        args = {}
        for name, kind, *default in params:  # (name, type[, default of an optional parameter])
            if name not in body and not default:
                raise bad_param(name, f"Missing parameter {name!r}")
            value = body[name] if name in body else json.loads(json.dumps(default[0]))
            if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise bad_param(name, f"Parameter {name!r} must be an Integer, got {type(value).__name__}")
            if kind is dict and not isinstance(value, dict):
                raise bad_param(name, f"Parameter {name!r} must be an object, got {type(value).__name__}")
            args[name] = value
        return args

    def _job(self, job_id):
        job = self.jobs.get(job_id)
        if job is None:
            raise RpcError(404, "UnknownJob", f"No job with id {job_id}", job_id=job_id)
        return job

    # -- functions ----------------------------------------------------------------------------------------
    def f_get_infos(self, now):
        # A GeneralInfo with the properties a real NAS OS 4.3 answers (Greenbone's detection script
        # quotes one); the values are the lab's.
        return {"infos": typed("GeneralInfo", {
            "vendor_custom_id": "", "product": "NAS OS (lab)", "vendor_id": "", "product_id": "lab",
            "install_id": "0000000000000000000000000000000000000000aa", "hardware_id": "lab0001",
            "friendly_name": "nas-lab", "puid": "000000000001", "version": "8.0.1", "serial_number": "LAB0000001",
            "vendor_name": "asyncjobs.fleet lab"})}

    def _disk(self, slot):
        disk = dict(self.disks[slot])
        disk["health"] = "failing" if slot in self.config["failing_slots"] else "ok"
        disk["busy"] = slot in self.config["busy_slots"]
        return typed("Disk", disk)

    def _check_slot(self, slot_id):
        if slot_id not in self.disks:
            raise RpcError(422, "InvalidSlot", f"There is no disk slot {slot_id} (slots: {SLOTS[0]}-{SLOTS[-1]})",
                           slot_id=slot_id)

    def f_get_disk(self, now, slot_id):
        self._check_slot(slot_id)
        return {"disk": self._disk(slot_id)}

    def _submit(self, now, name, client_ref, args, output, progress_kind="percent", pause_at=None, fail_at=None,
                error=None):
        job = Job(id=self.next_id, name=name, client_ref=client_ref, args=args, submitted=now, duration=self.duration(name),
                  run_since=now + self.config["init_seconds"] * self.config["time_scale"], run_done=0.0,
                  pause_at=pause_at, fail_at=fail_at, error=error, output=output, state="active",
                  completed=None, progress_kind=progress_kind)
        self.next_id += 1
        self.jobs[job.id] = job
        self.stats.count("submissions", name)
        self._save()
        return {"job_id": job.id}

    def f_run_smart_test(self, now, client_ref, slot_id):
        self._check_slot(slot_id)
        cfg = self.config
        pause_at = cfg["pause_at"] / 100.0 if slot_id in cfg["pause_slots"] else None
        if slot_id in cfg["busy_slots"]:
            error = {"status": 422, "code": "DiskBusy",
                     "message": f"Disk in slot {slot_id} is busy (a RAID rebuild is using it)", "slot_id": slot_id}
            return self._submit(now, SMART, client_ref, {"slot_id": slot_id}, None, fail_at=cfg["busy_fail_at"] / 100.0,
                                error=error, pause_at=pause_at)
        return self._submit(now, SMART, client_ref, {"slot_id": slot_id},
                            {"device_ok": slot_id not in cfg["failing_slots"]}, pause_at=pause_at)

    def f_resync(self, now, client_ref, volume_id):
        if volume_id not in self.volumes:
            raise RpcError(422, "InvalidVolume", f"There is no volume {volume_id}", volume_id=volume_id)
        return self._submit(now, RESYNC, client_ref, {"volume_id": volume_id},
                            {"volume_state": "ok"}, progress_kind="none")

    def _result_of(self, name):
        def result(now, job_id):
            job = self._job(job_id)
            if job.name != name:
                raise bad_param("job_id", f"Job {job_id} is a {job.name} job, not {name}")
            status = job.status(now)
            if status == "COMPLETED":
                return job.output
            if status == "FAILED":
                err = dict(job.error)
                raise RpcError(err.pop("status"), err.pop("code"), err.pop("message"), job_id=job_id, **err)
            raise RpcError(409, "JobNotFinished", f"Job {job_id} is {status}; its result is not available yet",
                           job_id=job_id)
        return result

    def f_get_job_status(self, now, job_id):
        return {"async_job": self._job(job_id).record(now)}

    def f_get_jobs_list(self, now, list_info, with_parameters):
        self._check_with_parameters(with_parameters)
        props = self._props(list_info, "ListInfo", "list_info")
        unknown = set(props) - set(LIST_INFO_PROPS)
        if unknown:
            raise bad_param("list_info", f"Unknown ListInfo properties: {sorted(unknown)} "
                                         f"(known: {', '.join(sorted(LIST_INFO_PROPS))})")
        offset, limit = props.get("offset", 0), props.get("limit", -1)
        for key, value, low in (("offset", offset, 0), ("limit", limit, -1)):
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise bad_param("list_info", f"ListInfo {key} must be an Integer >= {low}, got {value!r}")
        search = self._elements(props.get("search_parameters"), "Dict", "list_info")
        unknown = set(search) - set(SEARCH_PARAMETERS)
        if unknown:
            raise bad_param("list_info", f"Unknown search parameters: {sorted(unknown)} "
                                         f"(known: {', '.join(SEARCH_PARAMETERS)})")
        prefix, status = search.get("name_starts_with"), search.get("status")
        if prefix is not None and not isinstance(prefix, str):
            raise bad_param("list_info", "search parameter name_starts_with must be a string")
        if isinstance(status, str) and re.fullmatch(r"-?[0-9]+", status):
            status = int(status)  # a Dict of Unicode: the code may come as a string
        if status is not None and (isinstance(status, bool) or status not in STATUS_NAMES):
            raise bad_param("list_info", f"search parameter status must be an AsyncJobStatus {sorted(STATUS_NAMES)}, "
                                         f"got {status!r}")
        field, asc = self._ordering(props.get("order"))
        jobs = list(self.jobs.values())
        if prefix is not None:
            jobs = [j for j in jobs if j.name.startswith(prefix)]
        if status is not None:
            jobs = [j for j in jobs if STATUS[j.status(now)] == status]
        # Without an order, newest first, like a NAS's job panel; ties break on the id.
        jobs.sort(key=lambda j: (self._order_value(j, field, now), j.id), reverse=not asc)
        page = jobs[offset:] if limit == -1 else jobs[offset:offset + limit]
        return {"async_jobs": {"__type__": "ResultSet", "__total_items__": len(jobs), "__sub_type__": "AsyncJob",
                               "__elements__": [j.record(now) for j in page]}}

    @staticmethod
    def _check_with_parameters(value):
        if value.get("__type__", "List") != "List":
            raise bad_param("with_parameters", f"with_parameters must be a List, got a {value['__type__']}")
        elements = value.get("__elements__", [])
        # GB-INFO sends {} for an empty List, EXT-LIB []; both are empty.
        if not isinstance(elements, (list, dict)):
            raise bad_param("with_parameters", "with_parameters __elements__ must be a list")
        if elements:
            raise bad_param("with_parameters", f"with_parameters names no field the lab knows: {elements!r}")

    def _ordering(self, order):
        if order is None:
            return "id", False
        props = self._props(order, "Ordering", "list_info")
        unknown = set(props) - {"asc", "order_by"}
        if unknown:
            raise bad_param("list_info", f"Unknown Ordering properties: {sorted(unknown)} (known: asc, order_by)")
        field, asc = props.get("order_by", "id"), props.get("asc", True)
        if field not in ORDER_FIELDS:
            raise bad_param("list_info", f"Ordering order_by must be one of {', '.join(ORDER_FIELDS)}, got {field!r}")
        if not isinstance(asc, bool):
            raise bad_param("list_info", f"Ordering asc must be a Boolean, got {asc!r}")
        return field, asc

    @staticmethod
    def _order_value(job, field, now):
        if field == "status":
            return STATUS[job.status(now)]
        if field == "progress":
            return job.progress(now)
        return getattr(job, field)

    def _elements(self, value, type_name, param):
        """Elements of a typed container (`__elements__`); a plain object is taken as its elements."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise bad_param(param, f"{type_name} must be an object")
        if "__type__" not in value and "__elements__" not in value:
            return value
        if value.get("__type__", type_name) != type_name or not isinstance(value.get("__elements__", {}), dict):
            raise bad_param(param, f"expected a {type_name} with an object of __elements__, got {value!r:.200}")
        return value.get("__elements__", {})

    @staticmethod
    def _props(value, type_name, param):
        """Properties of a typed object; a plain object is accepted as its properties."""
        if not isinstance(value, dict):
            raise bad_param(param, f"{type_name} must be an object")
        if "__type__" not in value:
            return value
        if value["__type__"] != type_name or not isinstance(value.get("__properties__", {}), dict):
            raise bad_param(param, f"expected a {type_name}, got a {value['__type__']}")
        return value.get("__properties__", {})

    def f_pause_job(self, now, job_id):
        job = self._job(job_id)
        if job.state != "active":
            raise RpcError(409, "JobNotRunning", f"Job {job_id} is {job.status(now)}; only INIT or RUNNING jobs pause",
                           job_id=job_id)
        job.run_done, job.run_since, job.state = job.run_time(now), None, "paused"
        self._save()
        return {"async_job": job.record(now)}

    def f_resume_job(self, now, job_id):
        job = self._job(job_id)
        if job.state != "paused":
            raise RpcError(409, "JobNotPaused", f"Job {job_id} is {job.status(now)}, not PAUSED", job_id=job_id)
        job.run_since, job.state = now, "active"
        self._save()
        return {"async_job": job.record(now)}


def create(opts, state_dir):
    return Rpc(opts, state_dir)
