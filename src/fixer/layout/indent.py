"""Indentation: two spaces per bracket level carried into a line (hclwrite ``formatIndent``).

Each line's net bracket change (over its lead and assign cells, stopping at a
heredoc opener) is pushed on a stack when positive; a negative change pops
levels (partially, when it closes fewer brackets than a level opened). A line's
indentation is two spaces per level open at the start of the line, after the
closers it begins with are accounted for. Blank lines get no indentation at all.
"""

from __future__ import annotations

from .lines import Line, net_brackets
from .stream import NEWLINE

__all__ = ["indent_lines"]


def indent_lines(lines: list[Line]) -> None:
    """Set the spaces before the first token of every line."""
    indents: list[int] = []
    for line in lines:
        toks = line.tokens
        if not toks:
            continue
        first = toks[0]
        if first.type == NEWLINE:
            first.spaces = 0
            continue
        net = net_brackets(toks, 0, line.lead_end)
        if line.assign >= 0:
            net += net_brackets(toks, line.assign, line.assign_end)
        if net > 0:
            first.spaces = 2 * len(indents)
            indents.append(net)
        elif net < 0:
            closed = -net
            while closed > 0 and indents:
                top = indents[-1]
                if closed > top:
                    closed -= top
                    indents.pop()
                elif closed < top:
                    indents[-1] = top - closed
                    closed = 0
                else:
                    indents.pop()
                    closed = 0
            first.spaces = 2 * len(indents)
        else:
            first.spaces = 2 * len(indents)
