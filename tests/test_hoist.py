"""fixer.hoist: the plan for settings hoisted out of a nested block, and its edits."""

from __future__ import annotations

import textwrap

import pytest

from fixer.editor import Editor
from fixer.hoist import Hoist, plan_hoist
from fixer.model.module import Module
from fixer.syntax.edits import apply_edits
from fixer.syntax.nodes import item_name

HOIST = Hoist("settings", {"max": "settings_max", "min": "settings_min"}, ("breaker",),
              {"mode": 2}, {"hook": 3}, parent="widget")


def _plan(text: str):
    text = textwrap.dedent(text).lstrip("\n")
    module = Module.from_sources({"main.tf": text})
    resource = module.files[0].tree.body.blocks("resource")[0]
    block = next(b for b in resource.body.blocks() if b.type == "settings" or b.type == "dynamic")
    return module, text, plan_hoist(HOIST, block, resource)


def _applied(module, text, plan) -> str:
    editor = Editor(module, module.files[0])
    plan.apply(editor)
    return apply_edits(text, [e for _, e in editor.edits])


def test_a_parent_setting_with_another_value_is_a_conflict_and_blocks_the_move() -> None:
    module, text, plan = _plan('''
        resource "r" "x" {
          settings_max = 300
          settings {
            max = 200
          }
        }
    ''')
    assert [i.key for i in plan.moved] == ["max"]
    assert plan.twins == {}
    assert plan.blockers == [
        "conflict: the widget already sets `settings_max` (= 300), which differs from `max` (= 200) in the block; "
        "decide which one is meant"
    ]
    with pytest.raises(ValueError, match="conflict"):
        _applied(module, text, plan)


def test_an_identical_nested_setting_is_dropped_with_its_comment_and_the_emptied_block_removed() -> None:
    module, text, plan = _plan('''
        resource "r" "x" {
          settings_max = 200
          settings {
            max = 200 # same
            min = 50
          }
        }
    ''')
    assert plan.blockers == [] and not plan.keeps
    assert [(k.key, v.key) for k, v in plan.twins.items()] == [("max", "settings_max")]
    assert plan.title == (
        "Set settings_min on the widget, drop the nested max identical to the widget's"
        " and remove the emptied settings block"
    )
    assert _applied(module, text, plan) == textwrap.dedent('''
        resource "r" "x" {
          # same
          settings_max = 200
          settings_min = 50
        }
    ''').lstrip("\n")


def test_kept_and_unknown_settings_stay_and_the_moved_ones_go_above_the_block() -> None:
    module, text, plan = _plan('''
        resource "r" "x" {
          settings {
            mode = "fast"
            odd  = 1
            breaker {
              on = true
            }
            hook {
              arn = "a"
            }
          }
        }
    ''')
    assert [(item_name(i), v) for i, v in plan.kept] == [("mode", 2), ("hook", 3)]
    assert plan.unknown == ["odd"] and plan.keeps
    assert plan.notes == ["`odd` is not an argument of settings either; it is left in the block"]
    assert plan.title == "Move breaker to the widget level"
    assert _applied(module, text, plan) == textwrap.dedent('''
        resource "r" "x" {
          breaker {
            on = true
          }

          settings {
            mode = "fast"
            odd  = 1
            hook {
              arn = "a"
            }
          }
        }
    ''').lstrip("\n")


def test_dynamic_blocks_repeats_and_a_second_block_are_blockers() -> None:
    _, _, plan = _plan('''
        resource "r" "x" {
          dynamic "settings" {
            for_each = var.s
            content {
              max = 1
              breaker {}
              breaker {}
            }
          }
          settings {}
        }
    ''')
    assert plan.blockers == [
        "a dynamic block is not rewritten automatically; move the settings by hand",
        "the widget has more than one settings block; merge them by hand",
        "`breaker` is set more than once in the block; keep one by hand",
    ]
