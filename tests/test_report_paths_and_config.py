"""Reports: ``--diff`` headers quoted as git quotes them, and labels that follow each module's configuration."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reliability import toy_rules  # noqa: F401 - a fixture

from fixer.cli import main
from fixer.report.diff import quote_path

TOO_LONG = 'resource "aws_lb_target_group" "t" {\n  name = "a-very-long-target-group-name-that-is-too-long"\n}\n'


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# ---- --diff headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,header",
    [
        ("plain.tf", "a/plain.tf"),
        ("x\ty.tf", '"a/x\\ty.tf"'),  # a tab would end the name for patch
        ("c\rr.tf", '"a/c\\rr.tf"'),
        ('q"b.tf', '"a/q\\"b.tf"'),
        ("é.tf", '"a/\\303\\251.tf"'),  # core.quotePath, git's default
    ],
    ids=["plain", "tab", "cr", "quote", "non-ascii"],
)
def test_quote_path_is_gits(name: str, header: str) -> None:
    assert quote_path("a/" + name) == header


@pytest.mark.parametrize("name", ["x\ty.tf", "c\rr.tf", "é y.tf"], ids=["tab", "cr", "non-ascii"])
def test_diff_of_a_strange_name_applies_with_git(tmp_path: Path, monkeypatch, toy_rules, name: str) -> None:  # noqa: F811
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    Path(name).write_text('a = "x"\n')
    result = run("--diff", name)
    quoted = quote_path("a/" + name)
    assert result.stdout.startswith(f"--- {quoted}\n+++ {quoted.replace('a/', 'b/', 1)}\n")
    patch = tmp_path / "fix.patch"
    patch.write_text(result.stdout)
    subprocess.run(["git", "init", "-q", "."], check=True)
    subprocess.run(["git", "apply", str(patch)], check=True)
    assert Path(name).read_text() == 'a = "X"\n'


# ---- labels follow each module's configuration -------------------------------------------------


@pytest.fixture
def two_configs(tmp_path: Path, monkeypatch) -> None:
    """``safe/`` runs with the defaults; ``bold/`` has ``unsafe-fixes = true`` in its .tffix.toml."""
    monkeypatch.chdir(tmp_path)
    for name in ("safe", "bold"):
        Path(name).mkdir()
        Path(name, "main.tf").write_text(TOO_LONG)
    Path("bold/.tffix.toml").write_text("unsafe-fixes = true\n")


@pytest.mark.parametrize("order", [("safe", "bold"), ("bold", "safe")], ids=["safe-first", "bold-first"])
def test_json_applied_follows_each_directory(two_configs, order) -> None:
    result = run("--format", "json", *order)
    applied = {f["path"]: f["fix"]["applied"] for f in json.loads(result.stdout)["findings"]}
    assert applied == {"bold/main.tf": True, "safe/main.tf": False}


@pytest.mark.parametrize("order", [("safe", "bold"), ("bold", "safe")], ids=["safe-first", "bold-first"])
def test_text_labels_follow_each_directory(two_configs, order) -> None:
    lines = run(*order).stdout.splitlines()
    label = {lines[i].split(":")[0]: lines[i + 1] for i, line in enumerate(lines) if "AWS001" in line}
    assert label["bold/main.tf"].startswith("  = fix (unsafe, applied by --write)")
    assert label["safe/main.tf"].startswith("  = fix (unsafe, needs --unsafe-fixes)")


def test_the_flag_still_overrides_every_directory(two_configs) -> None:
    result = run("--format", "json", "--no-unsafe-fixes", "bold", "safe")
    assert [f["fix"]["applied"] for f in json.loads(result.stdout)["findings"]] == [False, False]
