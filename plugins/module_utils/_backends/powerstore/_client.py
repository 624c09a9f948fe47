# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Dell PowerStore backend: login session, async requests and the job resource.

Wire format follows the PowerStore REST API (OpenAPI 4.1, base ``/api/rest``):
``GET /login_session`` with Basic auth returns a ``DELL-EMC-TOKEN`` header and an
``auth_cookie`` cookie, which later requests carry instead of Basic (changes need the
token). ``?is_async=true`` turns a change into a job (202 + ``{"id"}``) read at
``/job/{id}`` and listed at ``/job`` with PostgREST-style filters; a query returns
only ``id`` unless ``select=`` names the fields, and a partial page is a 206 with
``Content-Range: first-last/total``.
"""

from __future__ import annotations

import json
import re

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import format_time
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor, clip
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path

API = "powerstore"
BASE = "/api/rest"
MAX_LIMIT = 2000          # the API clamps limit to 2000
IDS_PER_POLL = 100        # ids per `id=in.(...)` query, so the URL stays well under 8 KB
JOB_FIELDS = ("id", "resource_action", "resource_type", "resource_id", "resource_name", "description_l10n",
              "state", "phase", "start_time", "end_time", "estimated_completion_time", "progress_percentage",
              "user", "response_status", "response_body")
JOB_SELECT = ",".join(JOB_FIELDS)
ACTIVE_STATES = ("PENDING", "QUEUED", "IN_PROGRESS", "FAILING")
# JobStateEnum -> lifecycle. FAILING "will not complete successfully, but has not completed
# clean up": keep polling (running) until FAILED / UNRECOVERABLE_FAILED. SKIPPED is defined
# upfront for non-disruptive upgrades and means the step was not needed: succeeded.
STATE_MAP = {
    "PENDING": lc.PENDING,
    "QUEUED": lc.PENDING,
    "IN_PROGRESS": lc.RUNNING,
    "FAILING": lc.RUNNING,
    "COMPLETED": lc.SUCCEEDED,
    "SKIPPED": lc.SUCCEEDED,
    "FAILED": lc.FAILED,
    "UNRECOVERABLE_FAILED": lc.FAILED,
}
VG_SELECT = ("id,name,description,type,is_write_order_consistent,protection_policy_id,qos_performance_policy_id,"
             "protection_policy(id,name),qos_performance_policy(id,name),volumes(id,name)")
POLICY_TYPES = ("Protection", "QoS")
# A volume as the volume module compares it: its fields, its mappings (host_volume_mapping rows),
# its group and the names of the related objects the spec lets a select embed.
VOLUME_SELECT = ("id,name,description,type,size,wwn,protection_policy_id,performance_policy_id,"
                 "mapped_volumes(id,host_id,host_group_id,logical_unit_number),volume_groups(id,name),"
                 "protection_policy(id,name)")
# The spec types job ids as strings; every id PowerStore hands out (202 replies, job rows in
# Dell's and OpenStack's recorded data) is a UUID.
JOB_ID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


check_job_id = lc.IdForm(JOB_ID, "a PowerStore job id", "job ids are UUIDs such as 1b6df699-7083-4440-912c-22e2ed89c530",
                         "a UUID")


# An unrecognised state that reads like an end (a newer release's value, say) is a finished
# job whose outcome cannot be read, not one to wait for until the deadline.
_FINISHED_WORDS = ("FAIL", "ERROR", "CANCEL", "ABORT", "COMPLETE", "DONE", "FINISH", "SUCCE",
                   "TIMED_OUT", "TIMEOUT", "STOPPED", "TERMINATED", "KILLED", "REJECTED", "EXPIRED")
# MessageSeverityEnum (Info, Warning, Error): Error in a response_body means the request failed.
_ERROR_SEVERITIES = ("ERROR",)


def raw_state(row):
    """The vendor state: ``state`` (deprecated but still sent), else ``phase`` upper-cased."""
    value = row.get("state") or row.get("phase")
    return str(value).upper() if value else None


def map_state(raw):
    return STATE_MAP.get(str(raw or "").upper(), lc.UNKNOWN)


def messages_text(body):
    """``response_body.messages`` (or an error body's) as one line; None when there are none."""
    if not isinstance(body, dict):
        return None
    parts = []
    for msg in body.get("messages") or []:
        if not isinstance(msg, dict):
            continue
        text = msg.get("message_l10n") or msg.get("message") or ""
        if msg.get("code"):
            text = "%s (%s)" % (text, msg["code"]) if text else msg["code"]
        if text:
            parts.append(text)
    return "; ".join(parts) or None


def _http_status(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _error_messages(body):
    """Messages of an error severity in a response_body (a job that says it failed)."""
    if not isinstance(body, dict):
        return []
    return [m for m in body.get("messages") or []
            if isinstance(m, dict) and str(m.get("severity") or "").upper() in _ERROR_SEVERITIES]


def _unreadable(why, row):
    shown = {k: row.get(k) for k in ("state", "phase", "end_time", "response_status", "response_body") if k in row}
    return "%s; the job was: %s" % (why, lc.gist(shown))


def job_record(row):
    """Normalise one ``job_instance``. Records that carry ``response_body`` are ``detailed``.

    A finished job whose outcome cannot be read is ``unknown`` and terminal: an unrecognised
    state on a job with an ``end_time`` (or a state that reads like an end), and a job whose
    state says ``COMPLETED`` ("completed successfully") while its ``response_status`` is an
    HTTP error or its ``response_body`` carries error messages.
    """
    if not isinstance(row, dict):
        raise ApiError("PowerStore returned a job that is not an object: %r" % (clip(row, 200),))
    raw = raw_state(row)
    state = map_state(raw)
    body = row.get("response_body")
    message = None
    terminal = None
    http = _http_status(row.get("response_status"))
    if state == lc.FAILED or raw == "FAILING":
        message = messages_text(body) or ("HTTP %s" % row["response_status"] if row.get("response_status") else None)
    elif state == lc.SUCCEEDED and ((http is not None and http >= 400) or _error_messages(body)):
        state, terminal = lc.UNKNOWN, True
        message = _unreadable("PowerStore reports the job %s but its response says it failed (%s)" % (
            raw, lc.gist(messages_text(body) or "HTTP %s" % row.get("response_status"), 120)), row)
    elif raw == "SKIPPED":
        message = "skipped (PowerStore did not need to run this step)"
    elif state == lc.UNKNOWN and (row.get("end_time") or any(word in (raw or "") for word in _FINISHED_WORDS)):
        terminal = True
        message = _unreadable("unrecognised job state %r on a finished job" % lc.gist(raw or "(none)", 40), row)
    progress = row.get("progress_percentage")
    if isinstance(progress, bool) or not isinstance(progress, (int, float)):
        progress = None
    if state == lc.SUCCEEDED:
        progress = 100
    targets = [t for t in (row.get("resource_id"), row.get("resource_name")) if t]
    extra = dict(resource_type=row.get("resource_type"), resource_id=row.get("resource_id"),
                 resource_name=row.get("resource_name"), description=row.get("description_l10n"),
                 phase=row.get("phase"), response_status=row.get("response_status"), target_ids=targets)
    if "response_body" in row:
        extra.update(response_body=body, detailed=True)
    return lc.job(API, row.get("id") or "", state, raw, progress=progress, message=message,
                  operation=row.get("resource_action"), submitted=row.get("start_time"),
                  completed=row.get("end_time"), terminal=terminal, **extra)


def parse_content_range(value):
    """``first-last/total`` -> (first, last, total); None when absent or unparsable."""
    try:
        span, total = str(value).strip().split("/", 1)
        first, last = span.split("-", 1)
        return int(first), int(last), int(total)
    except (AttributeError, ValueError):
        return None


def in_list(values):
    """A filter value ``in.(a,b)``; values with separators are double-quoted (PostgREST style)."""
    out = []
    for value in values:
        text = str(value)
        out.append('"%s"' % text.replace('"', '\\"') if any(c in text for c in ',()" ') else text)
    return "in.(%s)" % ",".join(out)


def error_detail(response):
    """The messages of a PowerStore error body, else an excerpt of the body."""
    try:
        text = messages_text(json.loads(response.text))
    except ValueError:
        text = None
    if text:
        return text
    body = clip(response.text, 200)
    return repr(body) if body else "an empty body"


def _condition_params(condition):
    """A listing condition: a dict of filters ({"state": "eq.FAILED"}) or a query string."""
    if not condition:
        return {}
    if isinstance(condition, dict):
        return dict(condition)
    from urllib.parse import parse_qsl
    pairs = parse_qsl(str(condition).lstrip("?"), keep_blank_values=True)
    if not pairs or any("." not in value for _key, value in pairs):
        raise InputError("PowerStore job condition must look like state=eq.FAILED&resource_type=eq.volume_group, got %r"
                         % (condition,))
    return dict(pairs)


class PowerStoreClient(object):
    """PowerStore REST over one Transport; also the wait-loop backend for its jobs."""

    api = API
    can_cancel = False

    def __init__(self, transport, application_type="asyncjobs.fleet"):
        self.transport = transport
        # Basic auth is for the login only; later requests carry the session token and cookie.
        self._credentials = transport.session.auth
        transport.session.auth = None
        transport.session.headers.update({"Accept": "application/json", "Application-Type": application_type})
        self.token = None
        self.logins = 0

    # -- session
    def login(self):
        """GET /login_session with Basic; keep DELL-EMC-TOKEN (header) and auth_cookie (cookie jar)."""
        if not self._credentials:
            raise InputError("PowerStore needs username and password (it has no API keys); set them or "
                             "POWERSTORE_USERNAME/POWERSTORE_PASSWORD")
        session = self.transport.session
        session.cookies.clear()
        session.headers.pop("DELL-EMC-TOKEN", None)
        session.auth = self._credentials
        try:
            resp = self.transport.request("GET", BASE + "/login_session",
                                          params={"select": "id,user,idle_timeout,is_password_change_required"},
                                          what="PowerStore login (GET /api/rest/login_session)")
        finally:
            session.auth = None
        token = resp.headers.get("DELL-EMC-TOKEN")
        if not token:
            raise ApiError("PowerStore login answered without a DELL-EMC-TOKEN header; is %s a PowerStore?"
                           % self.transport.base_url, status=resp.status)
        self.token = token
        self.logins += 1
        session.headers["DELL-EMC-TOKEN"] = token
        # Session secrets never appear in messages either.
        redact = self.transport.redact
        self.transport.redact = Redactor(list(redact.secrets) + [token, session.cookies.get("auth_cookie")])

    @staticmethod
    def _auth_problem(resp):
        if resp.status == 401:
            return True
        return resp.status == 403 and "token" in (resp.text or "").lower()

    def request(self, method, path, params=None, json=None, expect=(200,), what=None):
        """One API request; logs in first, and once more on an expired session (401 or token 403)."""
        if self.token is None:
            self.login()
        what = what or "%s %s%s" % (method, BASE, path)
        expect = tuple(expect)
        for attempt in (1, 2):
            resp = self.transport.request(method, BASE + path, params=params, json=json,
                                          expect=expect + (401, 403), what=what)
            if resp.status in expect:
                return resp
            if attempt == 1 and self._auth_problem(resp):
                # The request was refused unprocessed, so even a change may be sent again.
                self.login()
                continue
            break
        reason = {401: "authentication failed (check username/password)", 403: "permission denied"}[resp.status]
        raise ApiError(self.transport.redact("%s returned HTTP %s (%s): %s" % (what, resp.status, reason,
                                                                               error_detail(resp))),
                       status=resp.status, body=clip(resp.text, 2000, self.transport.redact, collapse=False))

    def change(self, method, path, body=None, what=None):
        """An async change (``?is_async=true``); returns the job id of the 202 reply."""
        resp = self._checked(method, path, params={"is_async": "true"}, json=body, expect=(202,), what=what)
        job_id = (resp.json() or {}).get("id") if isinstance(resp.json(), dict) else None
        if not job_id:
            raise ApiError("%s was accepted but the reply has no job id: %s" % (what or path, error_detail(resp)),
                           status=resp.status)
        return check_job_id(job_id, source="The reply to %s" % (what or path))

    def _checked(self, method, path, params=None, json=None, expect=(200,), what=None):
        """request() with PowerStore's error messages spelled out for 4xx/5xx replies."""
        what = what or "%s %s%s" % (method, BASE, path)
        resp = self.request(method, path, params=params, json=json, expect=tuple(expect) + tuple(
            s for s in (400, 404, 405, 409, 416, 422) if s not in expect), what=what)
        if resp.status not in expect:
            raise ApiError(self.transport.redact("%s returned HTTP %s: %s" % (what, resp.status, error_detail(resp))),
                           status=resp.status, body=clip(resp.text, 2000, self.transport.redact, collapse=False))
        return resp

    def get_all(self, path, params=None, page_size=MAX_LIMIT, limit=None, what=None):
        """Every row of a collection, paging with offset/limit until Content-Range's total."""
        page_size = max(1, min(int(page_size or MAX_LIMIT), MAX_LIMIT))
        rows = []
        pager = Pager(what or "GET %s%s" % (BASE, path), self.transport,
                      key=lambda row: row.get("id") if isinstance(row, dict) else None)
        offset = 0
        while not pager.done:
            query = dict(params or {}, offset=offset, limit=page_size)
            resp = self._checked("GET", path, params=query, expect=(200, 206), what=what)
            page = resp.json()
            if not isinstance(page, list):
                raise ApiError("%s: expected a JSON array, got %s" % (what or path, type(page).__name__),
                               status=resp.status)
            span = parse_content_range(resp.headers.get("Content-Range"))
            more = resp.status == 206 and span is not None and span[1] + 1 < span[2]
            rows.extend(pager.take(page, more))
            if limit is not None and len(rows) >= limit:
                return rows[:limit]
            # The next page starts after this one, as Content-Range numbers it.
            offset = span[1] + 1 if more else offset
        return rows

    # -- jobs (backend contract)
    def poll(self, ids):
        """All ids in one ``GET /job?id=in.(...)`` per 100 ids; unknown ids are read directly (404)."""
        ids = [check_job_id(i) for i in ids]
        found = {}
        for start in range(0, len(ids), IDS_PER_POLL):
            chunk = ids[start:start + IDS_PER_POLL]
            rows = self.get_all("/job", {"id": in_list(chunk), "select": JOB_SELECT}, what="GET PowerStore jobs")
            for row in rows:
                found[str(row.get("id"))] = job_record(row)
        for missing in [i for i in ids if i not in found]:
            found[missing] = self.results(missing)
        return {i: found[i] for i in ids}

    check_id = staticmethod(check_job_id)

    def results(self, job_id):
        job_id = check_job_id(job_id)
        resp = self._checked("GET", join_path("/job", job_id), params={"select": JOB_SELECT + ",parent_id,root_id,step_order"},
                             expect=(200, 404), what="GET PowerStore job %s" % job_id)
        if resp.status == 404:
            raise ApiError("PowerStore job %s was not found" % job_id, status=404)
        return job_record(resp.json())

    def list_jobs(self, condition=None, page_size=MAX_LIMIT, limit=None):
        params = _condition_params(condition)
        params.update(select=JOB_SELECT, order="start_time.asc")
        return [job_record(r) for r in self.get_all("/job", params, page_size, limit, what="GET PowerStore jobs")]

    @staticmethod
    def submitted_condition(after=None, before=None):
        """The job listing filter for jobs started at or after ``after`` and before ``before``
        (epoch seconds, either None); both bounds are two filters on ``start_time``."""
        bounds = []
        if after is not None:
            bounds.append("gte.%s" % format_time(after))
        if before is not None:
            bounds.append("lt.%s" % format_time(before))
        return {"start_time": bounds} if bounds else None

    def cancel(self, job_id):
        raise InputError("PowerStore jobs cannot be canceled: the PowerStore REST API has no job cancel or delete "
                         "endpoint (only GET /job and GET /job/{id}), so job %s keeps running. Wait for it with "
                         "asyncjobs.fleet.job_wait, or undo its effect with a new change afterwards." % job_id)

    def in_flight(self, resource_id=None, resource_name=None, action=None, resource_type="volume_group"):
        """Jobs still running on a resource (by id, or by name for creates); a list of ids or names
        asks for the jobs on any of them in the same listing."""
        return self.jobs_on(resource_id, resource_name, action, resource_type, states=ACTIVE_STATES)

    def jobs_on(self, resource_id=None, resource_name=None, action=None, resource_type="volume_group",
                states=None, since=None):
        """Jobs on a resource: in ``states`` (None: any) and started at ``since`` or later (epoch s)."""
        for key, value in (("resource_id", resource_id), ("resource_name", resource_name)):
            if isinstance(value, (list, tuple)) and len(value) > IDS_PER_POLL:
                # Chunks keep the URL short, as for polls.
                jobs = []
                for start in range(0, len(value), IDS_PER_POLL):
                    where = dict(resource_id=resource_id, resource_name=resource_name)
                    where[key] = value[start:start + IDS_PER_POLL]
                    jobs.extend(self.jobs_on(action=action, resource_type=resource_type, states=states, since=since,
                                             **where))
                return jobs
        condition = {"resource_type": "eq.%s" % resource_type}
        if states:
            condition["state"] = in_list(states)
        for key, value in (("resource_id", resource_id), ("resource_name", resource_name)):
            if isinstance(value, (list, tuple)):
                condition[key] = in_list(value)
            elif value:
                condition[key] = "eq.%s" % value
        if action:
            condition["resource_action"] = "eq.%s" % action
        if since is not None:
            condition["start_time"] = "gte.%s" % format_time(since)
        return self.list_jobs(condition)

    def find_submitted(self, action, resource_id=None, resource_name=None, since=None, resource_type="volume_group"):
        """Jobs that may be a change whose reply was lost: same action on the same resource, any
        state (it may have finished already); the caller applies the exact time window."""
        jobs = self.jobs_on(resource_id, resource_name, action, resource_type, since=since)
        return [j for j in jobs if j.get("operation") == action
                and (not resource_id or j.get("resource_id") == resource_id)
                and (not resource_name or j.get("resource_name") == resource_name)]

    # -- volume groups and policies
    def volume_group(self, name):
        rows = self.get_all("/volume_group", {"name": "eq.%s" % name, "select": VG_SELECT},
                            what="GET PowerStore volume group %s" % name)
        wanted = name.casefold()
        for row in rows:
            if str(row.get("name", "")).casefold() == wanted:
                return row
        return None

    def policies(self):
        return self.get_all("/policy", {"type": in_list(POLICY_TYPES), "select": "id,name,type"},
                            what="GET PowerStore policies")

    # -- volumes, and the objects a volume refers to
    def volumes(self, names=(), ids=()):
        """The volumes with any of these names (snapshots excluded: their names are only unique per
        source) or ids: one listing per 100 names and per 100 ids, rows in VOLUME_SELECT's form."""
        found = {}
        for key, values in (("name", names), ("id", ids)):
            values = list(dict.fromkeys(v for v in values if v))
            for start in range(0, len(values), IDS_PER_POLL):
                query = {key: in_list(values[start:start + IDS_PER_POLL]), "select": VOLUME_SELECT}
                if key == "name":
                    query["type"] = "neq.Snapshot"
                for row in self.get_all("/volume", query, what="GET PowerStore volumes"):
                    found[row.get("id")] = row
        return list(found.values())

    def named(self, resource_type, where=None, select="id,name"):
        """Every instance of a resource type (hosts, host groups, volume groups, policies) in one
        listing (paged past 2000), to resolve the names and ids a task refers to."""
        return self.get_all("/" + resource_type, dict(where or {}, select=select),
                            what="GET PowerStore %ss" % resource_type.replace("_", " "))

    # -- any resource (powerstore_resource): reads by id or by name
    def instance(self, resource, instance_id, select):
        """One instance of ``resource`` with the ``select`` attributes; None when PowerStore answers 404."""
        path = join_path("", resource, instance_id)
        what = "GET PowerStore %s %s" % (resource.replace("_", " "), instance_id)
        resp = self._checked("GET", path, params={"select": select}, expect=(200, 404), what=what)
        if resp.status == 404:
            return None
        row = resp.json()
        if not isinstance(row, dict):
            raise ApiError("%s: expected a JSON object, got %s" % (what, type(row).__name__), status=resp.status)
        return row

    def by_name(self, resource, name, select):
        """The instances of ``resource`` that ``name=eq.<name>`` finds, with the ``select`` attributes."""
        return self.get_all(join_path("", resource), {"name": "eq.%s" % name, "select": select},
                            what="GET PowerStore %s %s" % (resource.replace("_", " "), name))
