# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Typed errors raised by the job engine and turned into one clear task failure."""

from __future__ import annotations


class FleetError(Exception):
    """An error with a user-facing message and extra result keys for fail_json.

    ``result`` carries what the user needs to resume by hand (job ids, last states,
    per-device results); it is merged into the failed task result.
    """

    def __init__(self, msg, **result):
        super().__init__(msg)
        self.msg = msg
        self.result = result


class InputError(FleetError):
    """Bad input detected before anything was sent."""


class TransportError(FleetError):
    """The request could not be completed (connection, TLS, timeout, bad body).

    ``sent`` is False only when the request provably never reached the server, so a
    submission may be sent again; True or None (unknown) forbid a blind resend.
    """

    def __init__(self, msg, sent=None, **result):
        super().__init__(msg, **result)
        self.sent = sent


class ApiError(FleetError):
    """The server answered with an error status."""

    def __init__(self, msg, status=None, body=None, **result):
        super().__init__(msg, **result)
        self.status = status
        self.body = body


class WaitTimeout(FleetError):
    """Jobs did not reach a terminal state before the deadline."""


class JobFailed(FleetError):
    """Jobs reached a terminal state that the task treats as failure."""


class PagingError(ApiError):
    """A listing that cannot be read to its end (the server does not page, or pages past the
    deadline). Permanent: polling again would read the same pages."""
