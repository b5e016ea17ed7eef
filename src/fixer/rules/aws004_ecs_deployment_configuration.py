"""AWS004: ECS rolling-deployment settings written inside a ``deployment_configuration`` block."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

from ..editor import EditError
from ..facts.ecs_service import MOVED_ATTRIBUTES, MOVED_BLOCKS, V6_4, VALID_ATTRIBUTES, VALID_BLOCKS
from ..findings import Applicability, Finding, Fix, Severity
from ..model.constraints import Version, admits, show
from ..syntax.nodes import Attribute, Block, Body, EmptyLine, Object, brief, generated_type, item_name, same_setting
from ..syntax.restructure import comments_in
from .base import FixAvailability, Rule, RuleContext, Site, Target, join_words

__all__ = ["EcsDeploymentConfiguration"]

Item = Union[Attribute, Block]
_VALID_LIST = "strategy, bake_time_in_minutes, lifecycle_hook, canary_configuration and linear_configuration"


class EcsDeploymentConfiguration(Rule):
    """ECS service deployment settings nested in a `deployment_configuration` block instead of set on the service.

    ## What it does
    Finds `deployment_configuration` blocks in `aws_ecs_service` that hold
    settings the AWS provider takes at the service level: `maximum_percent`
    and `minimum_healthy_percent` (the service's `deployment_maximum_percent`
    and `deployment_minimum_healthy_percent`), and nested
    `deployment_circuit_breaker` or `alarms` blocks (service-level blocks).
    It also reports `deployment_configuration = {...}`, the object form of the
    ECS API, which no provider version takes as an argument.

    It also checks the block against the AWS provider version the module
    asks for in `required_providers`: the block itself only exists since
    provider 6.4.0 (`strategy`, `bake_time_in_minutes`, `lifecycle_hook`),
    and `canary_configuration` / `linear_configuration` since 6.21.0. A block
    that is valid for new providers is reported when the constraint allows
    only older ones (error) or also older ones (warning). When no version is
    constrained, Terraform installs the newest provider, so nothing is
    reported for an otherwise valid block.

    `terraform validate` checks the arguments of every resource block, whatever its
    `count`, so a service with `count = 0` is checked too.

    ## Why is this bad?
    The ECS API (and CloudFormation) nest `maximumPercent`,
    `minimumHealthyPercent`, `deploymentCircuitBreaker` and `alarms` in a
    `DeploymentConfiguration` object, but the Terraform resource flattens
    them onto the service. `terraform validate` fails. With a provider older
    than 6.4.0:

        Error: Unsupported block type
        Blocks of type "deployment_configuration" are not expected here.

    and with 6.4.0 or newer, where the block exists with other contents:

        Error: Unsupported argument
        An argument named "maximum_percent" is not expected here.

    ## Example
    ```hcl
    resource "aws_ecs_service" "app" {
      name          = "app"
      desired_count = 2

      deployment_configuration {
        maximum_percent         = 200
        minimum_healthy_percent = 100
      }

      deployment_circuit_breaker {
        enable   = true
        rollback = true
      }
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_ecs_service" "app" {
      name          = "app"
      desired_count = 2

      deployment_maximum_percent         = 200
      deployment_minimum_healthy_percent = 100

      deployment_circuit_breaker {
        enable   = true
        rollback = true
      }
    }
    ```
    A block that also holds 6.4 settings (`strategy = "BLUE_GREEN"`, ...) is
    kept with those; the moved settings go just above it.

    ## Fix safety
    Safe. The fix moves each value unchanged to the argument or block the
    provider reads it from, in place of the block (or just above a block
    that keeps 6.4 settings), with its comments; an emptied block is removed.
    The configuration did not validate before, and afterwards it asks for
    exactly the deployment settings it spelled out. When the service already
    sets the same setting with an identical value, the nested copy is dropped
    (its comments are kept); when the values differ, the finding names the
    conflict and offers no fix, since only the author knows which is meant.
    No fix either for a `dynamic "deployment_configuration"` block, for more
    than one `deployment_configuration` block, or for a repeated setting.
    A service-level `deployment_circuit_breaker` or `alarms` block is never
    changed. The argument form `deployment_configuration = { maximum_percent = 200 }`
    gets the same safe fix when it holds only `maximum_percent` /
    `minimum_healthy_percent` with one-line values and no comment; any other
    argument form is reported without a fix. The version findings have no fix: raising a provider constraint
    is the author's decision.

    ## References
    - AWS provider schema of `aws_ecs_service`, hashicorp/terraform-provider-aws
      `internal/service/ecs/service.go`: top-level `deployment_maximum_percent`
      (default 200), `deployment_minimum_healthy_percent` (default 100),
      `deployment_circuit_breaker` and `alarms` (MaxItems 1);
      `deployment_configuration` with `strategy`, `bake_time_in_minutes`,
      `lifecycle_hook`, `canary_configuration`, `linear_configuration`.
    - AWS provider CHANGELOG: 6.4.0 (July 17, 2025) "resource/aws_ecs_service:
      Add `deployment_configuration` argument" (#43434); 6.21.0 (November 13,
      2025) adds `deployment_configuration.linear_configuration` and
      `deployment_configuration.canary_configuration` (#44842).
    - Terraform registry, `aws_ecs_service`:
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service
    - Amazon ECS API Reference, `DeploymentConfiguration`:
      https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
    - HCL's "Unsupported block type" / "Unsupported argument" diagnostics:
      hashicorp/hcl `hclsyntax/structure.go`.
    """

    code = "AWS004"
    name = "ecs-deployment-configuration"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.ERROR
    targets = (Target("aws_ecs_service", attributes=("deployment_configuration",), blocks=("deployment_configuration",)),)
    messages = {
        "moved": "{settings} in the {where} {are}; the block (AWS provider >= 6.4) only takes " + _VALID_LIST,
        "old-only": '{what} needs AWS provider >= {need}, but the version constraint "{constraint}" '
        "allows only older versions, which reject it",
        "argument": "deployment_configuration of {address} is written as an argument (`= {{...}}`), which the "
        "AWS provider does not take: {why}",
        "also-old": '{what} needs AWS provider >= {need}; the version constraint "{constraint}" '
        "also allows older versions, which reject it",
    }

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        if site.attribute is not None:
            yield self._argument(site, ctx)
            return
        content, dynamic = site.block, site.dynamic
        if site.path != ("deployment_configuration",) or content is None:
            return  # only the service's own block (not one nested deeper)
        if dynamic is not None and content is not dynamic.body.blocks("content")[0]:
            return
        plan = _classify(content.body)
        where = ('dynamic "deployment_configuration"' if dynamic else "deployment_configuration") + f" of {site.address}"
        constraint = ctx.module.required_provider_version("aws")
        if plan.moved:
            yield self._moved(site, ctx, plan, where, constraint)
        else:
            yield from self._version(site, ctx, plan, where, constraint)

    def _moved(self, site: Site, ctx: RuleContext, plan: "_Plan", where: str, constraint: str | None) -> Finding:
        service, block = site.resource.body, site.dynamic or site.block
        notes = [f"`{name}` is not an argument of deployment_configuration either; it is left in the block"
                 for name in plan.unknown]
        keeps = bool(plan.valid or plan.unknown)
        if keeps and (note := _version_note(plan.required, constraint)):
            notes.append(note)
        blockers = []
        if site.dynamic:
            blockers.append("a dynamic block is not rewritten automatically; move the settings by hand")
        if sum(generated_type(b) == "deployment_configuration" for b in service.blocks()) > 1:
            blockers.append("the service has more than one deployment_configuration block; merge them by hand")
        blockers += [f"`{name}` is set more than once in the block; keep one by hand" for name in plan.repeated]
        twins: dict[Item, Item] = {}  # a nested setting -> the identical service-level one (it is dropped)
        for item in plan.moved:
            existing = _service_level(service, item)
            if existing is not None and same_setting(existing, item):
                twins[item] = existing
            elif existing is not None:
                blockers.append(
                    f"conflict: the service already sets `{MOVED_ATTRIBUTES.get(item_name(item), item_name(item))}` "
                    f"({brief(existing)}), "
                    f"which differs from `{item_name(item)}` ({brief(item)}) in the block; decide which one is meant"
                )
        notes += blockers
        fix: Fix | None = None
        if not blockers:
            editor = ctx.editor(site)
            try:
                for item, twin in twins.items():
                    editor.copy_comments(item, above=twin)
                if keeps:
                    editor.move_above(plan.moved, block, renames=MOVED_ATTRIBUTES, drop=twins)
                else:
                    editor.unwrap(block, site.resource, renames=MOVED_ATTRIBUTES, drop=twins)
                fix = editor.fix(_title(plan.moved, list(twins), keeps), Applicability.SAFE)
            except EditError:
                notes.append("the settings could not be moved automatically (heredoc or unusual indentation)")
        names = [f"`{item_name(i)}`" for i in plan.moved]
        are = "is a service-level setting" if len(names) == 1 else "are service-level settings"
        return self.report(site, "moved", node=block, settings=join_words(names), where=where, are=are,
                           fix=fix, notes=tuple(notes))

    def _argument(self, site: Site, ctx: RuleContext) -> Finding:
        """``deployment_configuration = {...}``: the object form of the ECS API, which no provider takes."""
        attribute, value = site.attribute, site.attribute.value  # type: ignore[union-attr]
        keys = [i.key_name for i in value.items] if type(value) is Object else []  # type: ignore[attr-defined]
        moved = [k for k in keys if k in MOVED_ATTRIBUTES or k in MOVED_BLOCKS]
        why = (f"{join_words(f'`{k}`' for k in moved)} {'is a service-level setting' if len(moved) == 1 else 'are service-level settings'}"
               if moved else "since provider 6.4 deployment_configuration is a block")
        fix = None
        if keys and all(k in MOVED_ATTRIBUTES for k in keys) and not comments_in(attribute.tokens()):  # type: ignore[union-attr]
            lines = [f"{MOVED_ATTRIBUTES[i.key_name]} = {i.value.source}" for i in value.items]  # type: ignore[attr-defined]
            if not any("\n" in line for line in lines) and len(set(keys)) == len(keys):
                editor = ctx.editor(site).replace_item(attribute, "\n".join(lines))  # type: ignore[arg-type]
                fix = editor.fix(f"Set {join_words(MOVED_ATTRIBUTES[k] for k in keys)} on the service", Applicability.SAFE)
        hint = f"set {'it' if len(moved) == 1 else 'them'} on the service by hand" if moved else "write it as a block, without `=` (AWS provider >= 6.4)"
        return self.report(site, "argument", node=attribute, why=why, fix=fix, notes=() if fix else (hint,))

    def _version(
        self, site: Site, ctx: RuleContext, plan: "_Plan", where: str, constraint: str | None
    ) -> Iterator[Finding]:
        verdict = admits(constraint, plan.required) if constraint is not None else None
        if verdict is None or not verdict[0]:
            return  # no constraint (the newest provider is installed), an unreadable one, or a new enough one
        need, block = show(plan.required), site.dynamic or site.block
        newest = [item_name(i) for i, version in plan.valid if version == plan.required]
        what = f"{join_words(f'`{n}`' for n in newest)} in the {where}" if plan.required > V6_4 and newest else f"the {where}"
        fix = None
        if site.dynamic is None and not (plan.valid or plan.unknown) and not comments_in(block.tokens()):
            fix = ctx.editor(site).remove(block, parent=site.resource).fix(
                "Remove the empty deployment_configuration block", Applicability.SAFE
            )
        yield self.report(
            site, "also-old" if verdict[1] else "old-only", node=block, what=what, need=need,
            constraint=constraint, severity=Severity.WARNING if verdict[1] else Severity.ERROR, fix=fix,
            notes=(f'require version ">= {need}" for aws in required_providers, or drop it',),
        )


@dataclass
class _Plan:
    """The items of a deployment_configuration body, sorted by what becomes of them."""

    moved: list[Item] = field(default_factory=list)  # service-level settings, in source order
    valid: list[tuple[Item, Version]] = field(default_factory=list)  # what the 6.4+ block takes, and since when
    unknown: list[str] = field(default_factory=list)  # anything else, by name
    repeated: list[str] = field(default_factory=list)  # moved settings given more than once
    required: Version = V6_4  # the provider version the valid contents need


def _classify(body: Body) -> _Plan:
    plan, seen = _Plan(), set()
    for item in body.items:
        if isinstance(item, EmptyLine):
            continue
        attribute = isinstance(item, Attribute)
        name = item.key if attribute else generated_type(item)
        valid = VALID_ATTRIBUTES if attribute else VALID_BLOCKS
        if name in (MOVED_ATTRIBUTES if attribute else MOVED_BLOCKS):
            plan.moved.append(item)
            if name in seen and name not in plan.repeated:
                plan.repeated.append(name)
            seen.add(name)
        elif name in valid:
            plan.valid.append((item, valid[name]))
            plan.required = max(plan.required, valid[name])
        else:
            plan.unknown.append(f'dynamic "{name}"' if not attribute and item.type == "dynamic" else name)
    return plan


def _service_level(service: Body, item: Item) -> Item | None:
    """The service-level attribute or block the moved ``item`` would become, if already there."""
    if isinstance(item, Attribute):
        return service.get_attribute(MOVED_ATTRIBUTES[item.key])
    return next((b for b in service.blocks() if generated_type(b) == generated_type(item)), None)


def _title(moved: list[Item], dropped: list[Item], keeps: bool) -> str:
    attrs = [MOVED_ATTRIBUTES[i.key] for i in moved if isinstance(i, Attribute) and i not in dropped]
    blocks = [item_name(i) for i in moved if isinstance(i, Block) and i not in dropped]
    clauses = [f"Set {join_words(attrs)} on the service"] if attrs else []
    if blocks:
        clauses.append(f"move {join_words(blocks)} to the service level")
    if dropped:
        clauses.append(f"drop the nested {join_words(item_name(i) for i in dropped)} identical to the service's")
    if not keeps:
        clauses.append("remove the emptied deployment_configuration block")
    text = join_words(clauses)
    return text[:1].upper() + text[1:]


def _version_note(required: Version, constraint: str | None) -> str | None:
    """What the block that remains after the fix needs, when the constraint may not give it."""
    head = f"the deployment_configuration block that remains needs AWS provider >= {show(required)}"
    verdict = admits(constraint, required) if constraint is not None else None
    if constraint is None or verdict is None:
        why = "could not be read" if constraint else None
        return f'{head}; the version constraint "{constraint}" {why}' if why else f"{head}; required_providers sets no version for aws"
    if not verdict[0]:
        return None
    if not verdict[1]:
        return f'{head}, which the version constraint "{constraint}" excludes'
    return f'{head}; the version constraint "{constraint}" also allows older versions'
