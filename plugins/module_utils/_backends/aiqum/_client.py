# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""NetApp Active IQ Unified Manager (AIQUM) backend: storage-provider jobs.

AIQUM answers a provisioning call (POST/PATCH/DELETE under ``/storage-provider``) with
HTTP 202 and ``{"job": {"key": ...}}``; the outcome lives in
``/management-server/jobs/{key}``. Two state vocabularies exist in the wild:

* observed (NetApp's own automation against 9.x): ``state`` is the lifecycle
  (``queued``/``running``/``completed``) and ``status`` the outcome
  (``normal``/``warning``/``partial_failures``/``error``);
* documented: ``state`` is NORMAL, WARNING, PARTIAL_FAILURES or ERROR.

Both are read case-insensitively. Collections page with ``max_records``/``offset`` and
``_links.next``; filters take ``|`` (or) and ``*`` (wildcard).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import clip
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path

API = "aiqum"
# Explicit version, as the AIQUM docs recommend (unversioned paths follow the newest version).
PREFIX = "/api/v2"
JOBS = PREFIX + "/management-server/jobs"
FILE_SHARES = PREFIX + "/storage-provider/file-shares"
SVMS = PREFIX + "/datacenter/svm/svms"
AGGREGATES = PREFIX + "/datacenter/storage/aggregates"
MAX_RECORDS = 1000  # the server never returns more per request
# Keys are ~45 characters; 100 per filter keeps the query string near 5 KB, well inside
# common URL limits, so a poll round costs one request per 100 jobs.
KEYS_PER_POLL = 100

ACTIVE_WORDS = frozenset(("queued", "running", "pending", "scheduled", "submitted", "new", "started",
                          "in_progress", "inprogress", "waiting", "executing", "created"))
DONE_WORDS = frozenset(("completed", "complete", "done", "finished"))
OUTCOME_WORDS = {
    "normal": lc.SUCCEEDED, "success": lc.SUCCEEDED, "succeeded": lc.SUCCEEDED, "ok": lc.SUCCEEDED,
    "warning": lc.SUCCEEDED,
    "partial_failures": lc.PARTIAL, "partial_failure": lc.PARTIAL, "partial": lc.PARTIAL,
    "error": lc.FAILED, "failed": lc.FAILED, "failure": lc.FAILED,
    "canceled": lc.CANCELED, "cancelled": lc.CANCELED, "aborted": lc.CANCELED,
}
# Newest jobs on a share name read when looking for a submission whose reply was lost.
SUBMITTED_LOOKBACK = 100
VERBS = ("create", "modify", "delete")
# States sent as a server-side filter to find in-flight jobs, in both vocabularies.
ACTIVE_FILTER = "queued|running|QUEUED|RUNNING"

_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$")
_UNITS = {"": 1, "b": 1, "bytes": 1,
          "kb": 1000, "mb": 1000 ** 2, "gb": 1000 ** 3, "tb": 1000 ** 4, "pb": 1000 ** 5,
          "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3, "tib": 1024 ** 4, "pib": 1024 ** 5}
# ONTAP volume names; also keeps `*` `|` `?` (filter syntax) out of name filters.
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,202}$")
_SVM_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,255}$")
# Job keys (06a6148bf9e862df:-2611856e:16e8d47e722:-7f87) and object keys
# (<uuid>:type=volume,uuid=<uuid>): letters, digits and : = , - _ only, which also keeps the
# filter syntax (| and *) out of a key=k1|k2 filter.
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9:=,_-]{0,254}")


# ---------------------------------------------------------------- input helpers

def parse_size(value, what="size"):
    """Bytes from an int or a string such as ``10GiB``, ``1.5 TiB``, ``500GB``, ``1048576``.

    Binary units (KiB..PiB) are powers of 1024, decimal units (KB..PB) powers of 1000,
    case-insensitive. The result must be a positive whole number of bytes.
    """
    if isinstance(value, bool) or value is None:
        raise InputError("%s must be a number of bytes or a size such as 10GiB, got %r" % (what, value))
    if isinstance(value, int):
        number, unit = Decimal(value), ""
    elif isinstance(value, float):
        number, unit = Decimal(repr(value)), ""
    else:
        match = _SIZE.match(str(value))
        if not match or match.group(2).lower() not in _UNITS:
            raise InputError("%s must be a number of bytes or a size with a unit (B, KB, MB, GB, TB, PB, KiB, MiB, "
                             "GiB, TiB, PiB), e.g. 10GiB; got %r" % (what, value))
        try:
            number = Decimal(match.group(1))
        except InvalidOperation:  # pragma: no cover - the regex admits only decimals
            raise InputError("%s: %r is not a number" % (what, value))
        unit = match.group(2).lower()
    size = number * _UNITS[unit]
    if size != size.to_integral_value():
        raise InputError("%s %r is not a whole number of bytes" % (what, value))
    size = int(size)
    if size <= 0:
        raise InputError("%s must be greater than zero, got %r" % (what, value))
    return size


def check_name(name, what="name"):
    name = "" if name is None else str(name)
    if not _NAME.match(name):
        raise InputError("%s %r is not a valid file share (volume) name: use letters, digits and underscores, "
                         "starting with a letter or underscore, at most 203 characters" % (what, name))
    return name


def is_key(text, kind):
    """True for an AIQUM object key of that type, e.g. ``<uuid>:type=vserver,uuid=<uuid>``."""
    return (":type=%s," % kind) in str(text or "")


def check_svm(text):
    text = "" if text is None else str(text).strip()
    if not text or not (is_key(text, "vserver") or _SVM_NAME.match(text)):
        raise InputError("svm must be an SVM name or an AIQUM SVM key (<cluster-uuid>:type=vserver,uuid=<uuid>), "
                         "got %r" % (text,))
    return text


# ---------------------------------------------------------------- job records

def map_state(state, status=None):
    """Lifecycle state from AIQUM ``state`` (+ ``status``), either vocabulary, any case."""
    s = str(state or "").strip().lower()
    st = str(status or "").strip().lower()
    if s in ACTIVE_WORDS:
        return lc.RUNNING  # status is not an outcome while the job runs (it reads "normal")
    if s in DONE_WORDS:
        # Finished; the outcome is in status. Without a known status it cannot be read
        # (job_from_record marks such a job terminal, and may read it from its task reports).
        return OUTCOME_WORDS.get(st, lc.UNKNOWN)
    if s in OUTCOME_WORDS:
        return OUTCOME_WORDS[s]
    return lc.UNKNOWN


def is_finished(state):
    """Does ``state`` say the job has ended (either vocabulary), whatever its outcome?"""
    s = str(state or "").strip().lower()
    return s in DONE_WORDS or s in OUTCOME_WORDS


def _is_warning(state, status):
    return "warning" in (str(state or "").lower(), str(status or "").lower())


def item_from_report(report, index):
    """One task report as a per-item result: {index, name, ok, state, message}."""
    report = report if isinstance(report, dict) else {}
    state = map_state(report.get("state"), report.get("status"))
    return {
        "index": index,
        "name": report.get("name") or report.get("description") or "task %d" % index,
        "state": state,
        "raw_state": report.get("state"),
        "raw_status": report.get("status"),
        "ok": None if state not in lc.TERMINAL else state == lc.SUCCEEDED,
        "message": report.get("message") or None,
    }


def job_results_map(record):
    """``job_results`` ([{name, value}]) as a dict."""
    out = {}
    entries = record.get("job_results")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("name") is not None:
            out[str(entry["name"])] = entry.get("value")
    return out


def job_from_record(record):
    """Normalise an AIQUM job object (listing row or ``GET jobs/{key}``)."""
    record = record if isinstance(record, dict) else {}
    raw_state, raw_status = record.get("state"), record.get("status")
    state = map_state(raw_state, raw_status)
    reports = record.get("task_reports")
    items = [item_from_report(r, i + 1) for i, r in enumerate(reports if isinstance(reports, list) else [])]
    results = job_results_map(record)
    finished = [i for i in items if i["ok"] is not None]
    resource = record.get("resource") if isinstance(record.get("resource"), dict) else {}
    svm = resource.get("svm") if isinstance(resource.get("svm"), dict) else {}
    targets = []
    for value in [resource.get("key"), resource.get("name")] + list(results.values()):
        if value and str(value) not in targets:
            targets.append(str(value))
    message = record.get("message") or None
    failed_items = [i for i in items if i["ok"] is False]
    terminal = None
    if state == lc.UNKNOWN and is_finished(raw_state):
        if not str(raw_status or "").strip() and items and len(finished) == len(items):
            # No job status, but every task report has an outcome: those decide.
            state = lc.outcome_from_counts(len(items), len(items) - len(failed_items), len(failed_items))
        else:
            terminal = True
            shown = {k: record.get(k) for k in ("state", "status", "message") if k in record}
            message = "AIQUM reports the job %s with %s, so its outcome cannot be read; the job was: %s" % (
                lc.gist(raw_state, 40), "status %r" % lc.gist(raw_status, 40) if raw_status else "no status",
                lc.gist(shown))
    if not message and failed_items:
        message = "; ".join("%s: %s" % (i["name"], i["message"] or i["state"]) for i in failed_items)
    extra = {}
    # A record that carries task reports or results is already the full job: the wait
    # loop then needs no extra GET per finished job.
    if isinstance(reports, list) or isinstance(record.get("job_results"), list):
        extra["detailed"] = True
    progress = 100 if state in lc.TERMINAL or terminal else (int(100 * len(finished) / len(items)) if items else None)
    return lc.job(
        API, record.get("key") or "", state, raw_state, progress=progress, message=message,
        operation=record.get("name"), targets=len(items) or None,
        succeeded=sum(1 for i in items if i["ok"]) if items else None,
        failed=len(failed_items) if items else None,
        submitted=record.get("submit_time"), completed=record.get("complete_time") or record.get("completion_time"),
        raw_status=raw_status, warning=_is_warning(raw_state, raw_status), description=record.get("description"),
        target_ids=targets, resource_name=resource.get("name"), resource_key=resource.get("key"),
        svm_key=svm.get("key"), svm_name=svm.get("name"),
        items=items, failed_items=failed_items, job_results=results, terminal=terminal, **extra)


check_job_key = lc.IdForm(KEY, "an AIQUM job key", "keys look like 06a6148bf9e862df:-2611856e:16e8d47e722:-7f87 "
                          "(letters, digits and : = , - _ only)", "letters, digits and : = , - _",
                          noun="job key", reply_kind="an AIQUM key")


def _path_key(key, what="key"):
    """A manager's object key as a path segment: checked like a job key, then quoted."""
    return check_job_key(key, source="AIQUM", noun="the " + what)


# ---------------------------------------------------------------- client


class AiqumClient(object):
    """AIQUM REST over one Transport (HTTP Basic); also the wait-loop backend for its jobs."""

    api = API
    can_cancel = False

    def __init__(self, transport):
        if getattr(transport.session, "auth", None) is None:
            raise InputError("Active IQ Unified Manager uses HTTP Basic authentication: set username and password "
                             "(or AIQUM_USERNAME/AIQUM_PASSWORD); API keys are not supported")
        self.transport = transport
        # requests sends Accept: */* by default; AIQUM answers JSON either way, but say so.
        self.transport.session.headers["Accept"] = "application/json"

    # -- plumbing
    def get(self, path, params=None, what=None, expect=(200,)):
        resp = self.transport.request("GET", path, params=params, expect=expect, what=what)
        if resp.status == 404:
            return None
        return resp.json()

    def collection(self, path, params=None, page_size=MAX_RECORDS, limit=None, what=None):
        """Every record of a collection, following ``_links.next`` (which keeps the filters)."""
        page_size = max(1, min(int(page_size or MAX_RECORDS), MAX_RECORDS))
        query = dict(params or {})
        query["max_records"] = page_size
        out = []
        pager = Pager(what or "GET %s" % path, self.transport,
                      key=lambda record: record.get("key") if isinstance(record, dict) else None)
        url = path
        while not pager.done:
            data = self.get(url, params=query, what=what or "GET %s" % path)
            if not isinstance(data, dict):
                raise ApiError("%s: expected a collection object, got %s" % (what or path, type(data).__name__))
            records = data.get("records") or []
            links = data.get("_links") if isinstance(data.get("_links"), dict) else {}
            nxt = links.get("next").get("href") if isinstance(links.get("next"), dict) else None
            out.extend(pager.take(records, bool(nxt)))
            if limit is not None and len(out) >= limit:
                return out[:limit]
            # The next link already carries max_records, offset and the filters.
            url, query = nxt, None
        return out

    def submit(self, method, path, body=None, what=None):
        """A provisioning call: expects 202 + {"job": {"key"}}; returns the job key."""
        resp = self.transport.request(method, path, json=body, expect=(202,), what=what)
        data = resp.json()
        job = data.get("job") if isinstance(data, dict) else None
        key = job.get("key") if isinstance(job, dict) else None
        if not key:
            excerpt = clip(resp.text, 300, self.transport.redact)
            raise ApiError("%s was accepted but the reply names no job key: %s" % (what or path, excerpt), status=resp.status)
        return check_job_key(key, source="The reply to %s" % (what or path))

    # -- jobs (backend contract)
    check_id = staticmethod(check_job_key)

    def get_job(self, key):
        key = check_job_key(key)
        data = self.get(join_path(JOBS, key), what="GET AIQUM job %s" % key, expect=(200, 404))
        if data is None:
            raise ApiError("AIQUM job %s was not found" % key, status=404)
        return job_from_record(data)

    def poll(self, ids):
        """One filtered listing (``key=k1|k2|...``) per 100 jobs; unknown keys are read directly."""
        ids = [check_job_key(i) for i in ids]
        found = {}
        for start in range(0, len(ids), KEYS_PER_POLL):
            chunk = ids[start:start + KEYS_PER_POLL]
            records = self.collection(JOBS, {"key": "|".join(chunk)}, what="GET AIQUM jobs")
            wanted = set(chunk)
            for record in records:
                job = job_from_record(record)
                if job["id"] in wanted:
                    found[job["id"]] = job
        for missing in [i for i in ids if i not in found]:
            # Not in the listing: ask directly so a deleted job reads as an error, not a hang.
            found[missing] = self.get_job(missing)
        return found

    def results(self, job_id):
        job = self.get_job(job_id)
        job["detailed"] = True
        return job

    def list_jobs(self, condition=None, page_size=MAX_RECORDS, limit=None):
        """All jobs (newest first, the server's order); ``condition`` is a dict of filters."""
        if condition is not None and not isinstance(condition, dict):
            raise InputError("AIQUM job filters are a mapping of field to value, e.g. {'state': 'running'}")
        records = self.collection(JOBS, condition, page_size=page_size, limit=limit, what="GET AIQUM jobs")
        return [job_from_record(r) for r in records]

    def cancel(self, job_id):
        raise InputError("AIQUM jobs cannot be canceled: the Active IQ Unified Manager REST API documents no "
                         "cancel or abort for jobs (/management-server/jobs is read-only), so job %s keeps "
                         "running; wait for it with asyncjobs.fleet.job_wait" % job_id)

    # -- inventory and file shares
    def svms(self, name_or_key):
        field = "key" if is_key(name_or_key, "vserver") else "name"
        return self.collection(SVMS, {field: name_or_key}, what="GET AIQUM SVMs")

    def aggregates(self, name_or_key, cluster_key=None):
        field = "key" if is_key(name_or_key, "aggregate") else "name"
        params = {field: name_or_key}
        if cluster_key:
            params["cluster.key"] = cluster_key
        return self.collection(AGGREGATES, params, what="GET AIQUM aggregates")

    def file_shares(self, name, svm_key):
        return self.collection(FILE_SHARES, {"name": name, "svm.key": svm_key}, what="GET AIQUM file shares")

    def file_share(self, key):
        return self.get(join_path(FILE_SHARES, _path_key(key, "file share")), what="GET AIQUM file share", expect=(200, 404))

    def create_file_share(self, body):
        return self.submit("POST", FILE_SHARES, body, what="POST AIQUM file share %s" % body.get("name"))

    def modify_file_share(self, key, body):
        return self.submit("PATCH", join_path(FILE_SHARES, _path_key(key, "file share")), body, what="PATCH AIQUM file share")

    def delete_file_share(self, key):
        return self.submit("DELETE", join_path(FILE_SHARES, _path_key(key, "file share")), what="DELETE AIQUM file share")

    def in_flight_jobs(self):
        """Jobs still queued or running (one filtered listing)."""
        return self.list_jobs({"state": ACTIVE_FILTER})

    def find_submitted(self, verb, name, svm_key, share_key=None, since=None):
        """Jobs that may be a file-share change whose reply was lost, in any state.

        ``verb`` is create, modify or delete; the job must work on this share (by key, or by
        name on the SVM) and not name another verb. The listing is newest first, so the most
        recent jobs on the name suffice; the caller applies the exact time window (``since``
        is not a filter AIQUM offers).
        """
        jobs = self.list_jobs({"resource.name": name}, limit=SUBMITTED_LOOKBACK)
        out = []
        for job in jobs:
            operation = str(job.get("operation") or "").lower()
            verbs = [v for v in VERBS if v in operation]
            if verbs and verb not in verbs:
                continue
            mine = bool(share_key) and (job.get("resource_key") == share_key or share_key in job["target_ids"])
            if not mine and not (job.get("resource_name") == name and job.get("svm_key") == svm_key):
                continue
            out.append(job)
        return out
