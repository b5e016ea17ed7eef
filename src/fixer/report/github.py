"""``--format github``: the body of a pull-request review, one comment per finding.

The payload is what ``POST /repos/{owner}/{repo}/pulls/{number}/reviews``
takes: ``{"event": "COMMENT", "body": ..., "comments": [...]}``, each comment
``{"path", "line", "side": "RIGHT"}`` plus ``"start_line", "start_side"`` when
it spans several lines.

A comment whose finding ``tffix --write`` fixes carries a ````suggestion``
block. GitHub replaces exactly the commented lines with the block's lines, so
each suggestion is a whole-line hunk of the change ``--write`` makes (see
:mod:`fixer.report.hunks`), and the comment is anchored on exactly those
lines: committing every suggestion gives the text ``--write`` writes. The fence
is longer than any run of backticks in the suggested text. A finding without
an applied fix gets a plain comment on its own lines.

With ``changed`` (the lines a pull request touched, e.g. from
:func:`git_changed_lines`), only comments on touched lines are made: a comment
is kept when its lines meet a touched line and all lie within the diff GitHub
shows (the touched lines and three lines of context around each change), since
GitHub refuses a review comment outside the diff.

Paths are as the run was given them, ``/``-separated: run tffix from the
repository root so that they are the repository paths GitHub expects. The
suggested lines end with ``\\n``; GitHub keeps the file's own line breaks
when it commits a suggestion on a CRLF file.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Iterable, Mapping

from ..api import FileResult
from ..findings import Applicability, Finding
from .hunks import Hunk, applied_by_write, assign_hunks, unsafe_for

__all__ = [
    "to_github_review", "render_github", "git_changed_lines", "parse_unified_diff", "suggestion_fence",
    "unquote_git_path",
]

DIFF_CONTEXT = 3  # lines of context GitHub shows around a change (git's default)


def suggestion_fence(text: str) -> str:
    """A backtick fence longer than any backtick run in ``text`` (at least three)."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _strip_newline(line: str) -> str:
    for ending in ("\r\n", "\n", "\r"):
        if line.endswith(ending):
            return line[: -len(ending)]
    return line


def _suggestion(hunk: Hunk) -> str:
    content = "".join(_strip_newline(line) + "\n" for line in hunk.new)
    fence = suggestion_fence(content)
    return f"{fence}suggestion\n{content}{fence}"


def _fix_line(finding: Finding, unsafe: bool) -> str | None:
    fix = finding.fix
    if fix is None:
        return None
    if applied_by_write(finding, unsafe):
        kind = "safe fix" if fix.applicability is Applicability.SAFE else "unsafe fix"
        return f"**Fix** ({kind}, applied by `tffix --write{' --unsafe-fixes' if kind == 'unsafe fix' else ''}`): {fix.title}"
    if fix.applicability is Applicability.UNSAFE:
        return f"**Possible fix** (unsafe, needs `tffix --write --unsafe-fixes`): {fix.title}"
    return f"**Suggestion** (display only, never applied): {fix.title}"


def _header(finding: Finding) -> str:
    from .hunks import help_uri

    lines = [f"**[{finding.rule}]({help_uri(finding.rule)})** ({finding.severity.value}): {finding.message}"]
    lines.extend(f"> {note}" for note in finding.notes)
    return "\n".join(lines)


def _posix(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _anchor(path: str, first: int, last: int) -> dict[str, Any]:
    comment: dict[str, Any] = {"path": _posix(path), "line": last, "side": "RIGHT"}
    if first < last:
        comment["start_line"] = first
        comment["start_side"] = "RIGHT"
    return comment


def _allowed(first: int, last: int, touched: list[tuple[int, int]] | None) -> bool:
    if touched is None:
        return True
    meets = any(a <= last and first <= b for a, b in touched)
    if not meets:
        return False
    # Every line must lie in GitHub's diff: within DIFF_CONTEXT lines of a change.
    lines = set()
    for a, b in touched:
        lines.update(range(max(1, a - DIFF_CONTEXT), b + DIFF_CONTEXT + 1))
    return all(n in lines for n in range(first, last + 1))


def review_comments(
    results: list[FileResult],
    *,
    unsafe: bool | None = None,
    changed: Mapping[str, Iterable[tuple[int, int]]] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """The comments, and how many findings were left out for lying outside ``changed``."""
    touched_by_path = None
    if changed is not None:
        touched_by_path = {_posix(p): sorted(ranges) for p, ranges in changed.items()}
    comments: list[dict[str, Any]] = []
    skipped = 0
    for result in results:
        if result.error or result.original is None:
            continue
        path = result.path
        original = result.original
        fixed = result.fixed if result.fixed is not None else original
        touched = None if touched_by_path is None else touched_by_path.get(_posix(path), [])
        findings = list(result.findings)
        result_unsafe = unsafe_for(result, unsafe)
        owned, orphans = assign_hunks(path, original, fixed, findings, result_unsafe)
        suggestion_line: dict[int, int] = {}
        for index, hunks in owned.items():
            suggestion_line[index] = hunks[0].first_line
        for index, finding in enumerate(findings):
            if finding.path != path:
                continue
            parts = [_header(finding)]
            fix_line = _fix_line(finding, result_unsafe)
            if fix_line:
                parts.append(fix_line)
            hunks = owned.get(index, [])
            if not hunks:
                sharing = [
                    suggestion_line[i] for i, hs in owned.items()
                    if any(h.first_line <= finding.end_line and finding.line <= h.last_line for h in hs)
                ]
                if sharing and applied_by_write(finding, result_unsafe):
                    parts.append(f"Fixed by the suggestion on line {sharing[0]}.")
                if _allowed(finding.line, finding.end_line, touched):
                    comments.append({**_anchor(path, finding.line, finding.end_line), "body": "\n\n".join(parts)})
                else:
                    skipped += 1
                continue
            for n, hunk in enumerate(hunks):
                body = parts if n == 0 else [f"{_header(finding)}\n\n(continued: another part of the same fix)"]
                if _allowed(hunk.first_line, hunk.last_line, touched):
                    comments.append({
                        **_anchor(path, hunk.first_line, hunk.last_line),
                        "body": "\n\n".join([*body, _suggestion(hunk)]),
                    })
                else:
                    skipped += 1
        for hunk in orphans:
            if _allowed(hunk.first_line, hunk.last_line, touched):
                comments.append({
                    **_anchor(path, hunk.first_line, hunk.last_line),
                    "body": "A further change that the fixes above make here.\n\n" + _suggestion(hunk),
                })
            else:
                skipped += 1
    comments.sort(key=lambda c: (c["path"], c["line"]))
    return comments, skipped


def to_github_review(
    results: list[FileResult],
    *,
    unsafe: bool | None = None,
    changed: Mapping[str, Iterable[tuple[int, int]]] | None = None,
    commit_id: str | None = None,
) -> dict[str, Any]:
    """The review payload as a JSON-ready dict."""
    comments, skipped = review_comments(results, unsafe=unsafe, changed=changed)
    findings = sum(len(r.findings) for r in results)
    suggestions = sum(1 for c in comments if "```suggestion" in c["body"] or "````suggestion" in c["body"])
    body = f"tffix: {findings} finding{'s' * (findings != 1)}, {suggestions} suggested change{'s' * (suggestions != 1)}."
    if skipped:
        body += f" {skipped} more on lines this pull request does not touch."
    payload: dict[str, Any] = {"event": "COMMENT", "body": body, "comments": comments}
    if commit_id:
        payload["commit_id"] = commit_id
    return payload


def render_github(results: list[FileResult], **options: Any) -> str:
    return json.dumps(to_github_review(results, **options), indent=2, ensure_ascii=False) + "\n"


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_unified_diff(diff: str) -> dict[str, list[tuple[int, int]]]:
    """The new-side line ranges each file's hunks add or change, from ``git diff --unified=0``."""
    out: dict[str, list[tuple[int, int]]] = {}
    path: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            raw = line[4:]
            name = unquote_git_path(raw) if raw.startswith('"') else raw.split("\t")[0]
            path = None if name == "/dev/null" else (name[2:] if name.startswith("b/") else name)
            if path is not None:
                out.setdefault(path, [])
            continue
        match = _HUNK.match(line)
        if match and path is not None:
            start = int(match.group(1))
            count = 1 if match.group(2) is None else int(match.group(2))
            if count:
                out[path].append((start, start + count - 1))
    return out


_C_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote_git_path(quoted: str) -> str:
    """A path git quoted C-style (``"b/caf\\303\\251.tf"``: octal bytes, ``\\t``, ``\\"``) as text."""
    body = quoted[1:quoted.rindex('"')] if quoted.count('"') >= 2 else quoted.strip('"')
    out = bytearray()
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            digits = body[i + 1:i + 4]
            if len(digits) == 3 and all(c in "01234567" for c in digits):
                out.append(int(digits, 8))
                i += 4
                continue
            if following in _C_ESCAPES:
                out.append(_C_ESCAPES[following])
                i += 2
                continue
        out.extend(char.encode("utf-8"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def git_changed_lines(base: str, cwd: str | None = None) -> dict[str, list[tuple[int, int]]]:
    """The lines changed since the merge base of ``base`` and HEAD, by path relative to ``cwd``.

    Compares the working tree (which is HEAD in CI) with the merge base, as a
    pull request's diff does. Raises :class:`RuntimeError` when git fails.
    """
    from ..incremental import run_git  # its GitError is a RuntimeError

    def git(*args: str) -> str:
        return run_git(args, cwd)

    merge_base = git("merge-base", base, "HEAD").strip()
    # Whatever the user's git configuration: paths unquoted where git allows it (others are
    # unquoted above), and the a/ b/ prefixes given explicitly (diff.mnemonicPrefix writes
    # i/ w/ c/, diff.noprefix none).
    diff = git(
        "-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
        "--src-prefix=a/", "--dst-prefix=b/", "--relative", merge_base, "--",
    )
    return parse_unified_diff(diff)
