"""Shared by the report tests: run a fixture case the way ``--write`` does, as FileResults,
and apply suggestions the way GitHub and reviewdog apply them."""

from __future__ import annotations

import re
from typing import Any

from rule_cases import RuleCase

from fixer.api import FileResult
from fixer.fixes import fix_module
from fixer.rules import select_rules


def case_results(case: RuleCase) -> list[FileResult]:
    """The case's module checked and fixed as ``tffix --write`` (with the case's settings) would."""
    sources = case.sources()
    outcome = fix_module(
        sources, select_rules(case.rules), values=case.values(), unsafe=case.unsafe,
        extra_files=case.extra_files(), options=case.options,
    )
    return [
        FileResult(
            path, outcome.original[path], outcome.fixed[path],
            [f for f in outcome.findings if f.path == path],
            [f for f in outcome.remaining if f.path == path],
            [f for f in outcome.applied if f.path == path],
            list(outcome.problems),
        )
        for path in sources
    ]


_SUGGESTION = re.compile(r"(?ms)^(?P<fence>`{3,})suggestion\n(?P<body>.*?)^(?P=fence)$")


def suggestion_of(body: str) -> str | None:
    """The text of the ```suggestion block in a comment body, or None."""
    match = _SUGGESTION.search(body)
    return None if match is None else match.group("body")


def apply_github(original: str, comments: list[dict[str, Any]]) -> str:
    """Commit every suggestion: replace lines start_line..line with the block's lines.

    The replaced lines' own line break (CRLF or LF) is kept, and a file that did
    not end with a line break still does not, as GitHub does.
    """
    lines = original.splitlines(keepends=True)
    edits = []
    for comment in comments:
        suggestion = suggestion_of(comment["body"])
        if suggestion is None:
            continue
        assert comment.get("side", "RIGHT") == "RIGHT"
        first = comment.get("start_line", comment["line"])
        last = comment["line"]
        assert 1 <= first <= last <= len(lines), comment
        edits.append((first, last, suggestion))
    edits.sort()
    for (a_first, a_last, _), (b_first, _b, _) in zip(edits, edits[1:]):
        assert a_last < b_first, "two suggestions on the same lines"
    for first, last, suggestion in reversed(edits):
        old = lines[first - 1 : last]
        ending = "\r\n" if old[-1].endswith("\r\n") else "\n"
        new = [line + ending for line in suggestion.split("\n")[:-1]]
        if last == len(lines) and not old[-1].endswith(("\n", "\r")) and new:
            new[-1] = new[-1][: -len(ending)]
        lines[first - 1 : last] = new
    return "".join(lines)


def _offset(text: str, line: int, column: int) -> int:
    """Offset of a 1-based (line, UTF-8 byte column) position; (last line + 1, 1) is the end."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if line == len(starts) + 1 and column == 1:
        return len(text)
    start = starts[line - 1]
    raw = text[start:].encode("utf-8")[: column - 1]
    return start + len(raw.decode("utf-8"))


def apply_rdjson(original: str, path: str, diagnostics: list[dict[str, Any]]) -> str:
    """Apply every suggestion of the diagnostics on ``path`` (ranges are end-exclusive)."""
    edits = []
    for diagnostic in diagnostics:
        if diagnostic["location"]["path"] != path:
            continue
        for suggestion in diagnostic.get("suggestions", []):
            start = suggestion["range"]["start"]
            end = suggestion["range"].get("end", start)
            edits.append((
                _offset(original, start["line"], start["column"]),
                _offset(original, end["line"], end["column"]),
                suggestion["text"],
            ))
    edits.sort()
    out = []
    pos = 0
    for start, end, text in edits:
        assert start >= pos, "overlapping suggestions"
        out.append(original[pos:start])
        out.append(text)
        pos = end
    out.append(original[pos:])
    return "".join(out)


# ---- the tests ---------------------------------------------------------------------------

import json  # noqa: E402

import pytest  # noqa: E402
from rule_cases import rule_cases  # noqa: E402

from fixer.findings import Applicability, Finding, Fix  # noqa: E402
from fixer.report.github import (  # noqa: E402
    parse_unified_diff,
    review_comments,
    suggestion_fence,
    to_github_review,
)
from fixer.report.hunks import line_hunks  # noqa: E402
from fixer.report.rdjson import render_rdjson, render_rdjsonl, to_rdjson  # noqa: E402
from fixer.syntax.edits import Edit  # noqa: E402

CASES = rule_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_github_suggestions_applied_give_the_written_text(case: RuleCase) -> None:
    results = case_results(case)
    comments, skipped = review_comments(results, unsafe=case.unsafe)
    assert skipped == 0
    for result in results:
        mine = [c for c in comments if c["path"] == result.path]
        assert apply_github(result.original, mine) == result.fixed, result.path
        for comment in mine:
            if "start_line" in comment:
                assert comment["start_line"] < comment["line"]
    # One comment per finding of the case's files, plus the hunks no finding touches.
    findings = sum(len(r.findings) for r in results)
    assert len(comments) >= findings


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rdjson_parses_and_its_suggestions_give_the_written_text(case: RuleCase) -> None:
    results = case_results(case)
    document = json.loads(render_rdjson(results, unsafe=case.unsafe))
    assert document["source"]["name"] == "tffix"
    lines = [json.loads(line) for line in render_rdjsonl(results, unsafe=case.unsafe).splitlines()]
    assert lines == document["diagnostics"]
    for result in results:
        assert apply_rdjson(result.original, result.path, document["diagnostics"]) == result.fixed
    for diagnostic in document["diagnostics"]:
        start = diagnostic["location"]["range"]["start"]
        assert start["line"] >= 1 and start["column"] >= 1
        assert diagnostic["severity"] in ("ERROR", "WARNING", "INFO")


# ---- toy results: the mapping itself ------------------------------------------------------


def _finding(path: str, text: str, start: int, end: int, edits, applicability=Applicability.SAFE, rule="TST001"):
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    fix = Fix("Do it", applicability, tuple((path, e) for e in edits)) if edits is not None else None
    return Finding(rule, "problem", path, line, column, end_line, end_column, start, end, fix=fix)


def _result(path: str, original: str, fixed: str, findings) -> FileResult:
    return FileResult(path, original, fixed, findings, [], [])


def test_pure_insertion_is_anchored_on_the_line_above() -> None:
    original = 'resource "a" "b" {\n  x = 1\n}\n'
    fixed = 'resource "a" "b" {\n  x = 1\n  y = 2\n}\n'
    finding = _finding("m.tf", original, 0, 8, [Edit(27, 27, "  y = 2\n")])
    comments, _ = review_comments([_result("m.tf", original, fixed, [finding])])
    assert len(comments) == 1
    assert comments[0]["line"] == 2 and "start_line" not in comments[0]
    assert suggestion_of(comments[0]["body"]) == "  x = 1\n  y = 2\n"
    assert apply_github(original, comments) == fixed


def test_insertion_at_the_top_takes_the_first_line() -> None:
    original = "a = 1\n"
    fixed = "# note\na = 1\n"
    finding = _finding("m.tf", original, 0, 5, [Edit(0, 0, "# note\n")])
    comments, _ = review_comments([_result("m.tf", original, fixed, [finding])])
    assert comments[0]["line"] == 1
    assert apply_github(original, comments) == fixed


def test_deletion_suggests_an_empty_block_and_multi_line_anchor() -> None:
    original = "a = 1\nb = 2\nc = 3\nd = 4\n"
    fixed = "a = 1\nd = 4\n"
    finding = _finding("m.tf", original, 6, 17, [Edit(6, 18, "")])
    comments, _ = review_comments([_result("m.tf", original, fixed, [finding])])
    assert (comments[0]["start_line"], comments[0]["line"]) == (2, 3)
    assert suggestion_of(comments[0]["body"]) == ""
    assert apply_github(original, comments) == fixed


def test_two_findings_in_one_hunk_get_one_suggestion() -> None:
    original = 'a  = "x"\nbb = "y"\n'
    fixed = 'a  = "X"\nbb = "Y"\n'
    first = _finding("m.tf", original, 0, 8, [Edit(5, 8, '"X"')])
    second = _finding("m.tf", original, 9, 17, [Edit(14, 17, '"Y"')])
    comments, _ = review_comments([_result("m.tf", original, fixed, [first, second])])
    with_suggestion = [c for c in comments if suggestion_of(c["body"]) is not None]
    assert len(comments) == 2 and len(with_suggestion) == 1
    other = next(c for c in comments if suggestion_of(c["body"]) is None)
    assert "Fixed by the suggestion on line 1" in other["body"]
    assert apply_github(original, comments) == fixed


def test_finding_without_fix_gets_a_plain_comment_on_its_lines() -> None:
    original = 'resource "a" "b" {\n  x = 1\n}\n'
    finding = _finding("m.tf", original, 0, len(original) - 1, None)
    comments, _ = review_comments([_result("m.tf", original, original, [finding])])
    assert (comments[0]["start_line"], comments[0]["line"]) == (1, 3)
    assert suggestion_of(comments[0]["body"]) is None


def test_unsafe_fix_not_applied_is_described_not_suggested() -> None:
    original = 'a = "x"\n'
    finding = _finding("m.tf", original, 0, 7, [Edit(4, 7, '"X"')], Applicability.UNSAFE)
    comments, _ = review_comments([_result("m.tf", original, original, [finding])])
    assert suggestion_of(comments[0]["body"]) is None
    assert "needs `tffix --write --unsafe-fixes`" in comments[0]["body"]


def test_fence_is_longer_than_any_backtick_run() -> None:
    assert suggestion_fence("no ticks") == "```"
    assert suggestion_fence("a ```` b ` c") == "`````"
    original = 'a = "x"\n'
    fixed = 'a = <<EOT\n````\nEOT\n'
    finding = _finding("m.tf", original, 0, 7, [Edit(4, 8, "<<EOT\n````\nEOT\n")])
    comments, _ = review_comments([_result("m.tf", original, fixed, [finding])])
    assert "`````suggestion\n" in comments[0]["body"]
    assert apply_github(original, comments) == fixed


def test_crlf_file_suggestions_keep_crlf() -> None:
    original = 'a = "x"\r\nb = 1\r\n'
    fixed = 'a = "X"\r\nb = 1\r\n'
    finding = _finding("m.tf", original, 0, 7, [Edit(4, 7, '"X"')])
    comments, _ = review_comments([_result("m.tf", original, fixed, [finding])])
    assert "\r" not in comments[0]["body"]
    assert apply_github(original, comments) == fixed
    document = to_rdjson([_result("m.tf", original, fixed, [finding])])
    assert apply_rdjson(original, "m.tf", document["diagnostics"]) == fixed


def test_no_final_newline() -> None:
    original = 'a = "x"'
    fixed = 'a = "X"'
    finding = _finding("m.tf", original, 0, 7, [Edit(4, 7, '"X"')])
    results = [_result("m.tf", original, fixed, [finding])]
    comments, _ = review_comments(results)
    assert apply_github(original, comments) == fixed
    document = to_rdjson(results)
    assert document["diagnostics"][0]["suggestions"][0]["range"]["end"] == {"line": 1, "column": 8}
    assert apply_rdjson(original, "m.tf", document["diagnostics"]) == fixed


def test_rdjson_columns_count_utf8_bytes() -> None:
    original = 'a = "é" # x\nb = "y"\n'
    start = original.index("#")
    finding = _finding("m.tf", original, start, start + 3, None)
    document = to_rdjson([_result("m.tf", original, original, [finding])])
    # "a = \"é\" " is 8 code points but 9 bytes: the comment starts at byte column 10.
    assert document["diagnostics"][0]["location"]["range"]["start"] == {"line": 1, "column": 10}
    assert finding.column == 9


def test_orphan_hunk_gets_its_own_comment() -> None:
    original = "a = 1\n\n\n\nz = 1\n"
    fixed = "a = 2\n\n\n\nz = 2\n"
    finding = _finding("m.tf", original, 0, 5, [Edit(4, 5, "2")])
    comments, _ = review_comments([_result("m.tf", original, fixed, [finding])])
    assert len(comments) == 2
    assert "further change" in comments[1]["body"]
    assert apply_github(original, comments) == fixed


def test_changed_lines_filter_keeps_only_touched_lines() -> None:
    original = "".join(f"v{i} = \"x\"\n" for i in range(1, 21))
    fixed = original.replace('v2 = "x"', 'v2 = "X"').replace('v15 = "x"', 'v15 = "X"')
    f2 = _finding("m.tf", original, original.index("v2 "), original.index("v2 ") + 8, [Edit(original.index("v2 ") + 5, original.index("v2 ") + 8, '"X"')])
    i15 = original.index("v15 ")
    f15 = _finding("m.tf", original, i15, i15 + 9, [Edit(i15 + 6, i15 + 9, '"X"')])
    results = [_result("m.tf", original, fixed, [f2, f15])]
    payload = to_github_review(results, changed={"m.tf": [(14, 16)]})
    assert [c["line"] for c in payload["comments"]] == [15]
    assert "1 more on lines this pull request does not touch" in payload["body"]
    assert review_comments(results, changed={"m.tf": [(1, 1)]})[0] == []  # line 2 untouched
    assert [c["line"] for c in review_comments(results, changed={"./m.tf": [(2, 2)]})[0]] == [2]
    # A comment that would reach outside GitHub's diff (3 lines of context) is left out.
    start, end = original.index("v2 "), original.index("v6 ") + 8
    wide = [_result("m.tf", original, original, [_finding("m.tf", original, start, end, None)])]
    assert review_comments(wide, changed={"m.tf": [(2, 2)]})[0] == []  # line 6 is 4 lines away
    kept = review_comments(wide, changed={"m.tf": [(3, 3)]})[0]
    assert [(c["start_line"], c["line"]) for c in kept] == [(2, 6)]


def test_parse_unified_diff() -> None:
    diff = (
        "diff --git a/x.tf b/x.tf\n--- a/x.tf\n+++ b/x.tf\n"
        "@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +22,0 @@\n-e\n-f\n"
        "diff --git a/gone.tf b/gone.tf\n--- a/gone.tf\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_unified_diff(diff) == {"x.tf": [(3, 3), (11, 12)]}


def test_line_hunks_merge_neighbouring_insertions() -> None:
    original = "a\nb\n"
    fixed = "x\na\ny\nb\n"
    hunks = line_hunks("m.tf", original, fixed)
    assert sum(len(h.old) for h in hunks) <= 2
    rebuilt = original.splitlines(keepends=True)
    for hunk in reversed(hunks):
        rebuilt[hunk.first_line - 1 : hunk.last_line] = list(hunk.new)
    assert "".join(rebuilt) == fixed


def test_payload_shape() -> None:
    original = 'a = "x"\n'
    fixed = 'a = "X"\n'
    finding = _finding("m.tf", original, 0, 7, [Edit(4, 7, '"X"')])
    payload = to_github_review([_result("m.tf", original, fixed, [finding])], commit_id="abc123")
    assert payload["event"] == "COMMENT" and payload["commit_id"] == "abc123"
    assert set(payload["comments"][0]) == {"path", "line", "side", "body"}
