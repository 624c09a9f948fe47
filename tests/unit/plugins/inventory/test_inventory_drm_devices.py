# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drm_devices inventory plugin over a fake client (the fake_clients fixture), parsing a real
configuration file into a real InventoryData: hosts and their variables, filters, constructed
groups and variables, censored errors, the inventory cache.

The plugin comes from Ansible's plugin loader, so its options are the documented ones."""

from __future__ import annotations

import base64

import pytest
import yaml
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader

from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError

import fakes

DEVICE_A = "00000000-00000000-00409DFF-FF000001"
DEVICE_B = "00000000-00000000-00409DFF-FF000002"
DEVICE_C = "00000000-00000000-00409DFF-FF000003"
PASSWORD = "inventory-s3cret"
CONFIG = {"plugin": "asyncjobs.fleet.drm_devices", "url": "https://rm.example", "username": "alice", "password": PASSWORD}


def device(device_id, connected=True, tags=(), group="Sites/Berlin", firmware="1.2.3", description="router"):
    return {"id": device_id, "dev_id": "d-%s" % str(device_id)[-2:], "type": "IX20", "firmware": firmware,
            "connected": connected, "tags": list(tags), "group": group, "ip": "10.0.0.1",
            "last_connect": "2026-01-02T03:04:05Z", "description": description, "location": "rack 4"}


FLEET = [device(DEVICE_A, tags=["site-berlin", "production"]),
         device(DEVICE_B, connected=False, group="Sites/Paris", firmware="1.2.4"),
         device(DEVICE_C, tags=["lab"], group=None)]


@pytest.fixture
def parse(tmp_path):
    """parse(**options) -> InventoryData: the plugin reads a config file of CONFIG plus options;
    ``use_cache`` is what Ansible passes as parse(cache=...) (false for a refresh)."""
    def run(use_cache=True, **options):
        path = tmp_path / "fleet.drm_devices.yml"
        path.write_text(yaml.safe_dump(dict(CONFIG, **options)))
        plugin = inventory_loader.get("asyncjobs.fleet.drm_devices")
        assert plugin.verify_file(str(path))
        inventory = InventoryData()
        plugin.parse(inventory, DataLoader(), str(path), cache=use_cache)
        try:  # as Ansible's InventoryManager does after each parse
            plugin.update_cache_if_changed()
        except AttributeError:  # no cache configured
            pass
        return inventory
    return run


def host_vars(inventory, name):
    return dict(inventory.get_host(name).vars)


def test_one_host_per_device_with_prefixed_variables(fake_clients, parse):
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    inventory = parse()
    assert sorted(inventory.hosts) == [DEVICE_A, DEVICE_B, DEVICE_C]
    assert [api for api, _params in fake_clients.made] == ["drm"]
    assert fake_clients.made[0][1]["url"] == "https://rm.example" and fake_clients.made[0][1]["password"] == PASSWORD
    found = host_vars(inventory, DEVICE_A)
    found.pop("inventory_file", None)
    found.pop("inventory_dir", None)
    assert found == {
        "drm_device_id": DEVICE_A, "drm_device_type": "IX20", "drm_firmware": "1.2.3", "drm_connected": True,
        "drm_tags": ["site-berlin", "production"], "drm_group": "Sites/Berlin", "drm_ip": "10.0.0.1",
        "drm_last_connect": "2026-01-02T03:04:05Z", "drm_description": "router", "drm_location": "rack 4",
        "ansible_connection": "local"}


def test_local_connection_false_leaves_the_connection_alone(fake_clients, parse):
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    assert "ansible_connection" not in host_vars(parse(local_connection=False), DEVICE_A)


def test_every_host_variable_is_unsafe(fake_clients, parse):
    hostile = fakes.trusted("{{ lookup('pipe', 'touch /tmp/x') }}")
    fake_clients.client = fakes.FakeClient(devices=[
        dict(device(fakes.trusted(DEVICE_A), tags=[hostile], group=hostile, description=hostile), location=hostile,
             type=hostile, firmware=hostile, ip=hostile, last_connect=hostile)])
    found = host_vars(parse(), DEVICE_A)
    assert found["drm_description"] == hostile and found["drm_tags"] == [hostile]
    assert fakes.templatable_strings({k: v for k, v in found.items() if k.startswith("drm_")}) == []


def test_connected_only(fake_clients, parse):
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    assert sorted(parse(connected_only=True).hosts) == [DEVICE_A, DEVICE_C]


@pytest.mark.parametrize("options, targets", [
    ({}, None),
    ({"device_tags": ["production", "lab"]}, [("tag", "production"), ("tag", "lab")]),
    ({"device_groups": ["/Sites/Berlin/", "Sites/Paris"]}, [("group", "Sites/Berlin"), ("group", "Sites/Paris")]),
    ({"device_tags": ["lab"], "device_groups": ["Sites"]}, [("tag", "lab"), ("group", "Sites")]),
])
def test_device_tags_and_groups_are_the_client_targets(fake_clients, parse, options, targets):
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    parse(page_size=250, **options)
    assert fake_clients.client.calls == [("devices", (), {"targets": targets, "page_size": 250})]


@pytest.mark.parametrize("bad", [None, "", "../../DeviceCore", "not-a-device", DEVICE_A + "; rm"])
def test_a_device_without_a_valid_id_is_no_host(fake_clients, parse, bad):
    fake_clients.client = fakes.FakeClient(devices=[device(DEVICE_A), device(bad)])
    assert list(parse().hosts) == [DEVICE_A]


def test_keyed_groups_groups_and_compose(fake_clients, parse):
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    inventory = parse(keyed_groups=[{"key": "drm_group", "prefix": "group"}, {"key": "drm_firmware", "prefix": "firmware"}],
                      groups={"offline": "not drm_connected"},
                      compose={"site": "drm_tags | select('match', 'site-') | first", "where": "drm_location ~ ' in ' ~ drm_group"})
    members = {name: sorted(h.name for h in group.get_hosts()) for name, group in inventory.groups.items()}
    assert members["group_Sites_Berlin"] == [DEVICE_A]
    assert members["group_Sites_Paris"] == [DEVICE_B]
    assert members["firmware_1_2_3"] == [DEVICE_A, DEVICE_C]
    assert members["offline"] == [DEVICE_B]
    assert host_vars(inventory, DEVICE_A)["site"] == "site-berlin"
    assert "site" not in host_vars(inventory, DEVICE_B)  # no site- tag: not strict, so no variable
    assert host_vars(inventory, DEVICE_B)["where"] == "rack 4 in Sites/Paris"


def test_a_client_error_is_a_parser_error_without_credentials(fake_clients, parse):
    basic = base64.b64encode(("alice:" + PASSWORD).encode()).decode()
    fake_clients.client = fakes.FakeClient(error=ApiError("HTTP 401: echoed Basic %s and %s" % (basic, PASSWORD), status=401))
    with pytest.raises(AnsibleParserError) as info:
        parse()
    message = str(info.value)
    assert "asyncjobs.fleet.drm_devices: HTTP 401: echoed Basic ******** and ********" in message
    assert basic not in message and PASSWORD not in message


@pytest.mark.parametrize("page_size", [0, 10001])
def test_page_size_out_of_range_is_a_parser_error(fake_clients, parse, page_size):
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    with pytest.raises(AnsibleParserError, match="page_size must be a whole number from 1 to 10000"):
        parse(page_size=page_size)
    assert fake_clients.client.calls == []


def test_the_cache_answers_the_second_parse(fake_clients, parse, tmp_path):
    options = dict(cache=True, cache_plugin="ansible.builtin.jsonfile", cache_connection=str(tmp_path / "cache"))
    fake_clients.client = fakes.FakeClient(devices=FLEET)
    assert sorted(parse(**options).hosts) == [DEVICE_A, DEVICE_B, DEVICE_C]
    assert len(fake_clients.client.calls) == 1
    # The manager is unreachable now: only the cache can answer.
    fake_clients.client = fakes.FakeClient(error=ApiError("HTTP 503", status=503))
    assert sorted(parse(**options).hosts) == [DEVICE_A, DEVICE_B, DEVICE_C]
    assert fake_clients.client.calls == []
    # A refresh asks the manager, and a cache that is switched off is never read.
    with pytest.raises(AnsibleParserError, match="HTTP 503"):
        parse(use_cache=False, **options)
    with pytest.raises(AnsibleParserError, match="HTTP 503"):
        parse(**dict(options, cache=False))
