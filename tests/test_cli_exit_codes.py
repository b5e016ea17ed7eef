"""The check command's exit codes: 0 nothing left, 1 findings left, 2 errors; --exit-zero."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from fixer.cli import main

SG = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'
CLEAN = 'resource "aws_security_group" "web" {\n  name = "web-sg"\n}\n'


def _run(*args: str) -> int:
    return CliRunner().invoke(main, ["--isolated", *args]).exit_code


def test_exit_codes(tmp_path: Path) -> None:
    bad, good, broken = tmp_path / "bad", tmp_path / "good", tmp_path / "broken"
    for folder, text in ((bad, SG), (good, CLEAN), (broken, "resource {\n")):
        folder.mkdir()
        (folder / "main.tf").write_text(text)
    assert _run(str(good)) == 0
    assert _run(str(bad)) == 1
    assert _run("--exit-zero", str(bad)) == 0
    assert _run("--diff", "--exit-zero", str(bad)) == 0
    assert _run("--exit-zero", str(broken)) == 2  # an error is never hidden
    assert (bad / "main.tf").read_text() == SG  # nothing of this wrote a file
