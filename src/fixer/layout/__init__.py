"""The layout engine: ``terraform fmt``, byte for byte, in Python.

The pipeline, one module per step:

* :mod:`.rewrites` — terraform's own token rewrites (``"${x}"`` -> ``x``, legacy
  variable types, quoted block labels);
* :mod:`.stream` — lexer tokens re-cut as hclsyntax tokens (newlines and
  comments are tokens, spaces are a count before each token);
* :mod:`.lines` — the stream cut into format lines with lead / assign / comment cells;
* :mod:`.indent` — two spaces per bracket level;
* :mod:`.spacing` — one space or none between the tokens of a cell;
* :mod:`.align` — ``=`` and trailing comments aligned across runs of lines;
* :mod:`.realign` — the helper fixers use to re-align the run an edit lands in.

Formatting is what ``terraform fmt`` writes to a file in place: a file without a
final newline stays without one. (``terraform fmt -`` reading stdin adds a final
newline when the result lacks one; that is a property of its output path, not of
the layout.)
"""

from __future__ import annotations

__all__ = ["format_source"]


def format_source(text: str) -> str:
    """Format HCL text as ``terraform fmt`` does; raises :class:`fixer.ParseError` on invalid input.

    CRLF line endings, heredoc bodies, string contents and comments are kept byte
    for byte; a UTF-8 BOM is dropped; tabs used as spacing become spaces.
    """
    from ..syntax.parser import parse
    from .engine import format_document

    return format_document(parse(text))
