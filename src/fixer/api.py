"""The Python API for pipelines: check or fix text and directories, no printing, no exiting."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from . import __version__
from .arguments import OptionError, check_assignment, check_codes, check_path_list, check_rule_options
from .cache import Uncacheable, code_fingerprint, make_key, read_input
from .config import Config, ConfigError, config_for, load_config
from .discovery import ModuleFiles, SourceError, discover_modules, read_source
from .errors import ParseError
from .findings import Finding
from .fix_scope import FixScope
from .fixes import ModuleResult, Problem, fix_module
from .reading import read_text
from .model.values import _parse_cli_value, load_tfvars_text, module_values
from .rules import all_rules, select_rules
from .rules.base import Rule

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
    unsafe: bool = False  # whether its module's run applied unsafe fixes (the argument, else its configuration)
    created: bool = False  # a new file a fix adds (Editor.add_file): ``original`` is "", nothing is there yet

    @property
    def changed(self) -> bool:
        return self.original is not None and self.fixed is not None and self.fixed != self.original


def fix_source(
    text: str,
    path: str = "main.tf",
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    unsafe: bool = False,
    variables: Mapping[str, Any] | None = None,
    fix: bool = True,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    rules: Sequence[type[Rule]] = (),
) -> SourceResult:
    """Check one file's text as a module of its own, and apply its fixes.

    ``select`` / ``ignore`` are rule code prefixes, ``variables`` the values of
    input variables (as ``terraform -var``), ``options`` per-rule options
    (``{"AWS001": {...}}``). ``rules`` are rule classes of the caller's own
    (:class:`fixer.rules.Rule` subclasses), run with the built-in and installed
    ones; ``select`` / ``ignore`` choose among all of them (``select=["XMP"]``
    runs only rules coded ``XMP...``). Inline ``# tffix:ignore`` comments are
    honoured; an unused one is reported as a ``TFX001`` finding. No
    configuration file is read.

    Raises :class:`~fixer.errors.ParseError` when ``text`` is not valid HCL, and
    :class:`~fixer.arguments.OptionError` (a ``ValueError``) for an unknown rule code or
    option, or ``select`` / ``ignore`` given as a string rather than a list.
    """
    extra = _own_rules(rules)
    also = [r.code for r in extra]
    chosen_select = list(check_codes("select", select, also=also)) or None if select is not None else None
    chosen_ignore = list(check_codes("ignore", ignore, also=also)) or None if ignore is not None else None
    checked_options = check_rule_options("options", options, also=extra)
    if variables is not None and not isinstance(variables, Mapping):
        raise OptionError("variables", f"expected a mapping of names to values, got {variables!r}")
    chosen = select_rules(chosen_select, chosen_ignore, extra)
    known = [r.code for r in select_rules(None, None, extra)]
    result = fix_module(
        {path: text}, chosen, values=dict(variables) if variables is not None else None,
        unsafe=unsafe, fix=fix, options=checked_options, known=known,
    )
    return SourceResult(result.fixed[path], result.findings, result.remaining, result.applied, result.problems)


def _own_rules(rules: Sequence[type[Rule]]) -> list[type[Rule]]:
    """The caller's rule classes, each checked by :func:`~fixer.rules.base.validate_rule`."""
    from .rules.base import validate_rule

    if isinstance(rules, type):
        rules = [rules]
    out = []
    for rule in rules:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise OptionError("rules", f"expected fixer.rules.Rule subclasses, got {rule!r}")
        problems = validate_rule(rule)
        if problems:
            raise OptionError("rules", problems[0])
        out.append(rule)
    return out


def _read(path: Path) -> str:
    """The file's text; :class:`~fixer.discovery.SourceError` (one line, with the place) if it is not text."""
    return read_source(path)


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    unsafe: bool | None = None,
    fix: bool = False,
    variables: Sequence[str] | Mapping[str, Any] = (),
    var_files: Sequence[str | os.PathLike[str]] = (),
    config: bool | str | os.PathLike[str] = True,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    jobs: int | None = 1,
    cache: bool | str | os.PathLike[str] = False,
    force_exclude: bool = False,
    progress: Callable[[int, int, int], None] | None = None,
    diff_base: str | None = None,
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

    ``jobs``: how many processes check modules at once (None: one per core; the
    default 1 checks them in this process). The results are the same, in the same
    order, whatever the number. ``cache``: False (the default) reads and writes no
    cache; True uses ``.tffix_cache`` in the working directory; a path names the
    cache directory. A module whose inputs (content of its files, var files, extra
    files, configuration), tffix version and options are unchanged since a run that
    cached it is not checked again: its results come from the cache, equal to what
    checking would give (see :mod:`fixer.cache`).

    A configuration's ``exclude`` skips files found by walking a directory; a file
    named in ``paths`` is checked even when excluded, unless ``force_exclude``.
    ``progress(modules_done, modules_total, files_done)`` is called as modules finish.

    ``diff_base`` (a git ref): only the modules with a file changed since the merge base of
    the ref and ``HEAD``, and the modules that call them through a local ``source``, are
    read, parsed and checked (see :mod:`fixer.incremental`); :class:`~fixer.incremental.GitError` when git fails.

    Inline ``# tffix:ignore`` comments are honoured; an unused one is a ``TFX001``
    finding. A file that cannot be read or parsed is a result with ``error`` set.
    Raises :class:`FileNotFoundError` for a path that does not exist,
    :class:`~fixer.config.ConfigError` for a bad configuration file,
    :class:`~fixer.arguments.OptionError` (a ``ValueError``) for an unknown rule code or
    option or a bad ``NAME=VALUE``, and :class:`TypeError` for ``paths`` (or
    ``var_files``) given as one string instead of a list.
    """
    plan = _plan_run(
        paths, select=select, ignore=ignore, unsafe=unsafe, fix=fix, variables=variables, var_files=var_files,
        config=config, options=options, force_exclude=force_exclude, diff_base=diff_base,
    )
    return _merge_outcomes(plan, _run_jobs(plan.jobs, jobs, cache, progress))


@dataclass
class _Plan:
    """A run over paths, planned: the modules to check, and what was named (for merging)."""

    jobs: list[_ModuleJob]
    named: _NamedPaths


def _plan_run(
    paths: Iterable[str | os.PathLike[str]], *, select: Sequence[str] | None, ignore: Sequence[str] | None,
    unsafe: bool | None, fix: bool, variables: Sequence[str] | Mapping[str, Any],
    var_files: Sequence[str | os.PathLike[str]], config: bool | str | os.PathLike[str],
    options: Mapping[str, Mapping[str, Any]] | None, force_exclude: bool, diff_base: str | None,
) -> _Plan:
    """The arguments of :func:`check_paths` checked, and its modules found and configured."""
    paths = check_path_list("paths", paths)
    chosen_select = list(check_codes("select", select)) or None if select is not None else None
    chosen_ignore = list(check_codes("ignore", ignore)) or None if ignore is not None else None
    options = check_rule_options("options", options)
    if isinstance(variables, Mapping):
        given_variables: tuple[str, ...] | dict[str, Any] = dict(variables)
    elif isinstance(variables, str):
        raise OptionError("variables", f"expected a list of NAME=VALUE strings or a mapping, got the string {variables!r}")
    else:
        given_variables = tuple(variables)
        for item in given_variables:
            check_assignment("variables", item)
    given_var_files = tuple(check_path_list("var_files", var_files))
    for raw in paths:
        if not Path(raw).exists():
            raise FileNotFoundError(f"{raw}: no such file or directory")
    explicit = {Path(raw) for raw in paths if not Path(raw).is_dir()}
    fixed_config = load_config(config) if isinstance(config, (str, os.PathLike)) else None
    known = tuple(r.code for r in all_rules())
    configs: dict = {}  # configuration files read, and where each directory's is
    selections: dict = {}  # the rules each (select, ignore) chooses, chosen once
    planned: list[_ModuleJob] = []
    modules = discover_modules(list(paths))
    if diff_base is not None:
        from .incremental import affected_modules, changed_files

        modules = affected_modules(modules, changed_files(diff_base))
    for module in modules:
        settings = fixed_config if fixed_config is not None else (
            config_for(module.directory, cache=configs) if config else Config()
        )
        targets = tuple(sorted(
            str(p) for p in module.targets if (p in explicit and not force_exclude) or not settings.excludes(p)
        ))
        if not targets:
            continue
        run_select = chosen_select if chosen_select is not None else _list(settings.select)
        run_ignore = chosen_ignore if chosen_ignore is not None else _list(settings.ignore)
        run_options = {code: dict(opts) for code, opts in settings.rules.items()}
        for code, opts in (options or {}).items():
            run_options.setdefault(code.upper(), {}).update(opts)
        planned.append(_ModuleJob(
            module=module,
            targets=targets,
            settings=settings,
            rules=_selected(run_select, run_ignore, selections),
            known=known,
            unsafe=unsafe if unsafe is not None else bool(settings.unsafe_fixes),
            fix=fix,
            options=run_options,
            var_files=given_var_files,
            variables=given_variables,
        ))
    return _Plan(planned, _NamedPaths(paths))


def _selected(select: list[str] | None, ignore: list[str] | None, memo: dict) -> tuple[type[Rule], ...]:
    """``select_rules(select, ignore)`` as a tuple, remembered in ``memo`` for the run's other modules."""
    key = (None if select is None else tuple(select), None if ignore is None else tuple(ignore))
    if key not in memo:
        memo[key] = tuple(select_rules(select, ignore))
    return memo[key]


def _merge_outcomes(plan: _Plan, outcomes: list[_ModuleOutcome]) -> list[FileResult]:
    """The file results of a run, module by module in the plan's order (shared files' findings once)."""
    results: list[FileResult] = []
    reported: set[tuple[str, str, int, int, str]] = set()  # findings on shared files, once per run
    named = plan.named
    for job, outcome in zip(plan.jobs, outcomes):
        by_path = {r.path: r for r in outcome.results}
        _add_extra_file_results(
            [f for f in outcome.extra if named.covers(f.path)], by_path, reported,
            {p: v for p, v in outcome.extra_fixed.items() if named.covers(p)},
        )
        for path in sorted(outcome.created):  # new files have no finding of their own
            if path not in by_path:  # written with the fix's other edits, whatever was named
                _original, text, applied = outcome.extra_fixed[path]
                by_path[path] = FileResult(path, "", text, applied=list(applied), created=True)
        for key in sorted(by_path):
            by_path[key].unsafe = job.unsafe
            results.append(by_path[key])
    return results


class _NamedPaths:
    """The paths a run was given. When they are files only (as pre-commit passes them), a
    finding on another file (a Python test REPO001 judges) is not reported; naming a
    directory checks its repository too, so such findings are."""

    def __init__(self, paths: list[str]) -> None:
        self.files = {os.path.abspath(p) for p in paths if not os.path.isdir(p)}
        self.walks = any(os.path.isdir(p) for p in paths)

    def covers(self, path: str) -> bool:
        return self.walks or os.path.abspath(path) in self.files


@dataclass
class _ModuleJob:
    """One module to check, with everything its result depends on but the files' content."""

    module: ModuleFiles
    targets: tuple[str, ...]  # the files to report on, sorted
    settings: Config  # its configuration
    rules: tuple[type[Rule], ...]  # the selected rules
    known: tuple[str, ...]  # every rule code (an unknown code in a suppression is reported)
    unsafe: bool
    fix: bool
    options: dict[str, dict[str, Any]]
    var_files: tuple[str, ...]  # given var files, after the configured ones
    variables: tuple[str, ...] | dict[str, Any]  # given values, last


@dataclass
class _ModuleOutcome:
    """The results of one module: its files', and the findings on files outside it (shared)."""

    results: list[FileResult]  # one per target that was processed, sorted by path
    extra: list[Finding]  # findings on files that are not the module's .tf files, in order
    # extra files a fix changed: path -> (text as read, fixed text, the findings whose fixes were applied)
    extra_fixed: dict[str, tuple[str, str, list[Finding]]] = field(default_factory=dict)
    created: frozenset[str] = frozenset()  # paths of extra_fixed that are new files (never cached)


def _run_jobs(
    planned: list[_ModuleJob], jobs: int | None, cache: bool | str | os.PathLike[str],
    progress: Callable[[int, int, int], None] | None = None,
) -> list[_ModuleOutcome]:
    """The outcome of every job, in order: from the cache, or checked (in parallel when asked)."""
    store = None
    if cache is not False and cache is not None:
        from .cache import CACHE_DIR, ResultCache

        store = ResultCache(Path(CACHE_DIR) if cache is True else Path(cache))
    outcomes: list[_ModuleOutcome | None] = [None] * len(planned)
    keys: list[str | None] = [None] * len(planned)
    texts: list[dict[str, str]] = [{} for _ in planned]
    if store is not None:
        from .cache import ContentHashes, decode_results

        hashes = ContentHashes()
        for i, job in enumerate(planned):
            keys[i], texts[i] = _cache_key(job, hashes)
            data = store.load(keys[i]) if keys[i] is not None else None
            if data is not None:
                try:
                    outcomes[i] = _ModuleOutcome(*decode_results(data, texts[i], FileResult), _decode_extra_fixed(data))
                except Exception:  # noqa: BLE001 - a corrupt entry is a miss
                    outcomes[i] = None
                else:  # every file asked about has its result: an entry never drops one
                    if not set(job.targets) <= {r.path for r in outcomes[i].results}:
                        outcomes[i] = None
    missing = [i for i, outcome in enumerate(outcomes) if outcome is None]
    counts = {"modules": len(planned) - len(missing), "files": sum(
        len(job.targets) for job, outcome in zip(planned, outcomes) if outcome is not None
    )}

    def done(index: int) -> None:
        counts["modules"] += 1
        counts["files"] += len(planned[missing[index]].targets)
        if progress is not None:
            progress(counts["modules"], len(planned), counts["files"])

    if missing:
        from .parallel import default_jobs, plan_workers, run_ordered

        weights = [float(sum(_size(f) for f in planned[i].module.files)) for i in missing]
        workers = plan_workers(default_jobs() if jobs is None else max(1, int(jobs)), weights)
        computed = run_ordered(_check_job, [planned[i] for i in missing], workers, weights=weights, on_done=done)
        if store is not None:
            hashes = ContentHashes()  # hash again: a file edited while it was checked is not cached
        for i, outcome in zip(missing, computed):
            outcomes[i] = outcome
            if store is not None and keys[i] is not None:
                again, _ = _cache_key(planned[i], hashes)
                if again == keys[i]:
                    _store(store, keys[i], outcome, texts[i])
        if store is not None:
            from .cache import prune

            prune(store.root, _cache_bound())
    return [o for o in outcomes if o is not None]


def _cache_bound() -> int:
    """The cache's size bound in bytes: ``TFFIX_CACHE_MAX_MB`` if set, else :data:`~fixer.cache.MAX_CACHE_BYTES`."""
    from .cache import MAX_CACHE_BYTES

    raw = os.environ.get("TFFIX_CACHE_MAX_MB", "")
    return int(raw) * 1024 * 1024 if raw.isdigit() else MAX_CACHE_BYTES


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


_NOT_CACHED = frozenset({"internal-error", "rule-crashed"})  # problems whose module is never cached


def _store(store: Any, key: str, outcome: _ModuleOutcome, texts: dict[str, str]) -> None:
    """Write the entry, if its JSON gives back exactly these results."""
    from .cache import decode_results, encode_results

    if any(p.kind in _NOT_CACHED for r in outcome.results for p in r.problems):
        return  # a crash may not happen again (memory, recursion depth): check the module next time
    if outcome.created:
        return  # a fix creates a file: whether it may be written depends on the disk, check again
    try:
        data = encode_results(outcome.results, texts, outcome.extra)
        if outcome.extra_fixed:  # extra files a fix changed (their hashes are part of the key)
            changed = [FileResult(p, old, new, applied=list(a)) for p, (old, new, a) in sorted(outcome.extra_fixed.items())]
            data["extra_fixed"] = encode_results(changed, {})
        back = json.loads(json.dumps(data))
        results, extra = decode_results(back, texts, FileResult)
        if results != outcome.results or extra != outcome.extra or _decode_extra_fixed(back) != outcome.extra_fixed:
            return
    except Exception:  # noqa: BLE001 - a result that does not serialize is simply not cached
        return
    store.store(key, data)


def _decode_extra_fixed(data: dict[str, Any]) -> dict[str, tuple[str, str, list[Finding]]]:
    """The ``extra_fixed`` of a cache entry written by :func:`_store` (empty when it has none)."""
    from .cache import decode_results

    if "extra_fixed" not in data:
        return {}
    changed, _ = decode_results(data["extra_fixed"], {}, FileResult)
    out = {}
    for r in changed:
        if not isinstance(r.original, str) or not isinstance(r.fixed, str):
            raise ValueError("bad text")
        out[r.path] = (r.original, r.fixed, list(r.applied))
    return out


def _cache_key(job: _ModuleJob, hashes: Any) -> tuple[str | None, dict[str, str]]:
    """The job's cache key and the texts of its ``.tf`` files; (None, {}) when the module cannot be cached."""
    try:
        return _cache_key_unguarded(job, hashes)
    except Exception:  # noqa: BLE001 - an input that cannot be hashed: the module runs uncached
        return None, {}


def _cache_key_unguarded(job: _ModuleJob, hashes: Any) -> tuple[str | None, dict[str, str]]:
    module = job.module
    try:
        contents: dict[str, str] = {}
        tf_hashes = []
        for file in module.files:
            data = read_input(file)
            tf_hashes.append(hashlib.sha256(data).hexdigest())
            try:
                contents[str(file)] = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        directory = module.directory
        names = module.names if module.names is not None else _names_in(directory)
        auto = ["terraform.tfvars"] * ("terraform.tfvars" in names) + _matching(names, ".auto.tfvars")
        tfvars = [(str(p), hashes.of(p)) for p in (directory / n for n in auto) if p.is_file()]
        var_files = [(str(p), hashes.of(p)) for p in [*job.settings.var_files, *map(Path, job.var_files)]]
        extras = [(str(p), hashes.of(p)) for p in [*module.extra_files, *_json_files(directory, names)]]
        # The provider version the schema rules check against comes from the nearest lock file.
        locks = [(str(p), hashes.of(p)) for p in _lock_files(module, hashes.locks)]
        config_file = job.settings.path
        config_hash = hashes.of(config_file) if config_file is not None else None
    except (Uncacheable, OSError):
        return None, {}
    cwd = hashes.cwd
    material = {
        "run": _run_key(job, hashes),
        "cwd": cwd,
        "directory": [str(directory), os.path.normpath(os.path.join(cwd, directory))],  # its absolute path
        "files": [[str(f), h] for f, h in zip(module.files, tf_hashes)],
        "targets": list(job.targets),
        "tfvars": tfvars,
        "var_files": var_files,
        "extra_files": extras,
        "lock_files": locks,
        "config": [str(config_file) if config_file else None, config_hash],
    }
    return make_key(material), contents


def _lock_files(module: ModuleFiles, memo: dict) -> list[Path]:
    """:func:`fixer.schema.versions.find_lock_files` of the module's directory, the same walk up,
    remembering in ``memo`` what each directory on the way decided: the run's other modules
    share those parents, and ask no file system question twice. The module's own directory is
    answered from the walk's listing when discovery kept it (a name not listed is not there)."""
    lock_file, max_levels = _lock_walk()
    here = module.real if module.real is not None else str(Path(module.directory).resolve())
    names = set(module.names) if module.real is not None and module.names is not None else None
    visited: list[str] = []
    decision: tuple[list[Path], int] | None = None  # the lock files, and how many directories deciding took
    while len(visited) < max_levels:
        known = memo.get(here)
        if known is not None:  # decided `steps` directories up from here: within the budget from the start?
            found, steps = known
            decision = (found, len(visited) + steps) if len(visited) + steps <= max_levels else None
            break
        visited.append(here)
        if (names is None or lock_file in names) and Path(here, lock_file).is_file():
            decision = ([Path(here, lock_file)], len(visited))
            break
        parent = os.path.dirname(here)
        if ((names is None or ".git" in names) and Path(here, ".git").exists()) or parent == here:
            decision = ([], len(visited))
            break
        here, names = parent, None
    if decision is None:  # cut off by MAX_LEVELS: no lock file
        return []
    found, total = decision
    for index, directory in enumerate(visited):
        memo[directory] = (found, total - index)
    return list(found)


_LOCK_WALK: tuple[str, int] | None = None


def _lock_walk() -> tuple[str, int]:
    """:data:`fixer.schema.versions.LOCK_FILE` and ``MAX_LEVELS``, imported on the first walk
    (a function-level import costs about 2 µs a call: once per run, not once per module)."""
    global _LOCK_WALK
    if _LOCK_WALK is None:
        from .schema.versions import LOCK_FILE, MAX_LEVELS

        _LOCK_WALK = (LOCK_FILE, MAX_LEVELS)
    return _LOCK_WALK


def _run_key(job: _ModuleJob, hashes: Any) -> str:
    """The key of what a job's result depends on besides its module's files: the code, the
    rules, the settings; computed once for the jobs of a run that share them (most share all)."""
    settings = (job.options, job.variables, job.settings.vars)
    shared = (job.rules, job.known, job.unsafe, job.fix, type(job.variables),
              make_key(settings) if any(settings) else None)
    memo = hashes.runs
    if shared not in memo:
        memo[shared] = make_key({
            "tffix": __version__,
            "code": code_fingerprint(sorted({r.__module__ for r in job.rules})),
            "python": list(sys.version_info[:2]),
            "config_vars": job.settings.vars,
            "rules": [[r.code, r.__module__, r.__qualname__] for r in job.rules],
            "known": list(job.known),
            "unsafe": job.unsafe,
            "fix": job.fix,
            "options": job.options,
            "variables": job.variables,
            # Date-dependent rules (AWS007 judges runtimes against today unless told an as-of
            # date): a result cached yesterday may be wrong today.
            "date": datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
        })
    return memo[shared]


def _check_job(job: _ModuleJob) -> _ModuleOutcome:
    """What a worker runs: :func:`_check_module`, looked up when called (pickled by name)."""
    return _check_module(job)


def _check_module(job: _ModuleJob) -> _ModuleOutcome:
    """Check one module; never raises an ``Exception`` (a failure is an error result)."""
    by_path: dict[str, FileResult] = {}
    sources: dict[str, str] = {}
    try:
        return _check_module_unguarded(job, by_path, sources)
    except Exception as e:  # noqa: BLE001 - one module's internal error must not stop the others
        import traceback

        for key in job.targets:  # what was built before the failure is not trusted
            if key in by_path and by_path[key].error is None:
                del by_path[key]
        _internal_error(e, sources, set(job.targets), by_path)
        detail = traceback.format_exc()
        for key in job.targets:
            if key not in by_path:
                message = f"{key}: internal error while checking this module: {type(e).__name__}: {e}".splitlines()[0]
                by_path[key] = FileResult(
                    key, None, None, error=f"{message} (--debug shows the traceback)",
                    problems=[Problem("internal-error", None, key, message, detail)],
                )
        return _ModuleOutcome([by_path[k] for k in sorted(by_path)], [])


def _check_module_unguarded(
    job: _ModuleJob, by_path: dict[str, FileResult], sources: dict[str, str]
) -> _ModuleOutcome:
    from .syntax.parser import parse

    module, settings, targets = job.module, job.settings, set(job.targets)
    trees = {}
    for file in module.files:
        key = str(file)
        try:
            text = _read(file)
            trees[key] = parse(text, key)  # the one parse of this file in this run
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
        values.update(_given_values(job.var_files, job.variables))
    except (OSError, ValueError) as e:
        values = {}
        for key in targets:
            # the file at fault first (``vars.tfvars:1:6: not UTF-8 text ...``), then what it stopped
            cause = str(e) if isinstance(e, (SourceError, ParseError)) else f"variable values: {e}"
            by_path.setdefault(key, FileResult(key, None, None, error=f"{cause}; {key} not checked"))
    if not sources:
        return _ModuleOutcome([by_path[k] for k in sorted(by_path)], [])
    extras = [str(p) for p in module.extra_files]
    try:
        outcome: ModuleResult = fix_module(
            sources, list(job.rules), values=values, unsafe=job.unsafe, fix=job.fix,
            extra_files=extras, options=job.options, trees=trees, known=job.known,
            scope=_fix_scope(module, sources, targets),
        )
    except Exception as e:  # noqa: BLE001 - one module's internal error must not stop the others
        _internal_error(e, sources, targets, by_path)
        return _ModuleOutcome([by_path[k] for k in sorted(by_path)], [])
    for key in sorted(targets):
        if key in by_path or key not in sources:
            continue
        findings = [f for f in outcome.findings if f.path == key]
        remaining = [f for f in outcome.remaining if f.path == key]
        by_path[key] = FileResult(
            key,
            outcome.original[key],
            outcome.fixed[key],
            findings,
            remaining,
            [f for f in outcome.applied if f.path == key],
            [p for p in outcome.problems if p.path in (None, key)],
        )
    extra = [f for f in outcome.findings if f.path not in sources]
    extra_fixed = {
        p: (outcome.original[p], text, [f for f in outcome.applied if f.path == p])
        for p, text in outcome.fixed.items() if p not in sources and text != outcome.original.get(p)
    }
    return _ModuleOutcome([by_path[k] for k in sorted(by_path)], extra, extra_fixed, frozenset(outcome.created))


def _fix_scope(module: ModuleFiles, sources: dict[str, str], targets: set[str]) -> FixScope:
    """The limits on this module's fixes: only the targets are written; the files that could
    not be read, and the ``.tf.json`` files (read as text, not modelled), guard the rest."""
    foreign: dict[str, str] = {}
    unreadable = [str(f) for f in module.files if str(f) not in sources]
    for path in _json_files(module.directory):
        try:
            foreign[str(path)] = _read(path)
        except (OSError, UnicodeDecodeError, ValueError):
            unreadable.append(str(path))
    # The module's extra files (its Python tests) are written only by a fix that edits them:
    # REPO001's unsafe port, applied with --unsafe-fixes, and only to files below a named path.
    writable = (targets & set(sources)) | {str(p) for p in module.extra_files if p.suffix == ".py"}
    return FixScope(frozenset(writable), tuple(unreadable), foreign)


def _json_files(directory: Path, names: list[str] | None = None) -> list[Path]:
    """The module's JSON configuration files (``*.tf.json``), which Terraform reads with its ``.tf`` files.

    ``names``: the directory's entries, when already listed.
    """
    found = [directory / n for n in _matching(_names_in(directory) if names is None else names, ".tf.json")]
    return [p for p in found if p.is_file()]


def _names_in(directory: Path) -> list[str]:
    """The names in ``directory``, sorted (none when it cannot be listed)."""
    try:
        return sorted(os.listdir(directory))
    except OSError:
        return []


def _matching(names: list[str], suffix: str) -> list[str]:
    """The names ending with ``suffix`` that ``glob("*" + suffix)`` matches (not hidden ones)."""
    return [n for n in names if n.endswith(suffix) and not n.startswith(".") and len(n) > len(suffix)]


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
    extra: list[Finding], by_path: dict[str, FileResult], reported: set[tuple[str, str, int, int, str]],
    fixed: dict[str, tuple[str, str, list[Finding]]] | None = None,
) -> None:
    """Findings on files that are not the module's ``.tf`` files (a Python test, say).

    Several modules of one repository see the same extra files, so each such finding is
    reported once per run, with the first module that finds it. Such a file is fixed only by
    a fix that edits it (REPO001's unsafe port, one module per test file): ``fixed`` holds its
    text as read, its fixed text and the findings applied.
    """
    fixed = fixed or {}
    for finding in extra:
        key = (finding.rule, finding.path, finding.start, finding.end, finding.message)
        if key in reported:
            continue
        reported.add(key)
        result = by_path.get(finding.path)
        if result is None:
            if finding.path in fixed:
                original, new, applied = fixed[finding.path]
                result = by_path[finding.path] = FileResult(finding.path, original, new, applied=list(applied))
            else:
                try:
                    text: str | None = _read(Path(finding.path))
                except (OSError, UnicodeDecodeError, ValueError):
                    text = None
                result = by_path[finding.path] = FileResult(finding.path, text, text)
        result.findings.append(finding)
        if finding not in result.applied:
            result.remaining.append(finding)


def _list(value: tuple[str, ...] | None) -> list[str] | None:
    return list(value) if value else None


def _given_values(var_files: Iterable[str], variables: Iterable[str] | dict[str, Any]) -> dict[str, Any]:
    """Values from ``var_files`` then ``variables`` (later wins), as Terraform's -var-file and -var."""
    values: dict[str, Any] = {}
    for name in var_files:
        path = Path(name)
        values.update(load_tfvars_text(read_text(path), str(path)))
    if isinstance(variables, dict):
        values.update(variables)
        return values
    for item in variables:
        key, raw = check_assignment("--var", item)
        values[key] = _parse_cli_value(raw)
    return values


def fix_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    unsafe: bool | None = None,
    variables: Sequence[str] | Mapping[str, Any] = (),
    var_files: Sequence[str | os.PathLike[str]] = (),
    config: bool | str | os.PathLike[str] = True,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    jobs: int | None = 1,
    cache: bool | str | os.PathLike[str] = False,
    force_exclude: bool = False,
    progress: Callable[[int, int, int], None] | None = None,
    diff_base: str | None = None,
) -> list[FileResult]:
    """:func:`check_paths` with ``fix=True``: fixed texts in ``FileResult.fixed``; nothing is written."""
    return check_paths(
        paths, select=select, ignore=ignore, unsafe=unsafe, fix=True, variables=variables,
        var_files=var_files, config=config, options=options, jobs=jobs, cache=cache,
        force_exclude=force_exclude, progress=progress, diff_base=diff_base,
    )
