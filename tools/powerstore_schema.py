# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Derive the compact PowerStore schema (_schema_data.py) from Dell's OpenAPI (Swagger 2.0) spec.

Usage: python tools/powerstore_schema.py [SPEC] [OUTPUT]
  SPEC    the spec, .json or .json.gz (default: tests/data/powerstore-openapi-4.1.json.gz)
  OUTPUT  the file to write (default: plugins/module_utils/_backends/powerstore/_schema_data.py)

Stdlib only. The output is deterministic (sorted keys, lines <= 150 characters). Operations the
compact form cannot express (uploads, PUT, deeper paths, ...) are skipped and printed, so the
skip list is visible.
"""

import gzip
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPEC = os.path.join(ROOT, 'tests', 'data', 'powerstore-openapi-4.1.json.gz')
DEFAULT_OUTPUT = os.path.join(ROOT, 'plugins', 'module_utils', '_backends', 'powerstore', '_schema_data.py')
WIDTH = 150
# Constraints the validator checks; everything else of a property (descriptions, formats, examples,
# patterns, x-* annotations but x-ref and x-pstore-nullable) is dropped.
KEPT = ('minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems')

HEADER = '''\
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

# GENERATED from Dell's PowerStore REST API spec (OpenAPI/Swagger 2.0) -- do not edit by hand.
# Regenerate: python tools/powerstore_schema.py tests/data/powerstore-openapi-4.1.json.gz \\
#     plugins/module_utils/_backends/powerstore/_schema_data.py
# Read through _schema.py; the lab reads this file by path (pure literals, no imports).
'''


def load_spec(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8') as f:
        return json.load(f)


def _ref_name(ref):
    prefix = '#/definitions/'
    if not ref.startswith(prefix):
        raise ValueError('unsupported $ref %r' % ref)
    return ref[len(prefix):]


class Compactor(object):
    """Turns spec definitions into the compact form, adding generated names for inline objects."""

    def __init__(self, spec):
        self.spec_defs = spec.get('definitions', {})
        self.defs = {}

    def is_enum(self, name):
        return 'enum' in self.spec_defs[name]

    def is_array(self, name):
        d = self.spec_defs[name]
        return d.get('type') == 'array' and 'properties' not in d

    def definition(self, name):
        """The compact definition `name` (converted once), returned by name."""
        if name not in self.defs:
            self.defs[name] = None     # a cycle back to `name` only needs the name
            self.defs[name] = self._object(self.spec_defs[name], name)
        return name

    def inline(self, schema, name):
        """An inline object schema registered under a generated name."""
        if name in self.defs or name in self.spec_defs:
            raise ValueError('generated definition name %r already taken' % name)
        self.defs[name] = None
        self.defs[name] = self._object(schema, name)
        return name

    def _object(self, schema, name):
        properties, required = {}, []
        for part in schema.get('allOf', []):
            # allOf in this spec is inheritance: merge the members' fields.
            if '$ref' in part:
                member = self.definition(_ref_name(part['$ref']))
                compact = self.defs[member]
                if compact is None:
                    raise ValueError('allOf cycle through %r' % member)
            else:
                compact = self._object(part, name)
            properties.update(compact['properties'])
            required.extend(r for r in compact.get('required', []) if r not in required)
        for field, prop in schema.get('properties', {}).items():
            properties[field] = self.property(prop, '%s.%s' % (name, field))
        required.extend(r for r in schema.get('required', []) if r not in required)
        out = {'properties': properties}
        if required:
            out['required'] = required
        return out

    def property(self, prop, where):
        """The compact form of one property (or array items) schema; `where` names inline objects."""
        out = {}
        ref = _ref_name(prop['$ref']) if '$ref' in prop else None
        if ref and self.is_enum(ref):
            target = self.spec_defs[ref]
            out['type'] = target.get('type', 'string')
            out['enum'] = list(target['enum'])
        elif ref and self.is_array(ref):
            out.update(self.property(self.spec_defs[ref], where))
        elif ref and prop.get('type') == 'array':
            # A few response fields put $ref beside type: array; the $ref is the items' definition.
            out['type'] = 'array'
            out['items'] = {'type': 'object', 'def': self.definition(ref)}
        elif ref:
            out['type'] = 'object'
            out['def'] = self.definition(ref)
        elif 'type' not in prop:
            raise ValueError('%s: no type and no $ref' % where)
        else:
            out['type'] = prop['type']
            if 'enum' in prop:
                out['enum'] = list(prop['enum'])
            if prop['type'] == 'array':
                out['items'] = self.property(prop.get('items', {'type': 'object'}), where + '[]')
            elif prop['type'] == 'object' and (prop.get('properties') or prop.get('allOf')):
                out['def'] = self.inline(prop, where)
        for key in KEPT:
            if key in prop:
                out[key] = prop[key]
        if 'x-ref' in prop:
            out['ref'] = prop['x-ref']
        if prop.get('x-pstore-nullable'):
            out['nullable'] = True
        return out


def classify(path, method):
    """(resource, action, needs_id) for a non-GET operation, or a reason it is skipped."""
    segments = path.strip('/').split('/')
    resource = segments[0]
    if method not in ('post', 'patch', 'delete'):
        return 'method %s' % method.upper()
    if '{' in resource:
        return 'no resource segment'
    if len(segments) == 1:
        if method == 'post':
            return resource, 'create', False
        return '%s on a collection' % method.upper()
    if len(segments) == 2 and segments[1] == '{id}':
        if method == 'patch':
            return resource, 'modify', True
        if method == 'delete':
            return resource, 'delete', True
        return 'POST on an instance'
    word = segments[-1]
    if method != 'post':
        return '%s on an action path' % method.upper()
    if '{' in word:
        return 'path parameter other than {id}'
    if len(segments) == 2:
        return resource, word, False
    if len(segments) == 3 and segments[1] == '{id}':
        return resource, word, True
    return 'path deeper than /resource/{id}/action'


def body_parameter(operation, parameters):
    """The `in: body` schema, None when there is none, or a reason it cannot be expressed."""
    body = None
    for param in parameters + operation.get('parameters', []):
        where = param.get('in')
        if where == 'formData':
            return 'formData (file upload) body'
        if where == 'body':
            body = param.get('schema', {})
    return body


def build(spec):
    """(spec version, RESOURCES, DEFINITIONS, skips) for the compact schema of `spec`."""
    compactor = Compactor(spec)
    resources, skips = {}, []
    paths = spec['paths']
    for path in sorted(paths):
        item = paths[path]
        shared = item.get('parameters', [])
        for method in sorted(item):
            if method in ('get', 'parameters'):
                continue
            kind = classify(path, method)
            if isinstance(kind, str):
                skips.append('%s %s: %s' % (method.upper(), path, kind))
                continue
            resource, action, needs_id = kind
            operation = item[method]
            body = body_parameter(operation, shared)
            if isinstance(body, str):
                skips.append('%s %s: %s' % (method.upper(), path, body))
                continue
            entry = resources.setdefault(resource, {'instance': None, 'actions': {}})
            if action in entry['actions']:
                skips.append('%s %s: action %r of %r already taken by %s' % (
                    method.upper(), path, action, resource, entry['actions'][action][1]))
                continue
            if body is None:
                body_def = None
            elif '$ref' in body:
                body_def = compactor.definition(_ref_name(body['$ref']))
            elif body.get('type', 'object') == 'object':
                body_def = compactor.inline(body, '%s.%s.body' % (resource, action))
            else:
                skips.append('%s %s: a body that is not an object' % (method.upper(), path))
                continue
            statuses = sorted(code for code in operation.get('responses', {}) if code.startswith('2'))
            entry['actions'][action] = [method.upper(), path, body_def, statuses]
    # Every resource (first path segment) with actions or a read instance.
    for path in sorted(paths):
        resource = path.strip('/').split('/')[0]
        if '{' in resource:
            continue
        instance = None
        get = paths.get('/%s/{id}' % resource, {}).get('get')
        schema = ((get or {}).get('responses', {}).get('200') or {}).get('schema') or {}
        if '$ref' in schema:
            instance = _ref_name(schema['$ref'])
        elif '%s_instance' % resource in compactor.spec_defs:
            instance = '%s_instance' % resource
        if instance is None and resource not in resources:
            continue
        entry = resources.setdefault(resource, {'instance': None, 'actions': {}})
        if instance is not None:
            entry['instance'] = compactor.definition(instance)
    # Only the definitions reachable from action bodies and instances.
    reachable, todo = set(), []
    for entry in resources.values():
        todo.append(entry['instance'])
        todo.extend(a[2] for a in entry['actions'].values())
    while todo:
        name = todo.pop()
        if name is None or name in reachable:
            continue
        reachable.add(name)
        for prop in compactor.defs[name]['properties'].values():
            while prop is not None:
                if 'def' in prop:
                    todo.append(prop['def'])
                prop = prop.get('items')
    definitions = dict((n, compactor.defs[n]) for n in reachable)
    return spec['info']['version'], resources, definitions, skips


def _literal(value, indent, room):
    """`value` as a Python literal: on one line when it fits in `room`, else its items at `indent`
    + 4 spaces (a fixed step, unlike pprint's hanging indent, keeps deep lines short), as many
    short items to a line as fit (indentation would otherwise be a quarter of the file)."""
    flat = _flat(value)
    if len(flat) <= room or not isinstance(value, (dict, list)) or not value:
        return flat
    inner = indent + '    '
    if isinstance(value, dict):
        opening, closing = '{', '}'
        items = [('%r: ' % key, value[key]) for key in sorted(value)]
    else:
        opening, closing = '[', ']'
        items = [('', item) for item in value]
    lines, line = [], ''
    for head, item in items:
        piece = head + _flat(item) + ','
        if line and len(inner) + len(line) + 1 + len(piece) <= WIDTH:
            line += ' ' + piece
            continue
        if line:
            lines.append(inner + line)
        if len(inner) + len(piece) <= WIDTH:
            line = piece
        else:
            lines.append(inner + head + _literal(item, inner, WIDTH - len(inner) - len(head) - 1) + ',')
            line = ''
    if line:
        lines.append(inner + line)
    return opening + '\n' + '\n'.join(lines) + '\n' + indent + closing


def _flat(value):
    if isinstance(value, dict):
        return '{' + ', '.join('%r: %s' % (k, _flat(value[k])) for k in sorted(value)) + '}'
    if isinstance(value, list):
        return '[' + ', '.join(_flat(v) for v in value) + ']'
    return repr(value)


def render(spec):
    """(text of _schema_data.py, skips)."""
    version, resources, definitions, skips = build(spec)
    text = HEADER + '\nSPEC_VERSION = %r\n\nRESOURCES = %s\n\nDEFINITIONS = %s\n' % (
        version, _literal(resources, '', 0), _literal(definitions, '', 0))
    long_lines = [line for line in text.splitlines() if len(line) > WIDTH]
    if long_lines:
        raise ValueError('%d generated lines are longer than %d characters: %r' % (len(long_lines), WIDTH, long_lines[0]))
    return text, skips


def main(argv):
    spec_path = argv[1] if len(argv) > 1 else DEFAULT_SPEC
    output = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    text, skips = render(load_spec(spec_path))
    with open(output, 'w', encoding='utf-8') as f:
        f.write(text)
    for skip in skips:
        print('skipped: %s' % skip)
    print('wrote %s (%d bytes), %d operations skipped' % (output, len(text.encode('utf-8')), len(skips)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
