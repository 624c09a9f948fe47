#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: drm_device_info
short_description: Read Digi Remote Manager devices
description:
  - Reads devices from DeviceCore (all pages), optionally limited to device ids, tags or groups, and returns
    their firmware, connection state, tags and group, with counts per firmware version.
  - Without any target option, returns every device of the account.
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  page_size:
    description:
      - Devices per DeviceCore request (at most 1000); all pages are read.
    type: int
    default: 1000
extends_documentation_fragment:
  - asyncjobs.fleet.connection
  - asyncjobs.fleet.drm_targets
  - asyncjobs.fleet.attributes
  - asyncjobs.fleet.attributes.ACTION_GROUP
  - asyncjobs.fleet.attributes.CHECK_MODE_READ_ONLY
requirements:
  - requests
  - xmltodict
seealso:
  - plugin: asyncjobs.fleet.drm_devices
    plugin_type: inventory
'''

EXAMPLES = r'''
- name: Devices of the north group
  asyncjobs.fleet.drm_device_info:
    groups: [fleet/north]
  register: north

- name: Which are not at 2.1.0 and connected
  ansible.builtin.debug:
    msg: "{{ north.devices | rejectattr('firmware', 'eq', '2.1.0') | selectattr('connected') | map(attribute='id') | list }}"
'''

RETURN = r'''
devices:
  description: The devices, each with C(id), C(type), C(firmware), C(connected), C(tags), C(group), C(ip),
    C(last_connect), C(description) and C(location).
  returned: always
  type: list
  elements: dict
missing:
  description: Device ids given in O(devices) that Remote Manager does not know.
  returned: always
  type: list
  elements: str
firmware_versions:
  description: Number of devices per firmware version.
  returned: always
  type: dict
  sample: {"1.0.0": 86, "2.0.0": 14}
connected:
  description: Number of connected devices.
  returned: always
  type: int
requests:
  description: HTTP requests this task made.
  returned: always
  type: int
'''

from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._module import run_module
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm._messages import DEVICE_INFO


def main():
    run_module(DEVICE_INFO)


if __name__ == "__main__":
    main()
