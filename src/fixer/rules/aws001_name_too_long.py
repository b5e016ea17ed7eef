"""AWS001: a resource name longer than AWS allows, or made of characters it rejects."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from ..facts.aws_names import NAME_SPECS, spec_for
from ..findings import Finding, Fix, Severity
from ..model.bounds import longest_text
from ..model.evaluate import Evaluator, Unknown
from ..model.sites import describe_input, describe_length
from ..model.values import example_calls
from ..names.character_fix import character_fix
from ..names.checks import as_name, quote_name
from ..names.length_fix import length_fix
from ..names.site import NameInstance, NameSite
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["NameTooLong", "ASSUMED_INPUT_LENGTH"]

# The length assumed for an input tffix cannot bound (a variable with no validation, type or
# value, an unknown for_each key). 24 is the 80th percentile of the 146 names the example
# callers in ../shared/corpus pass to a module's name inputs (median 16, 75th percentile 21,
# 90th 29): long enough to catch a load balancer named from one input plus a ten-character
# tail (a real failure with a 21-character input), short enough that the seed module's
# "tg-web-${var.environment_suffix}" (7 known characters) stays silent. See docs/rules.md.
ASSUMED_INPUT_LENGTH = 24


class NameTooLong(Rule):
    """A resource name is, or can be, longer than AWS allows, or breaks its character rules.

    ## What it does

    Evaluates every name-like argument of the resource types in the facts table
    (`fixer.facts.aws_names`: target groups, load balancers, IAM roles, policies,
    instance profiles and users, Lambda functions, SQS queues, SNS topics, S3 buckets,
    ElastiCache clusters and replication groups, RDS instances and clusters, ECR
    repositories, Step Functions, Secrets Manager secrets, EventBridge rules, KMS
    aliases, Kinesis streams, DynamoDB tables, Cognito user pools, WAF, Glue jobs,
    SageMaker, log groups, ...) for each `for_each` key and `count` index, from
    literals, variables (tfvars, `--var`, defaults) and locals, and checks it against
    the provider's and AWS's limit: its length (`name_prefix` gets 26 characters less,
    the provider appends a unique suffix), the characters allowed, and how it may
    begin and end.

    When an input cannot be known, the rule bounds it: a variable's `validation`
    (`length(var.x) <= N`, `can(regex("^.{1,N}$", var.x))`, `contains([...], var.x)`)
    or `type = bool`; `random_string.length`, `random_id.byte_length`, `random_uuid`,
    `random_integer`; data sources with fixed-length results (account ID 12 characters,
    region at most 14, partition at most 10). An input with no bound is taken at the
    **assumed input length** (`[rules.AWS001] assumed-input-length`, default 24, the
    80th percentile of the names example callers pass in the corpus tffix is tested
    on). It reports an error when an instance is too long, or when the known parts
    alone are; a warning when the name can be too long with its inputs at their bound
    or assumed length. A name that is one unbounded input passed through
    (`name = var.name`) is the caller's choice and is not reported. A variable whose
    default is `""` or `null` counts as unknown: it is a placeholder for the caller.

    ## Why is this bad?

    The name never reaches AWS. For a target group, `terraform plan` stops with
    `"name" cannot be longer than 32 characters`; a truncated name that ends in a
    hyphen fails with `"name" cannot end with a hyphen`; an RDS identifier with capitals
    fails with `only lowercase alphanumeric characters and hyphens allowed in
    "identifier"`. The overflow often shows only in one `for_each` instance (the
    longest key) or only for someone else's `environment_suffix`: module code is called
    with inputs its author never sees.

    ## Example

    ```hcl
    resource "aws_lb_target_group" "services" {
      for_each = var.service_config # ..., "notification-service", ...
      name     = "tg-${each.key}-${var.environment_suffix}"
    }
    ```

    ## Use instead

    When the suffix is bounded (a `validation` block), keep it whole and shorten the
    rest, as authors do by hand:

    ```hcl
    name = "${trimsuffix(substr("tg-${each.key}", 0, 32 - length("-${var.environment_suffix}")), "-")}-${var.environment_suffix}"
    ```

    When the suffix itself can be too long, keep names that fit and end the others, cut
    to the limit, with a hash of the whole name, so two environments or keys that
    differ anywhere get different names:

    ```hcl
    name = length("tg-${each.key}-${var.environment_suffix}") <= 32 ? "tg-${each.key}-${var.environment_suffix}" : "${substr("tg-${each.key}-${var.environment_suffix}", 0, 25)}-${substr(md5("tg-${each.key}-${var.environment_suffix}"), 0, 6)}"
    ```

    Plain `trimsuffix(substr(name, 0, 32), "-")` is not enough: environments `synthl9l1q`
    and `synthl9l2q` both become `tg-notification-service-synthl9l`, one name for two
    target groups in one account.

    When the name is built from one variable of the module and may be too long (a
    warning), the fix instead adds a `validation` block to that variable
    (`length(var.environment_suffix) <= 8`, with a message naming the resource and the
    limit): a clear error at plan time, and no name changes.

    ## Fix safety

    Every rename is verified with the evaluator on each known instance and on made-up
    inputs up to their bound (for an unbounded input, longer than the limit): the new
    names fit, break no rule the old ones kept, names that fitted keep their exact
    value, names that differed (between instances, or between inputs that differ only in
    their last character) still differ, and no new name is one another resource of the
    same type already has. For a name that is too long, the verified fix is **safe**: it
    only renames instances that can never be created, so no deployed resource is
    replaced. For a name that may be too long (a warning) the fix is **unsafe**, as is
    one that cannot be verified because an input stays unknown, the `validation` block
    (it rejects inputs the caller may rely on for instances tffix does not see), and
    shortening a literal name (the new name is tffix's choice). `lower()` of a name
    whose only fault is capitals, on a lowercase-only type, is safe (valid names are
    already lowercase). Other character faults are reported without a fix.

    ## References

    - Each limit's source is cited in its row of `src/fixer/facts/aws_names.py`.
    - hashicorp/terraform-provider-aws `internal/service/elbv2/validate.go`
      (`validName`, `validNamePrefix`, `validTargetGroupName`,
      `validTargetGroupNamePrefix`)
    - `internal/service/iam/role.go` (`roleNameMaxLen = 64`,
      `roleNamePrefixMaxLen`) and `internal/service/iam/validate.go`
    - `internal/service/sqs/queue.go` (`^[0-9A-Za-z_-]{1,75}\\.fifo$` /
      `^[0-9A-Za-z_-]{1,80}$`)
    - Elastic Load Balancing quotas:
      https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html
    - Amazon S3 general purpose bucket naming rules:
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    """

    code = "AWS001"
    name = "name-too-long"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.ERROR
    option_types = {"assumed-input-length": int}
    messages = {
        "too-long": "{label} {name} is {length} characters{where}; the limit is {limit}",
        "too-long-whatever": "{label} is at least {length} characters{where} whatever {unknown} is; the limit is {limit}",
        "too-long-in-example": (
            "{label} {name} is {length} characters{where} with the values {path} passes ({used}); the limit is {limit}"
        ),
        "may-be-too-long": "{label} may be longer than {limit} characters: {detail}",
        "characters": "{label} {name}{where} {problems}",
    }
    targets = tuple(
        Target(spec.resource_types, attributes=(spec.attribute,), checked_by_validate=spec.checked_by_validate)
        for spec in NAME_SPECS
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        # A variable defaulting to "" or null is a placeholder the caller replaces: unknown here.
        yield from super().check(replace(ctx, evaluator=Evaluator(ctx.module, placeholders_unknown=True)))

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        spec = spec_for(site.resource_type, site.name)
        if spec is None:
            return
        assumed = ctx.options.get("assumed-input-length", ASSUMED_INPUT_LENGTH)
        if not isinstance(assumed, int) or isinstance(assumed, bool) or assumed < 1:
            assumed = ASSUMED_INPUT_LENGTH
        name = NameSite.read(site, spec, ctx, assumed)
        if name.instances:
            yield from self._length(name)
            yield from self._characters(name)

    def _report(self, name: NameSite, key: str, extra: str = "", /, *, fix: Fix | None, notes: tuple[str, ...],
                severity: Severity | None = None, **fields: Any) -> Finding:
        label = f"{name.site.resource_type} {name.spec.attribute}"
        message = self.message(key, label=label, limit=name.limit, **fields) + extra
        return self.finding(name.site.file, name.expression, message, fix=fix, notes=notes, severity=severity)

    def _length(self, name: NameSite) -> Iterable[Finding]:
        limit = name.limit
        long = [i for i in name.instances if isinstance(i.value, str) and len(i.value) > limit]
        forced = [i for i in name.instances if isinstance(i.value, Unknown) and i.value.min_len > limit]
        if long or forced:
            yield self._length_error(name, long, forced)
            return
        called = self._example_overflow(name)
        if called is not None:
            yield called
            return
        possible = [(i, *_longest(i, name.assumed)) for i in name.instances if isinstance(i.value, Unknown)]
        possible = [(i, total, bounded) for i, total, bounded in possible if total > limit]
        if possible:
            yield self._possible_overflow(name, possible)

    def _example_overflow(self, name: NameSite) -> Finding | None:
        """An instance too long with the values an example caller of the module passes
        (``examples/complete/main.tf``): the module fails as its own author calls it."""
        for call in example_calls(name.ctx.module):
            given = {f"var.{k}": v for k, v in call.values.items() if name.ctx.module.variable(k) is not None}
            if not given:
                continue
            ev = name.evaluator.assuming(given)
            for instance in name.instances:
                if not isinstance(instance.value, Unknown):
                    continue
                value = as_name(ev.evaluate(name.expression, instance.scope))
                if isinstance(value, str) and len(value) > name.limit:
                    used = [f"{k[4:]} = {quote_name(v)}" for k, v in given.items() if k in instance.value.sources]
                    fix, more = length_fix(name, possible=False)
                    return self._report(
                        name, "too-long-in-example", fix=fix, notes=more, name=quote_name(value), length=len(value),
                        where=instance.where, path=call.path, used=", ".join(used) or "its inputs",
                    )
        return None

    def _length_error(self, name: NameSite, long: list[NameInstance], forced: list[NameInstance]) -> Finding:
        broken, worst = long + forced, (long + forced)[0]
        extra = f" ({len(broken)} instances are too long)" if len(broken) > 1 else ""
        notes = tuple(f"{i.scope.describe() or 'instance'}: {describe_length(i.value)}" for i in broken)
        fix, more = length_fix(name, possible=False)
        notes = (notes if len(broken) > 1 else ()) + more
        if long:
            return self._report(name, "too-long", extra, fix=fix, notes=notes, name=quote_name(worst.value),
                                length=len(worst.value), where=worst.where)
        unknown = ", ".join(worst.value.sources) or "the unknown parts"
        return self._report(name, "too-long-whatever", extra, fix=fix, notes=notes, length=worst.value.min_len,
                            where=worst.where, unknown=unknown)

    def _possible_overflow(self, name: NameSite, possible: list[tuple[NameInstance, int, bool]]) -> Finding:
        worst, total, bounded = max(possible, key=lambda p: p[1])
        if bounded:
            detail = f"it can be up to {total} characters{worst.where}"
        else:
            known = sum(len(p) for p in worst.parts if isinstance(p, str))
            shown = ", ".join(describe_input(p, name.assumed) for p in worst.parts if isinstance(p, Unknown))
            scope = worst.scope.describe()
            detail = (
                f"{'for ' + scope + ' ' if scope else ''}the known parts take {known} characters; "
                f"with {shown} it is {total}"
            )
        notes = (f"{len(possible)} instances can be too long",) if len(possible) > 1 else ()
        fix, more = length_fix(name, possible=True)
        return self._report(name, "may-be-too-long", fix=fix, notes=notes + more, severity=Severity.WARNING,
                            detail=detail)

    def _characters(self, name: NameSite) -> Iterable[Finding]:
        bad = name.faults()
        if not bad:
            return
        first, problems = bad[0]
        extra = f" ({len(bad)} instances break the naming rules)" if len(bad) > 1 else ""
        notes = tuple(f'{i.scope.describe() or "instance"}: {quote_name(i.value)}' for i, _ in bad)
        codes = set().union(*({c for c, _ in p} for _, p in bad))
        yield self._report(
            name, "characters", extra, fix=character_fix(name, codes), notes=notes if len(bad) > 1 else (),
            name=quote_name(first.value), where=first.where, problems="; ".join(words for _, words in problems),
        )


def _longest(instance: NameInstance, assumed: int) -> tuple[int, bool]:
    """The longest the name can be (an unbounded input taken at the assumed length), and
    whether every input is bounded. A name that is one unbounded input passed through
    (``name = var.name``) is the caller's to choose: 0."""
    only = instance.parts[0] if len(instance.parts) == 1 else None
    if isinstance(only, Unknown) and only.max_len is None:
        return 0, False
    return longest_text(instance.parts, assumed)
