"""Errors are one line that names the file at fault, never a traceback; exit 2."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reliability import toy_rules  # noqa: F401 - a fixture

from fixer.cli import main

TOO_LONG = 'resource "aws_lb_target_group" "t" {\n  name = "a-very-long-target-group-name-that-is-too-long"\n}\n'
SHORTENED = 'resource "aws_lb_target_group" "t" {\n  name = "a-very-long-target-group-name-th"\n}\n'


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def shell(cwd: Path, command: str) -> subprocess.CompletedProcess[str]:
    """``tffix`` run by a shell, for redirections a test runner cannot make (``>&-``, ``>/dev/full``)."""
    tffix = f"{shlex.quote(sys.executable)} -m fixer"
    return subprocess.run(
        ["sh", "-c", command.replace("tffix", tffix, 1)], cwd=cwd, capture_output=True, text=True, timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_a_config_file_that_is_not_utf8_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("main.tf").write_text("a = 1\n")
    Path(".tffix.toml").write_bytes(b'select = ["\xff"]\n')
    result = run(".")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / '.tffix.toml'}: line 1, column 12: not UTF-8 text (invalid byte 0xff at offset 11)\n"
    )


def test_a_pyproject_whose_tool_is_not_a_table(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("main.tf").write_text("a = 1\n")
    Path("pyproject.toml").write_text('tool = "x"\n')
    result = run("--config", "pyproject.toml", ".")
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'pyproject.toml'}: `tool` must be a table ([tool.tffix])\n"


def test_a_tfvars_that_is_not_utf8_is_reported_as_itself(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("main.tf").write_text('variable "x" {}\n')
    Path("terraform.tfvars").write_bytes(b'x = "\xff"\n')
    result = run(".")
    assert result.exit_code == 2
    assert result.stdout == (
        "error: terraform.tfvars:1:6: not UTF-8 text (invalid byte 0xff at offset 5); main.tf not checked\n"
    )


def test_closed_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(TOO_LONG)
    done = shell(tmp_path, "tffix --no-cache . >&-")
    assert done.returncode == 2
    assert done.stderr == "error: cannot write the output: standard output is closed\n"


def test_a_full_disk_for_the_report_is_one_line_and_exit_2(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    (tmp_path / "main.tf").write_text(TOO_LONG)
    done = shell(tmp_path, "tffix --no-cache --write --unsafe-fixes . >/dev/full")
    assert done.returncode == 2
    assert done.stderr == "error: cannot write the output: no space left on device\n"
    assert (tmp_path / "main.tf").read_text() == SHORTENED  # the files were written before the report


def test_overlapping_paths_are_one_module(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("d/main.tf").write_text(TOO_LONG)
    result = run("--write", "--unsafe-fixes", "d", str(tmp_path / "d"), "d/main.tf")
    assert result.exit_code == 0, result.output
    assert Path("d/main.tf").read_text() == SHORTENED
    assert result.stdout.count("fixed AWS001") == 1
    assert result.stderr == "0 findings in 1 file\n"


def test_overlapping_paths_report_each_finding_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("d/main.tf").write_text(TOO_LONG)
    result = run("d", str(tmp_path / "d"))
    assert result.exit_code == 1
    assert result.stdout.count("AWS001") == 1 and result.stderr == "1 finding in 1 file\n"
