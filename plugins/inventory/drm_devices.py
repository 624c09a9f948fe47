# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
name: drm_devices
short_description: Digi Remote Manager devices as inventory hosts
description:
  - Reads every device of a Remote Manager account from DeviceCore (all pages) and adds one host per device,
    named by its device id, with its type, firmware, connection state, tags and group as host variables.
  - Hosts get C(ansible_connection=local) by default, since the collection's modules talk to Remote Manager
    from the controller; per-host tasks then address their device with C(devices=[drm_device_id]).
  - Supports C(compose), C(groups) and C(keyed_groups), and inventory caching.
  - Every host variable comes from Remote Manager and is marked unsafe, so a device's description, group or
    location is never templated, whether C(compose), C(groups), C(keyed_groups) or a task reads it.
  - The inventory file name must end with C(drm_devices.yml) or C(drm_devices.yaml).
version_added: 1.0.0
author:
  - asyncjobs.fleet maintainers (@asyncjobs)
options:
  plugin:
    description: Marks the file as this plugin's configuration.
    type: str
    required: true
    choices: [asyncjobs.fleet.drm_devices]
  device_tags:
    description: Only devices carrying one of these tags.
    type: list
    elements: str
  device_groups:
    description: Only devices in these Remote Manager group paths (subgroups included).
    type: list
    elements: str
  connected_only:
    description: Only devices connected now.
    type: bool
    default: false
  local_connection:
    description: Set C(ansible_connection=local) on every host.
    type: bool
    default: true
  page_size:
    description:
      - Devices per DeviceCore request; the plugin reads every page.
      - From 1 to 10000 (Remote Manager returns at most its own maximum per page).
    type: int
    default: 1000
extends_documentation_fragment:
  - asyncjobs.fleet.connection_plugin.drm
  - asyncjobs.fleet.connection
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
'''

EXAMPLES = r'''
# fleet.drm_devices.yml (credentials from DRM_URL, DRM_USERNAME, DRM_PASSWORD)
plugin: asyncjobs.fleet.drm_devices
device_tags: [production]
keyed_groups:
  - key: drm_group
    prefix: group
  - key: drm_firmware
    prefix: firmware
groups:
  offline: not drm_connected
compose:
  site: drm_tags | select('match', 'site-') | first
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/drm_devices
cache_timeout: 600
'''

import os

from ansible.errors import AnsibleParserError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.drm import _sci
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends._connect import make_client
from ansible_collections.asyncjobs.fleet.plugins.module_utils._common import check_number
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import (
    BUDGET_OPTIONS,
    CONNECTION_OPTIONS,
    secret_values,
)
from ansible_collections.asyncjobs.fleet.plugins.module_utils._credentials import TaskEnviron, parse_bool
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import FleetError
from ansible_collections.asyncjobs.fleet.plugins.module_utils._redact import Redactor


def host_vars(device):
    """The host variables of one device (prefixed so they never clash with a user's).

    Every value comes from the manager and is marked unsafe: before ansible-core 2.19 a plain
    string holding ``{{ }}`` is templated when read (by keyed_groups, compose, groups, or any
    task), so a device description could run a lookup on the controller.
    """
    return wrap_var({
        "drm_device_id": device["id"],
        "drm_device_type": device["type"],
        "drm_firmware": device["firmware"],
        "drm_connected": device["connected"],
        "drm_tags": device["tags"],
        "drm_group": device["group"],
        "drm_ip": device["ip"],
        "drm_last_connect": device["last_connect"],
        "drm_description": device["description"],
        "drm_location": device["location"],
    })


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):

    NAME = "asyncjobs.fleet.drm_devices"

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(("drm_devices.yml", "drm_devices.yaml"))

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._read_config_data(path)
        cache_key = self.get_cache_key(path)
        use_cache = self.get_option("cache") and cache
        devices = None
        if use_cache:
            try:
                devices = self._cache[cache_key]
            except KeyError:
                devices = None
        if devices is None:
            devices = self._fetch()
            if self.get_option("cache"):
                self._cache[cache_key] = devices
        self._populate(devices)

    def _fetch(self):
        # Each option is the inventory file's value or its DRM_* variable (the env: entries of
        # asyncjobs.fleet.connection_plugin.drm): Ansible has resolved the fallbacks already. An
        # empty value counts as unset, as an empty variable does for the modules.
        params = {name: self.get_option(name) for name in CONNECTION_OPTIONS + BUDGET_OPTIONS}
        params = {name: None if value == "" else value for name, value in params.items()}
        targets = [("tag", t) for t in self.get_option("device_tags") or []]
        targets += [("group", g.strip("/")) for g in self.get_option("device_groups") or []]
        # Proxies and CA bundles still come from the environment; DRM_* are not read a second time.
        environ = TaskEnviron(os.environ, options_resolved=True)
        redact = Redactor(secret_values(params, environ))
        try:
            if params["validate_certs"] is not None and not isinstance(params["validate_certs"], bool):
                params["validate_certs"] = parse_bool("validate_certs (or DRM_VALIDATE_CERTS)", params["validate_certs"])
            page_size = check_number("page_size", self.get_option("page_size"))
            client = make_client("drm", params, environ)
            devices = client.devices(targets or None, page_size=page_size)
        except FleetError as exc:
            # A backend may quote a server's error body; censor any credential it echoed.
            raise AnsibleParserError("asyncjobs.fleet.drm_devices: %s" % redact(exc.msg))
        if self.get_option("connected_only"):
            devices = [d for d in devices if d["connected"]]
        return devices

    def _populate(self, devices):
        strict = self.get_option("strict")
        for device in devices:
            if not device.get("id") or not _sci.DEVICE_ID.match(device["id"]):
                continue
            host = self.inventory.add_host(device["id"])
            variables = host_vars(device)
            if self.get_option("local_connection"):
                variables["ansible_connection"] = "local"
            for key, value in variables.items():
                self.inventory.set_variable(host, key, value)
            self._set_composite_vars(self.get_option("compose"), variables, host, strict=strict)
            self._add_host_to_composed_groups(self.get_option("groups"), variables, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option("keyed_groups"), variables, host, strict=strict)
