"""``fixer.layout.realign``: an edit that lands in an ``=`` run also re-aligns that run, and nothing else."""

from __future__ import annotations

import textwrap

import pytest
from corpus_paths import corpus_files, requires_shared

import fixer
from fixer.layout import format_source
from fixer.layout.realign import realign
from fixer.syntax.edits import Edit, apply_edits


def _run(before: str, edits_of) -> str:
    """Apply ``edits_of(text)`` to ``before`` through realign; check the edits' shape; return the text."""
    doc = fixer.parse(before)
    edits = edits_of(before)
    out = realign(before, doc, edits)
    starts = [e.start for e in out]
    assert starts == sorted(starts)
    for a, b in zip(out, out[1:]):
        assert a.end <= b.start
    return apply_edits(before, out)


def _insert_before(anchor: str, line: str):
    def edits(text: str) -> list[Edit]:
        at = text.index(anchor)
        return [Edit(at, at, line)]
    return edits


def _remove_line(anchor: str):
    def edits(text: str) -> list[Edit]:
        at = text.index(anchor)
        at = text.rfind("\n", 0, at) + 1
        return [Edit(at, text.index("\n", at) + 1, "")]
    return edits


def test_inserting_a_longer_name_realigns_the_run() -> None:
    before = textwrap.dedent("""\
        resource "aws_s3_bucket" "b" {
          bucket = "x"
          acl    = "private"

          force_destroy = true
        }
        """)
    after = _run(before, _insert_before("  acl", "  object_lock_enabled = true\n"))
    assert after == textwrap.dedent("""\
        resource "aws_s3_bucket" "b" {
          bucket              = "x"
          object_lock_enabled = true
          acl                 = "private"

          force_destroy = true
        }
        """)


def test_inserting_a_shorter_name_takes_the_runs_alignment() -> None:
    before = 'x {\n  aaa = 1\n  b   = 2\n}\n'
    after = _run(before, _insert_before("  b ", "  c = 3\n"))
    assert after == 'x {\n  aaa = 1\n  c   = 3\n  b   = 2\n}\n'


def test_removing_the_longest_name_realigns_the_rest() -> None:
    before = 'x {\n  a    = 1\n  bbbb = 2\n  cc   = 3\n}\n'
    assert _run(before, _remove_line("bbbb")) == 'x {\n  a  = 1\n  cc = 3\n}\n'


def test_replacing_a_line_renames_and_realigns() -> None:
    before = 'a  = 1\nbb = 2\n'

    def edits(text: str) -> list[Edit]:
        at = text.index("bb")
        return [Edit(at, text.index("\n", at), "longer = 2")]

    assert _run(before, edits) == 'a      = 1\nlonger = 2\n'


def test_other_runs_and_other_whitespace_are_left_alone() -> None:
    before = 'a  = 1\nbb = 2\n\nc=3\nddddd   =   4\n'
    after = _run(before, _insert_before("bb", "eee = 5\n"))
    assert after == 'a   = 1\neee = 5\nbb  = 2\n\nc=3\nddddd   =   4\n'


def test_edit_outside_any_run_is_returned_unchanged() -> None:
    before = 'x {\n  a = 1\n}\n'
    at = len(before)
    edit = Edit(at, at, '\ny {\n  b = 2\n}\n')
    assert realign(before, fixer.parse(before), [edit]) == [edit]


def test_inserted_line_in_a_multiline_object() -> None:
    before = 'x = {\n  k   = 1\n  kkk = 2\n}\n'
    after = _run(before, _insert_before("  kkk", "  kkkkkk = 3\n"))
    assert after == 'x = {\n  k      = 1\n  kkkkkk = 3\n  kkk    = 2\n}\n'


def test_crlf_file() -> None:
    before = 'a  = 1\r\nbb = 2\r\n'
    after = _run(before, _insert_before("bb", "cccc = 3\r\n"))
    assert after == 'a    = 1\r\ncccc = 3\r\nbb   = 2\r\n'


def test_wrong_tree_is_rejected() -> None:
    with pytest.raises(ValueError):
        realign("a = 1\n", fixer.parse("a = 12\n"), [])


# On a fmt-clean file, inserting a canonical attribute line with realign gives what
# terraform fmt would give for the edited file: checked on real files.
FILES = [p for p in corpus_files(valid=True) if p.suffix == ".tf"][:400]


def _first_block_with_attributes(doc):
    return next((b for b in doc.body.blocks() if not b.is_one_line and b.body.attributes()), None)


@requires_shared
def test_insert_into_first_run_matches_format() -> None:
    checked = 0
    for path in FILES:
        text = format_source(path.read_bytes().decode("utf-8"))
        doc = fixer.parse(text)
        block = _first_block_with_attributes(doc)
        if block is None:
            continue  # nothing to insert into in this file
        attr = block.body.attributes()[0]
        first = attr.leading_lines[0].newline if attr.leading_lines else attr.name
        line_start = text.rfind("\n", 0, first.start_pos) + 1
        indent = text[line_start:first.start_pos] if not attr.leading_lines else ""
        indent = indent or " " * (attr.name.column - 1)
        newline = "\r\n" if "\r\n" in text else "\n"
        edit = Edit(line_start, line_start, f"{indent}a_rather_long_attribute_name = 1{newline}")
        result = apply_edits(text, realign(text, doc, [edit]))
        assert result == format_source(result), path
        checked += 1
    assert checked >= 300  # most of the 400 files have a block with attributes


def test_keep_fmt_clean_widens_to_the_trailing_comments_fmt_realigns() -> None:
    from fixer.layout.realign import keep_fmt_clean
    from fixer.syntax.edits import Edit, apply_edits

    text = 'x {\n  a = "v" # one\n  b = 1   # two\n}\n'
    start = text.index('"v"')
    edit = Edit(start, start + 3, '"longer"')
    widened = keep_fmt_clean(text, [edit])
    assert apply_edits(text, widened) == 'x {\n  a = "longer" # one\n  b = 1        # two\n}\n'
    assert widened[0].start >= start  # nothing before the change is part of the edit


def test_keep_fmt_clean_leaves_edits_alone_in_a_file_that_was_not_fmt_clean() -> None:
    from fixer.layout.realign import keep_fmt_clean
    from fixer.syntax.edits import Edit

    text = 'x {\n  a    = "v" # one\n  b = 1 # two\n}\n'
    start = text.index('"v"')
    edit = Edit(start, start + 3, '"longer"')
    assert keep_fmt_clean(text, [edit]) == [edit]
    clean = 'x {\n  a = "v"\n}\n'
    at = clean.index('"v"')
    assert keep_fmt_clean(clean, [Edit(at, at + 3, "{")]) is None  # does not parse
    assert keep_fmt_clean(clean, [Edit(at, at + 3, "1"), Edit(at + 1, at + 2, "2")]) is None  # overlap
