"""tffix: repair Terraform (HCL) configurations that fail when deployed to AWS.

The public, stable surface:

* :func:`parse` — text to a lossless concrete syntax tree (``parse(t).code == t``).
* :func:`format` — the text as ``terraform fmt`` would lay it out.
* :class:`ParseError` — raised for invalid HCL, with ``path``, ``line``, ``column``.
* :func:`fix_source` — check one text and apply its fixes; ``.code``, ``.findings``.
* :func:`check_paths` / :func:`fix_paths` — whole directories, module by module,
  results per file; nothing is printed, written or exited.
* :func:`unified_diff` — the fixes of such a run as a unified diff.
* :class:`ConfigError` — raised for a bad ``.tffix.toml`` / ``[tool.tffix]``.

Errors are exceptions, never ``SystemExit``. See docs/api.md.

Heavier parts load on first use, so ``import fixer`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ParseError

__all__ = [
    "parse", "format", "ParseError", "ConfigError", "fix_source", "check_paths", "fix_paths",
    "unified_diff", "__version__",
]

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .api import check_paths, fix_paths, fix_source
    from .config import ConfigError
    from .report.diff import render_diff as unified_diff
    from .layout import format_source as format
    from .syntax.parser import parse

_LAZY = {
    "parse": ("fixer.syntax.parser", "parse"),
    "format": ("fixer.layout", "format_source"),
    "fix_source": ("fixer.api", "fix_source"),
    "check_paths": ("fixer.api", "check_paths"),
    "fix_paths": ("fixer.api", "fix_paths"),
    "unified_diff": ("fixer.report.diff", "render_diff"),
    "ConfigError": ("fixer.config", "ConfigError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module_name), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'fixer' has no attribute {name!r}")
