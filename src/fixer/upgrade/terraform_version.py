"""Which Terraform releases a module's ``required_version`` admits, for the upgrade codemods.

An ``import`` block needs Terraform >= 1.5; ``for_each`` in an ``import`` block needs >= 1.7
(https://developer.hashicorp.com/terraform/language/import). The codemods write import blocks
only when the module lets such a release run it.
"""

from __future__ import annotations

from typing import Iterable

from ..schema.versions import Version, parse_constraints, some_release_within, tightest_bounds
from ..syntax.nodes import Document, QuotedTemplate

__all__ = ["IMPORT_BLOCKS", "IMPORT_FOR_EACH", "required_version", "admits"]

IMPORT_BLOCKS: Version = (1, 5, 0)
IMPORT_FOR_EACH: Version = (1, 7, 0)


def required_version(trees: Iterable[Document]) -> str | None:
    """The module's ``terraform { required_version }`` constraints, joined with ", " (every
    ``terraform`` block's must hold), or None when there is none or one is not a literal."""
    found: list[str] = []
    for tree in trees:
        for block in tree.body.blocks("terraform"):
            attribute = block.body.get_attribute("required_version")
            if attribute is None:
                continue
            value = attribute.value
            if type(value) is not QuotedTemplate or not value.is_literal():
                return None
            found.append(value.literal_value())
    return ", ".join(found) if found else None


def admits(constraint: str | None, version: Version) -> bool:
    """True when some release at or above ``version`` satisfies ``constraint`` (no constraint,
    or one that does not parse, admits every release: nothing says otherwise)."""
    if constraint is None:
        return True
    try:
        constraints = parse_constraints(constraint)
    except ValueError:
        return True
    return some_release_within(tightest_bounds(constraints), version)
