"""The public API is typed and stable: explicit keyword arguments, exported result types, enums
that print as their value, and ``mypy --strict`` catching a misspelt option in a user's script."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import fixer

GOOD = """
import fixer
from fixer import Applicability, FileResult, Finding, Fix, Severity

results: list[FileResult] = fixer.fix_paths(["lib/"], select=["AWS"], ignore=["AWS006"], jobs=2, cache=False)
for result in results:
    for finding in result.findings:
        f: Finding = finding
        fix: Fix | None = f.fix
        if fix is not None and fix.applicability is Applicability.SAFE and f.severity is Severity.ERROR:
            print(f.rule, fix.title)
checked = fixer.check_paths(["lib/"], fix=True, force_exclude=True, variables={"env": "prod"})
"""

MISTAKES = {
    "misspelt option": 'fixer.fix_paths(["lib/"], selct=["AWS"])\n',
    "option of check_paths only": 'fixer.fix_paths(["lib/"], fix=True)\n',
    "wrong type": 'fixer.check_paths(["lib/"], jobs="2")\n',
    "misspelt function": 'fixer.chek_paths(["lib/"])\n',
}


def test_result_types_are_exported() -> None:
    for name in ("Finding", "FileResult", "Fix", "Applicability", "Severity", "SourceResult", "OptionError"):
        assert name in fixer.__all__
        assert getattr(fixer, name).__name__ == name
        assert name in dir(fixer)
    from fixer.findings import Severity as Original

    assert fixer.Severity is Original
    with pytest.raises(AttributeError):
        fixer.chek_paths  # type: ignore[attr-defined]  # noqa: B018


def test_enums_print_as_their_value() -> None:
    assert str(fixer.Severity.ERROR) == "error"
    assert f"{fixer.Severity.WARNING}" == "warning"
    assert f"{fixer.Applicability.DISPLAY_ONLY:>14}" == "  display-only"
    assert fixer.Applicability("unsafe") is fixer.Applicability.UNSAFE
    assert fixer.Severity.ERROR == "error"


def test_fix_paths_has_no_catch_all_keywords() -> None:
    import inspect

    for function in (fixer.fix_paths, fixer.check_paths, fixer.fix_source):
        kinds = {p.kind for p in inspect.signature(function).parameters.values()}
        assert inspect.Parameter.VAR_KEYWORD not in kinds, function.__name__
    with pytest.raises(TypeError, match="selct"):
        fixer.fix_paths(["."], selct=["AWS"])  # type: ignore[call-arg]


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / ".mypy"),
         str(script)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (pip install -e '.[test]')")
def test_mypy_strict_accepts_correct_use_and_rejects_mistakes(tmp_path: Path) -> None:
    good = _mypy(tmp_path, GOOD)
    assert good.returncode == 0, good.stdout + good.stderr
    for what, line in MISTAKES.items():
        bad = _mypy(tmp_path, "import fixer\n" + line)
        assert bad.returncode == 1, (what, bad.stdout)
        assert "user_script.py:2: error:" in bad.stdout, (what, bad.stdout)
    assert 'Unexpected keyword argument "selct" for "fix_paths"; did you mean "select"?' in _mypy(
        tmp_path, "import fixer\n" + MISTAKES["misspelt option"]).stdout
