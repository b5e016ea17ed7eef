"""What the command line walks, and how it ends: ruff's conventions.

Symlinked folders are followed (named or met in a walk, each real folder once, loops
skipped); a path with no Terraform file is a warning, and a run that checked nothing says
so; every subcommand turns an unexpected exception into one line and exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import main

SG = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", *args] if args[0] not in ("rules", "explain") else list(args))
    return result.exit_code, result.stdout, result.stderr


def _seed(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "main.tf").write_text(SG, encoding="utf-8")
    return folder


def test_symlinked_module_inside_a_walk_is_followed_once(tmp_path: Path) -> None:
    real = _seed(tmp_path / "store" / "web")
    examples = tmp_path / "examples"
    examples.mkdir()
    os.symlink(real, examples / "web")  # the bundled example's shape: examples/ecs-fargate -> ../corpus/...
    code, out, err = _cli(str(examples))
    assert code == 1, err
    assert f"{examples / 'web' / 'main.tf'}:2:" in out
    code, out, _ = _cli(str(tmp_path))  # reached twice (real folder, link): reported once
    assert code == 1 and out.count("AWS002 ") == 1


def test_symlink_loop_is_skipped(tmp_path: Path) -> None:
    module = _seed(tmp_path / "m")
    os.symlink(tmp_path, module / "up")  # m/up -> .. : a loop
    os.symlink(module / "up", module / "again")
    code, out, err = _cli(str(tmp_path))
    assert code == 1, err
    assert out.count("AWS002 ") == 1


def test_symlinked_folder_named_on_the_command_line(tmp_path: Path) -> None:
    real = _seed(tmp_path / "real")
    os.symlink(real, tmp_path / "link")
    code, out, _ = _cli(str(tmp_path / "link"))
    assert code == 1 and f"{tmp_path / 'link' / 'main.tf'}:2:" in out


def test_path_without_terraform_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").write_text("# x\n")
    code, out, err = _cli(str(tmp_path / "empty"), str(tmp_path / "docs"))
    assert code == 0 and out == ""
    assert err.splitlines() == [
        f"warning: {tmp_path / 'empty'}: no Terraform file (*.tf) found",
        f"warning: {tmp_path / 'docs'}: no Terraform file (*.tf) found",
        "warning: no Terraform files found under the given paths; nothing was checked",
    ]
    module = _seed(tmp_path / "mod")
    code, out, err = _cli(str(tmp_path / "empty"), str(module))
    assert code == 1 and "AWS002" in out
    assert f"warning: {tmp_path / 'empty'}: no Terraform file (*.tf) found" in err.splitlines()
    assert err.splitlines()[-1] == "1 finding in 1 file"


def test_missing_path_and_unknown_rule_exit_2() -> None:
    assert _cli("/nonexistent/tffix/path")[0] == 2
    code, out, err = _cli("explain", "AWS999")
    assert code == 2 and out == "" and err.startswith("error: no rule 'AWS999'")


def test_explain_an_unknown_code_suggests_the_nearest_like_select_does() -> None:
    from fixer.arguments import did_you_mean, known_codes

    code, out, err = _cli("explain", "tfx01")
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == "error: no rule 'tfx01'; did you mean 'TFX001'? `tffix rules` lists them"
    code, _out, err = _cli("explain", "AWS999")
    # the same helper, the same answer as an unknown code given to --select
    assert code == 2 and did_you_mean("AWS999", known_codes()) in err and "did you mean 'AWS" in err
    code, _out, err = _cli("explain", "XYZ")  # nothing close: no suggestion
    assert code == 2 and err.splitlines()[0] == "error: no rule 'XYZ'; `tffix rules` lists them"


@pytest.mark.parametrize("command", [["rules"], ["explain", "AWS001"]])
def test_internal_error_in_any_subcommand_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    import fixer.rules

    def broken(*_: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(fixer.rules, "all_rules", broken)
    monkeypatch.setattr(fixer.rules, "rule_by_code", broken)
    monkeypatch.setattr("sys.argv", ["tffix", *command])
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: internal error: RuntimeError: boom (run with --debug or TFFIX_DEBUG=1 for the traceback)"
    ]
    monkeypatch.setenv("TFFIX_DEBUG", "1")
    assert isinstance(CliRunner().invoke(main, command).exception, RuntimeError)
