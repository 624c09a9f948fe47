"""Conformance: the lab's NAS API answers like the recorded NAS OS exchanges (tests/unit/vendor/rpc).

The recordings are the service's real conventions (typed objects, ResultSets, ListInfo requests,
errors), not the seed's job functions, which no public source shows: each is compared with the
lab's reply to the equivalent call. The lab is served at API 8.0 only, so recorded paths are
adapted to it. Requests are signed as NAS OS requires (lab_helpers.NasSigner).
"""
import copy
import pathlib
import sys

import pytest
import requests

from lab_helpers import USER, NasSigner

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "unit" / "vendor"))
import recordings  # noqa: E402
from recordings import json_shape, shape_differences  # noqa: E402

RECORDINGS = {r.name: r for r in recordings.load("rpc")}
TYPED_ENVELOPE = ["__properties__", "__sub_version__", "__type__", "__version__"]


@pytest.fixture
def nas(lab):
    session = requests.Session()
    session.auth = NasSigner()
    base = lab.url("rpc") + "/api/external/8.0/"
    return lambda function, body: session.post(base + function, json=body)


def submit_job(nas):
    resp = nas("storage.Disks.run_smart_test", {"client_ref": 1, "slot_id": 1})
    assert resp.status_code == 200, resp.text


@pytest.mark.parametrize("name", ["get_infos_general_info_7_0", "get_infos_general_info_5_0_partial"])
def test_get_infos_is_a_general_info(name, nas):
    rec = RECORDINGS[name]
    resp = nas("system.System.get_infos", rec.request["body"])
    assert resp.status_code == 200
    got, want = resp.json(), rec.body
    assert sorted(got) == sorted(want) == ["infos"]
    assert sorted(got["infos"]) == sorted(want["infos"]) == TYPED_ENVELOPE
    assert got["infos"]["__type__"] == want["infos"]["__type__"]
    # Every property a real NAS shows is there, with its type (values are the lab's own).
    props = want["infos"]["__properties__"]
    assert shape_differences(json_shape(props), json_shape(got["infos"]["__properties__"]), extra_keys=True) == []
    if name == "get_infos_general_info_7_0":  # the full property list of a real NAS
        assert sorted(got["infos"]["__properties__"]) == sorted(props)


def test_list_reply_is_a_result_set_of_typed_objects(nas):
    rec = RECORDINGS["list_volumes_result_set_5_0_partial"]
    submit_job(nas)
    resp = nas("system.Jobs.get_jobs_list", rec.request["body"])  # the same ListInfo (offset 0, limit -1)
    assert resp.status_code == 200, resp.text
    (got,) = resp.json().values()
    want = rec.body["volumes"]
    assert sorted(got) == sorted(want)
    assert [type(got[k]) for k in sorted(want) if k != "__elements__"] == \
        [type(want[k]) for k in sorted(want) if k != "__elements__"]
    assert got["__type__"] == "ResultSet" and got["__total_items__"] == len(got["__elements__"]) == 1
    assert all(sorted(e) == sorted(want["__elements__"][0]) == TYPED_ENVELOPE for e in got["__elements__"])


@pytest.mark.parametrize("name", ["list_users_list_info_request_8_0", "downloads_list_info_request_7_0"])
def test_list_info_as_real_clients_send_it_is_accepted(name, nas):
    body = copy.deepcopy(RECORDINGS[name].request["body"])
    if body["list_info"]["__properties__"]["search_parameters"]["__elements__"]:
        # The recorded filter is a download status; filter the lab's jobs on a status of theirs.
        body["list_info"]["__properties__"]["search_parameters"]["__elements__"] = {"status": 1}
    submit_job(nas)
    resp = nas("system.Jobs.get_jobs_list", body)
    assert resp.status_code == 200, resp.text


def test_unauthorized_reply_has_a_text(lab):
    rec = RECORDINGS["error_401_ip_blocked"]
    resp = requests.post(lab.url("rpc") + "/api/external/8.0/system.Jobs.get_job_status", json={"job_id": 1},
                         auth=NasSigner(USER, "wrong"))
    assert resp.status_code == rec.status
    assert shape_differences(json_shape(rec.body), json_shape(resp.json()), extra_keys=True) == []


def test_every_recording_is_compared():
    names = {"get_infos_general_info_7_0", "get_infos_general_info_5_0_partial", "list_volumes_result_set_5_0_partial",
             "list_users_list_info_request_8_0", "downloads_list_info_request_7_0", "error_401_ip_blocked"}
    assert names == set(RECORDINGS)
