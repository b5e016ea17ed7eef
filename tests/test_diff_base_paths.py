"""``--diff-base``: the changed lines of files git quotes (non-ASCII, spaces, quotes), whatever
the user's git configuration (``diff.mnemonicPrefix``, ``diff.noprefix``, ``core.quotePath``)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import main
from fixer.report.github import git_changed_lines, parse_unified_diff, unquote_git_path

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

BASE = 'resource "aws_security_group" "web" {\n  name = "web-sg"\n}\n'
CHANGED = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'
NAMES = ["mod/café.tf", "my mod/a b.tf", 'odd/q"uote.tf']


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.email", "t@example.com")
    _git(root, "config", "user.name", "t")
    for name in NAMES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(BASE, encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    _git(root, "checkout", "-q", "-b", "pr")
    for name in NAMES:
        (root / name).write_text(CHANGED, encoding="utf-8")
    _git(root, "commit", "-q", "-am", "pr")
    return root


def test_unquote_git_path() -> None:
    assert unquote_git_path('"b/mod/caf\\303\\251.tf"') == "b/mod/café.tf"
    assert unquote_git_path('"b/odd/q\\"uote\\ttab.tf"') == 'b/odd/q"uote\ttab.tf'
    diff = '+++ "b/mod/caf\\303\\251.tf"\n@@ -2 +2 @@\n'
    assert parse_unified_diff(diff) == {"mod/café.tf": [(2, 2)]}


@pytest.mark.parametrize(
    "config",
    [[], ["diff.mnemonicPrefix", "true"], ["diff.noprefix", "true"], ["core.quotePath", "true"]],
    ids=["default", "mnemonicPrefix", "noprefix", "quotePath"],
)
def test_changed_lines_of_quoted_paths_under_any_git_config(repo: Path, config: list[str]) -> None:
    if config:
        _git(repo, "config", *config)
    assert git_changed_lines("main", cwd=str(repo)) == {name: [(2, 2)] for name in NAMES}


def test_review_comments_on_non_ascii_path(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _git(repo, "config", "diff.mnemonicPrefix", "true")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "--format", "github", "--diff-base", "main", "mod"])
    assert result.exit_code == 1, result.stderr
    comments = json.loads(result.stdout)["comments"]
    assert [(c["path"], c["line"]) for c in comments] == [("mod/café.tf", 2)]
