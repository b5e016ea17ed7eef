"""The human-readable report: one block per finding, grouped by file."""

from __future__ import annotations

from typing import Callable

from ..api import FileResult
from ..findings import Applicability, Finding
from .hunks import unsafe_for

__all__ = ["render_text"]

Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def _fix_label(finding: Finding, unsafe: bool) -> str:
    fix = finding.fix
    if fix is None:
        return "no fix available"
    if fix.applicability is Applicability.SAFE:
        return f"fix (safe, applied by --write): {fix.title}"
    if fix.applicability is Applicability.UNSAFE:
        how = "applied by --write" if unsafe else "needs --unsafe-fixes"
        return f"fix (unsafe, {how}): {fix.title}"
    return f"suggestion (display only, never applied): {fix.title}"


def render_text(
    results: list[FileResult], *, style: Style = _plain, unsafe: bool | None = None, fixed: bool = False
) -> str:
    """The report. With ``fixed``, findings whose fixes were applied are listed as fixed.

    ``unsafe``: whether unsafe fixes are applied; None: as each file's module was run.
    """
    lines: list[str] = []
    for result in results:
        result_unsafe = unsafe_for(result, unsafe)
        if result.error:
            lines.append(style("error: ", fg="red", bold=True) + result.error)
            if not (fixed and result.remaining):  # a file that could not be written still has its findings
                continue
        shown = result.remaining if fixed else result.findings
        for finding in shown:
            location = style(f"{finding.path}:{finding.line}:{finding.column}:", bold=True)
            code = style(finding.rule, fg="red" if finding.severity.value == "error" else "yellow", bold=True)
            lines.append(f"{location} {code} {finding.message}")
            for note in finding.notes:
                lines.append(f"    {note}")
            lines.append(style(f"  = {_fix_label(finding, result_unsafe)}", fg="cyan"))
        if fixed:
            for finding in result.applied:
                lines.append(style(f"{finding.path}:{finding.line}:{finding.column}: fixed {finding.rule}", fg="green") + f" {finding.message}")
        for problem in result.problems:
            lines.append(style("warning: ", fg="yellow", bold=True) + problem.message)
    return "\n".join(lines) + ("\n" if lines else "")
