"""The ``tffix`` command line. Only this module touches the terminal, writes files and exits.

``tffix PATH...`` checks (the default command); ``tffix rules``, ``tffix explain
CODE``, ``tffix fmt`` and ``tffix roundtrip`` are subcommands. Exit codes: 0
nothing found, 1 findings left, 2 an error (a file that does not parse, cannot
be read or written, a bad option).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

HCL_SUFFIXES = (".tf", ".tfvars", ".hcl")


class _DefaultToCheck(click.Group):
    """A group whose unknown first word is a path for the ``check`` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def iter_hcl_files(paths: tuple[str, ...]) -> list[Path]:
    """The HCL files named by ``paths``: files as given, directories walked, sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(HCL_SUFFIXES)))
        else:
            out.append(path)
    return out


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tffix")
def main() -> None:
    """Repair Terraform configurations that fail when deployed to AWS.

    \b
    tffix lib/                 report findings
    tffix --diff lib/          show the fixes as a unified diff, write nothing
    tffix --write lib/         apply the safe fixes in place
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--write", is_flag=True, help="Apply fixes in place (safe ones; unsafe too with --unsafe-fixes).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change behaviour.")
@click.option("--select", multiple=True, metavar="CODE", help="Only these rules (code prefixes, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these rules (code prefixes, repeatable).")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE", help="A variable value, as terraform -var.")
@click.option("--var-file", "var_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="A tfvars file.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check(
    paths: tuple[str, ...], show_diff: bool, write: bool, unsafe_fixes: bool, select: tuple[str, ...],
    ignore: tuple[str, ...], variables: tuple[str, ...], var_files: tuple[str, ...], debug: bool,
) -> None:
    """Check PATHS (files or directories) for known deployment failures."""
    from .api import check_paths
    from .report.diff import render_diff
    from .report.text import render_text

    if show_diff and write:
        raise click.UsageError("--diff shows the fixes and --write applies them: choose one")
    try:
        results = check_paths(
            paths, select=select, ignore=ignore, unsafe=unsafe_fixes, fix=show_diff or write,
            variables=variables, var_files=var_files,
        )
    except Exception as e:  # noqa: BLE001 - last line of defence: no traceback without --debug
        if debug:
            raise
        click.echo(f"error: internal error: {type(e).__name__}: {e} (run with --debug for details)", err=True)
        sys.exit(EXIT_ERROR)

    color = sys.stdout.isatty()
    style = click.style if color else (lambda text, **_: text)
    errors = sum(1 for r in results if r.error)
    if show_diff:
        click.echo(render_diff(results), nl=False)
        click.echo(render_text(results, style=style, unsafe=unsafe_fixes), nl=False, err=True)
        remaining = sum(len(r.findings) for r in results)
    elif write:
        from .writer import write_atomic

        for result in results:
            if not result.changed:
                continue
            try:
                write_atomic(result.path, result.fixed)  # type: ignore[arg-type]
            except OSError as e:
                result.error = f"{result.path}: could not write: {e.strerror or e}"
                errors += 1
        click.echo(render_text(results, style=style, unsafe=unsafe_fixes, fixed=True), nl=False)
        remaining = sum(len(r.remaining) for r in results)
    else:
        click.echo(render_text(results, style=style, unsafe=unsafe_fixes), nl=False)
        remaining = sum(len(r.findings) for r in results)

    if debug:
        for result in results:
            for problem in result.problems:
                if problem.detail:
                    click.echo(problem.detail, err=True)
    files = sum(1 for r in results if not r.error)
    summary = f"{remaining} finding{'s' * (remaining != 1)} in {files} file{'s' * (files != 1)}"
    if errors:
        summary += f"; {errors} file{'s' * (errors != 1)} could not be processed"
    click.echo(summary, err=True)
    sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if remaining else EXIT_OK)


@main.command()
def rules() -> None:
    """List the rules."""
    from .rules import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code}  {rule.name:<32} fix: {rule.fix_availability:<9} {rule.summary()}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation."""
    from .rules import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        click.echo(f"error: no rule {code!r}; `tffix rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{rule.code} ({rule.name})\n")
    click.echo(rule.documentation())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def roundtrip(paths: tuple[str, ...]) -> None:
    """Parse each file and check that printing the tree gives back every byte."""
    from .errors import ParseError
    from .syntax.parser import parse

    failures = 0
    files = iter_hcl_files(paths)
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8")
            tree = parse(text, str(path))
        except ParseError as e:
            click.echo(f"error: {e}", err=True)
            failures += 1
            continue
        except (OSError, UnicodeDecodeError) as e:
            click.echo(f"error: {path}: {e}", err=True)
            failures += 1
            continue
        same = tree.code == text
        click.echo(f"{path}: {'ok' if same else 'MISMATCH'} ({len(text.encode())} bytes)")
        failures += not same
    click.echo(f"{len(files) - failures} of {len(files)} files round-trip byte for byte")
    sys.exit(EXIT_ERROR if failures else EXIT_OK)


def _register_optional_commands() -> None:
    try:
        from .fmt_command import fmt
    except ImportError:  # the layout engine is not there yet
        return
    main.add_command(fmt)


_register_optional_commands()
