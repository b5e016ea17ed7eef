"""Text edits on the original file, built from tree nodes (hclwrite's body API).

Rules never rebuild a file: they describe a change as :class:`Edit` s over the
original text (``start``, ``end``, ``replacement``), so every byte outside the
edited ranges stays as it was. The builders here speak the user's language:
set an attribute's value, rename it, remove an item with the comments that
belong to it, append a block or an attribute to a body.

New lines are indented two spaces per level, as ``terraform fmt`` does; the
re-alignment of ``=`` across a run of attributes is the layout engine's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from .nodes import Attribute, Block, Body, Document, EmptyLine, Expression, Node

__all__ = [
    "Edit",
    "apply_edits",
    "full_span",
    "set_attribute_value",
    "replace_expression",
    "rename_attribute",
    "remove_item",
    "remove_items",
    "insert_after",
    "replace_item",
    "parent_body",
    "append_block",
    "append_attribute",
    "indentation_of",
    "line_start",
    "dedent_lines",
    "block_source",
]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int  # offset of the first replaced character
    end: int  # offset just past the last replaced character (== start for an insertion)
    replacement: str  # the new text

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit range {self.start}..{self.end}")


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text``; raises ValueError on an overlap."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out: list[str] = []
    pos = 0
    for edit in ordered:
        if edit.start < pos:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        if edit.end > len(text):
            raise ValueError(f"edit past the end of the text at offset {edit.end}")
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def full_span(node: Node) -> tuple[int, int]:
    """The node's range including its leading trivia (for a body item: its whole lines)."""
    first = node.first_token()
    return first.start_pos - len(first.prefix), node.last_token().end_pos


def set_attribute_value(attribute: Attribute, value_source: str) -> Edit:
    """Replace the attribute's expression, keeping the name, ``=`` and any trailing comment."""
    return replace_expression(attribute.value, value_source)


def replace_expression(expression: Expression, source: str) -> Edit:
    """Replace an expression's text (its leading whitespace stays)."""
    return Edit(expression.start, expression.end, source)


def rename_attribute(attribute: Attribute, new_name: str) -> Edit:
    """Rename an attribute in place."""
    return Edit(attribute.name.start_pos, attribute.name.end_pos, new_name)


def remove_item(item: Union[Attribute, Block]) -> Edit:
    """Remove an attribute or block with its comment lines and its line ending."""
    start, end = full_span(item)
    return Edit(start, end, "")


def parent_body(root: Body, target: Node) -> Body | None:
    """The body whose items hold ``target`` (an attribute, block or line), searching down from ``root``."""
    stack: list[Body] = [root]
    while stack:
        body = stack.pop()
        for item in body.items:
            if item is target:
                return body
            if isinstance(item, Block):
                stack.append(item.body)
    return None


def remove_items(body: Body, doomed: Iterable[Node]) -> list[Edit]:
    """Remove items of ``body`` with their comment lines, and the blank lines the removal would
    leave doubled, or dangling at the start or end of the body (hclwrite's ``RemoveBlock``).

    A run of blank lines the removal joins keeps the length of its longest stretch
    that was already adjacent; blank lines left at the start or the end of the body
    go, unless they were there before.
    """
    items = body.items
    ids = {id(d) for d in doomed}
    removed = {i for i, item in enumerate(items) if id(item) in ids}
    drop = sorted(removed | {items.index(b) for b in _blank_removals(items, removed)})
    spans: list[list[int]] = []
    for i in drop:
        start, end = full_span(items[i])
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [Edit(start, end, "") for start, end in spans]


def _is_blank(item: object) -> bool:
    return isinstance(item, EmptyLine) and item.comment is None


def _blank_removals(items: tuple, removed: set[int]) -> list[EmptyLine]:
    extra: list[EmptyLine] = []
    n = len(items)
    kept = [i for i in range(n) if i not in removed]
    k = 0
    while k < len(kept):
        if not _is_blank(items[kept[k]]):
            k += 1
            continue
        run = [kept[k]]
        while k + 1 < len(kept) and _is_blank(items[kept[k + 1]]):
            k += 1
            run.append(kept[k])
        k += 1
        joined = any(i in removed for i in range(run[0], run[-1] + 1))
        at_start = all(i in removed or _is_blank(items[i]) for i in range(0, run[0]))
        at_end = all(i in removed or _is_blank(items[i]) for i in range(run[-1] + 1, n))
        if at_start:
            allowed = sum(1 for i in run if all(j not in removed and _is_blank(items[j]) for j in range(0, i)))
            extra.extend(items[i] for i in run[allowed:])
        elif at_end:
            allowed = sum(1 for i in run if all(j not in removed and _is_blank(items[j]) for j in range(i + 1, n)))
            extra.extend(items[i] for i in run[: len(run) - allowed])
        elif joined:
            longest, current, last = 0, 0, -2
            for i in run:
                current = current + 1 if i == last + 1 else 1
                longest = max(longest, current)
                last = i
            extra.extend(items[i] for i in run[longest:])
    return extra


def insert_after(item: Union[Attribute, Block], source: str, text: str, *, blank_line: bool = False) -> Edit:
    """Add ``source`` (written at column 1, ``\n`` line endings) on the lines after ``item``,
    indented like it; ``blank_line`` puts a blank line between them."""
    newline = "\r\n" if "\r\n" in text else "\n"
    end = item.newline.end_pos if item.newline is not None else item.end  # type: ignore[union-attr]
    lead = "" if item.newline is not None else newline
    if blank_line:
        lead += newline
    return Edit(end, end, lead + _indent_lines(source, indentation_of(item, text), newline))


def replace_item(item: Union[Attribute, Block], source: str, text: str) -> Edit:
    """Replace the lines of ``item`` (not its comment lines above) with ``source`` (written at
    column 1, ``\n`` line endings), indented like it; ValueError in a one-line block."""
    newline = "\r\n" if "\r\n" in text else "\n"
    end = item.newline
    if end is None:
        raise ValueError("the item is inside a one-line block")
    return Edit(line_start(text, item.start), end.end_pos, _indent_lines(source, indentation_of(item, text), newline))


def indentation_of(node: Node, text: str) -> str:
    """The whitespace at the start of the line where ``node`` starts."""
    start = node.start
    first = i = line_start(text, start)
    while i < start and text[i] in " \t":
        i += 1
    return text[first:i]


def line_start(text: str, offset: int) -> int:
    """The offset where the line holding ``offset`` starts."""
    return text.rfind("\n", 0, offset) + 1


def dedent_lines(text: str, start: int, end: int, width: int = 2) -> list[Edit]:
    """Edits removing ``width`` leading spaces from every non-blank line that starts in
    ``[start, end)`` (a line indented less is left as it is)."""
    edits = []
    pos = line_start(text, start)
    if pos < start:
        pos = text.find("\n", start) + 1
        if pos == 0:
            return edits
    margin = " " * width
    while pos < end:
        line_end = text.find("\n", pos)
        line = text[pos:] if line_end < 0 else text[pos:line_end]
        if line.strip() and line.startswith(margin):
            edits.append(Edit(pos, pos + width, ""))
        if line_end < 0:
            break
        pos = line_end + 1
    return edits


def block_source(header: str, *lines: str) -> str:
    """``header { ... }`` written at column 1 with ``\n`` endings, each of ``lines`` (which may
    hold several lines: a nested block) one level in; an empty line stays empty.
    ``block_source("monitoring", "enabled = true")`` is ``"monitoring {\n  enabled = true\n}"``."""
    body = "".join(("  " + line if line.strip() else "") + "\n" for text in lines for line in text.split("\n"))
    return f"{header} {{\n{body}}}"


def _indent_lines(source: str, indent: str, newline: str) -> str:
    lines = source.strip("\n").split("\n")
    return "".join((indent + line if line.strip() else "") + newline for line in lines)


def append_block(parent: Union[Block, Document], block_source: str, text: str) -> Edit:
    """Add a block at the end of ``parent``'s body, indented one level below it.

    ``block_source`` is the block as it would be written at column 1, with
    ``\\n`` line endings; it is re-indented and given the file's line ending.
    A blank line separates it from the item before, as ``terraform fmt`` users expect.
    """
    return _append(parent, block_source, text, blank_line=True)


def append_attribute(parent: Union[Block, Document], name: str, value_source: str, text: str) -> Edit:
    """Add ``name = value`` as the last attribute line of ``parent``'s body."""
    return _append(parent, f"{name} = {value_source}", text, blank_line=False)


def _append(parent: Union[Block, Document], source: str, text: str, blank_line: bool) -> Edit:
    newline = "\r\n" if "\r\n" in text else "\n"
    if isinstance(parent, Document):
        body_items = parent.body.items
        insert_at = len(text)
        indent = ""
        lead = ""
        if text and not text.endswith("\n"):
            lead = newline
        if blank_line and body_items:
            lead += newline
        return Edit(insert_at, insert_at, lead + _indent_lines(source, indent, newline))
    if parent.is_one_line:
        raise ValueError("cannot append to a one-line block; rewrite it as a multi-line block first")
    indent = indentation_of(parent, text) + "  "
    # Insert just before the line that holds the closing brace.
    close = parent.close_brace
    insert_at = close.start_pos - len(close.prefix)
    lead = newline if blank_line and parent.body.items else ""
    return Edit(insert_at, insert_at, lead + _indent_lines(source, indent, newline))
