"""The layout pipeline: tree -> rewritten token stream -> lines -> indent, spaces, alignment -> text."""

from __future__ import annotations

from ..syntax.nodes import Document
from .align import align_lines
from .indent import indent_lines
from .lines import split_lines
from .rewrites import rewrites
from .spacing import space_lines
from .stream import FTok, convert, render

__all__ = ["format_document", "format_tokens"]


def format_tokens(tokens: list[FTok]) -> None:
    """Lay out a token stream in place (hclwrite ``format``): only ``spaces`` change."""
    lines = split_lines(tokens)
    indent_lines(lines)
    space_lines(lines)
    align_lines(lines)


def format_document(doc: Document) -> str:
    """The text ``terraform fmt`` writes for a parsed file."""
    tokens, eof_spaces = convert(doc.tokens(), rewrites(doc))
    format_tokens(tokens)
    return render(tokens, eof_spaces)
