"""Build nodes during the LALR parse.

The parser (:mod:`.parser`) calls one method per grammar rule (or alias) at
each reduction, with the rule's children; the method returns the node. No intermediate parse tree is
ever made, and nothing here recurses, so nesting depth is bounded only by
memory.
"""

from __future__ import annotations

from typing import Any, Callable, Final, Tuple

from . import nodes as n
from .tokens import COMPILED, Token

__all__ = ["NodeBuilder", "BuildError"]


class BuildError(Exception):
    """A construct the grammar accepts but HCL forbids, found while building."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class _Maker:
    """Makes the nodes of one class as its ``__init__`` would, without calling it.

    A node's ``__init__`` is interpreted code (see :func:`.nodes._fast_init`); the compiled
    builder skips that frame and sets the slots itself, which saves about a third of the
    cost of a node. In pure Python calling the class is quicker: the builder does that there.
    """

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.setters: tuple[Callable[[Any, Any], None], ...] = n.slot_setters(cls)

    def make1(self, a: Any) -> Any:
        node: Any = _new(self.cls)
        self.setters[0](node, a)
        return node

    def make4(self, a: Any, b: Any, c: Any, d: Any) -> Any:
        node: Any = _new(self.cls)
        setters = self.setters
        setters[0](node, a)
        setters[1](node, b)
        setters[2](node, c)
        setters[3](node, d)
        return node

    def make3(self, a: Any, b: Any, c: Any) -> Any:
        node: Any = _new(self.cls)
        setters = self.setters
        setters[0](node, a)
        setters[1](node, b)
        setters[2](node, c)
        return node

    def make5(self, a: Any, b: Any, c: Any, d: Any, e: Any) -> Any:
        node: Any = _new(self.cls)
        setters = self.setters
        setters[0](node, a)
        setters[1](node, b)
        setters[2](node, c)
        setters[3](node, d)
        setters[4](node, e)
        return node

    def make8(self, a: Any, b: Any, c: Any, d: Any, e: Any, f: Any, g: Any, h: Any) -> Any:
        node: Any = _new(self.cls)
        setters = self.setters
        setters[0](node, a)
        setters[1](node, b)
        setters[2](node, c)
        setters[3](node, d)
        setters[4](node, e)
        setters[5](node, f)
        setters[6](node, g)
        setters[7](node, h)
        return node


_new: Final = object.__new__
# The node classes a parse makes most of (97% of its nodes on the shared corpus).
_ATTRIBUTE: Final = _Maker(n.Attribute)
_EMPTY_LINE: Final = _Maker(n.EmptyLine)
_GET_ATTR: Final = _Maker(n.GetAttr)
_VARIABLE: Final = _Maker(n.Variable)
_QUOTED: Final = _Maker(n.QuotedTemplate)
_TEMPLATE: Final = _Maker(n.Template)
_TEMPLATE_LITERAL: Final = _Maker(n.TemplateLiteral)
_BODY: Final = _Maker(n.Body)
_BLOCK: Final = _Maker(n.Block)
_CALL: Final = _Maker(n.FunctionCall)
_INTERPOLATION: Final = _Maker(n.Interpolation)
_TUPLE: Final = _Maker(n.Tuple)
_LITERAL: Final = _Maker(n.Literal)


def _is_comment_line(line: n.EmptyLine) -> bool:
    return bool(line.newline.prefix.strip())


class NodeBuilder:
    """The reduction callbacks; method names are the rule names (or aliases) of ``hcl.lark``.

    Each method takes the list of the rule's children and returns the node.
    """

    # ---- structure -------------------------------------------------------------------
    def start(self, c: list) -> n.Document:
        return n.Document(c[0], c[1])

    def body(self, c: list) -> n.Body:
        items: list = []
        pending: list[n.EmptyLine] = []  # comment lines not yet separated by a blank line
        seen: dict[str, Token] = {}  # attribute name -> its first definition
        for child in c:
            if type(child) is n.Attribute:
                name = child.name
                first = seen.setdefault(name.value, name)
                if first is not name:
                    raise BuildError(
                        f'attribute "{name.value}" is already set on line {first.line}; '
                        "each attribute may be set only once in a body",
                        name.start_pos,
                    )
            if type(child) is Token:
                line = _EMPTY_LINE.make1(child) if COMPILED else n.EmptyLine(child)
                if _is_comment_line(line):
                    pending.append(line)
                else:
                    items.extend(pending)
                    pending = []
                    items.append(line)
            else:
                if pending:
                    object.__setattr__(child, "leading_lines", tuple(pending))
                    pending = []
                items.append(child)
        items.extend(pending)
        if COMPILED:
            return _BODY.make1(tuple(items))
        return n.Body(tuple(items))

    def attribute(self, c: list) -> n.Attribute:
        if COMPILED:
            return _ATTRIBUTE.make5((), c[0], c[1], c[2], c[3])
        return n.Attribute((), c[0], c[1], c[2], c[3])

    def one_line_attr(self, c: list) -> n.Attribute:
        return n.Attribute((), c[0], c[1], c[2], None)

    def labels(self, c: list) -> tuple:
        for label in c:
            if type(label) is n.QuotedTemplate and not label.is_literal():
                raise BuildError(
                    "a block label cannot contain template sequences; "
                    "write '$${' or '%%{' for a literal '${' or '%{'",
                    label.start,
                )
        return tuple(c)

    def block(self, c: list) -> n.Block:
        if COMPILED:
            return _BLOCK.make8((), c[0], c[1], c[2], c[3], c[4], c[5], c[6])
        return n.Block((), c[0], c[1], c[2], c[3], c[4], c[5], c[6])

    def empty_block(self, c: list) -> n.Block:
        return n.Block((), c[0], c[1], c[2], None, n.Body(()), c[3], c[4])

    def one_line_block(self, c: list) -> n.Block:
        return n.Block((), c[0], c[1], c[2], None, n.Body((c[3],)), c[4], c[5])

    # ---- expressions ---------------------------------------------------------------------
    def conditional(self, c: list) -> n.Conditional:
        return n.Conditional(c[0], c[1], c[2], c[3], c[4])

    def binary(self, c: list) -> n.BinaryOp:
        return n.BinaryOp(c[0], c[1], c[2])

    def unary(self, c: list) -> n.UnaryOp:
        return n.UnaryOp(c[0], c[1])

    def get_attr(self, c: list) -> n.GetAttr:
        if COMPILED:
            return _GET_ATTR.make3(c[0], c[1], c[2])
        return n.GetAttr(c[0], c[1], c[2])

    def legacy_index(self, c: list) -> n.LegacyIndex:
        return n.LegacyIndex(c[0], c[1], c[2])

    def attr_splat(self, c: list) -> n.AttrSplat:
        return n.AttrSplat(c[0], c[1], c[2])

    def index(self, c: list) -> n.Index:
        return n.Index(c[0], c[1], c[2], c[3])

    def full_splat(self, c: list) -> n.FullSplat:
        return n.FullSplat(c[0], c[1], c[2], c[3])

    def number(self, c: list) -> n.Literal:
        if COMPILED:
            return _LITERAL.make1(c[0])
        return n.Literal(c[0])

    def variable(self, c: list) -> n.Variable:
        if COMPILED:
            return _VARIABLE.make1(c[0])
        return n.Variable(c[0])

    def parens(self, c: list) -> n.Parens:
        return n.Parens(c[0], c[1], c[2])

    def call(self, c: list) -> n.FunctionCall:
        if COMPILED:
            return _CALL.make4(c[0], c[1], c[2], c[3])
        return n.FunctionCall(c[0], c[1], c[2], c[3])

    def function_name(self, c: list) -> tuple:
        return tuple(c)

    def call_args(self, c: list) -> tuple:
        return tuple(c)

    def tuple(self, c: list) -> n.Tuple:
        if COMPILED:
            return _TUPLE.make3(c[0], tuple(c[1:-1]), c[-1])
        return n.Tuple(c[0], tuple(c[1:-1]), c[-1])

    def object(self, c: list) -> n.Object:
        return n.Object(c[0], tuple(c[1:-1]), c[-1])

    def object_item(self, c: list) -> n.ObjectItem:
        return n.ObjectItem(c[0], c[1], c[2])

    def for_intro(self, c: list) -> n.ForIntro:
        if len(c) == 5:
            return n.ForIntro(c[0], None, None, c[1], c[2], c[3], c[4])
        return n.ForIntro(c[0], c[1], c[2], c[3], c[4], c[5], c[6])

    def for_cond(self, c: list) -> Tuple[Any, Any]:  # (the method "tuple" hides the builtin here)
        return (c[0], c[1])

    def for_tuple(self, c: list) -> n.ForTuple:
        if len(c) == 5:
            if_token, condition = c[3]
            return n.ForTuple(c[0], c[1], c[2], if_token, condition, c[4])
        return n.ForTuple(c[0], c[1], c[2], None, None, c[3])

    def for_object(self, c: list) -> n.ForObject:
        open_, intro, key, arrow, value = c[:5]
        rest = c[5:-1]
        ellipsis = None
        if_token = condition = None
        for item in rest:
            if type(item) is Token:
                ellipsis = item
            else:
                if_token, condition = item
        return n.ForObject(open_, intro, key, arrow, value, ellipsis, if_token, condition, c[-1])

    # ---- templates -------------------------------------------------------------------------
    def quoted(self, c: list) -> n.QuotedTemplate:
        if COMPILED:
            return _QUOTED.make3(c[0], c[1], c[2])
        return n.QuotedTemplate(c[0], c[1], c[2])

    def heredoc(self, c: list) -> n.Heredoc:
        return n.Heredoc(c[0], c[1], c[2])

    def template(self, c: list) -> n.Template:
        parts = []
        for p in c:
            if type(p) is Token:
                parts.append(_TEMPLATE_LITERAL.make1(p) if COMPILED else n.TemplateLiteral(p))
            else:
                parts.append(p)
        if COMPILED:
            return _TEMPLATE.make1(tuple(parts))
        return n.Template(tuple(parts))

    def interpolation(self, c: list) -> n.Interpolation:
        if COMPILED:
            return _INTERPOLATION.make3(c[0], c[1], c[2])
        return n.Interpolation(c[0], c[1], c[2])

    def template_if(self, c: list) -> n.TemplateIf:
        if len(c) == 9:
            return n.TemplateIf(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])
        return n.TemplateIf(c[0], c[1], c[2], c[3], None, None, None, c[4], c[5])

    def template_for(self, c: list) -> n.TemplateFor:
        if len(c) == 10:
            return n.TemplateFor(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9])
        return n.TemplateFor(c[0], None, None, c[1], c[2], c[3], c[4], c[5], c[6], c[7])
