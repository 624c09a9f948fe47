# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The pure part of powerstore_volume: sizes, the checks of each volume's options, and the plan
of one volume (the steps that take it from what was read to what was asked), with no I/O.

A plan's steps run in this order, each one job: create (which also sets the group, the policies
and the mapping), PATCH of the differing fields, leaving the old volume group, joining the new
one, the mapping (attach or detach), and the deletion.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._refs import (
    check_name,
    resolve_policy,
    resolve_ref,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._urls import join_path

# The options one volume takes: at the top level, or in each item of `volumes`.
PER_VOLUME = ("name", "id", "state", "new_name", "size", "description", "volume_group", "protection_policy",
              "performance_policy", "host", "host_group", "logical_unit_number", "mapping_state")
# volume_create / volume_modify: sizes are multiples of 8192 bytes, from 1 MiB to 256 TiB.
BLOCK = 8192
MIN_SIZE = 1024 ** 2
MAX_SIZE = 256 * 1024 ** 4
MAX_LUN = 16383
MAX_DESCRIPTION = 128
# Every unit is 1024-based, as PowerStore Manager and Dell's own collection count.
UNITS = (("PiB", 1024 ** 5), ("TiB", 1024 ** 4), ("GiB", 1024 ** 3), ("MiB", 1024 ** 2), ("KiB", 1024))
_FACTORS = {"": 1, "b": 1}
for _unit, _factor in UNITS:
    _FACTORS[_unit.lower()] = _FACTORS[_unit[0].lower() + "b"] = _factor
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$")
# PowerStore ids are UUIDs; this only keeps an id to one plain token for listings and paths.
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
SIZE_FORMS = "bytes as a whole number, or a number with a unit (B, KB, MB, GB, TB, PB or KiB to PiB, all 1024-based) " \
             "such as 100GB, 1.5 TB or 512MiB"
# Comparable volume fields: API field -> key in `changes` and diffs.
FIELDS = (("name", "name"), ("description", "description"), ("size", "size"),
          ("protection_policy_id", "protection_policy"), ("performance_policy_id", "performance_policy"))
TARGET_WORDS = {"host": "host", "host_group": "host group"}


def human_size(size):
    """Bytes as PowerStore Manager shows them: ``100 GiB``, ``1.5 TiB`` (two decimals at most)."""
    for unit, factor in UNITS:
        if size >= factor:
            return "%s %s" % (("%.2f" % (float(size) / factor)).rstrip("0").rstrip("."), unit)
    return "%d B" % size


def sized(size):
    return "%s (%d bytes)" % (human_size(size), size)


def parse_size(value, option):
    """A size option -> bytes: a whole multiple of 8192 from 1 MiB to 256 TiB, else InputError."""
    if isinstance(value, bool):
        raise InputError("%s must be %s, got %r" % (option, SIZE_FORMS, value))
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise InputError("%s must be %s, got %r" % (option, SIZE_FORMS, value))
        number = Decimal(repr(value))
    else:
        match = _SIZE.match(str(value))
        unit = match.group(2).lower() if match else None
        if unit not in _FACTORS:
            raise InputError("%s must be %s, got %r" % (option, SIZE_FORMS, value))
        try:
            number = Decimal(match.group(1)) * _FACTORS[unit]
        except InvalidOperation:
            raise InputError("%s must be %s, got %r" % (option, SIZE_FORMS, value))
    if number != number.to_integral_value():
        raise InputError("%s %r is not a whole number of bytes (%s bytes)" % (option, value, number.normalize()))
    size = int(number)
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InputError("%s %r is %d bytes: PowerStore volumes are 1 MiB (1048576 bytes) to 256 TiB "
                         "(281474976710656 bytes)" % (option, value, size))
    if size % BLOCK:
        low = size - size % BLOCK
        nearest = [s for s in (low, low + BLOCK) if MIN_SIZE <= s <= MAX_SIZE]
        raise InputError("%s %r is %d bytes, not a multiple of 8192 bytes (8 KiB), which PowerStore requires; the "
                         "nearest valid sizes are %s" % (option, value, size, " and ".join(sized(s) for s in nearest)))
    return size


# ---------------------------------------------------------------------------------------- items


def items_from(params):
    """The volumes of a task, checked: one item at the top level, or one per entry of ``volumes``."""
    if params.get("volumes") is None:
        given = dict((k, params.get(k)) for k in PER_VOLUME)
        if given["name"] is None and given["id"] is None:
            raise InputError("give the volume's name or id, or a list of volumes")
        return [check_item(given, None)]
    top = [k for k in PER_VOLUME if params.get(k) is not None]
    if top:
        raise InputError("volumes cannot be combined with the per-volume options %s: give them in each item of volumes"
                         % ", ".join(top))
    items = []
    for index, raw in enumerate(params["volumes"]):
        if not isinstance(raw, dict):
            raise InputError("volumes[%d] must be a dictionary of volume options, got %r" % (index, raw))
        items.append(check_item(raw, index))
    seen = {}
    for item in items:
        for key in item["keys"]:
            if key in seen:
                raise InputError("volumes[%d] and volumes[%d] name the same volume (%s): give each volume once"
                                 % (seen[key], item["index"], key.split(":", 1)[1]))
            seen[key] = item["index"]
    return items


def check_item(raw, index):
    """One volume's options -> a checked item (InputError naming the option, and the item in a list)."""
    prefix = "" if index is None else "volumes[%d]." % index
    opt = prefix.__add__
    name, vid = raw.get("name"), raw.get("id")
    if (name is None) == (vid is None):
        raise InputError("%s: give exactly one of name or id" % (prefix.rstrip(".") or "the volume"))
    state = raw.get("state") or "present"
    if state not in ("present", "absent"):
        raise InputError("%s must be present or absent, got %r" % (opt("state"), state))
    item = dict(index=index, prefix=prefix, state=state, name=None, id=None, keys=[])
    if name is not None:
        item["name"] = check_name(name, opt("name"))
        item["keys"].append("name:" + item["name"].casefold())
    else:
        if not _ID.match(str(vid)):
            raise InputError("%s must be a PowerStore volume id (a UUID such as 5ac5b8e2-8e5c-4d4b-9c2a-2f1ae3e7d2b1), "
                             "got %r" % (opt("id"), vid))
        item["id"] = str(vid)
        item["keys"].append("id:" + item["id"])
    item["label"] = ("volume %s" % (item["name"] or "id " + item["id"])) if index is None else \
        "volumes[%d] (volume %s)" % (index, item["name"] or "id " + item["id"])
    new_name = raw.get("new_name")
    item["new_name"] = None if new_name is None else check_name(new_name, opt("new_name"))
    if item["new_name"] is not None:
        item["keys"].append("name:" + item["new_name"].casefold())
    item["size"] = None if raw.get("size") is None else parse_size(raw["size"], opt("size"))
    description = raw.get("description")
    if description is not None and len(str(description)) > MAX_DESCRIPTION:
        raise InputError("%s must be at most %d characters, got %d"
                         % (opt("description"), MAX_DESCRIPTION, len(str(description))))
    if description is not None and _CONTROL.search(str(description)):
        raise InputError("%s must be printable characters (no control characters such as newlines)" % opt("description"))
    item["description"] = None if description is None else str(description)
    for key in ("volume_group", "protection_policy", "performance_policy", "host", "host_group"):
        item[key] = None if raw.get(key) is None else str(raw[key]).strip()
    if item["performance_policy"] == "":
        raise InputError("%s cannot be removed (every volume has one): give a Performance policy such as "
                         "default_low, default_medium or default_high" % opt("performance_policy"))
    _check_mapping(raw, item, opt)
    if state == "absent":
        _check_absent(item, raw, opt)
    return item


def _check_mapping(raw, item, opt):
    if item["host"] is not None and item["host_group"] is not None:
        raise InputError("%s and %s are mutually exclusive: a mapping is to one host or to one host group"
                         % (opt("host"), opt("host_group")))
    for key in ("host", "host_group"):
        if item[key] == "":
            raise InputError("%s must name a %s (to unmap the volume, give the %s with mapping_state: unmapped)"
                             % (opt(key), TARGET_WORDS[key], TARGET_WORDS[key]))
    target = ("host", item["host"]) if item["host"] is not None else \
        ("host_group", item["host_group"]) if item["host_group"] is not None else None
    mapping_state, lun = raw.get("mapping_state"), raw.get("logical_unit_number")
    if mapping_state not in (None, "mapped", "unmapped"):
        raise InputError("%s must be mapped or unmapped, got %r" % (opt("mapping_state"), mapping_state))
    if target is None and (mapping_state is not None or lun is not None):
        raise InputError("%s needs host or host_group: the mapping it applies to"
                         % opt("mapping_state" if mapping_state is not None else "logical_unit_number"))
    if lun is not None:
        if isinstance(lun, bool) or not isinstance(lun, int) or not 0 <= lun <= MAX_LUN:
            raise InputError("%s must be a whole number from 0 to %d, got %r" % (opt("logical_unit_number"), MAX_LUN,
                                                                                 lun))
        if mapping_state == "unmapped" or item["state"] == "absent":
            raise InputError("%s only applies to a mapping being made (mapping_state: mapped)"
                             % opt("logical_unit_number"))
    item.update(target=target, lun=lun, mapping_state=mapping_state)


def _check_absent(item, raw, opt):
    """state=absent takes only what must go before PowerStore can delete the volume."""
    given = [opt(k) for k in ("new_name", "size", "description", "performance_policy") if raw.get(k) is not None]
    if given:
        raise InputError("%s only apply with state=present" % ", ".join(given))
    for key in ("protection_policy", "volume_group"):
        if item[key] not in (None, ""):
            raise InputError("with state=absent, %s may only be \"\": it removes the %s so that PowerStore can delete "
                             "the volume" % (opt(key), key.replace("_", " ")))
    if item["mapping_state"] == "mapped":
        raise InputError("with state=absent, %s names a mapping to remove before the deletion: leave mapping_state out "
                         "or set it to unmapped" % opt(item["target"][0]))


def mapped_wanted(item):
    """Whether the item's host or host group must be mapped (False: unmapped; None: not managed)."""
    if item["target"] is None:
        return None
    return item["state"] == "present" and item["mapping_state"] != "unmapped"


# ----------------------------------------------------------------------------------- references


def lookups_needed(items):
    """The resource types whose listings the items need to resolve their references."""
    needed = set()
    for item in items:
        if item["protection_policy"] or item["performance_policy"]:
            needed.add("policy")
        if item["volume_group"]:
            needed.add("volume_group")
        if item["target"] is not None:
            needed.add(item["target"][0])
    return needed


def resolve(item, lookups):
    """The item's wanted values with every reference as an id: {API field: value} plus ``group``
    (a volume group id, None for no group; absent: not managed) and ``target`` ((type, id) or None)."""
    opt = item["prefix"].__add__
    want = {}
    for key, field in (("new_name", "name"), ("description", "description"), ("size", "size")):
        if item[key] is not None:
            want[field] = item[key]
    for key, ptype in (("protection_policy", "Protection"), ("performance_policy", "Performance")):
        if item[key] is not None:
            want[key + "_id"] = resolve_policy(item[key], ptype, opt(key), lookups.get("policy", ()))
    if item["volume_group"] is not None:
        want["group"] = None if item["volume_group"] == "" else resolve_ref(
            item["volume_group"], "volume group", opt("volume_group"), lookups.get("volume_group", ()))
    want["target"] = None
    if item["target"] is not None:
        kind, value = item["target"]
        want["target"] = (kind, resolve_ref(value, TARGET_WORDS[kind], opt(kind), lookups.get(kind, ())))
    return want


def names_of(lookups, rows):
    """id -> name of every object the task read: the listings, and what volume reads embed."""
    names = {}
    for listed in lookups.values():
        names.update((r["id"], r.get("name")) for r in listed if isinstance(r, dict) and r.get("id"))
    for row in rows:
        for vg in row.get("volume_groups") or ():
            names.setdefault(vg.get("id"), vg.get("name"))
        policy = row.get("protection_policy") or {}
        if policy.get("id"):
            names.setdefault(policy["id"], policy.get("name"))
    return names


# ---------------------------------------------------------------------------------------- plans


def current(row):
    """A volume as read, in comparable form."""
    groups = [g.get("id") for g in row.get("volume_groups") or () if isinstance(g, dict)]
    mappings = {}
    for m in row.get("mapped_volumes") or ():
        if isinstance(m, dict):
            key = ("host", m["host_id"]) if m.get("host_id") else ("host_group", m.get("host_group_id"))
            mappings[key] = m.get("logical_unit_number")
    return {"name": row.get("name"), "description": row.get("description") or "", "size": row.get("size"),
            "protection_policy_id": row.get("protection_policy_id") or None,
            "performance_policy_id": row.get("performance_policy_id") or None,
            "group": groups[0] if groups else None, "mappings": mappings}


def find_row(item, rows):
    """The volume an item names among the rows read: by id, else by name, else (a re-run after a
    rename) by new_name."""
    if item["id"]:
        return next((r for r in rows if r.get("id") == item["id"]), None)
    for wanted in (item["name"], item["new_name"]):
        if wanted:
            row = next((r for r in rows if str(r.get("name", "")).casefold() == wanted.casefold()), None)
            if row is not None:
                return row
    return None


def _readable(field, value, names):
    if field in ("protection_policy_id", "performance_policy_id", "group"):
        return "" if value is None else names.get(value) or value
    return value


def _mapping_view(kind, target_id, state, lun, names):
    view = {TARGET_WORDS[kind].replace(" ", "_"): names.get(target_id) or target_id, "mapping_state": state}
    if lun is not None:
        view["logical_unit_number"] = lun
    return view


def _step(kind, method, path, body, rtype, rid, rname, what):
    return dict(kind=kind, method=method, path=path, body=body, action=kind, resource_type=rtype,
                resource_id=rid, resource_name=rname, what=what)


def membership_words(kind, volume_names, group_name):
    return "%s volume%s %s %s volume group %s" % ("add" if kind == "add_members" else "remove",
                                                  "s" if len(volume_names) > 1 else "", ", ".join(volume_names),
                                                  "to" if kind == "add_members" else "from", group_name)


def membership(kind, group_id, group_name, volume_id, volume_name):
    step = _step(kind, "POST", join_path("/volume_group", group_id, kind), {"volume_ids": [volume_id]},
                 "volume_group", group_id, group_name, membership_words(kind, [volume_name], group_name))
    step["volume_ids"] = [volume_id]
    return step


def plan(item, row, want, names):
    """What one volume needs: ``steps`` (in order), ``changes`` (the desired values, readable),
    and ``before``/``after`` for the diff. InputError for what cannot be done, before anything is sent."""
    if row is None:
        return _plan_missing(item, want, names)
    now = current(row)
    vid, vname = row["id"], row.get("name")
    out = dict(steps=[], changes={}, before={}, after={})
    delta = {}
    for field, key in FIELDS:
        if field in want and want[field] != now[field]:
            delta[field] = want[field]
            out["changes"][key] = _readable(field, want[field], names)
            out["before"][key] = _readable(field, now[field], names)
    if "size" in delta and delta["size"] < (now["size"] or 0):
        raise InputError("%s: size %s is smaller than the volume's current size %s; PowerStore volumes can only "
                         "grow. Give a size of at least %s, or leave size out" % (
                             item["label"], sized(delta["size"]), sized(now["size"]), human_size(now["size"])))
    if item["state"] == "absent":
        return _plan_absent(item, row, now, want, names, out, delta)
    if delta:
        body = dict((f, "" if v is None else v) for f, v in delta.items())
        out["steps"].append(_step("modify", "PATCH", join_path("/volume", vid), body, "volume", vid, vname,
                                  "modify volume %s" % vname))
    _plan_group(item, vid, vname, now, want, names, out)
    _plan_mapping(item, vid, vname, now, want, names, out)
    out["after"] = dict(out["changes"])
    return out


def _plan_group(item, vid, vname, now, want, names, out):
    if "group" not in want or want["group"] == now["group"]:
        return
    if now["group"] is not None:
        out["steps"].append(membership("remove_members", now["group"], names.get(now["group"]) or now["group"],
                                       vid, vname))
    if want["group"] is not None:
        out["steps"].append(membership("add_members", want["group"], names.get(want["group"]) or want["group"],
                                       vid, vname))
    out["changes"]["volume_group"] = _readable("group", want["group"], names)
    out["before"]["volume_group"] = _readable("group", now["group"], names)


def _plan_mapping(item, vid, vname, now, want, names, out):
    wanted = mapped_wanted(item)
    if wanted is None:
        return
    kind, target_id = want["target"]
    words = "%s %s" % (TARGET_WORDS[kind], names.get(target_id) or target_id)
    mapped = (kind, target_id) in now["mappings"]
    lun = now["mappings"].get((kind, target_id))
    if wanted and mapped and item["lun"] is not None and lun != item["lun"]:
        raise InputError("%s is mapped to %s with logical unit number %s, not %d; PowerStore cannot change a mapping's "
                         "LUN in place: unmap it first (mapping_state: unmapped), then map it again"
                         % (item["label"], words, lun, item["lun"]))
    if wanted == mapped:
        return
    body = {kind + "_id": target_id}
    if wanted and item["lun"] is not None:
        body["logical_unit_number"] = item["lun"]
    action = "attach" if wanted else "detach"
    out["steps"].append(_step(action, "POST", join_path("/volume", vid, action), body, "volume", vid, vname,
                              "%s volume %s %s %s" % (action, vname, "to" if wanted else "from", words)))
    out["changes"]["mapping"] = _mapping_view(kind, target_id, "mapped" if wanted else "unmapped", item["lun"], names)
    out["before"]["mapping"] = _mapping_view(kind, target_id, "unmapped" if wanted else "mapped", lun, names)


def _plan_absent(item, row, now, want, names, out, delta):
    """Take off what the item says (protection policy, group, one mapping), then delete; refuse when
    something that blocks the deletion would remain (PowerStore refuses to delete such a volume)."""
    vid, vname = row["id"], row.get("name")
    if "protection_policy_id" in delta:
        out["steps"].append(_step("modify", "PATCH", join_path("/volume", vid), {"protection_policy_id": ""},
                                  "volume", vid, vname, "modify volume %s" % vname))
    _plan_group(item, vid, vname, now, want, names, out)
    _plan_mapping(item, vid, vname, now, want, names, out)
    blockers = []
    for (kind, target_id), lun in sorted(now["mappings"].items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if want.get("target") != (kind, target_id):
            blockers.append("mapped to %s %s" % (TARGET_WORDS[kind], names.get(target_id) or target_id))
    if now["group"] is not None and "group" not in want:
        blockers.append("in volume group %s" % (names.get(now["group"]) or now["group"]))
    if now["protection_policy_id"] is not None and "protection_policy_id" not in want:
        blockers.append("protected by policy %s" % (names.get(now["protection_policy_id"]) or now["protection_policy_id"]))
    if blockers:
        raise InputError("%s cannot be deleted: it is %s, and PowerStore does not delete such a volume. In the same "
                         "item, volume_group: \"\" takes it out of its group, protection_policy: \"\" removes its policy, "
                         "and host or host_group with mapping_state: unmapped removes one mapping (remove further "
                         "mappings in an earlier task). Nothing was changed." % (item["label"], ", ".join(blockers)))
    out["steps"].append(_step("delete", "DELETE", join_path("/volume", vid), None, "volume", vid, vname,
                              "delete volume %s" % vname))
    out["before"] = dict(out["before"], state="present", name=vname, size=now["size"])
    out["changes"] = dict(out["changes"], state="absent")
    out["after"] = dict(out["changes"])
    return out


def _plan_missing(item, want, names):
    out = dict(steps=[], changes={}, before={}, after={})
    if item["state"] == "absent":
        return out
    if item["id"]:
        raise InputError("%s: no volume has id %s; to create a volume, give its name" % (item["label"], item["id"]))
    if item["new_name"]:
        raise InputError("%s does not exist (nor %r): new_name renames an existing volume; to create one, give its name "
                         "as name" % (item["label"], item["new_name"]))
    if item["size"] is None:
        raise InputError("%s does not exist: size is required to create it" % item["label"])
    body = {"name": item["name"], "size": item["size"]}
    view = {"state": "present", "name": item["name"], "size": item["size"]}
    for field, key in FIELDS[1:]:
        if want.get(field) is not None:
            body[field] = want[field]
            view[key] = _readable(field, want[field], names)
    if want.get("group"):
        body["volume_group_id"] = want["group"]
        view["volume_group"] = _readable("group", want["group"], names)
    if mapped_wanted(item):
        kind, target_id = want["target"]
        body[kind + "_id"] = target_id
        if item["lun"] is not None:
            body["logical_unit_number"] = item["lun"]
        view["mapping"] = _mapping_view(kind, target_id, "mapped", item["lun"], names)
    out["steps"].append(_step("create", "POST", "/volume", body, "volume", None, item["name"],
                              "create volume %s" % item["name"]))
    out.update(changes=view, before={"state": "absent"}, after=dict(view))
    return out


def remaining(item, row, want):
    """The fields of a volume read back after its jobs completed that still differ from the plan's
    aim (a concurrent change, or a field PowerStore ignored); [] when it matches."""
    if row is None:
        return ["state"] if item["state"] == "present" else []
    if item["state"] == "absent":
        return ["state"]
    now = current(row)
    left = [key for field, key in FIELDS if field in want and want[field] != now[field]]
    if "group" in want and want["group"] != now["group"]:
        left.append("volume_group")
    wanted = mapped_wanted(item)
    if wanted is not None and (tuple(want["target"]) in now["mappings"]) != wanted:
        left.append("mapping")
    return left


def summarize(row, names):
    """A volume as returned to the user (names of the objects this task read or the read embedded)."""
    if row is None:
        return None
    now = current(row)
    return {
        "id": row.get("id"), "name": row.get("name"), "description": now["description"], "size": now["size"],
        "size_readable": human_size(now["size"]) if isinstance(now["size"], int) else None,
        "type": row.get("type"), "wwn": row.get("wwn"),
        "volume_group_id": now["group"], "volume_group": names.get(now["group"]) if now["group"] else None,
        "protection_policy_id": now["protection_policy_id"],
        "protection_policy": names.get(now["protection_policy_id"]) if now["protection_policy_id"] else None,
        "performance_policy_id": now["performance_policy_id"],
        "performance_policy": names.get(now["performance_policy_id"]) if now["performance_policy_id"] else None,
        "mappings": [{"host_id": target_id if kind == "host" else None,
                      "host_group_id": target_id if kind == "host_group" else None,
                      "host": names.get(target_id) if kind == "host" else None,
                      "host_group": names.get(target_id) if kind == "host_group" else None,
                      "logical_unit_number": lun}
                     for (kind, target_id), lun in sorted(now["mappings"].items(), key=lambda kv: (kv[0][0], str(kv[0][1])))],
    }
