"""AWS010 and AWS011 beyond the fixture cases: references that order the policy, override
files, providers, line endings, and the AWS005 duplicate of metric-less policies."""

from __future__ import annotations

from fixer.findings import Applicability
from fixer.fixes import fix_module
from fixer.rules import rule_by_code, select_rules

TARGET = """resource "aws_appautoscaling_target" "api" {
  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}
"""


def policy(name: str = "cpu", top: str = "", resource_id: str = '"service/main/api"', metric: bool = True) -> str:
    spec = """
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }""" if metric else ""
    return f"""
resource "aws_appautoscaling_policy" "{name}" {{
{top}  name               = "{name}"
  policy_type        = "TargetTrackingScaling"
  resource_id        = {resource_id}
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {{
    target_value = 70{spec}
  }}
}}
"""


def run(code: str, sources: dict[str, str], unsafe: bool = False):
    return fix_module(sources, select_rules([code]), unsafe=unsafe)


def test_docs_name_the_api_facts() -> None:
    def words(code: str) -> str:
        return " ".join(rule_by_code(code).documentation().split())

    assert "You cannot create a scaling policy until you have registered" in words("AWS010")
    assert "either a predefined metric or a customized metric" in words("AWS011")


def test_a_for_each_over_the_targets_orders_the_policy() -> None:
    text = TARGET + policy(top="  for_each = { api = aws_appautoscaling_target.api }\n\n",
                           resource_id="each.value.resource_id")
    assert run("AWS010", {"main.tf": text}).findings == []


def test_another_provider_is_another_target() -> None:
    text = TARGET + policy(top="  provider = aws.west\n\n")
    assert run("AWS010", {"main.tf": text}).findings == []


def test_a_policy_an_override_file_changes_is_not_judged() -> None:
    override = 'resource "aws_appautoscaling_policy" "cpu" {\n  resource_id = aws_appautoscaling_target.api.resource_id\n}\n'
    sources = {"main.tf": TARGET + policy(), "scaling_override.tf": override}
    assert run("AWS010", sources).findings == []
    assert [f.rule for f in run("AWS010", {"main.tf": TARGET + policy()}).findings] == ["AWS010"]


def test_the_safe_fix_keeps_crlf_and_reaches_a_fixpoint() -> None:
    text = (TARGET + policy()).replace("\n", "\r\n")
    result = run("AWS010", {"main.tf": text})
    fixed = result.fixed["main.tf"]
    assert "resource_id        = aws_appautoscaling_target.api.resource_id\r\n" in fixed
    assert "\n" not in fixed.replace("\r\n", "")
    assert result.remaining == [] and result.problems == []


def test_aws011_skips_dynamic_configuration_and_overrides() -> None:
    dynamic = policy(metric=False).replace(
        "  target_tracking_scaling_policy_configuration {\n    target_value = 70\n  }",
        '  dynamic "target_tracking_scaling_policy_configuration" {\n    for_each = [70]\n    content {\n'
        "      target_value = target_tracking_scaling_policy_configuration.value\n    }\n  }",
    )
    assert "dynamic" in dynamic
    assert run("AWS011", {"main.tf": TARGET + dynamic}).findings == []
    override = 'resource "aws_appautoscaling_policy" "cpu" {\n  policy_type = "StepScaling"\n}\n'
    assert run("AWS011", {"main.tf": TARGET + policy(metric=False), "x_override.tf": override}).findings == []


def test_two_metricless_policies_are_an_aws005_duplicate_whose_merge_is_shown_only() -> None:
    text = TARGET + policy("a", metric=False) + policy("b", metric=False)
    result = fix_module({"main.tf": text}, select_rules(["AWS005", "AWS011"]), unsafe=True)
    assert sorted(f.rule for f in result.findings) == ["AWS005", "AWS011", "AWS011"]
    assert all(f.fix is None or f.fix.applicability is Applicability.DISPLAY_ONLY for f in result.findings)
    assert result.fixed["main.tf"] == text
