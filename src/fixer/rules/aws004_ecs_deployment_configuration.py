"""AWS004: ECS rolling-deployment settings written inside a ``deployment_configuration`` block
(the ``aws_ecs_service`` case of the provider-schema check, AWS100-AWS102)."""

from __future__ import annotations

from typing import Iterable

from ..editor import EditError
from ..facts.ecs_service import MOVED_ATTRIBUTES, MOVED_BLOCKS, V6_4, VALID_ATTRIBUTES, VALID_BLOCKS
from ..findings import Applicability, Finding, Fix, Severity
from ..hoist import Hoist, HoistPlan, plan_hoist
from ..schema.module_check import SchemaCheck
from ..schema.versions import release_text
from ..schema.validate import Mismatch, MismatchKind
from ..syntax.nodes import Attribute, Block, Object, generated_type, item_name
from ..syntax.restructure import comments_in
from .base import RuleContext, join_words
from .provider_schema import SchemaRule, in_release, validate_says

__all__ = ["EcsDeploymentConfiguration"]

_BLOCK = "deployment_configuration"
# What moves to the service, and what the 6.4+ block keeps (with the version since which).
_HOIST = Hoist(_BLOCK, MOVED_ATTRIBUTES, MOVED_BLOCKS, VALID_ATTRIBUTES, VALID_BLOCKS, parent="service")
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
    The finding names the version it was checked against. A module pinned below every
    bundled schema (provider 2.x; the oldest bundled is 3.75) still gets this finding, as
    the block was added in 6.4.0: "... not expected here in AWS provider 2.x (added in
    6.4.0)", with the same fix.

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
        plan = plan_hoist(_HOIST, block, resource)
        address = mismatches[0].address
        if unsupported:
            said = f'Blocks of type "{_BLOCK}" are not expected here{in_release(mismatches[0], check)}'
        else:
            more = f" (and {len(mismatches) - 1} more)" if len(mismatches) > 1 else ""
            said = f"{validate_says(mismatches[0], check)}{more}"
        where = ('dynamic "deployment_configuration"' if dynamic else _BLOCK) + f" of {address}"
        if plan.moved:
            return self._moved(ctx, file, plan, where, f"{address}: {said}", check, unsupported)
        fix = None
        if unsupported and dynamic is None and not plan.keeps and not comments_in(block.tokens()):
            fix = ctx.editor(file).remove(block, parent=resource).fix(
                "Remove the empty deployment_configuration block", Applicability.SAFE
            )
        newer = [f"`{item_name(i)}` needs AWS provider >= {release_text(v)}" for i, v in plan.kept if v > V6_4]
        notes = [f"{_BLOCK} needs AWS provider >= {release_text(V6_4)}" if unsupported else "", *newer]
        return self.finding(file, block, f"{address}: {said}", fix=fix, notes=tuple(n for n in notes if n) + (check.note,))

    def _moved(
        self, ctx: RuleContext, file, plan: HoistPlan, where: str, said: str,  # type: ignore[no-untyped-def]
        check: SchemaCheck, unsupported: bool,
    ) -> Finding:
        notes = plan.notes
        if plan.keeps and unsupported:
            required = max([V6_4, *(since for _, since in plan.kept)])
            notes.append(f"the deployment_configuration block that remains needs AWS provider >= {release_text(required)}")
        notes += plan.blockers
        fix: Fix | None = None
        if not plan.blockers:
            try:
                fix = plan.apply(ctx.editor(file)).fix(plan.title, Applicability.SAFE)
            except EditError:
                notes.append("the settings could not be moved automatically (heredoc or unusual indentation)")
        names = [f"`{item_name(i)}`" for i in plan.moved]
        are = "is a service-level setting" if len(names) == 1 else "are service-level settings"
        message = f"{said}; {join_words(names)} in the {where} {are}"
        return self.finding(file, plan.block, message, fix=fix, notes=tuple(notes) + (check.note,))

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
            hint = f"{_BLOCK} needs AWS provider >= {release_text(V6_4)}, written as a block"
        return self.finding(file, attribute, said + why, fix=fix, notes=(() if fix else (hint,)) + (check.note,))

