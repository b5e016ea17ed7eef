"""``tffix fmt``: rewrite HCL files the way ``terraform fmt`` does, without the binary.

``tffix fmt [--check] [--diff] PATH...`` formats the named files; directories are
walked (recursively, hidden directories such as ``.terraform`` skipped) for
``.tf``, ``.tfvars`` and ``.tftest.hcl`` files, the ones ``terraform fmt`` takes
(regular files and symlinks; a FIFO or device found by the walk is skipped,
one named on the command line is reported).

* no option: each file that is not formatted is rewritten and its path printed.
  The writer is the one ``tffix --write`` uses (:func:`fixer.writer.write_atomic`):
  atomic, through a symlink to its target (the link is kept), owner and mode
  (setuid too) kept, a read-only file refused, and a file changed on disk since
  it was read left alone. A symlink that leads outside the named paths is not
  written unless ``--follow-symlinks-outside`` is given;
* ``--check``: nothing is written; the paths of files that would change are
  printed and the exit status is 1 if there are any (``terraform fmt -check``);
* ``--diff``: nothing is written; a unified diff is printed for each file that
  would change (combined with ``--check``, the exit status says so too).

A file that is not valid HCL is reported on stderr as ``path:line:col: message``
and left untouched; the other files are still processed, and the exit status
is 2. Large batches are formatted in parallel worker processes.
"""

from __future__ import annotations

import difflib
import os
import stat
import sys
from pathlib import Path

import click

__all__ = ["fmt", "fmt_files", "collect_files", "format_file"]

FMT_SUFFIXES = (".tf", ".tfvars", ".tftest.hcl")
_PARALLEL_THRESHOLD = 64  # below this many files, a worker pool costs more than it saves

EXIT_OK = 0
EXIT_CHANGES = 1
EXIT_ERROR = 2


def collect_files(paths: tuple[str, ...] | list[str]) -> list[Path]:
    """The files named by ``paths``: files as given, directories walked for fmt's suffixes.

    A walk takes regular files and symlinks (a dangling one is reported when read),
    never a FIFO, socket or device. A file named twice (``d`` and ``$PWD/d``) is taken once.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def take(file: Path) -> None:
        key = os.path.join(os.path.realpath(file.parent), file.name)
        if key not in seen:
            seen.add(key)
            out.append(file)

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            take(path)
            continue
        found: list[Path] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(Path(root, f) for f in files if f.endswith(FMT_SUFFIXES) and _walkable(Path(root, f)))
        for file in sorted(found):
            take(file)
    return out


def _walkable(file: Path) -> bool:
    try:
        return file.is_symlink() or stat.S_ISREG(file.lstat().st_mode)
    except OSError:
        return False


def format_file(path: str, write: bool, diff: bool, inside: list[str] | None = None) -> tuple[str, str]:
    """Format one file; return ``(status, message)``.

    ``status`` is ``"clean"``, ``"changed"`` or ``"error"``; ``message`` is the
    diff (when asked for) or the error line ``path:line:col: message``.
    ``inside``: the real paths a write may land in (None: anywhere).
    """
    from .errors import ParseError
    from .layout import format_source
    from .reading import SourceError, read_text
    from .writer import WriteError, write_atomic

    try:
        src = read_text(path)
    except SourceError as e:
        return "error", str(e)
    try:
        result = format_source(src)
    except ParseError as e:
        return "error", f"{path}:{e.line}:{e.column}: {e.message}"
    if result == src:
        return "clean", ""
    message = ""
    if diff:
        message = "".join(
            difflib.unified_diff(
                src.splitlines(keepends=True),
                result.splitlines(keepends=True),
                fromfile=f"old/{path}",
                tofile=f"new/{path}",
            )
        )
        if message and not message.endswith("\n"):
            message += "\n"
    if write:
        try:
            write_atomic(path, result, expected=src, inside=inside)
        except WriteError as e:
            return "error", str(e)
    return "changed", message


def _format_job(job: tuple[str, bool, bool, list[str] | None]) -> tuple[str, str]:
    return format_file(*job)


def fmt_files(
    files: list[Path], write: bool, diff: bool, jobs: int | None = None, inside: list[str] | None = None
):
    """Yield ``(path, status, message)`` for each file, in order, in parallel when worth it."""
    work = [(str(p), write, diff, inside) for p in files]
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    if workers > 1 and len(work) >= _PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_format_job, work, chunksize=max(1, len(work) // (workers * 8)))
            for (path, *_), (status, message) in zip(work, results):
                yield path, status, message
    else:
        for job in work:
            status, message = format_file(*job)
            yield job[0], status, message


@click.command("fmt")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff of the changes.")
@click.option(
    "--follow-symlinks-outside", is_flag=True,
    help="Also write files that a symlink leads to outside the named paths (refused by default).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def fmt(check: bool, diff: bool, follow_symlinks_outside: bool, paths: tuple[str, ...]) -> None:
    """Rewrite Terraform files in canonical style, byte for byte like `terraform fmt`."""
    write = not check and not diff
    changed = errors = 0
    from .writer import named_roots

    inside = None if follow_symlinks_outside else named_roots(paths)
    for path, status, message in fmt_files(collect_files(paths), write, diff, inside=inside):
        if status == "error":
            errors += 1
            click.echo(message, err=True)
        elif status == "changed":
            changed += 1
            if diff:
                click.echo(message, nl=False)
            else:
                click.echo(path)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_CHANGES if check and changed else EXIT_OK)
