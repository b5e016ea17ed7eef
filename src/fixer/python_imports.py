"""The import statements of a Python file, for rules that look at a repository's Python code.

:func:`python_imports` tokenizes (it does not parse), so a file with a syntax error further
down still shows its imports, what follows a tokenizer error is ignored, and a module name
in a comment or a string never counts: comments and strings are tokens of their own
(Python documentation, ``tokenize``). :func:`read_python` reads such a file once per
content (REPO001 looks at the same tests for every module of a repository).
"""

from __future__ import annotations

import io
import os
import tokenize
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .reading import SourceError, decode_python, read_bytes

__all__ = ["PythonImport", "python_imports", "read_python"]


@dataclass(frozen=True)
class PythonImport:
    """One module an import statement names (``import a.b``, ``from a.b import c``)."""

    module: str  # the dotted module: "aws_cdk", "aws_cdk.assertions"
    line: int  # 1-based line of the statement's keyword (import / from)
    column: int  # 1-based column (in characters) of the keyword
    end_line: int  # 1-based line where the module name ends
    end_column: int  # 1-based column just past the module name


def python_imports(source: str) -> list[PythonImport]:
    """The absolute modules the import statements of ``source`` name, in order (a relative
    ``from .x import y`` names none). Columns are counted without a leading BOM."""
    return list(_imports_of(source[1:] if source.startswith("\ufeff") else source))


@lru_cache(maxsize=512)  # the fix loop asks again for the same files, every round and module
def _imports_of(source: str) -> tuple[PythonImport, ...]:
    return tuple(found for statement in _statements(source) for found in _imports_in(statement))


# Reading is cached per (path, size, mtime, limit): a repository's modules all see the same files,
# and the fix loop runs the rules several times per module.
_CACHE: dict[tuple[str, int, int, int], str | None] = {}


def read_python(path: str, *, limit: int) -> str | None:
    """The text of the Python file at ``path`` as the fix loop reads it (a BOM stays), or None
    when it is not a regular file of at most ``limit`` bytes or does not decode."""
    try:
        stat = os.stat(path)
        key = (os.path.abspath(path), stat.st_size, stat.st_mtime_ns, limit)
        if key in _CACHE:
            return _CACHE[key]
        data = read_bytes(path, limit=limit)  # a regular file only: a FIFO would block
    except (OSError, SourceError):
        return None
    try:
        text: str | None = decode_python(data)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        text = None
    if len(_CACHE) > 4096:
        _CACHE.clear()
    _CACHE[key] = text
    return text


_BOUNDARY = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
_SKIP = {tokenize.NL, tokenize.COMMENT}
_COMPOUND = {"if", "elif", "else", "try", "except", "finally", "with", "for", "while", "def", "class", "async"}


def _statements(source: str) -> Iterator[list[tokenize.TokenInfo]]:
    """Simple statements as token lists (split at newlines, ``;`` and a compound header's ``:``)."""
    current: list[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in _SKIP:
                continue
            if token.type in _BOUNDARY or (token.type == tokenize.OP and token.string in (";", ":") and _is_header(current, token)):
                if current:
                    yield current
                current = []
                continue
            current.append(token)
    except (tokenize.TokenError, SyntaxError):  # IndentationError is a SyntaxError
        pass
    if current:
        yield current


def _is_header(current: list[tokenize.TokenInfo], token: tokenize.TokenInfo) -> bool:
    """``;`` always ends a statement; ``:`` does after ``try``/``if ...`` (``try: import x``) at depth 0."""
    if token.string == ";":
        return True
    if not current or current[0].type != tokenize.NAME or current[0].string not in _COMPOUND:
        return False
    depth = 0
    for t in current:
        if t.type == tokenize.OP and t.string in "([{":
            depth += 1
        elif t.type == tokenize.OP and t.string in ")]}":
            depth -= 1
    return depth == 0


def _imports_in(tokens: list[tokenize.TokenInfo]) -> Iterator[PythonImport]:
    if not tokens or tokens[0].type != tokenize.NAME:
        return
    keyword = tokens[0]
    if keyword.string == "import":  # import a.b [as c], d
        i = 1
        while i < len(tokens):
            name, end, i = _dotted(tokens, i)
            if name is not None:
                yield _make(name, keyword, end)
            if i < len(tokens) and tokens[i].string == "as":
                i += 2
            if i < len(tokens) and tokens[i].string == ",":
                i += 1
                continue
            break
    elif keyword.string == "from" and len(tokens) > 1:  # from a.b import c
        name, end, i = _dotted(tokens, 1)
        if name is not None and i < len(tokens) and tokens[i].string == "import":
            yield _make(name, keyword, end)


def _dotted(tokens: list[tokenize.TokenInfo], i: int) -> tuple[str | None, tokenize.TokenInfo | None, int]:
    """A dotted name starting at ``tokens[i]``: (name, its last token, index after it).

    A relative name (``from .x import y``) comes back None.
    """
    if i < len(tokens) and tokens[i].type == tokenize.OP and tokens[i].string.startswith("."):
        while i < len(tokens) and tokens[i].string.strip(".") == "" and tokens[i].type == tokenize.OP:
            i += 1
        while i < len(tokens) and (tokens[i].type == tokenize.NAME or tokens[i].string == "."):
            if tokens[i].string == "import":
                break
            i += 1
        return None, None, i
    parts: list[str] = []
    last = None
    while i < len(tokens) and tokens[i].type == tokenize.NAME:
        parts.append(tokens[i].string)
        last = tokens[i]
        i += 1
        if i < len(tokens) and tokens[i].type == tokenize.OP and tokens[i].string == ".":
            i += 1
            continue
        break
    return (".".join(parts) if parts else None), last, i


def _make(name: str, keyword: tokenize.TokenInfo, last: tokenize.TokenInfo | None) -> PythonImport:
    end_row, end_col = (last or keyword).end
    row, col = keyword.start
    return PythonImport(name, row, col + 1, end_row, end_col + 1)
