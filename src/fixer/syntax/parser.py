"""Text to tree: drive lark's LALR tables with the hand-written lexer.

The grammar lives in ``grammars/hcl.lark`` (shipped in the wheel as
``fixer/grammars/hcl.lark``). lark compiles it once per process into LALR
tables; :func:`parse` then feeds it tokens from :func:`~.lexer.tokenize`, and
:class:`~.builder.NodeBuilder` makes the nodes at each reduction.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from lark import Lark
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer
from lark.parsers.lalr_parser_state import ParseConf, ParserState

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


@lru_cache(maxsize=1)
def _parse_conf() -> ParseConf:
    lark = Lark(grammar_text(), parser="lalr", lexer=_ExternalLexer, transformer=NodeBuilder())
    inner = lark.parser.parser.parser  # ParsingFrontend -> LALR_Parser -> _Parser
    return ParseConf(inner.parse_table, inner.callbacks, "start")


def parse(text: str, path: str | None = None) -> Document:
    """Parse HCL native syntax into a lossless :class:`Document`.

    ``parse(text).code == text`` for every valid input. Raises
    :class:`~fixer.errors.ParseError` (a ``ValueError``) with the path, line,
    column and what was expected.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    state = ParserState(_parse_conf(), None)
    feed = state.feed_token
    prev: Token | None = None
    try:
        for tok in tokenize(text):
            feed(tok)
            prev = tok
        end = Token("$END", "", "", len(text), 0, 0)
        document = feed(end, True)
    except LexError as e:
        raise _error_at(text, path, e.offset, e.message) from None
    except BuildError as e:
        raise _error_at(text, path, e.offset, e.message) from None
    except UnexpectedToken as e:
        expected = _acceptable(e.state, e.expected) if e.state is not None else set(e.expected)
        raise _unexpected(text, path, e.token, prev, expected) from None
    object.__setattr__(document, "path", path)
    return document


def _acceptable(state: ParserState, candidates: set[str]) -> set[str]:
    """The terminals the parser would really shift next (LALR tables over-approximate)."""
    out = set()
    for name in candidates:
        trial = state.copy(deepcopy_values=False)
        try:
            trial.feed_token(Token(name, "", "", 0, 0, 0), name == "$END")
        except Exception:  # noqa: BLE001 - any failure means "not acceptable"
            continue
        out.add(name)
    return out or set(candidates)


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
