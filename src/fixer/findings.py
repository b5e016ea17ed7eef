"""What a rule reports: findings, and the fixes they carry.

Modelled on ruff: a finding has a ``message`` (the problem) and a fix whose
``title`` says the action; a fix is a list of text edits on the original files
plus an applicability that says when it may be applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable

from .syntax.edits import Edit
from .syntax.nodes import Node

__all__ = ["Applicability", "Fix", "Finding", "Severity"]


class _ValueEnum(str, Enum):
    """A string enum that prints as its value (``str()``, f-strings), as on Python 3.10."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Applicability(_ValueEnum):
    """When a fix may be applied."""

    SAFE = "safe"  # same meaning for every valid input, comments kept: applied by --write
    UNSAFE = "unsafe"  # may change behaviour: applied only with --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown as a suggestion, never applied


class Severity(_ValueEnum):
    """How bad a finding is (``--fail-level`` compares it)."""

    ERROR = "error"  # terraform validate, plan or apply fails
    WARNING = "warning"  # may fail, or works but is likely wrong


@dataclass(frozen=True)
class Fix:
    """Edits that resolve a finding, possibly across several files of a module."""

    title: str  # the action, imperative: "Wrap the name in trimsuffix(substr(...))"
    applicability: Applicability
    edits: tuple[tuple[str, Edit], ...]  # (path, edit) pairs on the files as they were read
    # Paths of files the fix creates (Editor.add_file): each has one edit, its whole text
    # inserted at 0; they are written only where no file exists yet.
    new_files: tuple[str, ...] = ()

    def edits_for(self, path: str) -> list[Edit]:
        return [e for p, e in self.edits if p == path]

    @property
    def paths(self) -> list[str]:
        return sorted({p for p, _ in self.edits})


@dataclass(frozen=True)
class Finding:
    """One problem at one place."""

    rule: str  # rule code, e.g. "AWS001"
    message: str  # the problem, one sentence
    path: str  # the file
    line: int  # 1-based start line
    column: int  # 1-based start column
    end_line: int  # 1-based end line
    end_column: int  # 1-based column just past the end
    start: int  # 0-based offset of the start in the file
    end: int  # 0-based offset just past the end
    severity: Severity = Severity.ERROR
    fix: Fix | None = None  # None when the rule cannot fix this instance
    notes: tuple[str, ...] = field(default=())  # extra lines: instances, hints

    @property
    def fix_title(self) -> str | None:
        return self.fix.title if self.fix else None

    @classmethod
    def at(
        cls,
        rule: str,
        path: str,
        text: str,
        node: Node,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity = Severity.ERROR,
        notes: tuple[str, ...] = (),
    ) -> "Finding":
        """A finding spanning ``node`` (its leading trivia excluded)."""
        start, end = node.start, node.end
        end_line = node.line + text.count("\n", start, end)  # local to the node: linear in findings
        end_column = end - (text.rfind("\n", 0, end) + 1) + 1
        return cls(
            rule, message, path, node.line, node.column, end_line, end_column, start, end,
            severity, fix, notes,
        )

    @classmethod
    def between(
        cls,
        rule: str,
        path: str,
        text: str,
        start: tuple[int, int],
        end: tuple[int, int],
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity = Severity.ERROR,
        notes: tuple[str, ...] = (),
    ) -> "Finding":
        """A finding from 1-based ``(line, column)`` ``start`` to ``end`` (the column just past
        it) in a file that is not HCL (a Python test, say); columns are counted in characters
        and without a leading BOM, as Python's ``tokenize`` counts them."""
        bom = 1 if text.startswith("\ufeff") else 0

        def offset(line: int, column: int) -> int:
            at = 0
            for _ in range(line - 1):
                at = text.index("\n", at) + 1
            return at + column - 1 + (bom if line == 1 else 0)

        return cls(rule, message, path, *start, *end, offset(*start), offset(*end), severity, fix, notes)


def join_words(parts: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: a list in a message."""
    items = list(parts)
    return "".join(items) if len(items) <= 1 else ", ".join(items[:-1]) + " and " + items[-1]
