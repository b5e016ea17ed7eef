"""AWS005's removal sees the whole module (issue 13 item 4): whatever was named or excluded,
a removal whose references cannot all be rewritten is not applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixer.api import check_paths
from fixer.findings import Applicability

POLICY = """
resource "aws_appautoscaling_policy" "{name}" {{
  name               = "{name}"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "service/main/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {{
    target_value = {target}
    predefined_metric_specification {{
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }}
  }}
}}
"""
MAIN = (POLICY.format(name="high", target=70) + POLICY.format(name="low", target=30)).lstrip("\n")
ALARMS = """resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name    = "cpu"
  alarm_actions = [aws_appautoscaling_policy.low.arn]
}
"""


@pytest.fixture
def module(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text(MAIN)
    (tmp_path / "alarms.tf").write_text(ALARMS)
    return tmp_path


def results(paths, **kwargs):
    return {Path(r.path).name: r for r in check_paths([str(p) for p in paths], fix=True, unsafe=True, config=False, **kwargs)}


def only_finding(result):
    assert [f.rule for f in result.findings] == ["AWS005"]
    return result.findings[0]


def test_the_whole_directory_named_rewrites_the_reference(module: Path) -> None:
    out = results([module])
    assert 'resource "aws_appautoscaling_policy" "low"' not in out["main.tf"].fixed
    assert "[aws_appautoscaling_policy.high.arn]" in out["alarms.tf"].fixed


def test_a_file_named_alone_is_not_fixed_when_the_reference_is_in_a_sibling(module: Path) -> None:
    out = results([module / "main.tf"])
    assert set(out) == {"main.tf"}
    assert out["main.tf"].fixed == MAIN  # the removal alone would leave alarms.tf dangling
    finding = only_finding(out["main.tf"])
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert any("alarms.tf" in note and "does not write" in note for note in finding.notes)


def test_a_referencing_file_excluded_by_config_blocks_the_fix(module: Path) -> None:
    (module / ".tffix.toml").write_text('exclude = ["alarms.tf"]\n')
    out = {Path(r.path).name: r for r in check_paths([str(module)], fix=True, unsafe=True)}
    assert set(out) == {"main.tf"}
    assert out["main.tf"].fixed == MAIN
    assert any("alarms.tf" in note for note in only_finding(out["main.tf"]).notes)


def test_a_sibling_with_a_syntax_error_blocks_the_removal(module: Path) -> None:
    (module / "broken.tf").write_text('resource "x" {\n')
    out = results([module])
    assert out["broken.tf"].error is not None
    assert out["main.tf"].fixed == MAIN and out["alarms.tf"].fixed == ALARMS
    finding = only_finding(out["main.tf"])
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert any("could not be read" in note and "broken.tf" in note for note in finding.notes)


def test_a_sibling_with_a_syntax_error_blocks_it_when_named_alone_too(module: Path) -> None:
    (module / "alarms.tf").unlink()
    (module / "broken.tf").write_text('resource "x" {\n')
    out = results([module / "main.tf"])
    assert out["main.tf"].fixed == MAIN
    assert only_finding(out["main.tf"]).fix.applicability is Applicability.DISPLAY_ONLY


def test_a_reference_in_a_tf_json_file_blocks_the_removal(module: Path) -> None:
    (module / "alarms.tf").unlink()
    (module / "alarms.tf.json").write_text(
        '{"resource": {"aws_cloudwatch_metric_alarm": {"cpu": {"alarm_name": "cpu", '
        '"alarm_actions": ["${aws_appautoscaling_policy.low.arn}"]}}}}\n'
    )
    out = results([module])
    assert out["main.tf"].fixed == MAIN
    finding = only_finding(out["main.tf"])
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert any("alarms.tf.json mentions" in note for note in finding.notes)


def test_a_tf_json_file_that_names_other_policies_does_not_block(module: Path) -> None:
    (module / "alarms.tf").unlink()
    (module / "other.tf.json").write_text('{"output": {"x": {"value": "${aws_appautoscaling_policy.lower.arn}"}}}\n')
    out = results([module])
    assert 'resource "aws_appautoscaling_policy" "low"' not in out["main.tf"].fixed


@pytest.mark.parametrize("name", ["scaling_override.tf", "override.tf"])
def test_an_override_of_the_removed_policy_blocks_the_removal(module: Path, name: str) -> None:
    (module / name).write_text(
        'resource "aws_appautoscaling_policy" "low" {\n  name = "low-renamed"\n}\n'
    )
    out = results([module])
    assert out["main.tf"].fixed == MAIN and out["alarms.tf"].fixed == ALARMS
    finding = only_finding(out["main.tf"])  # the override block is not a third policy
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert any(f"{name} overrides aws_appautoscaling_policy.low" in note for note in finding.notes)


def test_an_override_of_the_kept_policy_blocks_the_fix_too(module: Path) -> None:
    (module / "main_override.tf").write_text(
        'resource "aws_appautoscaling_policy" "high" {\n  name = "high-renamed"\n}\n'
    )
    out = results([module])
    assert out["main.tf"].fixed == MAIN
    assert only_finding(out["main.tf"]).fix.applicability is Applicability.DISPLAY_ONLY
