"""Unknown rule codes and options, strings where lists go, bad NAME=VALUE: errors, everywhere.

The command line, the configuration file and the Python API share one validation
(fixer.arguments): each mistake exits 2 (or raises) with one line naming the key and what
is allowed, never a run with every rule, or none, silently turned off.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import fixer
from fixer.arguments import OptionError
from fixer.cli import main

SG = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'
LONG_TG = 'resource "aws_lb_target_group" "t" {\n  name = "a-target-group-name-that-is-far-too-long"\n}\n'


def _module(tmp_path: Path, text: str = SG + LONG_TG) -> Path:
    module = tmp_path / "mod"
    module.mkdir()
    (module / "main.tf").write_text(text, encoding="utf-8")
    return module


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "FOO"], "error: --select: unknown rule code 'FOO'"),
        (["--ignore", "AWS999"], "error: --ignore: unknown rule code 'AWS999'"),
        (["--select", "AWS0002"], "did you mean 'AWS002'?"),
        (["--ignore", ""], "error: --ignore: empty rule code"),
        (["--var", "=x"], "error: --var: expected NAME=VALUE, got '=x': an empty name"),
        (["--var", "novalue"], "error: --var: expected NAME=VALUE, got 'novalue'"),
    ],
)
def test_bad_flags_exit_2_with_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    module = _module(tmp_path)
    code, out, err = _cli("--isolated", *args, str(module))
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("error: ") and expected in line
    if "unknown rule code" in expected:
        assert "allowed: AWS001" in line and "or a prefix of one (AWS, REPO, TFX)" in line


def test_prefix_and_comma_selection_as_in_ruff(tmp_path: Path) -> None:
    module = _module(tmp_path)
    code, out, _ = _cli("--isolated", "--select", "AWS", str(module))
    assert code == 1 and "AWS001" in out and "AWS002" in out
    code, out, _ = _cli("--isolated", "--select", "aws00", "--ignore", "AWS001", str(module))
    assert code == 1 and "AWS001" not in out and "AWS002" in out
    code, out, _ = _cli("--isolated", "--select", "AWS001,AWS002", "--ignore", "AWS002", str(module))
    assert code == 1 and "AWS001" in out and "AWS002" not in out


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (".tffix.toml", 'select = ["NOPE"]\n', "`select`: unknown rule code 'NOPE'"),
        (".tffix.toml", 'ignore = ["AWS999"]\n', "`ignore`: unknown rule code 'AWS999'"),
        (".tffix.toml", 'select = "AWS002"\n', "`select`: expected a list of rule codes, got the string 'AWS002' (write ['AWS002'])"),
        (".tffix.toml", 'exclude = "legacy"\n', "`exclude` must be a list of strings, got 'legacy' (write ['legacy'])"),
        (".tffix.toml", '[rules.AWS999]\nx = 1\n', "rules.AWS999: no rule 'AWS999'"),
        (".tffix.toml", '[rules.AWS001]\nassumed-input-lenght = 3\n',
         "rules.AWS001.assumed-input-lenght: AWS001 has no option 'assumed-input-lenght'; did you mean 'assumed-input-length'?"),
        (".tffix.toml", '[rules.AWS001]\nassumed-input-length = "3"\n', "rules.AWS001.assumed-input-length: expected an integer, got '3'"),
        (".tffix.toml", '[rules.AWS001]\nassumed-input-length = true\n', "expected an integer, got True"),
        (".tffix.toml", 'selct = ["AWS"]\n', "unknown key 'selct'; did you mean 'select'?"),
        ("pyproject.toml", '[tool.tffix]\nselect = ["NOPE"]\n', "`tool.tffix.select`: unknown rule code 'NOPE'"),
        ("pyproject.toml", '[tool.tffix.rules.AWS999]\nx = 1\n', "tool.tffix.rules.AWS999: no rule"),
    ],
)
def test_bad_configuration_exits_2_naming_the_key(tmp_path: Path, name: str, content: str, expected: str) -> None:
    module = _module(tmp_path)
    (tmp_path / name).write_text(content, encoding="utf-8")
    code, out, err = _cli(str(module))
    assert code == 2 and out == ""
    [line] = err.splitlines()
    assert line.startswith(f"error: {tmp_path / name}: ") and expected in line
    with pytest.raises(fixer.ConfigError, match="^" + str(tmp_path / name)):
        fixer.check_paths([module])


def test_known_option_of_the_right_type_is_accepted(tmp_path: Path) -> None:
    module = _module(tmp_path)
    (tmp_path / ".tffix.toml").write_text('[rules.AWS001]\nassumed-input-length = 3\n', encoding="utf-8")
    code, _, err = _cli(str(module))
    assert code == 1, err


@pytest.mark.parametrize("function", ["check_paths", "fix_paths"])
def test_api_refuses_strings_where_lists_go(tmp_path: Path, function: str) -> None:
    module = _module(tmp_path)
    call = getattr(fixer, function)
    with pytest.raises(OptionError, match="select: expected a list of rule codes, got the string 'AWS006'"):
        call([module], select="AWS006", config=False)
    with pytest.raises(OptionError, match="ignore: expected a list of rule codes, got the string 'AWS006'"):
        call([module], ignore="AWS006", config=False)  # once meant: skip every rule with A, W, S, 0 or 6
    with pytest.raises(TypeError, match="paths: expected a list of paths"):
        call(str(module), config=False)
    with pytest.raises(TypeError, match="var_files: expected a list of paths"):
        call([module], var_files="prod.tfvars", config=False)
    with pytest.raises(OptionError, match="variables: expected a list of NAME=VALUE strings"):
        call([module], variables="a=b", config=False)
    with pytest.raises(OptionError, match="variables: expected NAME=VALUE, got '=x'"):
        call([module], variables=["=x"], config=False)
    with pytest.raises(OptionError, match="unknown rule code 'AWS999'"):
        call([module], ignore=["AWS999"], config=False)
    with pytest.raises(OptionError, match=r"options.AWS001.nope: AWS001 has no option 'nope'"):
        call([module], options={"AWS001": {"nope": 1}}, config=False)
    ignored = call([module], ignore=["AWS006"], config=False)
    assert {f.rule for r in ignored for f in r.findings} == {"AWS001", "AWS002"}


def test_fix_source_validates_too() -> None:
    with pytest.raises(OptionError, match="ignore: expected a list of rule codes"):
        fixer.fix_source(SG, ignore="AWS006")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="select: unknown rule code 'AWS9'"):
        fixer.fix_source(SG, select=["AWS9"])
    assert [f.rule for f in fixer.fix_source(SG, select=["aws002"]).findings] == ["AWS002"]
