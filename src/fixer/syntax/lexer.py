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
from typing import Final
from .tokens import COMPILED, Token

__all__ = ["tokenize", "lex", "LexError"]


class LexError(Exception):
    """A lexical error at an offset; the parser turns it into a ParseError."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


# --- contexts -----------------------------------------------------------------
# Each context is a small mutable list: [kind, phase, closer].
ROOT: Final = 0  # the file's top-level body
BODY: Final = 1  # a block body: newlines significant
OBJECT: Final = 2  # an object constructor: newlines significant
FOR: Final = 3  # a for expression in [...] or {...}: newlines insignificant
TUPLE: Final = 4  # [...]
PAREN: Final = 5  # (...) and function arguments
INTERP: Final = 6  # ${...}
DIRECTIVE: Final = 7  # %{...}
QUOTED: Final = 8  # "..." template
HEREDOC: Final = 9  # <<EOT template

_NL_SIGNIFICANT = (True, True, True, False, False, False, False, False)

# Body phases: where in an item the lexer stands.
P_START: Final = 0
P_NAME: Final = 1
P_HEADER: Final = 2
P_EXPR: Final = 3
P_AFTER: Final = 4
# For phases.
F_AWAIT: Final = 0
F_HEAD: Final = 1
F_BODY: Final = 2

# --- regular expressions ---------------------------------------------------------
# A line comment runs to the end of the line, a lone CR included (HCL's scanner ends it at
# "\n" or "\r\n" only: scan_tokens.rl, Comment = "#" (any - EndOfLine)* EndOfLine). Runs of
# plain characters are taken by one repeat, not one alternation per character (quicker in re).
_LINE_COMMENT_BODY = r"(?:[^\r\n]+|\r(?!\n))*"
_TRIVIA: Final = re.compile(
    r"(?:[ \t]+|#" + _LINE_COMMENT_BODY + r"|//" + _LINE_COMMENT_BODY + r"|/\*.*?\*/)*", re.S
)
_TRIVIA_NL: Final = re.compile(
    r"(?:[ \t]+|\r?\n|#" + _LINE_COMMENT_BODY + r"|//" + _LINE_COMMENT_BODY + r"|/\*.*?\*/)*", re.S
)
_FOR_WORD: Final = re.compile(r"for(?![\w-])")

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
_TOKEN: Final = re.compile(_TOKEN_PATTERN)
# The first character of the tokens the lexer takes without _TOKEN (see _lex_into).
_SPACES: Final = re.compile(r" +")
_NAME: Final = re.compile(r"[A-Za-z_\u0080-\U0010FFFF][\w\-\u0080-\U0010FFFF]*")  # as IDENT above
_NUMBER: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")  # as NUMBER above
_FIRST: Final[dict[str, str]] = {
    **{c: "IDENT" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"},
    **{c: "NUMBER" for c in "0123456789"},
    **{c: "OP" for c in "{}[](),+-*%?=.:"},
    '"': "OQUOTE",
    "\n": "NL",
}
_MAYBE_LONGER: Final = "=>.:"  # "==", "=>", "...", "::" begin with one of these and go on with one
_DIGITS: Final = re.compile(r"[0-9]+")
# Trivia, then a token. The trivia is matched inside a look-ahead and taken with a
# back-reference (an atomic group that Python 3.10 can read), so that a failed
# token never makes the trivia give back a comment to be lexed as "/" or "#".
_TRIVIA_TOKEN: Final = re.compile(r"(?=(" + _TRIVIA.pattern + r"))\1(?:" + _TOKEN_PATTERN + ")", re.S)
_TRIVIA_NL_TOKEN: Final = re.compile(r"(?=(" + _TRIVIA_NL.pattern + r"))\1(?:" + _TOKEN_PATTERN + ")", re.S)

_OPS: Final[dict[str, str]] = {
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

# Literal text of a quoted template: runs of plain characters (first, and whole: quicker in
# re than one character at a time), escapes, the $${ and %%{ escapes, and a lone $ or %.
_QUOTED_LIT: Final = re.compile(r"(?:[^\"\\$%\r\n]+|\\.|\$\$\{|%%\{|\$(?!\{)|%(?!\{))+")
_ESCAPE: Final = re.compile(r"\\(?:[nrt\"\\]|u(?P<u>[0-9A-Fa-f]{4})|U(?P<U>[0-9A-Fa-f]{8})|(?P<bad>))")
_LONE_CR: Final = re.compile(r"\r(?!\n)")
_DIRECTIVE: Final = re.compile(r"%\{(~?)[ \t\r\n]*(if|else|endif|for|endfor)(?![\w-])")
_DIRECTIVE_TYPES: Final[dict[str, str]] = {
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


class _Context:
    """Where the lexer stands: one entry of its stack of nested constructs."""

    __slots__ = ("kind", "phase", "start", "closer", "marker")

    kind: int  # ROOT, BODY, ... HEREDOC
    phase: int  # P_* in a body, F_* in a for expression or directive
    start: int  # offset of the opening token (-1 for the file itself)
    closer: str  # "}" or "]": what closes a for expression
    marker: str  # a heredoc's closing marker

    def __init__(self, kind: int, phase: int, start: int, closer: str = "", marker: str = "") -> None:
        self.kind = kind
        self.phase = phase
        self.start = start
        self.closer = closer
        self.marker = marker


def _add_lines(lines: "array[int]", chunk: str, at: int) -> int:
    """Record the start of each line that begins inside ``chunk`` (found at offset ``at``).

    Returns the offset where the last of them starts; ``chunk`` holds at least one newline.
    """
    i = chunk.find("\n")
    while i >= 0:
        lines.append(at + i + 1)
        i = chunk.find("\n", i + 1)
    return lines[len(lines) - 1]


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``; the last one is ``EOF``.

    Joining ``prefix + value`` of every token gives back ``text`` exactly.
    Raises :class:`LexError` on text that is not HCL at the lexical level.
    """
    tokens, error = lex(text)
    if error is not None:
        raise error
    return tokens


def lex(text: str) -> tuple[list[Token], LexError | None]:
    """The tokens of ``text`` up to the first lexical error, and that error (or None).

    The parser reads the tokens before it reports the error, so that a syntax error
    earlier in the file is the one reported, as when tokens were handed out one by one.
    """
    out: list[Token] = []
    try:
        _lex_into(text, out)
    except LexError as e:
        return out, e
    return out, None


def _lex_into(text: str, out: list[Token]) -> None:
    """Append the tokens of ``text`` to ``out``; raise :class:`LexError` at the first error.

    One loop, no closures or generators: the hot path of parsing (and compiled by mypyc in
    the optional compiled build).
    """
    n = len(text)
    line = 1
    line_start = 0
    root = _Context(ROOT, P_START, -1)
    stack: list[_Context] = [root]
    last_type = "NL"  # the type of the last token handed out
    emitted = False

    # Offsets where each line starts; tokens keep a reference to it and compute
    # their ``start_pos`` from their line and column (see Token).
    lines: "array[int]" = array("q", (0,))  # 8 bytes a line

    # One string object per distinct prefix and value: indentation, names and
    # common literals repeat all over a file, and a tree of a large file would
    # otherwise hold a copy of each occurrence.
    strings: dict[str, str] = {}

    bom = 1 if text.startswith("\ufeff") else 0  # a BOM is trivia of the first token
    pos = bom
    trivia_token = _TRIVIA_TOKEN
    trivia_nl_token = _TRIVIA_NL_TOKEN

    while True:
        ctx = stack[len(stack) - 1]
        kind = ctx.kind

        # ---- template text ----------------------------------------------------
        if kind == QUOTED:
            if pos >= n:
                raise LexError("unterminated string: expected a closing '\"'", ctx.start)
            c = text[pos]
            if c == '"':
                out.append(Token("CQUOTE", "", '"', lines, line, pos - line_start + 1))
                pos += 1
                stack.pop()
                last_type = "CQUOTE"
                continue
            if c == "$" and text.startswith("${", pos):
                value = "${~" if text.startswith("${~", pos) else "${"
                out.append(Token("INTERP_OPEN", "", value, lines, line, pos - line_start + 1))
                pos += len(value)
                stack.append(_Context(INTERP, 0, pos))
                last_type = "INTERP_OPEN"
                continue
            if c == "%" and text.startswith("%{", pos):
                tok = _directive(text, pos, lines, line, line_start, stack)
                out.append(tok)
                value = tok.value
                if "\n" in value:
                    line_start = _add_lines(lines, value, pos)
                    line = len(lines)
                pos += len(value)
                last_type = tok.type
                continue
            m = _QUOTED_LIT.match(text, pos)
            if m is not None:
                value = m.group()
                if "\\" in value:
                    _check_escapes(value, pos)
                out.append(Token("TLIT", "", strings.setdefault(value, value), lines, line, pos - line_start + 1))
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
            marker = ctx.marker
            pattern = _heredoc_pattern(marker)
            scan = pos
            while True:
                hm = pattern.search(text, scan)
                if hm is None:
                    raise LexError(
                        f"unterminated heredoc: expected a line holding only {marker!r}", ctx.start
                    )
                if hm.lastgroup == "esc":
                    scan = hm.end()
                    continue
                break
            if hm.start() > pos:
                value = text[pos : hm.start()]
                if "\r" in value:
                    cr = _LONE_CR.search(value)
                    if cr is not None:  # HCL's heredoc lines end at "\n" or "\r\n"; a lone CR is refused
                        raise LexError("a carriage return not followed by a newline in a heredoc", pos + cr.start())
                out.append(Token("TLIT", "", strings.setdefault(value, value), lines, line, pos - line_start + 1))
                if "\n" in value:
                    line_start = _add_lines(lines, value, pos)
                    line = len(lines)
                pos = hm.start()
            if hm.lastgroup == "end":
                value = hm.group()
                out.append(Token("HEREDOC_CLOSE", "", value, lines, line, pos - line_start + 1))
                pos = hm.end()
                stack.pop()
                last_type = "HEREDOC_CLOSE"
                continue
            if text[pos] == "$":
                value = "${~" if text.startswith("${~", pos) else "${"
                out.append(Token("INTERP_OPEN", "", value, lines, line, pos - line_start + 1))
                pos += len(value)
                stack.append(_Context(INTERP, 0, pos))
                last_type = "INTERP_OPEN"
                continue
            tok = _directive(text, pos, lines, line, line_start, stack)
            out.append(tok)
            value = tok.value
            if "\n" in value:
                line_start = _add_lines(lines, value, pos)
                line = len(lines)
            pos += len(value)
            last_type = tok.type
            continue

        # ---- trivia and one token --------------------------------------------------
        # Most tokens (98% in real files) follow no trivia or spaces only and are told by
        # their first character: a punctuation mark, a quote, a name, a number or a
        # significant newline. Those are taken here without the regular expression below.
        group = ""
        start = pos
        end = pos
        if pos < n and not bom:
            c = text[pos]
            if c == " ":
                if COMPILED:  # a loop over the characters beats a call into re, compiled
                    start = pos + 1
                    while start < n and ord(text[start]) == 32:
                        start += 1
                else:
                    sm = _SPACES.match(text, pos)
                    start = sm.end() if sm is not None else pos
                c = text[start] if start < n else ""
            group = _FIRST.get(c, "")
            if group == "OP":
                end = start + 1
                if c in _MAYBE_LONGER and end < n and text[end] in _MAYBE_LONGER:
                    group = ""  # "==", "=>", "...", "::": the regular expression's job
            elif group == "IDENT":
                if COMPILED:  # as _NAME: ASCII letters, digits, "_", "-", and any non-ASCII
                    end = start + 1
                    while end < n:
                        code = ord(text[end])
                        if (
                            97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57
                            or code == 95 or code == 45 or code >= 128
                        ):
                            end += 1
                        else:
                            break
                else:
                    im = _NAME.match(text, start)
                    end = im.end() if im is not None else start
            elif group == "NUMBER":
                end = _number_end(text, start) if last_type != "DOT" else _digits_end(text, start)
            elif group == "NL":
                if kind < 3:
                    end = start + 1
                else:
                    group = ""  # insignificant here: trivia
            elif group == "OQUOTE":
                end = start + 1
        if group:
            if start != pos:
                prefix = text[pos:start]
                prefix = strings.setdefault(prefix, prefix)
                pos = start
            else:
                prefix = ""
            value = text[pos:end]
        # One regular expression takes the trivia and the token after it; anything
        # it does not take (the end of the file, an unterminated comment, a stray
        # character, a byte-order mark) goes the slow way below.
        elif (m := None if bom else (trivia_token if kind < 3 else trivia_nl_token).match(text, pos)) is not None:
            start = m.end(1)
            if start != pos:
                prefix = text[pos:start]
                prefix = strings.setdefault(prefix, prefix)
                if "\n" in prefix:
                    line_start = _add_lines(lines, prefix, pos)
                    line = len(lines)
                pos = start
            else:
                prefix = ""
            group = m.lastgroup or ""  # never None: every branch of the pattern is named
            end = m.end()
            if group == "NUMBER":
                if last_type == "DOT":  # a legacy index: digits only
                    end = _digits_end(text, pos)
            elif group == "OP" and end == pos + 1 and text.startswith("/*", pos):
                raise LexError("unterminated comment: expected '*/'", pos)
            value = text[pos:end]
        else:
            significant = kind < 3  # ROOT, BODY, OBJECT
            tm = (_TRIVIA if significant else _TRIVIA_NL).match(text, pos)
            end = tm.end() if tm is not None else pos
            prefix = text[pos - bom : end]
            prefix = strings.setdefault(prefix, prefix)
            bom = 0
            if end != pos:
                if "\n" in prefix:
                    line_start = _add_lines(lines, text[pos:end], pos)
                    line = len(lines)
            pos = end

            if pos >= n:
                if len(stack) > 1:
                    top = stack[len(stack) - 1]
                    raise LexError(_unclosed_message(top), top.start if top.start >= 0 else pos)
                if emitted and last_type != "NL":
                    out.append(Token("NL", "", "", lines, line, pos - line_start + 1))
                out.append(Token("EOF", prefix, "", lines, line, pos - line_start + 1))
                return

            if text.startswith("/*", pos):
                raise LexError("unterminated comment: expected '*/'", pos)

            if last_type == "DOT" and "0" <= text[pos] <= "9":  # not isdigit(): "³" is a digit to Python
                group = "NUMBER"
                end = _digits_end(text, pos)
            else:
                om = _TOKEN.match(text, pos)
                if om is None:
                    raise LexError(f"unexpected character {text[pos]!r}", pos)
                group = om.lastgroup or ""
                end = om.end()
            value = text[pos:end]
        if group == "IDENT" and not value.isascii():
            value = _identifier(value)
            if not value:
                raise LexError(f"unexpected character {text[pos]!r}", pos)
            end = pos + len(value)
        if end - pos > 1:  # (Python keeps one object per character of one character)
            value = strings.setdefault(value, value)
        column = pos - line_start + 1
        ttype = group

        if group == "NL":
            # Only reachable where newlines are significant.
            if kind == ROOT or kind == BODY:
                ctx.phase = P_START
        elif group == "IDENT":
            if kind == ROOT or kind == BODY:
                phase = ctx.phase
                if phase == P_START:
                    ctx.phase = P_NAME
                elif phase == P_NAME:
                    ctx.phase = P_HEADER
            elif kind == FOR or kind == DIRECTIVE:
                phase = ctx.phase
                if last_type != "DOT":
                    if phase == F_AWAIT and value == "for":
                        ttype = "FOR"
                        ctx.phase = F_HEAD
                    elif phase == F_HEAD and value == "in":
                        ttype = "IN"
                        ctx.phase = F_BODY
                    elif phase == F_BODY and value == "if" and kind == FOR:
                        ttype = "IF"
        elif group == "OP":
            if value == "{":
                ttype = "LBRACE"
                if (kind == ROOT or kind == BODY) and (ctx.phase == P_NAME or ctx.phase == P_HEADER):
                    ctx.phase = P_AFTER
                    stack.append(_Context(BODY, P_START, pos))
                elif _for_follows(text, end):
                    stack.append(_Context(FOR, F_AWAIT, pos, "}"))
                else:
                    stack.append(_Context(OBJECT, 0, pos))
            elif value == "[":
                ttype = "LBRACK"
                if _for_follows(text, end):
                    stack.append(_Context(FOR, F_AWAIT, pos, "]"))
                else:
                    stack.append(_Context(TUPLE, 0, pos))
            elif value == "(":
                ttype = "LPAREN"
                stack.append(_Context(PAREN, 0, pos))
            elif value == "}" or value == "~}":
                if kind == INTERP or kind == DIRECTIVE:
                    ttype = "TCLOSE"
                    stack.pop()
                elif value == "~}":
                    raise LexError("unexpected '~': a strip marker belongs in ${ ~} or %{ ~}", pos)
                else:
                    ttype = "RBRACE"
                    if kind == BODY or kind == OBJECT or (kind == FOR and ctx.closer == "}"):
                        stack.pop()
            elif value == "]":
                ttype = "RBRACK"
                if kind == TUPLE or (kind == FOR and ctx.closer == "]"):
                    stack.pop()
            elif value == ")":
                ttype = "RPAREN"
                if kind == PAREN:
                    stack.pop()
            else:
                ttype = _OPS[value]
                if ttype == "EQ" and (kind == ROOT or kind == BODY) and ctx.phase == P_NAME:
                    ctx.phase = P_EXPR
        elif group == "OQUOTE":
            if (kind == ROOT or kind == BODY) and ctx.phase == P_NAME:
                ctx.phase = P_HEADER
            stack.append(_Context(QUOTED, 0, pos))
        elif group == "HEREDOC_OPEN":
            marker = value[3:] if value.startswith("<<-") else value[2:]
            stack.append(_Context(HEREDOC, 0, pos, "", marker.rstrip("\r\n")))

        out.append(Token(ttype, prefix, value, lines, line, column))
        if group == "NL" or group == "HEREDOC_OPEN":
            line_start = _add_lines(lines, value, pos)
            line = len(lines)
        emitted = True
        last_type = ttype
        pos = end


def _number_end(text: str, pos: int) -> int:
    """Where the number at ``pos`` ends."""
    m = _NUMBER.match(text, pos)
    return m.end() if m is not None else pos


def _digits_end(text: str, pos: int) -> int:
    """Where the run of ASCII digits at ``pos`` ends (a legacy index: ``a.0.1``)."""
    m = _DIGITS.match(text, pos)
    return m.end() if m is not None else pos


def _check_escapes(value: str, pos: int) -> None:
    """Refuse an unknown escape, or a \\u / \\U escape that names no Unicode character."""
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


def _for_follows(text: str, pos: int) -> bool:
    """True when the keyword ``for`` is the next word after ``pos`` (trivia skipped).

    hclsyntax decides between a for expression and a tuple/object constructor
    this way, ignoring newlines and comments (parser.go, parseObjectCons).
    """
    if COMPILED:  # most often the answer is clear from the first character after spaces
        n = len(text)
        i = pos
        while i < n:
            code = ord(text[i])
            if code == 32 or code == 10 or code == 9 or code == 13:
                i += 1
            else:
                break
        if i >= n:
            return False
        code = ord(text[i])
        if code != 102 and code != 35 and code != 47:  # not "f", nor "#" or "/" of a comment
            return False
    m = _TRIVIA_NL.match(text, pos)
    return _FOR_WORD.match(text, m.end() if m is not None else pos) is not None


def _directive(
    text: str, pos: int, lines: "array[int]", line: int, line_start: int, stack: list[_Context]
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
    stack.append(_Context(DIRECTIVE, F_HEAD if keyword == "for" else F_BODY, pos))
    return Token(ttype, "", value, lines, line, pos - line_start + 1)


def _unclosed_message(ctx: _Context) -> str:
    kind = ctx.kind
    if kind in (BODY, OBJECT):
        return "unclosed '{': expected '}' before the end of the file"
    if kind == FOR:
        return f"unclosed 'for' expression: expected {ctx.closer!r} before the end of the file"
    if kind == TUPLE:
        return "unclosed '[': expected ']' before the end of the file"
    if kind == PAREN:
        return "unclosed '(': expected ')' before the end of the file"
    if kind in (INTERP, DIRECTIVE):
        return "unclosed template sequence: expected '}' before the end of the file"
    return "unexpected end of file"
