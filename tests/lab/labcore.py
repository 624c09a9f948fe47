"""Shared machinery for lab appliances: HTTP plumbing, control plane, stats, faults, throttle, conditions.

Every appliance module (drm.py, powerstore.py, ...) subclasses :class:`Appliance`, declares its
routes, its ``/_lab/config`` table (``default_durations`` and ``settings``) and implements the
handlers.  This module owns what is common to all of them: request counting, seeded fault
injection, the per-account throttle, the configuration's checks and the unauthenticated
``/_lab/*`` control plane.
"""
import base64
import binascii
import copy
import json
import math
import random
import re
import socket
import ssl
import struct
import sys
import threading
import time
import traceback
from collections import Counter, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit


def iso(ts):
    """Legacy Digi-style UTC timestamp with milliseconds."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + ".%03dZ" % int((ts % 1) * 1000)


def basic_credentials(req):
    """(user, password) from a Basic Authorization header, or None when absent or malformed."""
    auth = req.headers.get("Authorization") or ""
    if auth[:6].lower() != "basic ":
        return None
    try:
        user, _sep, password = base64.b64decode(auth[6:].strip()).decode().partition(":")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return user, password


class Request:
    def __init__(self, method, raw_path, headers, body):
        parts = urlsplit(raw_path)
        self.method = method
        self.target = raw_path  # as received (path and query, still encoded): what a signature covers
        self.path = unquote(parts.path)
        self.query = parse_qs(parts.query, keep_blank_values=True)
        self.headers = headers
        self.body = body

    def param(self, name, default=None):
        values = self.query.get(name)
        return values[-1] if values else default

    def wants_json(self):
        return "application/json" in (self.headers.get("Accept") or "")

    def json(self):
        return json.loads(self.body or b"{}")

    def json_object(self, not_json, not_object):
        """The body as a JSON object ({} when empty), else BadRequest with the appliance's wording."""
        try:
            body = self.json()
        except ValueError:
            raise BadRequest(not_json) from None
        if not isinstance(body, dict):
            raise BadRequest(not_object)
        return body


class Response:
    def __init__(self, status=200, body=b"", content_type="text/xml; charset=utf-8", headers=None):
        self.status = status
        self.body = body.encode() if isinstance(body, str) else body
        self.headers = dict(headers or {})
        if content_type and self.body:
            self.headers.setdefault("Content-Type", content_type)

    @classmethod
    def json(cls, obj, status=200, headers=None):
        return cls(status, json.dumps(obj, indent=1), "application/json", headers)


class BadRequest(Exception):
    """Raised by handlers for client errors; rendered by the appliance's error format."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------------------------------------
# Stats


class Stats:
    """Thread-safe counters.  Groups other than requests/methods are appliance specific."""

    def __init__(self, groups=()):
        self.lock = threading.Lock()
        self.group_names = groups
        self.reset()

    def reset(self):
        with self.lock:
            self.requests = Counter()
            self.methods = Counter({m: 0 for m in ("GET", "POST", "HEAD", "DELETE", "PUT")})
            self.faults = Counter()
            self.groups = {g: Counter() for g in self.group_names}

    def request(self, method, route):
        with self.lock:
            self.requests[f"{method} {route}"] += 1
            self.methods[method] += 1

    def count(self, group, key, n=1):
        with self.lock:
            self.groups.setdefault(group, Counter())[key] += n

    def fault(self, kind):
        with self.lock:
            self.faults[kind] += 1

    def snapshot(self):
        with self.lock:
            snap = {"requests": dict(self.requests), "methods": dict(self.methods),
                    "faults": {"injected": dict(self.faults)}}
            snap.update({g: dict(c) for g, c in self.groups.items()})
            return snap


# ---------------------------------------------------------------------------------------------
# Fault injection

FAULT_KINDS = ("500", "502", "503", "429", "403", "reset", "slow", "gate", "truncated", "html",
               "empty", "huge", "ctype", "html200", "xmlbomb", "echo")
# Body of the "xmlbomb" kind: entity expansion ("billion laughs") that a parser resolving
# entities would blow up to gigabytes; a safe client refuses it because of the DTD.
XML_BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                      for i in range(1, 10))
            + ']>\n<sci_reply version="1.0"><lolz>&lol9;</lolz></sci_reply>')


class Faults:
    """Seeded, rule-based fault injection.  Same seed + same request sequence = same faults."""

    def __init__(self):
        self.lock = threading.Lock()
        self.configure({})

    def configure(self, spec):
        given = (spec.get("rules") or []) if isinstance(spec, dict) else None
        if not isinstance(given, list) or not all(isinstance(raw, dict) for raw in given):
            raise BadRequest(f'faults must be an object {{"seed": n, "rules": [{{...}}, ...]}}, got {spec!r}')
        rules = []
        for raw in given:
            kinds = raw.get("kinds") or ["500"]
            bad = [k for k in kinds if k not in FAULT_KINDS]
            if bad:
                raise BadRequest(f"unknown fault kinds {bad}; known: {list(FAULT_KINDS)}")
            rules.append({
                "route": raw.get("route", ".*"), "regex": re.compile(raw.get("route", ".*")),
                "method": raw.get("method", "*").upper(), "rate": float(raw.get("rate", 1.0)),
                "kinds": kinds, "retry_after": raw.get("retry_after", 1),
                "slow_seconds": float(raw.get("slow_seconds", 30)),
                "size": int(raw.get("size", 48 * 1024 * 1024)),
                "after_processing": bool(raw.get("after_processing", False)),
                "gate_count": int(raw.get("gate_count", 2)),
                # The "gate" kind: requests that hit this rule, and the condition they wait on.
                "gate": {"arrived": 0, "cond": threading.Condition()},
            })
        with self.lock:
            self.seed = spec.get("seed", 1)
            self.rng = random.Random(self.seed)
            self.rules = rules

    def describe(self):
        with self.lock:
            return {"seed": self.seed,
                    "rules": [{k: v for k, v in r.items() if k not in ("regex", "gate")} for r in self.rules]}

    def pick(self, method, path):
        """Return (rule, kind) for the first matching rule that fires, else None."""
        with self.lock:
            for rule in self.rules:
                if rule["method"] not in ("*", method) or not rule["regex"].search(path):
                    continue
                # Draw for every matching rule so the sequence only depends on the requests seen.
                if self.rng.random() < rule["rate"]:
                    return rule, self.rng.choice(rule["kinds"])
            return None


# ---------------------------------------------------------------------------------------------
# /_lab/config: every appliance has `durations` (seconds by job kind, x `time_scale`) and
# `time_scale` (default: --time-scale), plus its own `settings` table.  A POST changes only the
# keys it names and is checked whole before anything changes: one bad key and nothing changes.


class Setting:
    """One appliance-specific ``/_lab/config`` key: its default and ``check(name, value)``,
    which returns the value to store or raises BadRequest."""

    def __init__(self, default, check):
        self.default, self.check = default, check


def _number(name, value):
    # JSON numbers only: a string or a boolean is a caller's mistake, not a value to coerce.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadRequest(f"{name} must be a number, got {value!r}")
    return value


def seconds(positive=False):
    """A duration in seconds (stored as a float): 0 or more, or more than 0 when ``positive``."""
    def check(name, value):
        value = float(_number(name, value))
        if value < 0 or (positive and value == 0):
            raise BadRequest(f"{name} must be {'more than 0' if positive else '0 or more'}, got {value!r}")
        return value
    return check


def integer(low=None, high=None):
    """A whole number, ``low`` or more and ``high`` or less when given (3.0 is taken as 3; 3.5 is
    refused, not rounded)."""
    bounds = "" if low is None else f" from {low} to {high}" if high is not None else f" of {low} or more"

    def check(name, value):
        value = _number(name, value)
        if value != int(value) or (low is not None and value < low) or (high is not None and value > high):
            raise BadRequest(f"{name} must be a whole number{bounds}, got {value!r}")
        return int(value)
    return check


def integer_set(name, value):
    """A list of whole numbers, stored sorted without repeats."""
    if not isinstance(value, list):
        raise BadRequest(f"{name} must be a list of whole numbers, got {value!r}")
    return sorted({integer()(name, item) for item in value})


def one_of(*choices):
    def check(name, value):
        if value not in choices:
            raise BadRequest(f"{name} must be one of {list(choices)}, got {value!r}")
        return value
    return check


_SECONDS = seconds()


# ---------------------------------------------------------------------------------------------
# Throttle: Digi's Web Services throttle (tests/lab/README.md, "Throttle"), for every appliance.


def retry_after_choice(name, value):
    """``throttle_retry_after``: null (no header), whole seconds, or "window" (until the limit frees)."""
    if value is None or value == "window":
        return value
    try:
        return integer(0)(name, value)
    except BadRequest:
        raise BadRequest(f'{name} must be null, "window" or a whole number of seconds of 0 or more, got {value!r}') from None


THROTTLE_SETTINGS = {
    "throttle_per_minute": Setting(0, integer(0)),            # requests per account per "minute"; 0: no rate limit
    "throttle_minute": Setting(60.0, seconds(positive=True)),  # how long that "minute" lasts (tests stretch or shrink it)
    "throttle_concurrent": Setting(0, integer(0)),            # requests of one account at once; 0: no limit
    "throttle_retry_after": Setting(None, retry_after_choice),  # UNCERTAIN whether Digi sends Retry-After
}


class Throttle:
    """Per-account sliding windows and in-flight counts.

    A request is admitted when its account has fewer than ``throttle_concurrent`` requests in
    flight, fewer than ``throttle_per_minute`` admitted in the last ``throttle_minute`` seconds,
    and fewer than a sixth of that (at least 1) in the last sixth of it: Digi's 10 s sub-window
    ("at a limit of 180 per minute, at most 30 requests fit in any 10 s"). Refused requests take
    no place in the windows. An admitted request is in flight until its response is ready
    (``release`` before the first byte is written), so a client that waits for a response
    before sending the next one never sees its earlier request still counted.
    """

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.admitted = {}
            self.in_flight = Counter()

    def admit(self, account, config):
        """None when admitted (call ``release(account)`` once answered), else (reason, seconds until it may pass)."""
        per_minute, concurrent = config["throttle_per_minute"], config["throttle_concurrent"]
        minute = config["throttle_minute"]
        with self.lock:
            now = self.clock()
            if concurrent and self.in_flight[account] >= concurrent:
                return "concurrent", None
            if per_minute:
                log = self.admitted.setdefault(account, deque())
                while log and log[0] <= now - minute:
                    log.popleft()
                sub, sub_limit = minute / 6.0, max(1, per_minute // 6)
                if len(log) >= per_minute:
                    return "rate", log[-per_minute] + minute - now
                if len(log) >= sub_limit and log[-sub_limit] > now - sub:
                    return "rate", log[-sub_limit] + sub - now
                log.append(now)
            self.in_flight[account] += 1
            return None

    def release(self, account):
        with self.lock:
            self.in_flight[account] -= 1


# ---------------------------------------------------------------------------------------------
# Legacy web-service condition language: field op 'value' [and|or ...], parentheses, plus `in (..)`

_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?)(?![\w.])"
                    r"|(?P<op><>|!=|<=|>=|=|<|>)|(?P<punct>[(),])|(?P<word>[A-Za-z_][\w.]*))")


def _coerce(a, b):
    """Compare numerically when both sides are numbers (firmware levels, ids), else case-folded."""
    try:
        return float(a), float(b)
    except ValueError:
        return a.casefold(), b.casefold()


class Cmp:
    OPS = {"=": lambda a, b: a == b, "<>": lambda a, b: a != b, "!=": lambda a, b: a != b,
           "<": lambda a, b: a < b, ">": lambda a, b: a > b,
           "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}

    def __init__(self, field, op, value):
        self.field, self.op, self.value = field, op, value
        if op == "like":
            pattern = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in value)
            self.regex = re.compile(pattern, re.IGNORECASE | re.DOTALL)

    def __call__(self, row):
        actual = row.get(self.field, "")
        if self.op == "like":
            return bool(self.regex.fullmatch(actual))
        if self.op == "in":
            return any(a == b for a, b in (_coerce(actual, v) for v in self.value))
        return Cmp.OPS[self.op](*_coerce(actual, self.value))


class BoolOp:
    """n-ary and/or: a flat list, so a condition naming hundreds of ids cannot exhaust the stack."""

    def __init__(self, op, parts):
        self.op, self.parts = op, parts

    def __call__(self, row):
        if self.op == "and":
            return all(part(row) for part in self.parts)
        return any(part(row) for part in self.parts)


def parse_condition(text, fields):
    """Parse a condition into a predicate over dicts of strings.  `and` binds tighter than `or`."""
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise BadRequest(f"Invalid condition near: {text[pos:pos + 20]!r}")
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "str":
            value = value[1:-1].replace("''", "'")
        tokens.append((kind, value))
        pos = m.end()
    tokens.append(("end", None))
    i = 0

    def peek():
        return tokens[i]

    def take(kind=None, value=None):
        nonlocal i
        tok = tokens[i]
        if (kind and tok[0] != kind) or (value and str(tok[1]).lower() != value):
            raise BadRequest(f"Invalid condition: expected {value or kind}, got {tok[1]!r}")
        i += 1
        return tok

    def literal():
        tok = peek()
        if tok[0] in ("str", "num", "word"):
            return take()[1]
        raise BadRequest(f"Invalid condition: expected a value, got {tok[1]!r}")

    def comparison():
        if peek() == ("punct", "("):
            take()
            node = disjunction()
            take("punct", ")")
            return node
        field = take("word")[1]
        if field not in fields:
            raise BadRequest(f"Invalid condition: unknown field {field!r}")
        kind, op = peek()
        if kind == "op":
            take()
            return Cmp(field, op, literal())
        if kind == "word" and op.lower() == "like":
            take()
            return Cmp(field, "like", take("str")[1])
        if kind == "word" and op.lower() == "in":
            take()
            take("punct", "(")
            values = [literal()]
            while peek() == ("punct", ","):
                take()
                values.append(literal())
            take("punct", ")")
            return Cmp(field, "in", values)
        raise BadRequest(f"Invalid condition: expected an operator after {field!r}")

    def chain(word, operand):
        """operand (word operand)*, as one flat BoolOp."""
        parts = [operand()]
        while peek()[0] == "word" and peek()[1].lower() == word:
            take()
            parts.append(operand())
        return parts[0] if len(parts) == 1 else BoolOp(word, parts)

    def conjunction():
        return chain("and", comparison)

    def disjunction():
        return chain("or", conjunction)

    node = disjunction()
    take("end")
    return node


# ---------------------------------------------------------------------------------------------
# Appliance base


class Appliance:
    """Base for one simulated product.  Subclasses set `name`, `routes` and implement handlers.

    routes: sequence of (method, regex, template, handler_name).  The template is the stats key so
    that ids never explode the number of counters.
    """

    name = None
    routes = ()
    stat_groups = ()  # extra counter groups always present in /_lab/stats
    # /_lab/config: seconds by job kind (x time_scale), what a kind is (for errors), further keys.
    default_durations = {}
    duration_kind = "operation"
    settings = {}

    def __init__(self, opts, state_dir):
        self.opts = opts
        self.state_dir = state_dir
        # throttled: 429s of the throttle by account; throttle_reasons: by "rate" or "concurrent".
        self.stats = Stats(("throttled", "throttle_reasons") + tuple(self.stat_groups))
        self.faults = Faults()
        self.throttle = Throttle()
        # The throttle's settings come first in every appliance's /_lab/config table.
        self.settings = {**THROTTLE_SETTINGS, **type(self).settings}
        self.lock = threading.RLock()  # the appliance's state, config included
        self.credentials = (opts.username, opts.password)
        self.tls = bool(getattr(opts, "tls", False))
        self.config = self.default_config()
        self._routes = [(m, re.compile(rx + r"\Z"), tpl, h) for m, rx, tpl, h in self.routes]

    # Subclass hooks -------------------------------------------------------------------------
    def authenticate(self, req):
        """Return None if allowed, else an error Response."""
        return None

    def error(self, status, message, req=None):
        return Response(status, json.dumps({"error": message}), "application/json")

    def throttle_account(self, req):
        """Who a request counts against in the throttle: the Basic user, else the API key id, else the
        user of an RPC signature, else "anonymous" (an appliance with sessions may know better)."""
        creds = basic_credentials(req)
        if creds is not None:
            return "user " + creds[0]
        if req.headers.get("X-API-KEY-ID"):
            return "key " + req.headers["X-API-KEY-ID"]
        signed = re.fullmatch(r"HMAC-SHA1-DATE ([A-Za-z0-9+/=]+):\S+", (req.headers.get("AUTHENTICATION") or "").strip())
        if signed:
            try:
                return "user " + base64.b64decode(signed.group(1), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                pass
        return "anonymous"

    def throttled(self, req, account, reason, wait):
        """The 429 of a refused request, in the appliance's error format."""
        body = self.error(429, f"Too many requests for {account}: the {'concurrent request' if reason == 'concurrent' else 'rate'} "
                               f"limit of the account is reached", req)
        retry_after = self.config["throttle_retry_after"]
        if retry_after == "window":
            retry_after = max(1, math.ceil(wait)) if wait is not None else 1
        if retry_after is not None:
            body.headers["Retry-After"] = str(retry_after)
        return body

    def basic_challenge(self, req, realm, body, content_type="application/json"):
        """None when ``req`` carries the lab's Basic credentials, else a 401 asking for them."""
        if basic_credentials(req) == self.credentials:
            return None
        return Response(401, body, content_type, headers={"WWW-Authenticate": f'Basic realm="{realm}"'})

    def extra_stats(self):
        return {}

    def reset_state(self):
        """Restore the simulated system to its initial generated state."""

    def config_changed(self):
        """Called under the lock after a POST changed the config: persist it if state survives a restart."""

    def lab_extra(self, req, sub):
        """Appliance-specific /_lab/<sub> endpoints; return a Response or None for 404."""
        return None

    def echo_extra(self, req):
        """Appliance-specific members of the `echo` fault's body (secrets this server holds)."""
        return {}

    def close(self):
        pass

    # Configuration ---------------------------------------------------------------------------
    def default_config(self):
        config = {"durations": dict(self.default_durations), "time_scale": self.opts.time_scale}
        config.update((name, copy.deepcopy(setting.default)) for name, setting in self.settings.items())
        return config

    def restore_config(self, saved):
        """Adopt a persisted config; what it lacks (a state dir written by an older lab) keeps its default."""
        config = self.default_config()
        config["durations"].update((k, v) for k, v in saved.get("durations", {}).items() if k in config["durations"])
        config.update((k, v) for k, v in saved.items() if k in config and k != "durations")
        self.config = config

    def duration(self, kind):
        """Effective seconds of a job of this kind: its configured duration x time_scale."""
        return self.config["durations"][kind] * self.config["time_scale"]

    def get_config(self):
        with self.lock:
            return copy.deepcopy(self.config)

    def set_config(self, body):
        with self.lock:
            self.config = self.checked_config(body)
            self.config_changed()
        return self.get_config()

    def checked_config(self, body):
        """The config after the POSTed ``body``, or BadRequest; ``self.config`` itself is not touched."""
        if not isinstance(body, dict):
            raise BadRequest(f"the config must be a JSON object, got {body!r}")
        known = ["durations", "time_scale", *self.settings]
        unknown = [key for key in body if key not in known]
        if unknown:
            raise BadRequest(f"unknown config keys {sorted(unknown)}; known: {', '.join(known)}")
        config = copy.deepcopy(self.config)
        durations = body.get("durations", {})
        if not isinstance(durations, dict):
            raise BadRequest(f"durations must be an object of seconds by {self.duration_kind}, got {durations!r}")
        for kind, value in durations.items():
            if kind not in config["durations"]:
                raise BadRequest(f"unknown {self.duration_kind} {kind!r}; known: {list(config['durations'])}")
            config["durations"][kind] = _SECONDS(f"durations[{kind!r}]", value)
        if "time_scale" in body:
            config["time_scale"] = _SECONDS("time_scale", body["time_scale"])
        for name, setting in self.settings.items():
            if name in body:
                config[name] = setting.check(name, body[name])
        return config

    # Routing --------------------------------------------------------------------------------
    def route(self, method, path):
        """Return (stats template, handler or None, match)."""
        template = None
        for m, rx, tpl, handler in self._routes:
            match = rx.match(path)
            if match:
                template = template or tpl
                if m == method or (m == "GET" and method == "HEAD" and not self._has_head(tpl)):
                    return tpl, getattr(self, handler), match
        return template or "<unmatched>", None, None

    def _has_head(self, template):
        return any(m == "HEAD" and tpl == template for m, _rx, tpl, _fn in self._routes)

    def dispatch(self, req, handler, match):
        if handler is None:
            return self.error(404 if match is None else 405, f"No route for {req.method} {req.path}", req)
        denied = self.authenticate(req)
        if denied is not None:
            return denied
        try:
            return handler(req, match)
        except BadRequest as exc:
            return self.error(exc.status, str(exc), req)

    # Control plane --------------------------------------------------------------------------
    def control(self, req):
        sub = req.path[len("/_lab/"):].strip("/")
        try:
            if sub == "stats" and req.method == "GET":
                snap = self.stats.snapshot()
                snap.update(self.extra_stats())
                return Response.json(snap)
            if sub == "reset" and req.method == "POST":
                self.stats.reset()
                if req.param("stats_only", "false").lower() != "true":
                    self.faults.configure({})
                    self.throttle.reset()
                    self.reset_state()
                return Response.json({"reset": True})
            if sub == "faults":
                if req.method == "POST":
                    self.faults.configure(req.json())
                return Response.json(self.faults.describe())
            if sub == "config":
                if req.method == "POST":
                    self.set_config(req.json())
                return Response.json(self.get_config())
            resp = self.lab_extra(req, sub)
            if resp is not None:
                return resp
        except (BadRequest, ValueError, TypeError, KeyError) as exc:
            return Response.json({"error": str(exc)}, getattr(exc, "status", 400))
        return Response.json({"error": f"unknown lab endpoint {req.method} {req.path}"}, 404)


def _hold(rule, kind):
    """The pause of a ``slow`` fault (``slow_seconds``), or of a ``gate``: each request held until
    ``gate_count`` requests have hit the rule (at most ``slow_seconds``); later ones pass at once.
    A gate makes two clients' requests overlap whatever their timing (two runs both look before
    either submits)."""
    if kind == "slow":
        time.sleep(rule["slow_seconds"])
        return
    gate = rule["gate"]
    with gate["cond"]:
        gate["arrived"] += 1
        gate["cond"].notify_all()
        gate["cond"].wait_for(lambda: gate["arrived"] >= rule["gate_count"], timeout=rule["slow_seconds"])


class LabHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real services; clients reuse sessions
    timeout = 300
    # Headers and body leave in separate writes; with Nagle on, the body then waits for the
    # client's delayed ACK (~40 ms a response on Linux), which no production server adds.
    disable_nagle_algorithm = True
    server_version = "asyncjobs-lab"

    def setup(self):
        super().setup()
        if isinstance(self.connection, ssl.SSLSocket):
            # Handshake here (handler thread) rather than in accept(), so one stuck client
            # cannot block the listener.
            self.connection.do_handshake()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write(f"[{self.server.appliance.name}] {fmt % args}\n")

    def _read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self):
        appliance = self.server.appliance
        req = Request(self.command, self.path, self.headers, self._read_body())
        self._fault_request = req
        if req.path.startswith("/_lab/"):
            return self._send(appliance.control(req))
        template, handler, match = appliance.route(req.method, req.path)
        appliance.stats.request(req.method, template)
        account = appliance.throttle_account(req)
        refused = appliance.throttle.admit(account, appliance.config)
        if refused is not None:
            appliance.stats.count("throttled", account)
            appliance.stats.count("throttle_reasons", refused[0])
            return self._send(appliance.throttled(req, account, *refused))
        self._end_turn = lambda: appliance.throttle.release(account)
        try:
            self._admitted(appliance, req, handler, match)
        finally:
            self._release_turn()

    def _release_turn(self):
        """End the request's turn in the throttle (once), before its response leaves."""
        release, self._end_turn = getattr(self, "_end_turn", None), None
        if release is not None:
            release()

    def _admitted(self, appliance, req, handler, match):
        fault = appliance.faults.pick(req.method, req.path)
        if fault and not fault[0]["after_processing"]:
            rule, kind = fault
            appliance.stats.fault(kind)
            if kind not in ("slow", "gate"):
                return self._send_fault(rule, kind, None)
            _hold(rule, kind)
        try:
            resp = appliance.dispatch(req, handler, match)
        except Exception:  # the lab must keep serving; a 500 with the trace helps debugging
            traceback.print_exc()
            resp = appliance.error(500, "internal lab error: " + traceback.format_exc(limit=3), req)
        if fault and fault[0]["after_processing"]:
            rule, kind = fault
            appliance.stats.fault(kind)
            if kind in ("slow", "gate"):
                _hold(rule, kind)
            else:
                return self._send_fault(rule, kind, resp)
        self._send(resp)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _handle

    def _send(self, resp, declared_length=None):
        self._release_turn()
        self.send_response(resp.status)
        for key, value in resp.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(declared_length or len(resp.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(resp.body)

    def _send_fault(self, rule, kind, resp):
        self._release_turn()
        if kind == "reset":
            # SO_LINGER 0 makes close() send a TCP RST: the client sees "connection reset".
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if kind == "truncated":
            body = resp.body if resp is not None and resp.body else b"<sci_reply version=\"1.0\">" * 8
            partial = Response(resp.status if resp is not None else 200, body[: len(body) // 2],
                               (resp.headers.get("Content-Type") if resp is not None else None)
                               or "text/xml; charset=utf-8")
            self.close_connection = True
            self._send(partial, declared_length=len(body) + 100)
            self.wfile.flush()
            return
        if kind == "empty":  # 200 with no body at all
            return self._send(Response(200, b""))
        if kind == "huge":
            return self._send_huge(rule["size"])
        if kind == "ctype":  # the real answer, mislabelled as an HTML page
            real = resp if resp is not None else self._dispatch_now()
            headers = dict(real.headers, **{"Content-Type": "text/html; charset=iso-8859-1"})
            return self._send(Response(real.status, real.body, None, headers))
        if kind == "html200":  # a proxy or single-sign-on login page answering 200
            page = ("<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\">"
                    "<input name=\"user\"><input name=\"password\" type=\"password\"></form></body></html>")
            return self._send(Response(200, page, "text/html; charset=utf-8"))
        if kind == "xmlbomb":
            return self._send(Response(200, XML_BOMB, "text/xml; charset=utf-8"))
        if kind == "echo":
            # A careless server that repeats the request in its error: credentials first, so they
            # land in the excerpt a client quotes. Clients must censor them.
            creds = basic_credentials(self._fault_request) or ("", "")
            echo = {"error": "bad request from user %s with password %s" % creds,
                    "authorization": self._fault_request.headers.get("Authorization"),
                    "authentication": self._fault_request.headers.get("AUTHENTICATION"),
                    "api_key_secret": self._fault_request.headers.get("X-API-KEY-SECRET"),
                    "body": self._fault_request.body.decode("utf-8", "replace")[:2000]}
            echo.update(self.server.appliance.echo_extra(self._fault_request))
            return self._send(Response(400, json.dumps(echo), "application/json"))
        if kind == "html":
            page = ("<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
                    "<body><h1>Internal Server Error</h1><p>upstream proxy error</p></body></html>")
            return self._send(Response(500, page, "text/html; charset=utf-8"))
        headers = {"Retry-After": str(rule["retry_after"])} if kind in ("503", "429") else {}
        status = int(kind)
        return self._send(Response(status, json.dumps({"error": f"injected fault {kind}"}),
                                   "application/json", headers))

    def _dispatch_now(self):
        appliance = self.server.appliance
        req = self._fault_request
        _template, handler, match = appliance.route(req.method, req.path)
        return appliance.dispatch(req, handler, match)

    def _send_huge(self, size):
        """``size`` bytes of junk with no Content-Length (ends at close), so only a client that
        caps what it reads stays small; stops quietly when the client hangs up."""
        self._release_turn()
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"junk " * 13107  # 64 KiB
            sent = 0
            while sent < size:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LabServer(ThreadingHTTPServer):
    daemon_threads = True  # in-flight sleeps (sync SCI, slow faults) must not block shutdown
    allow_reuse_address = True

    def __init__(self, appliance, host="127.0.0.1", port=0, ssl_context=None, verbose=False):
        super().__init__((host, port), LabHandler)
        self.appliance = appliance
        self.verbose = verbose
        if ssl_context is not None:
            self.socket = ssl_context.wrap_socket(self.socket, server_side=True,
                                                  do_handshake_on_connect=False)

    def url(self, tls):
        return f"{'https' if tls else 'http'}://127.0.0.1:{self.server_address[1]}"
