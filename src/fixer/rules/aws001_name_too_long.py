"""AWS001: a resource name longer than AWS allows, or made of characters it rejects."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from ..editor import EditError
from ..facts.aws_names import NAME_SPECS, NameSpec, spec_for
from ..findings import Applicability, Finding, Fix, Severity
from ..model.bounds import longest_text
from ..model.evaluate import Evaluator, Scope, Unknown, validated_length
from ..model.sites import UNKNOWN_KEY
from ..model.trials import inputs_of, try_rewrite
from ..model.values import example_calls
from ..names.checks import as_name, name_problems, problem_codes, quote_name
from ..names.renames import budgeted_renames, hashed_rename, peel_truncation, prefix_cut
from ..syntax import nodes as n
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
        yield from _NameSite(self, ctx, site, spec, assumed).run()


@dataclass(frozen=True)
class _Instance:
    scope: Scope  # each.key / count.index of the instance
    value: Any  # the name: a str or an Unknown
    parts: tuple[Any, ...]  # known text and one Unknown per input (Evaluator.parts)

    @property
    def where(self) -> str:
        text = self.scope.describe()
        return f" for {text}" if text else ""


class _NameSite:
    """One name attribute of one resource, over all its instances."""

    def __init__(self, rule: NameTooLong, ctx: RuleContext, site: Site, spec: NameSpec, assumed: int) -> None:
        self.rule = rule
        self.ctx = ctx
        self.ev = ctx.evaluator
        self.site = site
        self.spec = spec
        self.assumed = assumed
        self.label = f"{site.resource_type} {spec.attribute}"
        body = site.resource.body
        self.repeated = body.get_attribute("for_each") is not None or body.get_attribute("count") is not None

    def run(self) -> Iterable[Finding]:
        self.fifo = self._fifo()
        self.limit = self.spec.limit(self.fifo is True)
        self.instances: list[_Instance] = []
        self.key_unknown = False
        for found in self.site.values():
            value = as_name(found.value)
            if value is None or value == "":
                continue  # null or empty: the provider makes up a name
            if isinstance(value, str) and self.spec.skip_if_contains and self.spec.skip_if_contains in value:
                continue
            self.key_unknown = self.key_unknown or found.instance.key is UNKNOWN_KEY
            parts = self.ev.parts(self.site.node, found.instance.scope) if isinstance(value, Unknown) else (value,)
            self.instances.append(_Instance(found.instance.scope, value, parts))
        if not self.instances:
            return
        yield from self._length()
        yield from self._characters()

    def _fifo(self) -> bool | None:
        """True/False for a FIFO queue or topic; None when it cannot be known."""
        if self.spec.fifo_attribute is None:
            return False
        attribute = self.site.resource.body.get_attribute(self.spec.fifo_attribute)
        if attribute is None:
            return False
        value = self.ev.evaluate(attribute.value)
        return value if isinstance(value, bool) else None

    def problems(self, text: str) -> list[tuple[str, str]]:
        return name_problems(self.spec, text, self.fifo)

    def _codes(self, text: Any) -> set[str]:
        return problem_codes(self.spec, text, self.fifo)

    def _message(self, key: str, **fields: Any) -> str:
        return self.rule.message(key, label=self.label, limit=self.limit, **fields)

    # ---- length --------------------------------------------------------------------------
    def _length(self) -> Iterable[Finding]:
        limit = self.limit
        long = [i for i in self.instances if isinstance(i.value, str) and len(i.value) > limit]
        forced = [i for i in self.instances if isinstance(i.value, Unknown) and i.value.min_len > limit]
        if long or forced:
            yield self._length_error(long, forced)
            return
        called = self._example_overflow()
        if called is not None:
            yield called
            return
        possible = [(i, *self._longest(i)) for i in self.instances if isinstance(i.value, Unknown)]
        possible = [(i, total, bounded) for i, total, bounded in possible if total > limit]
        if possible:
            yield self._possible_overflow(possible)

    def _example_overflow(self) -> Finding | None:
        """An instance too long with the values an example caller of the module passes
        (``examples/complete/main.tf``): the module fails as its own author calls it."""
        for call in example_calls(self.ctx.module):
            given = {f"var.{k}": v for k, v in call.values.items() if self.ctx.module.variable(k) is not None}
            if not given:
                continue
            ev = self.ev.assuming(given)
            for instance in self.instances:
                if not isinstance(instance.value, Unknown):
                    continue
                name = as_name(ev.evaluate(self.site.node, instance.scope))
                if isinstance(name, str) and len(name) > self.limit:
                    used = [f"{k[4:]} = {quote_name(v)}" for k, v in given.items() if k in instance.value.sources]
                    message = self._message(
                        "too-long-in-example", name=quote_name(name), length=len(name), where=instance.where,
                        path=call.path, used=", ".join(used) or "its inputs",
                    )
                    fix, more = self._length_fix(possible=False)
                    return self.rule.finding(self.site.file, self.site.node, message, fix=fix, notes=more)
        return None

    def _longest(self, instance: _Instance) -> tuple[int, bool]:
        """The longest the name can be (an unbounded input taken at the assumed length), and
        whether every input is bounded. A name that is one unbounded input passed through
        (``name = var.name``) is the caller's to choose: 0."""
        only = instance.parts[0] if len(instance.parts) == 1 else None
        if isinstance(only, Unknown) and only.max_len is None:
            return 0, False
        return longest_text(instance.parts, self.assumed)

    def _length_error(self, long: list[_Instance], forced: list[_Instance]) -> Finding:
        if long:
            worst = long[0]
            message = self._message("too-long", name=quote_name(worst.value), length=len(worst.value), where=worst.where)
        else:
            worst = forced[0]
            unknown = ", ".join(worst.value.sources) or "the unknown parts"
            message = self._message("too-long-whatever", length=worst.value.min_len, where=worst.where, unknown=unknown)
        broken = long + forced
        if len(broken) > 1:
            message += f" ({len(broken)} instances are too long)"
        notes = tuple(_describe(i) for i in broken) if len(broken) > 1 else ()
        fix, more = self._length_fix(possible=False)
        return self.rule.finding(self.site.file, self.site.node, message, fix=fix, notes=notes + more)

    def _possible_overflow(self, possible: list[tuple[_Instance, int, bool]]) -> Finding:
        worst, total, bounded = max(possible, key=lambda p: p[1])
        value: Unknown = worst.value
        if bounded:
            detail = f"it can be up to {total} characters{worst.where}"
        else:
            known = sum(len(p) for p in worst.parts if isinstance(p, str))
            inputs = [p for p in worst.parts if isinstance(p, Unknown)]
            shown = ", ".join(_input_words(u, self.assumed) for u in inputs)
            scope = worst.scope.describe()
            detail = (
                f"{'for ' + scope + ' ' if scope else ''}the known parts take {known} characters; "
                f"with {shown} it is {total}"
            )
        message = self._message("may-be-too-long", detail=detail)
        notes: tuple[str, ...] = ()
        if len(possible) > 1:
            notes = (f"{len(possible)} instances can be too long",)
        fix, more = self._length_fix(possible=True)
        return self.rule.finding(
            self.site.file, self.site.node, message, fix=fix, severity=Severity.WARNING, notes=notes + more,
        )

    # ---- length fixes ----------------------------------------------------------------
    def _length_fix(self, possible: bool) -> tuple[Fix | None, tuple[str, ...]]:
        """The fix for a name that is (or may be) too long, and notes on the alternatives."""
        expr = self.site.node
        if "\n" in expr.source:
            return None, ()
        if type(expr) is n.QuotedTemplate and expr.is_literal():
            return (None if possible else self._shorten_literal(expr)), ()
        validation = self._validation_fix()
        if possible and validation is not None:
            return validation, ("alternative fix, a rename: " + self._rename_title(),)
        renames = self._renames()
        for source, title in renames:
            verdict = self._try(source)
            if verdict is True:
                return self._fix(source, title, Applicability.UNSAFE if possible else Applicability.SAFE), ()
        for source, title in renames:
            if self._try(source) is None and self._bounded(source):
                return self._fix(source, title, Applicability.UNSAFE), ()
        return None, ()

    def _rename_title(self) -> str:
        renames = self._renames()
        return renames[-1][1] if renames else "shorten the name"

    def _renames(self) -> list[tuple[str, str]]:
        """The rename fixes to try, best first: the budgeted form that keeps the name's suffix
        whole, then the length-guarded hash of the whole name."""
        if not hasattr(self, "_rename_cache"):
            expr, limit, spec = self.site.node, self.limit, self.spec
            trim = spec.no_trailing_hyphen or spec.no_double_hyphen
            fifo = self.fifo if spec.fifo_attribute and not spec.is_prefix else False
            found = [
                *budgeted_renames(expr, limit, trim_hyphen=trim),
                hashed_rename(expr, limit, trim_hyphen=trim, fifo=fifo),
                prefix_cut(expr, limit) if spec.is_prefix else None,
            ]
            self._rename_cache = [r for r in found if r is not None]
        return self._rename_cache

    def _validation_fix(self) -> Fix | None:
        """For a name built from one variable of this module: a ``validation`` block that bounds
        it so that every instance fits (a plan-time error instead of an apply failure)."""
        inputs = inputs_of(self.site.node, self.ev, each_unknown=self.key_unknown)
        if len(inputs) != 1 or not inputs[0].name.startswith("var."):
            return None
        name = inputs[0].name[4:]
        found = self.ctx.module.variable(name)
        if found is None or validated_length(found[1], name, self.ev) is not None:
            return None
        empty = self.ev.assuming({f"var.{name}": ""})
        rest = [as_name(empty.evaluate(self.site.node, i.scope)) for i in self.instances]
        if not rest or not all(isinstance(r, str) for r in rest):
            return None
        room = self.limit - max(len(r) for r in rest)
        known = inputs[0].known
        if room < 1 or (isinstance(known, str) and len(known) > room):
            return None
        message = (
            f"{name} must be at most {room} characters: {self.site.address} {self.spec.attribute} "
            f"is limited to {self.limit}."
        )
        block = (
            "validation {\n"
            f"  condition     = length(var.{name}) <= {room}\n"
            f"  error_message = {quote_name(message)}\n"
            "}"
        )
        try:
            edit = self.ctx.editor(self.site).add_block(found[1], block, file=found[0])
        except EditError:
            return None
        return edit.fix(f"Add a validation block to var.{name}: length(var.{name}) <= {room}", Applicability.UNSAFE)

    def _try(self, source: str) -> bool | None:
        """Whether the fix works for the known instances and for made-up inputs up to their
        bound: every name fits and breaks no rule the old one kept, a name that fitted is
        kept as it was, names that differed still differ (between instances, and between
        inputs differing only in their last character), and no name another resource of the
        type already has is taken. None: some value stays unknown, it cannot be verified."""
        inputs = inputs_of(self.site.node, self.ev, each_unknown=self.key_unknown)
        scopes = [i.scope for i in self.instances]
        return try_rewrite(
            self.ev, self.site.node, source, scopes, inputs, self.assumed, self.limit + 2, self._acceptable,
            keep_apart=not self.spec.is_prefix, convert=as_name,
        )

    def _acceptable(self, old: str, new: Any) -> bool:
        """``new`` may replace ``old``: it fits and breaks no rule ``old`` kept, keeps ``old`` when
        that was valid, and takes no name another resource has."""
        if not isinstance(new, str) or not new or len(new) > self.limit:
            return False
        if not self._codes(new) <= self._codes(old):
            return False
        if len(old) <= self.limit and not self.problems(old) and new != old:
            return False
        return new == old or not self._taken(new)

    def _taken(self, name: str) -> bool:
        """Another resource of this type already has ``name`` (issue 13 item 5)."""
        used = self.ctx.names_in_use(self.spec.resource_types, self.spec.attribute)
        return used.holder(name, exclude=self.site) is not None

    def _bounded(self, source: str) -> bool:
        """The fix can no longer be too long for any instance, whatever the unknown inputs."""
        for instance in self.instances:
            after = as_name(self.ev.evaluate_source(source, instance.scope))
            if isinstance(after, str):
                if len(after) > self.limit or not self._codes(after) <= self._codes(instance.value):
                    return False
            elif not isinstance(after, Unknown) or after.max_len is None or after.max_len > self.limit:
                return False
        return True

    def _shorten_literal(self, expr: n.QuotedTemplate) -> Fix | None:
        """A literal name: suggest its longest valid beginning (unsafe: tffix picks the name)."""
        text = expr.literal_value()
        if re.search(r'["\\$%]', text) or not text.isprintable():
            return None
        new = text[: self.limit]
        if self.spec.no_trailing_hyphen:
            new = new.rstrip("-")
        if not new or not self._codes(new) <= self._codes(text) or self._taken(new):
            return None
        if self.repeated and len(self.instances) > 1:
            return None
        return self._fix(f'"{new}"', f'Shorten the name to "{new}"', Applicability.UNSAFE)

    def _fix(self, source: str, title: str, applicability: Applicability) -> Fix:
        return self.ctx.editor(self.site).replace(self.site.node, source).fix(title, applicability)

    # ---- characters ------------------------------------------------------------------
    def _characters(self) -> Iterable[Finding]:
        bad = [(i, self.problems(i.value)) for i in self.instances if isinstance(i.value, str)]
        bad = [(i, p) for i, p in bad if p]
        if not bad:
            return
        first, problems = bad[0]
        words = "; ".join(words for _, words in problems)
        message = self._message("characters", name=quote_name(first.value), where=first.where, problems=words)
        if len(bad) > 1:
            message += f" ({len(bad)} instances break the naming rules)"
        notes = tuple(f'{i.scope.describe() or "instance"}: {quote_name(i.value)}' for i, _ in bad) if len(bad) > 1 else ()
        codes = set().union(*({c for c, _ in p} for _, p in bad))
        yield self.rule.finding(self.site.file, self.site.node, message, fix=self._character_fix(codes), notes=notes)

    def _character_fix(self, codes: set[str]) -> Fix | None:
        expr = self.site.node
        if "\n" in expr.source or any(isinstance(i.value, Unknown) for i in self.instances):
            return None
        if codes <= {"uppercase", "first"} and "uppercase" in codes:
            if type(expr) is n.QuotedTemplate and expr.is_literal():
                text = expr.literal_value()
                if re.search(r'["\\$%]', text):
                    return None
                source = f'"{text.lower()}"'
            else:
                source = f"lower({expr.source})"
            if self._clean(source):
                return self._fix(source, "Lowercase the name", Applicability.SAFE)
            return None
        if codes == {"trailing-hyphen"} and peel_truncation(expr)[1] is not None:
            for source, title in (
                (f'trimsuffix({expr.source}, "-")', 'Wrap the name in trimsuffix(..., "-")'),
                (f'replace({expr.source}, "/-+$/", "")', 'Wrap the name in replace(..., "/-+$/", "")'),
            ):
                if self._clean(source):
                    return self._fix(source, title, Applicability.SAFE)
        return None

    def _clean(self, source: str) -> bool:
        """Every instance of the fixed name is valid, they stay distinct and take no name in use."""
        after = []
        for instance in self.instances:
            value = as_name(self.ev.evaluate_source(source, instance.scope))
            if not isinstance(value, str) or not value or len(value) > self.limit or self.problems(value):
                return False
            if value != instance.value and self._taken(value):
                return False
            after.append(value)
        before = [i.value for i in self.instances]
        return not (len(set(before)) == len(before) and len(set(after)) < len(after))


# ---- helpers -------------------------------------------------------------------------------


def _input_words(value: Unknown, assumed: int) -> str:
    """``var.env at 24 characters (assumed-input-length)`` / ``var.x up to 8 characters``."""
    name = ", ".join(value.sources) or "an unknown part"
    if value.max_len is not None:
        return f"{name} up to {value.max_len} characters"
    return f"{name} at {max(value.min_len, assumed)} characters (assumed-input-length)"


def _describe(instance: _Instance) -> str:
    where = instance.scope.describe() or "instance"
    value = instance.value
    if isinstance(value, str):
        return f"{where}: {quote_name(value)} ({len(value)} characters)"
    if value.max_len is not None and value.min_len != value.max_len:
        return f"{where}: {value.min_len} to {value.max_len} characters"
    return f"{where}: at least {value.min_len} characters"
