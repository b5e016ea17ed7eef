"""What every rule is: a code, a name, documentation, and a check over a module."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

from ..findings import Applicability, Finding, Fix, Severity
from ..model.evaluate import Evaluator
from ..model.module import Module, SourceFile
from ..syntax.edits import Edit
from ..syntax.nodes import Node

__all__ = ["Rule", "RuleContext", "FixAvailability"]


class FixAvailability:
    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


@dataclass
class RuleContext:
    """What a rule sees: the module, an evaluator over it, and its options."""

    module: Module
    evaluator: Evaluator
    options: dict[str, Any] = field(default_factory=dict)  # [tool.tffix.rules.<CODE>] settings


class Rule:
    """Base class. Subclasses set the class attributes and implement :meth:`check`.

    The docstring of a rule is its documentation, with the sections *What it
    does*, *Why is this bad?*, *Example*, *Use instead*, *Fix safety* and
    *References*; ``tffix explain CODE`` prints it.
    """

    code: ClassVar[str]  # "AWS001"
    name: ClassVar[str]  # "name-too-long": what the rule flags, kebab-case
    fix_availability: ClassVar[str] = FixAvailability.SOMETIMES
    severity: ClassVar[Severity] = Severity.ERROR
    # The options a user may set in [rules.<CODE>] (or pass in ``options``), with their types;
    # any other option, or a value of another type, is an error (fixer.arguments).
    option_types: ClassVar[dict[str, type]] = {}

    def check(self, ctx: RuleContext) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # ---- helpers for subclasses -----------------------------------------------------
    def finding(
        self,
        file: SourceFile,
        node: Node,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        notes: tuple[str, ...] = (),
    ) -> Finding:
        return Finding.at(
            self.code, file.path, file.text, node, message,
            fix=fix, severity=severity or self.severity, notes=notes,
        )

    @staticmethod
    def fix(title: str, applicability: Applicability, *edits: tuple[str, Edit]) -> Fix:
        return Fix(title, applicability, tuple(edits))

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        doc = cls.documentation()
        return doc.splitlines()[0] if doc else cls.name
