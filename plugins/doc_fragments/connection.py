# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # Mirrors CONNECTION_ARGSPEC in plugins/module_utils/_common.py.
    DOCUMENTATION = r'''
options:
  url:
    description:
      - Base URL of the manager, for example V(https://remotemanager.digi.com).
      - If not set, the environment variable E(DRM_URL) is used (the prefix follows the API, see notes).
    type: str
  username:
    description:
      - User name for HTTP Basic authentication (the async RPC service signs each request with it instead).
      - If not set, E(DRM_USERNAME) is used.
      - Give either O(username) and O(password), or O(api_key_id) and O(api_key_secret).
    type: str
  password:
    description:
      - Password for HTTP Basic authentication.
      - The async RPC service gets no password on the wire; each request is signed with a key derived from it
        (C(HMAC-SHA1-DATE)).
      - If not set, E(DRM_PASSWORD) is used.
    type: str
  api_key_id:
    description:
      - Remote Manager API key id, sent as the C(X-API-KEY-ID) header instead of Basic authentication.
        Needed when single sign-on or two-factor authentication blocks Basic authentication.
      - If not set, E(DRM_API_KEY_ID) is used.
    type: str
  api_key_secret:
    description:
      - Secret of the API key, sent as the C(X-API-KEY-SECRET) header.
      - If not set, E(DRM_API_KEY_SECRET) is used.
    type: str
  validate_certs:
    description:
      - Verify the server's TLS certificate.
      - If not set, E(DRM_VALIDATE_CERTS) is used, and V(true) when that is unset too.
      - Set to V(false) only for lab systems, since it lets a man-in-the-middle read credentials.
      - V(false) and O(ca_path) win over E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
    type: bool
  ca_path:
    description:
      - PEM file of the certificate authorities that sign the server's certificate, for private CAs.
      - If not set, E(DRM_CA_PATH) is used, then the bundle named by E(REQUESTS_CA_BUNDLE) or E(CURL_CA_BUNDLE),
        then the bundle of the Python C(requests) library.
    type: path
  timeout:
    description:
      - Seconds to wait for a connection and for each response. This does not bound the whole job, since waiting for jobs has its own timeout.
      - If not set, E(DRM_TIMEOUT) is used, then V(30).
      - Must be greater than 0 and at most 3600 (one hour), the environment variable too.
    type: float
  requests_per_second:
    description:
      - The most requests a second sent to the manager (every attempt counts, retries, logins and pages included).
        Requests wait for their turn; they are spaced at least 1/O(requests_per_second) seconds apart.
      - Without O(request_budget_file) the cap holds in one process (one task, one lookup call, or one inventory
        source); with it, for all the processes that name the same file.
      - A C(429) answer slows the shared rate down (halved, then back to this rate within 30 seconds), or, with a
        C(Retry-After) header, pauses every request of the budget until then.
      - Waiting for a turn counts against the task's C(wait_timeout) while it waits for jobs (modules that wait).
      - If not set, E(DRM_REQUESTS_PER_SECOND) is used; unset means no cap.
      - Must be greater than 0 and at most 1000, the environment variable too.
    type: float
    version_added: 1.1.0
  max_concurrent_requests:
    description:
      - The most requests to the manager at once (from sending the request until its response is read).
      - Without O(request_budget_file) the cap holds in one process; with it, for all the processes that name
        the same file.
      - If not set, E(DRM_MAX_CONCURRENT_REQUESTS) is used; unset means no cap.
      - From 1 to 100, the environment variable too.
    type: int
    version_added: 1.1.0
  request_budget_file:
    description:
      - Absolute path of a file through which processes share one request budget (O(requests_per_second),
        O(max_concurrent_requests), and the pauses and slowdowns of C(429) answers). Give the same path to every
        task, lookup and inventory source that talks to the same manager account, for example through
        E(DRM_REQUEST_BUDGET_FILE) in the environment of every AWX job on one execution node. Without it, each
        process has a budget of its own, and forks or concurrent jobs multiply it.
      - The file, and C(<file>.slot0) ... beside it for O(max_concurrent_requests), are created (mode 0600) on a
        local file system and locked with C(flock); a file that exists with other content is refused, not
        overwritten.
      - If not set, E(DRM_REQUEST_BUDGET_FILE) is used.
    type: path
    version_added: 1.1.0
notes:
  - Environment variables are read on the controller when the task runs there (the usual case), including
    variables set with the task's C(environment) keyword. Their prefix is the API's, C(DRM_) for Digi Remote Manager.
  - Secrets are never included in results or error messages.
  - The request budget (O(requests_per_second), O(max_concurrent_requests), O(request_budget_file)) is described in the
    collection's guide "Waiting and timeouts", section "Request budget".
  - Proxies come from E(HTTPS_PROXY), E(HTTP_PROXY), E(ALL_PROXY) and E(NO_PROXY) (or their lower-case forms), read
    from the same environment as the variables above. C(~/.netrc) is not read.
'''
