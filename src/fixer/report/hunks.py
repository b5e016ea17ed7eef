"""What the views share: positions from offsets, whole-line hunks of a fix, and which finding owns each.

A ``--write`` run may apply a fix over several rounds of the fix loop (a fix
that waited for an overlapping one, a fix of a fix), so the edits a finding
carries do not always add up to the text ``--write`` gives. The suggestion
views (GitHub, rdjson) therefore suggest the *whole-file* change instead: the
line hunks between the original and the fixed text, each widened to whole lines
(a pure insertion takes the line above it, or the line below at the top of a
file), which is exactly what GitHub applies when a suggestion is committed.
Each hunk is given to the first finding it touches (the finding's own lines or
the lines its fix edits); a hunk that touches none is an orphan and gets a
comment of its own.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..findings import Applicability, Finding
from ..reading import read_text

__all__ = [
    "Hunk",
    "line_hunks",
    "position",
    "utf8_column",
    "assign_hunks",
    "applied_by_write",
    "read_text",
    "unsafe_for",
    "help_uri",
    "DOCS_URL",
]

# The documentation of every rule is docs/rules.md in the repository; its anchors are the
# lower-case codes. One place to change when the docs move.
DOCS_URL = "https://github.com/tffix/tffix/blob/main/docs/rules.md"


def help_uri(code: str) -> str:
    """The stable documentation URL of a rule: ``DOCS_URL#<code lower-case>``."""
    return f"{DOCS_URL}#{code.lower()}"


@dataclass(frozen=True)
class Hunk:
    """Whole original lines ``first_line..last_line`` (1-based, inclusive) and what replaces them."""

    path: str
    first_line: int
    last_line: int
    old: tuple[str, ...]  # the original lines, with their line breaks
    new: tuple[str, ...]  # the replacement lines, with their line breaks

    @property
    def new_text(self) -> str:
        return "".join(self.new)


def _merge(spans: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            merged[-1] = [merged[-1][0], max(merged[-1][1], span[1]), merged[-1][2], max(merged[-1][3], span[3])]
        else:
            merged.append(span)
    return merged


def line_hunks(path: str, original: str, fixed: str) -> list[Hunk]:
    """The whole-line replacements that turn ``original`` into ``fixed``, in order.

    Every hunk replaces at least one original line, so it can be anchored on
    lines (a GitHub suggestion must be). An empty original cannot be anchored:
    no hunk is given for it.
    """
    if original == fixed or not original:
        return []
    a = original.splitlines(keepends=True)
    b = fixed.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:  # a pure insertion: take a neighbouring (unchanged) line with it
            if i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            else:
                i2, j2 = i2 + 1, j2 + 1
        spans.append([i1, i2, j1, j2])
    return [
        Hunk(path, i1 + 1, i2, tuple(a[i1:i2]), tuple(b[j1:j2]))
        for i1, i2, j1, j2 in _merge(spans)
    ]


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, the column in code points."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def utf8_column(text: str, offset: int) -> int:
    """1-based column of ``offset`` counted in UTF-8 bytes (reviewdog's unit)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return len(text[line_start:offset].encode("utf-8")) + 1


def unsafe_for(result: object, unsafe: bool | None) -> bool:
    """Whether unsafe fixes apply to ``result``'s file: ``unsafe`` when given (the command
    line's flag), else what its module's run used (``FileResult.unsafe``, from its configuration)."""
    return bool(getattr(result, "unsafe", False)) if unsafe is None else unsafe


def applied_by_write(finding: Finding, unsafe: bool) -> bool:
    """Whether ``tffix --write`` (with ``--unsafe-fixes`` when ``unsafe``) applies this finding's fix."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    return fix.applicability is Applicability.SAFE or (unsafe and fix.applicability is Applicability.UNSAFE)


def _footprint(finding: Finding, path: str, text: str) -> list[tuple[int, int]]:
    spans = [(finding.line, finding.end_line)]
    if finding.fix is not None:
        for edit in finding.fix.edits_for(path):
            first = position(text, edit.start)[0]
            last = position(text, max(edit.start, edit.end - 1))[0]
            spans.append((max(1, first - 1) if edit.start == edit.end else first, last))
    return spans


def assign_hunks(
    path: str, original: str, fixed: str, findings: list[Finding], unsafe: bool
) -> tuple[dict[int, list[Hunk]], list[Hunk]]:
    """Hunks by the index of the finding that carries them, and the orphans.

    A hunk goes to the first finding whose fix ``--write`` applies and that it
    touches; failing that, to the first finding it touches at all.
    """
    owned: dict[int, list[Hunk]] = {}
    orphans: list[Hunk] = []
    footprints = [_footprint(f, path, original) if f.path == path else [] for f in findings]
    for hunk in line_hunks(path, original, fixed):
        touching = [
            i for i, spans in enumerate(footprints)
            if any(a <= hunk.last_line and hunk.first_line <= b for a, b in spans)
        ]
        if not touching:
            orphans.append(hunk)
            continue
        fixing = [i for i in touching if applied_by_write(findings[i], unsafe)]
        owned.setdefault((fixing or touching)[0], []).append(hunk)
    return owned, orphans


def read_text(path: str, known: dict[str, str]) -> str | None:
    """The text of ``path`` as the run read it, else from disk (a file another fix also edits)."""
    if path in known:
        return known[path]
    try:
        return read_text(path)
    except ValueError:  # SourceError: not a readable regular text file
        return None
