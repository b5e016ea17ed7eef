"""AWS005 beyond the fixture cases: choices, refusals and odd input."""

from __future__ import annotations

import fixer
from fixer.findings import Applicability
from fixer.fixes import fix_module
from fixer.rules import rule_by_code, select_rules

RULES = select_rules(["AWS005"])

TARGET = """
resource "aws_appautoscaling_target" "svc" {
  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}
"""


def policy(name: str, target_value: str = "70", metric: str = "ECSServiceAverageCPUUtilization",
           top: str = "", config: str = "", resource_id: str = "aws_appautoscaling_target.svc.resource_id",
           namespace: str = "aws_appautoscaling_target.svc.service_namespace", spec: str = "") -> str:
    spec = spec or f"""
    predefined_metric_specification {{
      predefined_metric_type = "{metric}"
    }}"""
    return f"""
resource "aws_appautoscaling_policy" "{name}" {{
{top}  name               = "{name}"
  policy_type        = "TargetTrackingScaling"
  resource_id        = {resource_id}
  scalable_dimension = aws_appautoscaling_target.svc.scalable_dimension
  service_namespace  = {namespace}

  target_tracking_scaling_policy_configuration {{
    target_value = {target_value}{config}{spec}
  }}
}}
"""


def run(text: str, unsafe: bool = True, **extra: str):
    sources = {"main.tf": text.lstrip("\n")}
    sources.update({k: v.lstrip("\n") for k, v in extra.items()})
    return fix_module(sources, RULES, unsafe=unsafe)


def test_documentation_has_every_section_and_the_error() -> None:
    doc = rule_by_code("AWS005").documentation()
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                    "## Fix safety", "## References"):
        assert section in doc
    assert "Only one TargetTrackingScaling policy for a given metric specification is allowed" in doc


def test_keeps_the_higher_target_even_when_declared_second() -> None:
    result = run(TARGET + policy("low", "25") + policy("high", "75"))
    assert [f.message.split()[0] for f in result.findings] == ["aws_appautoscaling_policy.low"]
    fixed = result.fixed["main.tf"]
    assert '"low"' not in fixed and '"high"' in fixed
    assert fixer.format(fixed) == fixed
    assert "\n\n\n" not in fixed


def test_values_known_statically_compare_equal_across_spellings() -> None:
    variables = """
variable "namespace" {
  default = "ecs"
}
"""
    text = TARGET + variables + policy("a", "60", namespace='"ecs"') + policy("b", "40", namespace="var.namespace")
    result = run(text, unsafe=False)
    assert len(result.findings) == 1
    assert "aws_appautoscaling_policy.b" in result.findings[0].message


def test_empty_resource_label_is_no_resource_label() -> None:
    labelled = """
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
      resource_label         = ""
    }"""
    result = run(TARGET + policy("a", "60") + policy("b", "40", spec=labelled), unsafe=False)
    assert len(result.findings) == 1


def test_a_different_winner_per_instance_is_display_only() -> None:
    text = """
variable "svc" {
  default = {
    api = { high = 70, low = 30 }
    web = { high = 40, low = 50 }
  }
}
""" + TARGET
    top = "  for_each = var.svc\n\n"
    text += policy("high", "each.value.high", top=top) + policy("low", "each.value.low", top=top)
    result = run(text)
    assert len(result.findings) == 1
    finding = result.findings[0]
    assert finding.fix is not None and finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert result.fixed["main.tf"] == text.lstrip("\n")


def test_no_fix_when_the_kept_policy_refers_to_a_removed_one() -> None:
    text = TARGET + policy("high", "70", top="  depends_on = [aws_appautoscaling_policy.low]\n\n") + policy("low", "30")
    result = run(text)
    assert len(result.findings) == 1
    finding = result.findings[0]
    assert finding.fix is None
    assert any("itself refers to aws_appautoscaling_policy.low" in note for note in finding.notes)
    assert result.fixed["main.tf"] == text.lstrip("\n")


def test_no_instances_no_finding() -> None:
    top = "  count = 0\n\n"
    assert run(TARGET + policy("a", top=top) + policy("b", top=top)).findings == []


def test_dynamic_blocks_are_not_judged() -> None:
    dynamic_spec = """
    dynamic "predefined_metric_specification" {
      for_each = ["ECSServiceAverageCPUUtilization"]
      content {
        predefined_metric_type = predefined_metric_specification.value
      }
    }"""
    result = run(TARGET + policy("a") + policy("b", spec=dynamic_spec))
    assert result.findings == [] and result.problems == []


def test_unknown_policy_type_is_not_judged() -> None:
    text = TARGET + policy("a") + policy("b").replace('"TargetTrackingScaling"', "var.policy_type")
    assert run(text).findings == []


def test_a_carried_comment_is_kept_and_the_fix_loop_aligns_it() -> None:
    kept = policy("high", "var.cpu_high # the operating point")
    removed = policy("low", "30", config="\n    scale_in_cooldown = 300 # slow scale-in")
    text = fixer.format(TARGET.lstrip("\n") + 'variable "cpu_high" {\n  default = 70\n}\n' + kept + removed)
    assert "    scale_in_cooldown = 300 # slow scale-in\n" in text
    result = run(text)
    fixed = result.fixed["main.tf"]
    assert "    target_value      = var.cpu_high # the operating point\n" in fixed
    assert "    scale_in_cooldown = 300          # slow scale-in\n" in fixed
    assert fixer.format(fixed) == fixed and result.problems == []


def test_two_groups_in_one_module_are_both_fixed() -> None:
    text = (TARGET + policy("cpu_a", "70") + policy("cpu_b", "50")
            + policy("mem_a", "60", metric="ECSServiceAverageMemoryUtilization")
            + policy("mem_b", "80", metric="ECSServiceAverageMemoryUtilization"))
    outputs = """
output "arns" {
  value = [aws_appautoscaling_policy.cpu_b.arn, aws_appautoscaling_policy.mem_a.arn]
}
"""
    result = run(text, **{"outputs.tf": outputs})
    assert len(result.findings) == 2
    assert result.remaining == [] and result.problems == []
    fixed = result.fixed["main.tf"]
    assert '"cpu_a"' in fixed and '"mem_b"' in fixed
    assert '"cpu_b"' not in fixed and '"mem_a"' not in fixed
    assert "[aws_appautoscaling_policy.cpu_a.arn, aws_appautoscaling_policy.mem_b.arn]" in result.fixed["outputs.tf"]
    assert fixer.format(fixed) == fixed and "\n\n\n" not in fixed


def test_odd_input_does_not_crash() -> None:
    odd = """
resource "aws_appautoscaling_policy" "one_line" { policy_type = "TargetTrackingScaling" }

resource "aws_appautoscaling_policy" "no_config" {
  policy_type = "TargetTrackingScaling"
}

resource "aws_appautoscaling_policy" "two_specs" {
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.svc[*].resource_id
  scalable_dimension = "x"
  service_namespace  = "ecs"
  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "A"
    }
    customized_metric_specification {
      metric_name = "m"
    }
  }
}

resource "aws_appautoscaling_policy" "splat_a" {
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.svc[*].resource_id
  scalable_dimension = "x"
  service_namespace  = "ecs"
  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "A"
    }
  }
}

resource "aws_appautoscaling_policy" "splat_b" {
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.svc[*].resource_id
  scalable_dimension = "x"
  service_namespace  = "ecs"
  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "A"
    }
  }
}

resource "aws_appautoscaling_policy" {
}
"""
    crlf = odd.lstrip("\n").replace("\n", "\r\n")
    result = run(crlf)
    assert result.problems == []
    # splat_a and splat_b clash; neither has a target_value, so nothing is decided for the user.
    assert [f.message.split()[0] for f in result.findings] == ["aws_appautoscaling_policy.splat_b"]
    assert result.findings[0].fix.applicability is Applicability.DISPLAY_ONLY
    assert result.fixed["main.tf"] == crlf


def test_finding_points_at_the_resource_keyword_not_its_comment() -> None:
    text = TARGET + policy("a", "70") + "\n# The second one.\n" + policy("b", "30").lstrip("\n")
    result = run(text, unsafe=False)
    finding = result.findings[0]
    line = text.lstrip("\n").splitlines()[finding.line - 1]
    assert line.startswith('resource "aws_appautoscaling_policy" "b"') and finding.column == 1
