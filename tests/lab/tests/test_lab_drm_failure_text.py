"""A device's own failure words: fails_firmware set to a string (for tests of how reports show them)."""
import base64
import xml.etree.ElementTree as ET

import pytest
from labctl import LabError

from lab_helpers import dev_id, device_target

HOSTILE = "<script>alert('x')</script> | bad\nflash"


def firmware(version):
    image = f"DIGI-FW\nversion={version}\n".encode()
    return f"<data>{base64.b64encode(image).decode()}</data>"


def test_a_seeded_failure_text_is_the_devices_2105_description(lab, sci):
    lab.set_device(dev_id(0), fails_firmware=HOSTILE)
    assert lab.device(dev_id(0))["fails_firmware"] == HOSTILE
    job = sci.submit("update_firmware", device_target(0, 12, 1), firmware("3.0.0"), firmware_target="0")
    lab.finish_job(job)
    dom = sci.wait(job)
    errors = {d.get("id"): d.find("error") for d in dom.findall("./update_firmware/device")}
    # The text travels XML-escaped and reads back exactly; the other failing device keeps Digi's words.
    assert (errors[dev_id(0)].get("id"), errors[dev_id(0)].findtext("desc")) == ("2105", HOSTILE)
    assert errors[dev_id(12)].findtext("desc") == "Firmware update failed: image rejected by device"
    assert errors[dev_id(1)] is None
    progress = ET.fromstring(sci.get(job, progress="true").content)
    last = [d.findall("progress")[-1].text for d in progress.iter("device") if d.get("id") == dev_id(0)]
    assert last == [HOSTILE]
    assert lab.device(dev_id(0))["dpFirmwareLevelDesc"] == "1.0.0"


def test_an_empty_text_is_false_and_another_type_is_refused(lab):
    lab.set_device(dev_id(12), fails_firmware="")
    assert lab.device(dev_id(12))["fails_firmware"] is False
    with pytest.raises(LabError, match=r"-> 400: (.|\n)*fails_firmware must be true, false or the failure.s description"):
        lab.set_device(dev_id(1), fails_firmware=3)
    assert lab.device(dev_id(1))["fails_firmware"] is False
