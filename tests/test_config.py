"""Configuration: discovery by walking up, keys, per-rule options, and flags overriding the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_fix_loop import UnsafeRename, UppercaseValue

import fixer
from fixer.cli import main
from fixer.config import ConfigError, config_for, find_config, load_config
from fixer.findings import Applicability
from fixer.rules import registry
from fixer.rules.base import Rule, RuleContext
from fixer.syntax.edits import set_attribute_value


class NameLimit(Rule):
    """Toy: a `name` longer than the `limit` option (default 5) is cut to it."""

    code = "TST008"
    name = "toy-name-limit"
    option_types = {"limit": int}

    def check(self, ctx: RuleContext):
        limit = int(ctx.options.get("limit", 5))
        for f in ctx.module.files:
            attribute = f.tree.body.get_attribute("name")
            if attribute is None:
                continue
            value = ctx.evaluator.evaluate(attribute.value)
            if isinstance(value, str) and len(value) > limit:
                edit = set_attribute_value(attribute, json.dumps(value[:limit]))
                yield self.finding(f, attribute, f"{value!r} is longer than {limit}",
                                   fix=self.fix("Cut it", Applicability.SAFE, (f.path, edit)))


@pytest.fixture(autouse=True)
def toy_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", [UppercaseValue, UnsafeRename, NameLimit])


def _tree(tmp_path: Path, config_name: str | None, config: str, tf: str, sub: str = "mod") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    if config_name:
        (tmp_path / config_name).write_text(config, encoding="utf-8")
    module = tmp_path / sub
    module.mkdir(parents=True)
    (module / "main.tf").write_text(tf, encoding="utf-8")
    return module


def _rules(results) -> list[str]:
    return [f.rule for r in results for f in r.findings]


def test_pyproject_tool_table_found_by_walking_up(tmp_path: Path) -> None:
    module = _tree(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.tffix]\nselect = ["TST001"]\n',
                   'a = "x"\nname = "TOOLONG"\n', sub="deep/er/mod")
    assert find_config(module) == (tmp_path / "pyproject.toml").resolve()
    assert _rules(fixer.check_paths([str(module)])) == ["TST001"]
    assert sorted(_rules(fixer.check_paths([str(module)], config=False))) == ["TST001", "TST008"]


def test_pyproject_without_tool_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".tffix.toml").write_text('ignore = ["TST001"]\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    module = _tree(inner, "pyproject.toml", '[project]\nname = "x"\n', 'a = "x"\nname = "TOOLONG"\n')
    assert find_config(module) == (tmp_path / ".tffix.toml").resolve()
    assert _rules(fixer.check_paths([str(module)])) == ["TST008"]


def test_tffix_toml_wins_over_pyproject_in_one_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.tffix]\nselect = ["TST001"]\n', encoding="utf-8")
    (tmp_path / ".tffix.toml").write_text('select = ["TST008"]\n', encoding="utf-8")
    module = _tree(tmp_path, None, "", 'a = "x"\nname = "TOOLONG"\n')
    assert _rules(fixer.check_paths([str(module)])) == ["TST008"]


def test_rule_options_reach_the_rule(tmp_path: Path) -> None:
    module = _tree(tmp_path, ".tffix.toml", '[rules.TST008]\nlimit = 10\n', 'name = "TOOLONG"\nother = "12345678901"\n')
    assert _rules(fixer.check_paths([str(module)], select=["TST008"])) == []
    (module / "main.tf").write_text('name = "longer-than-ten"\n', encoding="utf-8")
    [result] = fixer.fix_paths([str(module)], select=["TST008"])
    assert result.fixed == 'name = "longer-tha"\n'
    # API options override the file's, key by key.
    [result] = fixer.fix_paths([str(module)], select=["TST008"], options={"TST008": {"limit": 3}})
    assert result.fixed == 'name = "lon"\n'


def test_vars_var_files_and_their_precedence(tmp_path: Path) -> None:
    (tmp_path / "prod.tfvars").write_text('n = "from-var-file"\n', encoding="utf-8")
    module = _tree(tmp_path, ".tffix.toml", 'select = ["TST008"]\nvar-files = ["prod.tfvars"]\n',
                   'variable "n" {}\nname = var.n\n')
    [result] = fixer.check_paths([str(module)])
    assert "'from-var-file' is longer" in result.findings[0].message
    (tmp_path / ".tffix.toml").write_text(
        'select = ["TST008"]\nvar-files = ["prod.tfvars"]\nvars = { n = "from-vars" }\n', encoding="utf-8")
    [result] = fixer.check_paths([str(module)])
    assert "'from-vars' is longer" in result.findings[0].message
    [result] = fixer.check_paths([str(module)], variables=["n=from-flag"])
    assert "'from-flag' is longer" in result.findings[0].message
    [result] = fixer.check_paths([str(module)], variables={"n": "ok"})
    assert result.findings == []


def test_exclude_skips_walked_files_but_not_named_ones(tmp_path: Path) -> None:
    module = _tree(tmp_path, ".tffix.toml", 'exclude = ["mod/generated_*.tf", "legacy"]\n', 'a = "x"\n')
    (module / "generated_x.tf").write_text('b = "y"\n', encoding="utf-8")
    legacy = tmp_path / "legacy" / "old"
    legacy.mkdir(parents=True)
    (legacy / "main.tf").write_text('c = "z"\n', encoding="utf-8")
    paths = sorted(Path(r.path).name for r in fixer.check_paths([str(tmp_path)], select=["TST001"]))
    assert paths == ["main.tf"]
    named = fixer.check_paths([str(module / "generated_x.tf")], select=["TST001"])
    assert [Path(r.path).name for r in named] == ["generated_x.tf"]


def test_bad_config_is_a_clear_exception(tmp_path: Path) -> None:
    module = _tree(tmp_path, ".tffix.toml", 'selekt = ["X"]\n', 'a = "x"\n')
    with pytest.raises(ConfigError, match=r"\.tffix\.toml: unknown key 'selekt'"):
        fixer.check_paths([str(module)])
    (tmp_path / ".tffix.toml").write_text('unsafe-fixes = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unsafe-fixes"):
        load_config(tmp_path / ".tffix.toml")
    (tmp_path / ".tffix.toml").write_text('select = [\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config_for(module)


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    module = _tree(tmp_path, None, "", 'a = "x"\n')
    settings = config_for(module)
    if settings.path is None:  # nothing above tmp_path has a config
        assert settings.select is None and settings.rules == {}


# ---- the command line: flags override the file -------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_select_flag_overrides_config(tmp_path: Path) -> None:
    module = _tree(tmp_path, ".tffix.toml", 'select = ["TST001"]\n', 'a = "x"\nname = "TOOLONG"\n')
    code, out, _ = _cli(str(module))
    assert code == 1 and "TST001" in out and "TST008" not in out
    code, out, _ = _cli("--select", "TST008", str(module))
    assert "TST008" in out and "TST001" not in out
    code, out, _ = _cli("--isolated", str(module))
    assert "TST008" in out and "TST001" in out


def test_cli_unsafe_fixes_from_config_and_no_unsafe_flag(tmp_path: Path) -> None:
    module = _tree(tmp_path, ".tffix.toml", 'select = ["TST005"]\nunsafe-fixes = true\n', "old = 1\n")
    code, _, _ = _cli("--no-unsafe-fixes", "--write", str(module))
    assert (module / "main.tf").read_text() == "old = 1\n"
    code, out, _ = _cli("--write", str(module))
    assert (module / "main.tf").read_text() == "new = 1\n", out


def test_cli_explicit_config_file_and_bad_config_exit_2(tmp_path: Path) -> None:
    module = _tree(tmp_path, None, "", 'a = "x"\nname = "TOOLONG"\n')
    other = tmp_path / "ci.toml"
    other.write_text('[tool.tffix]\nselect = ["TST008"]\n', encoding="utf-8")
    other_tffix = tmp_path / "strict.tffix.toml"
    other_tffix.write_text('select = ["TST008"]\n', encoding="utf-8")
    code, out, _ = _cli("--config", str(other_tffix), str(module))
    assert "TST008" in out and "TST001" not in out
    (tmp_path / ".tffix.toml").write_text("nonsense = 1\n", encoding="utf-8")
    code, _, err = _cli(str(module))
    assert code == 2 and "unknown key 'nonsense'" in err
