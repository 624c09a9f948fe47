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
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.head(job_id) == 200:
                return ET.fromstring(self.get(job_id).content)
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish")


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
