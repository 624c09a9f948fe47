"""Generic long-running-operation appliance: one small API per HTTP LRO convention.

- Azure guidelines: ``POST /azure/widgets`` -> 202 + ``Operation-Location`` (absolute, with
  api-version) to a status monitor ``{id, status, percentComplete, error, result}``.
- ARM: ``PUT /arm/widgets/{name}`` -> 202 + ``Azure-AsyncOperation`` + ``Location``.
- Location only: ``POST /location/jobs`` -> 202 + relative ``Location``; it answers 202 until
  the job ends, then 200 with the resource (or 422 with an error body).
- Google AIP-151: ``POST /v1/things:import`` -> 200 Operation ``{name, done: false}``, then
  ``GET /v1/operations/{id}``.
- RFC 7240: ``POST /prefer/reports`` answers 200 synchronously unless the client sends
  ``Prefer: respond-async`` (then 202 + relative ``Location`` + ``Preference-Applied``); the job
  body is NetSuite style ``{id, completed, progress, task}``.

The Azure submission may carry ``"monitor_host": "localhost"`` to put its monitor on another
origin of the same server.  Every submission body may carry ``"fail": true`` (the operation ends Failed with an error
``{code, message}``), ``"cancel": true`` (ends Canceled) and ``"duration": seconds`` (real
seconds, not scaled).  Time model: nothing runs in the background; an operation's state is
computed from its creation time at each request.  Operations live in memory only.

Retry-After discipline is measured: every non-terminal answer that carries ``Retry-After``
records when the next poll is due, and a poll that arrives earlier (minus a 50 ms tolerance)
counts as ``polls.early`` in ``/_lab/stats`` (else ``polls.on_time``).
"""
import itertools
import json
import re
import time
from collections import Counter

from labcore import Appliance, BadRequest, Response, Setting, integer, iso

CONVENTIONS = ("azure", "arm", "location", "aip", "prefer")
DEFAULT_DURATIONS = {name: 2.0 for name in CONVENTIONS}
API_VERSION = "2024-01-01"
EARLY_TOLERANCE = 0.05
MAX_SYNC_SECONDS = 30.0
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")


class Op:
    """One long-running operation.  ``end`` is absolute; state is derived from the clock."""

    def __init__(self, op_id, kind, created, duration, fail, cancel, payload):
        self.id, self.kind, self.created = op_id, kind, created
        self.end = created + duration
        self.duration = duration
        self.fail, self.cancel, self.payload = fail, cancel, payload
        self.not_before = None  # when the last Retry-After says the next poll is due
        self.polls = 0

    def done(self, now):
        return now >= self.end

    def outcome(self):
        return "Failed" if self.fail else "Canceled" if self.cancel else "Succeeded"

    def percent(self, now):
        if self.done(now):
            return 100
        return int(min(99, max(0, (now - self.created) / self.duration * 100))) if self.duration else 0


class Generic(Appliance):
    name = "generic"
    stat_groups = ("submissions", "polls", "prefer")
    default_durations = DEFAULT_DURATIONS
    duration_kind = "convention"
    settings = {"retry_after": Setting(1, integer(0))}  # whole seconds, on every non-terminal answer
    routes = (
        ("POST", r"/azure/widgets/?", "/azure/widgets", "h_azure_submit"),
        ("GET", r"/azure/widgets/?", "/azure/widgets", "h_azure_list"),
        ("GET", r"/azure/operations/(?P<id>[^/]+)", "/azure/operations/{id}", "h_azure_status"),
        ("PUT", r"/arm/widgets/(?P<name>[^/]+)", "/arm/widgets/{name}", "h_arm_put"),
        ("GET", r"/arm/widgets/(?P<name>[^/]+)", "/arm/widgets/{name}", "h_arm_get"),
        ("GET", r"/arm/operations/(?P<id>[^/]+)", "/arm/operations/{id}", "h_arm_status"),
        ("GET", r"/arm/operationResults/(?P<id>[^/]+)", "/arm/operationResults/{id}", "h_arm_result"),
        ("POST", r"/location/jobs/?", "/location/jobs", "h_location_submit"),
        ("GET", r"/location/jobs/(?P<id>[^/]+)", "/location/jobs/{id}", "h_location_status"),
        ("POST", r"/v1/things:import", "/v1/things:import", "h_aip_submit"),
        ("GET", r"/v1/operations/(?P<id>[^/]+)", "/v1/operations/{id}", "h_aip_get"),
        ("POST", r"/prefer/reports/?", "/prefer/reports", "h_prefer_submit"),
        ("GET", r"/prefer/jobs/(?P<id>[^/]+)", "/prefer/jobs/{id}", "h_prefer_job"),
    )

    def __init__(self, opts, state_dir):
        super().__init__(opts, state_dir)
        self.scheme = "https" if self.tls else "http"
        self.reset_state()

    # -- control plane -------------------------------------------------------------------------
    def reset_state(self):
        with self.lock:
            self.ops = {}
            self.widgets = {}  # ARM resources by name: {"op": op id, "size": n}
            self.seq = itertools.count(1)

    def extra_stats(self):
        with self.lock:
            now = time.time()
            ops = {kind: Counter() for kind in CONVENTIONS}
            for op in self.ops.values():
                ops[op.kind][op.outcome() if op.done(now) else "running"] += 1
            return {"operations": {k: dict(v) for k, v in ops.items()}}

    # -- auth and errors ------------------------------------------------------------------------
    def authenticate(self, req):
        return self.basic_challenge(req, "generic lab",
                                    json.dumps({"error": {"code": "Unauthorized", "message": "Authentication required"}}))

    def error(self, status, message, req=None):
        return Response.json({"error": {"code": "BadRequest" if status == 400 else str(status), "message": message}},
                             status)

    # -- helpers --------------------------------------------------------------------------------
    def _base(self, req, host=None):
        netloc = req.headers.get("Host") or "127.0.0.1"
        if host:
            # Another origin for the same server (e.g. "localhost" for "127.0.0.1"): lets tests
            # check that clients do not send credentials to a monitor elsewhere.
            netloc = str(host) + (":" + netloc.rsplit(":", 1)[1] if ":" in netloc else "")
        return f"{self.scheme}://{netloc}"

    @staticmethod
    def _body(req):
        return req.json_object("the body must be JSON", "the body must be a JSON object")

    @staticmethod
    def _api_version(req):
        if req.param("api-version") != API_VERSION:
            raise BadRequest(f"api-version={API_VERSION} is required")

    def _new(self, kind, body, payload):
        duration = body.get("duration")
        if duration is None:
            duration = self.duration(kind)
        try:
            duration = float(duration)
        except (TypeError, ValueError):
            raise BadRequest("duration must be a number of seconds") from None
        if duration < 0:
            raise BadRequest("duration must be >= 0")
        with self.lock:
            op_id = f"{kind}-{next(self.seq)}"
            op = Op(op_id, kind, time.time(), duration, bool(body.get("fail")), bool(body.get("cancel")), payload)
            self.ops[op_id] = op
        self.stats.count("submissions", kind)
        return op

    def _op(self, kind, op_id):
        with self.lock:
            op = self.ops.get(op_id)
        if op is None or op.kind != kind:
            raise BadRequest(f"operation {op_id} not found", 404)
        return op

    def _retry_after(self, op, now):
        """Header dict for a non-terminal answer; records when the next poll is due."""
        seconds = self.config["retry_after"]
        op.not_before = now + seconds
        return {"Retry-After": str(seconds)}

    def _accepted_empty(self, op, now, headers):
        """202 without a body: the monitor ``headers`` plus Retry-After."""
        return Response(202, b"", None, dict(headers, **self._retry_after(op, now)))

    def _poll(self, op, now):
        """Count a monitor poll as early or on time against the last Retry-After."""
        op.polls += 1
        if op.not_before is not None:
            self.stats.count("polls", "early" if now < op.not_before - EARLY_TOLERANCE else "on_time")

    def _error(self, op):
        return {"code": "WidgetFailed" if op.kind in ("azure", "arm") else "JobFailed",
                "message": f"Operation {op.id} failed (simulated failure requested with fail=true)"}

    # -- Azure guidelines -----------------------------------------------------------------------
    def h_azure_submit(self, req, _match):
        self._api_version(req)
        body = self._body(req)
        name = body.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            raise BadRequest("name is required: letters, digits, '_', '.', '-' (1-63 characters)")
        op = self._new("azure", body, {"name": name, "size": body.get("size", 1)})
        now = time.time()
        base = self._base(req, body.get("monitor_host"))
        headers = {"Operation-Location": f"{base}/azure/operations/{op.id}?api-version={API_VERSION}",
                   "Operation-Id": op.id}
        headers.update(self._retry_after(op, now))
        return Response.json({"id": op.id, "status": "NotStarted"}, 202, headers)

    def h_azure_list(self, req, _match):
        self._api_version(req)
        now = time.time()
        with self.lock:
            done = [op for op in self.ops.values() if op.kind == "azure" and op.done(now) and not op.fail and not op.cancel]
        return Response.json({"value": [self._widget(op) for op in done]})

    @staticmethod
    def _widget(op):
        return {"id": f"/azure/widgets/{op.payload['name']}", "name": op.payload["name"], "size": op.payload["size"]}

    def h_azure_status(self, req, match):
        self._api_version(req)
        op = self._op("azure", match["id"])
        now = time.time()
        self._poll(op, now)
        out = {"id": op.id, "percentComplete": op.percent(now)}
        if not op.done(now):
            out["status"] = "Running"
            return Response.json(out, 200, self._retry_after(op, now))
        out["status"] = op.outcome()
        if op.fail:
            out["error"] = self._error(op)
        elif not op.cancel:
            out["result"] = self._widget(op)
        return Response.json(out)

    # -- ARM ------------------------------------------------------------------------------------
    def h_arm_put(self, req, match):
        self._api_version(req)
        name = match["name"]
        if not NAME.match(name):
            raise BadRequest("invalid widget name")
        body = self._body(req)
        size = (body.get("properties") or {}).get("size", 1)
        op = self._new("arm", body, {"name": name, "size": size})
        with self.lock:
            self.widgets[name] = op.id
        now = time.time()
        base = self._base(req)
        headers = {"Azure-AsyncOperation": f"{base}/arm/operations/{op.id}?api-version={API_VERSION}",
                   "Location": f"{base}/arm/operationResults/{op.id}?api-version={API_VERSION}"}
        return self._accepted_empty(op, now, headers)

    def _arm_resource(self, op, now):
        state = op.outcome() if op.done(now) else "Creating"
        return {"id": f"/arm/widgets/{op.payload['name']}", "name": op.payload["name"], "type": "Lab/widgets",
                "properties": {"size": op.payload["size"], "provisioningState": state}}

    def h_arm_get(self, req, match):
        self._api_version(req)
        with self.lock:
            op_id = self.widgets.get(match["name"])
        if op_id is None:
            raise BadRequest(f"widget {match['name']} not found", 404)
        return Response.json(self._arm_resource(self.ops[op_id], time.time()))

    def h_arm_status(self, req, match):
        self._api_version(req)
        op = self._op("arm", match["id"])
        now = time.time()
        self._poll(op, now)
        out = {"id": f"/arm/operations/{op.id}", "name": op.id, "startTime": iso(op.created),
               "percentComplete": op.percent(now)}
        if not op.done(now):
            out["status"] = "InProgress"
            return Response.json(out, 200, self._retry_after(op, now))
        out.update(status=op.outcome(), endTime=iso(op.end))
        if op.fail:
            out["error"] = self._error(op)
        return Response.json(out)

    def h_arm_result(self, req, match):
        self._api_version(req)
        op = self._op("arm", match["id"])
        now = time.time()
        self._poll(op, now)
        if not op.done(now):
            headers = {"Location": f"{self._base(req)}/arm/operationResults/{op.id}?api-version={API_VERSION}"}
            return self._accepted_empty(op, now, headers)
        if op.fail:
            return Response.json({"error": self._error(op)}, 409)
        if op.cancel:
            return Response.json({"error": {"code": "Canceled", "message": f"Operation {op.id} was canceled"}}, 409)
        return Response.json(self._arm_resource(op, now))

    # -- Location only --------------------------------------------------------------------------
    def h_location_submit(self, req, _match):
        body = self._body(req)
        op = self._new("location", body, {"report": body.get("report", "default")})
        now = time.time()
        headers = {"Location": f"/location/jobs/{op.id}"}  # path-absolute: clients must resolve it
        return self._accepted_empty(op, now, headers)

    def h_location_status(self, req, match):
        op = self._op("location", match["id"])
        now = time.time()
        self._poll(op, now)
        if not op.done(now):
            headers = {"Location": f"/location/jobs/{op.id}"}
            return self._accepted_empty(op, now, headers)
        if op.fail:
            return Response.json({"error": self._error(op)}, 422)
        if op.cancel:
            return Response.json({"error": {"code": "Canceled", "message": f"Job {op.id} was canceled"}}, 409)
        # The finished resource has a `status` of its own that is not an operation state.
        return Response.json({"id": op.id, "report": op.payload["report"], "status": "ready", "rows": 42})

    # -- AIP-151 --------------------------------------------------------------------------------
    def h_aip_submit(self, req, _match):
        body = self._body(req)
        if not isinstance(body.get("source"), str) or not body["source"]:
            raise BadRequest("source is required")
        op = self._new("aip", body, {"source": body["source"]})
        return Response.json(self._aip(op, time.time()))

    def _aip(self, op, now):
        out = {"name": f"operations/{op.id}",
               "metadata": {"@type": "type.googleapis.com/lab.v1.ImportMetadata", "progressPercent": op.percent(now),
                            "createTime": iso(op.created)},
               "done": op.done(now)}
        if out["done"]:
            if op.fail:
                out["error"] = {"code": 9, "message": self._error(op)["message"], "details": []}
            elif op.cancel:
                out["error"] = {"code": 1, "message": "Operation was cancelled", "details": []}
            else:
                out["response"] = {"@type": "type.googleapis.com/lab.v1.ImportResponse",
                                   "source": op.payload["source"], "imported": 42}
        return out

    def h_aip_get(self, req, match):
        op = self._op("aip", match["id"])
        now = time.time()
        self._poll(op, now)
        return Response.json(self._aip(op, now))

    # -- RFC 7240 -------------------------------------------------------------------------------
    @staticmethod
    def _prefer(req):
        prefs = {}
        for header in req.headers.get_all("Prefer") or []:
            for item in header.split(","):
                key, _sep, value = item.strip().partition("=")
                if key:
                    prefs[key.strip().lower()] = value.strip().strip('"')
        return prefs

    def h_prefer_submit(self, req, _match):
        body = self._body(req)
        prefs = self._prefer(req)
        self.stats.count("prefer", "respond-async" if "respond-async" in prefs else "none")
        op = self._new("prefer", body, {"report": body.get("report", "sales")})
        wait = prefs.get("wait")
        sync_ok = "respond-async" not in prefs or (wait is not None and wait.isdigit() and op.duration <= int(wait))
        if sync_ok:
            # Synchronous processing: the answer comes when the work is done.
            time.sleep(min(op.duration, MAX_SYNC_SECONDS))
            if op.fail:
                return Response.json({"error": self._error(op)}, 500)
            headers = {"Preference-Applied": f"wait={wait}"} if "respond-async" in prefs else {}
            return Response.json(self._report(op), 200, headers)
        now = time.time()
        headers = {"Location": f"jobs/{op.id}", "Preference-Applied": "respond-async"}  # relative to /prefer/
        return self._accepted_empty(op, now, headers)

    @staticmethod
    def _report(op):
        return {"report": op.payload["report"], "rows": 42, "total": 1234.5}

    def h_prefer_job(self, req, match):
        op = self._op("prefer", match["id"])
        now = time.time()
        self._poll(op, now)
        out = {"id": op.id, "completed": op.done(now)}
        if not out["completed"]:
            out.update(progress="processing" if now - op.created > op.duration / 2 else "pending", task=None)
            return Response.json(out, 200, self._retry_after(op, now))
        if op.fail:
            out.update(progress="failed", task=None, error=self._error(op))
        elif op.cancel:
            out.update(progress="cancelled", task=None)
        else:
            out.update(progress="succeeded", task={"id": f"task-{op.id}", "result": self._report(op)})
        return Response.json(out)


def create(opts, state_dir):
    return Generic(opts, state_dir)
