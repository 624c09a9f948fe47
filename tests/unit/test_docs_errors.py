# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The troubleshooting guide quotes every message the collection can show a user.

Messages are extracted from the source, not listed by hand, so a new ``raise``, ``fail_json``,
warning or role ``fail`` fails this test until the guide (docs/docsite/rst/troubleshooting.rst)
quotes it:

- every message template in ``plugins/``: the first argument of an exception constructed anywhere
  (``InputError(...)``, ``raise AnsibleLookupError(...)``, ``return ApiError(...)``), ``msg=`` of
  ``fail_json`` and of result updates, ``ctx.warn(...)``, and assignments to ``msg``/``exc.msg``
  (including ``+=`` suffixes). A template is a string literal, ``"..." % args``, or a variable
  assigned one of those in the same function; the reason texts that fill a message's placeholder
  (``problem``, ``detail``, ``reason`` assignments and the strings returned by ``_describe*``,
  ``_root_cause`` and ``_excerpt``) count as templates too;
- ``fail_msg`` of ``ansible.builtin.assert`` and ``msg`` of ``ansible.builtin.fail`` tasks in
  ``roles/`` and ``playbooks/``, with ``{{ ... }}`` as placeholders;
- the option validation messages Ansible produces from the modules' argument specs (required
  options, ``required_one_of``, ``mutually_exclusive``), computed with ansible-core's own checks.

The guide must quote a template with each placeholder (``%s``, ``%r``, ``%d``, ``{{ x }}``...)
written as ``<name>`` or ``[optional part]``; everything else must match exactly (whitespace
may differ, so messages can wrap).
"""

from __future__ import annotations

import ast
import importlib
import pathlib
import re

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
PLUGINS = REPO / "plugins"
GUIDE = REPO / "docs" / "docsite" / "rst" / "troubleshooting.rst"

# Exception classes: any name ending like these (the collection's own and Ansible's).
EXCEPTION = re.compile(r"^[A-Z]\w*(Error|Exception|Timeout|Failed|Unknown|Paused)$")
# Names whose string values are the reasons that fill a message's placeholder.
REASON_NAMES = frozenset(("problem", "detail", "reason"))
REASON_FUNCTIONS = re.compile(r"^(_describe\w*|_root_cause|_excerpt)$")
PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdrifgxXeE%]")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# How the guide writes a placeholder: <name> or [optional part], one or more in a row.
PLACEHOLDER = r"(?:<[^<>\n]*>|\[[^\[\]\n]*\])+"


def _name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _template(node, scope):
    """The format string of a message expression, or None when it only passes one on."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _template(node.left, scope)
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "%s" for v in node.values)
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return _template(node.args[0], scope)  # a wrapper such as self.redact("..." % x)
    if isinstance(node, ast.Name) and scope is not None:
        for sub in ast.walk(scope):
            if isinstance(sub, ast.Assign) and any(isinstance(t, ast.Name) and t.id == node.id for t in sub.targets):
                return _template(sub.value, None)
    return None


def _string_values(node):
    """Templates among an assigned value: the value itself, or the values of a dict literal."""
    out = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Dict):
            out.extend(_template(v, None) for v in sub.values)
    out.append(_template(node, None))
    return out


def templates_in_source(text):
    """Message templates of one Python source (see the module docstring)."""
    tree = ast.parse(text)
    scopes = {}
    for func in ast.walk(tree):
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(func):
                scopes.setdefault(id(sub), func)
    found = []
    for node in ast.walk(tree):
        scope = scopes.get(id(node))
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if EXCEPTION.match(name) and node.args:
                found.append(_template(node.args[0], scope))
            elif name == "warn" and node.args:
                found.append(_template(node.args[0], scope))
            found.extend(_template(kw.value, scope) for kw in node.keywords
                         if kw.arg == "msg" and name in ("fail_json", "update", "exit_json"))
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [_name(t) for t in targets]
            if "msg" in names:
                found.append(_template(node.value, scope))
            if REASON_NAMES.intersection(names):
                found.extend(_string_values(node.value))
        elif isinstance(node, ast.Return) and node.value is not None and scope is not None \
                and REASON_FUNCTIONS.match(scope.name):
            found.append(_template(node.value, None))
    return [t for t in found if t is not None]


def code_templates():
    out = {}
    # The Event-Driven Ansible plugins (extensions/eda/plugins) show their messages to users too.
    for path in sorted(PLUGINS.rglob("*.py")) + sorted((REPO / "extensions" / "eda" / "plugins").rglob("*.py")):
        for template in templates_in_source(path.read_text(encoding="utf-8")):
            out.setdefault(template, str(path.relative_to(REPO)))
    return out


def _yaml_tasks(node):
    if isinstance(node, list):
        for item in node:
            yield from _yaml_tasks(item)
    elif isinstance(node, dict):
        yield node
        for key in ("tasks", "block", "rescue", "always", "pre_tasks", "post_tasks", "handlers"):
            yield from _yaml_tasks(node.get(key))


def yaml_templates():
    out = {}
    paths = sorted(REPO.glob("roles/*/tasks/*.yml")) + sorted(REPO.glob("playbooks/*.yml"))
    for path in paths:
        for task in _yaml_tasks(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for module, key in (("assert", "fail_msg"), ("fail", "msg")):
                for action in (module, "ansible.builtin." + module):
                    args = task.get(action)
                    if isinstance(args, dict) and isinstance(args.get(key), str):
                        out.setdefault(JINJA.sub("%s", args[key]), str(path.relative_to(REPO)))
    return out


def validation_messages():
    """Ansible's option validation messages for every action plugin's argument spec."""
    from ansible.module_utils.common.validation import (
        check_mutually_exclusive,
        check_required_arguments,
        check_required_one_of,
    )
    out = {}
    for path in sorted((PLUGINS / "action").glob("*.py")):
        module = importlib.import_module("ansible_collections.asyncjobs.fleet.plugins.action." + path.stem)
        op = module.ActionModule.OP
        spec = op.argument_spec
        defaults = {k: v["default"] for k, v in spec.items() if "default" in v}
        checks = [lambda: check_required_arguments(spec, {})]
        # A group whose options have defaults is always satisfied: Ansible never says that one.
        checks += [lambda g=g: check_required_one_of([g], defaults) for g in op.required_one_of]
        checks += [lambda g=g: check_mutually_exclusive([g], dict.fromkeys(g, "x")) for g in op.mutually_exclusive]
        for check in checks:
            try:
                check()
            except TypeError as exc:
                out.setdefault(str(exc), str(path.relative_to(REPO)))
    return out


def _squash(text):
    return " ".join(text.split())


def pattern(template):
    """A regex matching the guide's quote of a template (placeholders as <name> or [...])."""
    parts = []
    for index, literal in enumerate(PRINTF.split(template.replace("%%", "\x00"))):
        if index:
            parts.append(PLACEHOLDER)
        words = _squash(literal.replace("\x00", "%"))
        if words:
            lead = " " if literal[:1].isspace() and index else ""
            tail = " " if literal[-1:].isspace() else ""
            parts.append(re.escape(lead + words + tail).replace(r"\ ", r"\s+"))
        elif literal and index:
            parts.append(r"\s+")  # "%s %s": the placeholders are separated by a space
    return "".join(parts)


def missing_from(guide_text, templates):
    text = _squash(guide_text)
    return sorted(t for t in templates if not re.search(pattern(t), text))


@pytest.fixture(scope="module")
def guide():
    return GUIDE.read_text(encoding="utf-8")


def test_the_extractor_finds_the_collections_messages():
    # Guards against an extractor that silently finds nothing (and so can never fail).
    found = code_templates()
    assert len(found) > 120, sorted(found)
    for known in ("url is required: set the url option or the %s_URL environment variable",
                  "%s failed: %s", "connection refused (is the server running and the url right?)",
                  "Timed out after %ss waiting for %d of %d job(s): %s", "Invalid options for %s: %s",
                  "RPC %s failed: %s%s", "%s: outcome unknown. The request was sent but its reply was lost (%s), "
                  "so the server may or may not have acted on it; it was NOT sent again. No matching job was found "
                  "(%s), so it was most likely not processed. Re-running the task is safe: %s."):
        assert known in found
    assert any(t.startswith("Rollout halted: ") for t in yaml_templates())
    assert "parameters are mutually exclusive: src|file" in validation_messages()


def test_a_new_message_would_fail_the_check(guide):
    new = '''
def f(x):
    raise InputError("frobnicate must be a widget, got %r" % (x,))

def g(ctx):
    msg = "The gizmo at %s melted" % ctx
    raise JobFailed(msg)
'''
    found = templates_in_source(new)
    # The gizmo's message is found twice (its assignment and its raise); both must be quoted.
    assert sorted(set(found)) == ["The gizmo at %s melted", "frobnicate must be a widget, got %r"]
    assert missing_from(guide, set(found)) == sorted(set(found))
    # ...and quoting them with placeholders satisfies it.
    assert missing_from("``frobnicate must be a widget, got <value>``\n``The gizmo at <where>\n melted``", set(found)) == []


def test_placeholders_must_be_marked_and_literals_exact():
    template = "job_ids must not contain %s values (%d found)"
    assert missing_from("job_ids must not contain <kind> values (<n> found)", [template]) == []
    assert missing_from("job_ids must not contain empty values (3 found)", [template]) == [template]
    assert missing_from("job_ids must not contain <kind> value (<n> found)", [template]) == [template]


@pytest.mark.parametrize("source", ["plugins", "roles and playbooks", "argument specs"])
def test_troubleshooting_guide_quotes_every_message(guide, source):
    templates = {"plugins": code_templates, "roles and playbooks": yaml_templates,
                 "argument specs": validation_messages}[source]()
    missing = missing_from(guide, templates)
    assert not missing, "%s has messages that %s does not quote:\n%s" % (
        source, GUIDE.relative_to(REPO), "\n".join("%s  (%s)" % (t, templates[t]) for t in missing))
