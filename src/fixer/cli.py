"""The ``tffix`` command line. Only this module touches the terminal, writes files and exits.

``tffix PATH...`` checks (the default command); ``tffix rules``, ``tffix explain
CODE``, ``tffix fmt`` and ``tffix roundtrip`` are subcommands. Exit codes: 0
nothing found, 1 findings left, 2 an error (a file that does not parse, cannot
be read or written, a bad option).
"""

from __future__ import annotations

import errno
import os
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

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The group's options and commands, then the check options (``tffix [OPTIONS] PATH...``)."""
        super().format_options(ctx, formatter)
        command = self.commands.get("check")
        if command is None:
            return
        rows = [
            r for r in (p.get_help_record(ctx) for p in command.get_params(ctx) if isinstance(p, click.Option))
            if r is not None
        ]
        rows = [r for r in rows if not r[0].startswith("-h, --help")]
        with formatter.section("Check options (tffix [OPTIONS] PATH..., the same as tffix check)"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as e:  # SIGINT/SIGTERM outside a place that reports it itself
            click.echo("error: interrupted", err=True)
            ctx.exit(_interrupt_exit_code(e))
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as e:  # noqa: BLE001 - every subcommand: one line and exit 2, never a traceback
            if isinstance(e, OSError) and e.errno in _OUTPUT_ERRNOS:  # the report could not be written
                _output_failed(e)
            if isinstance(e, OSError) and e.errno in _OUTPUT_ERRNOS:  # the report could not be written
                _output_failed(e)
            if "--debug" in sys.argv[1:] or os.environ.get("TFFIX_DEBUG"):
                raise
            from .rules import PluginError

            if isinstance(e, PluginError):  # an installed rule plugin: the user's to fix, not ours
                click.echo(f"error: {e}", err=True)
                ctx.exit(EXIT_ERROR)
            first = (str(e).splitlines() or [""])[0]
            click.echo(f"error: internal error: {type(e).__name__}: {first} (run with --debug or TFFIX_DEBUG=1 "
                       f"for the traceback)", err=True)
            ctx.exit(EXIT_ERROR)


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
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--write", "--fix", "write", is_flag=True, help="Apply fixes in place (safe ones; unsafe too with --unsafe-fixes); with `-`, print the fixed text.")
@click.option(
    "--follow-symlinks-outside", is_flag=True,
    help="With --write: also write files that a symlink leads to outside the named paths (refused by default).",
)
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None, help="Also apply fixes that may change behaviour (overrides the config).")
@click.option("--select", multiple=True, metavar="CODE", help="Only these rules (codes or prefixes; repeatable, or comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these rules (codes or prefixes; repeatable, or comma-separated).")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE", help="A variable value, as terraform -var.")
@click.option("--var-file", "var_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="A tfvars file.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option(
    "--format", "output_format", default="text", show_default=True,
    type=click.Choice(["text", "json", "sarif", "github", "rdjson", "rdjsonl", "diff"]),
    help="Output format; every format but text only suggests (writes nothing).",
)
@click.option("--diff-base", metavar="REF", help="Check only the modules changed since REF (and the modules that call them); with --format github, comment only on changed lines.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file.")
@click.option("--isolated", is_flag=True, help="Read no configuration file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are left (errors still exit 2).")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
    help="Check up to N modules at once, in N processes (default: one per core); the output is the same.",
)
@click.option(
    "--no-cache", is_flag=True, envvar="TFFIX_NO_CACHE",
    help="Read and write no cache (by default unchanged modules are not checked again; the cache is .tffix_cache/).",
)
@click.option(
    "--color", "color_choice", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="Colour the report and diffs (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).",
)
@click.option("--stdin-filename", metavar="PATH", help="With `-`: the path the text on standard input stands for (config, messages).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report (or diff) to this file, not stdout.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings and errors only: no summary, no warnings.")
@click.option("--verbose", "-v", is_flag=True, help="Also say which configuration applies where, and how long the run took.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each finding.")
@click.option("--show-settings", is_flag=True, help="Print the configuration file and settings that apply to each path, and exit.")
@click.option(
    "--fail-level", type=click.Choice(["warning", "error"]), default="warning", show_default=True,
    help="Exit 1 only for findings of this severity or worse (error: warnings are reported but do not fail).",
)
@click.option("--force-exclude", is_flag=True, help="Apply the configuration's `exclude` to files named on the command line too.")
@click.option("--automation-id", metavar="ID", help="With --format sarif: runs[0].automationDetails.id (e.g. tffix/prod).")
@click.option(
    "--provider-version", metavar="aws=VERSION",
    help="Check against this AWS provider version (e.g. aws=5.31) instead of the lock file / required_providers.",
)
def check(
    paths: tuple[str, ...], show_diff: bool, write: bool, unsafe_fixes: bool | None, select: tuple[str, ...],
    ignore: tuple[str, ...], variables: tuple[str, ...], var_files: tuple[str, ...], debug: bool,
    output_format: str = "text", diff_base: str | None = None, config_file: str | None = None,
    isolated: bool = False, exit_zero: bool = False, jobs: int | None = None, no_cache: bool = False,
    color_choice: str = "auto", stdin_filename: str | None = None, output_file: str | None = None,
    quiet: bool = False, verbose: bool = False, statistics: bool = False, show_settings: bool = False,
    fail_level: str = "warning", force_exclude: bool = False, automation_id: str | None = None,
    follow_symlinks_outside: bool = False, provider_version: str | None = None,
) -> None:
    """Check PATHS (files or directories; `-` for standard input) for known deployment failures."""
    import time

    started = time.monotonic()
    if output_format == "diff":
        show_diff, output_format = True, "text" if not write else "diff"
    if output_format != "text" and (write or show_diff):
        raise click.UsageError(f"--format {output_format} only suggests fixes: drop --write/--diff")
    if automation_id and output_format != "sarif":
        raise click.UsageError("--automation-id goes with --format sarif")
    if statistics and (output_format != "text" or show_diff):
        raise click.UsageError("--statistics goes with the text report: drop --format/--diff")
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("`-` (standard input) cannot be mixed with other paths")
    if stdin_filename and paths != ("-",):
        raise click.UsageError("--stdin-filename goes with `-` (read standard input)")
    config: bool | str = config_file if config_file else not isolated
    from .api import check_paths
    from .arguments import OptionError, check_assignment, check_codes
    from .config import ConfigError
    from .incremental import GitError

    try:  # a misspelt code or a bad NAME=VALUE is an error, never a silently different run
        select = check_codes("--select", _comma_split(select))
        ignore = check_codes("--ignore", _comma_split(ignore))
        for item in variables:
            check_assignment("--var", item)
    except OptionError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_ERROR)
    from .report.text import render_text
    from .terminal import ModuleProgress, styler, use_color

    if show_diff and write:
        raise click.UsageError("--diff shows the fixes and --write applies them: choose one")
    paths = tuple(_shown_path(p) for p in paths)
    if show_settings:
        sys.exit(_show_settings(paths, stdin_filename, config, select, ignore, unsafe_fixes, variables, var_files, force_exclude))
    out = _open_output(output_file)
    out_color = use_color(color_choice, None if output_file else sys.stdout)
    err_color = use_color(color_choice, sys.stderr)
    style, err_style = styler(out_color), styler(err_color)
    if paths == ("-",):
        from .stdin_check import check_stdin

        code = check_stdin(
            stdin_filename, out=out, select=select, ignore=ignore, unsafe=unsafe_fixes, write=write,
            show_diff=show_diff, output_format=output_format, variables=variables, var_files=var_files,
            config=config, force_exclude=force_exclude, style=style, err_style=err_style, quiet=quiet,
            render=lambda results, unsafe: _render(output_format, results, unsafe, diff_base, automation_id),
            fail_level=fail_level, exit_zero=exit_zero,
        )
        sys.exit(code)
    from .writer import handle_interrupts

    schema_options = _provider_version_options(provider_version)
    progress = ModuleProgress(sys.stderr, enabled=output_format == "text" and not quiet)
    click.get_current_context().with_resource(handle_interrupts())  # SIGTERM too: exit 143, never half-written
    with handle_interrupts():
        try:
            results = check_paths(
                list(paths), select=select, ignore=ignore, unsafe=unsafe_fixes,
                fix=show_diff or write or output_format != "text",
                variables=variables, var_files=var_files, config=config,
                jobs=jobs, cache=not no_cache, force_exclude=force_exclude, progress=progress,
                options=schema_options, diff_base=diff_base,
            )
        except (ConfigError, OptionError, FileNotFoundError, GitError) as e:  # GitError: for --diff-base
            progress.close()
            click.echo(f"error: {e}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt as e:
            progress.close()
            click.echo("error: interrupted; no file was written", err=True)
            sys.exit(_interrupt_exit_code(e))
        except Exception as e:  # noqa: BLE001 - last line of defence: no traceback without --debug
            progress.close()
            if debug:
                raise
            click.echo(f"error: internal error: {type(e).__name__}: {e} (run with --debug for details)", err=True)
            sys.exit(EXIT_ERROR)
    progress.close()

    errors = sum(1 for r in results if r.error)
    files = len(results) - errors  # the files checked (a file that then cannot be written was checked)
    not_written = 0
    fixed = False
    if output_format != "text":
        try:
            click.echo(_render(output_format, results, unsafe_fixes, diff_base, automation_id), nl=False, file=out)
        except RuntimeError as e:  # git failed for --diff-base
            click.echo(f"error: {e}", err=True)
            sys.exit(EXIT_ERROR)
    elif show_diff:
        from .report.diff import color_diff, render_diff

        click.echo(color_diff(render_diff(results), style), nl=False, color=True, file=out)  # color=True: keep the file's own escape bytes
        click.echo(render_text(results, style=err_style, unsafe=unsafe_fixes), nl=False, err=True, color=True)
    elif write:
        from .writer import named_roots

        not_written, interrupted = _write_fixed(results, None if follow_symlinks_outside else named_roots(paths))
        fixed = True
        report = _report(results, statistics, style, unsafe_fixes, fixed=True)
        click.echo(report, nl=False, file=out, color=True)
        if interrupted is not None:
            written = sum(1 for r in results if r.changed and not r.error)
            click.echo(f"error: interrupted; {written} fixed file{'s' * (written != 1)} written, "
                       f"the others left as they were", err=True)
            sys.exit(_interrupt_exit_code(interrupted))
    else:
        click.echo(_report(results, statistics, style, unsafe_fixes), nl=False, file=out, color=True)
    if out is not None:
        out.close()
    left = [f for r in results for f in (r.remaining if fixed else r.findings)]
    remaining = len(left)
    failing = [f for f in left if fail_level == "warning" or f.severity.value == "error"]

    if debug:
        for result in results:
            for problem in result.problems:
                if problem.detail:
                    click.echo(problem.detail, err=True)
    if not quiet and not diff_base:  # with --diff-base, unchanged directories are not checked
        for raw in _paths_without_terraform(paths, results):
            click.echo(err_style("warning: ", fg="yellow", bold=True) + f"{raw}: no Terraform file (*.tf) found", err=True, color=True)
    if not results:
        if not quiet and diff_base:
            click.echo(f"no module changed since {diff_base}; nothing was checked", err=True)
        elif not quiet:
            click.echo("warning: no Terraform files found under the given paths; nothing was checked", err=True)
        sys.exit(EXIT_OK)
    if verbose:
        _explain_run(results, paths, config, time.monotonic() - started)
    summary = f"{remaining} finding{'s' * (remaining != 1)} in {files} file{'s' * (files != 1)}"
    if remaining and len(failing) < remaining:
        summary += f" ({len(failing)} at --fail-level {fail_level})"
    if errors:
        summary += f"; {errors} file{'s' * (errors != 1)} could not be processed"
    if not_written:
        summary += f"; {not_written} file{'s' * (not_written != 1)} could not be written"
    if not quiet or errors or not_written:
        click.echo(summary, err=True)
    sys.exit(EXIT_ERROR if errors or not_written else EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _report(results: list, statistics: bool, style, unsafe: bool | None, fixed: bool = False) -> str:  # noqa: ANN001
    """The text report, or with ``statistics`` the count per rule."""
    from .report.text import render_text

    if statistics:
        from .report.statistics import render_statistics

        return render_statistics(results, unsafe=unsafe, fixed=fixed)
    return render_text(results, style=style, unsafe=unsafe, fixed=fixed)


def _shown_path(raw: str) -> str:
    """A command-line path as output shows it: relative to the working directory when it is below it."""
    if raw == "-" or not os.path.isabs(raw):
        return raw
    cwd = os.getcwd()
    normal = os.path.normpath(raw)
    if normal == cwd:
        return "."
    if normal.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(normal, cwd)
    return raw


def _open_output(path: str | None):  # noqa: ANN202
    """The ``--output-file`` (created or truncated), or None for standard output."""
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed after the report
    except OSError as e:
        click.echo(f"error: {path}: cannot write the report: {e.strerror or e}", err=True)
        sys.exit(EXIT_ERROR)


def _show_settings(
    paths: tuple[str, ...], stdin_filename: str | None, config: bool | str, select: tuple[str, ...],
    ignore: tuple[str, ...], unsafe: bool | None, variables: tuple[str, ...], var_files: tuple[str, ...],
    force_exclude: bool,
) -> int:
    """``--show-settings``: for each path, the configuration file and the settings a run uses there."""
    from .config import Config, ConfigError, config_for, load_config
    from .report.settings import render_settings
    from .rules import select_rules
    from .stdin_check import or_none as _or_none

    chunks = []
    for raw in paths:
        target = (stdin_filename or ".") if raw == "-" else raw
        try:
            settings = load_config(config) if isinstance(config, str) else config_for(target) if config else Config()
        except ConfigError as e:
            click.echo(f"error: {e}", err=True)
            return EXIT_ERROR
        rules = select_rules(list(select) or _or_none(settings.select), list(ignore) or _or_none(settings.ignore))
        named_file = not Path(target).is_dir()
        excluded = settings.excludes(Path(target)) if named_file else False
        chunks.append(render_settings(
            target, settings, select=select, ignore=ignore, unsafe=unsafe, variables=variables,
            var_files=var_files, rules=[r.code for r in rules], excluded=excluded,
        ))
    click.echo("\n".join(chunks), nl=False)
    return EXIT_OK


def _explain_run(results: list, paths: tuple[str, ...], config: bool | str, seconds: float) -> None:
    """``--verbose``: which configuration applied to each module directory, and the time taken."""
    from .config import find_config

    directories = sorted({str(Path(r.path).parent) for r in results if r.path.endswith(".tf")})
    for directory in directories:
        source = config if isinstance(config, str) else (find_config(directory) if config else None)
        click.echo(f"{directory}: configuration {source or 'none (defaults)'}", err=True)
    click.echo(f"checked {len(directories)} module{'s' * (len(directories) != 1)} in {seconds:.2f}s", err=True)


def _paths_without_terraform(paths: tuple[str, ...], results: list) -> list[str]:
    """The command-line directories under which no ``.tf`` file was checked (as ruff warns)."""
    checked = [Path(os.path.realpath(Path(r.path).parent), Path(r.path).name) for r in results if r.path.endswith(".tf")]
    out = []
    for raw in paths:
        if not Path(raw).is_dir():
            continue
        root = Path(os.path.realpath(raw))  # `d` and `$PWD/d` are one module, spelled as first named
        if not any(root == p or root in p.parents for p in checked):
            out.append(raw)
    return out


def _provider_version_options(text: str | None) -> dict[str, dict[str, str]] | None:
    """``--provider-version aws=5.31`` as the schema rules' ``provider_version`` option."""
    if text is None:
        return None
    from .rules.provider_schema import provider_version_options
    from .schema.versions import parse_override

    try:
        return provider_version_options(parse_override(text))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--provider-version")


def _comma_split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select AWS001,AWS002 --select REPO`` as ruff takes it: every comma-separated item."""
    return tuple(part.strip() for value in values for part in (value.split(",") if "," in value else [value]))


def _render(
    output_format: str, results: list, unsafe: bool | None, diff_base: str | None, automation_id: str | None = None
) -> str:
    """A suggest-only view of the results: nothing is written."""
    if output_format == "json":
        from .report.json_format import render_json

        return render_json(results, unsafe=unsafe)
    if output_format == "sarif":
        from .report.sarif import render_sarif

        return render_sarif(results, automation_id=automation_id)
    if output_format == "github":
        from .report.github import git_changed_lines, render_github

        changed = git_changed_lines(diff_base) if diff_base else None
        return render_github(results, unsafe=unsafe, changed=changed)
    from .report.rdjson import render_rdjson, render_rdjsonl

    return (render_rdjson if output_format == "rdjson" else render_rdjsonl)(results, unsafe=unsafe)


def _interrupt_exit_code(error: KeyboardInterrupt) -> int:
    """130 for SIGINT, 143 for SIGTERM (128 + the signal number), as shells report them."""
    return getattr(error, "exit_code", 130)


def _write_fixed(results: list, inside: list[str] | None = None) -> tuple[int, KeyboardInterrupt | None]:
    """Write the changed files, one module (directory) at a time with interrupts held back.

    A file is written only if its fixed text parses and the file still holds the
    text that was checked. A file that cannot be written gets ``error`` set (its
    fixes count as not applied); the others are still written. Returns the number
    of failures and the interrupt that stopped the writing, if one did. ``inside``:
    the real paths a write may land in (a symlink leading elsewhere is refused); None: anywhere.
    """
    from .errors import ParseError
    from .fixes import check_python
    from .syntax.parser import parse
    from .writer import WriteError, handle_interrupts, write_files

    groups: dict[Path, list] = {}
    for result in results:
        if result.changed:
            groups.setdefault(Path(result.path).parent, []).append(result)
    outcomes: list = []
    interrupted: KeyboardInterrupt | None = None
    with handle_interrupts():
        try:
            for group in groups.values():
                new = [r for r in group if getattr(r, "created", False)]
                if new:  # the new files first: when one cannot be made, the fixes that need it are not written
                    made: list = []
                    write_files([(r.path, r.fixed, None) for r in new], made, inside=inside, created={r.path for r in new})
                    outcomes.extend(made)
                    failed_new = [o for o in made if o.error is not None]
                    if failed_new:
                        first = failed_new[0]
                        why = f"its fixes also create {first.path}, which could not be written ({first.error.reason})"
                        outcomes.extend(_Outcome(r.path, WriteError(r.path, why)) for r in group if r not in new)
                        continue
                    group = [r for r in group if r not in new]
                items = []
                for result in group:
                    try:
                        if result.path.endswith(".py"):  # a Python test REPO001's fix rewrote
                            check_python(result.path, result.fixed)
                        else:
                            parse(result.fixed, result.path)
                    except (ParseError, ValueError) as e:  # the fix loop verifies this; never write a broken file anyway
                        outcomes.append(_Outcome(result.path, WriteError(result.path, f"the fixed text does not parse ({e})")))
                        continue
                    items.append((result.path, result.fixed, result.original))
                write_files(items, outcomes, inside=inside)
        except KeyboardInterrupt as e:
            interrupted = e
    by_path = {r.path: r for r in results}
    done = set()
    failed = 0
    for outcome in outcomes:
        done.add(outcome.path)
        if outcome.error is not None:
            _not_written(by_path[outcome.path], str(outcome.error))
            failed += 1
    if interrupted is not None:
        for group in groups.values():
            for result in group:
                if result.path not in done:
                    _not_written(result, f"{result.path}: not written: interrupted")
                    failed += 1
    return failed, interrupted


class _Outcome:
    def __init__(self, path: str, error: Exception | None) -> None:
        self.path = path
        self.error = error


def _not_written(result, message: str) -> None:
    result.error = message  # the report shows this line for the file, then its findings, none fixed
    result.remaining = list(result.findings)
    result.applied = []
    result.fixed = result.original


@main.command()
def rules() -> None:
    """List the rules."""
    from .rules import all_rules

    listed = all_rules()
    name_width = max((len(r.name) for r in listed), default=0)
    for rule in listed:
        click.echo(f"{rule.code}  {rule.name:<{name_width}} fix: {rule.fix_availability:<9} {rule.summary()}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation."""
    from .arguments import did_you_mean, known_codes
    from .rules import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        hint = did_you_mean(code.strip().upper(), known_codes())  # as an unknown --select code
        click.echo(f"error: no rule {code!r}{hint}{' ' if hint else '; '}`tffix rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{rule.code} ({rule.name})\n")
    click.echo(rule.documentation())


@main.command()
@click.option("--scheduler", required=True, metavar="ADDRESS", help="The Dask scheduler (tcp://host:8786).")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None, help="Also apply fixes that may change behaviour.")
@click.option("--select", multiple=True, metavar="CODE", help="Only these rules (codes or prefixes).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these rules (codes or prefixes).")
@click.argument("repositories", type=click.File("r", encoding="utf-8"))
def fleet(scheduler: str, unsafe_fixes: bool | None, select: tuple[str, ...], ignore: tuple[str, ...], repositories) -> None:  # noqa: ANN001
    """Check the repositories listed in REPOSITORIES (one path a line; `-`: stdin) on a Dask
    cluster; print their fixes as one unified diff and a line per repository on stderr.

    Needs `pip install 'tffix[dask]'`; the workers must see the same paths. Nothing is written.
    """
    try:
        from distributed import Client
    except ImportError:
        click.echo("error: tffix fleet needs Dask: pip install 'tffix[dask]'", err=True)
        sys.exit(EXIT_ERROR)
    from .arguments import OptionError, check_codes
    from .fleet import fix_repositories

    paths = [line.strip() for line in repositories if line.strip() and not line.lstrip().startswith("#")]
    missing = [p for p in paths if not os.path.isdir(p)]
    if missing:
        click.echo(f"error: {missing[0]}: not a directory", err=True)
        sys.exit(EXIT_ERROR)
    try:
        chosen = (check_codes("--select", _comma_split(select)) or None, check_codes("--ignore", _comma_split(ignore)) or None)
    except OptionError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_ERROR)
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as e:
        click.echo(f"error: cannot reach the Dask scheduler {scheduler}: {e}", err=True)
        sys.exit(EXIT_ERROR)
    with client:
        done = fix_repositories(paths, client=client, unsafe=unsafe_fixes, select=chosen[0], ignore=chosen[1])
    errors = findings = 0
    for repository in done:
        click.echo(repository.patch, nl=False)
        left = sum(len(r.remaining) for r in repository.results)
        failed = [r for r in repository.results if r.error]
        changed = sum(1 for r in repository.results if r.changed)
        findings += left
        errors += len(failed)
        click.echo(f"{repository.path}: {left} finding{'s' * (left != 1)} left, {changed} file{'s' * (changed != 1)} "
                   f"fixed, {len(failed)} error{'s' * (len(failed) != 1)}", err=True)
        for result in failed:
            click.echo(f"error: {result.error}", err=True)
    sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if findings else EXIT_OK)


@main.command()
@click.option("--max-size", type=click.IntRange(min=0), default=None, metavar="MB",
              help="Keep the cache, pruned to at most MB megabytes (oldest entries first).")
def clean(max_size: int | None) -> None:
    """Remove the result cache (.tffix_cache in the working directory), or prune it with --max-size."""
    from .cache import CACHE_DIR, clean as remove_cache, prune

    if max_size is not None:
        removed = prune(CACHE_DIR, max_size * 1024 * 1024)
        click.echo(f"removed {removed} cache entr{'y' if removed == 1 else 'ies'} from {CACHE_DIR}", err=True)
        return
    if remove_cache(CACHE_DIR):
        click.echo(f"removed {CACHE_DIR}", err=True)
    elif os.path.lexists(CACHE_DIR):
        click.echo(f"error: {CACHE_DIR} is not a tffix cache (no CACHEDIR.TAG of tffix's); left as it is", err=True)
        sys.exit(EXIT_ERROR)
    else:
        click.echo(f"no cache in {CACHE_DIR}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def roundtrip(paths: tuple[str, ...]) -> None:
    """Parse each file and check that printing the tree gives back every byte."""
    from .discovery import SourceError, read_source
    from .errors import ParseError
    from .syntax.parser import parse

    failures = 0
    files = iter_hcl_files(paths)
    for path in files:
        try:
            text = read_source(path)
            tree = parse(text, str(path))
        except (ParseError, SourceError) as e:
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


def run() -> None:
    """The ``tffix`` program: :func:`main`, then late signals ignored while the process ends.

    While a command runs, SIGINT and SIGTERM end it cleanly (exit 130 / 143, every file
    old or new). Once the command is done, every file is written and the exit code is
    set; a signal then must not kill the process with its default action halfway through
    the interpreter's shutdown, so it is ignored.
    """
    import signal

    if sys.stdout is None:  # started with standard output closed (`tffix ... >&-`)
        sys.stdout = _ClosedOutput()
    try:
        try:
            main()
        except SystemExit:
            _flush_output()  # a report that cannot be written fails here, not in the shutdown
            raise
    except OSError as e:
        if e.errno not in _OUTPUT_ERRNOS:
            raise
        _output_failed(e)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                signal.signal(signum, signal.SIG_IGN)
            except ValueError:  # not the main thread
                pass


_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF", "EPIPE") if hasattr(errno, name)
)


class _ClosedOutput:
    """Standard output when the process started without one: every write fails, as with ``ls >&-``."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, _data: object) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _flush_output() -> None:
    stream = sys.stdout
    if stream is not None:
        stream.flush()


def _output_failed(error: OSError) -> None:
    """The report could not be written (a full disk, a closed output): one line, exit 2.

    Files ``--write`` wrote stay written; standard output is then pointed at the null
    device so that the interpreter's own flush at exit does not fail again.
    """
    reason = error.strerror or str(error)
    if error.errno == errno.EBADF:
        reason = "standard output is closed"
    try:
        sys.stderr.write(f"error: cannot write the output: {reason[:1].lower() + reason[1:]}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, AttributeError, ValueError):
        sys.stdout = None  # type: ignore[assignment]
    sys.exit(EXIT_ERROR)


def _register_optional_commands() -> None:
    try:
        from .fmt_command import fmt
    except ImportError:  # the layout engine is not there yet
        return
    main.add_command(fmt)
    from .upgrade_command import upgrade

    main.add_command(upgrade)


_register_optional_commands()
