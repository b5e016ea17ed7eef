"""A fix sees the whole module (issue 13, item 4): a cross-file or removing fix is not applied
when a file it must edit is not written, a part of the module could not be read, a .tf.json
file mentions what it removes, an override file overrides it, or a reference would dangle."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import fixer
from fixer.findings import Applicability, Fix
from fixer.fix_scope import FixScope, is_override
from fixer.fixes import fix_module
from fixer.rules.base import Rule, RuleContext
from fixer.syntax.edits import remove_item

CASE = Path(__file__).resolve().parents[1] / "corpus" / "rules" / "AWS005" / "crlf-count-removed-last" / "before"
REMOVED = "aws_appautoscaling_policy.read_down"


@pytest.fixture
def module(tmp_path: Path) -> Path:
    shutil.copytree(CASE, tmp_path / "m")
    return tmp_path / "m"


def _aws005(paths: list[str]) -> dict[str, fixer.api.FileResult]:
    results = fixer.check_paths(paths, select=["AWS005"], unsafe=True, fix=True, config=False)
    return {Path(r.path).name: r for r in results}


def _refused(result, reason: str) -> None:
    [finding] = [f for f in result.findings if f.rule == "AWS005"]
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert reason in finding.notes[-1], finding.notes
    assert not result.changed


def test_the_whole_directory_applies_the_cross_file_fix(module: Path) -> None:
    results = _aws005([str(module)])
    assert results["main.tf"].changed and results["outputs.tf"].changed


def test_a_file_named_alone_does_not_get_a_fix_that_must_edit_its_sibling(module: Path) -> None:
    results = _aws005([str(module / "main.tf")])
    assert list(results) == ["main.tf"]
    _refused(results["main.tf"], "outputs.tf, which this run does not write")


def test_a_sibling_with_a_syntax_error_blocks_the_removal(module: Path) -> None:
    (module / "broken.tf").write_text('resource "x" {\n', encoding="utf-8")
    results = _aws005([str(module)])
    assert results["broken.tf"].error
    _refused(results["main.tf"], "could not be read")


def test_a_json_file_that_mentions_the_resource_blocks_its_removal(module: Path) -> None:
    (module / "extra.tf.json").write_text(
        '{"output": {"x": {"value": "${%s.arn}"}}}' % REMOVED, encoding="utf-8"
    )
    _refused(_aws005([str(module)])["main.tf"], "extra.tf.json mentions")


def test_an_override_file_that_overrides_the_resource_blocks_its_removal(module: Path) -> None:
    (module / "scaling_override.tf").write_text(
        'resource "aws_appautoscaling_policy" "read_down" {\n  name = "other"\n}\n', encoding="utf-8"
    )
    results = _aws005([str(module)])
    _refused(results["main.tf"], "scaling_override.tf overrides")


def test_override_file_names() -> None:
    assert is_override("override.tf") and is_override("d/x_override.tf") and is_override("a_override.tf.json")
    assert not is_override("overrides.tf") and not is_override("main.tf")


class RemovesWithoutRewriting(Rule):
    """Toy: removes resource "x" "gone" and leaves its references."""

    code = "TST020"
    name = "removes-resources"

    def check(self, ctx: RuleContext):
        for f, block in ctx.module.resources("x"):
            if block.labels[1] == "gone":
                fix = Fix("Remove it", Applicability.SAFE, ((f.path, remove_item(block)),))
                yield self.finding(f, block, "gone", fix=fix)


def test_a_removal_that_would_leave_a_reference_is_not_applied() -> None:
    sources = {"main.tf": 'resource "x" "gone" {\n}\n\noutput "o" {\n  value = x.gone.id\n}\n'}
    result = fix_module(sources, [RemovesWithoutRewriting])
    assert result.fixed == sources
    [problem] = result.problems
    assert problem.kind == "fix-invalid" and "line 3 of the fixed main.tf still refers to x.gone" in problem.message
    [finding] = result.findings
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY


def test_the_default_scope_refuses_nothing() -> None:
    from fixer.model.module import Module

    assert FixScope().refusal(Fix("t", Applicability.SAFE, ()), Module([], {}, [])) is None


def test_a_file_excluded_by_the_configuration_is_read_but_never_edited(module: Path) -> None:
    (module / ".tffix.toml").write_text('exclude = ["outputs.tf"]\n', encoding="utf-8")
    results = {Path(r.path).name: r for r in fixer.check_paths([str(module)], select=["AWS005"], unsafe=True, fix=True)}
    assert list(results) == ["main.tf"]
    _refused(results["main.tf"], "outputs.tf, which this run does not write")
