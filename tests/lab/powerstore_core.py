"""PowerStore lab: what every part of the appliance shares.

Errors in PowerStore's format, the body validator (compact definitions, see powerstore_schema.py),
the query language (select, filters, order, paging) and the job timeline.
"""
import re
import time
import uuid

API = "/api/rest"
DEFAULT_LIMIT = 100
MAX_LIMIT = 2000
QUEUE_END = 0.10  # fraction of a job's duration spent PENDING (first half) then QUEUED
EVAL_AT = 0.75    # fraction at which the change is applied, or found to fail (then FAILING)
RESERVED_PARAMS = ("select", "order", "offset", "limit", "is_async")
ACTIVE_STATES = ("PENDING", "QUEUED", "IN_PROGRESS", "FAILING")
PHASES = {"PENDING": "Pending", "QUEUED": "Queued", "IN_PROGRESS": "In_Progress", "COMPLETED": "Completed",
          "SKIPPED": "Skipped", "FAILING": "Failing", "UNRECOVERABLE_FAILED": "Unrecoverable_Failed",
          "FAILED": "Failed"}
# Error codes per status. Recorded by Dell's clients (tests/unit/vendor/powerstore): 400 "Invalid
# REST request." 0xE04040010005, 404 "Instance with id X was not found." 0xE04040020009; the others
# are lab values in the same format (the catalogue is not public).
CODES = {400: "0xE04040010005", 401: "0xE04040030002", 403: "0xE04040060001", 404: "0xE04040020009",
         405: "0xE04040010006", 416: "0xE04040010009", 422: "0xE0A070010004", 500: "0xE04040000001"}
# Recorded codes of particular errors: a body the schema rejects (unknown property, wrong type),
# and the not-found errors of a policy or volume named in a body.
CODE_VALIDATION = "0xE04040030001"
NOT_FOUND = {"Policy": ("0xE0A090010001", "Unable to find the policy with ID {ref}"),
             "Volume": ("0xE0A07001000C", "The volume {ref} is not found.")}
JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"),
              (dict, "object"), (type(None), "null"))
# Job descriptions as PowerStore words them ("Modify a volume group." is recorded); the rest
# follow the same pattern (job_description()).
DESCRIPTIONS = {("volume_group", "add_members"): "Add members to a volume group.",
                ("volume_group", "remove_members"): "Remove members from a volume group.",
                ("volume", "attach"): "Attach a volume to a host or host group.",
                ("volume", "detach"): "Detach a volume from a host or host group.",
                ("host", "attach"): "Attach a volume to a host.", ("host", "detach"): "Detach a volume from a host.",
                ("host_group", "attach"): "Attach a volume to a host group.",
                ("host_group", "detach"): "Detach a volume from a host group."}
EPOCH = 1735689600  # 2025-01-01T00:00:00Z, for reproducible creation timestamps


def ts(t):
    """ISO-8601 Zulu timestamp with milliseconds, as PowerStore returns them."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % int((t % 1) * 1000)


class PSError(Exception):
    """A PowerStore error reply: status + {"messages": [{code, severity, message_l10n, arguments}]}."""

    def __init__(self, status, message, arguments=(), headers=None, code=None):
        super().__init__(message)
        self.status, self.message, self.arguments, self.headers = status, message, list(arguments), headers or {}
        self.code = code


def error_body(status, message, arguments=(), code=None):
    msg = {"code": code or CODES.get(status, CODES[400]), "severity": "Error", "message_l10n": message}
    if arguments:
        # Recorded messages without arguments have no "arguments" key at all.
        msg["arguments"] = [str(a) for a in arguments]
    return {"messages": [msg]}


def json_type(value):
    return next(name for kind, name in JSON_TYPES if isinstance(value, kind))


def validation_error(detail):
    """A body the schema rejects, worded as PowerStore does (recorded by PyPowerStore)."""
    # The message ends with a full stop; the argument is the detail as it is.
    return PSError(400, "Validation failed: " + detail.rstrip(".") + ".", [detail], code=CODE_VALIDATION)


def type_error(path, value, allowed):
    return validation_error(f"[Path '{path}'] Instance type ({json_type(value)}) does not match any allowed "
                            f"primitive type (allowed: [{allowed}])")


def _at(path):
    # Recorded root-level messages carry no path; nested ones name it like the type error does.
    return f"[Path '{path}'] " if path else ""


TYPE_CHECKS = {"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
               "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
               "boolean": lambda v: isinstance(v, bool), "string": lambda v: isinstance(v, str),
               "array": lambda v: isinstance(v, list), "object": lambda v: isinstance(v, dict)}


def validate(body, name, definitions, path=""):
    """Check a request body against the compact definition `name`, as PowerStore's schema check does:
    unknown property, missing required property, wrong JSON type, range and length (400
    "Validation failed: ..."), or a value outside an enum (400 "Invalid REST request.", as recorded)."""
    if not isinstance(body, dict):
        if not path:
            raise PSError(400, "The request body must be a JSON object")
        raise type_error(path, body, "object")
    definition = definitions[name]
    props = definition.get("properties", {})
    if any(key not in props for key in body):
        raise validation_error(_at(path) + "Object instance has properties which are not allowed by the schema.")
    missing = [key for key in definition.get("required", ()) if key not in body]
    if missing:
        raise validation_error(_at(path) + "Object has missing required properties ([%s])" % ", ".join(missing))
    for key, value in body.items():
        check_value(value, props[key], definitions, f"{path}/{key}")


def check_value(value, prop, definitions, path):
    kind = prop.get("type")
    if value is None:
        if prop.get("nullable") or not kind:
            return
        raise type_error(path, value, kind)
    if kind in TYPE_CHECKS and not TYPE_CHECKS[kind](value):
        raise type_error(path, value, kind)
    if "enum" in prop and value not in prop["enum"]:
        raise PSError(400, "Invalid REST request.")
    if kind in ("integer", "number"):
        if "minimum" in prop and value < prop["minimum"]:
            raise validation_error(f"[Path '{path}'] Numeric instance is lower than the required minimum "
                                   f"(minimum: {prop['minimum']}, found: {value})")
        if "maximum" in prop and value > prop["maximum"]:
            raise validation_error(f"[Path '{path}'] Numeric instance is greater than the required maximum "
                                   f"(maximum: {prop['maximum']}, found: {value})")
    if kind == "string":
        if "minLength" in prop and len(value) < prop["minLength"]:
            raise validation_error(f"[Path '{path}'] String is too short (length: {len(value)}, "
                                   f"minimum required: {prop['minLength']})")
        if "maxLength" in prop and len(value) > prop["maxLength"]:
            raise validation_error(f"[Path '{path}'] String is too long (length: {len(value)}, "
                                   f"maximum allowed: {prop['maxLength']})")
    if kind == "array":
        if "minItems" in prop and len(value) < prop["minItems"]:
            raise validation_error(f"[Path '{path}'] Array is too short: must have at least {prop['minItems']} "
                                   f"elements but instance has {len(value)} elements")
        if "maxItems" in prop and len(value) > prop["maxItems"]:
            raise validation_error(f"[Path '{path}'] Array is too long: must have at most {prop['maxItems']} "
                                   f"elements but instance has {len(value)} elements")
    if kind == "array" and "items" in prop:
        for i, item in enumerate(value):
            check_value(item, prop["items"], definitions, f"{path}/{i}")
    if kind == "object" and prop.get("def") in definitions:
        validate(value, prop["def"], definitions, path)


# ---------------------------------------------------------------------------------------------
# Query language: filters, select, order, paging

def parse_select(text):
    """`a,b,rel(x,y)` -> {"a": None, "b": None, "rel": {"x": None, "y": None}} (spaces allowed)."""
    pos = 0

    def parse_list(end):
        nonlocal pos
        out = {}
        while True:
            m = re.compile(r"\s*([A-Za-z_][\w]*)\s*").match(text, pos)
            if not m:
                raise PSError(400, f"Invalid select near: {text[pos:pos + 20]!r}")
            name, pos = m.group(1), m.end()
            sub = None
            if pos < len(text) and text[pos] == "(":
                pos += 1
                sub = parse_list(")")
            out[name] = sub
            if pos < len(text) and text[pos] == ",":
                pos += 1
                continue
            if end == ")":
                if pos < len(text) and text[pos] == ")":
                    pos += 1
                    while pos < len(text) and text[pos] == " ":
                        pos += 1
                    return out
                raise PSError(400, "Invalid select: missing ')'")
            if pos != len(text):
                raise PSError(400, f"Invalid select near: {text[pos:pos + 20]!r}")
            return out

    return parse_list(None)


def project(obj, spec, resource):
    """Apply a parsed select to one full object; unknown attributes are a 400.  A relation may be a
    callable that renders it."""
    out = {}
    for name, sub in spec.items():
        if name not in obj or name.startswith("_"):
            raise PSError(400, f"Invalid attribute '{name}' in select for resource type {resource}", [name])
        value = obj[name]
        if callable(value):  # a relation rendered only when selected (objects that embed each other)
            value = value()
        if name in obj.get("_relations", ()):
            inner = sub or {"id": None}
            if isinstance(value, list):
                value = [project(v, inner, name) for v in value]
            elif value is not None:
                value = project(value, inner, name)
        elif sub is not None:
            raise PSError(400, f"'{name}' is not a relation and cannot take a nested select", [name])
        out[name] = value
    return out


def _fold(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value).casefold()


def _number(a, b):
    try:
        return float(a), float(b)
    except (TypeError, ValueError):
        return _fold(a), _fold(b)


def _ilike(pattern):
    return re.compile("".join(".*" if c in "*%" else re.escape(c) for c in pattern), re.IGNORECASE | re.DOTALL)


def make_filter(attr, expr, fields):
    """`attr=[not.]op.value` as a predicate.  Filtering is case-insensitive (developer guide)."""
    if attr not in fields:
        raise PSError(400, f"Invalid filter attribute '{attr}'", [attr])
    negate = expr.startswith("not.")
    if negate:
        expr = expr[4:]
    op, dot, value = expr.partition(".")
    if not dot:
        raise PSError(400, f"Invalid filter '{attr}={expr}': expected <operator>.<value>", [attr])
    if op == "in":
        if not (value.startswith("(") and value.endswith(")")):
            raise PSError(400, f"Invalid filter '{attr}=in.{value}': expected in.(a,b,...)", [attr])
        wanted = {v.strip().strip('"').casefold() for v in value[1:-1].split(",")}

        def pred(row):
            return _fold(row.get(attr)) in wanted
    elif op in ("eq", "neq"):
        def pred(row):
            return (_fold(row.get(attr)) == value.casefold()) == (op == "eq")
    elif op in ("gt", "gte", "lt", "lte"):
        cmp = {"gt": lambda a, b: a > b, "gte": lambda a, b: a >= b,
               "lt": lambda a, b: a < b, "lte": lambda a, b: a <= b}[op]

        def pred(row):
            if row.get(attr) is None:
                return False
            return cmp(*_number(row.get(attr), value))
    elif op == "ilike":
        rx = _ilike(value)

        def pred(row):
            return row.get(attr) is not None and bool(rx.fullmatch(str(row.get(attr))))
    elif op == "is":
        target = {"null": None, "true": True, "false": False}.get(value.lower(), "?")
        if target == "?":
            raise PSError(400, f"Invalid filter '{attr}=is.{value}': expected null, true or false", [attr])

        def pred(row):
            return row.get(attr) is target
    elif op == "cs":
        items = {v.strip().casefold() for v in value.strip("{}").split(",") if v.strip()}

        def pred(row):
            have = row.get(attr) or []
            return isinstance(have, list) and items <= {_fold(v) for v in have}
    else:
        raise PSError(400, f"Unsupported filter operator '{op}'", [op])
    return (lambda row: not pred(row)) if negate else pred


def page_window(req, total):
    """(offset, limit) from ?offset/?limit or the Range header; 416 when out of range."""
    rng = req.headers.get("Range")
    try:
        if rng:
            m = re.fullmatch(r"\s*(?:items=)?(\d+)-(\d+)\s*", rng)
            if not m or int(m.group(2)) < int(m.group(1)):
                raise PSError(416, f"Invalid Range header {rng!r}", [rng])
            offset, limit = int(m.group(1)), int(m.group(2)) - int(m.group(1)) + 1
        else:
            offset = int(req.param("offset", "0"))
            limit = int(req.param("limit", str(DEFAULT_LIMIT)))
    except ValueError:
        raise PSError(400, "offset and limit must be integers") from None
    if limit <= 0 or offset < 0:
        raise PSError(416, "limit must be at least 1 and offset at least 0")
    if offset >= total and not (offset == 0 and total == 0):
        raise PSError(416, f"The starting offset {offset} is beyond the {total} instances of the result set",
                      [offset, total])
    return offset, min(limit, MAX_LIMIT)


# ---------------------------------------------------------------------------------------------
# Model


class Job:
    def __init__(self, **kw):
        self.__dict__.update(kw)
        self.outcome = None       # None until evaluated, then "ok" or "fail"
        self.response_status = None
        self.response_body = None
        self.frozen_progress = None

    def state(self, now):
        t = now - self.submit
        d = self.duration
        if d > 0 and t < d * QUEUE_END:
            return "PENDING" if t < d * QUEUE_END / 2 else "QUEUED"
        if t < d or self.outcome is None:  # not yet evaluated: still running
            return "FAILING" if self.outcome == "fail" else "IN_PROGRESS"
        return "COMPLETED" if self.outcome == "ok" else "FAILED"

    def progress(self, state, now):
        if state in ("PENDING", "QUEUED"):
            return 0
        if state == "COMPLETED":
            return 100
        if self.frozen_progress is not None:
            return self.frozen_progress
        run = self.duration * (1 - QUEUE_END)
        return min(99, int(100 * (now - self.submit - self.duration * QUEUE_END) / run)) if run > 0 else 99

    def render(self, now):
        state = self.state(now)
        terminal = state in ("COMPLETED", "FAILED")
        status = self.response_status if terminal else None
        return {
            "id": self.id, "resource_action": self.action, "resource_type": self.resource_type,
            "resource_id": self.resource_id, "resource_name": self.resource_name,
            "description_l10n": job_description(self.resource_type, self.action), "state": state,
            "phase": PHASES[state],
            "start_time": ts(self.submit), "end_time": ts(self.submit + self.duration) if terminal else None,
            "estimated_completion_time": ts(self.submit + self.duration),
            "progress_percentage": self.progress(state, now), "parent_id": None, "root_id": self.id,
            "user": self.user, "response_body": self.response_body if terminal else None,
            "response_status": status, "step_order": 0,
            # Recorded jobs localise action and type as the lower-case words ("modify", "remote
            # support") and the response status as the status itself ("204").
            "resource_action_l10n": self.action, "resource_type_l10n": self.resource_type.replace("_", " "),
            "state_l10n": PHASES[state].replace("_", " "), "phase_l10n": PHASES[state].replace("_", " "),
            "response_status_l10n": status,
            "parent": None, "root": None, "children": [], "leafs": [],
            "_relations": ("parent", "root", "children", "leafs"),
        }


def job_description(resource_type, action):
    """`Modify a volume group.`: the action's words, an article and the type's words (`Send test
    alert for a remote support.` when the action is more than a verb)."""
    if (resource_type, action) in DESCRIPTIONS:
        return DESCRIPTIONS[(resource_type, action)]
    words = resource_type.replace("_", " ")
    article = "an" if words[0] in "aeiou" else "a"
    link = " for" if "_" in action else ""
    return "%s%s %s %s." % (action.replace("_", " ").capitalize(), link, article, words)


def response_type(resource_type, action, status):
    """The tag of a successful job's response_body (the spec's job_*_response definitions)."""
    return "job_create_response" if status == "201" else "job_%s_%s_response" % (resource_type, action)


def _uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sort_key(value):
    if isinstance(value, bool):
        return (0, int(value), "")
    if isinstance(value, (int, float)):
        return (0, value, "")
    return (1, 0, str(value).casefold())
