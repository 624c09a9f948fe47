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

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import format_time
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import clip
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Transport
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._records import (
    job_from_listing,
    job_from_reply,
    same_request,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._sci import (
    API,
    JOB_TYPES,
    _find_error_text,
    _op_element,
    _sci_reply_or_none,
    build_sci,
    check_job_id,
    parse_reply,
)


LISTING_PAGE = 1000


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

# Job ids per ``jobId in (...)`` listing condition when jobs are read from the listing by id.
IDS_PER_LISTING = 100

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

    @staticmethod
    def submitted_condition(after=None, before=None):
        """The listing condition for jobs submitted at or after ``after`` and before ``before``
        (epoch seconds, either None): Remote Manager compares ``jobSubmitTime`` itself."""
        parts = []
        if after is not None:
            parts.append("jobSubmitTime>=%s" % quote_value(format_time(after)))
        if before is not None:
            parts.append("jobSubmitTime<%s" % quote_value(format_time(before)))
        return " and ".join(parts) or None

    def list_by_id(self, ids):
        """{id: listing record} of these jobs, one listing request per 100 ids. The listing has
        what a job's own reply lacks (submission and completion times, targets); an id it does
        not show is read directly, so an unknown or deleted job fails (404)."""
        ids = [check_job_id(i) for i in ids]
        found = {}
        for start in range(0, len(ids), IDS_PER_LISTING):
            chunk = ids[start:start + IDS_PER_LISTING]
            wanted = set(chunk)
            for record in self.list_jobs(condition="jobId in (%s)" % ",".join(chunk)):
                if record["id"] in wanted:
                    found[record["id"]] = record
        for missing in [i for i in ids if i not in found]:
            found[missing] = self.get_job(missing)
        return found

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
            out.extend(pager.take(rows, (lc.whole_number(root.findtext("remainingSize")) or 0) > 0))
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
            out.extend(pager.take([normalize_device(i) for i in items], (lc.whole_number(data.get("remainingSize")) or 0) > 0))
        if targets:
            match = target_matcher(targets)
            out = [d for d in out if match(d)]
        return out
