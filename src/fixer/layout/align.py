"""Vertical alignment across neighbouring lines (hclwrite ``formatCells``).

Two passes over runs of consecutive format lines:

* lines that each have an assign cell form a run; the ``=`` of every line in
  it stands one space after the widest lead (names, indentation included);
* lines that each end in a trailing comment form a run; every comment stands
  one space after the widest lead + assign of the run.

Any line without the cell ends the run: a blank line, a comment-only line, a
block header, a line opening a multi-line value. Widths are counted in
grapheme clusters, as hclwrite does.
"""

from __future__ import annotations

from .lines import Line
from .width import text_width

__all__ = ["align_lines", "columns"]


def columns(toks, start: int, end: int) -> int:
    """Display width of ``toks[start:end]``, the spaces before each token included."""
    total = 0
    for i in range(start, end):
        tok = toks[i]
        total += tok.spaces + text_width(tok.text)
    return total


def align_lines(lines: list[Line]) -> None:
    """Align the ``=`` of attribute runs, then the trailing comments of comment runs."""
    run: list[tuple[Line, int]] = []
    widest = 0
    for line in lines + [None]:  # type: ignore[operator]
        if line is not None and line.assign >= 0:
            width = columns(line.tokens, 0, line.assign)
            run.append((line, width))
            if width > widest:
                widest = width
            continue
        for member, width in run:
            member.tokens[member.assign].spaces = widest - width + 1
        run = []
        widest = 0

    for line in lines + [None]:  # type: ignore[operator]
        if line is not None and line.comment:
            width = columns(line.tokens, 0, len(line.tokens) - 1)
            run.append((line, width))
            if width > widest:
                widest = width
            continue
        for member, width in run:
            member.tokens[-1].spaces = widest - width + 1
        run = []
        widest = 0
