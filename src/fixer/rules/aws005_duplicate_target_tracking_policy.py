"""AWS005: two target-tracking policies on one metric of one scalable target."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..findings import Applicability, Finding, Severity
from ..layout.realign import realign
from ..model.evaluate import Scope, Unknown
from ..model.module import SourceFile
from ..syntax.edits import Edit, apply_edits, full_span, indentation_of
from ..syntax.nodes import (
    Attribute, Block, Body, EmptyLine, Expression, GetAttr, Interpolation, Node, Parens, QuotedTemplate, Variable,
    traversal_parts,
)
from .base import FixAvailability, Rule, RuleContext

__all__ = ["DuplicateTargetTrackingPolicy"]

_TYPE = "aws_appautoscaling_policy"
_CONFIG = "target_tracking_scaling_policy_configuration"
_PREDEFINED = "predefined_metric_specification"
_CUSTOMIZED = "customized_metric_specification"
_COOLDOWNS = ("scale_in_cooldown", "scale_out_cooldown")
# Meta-arguments and arguments that, with the three below, say which scalable target a policy is on.
_TARGET_ATTRIBUTES = ("service_namespace", "resource_id", "scalable_dimension")
_PLACEMENT_ATTRIBUTES = ("for_each", "count", "provider", "region")
# Blocks a reference to a resource address may sit in that must not be rewritten blindly.
_ADDRESS_BLOCKS = ("moved", "import", "removed")


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
    ```hcl
    resource "aws_appautoscaling_policy" "scale_up" {
      name               = "scale-up"
      policy_type        = "TargetTrackingScaling"
      resource_id        = aws_appautoscaling_target.ecs.resource_id
      scalable_dimension = aws_appautoscaling_target.ecs.scalable_dimension
      service_namespace  = aws_appautoscaling_target.ecs.service_namespace

      target_tracking_scaling_policy_configuration {
        target_value = 70
        predefined_metric_specification {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }

    resource "aws_appautoscaling_policy" "scale_down" {
      name               = "scale-down"
      policy_type        = "TargetTrackingScaling"
      resource_id        = aws_appautoscaling_target.ecs.resource_id
      scalable_dimension = aws_appautoscaling_target.ecs.scalable_dimension
      service_namespace  = aws_appautoscaling_target.ecs.service_namespace

      target_tracking_scaling_policy_configuration {
        target_value       = 30
        scale_in_cooldown  = 300
        scale_out_cooldown = 60
        predefined_metric_specification {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }
    ```

    ## Use instead
    One policy per metric; its target value is where the metric is held:
    ```hcl
    resource "aws_appautoscaling_policy" "scale_up" {
      name               = "scale-up"
      policy_type        = "TargetTrackingScaling"
      resource_id        = aws_appautoscaling_target.ecs.resource_id
      scalable_dimension = aws_appautoscaling_target.ecs.scalable_dimension
      service_namespace  = aws_appautoscaling_target.ecs.service_namespace

      target_tracking_scaling_policy_configuration {
        target_value       = 70
        scale_in_cooldown  = 300
        scale_out_cooldown = 60
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
    over from the removed ones when they agree on it; when both set it differently the kept
    policy's value stays and a note says so. Other settings of the removed policies
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

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        groups: dict[tuple, list[_Policy]] = {}
        for file, block in ctx.module.resources(_TYPE):
            policy = _read_policy(ctx, file, block)
            if policy is not None:
                groups.setdefault(policy.key, []).append(policy)
        for policies in groups.values():
            if len(policies) >= 2:
                yield from self._report(ctx, policies)

    # ---- one group of clashing policies ---------------------------------------------------
    def _report(self, ctx: RuleContext, policies: list["_Policy"]) -> Iterable[Finding]:
        kept, known = _choose_kept(policies)
        removed = [p for p in policies if p is not kept]
        notes: list[str] = [
            "target_value: " + ", ".join(f"{p.address} = {p.target_text}" for p in policies)
        ]
        if not known:
            notes.append(
                "the target values cannot be compared statically; the suggestion keeps the first "
                "declared policy"
            )
        fix_edits, fix_notes, blocker, carried = _fix_edits(ctx, kept, removed)
        notes.extend(fix_notes)
        fix = None
        if blocker is not None:
            notes.append(f"no fix: {blocker}")
        else:
            names = [p.address for p in removed]
            removed_names = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            why = "the higher target value" if known else "the first declared; choose the one to keep"
            title = (
                f"Keep {kept.address} ({why}); remove {removed_names}; "
                f"point {'its' if len(removed) == 1 else 'their'} references to {kept.address}"
            )
            if carried:
                title += f"; carry over {' and '.join(carried)}"
            fix = self.fix(title, Applicability.UNSAFE if known else Applicability.DISPLAY_ONLY, *fix_edits)
        for policy in removed:
            message = (
                f"{policy.address} tracks metric {policy.metric_label} on the same scalable target "
                f"as {kept.address}; AWS allows only one TargetTrackingScaling policy per metric"
            )
            yield self.finding(policy.file, policy.block, message, fix=fix, notes=tuple(notes))


# ---- reading a policy ----------------------------------------------------------------------


@dataclass
class _Policy:
    file: SourceFile
    block: Block
    key: tuple  # the scalable target and the metric, normalized
    metric_label: str  # for the message
    config: Block  # target_tracking_scaling_policy_configuration
    targets: list[Any] = field(default_factory=list)  # target_value per instance (number or Unknown)

    @property
    def address(self) -> str:
        return f"{_TYPE}.{self.block.labels[1]}"

    @property
    def target_text(self) -> str:
        """``70 (var.cpu_target_value)``: the value when it is one known number, and the source."""
        attribute = self.config.body.get_attribute("target_value")
        if attribute is None:
            return "(unset)"
        source = attribute.value.source
        values = {v for v in self.targets if _is_number(v)}
        if len(values) == 1 and len(self.targets) == sum(_is_number(v) for v in self.targets):
            value = values.pop()
            shown = str(int(value)) if float(value).is_integer() else repr(value)
            return shown if shown == source else f"{shown} ({source})"
        return source



def _tokens_text(node: Node) -> str:
    """The node's significant tokens, space-separated: layout, comments and line endings ignored."""
    return " ".join(t.value.replace("\r\n", "\n") for t in node.tokens() if t.type != "NL")


def _unwrap(expr: Expression) -> Expression:
    """``(x)`` and ``"${x}"`` stand for ``x``."""
    while True:
        if type(expr) is Parens:
            expr = expr.expression
        elif type(expr) is QuotedTemplate and len(expr.parts) == 1 and type(expr.parts[0]) is Interpolation:
            expr = expr.parts[0].expression
        else:
            return expr


def _expression_text(expr: Expression) -> str:
    return _tokens_text(_unwrap(expr))


def _value_key(ctx: RuleContext, expr: Expression) -> tuple:
    """A comparable form of an expression: its value when known, else its tokens."""
    value = ctx.evaluator.evaluate(expr)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return ("value", value)
    return ("text", _expression_text(expr))


def _attribute_key(ctx: RuleContext, body: Body, name: str, evaluate: bool = True) -> tuple | None:
    attribute = body.get_attribute(name)
    if attribute is None:
        return None
    if not evaluate:
        return ("text", _expression_text(attribute.value))
    return _value_key(ctx, attribute.value)


def _body_key(body: Body) -> tuple:
    """A structural, order-insensitive form of a body (nested blocks such as dimensions are sets)."""
    attributes = tuple(sorted((a.key, _expression_text(a.value)) for a in body.attributes()))
    blocks = tuple(sorted(
        (b.type, b.labels, _body_key(b.body)) for b in body.blocks()
    ))
    return attributes, blocks


def _is_dynamic(body: Body, name: str) -> bool:
    return any(b.labels[:1] == (name,) for b in body.blocks("dynamic"))


def _read_policy(ctx: RuleContext, file: SourceFile, block: Block) -> _Policy | None:
    """The policy's target and metric, or None when it is not a target-tracking policy we can judge."""
    body = block.body
    policy_type = body.get_attribute("policy_type")
    if policy_type is None:
        return None  # the provider's default is StepScaling
    if ctx.evaluator.evaluate(policy_type.value) != "TargetTrackingScaling":
        return None
    if _is_dynamic(body, _CONFIG):
        return None
    configs = body.blocks(_CONFIG)
    if len(configs) != 1:
        return None
    config = configs[0]
    if _is_dynamic(config.body, _PREDEFINED) or _is_dynamic(config.body, _CUSTOMIZED):
        return None
    predefined = config.body.blocks(_PREDEFINED)
    customized = config.body.blocks(_CUSTOMIZED)
    if len(predefined) + len(customized) != 1:
        return None
    if any(_attribute_key(ctx, body, name) is None for name in _TARGET_ATTRIBUTES):
        return None
    instances = ctx.evaluator.instances(block)
    if instances == []:
        return None  # no instance: nothing is created

    if predefined:
        spec = predefined[0].body
        metric_type = spec.get_attribute("predefined_metric_type")
        if metric_type is None:
            return None
        label = spec.get_attribute("resource_label")
        label_key = None if label is None else _value_key(ctx, label.value)
        if label_key == ("value", ""):
            label_key = None
        metric_key: tuple = ("predefined", _value_key(ctx, metric_type.value), label_key)
        known = ctx.evaluator.evaluate(metric_type.value)
        metric_label = known if isinstance(known, str) else metric_type.value.source
        if label_key is not None:
            metric_label += " (same resource_label)"
    else:
        spec = customized[0].body
        metric_key = ("customized", _body_key(spec))
        names = [ctx.evaluator.evaluate(a.value) if a is not None else None
                 for a in (spec.get_attribute("namespace"), spec.get_attribute("metric_name"))]
        if all(isinstance(v, str) for v in names):
            metric_label = f"{names[0]}/{names[1]} (customized)"
        else:
            metric_label = "(the same customized metric specification)"

    target_key = tuple(_attribute_key(ctx, body, name) for name in _TARGET_ATTRIBUTES)
    placement_key = tuple(_attribute_key(ctx, body, name, evaluate=False) for name in _PLACEMENT_ATTRIBUTES)
    policy = _Policy(file, block, (target_key, placement_key, metric_key), metric_label, config)

    target_value = config.body.get_attribute("target_value")
    for scope in instances if instances is not None else [Scope()]:
        value = ctx.evaluator.evaluate(target_value.value, scope) if target_value is not None else Unknown()
        policy.targets.append(value)
    return policy


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _choose_kept(policies: list[_Policy]) -> tuple[_Policy, bool]:
    """The policy whose target value is the highest in every instance (first declared on a tie).

    The second item is False when that cannot be decided; the first declared policy is returned.
    """
    counts = {len(p.targets) for p in policies}
    if len(counts) != 1 or not all(_is_number(v) for p in policies for v in p.targets):
        return policies[0], False
    for candidate in policies:
        if all(
            all(mine >= theirs for mine, theirs in zip(candidate.targets, other.targets))
            for other in policies
        ):
            return candidate, True
    return policies[0], False


# ---- the fix -------------------------------------------------------------------------------


def _fix_edits(
    ctx: RuleContext, kept: _Policy, removed: list[_Policy]
) -> tuple[list[tuple[str, Edit]], list[str], str | None, list[str]]:
    """(edits, notes, the reason there is no fix or None, the attributes carried over)."""
    edits: list[tuple[str, Edit]] = []
    notes: list[str] = []

    # 1. Remove the duplicates, and the blank lines that would double up where they stood.
    by_file: dict[str, tuple[SourceFile, list[Block]]] = {}
    for policy in removed:
        by_file.setdefault(policy.file.path, (policy.file, []))[1].append(policy.block)
    for path, (file, blocks) in by_file.items():
        edits.extend((path, e) for e in _removal_edits(file, blocks))

    # 2. Point every reference to a removed policy at the kept one.
    kept_name = kept.block.labels[1]
    removed_spans = {(p.file.path, p.block) for p in removed}
    for policy in removed:
        for ref in ctx.module.references(policy.address):
            if any(path == ref.file.path and _inside(ref.expression, block) for path, block in removed_spans):
                continue  # goes away with the removed block
            container = _top_level_item(ref.file, ref.expression)
            if container is kept.block:
                return [], notes, f"{kept.address} itself refers to {policy.address} (line {ref.expression.line})", []
            if isinstance(container, Block) and container.type in _ADDRESS_BLOCKS:
                return [], notes, (
                    f"{policy.address} is named in a {container.type} block at "
                    f"{ref.file.path}:{container.type_token.line}; merge the policies by hand"
                ), []
            root, steps = traversal_parts(ref.expression)
            if type(root) is not Variable or not steps or type(steps[0]) is not GetAttr:
                return [], notes, f"cannot rewrite the reference at {ref.file.path}:{ref.expression.line}", []
            name = steps[0].name  # type: ignore[attr-defined]
            edits.append((ref.file.path, Edit(name.start_pos, name.end_pos, kept_name)))

    # 3. Carry over the cooldowns the kept policy lacks, with their comments.
    with_comments: list[str] = []
    plain: list[str] = []
    carried: list[str] = []
    for attribute_name in _COOLDOWNS:
        mine = kept.config.body.get_attribute(attribute_name)
        theirs = [
            (p, a) for p in removed if (a := p.config.body.get_attribute(attribute_name)) is not None
        ]
        if not theirs:
            continue
        if mine is not None:
            if any(_expression_text(a.value) != _expression_text(mine.value) for _p, a in theirs):
                notes.append(
                    f"{attribute_name}: {kept.address} keeps {mine.value.source}; "
                    + ", ".join(f"{p.address} had {a.value.source}" for p, a in theirs)
                )
            continue
        values = {_expression_text(a.value) for _p, a in theirs}
        source = theirs[0][1].value.source
        if len(values) != 1:
            notes.append(
                f"{attribute_name} not carried over: "
                + ", ".join(f"{p.address} has {a.value.source}" for p, a in theirs)
            )
        elif "\n" in source:
            notes.append(f"{attribute_name} not carried over: its value spans several lines")
        else:
            line = f"{attribute_name} = {source}"
            plain.append(line)
            comments = [c for _p, a in theirs for c in _comments_of(a)]
            leading = [c for c in comments if not c.startswith(" ")]
            trailing = [c.strip() for c in comments if c.startswith(" ")]
            with_comments.extend(leading)
            with_comments.append(line + (" " + " ".join(trailing) if len(trailing) == 1 else ""))
            carried.append(attribute_name)
    if carried:
        candidate = _insertion(kept, edits, with_comments)
        if candidate is not None and with_comments != plain and not _stays_fmt_clean(kept.file, candidate):
            notes.append("the comments of the carried cooldowns were left out: they would break the layout")
            candidate = _insertion(kept, edits, plain)
        if candidate is None:
            notes.append("the cooldowns could not be carried over: no target_value line to add them after")
            carried = []
        else:
            edits = candidate

    if _overlapping(edits):
        return [], notes, "the edits of the fix would overlap", []
    return edits, notes, None, carried


def _inside(node: Node, container: Node) -> bool:
    start, end = full_span(container)
    return start <= node.start and node.end <= end


def _top_level_item(file: SourceFile, node: Node) -> Node | None:
    for item in file.tree.body.items:
        if type(item) is not EmptyLine and _inside(node, item):
            return item
    return None


def _removal_edits(file: SourceFile, blocks: list[Block]) -> list[Edit]:
    """Edits removing ``blocks`` (top-level items of ``file``) with the blank lines their removal doubles."""
    items = file.tree.body.items
    doomed = {i for i, item in enumerate(items) if any(item is b for b in blocks)}
    survivors: list[int] = []
    gap = False  # a removed item lies between the last survivor and here
    for i, item in enumerate(items):
        if i in doomed:
            gap = True
            continue
        blank = type(item) is EmptyLine and item.comment is None
        if blank and gap and (not survivors or _is_blank(items[survivors[-1]])):
            doomed.add(i)  # would start the file, or follow another blank line
            continue
        survivors.append(i)
        gap = False if not blank else gap
    if gap and not file.tree.eof.prefix.strip():
        # Removed at the end of the file: drop the blank lines left before it.
        while survivors and _is_blank(items[survivors[-1]]):
            doomed.add(survivors.pop())
    spans = sorted(full_span(items[i]) for i in doomed)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Edit(start, end, "") for start, end in merged]


def _is_blank(item: Node) -> bool:
    return type(item) is EmptyLine and item.comment is None


def _comments_of(attribute: Attribute) -> list[str]:
    """Its comment lines above (``# ...``) and its trailing comment (`` # ...``, with a leading space)."""
    out = [line.comment for line in attribute.leading_lines if line.comment]
    if attribute.newline is not None and attribute.newline.prefix.strip():
        trailing = attribute.newline.prefix.strip()
        if "\n" not in trailing and not trailing.startswith("/*"):
            out.append(" " + trailing)
    return out  # type: ignore[return-value]


def _insertion(kept: _Policy, edits: list[tuple[str, Edit]], lines: list[str]) -> list[tuple[str, Edit]] | None:
    """``edits`` plus ``lines`` inserted after the kept policy's ``target_value`` line, indented like
    it, the ``=`` run they land in re-aligned as terraform fmt would; None without such a line."""
    anchor: Attribute | None = kept.config.body.get_attribute("target_value")
    if anchor is None or anchor.newline is None or kept.config.is_one_line:
        return None
    file = kept.file
    indent = indentation_of(anchor, file.text)
    newline = file.tree.newline
    at = anchor.newline.end_pos
    insertion = Edit(at, at, "".join(indent + line + newline for line in lines))
    return edits + [(file.path, e) for e in realign(file.text, file.tree, [insertion])]


def _stays_fmt_clean(file: SourceFile, edits: list[tuple[str, Edit]]) -> bool:
    """False when ``file`` is laid out as terraform fmt would and ``edits`` would break that."""
    from ..layout import format_source

    try:
        if format_source(file.text) != file.text:
            return True
        after = apply_edits(file.text, [e for p, e in edits if p == file.path])
        return format_source(after) == after
    except Exception:  # noqa: BLE001 - an edit that does not even parse is caught by the fix loop
        return False


def _overlapping(edits: list[tuple[str, Edit]]) -> bool:
    by_path: dict[str, list[Edit]] = {}
    for path, edit in edits:
        by_path.setdefault(path, []).append(edit)
    for items in by_path.values():
        items.sort(key=lambda e: (e.start, e.end))
        for a, b in zip(items, items[1:]):
            if b.start < a.end or (a.start == a.end == b.start == b.end):
                return True
    return False
