"""Unified diffs of fixed files, as ``--diff`` prints them."""

from __future__ import annotations

import difflib

from ..api import FileResult

__all__ = ["render_diff"]


def render_diff(results: list[FileResult]) -> str:
    chunks: list[str] = []
    for result in results:
        if not result.changed:
            continue
        assert result.original is not None and result.fixed is not None
        diff = difflib.unified_diff(
            result.original.splitlines(keepends=True),
            result.fixed.splitlines(keepends=True),
            fromfile=f"a/{result.path}",
            tofile=f"b/{result.path}",
        )
        for line in diff:
            chunks.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(chunks)
