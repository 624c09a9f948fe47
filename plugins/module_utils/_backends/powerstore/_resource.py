# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Dell PowerStore operation: powerstore_resource, any resource and action of the REST API.

The request is checked against the compact schema (``_schema``) before anything is sent, not
even the login. ``create`` is idempotent on the name where the resource has one, ``modify``
sends only the fields that differ from the instance as read, ``delete`` of a missing instance
changes nothing, and named actions (clone, snapshot, attach...) are always submitted. Every
change is one ``?is_async=true`` request and a wait for its job (see ``_changes``).
"""

from __future__ import annotations

import re

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import (
    argspec,
    CONNECTION_ARGSPEC,
    WAIT_ARGSPEC,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import submission_lock
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Operation
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError, JobFailed
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _schema as schema
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _schema_data as data
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._changes import Changes
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._client import BASE
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path

STANDARD = ("create", "modify", "delete")
_ID_BAD = re.compile(r"[\s\x00-\x1f\x7f]")
_NAME_BAD = re.compile(r"[\x00-\x1f\x7f]")
# Body fields that carry secrets (the spec marks them ``format: password``; the compact schema
# keeps no formats, so their names decide): censored from every result, like no_log options.
_SECRET_FIELD = re.compile(r"password|passphrase|secret|authpass|access_key|authentication_key|private_key|"
                           r"community_string|token", re.IGNORECASE)


def words(resource):
    return resource.replace("_", " ")


def _instance_properties(resource):
    definition = data.RESOURCES[resource]["instance"]
    return data.DEFINITIONS[definition]["properties"] if definition else {}


def _is_relation(prop):
    """An attribute that names another resource (``ref``): read only with ``rel(fields)``, not compared."""
    return "ref" in prop or "ref" in (prop.get("items") or {})


def read_fields(resource):
    """The instance attributes read back: every one that is not a relation to another resource."""
    props = _instance_properties(resource)
    return sorted(set(f for f, p in props.items() if not _is_relation(p)) | ({"id"} if props else set()))


def body_fields(resource, action):
    definition = schema.operation(resource, action)["body"]
    return sorted(data.DEFINITIONS[definition]["properties"]) if definition else []


def compared_fields(resource, action, body):
    """The fields of ``body`` a modify can compare with the instance as read."""
    props = _instance_properties(resource)
    return [f for f in body if schema.comparable(resource, action, f) and not _is_relation(props.get(f, {}))]


def secrets_in(value, key=None):
    """String values of secret-named fields anywhere in a body."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in secrets_in(v, k)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in secrets_in(v, key)]
    if key is not None and isinstance(value, str) and value and _SECRET_FIELD.search(str(key)):
        return [value]
    return []


def same(current, desired):
    """Whether a value as read already is the desired one.

    Null, "" and a missing attribute are the same (PowerStore clears with either); booleans
    never equal numbers; numbers compare by value; lists item by item in order; an object
    compares only the keys given (an instance's objects carry more than a request sets).
    """
    if desired is None or desired == "":
        return current is None or current == ""
    if isinstance(desired, bool) or isinstance(current, bool):
        return isinstance(desired, bool) and isinstance(current, bool) and desired == current
    if isinstance(desired, dict):
        return isinstance(current, dict) and all(same(current.get(k), v) for k, v in desired.items())
    if isinstance(desired, (list, tuple)):
        return isinstance(current, (list, tuple)) and len(current) == len(desired) and \
            all(same(c, d) for c, d in zip(current, desired))
    return current == desired


def modify_plan(resource, current, body):
    """What a modify sends: ``(send, differing, blind)``.

    ``differing``: the comparable fields whose value differs from ``current`` (None when the
    instance could not be read: nothing compares). ``blind``: the fields that cannot be compared
    (write-only, such as add_initiators or force). They are sent along with a real difference;
    a body of only such fields is always sent; nothing differing -> nothing sent.
    """
    compared = compared_fields(resource, "modify", body) if current is not None else []
    differing = {f: body[f] for f in compared if not same(current.get(f), body[f])}
    blind = {f: v for f, v in body.items() if f not in compared}
    if differing or not compared:
        return dict(differing, **blind), differing, blind
    return {}, {}, blind


def action_path(template, instance_id=None):
    """The spec's path with ``{id}`` filled in, the id confined to its segment (``join_path``)."""
    segments = [s for s in template.split("/") if s]
    path = ""
    for segment in segments:
        path = join_path(path, instance_id if segment == "{id}" else segment)
    return path


def check_instance_id(value):
    text = "" if value is None else str(value)
    if not text or len(text) > 255 or _ID_BAD.search(text):
        raise InputError("id must be a PowerStore instance id (1 to 255 characters without spaces or control "
                         "characters), got %r" % (value,))
    return text


def check_instance_name(value):
    text = "" if value is None else str(value)
    if not text.strip() or len(text) > 255 or _NAME_BAD.search(text):
        raise InputError("name must be 1 to 255 characters without control characters, got %r" % (value,))
    return text


class Plan(object):
    """A checked request: nothing about it needs the manager any more."""

    def __init__(self, resource, action, op, body, instance_id=None, name=None):
        self.resource, self.action, self.op, self.body = resource, action, op, body
        self.instance_id, self.name = instance_id, name
        self.select = ",".join(read_fields(resource))
        self.readable = bool(self.select)
        # What the task needs when the array refuses the full select (see Resource._get).
        props = _instance_properties(resource)
        needed = ["id"] + (["name"] if "name" in props else [])
        self.minimal = ",".join(needed + [f for f in compared_fields(resource, action, body or {}) if f not in needed])
        self.warn = None

    @property
    def target(self):
        return self.instance_id or self.name

    def lock_key(self):
        """Names as powerstore_volume_group keys its lock (casefolded), so both modules serialise on a group."""
        if self.instance_id:
            return "id:" + self.instance_id
        if self.name:
            return self.name.casefold()
        return "action:" + self.action


def preflight(params):
    """Every offline check, in order: resource and action, the instance (id or name), the body.

    Returns a Plan; raises InputError naming the option or field and what is allowed.
    """
    resource, action = params["resource"], params["action"]
    op = schema.operation(resource, action)
    instance_id, name = params.get("id"), params.get("name")
    body = dict(params.get("body") or {})  # a dict: the argument spec converted it
    where = "PowerStore %s %s (%s %s%s)" % (resource, action, op["method"], BASE, op["path"])
    if instance_id is not None and name is not None:
        raise InputError("id and name are mutually exclusive: give one of them to name the %s instance" % words(resource))
    if op["needs_id"]:
        if instance_id is None and name is None:
            raise InputError("%s acts on one instance: give its id or its name" % where)
        if name is not None and "name" not in _instance_properties(resource):
            raise InputError("name: PowerStore %s instances have no name attribute to look them up by; give the "
                             "instance's id instead" % resource)
    elif instance_id is not None:
        raise InputError("id: %s does not act on an existing instance; remove id" % where)
    elif name is not None and action != "create":
        raise InputError("name: %s does not act on an existing instance; remove name" % where)
    if instance_id is not None:
        instance_id = check_instance_id(instance_id)
    if name is not None:
        name = check_instance_name(name)
    if action == "create" and name is not None:
        if "name" not in body_fields(resource, action):
            raise InputError("name: the body of PowerStore %s create has no name field; its fields are: %s"
                             % (resource, ", ".join(body_fields(resource, action)) or "none"))
        if "name" in body and body["name"] != name:
            raise InputError("name %r and body.name %r differ: give the new %s's name once"
                             % (name, body["name"], words(resource)))
        body["name"] = name
    if action == "modify" and not body:
        raise InputError("body: PowerStore %s modify needs at least one field to change; its fields are: %s"
                         % (resource, ", ".join(body_fields(resource, action))))
    schema.validate(resource, action, body or None)
    if action == "create" and schema.has_name(resource) and isinstance(body.get("name"), str):
        name = body["name"]
    return Plan(resource, action, op, body, instance_id, name)


class Resource(Operation):
    argument_spec = argspec(
        CONNECTION_ARGSPEC, WAIT_ARGSPEC,
        resource=dict(type="str", required=True),
        action=dict(type="str", required=True),
        id=dict(type="str"),
        name=dict(type="str"),
        body=dict(type="dict"),
    )
    requirements = req.JSON

    def extra_no_log_values(self, params):
        return secrets_in(params.get("body") or {})

    def run(self, params, ctx):
        plan = preflight(params)
        client = ctx.connect("powerstore", params)
        result = dict(changed=False, job_id=None, job=None, response_body=None, adopted_job_ids=[], resource=None,
                      sent=None)
        if ctx.check_mode:
            return self._run(client, plan, params, ctx, result)
        # One look-then-submit at a time per instance on this controller, released at the
        # submission so that a concurrent run then finds the job and adopts it.
        with submission_lock(ctx, ctx.deadline(params["wait_timeout"]), client.transport.base_url, plan.resource,
                             plan.lock_key(), self._what(plan), result) as held:
            return self._run(client, plan, params, ctx, result, held)

    @staticmethod
    def _what(plan):
        return "%s %s%s" % (plan.action, words(plan.resource), " " + plan.target if plan.target else "")

    def _run(self, client, plan, params, ctx, result, held=None):
        plan.warn = ctx.warn
        changes = Changes(client, params, ctx, result, held)
        if plan.action == "create":
            return self._create(changes, plan, ctx, result)
        current = self._find(client, plan) if plan.op["needs_id"] else None
        if plan.action == "delete":
            return self._delete(changes, plan, current, ctx, result)
        if plan.op["needs_id"] and current is None:
            raise InputError("PowerStore %s %s not found: no %s has that %s; nothing was sent"
                             % (words(plan.resource), plan.target, words(plan.resource),
                                "id" if plan.instance_id else "name"))
        if plan.action == "modify":
            return self._modify(changes, plan, current, ctx, result)
        return self._action(changes, plan, current, ctx, result)

    # -- reads
    @staticmethod
    def _get(plan, fetch):
        """``fetch(select)`` with every attribute the 4.1 schema lists. An array of an older release
        refuses a select naming an attribute it lacks (HTTP 400), so read once more with only the
        attributes the task compares, and keep to those."""
        try:
            return fetch(plan.select)
        except ApiError as exc:
            if exc.status != 400 or plan.select == plan.minimal:
                raise
            if plan.warn is not None:
                plan.warn("PowerStore refused to return every %s attribute of its 4.1 schema (%s); an older release "
                          "lacks some, so only %s were read" % (words(plan.resource), exc.msg, plan.minimal))
            plan.select = plan.minimal
            return fetch(plan.select)

    def _read(self, client, plan, instance_id):
        if not plan.readable:
            return {"id": instance_id}  # no instance definition: the id is taken as given
        return self._get(plan, lambda select: client.instance(plan.resource, instance_id, select))

    def _named(self, client, plan, name):
        rows = [r for r in self._get(plan, lambda select: client.by_name(plan.resource, name, select))
                if isinstance(r, dict)]
        exact = [r for r in rows if r.get("name") == name]
        rows = exact or [r for r in rows if str(r.get("name", "")).casefold() == name.casefold()]
        if len(rows) > 1:
            raise InputError("name %r is ambiguous: %d PowerStore %s instances have it (ids %s); give the id instead"
                             % (name, len(rows), words(plan.resource), ", ".join(str(r.get("id")) for r in rows)))
        return rows[0] if rows else None

    def _find(self, client, plan):
        if plan.instance_id:
            return self._read(client, plan, plan.instance_id)
        found = self._named(client, plan, plan.name)
        new_name = plan.body.get("name") if plan.action == "modify" else None
        if found is None and isinstance(new_name, str) and new_name != plan.name:
            # A re-run after a rename finds the instance under its new name.
            found = self._named(client, plan, new_name)
        return found

    def _reread(self, client, plan, instance_id):
        return self._read(client, plan, instance_id) if instance_id else None

    # -- submissions
    def _submit(self, changes, plan, method, path, body, instance_id=None, name=None):
        what = "%s %s %s" % (method, words(plan.resource), instance_id or name or "")
        changes.result["sent"] = {"method": method, "path": BASE + path, "body": body}
        job_id = changes.submit(method, path, body, what.strip(), plan.action, plan.resource,
                                resource_id=instance_id, resource_name=None if instance_id else name)
        if instance_id or name:
            changes.check_duplicates(what.strip())
        return job_id

    @staticmethod
    def _wait(changes, plan, job_id, label):
        try:
            job = changes.wait_one(job_id, "%s %s" % (plan.action, label))
        except JobFailed as exc:
            exc.result["response_body"] = (exc.result.get("job") or {}).get("response_body")
            raise
        if job is not None:
            changes.result["response_body"] = job.get("response_body")
        return job

    @staticmethod
    def _would_send(result, method, path, body):
        result["sent"] = {"method": method, "path": BASE + path, "body": body}

    # -- create
    def _create(self, changes, plan, ctx, result):
        client = changes.client
        keyed = plan.name if schema.has_name(plan.resource) and plan.readable else None
        if keyed:
            found = self._named(client, plan, keyed)
            if found is None:
                jobs = changes.adopt(plan.resource, names=[keyed], action="create")
                if jobs:
                    found = self._named(client, plan, keyed)
                    result["changed"] = found is not None and any(j["state"] == lc.SUCCEEDED for j in jobs)
            if found is not None:
                result.update(resource=found, exists=True)
                return result
        result.update(changed=True, exists=False)
        path = action_path(plan.op["path"])
        if ctx.diff:
            result["diff"] = {"before": {"state": "absent"}, "after": dict(plan.body, state="present")}
        if ctx.check_mode:
            self._would_send(result, "POST", path, plan.body)
            return result
        job_id = self._submit(changes, plan, "POST", path, plan.body, name=keyed)
        job = self._wait(changes, plan, job_id, ("%s %s" % (words(plan.resource), keyed or "")).strip())
        if job is None or job["state"] != lc.SUCCEEDED or not plan.readable:
            return result
        new_id = created_id(job)
        if new_id:
            result["resource"] = self._get(plan, lambda select: client.instance(plan.resource, new_id, select))
        elif keyed:
            result["resource"] = self._named(client, plan, keyed)
        return result

    # -- modify
    def _modify(self, changes, plan, current, ctx, result):
        client = changes.client
        instance_id = usable_id(current, plan.resource)
        # A change in flight on the instance (a run that died mid-wait, another client) ends
        # first; the instance is then read and compared again.
        jobs = changes.adopt(plan.resource, ids=[instance_id])
        if jobs:
            current = self._reread(client, plan, instance_id) or current
            result["changed"] = any(j["state"] == lc.SUCCEEDED for j in jobs)
        readable = plan.readable
        send, differing, blind = modify_plan(plan.resource, current if readable else None, plan.body)
        result["resource"] = current if readable else None
        if ctx.diff and send:
            result["diff"] = {"before": {f: current.get(f) for f in differing}, "after": dict(send)}
        if not send:
            return result
        result["changed"] = True
        path = action_path(plan.op["path"], instance_id)
        if ctx.check_mode:
            self._would_send(result, "PATCH", path, send)
            return result
        job_id = self._submit(changes, plan, "PATCH", path, send, instance_id=instance_id)
        job = self._wait(changes, plan, job_id, "%s %s" % (words(plan.resource), plan.target))
        if job is None or job["state"] != lc.SUCCEEDED or not readable:
            return result
        after = self._reread(client, plan, instance_id)
        result["resource"] = after
        left = sorted(f for f in differing if after is None or not same(after.get(f), differing[f]))
        if left:
            changes.ctx.warn("PowerStore job %s completed but %s %s still differs in: %s; a re-run will send them again"
                             % (job_id, words(plan.resource), plan.target, ", ".join(left)))
        return result

    # -- delete
    def _delete(self, changes, plan, current, ctx, result):
        client = changes.client
        if current is None:
            return result
        instance_id = usable_id(current, plan.resource)
        if plan.readable:
            jobs = changes.adopt(plan.resource, ids=[instance_id])
            if jobs:
                current = self._reread(client, plan, instance_id)
                result["changed"] = current is None and any(j["state"] == lc.SUCCEEDED for j in jobs)
                if current is None:
                    return result
            result["resource"] = current
        result["changed"] = True
        if ctx.diff:
            before = {"state": "present", "id": instance_id}
            if plan.readable and current.get("name") is not None:
                before["name"] = current.get("name")
            result["diff"] = {"before": before, "after": {"state": "absent"}}
        path = action_path(plan.op["path"], instance_id)
        body = plan.body or None
        if ctx.check_mode:
            self._would_send(result, "DELETE", path, body)
            return result
        job_id = self._submit(changes, plan, "DELETE", path, body, instance_id=instance_id)
        self._wait(changes, plan, job_id, "%s %s" % (words(plan.resource), plan.target))
        return result

    # -- named actions: not idempotent, always submitted
    def _action(self, changes, plan, current, ctx, result):
        client = changes.client
        instance_id = usable_id(current, plan.resource) if current is not None else None
        if instance_id and plan.readable:
            # Jobs in flight on the instance end first, so the action starts from a settled state.
            if changes.adopt(plan.resource, ids=[instance_id]):
                current = self._reread(client, plan, instance_id) or current
            result["resource"] = current
        result["changed"] = True
        path = action_path(plan.op["path"], instance_id)
        body = plan.body or None
        if ctx.check_mode:
            self._would_send(result, plan.op["method"], path, body)
            return result
        job_id = self._submit(changes, plan, plan.op["method"], path, body, instance_id=instance_id)
        job = self._wait(changes, plan, job_id, ("%s %s" % (words(plan.resource), plan.target or "")).strip())
        if job is not None and job["state"] == lc.SUCCEEDED and instance_id and plan.readable:
            result["resource"] = self._reread(client, plan, instance_id)
        return result


def _plausible_id(value):
    return isinstance(value, str) and 0 < len(value) <= 255 and not _ID_BAD.search(value)


def usable_id(row, resource):
    """The id of an instance as read: a value from the array, so checked before it goes into a path."""
    value = row.get("id")
    if not _plausible_id(value):
        raise ApiError("PowerStore returned a %s without a usable id: %s" % (words(resource), lc.gist(value, 80)))
    return value


def created_id(job):
    """The new instance's id: the job's ``response_body.id`` (PowerStore's create response), else
    the job's ``resource_id``. A value that is not a plausible id is ignored."""
    body = job.get("response_body")
    for value in ((body or {}).get("id") if isinstance(body, dict) else None, job.get("resource_id")):
        if _plausible_id(value):
            return value
    return None


RESOURCE = Resource()
