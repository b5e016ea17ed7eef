"""``--statistics``: how many findings each rule reported, and how many ``--write`` would fix.

One line per rule, most frequent first, as ``ruff --statistics`` prints it::

        3  AWS002   [*]  reserved-name-prefix
        1  AWS005   [-]  duplicate-target-tracking-policy

``[*]``: every such finding is fixed by ``tffix --write`` (with ``--unsafe-fixes`` when given);
``[-]``: some are; blank: none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..api import FileResult
from .hunks import applied_by_write, unsafe_for

__all__ = ["RuleCount", "count_by_rule", "render_statistics"]


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    count: int  # findings
    fixable: int  # of which tffix --write applies the fix


def _names() -> dict[str, str]:
    from ..rules import all_rules
    from ..suppression import UNUSED_CODE, UNUSED_NAME

    return {**{r.code: r.name for r in all_rules()}, UNUSED_CODE: UNUSED_NAME}


def count_by_rule(results: list[FileResult], *, unsafe: bool | None = None, fixed: bool = False) -> list[RuleCount]:
    """Counts per rule code, most findings first (then by code); ``fixed``: the findings left after --write."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    for result in results:
        result_unsafe = unsafe_for(result, unsafe)  # None: as the file's module ran (its configuration)
        for finding in result.remaining if fixed else result.findings:
            counts[finding.rule] += 1
            fixable[finding.rule] += applied_by_write(finding, result_unsafe)
    names = _names()
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    return [RuleCount(code, names.get(code, ""), counts[code], fixable[code]) for code in ordered]


def render_statistics(results: list[FileResult], *, unsafe: bool | None = None, fixed: bool = False) -> str:
    lines = []
    for row in count_by_rule(results, unsafe=unsafe, fixed=fixed):
        mark = "[*]" if row.fixable == row.count else "[-]" if row.fixable else "   "
        lines.append(f"{row.count:>5}  {row.code:<7}  {mark}  {row.name}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")
