"""Fidelity: Digi's own python-devicecloud client, unchanged, works against the lab."""
import xml.etree.ElementTree as ET

import pytest
from devicecloud import DeviceCloud, DeviceCloudHttpException
from devicecloud.devicecore import dev_connectware_id, group_path
from devicecloud.sci import AsyncRequestProxy, DeviceTarget, GroupTarget, TagTarget

from lab_helpers import DEVICES, KEY_ID, KEY_SECRET, PASSWORD, USER, dev_id, poll_until

QUERY = '<rci_request version="1.1"><query_setting/></rci_request>'


@pytest.fixture
def dc(url):
    return DeviceCloud(USER, PASSWORD, base_url=url)


def test_credentials_and_api_key(url):
    assert DeviceCloud(USER, PASSWORD, base_url=url).has_valid_credentials()
    assert DeviceCloud(api_key_id=KEY_ID, api_key_secret=KEY_SECRET, base_url=url).has_valid_credentials()
    assert not DeviceCloud(USER, "wrong", base_url=url).has_valid_credentials()


def test_send_sci_sync_reply_parses(dc):
    resp = dc.sci.send_sci("send_message", DeviceTarget(dev_id(0)), QUERY)
    dom = ET.fromstring(resp.content)
    device = dom.find("./send_message/device")
    assert device.get("id") == dev_id(0)
    assert device.findtext("rci_reply/query_setting/system/location") == "site-a"


def test_send_sci_async_completes(dc):
    proxy = dc.sci.send_sci_async("send_message", DeviceTarget(dev_id(1)), QUERY)
    assert isinstance(proxy, AsyncRequestProxy)
    assert proxy.completed is False
    dom = _wait(proxy)
    assert dom.findtext("status") == "complete"
    assert dom.find("./send_message/device/rci_reply/query_setting/system") is not None


def test_send_sci_async_invalid_target_raises_with_the_reply(dc):
    # No valid target is HTTP 400, which the library raises with the reply (as its test_core expects).
    with pytest.raises(DeviceCloudHttpException) as info:
        dc.sci.send_sci_async("send_message", DeviceTarget("00000000-00000000-00000000-DEADBEEF"), QUERY)
    assert info.value.response.status_code == 400
    assert b"No valid targets found" in info.value.response.content


def test_get_devices_iterates_all_pages(dc, lab):
    devices = list(dc.devicecore.get_devices())
    assert len(devices) == DEVICES  # 1000 + 200: two pages
    assert len({d.get_connectware_id() for d in devices}) == DEVICES
    by_id = {d.get_connectware_id(): d for d in devices}
    assert by_id[dev_id(0)].is_connected() and not by_id[dev_id(9)].is_connected()
    assert by_id[dev_id(6)].get_firmware_level_description() == "2.0.0"
    assert by_id[dev_id(0)].get_firmware_level_description() == "1.0.0"
    assert by_id[dev_id(0)].get_tags() == ["site-a", "demo", "canary"]
    assert lab.stats()["requests"]["GET /ws/DeviceCore"] == 2


def test_get_devices_with_condition_and_refresh(dc):
    south = list(dc.devicecore.get_devices(group_path == "fleet/south", page_size=100))
    assert len(south) == DEVICES // 3 and all(d.get_group_path() == "fleet/south" for d in south)
    device = south[0]
    assert device.get_device_json(use_cached=False)["devConnectwareId"] == device.get_connectware_id()


def test_add_tag_roundtrip(dc):
    device = next(iter(dc.devicecore.get_devices(group_path == "fleet/lab", page_size=1)))
    cw_id = device.get_connectware_id()
    device.add_tag("upgraded")  # PUT /ws/DeviceCore
    # (The library's own get_tags(use_cached=False) cannot be used after add_tag: add_tag drops
    # the cached JSON it needs to build the refresh URL.  So re-query instead.)
    again = next(iter(dc.devicecore.get_devices(dev_connectware_id == cw_id)))
    assert again.get_tags()[-1] == "upgraded"


def test_tag_and_group_targets(dc):
    resp = dc.sci.send_sci("send_message", TagTarget("canary"), QUERY)
    ids = [d.get("id") for d in ET.fromstring(resp.content).findall("./send_message/device")]
    assert ids == [dev_id(i) for i in range(5)]
    resp = dc.sci.send_sci("send_message", GroupTarget("fleet/north"), QUERY, reply="errors")
    devices = ET.fromstring(resp.content).findall("./send_message/device")
    assert len(devices) == DEVICES // 3
    # reply="errors": successes are empty <device/> elements, offline devices carry the error.
    errors = [d for d in devices if d.find("error") is not None]
    assert errors and all(d.find("error").get("id") == "2001" for d in errors)
    assert all(len(d) == 0 for d in devices if d not in errors)


def _wait(proxy, timeout=10):
    poll_until(lambda: proxy.completed, bool, timeout, what="the end of the async SCI request")
    return ET.fromstring(proxy.response)


def test_send_sci_async_reboot_online_and_offline(dc):
    proxy = dc.sci.send_sci_async("reboot", [DeviceTarget(dev_id(0)), DeviceTarget(dev_id(9))], "")
    assert isinstance(proxy, AsyncRequestProxy)
    dom = _wait(proxy)
    devices = {d.get("id"): d for d in dom.findall("./reboot/device")}
    assert devices[dev_id(9)].find("error").get("id") == "2001"
    assert devices[dev_id(9)].findtext("error/desc") == "Device Not Connected"
    assert devices[dev_id(0)].find("error") is None


def test_file_system_service_command_block_async(dc):
    from devicecloud.file_system_service import FileSystemServiceCommandBlock, LsCommand
    block = FileSystemServiceCommandBlock()
    block.add_command(LsCommand("/userfs"))
    block.add_command(LsCommand("/nowhere"))
    # get_command_string() returns bytes, which send_sci would format as "b'...'" on Python 3.
    proxy = dc.sci.send_sci_async("file_system", DeviceTarget(dev_id(2)), block.get_command_string().decode())
    dom = _wait(proxy)
    commands = dom.find("./file_system/device/commands")
    # devicecloud's own parsers read the lab's reply: a listing, then an ErrorInfo.
    fssapi = dc.get_fss_api()
    first, second = [LsCommand.parse_response(c, fssapi=fssapi, device_id=dev_id(2)) for c in commands]
    assert [f.path for f in first.files] == ["/userfs/readme.txt"]
    assert (second.errno, second.message) == (1, "No such file or directory")
