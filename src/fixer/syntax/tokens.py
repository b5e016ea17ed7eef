"""The token: the leaf of the concrete syntax tree.

Every byte of a file belongs to exactly one token: either to its ``value`` (the
significant text) or to its ``prefix`` (the spaces, tabs, comments and
insignificant newlines that stand before it). Printing a tree is writing
``prefix + value`` of each token in source order.
"""

from __future__ import annotations

from array import array
from typing import Final, Union

__all__ = ["Token", "DISPLAY", "COMPILED"]


def _is_compiled() -> bool:
    """Whether this module runs compiled (mypyc makes its functions builtins)."""
    return type(_is_compiled).__name__ != "function"


# Whether the hot-path modules run compiled (they are built together, or not at all). Some
# steps are quicker as a loop over characters once compiled and slower so in pure Python:
# the lexer takes the one or the other (same results).
COMPILED: Final = _is_compiled()


class Token:
    """One lexical token with the trivia that precedes it.

    The attribute names follow lark's ``Token`` (``type``, ``value``,
    ``start_pos``, ``line``, ``column``).

    A file has about one token per four bytes, so a token is kept small: the
    lexer does not store an offset object per token but the line and column
    (small numbers that Python shares) and a reference to the file's table of
    line starts, from which :attr:`start_pos` is computed.
    """

    __slots__ = ("type", "prefix", "value", "line", "column", "_at")

    # Declared for mypyc, which compiles this module into a native class in the optional
    # compiled build (scripts/build_compiled.py); the pure-Python class is the same.
    type: str
    prefix: str
    value: str
    line: int
    column: int
    _at: Union[int, "array[int]"]

    def __init__(
        self, type: str, prefix: str, value: str, start_pos: Union[int, "array[int]"], line: int, column: int
    ) -> None:
        self.type = type  # terminal name, as declared in grammars/hcl.lark
        self.prefix = prefix  # trivia before the token: spaces, comments, insignificant newlines
        self.value = value  # the token's own text
        self.line = line  # 1-based line of ``value``
        self.column = column  # 1-based column of ``value``, in code points
        # The offset of ``value`` (after the prefix); the lexer passes instead the
        # file's list of line-start offsets, shared by all its tokens.
        self._at = start_pos

    @property
    def start_pos(self) -> int:
        """Offset of the token's text in the file (after its prefix)."""
        at = self._at
        if isinstance(at, int):
            return at
        return at[self.line - 1] + self.column - 1

    @property
    def end_pos(self) -> int:
        """Offset just past the token's text."""
        return self.start_pos + len(self.value)

    @property
    def code(self) -> str:
        """The exact source text this token owns."""
        return self.prefix + self.value

    def __repr__(self) -> str:
        return f"Token({self.type}, {self.value!r}, {self.line}:{self.column})"


# How a terminal is named in an error message.
DISPLAY: dict[str, str] = {
    "IDENT": "a name",
    "NUMBER": "a number",
    "NL": "a newline",
    "EOF": "end of file",
    "$END": "end of file",
    "EQ": '"="',
    "LBRACE": '"{"',
    "RBRACE": '"}"',
    "LBRACK": '"["',
    "RBRACK": '"]"',
    "LPAREN": '"("',
    "RPAREN": '")"',
    "COMMA": '","',
    "DOT": '"."',
    "COLON": '":"',
    "DCOLON": '"::"',
    "QMARK": '"?"',
    "FATARROW": '"=>"',
    "ELLIPSIS": '"..."',
    "STAR": '"*"',
    "PLUS": '"+"',
    "MINUS": '"-"',
    "SLASH": '"/"',
    "PERCENT": '"%"',
    "EQEQ": '"=="',
    "NEQ": '"!="',
    "LT": '"<"',
    "GT": '">"',
    "LE": '"<="',
    "GE": '">="',
    "AND": '"&&"',
    "OR": '"||"',
    "BANG": '"!"',
    "OQUOTE": 'a quoted string',
    "CQUOTE": 'a closing \'"\'',
    "TLIT": "template text",
    "INTERP_OPEN": '"${"',
    "TCLOSE": '"}"',
    "HEREDOC_OPEN": "a heredoc",
    "HEREDOC_CLOSE": "the heredoc's closing marker",
    "DIR_IF": '"%{if"',
    "DIR_ELSE": '"%{else"',
    "DIR_ENDIF": '"%{endif"',
    "DIR_FOR": '"%{for"',
    "DIR_ENDFOR": '"%{endfor"',
    "FOR": '"for"',
    "IN": '"in"',
    "IF": '"if"',
}
