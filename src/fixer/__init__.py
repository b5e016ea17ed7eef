"""tffix: repair Terraform (HCL) configurations that fail when deployed to AWS.

The public, stable surface:

* :func:`parse` — text to a lossless concrete syntax tree (``parse(t).code == t``).
* :func:`format` — the text as ``terraform fmt`` would lay it out.
* :class:`ParseError` — raised for invalid HCL, with ``path``, ``line``, ``column``.
* :func:`fix_source` — check one text and apply its fixes; ``.code``, ``.findings``.
* :func:`check_paths` / :func:`fix_paths` — whole directories, module by module,
  results per file; nothing is printed, written or exited.
* :func:`unified_diff` — the fixes of such a run as a unified diff.
* :func:`inspect_module` — a module directory read statically (:class:`ModuleView`:
  ``count("aws_subnet")``, ``instances(type)``, ``outputs()``; :data:`UNKNOWN` for a value
  that cannot be known), for offline tests of a module.
* :class:`ConfigError` — raised for a bad ``.tffix.toml`` / ``[tool.tffix]``;
  :class:`OptionError` — for an unknown rule code or option, or a string where a list goes.
* The result types: :class:`FileResult` (one file of a run over paths), :class:`SourceResult`
  (:func:`fix_source`), :class:`Finding`, :class:`Fix`, and the enums :class:`Applicability`
  and :class:`Severity` (``str(Severity.ERROR) == "error"``).

Errors are exceptions, never ``SystemExit``. See docs/api.md.

Heavier parts load on first use, so ``import fixer`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ParseError

__all__ = [
    "parse", "format", "ParseError", "ConfigError", "OptionError", "fix_source", "check_paths", "fix_paths",
    "unified_diff", "inspect_module", "ModuleView", "UNKNOWN", "FileResult", "SourceResult", "Finding", "Fix", "Applicability", "Severity", "__version__",
]

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .api import FileResult, SourceResult, check_paths, fix_paths, fix_source
    from .arguments import OptionError
    from .config import ConfigError
    from .findings import Applicability, Finding, Fix, Severity
    from .report.diff import render_diff as unified_diff
    from .inspect import UNKNOWN, ModuleView, inspect_module
    from .layout import format_source as format
    from .syntax.parser import parse

_LAZY = {
    "parse": ("fixer.syntax.parser", "parse"),
    "format": ("fixer.layout", "format_source"),
    "fix_source": ("fixer.api", "fix_source"),
    "check_paths": ("fixer.api", "check_paths"),
    "fix_paths": ("fixer.api", "fix_paths"),
    "unified_diff": ("fixer.report.diff", "render_diff"),
    "inspect_module": ("fixer.inspect", "inspect_module"),
    "ModuleView": ("fixer.inspect", "ModuleView"),
    "UNKNOWN": ("fixer.inspect", "UNKNOWN"),
    "ConfigError": ("fixer.config", "ConfigError"),
    "OptionError": ("fixer.arguments", "OptionError"),
    "FileResult": ("fixer.api", "FileResult"),
    "SourceResult": ("fixer.api", "SourceResult"),
    "Finding": ("fixer.findings", "Finding"),
    "Fix": ("fixer.findings", "Fix"),
    "Applicability": ("fixer.findings", "Applicability"),
    "Severity": ("fixer.findings", "Severity"),
}


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if not TYPE_CHECKING:  # type checkers see the imports above: a misspelt name is an error there

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            import importlib

            module_name, attribute = _LAZY[name]
            value = getattr(importlib.import_module(module_name), attribute)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'fixer' has no attribute {name!r}")
