"""Schema mismatches that a case rule reports, with the structural fix it knows.

Most mismatches are reported by the rule of their kind (AWS100-AWS110). A few places have a
mechanical structural fix, and keep the code they had before the schema check existed, so
that every ``# tffix: ignore``, ``--select`` / ``--ignore`` and config entry naming it keeps
its exact meaning:

- ``AWS003``: a too-many-blocks mismatch of an App Mesh block allowed once per parent
  (:data:`fixer.facts.appmesh_blocks.SINGLE_CHILDREN`), fixed by repeating the parent;
- ``AWS004``: any mismatch in or at an ``aws_ecs_service``'s ``deployment_configuration``
  (an unsupported block before 6.4, unsupported arguments and blocks inside it since, the
  object form as an argument), fixed by moving the ECS API's settings to the service
  (:mod:`fixer.facts.ecs_service`).

Detection is the schema check's alone (:mod:`fixer.schema.validate`, for the version in use);
this table only says which rule reports a mismatch.

A module pinned below every bundled schema (``~> 2.70``) has no schema to be checked against:
the kind rules say nothing there. :func:`known_before_schemas` keeps the case mismatches whose
fact is known for those releases too: a name a release newer than the one in use added
(:mod:`fixer.schema.additions`: ``deployment_configuration``, 6.4.0), and an App Mesh block
allowed once since a release the one in use is not older than (``SingleChild.since``).
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Callable

from ..facts.appmesh_blocks import SINGLE_CHILDREN, SingleChild
from .additions import added_in
from .validate import Mismatch, MismatchKind

__all__ = ["SchemaCase", "CASES", "case_of", "single_child", "known_before_schemas"]


@dataclass(frozen=True)
class SchemaCase:
    """Mismatches of one resource type that one case rule reports."""

    code: str  # the case rule's code, e.g. "AWS004"
    resource: str  # the resource type
    kinds: frozenset[str]  # the mismatch kinds it takes; empty: every kind
    places: frozenset[tuple[tuple[str, ...], str]]  # (path, name) it takes; a path ending "*" takes anything below

    def takes(self, mismatch: Mismatch) -> bool:
        if mismatch.type_name != self.resource or mismatch.address.startswith("data."):
            return False
        if self.kinds and mismatch.kind not in self.kinds:
            return False
        return any(
            (path[-1:] == ("*",) and mismatch.path[: len(path) - 1] == path[:-1]) or (path, name) == (mismatch.path, mismatch.name)
            for path, name in self.places
        )


def _appmesh_cases() -> list[SchemaCase]:
    by_resource: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for entry in SINGLE_CHILDREN:
        by_resource.setdefault(entry.resource, set()).add((entry.path, entry.child))
    return [
        SchemaCase("AWS003", resource, frozenset({MismatchKind.TOO_MANY_BLOCKS}), frozenset(places))
        for resource, places in by_resource.items()
    ]


CASES: tuple[SchemaCase, ...] = (
    *_appmesh_cases(),
    SchemaCase("AWS004", "aws_ecs_service", frozenset(), frozenset({
        ((), "deployment_configuration"), (("deployment_configuration", "*"), ""),
    })),
)


def case_of(mismatch: Mismatch) -> str | None:
    """The code of the case rule that reports ``mismatch``; None for the rule of its kind."""
    return next((case.code for case in CASES if case.takes(mismatch)), None)


def single_child(mismatch: Mismatch) -> SingleChild | None:
    """The App Mesh table row of an AWS003 mismatch."""
    return next(
        (e for e in SINGLE_CHILDREN
         if (e.resource, e.path, e.child) == (mismatch.type_name, mismatch.path, mismatch.name)),
        None,
    )


_UNSUPPORTED = frozenset({MismatchKind.UNSUPPORTED_ARGUMENT, MismatchKind.UNSUPPORTED_BLOCK})


def _release(version: tuple[int, int, int]) -> str:
    return ".".join(map(str, version))


def known_before_schemas(mismatch: Mismatch, release_below: Callable[[tuple[int, int, int]], bool]) -> str | None:
    """Why a case mismatch found with the oldest bundled schema also holds in the older release
    in use (``release_below``: is that release older than a version), in words for the message
    ("added in 6.4.0"); None when that is not known, and the mismatch is not reported."""
    if case_of(mismatch) is None:
        return None
    if mismatch.kind in _UNSUPPORTED:
        kind = "data" if mismatch.address.startswith("data.") else "resource"
        added = added_in(kind, mismatch.type_name, mismatch.path, mismatch.name)
        return f"added in {_release(added)}" if added is not None and release_below(added) else None
    entry = single_child(mismatch) if mismatch.kind == MismatchKind.TOO_MANY_BLOCKS else None
    if entry is None or entry.since is None or release_below(entry.since):
        return None
    return f"one {entry.child} per {entry.path[-1]} since {_release(entry.since)}"
