# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The AWX survey specs in extensions/awx/surveys, one per job-template playbook.

A spec is checked the way AWX checks it when it is POSTed to a job template's
``survey_spec`` endpoint (awx/api/views ``JobTemplateSurveySpec._validate_spec_data``), plus
what AWX would accept but silently get wrong (a default that fails its own question, whose
default AWX then drops at launch). Then against its playbook: every question's ``variable`` is
a variable the playbook declares and uses, and every variable the playbook's "Survey
variables:" comment names has a question.

Then the extra variables are built from survey answers the way AWX builds them at launch
(awx/main/models/mixins.py ``SurveyJobTemplateMixin``: each answer validated by
``_survey_element_validation``; job template extra vars, then the defaults that pass
validation, then the answers): text as strings, integers as ``int``, a multiple choice as one
string and a multiple select as a list of strings. The playbooks run against the lab with
them. tests/integration/test_playbooks.py runs the same playbooks with string values (as
``-e key=value`` gives them), so both kinds are covered.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from conftest import REPO_ROOT

PLAYBOOKS = REPO_ROOT / "playbooks"
SURVEYS_DIR = REPO_ROOT / "extensions" / "awx" / "surveys"
SURVEYS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SURVEYS_DIR.glob("*.json"))}

# awx/main/constants.py SURVEY_TYPE_MAPPING: the type a question's default must have.
SURVEY_TYPE_MAPPING = {"text": str, "textarea": str, "password": str, "multiplechoice": str, "multiselect": str,
                       "integer": int, "float": (float, int)}
# Keys of a question that AWX's UI and API use.
QUESTION_KEYS = {"question_name", "question_description", "required", "type", "variable", "default", "choices",
                 "min", "max", "new_question"}
VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SURVEY_COMMENT = re.compile(r"^# Survey variables:(.*?)(?:\.\s*$|\.\s+(?=[A-Z]))", re.S | re.M)


class SurveyError(ValueError):
    pass


def choices(question):
    value = question["choices"]
    if isinstance(value, str):
        return [c for c in value.splitlines() if c.strip() != ""]
    return list(value)


def awx_validate_spec(spec):
    """JobTemplateSurveySpec._validate_spec_data: raise SurveyError where AWX answers 400."""
    for field, expected in (("name", str), ("description", str), ("spec", list)):
        if field not in spec:
            raise SurveyError(f"Field '{field}' is missing from survey spec.")
        if not isinstance(spec[field], expected):
            raise SurveyError(f"Expected {expected.__name__} for field '{field}'")
    if not spec["spec"]:
        raise SurveyError("'spec' doesn't contain any items.")
    seen = set()
    for idx, item in enumerate(spec["spec"]):
        if not isinstance(item, dict):
            raise SurveyError(f"Survey question {idx} is not a json object.")
        for field in ("type", "question_name", "variable", "required"):
            if field not in item:
                raise SurveyError(f"'{field}' missing from survey question {idx}")
            if not isinstance(item[field], bool if field == "required" else str):
                raise SurveyError(f"'{field}' in survey question {idx} has the wrong type")
        if item["variable"] in seen:
            raise SurveyError(f"'variable' '{item['variable']}' duplicated in survey question {idx}.")
        seen.add(item["variable"])
        qtype = item["type"]
        if qtype not in SURVEY_TYPE_MAPPING:
            raise SurveyError(f"'{qtype}' in survey question {idx} is not an allowed question type.")
        if "default" in item and item["default"] != "" and not isinstance(item["default"], SURVEY_TYPE_MAPPING[qtype]):
            raise SurveyError(f"Default value {item['default']} in survey question {idx} has the wrong type.")
        for key in ("min", "max"):
            if key in item and item[key] is not None and not isinstance(item[key], int):
                raise SurveyError(f"The {key} limit in survey question {idx} expected to be integer.")
        if qtype in ("multiselect", "multiplechoice"):
            if "choices" not in item:
                raise SurveyError(f"Survey question {idx} of type {qtype} must specify choices.")
            if "default" in item:
                default = item["default"]
                defaults = [c for c in default.splitlines() if c.strip() != ""] if isinstance(default, str) else default
                if qtype == "multiplechoice" and len(defaults) > 1:
                    raise SurveyError("Multiple Choice (Single Select) can only have one default value.")
                if any(d not in choices(item) for d in defaults):
                    raise SurveyError("Default choice must be answered from the choices listed.")
        if isinstance(item.get("default"), str) and item["default"].startswith("$encrypted$") and qtype != "password":
            raise SurveyError("$encrypted$ is a reserved keyword for password question defaults")


def awx_element_errors(question, data):
    """SurveyJobTemplateMixin._survey_element_validation for one question (password aside)."""
    var, qtype = question["variable"], question["type"]
    if var not in data:
        return [f"'{var}' value missing"] if question["required"] else []
    value = data[var]
    low, high = question.get("min"), question.get("max")
    low = None if low in ("", None) else low
    high = None if high in ("", None) else high
    if qtype in ("text", "textarea", "password"):
        if not isinstance(value, str):
            return [f"Value {value} for '{var}' expected to be a string."]
        return ([f"'{var}' value {value} is too small"] if low is not None and len(value) < int(low) else []) + \
               ([f"'{var}' value {value} is too large"] if high is not None and len(value) > int(high) else [])
    if qtype in ("integer", "float"):
        allowed = (int,) if qtype == "integer" else (float, int)
        if not isinstance(value, allowed) or isinstance(value, bool):  # AWX compares type(value) exactly
            return [f"Value {value} for '{var}' expected to be {'an integer' if qtype == 'integer' else 'numeric'}."]
        return ([f"'{var}' value {value} is too small"] if low is not None and value < low else []) + \
               ([f"'{var}' value {value} is too large"] if high is not None and value > high else [])
    if qtype == "multiselect":
        if not isinstance(value, list):
            return [f"'{var}' value is expected to be a list."]
        return [f"Value {v} for '{var}' expected to be one of {choices(question)}." for v in value
                if v not in choices(question)]
    if qtype == "multiplechoice" and value not in choices(question):
        return [f"Value {value} for '{var}' expected to be one of {choices(question)}."]
    return []


def awx_extra_vars(spec, answers, template_extra_vars=None):
    """The extra vars of a job launched with these survey answers.

    _accept_or_ignore_variables rejects the launch if any answer fails its question;
    _update_unified_job_kwargs then layers template extra vars, the defaults that pass
    their own question's validation, and the answers.
    """
    unknown = set(answers) - {q["variable"] for q in spec["spec"]}
    if unknown:
        raise SurveyError(f"Variables {sorted(unknown)} are not allowed on launch.")
    errors = [e for q in spec["spec"] for e in awx_element_errors(q, answers)]
    if errors:
        raise SurveyError("; ".join(errors))
    extra_vars = copy.deepcopy(template_extra_vars or {})
    for question in spec["spec"]:
        default = question.get("default")
        if default is not None and not awx_element_errors(question, {question["variable"]: default}):
            extra_vars[question["variable"]] = default
    extra_vars.update(answers)
    return extra_vars


def playbook(name):
    """The playbook's text and its first play, which declares the survey variables (the later plays of
    the rollout playbooks mark failed devices and say when there is nothing to do)."""
    path = PLAYBOOKS / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    plays = yaml.safe_load(text)
    for later in plays[1:]:
        assert not set(later.get("vars") or {}) & set(plays[0].get("vars") or {}), f"{path}: survey variables declared twice"
    return text, plays[0]


def commented_survey_variables(text):
    """Variables named in the playbook's "# Survey variables: ..." sentence."""
    match = SURVEY_COMMENT.search(text)
    if not match:
        return None
    sentence = " ".join(line.lstrip("#").strip() for line in match[1].splitlines())
    return set(re.findall(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", sentence))


def survey_playbooks():
    return sorted(p.stem for p in PLAYBOOKS.glob("*.yml") if commented_survey_variables(p.read_text(encoding="utf-8")))


# --- the specs ----------------------------------------------------------------------------


def test_one_survey_per_survey_playbook():
    # A playbook whose comment lists "Survey variables:" is meant for a job template: it ships a survey.
    assert sorted(SURVEYS) == survey_playbooks()
    assert {"firmware_rollout", "jobs_report", "send_message", "settings_drift"} <= set(SURVEYS)


@pytest.mark.parametrize("name", sorted(SURVEYS))
def test_spec_is_valid_for_awx(name):
    spec = SURVEYS[name]
    awx_validate_spec(copy.deepcopy(spec))
    assert set(spec) == {"name", "description", "spec"} and spec["name"] and spec["description"]
    for question in spec["spec"]:
        assert set(question) <= QUESTION_KEYS, question
        assert VARIABLE.match(question["variable"]) and question["question_description"], question
        if question["type"] in ("integer", "float"):
            assert question["min"] <= question["max"], question
        # AWX accepts a default that fails its own question and then silently drops it at launch.
        if question.get("default") not in (None, ""):
            assert awx_element_errors(question, {question["variable"]: question["default"]}) == [], question


@pytest.mark.parametrize("name", sorted(SURVEYS))
def test_spec_matches_its_playbook(name):
    text, play = playbook(name)
    declared = set(play.get("vars") or {})
    used_text = yaml.safe_dump({k: v for k, v in play.items() if k != "vars"})
    variables = [q["variable"] for q in SURVEYS[name]["spec"]]
    for variable in variables:
        assert variable in declared, f"{name}: the playbook has no default for {variable}"
        assert re.search(rf"\b{variable}\b", used_text), f"{name}: the playbook never uses {variable}"
    assert commented_survey_variables(text) <= set(variables)


def test_awx_launch_rules_as_restated():
    """The launch rules above reject what AWX rejects (guards the tests below)."""
    spec = SURVEYS["firmware_rollout"]
    good = {"rollout_version": "2.1.0", "rollout_tags": "canary", "rollout_canary_size": 2,
            "rollout_wave_percentage": 50, "rollout_max_fail_percentage": 10}
    extra = awx_extra_vars(spec, good)
    assert extra["rollout_canary_size"] == 2 and extra["rollout_src"] == ""  # a valid default is added
    for bad in ({"rollout_canary_size": "2"}, {"rollout_wave_percentage": 0}, {"rollout_version": ""},
                {"rollout_tags": ["canary"]}, {"unknown_variable": 1}):
        with pytest.raises(SurveyError):
            awx_extra_vars(spec, {**good, **bad})
    with pytest.raises(SurveyError, match="value missing"):
        awx_extra_vars(spec, {k: v for k, v in good.items() if k != "rollout_version"})
    report = SURVEYS["jobs_report"]
    assert awx_extra_vars(report, {"report_api": "aiqum", "report_states": ["failed", "partial"]})["report_states"] \
        == ["failed", "partial"]
    for bad in ({"report_api": "nas"}, {"report_api": ["drm"]}, {"report_api": "drm", "report_states": "failed"},
                {"report_api": "drm", "report_states": ["done"]}):
        with pytest.raises(SurveyError):
            awx_extra_vars(report, bad)


# --- launches with survey answers -------------------------------------------------------


def test_firmware_rollout_from_survey_answers(lab, ansible):
    lab.reset()
    extra_vars = awx_extra_vars(SURVEYS["firmware_rollout"], {
        "rollout_version": "2.1.0",
        "rollout_src": "files/acme-2.1.0.bin",  # relative to playbooks/, as in a project checkout
        "rollout_tags": "canary",
        "rollout_canary_size": 2,
        "rollout_wave_percentage": 50,
        "rollout_max_fail_percentage": 10,
    })
    assert isinstance(extra_vars["rollout_canary_size"], int) and not isinstance(extra_vars["rollout_canary_size"], bool)
    run = ansible.run_playbook(PLAYBOOKS / "firmware_rollout.yml", extra_vars=extra_vars)
    summary = run.result("asyncjobs.fleet.firmware_rollout : Summarize the rollout")["ansible_facts"][
        "firmware_rollout_summary"]
    # Canary devices are the first five of the fleet, all online at 1.0.0: a wave of 2, then one of 3.
    assert len(summary["updated"]) == 5 and summary["failed"] == {} and int(summary["waves_planned"]) == 2
    assert int(summary["at_version_now"]) == 5


def test_send_message_and_jobs_report_from_survey_answers(lab, ansible):
    lab.reset()
    message = SURVEYS["send_message"]
    # The survey form is pre-filled with the defaults; the user answers the tag only.
    defaults = {q["variable"]: q["default"] for q in message["spec"] if q.get("default") not in (None, "")}
    run = ansible.run_playbook(PLAYBOOKS / "send_message.yml",
                               extra_vars=awx_extra_vars(message, {**defaults, "message_tag": "canary"}))
    summary = run.result("Send the message")["summary"]
    assert summary["targets"] == 5 and summary["ok"] == 5
    report = ansible.run_playbook(PLAYBOOKS / "jobs_report.yml", extra_vars=awx_extra_vars(SURVEYS["jobs_report"], {
        "report_api": "drm", "report_states": ["succeeded", "partial"], "report_operation": "send_message"}))
    jobs = report.result("Read the jobs")["ansible_facts"]["report_jobs"]
    assert [(j["id"], j["state"]) for j in jobs] == [(run.result("Send the message")["job_id"], "succeeded")]
    nothing = ansible.run_playbook(PLAYBOOKS / "jobs_report.yml", extra_vars=awx_extra_vars(SURVEYS["jobs_report"], {
        "report_api": "drm", "report_states": ["failed"]}))
    assert nothing.result("Read the jobs")["ansible_facts"]["report_jobs"] == []
    # Nothing selected in the multiple select, the operation left empty: every job.
    every = ansible.run_playbook(PLAYBOOKS / "jobs_report.yml", extra_vars=awx_extra_vars(SURVEYS["jobs_report"], {
        "report_api": "drm", "report_states": [], "report_operation": ""}))
    assert len(every.result("Read the jobs")["ansible_facts"]["report_jobs"]) == 1


def test_settings_drift_from_survey_answers(lab, ansible, lab_delta):
    lab.reset()
    extra_vars = awx_extra_vars(SURVEYS["settings_drift"], {
        "drift_tags": "canary", "drift_settings": '{"system": {"contact": "noc@example.com"}}'})
    with lab_delta("drm") as delta:
        run = ansible.run_playbook(PLAYBOOKS / "settings_drift.yml", extra_vars=extra_vars)
    assert len(run.result("Compare current settings with the desired ones")["changed_devices"]) == 5
    assert delta["submissions"] == {"send_message": 1}  # the read-only query only
