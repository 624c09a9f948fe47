# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""own_group_defaults: job_* take only their own API's module_defaults group."""

from __future__ import annotations

from ansible_collections.asyncjobs.fleet.plugins.plugin_utils._action import own_group_defaults

DRM = "group/asyncjobs.fleet.drm"
PS = "group/asyncjobs.fleet.powerstore"
ACTION = "asyncjobs.fleet.job_info"


def same(value):
    return value


def merged(*layers, **task):
    """What Ansible hands the action plugin: every layer's groups merged (later wins), then the task's own."""
    args = {}
    for layer in layers:
        for values in layer.values():
            args.update(values)
    args.update(task)
    return args


def test_another_apis_group_value_is_replaced_by_the_own_groups():
    layers = [{DRM: {"url": "https://drm", "username": "d"}, PS: {"url": "https://ps", "username": "p"}}]
    args = merged(*layers, api="drm")
    assert args["url"] == "https://ps"  # Ansible's merge: the later group won
    assert own_group_defaults(args, layers, ACTION, same) == {"api": "drm", "url": "https://drm", "username": "d"}


def test_an_option_only_another_group_sets_is_dropped_so_the_env_fallback_applies():
    layers = [{DRM: {"url": "https://drm"}, PS: {"url": "https://ps", "ca_path": "/ps-ca.pem"}}]
    out = own_group_defaults(merged(*layers, api="drm"), layers, ACTION, same)
    assert out == {"api": "drm", "url": "https://drm"}


def test_task_options_and_the_modules_own_defaults_win():
    layers = [{DRM: {"url": "https://drm"}, PS: {"url": "https://ps", "timeout": 5}, ACTION: {"timeout": 5}}]
    args = merged(*layers, api="drm")
    args["url"] = "https://given-on-task"
    out = own_group_defaults(args, layers, ACTION, same)
    assert out["url"] == "https://given-on-task" and out["timeout"] == 5


def test_one_group_only_or_no_api_leaves_args_alone():
    layers = [{PS: {"url": "https://ps"}}]
    args = merged(*layers, api="powerstore")
    assert own_group_defaults(args, layers, ACTION, same) == args
    assert own_group_defaults({"url": "x"}, layers, ACTION, same) == {"url": "x"}
    assert own_group_defaults({"api": "drm"}, [], ACTION, same) == {"api": "drm"}


def test_layers_are_templated_before_comparing():
    layers = [{DRM: "{{ drm }}", PS: {"url": "https://ps"}}]
    rendered = {"{{ drm }}": {"url": "https://drm"}}
    args = merged({PS: {"url": "https://ps"}}, api="drm")
    out = own_group_defaults(args, layers, ACTION, lambda value: rendered.get(value, value) if isinstance(value, str) else value)
    assert out["url"] == "https://drm"
