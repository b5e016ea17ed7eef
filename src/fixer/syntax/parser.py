"""Text to tree: drive lark's LALR tables with the hand-written lexer.

The grammar lives in ``grammars/hcl.lark`` (shipped in the wheel as
``fixer/grammars/hcl.lark``). lark compiles it once per process into LALR
tables; :func:`parse` then feeds it tokens from :func:`~.lexer.tokenize`, and
:class:`~.builder.NodeBuilder` makes the nodes at each reduction.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lark import Lark
from lark.lexer import Lexer
from lark.parsers.lalr_analysis import Shift

from ..errors import ParseError
from .builder import BuildError, NodeBuilder
from .lexer import LexError, tokenize
from .nodes import Document
from .tokens import DISPLAY, Token

__all__ = ["parse", "grammar_text"]

_OPERATORS = frozenset(
    {"EQEQ", "NEQ", "LT", "GT", "LE", "GE", "AND", "OR", "PLUS", "MINUS", "STAR", "SLASH",
     "PERCENT", "QMARK", "DOT", "LBRACK"}
)
_EXPRESSION_STARTS = frozenset(
    {"IDENT", "NUMBER", "OQUOTE", "HEREDOC_OPEN", "LBRACK", "LBRACE", "LPAREN", "MINUS", "BANG"}
)


def grammar_text() -> str:
    """The lark grammar: package data in an installed wheel, else the repository's copy."""
    packaged = resources.files("fixer").joinpath("grammars/hcl.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    repo_copy = Path(__file__).resolve().parents[3] / "grammars" / "hcl.lark"
    return repo_copy.read_text(encoding="utf-8")


class _ExternalLexer(Lexer):
    """Placeholder: tokens come from :func:`tokenize`, never from lark's lexer."""

    def __init__(self, conf: object) -> None:  # noqa: D107
        pass

    def lex(self, *args: object):  # pragma: no cover - never called
        raise NotImplementedError


class _Tables:
    """lark's LALR tables compiled to plain tuples for a tight driver loop.

    ``actions[state][terminal]`` is ``(True, next_state)`` for a shift and
    ``(False, (size, callback, rule_name))`` for a reduction.
    """

    __slots__ = ("actions", "start_state", "end_state")

    def __init__(self, lark: Lark) -> None:
        inner = lark.parser.parser.parser  # ParsingFrontend -> LALR_Parser -> _Parser
        table = inner.parse_table
        callbacks = inner.callbacks
        reductions: dict[object, tuple] = {}
        actions: dict[int, dict[str, tuple]] = {}
        for state, row in table.states.items():
            compiled: dict[str, tuple] = {}
            for symbol, (action, arg) in row.items():
                if action is Shift:
                    compiled[str(symbol)] = (True, arg)
                else:
                    red = reductions.get(arg)
                    if red is None:
                        red = (len(arg.expansion), callbacks[arg], str(arg.origin.name))
                        reductions[arg] = red
                    compiled[str(symbol)] = (False, red)
            actions[state] = compiled
        self.actions = actions
        self.start_state = table.start_states["start"]
        self.end_state = table.end_states["start"]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    # cache=True: lark keeps the analysed tables in the temp directory, keyed by a
    # hash of the grammar, the options and lark's version; a broken or stale cache
    # file is ignored and rebuilt.
    return _Tables(
        Lark(grammar_text(), parser="lalr", lexer=_ExternalLexer, transformer=NodeBuilder(), cache=True)
    )


class _Unexpected(Exception):
    def __init__(self, token: Token, states: list[int]) -> None:
        self.token = token
        self.states = states


def _run(tables: _Tables, tokens, end: Token):
    """The LALR loop: shift tokens, reduce through the node builder."""
    actions = tables.actions
    states = [tables.start_state]
    values: list = []
    prev = None
    tok = None
    try:
        for tok in tokens:
            ttype = tok.type
            while True:
                row = actions[states[-1]]
                if ttype not in row:
                    raise _Unexpected(tok, states)
                is_shift, arg = row[ttype]
                if is_shift:
                    states.append(arg)
                    values.append(tok)
                    break
                size, callback, origin = arg
                if size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                else:
                    children = []
                value = callback(children)
                states.append(actions[states[-1]][origin][1])
                values.append(value)
            prev = tok
        end_state = tables.end_state
        while True:
            row = actions[states[-1]]
            if "$END" not in row:
                raise _Unexpected(end, states)
            is_shift, arg = row["$END"]
            size, callback, origin = arg
            children = values[-size:]
            del states[-size:]
            del values[-size:]
            value = callback(children)
            states.append(actions[states[-1]][origin][1])
            values.append(value)
            if states[-1] == end_state:
                return values[-1]
    except _Unexpected as e:
        e.prev = prev  # type: ignore[attr-defined]
        raise


def parse(text: str, path: str | None = None) -> Document:
    """Parse HCL native syntax into a lossless :class:`Document`.

    ``parse(text).code == text`` for every valid input. Raises
    :class:`~fixer.errors.ParseError` (a ``ValueError``) with the path, line,
    column and what was expected.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    tables = _tables()
    end = Token("$END", "", "", len(text), 0, 0)
    # The tree holds no reference cycles, so the cyclic collector has nothing to
    # find while it is built; left on, it re-scans the growing tree again and
    # again, which makes large files cost more than linear time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = _run(tables, tokenize(text), end)
    except LexError as e:
        raise _error_at(text, path, e.offset, e.message) from None
    except BuildError as e:
        raise _error_at(text, path, e.offset, e.message) from None
    except _Unexpected as e:
        expected = _acceptable(tables, e.states)
        raise _unexpected(text, path, e.token, e.prev, expected) from None  # type: ignore[attr-defined]
    finally:
        if collecting:
            gc.enable()
    object.__setattr__(document, "path", path)
    return document


def _acceptable(tables: _Tables, states: list[int]) -> set[str]:
    """The terminals the parser would really shift next.

    LALR rows list look-aheads that only lead to an error after some
    reductions; simulate those reductions on a copy of the state stack.
    """
    actions = tables.actions
    out = set()
    for name in actions[states[-1]]:
        if not name.isupper():
            continue
        stack = list(states)
        while True:
            row = actions[stack[-1]]
            if name not in row:
                break
            is_shift, arg = row[name]
            if is_shift or name == "$END":
                out.add(name)
                break
            size, _callback, origin = arg
            if size:
                del stack[-size:]
            stack.append(actions[stack[-1]][origin][1])
    return out


def _error_at(text: str, path: str | None, offset: int, message: str) -> ParseError:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return ParseError(message, path, line, column, offset)


def _describe(tok: Token) -> str:
    if tok.type in ("EOF", "$END"):
        return "end of file"
    if tok.type == "NL":
        return "a newline" if tok.value else "end of file"
    value = tok.value.rstrip("\r\n")
    if len(value) > 30:
        value = value[:27] + "..."
    return f'"{value}"'


def _unexpected(
    text: str, path: str | None, tok: Token, prev: Token | None, expected: set[str]
) -> ParseError:
    wanted = set(expected)
    names: list[str] = []
    if _EXPRESSION_STARTS <= wanted:
        wanted -= _EXPRESSION_STARTS
        names.append("an expression")
    if len(wanted & _OPERATORS) > len(_OPERATORS) // 2:
        wanted -= _OPERATORS
        names.append("an operator")
    names.extend(sorted({DISPLAY.get(w, w) for w in wanted}))
    if len(names) > 1:
        wanted_text = ", ".join(names[:-1]) + " or " + names[-1]
    else:
        wanted_text = names[0] if names else "something else"
    message = f"expected {wanted_text}"
    if prev is not None and prev.type not in ("NL",):
        message += f" after {_describe(prev)}"
    message += f", found {_describe(tok)}"
    offset = tok.start_pos if tok.type != "$END" else len(text)
    if tok.type in ("EOF", "$END") or (tok.type == "NL" and not tok.value):
        offset = len(text)
    return _error_at(text, path, offset, message)
