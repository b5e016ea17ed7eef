"""The rules, one per module file, and how a run selects them."""

from __future__ import annotations

from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["Rule", "RuleContext", "FixAvailability", "Site", "Target", "all_rules", "select_rules", "rule_by_code"]


def all_rules() -> list[type[Rule]]:
    """Every rule, ordered by code."""
    from . import registry

    return sorted(registry.RULES, key=lambda r: r.code)


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    return None


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """Rules whose code starts with a selected prefix and with no ignored prefix (ruff's way)."""
    chosen = []
    for rule in all_rules():
        if select and not any(rule.code.startswith(p.upper()) for p in select):
            continue
        if ignore and any(rule.code.startswith(p.upper()) for p in ignore):
            continue
        chosen.append(rule)
    return chosen
