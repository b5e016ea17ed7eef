"""The fix for names that break their type's character rules (``fixer.facts.aws_names``).

Only two faults have a fix that cannot pick a wrong name:

* capitals in a name of a lowercase-only type (and a first character that is only wrong
  because it is a capital): ``lower()`` of the name, or the literal in lowercase; valid
  names of such a type are already lowercase, so the fix is safe;
* a trailing hyphen left by a ``substr`` cut: ``trimsuffix(..., "-")``, or
  ``replace(..., "/-+$/", "")`` when one hyphen is not all.

Every other fault (a character AWS rejects, a double hyphen, a bad first character) is a
naming choice: reported, not fixed. A fix is offered only when every instance's name is
known and every fixed name is valid, names that differed still differ, and no fixed name
is one another resource of the type has.
"""

from __future__ import annotations

from ..findings import Applicability, Fix
from ..model.evaluate import Unknown
from ..syntax import nodes as n
from .checks import as_name
from .renames import peel_truncation
from .site import NameSite, plain_literal

__all__ = ["character_fix"]


def character_fix(name: NameSite, codes: set[str]) -> Fix | None:
    """The fix for the faults ``codes`` (of :func:`~fixer.names.checks.name_problems`) of
    ``name``'s instances, or None."""
    expr = name.expression
    if "\n" in expr.source or any(isinstance(i.value, Unknown) for i in name.instances):
        return None
    if codes <= {"uppercase", "first"} and "uppercase" in codes:
        if type(expr) is n.QuotedTemplate and expr.is_literal():
            text = plain_literal(expr)
            if text is None:
                return None
            source = f'"{text.lower()}"'
        else:
            source = f"lower({expr.source})"
        return name.replace(source, "Lowercase the name", Applicability.SAFE) if clean(name, source) else None
    if codes == {"trailing-hyphen"} and peel_truncation(expr)[1] is not None:
        for source, title in (
            (f'trimsuffix({expr.source}, "-")', 'Wrap the name in trimsuffix(..., "-")'),
            (f'replace({expr.source}, "/-+$/", "")', 'Wrap the name in replace(..., "/-+$/", "")'),
        ):
            if clean(name, source):
                return name.replace(source, title, Applicability.SAFE)
    return None


def clean(name: NameSite, source: str) -> bool:
    """``source`` as the name gives every instance a valid name within the limit; names that
    differed still differ, and no new name is one another resource has."""
    after = []
    for instance in name.instances:
        value = as_name(name.evaluator.evaluate_source(source, instance.scope))
        if not isinstance(value, str) or not value or len(value) > name.limit or name.problems(value):
            return False
        if value != instance.value and name.taken(value):
            return False
        after.append(value)
    before = [i.value for i in name.instances]
    return not (len(set(before)) == len(before) and len(set(after)) < len(after))
