"""Token stream -> format lines, each split into hclwrite's three cells.

A format line is the tokens up to and including a ``Newline`` token or a line
comment (which carries its own newline). Heredoc bodies are ``StringLit`` text,
not newlines, so an attribute holding a heredoc is one format line.

Each line is cut into cells (hclwrite ``formatLine``):

* ``lead``: everything up to one of the others (always present);
* ``assign``: from the first ``=`` (not the line's first token) to the end, but
  only when the brackets from that ``=`` on balance, i.e. the value does not
  open a multi-line expression (``${`` / ``}`` inside a heredoc count too: a
  newline inside a heredoc's interpolation ends the format line);
* ``comment``: a trailing comment, when the line holds something before it.

The cells are the columns that :mod:`.align` lines up across neighbouring lines.
"""

from __future__ import annotations

from .stream import BRACKET_CHANGE, COMMENT, EQUAL, NEWLINE, OHEREDOC, FTok

__all__ = ["Line", "split_lines", "net_brackets"]


class Line:
    """One format line: its tokens and where its cells start."""

    __slots__ = ("tokens", "assign", "comment")

    def __init__(self, tokens: list[FTok]) -> None:
        self.tokens = tokens  # every token of the line, its newline (or comment) last
        self.assign = -1  # index of the first "assign" token ("="), or -1
        self.comment = False  # True when the last token is the "comment" cell

    @property
    def lead_end(self) -> int:
        """Index just past the lead cell."""
        if self.assign >= 0:
            return self.assign
        return len(self.tokens) - 1 if self.comment else len(self.tokens)

    @property
    def assign_end(self) -> int:
        """Index just past the assign cell (== its start when there is none)."""
        return len(self.tokens) - 1 if self.comment else len(self.tokens)


def net_brackets(tokens: list[FTok], start: int, end: int, stop_at_heredoc: bool = True) -> int:
    """Sum of bracket changes over ``tokens[start:end]``.

    With ``stop_at_heredoc`` the count stops after a heredoc opener (what the
    indentation pass does); without it, ``${`` and ``}`` inside the heredoc count
    too (what the assign-cell test does).
    """
    net = 0
    get = BRACKET_CHANGE.get
    for i in range(start, end):
        tok = tokens[i]
        net += get(tok.type, 0)
        if stop_at_heredoc and tok.type == OHEREDOC:
            break
    return net


def split_lines(tokens: list[FTok]) -> list[Line]:
    """Cut the token stream into format lines and find each line's cells."""
    lines: list[Line] = []
    start = 0
    n = len(tokens)
    for i in range(n):
        tok = tokens[i]
        ttype = tok.type
        if ttype == NEWLINE or (ttype == COMMENT and tok.text[-1] == "\n"):
            lines.append(Line(tokens[start : i + 1]))
            start = i + 1
    if start < n:
        lines.append(Line(tokens[start:]))
    for line in lines:
        toks = line.tokens
        end = len(toks)
        if end > 1 and toks[-1].type == COMMENT:
            line.comment = True
            end -= 1
        for i in range(1, end):
            if toks[i].type == EQUAL:
                if net_brackets(toks, i, end, stop_at_heredoc=False) == 0:
                    line.assign = i
                break
    return lines
