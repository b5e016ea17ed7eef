"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning accepts it.

One run; its driver lists every rule (``id``, ``name``, short description = the
docstring's first line, full description = its *What it does* section, help =
the whole docstring, ``helpUri``, default level). Each finding is a result with
one physical location and, when it has a fix, one ``fixes`` entry whose
``artifactChanges`` hold the fix's edits as ``replacements`` on the original
text (``deletedRegion`` + ``insertedContent``; an insertion is an empty
region). Columns are Unicode code points (``columnKind: unicodeCodePoints``),
1-based, end columns exclusive, as SARIF defines them. Files that could not be
processed and fixes that were dropped are tool execution notifications.

As GitHub code scanning wants them: every artifact URI is relative to the repository root
(``uriBaseId: "%SRCROOT%"``, the root's ``file:`` URI in ``originalUriBaseIds``), whatever
path form tffix was given (absolute, ``../x``); each result carries
``partialFingerprints["tffix/v1"]``, a hash of the rule, the file, the finding's block
address and attribute (``resource.aws_lb_target_group.api/name``) and its rank among equal
ones, so a finding keeps its identity when lines above it move;
``automationDetails.id`` is set by ``--automation-id``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..api import FileResult
from ..findings import Applicability, Finding, Severity
from .hunks import DOCS_URL, help_uri, position, read_text
from .locations import fingerprint, logical_address, parse_or_none, root_relative, source_root

__all__ = ["SARIF_SCHEMA", "SRCROOT", "FINGERPRINT_KEY", "to_sarif", "render_sarif", "rule_descriptors", "artifact_location"]

SRCROOT = "%SRCROOT%"  # the uriBaseId of every artifact: the repository root
FINGERPRINT_KEY = "tffix/v1"  # partialFingerprints key: rule + file + block address + attribute + n-th

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

_SECTION = re.compile(r"^(?:\*([A-Z][^*]*)\*|#{1,4} +([A-Z].*?))\s*$")  # *What it does* or ## What it does


def _sections(doc: str) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in doc.splitlines()[1:]:
        match = _SECTION.match(line.strip())
        if match:
            current = (match.group(1) or match.group(2)).strip().rstrip("?").lower()
            sections[current] = []
        elif current:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def _descriptor(code: str, name: str, doc: str, severity: Severity) -> dict[str, Any]:
    summary = doc.splitlines()[0].strip() if doc.strip() else name
    full = _sections(doc).get("what it does") or summary
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": doc or summary, "markdown": doc or summary},
        "helpUri": help_uri(code),
        "defaultConfiguration": {"level": _level(severity)},
        "properties": {"tags": ["terraform", "aws"]},
    }


def rule_descriptors() -> list[dict[str, Any]]:
    """Every rule (TFX001, unused suppression, included) as SARIF reportingDescriptors."""
    from ..rules import all_rules

    return [_descriptor(r.code, r.name, r.documentation(), r.severity) for r in all_rules()]


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _region(text: str | None, start: int, end: int) -> dict[str, int]:
    if text is None:  # the file could not be read: offsets only
        return {"charOffset": start, "charLength": end - start}
    start_line, start_column = position(text, start)
    end_line, end_column = position(text, end)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def artifact_location(path: str, root: Path) -> dict[str, Any]:
    """``{"uri", "uriBaseId": "%SRCROOT%"}`` relative to the repository root ``root``, whatever
    form ``path`` has (relative to the working directory, ``../x``, absolute); an absolute
    ``file:`` URI for a file outside the root."""
    relative = root_relative(path, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


class _Places:
    """Per file: its tree (for logical addresses), and how often each (rule, address) was seen."""

    def __init__(self, texts: dict[str, str], root: Path) -> None:
        self.texts = texts
        self.root = root
        self.trees: dict[str, Any] = {}
        self.seen: dict[tuple[str, str, str], int] = {}

    def fingerprints(self, finding: Finding) -> dict[str, str]:
        if finding.path not in self.trees:
            self.trees[finding.path] = parse_or_none(self.texts.get(finding.path))
        address = logical_address(self.trees[finding.path], finding.start)
        path = root_relative(finding.path, self.root) or Path(os.path.abspath(finding.path)).as_posix()
        key = (finding.rule, path, address)
        occurrence = self.seen[key] = self.seen.get(key, -1) + 1
        return {FINGERPRINT_KEY: fingerprint(finding.rule, path, address, occurrence)}


def _result(finding: Finding, index: dict[str, int], texts: dict[str, str], places: _Places) -> dict[str, Any]:
    root = places.root
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _level(finding.severity),
        "message": {"text": finding.message + "".join(f"\n{note}" for note in finding.notes)},
        "partialFingerprints": places.fingerprints(finding),
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(finding.path, root),
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": finding.end_line,
                    "endColumn": finding.end_column,
                },
            }
        }],
    }
    if finding.rule in index:
        out["ruleIndex"] = index[finding.rule]
    fix = finding.fix
    if fix is not None:
        out["properties"] = {"fixTitle": fix.title, "fixApplicability": fix.applicability.value}
    if fix is not None and fix.edits:
        changes = []
        for path in fix.paths:
            # a file the fix creates: an insertion into a new, empty artifact
            text = "" if path in fix.new_files else read_text(path, texts)
            replacements = [
                {"deletedRegion": _region(text, e.start, e.end), "insertedContent": {"text": e.replacement}}
                for e in sorted(fix.edits_for(path), key=lambda e: (e.start, e.end))
            ]
            changes.append({"artifactLocation": artifact_location(path, root), "replacements": replacements})
        label = {
            Applicability.SAFE: "safe fix, applied by tffix --write",
            Applicability.UNSAFE: "unsafe fix, applied by tffix --write --unsafe-fixes",
            Applicability.DISPLAY_ONLY: "suggestion, never applied by tffix",
        }[fix.applicability]
        out["fixes"] = [{"description": {"text": f"{fix.title} ({label})"}, "artifactChanges": changes}]
    return out


def _default_root(results: list[FileResult]) -> Path:
    """The repository holding the checked files (the first one's), else the working directory's."""
    for result in results:
        root = source_root(os.path.dirname(os.path.abspath(result.path)))
        if (root / ".git").exists():
            return root
        break
    return source_root()


def to_sarif(
    results: list[FileResult], *, root: str | Path | None = None, automation_id: str | None = None
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict.

    ``root``: the directory URIs are relative to (``%SRCROOT%``; default: the repository
    holding the checked files, else the one holding the working directory, else the
    working directory; see :func:`~fixer.report.locations.source_root`).
    ``automation_id``: ``runs[0].automationDetails.id`` (GitHub's category is its part before
    the last ``/``).
    """
    base = Path(os.path.abspath(root)) if root is not None else _default_root(results)
    rules = rule_descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    texts = {r.path: r.original for r in results if r.original is not None}
    places = _Places(texts, base)
    sarif_results = []
    notifications: list[dict[str, Any]] = []
    seen: set[str] = set()
    for result in results:
        if result.error:
            notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path, base)}}],
            })
        for finding in result.findings:
            sarif_results.append(_result(finding, index, texts, places))
        for problem in result.problems:
            if problem.message in seen:
                continue
            seen.add(problem.message)
            notifications.append({"level": "warning", "message": {"text": problem.message}})
    invocation: dict[str, Any] = {"executionSuccessful": not any(r.error for r in results)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "tffix",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": DOCS_URL,
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if automation_id:
        run["automationDetails"] = {"id": automation_id}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(results: list[FileResult], *, root: str | Path | None = None, automation_id: str | None = None) -> str:
    return json.dumps(to_sarif(results, root=root, automation_id=automation_id), indent=2, ensure_ascii=False) + "\n"
