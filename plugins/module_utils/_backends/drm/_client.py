# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Digi Remote Manager backend: SCI requests, async SCI jobs and DeviceCore.

Wire format follows Digi's SCI documentation: an ``<sci_request>`` envelope POSTed to
``/ws/sci``; ``synchronous="false"`` answers 202 with a ``jobId``; jobs are read at
``/ws/sci/{id}`` and listed at ``/ws/sci``; per-device errors travel inside 200/202
replies, so every reply is parsed device by device.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._requirements import HAS_XMLTODICT, xmltodict
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import format_time
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Transport, clip, join_path

API = "drm"
# The operations the collection itself submits. Replies and jobs are read whatever the
# operation (reboot, file_system, data_service... from other clients).
OPERATIONS = ("send_message", "update_firmware", "disconnect", "query_firmware_targets")
# Listing enum from Digi's async SCI doc: 0 new, 1 in_progress, 2 complete, 3 canceled.
JOB_STATUS = {"0": "new", "1": "in_progress", "2": "complete", "3": "canceled"}
JOB_TYPES = {"0": "send_message", "1": "update_firmware", "2": "disconnect"}
# Job ids are integers (Digi's library parses them with int()); 19 digits is a 64-bit id.
JOB_ID = re.compile(r"[0-9]{1,19}")
DEVICE_ID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{8}-[0-9A-Fa-f]{8}-[0-9A-Fa-f]{8}$")
ERR_NOT_CONNECTED = "2001"
ERR_DISCONNECTED_DURING = "2006"
LISTING_PAGE = 1000
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


# ---------------------------------------------------------------- XML helpers

def parse_xml(text, what):
    """Parse XML, refusing DTDs so entity-expansion and external-entity tricks never run."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = "" if text is None else str(text)
    if _DTD.search(text):
        raise InputError("%s contains a DTD or entity declaration, which is refused for safety" % what)
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError("%s is not well-formed XML: %s" % (what, exc))


def parse_reply(response, what):
    """Parse a server reply; a non-XML body becomes an ApiError naming what came back."""
    text = response.text
    if not text.strip():
        detail = "got an empty body"
    elif text.lstrip().lower().startswith(("<!doctype html", "<html")):
        detail = "got an HTML page instead of an API response (a proxy, login or error page?)"
    else:
        try:
            return parse_xml(text, "the body")
        except InputError as exc:
            detail = exc.msg
    raise ApiError("%s: expected XML from Remote Manager (HTTP %s) but %s" % (what, response.status, detail),
                   status=response.status, body=clip(text, 2000, collapse=False))


def _sci_reply_or_none(response):
    """The ``<sci_reply>`` root of an error reply, or None when the body is something else."""
    try:
        root = parse_xml(response.text, "the body")
    except InputError:
        return None
    return root if root.tag == "sci_reply" else None


def to_data(element):
    """An element as plain data (dict/str), for returning replies to the user."""
    if element is None:
        return None
    text = ET.tostring(element, encoding="unicode")
    if HAS_XMLTODICT:
        return xmltodict.parse(text, disable_entities=True)
    return text


def check_payload(payload):
    """Validate an RCI payload before anything is sent; returns it stripped."""
    if payload is None or not str(payload).strip():
        raise InputError("payload must be a non-empty RCI XML document, e.g. <rci_request version=\"1.1\"><query_setting/></rci_request>")
    payload = str(payload).strip()
    parse_xml(payload, "payload")
    return payload


check_job_id = lc.IdForm(JOB_ID, "a Remote Manager job id", "job ids are whole numbers such as 600001",
                         "a whole number such as 600001")


# ---------------------------------------------------------------- targets

def targets_from_params(params):
    """SCI targets from module options; InputError when none or malformed."""
    targets = []
    for device in params.get("devices") or []:
        device = str(device).strip()
        if not DEVICE_ID.match(device):
            raise InputError("devices: %r is not a Remote Manager device id "
                             "(expected 00000000-00000000-00409DFF-FF000001 style)" % (device,))
        targets.append(("device", device.upper()))
    for tag in params.get("tags") or []:
        if not str(tag).strip():
            raise InputError("tags must not contain empty strings")
        targets.append(("tag", str(tag).strip()))
    for group in params.get("groups") or []:
        if not str(group).strip():
            raise InputError("groups must not contain empty strings")
        targets.append(("group", str(group).strip().strip("/")))
    if params.get("all_devices"):
        targets = [("all", "all")]
    if not targets:
        raise InputError("no targets: set at least one of devices, tags, groups or all_devices")
    return targets


def targets_xml(targets):
    parts = []
    for kind, value in targets:
        if kind == "device":
            parts.append("<device id=%s/>" % quoteattr(value))
        elif kind == "all":
            parts.append('<device id="all"/>')
        elif kind == "tag":
            parts.append("<device tag=%s/>" % quoteattr(value))
        elif kind == "group":
            parts.append("<group path=%s/>" % quoteattr(value))
    return "<targets>%s</targets>" % "".join(parts)


def _attr_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build_sci(operation, targets, payload="", attrs=None):
    """The SCI envelope for one operation; attribute names are SCI's camelCase."""
    if operation not in OPERATIONS:
        raise InputError("unknown SCI operation %r" % (operation,))
    attr_text = "".join(" %s=%s" % (k, quoteattr(_attr_value(v)))
                        for k, v in sorted((attrs or {}).items()) if v is not None)
    return '<sci_request version="1.0"><%s%s>%s%s</%s></sci_request>' % (
        operation, attr_text, targets_xml(targets), payload or "", operation)


def file_reference(path):
    """``<file>`` element pointing at a Data Services path (``/~/...``)."""
    path = str(path)
    if not path.startswith("/~/"):
        path = "/~/" + path.lstrip("/")
    return "<file>%s</file>" % escape(path)


# ---------------------------------------------------------------- reply parsing

def _error_text(err):
    """Text of one ``<error>``: ``<desc>`` (plus any ``<hint>``), else its own text."""
    desc = err.findtext("desc")
    text = (desc if desc is not None else (err.text or "")).strip() or "error"
    hint = (err.findtext("hint") or "").strip()
    # Device text is untrusted: one capped line, no control characters.
    return lc.gist("%s (%s)" % (text, hint) if hint else text)


def _find_error(element):
    """First error below element as (id, text), else None.

    Digi's forms: ``<error id="2001"><desc>..</desc></error>``, ``<error id="1">text</error>``
    (file_system commands, inside ``<commands>``), plain ``<error>text</error>``, an optional
    ``<hint>``; and a data_service ``<device_request status="N">`` with a non-zero status.
    """
    for err in element.iter("error"):
        return err.get("id"), _error_text(err)
    for request in element.iter("device_request"):
        status = (request.get("status") or "0").strip()
        if status != "0":
            text = lc.gist(request.text or "", 120)
            return None, "device_request %s returned status %s%s" % (
                lc.gist(request.get("target_name") or "?", 60), lc.gist(status, 20), ": " + text if text else "")
    return None


def device_results(op_element):
    """Per-device results of an SCI reply: {id: {ok, error_id, error, reply}}."""
    results = {}
    if op_element is None:
        return results
    for dev in op_element.findall("device"):
        dev_id = dev.get("id")
        if not dev_id:
            continue
        err = _find_error(dev)
        children = list(dev)
        body = children[0] if len(children) == 1 else None
        reply = to_data(body) if body is not None and body.tag != "error" else None
        # A device that drops its connection while a disconnect runs has done what was asked:
        # Digi's own test counts this 2006 reply as a successful disconnect.
        done = err is not None and op_element.tag == "disconnect" and err[0] == ERR_DISCONNECTED_DURING
        results[dev_id] = {
            "ok": err is None or done,
            "error_id": err[0] if err else None,
            "error": err[1] if err else None,
            "reply": reply,
        }
    return results


def device_progress(op_element):
    """Latest progress per device from a ``?progress=true`` reply: {id: (percent, message)}."""
    out = {}
    if op_element is None:
        return out
    for dev in op_element.findall("device"):
        entries = dev.findall("progress")
        if entries:
            last = entries[-1]
            try:
                pct = int(last.get("status"))
            except (TypeError, ValueError):
                pct = None
            out[dev.get("id")] = (pct, (last.text or "").strip())
    return out


def _find_error_text(root):
    """Text of a direct ``<error>`` child (plain text or Digi's ``<error id><desc>`` form)."""
    err = root.find("error")
    return _error_text(err) if err is not None else None


def _op_element(root):
    """The operation element of a reply, whatever the operation is called.

    It is the child holding ``<device>`` results (reboot, file_system, data_service and any
    operation Remote Manager adds), else the first child that is not ``status``/``error``.
    """
    candidates = [child for child in root if child.tag not in ("status", "error")]
    for child in candidates:
        if child.find("device") is not None:
            return child
    return candidates[0] if candidates else None


def _unreadable(why, element):
    return "%s; the reply was: %s" % (why, lc.gist(ET.tostring(element, encoding="unicode")))


def job_from_reply(job_id, root, with_progress=False):
    """Normalise a ``GET /ws/sci/{id}`` reply.

    A plain reply of a finished job carries per-device results (``devices``); a
    ``?progress=true`` reply carries progress history instead, so it yields no
    ``devices`` key and the caller reads the results separately.

    A finished job whose reply shows neither per-device results nor an error is
    ``unknown`` and terminal, never ``succeeded``: nothing in it shows that a device did
    what was asked (``DrmClient.get_job`` then consults the job's listing counts).
    """
    status = (root.findtext("status") or "").strip()
    op = _op_element(root)
    extra = {}
    progress = None
    if with_progress:
        per_device = device_progress(op)
        values = [pct for pct, _msg in per_device.values() if pct is not None]
        progress = int(sum(values) / len(values)) if values else None
        extra["device_progress"] = {k: {"percent": p, "message": m} for k, (p, m) in per_device.items()}
        results = {}
    else:
        results = device_results(op)
        extra["devices"] = results
        extra["detailed"] = True
    ok = sum(1 for r in results.values() if r["ok"])
    bad = len(results) - ok
    top_error = _find_error_text(root) or (_find_error_text(op) if op is not None else None)
    message = top_error
    terminal = None
    if status == "complete":
        progress = 100
        if results:
            state = lc.outcome_from_counts(len(results), ok, bad)
        elif with_progress:
            # Finished; the progress view never has the outcome, the plain reply is read next.
            state, terminal = lc.UNKNOWN, True
        elif top_error is not None:
            state = lc.FAILED
        else:
            state, terminal = lc.UNKNOWN, True
            message = _unreadable("Remote Manager reports the job complete, but its reply holds no "
                                  "per-device result or error", root)
    elif status == "canceled":
        state = lc.CANCELED
    elif status == "in_progress":
        state = lc.RUNNING
    elif status in ("new", "queued"):
        state = lc.PENDING
    else:
        state = lc.UNKNOWN
        if results or top_error is not None:
            # Results or an error mean the job has run: waiting longer would not help.
            terminal = True
            message = _unreadable("unrecognised job status %r on a job that has results" % lc.gist(status, 40), root)
    return lc.job(API, job_id, state, status or None, progress=progress, message=message,
                  operation=op.tag if op is not None else None,
                  targets=len(results) or None, succeeded=ok if results else None,
                  failed=bad if results else None, terminal=terminal, **extra)


# Listing fields quoted when a listing row cannot be read (not the request payload, which
# may hold settings values).
_ROW_GIST_FIELDS = ("jobId", "jobType", "jobStatus", "jobTargetCount", "jobProgressSuccess",
                    "jobProgressFailures", "jobCompletionTime")


def job_from_listing(row):
    """Normalise a ``<Job>`` row of the ``GET /ws/sci`` listing.

    Unknown ``jobType`` codes are reported as they are. A ``complete`` row without any
    success or failure count is ``unknown`` and terminal, never ``succeeded``.
    """
    def text(name):
        value = row.findtext(name)
        return value.strip() if value is not None else None

    def row_gist():
        return lc.gist(", ".join("%s=%s" % (name, text(name)) for name in _ROW_GIST_FIELDS
                                 if text(name) is not None))

    raw = JOB_STATUS.get(text("jobStatus"), text("jobStatus"))
    total = _int(text("jobTargetCount"))
    ok = _int(text("jobProgressSuccess")) or 0
    bad = _int(text("jobProgressFailures")) or 0
    completed = text("jobCompletionTime") or None
    message = None
    terminal = None
    if raw == "complete":
        if ok + bad > 0:
            state = lc.outcome_from_counts(total, ok, bad)
        else:
            state, terminal = lc.UNKNOWN, True
            message = ("Remote Manager lists the job complete without any success or failure count; "
                       "the row was: %s" % row_gist())
    elif raw == "canceled":
        state = lc.CANCELED
    elif raw == "in_progress":
        state = lc.RUNNING
    elif raw == "new":
        state = lc.PENDING
    else:
        state = lc.UNKNOWN
        if completed:
            terminal = True
            message = "unrecognised job status with a completion time; the row was: %s" % row_gist()
    progress = min(100, int(100 * (ok + bad) / total)) if total else None
    return lc.job(API, text("jobId") or "", state, raw, progress=progress, message=message,
                  operation=JOB_TYPES.get(text("jobType"), text("jobType")),
                  description=text("jobDescription"), targets=total, succeeded=ok, failed=bad,
                  submitted=text("jobSubmitTime"), completed=completed, terminal=terminal,
                  target_ids=[t for t in (text("jobTargets") or "").split(",") if t])


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _request_parts(root):
    """(targets, payload) of an SCI operation element (or the one in a sci_request), comparable.

    Targets become a set of (tag, attributes); the payload the canonical XML of each other
    child, so attribute order and insignificant whitespace do not matter.
    """
    # An operation element is one the collection submits or one with <targets>; anything
    # else (such as a bare rci_request) cannot be compared.
    op = _op_element(root) if root.tag == "sci_request" else root
    found = op.find("targets") if op is not None else None
    if op is None or (op.tag not in OPERATIONS and found is None):
        return None
    targets = None
    if found is not None:
        targets = frozenset((t.tag, tuple(sorted(t.attrib.items()))) for t in found)
    payload = [ET.canonicalize(ET.tostring(child, encoding="unicode"), strip_text=True)
               for child in op if child.tag != "targets"]
    return targets, payload


def same_request(stored, sent):
    """Is a listing's ``jobRequestPayload`` the request we sent? None when it cannot tell."""
    if stored is None or not str(stored).strip():
        return None
    try:
        mine = _request_parts(parse_xml(sent, "request"))
        stored_root = parse_xml(stored, "jobRequestPayload")
    except InputError:
        return None
    if mine is None:
        return None
    theirs = _request_parts(stored_root)
    if theirs is None and len(mine[1]) == 1 and ET.fromstring(mine[1][0]).tag == stored_root.tag:
        # Digi's asynchronous-requests page shows the listing with the operation's payload
        # alone (<rci_request><query_setting/></rci_request>). Without its targets it cannot
        # show the job is ours, but another payload shows it is not.
        payload = ET.canonicalize(ET.tostring(stored_root, encoding="unicode"), strip_text=True)
        return False if payload != mine[1][0] else None
    if theirs is None:
        return None
    if mine[1] != theirs[1]:
        return False
    if mine[0] is not None and theirs[0] is not None and mine[0] != theirs[0]:
        return False
    return True


def same_payload(stored, payload):
    """Does a listing's ``jobRequestPayload`` carry this operation payload? None when it cannot tell.

    The listing holds the request either whole (``<sci_request>``) or as the operation's
    payload alone (Digi's asynchronous-requests page); either way only the payload is compared,
    so two jobs making the same change on different devices compare equal.
    """
    if stored is None or not str(stored).strip():
        return None
    try:
        root = parse_xml(stored, "jobRequestPayload")
        mine = [ET.canonicalize(ET.tostring(child, encoding="unicode"), strip_text=True)
                for child in parse_xml("<payload>%s</payload>" % (payload or ""), "payload")]
    except InputError:
        return None
    parts = _request_parts(root)
    theirs = parts[1] if parts is not None else [ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)]
    return theirs == mine


def normalize_device(item):
    """A DeviceCore JSON item as the collection reports devices."""
    ident = item.get("id") or {}
    tags = [t for t in (item.get("dpTags") or "").split(",") if t]
    return {
        "id": item.get("devConnectwareId"),
        "dev_id": ident.get("devId") if isinstance(ident, dict) else None,
        "type": item.get("dpDeviceType"),
        "firmware": item.get("dpFirmwareLevelDesc"),
        "connected": str(item.get("dpConnectionStatus") or "0").strip() not in ("0", ""),
        "tags": tags,
        "group": item.get("grpPath"),
        "ip": item.get("dpLastKnownIp"),
        "last_connect": item.get("dpLastConnectTime"),
        "description": item.get("dpDescription"),
        "location": item.get("dpLocation"),
    }


def quote_value(value):
    """A condition literal: single-quoted, quotes doubled."""
    return "'%s'" % str(value).replace("'", "''")


# The progress view of a job has an entry per device: for a job on thousands of devices
# the server builds, and the client parses, megabytes per poll. Above this size the one
# listing row (done/total counts) is polled instead; percent then counts devices done.
PROGRESS_VIEW_MAX_DEVICES = 500

# Above this many explicit ids a condition would make an unreasonably long URL; reading
# every page (1,000 devices each) and filtering client-side is cheaper and always works.
MAX_CONDITION_IDS = 50


def device_condition(targets):
    """A DeviceCore ``condition`` selecting a superset of the targets (refined client-side)."""
    if sum(1 for kind, _value in targets if kind == "device") > MAX_CONDITION_IDS:
        return None
    parts = []
    for kind, value in targets:
        if kind == "all":
            return None
        if kind == "device":
            parts.append("devConnectwareId=%s" % quote_value(value))
        elif kind == "tag":
            parts.append("dpTags like %s" % quote_value("%" + value + "%"))
        elif kind == "group":
            parts.append("grpPath=%s or grpPath like %s" % (quote_value(value), quote_value(value + "/%")))
    return " or ".join(parts)


def target_matcher(targets):
    """A predicate over normalised devices for the targets.

    Ids go into a set so filtering N devices against M explicit ids costs O(N + M),
    not O(N x M): a fleet-wide verification names thousands of ids.
    """
    ids = set()
    tags = []
    groups = []
    for kind, value in targets:
        if kind == "all":
            return lambda device: True
        if kind == "device":
            ids.add(value)
        elif kind == "tag":
            tags.append(value)
        elif kind == "group":
            groups.append(value)

    def match(device):
        if ids and (device["id"] or "").upper() in ids:
            return True
        if any(tag in device["tags"] for tag in tags):
            return True
        if groups:
            group = (device["group"] or "").strip("/")
            return any(group == value or group.startswith(value + "/") for value in groups)
        return False
    return match


def matches(device, targets):
    return target_matcher(targets)(device)


# ---------------------------------------------------------------- client

class DrmClient(object):
    """The DRM web services over one Transport; also the wait-loop backend for SCI jobs."""

    api = API
    can_cancel = True

    def __init__(self, transport):
        self.transport = transport
        # Device count of jobs seen in the progress view, to pick the cheaper poll next time.
        self._job_sizes = {}

    # -- SCI
    def sci(self, operation, targets, payload="", attrs=None):
        """POST one SCI request. Returns (job_id or None, op element, root)."""
        body = build_sci(operation, targets, payload, attrs)
        # Remote Manager refuses a request with no valid target with HTTP 400 and an sci_reply
        # naming each device (Digi's library serves that reply with 400): read it like a 200.
        resp = self.transport.request(
            "POST", "/ws/sci", data=body.encode("utf-8"),
            headers={"Content-Type": 'text/xml; charset="UTF-8"', "Accept": "text/xml"},
            expect=(200, 202, 400), what="SCI %s" % operation)
        root = parse_reply(resp, "SCI %s reply" % operation) if resp.status != 400 else _sci_reply_or_none(resp)
        if root is None:
            message = Transport._status_message("SCI %s" % operation, resp)
            raise ApiError(self.transport.redact(message), status=400, body=clip(resp.text, 2000, self.transport.redact, collapse=False))
        op = _op_element(root)
        job_id = root.findtext(".//jobId")
        top_error = _find_error_text(root) or (_find_error_text(op) if op is not None else None)
        if job_id:
            job_id = check_job_id(job_id, source="The reply to SCI %s" % operation)
        return (job_id or None), op, root, top_error

    check_id = staticmethod(check_job_id)

    def get_job(self, job_id, progress=False):
        job_id = check_job_id(job_id)
        resp = self.transport.request(
            "GET", join_path("/ws/sci", job_id), params={"progress": "true"} if progress else None,
            expect=(200, 404), what="GET job %s" % job_id)
        if resp.status == 404:
            raise ApiError("Remote Manager job %s was not found (unknown id, or deleted after completion)" % job_id,
                           status=404)
        record = job_from_reply(str(job_id), parse_reply(resp, "job %s" % job_id), with_progress=progress)
        if not progress and lc.is_unreadable(record) and record["raw_state"] == "complete":
            record = self._outcome_from_listing(record)
        return record

    def _outcome_from_listing(self, record):
        """A complete job whose reply lists no device (``reply="none"`` drops them): take the
        outcome from its listing row's success/failure counts when the row has any."""
        if not record["id"].isdigit():
            return record
        rows = self._listing_rows(condition="jobId in (%s)" % record["id"], limit=1)
        row = job_from_listing(rows[0]) if rows else None
        if row is None or row["id"] != record["id"] or row["state"] not in lc.TERMINAL:
            return record
        return dict(record, state=row["state"], terminal=True, targets=row["targets"], succeeded=row["succeeded"],
                    failed=row["failed"], message="Remote Manager's reply lists no device (was it sent with "
                    "reply=\"none\"?); outcome from the job listing: %d succeeded, %d failed"
                    % (row["succeeded"], row["failed"]))

    def cancel(self, job_id):
        """DELETE /ws/sci/{id}: cancels a running job; deletes a finished one."""
        job_id = check_job_id(job_id)
        resp = self.transport.request("DELETE", join_path("/ws/sci", job_id), expect=(200, 204, 404),
                                      what="DELETE job %s" % job_id)
        return resp.status != 404

    def list_jobs(self, condition=None, page_size=LISTING_PAGE, limit=None):
        """All jobs of the listing (paged with start/size), normalised."""
        return [job_from_listing(r) for r in self._listing_rows(condition, page_size, limit)]

    def _listing_rows(self, condition=None, page_size=LISTING_PAGE, limit=None):
        """The ``<Job>`` elements of the listing, every page."""
        out = []
        pager = Pager("GET job listing", self.transport, key=lambda row: (row.findtext("jobId") or "").strip() or None)
        while not pager.done:
            params = {"start": pager.count, "size": page_size}
            if condition:
                params["condition"] = condition
            resp = self.transport.request("GET", "/ws/sci", params=params, what="GET job listing")
            root = parse_reply(resp, "job listing")
            rows = root.findall("Job")
            out.extend(pager.take(rows, (_int(root.findtext("remainingSize")) or 0) > 0))
            if limit is not None and len(out) >= limit:
                return out[:limit]
        return out

    def find_submitted(self, operation, targets, body, since=None):
        """Jobs that may be the asynchronous SCI request ``body`` (whose reply was lost).

        Same operation, asynchronous (a synchronous request's row is never ours: the
        collection submits changes asynchronously), targets within ours, and, when the
        listing shows the stored request, the same payload and targets. ``since`` (server
        epoch seconds) narrows the listing; the caller applies the exact time window.
        """
        codes = dict((name, code) for code, name in JOB_TYPES.items())
        condition = "jobType=%s and jobSyncMode=1" % codes[operation]
        if since is not None:
            condition += " and jobSubmitTime>=%s" % quote_value(format_time(since))
        explicit = [value for kind, value in targets if kind == "device"]
        if explicit and len(explicit) == len(targets) and len(explicit) <= 20:
            condition += " and (%s)" % " or ".join(
                "jobTargets like %s" % quote_value("%" + dev + "%") for dev in explicit)
        rows = self._listing_rows(condition=condition)
        if not rows:
            return []
        wanted = None  # None: any device (all_devices)
        if not any(kind == "all" for kind, _value in targets):
            wanted = set(explicit)
            if len(explicit) != len(targets):
                wanted.update(d["id"].upper() for d in self.devices([t for t in targets if t[0] != "device"]))
        out = []
        for row in rows:
            record = job_from_listing(row)
            ids = set(t.upper() for t in record["target_ids"])
            if record["operation"] != operation or not ids or (wanted is not None and not ids <= wanted):
                continue
            if same_request(row.findtext("jobRequestPayload"), body) is False:
                continue
            out.append(record)
        return out

    def in_flight(self, operation, device_ids):
        """Jobs of ``operation`` not yet finished on any of ``device_ids``, oldest first, each as
        (record, stored request payload or None). The payload stays out of the record: a
        settings payload may hold values that are not the task's to return."""
        codes = dict((name, code) for code, name in JOB_TYPES.items())
        wanted = set(str(i).upper() for i in device_ids)
        if not wanted:
            return []
        condition = "jobStatus in (0,1) and jobType=%s" % codes[operation]  # new (queued) or in progress
        if len(wanted) <= 20:
            # Only the jobs naming these devices, so N hosts checking at once do not each read every
            # in-flight job; the filter below still decides, in case a server ignores the condition.
            condition += " and (%s)" % " or ".join(
                "jobTargets like %s" % quote_value("%" + dev + "%") for dev in sorted(wanted))
        out = []
        for row in self._listing_rows(condition=condition):
            record = job_from_listing(row)
            if record["operation"] != operation or record["terminal"]:
                continue
            if wanted.intersection(t.upper() for t in record["target_ids"]):
                out.append((record, row.findtext("jobRequestPayload")))
        return sorted(out, key=lambda pair: (len(pair[0]["id"]), pair[0]["id"]))

    def poll(self, ids):
        """Wait-loop backend. One job: its own URL with progress. Many: one listing query.

        The listing answers for every job in one request per page, so waiting on N jobs
        costs O(1) requests per round instead of N.
        """
        # Checked first: the ids go into a path or a listing condition.
        ids = [check_job_id(i) for i in ids]
        if len(ids) == 1 and self._job_sizes.get(ids[0], 0) <= PROGRESS_VIEW_MAX_DEVICES:
            record = self.get_job(ids[0], progress=True)
            self._job_sizes[ids[0]] = len(record.get("device_progress") or ())
            if record["terminal"]:
                # The progress view cannot tell success from failure per device.
                record = self.get_job(ids[0])
            return {ids[0]: record}
        wanted = set(ids)
        rows = self.list_jobs(condition="jobId in (%s)" % ",".join(ids))
        found = {j["id"]: j for j in rows if j["id"] in wanted}
        for missing in wanted - set(found):
            # Not in the listing: ask directly so a deleted job reads as an error, not a hang.
            found[missing] = self.get_job(missing)
        return found

    def results(self, job_id):
        """The final job with per-device results (one GET per finished job)."""
        return self.get_job(job_id)

    # -- DeviceCore
    def devices(self, targets=None, page_size=1000):
        """Devices matching targets (all pages), normalised."""
        condition = device_condition(targets) if targets else None
        out = []
        # devId is DeviceCore's record id (Digi's own paging fixture repeats a devConnectwareId under two).
        pager = Pager("GET DeviceCore", self.transport, key=lambda device: device["dev_id"] or device["id"])
        while not pager.done:
            params = {"start": pager.count, "size": page_size}
            if condition:
                params["condition"] = condition
            resp = self.transport.request("GET", "/ws/DeviceCore", params=params,
                                          headers={"Accept": "application/json"}, what="GET DeviceCore")
            data = resp.json()
            if not isinstance(data, dict):
                raise ApiError("GET DeviceCore: expected a JSON object, got %s" % type(data).__name__, status=resp.status)
            items = data.get("items") or []
            out.extend(pager.take([normalize_device(i) for i in items], (_int(data.get("remainingSize")) or 0) > 0))
        if targets:
            match = target_matcher(targets)
            out = [d for d in out if match(d)]
        return out
