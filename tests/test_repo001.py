"""REPO001 beyond the fixture cases: the import scanner, repository discovery, and how
findings on a Python file reach the API and the CLI (once per run, never fixed)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import fixer
from fixer.cli import main
from fixer.discovery import discover_modules, repository_files, repository_root
from fixer.fixes import fix_module
from fixer.rules import rule_by_code, select_rules
from fixer.rules.repo001_cdk_tests_without_cdk_app import cdk_imports

TF = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'
CDK_TEST = textwrap.dedent(
    '''\
    """Legacy CDK test."""
    import unittest

    import aws_cdk as cdk
    from aws_cdk.assertions import Template


    class TestTapStack(unittest.TestCase):
        def test_stack_has_vpc_resources(self):
            Template.from_stack(cdk.Stack(cdk.App(), "S")).resource_count_is("AWS::EC2::VPC", 1)
    '''
)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import aws_cdk\n", [("aws_cdk", 1, 1)]),
        ("import aws_cdk as cdk\n", [("aws_cdk", 1, 1)]),
        ("import aws_cdk.assertions\n", [("aws_cdk.assertions", 1, 1)]),
        ("from aws_cdk import App, Stack\n", [("aws_cdk", 1, 1)]),
        ("from aws_cdk.assertions import (\n    Template,\n)\n", [("aws_cdk.assertions", 1, 1)]),
        ("import os, aws_cdk.aws_ec2 as ec2\n", [("aws_cdk.aws_ec2", 1, 1)]),
        ("try:\n    import aws_cdk\nexcept ImportError:\n    pass\n", [("aws_cdk", 2, 5)]),
        ("try: import aws_cdk\nexcept ImportError: pass\n", [("aws_cdk", 1, 6)]),
        ("import os; from aws_cdk import App\n", [("aws_cdk", 1, 12)]),
        ("def f(x: int):\n    from aws_cdk import App\n", [("aws_cdk", 2, 5)]),
        ("import aws_cdk\r\nfrom aws_cdk import App\r\n", [("aws_cdk", 1, 1), ("aws_cdk", 2, 1)]),
        # Not imports of the AWS CDK:
        ("# import aws_cdk\n", []),
        ('"""\nimport aws_cdk\n"""\n', []),
        ("x = 'from aws_cdk import App'\n", []),
        ("import aws_cdk_lib\nimport aws_cdk2\n", []),
        ("from .aws_cdk import App\nfrom ..aws_cdk.x import y\nfrom . import aws_cdk\n", []),
        ("from cdktf import App, TerraformStack\n", []),
        ("raise ValueError() from aws_cdk\n", []),
        ("importlib.import_module('aws_cdk')\n", []),
        ("import boto3\n", []),
        ("", []),
    ],
)
def test_cdk_imports(source: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(i.module, i.line, i.column) for i in cdk_imports(source)] == expected


def test_cdk_imports_stop_quietly_at_a_tokenizer_error() -> None:
    # The import before the unterminated string is real; nothing after it can be read.
    assert [i.line for i in cdk_imports("import aws_cdk\nx = '''\nimport aws_cdk\n")] == [1]
    assert [i.line for i in cdk_imports("if x:\n    import aws_cdk\n  import aws_cdk\n")] == [2]


def test_finding_span_and_offsets_on_a_crlf_file(tmp_path: Path) -> None:
    text = "import os\r\n\r\nfrom aws_cdk import App  # legacy\r\n"
    test = tmp_path / "tests" / "test_x.py"
    _write(tmp_path, {"tests/test_x.py": text})
    result = fix_module({"main.tf": TF}, select_rules(["REPO001"]), extra_files=[str(test)])
    [finding] = result.findings
    assert (finding.path, finding.line, finding.column) == (str(test), 3, 1)
    assert text[finding.start:finding.end] == "from aws_cdk"
    assert (finding.end_line, finding.end_column) == (3, 13)
    assert finding.fix is None and finding.severity.value == "warning"


def test_odd_extra_files_never_raise(tmp_path: Path) -> None:
    _write(tmp_path, {"tests/test_latin1.py": ""})
    (tmp_path / "tests" / "test_latin1.py").write_bytes(b"import aws_cdk\nx = '\xe9'\n")  # not UTF-8
    (tmp_path / "tests" / "test_nul.py").write_bytes(b"\x00\x01import aws_cdk")
    (tmp_path / "tests" / "test_dir.py").mkdir()
    os.symlink(tmp_path / "missing.py", tmp_path / "tests" / "test_dangling.py")
    extra = [str(p) for p in sorted((tmp_path / "tests").iterdir())] + [str(tmp_path / "nowhere" / "test_x.py")]
    result = fix_module({"main.tf": TF}, select_rules(["REPO001"]), extra_files=extra)
    assert result.problems == []
    assert result.findings == []


def test_a_coding_cookie_is_honoured(tmp_path: Path) -> None:
    test = tmp_path / "test_latin.py"
    test.write_bytes(b"# -*- coding: latin-1 -*-\nx = '\xe9'; import aws_cdk\n")
    result = fix_module({"main.tf": TF}, select_rules(["REPO001"]), extra_files=[str(test)])
    assert [(f.line, f.column) for f in result.findings] == [(2, 10)]


# ---- the repository around a module -------------------------------------------------------


def _seed_repo(root: Path, *, git: bool = True) -> None:
    files = {
        "lib/alb.tf": TF,
        "lib/networking.tf": TF.replace("main", "other"),
        "tests/__init__.py": "",
        "tests/unit/test_tap_stack.py": CDK_TEST,
        "tests/unit/test_vpc_stack.py": "from aws_cdk import App\n",
        "tests/integration/test_outputs.py": "import boto3\n",
        "scripts/synth.py": "import aws_cdk\n",  # not a test
    }
    _write(root, files)
    if git:
        (root / ".git").mkdir()


def test_repository_root_is_the_nearest_git_directory(tmp_path: Path) -> None:
    _seed_repo(tmp_path)
    assert repository_root(tmp_path / "lib", tmp_path / "lib") == tmp_path
    (tmp_path / "lib" / ".git").write_text("gitdir: ../.git/worktrees/lib\n")  # a worktree's .git file
    assert repository_root(tmp_path / "lib", tmp_path) == tmp_path / "lib"


def test_without_git_the_command_line_path_is_the_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _seed_repo(repo, git=False)
    if any((p / ".git").exists() for p in [tmp_path, *tmp_path.parents]):
        pytest.skip("the temporary directory is inside a git repository")
    assert repository_root(repo / "lib", repo) == repo
    assert repository_root(repo / "lib", repo / "lib") == repo / "lib"
    assert [m.extra_files for m in discover_modules([str(repo / "lib")])] == [[]]
    [module] = discover_modules([str(repo)])
    assert [p.relative_to(repo).as_posix() for p in module.extra_files] == [
        "tests/__init__.py", "tests/integration/test_outputs.py",
        "tests/unit/test_tap_stack.py", "tests/unit/test_vpc_stack.py",
    ]


def test_repository_files_keep_relative_paths_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed_repo(tmp_path)
    _write(tmp_path, {"cdk/cdk.json": "{}\n", "lib/test_module.py": "", "lib/tests/test_near.py": ""})
    monkeypatch.chdir(tmp_path / "lib")
    found = [p.as_posix() for p in repository_files(Path("."), Path(".."))]
    assert found == [
        "test_module.py", "tests/test_near.py", "../tests/__init__.py", "../tests/integration/test_outputs.py",
        "../tests/unit/test_tap_stack.py", "../tests/unit/test_vpc_stack.py", "../cdk/cdk.json",
    ]


def test_check_paths_reports_the_python_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed_repo(tmp_path)
    _write(tmp_path, {"lib/modules/extra/main.tf": TF})  # a second module that sees the same tests
    monkeypatch.chdir(tmp_path)
    results = fixer.check_paths(["lib"], select=["REPO001"])
    by_path = {r.path: r for r in results}
    assert sorted(by_path) == [
        "lib/alb.tf", "lib/modules/extra/main.tf", "lib/networking.tf",
        "tests/unit/test_tap_stack.py", "tests/unit/test_vpc_stack.py",
    ]
    tap = by_path["tests/unit/test_tap_stack.py"]
    assert [(f.rule, f.line, f.column) for f in tap.findings] == [("REPO001", 4, 1)]
    assert tap.original == tap.fixed == CDK_TEST and not tap.changed and tap.error is None
    assert [(f.line, f.column) for f in by_path["tests/unit/test_vpc_stack.py"].findings] == [(1, 1)]
    assert all(not by_path[p].findings for p in ("lib/alb.tf", "lib/networking.tf", "lib/modules/extra/main.tf"))


def test_a_cdk_app_in_the_repository_silences_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed_repo(tmp_path)
    (tmp_path / "cdk.json").write_text('{"app": "python3 app.py"}\n')
    monkeypatch.chdir(tmp_path)
    assert [f for r in fixer.check_paths(["lib"], select=["REPO001"]) for f in r.findings] == []


def test_cli_reports_and_never_touches_the_tests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests at the repository root, modules below ``lib/``: which module a test meant is not
    known, so the port (REPO001's fix, tests/test_cdk_port.py) is not offered."""
    _seed_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    report = runner.invoke(main, ["--select", "REPO001", "lib"])
    assert report.exit_code == 1, report.output
    assert "tests/unit/test_tap_stack.py:4:1: REPO001 imports `aws_cdk` but the repository has no CDK app" in report.output
    assert "tests/unit/test_vpc_stack.py:1:1: REPO001" in report.output
    assert report.output.count("REPO001 imports") == 2
    assert "no fix available" in report.output
    diff = runner.invoke(main, ["--diff", "--select", "REPO001", "lib"])
    assert "test_tap_stack.py" not in diff.stdout  # a report on stderr, no diff of the test file
    before = (tmp_path / "tests/unit/test_tap_stack.py").read_bytes()
    written = runner.invoke(main, ["--write", "--unsafe-fixes", "--select", "REPO001", "lib"])
    assert written.exit_code == 1
    assert (tmp_path / "tests/unit/test_tap_stack.py").read_bytes() == before


def test_documentation_has_every_section() -> None:
    rule = rule_by_code("REPO001")
    assert rule is not None and rule.fix_availability == "sometimes"
    doc = rule.documentation()
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety", "## References"):
        assert section in doc
    assert "Expected 1 resources of type AWS::EC2::VPC but found 0" in doc
