"""AWS004: ECS rolling-deployment settings written inside a ``deployment_configuration`` block
(the ``aws_ecs_service`` case of the provider-schema check, AWS100-AWS102)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Union

from ..editor import EditError
from ..facts.ecs_service import MOVED_ATTRIBUTES, MOVED_BLOCKS, V6_4, VALID_ATTRIBUTES, VALID_BLOCKS, Release
from ..findings import Applicability, Finding, Fix, Severity
from ..schema.module_check import SchemaCheck
from ..schema.validate import Mismatch, MismatchKind
from ..syntax.nodes import Attribute, Block, Body, EmptyLine, Object, brief, generated_type, item_name, same_setting
from ..syntax.restructure import comments_in
from .base import RuleContext, join_words
from .provider_schema import SchemaRule, release_in_use, validate_says

__all__ = ["EcsDeploymentConfiguration"]

Item = Union[Attribute, Block]
_BLOCK = "deployment_configuration"
_VALID_LIST = "strategy, bake_time_in_minutes, lifecycle_hook, canary_configuration and linear_configuration"
# What the block's own findings gather: the unsupported things written in its body.
_INSIDE = frozenset({MismatchKind.UNSUPPORTED_ARGUMENT, MismatchKind.UNSUPPORTED_BLOCK,
                     MismatchKind.BLOCK_AS_ARGUMENT, MismatchKind.ARGUMENT_AS_BLOCK})


class EcsDeploymentConfiguration(SchemaRule):
    """ECS service deployment settings nested in a `deployment_configuration` block instead of set on the service.

    ## What it does
    AWS004 is now part of the provider-schema check (AWS100 unsupported argument, AWS101
    unsupported block, AWS102 block written as argument): the schema of the AWS provider
    version in use (see AWS100: `.terraform.lock.hcl`, else `required_providers`, else the
    newest; `--provider-version` overrides) finds the mismatch, and every mismatch in or
    at an `aws_ecs_service`'s `deployment_configuration` carries the code AWS004, so
    suppressions and selections naming it keep their meaning, and gets this rule's fix.

    Before provider 6.4.0 the block does not exist (an unsupported block); since 6.4.0 it
    takes `strategy`, `bake_time_in_minutes`, `lifecycle_hook`, and since 6.21.0
    `canary_configuration` / `linear_configuration` (a release between the bundled
    schema's and those is told by `fixer/schema/additions.py`). What it most often holds
    instead are settings the provider takes at the service level: `maximum_percent` and
    `minimum_healthy_percent` (the service's `deployment_maximum_percent` and
    `deployment_minimum_healthy_percent`), and nested `deployment_circuit_breaker` or
    `alarms` blocks. `deployment_configuration = {...}`, the object form of the ECS API,
    is an unsupported argument before 6.4 and a block written as an argument since.
    The finding names the version it was checked against.

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
    argument form is reported without a fix. A block the version in use does not have and
    that holds none of those settings gets no fix (raising the provider version is the
    author's decision), unless it is empty: then it is removed (safe).

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
    case = "AWS004"

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per ``deployment_configuration`` block (for every unsupported thing in
        it, or for the block itself), per argument form, and per other mismatch there."""
        inside: dict[int, tuple[object, Block, Block, list[Mismatch], SchemaCheck]] = {}
        for file, mismatch, check in self.mismatches(ctx):
            resource = mismatch.trail[0]
            if mismatch.path == (_BLOCK,) and mismatch.kind in _INSIDE:
                block = mismatch.trail[1]  # the literal block, or the dynamic one
                inside.setdefault(id(block), (file, resource, block, [], check))[3].append(mismatch)
            elif not mismatch.path and type(mismatch.node) is Attribute:
                yield self._argument(ctx, file, mismatch, check)
            elif not mismatch.path and mismatch.kind == MismatchKind.UNSUPPORTED_BLOCK:
                for block in resource.body.blocks():
                    if generated_type(block) == _BLOCK:  # the schema names the first; each is judged
                        yield self._block(ctx, file, resource, block, [mismatch], check, unsupported=True)
            elif mismatch.certain:  # an unbounded dynamic "deployment_configuration" may make one block
                yield self.finding(file, mismatch.node, f"{mismatch.address}: {validate_says(mismatch, check)}", notes=(check.note,),
                                   severity=Severity.WARNING if mismatch.kind == MismatchKind.DEPRECATED_ARGUMENT else None)
        for file, resource, block, mismatches, check in inside.values():
            yield self._block(ctx, file, resource, block, mismatches, check, unsupported=False)

    def _block(
        self, ctx: RuleContext, file, resource: Block, block: Block, mismatches: list[Mismatch],  # type: ignore[no-untyped-def]
        check: SchemaCheck, *, unsupported: bool,
    ) -> Finding:
        """The finding for one ``deployment_configuration`` block (literal or ``dynamic``):
        ``unsupported`` when the version in use has no such block."""
        dynamic = block if block.type == "dynamic" else None
        contents = dynamic.body.blocks("content") if dynamic is not None else [block]
        plan = _classify(contents[0].body) if contents else _Plan()
        address = mismatches[0].address
        version = release_in_use(check)
        if unsupported:
            said = f'Blocks of type "{_BLOCK}" are not expected here in AWS provider {version}'
        else:
            more = f" (and {len(mismatches) - 1} more)" if len(mismatches) > 1 else ""
            said = f"{validate_says(mismatches[0], check)}{more}"
        where = ('dynamic "deployment_configuration"' if dynamic else _BLOCK) + f" of {address}"
        if plan.moved:
            return self._moved(ctx, file, resource, block, plan, where, f"{address}: {said}", check, unsupported)
        fix = None
        if unsupported and dynamic is None and not (plan.valid or plan.unknown) and not comments_in(block.tokens()):
            fix = ctx.editor(file).remove(block, parent=resource).fix(
                "Remove the empty deployment_configuration block", Applicability.SAFE
            )
        newer = [f"`{item_name(i)}` needs AWS provider >= {show(v)}" for i, v in plan.valid if v > V6_4]
        notes = [f"{_BLOCK} needs AWS provider >= {show(V6_4)}" if unsupported else "", *newer]
        return self.finding(file, block, f"{address}: {said}", fix=fix, notes=tuple(n for n in notes if n) + (check.note,))

    def _moved(
        self, ctx: RuleContext, file, resource: Block, block: Block, plan: "_Plan", where: str, said: str,  # type: ignore[no-untyped-def]
        check: SchemaCheck, unsupported: bool,
    ) -> Finding:
        service = resource.body
        notes = [f"`{name}` is not an argument of deployment_configuration either; it is left in the block"
                 for name in plan.unknown]
        keeps = bool(plan.valid or plan.unknown)
        if keeps and unsupported:
            notes.append(f"the deployment_configuration block that remains needs AWS provider >= {show(plan.required)}")
        blockers = []
        if block.type == "dynamic":
            blockers.append("a dynamic block is not rewritten automatically; move the settings by hand")
        if sum(generated_type(b) == _BLOCK for b in service.blocks()) > 1:
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
            editor = ctx.editor(file)
            try:
                for item, twin in twins.items():
                    editor.copy_comments(item, above=twin)
                if keeps:
                    editor.move_above(plan.moved, block, renames=MOVED_ATTRIBUTES, drop=twins)
                else:
                    editor.unwrap(block, resource, renames=MOVED_ATTRIBUTES, drop=twins)
                fix = editor.fix(_title(plan.moved, list(twins), keeps), Applicability.SAFE)
            except EditError:
                notes.append("the settings could not be moved automatically (heredoc or unusual indentation)")
        names = [f"`{item_name(i)}`" for i in plan.moved]
        are = "is a service-level setting" if len(names) == 1 else "are service-level settings"
        message = f"{said}; {join_words(names)} in the {where} {are}"
        return self.finding(file, block, message, fix=fix, notes=tuple(notes) + (check.note,))

    def _argument(self, ctx: RuleContext, file, mismatch: Mismatch, check: SchemaCheck) -> Finding:  # type: ignore[no-untyped-def]
        """``deployment_configuration = {...}``: the object form of the ECS API, which no provider takes."""
        attribute, value = mismatch.node, mismatch.node.value  # type: ignore[attr-defined]
        keys = [i.key_name for i in value.items] if type(value) is Object else []
        moved = [k for k in keys if k in MOVED_ATTRIBUTES or k in MOVED_BLOCKS]
        said = f"{mismatch.address}: {validate_says(mismatch, check)}"
        why = (f"{' ' if said.endswith('?') else '; '}{join_words(f'`{k}`' for k in moved)} {'is a service-level setting' if len(moved) == 1 else 'are service-level settings'}"
               if moved else "")
        fix = None
        if keys and all(k in MOVED_ATTRIBUTES for k in keys) and not comments_in(attribute.tokens()):
            lines = [f"{MOVED_ATTRIBUTES[i.key_name]} = {i.value.source}" for i in value.items]
            if not any("\n" in line for line in lines) and len(set(keys)) == len(keys):
                editor = ctx.editor(file).replace_item(attribute, "\n".join(lines))
                fix = editor.fix(f"Set {join_words(MOVED_ATTRIBUTES[k] for k in keys)} on the service", Applicability.SAFE)
        if moved:
            hint = f"set {'it' if len(moved) == 1 else 'them'} on the service by hand"
        elif mismatch.kind == MismatchKind.BLOCK_AS_ARGUMENT:
            hint = "write it as a block, without `=`"
        else:
            hint = f"{_BLOCK} needs AWS provider >= {show(V6_4)}, written as a block"
        return self.finding(file, attribute, said + why, fix=fix, notes=(() if fix else (hint,)) + (check.note,))


@dataclass
class _Plan:
    """The items of a deployment_configuration body, sorted by what becomes of them."""

    moved: list[Item] = field(default_factory=list)  # service-level settings, in source order
    valid: list[tuple[Item, Release]] = field(default_factory=list)  # what the 6.4+ block takes, and since when
    unknown: list[str] = field(default_factory=list)  # anything else, by name
    repeated: list[str] = field(default_factory=list)  # moved settings given more than once
    required: Release = V6_4  # the provider version the valid contents need


def show(release: Release) -> str:
    """``6.4.0``."""
    return ".".join(map(str, release))


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

