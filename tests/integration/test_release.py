# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The release artifact: what `ansible-galaxy collection build` puts in the tarball, and
whether the installed tarball is usable.

The tarball is built from a copy of the working tree to which the junk of a developer's
checkout is added (virtualenvs, installed collections, build products, caches, ansible-test
output and inventory...), so build_ignore is tested against that junk without touching the
real tree. It must ship none of it, lose none of the collection's content, and carry
galaxy.yml's version. Installed into an empty collections path, with nothing else on the
collection search path, every plugin found in plugins/ must then be documented by
ansible-doc from that installed copy.

The version is always read from galaxy.yml, never written here.
"""

from __future__ import annotations

import fnmatch
import json
import os
import pathlib
import shutil
import tarfile

import pytest
import yaml

from conftest import run_tool as run, venv_tool as tool

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
NAMESPACE, NAME = "asyncjobs", "fleet"
COLLECTION = f"{NAMESPACE}.{NAME}"

# Top-level entries of the working tree that are not copied (large, or junk themselves);
# __pycache__ and *.pyc are skipped everywhere. The junk below is added back in small form.
NOT_COPIED = {".git", ".venv", ".venv-compat", ".venv-eda", ".collections", "collections", "build", ".pytest_cache", ".hypothesis",
              ".mypy_cache", ".tox", ".ansible", ".benchmarks"}

# What a developer's checkout holds besides the collection: relative path -> content.
JUNK = {
    ".venv/pyvenv.cfg": "home = /usr/bin\n",
    ".venv/bin/python": "#!/bin/sh\n",
    ".venv/lib/python3.11/site-packages/requests/__init__.py": "",
    ".venv-compat/2.16/pyvenv.cfg": "home = /usr/bin\n",
    ".venv-compat/2.16/.requirements.stamp": "",
    ".venv-eda/pyvenv.cfg": "home = /usr/bin\n",
    ".venv-eda/bin/ansible-rulebook": "#!/bin/sh\n",
    ".collections/ansible_collections/asyncjobs/fleet/MANIFEST.json": "{}",
    "collections/ansible_collections/asyncjobs/fleet/galaxy.yml": "namespace: asyncjobs\n",
    "build/asyncjobs-fleet-0.0.1.tar.gz": "old build",
    "build/stage/ansible_collections/asyncjobs/fleet/README.md": "staged copy\n",
    "asyncjobs-fleet-0.0.1.tar.gz": "old build in the root",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".git/objects/ab/cdef": "x",
    ".pytest_cache/v/cache/nodeids": "[]",
    ".hypothesis/examples/0123/abcd": "x",
    ".mypy_cache/3.11/x.json": "{}",
    ".tox/py311/pyvenv.cfg": "",
    ".ansible/collections/ansible_collections/x/y/galaxy.yml": "",
    ".benchmarks/Linux-CPython-3.11-64bit/0001_run.json": "{}",
    "tests/output/junit/python3.11-sanity.xml": "<testsuites/>",
    "tests/output/.tmp/sanity/x.json": "{}",
    "tests/integration/inventory": "[testgroup]\ntesthost ansible_connection=local\n",
    "tests/integration/inventory.networking": "",
    "plugins/modules/__pycache__/job_wait.cpython-311.pyc": "x",
    "plugins/module_utils/__pycache__/_common.cpython-311.pyc": "x",
    "plugins/module_utils/_common.pyc": "x",
    "tests/lab/__pycache__/labcore.cpython-311.pyc": "x",
    "tests/unit/__pycache__/conftest.cpython-311-pytest-9.2.0.pyc": "x",
    "playbooks/firmware_rollout.retry": "localhost\n",
}

# No tarball member may match these (fnmatch on the member's path, `*` spans `/`). The
# collection's own non-content is here too: the EE definition (it points at ../../build),
# the roles' molecule scenarios and the developer tooling.
FORBIDDEN = [
    ".venv", ".venv/*", ".venv-compat", ".venv-compat/*", ".venv-eda", ".venv-eda/*", ".collections", ".collections/*", "collections", "collections/*",
    "build", "build/*", ".git", ".git/*", "*.tar.gz",
    ".pytest_cache*", ".hypothesis*", ".mypy_cache*", ".tox*", ".ansible", ".ansible/*", ".benchmarks*",
    "*__pycache__*", "*.pyc", "*.retry",
    "tests/output", "tests/output/*", "tests/integration/inventory*",
    "extensions/ee", "extensions/ee/*", "roles/*/molecule", "roles/*/molecule/*",
    "Makefile", "scripts", "scripts/*", ".ci", ".ci/*", "requirements-dev.txt", "pytest.ini", ".gitignore",
    ".ansible-lint",
]

# Content that must ship whole (relative directories of the collection).
SHIPPED_DIRS = ["plugins", "roles", "meta", "playbooks", "extensions/awx", "extensions/eda"]
# The same, for content a checkout may not have yet.
SHIPPED_IF_PRESENT = ["docs/docsite", "changelogs"]
# Plugin types whose plugins ansible-doc must list and document, by directory.
DOC_TYPES = {"module": "modules", "lookup": "lookup", "inventory": "inventory"}


def galaxy_version():
    return yaml.safe_load((REPO_ROOT / "galaxy.yml").read_text(encoding="utf-8"))["version"]


def source_files(directory):
    """Files of the repository under directory, without caches, retry files and molecule scenarios."""
    out = set()
    for path in (REPO_ROOT / directory).rglob("*"):
        rel = path.relative_to(REPO_ROOT).as_posix()
        if path.is_file() and "__pycache__" not in rel and not rel.endswith((".pyc", ".retry")) \
                and not fnmatch.fnmatch(rel, "roles/*/molecule/*"):
            out.add(rel)
    return out


def clean_env(**extra):
    """The environment without anything that would show ansible another copy of the collection."""
    drop = ("PYTHONPATH", "ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_COLLECTIONS_PATHS", "ANSIBLE_CONFIG")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    # Without ANSIBLE_CONFIG a tree's ansible.cfg in the working directory would still apply.
    env.update(ANSIBLE_COLLECTIONS_SCAN_SYS_PATH="false", ANSIBLE_NOCOLOR="1", **extra)
    return env


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """Build the tarball from a junk-laden copy of the tree, then install it into an empty path."""
    tmp = tmp_path_factory.mktemp("release")
    tree = tmp / "tree"

    def ignore(directory, names):
        top = pathlib.Path(directory) == REPO_ROOT
        return {n for n in names if n == "__pycache__" or n.endswith(".pyc") or (top and n in NOT_COPIED)}

    shutil.copytree(REPO_ROOT, tree, ignore=ignore, symlinks=True)
    for rel, content in JUNK.items():
        path = tree / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")

    out = tmp / "dist"
    run([tool("ansible-galaxy"), "collection", "build", "--output-path", out, tree], cwd=tmp, env=clean_env())
    version = galaxy_version()
    tarball = out / f"{NAMESPACE}-{NAME}-{version}.tar.gz"
    assert tarball.is_file(), sorted(p.name for p in out.iterdir())

    collections = tmp / "installed"
    run([tool("ansible-galaxy"), "collection", "install", "--offline", "-p", collections, tarball],
        cwd=tmp, env=clean_env())
    with tarfile.open(tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
        manifest = json.load(tar.extractfile("MANIFEST.json"))
    return {"tree": tree, "tarball": tarball, "version": version, "members": members, "manifest": manifest,
            "collections": collections, "cwd": tmp}


def ansible_doc(release, *args):
    env = clean_env(ANSIBLE_COLLECTIONS_PATH=str(release["collections"]))
    return json.loads(run([tool("ansible-doc"), "--json", *args], cwd=release["cwd"], env=env).stdout)


def plugin_names(kind):
    """Plugin names of a type, from the repository's plugins/<dir>/*.py."""
    return {p.stem for p in (REPO_ROOT / "plugins" / DOC_TYPES[kind]).glob("*.py") if not p.stem.startswith("_")}


# --- the tarball ----------------------------------------------------------------------


def test_the_copy_really_holds_the_junk(release):
    # Guards the test itself: a junk file the copy lost would pass the next test vacuously.
    assert all((release["tree"] / rel).is_file() for rel in JUNK)


def test_tarball_ships_no_junk(release):
    leaked = sorted(name for name in release["members"] if any(fnmatch.fnmatch(name, p) for p in FORBIDDEN))
    assert not leaked, f"build_ignore in galaxy.yml lets these into the tarball: {leaked}"


def test_tarball_ships_only_files_git_would_track(tmp_path):
    """The real tree's build, against git: no member that git ignores or does not know.

    This catches junk nobody thought of (JUNK above is only what is known)."""
    git = shutil.which("git")
    if not git or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = run([git, "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO_ROOT).stdout
    known = {name for name in listed.split("\0") if name}
    run([tool("ansible-galaxy"), "collection", "build", "--output-path", tmp_path, REPO_ROOT], cwd=tmp_path,
        env=clean_env())
    with tarfile.open(tmp_path / f"{NAMESPACE}-{NAME}-{galaxy_version()}.tar.gz") as tar:
        files = {m.name for m in tar.getmembers() if m.isfile()} - {"MANIFEST.json", "FILES.json"}
    assert files - known == set()


def test_tarball_loses_no_content(release):
    files = {name for name, member in release["members"].items() if member.isfile()}
    for directory in SHIPPED_DIRS + [d for d in SHIPPED_IF_PRESENT if (REPO_ROOT / d).is_dir()]:
        expected = source_files(directory)
        assert expected, f"nothing found under {directory}"
        assert expected - files == set(), f"missing from the tarball under {directory}/"
    assert {"README.md", "LICENSE", "requirements.txt", "bindep.txt", "changelogs/changelog.yaml"} <= files


def test_manifest_carries_galaxy_yml_metadata(release):
    galaxy = yaml.safe_load((REPO_ROOT / "galaxy.yml").read_text(encoding="utf-8"))
    info = release["manifest"]["collection_info"]
    assert (info["namespace"], info["name"], info["version"]) == (galaxy["namespace"], galaxy["name"], galaxy["version"])
    assert release["tarball"].name == f"{NAMESPACE}-{NAME}-{galaxy['version']}.tar.gz"
    assert info["dependencies"] == (galaxy.get("dependencies") or {})


# --- the installed collection -----------------------------------------------------------


def test_install_lays_out_the_collection(release):
    root = release["collections"] / "ansible_collections" / NAMESPACE / NAME
    manifest = json.loads((root / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["collection_info"]["version"] == release["version"]
    assert (root / "meta" / "runtime.yml").is_file() and not (root / "tests" / "output").exists()


@pytest.mark.parametrize("kind", sorted(DOC_TYPES))
def test_ansible_doc_lists_every_plugin(release, kind):
    listed = ansible_doc(release, "-t", kind, "-l", COLLECTION)
    assert set(listed) == {f"{COLLECTION}.{name}" for name in plugin_names(kind)}


@pytest.mark.parametrize("kind", sorted(DOC_TYPES))
def test_ansible_doc_documents_every_plugin_from_the_installed_copy(release, kind):
    names = sorted(f"{COLLECTION}.{name}" for name in plugin_names(kind))
    docs = ansible_doc(release, "-t", kind, *names)
    assert sorted(docs) == names
    installed = str(release["collections"])
    for name in names:
        doc = docs[name]["doc"]
        assert doc["short_description"] and doc["description"], name
        assert doc["collection"] == COLLECTION
        assert doc["filename"].startswith(installed), f"{name} documented from {doc['filename']}, not the install"
        if kind == "module":
            assert docs[name]["examples"].strip() and docs[name]["return"], name


def test_ansible_doc_documents_the_role(release):
    roles = sorted(p.name for p in (REPO_ROOT / "roles").iterdir() if (p / "meta" / "argument_specs.yml").is_file())
    assert roles == ["firmware_rollout"]
    docs = ansible_doc(release, "-t", "role", f"{COLLECTION}.firmware_rollout")
    entry = docs[f"{COLLECTION}.firmware_rollout"]
    assert entry["collection"] == COLLECTION and entry["path"].startswith(str(release["collections"]))
    options = entry["entry_points"]["main"]["options"]
    spec = yaml.safe_load((REPO_ROOT / "roles/firmware_rollout/meta/argument_specs.yml").read_text(encoding="utf-8"))
    assert set(options) == set(spec["argument_specs"]["main"]["options"])
