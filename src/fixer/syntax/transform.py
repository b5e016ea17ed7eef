"""libcst-style transformers: rebuild a tree bottom-up, one node type at a time.

A :class:`Transformer` subclass defines ``visit_<NodeType>(node) -> bool`` (return
False to skip the node's children) and ``leave_<NodeType>(original, updated)``
returning the replacement node, or :data:`REMOVE` to drop it from the tuple
that holds it. A node whose children did not change is kept as the same
object, so a transformer that changes nothing gives back the very same tree
and ``code``. The walk is iterative: depth is not limited by recursion.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .nodes import _FIELD_NAMES, Node
from .tokens import Token

__all__ = ["Transformer", "REMOVE", "with_changes"]


class _Remove:
    __slots__ = ()

    def __repr__(self) -> str:
        return "REMOVE"


REMOVE: Any = _Remove()
"""Returned from ``leave_*`` to remove a node from the tuple that holds it."""


def with_changes(node: Node, **changes: Any) -> Node:
    """A copy of ``node`` with some fields replaced (libcst's ``with_changes``)."""
    return replace(node, **changes)  # type: ignore[type-var]


class Transformer:
    """Base class; see the module docstring."""

    def transform(self, root: Node) -> Node:
        """Return the transformed tree (``root`` itself when nothing changed)."""
        # Each frame: [node, field index, list of new field values, changed flag].
        results: list[Any] = []
        stack: list[list[Any]] = [[root, -1, None, False]]
        while stack:
            frame = stack[-1]
            node = frame[0]
            names = _FIELD_NAMES[type(node)]
            if frame[1] == -1:
                visit = getattr(self, "visit_" + type(node).__name__, None)
                if visit is not None and visit(node) is False:
                    stack.pop()
                    results.append(self._leave(node, node))
                    continue
                frame[1] = 0
                frame[2] = []
            # Walk the fields; a Node child pushes a frame and we come back here.
            pushed = False
            while frame[1] < len(names):
                value = getattr(node, names[frame[1]])
                if isinstance(value, Node):
                    if len(frame[2]) == frame[1]:  # child not yet transformed
                        frame[2].append(_PENDING)
                        stack.append([value, -1, None, False])
                        pushed = True
                        break
                    if frame[2][frame[1]] is _PENDING:
                        new = results.pop()
                        frame[2][frame[1]] = new
                        frame[3] = frame[3] or new is not value
                    frame[1] += 1
                elif type(value) is tuple and any(isinstance(v, Node) for v in value):
                    # Transform tuple members one by one through a helper frame.
                    if len(frame[2]) == frame[1]:
                        frame[2].append(_TupleProgress(value))
                    progress = frame[2][frame[1]]
                    if isinstance(progress, _TupleProgress):
                        if progress.awaiting:
                            new = results.pop()
                            progress.awaiting = False
                            if new is REMOVE:
                                progress.changed = True
                            else:
                                progress.out.append(new)
                                progress.changed = progress.changed or new is not value[progress.i]
                            progress.i += 1
                        while progress.i < len(value) and not isinstance(value[progress.i], Node):
                            progress.out.append(value[progress.i])
                            progress.i += 1
                        if progress.i < len(value):
                            progress.awaiting = True
                            stack.append([value[progress.i], -1, None, False])
                            pushed = True
                            break
                        frame[2][frame[1]] = tuple(progress.out) if progress.changed else value
                        frame[3] = frame[3] or progress.changed
                    frame[1] += 1
                else:
                    if len(frame[2]) == frame[1]:
                        frame[2].append(value)
                    frame[1] += 1
            if pushed:
                continue
            stack.pop()
            updated = type(node)(*frame[2]) if frame[3] else node
            results.append(self._leave(node, updated))
        return results.pop()

    def _leave(self, original: Node, updated: Node) -> Any:
        leave = getattr(self, "leave_" + type(original).__name__, None)
        if leave is None:
            return updated
        return leave(original, updated)


class _TupleProgress:
    __slots__ = ("out", "i", "changed", "awaiting")

    def __init__(self, value: tuple) -> None:
        self.out: list[Any] = []
        self.i = 0
        self.changed = False
        self.awaiting = False


_PENDING = object()
_ = Token  # tokens are leaves: kept as they are
