"""``--format rdjson`` / ``rdjsonl``: reviewdog's diagnostic format.

``rdjson`` is one ``DiagnosticResult`` (``{"source", "severity", "diagnostics"}``),
``rdjsonl`` one ``Diagnostic`` per line, as reviewdog's
``proto/rdf/reviewdog.proto`` defines them. Lines and columns are 1-based, a
column counts UTF-8 bytes, an ``end`` is exclusive. A diagnostic whose finding
``tffix --write`` fixes carries ``suggestions``: the whole-line hunks of the
change ``--write`` makes (see :mod:`fixer.report.hunks`), each replacing the
range from the start of its first line to the start of the line after its last,
so that applying every suggestion gives the text ``--write`` writes. reviewdog
turns them into GitHub suggestions itself (``-reporter=github-pr-review``) and
filters them to the pull request's lines (``-filter-mode``).
"""

from __future__ import annotations

import json
from typing import Any

from ..api import FileResult
from ..findings import Finding
from .hunks import DOCS_URL, Hunk, assign_hunks, help_uri, position, read_text, unsafe_for, utf8_column

__all__ = ["to_rdjson", "diagnostics", "render_rdjson", "render_rdjsonl"]

SOURCE = {"name": "tffix", "url": DOCS_URL}


def _pos(text: str | None, offset: int, line: int, column: int) -> dict[str, int]:
    if text is None:
        return {"line": line, "column": column}
    return {"line": position(text, offset)[0], "column": utf8_column(text, offset)}


def _suggestion(text: str, hunk: Hunk) -> dict[str, Any]:
    lines = text.splitlines(keepends=True)
    start = {"line": hunk.first_line, "column": 1}
    if hunk.last_line < len(lines) or lines[-1].endswith(("\n", "\r")):
        end = {"line": hunk.last_line + 1, "column": 1}
    else:  # the last line of a file without a final line break
        end = {"line": hunk.last_line, "column": len(lines[-1].encode("utf-8")) + 1}
    return {"range": {"start": start, "end": end}, "text": hunk.new_text}


def _diagnostic(finding: Finding, text: str | None, hunks: list[Hunk]) -> dict[str, Any]:
    message = finding.message + "".join(f"\n{note}" for note in finding.notes)
    if finding.fix is not None:
        message += f"\nFix ({finding.fix.applicability.value}): {finding.fix.title}"
    out: dict[str, Any] = {
        "message": message,
        "location": {
            "path": finding.path,
            "range": {
                "start": _pos(text, finding.start, finding.line, finding.column),
                "end": _pos(text, finding.end, finding.end_line, finding.end_column),
            },
        },
        "severity": "ERROR" if finding.severity.value == "error" else "WARNING",
        "source": SOURCE,
        "code": {"value": finding.rule, "url": help_uri(finding.rule)},
    }
    if hunks and text is not None:
        out["suggestions"] = [_suggestion(text, h) for h in hunks]
    return out


def diagnostics(results: list[FileResult], *, unsafe: bool | None = None) -> list[dict[str, Any]]:
    texts = {r.path: r.original for r in results if r.original is not None}
    out: list[dict[str, Any]] = []
    for result in results:
        if result.error:
            out.append({
                "message": result.error,
                "location": {"path": result.path},
                "severity": "ERROR",
                "source": SOURCE,
            })
            continue
        original = result.original
        fixed = result.fixed if result.fixed is not None else original
        owned: dict[int, list[Hunk]] = {}
        orphans: list[Hunk] = []
        if original is not None and fixed is not None:
            owned, orphans = assign_hunks(
                result.path, original, fixed, list(result.findings), unsafe_for(result, unsafe)
            )
        for index, finding in enumerate(result.findings):
            text = original if finding.path == result.path else read_text(finding.path, texts)
            out.append(_diagnostic(finding, text, owned.get(index, [])))
        for hunk in orphans:
            assert original is not None
            out.append({
                "message": "A further change that the fixes above make here.",
                "location": {
                    "path": result.path,
                    "range": {"start": {"line": hunk.first_line, "column": 1}},
                },
                "severity": "INFO",
                "source": SOURCE,
                "suggestions": [_suggestion(original, hunk)],
            })
    return out


def to_rdjson(results: list[FileResult], *, unsafe: bool | None = None) -> dict[str, Any]:
    found = diagnostics(results, unsafe=unsafe)
    severity = "ERROR" if any(d.get("severity") == "ERROR" for d in found) else ("WARNING" if found else "INFO")
    return {"source": SOURCE, "severity": severity, "diagnostics": found}


def render_rdjson(results: list[FileResult], *, unsafe: bool | None = None) -> str:
    return json.dumps(to_rdjson(results, unsafe=unsafe), indent=2, ensure_ascii=False) + "\n"


def render_rdjsonl(results: list[FileResult], *, unsafe: bool | None = None) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in diagnostics(results, unsafe=unsafe))
