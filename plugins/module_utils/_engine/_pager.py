# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The one rule for reading a paged listing, used by every backend.

A manager says whether more pages remain (DRM ``remainingSize``, PowerStore ``Content-Range``,
AIQUM ``_links.next``, the RPC service's ``__total_items__``), and that is untrusted input: a
listing that ignores ``start`` while it keeps saying more remain would otherwise be read for
ever. So a listing ends normally when the server says nothing remains or a page is empty; it
fails with a clear message when a page brings nothing new (a repeated page: the server is not
paging, and stopping silently would hide the jobs not yet read) or when the task's deadline
passes while pages still come. Items that shift between pages (a job added while paging moves
the rest down by one) are read once, by their id.
"""

from __future__ import annotations

import json
import time

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import PagingError

# A listing read outside any wait (job_info, the jobs lookup, the inventory) gets this long;
# inside a wait, the task's own deadline applies (Transport.deadline).
LISTING_SECONDS = 1800.0


def _identity(item):
    """A stand-in id for an item without one: its whole content."""
    if hasattr(item, "tag") and hasattr(item, "itertext"):  # an XML element
        from xml.etree import ElementTree as ET
        return ET.tostring(item, encoding="unicode")
    try:
        return json.dumps(item, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return repr(item)


class Pager(object):
    """Bounds one paging loop::

        pager = Pager("GET job listing", transport, key=lambda row: row.get("id"))
        while not pager.done:
            rows, more = <read the page at pager.count or the next link>
            out.extend(pager.take(rows, more))

    ``take`` returns the page's new items (by ``key``; an item whose key is None counts by its
    content), marks the pager ``done`` when the listing has ended, and raises PagingError
    when it cannot end (no progress, or the deadline). ``deadline`` is an absolute time on
    ``clock``; by default the transport's (set while a task waits), else LISTING_SECONDS from now.
    """

    def __init__(self, what, transport=None, key=None, deadline=None, clock=None):
        self.what = what
        self.key = key
        self.clock = clock or getattr(transport, "clock", None) or time.monotonic
        if deadline is None:
            deadline = getattr(transport, "deadline", None)
        self.own_budget = deadline is None
        self.deadline = self.clock() + LISTING_SECONDS if deadline is None else deadline
        self.seen = set()
        self.pages = 0
        self.count = 0  # items taken, and so the offset of the next page for offset paging
        self.done = False

    def take(self, items, more):
        """Record one page; ``more`` is whether the server says further items remain."""
        self.pages += 1
        items = list(items or [])
        fresh = []
        for item in items:
            ident = self.key(item) if self.key is not None else None
            ident = ("content", _identity(item)) if ident is None else ("id", str(ident))
            if ident not in self.seen:
                self.seen.add(ident)
                fresh.append(item)
        self.count += len(items)
        if not more or not items:
            self.done = True
            return fresh
        if not fresh:
            raise PagingError(
                "%s: page %d repeats items already read while the server says more remain, so it is not paging "
                "(%d item(s) read); stopped rather than report a listing that may be missing items"
                % (self.what, self.pages, len(self.seen)))
        if self.clock() >= self.deadline:
            raise PagingError(
                "%s: the listing was not finished after %d page(s) (%d item(s)) when the %s ran out, and the "
                "server still says more remain; stopped rather than report a listing that may be missing items"
                % (self.what, self.pages, len(self.seen),
                   "%ds allowed for a listing" % LISTING_SECONDS if self.own_budget else "task's wait_timeout"))
        return fresh
