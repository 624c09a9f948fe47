# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fakes shared by the unit tests: one version of each (``import fakes``; conftest.py puts this
directory on sys.path).

- FakeClock: a monotonic clock and its sleep, advanced only by sleeping (or by a test).
- FakeHttpResponse, FakeSession: what a real Transport gets from requests, for tests of the
  transport itself and of clients over a real Transport.
- FakeTransport: stands in for the Transport below a client (``client.transport``).
- FakeClient: stands in for a backend client where a plugin asks the client factory for one.
- trusted(), templatable_strings(): manager values at their most dangerous, and the check that a
  plugin handed them on unsafe, on every supported ansible-core.

A test file adds what is particular to it (a service's behaviour, the shape of its call records)
through keyword options or a small subclass, never by copying these.
"""

from __future__ import annotations

import collections
import json as jsonlib

try:  # ansible-core 2.19+: a string is templated only when it is tagged as trusted
    from ansible.template import is_trusted_as_template, trust_as_template
except ImportError:  # older: every string is templated unless it is wrapped as AnsibleUnsafe
    is_trusted_as_template = trust_as_template = None
from ansible.utils.unsafe_proxy import AnsibleUnsafe

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor
from ansible_collections.asyncjobs.fleet.plugins.module_utils._transport import Response


class FakeClock(object):
    """``clock()`` is the time now; ``clock.sleep`` records each pause (rounded to ``digits``
    when given, so float sums compare exactly) and moves the time on by it."""

    def __init__(self, start=100.0, digits=None):
        self.now = start
        self.digits = digits
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        assert seconds >= 0  # time.sleep refuses a negative pause too
        self.sleeps.append(seconds if self.digits is None else round(seconds, self.digits))
        self.now += seconds


class FakeHttpResponse(object):
    """A requests response as Transport reads it: status, headers, a streamed body, close()."""

    def __init__(self, status_code=200, headers=None, content=b""):
        self.status_code = status_code
        self.headers = headers or {}
        self.content = content
        self.closed = False

    def iter_content(self, chunk_size):
        for start in range(0, len(self.content), chunk_size):
            yield self.content[start:start + chunk_size]

    def close(self):
        self.closed = True


class FakeSession(object):
    """A requests.Session stand-in: each request is answered by the next item of ``script`` or
    by ``answer(method, url, kwargs)``; an item that is an exception is raised. Every call is
    recorded in ``calls`` as (method, url, kwargs)."""

    def __init__(self, script=(), answer=None, auth=None):
        self.script = list(script)
        self.answer = answer
        self.calls = []
        self.headers = {}
        self.auth = auth
        self.verify = True
        self.cookies = {}

    def request(self, method, url, **kwargs):
        self.calls.append((method, url, kwargs))
        if self.answer is not None:
            item = self.answer(method, url, kwargs)
        elif self.script:
            item = self.script.pop(0)
        else:
            raise AssertionError("unexpected extra request %s %s" % (method, url))
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self):
        pass


Call = collections.namedtuple("Call", "method path params data json headers expect safe what")


def body_bytes(body):
    """A scripted body as sent on the wire: bytes as given, text encoded, None empty, else JSON."""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return b"" if body is None else jsonlib.dumps(body).encode("utf-8")


class FakeTransport(object):
    """Stands in for _transport.Transport below a client.

    ``request()`` counts itself in ``stats`` as the real one does, records the call in ``calls``
    (a Call, or what ``record(call)`` makes of it), notes the ``deadline`` it was sent under,
    moves ``clock`` on by ``cost`` seconds, then answers with ``respond(call)``: from
    ``replies``, a list used in order or a function ``(method, path, params)``. A reply is
    ``(status, body)`` or ``(status, body, headers)`` (see body_bytes), or an exception to raise.
    A status outside ``expect`` raises ApiError as the real one does, unless ``check_status``
    is false (for tests written against a fake that let every status through).
    Subclasses override respond() (a scripted service) or record().
    """

    def __init__(self, replies=(), record=None, base_url="https://manager.example", auth=("u", "p"), secrets=(),
                 clock=None, cost=0.0, deadline=None, check_status=True):
        self.handler = replies if callable(replies) else None
        self.script = [] if callable(replies) else list(replies)
        if record is not None:
            self.record = record
        self.base_url = base_url
        self.session = FakeSession(auth=auth)
        self.redact = Redactor(secrets)
        self.clock = clock
        self.cost = cost
        self.deadline = deadline
        self.check_status = check_status
        self.stats = {"requests": 0}
        self.server_dates = []
        self.calls = []
        self.deadlines = []

    def record(self, call):
        return call

    def respond(self, call):
        if self.handler is not None:
            return self.handler(call.method, call.path, call.params or {})
        return self.script.pop(0)

    def request(self, method, path, params=None, data=None, json=None, headers=None, expect=(200,), safe=None,
                what=None):
        self.stats["requests"] += 1
        call = Call(method, path, params, data, json, headers, expect, safe, what)
        self.calls.append(self.record(call))
        self.deadlines.append(self.deadline)
        if self.clock is not None:
            self.clock.now += self.cost
        reply = self.respond(call)
        if isinstance(reply, BaseException):
            raise reply
        status, body = reply[0], reply[1]
        headers = dict(reply[2]) if len(reply) > 2 and reply[2] else {}
        url = path if "://" in str(path) else self.base_url + str(path)
        if self.check_status and expect and status not in expect:
            raise ApiError("%s returned HTTP %s" % (what or "%s %s" % (method, path), status), status=status)
        return Response(status, headers, body_bytes(body), url)


class FakeClient(object):
    """A backend client for plugins that ask the client factory for one: jobs listed from
    ``jobs``, read from ``results`` (job id -> record), devices from ``devices``; ``error`` (a
    FleetError) is raised by every read. Job ids are whole numbers, checked as a real client
    does. ``calls`` records each read as (name, arguments)."""

    def __init__(self, jobs=(), results=None, devices=(), error=None):
        self.jobs = [dict(j) for j in jobs]
        self.results_by_id = dict(results or {})
        self.device_list = [dict(d) for d in devices]
        self.error = error
        self.calls = []
        self.transport = FakeTransport()

    @staticmethod
    def check_id(job_id):
        if not str(job_id).isdigit():
            raise InputError("%r is not a job id: job ids are whole numbers" % (job_id,))
        return str(job_id)

    def _read(self, name, *args, **kwargs):
        self.calls.append((name, args, kwargs))
        if self.error is not None:
            raise self.error

    def list_jobs(self, condition=None, page_size=1000, limit=None):
        self._read("list_jobs", condition=condition, page_size=page_size, limit=limit)
        return [dict(j) for j in self.jobs]

    def results(self, job_id):
        self._read("results", job_id)
        return dict(self.results_by_id[job_id])

    def devices(self, targets=None, page_size=1000):
        self._read("devices", targets=targets, page_size=page_size)
        return [dict(d) for d in self.device_list]


class ClientFactory(object):
    """Replaces make_client(api, params, environ=None): records each call in ``made`` and
    returns ``client`` (a FakeClient unless a test sets another)."""

    def __init__(self):
        self.client = FakeClient()
        self.made = []

    def __call__(self, api, params, environ=None):
        self.made.append((api, dict(params)))
        return self.client


def trusted(text):
    """``text`` as a manager value that a plugin forgot to mark would be: templated when read."""
    return trust_as_template(text) if trust_as_template else text


def _is_unsafe(text):
    if is_trusted_as_template:
        return not is_trusted_as_template(text)
    return isinstance(text, AnsibleUnsafe)


def templatable_strings(value):
    """The strings in ``value`` (keys too, however deeply nested) that Ansible would template; none
    when the plugin marked everything unsafe."""
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in templatable_strings(key) + templatable_strings(item)]
    if isinstance(value, (list, tuple, set)):
        return [s for item in value for s in templatable_strings(item)]
    if isinstance(value, (str, bytes)) and not _is_unsafe(value):
        return [value]
    return []
