"""Text to tree: an LALR(1) driver over shipped tables, fed by the hand-written lexer.

The grammar lives in ``grammars/hcl.lark`` (shipped in the wheel as
``fixer/grammars/hcl.lark``). lark analyses it into LALR(1) tables; those
tables are compiled to plain integers and dictionaries and shipped as
:mod:`._lalr_tables`, so neither a fresh install nor a new process has to run
lark (or even import it) to parse. :func:`parse` feeds tokens from
:func:`~.lexer.tokenize` to a small driver loop, and
:class:`~.builder.NodeBuilder` makes the nodes at each reduction: no parse
tree is made and transformed afterwards.

The shipped tables carry the SHA-256 of the grammar they were made from. If
the grammar on disk differs (someone edited it), the tables are rebuilt with
lark at first use, and :func:`write_tables` refreshes the shipped module::

    python -c "from fixer.syntax.parser import write_tables; write_tables()"
"""

from __future__ import annotations

import gc
import hashlib
import sys
from pathlib import Path

from ..errors import ParseError
from .builder import BuildError, NodeBuilder
from .lalr import APPEND, CALL, LIST, PASS, Rule, Unexpected, run
from .lexer import LexError, lex
from .nodes import Document
from .tokens import DISPLAY, Token

__all__ = ["parse", "grammar_text", "write_tables"]

_OPERATORS = frozenset(
    {"EQEQ", "NEQ", "LT", "GT", "LE", "GE", "AND", "OR", "PLUS", "MINUS", "STAR", "SLASH",
     "PERCENT", "QMARK", "DOT", "LBRACK"}
)
_EXPRESSION_STARTS = frozenset(
    {"IDENT", "NUMBER", "OQUOTE", "HEREDOC_OPEN", "LBRACK", "LBRACE", "LPAREN", "MINUS", "BANG"}
)

_HERE = Path(__file__).resolve().parent
_TABLES_MODULE = _HERE / "_lalr_tables.py"


def grammar_text() -> str:
    """The lark grammar: package data in an installed wheel, else the repository's copy."""
    for candidate in (_HERE.parent / "grammars" / "hcl.lark", _HERE.parents[2] / "grammars" / "hcl.lark"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    from importlib import resources  # a zipped install: no files on disk

    return resources.files("fixer").joinpath("grammars/hcl.lark").read_text(encoding="utf-8")


def _grammar_hash(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


# ---- the tables --------------------------------------------------------------------------
#
# ACTIONS and RULES as :mod:`.lalr` reads them (see its docstring), except that a rule
# names its NodeBuilder method (CALL) instead of holding the bound method.


_ExternalLexer = None  # made on first use, so that lark is imported only when needed


def _compile_with_lark(text: str) -> dict:
    """Analyse the grammar with lark; the tables as plain data (see the notes above)."""
    from functools import partial

    from lark import Lark
    from lark.lexer import Lexer
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
    from lark.parsers.lalr_analysis import Shift

    global _ExternalLexer
    if _ExternalLexer is None:

        class _ExternalLexer(Lexer):  # type: ignore[no-redef]
            """Placeholder: tokens come from :func:`tokenize`, never from lark's lexer."""

            def __init__(self, conf: object) -> None:
                pass

            def lex(self, *args: object):  # pragma: no cover - never called
                raise NotImplementedError

        _ExternalLexer.__qualname__ = "_ExternalLexer"  # lark's cache pickles it by name

    # cache=True: lark keeps its analysis in the temp directory, keyed by a hash
    # of the grammar, the options and lark's version.
    lark = Lark(text, parser="lalr", lexer=_ExternalLexer, transformer=NodeBuilder(), cache=True)
    inner = lark.parser.parser.parser  # ParsingFrontend -> LALR_Parser -> _Parser
    table = inner.parse_table
    builder_methods = {name for name in dir(NodeBuilder) if not name.startswith("_")}

    rule_index: dict[object, int] = {}
    rules: list[tuple] = []

    def describe(rule) -> tuple:
        size = len(rule.expansion)
        origin = str(rule.origin.name)
        cb = inner.callbacks[rule]
        spec = None
        if isinstance(cb, ExpandSingleChild):
            if size != 1:
                raise RuntimeError(f"unexpected inlined rule of {size} children: {rule}")
            return (1, origin, PASS, None, None)
        if isinstance(cb, ChildFilterLALR_NoPlaceholders):
            spec = tuple((int(i), bool(e)) for i, e in cb.to_include)
            cb = cb.node_builder
        if isinstance(cb, partial):  # lark's default: a Tree, here the children list
            if not origin.startswith("_"):
                raise RuntimeError(f"rule {origin!r} has no NodeBuilder method")
            if spec == ((0, True), (1, False)):
                return (size, origin, APPEND, None, None)
            return (size, origin, LIST, None, spec)
        name = getattr(cb, "__name__", None)
        if name not in builder_methods:
            raise RuntimeError(f"unexpected lark callback for {rule}: {cb!r}")
        return (size, origin, CALL, name, spec)

    actions: list[dict[str, int]] = []
    for state in range(len(table.states)):
        row: dict[str, int] = {}
        for symbol, (action, arg) in table.states[state].items():
            if action is Shift:
                row[str(symbol)] = int(arg)
            else:
                r = rule_index.get(arg)
                if r is None:
                    r = rule_index[arg] = len(rules)
                    rules.append(describe(arg))
                row[str(symbol)] = ~r
        actions.append(row)
    return {
        "GRAMMAR_SHA256": _grammar_hash(text),
        "START": int(table.start_states["start"]),
        "END": int(table.end_states["start"]),
        "RULES": tuple(rules),
        "ACTIONS": tuple(actions),
    }


def _render(data: dict) -> str:
    """The tables module's source: the data as JSON in one string, quick to load.

    (A Python literal of this size takes longer to compile than JSON takes to
    decode, and ``PYTHONDONTWRITEBYTECODE`` is common in CI.)
    """
    import json

    def compact(value: object) -> str:
        return json.dumps(value, separators=(",", ":"))

    body = (
        "{" + f'"START":{data["START"]},"END":{data["END"]},\n'
        + '"RULES":[\n' + ",\n".join(compact(rule) for rule in data["RULES"]) + "],\n"
        + '"ACTIONS":[\n' + ",\n".join(compact(row) for row in data["ACTIONS"]) + "]}\n"
    )
    if "'''" in body or "\\" in body:  # pragma: no cover - names are plain identifiers
        raise RuntimeError("the tables cannot be written as a raw string")
    return (
        '"""LALR(1) tables of grammars/hcl.lark, compiled by lark: generated, do not edit.\n'
        "\n"
        "Regenerate after changing the grammar:\n"
        '    python -c "from fixer.syntax.parser import write_tables; write_tables()"\n'
        "\n"
        "DATA is JSON: START and END states; RULES, one per rule: [size, origin, kind,\n"
        "NodeBuilder method, child filter] with kinds 0 pass, 1 call, 2 list, 3 append;\n"
        "ACTIONS, one per state: terminal -> shift state (>= 0) or ~rule, nonterminal ->\n"
        "goto state. See fixer/syntax/parser.py.\n"
        '"""\n'
        "\n"
        f"GRAMMAR_SHA256 = {data['GRAMMAR_SHA256']!r}\n"
        "\n"
        f"DATA = r'''{body}'''\n"
    )


def write_tables(path: Path | None = None) -> Path:
    """Regenerate the shipped tables module from the grammar (needs lark)."""
    target = path or _TABLES_MODULE
    target.write_text(_render(_compile_with_lark(grammar_text())), encoding="utf-8")
    return target


class _Tables:
    """The tables with the builder's methods bound, ready for :func:`.lalr.run`."""

    __slots__ = ("actions", "rules", "start_state", "end_state", "passes")

    def __init__(self, data: dict) -> None:
        builder = NodeBuilder()
        # Symbol names interned, as the lexer's token types are: a lookup then finds its key
        # by identity instead of comparing the characters (a few lookups per token).
        self.actions: list[dict[str, int]] = [
            {sys.intern(symbol): action for symbol, action in row.items()} for row in data["ACTIONS"]
        ]
        self.rules: list[Rule] = [
            (size, sys.intern(origin), kind, getattr(builder, name) if name else None, spec)
            for size, origin, kind, name, spec in data["RULES"]
        ]
        self.start_state: int = data["START"]
        self.end_state: int = data["END"]
        self.passes: list[dict[str, int] | None] = [None] * (len(self.actions) * len(self.rules))  # see lalr.run


def _shipped_tables(grammar_hash: str) -> dict | None:
    """The shipped tables, if they were made from the grammar with this hash."""
    try:
        from . import _lalr_tables as shipped
    except ImportError:  # pragma: no cover - a source tree without the generated module
        return None
    if shipped.GRAMMAR_SHA256 != grammar_hash:
        return None
    import json

    data = json.loads(shipped.DATA)
    return {
        "GRAMMAR_SHA256": shipped.GRAMMAR_SHA256,
        "START": data["START"],
        "END": data["END"],
        "RULES": tuple(
            (size, origin, kind, name, tuple(map(tuple, spec)) if spec is not None else None)
            for size, origin, kind, name, spec in data["RULES"]
        ),
        "ACTIONS": tuple(data["ACTIONS"]),
    }


_loaded: _Tables | None = None


def _tables() -> _Tables:
    global _loaded
    if _loaded is None:
        text = grammar_text()
        data = _shipped_tables(_grammar_hash(text))
        if data is None:  # the grammar changed since the tables were generated
            data = _compile_with_lark(text)
        _loaded = _Tables(data)
    return _loaded


def _run(tables: _Tables, lexed: tuple[list[Token], LexError | None], end: Token) -> Document:
    """The LALR loop over one text's tokens (:func:`.lalr.run`); tests count parses here."""
    tokens, lex_error = lexed
    return run(
        tables.actions, tables.rules, tables.start_state, tables.end_state, tables.passes,
        tokens, lex_error, end,
    )


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
        document = _run(tables, lex(text), end)
    except LexError as e:
        raise _error_at(text, path, e.offset, e.message) from None
    except BuildError as e:
        raise _error_at(text, path, e.offset, e.message) from None
    except Unexpected as e:
        expected = _acceptable(tables, e.states)
        raise _unexpected(text, path, e.token, e.prev, expected) from None
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
    rules = tables.rules
    out = set()
    for name in actions[states[-1]]:
        if not name.isupper():
            continue
        stack = list(states)
        while True:
            act = actions[stack[-1]].get(name)
            if act is None:
                break
            if act >= 0 or name == "$END":
                out.add(name)
                break
            size, origin = rules[~act][:2]
            if size:
                del stack[-size:]
            stack.append(actions[stack[-1]][origin])
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
