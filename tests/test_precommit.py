"""pre-commit: the hooks match .tf and .tfvars, report on the files they are given only, and
(when pre-commit is installed) work through ``pre-commit try-repo`` from a fresh cache."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import main

ROOT = Path(__file__).resolve().parents[1]
SG = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'


def _hooks() -> dict[str, dict[str, str]]:
    hooks: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(- )?\s*(\w+): (.*)$", line)
        if not match:
            continue
        if match.group(1):
            current = hooks.setdefault(match.group(3), {})
        current[match.group(2)] = match.group(3)
    return hooks


def test_hooks_cover_tf_and_tfvars() -> None:
    hooks = _hooks()
    assert set(hooks) == {"tffix", "tffix-fix"}
    for hook in hooks.values():
        pattern = re.compile(hook["files"])
        assert pattern.search("infra/main.tf") and pattern.search("env/prod.tfvars")
        assert not pattern.search("main.tf.json.bak") and not pattern.search("README.md")
    assert hooks["tffix-fix"]["entry"] == "tffix --write"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text(SG, encoding="utf-8")
    (tmp_path / "infra" / "prod.tfvars").write_text('environment_suffix = "prod"\n', encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("import aws_cdk\n", encoding="utf-8")
    return tmp_path


def test_named_files_get_findings_for_themselves_only(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "infra/main.tf", "infra/prod.tfvars"])
    assert result.exit_code == 1
    assert "infra/main.tf:2:10: AWS002" in result.stdout
    assert "REPO001" not in result.stdout and "test_x.py" not in result.stdout  # never named
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "."])
    assert "tests/test_x.py:1:1: REPO001" in result.stdout  # the whole repository was named
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "infra/prod.tfvars"])
    assert result.exit_code == 0, result.stdout  # a valid tfvars file: nothing to report
    (repository / "infra" / "prod.tfvars").write_text('environment_suffix = \n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "infra/prod.tfvars"])
    assert result.exit_code == 2 and "infra/prod.tfvars:1:" in result.stdout


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="pre-commit is not installed (.ci/run installs it and runs this test)",
)
def test_pre_commit_try_repo_from_a_fresh_cache(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    shutil.rmtree(repository / ".git")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        subprocess.run(["git", *args], cwd=repository, check=True, env=env, capture_output=True)

    def try_repo(hook: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
            cwd=repository, env=env, capture_output=True, text=True, timeout=900, check=False,
        )

    check = try_repo("tffix")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "infra/main.tf:2:10: AWS002" in check.stdout
    assert "REPO001" not in check.stdout and "ModuleNotFoundError" not in check.stdout
    assert "1 finding in 2 files" in check.stdout  # main.tf and prod.tfvars
    fix = try_repo("tffix-fix")
    assert fix.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in fix.stdout
    assert (repository / "infra" / "main.tf").read_text() == SG.replace("sg-web", "web-sg")
