# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""The backends: one entry per API, naming everything the rest of the code asks of an API
before it has a client (its environment prefix, libraries, way of signing in, capabilities).

Adding an API is one entry here plus its client module.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _requirements as req
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import InputError

# How a backend signs in (see _credentials.Credentials). BASIC: HTTP Basic, or Remote Manager's
# API key headers when api_key_id is set (a client whose API has no keys refuses them, with its
# own explanation). RPC_SIGNING: every request signed with a key derived from the password.
BASIC = "basic"
RPC_SIGNING = "rpc_signing"

Backend = namedtuple("Backend", (
    "name",            # the api option's value
    "title",           # for messages and docs
    "env_prefix",      # <PREFIX>_URL, <PREFIX>_USERNAME... are the connection options' fallbacks
    "factory",         # transport -> client; imports the client module only when called
    "requirements",    # third-party libraries, as in _requirements
    "auth",            # BASIC or RPC_SIGNING
    "can_cancel",      # its jobs can be canceled (job_cancel, job_wait cancel_on_timeout)
    "batched_status",  # poll() reads the states of many jobs per request, not one request per job
    "item_results",    # a finished job's results hold one entry per item (device, task)
))


# The imports are explicit (AnsiballZ packs only the module_utils it sees imported) and
# local, so one API's client never loads for another API's task.

def _drm_client(transport):
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._client import DrmClient
    return DrmClient(transport)


def _powerstore_client(transport):
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._client import PowerStoreClient
    return PowerStoreClient(transport)


def _aiqum_client(transport):
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.aiqum._client import AiqumClient
    return AiqumClient(transport)


def _rpc_client(transport):
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.rpc._client import RpcClient
    return RpcClient(transport)


# Every poll() here asks for many jobs at once: Remote Manager and the RPC service filter one
# listing, PowerStore asks for id=in.(...) and AIQUM for key=k1|k2 (100 ids a request).
BACKENDS = (
    Backend("drm", "Digi Remote Manager", "DRM", _drm_client, req.DRM, BASIC,
            can_cancel=True, batched_status=True, item_results=True),  # per-device results
    Backend("powerstore", "Dell PowerStore", "POWERSTORE", _powerstore_client, req.JSON, BASIC,
            can_cancel=False, batched_status=True, item_results=False),
    Backend("aiqum", "NetApp Active IQ Unified Manager", "AIQUM", _aiqum_client, req.JSON, BASIC,
            can_cancel=False, batched_status=True, item_results=True),  # per-task reports
    Backend("rpc", "async RPC service", "RPC", _rpc_client, req.JSON, RPC_SIGNING,
            can_cancel=False, batched_status=True, item_results=False),
)
BY_NAME = dict((b.name, b) for b in BACKENDS)
NAMES = tuple(b.name for b in BACKENDS)
# The api option's choices, and each API's variable prefix.
APIS = NAMES
ENV_PREFIX = dict((b.name, b.env_prefix) for b in BACKENDS)


def backend(api):
    """The registry entry of ``api``; an unknown name is an InputError listing the choices."""
    try:
        return BY_NAME[api]
    except (KeyError, TypeError):  # TypeError: an unhashable value such as a list
        raise InputError("api must be one of %s, got %r" % (", ".join(NAMES), api))


def requirements_by_api(op, params):
    """``requirements_for`` of an operation whose API is its ``api`` option: that API's libraries."""
    return backend(params["api"]).requirements
