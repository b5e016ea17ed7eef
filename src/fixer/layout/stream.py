"""The layout engine's token stream: the lexer's tokens re-cut the way hclwrite sees them.

``terraform fmt`` formats a flat list of hclsyntax tokens in which spaces are not
tokens (each token only remembers how many spaces stood before it), while
newlines and comments are. Our lexer keeps trivia in token prefixes instead, so
this module converts :func:`fixer.syntax.lexer.tokenize` output into
:class:`FTok` s that mirror hclsyntax's token list one for one:

* a newline in a prefix, or a significant ``NL`` token, becomes a ``Newline`` token;
* a ``#`` or ``//`` comment becomes a ``Comment`` token *including* the newline
  that ends it (hclsyntax does the same, so a comment counts as a line end);
  a ``/* */`` comment is a ``Comment`` token of its own;
* ``%{ if`` (one lexer token) becomes ``TemplateControl`` ``%{`` plus the keyword
  ``if`` as an ``Ident``; ``for``/``in``/``if`` keywords are plain ``Ident`` s;
* template text is ``QuotedLit`` inside ``"..."`` and ``StringLit`` in a heredoc.

Formatting then only ever rewrites ``FTok.spaces``; the bytes of every token,
heredoc bodies and string contents included, are written back untouched.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..syntax.tokens import Token

__all__ = ["FTok", "convert", "render", "BRACKET_CHANGE"]

# hclsyntax token type names used by the layout engine.
IDENT = "Ident"
NUMBER = "NumberLit"
NEWLINE = "Newline"
COMMENT = "Comment"
EQUAL = "Equal"
OBRACE, CBRACE = "OBrace", "CBrace"
OBRACK, CBRACK = "OBrack", "CBrack"
OPAREN, CPAREN = "OParen", "CParen"
COMMA, DOT, COLON, DCOLON = "Comma", "Dot", "Colon", "DoubleColon"
QUESTION, FATARROW, ELLIPSIS = "Question", "FatArrow", "Ellipsis"
STAR, PLUS, MINUS, SLASH, PERCENT = "Star", "Plus", "Minus", "Slash", "Percent"
EQUALOP, NOTEQUAL = "EqualOp", "NotEqual"
LT, GT, LE, GE = "LessThan", "GreaterThan", "LessThanEq", "GreaterThanEq"
AND, OR, BANG = "And", "Or", "Bang"
OQUOTE, CQUOTE, QUOTEDLIT, STRINGLIT = "OQuote", "CQuote", "QuotedLit", "StringLit"
OHEREDOC, CHEREDOC = "OHeredoc", "CHeredoc"
INTERP, CONTROL, SEQEND = "TemplateInterp", "TemplateControl", "TemplateSeqEnd"
NIL = "Nil"

# Lexer terminal -> hclsyntax token type (TLIT, DIR_* and NL are handled apart).
_TYPES = {
    "IDENT": IDENT, "FOR": IDENT, "IN": IDENT, "IF": IDENT, "NUMBER": NUMBER,
    "EQ": EQUAL, "LBRACE": OBRACE, "RBRACE": CBRACE, "LBRACK": OBRACK, "RBRACK": CBRACK,
    "LPAREN": OPAREN, "RPAREN": CPAREN, "COMMA": COMMA, "DOT": DOT, "COLON": COLON,
    "DCOLON": DCOLON, "QMARK": QUESTION, "FATARROW": FATARROW, "ELLIPSIS": ELLIPSIS,
    "STAR": STAR, "PLUS": PLUS, "MINUS": MINUS, "SLASH": SLASH, "PERCENT": PERCENT,
    "EQEQ": EQUALOP, "NEQ": NOTEQUAL, "LT": LT, "GT": GT, "LE": LE, "GE": GE,
    "AND": AND, "OR": OR, "BANG": BANG, "OQUOTE": OQUOTE, "CQUOTE": CQUOTE,
    "INTERP_OPEN": INTERP, "TCLOSE": SEQEND, "HEREDOC_OPEN": OHEREDOC,
    "HEREDOC_CLOSE": CHEREDOC,
}

# hclwrite's tokenBracketChange: what a token does to the bracket depth.
BRACKET_CHANGE = {
    OBRACE: 1, OBRACK: 1, OPAREN: 1, CONTROL: 1, INTERP: 1,
    CBRACE: -1, CBRACK: -1, CPAREN: -1, SEQEND: -1,
}

_TRIVIA = re.compile(
    r"(?P<ws>[ \t\ufeff]+)|(?P<nl>\r?\n)|(?P<lc>(?:#|//)(?:[^\r\n]|\r(?!\n))*(?:\r?\n)?)|(?P<bc>/\*.*?\*/)",
    re.S,
)
_DIRECTIVE = re.compile(r"(%\{~?)([ \t\r\n]*)(\w+)")


class FTok:
    """One hclsyntax-shaped token: its type, its bytes, and the spaces written before it."""

    __slots__ = ("type", "text", "spaces", "pos")

    def __init__(self, type: str, text: str, spaces: int = 0, pos: int = -1) -> None:
        self.type = type  # hclsyntax token type name, e.g. "Ident", "OBrace"
        self.text = text  # the token's text, written back unchanged
        self.spaces = spaces  # spaces before the token (set by the formatter)
        self.pos = pos  # offset of ``text`` in the source, -1 for a token made by a rewrite

    def __repr__(self) -> str:
        return f"FTok({self.type}, {self.text!r}, {self.spaces})"


def _trivia(prefix: str, out: list[FTok], base: int) -> int:
    """Append the Newline/Comment tokens of ``prefix``; return the spaces left before the next token.

    ``base`` is the offset of the prefix in the source. A line comment takes
    the newline that follows it, as in hclsyntax. The
    result is -1 when the prefix ends in a line comment still waiting for its
    newline (the next token is then that newline).
    """
    spaces = 0
    open_comment = False
    for m in _TRIVIA.finditer(prefix):
        kind = m.lastgroup
        text = m.group()
        if kind == "ws":
            spaces = len(text.encode("utf-8")) if "\ufeff" in text else len(text)
            open_comment = False
            continue
        out.append(FTok(NEWLINE if kind == "nl" else COMMENT, text, spaces, base + m.start()))
        spaces = 0
        open_comment = kind == "lc" and text[-1] != "\n"
    return -1 if open_comment else spaces


def convert(
    tokens: Iterable[Token],
    replacements: dict[int, tuple[int, list[FTok], bool]] | None = None,
    *,
    skip_first_prefix: bool = False,
) -> tuple[list[FTok], int]:
    """Re-cut lexer tokens into FToks; return them and the spaces before the end of the file.

    ``replacements`` maps the start offset of a lexer token to ``(end offset,
    tokens, drop_prefix)``: the lexer tokens from there up to that end offset
    are replaced by the given FToks. The trivia inside the replaced range goes
    with it; the trivia before it is kept unless ``drop_prefix`` is true.
    ``skip_first_prefix`` drops the first token's prefix (used to convert a
    lone expression).
    """
    out: list[FTok] = []
    append = out.append
    templates: list[bool] = []  # open templates, innermost last: True = quoted, False = heredoc
    skip_to = -1
    eof_spaces = 0
    first = True
    for tok in tokens:
        if skip_to >= 0:
            if tok.end_pos >= skip_to:
                skip_to = -1
            continue
        prefix = tok.prefix
        if first and skip_first_prefix:
            prefix = ""
        first = False
        ttype = tok.type
        value = tok.value
        rep = None
        if replacements is not None and value:
            rep = replacements.get(tok.start_pos)
            if rep is not None and rep[2]:
                prefix = ""
        if not prefix:
            spaces = 0
        elif prefix == " ":
            spaces = 1
        else:
            spaces = _trivia(prefix, out, tok.start_pos - len(prefix))
            if spaces < 0:
                spaces = 0
                if ttype == "NL" and value:
                    # "# comment" then its newline: one Comment token, as in hclsyntax.
                    out[-1].text += value
                    continue
        if rep is not None:
            end, new, _ = rep
            if new:
                new[0].spaces = spaces
            out.extend(new)
            if tok.end_pos < end:
                skip_to = end
            continue
        if ttype == "EOF":
            eof_spaces = spaces
            break
        if ttype == "NL":
            if value:
                append(FTok(NEWLINE, value, spaces, tok.start_pos))
            continue
        mapped = _TYPES.get(ttype)
        if mapped is not None:
            append(FTok(mapped, value, spaces, tok.start_pos))
            if ttype == "OQUOTE":
                templates.append(True)
            elif ttype == "HEREDOC_OPEN":
                templates.append(False)
            elif ttype == "CQUOTE" or ttype == "HEREDOC_CLOSE":
                templates.pop()
            continue
        if ttype == "TLIT":
            append(FTok(QUOTEDLIT if templates and templates[-1] else STRINGLIT, value, spaces, tok.start_pos))
            continue
        # DIR_IF / DIR_ELSE / DIR_ENDIF / DIR_FOR / DIR_ENDFOR: "%{" + trivia + keyword.
        m = _DIRECTIVE.match(value)
        assert m is not None, value
        append(FTok(CONTROL, m.group(1), spaces, tok.start_pos))
        inner = max(_trivia(m.group(2), out, tok.start_pos + m.start(2)), 0) if m.group(2) else 0
        append(FTok(IDENT, m.group(3), inner, tok.start_pos + m.start(3)))
    return out, eof_spaces


def render(tokens: list[FTok], eof_spaces: int = 0) -> str:
    """Write the tokens back: each token's spaces, then its text."""
    parts: list[str] = []
    append = parts.append
    for t in tokens:
        if t.spaces:
            append(" " * t.spaces)
        append(t.text)
    if eof_spaces:
        append(" " * eof_spaces)
    return "".join(parts)
