"""The ruff / tflint conventions users reach for, each checked against what it must change.

--color / NO_COLOR / FORCE_COLOR, `-` with --stdin-filename (and --fix printing the fixed text),
--output-file, --quiet / --verbose, --statistics, --show-settings, --fail-level,
--force-exclude, paths shown relative to the working directory, the check options in the
top-level --help, and the progress display (terminal only).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import fixer
from fixer.cli import main
from fixer.terminal import ModuleProgress, use_color

SG = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'
FIXED = 'resource "aws_security_group" "web" {\n  name = "web-sg"\n}\n'
# AWS006 is a warning: a fixed name while the module's other names carry the suffix
WARNING_ONLY = """variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "a" {
  name = "orders-${var.environment_suffix}"
}

resource "aws_sqs_queue" "b" {
  name = "billing-${var.environment_suffix}"
}

resource "aws_sqs_queue" "c" {
  name = "audit"
}
"""
ESC = "\x1b["


def _cli(*args: str, env: dict[str, str] | None = None, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def module(tmp_path: Path) -> Path:
    folder = tmp_path / "mod"
    folder.mkdir()
    (folder / "main.tf").write_text(SG, encoding="utf-8")
    return folder


# ---- colour -----------------------------------------------------------------------------------

def test_use_color_rules() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_color("auto", Tty(), {}) is True
    assert use_color("auto", io.StringIO(), {}) is False
    assert use_color("auto", Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", io.StringIO(), {"FORCE_COLOR": "1"}) is True
    assert use_color("auto", Tty(), {"NO_COLOR": ""}) is True  # an empty NO_COLOR does not count
    assert use_color("never", Tty(), {"FORCE_COLOR": "1"}) is False
    assert use_color("always", io.StringIO(), {"NO_COLOR": "1"}) is True


def test_color_flag_and_environment(module: Path) -> None:
    base = ["--isolated", "--no-cache"]
    assert ESC not in _cli(*base, str(module))[1]  # not a terminal: plain
    assert ESC in _cli(*base, "--color", "always", str(module))[1]
    assert ESC in _cli(*base, str(module), env={"FORCE_COLOR": "1"})[1]
    assert ESC not in _cli(*base, str(module), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})[1]
    assert ESC not in _cli(*base, "--color", "never", str(module), env={"FORCE_COLOR": "1"})[1]
    code, diff, _ = _cli(*base, "--diff", "--color", "always", str(module))
    assert code == 1
    assert f"{ESC}31m-  name = \"sg-web\"" in diff and f"{ESC}32m+  name = \"web-sg\"" in diff
    assert ESC not in _cli(*base, "--diff", str(module))[1]


# ---- standard input ---------------------------------------------------------------------------

def test_stdin_check_fix_and_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    crlf = SG.replace("\n", "\r\n")
    code, out, err = _cli("--isolated", "-", "--stdin-filename", "lib/main.tf", input=SG)
    assert code == 1 and out.startswith("lib/main.tf:2:10: AWS002 ")
    result = CliRunner().invoke(main, ["--isolated", "--fix", "-", "--stdin-filename", "lib/main.tf"], input=crlf.encode())
    assert result.exit_code == 0  # nothing left
    assert result.stdout_bytes == FIXED.replace("\n", "\r\n").encode()  # the fixed text, its bytes kept
    assert "fixed AWS002" in result.stderr
    code, out, _ = _cli("--isolated", "--diff", "-", input=SG)
    assert code == 1 and "+  name = \"web-sg\"" in out
    code, out, err = _cli("--isolated", "--fix", "-", input="resource {\n")
    assert code == 2 and out == "resource {\n" and err.startswith("error: -:1:")
    assert not (tmp_path / "lib").exists()  # nothing written


def test_stdin_uses_the_configuration_of_the_filename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    (tmp_path / ".tffix.toml").write_text('ignore = ["AWS002"]\nexclude = ["gen"]\n', encoding="utf-8")
    assert _cli("-", "--stdin-filename", "lib/main.tf", input=SG)[0] == 0
    assert _cli("--isolated", "-", "--stdin-filename", "lib/main.tf", input=SG)[0] == 1
    (tmp_path / ".tffix.toml").write_text('exclude = ["gen"]\n', encoding="utf-8")
    code, out, _ = _cli("--fix", "--force-exclude", "-", "--stdin-filename", "gen/x.tf", input=SG)
    assert code == 0 and out == SG  # excluded: passed through unchanged
    assert _cli("-", "--stdin-filename", "gen/x.tf", input=SG)[0] == 1


# ---- outputs ----------------------------------------------------------------------------------

def test_output_file(module: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.sarif"
    code, out, _ = _cli("--isolated", "--no-cache", "--format", "sarif", "-o", str(report), str(module))
    assert code == 1 and out == ""
    assert '"ruleId": "AWS002"' in report.read_text(encoding="utf-8")
    text = tmp_path / "report.txt"
    code, out, err = _cli("--isolated", "--no-cache", "--output-file", str(text), str(module))
    assert code == 1 and out == "" and "AWS002" in text.read_text() and err.strip() == "1 finding in 1 file"


def test_quiet_and_verbose(module: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = _cli("--isolated", "--no-cache", "-q", str(module), str(tmp_path / "empty"))
    assert code == 1 and "AWS002" in out and err == ""
    code, out, err = _cli("--isolated", "--no-cache", "-v", str(module))
    assert code == 1 and f"{module}: configuration none (defaults)" in err
    assert "checked 1 module in " in err


def test_statistics(module: Path) -> None:
    (module / "queues.tf").write_text(WARNING_ONLY + SG.replace('"web"', '"db"').replace("sg-web", "sg-db-${var.environment_suffix}"))
    code, out, _ = _cli("--isolated", "--no-cache", "--statistics", str(module))
    assert code == 1
    assert out.splitlines() == [
        "    2  AWS002   [*]  reserved-name-prefix",
        "    2  AWS006        name-without-environment-suffix",  # audit, and the web group
    ]
    code, out, _ = _cli("--isolated", "--no-cache", "--statistics", "--write", str(module))
    assert out.splitlines() == ["    2  AWS006        name-without-environment-suffix"]


def test_show_settings(module: Path, tmp_path: Path) -> None:
    (tmp_path / ".tffix.toml").write_text('ignore = ["AWS006"]\nexclude = ["*.gen.tf"]\n', encoding="utf-8")
    code, out, _ = _cli("--show-settings", "--select", "AWS", str(module))
    assert code == 0
    lines = out.splitlines()
    assert lines[:4] == [
        f"path: {module}", f"config file: {tmp_path / '.tffix.toml'}",
        'select = ["AWS"]  # command line', 'ignore = ["AWS006"]  # config',
    ]
    from fixer.rules import select_rules

    expected = [r.code for r in select_rules(["AWS"], ["AWS006"])]
    assert expected[:5] == ["AWS001", "AWS002", "AWS003", "AWS004", "AWS005"]
    assert f"rules that run: {', '.join(expected)}" in lines
    (module / "x.gen.tf").write_text(SG)
    assert "excluded: yes" in _cli("--show-settings", str(module / "x.gen.tf"))[1]


def test_fail_level(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(WARNING_ONLY, encoding="utf-8")
    code, out, err = _cli("--isolated", "--no-cache", str(tmp_path))
    assert code == 1 and "AWS006" in out
    code, out, err = _cli("--isolated", "--no-cache", "--fail-level", "error", str(tmp_path))
    assert code == 0 and "AWS006" in out and "(0 at --fail-level error)" in err
    (tmp_path / "sg.tf").write_text(SG, encoding="utf-8")
    assert _cli("--isolated", "--no-cache", "--fail-level", "error", str(tmp_path))[0] == 1


def test_force_exclude(module: Path, tmp_path: Path) -> None:
    (tmp_path / ".tffix.toml").write_text('exclude = ["main.tf"]\n', encoding="utf-8")
    assert _cli("--no-cache", str(module / "main.tf"))[0] == 1  # named: checked, as ruff
    code, _, err = _cli("--no-cache", "--force-exclude", str(module / "main.tf"))
    assert code == 0 and "nothing was checked" in err
    assert fixer.check_paths([module / "main.tf"], force_exclude=True) == []


def test_paths_relative_to_the_working_directory(module: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _cli("--isolated", "--no-cache", str(module))
    assert code == 1 and out.startswith(f"mod{os.sep}main.tf:2:10: AWS002")
    code, out, _ = _cli("--isolated", "--no-cache", "--diff", str(module))
    assert "+++ b/mod/main.tf" in out
    monkeypatch.chdir(module / "..")
    other = tmp_path.parent / "elsewhere"
    other.mkdir(exist_ok=True)
    (other / "main.tf").write_text(SG)
    assert _cli("--isolated", "--no-cache", str(other))[1].startswith(f"{other / 'main.tf'}:2:")  # not below: as given


def test_top_level_help_lists_the_check_options() -> None:
    code, out, _ = _cli("--help")
    assert code == 0
    section = out.split("Check options")[1]
    for flag in ("--select", "--ignore", "--diff", "--write, --fix", "--format", "--color", "--statistics",
                 "--fail-level", "--stdin-filename", "--output-file", "--force-exclude", "--show-settings"):
        assert flag in section, flag


# ---- progress -----------------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_after_the_delay(tmp_path: Path) -> None:
    for i in range(3):
        _seed = tmp_path / f"m{i}"
        _seed.mkdir()
        (_seed / "main.tf").write_text(SG)
    calls: list[tuple[int, int, int]] = []
    fixer.check_paths([tmp_path], config=False, progress=lambda *a: calls.append(a))
    assert calls == [(1, 3, 1), (2, 3, 2), (3, 3, 3)]
    screen = _Terminal()
    bar = ModuleProgress(screen, delay=0)
    fixer.check_paths([tmp_path], config=False, progress=bar)
    bar.close()
    assert "checking modules" in screen.getvalue() and "2/3" in screen.getvalue()
    assert "files/s" in screen.getvalue()
    quiet = _Terminal()
    fixer.check_paths([tmp_path], config=False, progress=ModuleProgress(quiet))  # under the delay: nothing
    assert quiet.getvalue() == ""
    piped = io.StringIO()
    bar = ModuleProgress(piped, delay=0)
    fixer.check_paths([tmp_path], config=False, progress=bar)
    assert piped.getvalue() == ""  # never in a pipe


def test_no_progress_in_pipes_or_machine_formats(module: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fixer.terminal.PROGRESS_DELAY", 0)
    code, out, err = _cli("--isolated", "--no-cache", "--format", "json", str(module))
    assert "checking modules" not in out + err
