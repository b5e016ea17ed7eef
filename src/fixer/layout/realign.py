"""Re-align the ``=`` runs that edits land in: the layout helper for fixers.

A fixer that inserts, replaces or removes attribute lines writes them in
canonical style, but the neighbouring lines were aligned for the old longest
name. :func:`realign` widens each edit so that it also rewrites the gap before
``=`` on every line of the alignment run the edit touches, as ``terraform fmt``
would align it, and changes nothing else: no other whitespace, no other run,
no trailing comments.

Runs are the ones ``terraform fmt`` sees (see :mod:`.lines` and :mod:`.align`):
consecutive lines each holding a single-line ``name = value``, in a body or in
a multi-line object. Widths are measured on the text as written (grapheme
clusters, from the start of the line), so in a file that is fmt-clean apart
from the edits the result is exactly what ``terraform fmt`` would produce.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from ..syntax.edits import Edit, apply_edits
from ..syntax.nodes import Document
from .lines import Line, split_lines
from .stream import convert
from .width import text_width

__all__ = ["realign", "keep_fmt_clean", "layout_blocks"]


def _line_span(text: str, line: Line) -> tuple[int, int]:
    """The offsets of a format line: from its physical line start to past its last token."""
    first = line.tokens[0]
    last = line.tokens[-1]
    return text.rfind("\n", 0, first.pos) + 1, last.pos + len(last.text)


def _runs(lines: list[Line]) -> list[list[Line]]:
    """The alignment runs: maximal groups of consecutive lines that have an assign cell."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.assign >= 0:
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _gap_fixes(text: str, run: list[Line]) -> list[tuple[int, int, str]]:
    """(start, end, spaces) for each gap before ``=`` in ``run`` that is not aligned yet."""
    widths = []
    for line in run:
        lead_last = line.tokens[line.assign - 1]
        line_start = text.rfind("\n", 0, line.tokens[0].pos) + 1
        lead_end = lead_last.pos + len(lead_last.text)
        widths.append((line, lead_end, text_width(text[line_start:lead_end])))
    widest = max(w for _, _, w in widths)
    fixes = []
    for line, lead_end, width in widths:
        eq = line.tokens[line.assign].pos
        gap = " " * (widest - width + 1)
        if text[lead_end:eq] != gap:
            fixes.append((lead_end, eq, gap))
    return fixes


def realign(text: str, doc: Document, edits: Iterable[Edit], *, edited: Document | None = None) -> list[Edit]:
    """Edits equivalent to ``edits`` plus the re-alignment of the ``=`` runs they land in.

    ``text`` is the original file and ``doc`` its tree (``fixer.parse(text)``);
    ``edits`` are non-overlapping edits on ``text`` that insert, replace or
    remove attribute lines (written with one space before ``=``). The result is
    a sorted list of non-overlapping edits on ``text``: each input edit, widened
    to cover every line of each run it touches whose alignment changes, with
    those lines' gaps before ``=`` set as ``terraform fmt`` sets them. Lines
    outside the touched runs are not part of any returned edit.

    A run is touched when one of its lines overlaps or borders the edited text,
    so removing the longest name of a run re-aligns the rest of it. Raises
    :class:`fixer.ParseError` when the edited text is not valid HCL, and
    ValueError when ``doc`` is not the tree of ``text`` or edits overlap.
    ``edited`` is the tree of the edited text when the caller has it (it is not
    parsed again).
    """
    from ..syntax.parser import parse

    if doc.eof.end_pos != len(text):
        raise ValueError("doc is not the tree of text")
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    if not ordered:
        return []
    new_text = apply_edits(text, ordered)

    # Where each edit's text lies in the new text, and how it shifts what follows.
    placed: list[tuple[int, int, int]] = []  # (new start, new end, length delta)
    shift = 0
    for edit in ordered:
        start = edit.start + shift
        delta = len(edit.replacement) - (edit.end - edit.start)
        placed.append((start, start + len(edit.replacement), delta))
        shift += delta

    tokens, _ = convert((edited if edited is not None else parse(new_text)).tokens())
    lines = split_lines(tokens)

    # Gap fixes of the runs the edits touch, and the spans they widen the edits to.
    # ``placed`` is sorted and without overlaps, so its ends are sorted too: a bisect
    # finds the first edit that may touch a run (the whole pass stays linear).
    spans = [(s, e) for s, e, _ in placed]
    ends = [e for _, e, _ in placed]
    fixes: list[tuple[int, int, str]] = []
    for run in _runs(lines):
        run_start = _line_span(new_text, run[0])[0]
        run_end = _line_span(new_text, run[-1])[1]
        i = bisect_left(ends, run_start)
        if i == len(placed) or placed[i][0] > run_end:
            continue
        run_fixes = _gap_fixes(new_text, run)
        if run_fixes:
            fixes.extend(run_fixes)
            starts = {f[0] for f in run_fixes}
            for line in run:
                ls, le = _line_span(new_text, line)
                if any(ls <= f < le for f in starts):
                    spans.append((ls, le))

    # Merge the spans (in new-text offsets) that overlap or touch.
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])

    # Every edit lies inside exactly one merged span: walk both in order, mapping each
    # span back to the old text by the shifts of the edits before it and inside it.
    fixes.sort()
    out: list[Edit] = []
    k = 0  # next edit in placed
    f = 0  # next gap fix
    shift_before = 0
    for s, e in merged:
        while k < len(placed) and placed[k][1] <= s and not (s <= placed[k][0] and placed[k][1] <= e):
            shift_before += placed[k][2]
            k += 1
        within = 0
        while k < len(placed) and s <= placed[k][0] and placed[k][1] <= e:
            within += placed[k][2]
            k += 1
        parts: list[str] = []
        pos = s
        while f < len(fixes) and fixes[f][0] < s:
            f += 1
        while f < len(fixes) and fixes[f][1] <= e:
            fs, fe, gap = fixes[f]
            parts.append(new_text[pos:fs])
            parts.append(gap)
            pos = fe
            f += 1
        parts.append(new_text[pos:e])
        out.append(Edit(s - shift_before, e - shift_before - within, "".join(parts)))
        shift_before += within
    return out


def keep_fmt_clean(text: str, edits: list[Edit]) -> list[Edit] | None:
    """``edits``, widened when needed so that a ``terraform fmt``-clean file stays clean.

    :func:`realign` handles the ``=`` runs; a fix can also shift what else fmt
    aligns, such as the column of trailing comments next to a longer value. When
    ``text`` was fmt-clean and the edited text is not, the result is the one
    edit that turns ``text`` into the formatted edited text (the span between
    the first and the last character that differ); otherwise ``edits`` as they
    are. None when the edits overlap, or when they make a fmt-clean file
    unparseable: an edit that cannot be verified is not offered.
    """
    from ..errors import ParseError
    from . import format_source

    try:
        after = apply_edits(text, edits)
        if format_source(text) != text:
            return list(edits)  # nothing to keep; the fix loop verifies that it parses
        formatted = format_source(after)
    except (ParseError, ValueError):
        return None
    if formatted == after:
        return list(edits)
    start = 0
    limit = min(len(text), len(formatted))
    while start < limit and text[start] == formatted[start]:
        start += 1
    end_old, end_new = len(text), len(formatted)
    while end_old > start and end_new > start and text[end_old - 1] == formatted[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return [Edit(start, end_old, formatted[start:end_new])]



def layout_blocks(text: str, doc: Document, edits: list[Edit]) -> list[Edit] | None:
    """``edits`` on a ``terraform fmt``-clean ``text``, each top-level block they touch laid out
    again as fmt would (the work is local to those blocks); None when an edit is not inside
    one top-level block (the caller formats the whole file instead), or a block does not parse.

    ``terraform fmt`` aligns nothing across top-level blocks, so a block can be formatted on
    its own: the result is what formatting the whole edited file would give there.
    """
    from ..errors import ParseError
    from ..syntax.edits import full_span
    from ..syntax.nodes import Block
    from . import format_source

    items = doc.body.items
    spans = [full_span(item) for item in items]
    starts = [start for start, _ in spans]
    touched: dict[int, list[Edit]] = {}
    for edit in edits:
        i = bisect_left(starts, edit.start + 1) - 1
        if i < 0 or not isinstance(items[i], Block) or not (spans[i][0] <= edit.start and edit.end <= spans[i][1]):
            return None
        if edit.start == spans[i][0] or edit.end == spans[i][1]:
            return None  # on the block's edge: it may join another item
        touched.setdefault(i, []).append(edit)
    out: list[Edit] = []
    for i, block_edits in sorted(touched.items()):
        start, end = spans[i]
        local = [Edit(e.start - start, e.end - start, e.replacement) for e in block_edits]
        try:
            edited = apply_edits(text[start:end], local)
            formatted = format_source(edited)
        except (ParseError, ValueError):
            return None
        if formatted == edited:
            out.extend(block_edits)
        else:
            out.append(Edit(start, end, formatted))
    return out
