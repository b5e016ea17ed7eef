"""``--format json`` and the suggest-only command line: a stable schema, nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_fix_loop import UnsafeRename, UppercaseValue

from fixer.cli import main
from fixer.report.json_format import SCHEMA_VERSION, to_json
from fixer.rules import registry

FORMATS = ["json", "sarif", "github", "rdjson", "rdjsonl", "diff"]


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", [UppercaseValue, UnsafeRename])


@pytest.fixture
def module(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text('a = "x"\nold = 1\nshown = 2\n', encoding="utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_json_schema(toy: None, module: Path) -> None:
    result = _run("--format", "json", "--isolated", str(module))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["version"] == SCHEMA_VERSION == 1
    assert data["tool"]["name"] == "tffix"
    rules = [(f["rule"], f["name"], f["fix"]["applicability"], f["fix"]["applied"]) for f in data["findings"]]
    assert rules == [
        ("TST001", "lowercase-value", "safe", True),
        ("TST005", "unsafe-rename", "unsafe", False),
        ("TST005", "unsafe-rename", "display-only", False),
    ]
    first = data["findings"][0]
    # The toy rule's finding spans its attribute, from its name to the end of its value.
    assert first["range"] == {"start": {"line": 1, "column": 1, "offset": 0}, "end": {"line": 1, "column": 8, "offset": 7}}
    assert first["fix"]["edits"] == [{
        "path": str(module / "main.tf"),
        "range": {"start": {"line": 1, "column": 5, "offset": 4}, "end": {"line": 1, "column": 8, "offset": 7}},
        "replacement": '"X"',
    }]
    assert data["files"] == [{"path": str(module / "main.tf"), "changed": True, "error": None}]
    assert data["problems"] == []


def test_unsafe_flag_marks_unsafe_fixes_applied(toy: None, module: Path) -> None:
    data = json.loads(_run("--format", "json", "--isolated", "--unsafe-fixes", str(module)).stdout)
    assert [f["fix"]["applied"] for f in data["findings"]] == [True, True, False]


@pytest.mark.parametrize("output_format", FORMATS)
def test_suggest_only_formats_never_write(toy: None, module: Path, output_format: str) -> None:
    before = (module / "main.tf").read_bytes()
    result = _run("--format", output_format, "--isolated", "--unsafe-fixes", str(module))
    assert result.exit_code == 1, result.output
    assert (module / "main.tf").read_bytes() == before
    assert result.stdout.strip()
    if output_format == "rdjsonl":
        assert all(json.loads(line) for line in result.stdout.splitlines())
    elif output_format != "diff":
        json.loads(result.stdout)
    else:
        assert result.stdout.startswith("--- a/")


@pytest.mark.parametrize("output_format", ["json", "sarif", "github"])
def test_suggest_only_formats_refuse_write(toy: None, module: Path, output_format: str) -> None:
    result = _run("--format", output_format, "--write", str(module))
    assert result.exit_code == 2 and "only suggests" in result.output


def test_diff_base_outside_git_is_an_error(toy: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "main.tf").write_text('a = "x"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = _run("--format", "github", "--diff-base", "origin/main", "--isolated", ".")
    assert result.exit_code == 2 and "error: git merge-base" in result.stderr


def test_error_files_are_listed(toy: None, tmp_path: Path) -> None:
    (tmp_path / "bad.tf").write_text("a = \n", encoding="utf-8")
    data = json.loads(_run("--format", "json", "--isolated", str(tmp_path)).stdout)
    assert data["findings"] == [] and data["files"][0]["error"].startswith(str(tmp_path / "bad.tf"))


def test_to_json_without_fixing_marks_nothing_applied(toy: None, module: Path) -> None:
    from fixer.api import check_paths

    data = to_json(check_paths([str(module)], config=False), fixed=False)
    assert not any(f["fix"]["applied"] for f in data["findings"])
