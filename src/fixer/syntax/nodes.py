"""The nodes of the concrete syntax tree.

Nodes are small frozen dataclasses in the manner of libcst: one field per
child, in source order, so that printing a node is writing the tokens of its
fields one after the other. Every byte of the file belongs to exactly one token
(see :mod:`fixer.syntax.tokens`), and every token to exactly one node.

Comment ownership follows hclwrite: comment lines directly above an attribute
or a block (with no blank line between) are that item's ``leading_lines``; a
comment at the end of a line belongs to that line's ``newline`` token prefix.

Walking and printing are iterative, so a file nested tens of thousands of
levels deep does not hit Python's recursion limit.
"""

from __future__ import annotations

import sys
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Callable, Iterator, TypeVar, Union

from .printer import PRINT_FIELDS, text_of
from .tokens import Token

__all__ = [
    "Node",
    "Document",
    "Body",
    "Attribute",
    "Block",
    "EmptyLine",
    "Expression",
    "Literal",
    "Variable",
    "Template",
    "TemplateLiteral",
    "Interpolation",
    "TemplateIf",
    "TemplateFor",
    "QuotedTemplate",
    "Heredoc",
    "FunctionCall",
    "Tuple",
    "Object",
    "ObjectItem",
    "ForTuple",
    "ForObject",
    "ForIntro",
    "Conditional",
    "BinaryOp",
    "UnaryOp",
    "Parens",
    "GetAttr",
    "Index",
    "LegacyIndex",
    "AttrSplat",
    "FullSplat",
]

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:

    def dataclass_transform(**kwargs: Any) -> Callable[[Any], Any]:
        """Tells type checkers (and mypyc) that :func:`_node` makes dataclasses; a no-op here."""
        return lambda decorator: decorator


_C = TypeVar("_C", bound=type)


@dataclass_transform(frozen_default=True, eq_default=False)
def _node(cls: _C) -> _C:
    """Class decorator: a frozen, slotted dataclass compared by identity."""
    cls = dataclass(frozen=True, slots=True, eq=False, repr=False)(cls)
    _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    cls.__init__ = _fast_init(cls)  # type: ignore[misc]
    return cls  # type: ignore[no-any-return]


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setter of each field's slot of a node class, in field order: ``setter(node, value)``
    fills a slot of a frozen node (how its ``__init__`` and the node builder make nodes)."""
    return tuple(getattr(cls, name).__set__ for name in _FIELD_NAMES[cls])


def _fast_init(cls: type):  # type: ignore[no-untyped-def]
    """An ``__init__`` for a frozen slotted dataclass that sets each slot through its
    descriptor, as the dataclass's own does through ``object.__setattr__`` but in about
    half the time (a parse makes a node for every few tokens)."""
    params = []
    body = []
    namespace: dict = {}
    setters = slot_setters(cls)
    for i, f in enumerate(fields(cls)):
        namespace[f"_set{i}"] = setters[i]
        if f.default is not MISSING:
            namespace[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        else:
            params.append(f.name)
        body.append(f"    _set{i}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(source, namespace)  # noqa: S102 - generated from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class Node:
    """Base of every node: printing, spans and traversal."""

    __slots__ = ()

    def children(self) -> Iterator[Union["Node", Token]]:
        """The direct children (nodes and tokens) in source order."""
        for name in _FIELD_NAMES[type(self)]:
            value = getattr(self, name)
            if value is None:
                continue
            if type(value) is tuple:
                yield from value
            else:
                yield value

    def tokens(self) -> Iterator[Token]:
        """Every token below this node, in source order (iterative)."""
        stack: list = [self]
        pop = stack.pop
        push = stack.extend
        while stack:
            item = pop()
            if type(item) is Token:
                yield item
            else:
                kids = list(item.children())
                kids.reverse()
                push(kids)

    def walk(self) -> Iterator["Node"]:
        """This node and every node below it, in source order (iterative)."""
        stack: list = [self]
        while stack:
            item = stack.pop()
            if type(item) is Token:
                continue
            yield item
            kids = [k for k in item.children() if type(k) is not Token]
            kids.reverse()
            stack.extend(kids)

    @property
    def code(self) -> str:
        """The exact source text of this node, trivia included."""
        return _text(self, True)

    def first_token(self) -> Token:
        return next(self.tokens())

    def last_token(self) -> Token:
        last = None
        for last in self.tokens():
            pass
        assert last is not None
        return last

    @property
    def start(self) -> int:
        """Offset of the node's first significant character (its leading trivia excluded)."""
        return self.first_token().start_pos

    @property
    def end(self) -> int:
        """Offset just past the node's last character."""
        return self.last_token().end_pos

    @property
    def line(self) -> int:
        """1-based line of :attr:`start`."""
        return self.first_token().line

    @property
    def column(self) -> int:
        """1-based column of :attr:`start`, in code points."""
        return self.first_token().column

    @property
    def source(self) -> str:
        """The node's text without its leading trivia."""
        return _text(self, False)

    def __repr__(self) -> str:
        text = self.source
        if len(text) > 40:
            text = text[:37] + "..."
        return f"{type(self).__name__}({text!r})"


def _text(node: Node, first_prefix: bool) -> str:
    """The text of ``node``'s tokens, with or without the first token's prefix."""
    return text_of(node, first_prefix, _print_fields)


def _print_fields(cls: type) -> tuple[str, ...]:
    """The child fields of a node class, last first (the order they are pushed)."""
    names = ("body", "eof") if issubclass(cls, Document) else _FIELD_NAMES[cls]
    PRINT_FIELDS[cls] = names = tuple(reversed(names))
    return names


class Expression(Node):
    """Base of every expression node."""

    __slots__ = ()


# ---- structure -------------------------------------------------------------------------


@_node
class EmptyLine(Node):
    """A line with no attribute or block: blank, or holding only a comment."""

    newline: Token  # the NL token; its prefix holds the indentation and any comment

    @property
    def comment(self) -> str | None:
        """The comment text on this line, if any."""
        text = self.newline.prefix.strip()
        return text or None


@_node
class Attribute(Node):
    """``name = expression`` in a body."""

    leading_lines: tuple[EmptyLine, ...]  # comment lines directly above, owned by this attribute
    name: Token  # IDENT
    equals: Token  # EQ
    value: Expression  # the attribute's expression
    newline: Token | None  # NL ending the line (prefix: a trailing comment); None in a one-line block

    @property
    def key(self) -> str:
        """The attribute's name as a string."""
        return self.name.value

    # Where the attribute itself begins: its name, not the comment lines it owns.
    @property
    def start(self) -> int:
        return self.name.start_pos

    @property
    def line(self) -> int:
        return self.name.line

    @property
    def column(self) -> int:
        return self.name.column

    @property
    def end(self) -> int:
        """Just past the value: the line's trailing comment and newline are not part of it."""
        return self.value.end


@_node
class Block(Node):
    """``type label... { body }`` in a body, multi-line, empty or one-line."""

    leading_lines: tuple[EmptyLine, ...]  # comment lines directly above, owned by this block
    type_token: Token  # IDENT naming the block type
    label_nodes: tuple[Union[Token, "QuotedTemplate"], ...]  # IDENT or quoted labels
    open_brace: Token  # LBRACE
    open_newline: Token | None  # NL after "{" in a multi-line block
    body: "Body"  # the nested body (one attribute for a one-line block)
    close_brace: Token  # RBRACE
    newline: Token  # NL after "}"

    @property
    def type(self) -> str:
        """The block type, such as ``resource``."""
        return self.type_token.value

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels as strings, quotes removed."""
        out = []
        for label in self.label_nodes:
            if type(label) is Token:
                out.append(label.value)
            else:
                out.append(label.literal_value())  # type: ignore[union-attr]
        return tuple(out)

    @property
    def is_one_line(self) -> bool:
        return self.open_newline is None

    # Where the block itself begins: its type keyword, not the comment lines it owns.
    @property
    def start(self) -> int:
        return self.type_token.start_pos

    @property
    def line(self) -> int:
        return self.type_token.line

    @property
    def column(self) -> int:
        return self.type_token.column

    @property
    def end(self) -> int:
        """Just past the closing brace: the newline after it is not part of it."""
        return self.close_brace.end_pos


@_node
class Body(Node):
    """The items of a file or a block, in order: attributes, blocks and empty lines."""

    items: tuple[Union[Attribute, Block, EmptyLine], ...]

    # -- reading, in the spirit of hclwrite ------------------------------------------
    def attributes(self) -> list[Attribute]:
        """The attributes directly in this body, in order."""
        return [i for i in self.items if type(i) is Attribute]

    def get_attribute(self, name: str) -> Attribute | None:
        """The attribute called ``name``, or None."""
        for item in self.items:
            if type(item) is Attribute and item.name.value == name:
                return item
        return None

    def blocks(self, type: str | None = None) -> list[Block]:
        """The blocks directly in this body, optionally only those of one type."""
        return [
            i for i in self.items if isinstance(i, Block) and (type is None or i.type == type)
        ]

    def first_matching_block(self, type: str, labels: tuple[str, ...] | list[str] = ()) -> Block | None:
        """The first block of ``type`` whose labels start with ``labels``."""
        want = tuple(labels)
        for block in self.blocks(type):
            if block.labels[: len(want)] == want:
                return block
        return None


@_node
class Document(Node):
    """A whole file: its body and the trivia after the last item."""

    body: Body
    eof: Token  # EOF; its prefix is the trailing trivia (and the whole file when it is empty)
    path: str | None = field(default=None)  # where the text came from, for messages

    def children(self) -> Iterator[Union[Node, Token]]:
        yield self.body
        yield self.eof

    @property
    def newline(self) -> str:
        """The file's line ending: ``"\\r\\n"`` if its first line ends so, else ``"\\n"``."""
        for tok in self.tokens():
            for text in (tok.prefix, tok.value):
                i = text.find("\n")
                if i >= 0:
                    return "\r\n" if i > 0 and text[i - 1] == "\r" else "\n"
        return "\n"


# ---- templates ---------------------------------------------------------------------------


@_node
class TemplateLiteral(Node):
    """Literal text inside a quoted string or heredoc, escapes as written."""

    token: Token  # TLIT


@_node
class Interpolation(Node):
    """``${ expr }`` inside a template (``${~`` / ``~}`` strip markers kept in the tokens)."""

    open: Token  # INTERP_OPEN: "${" or "${~"
    expression: Expression
    close: Token  # TCLOSE: "}" or "~}"


@_node
class Template(Node):
    """The parts of a quoted string or heredoc, between its delimiters."""

    parts: tuple[Union[TemplateLiteral, Interpolation, "TemplateIf", "TemplateFor"], ...]


@_node
class TemplateIf(Node):
    """``%{ if cond }...%{ else }...%{ endif }``."""

    if_open: Token  # DIR_IF, e.g. "%{ if" or "%{~if"
    condition: Expression
    if_close: Token  # TCLOSE
    then: Template
    else_open: Token | None  # DIR_ELSE
    else_close: Token | None  # TCLOSE
    otherwise: Template | None
    endif_open: Token  # DIR_ENDIF
    endif_close: Token  # TCLOSE


@_node
class TemplateFor(Node):
    """``%{ for k, v in coll }...%{ endfor }``."""

    for_open: Token  # DIR_FOR
    key_var: Token | None  # IDENT, when two names are given
    comma: Token | None  # COMMA between the names
    value_var: Token  # IDENT
    in_token: Token  # IN
    collection: Expression
    for_close: Token  # TCLOSE
    body: Template
    endfor_open: Token  # DIR_ENDFOR
    endfor_close: Token  # TCLOSE


@_node
class QuotedTemplate(Expression):
    """A quoted string ``"..."`` (a template: it may hold interpolations)."""

    open: Token  # OQUOTE
    template: Template
    close: Token  # CQUOTE

    @property
    def parts(self) -> tuple:
        return self.template.parts

    def is_literal(self) -> bool:
        """True when the string holds no interpolation or directive."""
        return all(type(p) is TemplateLiteral for p in self.template.parts)

    def literal_value(self) -> str:
        """The string's value with escapes resolved; only for :meth:`is_literal` strings."""
        return "".join(unescape_quoted(p.token.value) for p in self.template.parts)  # type: ignore[union-attr]


@_node
class Heredoc(Expression):
    """A heredoc template ``<<EOT`` or ``<<-EOT``."""

    open: Token  # HEREDOC_OPEN, "<<EOT" plus its newline
    template: Template
    close: Token  # HEREDOC_CLOSE, the marker line (with its indentation)

    @property
    def marker(self) -> str:
        return self.open.value.lstrip("<-").rstrip("\r\n")

    @property
    def strips_indent(self) -> bool:
        """True for ``<<-`` heredocs, whose common indentation is removed."""
        return self.open.value.startswith("<<-")


# ---- other expressions -----------------------------------------------------------------


@_node
class Literal(Expression):
    """A number."""

    token: Token  # NUMBER


@_node
class Variable(Expression):
    """A bare name: a variable root such as ``var``, or ``true`` / ``false`` / ``null``."""

    name: Token  # IDENT


@_node
class FunctionCall(Expression):
    """``name(args)``, including ``provider::ns::name(...)`` and ``f(list...)``."""

    name_tokens: tuple[Token, ...]  # IDENT (DCOLON IDENT)*
    open: Token  # LPAREN
    arguments: tuple[Union[Expression, Token], ...]  # expressions interleaved with COMMA / ELLIPSIS
    close: Token  # RPAREN

    @property
    def name(self) -> str:
        """The function name, namespaces included (``provider::aws::arn_parse``)."""
        return "".join(t.value for t in self.name_tokens)

    @property
    def args(self) -> list[Expression]:
        return [a for a in self.arguments if type(a) is not Token]

    @property
    def expands_final_argument(self) -> bool:
        """True for ``f(a, list...)``."""
        return any(type(a) is Token and a.type == "ELLIPSIS" for a in self.arguments)


@_node
class Tuple(Expression):
    """``[a, b, c]``."""

    open: Token  # LBRACK
    elements: tuple[Union[Expression, Token], ...]  # expressions interleaved with COMMA
    close: Token  # RBRACK

    @property
    def items(self) -> list[Expression]:
        return [e for e in self.elements if type(e) is not Token]


@_node
class ObjectItem(Node):
    """``key = value`` or ``key: value`` inside an object."""

    key: Expression
    separator: Token  # EQ or COLON
    value: Expression

    @property
    def key_name(self) -> str | None:
        """The key as a string when it is a bare name or a literal string."""
        key = self.key
        if type(key) is Variable:
            return key.name.value
        if type(key) is QuotedTemplate and key.is_literal():
            return key.literal_value()
        return None


@_node
class Object(Expression):
    """``{ k = v, ... }`` over one or several lines."""

    open: Token  # LBRACE
    elements: tuple[Union[ObjectItem, Token], ...]  # items interleaved with COMMA / NL tokens
    close: Token  # RBRACE

    @property
    def items(self) -> list[ObjectItem]:
        return [e for e in self.elements if type(e) is ObjectItem]

    def get(self, key: str) -> ObjectItem | None:
        for item in self.items:
            if item.key_name == key:
                return item
        return None


@_node
class ForIntro(Node):
    """``for k, v in collection :`` at the start of a for expression."""

    for_token: Token  # FOR
    key_var: Token | None  # IDENT, when two names are given
    comma: Token | None
    value_var: Token  # IDENT
    in_token: Token  # IN
    collection: Expression
    colon: Token  # COLON


@_node
class ForTuple(Expression):
    """``[for v in coll : expr if cond]``."""

    open: Token  # LBRACK
    intro: ForIntro
    value: Expression
    if_token: Token | None  # IF
    condition: Expression | None
    close: Token  # RBRACK


@_node
class ForObject(Expression):
    """``{for k, v in coll : key => value... if cond}``."""

    open: Token  # LBRACE
    intro: ForIntro
    key: Expression
    arrow: Token  # FATARROW
    value: Expression
    ellipsis: Token | None  # ELLIPSIS: grouping mode
    if_token: Token | None  # IF
    condition: Expression | None
    close: Token  # RBRACE


@_node
class Conditional(Expression):
    """``cond ? a : b``."""

    condition: Expression
    question: Token  # QMARK
    true_value: Expression
    colon: Token  # COLON
    false_value: Expression


@_node
class BinaryOp(Expression):
    """``left op right`` for the arithmetic, comparison and logic operators."""

    left: Expression
    operator: Token
    right: Expression


@_node
class UnaryOp(Expression):
    """``-x`` or ``!x``."""

    operator: Token  # MINUS or BANG
    operand: Expression


@_node
class Parens(Expression):
    """``( expr )``."""

    open: Token  # LPAREN
    expression: Expression
    close: Token  # RPAREN


# ---- traversal steps: each wraps the expression it applies to ---------------------------


@_node
class GetAttr(Expression):
    """``target.name``."""

    target: Expression
    dot: Token  # DOT
    name: Token  # IDENT


@_node
class Index(Expression):
    """``target[key]``."""

    target: Expression
    open: Token  # LBRACK
    key: Expression
    close: Token  # RBRACK


@_node
class LegacyIndex(Expression):
    """``target.0``: the legacy index form."""

    target: Expression
    dot: Token  # DOT
    index: Token  # NUMBER (digits only)


@_node
class AttrSplat(Expression):
    """``target.*``; the steps that follow it apply to every element."""

    target: Expression
    dot: Token  # DOT
    star: Token  # STAR


@_node
class FullSplat(Expression):
    """``target[*]``; the steps that follow it apply to every element."""

    target: Expression
    open: Token  # LBRACK
    star: Token  # STAR
    close: Token  # RBRACK


def significant_text(node: Node) -> str:
    """The node's significant tokens, space-separated: layout, comments and line endings
    ignored, so that two spellings of one expression compare equal."""
    return " ".join(t.value.replace("\r\n", "\n") for t in node.tokens() if t.type != "NL")


def unwrapped(expr: Expression) -> Expression:
    """The expression ``(x)`` and ``"${x}"`` stand for: ``x``."""
    while True:
        if type(expr) is Parens:
            expr = expr.expression
        elif type(expr) is QuotedTemplate and len(expr.parts) == 1 and type(expr.parts[0]) is Interpolation:
            expr = expr.parts[0].expression
        else:
            return expr


def compared_text(expr: Expression) -> str:
    """The text two expressions are compared by: :func:`significant_text` of what
    :func:`unwrapped` gives, so ``(x)``, ``"${x}"`` and ``x`` spelled over lines compare equal."""
    return significant_text(unwrapped(expr))


def body_shape(body: "Body") -> tuple:
    """A structural, order-insensitive form of a body: its attributes' :func:`compared_text`
    by name, and its nested blocks as a set (``dimensions`` blocks in any order compare equal)."""
    attributes = tuple(sorted((a.key, compared_text(a.value)) for a in body.attributes()))
    return attributes, tuple(sorted((b.type, b.labels, body_shape(b.body)) for b in body.blocks()))


def dynamic_blocks(body: "Body", name: str) -> list["Block"]:
    """The ``dynamic "<name>"`` blocks of ``body``: what generates its ``name`` blocks."""
    return [b for b in body.blocks("dynamic") if b.labels[:1] == (name,)]


def contains(container: Node, node: Node) -> bool:
    """Whether ``node``'s span lies within ``container``'s."""
    return container.start <= node.start and node.end <= container.end


def comments_above(item: "Attribute | Block") -> list[str]:
    """The comment lines directly above ``item`` (its ``leading_lines``), each stripped."""
    return [line.comment for line in item.leading_lines if line.comment]


def trailing_comment(item: "Attribute | Block") -> str | None:
    """The comment after ``item`` on its last line (``# ...``, ``// ...``, ``/* ... */``),
    stripped; None when there is none or the item ends a one-line block."""
    if item.newline is None:
        return None
    return item.newline.prefix.strip() or None


def generated_type(block: "Block") -> str:
    """The type of the blocks ``block`` stands for: its own, or for ``dynamic "x"`` the ``x`` it generates."""
    return block.labels[0] if block.type == "dynamic" and len(block.label_nodes) == 1 else block.type


def item_name(item: "Attribute | Block") -> str:
    """How a message names a body item: ``key``, ``type``, or ``dynamic "type"``."""
    if type(item) is Attribute:
        return item.key
    return f'dynamic "{generated_type(item)}"' if item.type == "dynamic" else item.type  # type: ignore[union-attr]


def same_setting(a: "Attribute | Block", b: "Attribute | Block") -> bool:
    """Two attributes with one value, or two blocks with one content, however laid out or
    commented (:func:`significant_text`)."""
    if type(a) is Attribute and type(b) is Attribute:
        return significant_text(a.value) == significant_text(b.value)
    return type(a) is Block and type(b) is Block and significant_text(a) == significant_text(b)


def brief(item: "Attribute | Block", width: int = 40) -> str:
    """A short description of ``item`` for a note: ``= <value>`` (cut to ``width``) or ``line N``."""
    if type(item) is Block:
        return f"line {item.line}"
    text = " ".join(item.value.source.split())  # type: ignore[union-attr]
    return f"= {text}" if len(text) <= width else "= " + text[: width - 3] + "..."


def traversal_parts(expr: Expression) -> tuple[Expression, list[Expression]]:
    """Split ``a.b[0].c`` into its root (``a``) and its steps, outermost last."""
    steps: list[Expression] = []
    while type(expr) in (GetAttr, Index, LegacyIndex, AttrSplat, FullSplat):
        steps.append(expr)
        expr = expr.target  # type: ignore[attr-defined]
    steps.reverse()
    return expr, steps


def reference_name(expr: Expression) -> str | None:
    """``var.x``, ``aws_lb.main.arn``, ``each.key`` as text for a plain dotted reference, else None.

    Index steps with a literal key are kept (``aws_lb.main[0].arn``); anything else
    (calls, splats, computed indexes) gives None.
    """
    root, steps = traversal_parts(expr)
    if type(root) is not Variable:
        return None
    out = [root.name.value]
    for step in steps:
        if type(step) is GetAttr:
            out.append("." + step.name.value)
        elif type(step) is LegacyIndex:
            out.append("[" + step.index.value + "]")
        elif type(step) is Index:
            key = step.key
            if type(key) is Literal:
                out.append("[" + key.token.value + "]")
            elif type(key) is QuotedTemplate and key.is_literal():
                out.append('["' + key.literal_value() + '"]')
            else:
                return None
        else:
            return None
    return "".join(out)


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def unescape_quoted(raw: str) -> str:
    """Resolve the escapes of quoted-template literal text (``\\n``, ``$${``, ...)."""
    if "\\" not in raw and "$${" not in raw and "%%{" not in raw:
        return raw
    out: list[str] = []
    i = 0
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == "\\" and i + 1 < n:
            e = raw[i + 1]
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
                i += 2
                continue
            if e == "u":
                out.append(chr(int(raw[i + 2 : i + 6], 16)))
                i += 6
                continue
            if e == "U":
                out.append(chr(int(raw[i + 2 : i + 10], 16)))
                i += 10
                continue
        if raw.startswith("$${", i) or raw.startswith("%%{", i):
            out.append(raw[i + 1 : i + 3])
            i += 3
            continue
        out.append(c)
        i += 1
    return "".join(out)


def escape_quoted(text: str) -> str:
    """The literal text of a quoted template whose value is ``text`` (the inverse of
    :func:`unescape_quoted`): backslashes, quotes and line breaks escaped, ``${`` and ``%{``
    doubled so that they stay literal."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return out.replace("${", "$${").replace("%{", "%%{")
