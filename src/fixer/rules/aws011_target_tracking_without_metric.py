"""AWS011: a target-tracking scaling policy with no metric to track."""

from __future__ import annotations

from typing import Iterable

from ..editor import EditError
from ..facts.appautoscaling import POLICY_TYPE, PREDEFINED_METRIC_FOR_DIMENSION
from ..facts.appautoscaling import TARGET_TRACKING_CONFIG as _CONFIG
from ..facts.appautoscaling import has_metric, is_target_tracking, scalable_dimension
from ..findings import Applicability, Finding, Severity
from ..model.module import is_override_file
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["TargetTrackingWithoutMetric"]

_ALARM_ACTIONS = ("alarm_actions", "ok_actions", "insufficient_data_actions")


class TargetTrackingWithoutMetric(Rule):
    """A target-tracking scaling policy has neither a predefined nor a customized metric.

    ## What it does
    Finds an `aws_appautoscaling_policy` with `policy_type = "TargetTrackingScaling"` whose
    `target_tracking_scaling_policy_configuration` has neither a
    `predefined_metric_specification` nor a `customized_metric_specification` block (nor a
    `dynamic` block of either). Policies whose `policy_type` is not known statically, step
    scaling policies, policies with `count = 0`, and resources changed by an override file
    (`*_override.tf`) are not reported.

    Two such policies on one scalable target are also the duplicate AWS005 reports: both
    have the same (missing) metric.

    ## Why is this bad?
    A target-tracking policy holds a metric at a target value; without a metric there is
    nothing to track. The provider's schema makes both metric blocks optional, so `terraform
    plan` passes, and `PutScalingPolicy` rejects the policy at apply. The usual cause is a
    policy written to be an alarm's action (`alarm_actions`), the way step scaling policies
    are used, with the policy type switched to target tracking.

    ## Example
    A DynamoDB table's read capacity, tracked against nothing:
    ```hcl
    resource "aws_appautoscaling_policy" "orders_reads" {
      name        = "orders-reads"
      policy_type = "TargetTrackingScaling"
      # resource_id, scalable_dimension and service_namespace: the table's scalable target

      target_tracking_scaling_policy_configuration {
        target_value = 70
      }
    }
    ```

    ## Use instead
    A metric to track (the predefined one of the target's service, or a customized metric):
    ```hcl
      target_tracking_scaling_policy_configuration {
        target_value = 70

        predefined_metric_specification {
          predefined_metric_type = "DynamoDBReadCapacityUtilization"
        }
      }
    ```
    or, for a policy meant as an alarm action, `policy_type = "StepScaling"` with a
    `step_scaling_policy_configuration`.

    ## Fix safety
    The suggestion is **display-only**: the intent is unclear. When the scalable dimension
    is known, it adds the predefined utilization metric of that service
    (`ECSServiceAverageCPUUtilization` for `ecs:service:DesiredCount`, ...), but CPU may not
    be the metric meant, and a policy used as an alarm action probably wants step scaling
    (a note names the alarm that uses it).

    ## References
    - Application Auto Scaling API Reference, TargetTrackingScalingPolicyConfiguration: "You
      can specify either a predefined metric or a customized metric"
      (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html)
    - Application Auto Scaling API Reference, PredefinedMetricSpecification (the metric types)
      (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html)
    - terraform-provider-aws `internal/service/appautoscaling/policy.go`: both metric blocks
      are optional (`MaxItems: 1`, no `ExactlyOneOf`), so the plan does not catch it
    """

    code = "AWS011"
    name = "target-tracking-without-metric"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    created_only = True  # count = 0: nothing is created
    targets = (Target(POLICY_TYPE, blocks=(_CONFIG,)),)
    messages = {
        "no-metric": (
            "{address} is a TargetTrackingScaling policy with neither predefined_metric_specification "
            "nor customized_metric_specification; PutScalingPolicy rejects it"
        ),
    }

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        config, resource = site.block, site.resource
        if site.dynamic is not None or config is None or config.type != _CONFIG:
            return  # dynamic content: the iterator is unknown
        if is_override_file(site.file.path) or ctx.module.overrides(site.address):
            return  # the merged resource is not what is written here
        if not is_target_tracking(ctx.evaluator, resource) or has_metric(config):
            return
        notes = [f"used as an alarm action at {where}: a StepScaling policy may be what is meant"
                 for where in _alarm_uses(ctx, site.address)]
        fix = None
        metric = PREDEFINED_METRIC_FOR_DIMENSION.get(scalable_dimension(ctx.module, ctx.evaluator, resource))
        if metric is not None:
            block = f'predefined_metric_specification {{\n  predefined_metric_type = "{metric}"\n}}'
            try:
                fix = ctx.editor(site).add_block(config, block).fix(
                    f"Track the predefined metric {metric} (or use StepScaling if this policy is an alarm action)",
                    Applicability.DISPLAY_ONLY,
                )
            except EditError:
                fix = None
        if fix is None:
            notes.append("add a predefined_metric_specification or a customized_metric_specification, "
                         "or use policy_type = \"StepScaling\" with a step_scaling_policy_configuration")
        yield self.report(site, "no-metric", fix=fix, notes=tuple(notes))


def _alarm_uses(ctx: RuleContext, address: str) -> list[str]:
    """``file:line`` of each alarm action list that names the policy."""
    out = []
    for ref in ctx.module.references(address):
        for block in ref.file.tree.body.blocks("resource"):
            for name in _ALARM_ACTIONS:
                attribute = block.body.get_attribute(name)
                if attribute is not None and attribute.value.start <= ref.expression.start < attribute.value.end:
                    out.append(f"{ref.file.path}:{attribute.line} ({'.'.join(block.labels)} {name})")
    return out
