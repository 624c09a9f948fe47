# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The async RPC service's protocol: request signing (HMAC-SHA1-DATE), the checks of function
names, arguments and ids, and its AsyncJob objects and errors as normalised records."""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import json
import re
import time
import zlib

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import signing_key
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import clip


try:
    from requests.auth import AuthBase
except ImportError:  # pragma: no cover - the Transport reports the missing library
    AuthBase = object

API = "rpc"
DEFAULT_VERSION = "8.0"
JOBS_SERVICE = "system.Jobs"
# AsyncJobStatus from the IDL.
STATUS = {-1: "UNKNOWN", 1: "INIT", 2: "RUNNING", 3: "PAUSED", 4: "COMPLETED", 5: "FAILED"}
STATUS_CODES = dict((name, code) for code, name in STATUS.items())
STATES = {"INIT": lc.PENDING, "RUNNING": lc.RUNNING, "PAUSED": lc.PAUSED, "COMPLETED": lc.SUCCEEDED,
          "FAILED": lc.FAILED, "UNKNOWN": lc.UNKNOWN}
IN_FLIGHT = ("INIT", "RUNNING", "PAUSED")
LISTING_PAGE = 100
# ListInfo limit meaning "every match" (SDK, and the public clients' default).
ALL = -1
# Newest first: the jobs a poller waits for, or a lost submission's job, are on the first page.
NEWEST_FIRST = {"__type__": "Ordering", "__properties__": {"asc": False, "order_by": "id"}}
# Statuses whose body is worth parsing (an Error object or {"text": ...}). 5xx keep the
# transport's generic message and its retries for reads.
ERROR_STATUSES = (400, 401, 403, 404, 409, 422)
AUTH_SCHEME = "HMAC-SHA1-DATE"
# The text of the 401 the service answers once it has blocked an address after failed sign-ins.
IP_BLOCKED = "Ip blocked"
FUNCTION = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){2,}$")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
VERSION = re.compile(r"^[0-9]+(\.[0-9]+)*$")
_URL_VERSION = re.compile(r"/api/external/([^/]+)$")
INT32 = (-(2 ** 31), 2 ** 31 - 1)


class RpcError(ApiError):
    """An Error object returned by the service (``code``, ``message`` and its other properties)."""

    def __init__(self, msg, status=None, code=None, error=None, **result):
        super(RpcError, self).__init__(msg, status=status, error=error, **result)
        self.code = code
        self.error = error


# ---------------------------------------------------------------- request signing

def http_date(timestamp):
    """RFC 1123 date in GMT (locale-independent; the service wants "GMT", not "UTC")."""
    return email.utils.formatdate(timestamp, usegmt=True)


def signature(key, method, path, date, body):
    """base64(HMAC-SHA1(key, "<METHOD> <path[?query]>\\nDate: <date>\\n" + exact body bytes))."""
    if body is None:
        body = b""
    elif isinstance(body, str):
        body = body.encode("utf-8")
    message = ("%s %s\nDate: %s\n" % (method, path, date)).encode("utf-8") + bytes(body)
    return base64.b64encode(hmac.new(key.encode("ascii"), message, hashlib.sha1).digest()).decode("ascii")


class HmacSha1DateAuth(AuthBase):
    """requests auth that signs each prepared request: ``DATE-AUTH`` and ``AUTHENTICATION`` headers.

    requests calls it for every attempt, so a retried request carries a fresh date. It signs
    the prepared body bytes and ``path_url`` (path and query) exactly as they are sent.
    """

    def __init__(self, username, password, clock=time.time):
        self.user = base64.b64encode(str(username).encode("utf-8")).decode("ascii")
        self.key = signing_key(password)
        self.clock = clock
        # Told each signature: a server echoing the request would show it, and it stays valid
        # (replayable) for as long as the service accepts its date.
        self.on_sign = None

    def __call__(self, request):
        date = http_date(self.clock())
        sig = signature(self.key, request.method, request.path_url, date, request.body)
        if self.on_sign is not None:
            self.on_sign(sig)
        request.headers["DATE-AUTH"] = date
        request.headers["AUTHENTICATION"] = "%s %s:%s" % (AUTH_SCHEME, self.user, sig)
        return request

    def __repr__(self):
        return "HmacSha1DateAuth(%s)" % self.user  # never the key


# ---------------------------------------------------------------- input checks

def check_function(function):
    """``<module>.<Service>.<method>`` (the module part may itself be dotted)."""
    text = str(function or "").strip()
    if not FUNCTION.match(text):
        raise InputError("function must be <module>.<Service>.<method>, for example storage.Disks.run_smart_test; got %r"
                         % (function,))
    return text


def check_version(version):
    text = str(version).strip()
    if not VERSION.match(text):
        raise InputError("api_version must look like 8.0, got %r" % (version,))
    return text


def check_arguments(arguments):
    """The named parameters of a call: a mapping of identifiers to JSON values."""
    if arguments is None:
        return {}
    if not isinstance(arguments, dict):
        raise InputError("arguments must be a mapping of parameter names to values, got %s" % type(arguments).__name__)
    for name in arguments:
        if not isinstance(name, str) or not IDENTIFIER.match(name):
            raise InputError("arguments: %r is not a valid parameter name" % (name,))
    try:
        json.dumps(arguments)
    except (TypeError, ValueError) as exc:
        raise InputError("arguments cannot be sent as JSON: %s" % exc)
    return dict(arguments)


def derive_client_ref(function, arguments):
    """A stable client_ref for a call: CRC-32 of the canonical JSON of [function, arguments], 31 bits.

    The same call gets the same reference on every run and controller, so a re-run can find
    its own in-flight job; a different call (other arguments) gets a different one.
    """
    canonical = json.dumps([function, arguments], sort_keys=True, separators=(",", ":"))
    return zlib.crc32(canonical.encode("utf-8")) & 0x7FFFFFFF


def check_client_ref(value):
    if isinstance(value, bool) or not isinstance(value, int) or not INT32[0] <= value <= INT32[1]:
        raise InputError("client_ref must be a 32-bit integer, got %r" % (value,))
    return value


# Job ids are Integers on the wire. At most 19 digits (a 64-bit id): Python refuses to convert
# much longer digit strings at all.
check_job_id = lc.IdForm(r"-?[0-9]{1,19}", "an RPC job id", "job ids are integers of at most 19 digits",
                         "an integer")


def job_number(job_id):
    return int(check_job_id(job_id))


# ---------------------------------------------------------------- typed objects

def properties(obj, type_name, what):
    """Properties of a typed object (a plain object is taken as its own properties)."""
    if not isinstance(obj, dict):
        raise ApiError("%s: expected a %s object, got %s" % (what, type_name, _excerpt(obj)))
    if "__properties__" in obj:
        if obj.get("__type__") not in (None, type_name):
            raise ApiError("%s: expected a %s object, got a %s" % (what, type_name, obj.get("__type__")))
        props = obj["__properties__"]
        if not isinstance(props, dict):
            raise ApiError("%s: %s properties are not an object" % (what, type_name))
        return props
    return obj


def _clip(text, limit=500):
    return clip(text, limit)


def _excerpt(value, limit=200):
    text = json.dumps(value) if not isinstance(value, str) else value
    return repr(clip(text, limit, collapse=False))


def job_from_async(obj, what="AsyncJob"):
    """Normalise an AsyncJob: INIT->pending, RUNNING->running, PAUSED->paused,
    COMPLETED->succeeded, FAILED->failed, UNKNOWN or anything else->unknown; progress -1->None.

    ``unknown`` is waited for, since the IDL's AsyncJob has no field that says the job ended,
    unless the job carries a ``completed`` time: then it has finished and its outcome cannot
    be read (``unknown``, terminal).
    """
    props = properties(obj, "AsyncJob", what)
    job_id = props.get("id")
    if job_id is None or isinstance(job_id, bool):
        raise ApiError("%s has no id: %s" % (what, _excerpt(obj)))
    code = props.get("status")
    raw = STATUS.get(code) if isinstance(code, int) and not isinstance(code, bool) else None
    state = STATES.get(raw, lc.UNKNOWN)
    terminal = message = None
    if state == lc.UNKNOWN and props.get("completed"):
        terminal = True
        message = "the job has a completed time but status %s, so its outcome cannot be read; the job was: %s" % (
            lc.gist(raw or code, 40), lc.gist({k: props.get(k) for k in ("status", "progress", "completed")}))
    progress = props.get("progress")
    if isinstance(progress, bool) or not isinstance(progress, (int, float)) or progress < 0:
        progress = None
    name = props.get("name")
    name = name if isinstance(name, str) else None
    return lc.job(API, job_id, state, raw or ("%s" % (code,)), progress=progress, message=message, terminal=terminal,
                  operation=name, description=name.rsplit(".", 1)[-1] if name else None,
                  submitted=props.get("submitted"), completed=props.get("completed"),
                  client_ref=props.get("client_ref"), status_code=code,
                  # An AsyncJob does not say which resources it touches.
                  target_ids=[])


def error_from(status, data, function):
    """RpcError from the service's error envelope, or ApiError when the body is something else.

    The envelope is at least ``{"text": "<message>"}`` (what real clients read); a typed Error
    object (``code``, ``message``...) is read too.
    """
    props = None
    if isinstance(data, dict) and data.get("__type__") == "Error" and isinstance(data.get("__properties__"), dict):
        props = data["__properties__"]
    text = data.get("text") if isinstance(data, dict) and isinstance(data.get("text"), str) else None
    # Untrusted: one line, and short enough for a task message.
    text = _clip(text) if text and text.strip() else None
    if status == 401:
        return _refused(status, function, text, props, data)
    if props is not None:
        code = str(props.get("code") or "Error")
        message = str(props.get("message") or text or "").strip()
        return RpcError("RPC %s failed: %s%s" % (function, code, ": " + message if message else ""),
                        status=status, code=code, error=dict(props))
    if text:
        return RpcError("RPC %s failed (HTTP %s): %s" % (function, status, text), status=status, code=None,
                        error={"text": text})
    return ApiError("RPC %s returned HTTP %s without an error text: %s" % (function, status, _excerpt(data)),
                    status=status)


def _refused(status, function, text, props, data):
    """The 401 of a signed request: a blocked address, or a signature the service did not accept."""
    if text == IP_BLOCKED:
        return RpcError("RPC %s was refused (HTTP 401, %r): the service blocks an address after too many failed "
                        "sign-ins. Wait at least 15 seconds, and check username and password (RPC_USERNAME/"
                        "RPC_PASSWORD) before trying again" % (function, text), status=status, code=None,
                        error={"text": text})
    detail = text or (props or {}).get("message") or _excerpt(data)
    return RpcError("RPC %s: authentication failed (HTTP 401): %s. Requests are signed with the username, the "
                    "password and the controller's clock: check username and password (RPC_USERNAME/RPC_PASSWORD) "
                    "and that the controller's clock is right" % (function, detail), status=status, code=None,
                    error=dict(props) if props is not None else {"text": text})
