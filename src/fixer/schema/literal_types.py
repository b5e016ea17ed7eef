"""Does a literal convert to an attribute's schema type, as Terraform converts it?

:func:`literal_type_error` is pure: an expression and a schema type code (``s``, ``n``,
``b``, ``l:T``, ``S:T``, ``m:T``; see :mod:`fixer.schema.model`) in, Terraform's complaint
out, or None. Only literals are judged (numbers, ``true``/``false``, strings without
interpolation, heredocs without interpolation, ``[...]`` and ``{...}``); anything else,
``null``, and the types ``any`` and ``o`` (object, which may also be written as blocks) are
never reported.

Terraform converts a value to the attribute's type with go-cty's ``convert`` package
(https://github.com/zclconf/go-cty/blob/main/cty/convert/conversion_primitive.go):
a number or a bool converts to a string; a string converts to a number when
``big.Float.Parse(s, 10)`` reads it (``"5"``, ``"1.5e3"``; else "a number is required") and
to a bool when it is ``"true"``, ``"1"``, ``"false"`` or ``"0"`` (else "a bool is
required"); nothing converts a number to a bool or a bool to a number, nor a list or an
object to a primitive, nor a primitive to a collection (``number required.``).
A tuple converts to a list or set when each element converts; an object to a map when each
value converts. The message is Terraform's ``Incorrect attribute value type`` detail:
``Inappropriate value for attribute "port": number required.``
"""

from __future__ import annotations

from ..syntax.nodes import Expression, Heredoc, Literal, Object, QuotedTemplate, TemplateLiteral, Tuple, UnaryOp, Variable

__all__ = ["literal_type_error", "type_phrase"]

_PRIMITIVE = {"s": "string", "n": "number", "b": "bool"}
_COLLECTION = {"l": "list", "S": "set", "m": "map"}
# go-cty's string to bool conversion accepts these (older releases only "true"/"false").
_BOOL_STRINGS = frozenset({"true", "false", "1", "0"})


def type_phrase(code: str) -> str:
    """Terraform's name of a type code: ``string``, ``list of number``, ``map of string``."""
    if code in _PRIMITIVE:
        return _PRIMITIVE[code]
    head, _, inner = code.partition(":")
    if head in _COLLECTION and inner:
        return f"{_COLLECTION[head]} of {type_phrase(inner)}"
    return code


def _kind(expr: Expression) -> str | None:
    """``string``, ``number``, ``bool``, ``tuple`` or ``object`` for a literal, else None."""
    t = type(expr)
    if t is Literal or (t is UnaryOp and expr.operator.value == "-" and type(expr.operand) is Literal):  # type: ignore[attr-defined]
        return "number"
    if t is Variable and expr.name.value in ("true", "false"):  # type: ignore[attr-defined]
        return "bool"
    if t is QuotedTemplate and expr.is_literal():  # type: ignore[attr-defined]
        return "string"
    if t is Heredoc and all(type(p) is TemplateLiteral for p in expr.template.parts):  # type: ignore[attr-defined]
        return "heredoc"
    if t is Tuple:
        return "tuple"
    if t is Object:
        return "object"
    return None


def _converts_to_number(text: str) -> bool:
    # Conservative: whatever Python reads as a float is taken as convertible (Go's
    # big.Float parser is stricter), so no string that Terraform accepts is reported.
    try:
        float(text.strip())
    except ValueError:
        return False
    return True


def _problem(expr: Expression, code: str) -> str | None:
    """Why ``expr`` does not convert to ``code`` (``"number required"``), or None."""
    kind = _kind(expr)
    if kind is None or code == "any" or code == "o" or code.endswith(":o") or code.endswith(":any"):
        return None
    required = f"{type_phrase(code)} required"
    if kind == "heredoc" and code in ("n", "b"):
        return None  # its text ends in a newline: whether that converts is not judged here
    if code == "s":
        return required if kind in ("tuple", "object") else None
    if code == "n":
        if kind == "string":
            return None if _converts_to_number(expr.literal_value()) else "a number is required"  # type: ignore[attr-defined]
        return required if kind in ("bool", "tuple", "object") else None
    if code == "b":
        if kind == "string":
            return None if expr.literal_value() in _BOOL_STRINGS else "a bool is required"  # type: ignore[attr-defined]
        return required if kind in ("number", "tuple", "object") else None
    head, _, inner = code.partition(":")
    if head in ("l", "S"):
        if kind != "tuple":
            return required
        for index, element in enumerate(expr.items):  # type: ignore[attr-defined]
            problem = _problem(element, inner)
            if problem is not None:
                return f"element {index}: {problem}"
        return None
    if head == "m":
        if kind != "object":
            return required
        for item in expr.items:  # type: ignore[attr-defined]
            key = item.key_name
            problem = _problem(item.value, inner)
            if problem is not None and key is not None:
                return f'element "{key}": {problem}'
        return None
    return None


def literal_type_error(name: str, expr: Expression, code: str) -> str | None:
    """Terraform's message when the literal ``expr`` given to attribute ``name`` cannot be
    converted to the schema type ``code``; None when it can or when ``expr`` is no literal."""
    problem = _problem(expr, code)
    if problem is None:
        return None
    return f'Inappropriate value for attribute "{name}": {problem}.'
