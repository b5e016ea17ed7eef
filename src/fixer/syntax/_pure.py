"""``TFFIX_PURE_PYTHON=1``: the pure-Python parser even where the compiled build is present.

The compiled build (scripts/build_compiled.py) leaves extension modules beside the ``.py``
files they are made from, and Python imports an extension module first. With
``TFFIX_PURE_PYTHON`` set in the environment, :mod:`fixer.syntax` installs this finder before
it imports its modules, so the pure-Python ones are used: how the tests and the benchmark
compare the two in one tree.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path

__all__ = ["COMPILABLE", "prefer_sources"]

# The modules the compiled build compiles (scripts/build_compiled.py reads this list).
COMPILABLE = ("tokens", "lexer", "lalr", "printer", "builder")


class _SourceFinder:
    """Finds the compilable modules of one package as their ``.py`` files."""

    def __init__(self, package: str, directory: Path) -> None:
        self.names = {f"{package}.{leaf}": directory / f"{leaf}.py" for leaf in COMPILABLE}

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        source = self.names.get(name)
        if source is None or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(name, source)


def prefer_sources(package: str, directory: str) -> None:
    """Import ``package``'s compilable modules from their ``.py`` files from now on."""
    sys.meta_path.insert(0, _SourceFinder(package, Path(directory)))  # type: ignore[arg-type]
