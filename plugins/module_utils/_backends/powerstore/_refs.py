# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""PowerStore names and references shared by the operations: name checks, and objects a user
names by name or id (policies, hosts, host groups, volume groups) resolved to their ids."""

from __future__ import annotations

import re

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

_NAME_BAD = re.compile(r"[\x00-\x1f\x7f/?#%\\]")
# How many available names a "not found" message lists before "and N more".
SHOWN_NAMES = 20


def check_name(value, option):
    text = "" if value is None else str(value)
    if not text.strip() or len(text) > 128 or _NAME_BAD.search(text):
        raise InputError("%s must be 1 to 128 printable characters without / ? # %% or backslash, got %r"
                         % (option, value))
    return text


def _bare(value):
    """A reference as given, without the ``name:`` prefix PowerStore accepts in bodies."""
    text = str(value).strip()
    return text[5:] if text.startswith("name:") else text


def _listed(names):
    names = sorted(set(str(n) for n in names))
    more = len(names) - SHOWN_NAMES
    return ", ".join(names[:SHOWN_NAMES]) + (" and %d more" % more if more > 0 else "") if names else "none"


def resolve_policy(value, ptype, option, policies):
    """A policy given by id, name or ``name:<name>`` -> its id; "" -> None (remove)."""
    text = str(value).strip()
    if text == "":
        return None
    text = _bare(text)
    same_type = [p for p in policies if p.get("type") == ptype]
    for policy in same_type:
        if policy.get("id") == text:
            return policy["id"]
    for policy in same_type:
        if str(policy.get("name", "")).casefold() == text.casefold():
            return policy["id"]
    other = [p for p in policies if p.get("type") != ptype and text in (p.get("id"), p.get("name"))]
    hint = (" (%r is a %s policy)" % (text, other[0]["type"])) if other else ""
    names = sorted(str(p.get("name")) for p in same_type)
    raise InputError("%s %r not found: no %s policy has that name or id%s. Available %s policies: %s. "
                     "Nothing was changed." % (option, str(value), ptype, hint, ptype, ", ".join(names) or "none"))


def resolve_ref(value, kind, option, rows):
    """An object given by id, name or ``name:<name>`` among ``rows`` (id/name dicts) -> its id.

    ``kind`` is the object's words for the message ("host", "host group"); names compare
    case-insensitively, as PowerStore's do.
    """
    text = _bare(value)
    for row in rows:
        if row.get("id") == text:
            return row["id"]
    for row in rows:
        if str(row.get("name", "")).casefold() == text.casefold():
            return row["id"]
    raise InputError("%s %r not found: no %s has that name or id. Available %ss: %s. Nothing was changed."
                     % (option, str(value), kind, kind, _listed(r.get("name") for r in rows)))


def readable(field, value, names):
    if field.endswith("_policy_id"):
        return "" if value is None else names.get(value, value)
    return value
