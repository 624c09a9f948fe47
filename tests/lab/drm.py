"""Simulated Digi Remote Manager: SCI (sync and async jobs), DeviceCore, FileData.

Time model: nothing runs in the background.  Every job part has start/end timestamps and the
side effects (settings, firmware level, reboots) are queued as timestamped events in a heap.
Each request first "settles" every event whose time has passed, so a client sees exactly the
state it would see on a live system, and the cost per request is O(events due), never
O(all jobs x devices).  SQLite is the durable store (write-through); memory is the working set.
"""
import base64
import functools
import binascii
import hashlib
import heapq
import json
import os
import random
import re
import sqlite3
import time
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from xml.sax.saxutils import escape, quoteattr

from labcore import Appliance, BadRequest, Response, iso, parse_condition

# jobType codes from 3 on are lab values (Digi documents none beyond the listing example's 0).
OP_TYPES = {"send_message": 0, "update_firmware": 1, "disconnect": 2, "query_firmware_targets": 3,
            "reboot": 4, "file_system": 5, "data_service": 6}
DEFAULT_DURATIONS = {"send_message": 1.0, "update_firmware": 6.0, "disconnect": 1.0,
                     "query_firmware_targets": 1.0, "reboot": 2.0, "file_system": 1.0, "data_service": 1.0}
REPLY_MODES = {"all": 0, "none": 1, "errors": 2}
STATUS_CODES = {"in_progress": 1, "complete": 2, "canceled": 3}
FIRST_JOB_ID = 600001
ID_PREFIX = "00000000-00000000-00409DFF-FF"
DEVICE_TYPES = ("ConnectPort X4", "TransPort WR21", "Digi IX20")
GROUPS = ("fleet/north", "fleet/south", "fleet/lab")
FLEET_EPOCH = 1704067200  # 2024-01-01T00:00:00Z: fixed so generated fleets are reproducible
DEFAULT_SYNC_TIMEOUT = 60.0
FIRMWARE_PATTERN = r".*\.bin"
REBOOT_AT = 0.8  # fraction of a firmware part's duration at which the device reboots
# Every device's file system until something is written to it (kept implicit, so a big fleet
# stores nothing extra): path -> content.
DEFAULT_FILES = {"/userfs/readme.txt": b"lab device file system\n"}
# data_service: the one device_request target the lab's devices answer (echoing the data).
ECHO_TARGET = "echo"

DEVICE_FIELDS = (
    "devId", "devVersion", "devRecordStartDate", "devMac", "devConnectwareId", "cstId", "grpId",
    "grpPath", "devEffectiveStartDate", "devTerminated", "dvVendorId", "dpDeviceType",
    "dpFirmwareLevel", "dpFirmwareLevelDesc", "dpRestrictedStatus", "dpLastKnownIp", "dpGlobalIp",
    "dpConnectionStatus", "dpLastConnectTime", "dpLastDisconnectTime", "dpContact",
    "dpDescription", "dpLocation", "dpMapLat", "dpMapLong", "dpServerId", "dpCapabilities",
    "dpTags", "dpUserMetaData")
JOB_FIELDS = (
    "jobId", "cstId", "usrId", "jobType", "jobSyncMode", "jobReplyMode", "jobTargets",
    "jobRequestPayload", "jobDescription", "jobStatus", "jobTargetCount", "jobProgressSuccess",
    "jobProgressFailures", "jobSubmitTime", "jobCompletionTime")
# DeviceCore fields mirrored from the device's RCI `system` settings group.
SETTING_MIRRORS = {"contact": "dpContact", "location": "dpLocation", "description": "dpDescription"}


FILE_HASHES = {"none": None, "md5": lambda data: hashlib.md5(data).hexdigest().upper(),
               "crc32": lambda data: "%08X" % zlib.crc32(data)}


def err(code, desc, hint=None):
    """A device-level error; a hint says what exactly was refused (as Digi's devices add one)."""
    hint = f"<hint>{escape(hint)}</hint>" if hint else ""
    return f'<error id="{code}"><desc>{escape(desc)}</desc>{hint}</error>'


ERR_NOT_CONNECTED = err(2001, "Device Not Connected")
ERR_NOT_FOUND = err(303, "Invalid target. Device not found.")
ERR_CANCELED = err(2010, "Canceled")
ERR_SYNC_TIMEOUT = err(2002, "Request timed out waiting for device response")
FW_REJECTED = "Firmware update failed: image rejected by device"
ERR_NO_COMMANDS = err(2107, "Invalid file_system request: expected <commands>")
ERR_NO_REQUESTS = err(2108, "Invalid data_service request: expected <requests>")
# Exact wording (typos included) of the python-devicecloud fixture; it carries no id there.
ERR_NO_DEFAULT_TARGET = "<error><desc>Default target not availabe, specify a target number of filename</desc></error>"


def firmware_failure(dev):
    """The description a failing device's firmware part ends with: Digi's rejection, or the words
    a test seeded (``fails_firmware`` set to a string), to see how clients show a device's text."""
    return dev.fails_firmware if isinstance(dev.fails_firmware, str) else FW_REJECTED


def firmware_level(version):
    """dpFirmwareLevel: dotted version packed one byte per component (a.b.c.d -> a<<24|b<<16|c<<8|d)."""
    parts = [int(p) & 0xFF for p in version.split(".")[:4]]
    parts += [0] * (4 - len(parts))
    return str(parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3])


def fmt_progress_time(ts):
    return time.strftime("%a %b %d %H:%M:%S UTC %Y", time.gmtime(ts))


@functools.lru_cache(maxsize=64)
def parse_rci(text):
    """A job's payload (RCI request, file_system commands, data_service requests) parsed once,
    shared read-only by all of its device parts."""
    return ET.fromstring(text)


def safe_xml(data):
    """Parse untrusted XML; DTDs and entities are refused so nothing can be expanded."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if re.search(r"<!\s*(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise BadRequest("XML DTDs and entity declarations are not allowed")
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise BadRequest(f"Malformed XML: {exc}") from None


# ---------------------------------------------------------------------------------------------
# Model


class Device:
    __slots__ = ("id", "f", "settings", "fails_firmware", "reconnect_at", "files")

    def __init__(self, f, settings, fails_firmware=False, reconnect_at=None, files=None):
        self.id = f["devConnectwareId"]
        self.f, self.settings = f, settings
        self.fails_firmware, self.reconnect_at = fails_firmware, reconnect_at
        # None: DEFAULT_FILES. Otherwise path -> {"data": base64 text, "mtime": epoch seconds}.
        self.files = files

    @property
    def online(self):
        return self.f["dpConnectionStatus"] == "1"

    def tags(self):
        return [t for t in self.f["dpTags"].split(",") if t]

    def dump(self):
        return json.dumps({"f": self.f, "settings": self.settings, "fails_firmware": self.fails_firmware,
                           "reconnect_at": self.reconnect_at, "files": self.files})

    @classmethod
    def load(cls, text):
        d = json.loads(text)
        return cls(d["f"], d["settings"], d["fails_firmware"], d["reconnect_at"], d.get("files"))

    def file_table(self):
        """The device's files (materialised on first use): path -> {"data", "mtime"}."""
        if self.files is None:
            self.files = {path: {"data": base64.b64encode(content).decode("ascii"), "mtime": FLEET_EPOCH}
                          for path, content in DEFAULT_FILES.items()}
        return self.files


class Part:
    """One device's share of a job.  state: pending | waiting | done | canceled."""
    __slots__ = ("dev", "state", "start", "end", "ok", "result", "known", "fails", "rebooted")

    def __init__(self, dev, state="pending", start=None, end=None, ok=False, result="",
                 known=True, fails=False, rebooted=False):
        self.dev, self.state, self.start, self.end = dev, state, start, end
        self.ok, self.result, self.known, self.fails, self.rebooted = ok, result, known, fails, rebooted

    def dump(self):
        return json.dumps({k: getattr(self, k) for k in self.__slots__})


class Job:
    __slots__ = ("id", "op", "sync", "reply", "allow_offline", "payload", "description", "spec",
                 "status", "submit", "completion", "parts", "success", "failures", "pending",
                 "targets_text")

    HEADER = ("id", "op", "sync", "reply", "allow_offline", "payload", "description", "spec",
              "status", "submit", "completion", "success", "failures", "pending")

    def __init__(self, **kw):
        for key in self.HEADER:
            setattr(self, key, kw.get(key))
        self.parts = {}
        self.targets_text = None

    def dump(self):
        return json.dumps({k: getattr(self, k) for k in self.HEADER})

    def row(self):
        """Listing fields, all strings (also the fields a listing condition can use)."""
        if self.targets_text is None:
            self.targets_text = ",".join(p.dev for p in self.parts.values() if p.known)
        return {
            "jobId": str(self.id), "cstId": "0", "usrId": "0", "jobType": str(OP_TYPES[self.op]),
            "jobSyncMode": "0" if self.sync else "1", "jobReplyMode": str(REPLY_MODES[self.reply]),
            "jobTargets": self.targets_text, "jobRequestPayload": self.payload,
            "jobDescription": self.description, "jobStatus": str(STATUS_CODES[self.status]),
            "jobTargetCount": str(sum(1 for p in self.parts.values() if p.known)),
            "jobProgressSuccess": str(self.success), "jobProgressFailures": str(self.failures),
            "jobSubmitTime": iso(self.submit),
            "jobCompletionTime": iso(self.completion) if self.completion else "",
        }


def generate_fleet(count, seed):
    """The deterministic initial fleet.  Rules are index based (see README); the seed only
    varies cosmetic fields (device type, IPs, coordinates, connect times)."""
    rng = random.Random(seed)
    devices = []
    for i in range(count):
        num = i + 1
        site = "abcde"[i % 5]
        tags = [f"site-{site}"] + (["demo"] if i < 50 else []) + (["canary"] if i < 5 else [])
        version = "2.0.0" if i % 7 == 6 else "1.0.0"
        connected = FLEET_EPOCH + rng.randrange(30 * 86400)
        f = {
            "devId": str(1000000 + num), "devVersion": "0",
            "devRecordStartDate": iso(FLEET_EPOCH - 86400 * 365),
            "devMac": "00:40:9D:%02X:%02X:%02X" % (num >> 16 & 0xFF, num >> 8 & 0xFF, num & 0xFF),
            "devConnectwareId": f"{ID_PREFIX}{num:06X}", "cstId": "1001",
            "grpId": str(2001 + i % 3), "grpPath": GROUPS[i % 3],
            "devEffectiveStartDate": iso(FLEET_EPOCH - 86400 * 365), "devTerminated": "false",
            "dvVendorId": "4261412864", "dpDeviceType": rng.choice(DEVICE_TYPES),
            "dpFirmwareLevel": firmware_level(version), "dpFirmwareLevelDesc": version,
            "dpRestrictedStatus": "0",
            "dpLastKnownIp": "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)),
            "dpGlobalIp": "203.0.113.%d" % rng.randrange(1, 255),
            "dpConnectionStatus": "0" if i % 10 == 9 else "1",
            "dpLastConnectTime": iso(connected),
            "dpLastDisconnectTime": iso(connected + 3600) if i % 10 == 9 else "",
            "dpContact": "", "dpDescription": "", "dpLocation": f"site-{site}",
            "dpMapLat": "%.6f" % rng.uniform(30, 50), "dpMapLong": "%.6f" % rng.uniform(-120, -70),
            "dpServerId": "ClientID[3]", "dpCapabilities": "6707", "dpTags": ",".join(tags),
            "dpUserMetaData": "",
        }
        settings = {"system": {"contact": "", "location": f"site-{site}", "description": ""},
                    "mgmtglobal": {"rciCompressionEnabled": "false", "tcpNodelayEnabled": "true"}}
        # fleet/lab stays free of firmware failures so a demo can show a clean re-run.
        devices.append(Device(f, settings, fails_firmware=(i % 13 == 12 and GROUPS[i % 3] != "fleet/lab")))
    return devices


class Store:
    """SQLite durable store.  All calls happen under the appliance lock."""

    SCHEMA = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE IF NOT EXISTS devices (idx INTEGER PRIMARY KEY, id TEXT UNIQUE, data TEXT);
        CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY, data TEXT);
        CREATE TABLE IF NOT EXISTS parts (job INTEGER, dev TEXT, seq INTEGER, data TEXT,
                                          PRIMARY KEY (job, dev));
        CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, content BLOB);
    """

    def __init__(self, path):
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.executescript(self.SCHEMA)
        self.db.execute("BEGIN")

    def commit(self):
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def meta(self, key, default=None):
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key, value):
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def save_devices(self, rows):
        """rows: iterable of (idx, Device)."""
        self.db.executemany("INSERT OR REPLACE INTO devices VALUES (?, ?, ?)",
                            ((idx, dev.id, dev.dump()) for idx, dev in rows))

    def save_job(self, job):
        self.db.execute("INSERT OR REPLACE INTO jobs VALUES (?, ?)", (job.id, job.dump()))

    def insert_parts(self, job_id, parts):
        self.db.executemany("INSERT INTO parts VALUES (?, ?, ?, ?)",
                            ((job_id, p.dev, seq, p.dump()) for seq, p in enumerate(parts)))

    def save_parts(self, rows):
        """rows: iterable of (job_id, Part)."""
        self.db.executemany("UPDATE parts SET data=? WHERE job=? AND dev=?",
                            ((part.dump(), job_id, part.dev) for job_id, part in rows))

    def delete_job(self, job_id):
        self.db.execute("DELETE FROM jobs WHERE id=?", (job_id,))
        self.db.execute("DELETE FROM parts WHERE job=?", (job_id,))

    def wipe(self):
        for table in ("devices", "jobs", "parts", "files"):
            self.db.execute(f"DELETE FROM {table}")

    def close(self):
        self.db.execute("COMMIT")
        self.db.close()


# ---------------------------------------------------------------------------------------------
# Appliance


class DRM(Appliance):
    name = "drm"
    # job_reads: per job id, "<id> progress" and "<id> results" GETs, so tests can tell a poll of
    # the progress view from a read of a finished job's per-device results.
    stat_groups = ("submissions", "job_reads")
    default_durations = DEFAULT_DURATIONS
    routes = (
        ("POST", r"/ws/sci/?", "/ws/sci", "h_sci_post"),
        ("GET", r"/ws/sci/?", "/ws/sci", "h_sci_list"),
        ("GET", r"/ws/sci/(?P<id>[^/]+)", "/ws/sci/{id}", "h_job_get"),
        ("HEAD", r"/ws/sci/(?P<id>[^/]+)", "/ws/sci/{id}", "h_job_head"),
        ("DELETE", r"/ws/sci/(?P<id>[^/]+)", "/ws/sci/{id}", "h_job_delete"),
        ("GET", r"/ws/DeviceCore/?", "/ws/DeviceCore", "h_devicecore"),
        ("PUT", r"/ws/DeviceCore/?", "/ws/DeviceCore", "h_devicecore_put"),
        ("GET", r"/ws/DeviceCore/(?P<id>[^/]+)", "/ws/DeviceCore/{id}", "h_devicecore"),
        ("GET", r"/ws/FileData/~/(?P<path>.+)", "/ws/FileData/{path}", "h_file_get"),
        ("PUT", r"/ws/FileData/~/(?P<path>.+)", "/ws/FileData/{path}", "h_file_put"),
        ("DELETE", r"/ws/FileData/~/(?P<path>.+)", "/ws/FileData/{path}", "h_file_delete"),
    )

    def __init__(self, opts, state_dir):
        super().__init__(opts, state_dir)
        self.store = Store(os.path.join(state_dir, "drm.sqlite"))
        self.api_key = (opts.api_key_id, opts.api_key_secret)
        if self.store.meta("fleet") is None:
            self.store.set_meta("fleet", {"devices": opts.devices, "seed": opts.seed})
            self.store.set_meta("config", self.config)
            self._generate()
        self._load()
        self.store.commit()

    # -- state lifecycle ----------------------------------------------------------------------
    def _generate(self):
        fleet = self.store.meta("fleet")
        self.store.wipe()
        self.store.save_devices(enumerate(generate_fleet(fleet["devices"], fleet["seed"])))
        self.store.set_meta("next_job_id", FIRST_JOB_ID)

    def _load(self):
        """(Re)build the in-memory working set and the event heap from SQLite."""
        db = self.store.db
        self.devices = {}
        self.device_index = {}
        self.dev_by_devid = {}
        for idx, data in db.execute("SELECT idx, data FROM devices ORDER BY idx"):
            dev = Device.load(data)
            self.devices[dev.id] = dev
            self.device_index[dev.id] = idx
            self.dev_by_devid[dev.f["devId"]] = dev
        self.jobs = {}
        for (data,) in db.execute("SELECT data FROM jobs ORDER BY id"):
            job = Job(**json.loads(data))
            self.jobs[job.id] = job
        for job_id, data in db.execute("SELECT job, data FROM parts ORDER BY job, seq"):
            part = Part(**json.loads(data))
            self.jobs[job_id].parts[part.dev] = part
        self.restore_config(self.store.meta("config"))
        self.next_job_id = self.store.meta("next_job_id")
        self.events, self.seq, self.waiting = [], 0, {}
        self._dirty_jobs, self._dirty_parts, self._dirty_devices = set(), {}, {}
        for job in self.jobs.values():
            for part in job.parts.values():
                if part.state == "pending":
                    self._schedule_part_events(job, part)
                elif part.state == "waiting":
                    self.waiting.setdefault(part.dev, []).append(job.id)
        for dev in self.devices.values():
            if dev.reconnect_at is not None:
                self._push(dev.reconnect_at, "reconnect", None, dev.id)

    def reset_state(self):
        with self.lock:
            self._generate()
            self.store.commit()
            self._load()

    def close(self):
        with self.lock:
            self.store.close()

    def config_changed(self):
        self.store.set_meta("config", self.config)
        self._commit()

    def extra_stats(self):
        with self.lock:
            self._settle()
            self._commit()
            jobs = Counter({"in_progress": 0, "complete": 0, "canceled": 0})
            jobs.update(job.status for job in self.jobs.values())
            return {"jobs": dict(jobs)}

    # -- persistence helpers ------------------------------------------------------------------
    # Changes are collected in dirty sets and written in one batch per locked section, so a
    # 10,000-device job completing costs a few executemany calls, not 30,000 statements.
    def _save_device(self, dev):
        if dev.id not in self._dirty_devices:
            dev.f["devVersion"] = str(int(dev.f["devVersion"]) + 1)
            self._dirty_devices[dev.id] = dev

    def _save_part(self, job, part):
        self._dirty_parts[(job.id, part.dev)] = part
        self._dirty_jobs.add(job)

    def _commit(self):
        self.store.save_devices((self.device_index[i], d) for i, d in self._dirty_devices.items())
        self.store.save_parts((key[0], part) for key, part in self._dirty_parts.items() if key[0] in self.jobs)
        for job in self._dirty_jobs:
            if job.id in self.jobs:
                self.store.save_job(job)
        self._dirty_devices.clear()
        self._dirty_parts.clear()
        self._dirty_jobs.clear()
        self.store.commit()

    # -- time and events ----------------------------------------------------------------------
    def _push(self, when, kind, job_id, dev_id):
        self.seq += 1
        heapq.heappush(self.events, (when, self.seq, kind, job_id, dev_id))

    def _schedule_part_events(self, job, part):
        self._push(part.end, "finish", job.id, part.dev)
        if job.op == "update_firmware" and not part.fails and not part.rebooted:
            self._push(part.start + REBOOT_AT * (part.end - part.start), "reboot", job.id, part.dev)

    def _start_part(self, job, part, when):
        part.state, part.start = "pending", when
        part.end = when + self.duration(job.op)
        part.fails = job.op == "update_firmware" and self.devices[part.dev].fails_firmware
        self._schedule_part_events(job, part)

    def _settle(self, now=None):
        """Apply every event whose time has come, in time order."""
        now = time.time() if now is None else now
        while self.events and self.events[0][0] <= now:
            when, _seq, kind, job_id, dev_id = heapq.heappop(self.events)
            getattr(self, "_ev_" + kind)(when, self.jobs.get(job_id), dev_id)

    def _live_part(self, job, dev_id):
        part = job.parts.get(dev_id) if job else None
        return part if part is not None and part.state == "pending" else None

    def _ev_reboot(self, when, job, dev_id):
        part = self._live_part(job, dev_id)
        if part is None:
            return
        dev = self.devices[dev_id]
        part.rebooted = True
        self._set_online(dev, False, when)
        dev.reconnect_at = part.end
        self._push(part.end, "reconnect", None, dev_id)
        self._save_part(job, part)
        self._save_device(dev)

    def _ev_reconnect(self, when, _job, dev_id):
        dev = self.devices[dev_id]
        if dev.reconnect_at is None or dev.reconnect_at > when:
            return  # superseded (device was forced online/offline via the control plane)
        dev.reconnect_at = None
        self._set_online(dev, True, when)
        self._save_device(dev)

    def _ev_finish(self, when, job, dev_id):
        part = self._live_part(job, dev_id)
        if part is None:
            return
        dev = self.devices[dev_id]
        if job.op == "send_message":
            ok, result = self._run_rci(dev, job.spec["rci"])
        elif job.op == "update_firmware":
            if part.fails:
                ok, result = False, err(2105, firmware_failure(dev))
            else:
                version = job.spec["version"]
                dev.f["dpFirmwareLevelDesc"] = version
                dev.f["dpFirmwareLevel"] = firmware_level(version)
                ok, result = True, "<submitted/>"
        elif job.op in ("disconnect", "reboot"):
            # The device drops its connection now and comes back after another op duration.
            self._set_online(dev, False, when)
            dev.reconnect_at = when + self.duration(job.op)
            self._push(dev.reconnect_at, "reconnect", None, dev_id)
            # A reboot's success is an empty device element (no reply body is documented).
            ok, result = True, "<disconnected/>" if job.op == "disconnect" else ""
        elif job.op == "file_system":
            ok, result = self._run_file_system(dev, job.spec["commands"], when)
        elif job.op == "data_service":
            ok, result = self._run_data_service(job.spec["requests"])
        else:
            ok, result = True, self._firmware_targets_xml(dev)
        self._save_device(dev)
        self._finish_part(job, part, when, ok, result)

    def _finish_part(self, job, part, when, ok, result):
        part.state, part.end, part.ok, part.result = "done", when, ok, result
        if part.known:
            job.success += ok
            job.failures += not ok
            job.pending -= 1
            if job.pending == 0 and job.status == "in_progress":
                job.status, job.completion = "complete", when
        self._save_part(job, part)

    def _set_online(self, dev, online, when):
        if online == dev.online:
            return
        dev.f["dpConnectionStatus"] = "1" if online else "0"
        dev.f["dpLastConnectTime" if online else "dpLastDisconnectTime"] = iso(when)
        if online:
            # allowOffline parts queued for this device start the moment it connects.
            for job_id in self.waiting.pop(dev.id, []):
                job = self.jobs.get(job_id)
                part = job.parts.get(dev.id) if job else None
                if part is not None and part.state == "waiting":
                    self._start_part(job, part, when)
                    self._save_part(job, part)

    # -- auth and errors ----------------------------------------------------------------------
    def authenticate(self, req):
        if (req.headers.get("X-API-KEY-ID"), req.headers.get("X-API-KEY-SECRET")) == self.api_key:
            return None
        return self.basic_challenge(req, "Remote Manager (lab)", "<error>Authentication required</error>",
                                    "text/xml; charset=utf-8")

    def error(self, status, message, req=None):
        if req is not None and req.wants_json() and not req.path.startswith("/ws/sci"):
            return Response.json({"error": [message]}, status)
        root = "sci_reply" if req is not None and req.path.startswith("/ws/sci") else "result"
        version = ' version="1.0"' if root == "sci_reply" else ""
        return Response(status, f"<{root}{version}><error>{escape(message)}</error></{root}>")

    # -- SCI submission -----------------------------------------------------------------------
    def h_sci_post(self, req, _match):
        root = safe_xml(req.body)
        if root.tag != "sci_request":
            raise BadRequest(f"Expected <sci_request>, got <{root.tag}>")
        ops = list(root)
        if len(ops) != 1:
            raise BadRequest("The lab supports exactly one operation per sci_request")
        op_el = ops[0]
        if op_el.tag not in OP_TYPES:
            raise BadRequest(f"Unsupported SCI operation {op_el.tag!r}; lab supports {sorted(OP_TYPES)}")
        attrs = op_el.attrib
        reply = attrs.get("reply", "all")
        if reply not in REPLY_MODES:
            raise BadRequest(f"Invalid reply mode {reply!r}")
        sync = attrs.get("synchronous", "true").lower() != "false"
        try:
            sync_timeout = min(float(attrs.get("syncTimeout", DEFAULT_SYNC_TIMEOUT)), 600.0)
        except ValueError:
            raise BadRequest("syncTimeout must be a number of seconds") from None
        self.stats.count("submissions", op_el.tag)

        with self.lock:
            self._settle()
            targets = self._resolve_targets(op_el.find("targets"))
            if not any(dev is not None for _tid, dev in targets):
                body = "".join(f'<device id={quoteattr(t)}>{ERR_NOT_FOUND}</device>' for t, _dev in targets)
                body += "<error>Invalid SCI request. No valid targets found.</error>"
                # HTTP 400, as Digi's python-devicecloud serves this reply in its tests.
                return Response(400, f'<sci_reply version="1.0"><{op_el.tag}>{body}</{op_el.tag}></sci_reply>')
            job = self._create_job(op_el, targets, sync, reply)
            self._commit()
            if not sync:
                return Response(202, f'<sci_reply version="1.0"><{job.op}><jobId>{job.id}</jobId></{job.op}></sci_reply>',
                                headers={"Location": f"/ws/sci/{job.id}"})

        # Synchronous: block (without holding the lock) until every part is done or syncTimeout.
        deadline = time.time() + sync_timeout
        while True:
            with self.lock:
                self._settle()
                self._commit()
                now = time.time()
                if job.status != "in_progress" or now >= deadline:
                    return Response(200, f'<sci_reply version="1.0">{self._results_xml(job, timeout=True)}</sci_reply>')
                ends = [p.end for p in job.parts.values() if p.state == "pending"]
                # allowOffline parts have no end until their device connects: poll for that.
                wake = max(ends) if ends and len(ends) == job.pending else now + 0.05
            time.sleep(max(0.0, min(wake, deadline) - now) + 0.001)

    def _resolve_targets(self, targets_el):
        """Ordered, de-duplicated [(requested_or_canonical_id, Device|None)]."""
        out, seen = [], set()

        def add(key, dev):
            if key not in seen:
                seen.add(key)
                out.append((dev.id if dev else key, dev))

        for t in list(targets_el) if targets_el is not None else []:
            if t.tag == "device" and t.get("id", "").lower() == "all":
                for dev in self.devices.values():
                    add(dev.id, dev)
            elif t.tag == "device" and t.get("id"):
                dev = self.devices.get(t.get("id").upper())
                add(dev.id if dev else t.get("id"), dev)
            elif t.tag == "device" and t.get("tag"):
                for dev in self.devices.values():
                    if t.get("tag") in dev.tags():
                        add(dev.id, dev)
            elif t.tag == "group" and t.get("path") is not None:
                path = t.get("path").strip("/")
                for dev in self.devices.values():
                    g = dev.f["grpPath"].strip("/")
                    if not path or g == path or g.startswith(path + "/"):
                        add(dev.id, dev)
            else:
                raise BadRequest(f"Invalid target element <{t.tag} {dict(t.attrib)}>")
        return out

    def _create_job(self, op_el, targets, sync, reply):
        now = time.time()
        spec, spec_error = self._prepare(op_el)
        # The listing shows the operation's payload alone, as on Digi's asynchronous-requests page.
        payload = "".join(ET.tostring(c, encoding="unicode") for c in op_el if c.tag != "targets")
        job = Job(id=self.next_job_id, op=op_el.tag, sync=sync, reply=reply,
                  allow_offline=op_el.get("allowOffline", "false").lower() == "true",
                  payload=payload, status="in_progress",
                  description=spec.get("description", op_el.tag), spec=spec, submit=now,
                  completion=None, success=0, failures=0, pending=0)
        self.next_job_id += 1
        self.store.set_meta("next_job_id", self.next_job_id)
        for dev_id, dev in targets:
            part = job.parts[dev_id] = Part(dev_id, known=dev is not None)
            job.pending += part.known
            if dev is None:
                part.state, part.start, part.end, part.result = "done", now, now, ERR_NOT_FOUND
            elif spec_error:
                self._finish_part(job, part, now, False, spec_error)
            elif not dev.online and job.allow_offline:
                part.state = "waiting"
                self.waiting.setdefault(dev_id, []).append(job.id)
            elif not dev.online:
                self._finish_part(job, part, now, False, ERR_NOT_CONNECTED)
            else:
                self._start_part(job, part, now)
        if job.pending == 0:
            job.status, job.completion = "complete", now
        self.jobs[job.id] = job
        self.store.save_job(job)
        self.store.insert_parts(job.id, job.parts.values())
        return job

    def _payload_of(self, op_el):
        """The operation payload: inline child element(s), or the content of a <file> reference."""
        children = [c for c in op_el if c.tag != "targets"]
        file_el = next((c for c in children if c.tag == "file"), None)
        if file_el is None:
            return children, None
        path = (file_el.text or "").strip()
        content = self._read_file(path)
        if content is None:
            return None, err(2103, f"File not found: {path}")
        return content, None

    def _prepare(self, op_el):
        """Validate the op payload once.  Returns (spec, per-device error xml or None)."""
        op = op_el.tag
        if op == "send_message":
            payload, error = self._payload_of(op_el)
            if error:
                return {}, error
            try:
                rci = safe_xml(payload) if isinstance(payload, bytes) else (payload[0] if payload else None)
            except BadRequest as exc:
                return {}, err(2106, "Invalid RCI request", str(exc))
            if rci is None or rci.tag != "rci_request":
                return {}, err(2106, "Invalid RCI request", "expected <rci_request>")
            first = next(iter(rci), None)
            return {"rci": ET.tostring(rci, encoding="unicode"),
                    "description": first.tag if first is not None else "rci_request"}, None
        if op == "update_firmware":
            target, filename = op_el.get("firmware_target"), op_el.get("filename")
            if target is None and filename is None:
                return {}, ERR_NO_DEFAULT_TARGET
            if target is not None and target != "0":
                return {}, err(2102, f"Invalid firmware target {target}")
            if target is None and not re.fullmatch(FIRMWARE_PATTERN, filename):
                return {}, err(2102, f"No firmware target matches filename {filename}")
            payload, error = self._payload_of(op_el)
            if error:
                return {}, error
            if not isinstance(payload, bytes):
                data = next((c for c in payload if c.tag == "data"), None)
                if data is None:
                    return {}, err(2103, "Firmware image missing: provide <data> or <file>")
                try:
                    payload = base64.b64decode("".join((data.text or "").split()), validate=True)
                except binascii.Error:
                    return {}, err(2104, "Invalid firmware image: data is not valid base64")
            m = re.search(rb"^version=(\d+(?:\.\d+){0,3})\s*$", payload, re.MULTILINE)
            if not m:
                return {}, err(2104, "Invalid firmware image: no version=X.Y.Z line")
            return {"version": m.group(1).decode(), "size": len(payload)}, None
        if op in ("file_system", "data_service"):
            wanted, missing = ("commands", ERR_NO_COMMANDS) if op == "file_system" else ("requests", ERR_NO_REQUESTS)
            payload, error = self._payload_of(op_el)
            if error:
                return {}, error
            try:
                block = safe_xml(payload) if isinstance(payload, bytes) else next(
                    (c for c in payload if c.tag == wanted), None)
            except BadRequest:
                block = None
            if block is None or block.tag != wanted:
                return {}, missing
            block.tail = None  # text after the block is not part of it
            return {wanted: ET.tostring(block, encoding="unicode")}, None
        return {}, None

    # -- RCI ----------------------------------------------------------------------------------
    def _run_rci(self, dev, rci_text):
        """Execute an rci_request against a device's settings.  Returns (ok, reply xml)."""
        ok, out = True, []
        for cmd in parse_rci(rci_text):
            groups = list(cmd)
            if cmd.tag == "query_setting":
                names = [g.tag for g in groups] or list(dev.settings)
                body = ""
                for name in names:
                    if name not in dev.settings:
                        ok, body = False, body + f"<{name}>{err(1, 'Unknown setting group')}</{name}>"
                        continue
                    fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in dev.settings[name].items())
                    body += f"<{name}>{fields}</{name}>"
                out.append(f"<query_setting>{body}</query_setting>")
            elif cmd.tag == "set_setting":
                body = ""
                for group in groups:
                    settings = dev.settings.get(group.tag)
                    unknown = [f.tag for f in group if settings is not None and f.tag not in settings]
                    if settings is None or unknown:
                        ok = False
                        error = (err(1, "Unknown setting group") if settings is None
                                 else err(2, f"Unknown setting field: {unknown[0]}"))
                        body += f"<{group.tag}>{error}</{group.tag}>"
                        continue
                    for field in group:
                        settings[field.tag] = field.text or ""
                        if group.tag == "system" and field.tag in SETTING_MIRRORS:
                            dev.f[SETTING_MIRRORS[field.tag]] = field.text or ""
                    body += f"<{group.tag}/>"
                out.append(f"<set_setting>{body}</set_setting>")
            elif cmd.tag == "query_state":
                state = {
                    "device_info": {"product": dev.f["dpDeviceType"], "firmware_version": dev.f["dpFirmwareLevelDesc"],
                                    "mac": dev.f["devMac"]},
                    "device_stats": {"firmwarestate": "running", "cpu": "7", "totalmem": "268435456",
                                     "uptime": str(int(time.time() - FLEET_EPOCH) % 864000)},
                }
                names = [g.tag for g in groups] or list(state)
                body = "".join(
                    f"<{n}>{''.join(f'<{k}>{escape(v)}</{k}>' for k, v in state[n].items())}</{n}>"
                    if n in state else f"<{n}>{err(1, 'Unknown state group')}</{n}>" for n in names)
                ok = ok and all(n in state for n in names)
                out.append(f"<query_state>{body}</query_state>")
            else:
                ok = False
                out.append(f"<{cmd.tag}>{err(3, 'Unknown command')}</{cmd.tag}>")
        return ok, f'<rci_reply version="1.1">{"".join(out)}</rci_reply>'

    def _run_file_system(self, dev, commands_text, when):
        """file_system commands (ls, get_file, put_file, rm) on the device's files.

        Reply shapes follow python-devicecloud's file system tests: per device a <commands>
        element with one element per command; a failed command holds <error id="1">text</error>.
        """
        files = dev.file_table()
        ok, out = True, []

        def fail(tag, text):
            return f'<{tag}><error id="1">{escape(text)}</error></{tag}>'

        for cmd in parse_rci(commands_text):
            path = cmd.get("path") or ""
            if cmd.tag == "ls":
                prefix = path.rstrip("/") + "/"
                inside = sorted(p for p in files if p.startswith(prefix))
                if path in files:
                    inside = [path]
                elif not inside:
                    ok = False
                    out.append(fail("ls", "No such file or directory"))
                    continue
                dirs = sorted({prefix + p[len(prefix):].split("/", 1)[0] for p in inside
                               if p != path and "/" in p[len(prefix):]})
                # hash: none (Digi's Cloud Connector sample: files carry no hash), md5 or crc32;
                # any is the device's choice, md5 (python-devicecloud's recorded reply).
                kind = {"any": "md5"}.get((cmd.get("hash") or "none").lower(), (cmd.get("hash") or "none").lower())
                kind = kind if kind in FILE_HASHES else "none"
                body = "".join(f'<dir path={quoteattr(d)} last_modified="{FLEET_EPOCH}"/>' for d in dirs)
                for p in inside:
                    if p == path or "/" not in p[len(prefix):]:
                        data = base64.b64decode(files[p]["data"])
                        digest = f' hash="{FILE_HASHES[kind](data)}"' if kind != "none" else ""
                        body += f'<file path={quoteattr(p)} last_modified="{files[p]["mtime"]}" size="{len(data)}"{digest}/>'
                out.append(f'<ls hash="{kind}">{body}</ls>')
            elif cmd.tag == "get_file":
                if path not in files:
                    ok = False
                    out.append(fail("get_file", "No such file or directory"))
                    continue
                data = base64.b64decode(files[path]["data"])
                offset = int(cmd.get("offset") or 0)
                length = int(cmd.get("length")) if cmd.get("length") else len(data)
                if offset > len(data):
                    ok = False
                    out.append(fail("get_file", "Invalid offset"))
                    continue
                chunk = base64.b64encode(data[offset:offset + length]).decode("ascii")
                out.append(f"<get_file><data>{chunk}</data></get_file>")
            elif cmd.tag == "put_file":
                source = cmd.find("file")
                if source is not None:
                    data = self._read_file((source.text or "").strip())
                else:
                    try:
                        data = base64.b64decode("".join((cmd.findtext("data") or "").split()), validate=True)
                    except binascii.Error:
                        data = None
                old = base64.b64decode(files[path]["data"]) if path in files else b""
                offset = int(cmd.get("offset") or 0)
                if data is None or not path or offset > len(old):
                    ok = False
                    out.append(fail("put_file", "Invalid offset" if data is not None and path else "Invalid data"))
                    continue
                rest = b"" if (cmd.get("truncate") or "").lower() == "true" else old[offset + len(data):]
                files[path] = {"data": base64.b64encode(old[:offset] + data + rest).decode("ascii"),
                               "mtime": int(when)}
                out.append("<put_file/>")
            elif cmd.tag == "rm":
                if files.pop(path, None) is None:
                    ok = False
                    out.append(fail("rm", "No such file or directory"))
                    continue
                out.append("<rm/>")
            else:
                ok = False
                out.append(fail(cmd.tag, "Unknown command"))
        return ok, f"<commands>{''.join(out)}</commands>"

    @staticmethod
    def _run_data_service(requests_text):
        """data_service device requests. The reply shape (status="0" with the device's answer) is
        the one in Digi's Cloud Connector device_request sample; the lab's devices answer only
        the target "echo" and refuse others with status 1."""
        ok, out = True, []
        for request in parse_rci(requests_text):
            target = request.get("target_name") or ""
            if target == ECHO_TARGET:
                out.append(f'<device_request target_name={quoteattr(target)} status="0">'
                           f'{escape(request.text or "")}</device_request>')
            else:
                ok = False
                out.append(f'<device_request target_name={quoteattr(target)} status="1">'
                           f'Target is not supported</device_request>')
        return ok, f"<requests>{''.join(out)}</requests>"

    def _firmware_targets_xml(self, dev):
        return ('<targets><target number="0"><name>Firmware Image</name>'
                f'<pattern>{escape(FIRMWARE_PATTERN)}</pattern>'
                f'<version>{escape(dev.f["dpFirmwareLevelDesc"])}</version>'
                '<code_size>0</code_size></target></targets>')

    # -- SCI job access -----------------------------------------------------------------------
    def _job(self, match):
        try:
            job = self.jobs.get(int(match.group("id")))
        except ValueError:
            job = None
        if job is None:
            raise BadRequest(f"Job {match.group('id')} not found", 404)
        return job

    def _results_xml(self, job, timeout=False):
        """<OP><device id>result</device>...</OP> honouring the reply mode."""
        body = []
        for part in job.parts.values():
            if part.state in ("done", "canceled"):
                result = part.result
            elif timeout:
                result = ERR_SYNC_TIMEOUT
            else:
                continue
            succeeded = part.ok and part.state == "done"
            if job.reply == "none" or (job.reply == "errors" and succeeded):
                body.append(f"<device id={quoteattr(part.dev)}/>" if job.reply == "errors" else "")
            else:
                body.append(f"<device id={quoteattr(part.dev)}>{result}</device>")
        return f"<{job.op}>{''.join(body)}</{job.op}>"

    def _progress_xml(self, job, now):
        body = []
        for part in job.parts.values():
            entries = self._progress_entries(job, part, now)
            rows = "".join(f'<progress time="{fmt_progress_time(t)}" status="{pct}">{escape(msg)}</progress>'
                           for t, pct, msg in entries)
            if part.state in ("done", "canceled") and not part.ok and not entries:
                rows = part.result
            body.append(f"<device id={quoteattr(part.dev)}>{rows}</device>")
        return f"<{job.op}>{''.join(body)}</{job.op}>"

    def _progress_entries(self, job, part, now):
        if part.state == "waiting":
            return [(job.submit, 0, "Waiting for device to connect")]
        if part.start is None or (part.state == "done" and part.start == part.end):
            return []  # immediate errors (offline, unknown, bad request) have no history
        if job.op == "update_firmware":
            size = job.spec["size"]
            steps = [(0.0, 0, "Getting Target Info"), (0.05, 0, "Sending Download Request")]
            steps += [(k / 10, k * 10, f"Sending Data: {size * (k - 1) // 6} out of {size} bytes sent")
                      for k in range(1, 8)]
            if part.fails:
                steps += [(REBOOT_AT, 80, "Verifying image"),
                          (1.0, 100, firmware_failure(self.devices[part.dev]))]
            else:
                steps += [(REBOOT_AT, 80, "Rebooting"), (1.0, 100, "Firmware update complete")]
        else:
            steps = [(0.0, 0, "Sending request"), (1.0, 100, "Complete")]
        # A canceled part's end is the cancel time, so its history uses the planned duration.
        span = self.duration(job.op) if part.state == "canceled" else part.end - part.start
        entries = []
        for frac, pct, msg in steps:
            when = part.start + frac * span
            if when <= now and (part.state != "canceled" or when <= part.end):
                entries.append((when, pct, msg))
        if part.state == "canceled":
            entries.append((part.end, entries[-1][1] if entries else 0, "Canceled"))
        return entries

    def h_job_get(self, req, match):
        with self.lock:
            self._settle()
            self._commit()
            job = self._job(match)
            status = f"<status>{job.status}</status>"
            if req.param("progress", "false").lower() == "true":
                self.stats.count("job_reads", f"{job.id} progress")
                return Response(200, f'<sci_reply version="1.0">{status}{self._progress_xml(job, time.time())}</sci_reply>')
            if job.status == "in_progress":
                self.stats.count("job_reads", f"{job.id} status")
                return Response(200, f'<sci_reply version="1.0">{status}</sci_reply>')
            self.stats.count("job_reads", f"{job.id} results")
            return Response(200, f'<sci_reply version="1.0">{status}{self._results_xml(job)}</sci_reply>')

    def h_job_head(self, req, match):
        with self.lock:
            self._settle()
            self._commit()
            return Response(202 if self._job(match).status == "in_progress" else 200)

    def h_job_delete(self, req, match):
        with self.lock:
            self._settle()
            job = self._job(match)
            now = time.time()
            if job.status == "in_progress":
                for part in job.parts.values():
                    if part.state in ("pending", "waiting"):
                        part.state, part.end, part.ok, part.result = "canceled", now, False, ERR_CANCELED
                        self._save_part(job, part)
                job.status, job.completion, job.pending = "canceled", now, 0
                self.store.save_job(job)
                message = "canceled"
            else:
                del self.jobs[job.id]
                self.store.delete_job(job.id)
                message = "deleted"
            self._commit()
            return Response(200, f'<sci_reply version="1.0"><status>{message}</status></sci_reply>')

    def h_sci_list(self, req, _match):
        with self.lock:
            self._settle()
            self._commit()
            items = list(self.jobs.values())
            cond = req.param("condition")
            if cond:
                pred = parse_condition(cond, JOB_FIELDS)
                ids = self._id_lookup(pred)
                if ids is not None:
                    items = [self.jobs[i] for i in ids if i in self.jobs]
                items = [row for row in (job.row() for job in items) if pred(row)]
            return self._paged(req, "Job", items, lambda item: item if isinstance(item, dict) else item.row())

    @staticmethod
    def _id_lookup(pred):
        """Fast path for `jobId in (...)` / `jobId = N`: direct lookups instead of a scan."""
        if getattr(pred, "field", None) != "jobId" or pred.op not in ("in", "="):
            return None
        values = pred.value if pred.op == "in" else [pred.value]
        try:
            return sorted({int(float(v)) for v in values})
        except ValueError:
            return None

    # -- paging / rendering -------------------------------------------------------------------
    def _paged(self, req, element, items, to_row):
        try:
            start = int(req.param("start", "0"))
            size = min(int(req.param("size", "1000")), 1000)
        except ValueError:
            raise BadRequest("start and size must be integers") from None
        if start < 0 or size < 0:
            raise BadRequest("start and size must not be negative")
        page = [to_row(item) for item in items[start:start + size]]
        header = {"resultTotalRows": str(len(items)), "requestedStartRow": str(start),
                  "resultSize": str(len(page)), "requestedSize": str(size),
                  "remainingSize": str(max(0, len(items) - start - len(page)))}
        if req.wants_json():
            if element == "DeviceCore":
                page = [self._device_json(row) for row in page]
            return Response.json(dict(header, items=page))
        # Digi's DeviceCore page shows the legacy <result> pages with an XML declaration.
        xml = ['<?xml version="1.0" encoding="UTF-8"?>', "<result>"] + [f"<{k}>{v}</{k}>" for k, v in header.items()]
        for row in page:
            xml.append(f"<{element}>")
            if element == "DeviceCore":
                xml.append(f"<id><devId>{row['devId']}</devId><devVersion>{row['devVersion']}</devVersion></id>")
            xml.extend(f"<{k}>{escape(v)}</{k}>" for k, v in row.items() if k not in ("devId", "devVersion"))
            xml.append(f"</{element}>")
        xml.append("</result>")
        return Response(200, "".join(xml))

    @staticmethod
    def _device_json(row):
        out = {"id": {"devId": row["devId"], "devVersion": row["devVersion"]}}
        out.update((k, v) for k, v in row.items() if k not in ("devId", "devVersion"))
        return out

    # -- DeviceCore ---------------------------------------------------------------------------
    def _find_device(self, key):
        return self.dev_by_devid.get(key) or self.devices.get(key.upper())

    def h_devicecore(self, req, match):
        with self.lock:
            self._settle()
            self._commit()
            if match.groupdict().get("id"):
                dev = self._find_device(match.group("id"))
                if dev is None:
                    raise BadRequest(f"Device {match.group('id')} not found", 404)
                devices = [dev]
            else:
                devices = list(self.devices.values())
                cond = req.param("condition")
                if cond:
                    pred = parse_condition(cond, DEVICE_FIELDS)
                    devices = [d for d in devices if pred(d.f)]
            return self._paged(req, "DeviceCore", devices, lambda d: dict(d.f))

    def h_devicecore_put(self, req, _match):
        """Update tags / group / description of devices (what python-devicecloud's add_tag uses)."""
        root = safe_xml(req.body)
        records = [root] if root.tag == "DeviceCore" else root.findall("DeviceCore")
        editable = ("dpTags", "grpPath", "dpDescription", "dpContact", "dpUserMetaData", "dpMapLat", "dpMapLong")
        with self.lock:
            self._settle()
            out = []
            for rec in records:
                key = rec.findtext("devConnectwareId") or rec.findtext("id/devId") or ""
                dev = self._find_device(key.strip())
                if dev is None:
                    out.append(f"<error>Device {escape(key)} not found</error>")
                    continue
                for name in editable:
                    if rec.find(name) is not None:
                        dev.f[name] = rec.findtext(name) or ""
                self._save_device(dev)
                out.append(f"<location>DeviceCore/{dev.f['devId']}/{dev.f['devVersion']}</location>")
            self._commit()
            return Response(200, f"<result>{''.join(out)}</result>")

    # -- FileData -----------------------------------------------------------------------------
    def _read_file(self, path):
        path = path.removeprefix("/~/").removeprefix("~/").lstrip("/")
        row = self.store.db.execute("SELECT content FROM files WHERE path=?", (path,)).fetchone()
        return bytes(row[0]) if row else None

    def h_file_get(self, req, match):
        with self.lock:
            content = self._read_file(match.group("path"))
        if content is None:
            raise BadRequest(f"File {match.group('path')} not found", 404)
        return Response(200, content, "application/octet-stream")

    def h_file_put(self, req, match):
        with self.lock:
            self.store.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?)", (match.group("path"), req.body))
            self._commit()
        return Response(201, f"<result><location>FileData/~/{escape(match.group('path'))}</location></result>")

    def h_file_delete(self, req, match):
        with self.lock:
            cur = self.store.db.execute("DELETE FROM files WHERE path=?", (match.group("path"),))
            self._commit()
        if not cur.rowcount:
            raise BadRequest(f"File {match.group('path')} not found", 404)
        return Response(200)

    # -- lab control: devices -----------------------------------------------------------------
    def lab_extra(self, req, sub):
        if sub == "devices" and req.method == "GET":
            with self.lock:
                self._settle()
                self._commit()
                return Response.json([self._lab_device(d) for d in self.devices.values()])
        if sub.startswith("devices/") and req.method in ("POST", "GET"):
            with self.lock:
                self._settle()
                dev = self._find_device(sub[len("devices/"):])
                if dev is None:
                    return Response.json({"error": "device not found"}, 404)
                if req.method == "POST":
                    self._lab_update_device(dev, req.json())
                self._commit()
                return Response.json(self._lab_device(dev))
        match = re.fullmatch(r"jobs/([0-9]+)/finish", sub)
        if match and req.method == "POST":
            with self.lock:
                self._settle()
                job = self.jobs.get(int(match.group(1)))
                if job is None:
                    return Response.json({"error": "job not found"}, 404)
                self._finish_now(job)
                self._commit()
                return Response.json({"finished": job.id})
        return None

    def _finish_now(self, job):
        """Let every pending part of ``job`` end now, as if its duration were up: a test holds a
        job in flight (a long duration) exactly until what it tests has seen it, then ends it."""
        now = time.time()
        for part in job.parts.values():
            if part.state != "pending":
                continue
            part.end = now
            dev = self.devices[part.dev]
            if part.rebooted and dev.reconnect_at is not None:
                dev.reconnect_at = now  # the firmware reboot ends with the job
                self._push(now, "reconnect", None, part.dev)
            self._push(now, "finish", job.id, part.dev)
        self._settle(now)

    @staticmethod
    def _lab_device(dev):
        return dict(dev.f, online=dev.online, fails_firmware=dev.fails_firmware, settings=dev.settings,
                    files=sorted(DEFAULT_FILES if dev.files is None else dev.files))

    def _lab_update_device(self, dev, body):
        now = time.time()
        for key, value in body.items():
            if key == "online":
                dev.reconnect_at = None  # an explicit change overrides any scheduled reconnect
                self._set_online(dev, bool(value), now)
            elif key == "fails_firmware":
                if not isinstance(value, (bool, str)):
                    raise BadRequest("fails_firmware must be true, false or the failure's description (a string)")
                dev.fails_firmware = value if isinstance(value, str) and value else bool(value)
            elif key == "settings":
                for group, fields in value.items():
                    dev.settings.setdefault(group, {}).update({k: str(v) for k, v in fields.items()})
            elif key in DEVICE_FIELDS and key not in ("devId", "devConnectwareId", "devVersion"):
                dev.f[key] = str(value)
                if key == "dpFirmwareLevelDesc":
                    dev.f["dpFirmwareLevel"] = firmware_level(str(value))
            else:
                raise BadRequest(f"cannot set {key!r} on a device")
        self._save_device(dev)


def create(opts, state_dir):
    return DRM(opts, state_dir)
