"""Printing a tree: the text of its tokens, in source order.

Part of the hot path (a round trip is a parse and a print), typed so that mypyc compiles
it in the optional compiled build (``scripts/build_compiled.py``).
"""

from __future__ import annotations

from typing import Any, Callable

from .tokens import Token

__all__ = ["PRINT_FIELDS", "text_of"]

# The child fields of each node class, last first (the order they are pushed); filled by
# :mod:`.nodes` as it makes each class.
PRINT_FIELDS: dict[type, tuple[str, ...]] = {}


def text_of(node: Any, first_prefix: bool, fields_of: Callable[[type], tuple[str, ...]]) -> str:
    """The text of ``node``'s tokens, with or without the first token's prefix.

    Iterative, and it joins the token strings themselves (no ``prefix + value``
    temporaries) in bounded chunks, so printing a large tree needs little more
    memory than the text it returns. ``fields_of(cls)`` gives the fields of a node
    class that :data:`PRINT_FIELDS` does not hold yet.
    """
    chunks: list[str] = []
    out: list[str] = []
    stack: list[Any] = [node]
    known = PRINT_FIELDS
    skip = not first_prefix
    while stack:
        item = stack.pop()
        if type(item) is Token:
            tok: Token = item
            if skip:
                skip = False
            elif tok.prefix:
                out.append(tok.prefix)
            out.append(tok.value)
            if len(out) > 4096:
                chunks.append("".join(out))
                out.clear()
            continue
        cls = type(item)
        names = known.get(cls)
        if names is None:
            names = fields_of(cls)
        for name in names:
            value = getattr(item, name)
            if value is None:
                continue
            if type(value) is tuple:
                kids: tuple[Any, ...] = value
                i = len(kids) - 1
                while i >= 0:
                    stack.append(kids[i])
                    i -= 1
            else:
                stack.append(value)
    if chunks:
        chunks.append("".join(out))
        return "".join(chunks)
    return "".join(out)
