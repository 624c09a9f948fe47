# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The documentation site and the getting-started guide, for real.

``scripts/docs.sh`` is run once (about 30 s) into a temporary directory: it must lint clean,
build with ``sphinx-build -W`` and produce a page for every plugin, role and guide found in the
source, with the Ansible references it uses resolved locally rather than through intersphinx.
The getting-started guide's playbook is taken from the guide itself and run against the lab, so
the guide cannot drift from what the collection does.
"""

from __future__ import annotations

import html
import os
import pathlib
import re
import subprocess

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
DOCS_SH = REPO / "scripts" / "docs.sh"
DOCSITE = REPO / "docs" / "docsite"
FLEET = "collections/asyncjobs/fleet"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not DOCS_SH.exists():
        pytest.skip("scripts/docs.sh is not shipped in the collection tarball; run from the repository")
    out = tmp_path_factory.mktemp("docs")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ANSIBLE_COLLECTIONS_PATH")}
    env["DOCS_OUT"] = str(out)
    proc = subprocess.run(["bash", str(DOCS_SH)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, "scripts/docs.sh failed:\n%s\n%s" % (proc.stdout, proc.stderr)
    assert "Docs built in" in proc.stdout
    return out


def page(site, relative):
    path = site / "html" / relative
    assert path.is_file(), "missing page %s" % relative
    return html.unescape(path.read_text(encoding="utf-8"))


def short_description(path):
    """short_description of a plugin's DOCUMENTATION (or a role's main entry point)."""
    if path.suffix == ".py":
        text = path.read_text(encoding="utf-8")
        doc = re.search(r"^DOCUMENTATION = r'''\n(.*?)^'''", text, re.S | re.M).group(1)
        return yaml.safe_load(doc)["short_description"]
    return yaml.safe_load(path.read_text(encoding="utf-8"))["argument_specs"]["main"]["short_description"]


def plugin_pages():
    """(source, page) for every module, lookup, inventory plugin and role in the source tree."""
    out = []
    for kind, suffix in (("modules", "module"), ("lookup", "lookup"), ("inventory", "inventory")):
        for path in sorted((REPO / "plugins" / kind).glob("*.py")):
            if not path.name.startswith("_"):
                out.append((path, "%s/%s_%s.html" % (FLEET, path.stem, suffix)))
    for path in sorted(REPO.glob("roles/*/meta/argument_specs.yml")):
        out.append((path, "%s/%s_role.html" % (FLEET, path.parents[1].name)))
    return out


def guides():
    """(name, title) of every guide listed in docs/docsite/extra-docs.yml."""
    config = yaml.safe_load((DOCSITE / "extra-docs.yml").read_text(encoding="utf-8"))
    out = []
    for section in config["sections"]:
        for name in section["toctree"]:
            lines = (DOCSITE / "rst" / (name + ".rst")).read_text(encoding="utf-8").splitlines()
            title = next(lines[i] for i in range(len(lines) - 1)
                         if lines[i].strip() and re.fullmatch(r"=+", lines[i + 1].strip() or "-"))
            out.append((name, title))
    return out


def test_every_plugin_role_and_guide_has_a_page(site):
    pages = plugin_pages()
    assert len(pages) >= 14  # 11 modules, the lookup, the inventory plugin, the role
    for source, relative in pages:
        assert short_description(source) in page(site, relative), relative
    index = page(site, "index.html")
    collection = page(site, FLEET + "/index.html")
    assert len(guides()) >= 9
    for name, title in guides():
        assert title in page(site, "%s/docsite/%s.html" % (FLEET, name))
        assert "docsite/%s.html" % name in index  # linked from the front page
        assert "docsite/%s.html" % name in collection
    for _source, relative in pages:
        assert relative.rsplit("/", 1)[1] in collection


def test_no_intersphinx_and_ansible_references_resolve_locally(site):
    conf = (site / "sphinx" / "conf.py").read_text(encoding="utf-8")
    namespace = {}
    exec(compile(conf, "conf.py", "exec"), namespace)  # noqa: S102 - the generated Sphinx config
    assert "sphinx.ext.intersphinx" not in namespace["extensions"]
    assert namespace["intersphinx_mapping"] == {}
    # Plugin pages link Ansible's "common return values" and "action plugins" to the local page.
    job_wait = page(site, FLEET + "/job_wait_module.html")
    assert 'href="../../../ansible_references.html#common-return-values"' in job_wait
    assert 'href="../../../ansible_references.html#action-plugins"' in job_wait
    assert "ansible_references.html#ansible-collections-ansible-builtin-uri-module" in page(site, FLEET + "/async_request_module.html")
    # No page but the references page deep-links into docs.ansible.com (the theme's header
    # links to its front page only).
    for path in (site / "html").rglob("*.html"):
        if path.name == "ansible_references.html":
            continue
        links = set(re.findall(r'href="(https?://docs\.ansible\.com[^"]*)"', path.read_text(encoding="utf-8")))
        assert links <= {"https://docs.ansible.com/"}, (path, links)


def guide_playbook():
    """The playbook of step 4 of the getting-started guide, as the guide shows it."""
    text = (DOCSITE / "rst" / "getting_started.rst").read_text(encoding="utf-8")
    block = re.search(r"\.\. code-block:: yaml\+jinja\n\n((?:    .*\n|\n)+)", text).group(1)
    return "\n".join(line[4:] for line in block.splitlines()) + "\n"


def test_getting_started_playbook_runs_as_the_guide_says(lab, ansible):
    lab.reset()
    playbook = ansible.playbook(guide_playbook(), name="first.yml")
    image = {"firmware_image": str(REPO / "playbooks" / "files" / "acme-2.1.0.bin")}

    first = ansible.run_playbook(playbook, extra_vars=image)
    assert first.result("Show them")["msg"] == "5 canary devices, 5 connected: {'1.0.0': 5}"
    assert first.status("Submit a firmware update for the canaries, without waiting") == "changed"
    assert re.fullmatch(r"6000\d\d: succeeded, 5 of 5 devices updated", first.result("Report")["msg"])
    assert "asyncjobs.fleet.job_wait [localhost]: [" in first.stdout  # the progress lines shown

    again = ansible.run_playbook(playbook, extra_vars=image)
    assert again.result("Show them")["msg"] == "5 canary devices, 5 connected: {'2.1.0': 5}"
    assert again.status("Submit a firmware update for the canaries, without waiting") == "ok"
    assert again.status("Wait for the job") == "ok" and again.result("Wait for the job")["requests"] == 0
    assert again.status("Report") == "skipped"
