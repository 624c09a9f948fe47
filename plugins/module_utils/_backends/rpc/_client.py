# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Async RPC backend in the style of the Seagate NAS OS "NAS API".

Every call is an HTTP POST of a JSON object of named parameters to
``/api/external/<version>/<module>.<Service>.<method>``; the reply is a JSON object of
named outputs, typed objects travel as ``{"__type__": T, "__properties__": {...}}``
and lists as a ``ResultSet``. Functions declared ``async: true`` take a ``client_ref``
and return a ``job_id``; ``<function>_result(job_id)`` returns the outputs or raises the
error the synchronous call would have raised. Jobs are read with the job service's
``get_job_status(job_id)`` and ``get_jobs_list(list_info, with_parameters)``.

Every request is signed (``HMAC-SHA1-DATE``, see :class:`HmacSha1DateAuth`); errors carry at
least ``{"text": "<message>"}``.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import json
import re
import time
import zlib

try:
    from requests.auth import AuthBase
except ImportError:  # pragma: no cover - the Transport reports the missing library
    AuthBase = object

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
# The HMAC key; defined with the credentials, which redact it without loading this client.
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import signing_key
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import parse_time
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import clip

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


# ---------------------------------------------------------------- client

class RpcClient(object):
    """The NAS API over one Transport; also the wait-loop backend for its async jobs."""

    api = API
    can_cancel = False  # the service defines no cancel method
    check_id = staticmethod(check_job_id)

    def __init__(self, transport, version=None):
        self.transport = transport
        # A url that already ends in /api/external/<version> fixes the version.
        match = _URL_VERSION.search(transport.base_url)
        self.url_version = match.group(1) if match else None
        self.version = self.url_version or DEFAULT_VERSION
        if version is not None:
            self.set_version(version)

    def set_version(self, version):
        version = check_version(version)
        if self.url_version and version != self.url_version:
            raise InputError("api_version %s contradicts the url, which ends in /api/external/%s"
                             % (version, self.url_version))
        self.version = version

    def path(self, function):
        if self.url_version:
            return function
        return "/api/external/%s/%s" % (self.version, function)

    def call(self, function, arguments=None, read_only=False):
        """POST one call; returns its outputs (a dict) or raises RpcError/ApiError.

        Only read-only calls are retried on server errors: a state-changing call that may
        have run is never blindly sent again.
        """
        function = check_function(function)
        resp = self.transport.request(
            "POST", self.path(function), json=arguments or {}, headers={"Accept": "application/json"},
            expect=(200,) + ERROR_STATUSES, safe=read_only, what="RPC %s" % function)
        if resp.status != 200:
            try:
                data = resp.json()
            except ApiError:
                data = resp.text  # a proxy's page: error_from quotes an excerpt
            # The error body may echo credentials (the request's signature among them).
            error = error_from(resp.status, self.transport.redact.data(data), function)
            error.msg = self.transport.redact(error.msg)
            raise error
        data = resp.json()
        if not isinstance(data, dict):
            raise ApiError("RPC %s returned %s instead of a JSON object of outputs" % (function, _excerpt(data)),
                           status=resp.status)
        return data

    def _jobs(self, method, arguments):
        return self.call("%s.%s" % (JOBS_SERVICE, method), arguments, read_only=True)

    def submit(self, function, arguments, client_ref):
        """Call an async function; returns the job id (str)."""
        out = self.call(function, dict(arguments, client_ref=client_ref))
        job_id = out.get("job_id")
        if isinstance(job_id, bool) or not isinstance(job_id, int):
            raise ApiError("RPC %s returned no integer job_id (is it an async function?): %s" % (function, _excerpt(out)))
        return str(job_id)

    def job_status(self, job_id):
        out = self._jobs("get_job_status", {"job_id": job_number(job_id)})
        return job_from_async(out.get("async_job"), "job %s" % job_id)

    def jobs_page(self, offset, limit, criteria=None):
        """One get_jobs_list call, newest first: (total matching, [records]). ``limit`` -1 is every match.

        The filter travels as ``search_parameters``, a Dict of Unicode, and an empty
        ``with_parameters`` List goes next to ``list_info``, as real NAS API clients send them.
        """
        props = {"offset": offset, "limit": limit, "order": NEWEST_FIRST,
                 "search_parameters": {"__type__": "Dict", "__sub_type__": "Unicode", "__elements__": dict(criteria or {})}}
        out = self._jobs("get_jobs_list", {"list_info": {"__type__": "ListInfo", "__properties__": props},
                                           "with_parameters": {"__type__": "List", "__sub_type__": "Unicode",
                                                               "__elements__": []}})
        rset = out.get("async_jobs")
        if not isinstance(rset, dict) or not isinstance(rset.get("__elements__"), list):
            raise ApiError("get_jobs_list returned no ResultSet: %s" % _excerpt(out))
        total = rset.get("__total_items__")
        rows = [job_from_async(e, "get_jobs_list element") for e in rset["__elements__"]]
        return (total if isinstance(total, int) else None), rows

    def _pages(self, criteria, page_size):
        """The listing's new rows, page by page (a row shifted onto the next page comes once)."""
        pager = Pager("get_jobs_list", self.transport, key=lambda row: row["id"])
        while not pager.done:
            total, rows = self.jobs_page(pager.count, page_size, criteria)
            # The total decides; a short page only ends a listing that gives no total.
            read = pager.count + len(rows)
            more = read < total if total is not None else (page_size != ALL and len(rows) >= page_size)
            yield pager.take(rows, more)

    def list_jobs(self, condition=None, page_size=LISTING_PAGE, limit=None):
        """Every job of the listing (all pages; with ``limit``, the newest), oldest first.

        ``condition`` is a dict of search parameters: ``name_starts_with`` and/or ``status``
        (an AsyncJobStatus name or code; sent as the integer code, as real clients send
        enumerations). ``page_size`` -1 (ALL) asks for every match at once; the client still
        pages on if the service answers with fewer than its total.
        """
        criteria = dict(condition or {})
        if isinstance(criteria.get("status"), str):
            if criteria["status"] not in STATUS_CODES:
                raise InputError("status must be one of %s" % ", ".join(STATUS_CODES))
            criteria["status"] = STATUS_CODES[criteria["status"]]
        if page_size != ALL and page_size < 1:
            raise InputError("page_size must be at least 1")
        seen = {}
        for rows in self._pages(criteria, page_size):
            for row in rows:
                # Newer jobs arriving between pages shift the listing: de-duplicate by id.
                seen[row["id"]] = row
            if limit is not None and len(seen) >= limit:
                break
        out = sorted(seen.values(), key=lambda r: _sort_key(r["id"]))
        if limit is not None:
            # The listing is newest first, so a limit keeps the newest jobs.
            out = out[max(0, len(out) - limit):] if limit > 0 else []
        return out

    def poll(self, ids, page_size=LISTING_PAGE):
        """Wait-loop backend. One job: get_job_status. Many: get_jobs_list pages, filtered here.

        The listing is newest first, so the jobs being waited for are normally on its first
        page: one request per round however many jobs. A job the listing does not show is
        asked for directly, so an unknown id fails instead of hanging.
        """
        ids = [str(i) for i in ids]
        numbers = dict((i, job_number(i)) for i in ids)
        if len(ids) == 1:
            return {ids[0]: self.job_status(ids[0])}
        wanted = dict((n, i) for i, n in numbers.items())
        found = {}
        for rows in self._pages({}, page_size):
            for row in rows:
                key = wanted.get(_int(row["id"]))
                if key is not None:
                    found[key] = row
            if len(found) == len(wanted):
                break
        for job_id in ids:
            if job_id not in found:
                found[job_id] = self.job_status(job_id)
        return found

    def result_of(self, record):
        """Add the ``<function>_result`` outcome to a finished job's record.

        ``result`` holds the outputs of a COMPLETED job; ``error`` the Error object its
        ``_result`` raised (a FAILED job raises the error of the synchronous call).
        """
        record = dict(record, result=None, error=None, detailed=True)
        if not record["terminal"]:
            return record
        name = record.get("operation")
        if not name or not FUNCTION.match(name):
            record["message"] = "the service does not name the job's function, so its result cannot be read"
            return record
        try:
            record["result"] = self.call(name + "_result", {"job_id": job_number(record["id"])}, read_only=True)
        except RpcError as exc:
            if exc.status == 401:
                raise  # the request was refused, not the job's error
            record["error"] = exc.error
            error = exc.error or {}
            message = error.get("message") or error.get("text") or ""
            record["message"] = "%s: %s" % (exc.code, message) if exc.code else message
        return record

    def results(self, job_id):
        """get_job_status, then the function's ``_result`` once the job has finished."""
        return self.result_of(self.job_status(job_id))

    def find_in_flight(self, function, client_ref, page_size=ALL):
        """In-flight jobs of ``function`` carrying ``client_ref``, oldest first.

        One filtered listing per in-flight status, in lifecycle order, so a job moving on
        between two of them is still seen. The filter leaves only the function's in-flight
        jobs, so each listing asks for all of them at once (limit -1).
        """
        out = {}
        for status in IN_FLIGHT:
            for row in self.list_jobs({"name_starts_with": function, "status": status}, page_size=page_size):
                if row.get("operation") == function and row.get("client_ref") == client_ref:
                    out[row["id"]] = row
        return sorted(out.values(), key=lambda r: _sort_key(r["id"]))

    def find_submitted(self, function, client_ref, since=None, page_size=LISTING_PAGE, max_pages=3):
        """Jobs of ``function`` carrying ``client_ref`` in any state (a call whose reply was lost).

        The listing is newest first: pages are read until one holds only jobs submitted
        before ``since`` (epoch seconds, server clock), at most ``max_pages``. The caller
        applies the exact time window, which tells this call from an earlier identical one.
        """
        out = []
        for number, rows in enumerate(self._pages({"name_starts_with": function}, page_size)):
            out.extend(r for r in rows if r.get("operation") == function and r.get("client_ref") == client_ref)
            times = [parse_time(r.get("submitted")) for r in rows]
            if number + 1 >= max_pages or (since is not None and times and all(
                    t is not None and t[0] + t[1] < since for t in times)):
                break
        return sorted(out, key=lambda r: _sort_key(r["id"]))

    def cancel(self, job_id):
        raise InputError("RPC jobs cannot be canceled: the NAS API async mechanism defines no cancel method "
                         "(job %s keeps running; a PAUSED job resumes only on the NAS)" % (job_id,))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _sort_key(job_id):
    number = _int(job_id)
    return (0, number, "") if number is not None else (1, 0, str(job_id))
