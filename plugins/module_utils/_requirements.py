# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Third-party libraries, imported once and guarded, for missing_required_lib messages.

The guards live here, not in the clients that use the libraries, so that the backend
registry can name each API's libraries without importing its client.
"""

from __future__ import annotations

import importlib


def _optional(name):
    """``(module, None)``, or ``(None, the ImportError)`` when the library is not installed."""
    try:
        return importlib.import_module(name), None
    except ImportError as exc:  # pragma: no cover - exercised via missing_required_lib
        return None, exc


# The modules that use these libraries (_transport, _drm) take them from here.
requests, REQUESTS_IMPORT_ERROR = _optional("requests")
xmltodict, XMLTODICT_IMPORT_ERROR = _optional("xmltodict")
HAS_REQUESTS = requests is not None
HAS_XMLTODICT = xmltodict is not None

REQUESTS = ("requests", HAS_REQUESTS, REQUESTS_IMPORT_ERROR)
XMLTODICT = ("xmltodict", HAS_XMLTODICT, XMLTODICT_IMPORT_ERROR)
DRM = (REQUESTS, XMLTODICT)
JSON = (REQUESTS,)


def requirements_of(op, params):
    """The libraries ``op`` needs for these (validated) options, as (name, available, error).

    An operation whose API is an option (job_*) declares ``requirements_for(params)``, so a
    PowerStore task is not refused for lacking Remote Manager's XML library; the others
    declare the fixed ``requirements``.
    """
    declared = getattr(op, "requirements_for", None)
    return declared(params) if declared is not None else op.requirements
