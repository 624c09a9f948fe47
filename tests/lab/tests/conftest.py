"""Fixtures: one lab per test session (fast time scale), reset to the generated state per test."""
import os
import sys

import pytest
import requests

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.dirname(HERE), HERE]

import labctl  # noqa: E402
from lab_helpers import DEVICES, PASSWORD, SCI, TIME_SCALE, USER  # noqa: E402


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    lab = labctl.start_lab(tmp_path_factory.mktemp("lab"), devices=DEVICES, time_scale=TIME_SCALE)
    yield lab
    assert lab.stop() == 0


@pytest.fixture(autouse=True)
def _fresh_lab(request):
    """Each test that uses the shared lab starts from the generated fleet with no jobs/faults."""
    if "lab" in request.fixturenames:
        request.getfixturevalue("lab").reset()


@pytest.fixture
def url(lab):
    return lab.url("drm")


@pytest.fixture
def http(url):
    session = requests.Session()
    session.auth = (USER, PASSWORD)
    session.base = url
    return session


@pytest.fixture
def sci(http):
    return SCI(http)
