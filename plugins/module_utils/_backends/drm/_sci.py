# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Remote Manager's SCI requests and replies (XML): building a request for targets, parsing a
reply safely, per-device results and errors."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._requirements import HAS_XMLTODICT, xmltodict
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import clip


API = "drm"
# The operations the collection itself submits. Replies and jobs are read whatever the
# operation (reboot, file_system, data_service... from other clients).
OPERATIONS = ("send_message", "update_firmware", "disconnect", "query_firmware_targets")
# Listing enum from Digi's async SCI doc: 0 new, 1 in_progress, 2 complete, 3 canceled.
JOB_STATUS = {"0": "new", "1": "in_progress", "2": "complete", "3": "canceled"}
JOB_TYPES = {"0": "send_message", "1": "update_firmware", "2": "disconnect"}
# Job ids are integers (Digi's library parses them with int()); 19 digits is a 64-bit id.
JOB_ID = re.compile(r"[0-9]{1,19}")
DEVICE_ID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{8}-[0-9A-Fa-f]{8}-[0-9A-Fa-f]{8}$")
ERR_NOT_CONNECTED = "2001"
ERR_DISCONNECTED_DURING = "2006"
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


# ---------------------------------------------------------------- XML helpers

def parse_xml(text, what):
    """Parse XML, refusing DTDs so entity-expansion and external-entity tricks never run."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = "" if text is None else str(text)
    if _DTD.search(text):
        raise InputError("%s contains a DTD or entity declaration, which is refused for safety" % what)
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError("%s is not well-formed XML: %s" % (what, exc))


def parse_reply(response, what):
    """Parse a server reply; a non-XML body becomes an ApiError naming what came back."""
    text = response.text
    if not text.strip():
        detail = "got an empty body"
    elif text.lstrip().lower().startswith(("<!doctype html", "<html")):
        detail = "got an HTML page instead of an API response (a proxy, login or error page?)"
    else:
        try:
            return parse_xml(text, "the body")
        except InputError as exc:
            detail = exc.msg
    raise ApiError("%s: expected XML from Remote Manager (HTTP %s) but %s" % (what, response.status, detail),
                   status=response.status, body=clip(text, 2000, collapse=False))


def _sci_reply_or_none(response):
    """The ``<sci_reply>`` root of an error reply, or None when the body is something else."""
    try:
        root = parse_xml(response.text, "the body")
    except InputError:
        return None
    return root if root.tag == "sci_reply" else None


def to_data(element):
    """An element as plain data (dict/str), for returning replies to the user."""
    if element is None:
        return None
    text = ET.tostring(element, encoding="unicode")
    if HAS_XMLTODICT:
        return xmltodict.parse(text, disable_entities=True)
    return text


def check_payload(payload):
    """Validate an RCI payload before anything is sent; returns it stripped."""
    if payload is None or not str(payload).strip():
        raise InputError("payload must be a non-empty RCI XML document, e.g. <rci_request version=\"1.1\"><query_setting/></rci_request>")
    payload = str(payload).strip()
    parse_xml(payload, "payload")
    return payload


check_job_id = lc.IdForm(JOB_ID, "a Remote Manager job id", "job ids are whole numbers such as 600001",
                         "a whole number such as 600001")


# ---------------------------------------------------------------- targets

def targets_from_params(params):
    """SCI targets from module options; InputError when none or malformed."""
    targets = []
    for device in params.get("devices") or []:
        device = str(device).strip()
        if not DEVICE_ID.match(device):
            raise InputError("devices: %r is not a Remote Manager device id "
                             "(expected 00000000-00000000-00409DFF-FF000001 style)" % (device,))
        targets.append(("device", device.upper()))
    for tag in params.get("tags") or []:
        if not str(tag).strip():
            raise InputError("tags must not contain empty strings")
        targets.append(("tag", str(tag).strip()))
    for group in params.get("groups") or []:
        if not str(group).strip():
            raise InputError("groups must not contain empty strings")
        targets.append(("group", str(group).strip().strip("/")))
    if params.get("all_devices"):
        targets = [("all", "all")]
    if not targets:
        raise InputError("no targets: set at least one of devices, tags, groups or all_devices")
    return targets


def targets_xml(targets):
    parts = []
    for kind, value in targets:
        if kind == "device":
            parts.append("<device id=%s/>" % quoteattr(value))
        elif kind == "all":
            parts.append('<device id="all"/>')
        elif kind == "tag":
            parts.append("<device tag=%s/>" % quoteattr(value))
        elif kind == "group":
            parts.append("<group path=%s/>" % quoteattr(value))
    return "<targets>%s</targets>" % "".join(parts)


def _attr_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build_sci(operation, targets, payload="", attrs=None):
    """The SCI envelope for one operation; attribute names are SCI's camelCase."""
    if operation not in OPERATIONS:
        raise InputError("unknown SCI operation %r" % (operation,))
    attr_text = "".join(" %s=%s" % (k, quoteattr(_attr_value(v)))
                        for k, v in sorted((attrs or {}).items()) if v is not None)
    return '<sci_request version="1.0"><%s%s>%s%s</%s></sci_request>' % (
        operation, attr_text, targets_xml(targets), payload or "", operation)


def file_reference(path):
    """``<file>`` element pointing at a Data Services path (``/~/...``)."""
    path = str(path)
    if not path.startswith("/~/"):
        path = "/~/" + path.lstrip("/")
    return "<file>%s</file>" % escape(path)


# ---------------------------------------------------------------- reply parsing

def _error_text(err):
    """Text of one ``<error>``: ``<desc>`` (plus any ``<hint>``), else its own text."""
    desc = err.findtext("desc")
    text = (desc if desc is not None else (err.text or "")).strip() or "error"
    hint = (err.findtext("hint") or "").strip()
    # Device text is untrusted: one capped line, no control characters.
    return lc.gist("%s (%s)" % (text, hint) if hint else text)


def _find_error(element):
    """First error below element as (id, text), else None.

    Digi's forms: ``<error id="2001"><desc>..</desc></error>``, ``<error id="1">text</error>``
    (file_system commands, inside ``<commands>``), plain ``<error>text</error>``, an optional
    ``<hint>``; and a data_service ``<device_request status="N">`` with a non-zero status.
    """
    for err in element.iter("error"):
        return err.get("id"), _error_text(err)
    for request in element.iter("device_request"):
        status = (request.get("status") or "0").strip()
        if status != "0":
            text = lc.gist(request.text or "", 120)
            return None, "device_request %s returned status %s%s" % (
                lc.gist(request.get("target_name") or "?", 60), lc.gist(status, 20), ": " + text if text else "")
    return None


def device_results(op_element):
    """Per-device results of an SCI reply: {id: {ok, error_id, error, reply}}."""
    results = {}
    if op_element is None:
        return results
    for dev in op_element.findall("device"):
        dev_id = dev.get("id")
        if not dev_id:
            continue
        err = _find_error(dev)
        children = list(dev)
        body = children[0] if len(children) == 1 else None
        reply = to_data(body) if body is not None and body.tag != "error" else None
        # A device that drops its connection while a disconnect runs has done what was asked:
        # Digi's own test counts this 2006 reply as a successful disconnect.
        done = err is not None and op_element.tag == "disconnect" and err[0] == ERR_DISCONNECTED_DURING
        results[dev_id] = {
            "ok": err is None or done,
            "error_id": err[0] if err else None,
            "error": err[1] if err else None,
            "reply": reply,
        }
    return results


def device_progress(op_element):
    """Latest progress per device from a ``?progress=true`` reply: {id: (percent, message)}."""
    out = {}
    if op_element is None:
        return out
    for dev in op_element.findall("device"):
        entries = dev.findall("progress")
        if entries:
            last = entries[-1]
            try:
                pct = int(last.get("status"))
            except (TypeError, ValueError):
                pct = None
            out[dev.get("id")] = (pct, (last.text or "").strip())
    return out


def _find_error_text(root):
    """Text of a direct ``<error>`` child (plain text or Digi's ``<error id><desc>`` form)."""
    err = root.find("error")
    return _error_text(err) if err is not None else None


def _op_element(root):
    """The operation element of a reply, whatever the operation is called.

    It is the child holding ``<device>`` results (reboot, file_system, data_service and any
    operation Remote Manager adds), else the first child that is not ``status``/``error``.
    """
    candidates = [child for child in root if child.tag not in ("status", "error")]
    for child in candidates:
        if child.find("device") is not None:
            return child
    return candidates[0] if candidates else None


def _unreadable(why, element):
    return "%s; the reply was: %s" % (why, lc.gist(ET.tostring(element, encoding="unicode")))
