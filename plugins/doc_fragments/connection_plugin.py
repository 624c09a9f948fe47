# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # The environment fallbacks of the connection options, as env: entries, for plugins bound to
    # one API (the inventory plugin): Ansible's configuration then resolves them, not the plugin.
    # Each section adds to asyncjobs.fleet.connection (descriptions, types) and must be listed
    # BEFORE it in extends_documentation_fragment: of an option's keys, the first fragment wins,
    # and validate_certs must stay type raw here.

    # Digi Remote Manager: asyncjobs.fleet.connection_plugin.drm
    DRM = r'''
options:
  url:
    env:
      - name: DRM_URL
  username:
    env:
      - name: DRM_USERNAME
  password:
    env:
      - name: DRM_PASSWORD
  api_key_id:
    env:
      - name: DRM_API_KEY_ID
  api_key_secret:
    env:
      - name: DRM_API_KEY_SECRET
  validate_certs:
    # raw, not bool: Ansible's bool reads any unknown word such as "flase" as false, which would
    # silently turn TLS verification off. The plugin accepts only true/false words (see notes).
    type: raw
    env:
      - name: DRM_VALIDATE_CERTS
  ca_path:
    env:
      - name: DRM_CA_PATH
  timeout:
    env:
      - name: DRM_TIMEOUT
  requests_per_second:
    env:
      - name: DRM_REQUESTS_PER_SECOND
  max_concurrent_requests:
    env:
      - name: DRM_MAX_CONCURRENT_REQUESTS
  request_budget_file:
    env:
      - name: DRM_REQUEST_BUDGET_FILE
notes:
  - O(validate_certs) and E(DRM_VALIDATE_CERTS) accept V(true), V(yes), V(on), V(1), V(false), V(no), V(off) and V(0) (any case);
    any other value is an error, so that a typo cannot turn certificate verification off.
'''
