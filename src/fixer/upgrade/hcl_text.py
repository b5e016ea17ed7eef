"""Text of moved HCL items for the upgrade codemods: their comments, indented for a new body."""

from __future__ import annotations

from typing import Callable

from ..syntax import nodes
from ..syntax.nodes import Block, EmptyLine

__all__ = ["comments_above", "trailing_comment", "loose_comments", "indented", "each_block"]


def comments_above(item) -> str:  # type: ignore[no-untyped-def]
    """The comment lines just above an attribute or block, one per line, de-indented."""
    return "".join(line + "\n" for line in nodes.comments_above(item))


def trailing_comment(item) -> str:  # type: ignore[no-untyped-def]
    """`` # comment`` at the end of an attribute's line, or ""."""
    comment = nodes.trailing_comment(item)
    return f" {comment}" if comment else ""


def loose_comments(block: Block) -> str:
    """Comment lines inside ``block`` that belong to no item (they move with the block)."""
    return "".join(i.newline.prefix.strip() + "\n" for i in block.body.items if type(i) is EmptyLine and i.comment)


def indented(source: str) -> str:
    """``source`` one level (two spaces) deeper, blank lines left blank."""
    return "".join(("  " + line if line.strip() else line) + "\n" for line in source.rstrip("\n").split("\n"))


def each_block(items: list, make: Callable[[Block], "str | None"]) -> list[str] | None:
    """``make`` of each item, or None when an item is no block or ``make`` gives None for one
    (a setting is moved whole or not at all)."""
    out = []
    for item in items:
        made = make(item) if type(item) is Block else None
        if made is None:
            return None
        out.append(made)
    return out
