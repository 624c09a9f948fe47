# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The PowerStore REST API's resources, actions and request bodies, and an offline body check.

The data is ``_schema_data.py``, generated from Dell's OpenAPI spec by ``tools/powerstore_schema.py``.
Everything here raises ``InputError`` with one message naming what was wrong and what is allowed,
so a bad request is refused before anything is sent.
"""

from __future__ import annotations

import difflib

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _schema_data as data
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

# "4.1.0.0" -> "4.1", as users name PowerStore releases.
RELEASE = '.'.join(data.SPEC_VERSION.split('.')[:2])


def resources():
    """The resource names (first path segments), sorted."""
    return sorted(data.RESOURCES)


def _resource(resource):
    entry = data.RESOURCES.get(resource) if isinstance(resource, str) else None
    if entry is None:
        names = resources()
        close = difflib.get_close_matches(str(resource), names, n=3)
        hint = ' did you mean %s?' % ' or '.join(close) if close else ''
        raise InputError("unknown PowerStore resource '%s';%s PowerStore %s resources: %s" % (resource, hint, RELEASE, ', '.join(names)))
    return entry


def actions(resource):
    """The action names of `resource`, sorted."""
    return sorted(_resource(resource)['actions'])


def operation(resource, action):
    """The request of `action` on `resource`: method, path (with ``{id}`` when `needs_id`), the
    body's definition name (None: no body) and the success statuses."""
    entry = _resource(resource)
    spec = entry['actions'].get(action) if isinstance(action, str) else None
    if spec is None:
        names = sorted(entry['actions'])
        if not names:
            raise InputError("PowerStore resource '%s' has no action '%s'; it has no actions (read only)" % (resource, action))
        raise InputError("PowerStore resource '%s' has no action '%s'; its actions are: %s" % (resource, action, ', '.join(names)))
    method, path, body, statuses = spec
    return {'resource': resource, 'action': action, 'method': method, 'path': path,
            'needs_id': '{id}' in path, 'body': body, 'statuses': list(statuses)}


def _properties(definition):
    return data.DEFINITIONS[definition]['properties'] if definition else {}


def instance_fields(resource):
    """The attribute names of `resource`'s read instance (an empty set when it has none)."""
    return set(_properties(_resource(resource)['instance']))


def comparable(resource, action, field):
    """True when `field` of `action`'s body also is an attribute of the instance (same name), so a
    modify can compare the wanted value with the current one."""
    return field in _properties(operation(resource, action)['body']) and field in instance_fields(resource)


def has_name(resource):
    """True when both the read instance and the create body have a ``name`` field."""
    entry = _resource(resource)
    create = entry['actions'].get('create')
    return 'name' in instance_fields(resource) and bool(create) and 'name' in _properties(create[2])


def validate(resource, action, body):
    """Check `body` (a dict, or None) of `action` on `resource` against the spec; raise InputError
    naming the first offending field by its path (``body.size``, ``body.initiators[0].port_name``).

    Checked: field names, types (a bool is no integer or number; an int is a number), enums,
    minimum/maximum, min/max length and item counts, nullability, and required fields. A modify's
    top-level required fields are not enforced: its body is the change, and may leave out what stays
    (nested objects' required fields are). Formats (date-time, ip-address) and patterns are not
    checked, nor the values inside objects the spec leaves free.
    """
    op = operation(resource, action)
    if op['body'] is None:
        if body is None or body == {}:
            return
        raise InputError("body: PowerStore %s %s takes no body; got %s" % (resource, action, _summary(body)))
    if body is None:
        body = {}
    _check_object(body, op['body'], 'body', required=action != 'modify')


def _summary(body):
    if isinstance(body, dict):
        return 'fields %s' % ', '.join(sorted(str(k) for k in body))
    return _type_name(body)


def _type_name(value):
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'boolean'
    if isinstance(value, int):
        return 'integer'
    if isinstance(value, float):
        return 'number'
    if isinstance(value, str):
        return 'string'
    if isinstance(value, (list, tuple)):
        return 'array'
    if isinstance(value, dict):
        return 'object'
    return type(value).__name__


# Which Python values a spec type accepts (bool is an int subclass: kept out explicitly).
_ACCEPTS = {
    'string': lambda v: isinstance(v, str),
    'integer': lambda v: isinstance(v, int) and not isinstance(v, bool),
    'number': lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    'boolean': lambda v: isinstance(v, bool),
    'array': lambda v: isinstance(v, (list, tuple)),
    'object': lambda v: isinstance(v, dict),
}


def _check_object(value, definition, path, required=True):
    if not isinstance(value, dict):
        raise InputError('%s: expected object, got %s' % (path, _type_name(value)))
    properties = _properties(definition)
    allowed = sorted(properties)
    for field in sorted(value, key=str):
        if field not in properties:
            close = difflib.get_close_matches(str(field), allowed, n=1)
            hint = ' did you mean %s?' % close[0] if close else ''
            raise InputError('%s.%s: unknown field;%s allowed fields: %s' % (path, field, hint, ', '.join(allowed)))
    if required:
        wanted = data.DEFINITIONS[definition].get('required', [])
        missing = [f for f in wanted if f not in value]
        if missing:
            raise InputError('%s: missing required field%s %s (required: %s)' % (
                path, 's' if len(missing) > 1 else '', ', '.join(missing), ', '.join(wanted)))
    for field in sorted(value):
        _check_value(value[field], properties[field], '%s.%s' % (path, field))


def _check_value(value, prop, path):
    if value is None:
        if prop.get('nullable'):
            return
        raise InputError('%s: expected %s, got null (the field cannot be null)' % (path, prop['type']))
    kind = prop['type']
    if not _ACCEPTS[kind](value):
        raise InputError('%s: expected %s, got %s' % (path, kind, _type_name(value)))
    if 'enum' in prop and value not in prop['enum']:
        # Enum fields name modes and types, never secrets: the value given may be shown.
        raise InputError('%s: %r is not allowed; allowed values: %s' % (path, value, ', '.join(str(v) for v in prop['enum'])))
    if kind in ('integer', 'number'):
        if 'minimum' in prop and value < prop['minimum']:
            raise InputError('%s: %s is less than the minimum %s' % (path, value, prop['minimum']))
        if 'maximum' in prop and value > prop['maximum']:
            raise InputError('%s: %s is more than the maximum %s' % (path, value, prop['maximum']))
    elif kind == 'string':
        # Lengths only: a string may be a password, so it is not repeated.
        if 'minLength' in prop and len(value) < prop['minLength']:
            raise InputError('%s: %d characters, fewer than the minimum length %d' % (path, len(value), prop['minLength']))
        if 'maxLength' in prop and len(value) > prop['maxLength']:
            raise InputError('%s: %d characters, more than the maximum length %d' % (path, len(value), prop['maxLength']))
    elif kind == 'array':
        if 'minItems' in prop and len(value) < prop['minItems']:
            raise InputError('%s: %d items, fewer than the minimum %d' % (path, len(value), prop['minItems']))
        if 'maxItems' in prop and len(value) > prop['maxItems']:
            raise InputError('%s: %d items, more than the maximum %d' % (path, len(value), prop['maxItems']))
        for index, item in enumerate(value):
            _check_value(item, prop['items'], '%s[%d]' % (path, index))
    elif kind == 'object' and 'def' in prop:
        _check_object(value, prop['def'], path)
