"""Every third-party package a module under src/fixer/ imports is declared in pyproject.toml.

The imports are read with ``ast`` (not a hand list), so a new ``import foo`` in any module
fails here until ``foo``'s distribution is in ``[project].dependencies``: the ``[test]``
extra cannot hide it (python-hcl2 pulled ``regex`` in for the suite while
``pip install .`` left ``tffix`` broken).
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "fixer"


def _declared() -> set[str]:
    """The normalized distribution names of ``[project].dependencies``."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = set()
    for requirement in data["project"]["dependencies"]:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, requirement
        names.add(_normalize(match.group(1)))
    return names


def _declared_extras() -> set[str]:
    """The distribution names of the optional extras users install (``tffix[dask]``), not ``test``.

    A module may import one of these only inside a function (imported when the feature is
    used, with a message naming the extra when it is missing), never at module level.
    """
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = set()
    for extra, requirements in data["project"].get("optional-dependencies", {}).items():
        if extra == "test":
            continue
        for requirement in requirements:
            match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
            assert match, requirement
            names.add(_normalize(match.group(1)))
    return names


def module_level_imports(path: Path) -> set[str]:
    """The top-level names imported at module level (not inside a function) in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_top_level_names(path: Path) -> set[str]:
    """The top-level names of the absolute imports in one file (``import a.b`` gives ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def third_party_imports() -> dict[str, list[str]]:
    """Every imported top-level name that is neither the standard library nor fixer, with its files."""
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for name in imported_top_level_names(path):
            if name in stdlib or name == "fixer":
                continue
            found.setdefault(name, []).append(str(path.relative_to(ROOT)))
    return found


def test_the_scan_sees_real_imports(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("import os, lark.lexer\nfrom regex import compile\nfrom . import x\n")
    assert imported_top_level_names(sample) == {"os", "lark", "regex"}
    assert {"lark", "click", "regex"} <= set(third_party_imports())


def test_every_third_party_import_is_a_declared_dependency() -> None:
    declared = _declared()
    extras = _declared_extras()
    distributions = packages_distributions()
    missing = []
    for name, files in sorted(third_party_imports().items()):
        if name == "tomli":  # Python 3.10's tomllib, declared with a python_version marker
            assert "tomli" in declared
            continue
        owners = distributions.get(name)
        if not owners:
            pytest.fail(f"{name} (imported by {', '.join(files)}) is not installed: declare it and install it")
        if any(_normalize(owner) in extras for owner in owners):  # an extra's package (dask): lazily only
            eager = [f for f in files if name in module_level_imports(ROOT / f)]
            assert not eager, f"{name} is an optional extra's: import it inside a function in {eager}"
            continue
        if not any(_normalize(owner) in declared for owner in owners):
            missing.append(f"{name} (distribution {', '.join(owners)}; imported by {', '.join(files)})")
    assert not missing, "imported but not in [project].dependencies: " + "; ".join(missing)
