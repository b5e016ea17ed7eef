"""Unified diffs of fixed files, as ``--diff`` prints them."""

from __future__ import annotations

import difflib

from ..api import FileResult

__all__ = ["color_diff", "quote_path", "render_diff"]


def render_diff(results: list[FileResult]) -> str:
    chunks: list[str] = []
    for result in results:
        if not result.changed:
            continue
        assert result.original is not None and result.fixed is not None
        # a file a fix creates is a new-file diff, as git writes it: from /dev/null
        created = getattr(result, "created", False)
        diff = difflib.unified_diff(
            _lines(result.original),
            _lines(result.fixed),
            fromfile="/dev/null" if created else quote_path(f"a/{_header_path(result.path)}"),
            tofile=quote_path(f"b/{_header_path(result.path)}"),
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


# git's quote_c_style (quote.c): the escapes it writes by name; other bytes below 0x20, 0x7f
# and (core.quotePath, on by default) every byte of a non-ASCII character are written in octal.
_C_ESCAPES = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
              "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def quote_path(name: str) -> str:
    """``name`` as git writes it in a diff header: as it is, or C-quoted when it holds a
    control character (a tab or CR would end or corrupt the header line), ``"``, ``\\``
    or a non-ASCII character: ``"a/x\\ty.tf"``. ``git apply`` and GNU patch read both."""
    if all(0x20 <= ord(c) < 0x7F and c not in '"\\' for c in name):
        return name
    out = []
    for c in name:
        if c in _C_ESCAPES:
            out.append(_C_ESCAPES[c])
        elif 0x20 <= ord(c) < 0x7F:
            out.append(c)
        else:
            out.extend(f"\\{byte:03o}" for byte in c.encode("utf-8", "surrogateescape"))
    return '"' + "".join(out) + '"'
