"""The rules, and how a run selects them: the public rule API.

Built-in rules are the modules of this package named ``<code>_<name>.py``.
Third-party rules are :class:`Rule` subclasses published under the ``tffix.rules``
entry-point group (``[project.entry-points."tffix.rules"] xyz = "pkg.module:MyRule"``,
or a module / a list of rules: every :class:`Rule` subclass it defines is loaded);
each is checked by :func:`~fixer.rules.base.validate_rule` when it loads. A
pipeline may also pass rule classes to :func:`fixer.fix_source` (``rules=[...]``).
See docs/writing-rules.md.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from .base import FixAvailability, Rule, RuleContext, Site, Target, validate_rule

__all__ = [
    "Rule", "RuleContext", "FixAvailability", "Site", "Target", "validate_rule",
    "PluginError", "all_rules", "select_rules", "rule_by_code", "plugin_rules", "ENTRY_POINT_GROUP",
]

ENTRY_POINT_GROUP = "tffix.rules"


class PluginError(ValueError):
    """A rule plugin that cannot be loaded, or whose rule is not valid (one line, the entry point named)."""


def all_rules() -> list[type[Rule]]:
    """Every rule, built-in and installed plugins, ordered by code."""
    from . import registry

    return sorted([*registry.RULES, *plugin_rules()], key=lambda r: r.code)


@lru_cache(maxsize=1)
def plugin_rules() -> tuple[type[Rule], ...]:
    """The rules of the installed ``tffix.rules`` entry points (loaded once per process).

    Raises :class:`PluginError` for an entry point that does not import, gives no rule,
    declares an invalid rule, or reuses a built-in rule's code.
    """
    from importlib.metadata import entry_points

    from . import registry

    taken = {r.code for r in registry.RULES}
    found: list[type[Rule]] = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            loaded = point.load()
        except Exception as e:  # noqa: BLE001 - any import failure of a plugin is reported as one
            raise PluginError(f"tffix.rules entry point {point.name!r} ({point.value}): {type(e).__name__}: {e}") from None
        rules = rules_in(loaded)
        if not rules:
            raise PluginError(f"tffix.rules entry point {point.name!r} ({point.value}) gives no Rule subclass")
        for rule in rules:
            problems = validate_rule(rule)
            if rule.code in taken:
                problems.append(f"code {rule.code} is already taken")
            if problems:
                raise PluginError(f"tffix.rules entry point {point.name!r}: {problems[0]}")
            taken.add(rule.code)
            found.append(rule)
    return tuple(found)


def rules_in(value: Any) -> list[type[Rule]]:
    """The rule classes of a class, a module or an iterable of classes."""
    if isinstance(value, type):
        return [value] if issubclass(value, Rule) and value is not Rule else []
    if hasattr(value, "__dict__") and not isinstance(value, (list, tuple)):
        return [
            v for v in vars(value).values()
            if isinstance(v, type) and issubclass(v, Rule) and v is not Rule
            and getattr(v, "code", None) and v.__module__ == value.__name__
        ]
    if isinstance(value, Iterable):
        return [r for item in value for r in rules_in(item)]
    return []


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    return None


def select_rules(
    select: list[str] | None = None, ignore: list[str] | None = None, extra: Iterable[type[Rule]] = (),
) -> list[type[Rule]]:
    """Rules whose code starts with a selected prefix and with no ignored prefix (ruff's way),
    from every rule and the ``extra`` rule classes a caller passes."""
    chosen = []
    pool = {r.code: r for r in all_rules()}
    pool.update({r.code: r for r in extra})
    for rule in sorted(pool.values(), key=lambda r: r.code):
        if select and not any(rule.code.startswith(p.upper()) for p in select):
            continue
        if ignore and any(rule.code.startswith(p.upper()) for p in ignore):
            continue
        chosen.append(rule)
    return chosen
