# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test-only connection: the local connection under another name.

The collection's action plugins run in-process only for local connections and execute
the module on the host otherwise; this plugin makes the tests take that module path
without needing an SSH server.
"""

from __future__ import annotations

DOCUMENTATION = r'''
name: remote_local
short_description: Local execution that does not identify as the local connection (tests only)
description:
  - Runs commands on the controller like ansible.builtin.local, with a different transport name.
author: asyncjobs.fleet contributors
'''

from ansible.plugins.connection.local import Connection as LocalConnection


class Connection(LocalConnection):
    transport = "remote_local"
