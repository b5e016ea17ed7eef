"""The context-sensitive lexer for HCL native syntax.

HCL cannot be tokenised by a context-free lexer: inside ``"..."`` and heredocs
the text is template literal with ``${...}`` and ``%{...}`` sequences; a
newline ends an attribute in a body or an object but is mere whitespace inside
``(...)``, ``[...]``, ``${...}`` and ``for`` expressions; ``{`` opens a block
body after a block header and an object everywhere else. This lexer keeps a
stack of contexts to decide all of that, and hands lark's LALR parser a stream
of :class:`~fixer.syntax.tokens.Token` whose ``prefix`` carries the trivia, so
nothing is ever thrown away.

The behaviour follows hashicorp/hcl ``hclsyntax`` (``scan_tokens.rl``,
``parser.go``, ``peeker.go``) and its ``spec.md``.
"""

from __future__ import annotations

import re
from array import array
from typing import Iterator

from .tokens import Token

__all__ = ["tokenize", "LexError"]


class LexError(Exception):
    """A lexical error at an offset; the parser turns it into a ParseError."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


# --- contexts -----------------------------------------------------------------
# Each context is a small mutable list: [kind, phase, closer].
ROOT = 0  # the file's top-level body
BODY = 1  # a block body: newlines significant
OBJECT = 2  # an object constructor: newlines significant
FOR = 3  # a for expression in [...] or {...}: newlines insignificant
TUPLE = 4  # [...]
PAREN = 5  # (...) and function arguments
INTERP = 6  # ${...}
DIRECTIVE = 7  # %{...}
QUOTED = 8  # "..." template
HEREDOC = 9  # <<EOT template

_NL_SIGNIFICANT = (True, True, True, False, False, False, False, False)

# Body phases: where in an item the lexer stands.
P_START, P_NAME, P_HEADER, P_EXPR, P_AFTER = range(5)
# For phases.
F_AWAIT, F_HEAD, F_BODY = range(3)

# --- regular expressions ---------------------------------------------------------
# A line comment runs to the end of the line, a lone CR included (HCL's scanner ends it at
# "\n" or "\r\n" only: scan_tokens.rl, Comment = "#" (any - EndOfLine)* EndOfLine).
_LINE_COMMENT_BODY = r"(?:[^\r\n]|\r(?!\n))*"
_TRIVIA = re.compile(
    r"(?:[ \t]+|#" + _LINE_COMMENT_BODY + r"|//" + _LINE_COMMENT_BODY + r"|/\*.*?\*/)*", re.S
)
_TRIVIA_NL = re.compile(
    r"(?:[ \t]+|\r?\n|#" + _LINE_COMMENT_BODY + r"|//" + _LINE_COMMENT_BODY + r"|/\*.*?\*/)*", re.S
)
_FOR_WORD = re.compile(r"for(?![\w-])")

_TOKEN_PATTERN = "|".join(
    [
        r"(?P<NL>\r?\n)",
        # ASCII names here; a name with other characters is cut to HCL's rule in _identifier.
        r"(?P<IDENT>[A-Za-z_\u0080-\U0010FFFF][\w\-\u0080-\U0010FFFF]*)",
        r"(?P<NUMBER>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)",
        r"(?P<HEREDOC_OPEN><<-?[^\W\d][\w-]*\r?\n)",
        r"(?P<OP>==|!=|<=|>=|&&|\|\||=>|\.\.\.|::|~\}|[=<>!+\-*/%?:,.(){}\[\]])",
        r'(?P<OQUOTE>")',
    ]
)
_TOKEN = re.compile(_TOKEN_PATTERN)
_DIGITS = re.compile(r"[0-9]+")
# Trivia, then a token. The trivia is matched inside a look-ahead and taken with a
# back-reference (an atomic group that Python 3.10 can read), so that a failed
# token never makes the trivia give back a comment to be lexed as "/" or "#".
_TRIVIA_TOKEN = re.compile(r"(?=(" + _TRIVIA.pattern + r"))\1(?:" + _TOKEN_PATTERN + ")", re.S)
_TRIVIA_NL_TOKEN = re.compile(r"(?=(" + _TRIVIA_NL.pattern + r"))\1(?:" + _TOKEN_PATTERN + ")", re.S)

_OPS = {
    "==": "EQEQ",
    "!=": "NEQ",
    "<=": "LE",
    ">=": "GE",
    "&&": "AND",
    "||": "OR",
    "=>": "FATARROW",
    "...": "ELLIPSIS",
    "::": "DCOLON",
    "=": "EQ",
    "<": "LT",
    ">": "GT",
    "!": "BANG",
    "+": "PLUS",
    "-": "MINUS",
    "*": "STAR",
    "/": "SLASH",
    "%": "PERCENT",
    "?": "QMARK",
    ":": "COLON",
    ",": "COMMA",
    ".": "DOT",
}

# Literal text of a quoted template: escapes, the $${ and %%{ escapes, and a lone $ or %.
_QUOTED_LIT = re.compile(r"(?:\\.|\$\$\{|%%\{|\$(?!\{)|%(?!\{)|[^\"\\$%\r\n])+")
_ESCAPE = re.compile(r"\\(?:[nrt\"\\]|u(?P<u>[0-9A-Fa-f]{4})|U(?P<U>[0-9A-Fa-f]{8})|(?P<bad>))")
_LONE_CR = re.compile(r"\r(?!\n)")
_DIRECTIVE = re.compile(r"%\{(~?)[ \t\r\n]*(if|else|endif|for|endfor)(?![\w-])")
_DIRECTIVE_TYPES = {
    "if": "DIR_IF",
    "else": "DIR_ELSE",
    "endif": "DIR_ENDIF",
    "for": "DIR_FOR",
    "endfor": "DIR_ENDFOR",
}
_heredoc_patterns: dict[str, re.Pattern[str]] = {}


def _heredoc_pattern(marker: str) -> re.Pattern[str]:
    pattern = _heredoc_patterns.get(marker)
    if pattern is None:
        pattern = re.compile(
            r"(?P<esc>\$\$\{|%%\{)|(?P<open>\$\{|%\{)|(?P<end>^[ \t]*"
            + re.escape(marker)
            + r"[ \t]*(?=\r?\n|\Z))",
            re.M,
        )
        _heredoc_patterns[marker] = pattern
    return pattern


def _is_unicode_scalar(code: int) -> bool:
    """Whether ``\\u``/``\\U`` may name ``code``: HCL takes a rune Go can encode (utf8.RuneLen
    is -1 for a surrogate, U+D800-U+DFFF, and above U+10FFFF), as ``"\\ud800"`` is refused."""
    return code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF


def _identifier(candidate: str) -> str:
    """The longest prefix of ``candidate`` that is an HCL name.

    HCL names follow Unicode's identifier rules (UAX #31: ID_Start, then ID_Continue or
    ``-``), as Python's own names do (``str.isidentifier``, which also admits ``_`` first),
    so ``x³`` is cut to ``x`` and ``³`` is no name at all.
    """
    if not candidate[0].isidentifier():
        return ""
    for i in range(1, len(candidate)):
        c = candidate[i]
        if c != "-" and not ("a" + c).isidentifier():
            return candidate[:i]
    return candidate


def tokenize(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text``; the last one is ``EOF``.

    Joining ``prefix + value`` of every token gives back ``text`` exactly.
    Raises :class:`LexError` on text that is not HCL at the lexical level.
    """
    pos = 0
    n = len(text)
    line = 1
    line_start = 0
    stack: list[list] = [[ROOT, P_START, None]]
    last_type = "NL"  # the type of the last token handed out
    emitted = False

    # Offsets where each line starts; tokens keep a reference to it and compute
    # their ``start_pos`` from their line and column (see Token).
    lines = array("q", (0,))  # 8 bytes a line
    add_line = lines.append

    def advance(chunk: str, at: int) -> None:
        nonlocal line, line_start
        k = chunk.count("\n")
        if k:
            line += k
            i = chunk.index("\n")
            while True:
                add_line(at + i + 1)
                k -= 1
                if not k:
                    break
                i = chunk.index("\n", i + 1)
            line_start = at + i + 1

    # One string object per distinct prefix and value: indentation, names and
    # common literals repeat all over a file, and a tree of a large file would
    # otherwise hold a copy of each occurrence.
    intern = {}.setdefault

    bom = 1 if text.startswith("\ufeff") else 0  # a BOM is trivia of the first token
    pos = bom

    while True:
        ctx = stack[-1]
        kind = ctx[0]

        # ---- template text ----------------------------------------------------
        if kind == QUOTED:
            if pos >= n:
                raise LexError("unterminated string: expected a closing '\"'", ctx[2])
            c = text[pos]
            if c == '"':
                tok = Token("CQUOTE", "", '"', lines, line, pos - line_start + 1)
                pos += 1
                stack.pop()
                yield tok
                last_type = "CQUOTE"
                continue
            if c == "$" and text.startswith("${", pos):
                value = "${~" if text.startswith("${~", pos) else "${"
                tok = Token("INTERP_OPEN", "", value, lines, line, pos - line_start + 1)
                pos += len(value)
                stack.append([INTERP, 0, pos])
                yield tok
                last_type = "INTERP_OPEN"
                continue
            if c == "%" and text.startswith("%{", pos):
                tok = _directive(text, pos, lines, line, line_start, stack)
                yield tok
                advance(tok.value, pos)
                pos += len(tok.value)
                last_type = tok.type
                continue
            m = _QUOTED_LIT.match(text, pos)
            if m is not None:
                value = m.group()
                if "\\" in value:
                    for esc in _ESCAPE.finditer(value):
                        if esc.group("bad") is not None:
                            raise LexError(
                                "invalid escape sequence: expected one of \\n \\r \\t \\\" \\\\ "
                                "\\uXXXX \\UXXXXXXXX",
                                pos + esc.start(),
                            )
                        digits = esc.group("u") or esc.group("U")
                        if digits is not None and not _is_unicode_scalar(int(digits, 16)):
                            raise LexError(
                                f"invalid escape sequence: {esc.group()} is not a Unicode character "
                                "(a surrogate, or beyond U+10FFFF)",
                                pos + esc.start(),
                            )
                yield Token("TLIT", "", intern(value, value), lines, line, pos - line_start + 1)
                pos = m.end()
                last_type = "TLIT"
                continue
            if c == "\\":
                raise LexError("invalid escape sequence at the end of a line", pos)
            raise LexError(
                "unterminated string: a quoted string cannot span lines "
                "(use a heredoc or \\n)",
                pos,
            )

        if kind == HEREDOC:
            marker = ctx[1]
            pattern = _heredoc_pattern(marker)
            scan = pos
            while True:
                m = pattern.search(text, scan)
                if m is None:
                    raise LexError(
                        f"unterminated heredoc: expected a line holding only {marker!r}", ctx[2]
                    )
                if m.lastgroup == "esc":
                    scan = m.end()
                    continue
                break
            if m.start() > pos:
                value = text[pos : m.start()]
                if "\r" in value:
                    cr = _LONE_CR.search(value)
                    if cr is not None:  # HCL's heredoc lines end at "\n" or "\r\n"; a lone CR is refused
                        raise LexError("a carriage return not followed by a newline in a heredoc", pos + cr.start())
                yield Token("TLIT", "", intern(value, value), lines, line, pos - line_start + 1)
                advance(value, pos)
                pos = m.start()
            if m.lastgroup == "end":
                value = m.group()
                yield Token("HEREDOC_CLOSE", "", value, lines, line, pos - line_start + 1)
                pos = m.end()
                stack.pop()
                last_type = "HEREDOC_CLOSE"
                continue
            if text[pos] == "$":
                value = "${~" if text.startswith("${~", pos) else "${"
                tok = Token("INTERP_OPEN", "", value, lines, line, pos - line_start + 1)
                pos += len(value)
                stack.append([INTERP, 0, pos])
                yield tok
                last_type = "INTERP_OPEN"
                continue
            tok = _directive(text, pos, lines, line, line_start, stack)
            yield tok
            advance(tok.value, pos)
            pos += len(tok.value)
            last_type = tok.type
            continue

        # ---- trivia and one token --------------------------------------------------
        # One regular expression takes the trivia and the token after it; anything
        # it does not take (the end of the file, an unterminated comment, a stray
        # character, a byte-order mark) goes the slow way below.
        m = None if bom else (_TRIVIA_TOKEN if kind < 3 else _TRIVIA_NL_TOKEN).match(text, pos)
        if m is not None:
            start = m.end(1)
            if start != pos:
                prefix = text[pos:start]
                prefix = intern(prefix, prefix)
                if "\n" in prefix:
                    advance(prefix, pos)
                pos = start
            else:
                prefix = ""
            group = m.lastgroup
            end = m.end()
            if group == "NUMBER":
                if last_type == "DOT":  # a legacy index: digits only
                    end = _DIGITS.match(text, pos).end()  # type: ignore[union-attr]
            elif group == "OP" and end == pos + 1 and text.startswith("/*", pos):
                raise LexError("unterminated comment: expected '*/'", pos)
            value = text[pos:end]
        else:
            significant = kind < 3  # ROOT, BODY, OBJECT
            m = (_TRIVIA if significant else _TRIVIA_NL).match(text, pos)
            end = m.end()  # type: ignore[union-attr]
            prefix = text[pos - bom : end]
            prefix = intern(prefix, prefix)
            bom = 0
            if end != pos:
                advance(text[pos:end], pos)
            pos = end

            if pos >= n:
                if len(stack) > 1:
                    raise LexError(
                        _unclosed_message(stack[-1]), stack[-1][2] if stack[-1][2] is not None else pos
                    )
                if emitted and last_type != "NL":
                    yield Token("NL", "", "", lines, line, pos - line_start + 1)
                yield Token("EOF", prefix, "", lines, line, pos - line_start + 1)
                return

            if text.startswith("/*", pos):
                raise LexError("unterminated comment: expected '*/'", pos)

            if last_type == "DOT" and "0" <= text[pos] <= "9":  # not isdigit(): "³" is a digit to Python
                m = _DIGITS.match(text, pos)
                group = "NUMBER"
            else:
                m = _TOKEN.match(text, pos)
                if m is None:
                    raise LexError(f"unexpected character {text[pos]!r}", pos)
                group = m.lastgroup
            value = m.group()  # type: ignore[union-attr]
            end = m.end()  # type: ignore[union-attr]
        if group == "IDENT" and not value.isascii():
            value = _identifier(value)
            if not value:
                raise LexError(f"unexpected character {text[pos]!r}", pos)
            end = pos + len(value)
        value = intern(value, value)
        column = pos - line_start + 1
        ttype = group

        if group == "NL":
            # Only reachable where newlines are significant.
            if kind == ROOT or kind == BODY:
                ctx[1] = P_START
        elif group == "IDENT":
            if kind == ROOT or kind == BODY:
                phase = ctx[1]
                if phase == P_START:
                    ctx[1] = P_NAME
                elif phase == P_NAME:
                    ctx[1] = P_HEADER
            elif kind == FOR or kind == DIRECTIVE:
                phase = ctx[1]
                if last_type != "DOT":
                    if phase == F_AWAIT and value == "for":
                        ttype = "FOR"
                        ctx[1] = F_HEAD
                    elif phase == F_HEAD and value == "in":
                        ttype = "IN"
                        ctx[1] = F_BODY
                    elif phase == F_BODY and value == "if" and kind == FOR:
                        ttype = "IF"
        elif group == "OP":
            if value == "{":
                ttype = "LBRACE"
                if (kind == ROOT or kind == BODY) and ctx[1] in (P_NAME, P_HEADER):
                    ctx[1] = P_AFTER
                    stack.append([BODY, P_START, pos])
                elif _for_follows(text, end):
                    stack.append([FOR, F_AWAIT, pos, "}"])
                else:
                    stack.append([OBJECT, 0, pos])
            elif value == "[":
                ttype = "LBRACK"
                if _for_follows(text, end):
                    stack.append([FOR, F_AWAIT, pos, "]"])
                else:
                    stack.append([TUPLE, 0, pos])
            elif value == "(":
                ttype = "LPAREN"
                stack.append([PAREN, 0, pos])
            elif value == "}" or value == "~}":
                if kind == INTERP or kind == DIRECTIVE:
                    ttype = "TCLOSE"
                    stack.pop()
                elif value == "~}":
                    raise LexError("unexpected '~': a strip marker belongs in ${ ~} or %{ ~}", pos)
                else:
                    ttype = "RBRACE"
                    if kind == BODY or kind == OBJECT or (kind == FOR and ctx[3] == "}"):
                        stack.pop()
            elif value == "]":
                ttype = "RBRACK"
                if kind == TUPLE or (kind == FOR and ctx[3] == "]"):
                    stack.pop()
            elif value == ")":
                ttype = "RPAREN"
                if kind == PAREN:
                    stack.pop()
            else:
                ttype = _OPS[value]
                if ttype == "EQ" and (kind == ROOT or kind == BODY) and ctx[1] == P_NAME:
                    ctx[1] = P_EXPR
        elif group == "NUMBER":
            pass
        elif group == "OQUOTE":
            if (kind == ROOT or kind == BODY) and ctx[1] == P_NAME:
                ctx[1] = P_HEADER
            stack.append([QUOTED, 0, pos])
        elif group == "HEREDOC_OPEN":
            marker = value[3:] if value.startswith("<<-") else value[2:]
            marker = marker.rstrip("\r\n")
            stack.append([HEREDOC, marker, pos])

        yield Token(ttype, prefix, value, lines, line, column)
        if group == "NL" or group == "HEREDOC_OPEN":
            advance(value, pos)
        emitted = True
        last_type = ttype
        pos = end


def _for_follows(text: str, pos: int) -> bool:
    """True when the keyword ``for`` is the next word after ``pos`` (trivia skipped).

    hclsyntax decides between a for expression and a tuple/object constructor
    this way, ignoring newlines and comments (parser.go, parseObjectCons).
    """
    return _FOR_WORD.match(text, _TRIVIA_NL.match(text, pos).end()) is not None  # type: ignore[union-attr]


def _directive(
    text: str, pos: int, lines: list[int], line: int, line_start: int, stack: list[list]
) -> Token:
    """Lex ``%{`` with its keyword as one token and open a directive context."""
    m = _DIRECTIVE.match(text, pos)
    if m is None:
        raise LexError(
            "expected one of if, else, endif, for, endfor after '%{' "
            "(write '%%{' for a literal '%{')",
            pos,
        )
    keyword = m.group(2)
    ttype = _DIRECTIVE_TYPES[keyword]
    value = m.group()
    stack.append([DIRECTIVE, F_HEAD if keyword == "for" else F_BODY, pos])
    return Token(ttype, "", value, lines, line, pos - line_start + 1)


def _unclosed_message(ctx: list) -> str:
    kind = ctx[0]
    if kind in (BODY, OBJECT):
        return "unclosed '{': expected '}' before the end of the file"
    if kind == FOR:
        return f"unclosed 'for' expression: expected {ctx[3]!r} before the end of the file"
    if kind == TUPLE:
        return "unclosed '[': expected ']' before the end of the file"
    if kind == PAREN:
        return "unclosed '(': expected ')' before the end of the file"
    if kind in (INTERP, DIRECTIVE):
        return "unclosed template sequence: expected '}' before the end of the file"
    return "unexpected end of file"
