# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The AWX credential types in extensions/awx/credential_types, and ad-hoc use.

A credential type is checked the way AWX checks it when it is created (its input schema and
an injector render in which every name must be a defined input), then against the collection:
it must inject exactly the ``<PREFIX>_*`` variables that ``connection_settings`` reads, and
those must resolve to the values typed into the credential. Then the injectors are rendered
the way AWX renders them for a job (Jinja2 sandbox, inputs as variables, file injectors
written to files named by ``tower.filename.<name>``) and playbooks run against the lab with
only that environment: no ``DRM_*``/``POWERSTORE_*``... variables of the harness.

The ad-hoc tests run the exact ``ansible localhost -m ...`` command lines of the README.
"""

from __future__ import annotations

import importlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import types

import jinja2
import jinja2.meta
import pytest
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment

from conftest import COLLECTIONS_PATH, ENV_PREFIXES, LAB_PASSWORD, LAB_USERNAME, REPO_ROOT, private_lab

TYPES_DIR = REPO_ROOT / "extensions" / "awx" / "credential_types"
QUERY = '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'

# AWX's schema for CredentialType.inputs and .injectors (awx/main/fields.py), restated.
FIELD_KEYS = {"id", "label", "type", "format", "choices", "help_text", "multiline", "secret", "ask_at_runtime",
              "default"}
STRING_ONLY_KEYS = {"choices", "multiline", "format", "secret"}
NAME = re.compile(r"^[a-zA-Z_]+[a-zA-Z0-9_]*$")
FILE_KEY = re.compile(r"^template(\.[a-zA-Z_]+[a-zA-Z0-9_]*)?$")

# What each type must inject: every connection option the API uses except timeout (a module option).
API_KEY_OPTIONS = {"api_key_id", "api_key_secret"}
SECRET_OPTIONS = {"password", "api_key_secret"}


def _module_utils(name):
    """plugins/module_utils/<name> of the collection copy the playbooks run."""
    try:
        return importlib.import_module("ansible_collections.asyncjobs.fleet.plugins.module_utils." + name)
    except ImportError:
        sys.path.insert(0, str(COLLECTIONS_PATH))
        importlib.invalidate_caches()
        return importlib.import_module("ansible_collections.asyncjobs.fleet.plugins.module_utils." + name)


CREDENTIALS = _module_utils("_credentials")
REGISTRY = _module_utils("_backends._registry")


def load_types():
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(TYPES_DIR.glob("*.yml"))}


TYPES = load_types()


def expected_env(api):
    prefix = REGISTRY.ENV_PREFIX[api]
    options = set(CREDENTIALS.CONNECTION_OPTIONS) - {"timeout"}
    if api != "drm":  # only Remote Manager has API keys
        options -= API_KEY_OPTIONS
    return {f"{prefix}_{option.upper()}" for option in options}


def fields(cred_type):
    return {field["id"]: field for field in cred_type["inputs"]["fields"]}


def awx_inject(cred_type, inputs, private_data_dir):
    """The environment AWX gives a job for a credential of this type with these inputs.

    Follows AWX's inject_credential: only non-empty inputs are variables (an unset one renders
    as ''), a boolean the credential does not set is False, each file injector is rendered into
    a 0600 temporary file under <private_data_dir>/env whose path is ``tower.filename.<name>``
    (``tower.filename`` for the single unnamed ``template``), then the env templates are rendered.
    """
    namespace = {key: value for key, value in inputs.items() if isinstance(value, bool) or value}
    for field in cred_type["inputs"]["fields"]:
        if field.get("type", "string") == "boolean" and field["id"] not in inputs:
            namespace[field["id"]] = False
    sandbox = ImmutableSandboxedEnvironment()
    env_dir = pathlib.Path(private_data_dir) / "env"
    env_dir.mkdir(parents=True, exist_ok=True)
    single, named = None, {}
    for label, template in cred_type["injectors"].get("file", {}).items():
        handle, path = tempfile.mkstemp(dir=env_dir)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(sandbox.from_string(template).render(**namespace))
        os.chmod(path, 0o600)
        if "." in label:
            named[label.split(".", 1)[1]] = path
        else:
            single = path
    namespace["tower"] = types.SimpleNamespace(filename=single or types.SimpleNamespace(**named))
    return {name: sandbox.from_string(template).render(**namespace)
            for name, template in cred_type["injectors"].get("env", {}).items()}


def only_credential_env(*rendered):
    """Environment overrides for a run: every connection variable of the harness (and of the
    shell running the tests) removed, the CA bundles too, then the credentials' variables."""
    prefixes = tuple(prefix + "_" for prefix in ENV_PREFIXES.values())
    env = {name: None for name in os.environ if name.startswith(prefixes)}
    env.update({f"{prefix}_{option.upper()}": None for prefix in ENV_PREFIXES.values()
                for option in CREDENTIALS.CONNECTION_OPTIONS})
    env.update(REQUESTS_CA_BUNDLE=None, SSL_CERT_FILE=None, CURL_CA_BUNDLE=None)
    for one in rendered:
        env.update(one)
    return env


# --- the definitions ------------------------------------------------------------------


def test_one_credential_type_per_api():
    assert set(TYPES) == set(REGISTRY.APIS)
    names = [t["name"] for t in TYPES.values()]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("api", sorted(TYPES))
def test_definition_is_valid_for_awx(api):
    cred_type = TYPES[api]
    assert set(cred_type) == {"name", "description", "kind", "inputs", "injectors"}
    assert cred_type["kind"] == "cloud" and cred_type["name"] and cred_type["description"]
    assert set(cred_type["inputs"]) <= {"fields", "required"}
    ids = []
    for field in cred_type["inputs"]["fields"]:
        assert set(field) <= FIELD_KEYS, field
        assert {"id", "label"} <= set(field) and NAME.match(field["id"]) and field["id"] != "tower", field
        assert field.get("type", "string") in ("string", "boolean"), field
        if field.get("type") == "boolean":
            assert not set(field) & STRING_ONLY_KEYS, field
        ids.append(field["id"])
    assert len(set(ids)) == len(ids)
    assert set(cred_type["inputs"].get("required", [])) <= set(ids)

    injectors = cred_type["injectors"]
    assert set(injectors) <= {"env", "file", "extra_vars"}
    assert all(FILE_KEY.match(key) for key in injectors.get("file", {}))
    for name, template in injectors.get("env", {}).items():
        assert NAME.match(name) and not name.startswith("ANSIBLE_"), name
        assert template.isascii(), name
    # AWX's own check when the type is saved: every template renders with each defined input
    # (and each tower.filename.<name> of a file injector) set, and nothing else.
    namespace = {field_id: "EXAMPLE" for field_id in ids}
    filenames = {key.split(".", 1)[1]: "EXAMPLE_FILENAME" for key in injectors.get("file", {}) if "." in key}
    namespace["tower"] = types.SimpleNamespace(filename=types.SimpleNamespace(**filenames))
    strict = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined)
    used = set()
    for kind in ("env", "file", "extra_vars"):
        for template in injectors.get(kind, {}).values():
            strict.from_string(template).render(**namespace)
            used |= jinja2.meta.find_undeclared_variables(strict.parse(template))
    assert used - {"tower"} == set(ids), "every input is injected, and only inputs are referenced"


@pytest.mark.parametrize("api", sorted(TYPES))
def test_injects_exactly_what_the_collection_reads(api):
    cred_type = TYPES[api]
    env = cred_type["injectors"]["env"]
    assert set(env) == expected_env(api)
    # Each variable takes the input named like its option; the two TLS settings are special.
    prefix = REGISTRY.ENV_PREFIX[api]
    for name, template in env.items():
        option = name[len(prefix) + 1:].lower()
        referenced = jinja2.meta.find_undeclared_variables(jinja2.Environment().parse(template))
        expected = {"validate_certs": {"skip_tls_verify"}, "ca_path": {"tower", "ca_cert"}}.get(option, {option})
        assert referenced == expected, name
    by_id = fields(cred_type)
    assert by_id["skip_tls_verify"]["type"] == "boolean"
    assert by_id["ca_cert"].get("multiline") is True and not by_id["ca_cert"].get("secret")
    assert "template.ca_cert" in cred_type["injectors"]["file"]
    # Secret inputs are exactly the secret options, so AWX encrypts and masks them.
    assert {i for i, f in by_id.items() if f.get("secret")} == SECRET_OPTIONS & set(by_id)
    assert "url" in cred_type["inputs"]["required"]


@pytest.mark.parametrize("api", sorted(TYPES))
def test_rendered_environment_resolves_to_the_inputs(api, tmp_path):
    """What connection_settings reads from the injected environment is what was typed in."""
    cred_type = TYPES[api]
    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    typed = {"url": "https://mgr.example.com", "username": "ops", "password": "pa55:word"}
    full = CREDENTIALS.connection_settings(api, {}, environ=awx_inject(cred_type, dict(typed, ca_cert=pem), tmp_path))
    assert {k: full[k] for k in typed} == typed and full["validate_certs"] is True
    assert pathlib.Path(full["ca_path"]).read_text(encoding="utf-8") == pem
    assert oct(pathlib.Path(full["ca_path"]).stat().st_mode & 0o777) == "0o600"
    # No CA given: AWX still writes an (empty) file, which must not become the CA bundle.
    minimal = CREDENTIALS.connection_settings(api, {}, environ=awx_inject(cred_type, typed, tmp_path))
    assert minimal["ca_path"] is None and minimal["validate_certs"] is True
    assert minimal["api_key_id"] is None and minimal["timeout"] == 30.0
    insecure = CREDENTIALS.connection_settings(api, {}, environ=awx_inject(cred_type, dict(typed, skip_tls_verify=True),
                                                                           tmp_path))
    assert insecure["validate_certs"] is False
    if api == "drm":
        keyed = CREDENTIALS.connection_settings(api, {}, environ=awx_inject(
            cred_type, {"url": typed["url"], "api_key_id": "kid", "api_key_secret": "ksecret"}, tmp_path))
        assert (keyed["api_key_id"], keyed["api_key_secret"], keyed["username"], keyed["password"]) \
            == ("kid", "ksecret", None, None)


# --- against the lab, with only the injected environment --------------------------------


@pytest.fixture(scope="module")
def tls_powerstore(tmp_path_factory):
    """A PowerStore served over HTTPS by a private CA, so that only the injected CA file verifies it."""
    with private_lab(tmp_path_factory, "awx-tls-lab", time_scale=0.25, tls=True, only="powerstore") as instance:
        yield instance


def powerstore_credential(tls_powerstore, tmp_path, password=LAB_PASSWORD):
    return awx_inject(TYPES["powerstore"], {
        "url": tls_powerstore.urls["powerstore"], "username": LAB_USERNAME, "password": password,
        "ca_cert": pathlib.Path(tls_powerstore.ca).read_text(encoding="utf-8")}, tmp_path / "ps")


PLAY = """
- name: AWX credentials
  hosts: localhost
  gather_facts: false
  tasks:
    - name: DRM message
      asyncjobs.fleet.drm_send_message:
        tags: [canary]
        payload: '{query}'
    - name: DRM jobs lookup
      ansible.builtin.set_fact:
        drm_jobs: "{{{{ query('asyncjobs.fleet.jobs', api='drm') }}}}"
    - name: PowerStore volume group
      asyncjobs.fleet.powerstore_volume_group:
        name: vg-awx
        poll_interval: 0.2
      ignore_errors: true
    - name: PowerStore jobs
      asyncjobs.fleet.job_info:
        api: powerstore
      ignore_errors: true
"""


def test_job_with_drm_and_powerstore_credentials(lab, tls_powerstore, ansible, lab_delta, tmp_path):
    """A job template with both credentials attached: basic auth for DRM, a private CA for PowerStore."""
    lab.reset("drm")
    drm = awx_inject(TYPES["drm"], {"url": lab.urls["drm"], "username": LAB_USERNAME, "password": LAB_PASSWORD},
                     tmp_path / "drm")
    env = only_credential_env(drm, powerstore_credential(tls_powerstore, tmp_path))
    assert env["POWERSTORE_CA_PATH"] and env["DRM_CA_PATH"] == "" and env["DRM_API_KEY_ID"] == ""
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(ansible.playbook(PLAY.format(query=QUERY)), env=env)
    assert run.result("DRM message")["summary"]["ok"] == 5
    assert [j["id"] for j in run.result("DRM jobs lookup")["ansible_facts"]["drm_jobs"]] == ["600001"]
    assert delta["requests"]["POST /ws/sci"] == 1
    created = run.result("PowerStore volume group")
    assert run.status("PowerStore volume group") == "changed", created
    assert created["volume_group"]["name"] == "vg-awx"
    assert run.result("PowerStore jobs")["states"] == {"succeeded": 1}


def test_drm_api_key_credential_and_wrong_powerstore_password(lab, tls_powerstore, ansible, tmp_path):
    wrong = "Wr0ng-AWX-Pa55"
    drm = awx_inject(TYPES["drm"], {"url": lab.urls["drm"], "api_key_id": "lab-key-id",
                                    "api_key_secret": "lab-key-secret"}, tmp_path / "drm")
    env = only_credential_env(drm, powerstore_credential(tls_powerstore, tmp_path, password=wrong))
    assert env["DRM_USERNAME"] == "" and env["DRM_PASSWORD"] == ""
    run = ansible.run_playbook(ansible.playbook(PLAY.format(query=QUERY)), env=env)  # PowerStore tasks ignore errors
    assert run.result("DRM message")["summary"]["ok"] == 5  # authenticated by the API key alone
    msg = run.result("PowerStore jobs")["msg"]
    assert run.status("PowerStore jobs") == "failed"
    assert "PowerStore login" in msg and "returned HTTP 401 (authentication failed" in msg, msg
    assert "HTTP 401" in run.result("PowerStore volume group")["msg"]
    assert wrong not in run.stdout + run.stderr + json.dumps(run.results)


def test_drm_wrong_password_gives_401(lab, ansible, lab_delta, tmp_path):
    wrong = "Wr0ng-DRM-Pa55"
    drm = awx_inject(TYPES["drm"], {"url": lab.urls["drm"], "username": LAB_USERNAME, "password": wrong},
                     tmp_path / "drm")
    pb = ansible.playbook("""
- name: Wrong password
  hosts: localhost
  gather_facts: false
  tasks:
    - name: DRM message
      asyncjobs.fleet.drm_send_message:
        tags: [canary]
        payload: '<rci_request version="1.1"><query_setting><system/></query_setting></rci_request>'
""")
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(pb, env=only_credential_env(drm), expect_rc=2)
    msg = run.result("DRM message")["msg"]
    assert "HTTP 401 (authentication failed (check username/password or API key))" in msg, msg
    # Refused at the submission, which is not sent again: no job exists.
    assert delta["requests"]["POST /ws/sci"] == 1 and delta["jobs"]["complete"] == delta["jobs"]["in_progress"] == 0
    assert wrong not in run.stdout + run.stderr + json.dumps(run.results)


# --- ad-hoc use (the README's command lines, run by bash) ----------------------------------

ADHOC_SEND = ("ansible localhost -m asyncjobs.fleet.drm_send_message "
              r'''-a "tags=canary payload='<rci_request version=\"1.1\"><query_setting><system/></query_setting></rci_request>'"''')
ADHOC_INFO = "ansible localhost -m asyncjobs.fleet.job_info -a 'api=drm job_ids={job_id}'"


def adhoc(ansible, command, env=None):
    """Run an ad-hoc command line with the venv's ansible, the harness's collection and DRM_* settings."""
    environment = ansible.environment(env)
    environment["PATH"] = str(pathlib.Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    proc = subprocess.run(["bash", "-c", command], cwd=ansible.workdir, env=environment, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=300, check=False)
    return proc


def adhoc_result(proc, status):
    marker = f"localhost | {status} => "
    assert marker in proc.stdout, f"rc={proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return json.JSONDecoder().raw_decode(proc.stdout[proc.stdout.index(marker) + len(marker):])[0]


def test_adhoc_send_message_and_job_info(lab, ansible, lab_delta):
    lab.reset("drm")
    with lab_delta("drm") as delta:
        sent = adhoc(ansible, ADHOC_SEND)
    assert sent.returncode == 0, sent.stdout + sent.stderr
    r = adhoc_result(sent, "SUCCESS")
    assert r["changed"] is False and r["summary"] == {"targets": 5, "ok": 5, "failed": 0, "errors": {}}
    assert "1 job(s): 1 succeeded; 100%" in sent.stdout  # progress is shown ad hoc too
    assert delta["methods"]["POST"] == 1 and delta["requests"]["POST /ws/sci"] == 1
    assert delta["submissions"] == {"send_message": 1}

    info = adhoc(ansible, ADHOC_INFO.format(job_id=r["job_id"]))
    assert info.returncode == 0, info.stdout + info.stderr
    (job,) = adhoc_result(info, "SUCCESS")["jobs"]
    assert (job["id"], job["state"], job["operation"], job["targets"]) == (r["job_id"], "succeeded", "send_message", 5)
    assert sorted(job["devices"]) == sorted(r["devices"]) and all(d["ok"] for d in job["devices"].values())


def test_adhoc_command_lines_are_the_readme_ones():
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert ADHOC_SEND in readme
    assert ADHOC_INFO.format(job_id="600001") in readme
