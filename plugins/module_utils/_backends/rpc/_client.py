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

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lifecycle import whole_number
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._pager import Pager
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._submit import parse_time
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc._protocol import (
    ALL,
    API,
    DEFAULT_VERSION,
    ERROR_STATUSES,
    FUNCTION,
    IN_FLIGHT,
    JOBS_SERVICE,
    LISTING_PAGE,
    NEWEST_FIRST,
    RpcError,
    STATUS_CODES,
    _URL_VERSION,
    _excerpt,
    check_function,
    check_job_id,
    check_version,
    error_from,
    job_from_async,
    job_number,
)


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
                key = wanted.get(whole_number(row["id"]))
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


def _sort_key(job_id):
    number = whole_number(job_id)
    return (0, number, "") if number is not None else (1, 0, str(job_id))
