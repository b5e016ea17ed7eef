"""Before/after fixture cases for the rules, kept in ``corpus/rules/<CODE>/<case>/``.

A case directory holds:

* ``before/`` — a module (``.tf`` files, maybe ``terraform.tfvars``), the input.
* ``after/`` — present when the fixes change something: the expected text of
  every ``.tf`` file of the module after ``tffix --write`` (unchanged files too).
  A case without ``after/`` must come out byte-identical.
* ``findings.txt`` — the exact findings on ``before/``, one per finding::

      alb.tf:12:10: AWS001 "tg-..." is 37 characters ...; the limit is 32
        fix (safe): Wrap the name in trimsuffix(substr(...))

  An empty file means: no finding (a negative case).
* ``pytest tests/test_rule_cases.py --bless [-k CASE]`` rewrites ``findings.txt`` and
  ``after/`` from what the rules give now; review them with ``git diff`` before committing.
* ``case.json`` (optional) — ``{"unsafe": true, "vars": {"x": "y"}, "rules": ["AWS001"],
  "options": {"AWS007": {"as-of": "2026-12-04"}}}``; by default only the rule named by
  the parent directory runs, with no options.
* other files below ``before/`` (``before/tests/unit/test_tap_stack.py``,
  ``before/cdk.json``) — the repository around the module, for rules such as REPO001:
  ``before/`` is taken as the repository root, and the files the CLI would show the
  module (:func:`fixer.discovery.repository_files`) are passed as its extra files.
  Their findings are written with paths relative to ``before/``
  (``tests/unit/test_tap_stack.py:1:1: REPO001 ...``). A fix that edits one of them
  (REPO001's unsafe port of CDK tests) is checked like a ``.tf`` file: ``after/`` holds its
  expected text at the same relative path (``after/tests/unit/test_tap_stack.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS_RULES = Path(__file__).resolve().parents[1] / "corpus" / "rules"
CORPUS_SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


@dataclass
class RuleCase:
    name: str  # "AWS001/for-each-overflow"
    directory: Path
    rules: list[str]
    unsafe: bool
    variables: dict[str, Any]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-rule options, as [rules.CODE]

    @property
    def before(self) -> Path:
        return self.directory / "before"

    @property
    def after(self) -> Path | None:
        path = self.directory / "after"
        return path if path.is_dir() else None

    def sources(self) -> dict[str, str]:
        return {
            p.name: p.read_bytes().decode("utf-8")
            for p in sorted(self.before.glob("*.tf"))
        }

    def extra_files(self) -> list[str]:
        """The repository files around the module, as absolute paths (empty for most cases)."""
        from fixer.discovery import example_callers, repository_files

        found = repository_files(self.before, self.before) + example_callers(self.before)
        return [str(p) for p in found]

    def expected_after(self) -> dict[str, str]:
        """``.tf`` files by name; extra files a fix edits by their path below ``before/``, as
        :meth:`extra_files` names them."""
        if self.after is None:
            return self.sources()
        out = {p.name: p.read_bytes().decode("utf-8") for p in sorted(self.after.glob("*.tf"))}
        for p in sorted(self.after.rglob("*")):
            if p.is_file() and p.suffix != ".tf":
                out[str(self.before / p.relative_to(self.after))] = p.read_bytes().decode("utf-8")
        return out

    def bless_findings(self, rendered: str) -> None:
        """``pytest --bless``: write ``findings.txt`` from the current output."""
        (self.directory / "findings.txt").write_bytes(rendered.encode("utf-8"))

    def bless_after(self, fixed: dict[str, str]) -> None:
        """``pytest --bless``: write ``after/`` from the fixed texts, or remove it when the fixes
        change nothing (a case without ``after/`` must come out byte-identical)."""
        import shutil

        after = self.directory / "after"
        if fixed == self.sources():
            if after.is_dir():
                shutil.rmtree(after)
            return
        after.mkdir(exist_ok=True)
        for old in after.glob("*.tf"):
            if old.name not in fixed:
                old.unlink()
        for name, text in fixed.items():
            target = after / Path(name).relative_to(self.before) if Path(name).is_absolute() else after / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))

    def expected_findings(self) -> str:
        return (self.directory / "findings.txt").read_text(encoding="utf-8")

    def values(self) -> dict[str, Any]:
        from fixer.model.values import module_values

        values = module_values(self.before)
        values.update(self.variables)
        return values


def rule_cases() -> list[RuleCase]:
    cases = []
    if not CORPUS_RULES.is_dir():
        return cases
    for rule_dir in sorted(p for p in CORPUS_RULES.iterdir() if p.is_dir()):
        for case_dir in sorted(p for p in rule_dir.iterdir() if p.is_dir()):
            config: dict[str, Any] = {}
            if (case_dir / "case.json").is_file():
                config = json.loads((case_dir / "case.json").read_text())
            cases.append(
                RuleCase(
                    f"{rule_dir.name}/{case_dir.name}",
                    case_dir,
                    config.get("rules", [rule_dir.name]),
                    bool(config.get("unsafe", False)),
                    dict(config.get("vars", {})),
                    dict(config.get("options", {})),
                )
            )
    return cases


def render_findings(findings, root: Path | None = None) -> str:
    """The findings.txt form of a list of findings; paths below ``root`` are written relative to it."""
    lines = []
    for f in findings:
        path = f.path
        if root is not None and Path(path).is_absolute() and Path(path).is_relative_to(root):
            path = Path(path).relative_to(root).as_posix()
        lines.append(f"{path}:{f.line}:{f.column}: {f.rule} {f.message}")
        for note in f.notes:
            lines.append(f"    {note}")
        if f.fix is not None:
            lines.append(f"  fix ({f.fix.applicability.value}): {f.fix.title}")
    return "\n".join(lines) + ("\n" if lines else "")
