"""Spacing between the tokens of one cell (hclwrite ``spaceAfterToken`` / ``formatSpaces``).

Inside a cell every token after the first gets either one space or none before
it, decided by the token, the one before it and the one after it. In short:
one space between most tokens and around operators and ``=``; none around
``.`` and ``::``, before ``,`` and ``...``, between a name and ``(`` or ``[``,
inside ``[ ]``, ``( )`` and ``${ }``, or anywhere next to template text; one
space inside ``{ }`` unless it is empty; a ``-`` is a negation (no space after)
when what precedes it cannot end an operand. The first token of the assign
cell (the ``=``) and the comment cell are placed by :mod:`.align`.
"""

from __future__ import annotations

from .lines import Line
from .stream import (
    AND, BANG, BRACKET_CHANGE, CBRACE, CHEREDOC, COLON, COMMA, CONTROL, CQUOTE, DCOLON, DOT,
    ELLIPSIS, EQUAL, EQUALOP, GE, GT, IDENT, INTERP, LE, LT, MINUS, NEWLINE, NIL, NOTEQUAL,
    NUMBER, OBRACE, OBRACK, OHEREDOC, OPAREN, OQUOTE, OR, PERCENT, PLUS, QUESTION, QUOTEDLIT,
    SEQEND, SLASH, STAR, STRINGLIT, FTok,
)

__all__ = ["space_after", "space_lines"]

_NO_SPACE_TEMPLATE_SUBJECT = frozenset({QUOTEDLIT, STRINGLIT, OQUOTE, OHEREDOC})
_NO_SPACE_TEMPLATE_AFTER = frozenset({QUOTEDLIT, STRINGLIT, CQUOTE, CHEREDOC})
# Tokens after which a "-" must be a negation.
_NEGATION_CONTEXT = frozenset({
    NIL, OPAREN, OBRACE, OBRACK, EQUAL, COLON, COMMA, QUESTION,
    PLUS, STAR, SLASH, PERCENT, MINUS,
    EQUALOP, NOTEQUAL, GT, GE, LT, LE,
    AND, OR, BANG,
})
_NIL = FTok(NIL, "")


def space_after(subject: FTok, before: FTok, after: FTok) -> bool:
    """True when ``after`` should stand one space after ``subject`` (``before`` precedes it)."""
    s = subject.type
    a = after.type
    if a == NEWLINE or a == NIL:
        return False
    if s == IDENT and a == OPAREN:
        return False  # a function name and its "("
    if (s == IDENT and a == DCOLON) or (s == DCOLON and a == IDENT):
        return False  # provider::ns::fn
    if s == DOT or a == DOT:
        return False
    if a == COMMA or a == ELLIPSIS:
        return False
    if s == COMMA:
        return True
    if s in _NO_SPACE_TEMPLATE_SUBJECT or a in _NO_SPACE_TEMPLATE_AFTER:
        return False  # never add spaces inside template text
    if s == IDENT and before.type == IDENT and subject.text == "in":
        return True  # [for x in [foo]: x]
    if a == OBRACK and (s == IDENT or s == NUMBER or BRACKET_CHANGE.get(s, 0) < 0):
        return False  # an index
    if s == BANG:
        return False
    if s == MINUS:
        return before.type not in _NEGATION_CONTEXT
    if s == OBRACE or a == CBRACE:
        return not (s == OBRACE and a == CBRACE)  # "{ x }", but "{}"
    if (s == INTERP or s == CONTROL) and a == OBRACE:
        return True
    if s == CBRACE and a == SEQEND:
        return True
    if s == SEQEND and (a == INTERP or a == CONTROL):
        return False
    if BRACKET_CHANGE.get(s, 0) > 0:
        return False
    if BRACKET_CHANGE.get(a, 0) < 0:
        return False
    return True


def _space_cell(toks: list[FTok], start: int, end: int) -> None:
    before = _NIL
    for i in range(start, end - 1):
        subject = toks[i]
        after = toks[i + 1]
        after.spaces = 1 if space_after(subject, before, after) else 0
        before = subject


def space_lines(lines: list[Line]) -> None:
    """Set the spaces before every token of the lead and assign cells but their first."""
    for line in lines:
        toks = line.tokens
        lead_end = line.lead_end
        _space_cell(toks, 0, lead_end)
        if line.assign >= 0:
            toks[line.assign].spaces = 1
            _space_cell(toks, line.assign, line.assign_end)
