"""The Python API for pipelines: check or fix text and directories, no printing, no exiting."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .config import Config, ConfigError, config_for, load_config
from .discovery import SourceError, discover_modules, read_source
from .errors import ParseError
from .findings import Finding
from .fixes import ModuleResult, Problem, fix_module
from .model.values import _parse_cli_value, load_tfvars_text, module_values
from .rules import all_rules, select_rules
from .suppression import UNUSED_CODE, Suppressor

__all__ = ["FileResult", "SourceResult", "ConfigError", "fix_source", "check_paths", "fix_paths"]


@dataclass
class SourceResult:
    """The result for one text: the fixed code and the findings."""

    code: str  # the text after the applied fixes (== input when nothing was applied)
    findings: list[Finding]  # findings on the input text
    remaining: list[Finding]  # findings still reported on ``code``
    applied: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class FileResult:
    """The result for one file of a run over paths."""

    path: str
    original: str | None  # None when the file could not be read or decoded
    fixed: str | None
    findings: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    applied: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None  # "path:line:col: message" for a file that could not be processed

    @property
    def changed(self) -> bool:
        return self.original is not None and self.fixed is not None and self.fixed != self.original


def fix_source(
    text: str,
    path: str = "main.tf",
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool = False,
    variables: dict[str, Any] | None = None,
    fix: bool = True,
    options: dict[str, dict[str, Any]] | None = None,
) -> SourceResult:
    """Check one file's text as a module of its own, and apply its fixes.

    ``select`` / ``ignore`` are rule code prefixes, ``variables`` the values of
    input variables (as ``terraform -var``), ``options`` per-rule options
    (``{"AWS001": {...}}``). Inline ``# tffix:ignore`` comments are honoured; an
    unused one is reported as a ``TFX001`` finding. No configuration file is read.

    Raises :class:`~fixer.errors.ParseError` when ``text`` is not valid HCL.
    """
    chosen_select = list(select or []) or None
    chosen_ignore = list(ignore or []) or None
    rules = select_rules(chosen_select, chosen_ignore)
    suppressor = Suppressor()
    result = fix_module(
        {path: text}, suppressor.wrap(rules), values=variables, unsafe=unsafe, fix=fix, options=options
    )
    findings, remaining = list(result.findings), list(result.remaining)
    if _reports_unused(chosen_select, chosen_ignore):
        codes = [r.code for r in rules]
        findings = _sorted(findings + _unused(suppressor, path, text, codes))
        remaining = _sorted(remaining + _unused(suppressor, path, result.fixed[path], codes))
    return SourceResult(result.fixed[path], findings, remaining, result.applied, result.problems)


def _reports_unused(select: list[str] | None, ignore: list[str] | None) -> bool:
    """Whether TFX001 (unused suppression) is selected."""
    if select and not any(UNUSED_CODE.startswith(p.upper()) for p in select):
        return False
    return not (ignore and any(UNUSED_CODE.startswith(p.upper()) for p in ignore))


def _unused(suppressor: Suppressor, path: str, text: str, ran: list[str]) -> list[Finding]:
    try:
        return suppressor.unused(path, text, ran, [r.code for r in all_rules()])
    except ParseError:
        return []


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.start, f.rule))


def _read(path: Path) -> str:
    """The file's text; :class:`~fixer.discovery.SourceError` (one line, with the place) if it is not text."""
    return read_source(path)


def check_paths(
    paths: Iterable[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool | None = None,
    fix: bool = False,
    variables: Iterable[str] | dict[str, Any] = (),
    var_files: Iterable[str] = (),
    config: bool | str | Path = True,
    options: dict[str, dict[str, Any]] | None = None,
) -> list[FileResult]:
    """Check every module under ``paths``; with ``fix``, compute fixed texts (nothing is written).

    ``paths`` are files or directories (walked; each directory of ``.tf`` files is a
    module). ``select`` / ``ignore`` are rule code prefixes; ``unsafe`` also applies
    unsafe fixes; ``variables`` are ``"NAME=VALUE"`` strings (as ``terraform -var``)
    or a dict of values; ``var_files`` tfvars files; ``options`` per-rule options.

    ``config``: True (the default) finds the configuration (``.tffix.toml`` or
    ``[tool.tffix]`` in ``pyproject.toml``) by walking up from each module; a path
    names one file for every module; False reads none. An argument given here
    overrides the file's key (``select=None``, ``unsafe=None``: not given).

    Inline ``# tffix:ignore`` comments are honoured; an unused one is a ``TFX001``
    finding. A file that cannot be read or parsed is a result with ``error`` set.
    Raises :class:`FileNotFoundError` for a path that does not exist and
    :class:`~fixer.config.ConfigError` for a bad configuration file.
    """
    paths = [str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    for raw in paths:
        if not Path(raw).exists():
            raise FileNotFoundError(f"{raw}: no such file or directory")
    explicit = {Path(raw) for raw in paths if not Path(raw).is_dir()}
    chosen_select = list(select or []) or None
    chosen_ignore = list(ignore or []) or None
    fixed_config = load_config(config) if isinstance(config, (str, Path)) and not isinstance(config, bool) else None
    cache: dict[Path, Config] = {}
    results: list[FileResult] = []
    reported: set[tuple[str, str, int, int, str]] = set()  # findings on shared files, once per run
    for module in discover_modules(list(paths)):
        settings = fixed_config if fixed_config is not None else (
            config_for(module.directory, cache=cache) if config else Config()
        )
        run_select = chosen_select if chosen_select is not None else _list(settings.select)
        run_ignore = chosen_ignore if chosen_ignore is not None else _list(settings.ignore)
        run_unsafe = unsafe if unsafe is not None else bool(settings.unsafe_fixes)
        rules = select_rules(run_select, run_ignore)
        run_options = {code: dict(opts) for code, opts in settings.rules.items()}
        for code, opts in (options or {}).items():
            run_options.setdefault(code.upper(), {}).update(opts)
        suppressor = Suppressor()
        sources: dict[str, str] = {}
        by_path: dict[str, FileResult] = {}
        targets = {str(p) for p in module.targets if p in explicit or not settings.excludes(p)}
        if not targets:
            continue
        for file in module.files:
            key = str(file)
            try:
                text = _read(file)
                from .syntax.parser import parse

                parse(text, key)
            except (ParseError, SourceError) as e:
                if key in targets:
                    by_path[key] = FileResult(key, None, None, error=str(e))
                continue
            except (OSError, UnicodeDecodeError, ValueError) as e:
                if key in targets:
                    reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                    if isinstance(e, UnicodeDecodeError):
                        reason = f"not UTF-8 text (byte {e.start})"
                    by_path[key] = FileResult(key, None, None, error=f"{key}: {reason}")
                continue
            sources[key] = text
        try:
            values = module_values(module.directory, [str(f) for f in settings.var_files], [])
            values.update(settings.vars)
            values.update(_given_values(var_files, variables))
        except (OSError, ValueError) as e:
            values = {}
            for key in targets:
                by_path.setdefault(key, FileResult(key, None, None, error=f"{key}: variable values: {e}"))
        if sources:
            extras = [str(p) for p in module.extra_files]
            try:
                outcome: ModuleResult = fix_module(
                    sources, suppressor.wrap(rules), values=values, unsafe=run_unsafe, fix=fix,
                    extra_files=extras, options=run_options,
                )
            except Exception as e:  # noqa: BLE001 - one module's internal error must not stop the others
                _internal_error(e, sources, targets, by_path)
                results.extend(by_path[k] for k in sorted(by_path))
                continue
            report_unused = _reports_unused(run_select, run_ignore)
            ran = [r.code for r in rules]
            for key in sorted(targets):
                if key in by_path or key not in sources:
                    continue
                findings = [f for f in outcome.findings if f.path == key]
                remaining = [f for f in outcome.remaining if f.path == key]
                if report_unused:
                    findings = _sorted(findings + _unused(suppressor, key, outcome.original[key], ran))
                    remaining = _sorted(remaining + _unused(suppressor, key, outcome.fixed[key], ran))
                by_path[key] = FileResult(
                    key,
                    outcome.original[key],
                    outcome.fixed[key],
                    findings,
                    remaining,
                    [f for f in outcome.applied if f.path == key],
                    [p for p in outcome.problems if p.path in (None, key)],
                )
            _add_extra_file_results(outcome, sources, by_path, reported)
        results.extend(by_path[k] for k in sorted(by_path))
    return results


def _internal_error(
    error: Exception, sources: dict[str, str], targets: set[str], by_path: dict[str, FileResult]
) -> None:
    """An unexpected exception while checking a module: its files are errors, left as they are."""
    import traceback

    detail = traceback.format_exc()
    for key in sorted(targets):
        if key in by_path or key not in sources:
            continue
        message = f"{key}: internal error while checking this module: {type(error).__name__}: {error}"
        message = message.splitlines()[0] if message else message
        by_path[key] = FileResult(
            key, sources[key], sources[key], error=f"{message} (file left unchanged; --debug shows the traceback)",
            problems=[Problem("internal-error", None, key, message, detail)],
        )


def _add_extra_file_results(
    outcome: ModuleResult, sources: dict[str, str], by_path: dict[str, FileResult],
    reported: set[tuple[str, str, int, int, str]],
) -> None:
    """Findings on files that are not the module's ``.tf`` files (a Python test, say).

    Several modules of one repository see the same extra files, so each such finding is
    reported once per run, with the first module that finds it; such files are never fixed.
    """
    for finding in outcome.findings:
        if finding.path in sources:
            continue
        key = (finding.rule, finding.path, finding.start, finding.end, finding.message)
        if key in reported:
            continue
        reported.add(key)
        result = by_path.get(finding.path)
        if result is None:
            try:
                text: str | None = _read(Path(finding.path))
            except (OSError, UnicodeDecodeError, ValueError):
                text = None
            result = by_path[finding.path] = FileResult(finding.path, text, text)
        result.findings.append(finding)
        result.remaining.append(finding)


def _list(value: tuple[str, ...] | None) -> list[str] | None:
    return list(value) if value else None


def _given_values(var_files: Iterable[str], variables: Iterable[str] | dict[str, Any]) -> dict[str, Any]:
    """Values from ``var_files`` then ``variables`` (later wins), as Terraform's -var-file and -var."""
    values: dict[str, Any] = {}
    for name in var_files:
        path = Path(name)
        values.update(load_tfvars_text(path.read_text(encoding="utf-8"), str(path)))
    if isinstance(variables, dict):
        values.update(variables)
        return values
    for item in variables:
        key, sep, raw = item.partition("=")
        if not sep:
            raise ValueError(f"--var expects NAME=VALUE, got {item!r}")
        values[key.strip()] = _parse_cli_value(raw)
    return values


def fix_paths(paths: Iterable[str], **options: Any) -> list[FileResult]:
    """:func:`check_paths` with ``fix=True``: fixed texts in ``FileResult.fixed``; nothing is written."""
    return check_paths(paths, fix=True, **options)
