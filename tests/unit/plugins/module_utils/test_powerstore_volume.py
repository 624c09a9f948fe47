# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests for powerstore_volume: size parsing, the checks of each volume's options, the plan
of one volume, and the rounds of the operation against a scripted PowerStore client."""

from __future__ import annotations

import pytest

from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _volume_plan as vp
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore import _client as ps
from ansible_collections.asyncjobs.fleet.plugins.module_utils._backends.powerstore._volume import VOLUME, Volume
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _lifecycle as lc
from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._runner import Context, execute
from ansible_collections.asyncjobs.fleet.plugins.module_utils._errors import ApiError, InputError, JobFailed

import fakes

GiB = 1024 ** 3


# ---------------------------------------------------------------- sizes

@pytest.mark.parametrize("value, size", [
    (1073741824, GiB), ("100GB", 100 * GiB), ("100 gb", 100 * GiB), ("1.5 TB", 1536 * GiB), ("512MiB", 512 * 1024 ** 2),
    ("1048576", 1024 ** 2), ("2 GiB", 2 * GiB), ("256TB", 256 * 1024 * GiB), ("0.25 pb", 256 * 1024 * GiB),
    (float(GiB), GiB), ("8192 KB", 8 * GiB // 1024), (" 1 TiB ", 1024 * GiB)])
def test_parse_size_accepts_bytes_and_1024_based_units(value, size):
    assert vp.parse_size(value, "size") == size


@pytest.mark.parametrize("value, words", [
    ("100 XB", "must be bytes as a whole number, or a number with a unit"), (True, "must be bytes"),
    ("-5GB", "must be bytes"), ("", "must be bytes"), ([1], "must be bytes"), (float("nan"), "must be bytes"),
    ("1.00001 GB", "is not a whole number of bytes"), ("0.5", "is not a whole number of bytes"),
    (0, "PowerStore volumes are 1 MiB"), ("300TB", "to 256 TiB"), ("1PB", "to 256 TiB"),
    (1048575, "1 MiB (1048576 bytes)")])
def test_parse_size_refuses_clearly(value, words):
    with pytest.raises(InputError) as err:
        vp.parse_size(value, "volumes[2].size")
    assert words in err.value.msg and err.value.msg.startswith("volumes[2].size")


def test_parse_size_names_the_nearest_valid_sizes():
    with pytest.raises(InputError) as err:
        vp.parse_size(1000000000, "size")
    msg = err.value.msg
    assert "not a multiple of 8192 bytes" in msg
    assert "999997440 bytes" in msg and "1000005632 bytes" in msg and "953.67 MiB" in msg
    assert (999997440 % 8192, 1000005632 % 8192) == (0, 0)
    # At the lower bound only the valid neighbour is named.
    with pytest.raises(InputError) as err:
        vp.parse_size(1048576 + 100, "size")
    assert "1 MiB (1048576 bytes) and 1.01 MiB" in err.value.msg


@pytest.mark.parametrize("size, text", [(GiB, "1 GiB"), (1536 * GiB, "1.5 TiB"), (512, "512 B"),
                                        (100 * GiB + 8192, "100 GiB"), (8192, "8 KiB")])
def test_human_size(size, text):
    assert vp.human_size(size) == text


# ---------------------------------------------------------------- items

def one(**options):
    return vp.items_from(dict(dict.fromkeys(vp.PER_VOLUME), volumes=None, **options))


def many(*volumes):
    return vp.items_from(dict(dict.fromkeys(vp.PER_VOLUME), volumes=list(volumes)))


@pytest.mark.parametrize("options, words", [
    ({}, "give the volume's name or id, or a list of volumes"),
    ({"name": "a", "id": "b"}, "give exactly one of name or id"),
    ({"name": "a/b"}, "name must be 1 to 128 printable characters"),
    ({"id": "x/../y"}, "id must be a PowerStore volume id"),
    ({"name": "a", "description": "d" * 129}, "description must be at most 128 characters, got 129"),
    ({"name": "a", "performance_policy": ""}, "performance_policy cannot be removed"),
    ({"name": "a", "host": "h", "host_group": "g"}, "host and host_group are mutually exclusive"),
    ({"name": "a", "host": ""}, "host must name a host"),
    ({"name": "a", "logical_unit_number": 3}, "logical_unit_number needs host or host_group"),
    ({"name": "a", "mapping_state": "unmapped"}, "mapping_state needs host or host_group"),
    ({"name": "a", "host": "h", "logical_unit_number": 16384}, "from 0 to 16383"),
    ({"name": "a", "host": "h", "logical_unit_number": 2, "mapping_state": "unmapped"}, "only applies to a mapping"),
    ({"name": "a", "state": "absent", "size": "1GB", "new_name": "b"}, "new_name, size only apply with state=present"),
    ({"name": "a", "state": "absent", "volume_group": "vg-hr"}, "volume_group may only be \"\""),
    ({"name": "a", "state": "absent", "host": "h", "mapping_state": "mapped"}, "leave mapping_state out"),
])
def test_item_refusals_name_the_option(options, words):
    with pytest.raises(InputError) as err:
        one(**options)
    assert words in err.value.msg


def test_items_in_a_list_are_named_by_index():
    with pytest.raises(InputError) as err:
        many({"name": "a", "size": "1GB"}, {"name": "b", "size": "3000"})
    assert err.value.msg.startswith("volumes[1].size '3000'")
    with pytest.raises(InputError, match=r"volumes\[0\] and volumes\[2\] name the same volume \(a\)"):
        many({"name": "a"}, {"name": "b"}, {"name": "A"})
    with pytest.raises(InputError, match=r"volumes\[0\] and volumes\[1\] name the same volume \(b\)"):
        many({"name": "a", "new_name": "b"}, {"name": "b"})
    with pytest.raises(InputError, match="volumes cannot be combined with the per-volume options name, size"):
        vp.items_from(dict(dict.fromkeys(vp.PER_VOLUME), name="x", size=1, volumes=[]))
    assert many() == []


def test_absent_defaults_the_mapping_to_unmapped():
    item = one(name="a", state="absent", host="esx-01", volume_group="", protection_policy="")[0]
    assert vp.mapped_wanted(item) is False and item["volume_group"] == "" and item["label"] == "volume a"
    assert vp.mapped_wanted(one(name="a", host="esx-01")[0]) is True
    assert vp.mapped_wanted(one(name="a")[0]) is None


# ---------------------------------------------------------------- plans

POLICIES = [{"id": "p-gold", "name": "gold-protection", "type": "Protection"},
            {"id": "p-med", "name": "default_medium", "type": "Performance"},
            {"id": "p-high", "name": "default_high", "type": "Performance"}]
LOOKUPS = {"policy": POLICIES, "volume_group": [{"id": "g-hr", "name": "vg-hr"}, {"id": "g-web", "name": "vg-web"}],
           "host": [{"id": "h-1", "name": "esx-01"}, {"id": "h-2", "name": "esx-02"}],
           "host_group": [{"id": "hg-a", "name": "cluster-a"}]}


def row(**fields):
    base = {"id": "v-1", "name": "vol-1", "description": "", "size": 100 * GiB, "type": "Primary",
            "protection_policy_id": None, "performance_policy_id": "p-med", "mapped_volumes": [], "volume_groups": [],
            "protection_policy": None}
    base.update(fields)
    return base


def planned(current, **options):
    item = one(**options)[0]
    want = vp.resolve(item, LOOKUPS)
    rows = [current] if current else []
    return vp.plan(item, vp.find_row(item, rows), want, vp.names_of(LOOKUPS, rows))


def kinds(p):
    return [(s["kind"], s["method"], s["path"]) for s in p["steps"]]


def test_create_is_one_step_with_group_policies_and_mapping():
    p = planned(None, name="vol-9", size="10GB", description="d", volume_group="vg-hr", protection_policy="gold-protection",
                performance_policy="default_high", host="esx-01", logical_unit_number=7)
    assert kinds(p) == [("create", "POST", "/volume")]
    assert p["steps"][0]["body"] == {"name": "vol-9", "size": 10 * GiB, "description": "d", "protection_policy_id": "p-gold",
                                     "performance_policy_id": "p-high", "volume_group_id": "g-hr", "host_id": "h-1",
                                     "logical_unit_number": 7}
    assert p["changes"] == p["after"] == {
        "state": "present", "name": "vol-9", "size": 10 * GiB, "description": "d", "protection_policy": "gold-protection",
        "performance_policy": "default_high", "volume_group": "vg-hr",
        "mapping": {"host": "esx-01", "mapping_state": "mapped", "logical_unit_number": 7}}
    assert p["before"] == {"state": "absent"}


@pytest.mark.parametrize("options, words", [
    ({"name": "vol-9"}, "volume vol-9 does not exist: size is required to create it"),
    ({"id": "v-404"}, "no volume has id v-404; to create a volume, give its name"),
    ({"name": "vol-9", "new_name": "vol-10", "size": "1GB"}, "new_name renames an existing volume")])
def test_missing_volume_refusals(options, words):
    with pytest.raises(InputError) as err:
        planned(None, **options)
    assert words in err.value.msg


def test_only_differing_fields_are_patched_and_a_rename_rerun_is_done():
    p = planned(row(description="old"), name="vol-1", new_name="vol-2", description="new", size="100GB",
                performance_policy="default_medium")
    assert kinds(p) == [("modify", "PATCH", "/volume/v-1")]
    assert p["steps"][0]["body"] == {"name": "vol-2", "description": "new"}
    assert p["before"] == {"name": "vol-1", "description": "old"} and p["changes"] == {"name": "vol-2", "description": "new"}
    # The re-run finds no vol-1 but vol-2: nothing left to do.
    assert planned(row(name="vol-2", description="new"), name="vol-1", new_name="vol-2", description="new")["steps"] == []


def test_grow_patches_the_size_and_shrink_is_refused_naming_the_current_size():
    p = planned(row(), name="vol-1", size="150GB")
    assert p["steps"][0]["body"] == {"size": 150 * GiB} and p["before"] == {"size": 100 * GiB}
    with pytest.raises(InputError) as err:
        planned(row(), name="vol-1", size="50GB")
    msg = err.value.msg
    assert "volume vol-1: size 50 GiB (53687091200 bytes) is smaller than the volume's current size 100 GiB " \
           "(107374182400 bytes)" in msg and "can only grow" in msg


def test_policy_removal_is_sent_as_empty_string():
    p = planned(row(protection_policy_id="p-gold"), name="vol-1", protection_policy="")
    assert p["steps"][0]["body"] == {"protection_policy_id": ""}
    assert p["before"] == {"protection_policy": "gold-protection"} and p["changes"] == {"protection_policy": ""}


def test_group_move_is_remove_then_add_and_removal_is_remove_only():
    in_hr = row(volume_groups=[{"id": "g-hr", "name": "vg-hr"}])
    p = planned(in_hr, name="vol-1", volume_group="vg-web")
    assert kinds(p) == [("remove_members", "POST", "/volume_group/g-hr/remove_members"),
                        ("add_members", "POST", "/volume_group/g-web/add_members")]
    assert [s["body"] for s in p["steps"]] == [{"volume_ids": ["v-1"]}, {"volume_ids": ["v-1"]}]
    assert p["before"] == {"volume_group": "vg-hr"} and p["changes"] == {"volume_group": "vg-web"}
    assert kinds(planned(in_hr, name="vol-1", volume_group="")) == [
        ("remove_members", "POST", "/volume_group/g-hr/remove_members")]
    assert planned(in_hr, name="vol-1", volume_group="VG-HR")["steps"] == []


def test_mapping_attach_detach_and_lun_mismatch():
    mapped = row(mapped_volumes=[{"id": "m1", "host_id": "h-1", "host_group_id": None, "logical_unit_number": 3}])
    p = planned(row(), name="vol-1", host_group="cluster-a", logical_unit_number=5)
    assert kinds(p) == [("attach", "POST", "/volume/v-1/attach")]
    assert p["steps"][0]["body"] == {"host_group_id": "hg-a", "logical_unit_number": 5}
    assert p["before"] == {"mapping": {"host_group": "cluster-a", "mapping_state": "unmapped"}}
    assert planned(mapped, name="vol-1", host="esx-01")["steps"] == []
    assert planned(mapped, name="vol-1", host="esx-01", logical_unit_number=3)["steps"] == []
    p = planned(mapped, name="vol-1", host="esx-01", mapping_state="unmapped")
    assert kinds(p) == [("detach", "POST", "/volume/v-1/detach")] and p["steps"][0]["body"] == {"host_id": "h-1"}
    # Another host's mapping is kept: mapping esx-02 only adds one.
    assert kinds(planned(mapped, name="vol-1", host="esx-02")) == [("attach", "POST", "/volume/v-1/attach")]
    with pytest.raises(InputError, match="mapped to host esx-01 with logical unit number 3, not 4; PowerStore cannot"):
        planned(mapped, name="vol-1", host="esx-01", logical_unit_number=4)


def test_steps_come_in_order():
    p = planned(row(volume_groups=[{"id": "g-hr", "name": "vg-hr"}]), name="vol-1", size="200GB", volume_group="vg-web",
                host="esx-02")
    assert [s["kind"] for s in p["steps"]] == ["modify", "remove_members", "add_members", "attach"]


def test_delete_refuses_what_powerstore_refuses_and_says_what_to_do():
    blocked = row(protection_policy_id="p-gold", volume_groups=[{"id": "g-hr", "name": "vg-hr"}],
                  mapped_volumes=[{"host_id": "h-1", "logical_unit_number": 1},
                                  {"host_group_id": "hg-a", "logical_unit_number": 2}])
    with pytest.raises(InputError) as err:
        planned(blocked, name="vol-1", state="absent", host="esx-01")
    msg = err.value.msg
    assert "volume vol-1 cannot be deleted: it is mapped to host group cluster-a, in volume group vg-hr, protected by " \
           "policy gold-protection" in msg
    assert "volume_group: \"\"" in msg and "Nothing was changed" in msg and "esx-01" not in msg.split("Nothing")[0][:90]
    single = row(protection_policy_id="p-gold", volume_groups=[{"id": "g-hr", "name": "vg-hr"}],
                 mapped_volumes=[{"host_id": "h-1", "logical_unit_number": 1}])
    p = planned(single, name="vol-1", state="absent", host="esx-01", volume_group="", protection_policy="")
    assert [s["kind"] for s in p["steps"]] == ["modify", "remove_members", "detach", "delete"]
    assert p["steps"][0]["body"] == {"protection_policy_id": ""} and p["steps"][-1]["method"] == "DELETE"
    assert p["changes"]["state"] == "absent" and p["before"]["state"] == "present"
    assert kinds(planned(row(), name="vol-1", state="absent")) == [("delete", "DELETE", "/volume/v-1")]
    assert planned(None, name="vol-1", state="absent")["steps"] == []


def test_unknown_references_list_what_exists():
    with pytest.raises(InputError) as err:
        planned(row(), name="vol-1", host="esx-99")
    assert err.value.msg == ("host 'esx-99' not found: no host has that name or id. Available hosts: esx-01, esx-02. "
                             "Nothing was changed.")
    with pytest.raises(InputError, match="'default_medium' is a Performance policy"):
        planned(row(), name="vol-1", protection_policy="default_medium")
    with pytest.raises(InputError, match=r"volumes\[0\].volume_group 'vg-x' not found"):
        item = many({"name": "vol-1", "volume_group": "vg-x"})[0]
        vp.resolve(item, LOOKUPS)


def test_remaining_names_the_fields_that_still_differ():
    item = one(name="vol-1", size="200GB", volume_group="vg-hr", host="esx-01")[0]
    want = vp.resolve(item, LOOKUPS)
    assert vp.remaining(item, row(), want) == ["size", "volume_group", "mapping"]
    done = row(size=200 * GiB, volume_groups=[{"id": "g-hr"}], mapped_volumes=[{"host_id": "h-1"}])
    assert vp.remaining(item, done, want) == []
    assert vp.remaining(item, None, want) == ["state"]


# ---------------------------------------------------------------- the operation, against a scripted client

class ScriptedPowerStore(object):
    """A PowerStore client holding volumes in memory; each change is a job that ends at the next poll,
    FAILED when ``fail(method, path, body)`` returns a message."""

    check_id = staticmethod(ps.check_job_id)

    def __init__(self, volumes, fail=None, in_flight=(), refuse=None):
        self.transport = fakes.FakeTransport()
        self.rows = {v["id"]: v for v in volumes}
        self.fail = fail or (lambda method, path, body: None)
        self.refuse = refuse or (lambda method, path: None)
        self.jobs = {}
        self.running = list(in_flight)
        self.calls = []
        self.polls = 0

    def volumes(self, names=(), ids=()):
        self.calls.append(("volumes", sorted(names), sorted(ids)))
        wanted = {n.casefold() for n in names}
        return [dict(r) for r in self.rows.values() if r["name"].casefold() in wanted or r["id"] in ids]

    def named(self, resource_type, where=None, select="id,name"):
        self.calls.append(("named", resource_type))
        return LOOKUPS[resource_type]

    def in_flight(self, resource_type, resource_id=None, resource_name=None, action=None):
        self.calls.append(("in_flight", resource_type))
        found, self.running = self.running, []
        return found

    def find_submitted(self, *args, **kwargs):
        raise AssertionError("no reply is lost here")

    def change(self, method, path, body=None, what=None):
        self.calls.append((method, path))
        status = self.refuse(method, path)
        if status:
            raise ApiError("%s returned HTTP %d: refused here" % (what, status), status=status)
        job_id = "00000000-0000-4000-8000-%012d" % (len(self.jobs) + 1)
        message = self.fail(method, path, body)
        self.jobs[job_id] = lc.job("powerstore", job_id, lc.FAILED if message else lc.SUCCEEDED,
                                   "FAILED" if message else "COMPLETED", message=message, detailed=True,
                                   response_body={"id": "v-new"} if path == "/volume" else None,
                                   resource_id=path.split("/")[2] if path.count("/") > 1 else None)
        if not message:
            self._apply(method, path, body)
        return job_id

    def _apply(self, method, path, body):
        parts = path.split("/")
        if method == "PATCH":
            self.rows[parts[2]].update(body)
        elif parts[-1] == "add_members":
            for vid in body["volume_ids"]:
                self.rows[vid]["volume_groups"] = [{"id": parts[2]}]
        elif parts[-1] == "remove_members":
            for vid in body["volume_ids"]:
                self.rows[vid]["volume_groups"] = []

    def poll(self, ids):
        self.polls += 1
        return {i: self.jobs[i] for i in ids}

    def results(self, job_id):
        return self.jobs[job_id]


def run(client, monkeypatch, tmp_path, check_mode=False, **params):
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine import _runner
    monkeypatch.setattr(_runner, "make_client", lambda api, p, environ=None: client)
    full = dict((k, v.get("default")) for k, v in VOLUME.argument_spec.items())
    full.update(poll_interval=0.01, max_poll_interval=0.01, **params)
    ctx = Context(check_mode=check_mode, diff=True, environ={"ASYNCJOBS_LOCK_DIR": str(tmp_path / "locks")})
    return execute(VOLUME, full, ctx)


def twenty():
    return [row(id="v-%02d" % i, name="vol-%02d" % i) for i in range(20)]


def test_many_volumes_one_round_per_step_and_a_failed_volume_gets_no_further_step(monkeypatch, tmp_path):
    client = ScriptedPowerStore(twenty(), fail=lambda m, p, b: "name taken" if p == "/volume/v-03" else None)
    items = [{"name": "vol-%02d" % i, "size": "200GB", "volume_group": "vg-hr"} for i in range(20)]
    items[3]["new_name"] = "vol-taken"
    with pytest.raises(JobFailed) as err:
        run(client, monkeypatch, tmp_path, volumes=items)
    result = err.value.result
    msg = err.value.msg
    assert msg.startswith("1 of 20 volume(s) did not reach the requested state (fail_on=any): volumes[3] (volume vol-03): "
                          "PowerStore job 00000000-0000-4000-8000-000000000004 (modify volume vol-03) ended failed "
                          "(state FAILED): name taken")
    # Round 1: 20 PATCHes; round 2: ONE add_members for the 19 volumes still on track.
    sent = [c for c in client.calls if c[0] in ("PATCH", "POST")]
    assert len(sent) == 21 and sent[-1] == ("POST", "/volume_group/g-hr/add_members")
    assert client.polls == 2 and result["polls"] == 2
    entries = result["volumes"]
    assert [e["failed"] for e in entries].count(True) == 1 and entries[3]["failed"] and not entries[3]["changed"]
    assert entries[3]["job_ids"] == ["00000000-0000-4000-8000-000000000004"] and "name taken" in entries[3]["msg"]
    assert all(e["changed"] and len(e["job_ids"]) == 2 and e["volume"]["volume_group_id"] == "g-hr"
               for i, e in enumerate(entries) if i != 3)
    assert result["changed"] is True and len(result["job_ids"]) == 21
    # Reads: one listing before, one back; one lookup type; one in-flight listing.
    assert [c for c in client.calls if c[0] in ("volumes", "named", "in_flight")] == [
        ("volumes", sorted(["vol-%02d" % i for i in range(20)] + ["vol-taken"]), []), ("named", "volume_group"),
        ("in_flight", "volume"), ("in_flight", "volume_group"),
        ("in_flight", "volume"),  # the duplicate check of round 1
        ("in_flight", "volume_group"),  # ... and of round 2
        ("volumes", [], sorted("v-%02d" % i for i in range(20) if i != 3))]


def test_a_submission_refused_at_once_fails_that_volume_only(monkeypatch, tmp_path):
    client = ScriptedPowerStore(twenty()[:3], refuse=lambda m, p: 422 if p == "/volume/v-01" else None)
    with pytest.raises(JobFailed) as err:
        run(client, monkeypatch, tmp_path, fail_on="never",
            volumes=[{"name": "vol-%02d" % i, "size": "200GB", "description": "x"} for i in range(3)])
    entries = err.value.result["volumes"]
    assert [e["failed"] for e in entries] == [False, True, False] and entries[1]["job_ids"] == []
    assert err.value.msg == ("1 of 3 volume(s) did not reach the requested state (fail_on=never): volumes[1] (volume "
                             "vol-01): modify volume vol-01 returned HTTP 422: refused here")
    assert client.rows["v-02"]["size"] == 200 * GiB and len(err.value.result["job_ids"]) == 2


def test_an_error_mid_task_carries_what_was_submitted(monkeypatch, tmp_path):
    client = ScriptedPowerStore(twenty()[:3], refuse=lambda m, p: 500 if p == "/volume/v-02" else None)
    with pytest.raises(ApiError) as err:
        run(client, monkeypatch, tmp_path, volumes=[{"name": "vol-%02d" % i, "size": "200GB"} for i in range(3)])
    result = err.value.result
    assert len(result["job_ids"]) == 2 and result["changed"] is True
    assert [e["job_ids"] for e in result["volumes"]] == [[result["job_ids"][0]], [result["job_ids"][1]], []]
    assert not [k for e in result["volumes"] for k in e if k.startswith("_")]


def test_fail_on_never_reports_the_failure_without_failing(monkeypatch, tmp_path):
    client = ScriptedPowerStore(twenty()[:2], fail=lambda m, p, b: "boom" if p == "/volume/v-01" else None)
    result = run(client, monkeypatch, tmp_path, fail_on="never",
                 volumes=[{"name": "vol-00", "size": "200GB"}, {"name": "vol-01", "size": "200GB"}])
    assert [e["failed"] for e in result["volumes"]] == [False, True] and "boom" in result["volumes"][1]["msg"]
    assert result["changed"] is True


def test_check_mode_and_wait_false_refusal_send_nothing(monkeypatch, tmp_path):
    client = ScriptedPowerStore([row(volume_groups=[{"id": "g-hr", "name": "vg-hr"}])])
    result = run(client, monkeypatch, tmp_path, check_mode=True, name="vol-1", size="200GB", volume_group="vg-web")
    assert result["changed"] is True and result["job_ids"] == [] and result["diff"] == {
        "before": {"size": 100 * GiB, "volume_group": "vg-hr"}, "after": {"size": 200 * GiB, "volume_group": "vg-web"}}
    assert result["volume"]["size"] == 100 * GiB and result["changes"] == {"size": 200 * GiB, "volume_group": "vg-web"}
    with pytest.raises(InputError) as err:
        run(client, monkeypatch, tmp_path, wait=False, name="vol-1", size="200GB", volume_group="vg-web")
    assert "with wait: false only changes of one step can be submitted" in err.value.msg
    assert "volume vol-1 needs 3: modify volume vol-1, then remove volume vol-1 from volume group vg-hr, then add " \
           "volume vol-1 to volume group vg-web" in err.value.msg
    assert not [c for c in client.calls if c[0] in ("PATCH", "POST", "DELETE")]
    result = run(client, monkeypatch, tmp_path, wait=False, name="vol-1", size="200GB")
    assert len(result["job_ids"]) == 1 and result["jobs"] == [] and client.polls == 0


def test_adopted_job_replans_and_counts_as_changed(monkeypatch, tmp_path):
    client = ScriptedPowerStore([row()])
    adopted = lc.job("powerstore", "00000000-0000-4000-8000-0000000000aa", lc.RUNNING, "IN_PROGRESS", resource_id="v-1")
    client.jobs[adopted["id"]] = dict(adopted, state=lc.SUCCEEDED, raw_state="COMPLETED", terminal=True, detailed=True)
    client.running = [adopted]
    real_poll = client.poll

    def poll(ids):  # the adopted job grew the volume meanwhile
        client.rows["v-1"]["size"] = 200 * GiB
        return real_poll(ids)
    client.poll = poll
    result = run(client, monkeypatch, tmp_path, name="vol-1", size="200GB")
    assert result["adopted_job_ids"] == [adopted["id"]] and result["job_ids"] == [] and result["changed"] is True
    assert [c for c in client.calls if c[0] == "volumes"] == [("volumes", ["vol-1"], [])] * 2


def test_merged_membership_is_one_request_naming_its_volumes():
    entries = [{"name": "a"}, {"name": "b"}, {"name": "c"}]
    steps = [vp.membership("add_members", "g-hr", "vg-hr", "v-a", "a"), vp.membership("add_members", "g-hr", "vg-hr", "v-b", "b"),
             vp.membership("remove_members", "g-hr", "vg-hr", "v-c", "c")]
    out = Volume._merged(list(zip(steps, entries)))
    assert [(s["kind"], s["body"], [e["name"] for e in served]) for s, served in out] == [
        ("add_members", {"volume_ids": ["v-a", "v-b"]}, ["a", "b"]), ("remove_members", {"volume_ids": ["v-c"]}, ["c"])]
    assert out[0][0]["what"] == "add volumes a, b to volume group vg-hr"
    assert steps[0]["body"] == {"volume_ids": ["v-a"]}  # the plan's own steps are not changed


def lock_free(tmp_path, key):
    """Whether the lock of a volume (its item key) can be taken now: another open file description
    conflicts with the task's flock even in this process."""
    import fcntl
    import os
    from ansible_collections.asyncjobs.fleet.plugins.module_utils._engine._lock import lock_key
    handle = os.open(str(tmp_path / "locks" / lock_key("https://manager.example", "volume", key)), os.O_RDWR)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(handle)


def test_each_volume_lock_is_released_once_its_change_is_submitted(monkeypatch, tmp_path):
    client = ScriptedPowerStore(twenty()[:3])
    seen = []
    real_change, real_poll = client.change, client.poll

    def change(method, path, body=None, what=None):
        seen.append((path, [lock_free(tmp_path, "name:vol-%02d" % i) for i in range(3)]))
        return real_change(method, path, body, what)

    def poll(ids):
        seen.append(("poll", [lock_free(tmp_path, "name:vol-%02d" % i) for i in range(3)]))
        return real_poll(ids)
    client.change, client.poll = change, poll
    run(client, monkeypatch, tmp_path, volumes=[{"name": "vol-%02d" % i, "size": "200GB"} for i in range(3)])
    assert seen == [("/volume/v-00", [False, False, False]), ("/volume/v-01", [True, False, False]),
                    ("/volume/v-02", [True, True, False]), ("poll", [True, True, True])]
