#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: async_request
short_description: Send an HTTP request and follow the long-running operation it starts (202 Accepted)
description:
  - A drop-in for M(ansible.builtin.uri) for REST APIs that answer C(202 Accepted) and finish the work later.
    It sends the request, finds the status monitor, polls it until the operation ends, and returns the
    operation's result, or fails with the operation's error.
  - "The monitor is taken from the C(Operation-Location) header (Microsoft/Azure REST API guidelines), the
    C(Azure-AsyncOperation) header (Azure Resource Manager), the C(Location) header of a C(202) answer
    (ARM, RFC 7240 C(Prefer: respond-async), most job APIs), or an AIP-151 C(google.longrunning.Operation)
    body (C({name, done})), in that order; O(monitor_header) picks one explicitly."
  - "Relative monitor URLs are resolved against O(url). A monitor (or final C(Location)) on another origin than
    O(url) (scheme, host or port, compared case-insensitively with default ports filled in) is polled, as generic
    APIs may keep their monitors elsewhere, but without credentials: of O(headers) only C(Accept),
    C(Accept-Encoding), C(Accept-Language), C(Cache-Control) and C(User-Agent) go there (an allow-list; these
    describe the answer wanted and the client, never who asks; any other header, such as C(X-Credential), is
    dropped), and neither the Basic credentials (O(url_username)/O(url_password) or user-info in O(url)) nor
    cookies are sent."
  - Every monitor poll honours C(Retry-After) exactly (seconds or an HTTP date), as the Azure guidelines
    require. Without it, polls start at O(poll_interval) and back off by 1.5 up to O(max_poll_interval).
  - "The end of the operation is decided from the monitor body: O(status_field) (by default the first of
    C(status), C(state), C(done), C(completed)) compared case-insensitively with O(success_values),
    O(failure_values) and O(cancel_values). A boolean C(done)/C(completed) of V(true) means failed when
    O(error_field) is set, else succeeded. On a C(Location) monitor C(202) means running, C(200)/C(204)
    means finished (the body is the resource) unless the body says it is not done yet, and an error status
    means failed."
  - A synchronous answer (for example C(200) without a monitor) is returned like M(ansible.builtin.uri)
    returns it, with the body in RV(json) and RV(result).
  - Transient failures of monitor polls (connection errors, C(429), C(5xx)) are retried; a submission
    (any method other than GET, HEAD and OPTIONS) is only sent again after C(429) or C(503), which say the
    server did not act on it.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  url:
    description:
      - Absolute C(http://) or C(https://) URL of the request.
      - User-info in the URL (C(https://user:password@host/...)) is sent as HTTP Basic authentication; its
        password (as written and percent-decoded) and the Basic token are masked in messages and results.
    type: str
    required: true
  method:
    description:
      - HTTP method of the request.
      - Defaults to V(GET) like M(ansible.builtin.uri), so a task converted from M(ansible.builtin.uri)
        behaves the same. Operations are usually started with V(POST), V(PUT), V(PATCH) or V(DELETE).
    type: str
    default: GET
  body:
    description:
      - The request body. With O(body_format=json) a dict or list is serialised to JSON; a string is sent as is.
    type: raw
  body_format:
    description:
      - How O(body) is sent. V(json) and V(form-urlencoded) set C(Content-Type) unless O(headers) has one.
    type: str
    choices: [raw, json, form-urlencoded]
    default: raw
  headers:
    description:
      - Extra request headers. They are also sent on monitor polls, except C(Content-Type), C(Content-Length),
        C(Content-Encoding) and C(Prefer); to a monitor on another origin only the allow-listed headers named
        in the description go.
      - Values of headers whose names suggest a secret (C(Authorization), C(Cookie), names containing
        C(token), C(key), C(secret), C(password), C(session), C(signature)) are masked in messages and results
        like O(url_password).
    type: dict
    default: {}
  url_username:
    description:
      - User name for HTTP Basic authentication, sent with the request and the monitor polls.
    type: str
    aliases: [user]
  url_password:
    description:
      - Password for HTTP Basic authentication. Never returned or shown in messages.
    type: str
    aliases: [password]
  force_basic_auth:
    description:
      - Accepted for compatibility with M(ansible.builtin.uri). Basic credentials are always sent with the
        first request, as APIs with long-running operations answer C(401) rather than negotiate.
    type: bool
    default: false
  validate_certs:
    description:
      - Verify the server's TLS certificate. V(false) is insecure.
      - V(false) and O(ca_path) win over E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
    type: bool
    default: true
  ca_path:
    description:
      - PEM bundle of the certificate authorities to trust, for servers with a private CA.
      - If not set, the bundle named by E(REQUESTS_CA_BUNDLE) or E(CURL_CA_BUNDLE) is used, then the bundle of the
        Python C(requests) library.
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP response (not for the operation; see O(wait_timeout)).
      - Must be greater than 0 and at most 3600.
    type: float
    default: 30
  requests_per_second:
    description:
      - The most requests a second sent to the server, every attempt counting (the request, its polls, retries and
        the result read), spaced at least 1/O(requests_per_second) seconds apart; unset means no cap.
      - Without O(request_budget_file) the cap holds in this task; with it, for every task and process naming the
        same file. A C(429) answer slows the rate down or, with C(Retry-After), pauses it.
      - Greater than 0 and at most 1000. As for the other modules (see the collection's guide "Waiting and timeouts",
        section "Request budget"), but with no environment variable.
    type: float
    version_added: 1.1.0
  max_concurrent_requests:
    description:
      - The most requests to the server at once, in this task or, with O(request_budget_file), in every process naming
        the same file. From 1 to 100; unset means no cap.
    type: int
    version_added: 1.1.0
  request_budget_file:
    description:
      - Absolute path of a file through which processes share one request budget (O(requests_per_second),
        O(max_concurrent_requests) and the pauses of C(429) answers), created with mode 0600 and locked with
        C(flock); a file with other content is refused.
    type: path
    version_added: 1.1.0
  status_code:
    description:
      - HTTP statuses of the first response that are a success. Any other status fails the task with the
        server's answer. Monitor responses are judged by the conventions above instead.
    type: list
    elements: int
    default: [200, 201, 202, 204]
  return_content:
    description:
      - Also return the raw body of the first response in RV(content), like M(ansible.builtin.uri).
    type: bool
    default: false
  prefer_async:
    description:
      - "Send C(Prefer: respond-async) (RFC 7240), asking the server to answer C(202) at once rather than
        working synchronously. The server may ignore it; both outcomes are handled. See RV(preference_applied)."
    type: bool
    default: false
  prefer_wait:
    description:
      - "Add C(wait=N) to the C(Prefer) header (RFC 7240): the server may answer synchronously if it can
        finish within N seconds."
      - From 0 to 3600.
    type: int
  monitor_header:
    description:
      - Response header that holds the monitor URL. V(auto) tries C(Operation-Location), C(Azure-AsyncOperation),
        then C(Location) (on a C(202) answer only), then an AIP-151 Operation body.
      - A header named here is used on any accepted status. C(Location) and C(Content-Location) are read as
        Location monitors, any other header as a status monitor.
    type: str
    default: auto
  operation_base_url:
    description:
      - Where AIP-151 operation names are resolved, for example C(https://example.com/v1); the monitor is
        C(<operation_base_url>/<name>).
      - By default, the part of O(url) up to and including its first version segment (C(v1), C(v1beta2)),
        or the server root when it has none.
    type: str
  status_field:
    description:
      - Dotted path of the operation status in a monitor body (list items by number, for example C(jobs.0.state)).
      - V(auto) uses the first of C(status), C(state), C(done), C(completed) that holds a plain value.
    type: str
    default: auto
  success_values:
    description:
      - Status values (case-insensitive) that mean the operation succeeded.
    type: list
    elements: str
    default: [Succeeded, Success, Completed, Complete, Done]
  failure_values:
    description:
      - Status values (case-insensitive) that mean the operation failed. The task fails with RV(error).
    type: list
    elements: str
    default: [Failed, Failure, Error]
  cancel_values:
    description:
      - Status values (case-insensitive) that mean the operation was canceled. The task fails.
    type: list
    elements: str
    default: [Canceled, Cancelled]
  result_field:
    description:
      - Dotted path of the operation's result in the final monitor body.
      - V(auto) uses C(result) (Azure) or C(response) (AIP-151); on a Location monitor the final body
        itself is the result.
    type: str
    default: auto
  error_field:
    description:
      - Dotted path of the error object in a monitor body (Azure C({code, message}), AIP-151 C(google.rpc.Status)).
    type: str
    default: error
  progress_field:
    description:
      - Dotted path of a progress percentage in a monitor body, returned as RV(progress) and shown in progress lines.
      - V(auto) uses the first number found in C(percentComplete), C(progress), C(progressPercent),
        C(metadata.progressPercent), C(metadata.percentComplete).
    type: str
    default: auto
  final_get:
    description:
      - "When the operation succeeded and its monitor carried no result, read it as Azure Resource Manager
        clients do: GET O(url) again after a V(PUT) or V(PATCH), or GET the C(Location) of the first answer
        after other methods when the monitor was another header."
    type: bool
    default: true
  wait:
    description:
      - Wait for the operation to end. With V(false), return after the first response with RV(monitor_url).
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for the operation in total, measured with a monotonic clock. On timeout the task fails,
        naming the monitor URL and the last status seen.
      - Must be greater than 0 and at most 604800 (seven days).
    type: float
    default: 600
  poll_interval:
    description:
      - Seconds before the first poll when the server sent no C(Retry-After). Later polls without
        C(Retry-After) back off by 1.5 up to O(max_poll_interval).
      - Must be greater than 0 and at most 3600.
    type: float
    default: 1
  max_poll_interval:
    description:
      - Longest pause between two polls when the server sends no C(Retry-After). A server's C(Retry-After) is
        honoured even when longer (up to 300 seconds).
      - At most 3600.
    type: float
    default: 15
extends_documentation_fragment:
  - asyncjobs.fleet.attributes
attributes:
  check_mode:
    description: GET, HEAD and OPTIONS requests run (their operations are followed). Other requests are not sent;
      the task reports changed and the request it would have made.
    support: full
  diff_mode:
    description: No diff is returned.
    support: none
  idempotent:
    description: GET, HEAD and OPTIONS report no change. Other methods are sent on every run and report a change;
      read the resource first, or use C(changed_when).
    support: none
requirements:
  - requests
notes:
  - C(changed) is true when a request other than GET, HEAD or OPTIONS was sent and accepted, whatever the
    operation's outcome.
  - A C(Retry-After) of C(0) is treated as 0.1 seconds so a server cannot make the module spin.
  - Proxies come from E(HTTPS_PROXY), E(HTTP_PROXY), E(ALL_PROXY) and E(NO_PROXY) (or their lower-case forms),
    including those set with the task's C(environment) keyword. C(~/.netrc) is not read.
seealso:
  - module: ansible.builtin.uri
  - name: Microsoft Azure REST API guidelines, long-running operations
    description: Operation-Location, status monitors and Retry-After.
    link: https://github.com/microsoft/api-guidelines/blob/vNext/azure/Guidelines.md
  - name: Google AIP-151 Long-running operations
    description: The Operation resource and its done, response and error fields.
    link: https://google.aip.dev/151
  - name: RFC 7240 Prefer Header for HTTP
    description: respond-async, wait and Preference-Applied.
    link: https://www.rfc-editor.org/rfc/rfc7240
'''

EXAMPLES = r'''
- name: Start an Azure-style operation and wait for its result
  asyncjobs.fleet.async_request:
    url: https://api.example.com/widgets:build?api-version=2024-01-01
    method: POST
    body_format: json
    body: {name: w1, size: 3}
    url_username: "{{ api_user }}"
    url_password: "{{ api_password }}"
    wait_timeout: 900
  register: built

- name: Use the operation's result
  ansible.builtin.debug:
    msg: "{{ built.result }}"

- name: Ask an RFC 7240 server to work asynchronously (NetSuite style job body)
  asyncjobs.fleet.async_request:
    url: https://api.example.com/services/rest/record/v1/customer
    method: POST
    body_format: json
    body: "{{ customer }}"
    headers:
      Authorization: "Bearer {{ token }}"
    prefer_async: true
    status_field: completed
    result_field: task

- name: A job API with its own vocabulary
  asyncjobs.fleet.async_request:
    url: https://jobs.example.com/api/exports
    method: POST
    body_format: json
    body: {table: orders}
    monitor_header: X-Job-Url
    status_field: job.phase
    success_values: [FINISHED]
    failure_values: [ABORTED, REJECTED]
    progress_field: job.percent
    result_field: job.output

- name: Google AIP-151 long-running operation
  asyncjobs.fleet.async_request:
    url: https://service.example.com/v1/projects/p1/things:import
    method: POST
    body_format: json
    body: {source: "gs://bucket/data.csv"}
    headers:
      Authorization: "Bearer {{ token }}"
    poll_interval: 2

- name: Submit now, wait later
  asyncjobs.fleet.async_request:
    url: https://api.example.com/reports
    method: POST
    wait: false
  register: submitted
'''

RETURN = r'''
status:
  description: HTTP status of the first response.
  returned: when the request was sent
  type: int
  sample: 202
url:
  description: The request URL, with any user-info removed.
  returned: always
  type: str
method:
  description: The HTTP method sent.
  returned: always
  type: str
  sample: POST
headers:
  description: The first response's headers that matter here (monitor headers, C(Retry-After), C(Preference-Applied),
    C(Operation-Id), C(Content-Type), C(Content-Location)).
  returned: when the request was sent
  type: dict
  sample: {"Operation-Location": "https://api.example.com/operations/123?api-version=2024-01-01", "Retry-After": "1"}
json:
  description: The first response's body when it is JSON, as M(ansible.builtin.uri) returns it.
  returned: when the request was sent
  type: raw
content:
  description: The first response's body as text.
  returned: when O(return_content=true) and the request was sent
  type: str
preference_applied:
  description: The C(Preference-Applied) header of the first response, for example C(respond-async).
  returned: when the request was sent
  type: str
monitor_url:
  description: The status monitor followed. Null for a synchronous answer.
  returned: when the request was sent and the status was accepted
  type: str
  sample: https://api.example.com/operations/123?api-version=2024-01-01
monitor_source:
  description: Where the monitor came from, C(Operation-Location), C(Azure-AsyncOperation), C(Location), another
    header named by O(monitor_header), or C(name) for an AIP-151 Operation body.
  returned: when the request was sent and the status was accepted
  type: str
state:
  description:
    - The operation's state in the collection's lifecycle, C(pending), C(running), C(succeeded), C(failed),
      C(canceled) or C(unknown). C(succeeded) for a synchronous answer.
  returned: when the request was sent and the status was accepted
  type: str
  sample: succeeded
raw_state:
  description: The server's own status value (for example C(Succeeded), C(InProgress), or C(true) for C(done)),
    or C(HTTP <status>) when the HTTP status decided.
  returned: when the request was sent and the status was accepted
  type: raw
  sample: Succeeded
progress:
  description: The last progress percentage reported, when the monitor reports one.
  returned: when the request was sent and the status was accepted
  type: float
result:
  description:
    - The operation's result, from O(result_field), the final Location body, the final GET (O(final_get)), or the
      body of a synchronous answer.
  returned: when the request was sent and the status was accepted
  type: raw
  sample: {"id": "/widgets/w1", "name": "w1", "size": 3}
result_url:
  description: The URL read for the result by O(final_get).
  returned: when a final GET was made
  type: str
error:
  description: The operation's error object (Azure C({code, message}), AIP-151 C(google.rpc.Status)) or text.
  returned: when the operation failed or was canceled
  type: raw
  sample: {"code": "WidgetFailed", "message": "Widget w1 could not be built"}
operation:
  description: The last monitor body read.
  returned: when a monitor was followed
  type: raw
final_status:
  description: HTTP status of the last monitor response.
  returned: when a monitor was followed
  type: int
elapsed:
  description: Seconds spent waiting for the operation.
  returned: when the request was sent and the status was accepted
  type: float
polls:
  description: Monitor polls made.
  returned: when the request was sent and the status was accepted
  type: int
history:
  description: The operation's state each time it changed while the monitor was polled, with the time.
  returned: when a monitor was polled
  type: list
  elements: dict
requests:
  description: HTTP requests this task made, retries and the final GET included.
  returned: always
  type: int
would_request:
  description: The request that check mode did not send, C({method, url}).
  returned: in check mode, for methods other than GET, HEAD and OPTIONS
  type: dict
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.http._async_request import ASYNC_REQUEST
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module


def main():
    run_module(ASYNC_REQUEST)


if __name__ == "__main__":
    main()
