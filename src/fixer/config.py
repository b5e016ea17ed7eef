"""Configuration: ``[tool.tffix]`` in ``pyproject.toml``, or a ``.tffix.toml``.

The file is found by walking up from each module's directory: the first
directory holding a ``.tffix.toml``, or a ``pyproject.toml`` with a
``[tool.tffix]`` table, wins (``.tffix.toml`` first when a directory has
both). Keys (the same in both files; in ``.tffix.toml`` at the top level)::

    select = ["AWS"]               # rule code prefixes to run (default: all)
    ignore = ["AWS004"]            # rule code prefixes to skip
    unsafe-fixes = false           # also apply unsafe fixes with --write
    vars = { environment_suffix = "prod" }   # variable values, as --var
    var-files = ["env/prod.tfvars"]          # tfvars files, relative to the config file
    exclude = ["legacy/**", "*.generated.tf"]  # globs, relative to the config file

    [rules.AWS001]                 # per-rule options, passed as RuleContext.options
    assumed-input-length = 12         # (the options a rule declares in Rule.option_types)

(in ``pyproject.toml``: ``[tool.tffix]`` and ``[tool.tffix.rules.AWS001]``).

Command-line flags and API arguments override the file key by key: a given
``--select`` replaces ``select``, ``--unsafe-fixes`` / ``--no-unsafe-fixes``
replace ``unsafe-fixes``; ``--var`` values are merged over ``vars`` and
``--var-file`` files are read after ``var-files`` (a later value wins, as in
Terraform).
"""

from __future__ import annotations

import difflib
import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .arguments import OptionError, check_codes, check_rule_options
from .reading import SourceError, read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Config", "ConfigError", "find_config", "load_config", "config_for"]

CONFIG_FILE = ".tffix.toml"
PYPROJECT = "pyproject.toml"

_KEYS = {"select", "ignore", "unsafe-fixes", "vars", "var-files", "exclude", "rules"}


class ConfigError(ValueError):
    """A configuration file that cannot be read or holds a bad value; ``str()`` names the file."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)  # the configuration file
        self.message = message  # what is wrong
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (or the defaults when ``path`` is None)."""

    path: Path | None = None  # the file they came from
    select: tuple[str, ...] | None = None  # None: not set
    ignore: tuple[str, ...] | None = None
    unsafe_fixes: bool | None = None
    vars: dict[str, Any] = field(default_factory=dict)
    var_files: tuple[Path, ...] = ()  # absolute
    exclude: tuple[str, ...] = ()  # glob patterns relative to the file's directory
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # CODE -> options

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    def excludes(self, file: Path) -> bool:
        """Whether ``file`` matches an ``exclude`` pattern (relative to the config's directory)."""
        if not self.exclude or self.root is None:
            return False
        try:
            relative = PurePosixPath(Path(file).resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return False
        text = str(relative)
        parents = [str(p) for p in relative.parents if str(p) != "."]
        for pattern in self.exclude:
            pattern = pattern.strip().rstrip("/")
            if not pattern:
                continue
            if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(relative.name, pattern):
                return True
            if pattern.endswith("/**") and (text.startswith(pattern[:-3] + "/")):
                return True
            if any(fnmatch.fnmatchcase(parent, pattern) for parent in parents):
                return True
        return False


def _string_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        example = f" (write [{value!r}])" if isinstance(value, str) else ""
        raise ConfigError(path, f"`{key}` must be a list of strings, got {value!r}{example}")
    return tuple(value)


def _codes(path: Path, prefix: str, key: str, value: Any) -> tuple[str, ...]:
    try:
        return check_codes(f"`{prefix}{key}`", value)
    except OptionError as e:
        raise ConfigError(path, str(e)) from None


def _parse(path: Path, table: dict[str, Any]) -> Config:
    prefix = "tool.tffix." if path.name == PYPROJECT else ""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(_KEYS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ConfigError(path, f"unknown key{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))}{hint} "
                                f"(known: {', '.join(sorted(_KEYS))})")
    select = _codes(path, prefix, "select", table["select"]) if "select" in table else None
    ignore = _codes(path, prefix, "ignore", table["ignore"]) if "ignore" in table else None
    unsafe = table.get("unsafe-fixes")
    if unsafe is not None and not isinstance(unsafe, bool):
        raise ConfigError(path, f"`unsafe-fixes` must be true or false, got {unsafe!r}")
    variables = table.get("vars", {})
    if not isinstance(variables, dict):
        raise ConfigError(path, f"`vars` must be a table of variable values, got {variables!r}")
    var_files = tuple(
        (path.parent / f).resolve() for f in _string_list(path, "var-files", table.get("var-files", []))
    )
    exclude = _string_list(path, "exclude", table.get("exclude", []))
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(path, f"`{prefix}rules` must hold one table per rule code, like [{prefix}rules.AWS001]")
    try:
        options = check_rule_options(f"{prefix}rules", rules)
    except OptionError as e:
        raise ConfigError(path, str(e)) from None
    return Config(path, select, ignore, unsafe, dict(variables), var_files, exclude, options)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(path, f"not valid TOML: {e}") from None
    except SourceError as e:  # not a regular file, too large, not UTF-8 (TOML is UTF-8)
        raise ConfigError(path, e.reason if e.line is None else f"line {e.line}, column {e.column}: {e.reason}") from None


def load_config(path: str | Path) -> Config:
    """Read one configuration file: a ``.tffix.toml``, or a ``pyproject.toml`` (its ``[tool.tffix]``).

    Raises :class:`ConfigError` for a file that cannot be read, is not TOML, or holds a bad key.
    """
    path = Path(path).resolve()
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(path, "`tool` must be a table ([tool.tffix])")
        data = tool.get("tffix", {})
        if not isinstance(data, dict):
            raise ConfigError(path, "[tool.tffix] must be a table")
    return _parse(path, data)


def find_config(start: str | Path, *, memo: dict | None = None) -> Path | None:
    """The configuration file that applies to ``start`` (a file or a directory), or None.

    ``memo`` (one run's dict) remembers the answer for every directory looked at, so
    modules that share parents look in each parent once.
    """
    directory = Path(start).resolve()
    if not directory.is_dir():
        directory = directory.parent
    seen = []
    found: Path | None = None
    for candidate in (directory, *directory.parents):
        key = ("found", candidate)
        if memo is not None and key in memo:
            found = memo[key]
            break
        seen.append(key)
        config = candidate / CONFIG_FILE
        if config.is_file():
            found = config
            break
        pyproject = candidate / PYPROJECT
        if pyproject.is_file():
            data = _read_toml(pyproject)
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "tffix" in tool:
                found = pyproject
                break
    if memo is not None:
        for key in seen:
            memo[key] = found
    return found


def config_for(start: str | Path, *, cache: dict[Path, Config] | None = None) -> Config:
    """The settings that apply to ``start``: from :func:`find_config`, or the defaults.

    ``cache`` (one run's dict) avoids reading a file again for each module under it.
    """
    path = find_config(start, memo=cache)
    if path is None:
        return Config()
    if cache is None:
        return load_config(path)
    if path not in cache:
        cache[path] = load_config(path)
    return cache[path]
