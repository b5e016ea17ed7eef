"""Where a value is written: from an expression to the expression that gives its value.

A rule that fixes a value must edit the place the value is written, which is not
always the attribute it reads: ``runtime = var.runtime`` takes its value from the
variable's ``default``, ``runtime = each.value.runtime`` from an item of the
resource's ``for_each`` map. :func:`written_at` follows plain references (``var.x``
with no value given by tfvars or ``--var``, ``local.x``, ``each.value``) and
attribute / index steps into object and tuple expressions written in the module,
and gives the file and the expression found there. It gives None when the value is
built (a function call, a template, a conditional) or given from outside the
``.tf`` files: there is no one place to edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..syntax import nodes as n
from .evaluate import Scope, Unknown, to_template_string

if TYPE_CHECKING:
    from .evaluate import Evaluator
    from .module import Module, SourceFile

__all__ = ["Written", "written_at"]

_MAX_HOPS = 32  # references followed before giving up (a cycle, or a very long chain)


@dataclass(frozen=True)
class Written:
    """An expression that gives a value, and the file it is written in."""

    file: "SourceFile"
    node: n.Expression
    via: tuple[str, ...] = ()  # the references followed to reach it: ("var.runtime",)


def written_at(
    module: "Module",
    evaluator: "Evaluator",
    file: "SourceFile",
    expression: n.Expression,
    scope: Scope = Scope(),
    resource: n.Block | None = None,
) -> Written | None:
    """The expression that gives ``expression``'s value (itself when it is not a reference).

    ``resource`` is the block whose ``for_each`` ``each.value`` refers to, and
    ``scope`` the instance (its ``each.key``).
    """
    current = Written(file, expression)
    for _ in range(_MAX_HOPS):
        step = _follow(module, evaluator, current, scope, resource)
        if step is None:
            return None
        if step is current:
            return current
        current = step
    return None


def _follow(module, evaluator, at: Written, scope: Scope, resource) -> Written | None:
    """One hop: the same ``at`` when it is not a reference, the place it refers to, or None."""
    expr = at.node
    if type(expr) is n.Parens:
        return Written(at.file, expr.expression, at.via)
    root, steps = n.traversal_parts(expr)
    if type(root) is not n.Variable or not steps:
        return at  # not a reference: this is where the value is written
    head = root.name.value
    if type(steps[0]) is not n.GetAttr or _bound(scope, head):
        return None
    name = steps[0].name.value
    rest = steps[1:]
    if head == "var":
        if name in module.values:
            return None  # given by tfvars or --var: not written in a .tf file
        found = module.variable(name)
        default = found[1].body.get_attribute("default") if found else None
        if default is None:
            return None
        start = Written(found[0], default.value, at.via + (f"var.{name}",))
    elif head == "local":
        found = module.local(name)
        if found is None:
            return None
        start = Written(found[0], found[1].value, at.via + (f"local.{name}",))
    elif head == "each" and name == "value" and resource is not None:
        for_each = resource.body.get_attribute("for_each")
        key = scope.key
        if for_each is None or key is None or isinstance(key, Unknown):
            return None
        collection = written_at(module, evaluator, at.file, for_each.value)
        if collection is None or type(collection.node) is not n.Object:
            return None
        item = _object_item(evaluator, collection.node, key)
        if item is None:
            return None
        start = Written(collection.file, item, collection.via + ("each.value",))
    else:
        return None
    return _descend(module, evaluator, start, rest, scope)


def _bound(scope: Scope, name: str) -> bool:
    """True when ``name`` is a for-expression variable of ``scope`` (it shadows var/local/each)."""
    return any(key == name for key, _ in scope.names)


def _descend(module, evaluator, start: Written, steps: list, scope: Scope) -> Written | None:
    """Apply ``.name`` / ``[key]`` steps to an object or tuple expression written at ``start``."""
    current = start
    for step in steps:
        resolved = written_at(module, evaluator, current.file, current.node)
        if resolved is None:
            return None
        current = Written(resolved.file, resolved.node, current.via + resolved.via)
        node = current.node
        if type(step) is n.GetAttr and type(node) is n.Object:
            item = _object_item(evaluator, node, step.name.value)
        elif type(step) is n.Index and type(node) in (n.Object, n.Tuple):
            key = evaluator.evaluate(step.key, scope)
            item = _object_item(evaluator, node, key) if type(node) is n.Object else _tuple_item(node, key)
        elif type(step) is n.LegacyIndex and type(node) is n.Tuple:
            item = _tuple_item(node, int(step.index.value))
        else:
            return None
        if item is None:
            return None
        current = Written(current.file, item, current.via)
    return current


def _object_item(evaluator, obj: n.Object, key: Any) -> n.Expression | None:
    text = to_template_string(key)
    if isinstance(text, Unknown):
        return None
    for item in obj.items:
        name = item.key_name
        if name is None:
            value = to_template_string(evaluator.evaluate(item.key))
            name = value if isinstance(value, str) else None
        if name == text:
            return item.value
    return None


def _tuple_item(tup: n.Tuple, key: Any) -> n.Expression | None:
    if isinstance(key, bool) or not isinstance(key, (int, float)) or int(key) != key:
        return None
    items = tup.items
    return items[int(key)] if 0 <= int(key) < len(items) else None
