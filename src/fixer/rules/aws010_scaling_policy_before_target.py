"""AWS010: a scaling policy that names its scalable target by value, so Terraform may create it first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..editor import EditError
from ..facts.appautoscaling import POLICY_TYPE, TARGET_KEYS, TARGET_TYPE
from ..findings import Applicability, Finding, Fix, Severity
from ..model.module import SourceFile, depends_on, traversals
from ..syntax.nodes import Block, compared_text, significant_text
from .base import FixAvailability, Rule, RuleContext

__all__ = ["ScalingPolicyBeforeTarget"]

_PLACEMENT = ("provider", "region")  # a policy and its target are in one account and region
_INSTANCES = ("for_each", "count")


class ScalingPolicyBeforeTarget(Rule):
    """A scaling policy names its scalable target by value, not through the `aws_appautoscaling_target`.

    ## What it does
    Finds an `aws_appautoscaling_policy` whose `resource_id`, `scalable_dimension` and
    `service_namespace` do not refer to the `aws_appautoscaling_target` they belong to
    (they are literals, or built from the ECS service, the table, the cluster...), and that
    has no `depends_on` on it, directly or through locals, when the module declares that
    target: a target whose `resource_id` is the same (the same expression, or the same
    value known statically from literals, variable defaults and tfvars) and whose
    `scalable_dimension` and `service_namespace` do not differ.

    A policy that refers to any scalable target, a policy whose target is not declared in
    the module (registered elsewhere: nothing is created at the same time), a `resource_id`
    that cannot be shown equal to a target's, a policy or target under another `provider`,
    a policy an override file changes, and a policy with `count = 0` are not reported.

    ## Why is this bad?
    `PutScalingPolicy` needs the scalable target to be registered: "You cannot create a
    scaling policy until you have registered the resource as a scalable target." Nothing in
    the policy tells Terraform that it depends on the target, so on a fresh apply Terraform
    creates both at once, and the policy often loses the race:

    ```
    ObjectNotFoundException: No scalable target registered for service namespace: ecs,
    resource ID: service/main/api, scalable dimension: ecs:service:DesiredCount
    ```

    Running `apply` again usually works, which hides the problem until the next fresh
    environment. It is a race, so the finding is a warning.

    ## Example
    ```hcl
    resource "aws_appautoscaling_target" "api" {
      max_capacity       = 4
      min_capacity       = 1
      resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
      scalable_dimension = "ecs:service:DesiredCount"
      service_namespace  = "ecs"
    }

    resource "aws_appautoscaling_policy" "cpu" {
      name               = "api-cpu"
      policy_type        = "TargetTrackingScaling"
      resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
      scalable_dimension = "ecs:service:DesiredCount"
      service_namespace  = "ecs"
      # ...
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_appautoscaling_policy" "cpu" {
      name               = "api-cpu"
      policy_type        = "TargetTrackingScaling"
      resource_id        = aws_appautoscaling_target.api.resource_id
      scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
      service_namespace  = aws_appautoscaling_target.api.service_namespace
      # ...
    }
    ```

    ## Fix safety
    The fix is **safe**. When exactly one target matches, its three values are always equal
    to the policy's (the same expressions, or the same literals) and the target has no
    `count` / `for_each`, the three arguments are rewritten to refer to the target's
    attributes: the values are the same whatever the inputs, so the plan of an existing
    policy does not change; only the order of creation does. Otherwise (values equal only
    through variable defaults or tfvars, which a caller may change; a target with `count` /
    `for_each`; values not all known; several possible targets) the fix adds `depends_on`
    on every target that may be the one (added to an existing `depends_on` list): it changes
    nothing but the order. Comments are kept; the new `depends_on` line goes after the three arguments.

    ## References
    - Application Auto Scaling API Reference, PutScalingPolicy ("You cannot create a scaling
      policy until you have registered the resource as a scalable target")
      (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html)
    - Application Auto Scaling API Reference, ObjectNotFoundException ("thrown if the scalable
      target with the specified service namespace, resource ID, and scalable dimension does
      not exist")
    - hashicorp/terraform-provider-aws issue #427: the maintainers' advice is to use direct
      references to the `aws_appautoscaling_target` for the three arguments so that
      Terraform orders the policy after it
    - cloudposse/terraform-aws-ecs-cloudwatch-autoscaling pull request #36 ("Create
      autoscaling target before policy"): the `ObjectNotFoundException` above, hit in CI
    - hashicorp/terraform issue #10737 (the failure is intermittent)
    """

    code = "AWS010"
    name = "scaling-policy-before-target"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    messages = {
        "unordered": (
            "{address} names scalable target {targets} by value, not through a reference: "
            "Terraform may create the policy first, and PutScalingPolicy then fails with "
            "ObjectNotFoundException"
        ),
    }

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        targets = [
            _Target(file, block, [_values(ctx, block, key) for key in TARGET_KEYS])
            for file, block in ctx.module.resources(TARGET_TYPE, overrides=False)
            if ctx.evaluator.instances(block) != []
        ]
        if not targets:
            return
        for file, block in ctx.module.resources(POLICY_TYPE, overrides=False):
            attributes = [block.body.get_attribute(key) for key in TARGET_KEYS]
            if ctx.evaluator.instances(block) == [] or None in attributes:
                continue
            if depends_on(ctx.module, block, TARGET_TYPE):
                continue  # ordered after a target already
            address = f"{POLICY_TYPE}.{block.labels[1]}"
            if ctx.module.overrides(address):
                continue  # an override file changes it: the merged policy is not what is written here
            policy = [_values(ctx, block, key) for key in TARGET_KEYS]
            matches = [(t, same) for t in targets if (same := _match(block, policy, t)) is not None]
            if not matches:
                continue
            names = " or ".join(t.address for t, _same in matches)
            fix = _fix(ctx, file, block, matches)
            notes = () if fix is not None else ("no fix: the depends_on list cannot be extended in place",)
            message = self.message("unordered", address=address, targets=names)
            yield self.finding(file, attributes[0].value, message, fix=fix, notes=notes)


@dataclass
class _Target:
    file: SourceFile
    block: Block
    values: list["_Values"]  # per TARGET_KEYS

    @property
    def address(self) -> str:
        return f"{TARGET_TYPE}.{self.block.labels[1]}"


@dataclass
class _Values:
    text: str  # the expression's significant tokens
    known: list[Any] | None  # the value of each instance when every one is a known string, else None
    per_instance: bool  # the expression uses each.* / count.*
    constant: bool  # refers to nothing (a literal): its known value cannot be changed from outside


def _values(ctx: RuleContext, block: Block, key: str) -> _Values:
    attribute = block.body.get_attribute(key)
    if attribute is None:
        return _Values("", None, False, False)
    text = compared_text(attribute.value)
    values = ctx.evaluator.per_instance(block, attribute.value)
    known = values if all(isinstance(v, str) for v in values) else None
    constant = next(traversals(attribute.value), None) is None
    return _Values(text, known, "each ." in text or "count ." in text, constant)


def _placement(block: Block, names: tuple[str, ...]) -> tuple:
    return tuple(
        significant_text(a.value) if (a := block.body.get_attribute(name)) is not None else None for name in names
    )


def _equal(policy: Block, mine: _Values, target: Block, theirs: _Values) -> str | bool | None:
    """``"same"``: the same expression, or the same literal (always equal); True: equal values
    from variable defaults or tfvars (equal unless given otherwise); False: shown different;
    None: cannot tell."""
    if mine.text == theirs.text and mine.text:
        if not mine.per_instance or _placement(policy, _INSTANCES) == _placement(target, _INSTANCES):
            return "same"
    if mine.known is not None and theirs.known is not None:
        if not set(mine.known) <= set(theirs.known):
            return False
        return "same" if mine.constant and theirs.constant else True
    return None


def _match(policy: Block, values: list[_Values], target: _Target) -> bool | None:
    """None: not this target (or cannot be shown to be); True: the same three values and a
    target with one instance (its attributes can be referred to); False: may be this target."""
    if _placement(policy, _PLACEMENT) != _placement(target.block, _PLACEMENT):
        return None
    verdicts = [_equal(policy, mine, target.block, theirs) for mine, theirs in zip(values, target.values)]
    if verdicts[0] not in (True, "same") or any(v is False for v in verdicts):
        return None  # the resource ID must be shown equal; nothing may differ
    single = _placement(target.block, _INSTANCES) == (None, None)
    return all(v == "same" for v in verdicts) and single


def _fix(ctx: RuleContext, file: SourceFile, block: Block, matches: list[tuple[_Target, bool]]) -> Fix | None:
    editor = ctx.editor(file)
    same = [t for t, is_same in matches if is_same]
    if len(same) == 1:
        target = same[0]
        for key in TARGET_KEYS:
            editor.replace(block.body.get_attribute(key).value, f"{target.address}.{key}")  # type: ignore[union-attr]
        title = f"Refer to {target.address}'s {', '.join(TARGET_KEYS[:-1])} and {TARGET_KEYS[-1]}"
        return editor.fix(title, Applicability.SAFE)
    addresses = ", ".join(sorted(t.address for t, _same in matches))
    last = max((block.body.get_attribute(k) for k in TARGET_KEYS), key=lambda a: a.start)  # type: ignore
    try:
        editor.add_dependency(block, addresses, after=last)
    except EditError:
        return None
    return editor.fix(f"Add depends_on = [{addresses}]", Applicability.SAFE)
