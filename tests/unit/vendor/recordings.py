# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Load recorded vendor replies and compare reply shapes (see README.md here).

Used by tests/unit/vendor/test_vendor_*.py (parse with the collection's code) and by
tests/lab/tests/test_lab_vendor_*.py (compare the lab's reply to the recorded one).
"""

from __future__ import annotations

import json
import pathlib
from xml.etree import ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
APIS = ("drm", "powerstore", "aiqum", "rpc")


class Recording:
    """One recorded exchange."""

    def __init__(self, path, data):
        self.path = path
        self.name = path.stem
        self.api = path.parent.name
        for key in ("source", "expect"):
            if key not in data:
                raise ValueError("%s: missing %r" % (path, key))
        # A source may show only the request a client sends (its reply is not shown): such a
        # recording has a request with a body and no response.
        if "response" not in data and (data.get("request") or {}).get("body") is None:
            raise ValueError("%s: missing 'response' (or a request with a body)" % path)
        if not str(data["source"]).strip():
            raise ValueError("%s: empty source" % path)
        self.source = data["source"]
        self.description = data.get("description", "")
        self.request = data.get("request") or {}
        self.response = data.get("response") or {}
        self.expect = data["expect"]

    @property
    def has_response(self):
        return bool(self.response)

    @property
    def status(self):
        return self.response.get("status", 200)

    @property
    def body(self):
        """The reply body as a JSON value (JSON replies) or a string (XML, text)."""
        return self.response.get("body")

    @property
    def text(self):
        """The reply body as the bytes-on-the-wire text."""
        body = self.body
        return body if isinstance(body, str) or body is None else json.dumps(body)

    def __repr__(self):
        return "Recording(%s/%s)" % (self.api, self.name)


def load(api):
    """Every recording of ``api``, sorted by file name."""
    if api not in APIS:
        raise ValueError("unknown api %r" % (api,))
    out = []
    for path in sorted((HERE / api).glob("*.json")):
        out.append(Recording(path, json.loads(path.read_text(encoding="utf-8"))))
    return out


def ids(recordings):
    return [r.name for r in recordings]


def accounting_problems(names, *groups):
    """How the groups (replayed here, not replayed with a reason...) fail to cover ``names`` exactly once."""
    problems = []
    seen = set()
    for group in groups:
        twice = seen & set(group)
        if twice:
            problems.append("in two groups: %s" % ", ".join(sorted(twice)))
        seen |= set(group)
    if set(names) - seen:
        problems.append("in no group: %s" % ", ".join(sorted(set(names) - seen)))
    if seen - set(names):
        problems.append("not a recording: %s" % ", ".join(sorted(seen - set(names))))
    return problems


# ---------------------------------------------------------------- shapes

def json_shape(value):
    """Keys and types of a JSON value: dicts keep their keys, lists the union of their items."""
    if isinstance(value, dict):
        return {k: json_shape(v) for k, v in value.items()}
    if isinstance(value, list):
        shapes = []
        for item in value:
            shape = json_shape(item)
            if shape not in shapes:
                shapes.append(shape)
        return shapes
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


def xml_shape(text):
    """Element structure of an XML document: {tag: {"@attr": "attr", child tag: [shapes]}}."""
    root = ET.fromstring(text)
    return {root.tag: _element_shape(root)}


def _element_shape(element):
    shape = {"@" + name: "attr" for name in element.attrib}
    for child in element:
        shape.setdefault(child.tag, [])
        child_shape = _element_shape(child)
        if child_shape not in shape[child.tag]:
            shape[child.tag].append(child_shape)
    if (element.text or "").strip():
        shape["#text"] = "text"
    return shape


def shape_differences(recorded, actual, path="$", extra_keys=False):
    """Differences between a recorded shape and the lab's, as readable strings.

    A recorded ``null`` accepts any type (the field is nullable). Lists compare every actual
    item shape with the recorded ones. With ``extra_keys`` the lab may have keys the recording
    lacks (a recording made with a narrower ``select``); missing keys always count.
    """
    out = []
    if recorded == "null":
        return out
    if isinstance(recorded, dict) and isinstance(actual, dict):
        for key in recorded:
            if key not in actual:
                out.append("%s.%s: missing in the lab's reply" % (path, key))
            else:
                out.extend(shape_differences(recorded[key], actual[key], "%s.%s" % (path, key), extra_keys))
        if not extra_keys:
            out.extend("%s.%s: not in the recording" % (path, key) for key in actual if key not in recorded)
        return out
    if isinstance(recorded, list) and isinstance(actual, list):
        if not recorded or not actual:
            return out
        for item in actual:
            best = min((shape_differences(r, item, path + "[]", extra_keys) for r in recorded), key=len)
            for diff in best:
                if diff not in out:
                    out.append(diff)
        return out
    if recorded != actual and actual != "null":
        out.append("%s: recorded %s, lab has %s" % (path, _kind(recorded), _kind(actual)))
    return out


def _kind(shape):
    if isinstance(shape, dict):
        return "an object"
    if isinstance(shape, list):
        return "a list"
    return "a %s" % shape
