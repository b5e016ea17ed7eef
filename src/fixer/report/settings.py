"""``--show-settings``: which configuration file applies to a path, and the settings a run uses there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Config

__all__ = ["render_settings"]


def _value(value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, Path):
        value = str(value)
    if isinstance(value, list):
        value = [str(v) if isinstance(v, Path) else v for v in value]
    return json.dumps(value, ensure_ascii=False)


def render_settings(
    path: str, settings: Config, *, select: tuple[str, ...], ignore: tuple[str, ...], unsafe: bool | None,
    variables: tuple[str, ...], var_files: tuple[str, ...], rules: list[str], excluded: bool,
) -> str:
    """The settings for ``path``: each key with its value and where it came from (file, flag, default)."""
    source = str(settings.path) if settings.path is not None else "none (defaults)"

    def origin(flag: bool, key: Any) -> str:
        return "command line" if flag else ("config" if key is not None and settings.path else "default")

    lines = [
        f"path: {path}",
        f"config file: {source}",
        f"select = {_value(list(select) if select else settings.select or [])}  # {origin(bool(select), settings.select)}",
        f"ignore = {_value(list(ignore) if ignore else settings.ignore or [])}  # {origin(bool(ignore), settings.ignore)}",
        f"unsafe-fixes = {_value(unsafe if unsafe is not None else bool(settings.unsafe_fixes))}"
        f"  # {origin(unsafe is not None, settings.unsafe_fixes)}",
        f"vars = {_value(settings.vars)}  # config" + (f"; --var {' '.join(variables)}" if variables else ""),
        f"var-files = {_value([*settings.var_files, *var_files])}",
        f"exclude = {_value(settings.exclude)}",
    ]
    for code, options in sorted(settings.rules.items()):
        lines.append(f"rules.{code} = {_value(options)}")
    lines.append(f"rules that run: {', '.join(rules) if rules else 'none'}")
    if excluded:
        lines.append("excluded: yes (by `exclude`; a file named on the command line is still checked "
                     "unless --force-exclude)")
    return "\n".join(lines) + "\n"
