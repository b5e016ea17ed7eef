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

from .nodes import Attribute, Block, Document, Expression, Node

__all__ = [
    "Edit",
    "apply_edits",
    "full_span",
    "set_attribute_value",
    "replace_expression",
    "rename_attribute",
    "remove_item",
    "append_block",
    "append_attribute",
    "indentation_of",
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


def indentation_of(node: Node, text: str) -> str:
    """The whitespace at the start of the line where ``node`` starts."""
    start = node.start
    line_start = text.rfind("\n", 0, start) + 1
    i = line_start
    while i < start and text[i] in " \t":
        i += 1
    return text[line_start:i]


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
