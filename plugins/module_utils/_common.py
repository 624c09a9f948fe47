# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Option specs shared by the modules, and the checks of numeric options.

The connection options are the same for every API; their environment fallbacks are
resolved per API at run time (``DRM_URL``, ``POWERSTORE_URL``...) by ``_credentials``,
because ``job_wait`` and the lookup pick the API from an option.
"""

from __future__ import annotations

import copy

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

# Mirrored by the doc fragment asyncjobs.fleet.connection.
CONNECTION_ARGSPEC = dict(
    url=dict(type="str"),
    username=dict(type="str"),
    password=dict(type="str", no_log=True),
    api_key_id=dict(type="str", no_log=False),
    api_key_secret=dict(type="str", no_log=True),
    validate_certs=dict(type="bool"),
    ca_path=dict(type="path"),
    timeout=dict(type="float"),
    requests_per_second=dict(type="float"),
    max_concurrent_requests=dict(type="int"),
    request_budget_file=dict(type="path"),
)

# Mirrored by the doc fragment asyncjobs.fleet.wait.
WAIT_ARGSPEC = dict(
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="float", default=600),
    poll_interval=dict(type="float", default=1),
    max_poll_interval=dict(type="float", default=15),
    fail_on=dict(type="str", default="any", choices=["any", "all", "never"]),
)

# Mirrored by the doc fragment asyncjobs.fleet.drm_targets.
DRM_TARGET_ARGSPEC = dict(
    devices=dict(type="list", elements="str"),
    tags=dict(type="list", elements="str"),
    groups=dict(type="list", elements="str"),
    all_devices=dict(type="bool", default=False),
)


def argspec(*parts, **own):
    """Merge option groups and a module's own options into one argument spec."""
    spec = {}
    for part in parts:
        spec.update(copy.deepcopy(part))
    spec.update(own)
    return spec


# Accepted ranges of the numeric options, and of their environment fallbacks: (lowest, whether
# the lowest itself is allowed, highest). Outside them a value is a typo or a unit mix-up, and
# inf or 1e300 would end in an OverflowError inside a socket or a sleep. Mirrored in the option docs.
NUMBER_LIMITS = {
    "timeout": (0, False, 3600),
    "wait_timeout": (0, False, 604800),
    "poll_interval": (0, False, 3600),
    "max_poll_interval": (0, False, 3600),
    "paused_timeout": (0, True, 604800),
    "prefer_wait": (0, True, 3600),
    "page_size": (1, True, 10000),
    "requests_per_second": (0, False, 1000),
    "max_concurrent_requests": (1, True, 100),
}
# The options counted in whole numbers (an int, or a float with no fraction such as 4.0).
WHOLE_NUMBERS = ("page_size", "max_concurrent_requests")
# The durations every module checks before anything is sent.
SECONDS = ("timeout", "wait_timeout", "poll_interval", "max_poll_interval", "paused_timeout", "prefer_wait")


def check_number(name, value, label=None):
    """``value`` when it is a number within NUMBER_LIMITS[name], else one InputError naming
    ``label`` (the option, or the environment variable it came from)."""
    low, low_allowed, high = NUMBER_LIMITS[name]
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and name in WHOLE_NUMBERS and isinstance(value, float) and not value.is_integer():
        number = False
    if number and (low <= value if low_allowed else low < value) and value <= high:
        return value
    if name in WHOLE_NUMBERS:
        raise InputError("%s must be a whole number from %s to %s, got %r" % (label or name, low, high, value))
    if name == "requests_per_second":
        raise InputError("%s must be a number of requests per second above 0, at most %s, got %r" % (label or name, high, value))
    if low_allowed:
        raise InputError("%s must be a number of seconds from %s to %s, got %r" % (label or name, low, high, value))
    raise InputError("%s must be a positive number of seconds, at most %s, got %r" % (label or name, high, value))


def check_common_params(params):
    """Reject unusable durations before anything is sent (a bad wait_timeout found only after
    a submission would fail the task with the change already made)."""
    for name in SECONDS:
        if params.get(name) is not None:
            check_number(name, params[name])
    if params.get("poll_interval") is not None and params.get("max_poll_interval") is not None \
            and params["max_poll_interval"] < params["poll_interval"]:
        raise InputError("max_poll_interval (%r) must be at least poll_interval (%r)"
                         % (params["max_poll_interval"], params["poll_interval"]))
