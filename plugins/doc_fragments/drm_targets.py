# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # Mirrors DRM_TARGET_ARGSPEC in plugins/module_utils/_common.py.
    DOCUMENTATION = r'''
options:
  devices:
    description:
      - Device ids (C(devConnectwareId)), for example V(00000000-00000000-00409DFF-FF000001).
      - Targets from O(devices), O(tags) and O(groups) are combined; a device matched twice is addressed once.
    type: list
    elements: str
  tags:
    description:
      - Address every device carrying one of these tags.
    type: list
    elements: str
  groups:
    description:
      - Address every device in these group paths, including their subgroups.
    type: list
    elements: str
  all_devices:
    description:
      - Address every device of the account. Overrides the other target options.
    type: bool
    default: false
'''
