# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._resource import RESOURCE
from ansible_collections.asyncjobs.fleet.plugins.plugin_utils._action import FleetAction


class ActionModule(FleetAction):
    OP = RESOURCE
