"""Inline suppression: ``# tffix:ignore CODE`` on a line, above a block, for a file; TFX001."""

from __future__ import annotations

import pytest
from test_fix_loop import UppercaseValue

import fixer
from fixer.findings import Applicability
from fixer.rules import registry
from fixer.rules.base import Rule, RuleContext
from fixer.rules.tfx001_unused_suppression import UnusedSuppression
from fixer.suppression import parse_suppressions
from fixer.syntax.edits import apply_edits
from fixer.syntax.edits import set_attribute_value
from fixer.syntax.nodes import Attribute, Block
from fixer.syntax.parser import parse


class NestedUppercase(Rule):
    """Toy: TST001's check on the attributes of blocks (any depth)."""

    code = "TST007"
    name = "nested-lowercase-value"

    def check(self, ctx: RuleContext):
        for f in ctx.module.files:
            stack = [b.body for b in f.tree.body.blocks()]
            while stack:
                body = stack.pop()
                for item in body.items:
                    if isinstance(item, Block):
                        stack.append(item.body)
                    elif isinstance(item, Attribute) and getattr(item.value, "is_literal", lambda: False)():
                        value = item.value.literal_value()
                        if value != value.upper():
                            edit = set_attribute_value(item, '"' + value.upper() + '"')
                            yield self.finding(f, item, "nested lowercase", fix=self.fix("Uppercase it", Applicability.SAFE, (f.path, edit)))


@pytest.fixture(autouse=True)
def toy_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", [UppercaseValue, NestedUppercase, UnusedSuppression])


def _codes(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in fixer.fix_source(text).findings]


def test_end_of_line_suppression_covers_only_its_line() -> None:
    text = 'a = "x" # tffix:ignore TST001\nb = "y"\n'
    result = fixer.fix_source(text)
    assert [(f.rule, f.line) for f in result.findings] == [("TST001", 2)]
    assert result.code == 'a = "x" # tffix:ignore TST001\nb = "Y"\n'  # suppressed: not fixed either


def test_slash_and_block_comment_forms() -> None:
    text = 'a = "x" // tffix:ignore TST001\nb = "y" /* tffix:ignore TST001 */\n'
    assert fixer.fix_source(text).findings == []


def test_comment_line_above_a_block_covers_the_block() -> None:
    text = (
        '# why: imported as is\n'
        '# tffix:ignore TST007 -- the importer owns these names\n'
        'resource "x" "y" {\n'
        '  a = "x"\n'
        '  nested {\n'
        '    b = "y"\n'
        '  }\n'
        '}\n'
        'resource "x" "z" {\n'
        '  c = "z"\n'
        '}\n'
    )
    result = fixer.fix_source(text)
    assert [(f.rule, f.line) for f in result.findings] == [("TST007", 10)]
    assert result.code == text.replace('c = "z"', 'c = "Z"')


def test_comment_above_an_attribute_and_next_line_in_a_list() -> None:
    text = 'v = [\n  # tffix:ignore TST001\n  "x",\n]\n# tffix:ignore TST001\nq = "y"\nr = "z"\n'
    # The list's comment covers the next line, where no finding starts: it is unused.
    assert _codes(text) == [("TFX001", 2), ("TST001", 7)]
    in_list, above = parse_suppressions("main.tf", text, parse(text))
    assert in_list.kind == "next-line" and text[in_list.cover_start : in_list.cover_end] == '  "x",\n'
    assert above.kind == "item" and text[above.cover_start : above.cover_end] == '# tffix:ignore TST001\nq = "y"'


def test_blank_line_breaks_the_link_to_the_block() -> None:
    text = '# tffix:ignore TST001\n\nq = "y"\n'
    codes = _codes(text)
    assert ("TST001", 3) in codes
    assert ("TFX001", 1) in codes  # the detached comment suppresses nothing


def test_ignore_file_with_and_without_codes() -> None:
    assert _codes('# tffix:ignore-file\na = "x"\nb = "y"\n') == []
    assert _codes('a = "x"\n// tffix:ignore-file TST001\n') == []
    assert _codes('a = "x"\n# tffix:ignore-file TST999\n') == [("TST001", 1), ("TFX001", 2)]


def test_bare_ignore_covers_every_rule() -> None:
    assert _codes('a = "x" # tffix:ignore\n') == []


def test_text_inside_strings_and_heredocs_is_not_a_suppression() -> None:
    text = 'a = "x # tffix:ignore TST001"\nb = <<EOT\n# tffix:ignore-file\nEOT\n'
    tree = parse(text)
    assert parse_suppressions("main.tf", text, tree) == []
    assert [f.rule for f in fixer.fix_source(text).findings] == ["TST001"]


def test_unused_and_unknown_codes_are_reported_with_a_display_only_fix() -> None:
    text = 'a = "X" # tffix:ignore TST001, NOPE123 -- old\nb = "y" # tffix:ignore TST001, TST001\n'
    result = fixer.fix_source(text)
    unused = [f for f in result.findings if f.rule == "TFX001"]
    assert len(unused) == 1 and unused[0].line == 1
    assert "TST001 has no finding here" in unused[0].message
    assert "NOPE123 is not a rule code" in unused[0].message
    assert unused[0].fix.applicability is Applicability.DISPLAY_ONLY
    assert apply_edits(text, unused[0].fix.edits_for("main.tf")) == text.replace(" # tffix:ignore TST001, NOPE123 -- old", "")
    assert result.code == text  # display-only: never applied


def test_partly_used_suppression_fix_keeps_the_used_codes() -> None:
    text = 'a = "x" # tffix:ignore TST001, ZZZ999 -- reason\n'
    [unused] = fixer.fix_source(text).findings
    fixed = apply_edits(text, unused.fix.edits_for("main.tf"))
    assert fixed == 'a = "x" # tffix:ignore TST001 -- reason\n'
    assert fixer.fix_source(fixed).findings == []


def test_own_line_unused_comment_fix_removes_the_line() -> None:
    text = 'a = "X"\n# tffix:ignore TST001\nb = "Y"\n'
    [unused] = fixer.fix_source(text).findings
    assert apply_edits(text, unused.fix.edits_for("main.tf")) == 'a = "X"\nb = "Y"\n'


def test_codes_of_rules_that_did_not_run_are_not_unused() -> None:
    text = 'a = "X" # tffix:ignore TST001\n'
    assert [f.rule for f in fixer.fix_source(text, select=["TST", "TFX"]).findings] == ["TFX001"]
    assert fixer.fix_source(text, ignore=["TST001"]).findings == []  # TST001 did not run
    assert fixer.fix_source(text, ignore=["TFX001"]).findings == []  # TFX001 not wanted
    assert fixer.fix_source(text, select=["TST"]).findings == []  # TFX001 not selected


def test_crlf_file() -> None:
    text = 'a = "x" # tffix:ignore TST001\r\nb = "y"\r\n'
    result = fixer.fix_source(text)
    assert [(f.rule, f.line) for f in result.findings] == [("TST001", 2)]
    assert result.code == 'a = "x" # tffix:ignore TST001\r\nb = "Y"\r\n'


def test_suppression_holds_in_later_fix_rounds() -> None:
    # Round 1 uppercases b; the suppression on a is re-read from each round's text.
    text = 'a = "x" # tffix:ignore TST001\nb = "y"\n'
    result = fixer.fix_source(text)
    assert [f.rule for f in result.remaining] == []
    assert 'a = "x"' in result.code


def test_the_runner_suppresses_for_every_entry_point() -> None:
    # fix_module is given the rule class itself, not a wrapped one: the runner filters.
    from fixer.fixes import fix_module

    text = 'a = "x" # tffix:ignore TST001\nb = "y"\n'
    result = fix_module({"main.tf": text}, [UppercaseValue])
    assert [(f.rule, f.line) for f in result.findings] == [("TST001", 2)]
    assert result.fixed["main.tf"] == 'a = "x" # tffix:ignore TST001\nb = "Y"\n'


def test_check_paths_honours_suppressions(tmp_path) -> None:
    (tmp_path / "main.tf").write_text('a = "x" # tffix:ignore TST001\nb = "y"\n', encoding="utf-8")
    [result] = fixer.check_paths([str(tmp_path)], fix=True, config=False)
    assert [(f.rule, f.line) for f in result.findings] == [("TST001", 2)]
    assert result.fixed == 'a = "x" # tffix:ignore TST001\nb = "Y"\n'


def test_cli_lists_and_explains_tfx001() -> None:
    from click.testing import CliRunner

    from fixer.cli import main

    listed = CliRunner().invoke(main, ["rules"])
    assert "TFX001  unused-suppression" in listed.stdout
    explained = CliRunner().invoke(main, ["explain", "TFX001"])
    assert explained.exit_code == 0 and "## Fix safety" in explained.stdout


def test_cli_text_report_shows_the_unused_suppression(tmp_path) -> None:
    from click.testing import CliRunner

    from fixer.cli import main

    (tmp_path / "main.tf").write_text('a = "X" # tffix:ignore TST001\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--isolated", str(tmp_path)])
    assert result.exit_code == 1
    assert "TFX001 Unused suppression `tffix:ignore TST001`: TST001 has no finding here" in result.stdout
    assert "suggestion (display only, never applied): Remove the unused suppression comment" in result.stdout
