# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The execution environment: the collection's own EE metadata and extensions/ee/.

No container engine is used.  The module fixture builds the collection tarball, lays it
out as ``make install`` does (``build/`` two levels above ``extensions/ee/``), runs
``ansible-builder create`` on a copy of ``extensions/ee/execution-environment.yml`` with
``podman`` and ``docker`` shadowed by stubs that record any call, and then replays the
two image-build steps that decide what lands in the image, outside a container:

* the galaxy stage's ``ansible-galaxy collection install`` line from the generated
  Containerfile, run in the context's ``_build`` (the stage's ``/build``);
* the builder stage's ``introspect.py`` line, run with the context's own copy of the
  script on the collections that install produced.

The bindep file that introspection writes is then evaluated with bindep itself, with the
profiles that the builder stage's ``assemble`` script uses on a RHEL-family image.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import re
import shlex
import shutil
import sys
import tarfile

import pytest
import yaml

from conftest import run_tool as run, venv_tool as tool

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(sys.executable).parent
EE_DEFINITION = REPO_ROOT / "extensions" / "ee" / "execution-environment.yml"
COLLECTION = "asyncjobs.fleet"

# Paths inside the image that the generated Containerfile uses.
IMAGE_COLLECTIONS = "/usr/share/ansible/collections"
IMAGE_SCRIPTS = "/output/scripts"
IMAGE_SRC = "/tmp/src"

# bindep platform profiles of the UBI 9 base image (what `bindep --profiles` prints there,
# less the release-specific ones); assemble adds the default profile, or `compile`.
EE_PLATFORM = ["platform:rpm", "platform:redhat", "platform:rhel", "platform:base-py3"]
# The collection needs no system package in an image (see bindep.txt).
EXPECTED_EE_SYSTEM_PACKAGES: set[str] = set()
# Development needs that must stay in bindep.txt's `test` profile.
EXPECTED_TEST_PACKAGES = {"python3", "make", "git", "openssl"}


def requirement_lines(text):
    """Non-empty lines of a requirements or bindep file without comments."""
    lines = (re.sub(r"(^|\s+)#.*$", "", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def containerfile_run(containerfile, pattern):
    """The one RUN line of the Containerfile matching pattern (a regex on its command)."""
    matches = [m for line in containerfile.splitlines() if (m := re.match(r"RUN " + pattern + r"$", line))]
    assert len(matches) == 1, f"expected one RUN line matching {pattern!r} in:\n{containerfile}"
    return matches[0]


@pytest.fixture(scope="module")
def tarball(tmp_path_factory):
    """The collection tarball, built as `make install` does, in <tmp>/tree/build."""
    build_dir = tmp_path_factory.mktemp("ee") / "tree" / "build"
    run([tool("ansible-galaxy"), "collection", "build", "--output-path", build_dir, REPO_ROOT])
    version = yaml.safe_load((REPO_ROOT / "galaxy.yml").read_text())["version"]
    path = build_dir / f"asyncjobs-fleet-{version}.tar.gz"
    assert path.is_file(), sorted(p.name for p in build_dir.iterdir())
    return path


@pytest.fixture(scope="module")
def ee(tarball):
    tree = tarball.parents[1]
    tmp = tree.parent
    version = yaml.safe_load((REPO_ROOT / "galaxy.yml").read_text())["version"]
    definition = tree / "extensions" / "ee" / "execution-environment.yml"
    definition.parent.mkdir(parents=True)
    shutil.copy2(EE_DEFINITION, definition)

    # `create` only writes the build context; stubs make any engine call visible.
    stubs = tmp / "stubs"
    stubs.mkdir()
    calls = tmp / "engine-calls"
    for engine in ("podman", "docker"):
        stub = stubs / engine
        stub.write_text(f'#!/bin/sh\necho "{engine} $*" >> {shlex.quote(str(calls))}\nexit 1\n')
        stub.chmod(0o755)
    context = tmp / "context"
    create = run(
        [tool("ansible-builder"), "create", "--file", definition, "--context", context,
         "--output-filename", "Containerfile"],
        env={**os.environ, "PATH": f"{stubs}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    containerfile = (context / "Containerfile").read_text()
    build = context / "_build"  # COPY _build /build; WORKDIR /build
    # create only warns when additional_build_files matches nothing.
    assert (build / "collections" / tarball.name).is_file(), (
        f"the build context has no {tarball.name}: extensions/ee/execution-environment.yml "
        f"must name the tarball of galaxy.yml's version {version}\n{create.stdout}{create.stderr}"
    )

    # Galaxy stage: the Containerfile's own install command, image paths mapped into tmp.
    root = tmp / "image-root"
    collections = root / IMAGE_COLLECTIONS.lstrip("/")
    galaxy = containerfile_run(containerfile, r"(?P<env>(?:\w+=\S* )*)ansible-galaxy collection install (?P<args>.*)")
    args = shlex.split(galaxy["args"].replace("$ANSIBLE_GALAXY_CLI_COLLECTION_OPTS", "").replace(IMAGE_COLLECTIONS, str(collections)))
    # As in a fresh image: an installed copy visible through PYTHONPATH (make integration
    # sets it) would make ansible-galaxy report "already installed" and install nothing.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_COLLECTIONS_PATHS")}
    env.update(kv.split("=", 1) for kv in galaxy["env"].split())
    run([tool("ansible-galaxy"), "collection", "install", *args], cwd=build, env=env)

    # Builder stage: the Containerfile's introspect command with the context's script.
    introspect = containerfile_run(containerfile, r"\$PYCMD (?P<script>\S+) introspect(?P<args>.*)")
    assert introspect["script"] == f"{IMAGE_SCRIPTS}/introspect.py"
    args = shlex.split(introspect["args"].replace(IMAGE_SRC, str(root / IMAGE_SRC.lstrip("/"))))
    report = run([sys.executable, build / "scripts" / "introspect.py", "introspect", *args, collections], cwd=build)

    return {
        "tarball": tarball,
        "version": version,
        "calls": calls,
        "context": context,
        "containerfile": containerfile,
        "collections": collections,
        "report": yaml.safe_load(report.stdout),
        "pip": root / IMAGE_SRC.lstrip("/") / "requirements.txt",
        "bindep": root / IMAGE_SRC.lstrip("/") / "bindep.txt",
    }


def test_tarball_ships_the_ee_metadata(tarball):
    # ansible-builder reads these from the installed collection; build_ignore must keep them.
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        meta = yaml.safe_load(tar.extractfile("meta/execution-environment.yml"))
    assert {"meta/execution-environment.yml", "requirements.txt", "bindep.txt"} <= names
    assert meta == {"version": 1, "dependencies": {"python": "requirements.txt", "system": "bindep.txt"}}


def test_create_writes_the_context_without_a_container_engine(ee):
    assert not ee["calls"].exists(), ee["calls"].read_text()
    containerfile = ee["containerfile"]
    definition = yaml.safe_load(EE_DEFINITION.read_text())
    base_image = definition["images"]["base_image"]["name"]
    assert f'ARG EE_BASE_IMAGE="{base_image}"' in containerfile
    assert "FROM $EE_BASE_IMAGE AS base" in containerfile
    refs = re.search(r'^ARG ANSIBLE_INSTALL_REFS="(.*)"$', containerfile, re.M)
    assert refs and re.search(r"(^| )ansible-core==2\.19\.\d+( |$)", refs[1]), containerfile
    assert "COPY _build /build" in containerfile
    assert "COPY --from=galaxy /usr/share/ansible /usr/share/ansible" in containerfile


def test_context_carries_the_built_tarball(ee):
    name = ee["tarball"].name
    copied = ee["context"] / "_build" / "collections" / name
    assert hashlib.sha256(copied.read_bytes()).digest() == hashlib.sha256(ee["tarball"].read_bytes()).digest()
    requirements = yaml.safe_load((ee["context"] / "_build" / "requirements.yml").read_text())
    assert requirements == {"collections": [{"name": f"collections/{name}", "type": "file"}]}


def test_galaxy_stage_installs_the_collection(ee):
    manifest = ee["collections"] / "ansible_collections" / "asyncjobs" / "fleet" / "MANIFEST.json"
    info = yaml.safe_load(manifest.read_text())["collection_info"]
    assert (info["namespace"], info["name"], info["version"]) == ("asyncjobs", "fleet", ee["version"])


def test_introspection_reports_the_python_requirements(ee):
    expected = requirement_lines((REPO_ROOT / "requirements.txt").read_text())
    assert {re.split(r"[<>=!~;\[ ]", line)[0] for line in expected} == {"requests", "xmltodict"}
    suffix = f"  # from collection {COLLECTION}"
    assert ee["report"]["python"] == [line + suffix for line in expected]
    # What the builder stage's assemble script then pip-installs.
    assert ee["pip"].read_text().splitlines() == [line + suffix for line in expected]


def test_introspection_reports_the_bindep_entries(ee):
    expected = requirement_lines((REPO_ROOT / "bindep.txt").read_text())
    suffix = f"  # from collection {COLLECTION}"
    assert ee["report"]["system"] == [line + suffix for line in expected]
    assert ee["bindep"].read_text().splitlines() == [line + suffix for line in expected]


def test_image_installs_no_system_package_for_the_collection(ee):
    from bindep.depends import Depends

    depends = Depends(ee["bindep"].read_text())

    def packages(*profiles):
        return {rule[0] for rule in depends.active_rules([*profiles, *EE_PLATFORM])}

    # assemble: `bindep -l newline` (default profile) is installed into the final
    # image, `bindep -b compile` only in the builder stage.
    assert packages("default") == EXPECTED_EE_SYSTEM_PACKAGES
    assert packages("compile") == set()
    # The development needs are still there, behind the `test` profile.
    assert packages("test") >= EXPECTED_TEST_PACKAGES
