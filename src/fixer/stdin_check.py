"""``tffix - [--stdin-filename PATH]``: check the text on standard input, for editors and pipelines.

The text is checked as a module of its own (the other files of PATH's directory are not
read); the configuration is the one that applies to PATH (its ``select``, ``ignore``,
rule options, ``vars``, ``var-files``, and its ``exclude`` with ``--force-exclude``), and
the variable values are those of PATH's directory (``terraform.tfvars``,
``*.auto.tfvars``), then ``--var-file``, then ``--var``. With ``--write`` / ``--fix`` the
fixed text (or the text as it came, when nothing is fixed or it does not parse) goes to
standard output and the report to standard error, as ``ruff check --fix -`` does; with
``--diff`` the diff goes to standard output. Nothing is ever written to PATH.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any, Callable

import click

__all__ = ["check_stdin", "or_none", "STDIN_NAME"]

STDIN_NAME = "-"  # how the text is named in messages without --stdin-filename

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()  # bytes: CRLF and a BOM stay as they are
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 text (invalid byte at offset {e.start})") from None


def check_stdin(
    stdin_filename: str | None, *, out: IO[str] | None, select: tuple[str, ...], ignore: tuple[str, ...],
    unsafe: bool | None, write: bool, show_diff: bool, output_format: str, variables: tuple[str, ...],
    var_files: tuple[str, ...], config: bool | str, force_exclude: bool, style: Callable[..., str],
    err_style: Callable[..., str], quiet: bool, render: Callable[[list, bool], str], fail_level: str,
    exit_zero: bool,
) -> int:
    """Check standard input and print what the options ask for; returns the exit code."""
    from .api import FileResult, _given_values, fix_source
    from .config import Config, ConfigError, config_for, load_config
    from .errors import ParseError
    from .model.values import module_values
    from .report.diff import color_diff, render_diff
    from .report.text import render_text

    path = stdin_filename or STDIN_NAME
    try:
        text = _read_stdin()
    except ValueError as e:
        click.echo(f"error: {path}: {e}", err=True)
        return EXIT_ERROR
    fixed_text_out = write and output_format == "text"
    try:
        settings = (
            load_config(config) if isinstance(config, str)
            else config_for(stdin_filename if stdin_filename else ".") if config else Config()
        )
    except ConfigError as e:
        click.echo(f"error: {e}", err=True)
        if fixed_text_out:
            click.echo(text, nl=False, file=out, color=True)
        return EXIT_ERROR
    if force_exclude and stdin_filename and settings.excludes(Path(stdin_filename)):
        if fixed_text_out:
            click.echo(text, nl=False, file=out, color=True)  # an excluded file passes through unchanged
        return EXIT_OK
    try:
        directory = Path(stdin_filename).parent if stdin_filename else None
        values: dict[str, Any] = {}
        if directory is not None and directory.is_dir():
            values = module_values(directory, [str(f) for f in settings.var_files], [])
        values.update(settings.vars)
        values.update(_given_values(var_files, variables))
    except (OSError, ValueError) as e:
        click.echo(f"error: {path}: variable values: {e}", err=True)
        if fixed_text_out:
            click.echo(text, nl=False, file=out, color=True)
        return EXIT_ERROR
    run_unsafe = unsafe if unsafe is not None else bool(settings.unsafe_fixes)
    try:
        source = fix_source(
            text, path, select=list(select) or or_none(settings.select), ignore=list(ignore) or or_none(settings.ignore),
            unsafe=run_unsafe, variables=values, fix=write or show_diff or output_format != "text",
            options=settings.rules,
        )
    except ParseError as e:
        click.echo(f"error: {e}", err=True)
        if fixed_text_out:
            click.echo(text, nl=False, file=out, color=True)
        return EXIT_ERROR
    result = FileResult(path, text, source.code, source.findings, source.remaining, source.applied, source.problems)
    results = [result]
    if output_format != "text":
        click.echo(render(results, run_unsafe), nl=False, file=out)
    elif write:
        click.echo(source.code, nl=False, file=out, color=True)
        click.echo(render_text(results, style=err_style, unsafe=run_unsafe, fixed=True), nl=False, err=True, color=True)
    elif show_diff:
        click.echo(color_diff(render_diff(results), style), nl=False, file=out, color=True)
        click.echo(render_text(results, style=err_style, unsafe=run_unsafe), nl=False, err=True, color=True)
    else:
        click.echo(render_text(results, style=style, unsafe=run_unsafe), nl=False, file=out, color=True)
    left = source.remaining if write else source.findings
    failing = [f for f in left if fail_level == "warning" or f.severity.value == "error"]
    if not quiet:
        click.echo(f"{len(left)} finding{'s' * (len(left) != 1)} in {path}", err=True)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_OK


def or_none(values: tuple[str, ...] | None) -> list[str] | None:
    """Configured codes as a list, or None when the key is not set (every rule)."""
    return list(values) if values else None
