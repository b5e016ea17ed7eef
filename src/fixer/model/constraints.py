"""Whether a Terraform version constraint allows releases older (or newer) than a version.

Constraint syntax: https://developer.hashicorp.com/terraform/language/expressions/version-constraints
A pre-release sorts before its release (``6.4.0-beta1 < 6.4.0``), so ``>= 6.4.0-beta1``
allows a release older than 6.4.0; ``!=`` removes single releases and does not change the
answer. (``fixer.schema.versions`` chooses a bundled schema's major version and ignores
pre-releases; this answers a question about one exact version.)
"""

from __future__ import annotations

import re

__all__ = ["Version", "admits", "show"]

Version = tuple[int, int, int, int, str]  # (major, minor, patch, 1 = release / 0 = pre-release, pre-release)
_Bound = tuple[Version, bool]  # (version, inclusive)

_CLAUSE = re.compile(
    r"^\s*(?P<op>~>|>=|<=|!=|=|>|<)?\s*v?(?P<nums>\d+(?:\.\d+){0,2})"
    r"(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?\s*$"
)
_FLOOR: Version = (0, 0, 0, 0, "")


def show(version: Version) -> str:
    """``6.4.0``."""
    return f"{version[0]}.{version[1]}.{version[2]}"


def admits(constraint: str, version: Version) -> tuple[bool, bool] | None:
    """(allows some release older than ``version``, allows ``version`` or newer); None when
    the constraint cannot be read."""
    clauses = constraint.split(",")
    if not any(c.strip() for c in clauses):
        return None
    low: _Bound = (_FLOOR, True)
    high: _Bound | None = None
    for clause in clauses:
        match = _CLAUSE.match(clause)
        if match is None:
            return None
        lower, upper = _bounds(match.group("op") or "=", *_parse(match.group("nums"), match.group("pre")))
        if lower is not None and (lower[0] > low[0] or (lower[0] == low[0] and not lower[1])):
            low = lower
        if upper is not None and (high is None or upper[0] < high[0] or (upper[0] == high[0] and not upper[1])):
            high = upper
    if high is not None and (high[0] < low[0] or (high[0] == low[0] and not (high[1] and low[1]))):
        return (False, False)  # nothing satisfies it
    newer = high is None or high[0] > version or (high[0] == version and high[1])
    return low[0] < version, newer


def _parse(nums: str, pre: str | None) -> tuple[Version, int]:
    parts = [int(p) for p in nums.split(".")]
    given = len(parts)
    parts += [0] * (3 - given)
    return (parts[0], parts[1], parts[2], 0 if pre else 1, pre or ""), given


def _bounds(op: str, v: Version, given: int) -> tuple[_Bound | None, _Bound | None]:
    """The (lower, upper) bounds one clause sets."""
    if op == "=":
        return (v, True), (v, True)
    if op in (">=", ">"):
        return (v, op == ">="), None
    if op in ("<=", "<"):
        return None, (v, op == "<=")
    if op == "~>":
        upper = (v[0] + 1, 0, 0, 0, "") if given <= 2 else (v[0], v[1] + 1, 0, 0, "")
        return (v, True), (upper, False)
    return None, None  # "!="
