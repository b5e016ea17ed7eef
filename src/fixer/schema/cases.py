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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..facts.appmesh_blocks import SINGLE_CHILDREN, SingleChild
from .validate import Mismatch, MismatchKind

__all__ = ["SchemaCase", "CASES", "case_of", "single_child"]


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
