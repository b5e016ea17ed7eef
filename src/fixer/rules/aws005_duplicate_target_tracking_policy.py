"""AWS005: two target-tracking policies on one metric of one scalable target."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..editor import EditError
from ..facts.appautoscaling import NO_METRIC, POLICY_TYPE, is_target_tracking, target_key, tracked_metric
from ..facts.appautoscaling import tracking_configuration
from ..findings import Applicability, Finding, Fix, Severity
from ..model.evaluate import is_number, to_template_string
from ..model.module import SourceFile
from ..syntax.nodes import Block, comments_above, compared_text, contains, trailing_comment
from .base import FixAvailability, Rule, RuleContext, join_words

__all__ = ["DuplicateTargetTrackingPolicy"]


class DuplicateTargetTrackingPolicy(Rule):
    """Two or more target-tracking scaling policies track the same metric on the same scalable target.

    ## What it does
    Finds `aws_appautoscaling_policy` resources with `policy_type = "TargetTrackingScaling"`
    that sit on the same scalable target (the same `service_namespace`, `resource_id` and
    `scalable_dimension`, the same `for_each` / `count`, the same `provider` and `region`) and
    track the same metric: the same `predefined_metric_type` and `resource_label`, or the same
    `customized_metric_specification`. Expressions are compared by their tokens (layout and
    comments do not matter) or, where the values are known statically (literals, variable
    defaults, tfvars), by value. Every policy but one is reported.

    Two target-tracking policies with no metric specification on one target count as tracking
    the same (missing) metric: the common variant where both are meant as alarm actions. AWS011
    reports the missing metric of each; the fix here is then display-only.

    Policies on different metrics (CPU and memory, or `ALBRequestCountPerTarget` on different
    target groups), step-scaling policies, policies on different targets or with a different
    `for_each`, and EC2 Auto Scaling group policies (`aws_autoscaling_policy`) are not reported.

    ## Why is this bad?
    Application Auto Scaling allows several target-tracking policies on one scalable target only
    when each uses a different metric. The second `PutScalingPolicy` call fails, so `terraform
    apply` stops part-way with:

    ```
    ValidationException: Only one TargetTrackingScaling policy for a given metric specification is allowed
    ```

    The usual cause is a "scale up at 70 %, scale down at 30 %" pair written as two target-tracking
    policies. One target-tracking policy already does both: it adds capacity when the metric is
    above its target and removes capacity when it is below.

    ## Example
    A "scale up at 70 %, scale down at 30 %" pair on one ECS service:
    ```hcl
    resource "aws_appautoscaling_policy" "scale_up" {
      name        = "scale-up"
      policy_type = "TargetTrackingScaling"
      # resource_id, scalable_dimension, service_namespace: aws_appautoscaling_target.ecs's

      target_tracking_scaling_policy_configuration {
        target_value = 70
        predefined_metric_specification {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }

    resource "aws_appautoscaling_policy" "scale_down" {
      name        = "scale-down"
      policy_type = "TargetTrackingScaling"
      # the same three arguments: the same scalable target

      target_tracking_scaling_policy_configuration {
        scale_in_cooldown  = 300
        scale_out_cooldown = 60
        target_value       = 30
        predefined_metric_specification {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }
    ```

    ## Use instead
    One policy per metric; its target value is where the metric is held, in both directions.
    `scale_down` is gone, and `scale_up` keeps its name and target:
    ```hcl
    resource "aws_appautoscaling_policy" "scale_up" {
      # name, policy_type and the scalable target as before

      target_tracking_scaling_policy_configuration {
        target_value       = 70
        scale_in_cooldown  = 300 # from scale_down
        scale_out_cooldown = 60  # from scale_down

        predefined_metric_specification {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }
    ```

    ## Fix safety
    The fix is **unsafe**: it changes how the service scales. It keeps the policy with the higher
    `target_value` (evaluated for every `for_each` / `count` instance from literals, variable
    defaults and tfvars), removes the others with their leading comments, and rewrites every
    reference to a removed policy anywhere in the module (`alarm_actions`, outputs, `depends_on`)
    to the kept one. A `scale_in_cooldown` / `scale_out_cooldown` the kept policy lacks is carried
    over from the removed ones when they agree on it (with their comments); when both set it
    differently the kept policy's value stays and a note says so. Other settings of the removed policies
    (`disable_scale_in`, their names) are dropped.

    Keeping the higher target is what the usual "scale up at the high threshold" intent asks for
    and the cheaper choice: the service is held at the higher utilization, so it runs fewer tasks
    and scales in sooner than it would at the lower target. Review the kept `target_value` if the
    lower one was meant as the operating point.

    The kept policy keeps its address and its `name`, so Terraform updates it in place at most
    (a new `name` would force a replacement) and no `moved` block is needed; the removed policies
    are destroyed. When the target values cannot be compared (unknown inputs, or a different
    winner per instance), the suggested edit keeps the first declared policy and is display-only.
    When a removed policy is named in a `moved`, `import` or `removed` block, or in the kept
    policy itself, no fix is offered.

    The removal sees the whole module (every `.tf` file of the directory, whatever was named on
    the command line or excluded), and is offered only when it is provably complete: no fix when
    a file of the module could not be read (a syntax error), when a `.tf.json` file names a
    removed policy (those are not rewritten), or when an override file (`override.tf`,
    `*_override.tf`) overrides a policy of the group; a display-only fix, with the file named,
    when a reference to rewrite is in a file the run does not write (a file named alone, as
    pre-commit does, or one excluded by the configuration). A reference that would become a
    second copy of the kept policy's reference in one list (`alarm_actions = [high.arn,
    low.arn]`) is removed from the list instead. A file that held only removed policies is left
    empty (comments outside the policies stay), not deleted: `--write` never deletes files, and
    an empty `.tf` file is valid; delete it by hand.

    ## References
    - Application Auto Scaling User Guide, "Target tracking scaling policies": several
      target-tracking policies per scalable target are allowed "provided that each of them uses
      a different metric"
      (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html)
    - Application Auto Scaling API, PutScalingPolicy: a scalable target is identified by service
      namespace, resource ID and scalable dimension
      (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html)
    - terraform-provider-aws `internal/service/appautoscaling/policy.go`: `policy_type` defaults
      to `StepScaling`; `target_tracking_scaling_policy_configuration` holds `target_value`,
      `scale_in_cooldown`, `scale_out_cooldown`, `disable_scale_in` and one of
      `predefined_metric_specification` / `customized_metric_specification`; `name` forces a
      new resource
    - hashicorp/terraform-provider-aws issue #41179 (the error message as the provider reports it)
    """

    code = "AWS005"
    name = "duplicate-target-tracking-policy"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.ERROR
    messages = {
        "duplicate": (
            "{address} tracks metric {metric} on the same scalable target as {kept}; "
            "AWS allows only one TargetTrackingScaling policy per metric"
        ),
    }

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        groups: dict[tuple, list[_Policy]] = {}
        for file, block in ctx.module.resources(POLICY_TYPE, overrides=False):
            policy = _read_policy(ctx, file, block)
            if policy is not None:
                groups.setdefault(policy.key, []).append(policy)
        for policies in groups.values():
            if len(policies) >= 2:
                yield from self._report(ctx, policies)

    def _report(self, ctx: RuleContext, policies: list["_Policy"]) -> Iterable[Finding]:
        kept, known = _choose_kept(policies)
        removed = [p for p in policies if p is not kept]
        notes = ["target_value: " + ", ".join(f"{p.address} = {p.target_text}" for p in policies)]
        if not known:
            notes.append("the target values cannot be compared statically; the suggestion keeps the first declared policy")
        metricless = kept.key[-1] == NO_METRIC
        if metricless:
            notes.append("the policies track no metric (AWS011): the merged policy still needs one, so the fix is shown only")
        fix = _merge(ctx, kept, removed, known, notes, applicable=known and not metricless)
        for policy in removed:
            message = self.message("duplicate", address=policy.address, metric=policy.metric_label, kept=kept.address)
            yield self.finding(policy.file, policy.block, message, fix=fix, notes=tuple(notes))


@dataclass
class _Policy:
    file: SourceFile
    block: Block
    key: tuple  # the scalable target and the metric (facts.appautoscaling target_key, tracked_metric)
    metric_label: str  # for the message
    config: Block  # target_tracking_scaling_policy_configuration
    targets: list[Any] = field(default_factory=list)  # target_value per instance (number or Unknown)

    @property
    def address(self) -> str:
        return f"{POLICY_TYPE}.{self.block.labels[1]}"

    @property
    def target_text(self) -> str:
        """``70 (var.cpu_target_value)``: the value when it is one known number, and the source."""
        attribute = self.config.body.get_attribute("target_value")
        if attribute is None:
            return "(unset)"
        source = attribute.value.source
        values = {v for v in self.targets if is_number(v)}
        if len(values) == 1 and len(self.targets) == sum(is_number(v) for v in self.targets):
            shown = to_template_string(values.pop())
            return shown if shown == source else f"{shown} ({source})"
        return source


def _read_policy(ctx: RuleContext, file: SourceFile, block: Block) -> "_Policy | None":
    """A target-tracking policy that creates something, with the key of its target and metric;
    None when it is not one, or its target or metric cannot be told."""
    config = tracking_configuration(block) if is_target_tracking(ctx.evaluator, block) else None
    if config is None or ctx.evaluator.instances(block) == []:
        return None  # not target tracking, not known statically, or no instance: nothing is created
    metric, target = tracked_metric(ctx.evaluator, config), target_key(ctx.evaluator, block)
    if metric is None or target is None:
        return None
    target_value = config.body.get_attribute("target_value")
    targets = ctx.evaluator.per_instance(block, target_value.value if target_value else None)
    return _Policy(file, block, (*target, metric[0]), metric[1], config, targets)


def _choose_kept(policies: list[_Policy]) -> tuple[_Policy, bool]:
    """The policy whose target value is the highest in every instance (first declared on a tie).

    The second item is False when that cannot be decided; the first declared policy is returned.
    """
    counts = {len(p.targets) for p in policies}
    if len(counts) != 1 or not all(is_number(v) for p in policies for v in p.targets):
        return policies[0], False
    for candidate in policies:
        if all(all(mine >= theirs for mine, theirs in zip(candidate.targets, other.targets)) for other in policies):
            return candidate, True
    return policies[0], False


# ---- the fix -------------------------------------------------------------------------------


def _merge(
    ctx: RuleContext, kept: _Policy, removed: list[_Policy], known: bool, notes: list[str], *, applicable: bool
) -> Fix | None:
    """Remove ``removed``, point their references at ``kept``, carry over the cooldowns;
    None (with a note saying why) when that cannot be done completely."""
    editor = ctx.editor(kept.file)
    overridden = [(f, p) for p in [kept, *removed] for f, _b in ctx.module.overrides(p.address)]
    if overridden:  # the merged resources are not what is judged here: shown, never applied
        notes.append(f"{overridden[0][0].path} overrides {overridden[0][1].address}; the policies are judged as written")
    try:  # the references a rename must not touch (moved blocks, the kept policy's own) refuse it
        for path, file in {p.file.path: p.file for p in removed}.items():
            editor.remove(*(p.block for p in removed if p.file.path == path), file=file)
        for policy in removed:
            editor.rename_references(policy.address, kept.address, drop_duplicates=True)
    except EditError as e:
        notes.append(f"no fix: {e}; merge the policies by hand")
        return None
    carried = _carry_cooldowns(editor, kept, removed, notes)
    why = "the higher target value" if known else "the first declared; choose the one to keep"
    title = (f"Keep {kept.address} ({why}); remove {join_words(p.address for p in removed)}; "
             f"point {'its' if len(removed) == 1 else 'their'} references to {kept.address}")
    if carried:
        title += f"; carry over {' and '.join(carried)}"
    return editor.fix(title, Applicability.UNSAFE if applicable and not overridden else Applicability.DISPLAY_ONLY)


def _carry_cooldowns(editor, kept: _Policy, removed: list[_Policy], notes: list[str]) -> list[str]:
    """Add the cooldowns the kept policy lacks and the removed ones agree on, with their
    comments, after its ``target_value``; the names carried over."""
    lines: list[str] = []
    carried: list[str] = []
    for name in _COOLDOWNS:
        mine = kept.config.body.get_attribute(name)
        theirs = [(p, a) for p in removed if (a := p.config.body.get_attribute(name)) is not None]
        if not theirs:
            continue
        if mine is not None:
            if any(compared_text(a.value) != compared_text(mine.value) for _p, a in theirs):
                notes.append(f"{name}: {kept.address} keeps {mine.value.source}; "
                             + ", ".join(f"{p.address} had {a.value.source}" for p, a in theirs))
            continue
        source = theirs[0][1].value.source
        if len({compared_text(a.value) for _p, a in theirs}) != 1:
            notes.append(f"{name} not carried over: " + ", ".join(f"{p.address} has {a.value.source}" for p, a in theirs))
        elif "\n" in source:
            notes.append(f"{name} not carried over: its value spans several lines")
        else:
            trailing = [c for _p, a in theirs if (c := trailing_comment(a)) and "\n" not in c and not c.startswith("/*")]
            lines.extend(c for _p, a in theirs for c in comments_above(a))
            lines.append(f"{name} = {source}" + (" " + trailing[0] if len(trailing) == 1 else ""))
            carried.append(name)
    anchor = kept.config.body.get_attribute("target_value")
    if not carried:
        return []
    if anchor is None or kept.config.is_one_line:
        notes.append("the cooldowns could not be carried over: no target_value line to add them after")
        return []
    editor.insert_after(anchor, "\n".join(lines), file=kept.file)
    return carried


_COOLDOWNS = ("scale_in_cooldown", "scale_out_cooldown")
