"""Helpers shared by the lab tests (a plain module, so test files never import `conftest`)."""
import base64
import email.utils
import hashlib
import hmac
import time
import xml.etree.ElementTree as ET

import requests

USER, PASSWORD = "admin", "lab-Passw0rd!"
KEY_ID, KEY_SECRET = "lab-key-id", "lab-key-secret"
# 1200 devices so a full DeviceCore listing needs two pages of the maximum size (1000).
DEVICES = 1200
# Durations x 0.25: send_message/disconnect 0.25 s, update_firmware 1.5 s.
TIME_SCALE = 0.25


def poll_until(fetch, done, timeout=10, interval=0.05, what="the condition"):
    """fetch() until done(value), then return that value; AssertionError after ``timeout`` seconds.
    Tests wait for a state this way, never for a fixed time."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = fetch()
        if done(value):
            return value
        time.sleep(interval)
    raise AssertionError(f"{what} not reached within {timeout} s")


def dev_id(index):
    """Device id of fleet index `index` (0-based), see README fleet rules."""
    return "00000000-00000000-00409DFF-FF%06X" % (index + 1)


def device_target(*indexes):
    return "".join(f'<device id="{dev_id(i)}"/>' for i in indexes)


class SCI:
    """Tiny raw SCI client for the lab's own tests (fidelity tests use devicecloud instead)."""

    def __init__(self, http):
        self.http = http

    def post(self, op, targets, payload="", **attrs):
        attr_xml = "".join(f' {k}="{v}"' for k, v in attrs.items())
        body = (f'<sci_request version="1.0"><{op}{attr_xml}><targets>{targets}</targets>'
                f'{payload}</{op}></sci_request>')
        return self.http.post(self.http.base + "/ws/sci", data=body, headers={"Content-Type": "text/xml"})

    def submit(self, op, targets, payload="", **attrs):
        resp = self.post(op, targets, payload, synchronous="false", **attrs)
        assert resp.status_code == 202, resp.text
        return int(ET.fromstring(resp.content).findtext(".//jobId"))

    def get(self, job_id, **params):
        return self.http.get(f"{self.http.base}/ws/sci/{job_id}", params=params)

    def head(self, job_id):
        return self.http.head(f"{self.http.base}/ws/sci/{job_id}").status_code

    def wait(self, job_id, timeout=15):
        """The documented client loop: HEAD until 200, then GET the result."""
        poll_until(lambda: self.head(job_id), lambda status: status == 200, timeout, what=f"the end of job {job_id}")
        return ET.fromstring(self.get(job_id).content)


class Aiqum:
    """A small AIQUM client: Basic auth, collections, jobs."""

    ACTIVE = ("queued", "running", "QUEUED", "RUNNING")  # both job vocabularies

    def __init__(self, lab):
        self.lab = lab
        self.base = lab.url("aiqum")
        self.http = requests.Session()
        self.http.auth = (USER, PASSWORD)

    def get(self, path, **params):
        return self.http.get(self.base + path, params=params, timeout=10)

    def records(self, path, **params):
        resp = self.get(path, **params)
        assert resp.status_code == 200, resp.text
        return resp.json()["records"]

    def one(self, path, **params):
        found = self.records(path, **params)
        assert len(found) == 1, found
        return found[0]

    def submit(self, method, path, body=None):
        resp = self.http.request(method, self.base + path, json=body, timeout=10)
        assert resp.status_code == 202, resp.text
        job = resp.json()["job"]
        assert job["_links"]["self"]["href"] == "/api/management-server/jobs/" + job["key"]
        return job["key"]

    def wait(self, key, timeout=10):
        """The job once it has ended."""
        return poll_until(lambda: self.get("/api/v2/management-server/jobs/" + key).json(),
                          lambda job: job["state"] not in self.ACTIVE, timeout, 0.02, f"the end of job {key}")

    def svm(self, name="svm_nfs_a"):
        return self.one("/api/datacenter/svm/svms", name=name)

    def create_share(self, name, size, svm="svm_nfs_a", **extra):
        body = dict({"name": name, "svm": {"key": self.svm(svm)["key"]}, "space": {"size": size}}, **extra)
        return self.submit("POST", "/api/v2/storage-provider/file-shares", body)


def nas_headers(user, password, method, target, body, date=None):
    """NAS API request signature headers, built from the documented recipe (lab README),
    independently of the lab's own check: key = hex SHA-1 of the password, message =
    "<METHOD> <path[?query]>\\nDate: <date>\\n<body>"."""
    date = date or email.utils.formatdate(time.time(), usegmt=True)
    key = hashlib.sha1(password.encode()).hexdigest().encode()
    message = b"%s %s\nDate: %s\n%s" % (method.encode(), target.encode(), date.encode(), body or b"")
    signature = base64.b64encode(hmac.new(key, message, hashlib.sha1).digest()).decode()
    return {"DATE-AUTH": date, "AUTHENTICATION": f"HMAC-SHA1-DATE {base64.b64encode(user.encode()).decode()}:{signature}"}


class NasSigner(requests.auth.AuthBase):
    """Signs each prepared request with nas_headers."""

    def __init__(self, user=USER, password=PASSWORD):
        self.user, self.password = user, password

    def __call__(self, request):
        body = request.body.encode() if isinstance(request.body, str) else request.body
        request.headers.update(nas_headers(self.user, self.password, request.method, request.path_url, body))
        return request
