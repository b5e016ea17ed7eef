"""How many elements a collection expression can have: exactly, or at most.

A ``dynamic`` block makes one block per element of its ``for_each``. When the value is
known (literals, variable defaults, tfvars, locals), the count is exact; when it is not,
the expression's shape often still bounds it: ``var.x == null ? [] : [var.x]`` has at
most one element, ``concat([a], [b])`` at most two, ``try([...], [])`` at most the
larger branch, ``var.object[*]`` of a variable declared as one object at most one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from ..syntax import nodes as n

if TYPE_CHECKING:
    from .evaluate import Evaluator, Scope

__all__ = ["Size", "largest_size", "most_elements", "longest_text"]

_SAME_SIZE = frozenset({"toset", "tolist", "tomap", "compact", "distinct", "sort", "reverse", "keys", "values", "nonsensitive"})
_ONE_OF = frozenset({"try", "coalescelist"})
_MAX_DEPTH = 16


@dataclass(frozen=True)
class Size:
    """The most elements a collection has over some instances."""

    count: int | None  # the largest count, or an upper bound on it; None: no bound is known
    exact: bool  # True: some instance has exactly ``count`` elements (or every count was known)
    where: str = ""  # the instance with that count (``each.key = api``), when exact


def largest_size(evaluator: "Evaluator", expr: n.Expression, scopes: Iterable["Scope"]) -> Size:
    """The largest number of elements of ``expr`` over ``scopes`` (one per instance).

    A known value counts exactly, and an instance known to have two or more decides;
    otherwise the bound of :func:`most_elements` over every instance.
    """
    known_best, known_where = -1, ""
    bound: int | None = -1
    all_known = True
    for scope in scopes:
        value: Any = evaluator.evaluate(expr, scope)
        if isinstance(value, (list, dict)):
            count: int | None = len(value)
            if len(value) > known_best:
                known_best, known_where = len(value), scope.describe()
        else:
            all_known = False
            count = most_elements(evaluator, expr, scope)
        if bound is not None:
            bound = None if count is None else max(bound, count)
    if known_best >= 2 or all_known:
        return Size(known_best, True, known_where)
    return Size(bound, False)


def most_elements(evaluator: "Evaluator", expr: n.Node, scope: "Scope", depth: int = 0) -> int | None:
    """An upper bound on the number of elements of a collection expression, or None."""
    if depth > _MAX_DEPTH:
        return None
    value: Any = evaluator.evaluate(expr, scope)  # type: ignore[arg-type]
    if isinstance(value, (list, dict)):
        return len(value)
    kind, deeper = type(expr), depth + 1
    if kind is n.Parens:
        return most_elements(evaluator, expr.expression, scope, deeper)  # type: ignore[attr-defined]
    if kind in (n.Tuple, n.Object):
        return len(expr.items)  # type: ignore[attr-defined]
    if kind is n.Conditional:
        condition = evaluator.evaluate(expr.condition, scope)  # type: ignore[attr-defined]
        branches = [expr.true_value, expr.false_value]  # type: ignore[attr-defined]
        if isinstance(condition, bool):
            branches = [branches[0] if condition else branches[1]]
        return _max_of([most_elements(evaluator, b, scope, deeper) for b in branches])
    if kind in (n.ForTuple, n.ForObject):
        return most_elements(evaluator, expr.intro.collection, scope, deeper)  # type: ignore[attr-defined]
    if kind is n.FunctionCall and not expr.expands_final_argument:  # type: ignore[attr-defined]
        name, args = expr.name, expr.args  # type: ignore[attr-defined]
        if name in _SAME_SIZE and len(args) == 1:
            return most_elements(evaluator, args[0], scope, deeper)
        if name in _ONE_OF and args:
            return _max_of([most_elements(evaluator, a, scope, deeper) for a in args])
        if name == "concat":
            parts = [most_elements(evaluator, a, scope, deeper) for a in args]
            return None if any(p is None for p in parts) else sum(parts)  # type: ignore[misc]
        return None
    if kind in (n.FullSplat, n.AttrSplat):
        # `var.x[*]` of a variable declared as one object or primitive: zero or one element.
        root, steps = n.traversal_parts(expr)  # type: ignore[arg-type]
        if type(root) is n.Variable and root.name.value == "var" and len(steps) == 2 and type(steps[0]) is n.GetAttr:
            declared = evaluator.module.variable(steps[0].name.value)  # type: ignore[attr-defined]
            if declared is not None and _is_single_type(declared[1]):
                return 1
    return None


def _max_of(bounds: list[int | None]) -> int | None:
    return None if any(b is None for b in bounds) else max(bounds)  # type: ignore[type-var]


def _is_single_type(variable: n.Block) -> bool:
    """True when the variable's declared ``type`` is an object or a primitive (not a collection)."""
    attribute = variable.body.get_attribute("type")
    if attribute is None:
        return False
    value = attribute.value
    if type(value) is n.FunctionCall:
        return value.name == "object"
    return type(value) is n.Variable and value.name.value in ("string", "number", "bool")


def longest_text(parts: tuple[Any, ...], assumed: int) -> tuple[int, bool]:
    """The most characters a string of ``parts`` (known text and :class:`Unknown` inputs, as
    :meth:`Evaluator.parts` gives them) can have, an input with no bound taken at ``assumed``
    characters (at least its fewest); and whether every input is bounded."""
    from .evaluate import Unknown

    unknowns = [p for p in parts if isinstance(p, Unknown)]
    total = sum(len(p) for p in parts if isinstance(p, str))
    total += sum(u.max_len if u.max_len is not None else max(u.min_len, assumed) for u in unknowns)
    return total, all(u.max_len is not None for u in unknowns)
