"""The Python API for pipelines: check or fix text and directories, no printing, no exiting."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .discovery import discover_modules
from .errors import ParseError
from .findings import Finding
from .fixes import ModuleResult, Problem, fix_module
from .model.values import module_values
from .rules import select_rules

__all__ = ["FileResult", "SourceResult", "fix_source", "check_paths", "fix_paths"]


@dataclass
class SourceResult:
    """The result for one text: the fixed code and the findings."""

    code: str  # the text after the applied fixes (== input when nothing was applied)
    findings: list[Finding]  # findings on the input text
    remaining: list[Finding]  # findings still reported on ``code``
    applied: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class FileResult:
    """The result for one file of a run over paths."""

    path: str
    original: str | None  # None when the file could not be read or decoded
    fixed: str | None
    findings: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    applied: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None  # "path:line:col: message" for a file that could not be processed

    @property
    def changed(self) -> bool:
        return self.original is not None and self.fixed is not None and self.fixed != self.original


def fix_source(
    text: str,
    path: str = "main.tf",
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool = False,
    variables: dict[str, Any] | None = None,
    fix: bool = True,
) -> SourceResult:
    """Check one file's text as a module of its own, and apply its fixes.

    Raises :class:`~fixer.errors.ParseError` when ``text`` is not valid HCL.
    """
    rules = select_rules(list(select or []) or None, list(ignore or []) or None)
    result = fix_module({path: text}, rules, values=variables, unsafe=unsafe, fix=fix)
    return SourceResult(result.fixed[path], result.findings, result.remaining, result.applied, result.problems)


def _read(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data:
        raise ValueError("contains NUL bytes; not a text file")
    return data.decode("utf-8")


def check_paths(
    paths: Iterable[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool = False,
    fix: bool = False,
    variables: Iterable[str] = (),
    var_files: Iterable[str] = (),
) -> list[FileResult]:
    """Check every module under ``paths``; with ``fix``, compute fixed texts (nothing is written)."""
    rules = select_rules(list(select or []) or None, list(ignore or []) or None)
    results: list[FileResult] = []
    for module in discover_modules(list(paths)):
        sources: dict[str, str] = {}
        by_path: dict[str, FileResult] = {}
        targets = {str(p) for p in module.targets}
        for file in module.files:
            key = str(file)
            try:
                text = _read(file)
                from .syntax.parser import parse

                parse(text, key)
            except ParseError as e:
                if key in targets:
                    by_path[key] = FileResult(key, None, None, error=str(e))
                continue
            except (OSError, UnicodeDecodeError, ValueError) as e:
                if key in targets:
                    reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                    if isinstance(e, UnicodeDecodeError):
                        reason = f"not UTF-8 text (byte {e.start})"
                    by_path[key] = FileResult(key, None, None, error=f"{key}: {reason}")
                continue
            sources[key] = text
        try:
            values = module_values(module.directory, list(var_files), list(variables))
        except (OSError, ValueError) as e:
            values = {}
            for key in targets:
                by_path.setdefault(key, FileResult(key, None, None, error=f"{key}: variable values: {e}"))
        if sources:
            outcome: ModuleResult = fix_module(sources, rules, values=values, unsafe=unsafe, fix=fix)
            for key in sorted(targets):
                if key in by_path or key not in sources:
                    continue
                by_path[key] = FileResult(
                    key,
                    outcome.original[key],
                    outcome.fixed[key],
                    [f for f in outcome.findings if f.path == key],
                    [f for f in outcome.remaining if f.path == key],
                    [f for f in outcome.applied if f.path == key],
                    [p for p in outcome.problems if p.path in (None, key)],
                )
        results.extend(by_path[k] for k in sorted(by_path))
    return results


def fix_paths(paths: Iterable[str], **options: Any) -> list[FileResult]:
    """:func:`check_paths` with ``fix=True``: fixed texts in ``FileResult.fixed``; nothing is written."""
    return check_paths(paths, fix=True, **options)
