# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Third-party libraries, imported once and guarded, for missing_required_lib messages."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils import _drm, _transport

REQUESTS = ("requests", _transport.HAS_REQUESTS, _transport.REQUESTS_IMPORT_ERROR)
XMLTODICT = ("xmltodict", _drm.HAS_XMLTODICT, _drm.XMLTODICT_IMPORT_ERROR)
DRM = (REQUESTS, XMLTODICT)
JSON = (REQUESTS,)
