"""``tffix upgrade aws@N PATH...``: the upgrade codemods on the command line (see :mod:`fixer.upgrade`)."""

from __future__ import annotations

import difflib
import json
import sys
from collections import defaultdict
from pathlib import Path

import click

from .errors import ParseError
from .fmt_command import EXIT_CHANGES, EXIT_ERROR, EXIT_OK, collect_files
from .reading import SourceError, read_text
from .writer import WriteError, named_roots, write_atomic

__all__ = ["upgrade"]


@click.command("upgrade")
@click.argument("target")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the changes; write nothing.")
@click.option("--write", "write", is_flag=True, help="Write the upgraded files in place.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def upgrade(target: str, paths: tuple[str, ...], show_diff: bool, write: bool, output_format: str) -> None:
    """Rewrite modules for a new AWS provider major version: TARGET is aws@4, aws@5 or aws@6.

    Does every rename of the upgrade guide and, for aws@4, the aws_s3_bucket split (with import
    blocks); lists what is left to do by hand. Exit 1 when a change is shown but not written,
    or something is left to do by hand; 2 on errors.
    """
    from .upgrade import parse_target, upgrade_module  # on use: a check run does not load the codemods

    try:
        major = parse_target(target)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="TARGET")
    modules: dict[Path, dict[str, str]] = defaultdict(dict)
    errors = 0
    for path in collect_files(paths):
        if path.suffix != ".tf":
            continue
        try:
            modules[path.parent][str(path)] = read_text(path)
        except SourceError as error:
            click.echo(str(error), err=True)
            errors += 1
    report: list[dict] = []
    pending = 0
    inside = named_roots(paths)
    for directory, sources in sorted(modules.items()):
        try:
            result = upgrade_module(sources, major)
        except ParseError as error:
            click.echo(f"{error.path}:{error.line}:{error.column}: {error.message}", err=True)
            errors += 1
            continue
        changed = result.changed(sources)
        pending += len(result.manual) + (0 if write else len(changed))
        for path, text in sorted(changed.items()):
            if show_diff and output_format == "text":
                click.echo("".join(difflib.unified_diff(
                    sources[path].splitlines(keepends=True), text.splitlines(keepends=True),
                    fromfile=f"a/{path}", tofile=f"b/{path}")), nl=False)
            if write:
                try:
                    write_atomic(path, text, expected=sources[path], inside=inside)
                except WriteError as error:
                    click.echo(str(error), err=True)
                    errors += 1
        for note in result.changes:
            report.append({"path": note.path, "line": note.line, "kind": "changed", "message": note.message})
        for note in result.manual:
            report.append({"path": note.path, "line": note.line, "kind": "manual", "message": note.message})
    if output_format == "json":
        click.echo(json.dumps({"target": f"aws@{major}", "notes": report}, indent=2))
    else:
        out = sys.stderr if show_diff else sys.stdout
        for entry in report:
            label = "done" if entry["kind"] == "changed" else "by hand"
            print(f"{entry['path']}:{entry['line']}: {label}: {entry['message']}", file=out)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_CHANGES if pending else EXIT_OK)
