"""Running rules over a module and applying their fixes until nothing is left.

The loop follows ruff's: collect the applicable fixes, take them in source
order, skipping a fix any of whose edits overlaps an edit already taken (it
gets its turn next round), apply, re-parse, run the rules again, and stop at a
fixpoint. Two things make a rule's fixes be dropped for the module, with the
files rebuilt from the original text without them and the problem reported:
its edits produce text that does not parse, or the loop does not converge
within ``max_rounds``. A file is therefore written either with verified fixes
or not at all.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable

from .errors import ParseError
from .findings import Applicability, Finding
from .model.evaluate import Evaluator
from .model.module import Module
from .rules.base import Rule, RuleContext
from .syntax.edits import Edit, apply_edits

__all__ = ["Problem", "ModuleResult", "run_rules", "fix_module", "DEFAULT_MAX_ROUNDS"]

DEFAULT_MAX_ROUNDS = 10


@dataclass(frozen=True)
class Problem:
    """Something tffix could not do: a crashed rule, a fix that broke the file, no fixpoint."""

    kind: str  # "rule-crashed", "fix-invalid", "no-fixpoint"
    rule: str | None  # the rule code involved
    path: str | None  # the file involved
    message: str  # one line for the report
    detail: str = ""  # a traceback, shown with --debug


@dataclass
class ModuleResult:
    """The outcome of checking (and maybe fixing) one module."""

    original: dict[str, str]  # path -> text as read
    fixed: dict[str, str]  # path -> text after the applied fixes (== original when none)
    findings: list[Finding]  # what the rules report on the original text
    remaining: list[Finding]  # what is still reported after the fixes (== findings when not fixing)
    applied: list[Finding] = field(default_factory=list)  # findings whose fixes were applied
    problems: list[Problem] = field(default_factory=list)

    @property
    def changed_paths(self) -> list[str]:
        return [p for p in self.original if self.fixed.get(p) != self.original[p]]


def run_rules(
    module: Module, rules: Iterable[type[Rule]], options: dict[str, dict[str, Any]] | None = None
) -> tuple[list[Finding], list[Problem]]:
    """Run each rule once; a rule that raises is reported and the others go on."""
    findings: list[Finding] = []
    problems: list[Problem] = []
    evaluator = Evaluator(module)
    options = options or {}
    for rule_class in rules:
        rule = rule_class()
        ctx = RuleContext(module, evaluator, dict(options.get(rule_class.code, {})))
        try:
            findings.extend(rule.check(ctx))
        except Exception as e:  # noqa: BLE001 - one rule must not stop the others
            paths = ", ".join(f.path for f in module.files)
            problems.append(
                Problem(
                    "rule-crashed", rule_class.code, None,
                    f"{rule_class.code} crashed on module ({paths}): {type(e).__name__}: {e}",
                    traceback.format_exc(),
                )
            )
    findings.sort(key=lambda f: (f.path, f.start, f.rule))
    return findings, problems


def _applicable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def _overlaps(taken: list[Edit], edit: Edit) -> bool:
    for other in taken:
        if edit.start < other.end and other.start < edit.end:
            return True
        if edit.start == edit.end == other.start == other.end:
            return True  # two insertions at one point: order would be ambiguous
    return False


def fix_module(
    sources: dict[str, str],
    rules: list[type[Rule]],
    *,
    values: dict[str, Any] | None = None,
    unsafe: bool = False,
    fix: bool = True,
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    options: dict[str, dict[str, Any]] | None = None,
    extra_files: list[str] | None = None,
) -> ModuleResult:
    """Check a module and, with ``fix``, apply fixes to a verified fixpoint.

    ``sources`` must all parse (callers report files that do not, and leave them out).
    """
    module = Module.from_sources(sources, values, extra_files)
    findings, problems = run_rules(module, rules, options)
    result = ModuleResult(dict(sources), dict(sources), findings, findings, [], problems)
    if not fix or not any(_applicable(f, unsafe) for f in findings):
        return result

    blocked: set[str] = set()
    for _attempt in range(len(rules) + 1):
        outcome = _fix_loop(sources, rules, values, unsafe, max_rounds, options, blocked, extra_files)
        texts, applied, new_problems, culprits = outcome
        if not culprits:
            result.fixed = texts
            result.applied = applied
            result.problems.extend(p for p in new_problems if p not in result.problems)
            final = Module.from_sources(texts, values, extra_files)
            result.remaining, _ = run_rules(final, rules, options)
            return result
        result.problems.extend(new_problems)
        blocked |= culprits
    return result  # every fixing rule blocked: files stay as they were


def _breaking_rules(text: str, path: str, findings: list[Finding]) -> set[str]:
    """The rules whose fix, applied alone, makes ``text`` unparseable."""
    guilty = set()
    for finding in findings:
        try:
            fixed = apply_edits(text, finding.fix.edits_for(path))  # type: ignore[union-attr]
            Module.from_sources({path: fixed})
        except (ParseError, ValueError):
            guilty.add(finding.rule)
    return guilty


def _fix_loop(
    sources: dict[str, str],
    rules: list[type[Rule]],
    values: dict[str, Any] | None,
    unsafe: bool,
    max_rounds: int,
    options: dict[str, dict[str, Any]] | None,
    blocked: set[str],
    extra_files: list[str] | None,
) -> tuple[dict[str, str], list[Finding], list[Problem], set[str]]:
    """One attempt from the original text. Returns texts, applied findings, problems,
    and the rules to block (empty when the attempt succeeded)."""
    texts = dict(sources)
    applied: list[Finding] = []
    problems: list[Problem] = []
    last_fixing: set[str] = set()
    for _round in range(max_rounds):
        module = Module.from_sources(texts, values, extra_files)
        findings, round_problems = run_rules(module, rules, options)
        problems.extend(p for p in round_problems if p not in problems)
        candidates = [f for f in findings if f.rule not in blocked and _applicable(f, unsafe)]
        if not candidates:
            return texts, applied, problems, set()
        taken: dict[str, list[Edit]] = {}
        chosen: list[Finding] = []
        for finding in candidates:
            assert finding.fix is not None
            if any(_overlaps(taken.get(p, []), e) for p, e in finding.fix.edits):
                continue
            for p, e in finding.fix.edits:
                taken.setdefault(p, []).append(e)
            chosen.append(finding)
        new_texts = dict(texts)
        culprits: set[str] = set()
        for path, edits in taken.items():
            try:
                new_texts[path] = apply_edits(texts[path], edits)
                Module.from_sources({path: new_texts[path]})
            except (ParseError, ValueError) as e:
                here = [f for f in chosen if path in f.fix.paths]  # type: ignore[union-attr]
                guilty = _breaking_rules(texts[path], path, here) or {f.rule for f in here}
                culprits |= guilty
                for code in sorted(guilty):
                    problems.append(
                        Problem(
                            "fix-invalid", code, path,
                            f"{path}: the fix of {code} would not parse ({e}); "
                            f"{code}'s fixes were not applied to this module",
                        )
                    )
        if culprits:
            return sources, [], problems, culprits
        texts = new_texts
        applied.extend(chosen)
        last_fixing = {f.rule for f in chosen}
    # Out of rounds: the rules still fixing did not converge.
    for code in sorted(last_fixing):
        problems.append(
            Problem(
                "no-fixpoint", code, None,
                f"{code} still had fixes after {max_rounds} rounds; its fixes were not applied",
            )
        )
    return sources, [], problems, last_fixing or {"*"}
