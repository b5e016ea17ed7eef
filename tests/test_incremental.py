"""``--diff-base REF``: only the modules with changed files, and their callers, are checked (issue 17 item 4)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer import check_paths
from fixer.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BAD = 'resource "aws_security_group" "a" {\n  name = "sg-%s"\n}\n'


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=root, check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """modules a, b, c, d (each with one finding); b calls a through ../a, c calls b; d calls none."""
    for name in "abcd":
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(BAD % name, encoding="utf-8")
    (tmp_path / "b" / "calls.tf").write_text('module "x" {\n  source = "../a"\n}\n', encoding="utf-8")
    (tmp_path / "c" / "calls.tf").write_text('module "y" {\n  source   = "../b"\n  version = null\n}\n', encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    _git(tmp_path, "checkout", "-qb", "change")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _dirs(results) -> list[str]:  # noqa: ANN001
    return sorted({Path(r.path).parent.name for r in results})


def test_nothing_changed_checks_nothing(repo: Path) -> None:
    assert check_paths(["."], config=False, diff_base="main") == []
    result = CliRunner().invoke(main, ["--isolated", "--diff-base", "main", "."])
    assert result.exit_code == 0 and "no module changed since main" in result.output


def test_a_change_checks_its_module_and_every_caller(repo: Path) -> None:
    (repo / "a" / "main.tf").write_text(BAD % "a2", encoding="utf-8")  # unstaged counts
    assert _dirs(check_paths(["."], config=False, diff_base="main")) == ["a", "b", "c"]
    _git(repo, "commit", "-qam", "change a")
    assert _dirs(check_paths(["."], config=False, diff_base="main")) == ["a", "b", "c"]
    whole = check_paths(["."], config=False)
    assert _dirs(whole) == ["a", "b", "c", "d"]
    changed = check_paths(["."], config=False, diff_base="main")
    assert [r for r in whole if Path(r.path).parent.name != "d"] == changed  # the same results


def test_a_leaf_change_checks_only_its_module(repo: Path) -> None:
    (repo / "d" / "new.tf").write_text('locals {\n  x = 1\n}\n', encoding="utf-8")  # untracked counts
    assert _dirs(check_paths(["."], config=False, diff_base="main")) == ["d"]
    result = CliRunner().invoke(main, ["--isolated", "--format", "json", "--diff-base", "main", "."])
    assert result.exit_code == 1 and "sg-d" in result.output and "sg-a" not in result.output


def test_a_caller_change_does_not_check_the_callee(repo: Path) -> None:
    (repo / "c" / "main.tf").write_text(BAD % "c2", encoding="utf-8")
    assert _dirs(check_paths(["."], config=False, diff_base="main")) == ["c"]


def test_an_unknown_ref_is_a_one_line_error(repo: Path) -> None:
    result = CliRunner().invoke(main, ["--isolated", "--diff-base", "no-such-ref", "."])
    assert result.exit_code == 2 and "error: git merge-base" in result.output
