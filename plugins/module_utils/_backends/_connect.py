# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""From options to a signed-in client: the registry entry of the API, its credentials (options
first, then ``<PREFIX>_*`` variables) and a Transport."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends import _registry as registry
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import Credentials


def make_transport(api, params, environ=None):
    """A Transport for ``api`` authenticated the way that API expects."""
    return Credentials.resolve(api, params, environ).transport(environ)


def make_client(api, params, environ=None):
    """The backend client for ``api``, signed in with the credentials of ``params`` and their
    ``environ`` fallbacks; ``environ`` also supplies proxies and CA bundle."""
    entry = registry.backend(api)
    return entry.factory(make_transport(api, params, environ))
