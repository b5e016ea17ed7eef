"""``--format json``: every finding with its range and its fix's edits, in a versioned schema.

The schema (documented in docs/output-formats.md; ``version`` changes only when
a field is removed or changes meaning, never when one is added)::

    {
      "version": 1,
      "tool": {"name": "tffix", "version": "0.1.0"},
      "findings": [
        {
          "rule": "AWS001", "name": "name-too-long", "severity": "error",
          "message": "...", "path": "alb.tf",
          "range": {"start": {"line": 4, "column": 3, "offset": 61},
                    "end": {"line": 4, "column": 54, "offset": 112}},
          "notes": ["..."],
          "url": "https://...#aws001",
          "fix": null | {
            "title": "...", "applicability": "safe" | "unsafe" | "display-only",
            "applied": true,            # whether this run's fixes (--write) include it
            "edits": [{"path": "alb.tf", "range": {...}, "replacement": "..."}]
          }                             # an edit of a file the fix creates: "new_file": true,
                                        # the whole text inserted at line 1, column 1
        }
      ],
      "files": [{"path": "alb.tf", "changed": true, "error": null}],  # "created": true for a new file
      "problems": [{"kind": "fix-invalid", "rule": "AWS003", "path": "x.tf", "message": "..."}]
    }

Lines and columns are 1-based, columns in Unicode code points; ``offset`` is
0-based, in code points too (Python string indices); an ``end`` is exclusive.
Edits are on the files as they were read; a finding's edits are that one fix,
in one round: ``files[].changed`` and ``--diff`` tell the whole change.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..api import FileResult
from ..findings import Finding
from .hunks import applied_by_write, help_uri, position, read_text, unsafe_for

__all__ = ["SCHEMA_VERSION", "to_json", "render_json"]

SCHEMA_VERSION = 1


def _point(text: str | None, offset: int, line: int | None = None, column: int | None = None) -> dict[str, int]:
    if text is not None:
        line, column = position(text, offset)
    return {"line": line or 0, "column": column or 0, "offset": offset}


def _finding(finding: Finding, texts: dict[str, str], names: dict[str, str], applied: bool) -> dict[str, Any]:
    text = read_text(finding.path, texts)
    out: dict[str, Any] = {
        "rule": finding.rule,
        "name": names.get(finding.rule, ""),
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.path,
        "range": {
            "start": {"line": finding.line, "column": finding.column, "offset": finding.start},
            "end": {"line": finding.end_line, "column": finding.end_column, "offset": finding.end},
        },
        "notes": list(finding.notes),
        "url": help_uri(finding.rule),
        "fix": None,
    }
    if finding.fix is not None:
        edits = []
        for path, edit in finding.fix.edits:
            new_file = path in finding.fix.new_files  # the whole text of a file the fix creates
            edit_text = "" if new_file else text if path == finding.path else read_text(path, texts)
            entry = {
                "path": path,
                "range": {"start": _point(edit_text, edit.start), "end": _point(edit_text, edit.end)},
                "replacement": edit.replacement,
            }
            if new_file:
                entry["new_file"] = True
            edits.append(entry)
        out["fix"] = {
            "title": finding.fix.title,
            "applicability": finding.fix.applicability.value,
            "applied": applied,
            "edits": edits,
        }
    return out


def rule_names() -> dict[str, str]:
    from ..rules import all_rules

    return {r.code: r.name for r in all_rules()}


def to_json(results: list[FileResult], *, unsafe: bool | None = None, fixed: bool = True) -> dict[str, Any]:
    """The report as a JSON-ready dict. ``fixed``: the run computed the fixes (``applied`` is meaningful)."""
    texts = {r.path: r.original for r in results if r.original is not None}
    names = rule_names()
    findings = []
    files = []
    problems = []
    for result in results:
        entry = {"path": result.path, "changed": result.changed, "error": result.error}
        if result.created:
            entry["created"] = True  # a new file the fixes add
        files.append(entry)
        changed = result.changed
        blocked = {p.rule for p in result.problems if p.kind in ("fix-invalid", "no-fixpoint")}
        for finding in result.findings:
            applied = (
                fixed and changed and applied_by_write(finding, unsafe_for(result, unsafe))
                and finding.rule not in blocked and "*" not in blocked
            )
            findings.append(_finding(finding, texts, names, applied))
        for problem in result.problems:
            entry = {"kind": problem.kind, "rule": problem.rule, "path": problem.path, "message": problem.message}
            if entry not in problems:
                problems.append(entry)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "tffix", "version": __version__},
        "findings": findings,
        "files": files,
        "problems": problems,
    }


def render_json(results: list[FileResult], *, unsafe: bool | None = None, fixed: bool = True) -> str:
    return json.dumps(to_json(results, unsafe=unsafe, fixed=fixed), indent=2, ensure_ascii=False) + "\n"
