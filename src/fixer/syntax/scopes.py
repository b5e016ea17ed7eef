"""Local names inside a body: ``for`` variables and ``dynamic`` block iterators.

HCL binds names locally in three places: a ``for`` expression (``[for x in xs : x]``), a
template ``%{ for x in xs }`` directive and a ``dynamic`` block, whose ``content`` sees its
iterator (the block's label, or ``iterator = name``). A rule that renames an iterator must
rename only the references that are not shadowed by an inner binding of the same name.
"""

from __future__ import annotations

from typing import Union

from . import nodes as n
from .tokens import Token

__all__ = ["references_to", "name_in_use", "dynamic_iterator"]

_Binder = Union[n.ForIntro, n.TemplateFor]


def references_to(node: n.Node, name: str) -> list[Token]:
    """The root tokens of the references to the local ``name`` below ``node`` that no inner
    binding shadows, in source order (object keys written as bare names are not references)."""
    out: list[Token] = []
    stack: list[n.Node] = [node]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is n.Variable:
            if item.name.value == name:  # type: ignore[attr-defined]
                out.append(item.name)  # type: ignore[attr-defined]
            continue
        if kind is n.ObjectItem:
            if type(item.key) is not n.Variable:  # type: ignore[attr-defined]
                stack.append(item.key)  # type: ignore[attr-defined]
            stack.append(item.value)  # type: ignore[attr-defined]
            continue
        if kind in (n.ForTuple, n.ForObject):
            intro = item.intro  # type: ignore[attr-defined]
            stack.append(intro.collection)
            if name not in _bound(intro):
                rest = [item.value, item.condition]  # type: ignore[attr-defined]
                if kind is n.ForObject:
                    rest.append(item.key)  # type: ignore[attr-defined]
                stack.extend(r for r in rest if r is not None)
            continue
        if kind is n.TemplateFor:
            stack.append(item.collection)  # type: ignore[attr-defined]
            if name not in _bound(item):  # type: ignore[arg-type]
                stack.append(item.body)  # type: ignore[attr-defined]
            continue
        if kind is n.Block and item.type == "dynamic":  # type: ignore[attr-defined]
            # `iterator = x` declares a name, it does not refer to one; the content sees the
            # nested iterator, which hides ours when it has the same name.
            shadowed = dynamic_iterator(item) == name  # type: ignore[arg-type]
            for sub in item.body.items:  # type: ignore[attr-defined]
                if type(sub) is n.Attribute and sub.key == "iterator":
                    continue
                if shadowed and isinstance(sub, n.Block) and sub.type == "content":
                    continue
                stack.append(sub)
            continue
        stack.extend(k for k in item.children() if isinstance(k, n.Node))
    out.sort(key=lambda t: t.start_pos)
    return out


def name_in_use(node: n.Node, name: str) -> bool:
    """True when ``name`` is referred to or bound anywhere below ``node``."""
    for item in node.walk():
        kind = type(item)
        if kind is n.Variable and item.name.value == name:  # type: ignore[attr-defined]
            return True
        if kind in (n.ForIntro, n.TemplateFor) and name in _bound(item):  # type: ignore[arg-type]
            return True
        if kind is n.Block and item.type == "dynamic" and dynamic_iterator(item) == name:  # type: ignore[attr-defined,arg-type]
            return True
    return False


def dynamic_iterator(block: n.Block) -> str | None:
    """The name a ``dynamic`` block's content uses for its element: ``iterator = name``, else the label."""
    iterator = block.body.get_attribute("iterator")
    if iterator is not None:
        return iterator.value.name.value if type(iterator.value) is n.Variable else None  # type: ignore[attr-defined]
    return block.labels[0] if len(block.labels) == 1 else None


def _bound(binder: _Binder) -> set[str]:
    names = {binder.value_var.value}
    if binder.key_var is not None:
        names.add(binder.key_var.value)
    return names
