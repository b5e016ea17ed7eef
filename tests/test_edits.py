"""Edit builders (hclwrite's body API) and libcst-style transformers."""

from __future__ import annotations

from textwrap import dedent

import pytest

import fixer
from fixer.syntax.edits import (
    Edit,
    append_attribute,
    append_block,
    apply_edits,
    remove_item,
    rename_attribute,
    set_attribute_value,
)
from fixer.syntax.tokens import Token
from fixer.syntax.transform import REMOVE, Transformer, with_changes

SOURCE = dedent(
    """\
    resource "aws_lb_target_group" "services" {
      for_each = var.service_config

      # must fit 32 characters
      name     = "tg-${each.key}-${var.environment_suffix}" # seed 003
      port     = 80
    }
    """
)


def resource(text: str = SOURCE):
    tree = fixer.parse(text)
    return tree, tree.body.blocks("resource")[0]


def test_set_attribute_value_keeps_everything_else() -> None:
    _, block = resource()
    edit = set_attribute_value(block.body.get_attribute("name"), 'substr("x", 0, 32)')
    out = apply_edits(SOURCE, [edit])
    assert out == SOURCE.replace('"tg-${each.key}-${var.environment_suffix}"', 'substr("x", 0, 32)')
    assert fixer.parse(out).code == out


def test_rename_attribute() -> None:
    _, block = resource()
    out = apply_edits(SOURCE, [rename_attribute(block.body.get_attribute("port"), "prt")])
    # Only the name changes; re-aligning the run of "=" is the layout engine's job.
    assert out == SOURCE.replace("  port     = 80\n", "  prt     = 80\n")


def test_remove_attribute_takes_its_comments_and_line() -> None:
    _, block = resource()
    out = apply_edits(SOURCE, [remove_item(block.body.get_attribute("name"))])
    assert out == SOURCE.replace(
        '  # must fit 32 characters\n  name     = "tg-${each.key}-${var.environment_suffix}" # seed 003\n', ""
    )


def test_remove_block() -> None:
    text = 'a = 1\n\nresource "x" "y" {\n  b = 2\n}\nc = 3\n'
    tree = fixer.parse(text)
    out = apply_edits(text, [remove_item(tree.body.blocks()[0])])
    assert out == "a = 1\n\nc = 3\n"


def test_append_block_indents_and_keeps_crlf() -> None:
    text = SOURCE.replace("\n", "\r\n")
    tree, block = resource(text)
    out = apply_edits(text, [append_block(block, 'lifecycle {\n  create_before_destroy = true\n}', text)])
    assert out.endswith(
        "  port     = 80\r\n\r\n  lifecycle {\r\n    create_before_destroy = true\r\n  }\r\n}\r\n"
    )
    assert fixer.parse(out).code == out


def test_append_attribute_and_top_level_block() -> None:
    tree, block = resource()
    out = apply_edits(SOURCE, [append_attribute(block, "protocol", '"HTTP"', SOURCE)])
    assert out.endswith('  port     = 80\n  protocol = "HTTP"\n}\n')
    out2 = apply_edits(SOURCE, [append_block(tree, 'moved {\n  from = a.b\n  to   = a.c\n}', SOURCE)])
    assert out2 == SOURCE + "\nmoved {\n  from = a.b\n  to   = a.c\n}\n"


def test_append_to_file_without_final_newline() -> None:
    text = "a = 1"
    tree = fixer.parse(text)
    assert apply_edits(text, [append_attribute(tree, "b", "2", text)]) == "a = 1\nb = 2\n"


def test_append_to_one_line_block_is_refused() -> None:
    tree = fixer.parse("a { b = 1 }\n")
    with pytest.raises(ValueError):
        append_attribute(tree.body.blocks()[0], "c", "2", "a { b = 1 }\n")


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    assert apply_edits("abcdef", [Edit(4, 6, "Z"), Edit(0, 1, "")]) == "bcdZ"


class _Noop(Transformer):
    pass


def test_noop_transformer_returns_the_same_tree() -> None:
    tree = fixer.parse(SOURCE)
    assert _Noop().transform(tree) is tree


class _DropPortRenameName(Transformer):
    def leave_Attribute(self, original, updated):
        if original.key == "port":
            return REMOVE
        if original.key == "name":
            name = updated.name
            return with_changes(updated, name=Token("IDENT", name.prefix, "name_prefix", 0, 0, 0))
        return updated


def test_transformer_removes_and_replaces() -> None:
    tree = fixer.parse(SOURCE)
    out = _DropPortRenameName().transform(tree).code
    assert "port" not in out
    assert '  name_prefix     = "tg-' in out
    assert "  # must fit 32 characters\n" in out
    assert fixer.parse(out).code == out


def test_visit_false_skips_children() -> None:
    seen: list[str] = []

    class Skip(Transformer):
        def visit_Block(self, node):
            return False

        def leave_Attribute(self, original, updated):
            seen.append(original.key)
            return updated

    Skip().transform(fixer.parse("a = 1\nb {\n  c = 2\n}\n"))
    assert seen == ["a"]
