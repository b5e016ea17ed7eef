"""Unified diffs of fixed files, as ``--diff`` prints them."""

from __future__ import annotations

import difflib

from ..api import FileResult

__all__ = ["render_diff", "color_diff"]


def render_diff(results: list[FileResult]) -> str:
    chunks: list[str] = []
    for result in results:
        if not result.changed:
            continue
        assert result.original is not None and result.fixed is not None
        diff = difflib.unified_diff(
            _lines(result.original),
            _lines(result.fixed),
            fromfile=f"a/{_header_path(result.path)}",
            tofile=f"b/{_header_path(result.path)}",
        )
        for line in diff:
            chunks.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(chunks)


def _lines(text: str) -> list[str]:
    """Lines ending at ``\\n`` only (``str.splitlines`` also cuts at form feeds and U+2028,
    which would make the diff differ from what ``--write`` writes)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _header_path(path: str) -> str:
    """The path as it follows ``a/`` and ``b/``: relative as given, or absolute without its
    leading ``/`` (``a/tmp/x.tf``, as git writes it), so ``patch -p1`` finds the file."""
    return path.replace("\\", "/").lstrip("/")


def color_diff(diff: str, style) -> str:  # noqa: ANN001 - style: click.style or a plain stand-in
    """``diff`` with git's colours: headers bold, hunk lines cyan, removals red, additions green."""
    out = []
    for line in diff.splitlines(keepends=True):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if body.startswith(("--- ", "+++ ")):
            body = style(body, bold=True)
        elif body.startswith("@@"):
            body = style(body, fg="cyan")
        elif body.startswith("-"):
            body = style(body, fg="red")
        elif body.startswith("+"):
            body = style(body, fg="green")
        out.append(body + end)
    return "".join(out)
