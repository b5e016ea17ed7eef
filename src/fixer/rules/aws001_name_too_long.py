"""AWS001: a resource name longer than AWS allows, or made of characters it rejects."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from ..facts.aws_names import NAME_SPECS, NameSpec, spec_for
from ..findings import Applicability, Finding, Fix, Severity
from ..model.evaluate import Evaluator, Scope, Unknown, to_template_string
from ..syntax import nodes as n
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["NameTooLong"]

UNKNOWN_PART_ALLOWANCE = 10  # characters assumed for each unknown input of a name
HASH_LENGTH = 6  # hex digits of md5 kept when truncation would make instances collide


@dataclass(frozen=True)
class _Instance:
    scope: Scope  # each.key / count.index of the instance
    value: Any  # the name: a str or an Unknown

    @property
    def where(self) -> str:
        text = self.scope.describe()
        return f" for {text}" if text else ""


class NameTooLong(Rule):
    """A resource name is longer than AWS allows, or breaks its character rules.

    ## What it does

    Evaluates every name-like argument of about 30 AWS resource types (target
    groups, load balancers, IAM roles and policies, SQS queues, SNS topics, S3
    buckets, ElastiCache clusters, RDS instances and clusters, ECR repositories,
    EKS clusters, log groups, secrets, ...) for each ``for_each`` key and
    ``count`` index, from literals, variables (tfvars, ``--var``, defaults) and
    locals, and checks the result against the provider's limit: its length
    (``name_prefix`` gets 26 characters less, the provider appends a unique
    suffix), the characters allowed, and how it may begin and end. It reports
    the instance that breaks a rule. When an input is unknown it reports an
    error if the known parts alone are already too long, and a possible
    overflow (a warning) when they take at least half of the limit and leave
    fewer than 10 characters for each unbounded unknown part of the name
    (setting ``unknown-allowance``): a plain ``name = var.name`` is not
    reported. A variable whose default is
    ``""`` or ``null`` counts as unknown: it is a placeholder for the caller.

    ## Why is this bad?

    The name never reaches AWS. For a target group, ``terraform plan`` stops
    with ``"name" cannot be longer than 32 characters``; a truncated name that
    ends in a hyphen fails with ``"name" cannot end with a hyphen``; an RDS
    identifier with capitals fails with ``only lowercase alphanumeric
    characters and hyphens allowed in "identifier"``. The overflow often shows
    only in one ``for_each`` instance (the longest key) or only for someone
    else's ``environment_suffix``.

    ## Example

    ```hcl
    resource "aws_lb_target_group" "services" {
      for_each = var.service_config # ..., "notification-service", ...
      name     = "tg-${each.key}-${var.environment_suffix}"
    }
    ```

    ## Use instead

    ```hcl
    resource "aws_lb_target_group" "services" {
      for_each = var.service_config
      name     = trimsuffix(substr("tg-${each.key}-${var.environment_suffix}", 0, 32), "-")
    }
    ```

    Plain ``substr(x, 0, 32)`` is not enough: the cut can leave a trailing
    ``-``. When truncation would give two instances the same name, the fix
    keeps a short hash of the full name instead:
    ``"${trimsuffix(substr(x, 0, 25), "-")}-${substr(md5(x), 0, 6)}"``.

    ## Fix safety

    Every fix is checked with the evaluator on each known instance: the new
    names fit, break no rule the old ones kept, and stay distinct. Wrapping a
    known overflow in ``trimsuffix(substr(...))`` is **safe**: it returns the
    name unchanged whenever the name was valid, so it only renames instances
    that can never be created (the provider or AWS rejects them), and no
    existing resource is replaced. The hashed form renames every instance, so
    it is **unsafe**, as are fixes that cannot be verified because an input is
    unknown, the fix for a possible overflow, and shortening a literal name
    (the new name is tffix's choice). ``lower()`` on a name whose only fault is
    capitals is safe (valid names are already lowercase). Other character
    faults are reported without a fix.

    ## References

    - hashicorp/terraform-provider-aws ``internal/service/elbv2/validate.go``
      (``validName``, ``validNamePrefix``, ``validTargetGroupName``,
      ``validTargetGroupNamePrefix``)
    - ``internal/service/iam/role.go`` (``roleNameMaxLen = 64``) and
      ``internal/service/iam/validate.go`` (``validResourceName``)
    - ``internal/service/sqs/queue.go`` (``resourceQueueCustomizeDiff``:
      ``^[0-9A-Za-z_-]{1,75}\\.fifo$`` / ``^[0-9A-Za-z_-]{1,80}$``)
    - ``internal/service/elasticache/cluster.go`` (``cluster_id``),
      ``internal/service/rds/validate.go`` (``validIdentifier``),
      ``internal/service/logs/validate.go`` (``validLogGroupName``),
      ``internal/service/eks/validate.go`` (``validClusterName``)
    - Elastic Load Balancing quotas:
      https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html
    - RDS naming constraints:
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html
    """

    code = "AWS001"
    name = "name-too-long"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.ERROR
    option_types = {"unknown-allowance": int}
    targets = tuple(Target(spec.resource_types, attributes=(spec.attribute,)) for spec in NAME_SPECS)
    messages = {}

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        # A variable defaulting to "" or null is a placeholder the caller replaces: unknown here.
        yield from super().check(replace(ctx, evaluator=Evaluator(ctx.module, placeholders_unknown=True)))

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        spec = spec_for(site.resource_type, site.name)
        if spec is None:
            return
        allowance = ctx.options.get("unknown-allowance", UNKNOWN_PART_ALLOWANCE)
        if not isinstance(allowance, int) or isinstance(allowance, bool) or allowance < 0:
            allowance = UNKNOWN_PART_ALLOWANCE
        yield from _NameSite(self, ctx, site, spec, allowance).run()


class _NameSite:
    """One name attribute of one resource, over all its instances."""

    def __init__(self, rule: NameTooLong, ctx: RuleContext, site: Site, spec: NameSpec, allowance: int) -> None:
        self.rule = rule
        self.ctx = ctx
        self.ev = ctx.evaluator
        self.site = site
        self.file = site.file
        self.block = site.resource
        self.spec = spec
        self.attribute = site.attribute
        self.allowance = allowance
        self.label = f"{site.resource_type} {spec.attribute}"
        self.repeated = (
            self.block.body.get_attribute("for_each") is not None or self.block.body.get_attribute("count") is not None
        )

    # ---- evaluation ------------------------------------------------------------------
    def run(self) -> Iterable[Finding]:
        self.fifo = self._fifo()
        self.limit = self.spec.limit(self.fifo is True)
        self.instances: list[_Instance] = []
        for found in self.site.values():
            scope, value = found.instance.scope, _as_name(found.value)
            if value is None or value == "":
                continue  # null or empty: the provider makes up a name
            if isinstance(value, str) and self.spec.skip_if_contains and self.spec.skip_if_contains in value:
                continue
            self.instances.append(_Instance(scope, value))
        if not self.instances:
            return
        yield from self._length()
        yield from self._characters()

    def _fifo(self) -> bool | None:
        """True/False for a FIFO queue or topic; None when it cannot be known."""
        if self.spec.fifo_attribute is None:
            return False
        attribute = self.block.body.get_attribute(self.spec.fifo_attribute)
        if attribute is None:
            return False
        value = self.ev.evaluate(attribute.value)
        if isinstance(value, bool):
            return value
        return None

    def problems(self, text: str) -> list[tuple[str, str]]:
        """(code, words) for every rule ``text`` breaks, its length limit excepted."""
        spec = self.spec
        out: list[tuple[str, str]] = []
        body = text
        fifo = self.fifo is True or (self.fifo is None and text.endswith(".fifo"))
        if spec.fifo_attribute and fifo and not spec.is_prefix:
            if text.endswith(".fifo"):
                body = text[: -len(".fifo")]
            else:
                out.append(("fifo", f'does not end with ".fifo", which a FIFO {spec.attribute} must'))
        bad = spec.bad_characters(body)
        upper_only = bool(bad) and spec.lowercase_only and all(
            c.isupper() and not spec.bad_characters(c.lower()) for c in bad
        )
        if upper_only:
            out.append(("uppercase", f"contains uppercase letters (allowed: {spec.chars_text})"))
        elif bad:
            shown = ", ".join(_quote(c) for c in bad)
            out.append(("chars", f"contains {shown} (allowed: {spec.chars_text})"))
        first = text[:1]
        if spec.first and first and not re.fullmatch(spec.first, first):
            if not (upper_only and re.fullmatch(spec.first, first.lower())):
                out.append(("first", f"does not begin with {spec.first_text}"))
        if spec.no_leading_hyphen and text.startswith("-"):
            out.append(("leading-hyphen", "begins with a hyphen"))
        if spec.no_trailing_hyphen and text.endswith("-"):
            out.append(("trailing-hyphen", "ends with a hyphen"))
        if spec.no_double_hyphen and "--" in text:
            out.append(("double-hyphen", "contains two consecutive hyphens"))
        # Reserved and required affixes (spec.reserved_prefixes, ...) are AWS002's.
        if len(text) < spec.min_len:
            out.append(("short", f"is {len(text)} characters; the minimum is {spec.min_len}"))
        return out

    def _codes(self, text: str) -> set[str]:
        return {code for code, _ in self.problems(text)}

    # ---- length --------------------------------------------------------------------------
    def _length(self) -> Iterable[Finding]:
        limit = self.limit
        long = [i for i in self.instances if isinstance(i.value, str) and len(i.value) > limit]
        forced = [i for i in self.instances if isinstance(i.value, Unknown) and i.value.min_len > limit]
        if long or forced:
            yield self._length_error(long, forced)
            return
        possible = [i for i in self.instances if isinstance(i.value, Unknown) and self._may_overflow(i)]
        if possible:
            yield self._possible_overflow(possible)

    def _may_overflow(self, instance: _Instance) -> bool:
        value: Unknown = instance.value
        if value.max_len is not None:
            return value.max_len > self.limit
        if value.min_len * 2 < self.limit:
            return False  # the known parts leave most of the budget: no reason to worry
        return self.limit - value.min_len < self.allowance * self._open_parts(instance.scope)

    def _open_parts(self, scope: Scope) -> int:
        """How many parts of the name have no known bound: the unknown interpolations of a template."""
        expr = self.attribute.value
        if type(expr) is not n.QuotedTemplate:
            return 1
        count = 0
        for part in expr.template.parts:
            if type(part) is n.TemplateLiteral:
                continue
            if type(part) is n.Interpolation:
                value = self.ev.evaluate(part.expression, scope)
                if not isinstance(value, Unknown) or value.max_len is not None:
                    continue
            count += 1
        return max(1, count)

    def _length_error(self, long: list[_Instance], forced: list[_Instance]) -> Finding:
        if long:
            worst = long[0]
            message = (
                f"{self.label} {_quote(worst.value)} is {len(worst.value)} characters{worst.where}; "
                f"the limit is {self.limit}"
            )
        else:
            worst = forced[0]
            unknown = ", ".join(worst.value.sources) or "the unknown parts"
            message = (
                f"{self.label} is at least {worst.value.min_len} characters{worst.where} "
                f"whatever {unknown} is; the limit is {self.limit}"
            )
        broken = long + forced
        if len(broken) > 1:
            message += f" ({len(broken)} instances are too long)"
        notes = tuple(_describe(i) for i in broken) if len(broken) > 1 else ()
        return self.rule.finding(self.file, self.site.node, message, fix=self._length_fix(), notes=notes)

    def _possible_overflow(self, possible: list[_Instance]) -> Finding:
        worst = max(possible, key=lambda i: i.value.min_len)
        value: Unknown = worst.value
        unknown = ", ".join(value.sources) or "the unknown parts"
        if value.max_len is not None:
            detail = f"it can be up to {value.max_len} characters{worst.where}"
        else:
            scope = worst.scope.describe()
            detail = (
                f"{'for ' + scope + ' ' if scope else ''}the known parts already take {value.min_len} "
                f"characters, leaving {self.limit - value.min_len} for {unknown}"
            )
        message = f"{self.label} may be longer than {self.limit} characters: {detail}"
        notes = tuple(_describe(i) for i in possible) if len(possible) > 1 else ()
        return self.rule.finding(
            self.file, self.attribute.value, message, fix=self._length_fix(possible_only=True),
            severity=Severity.WARNING, notes=notes,
        )

    # ---- length fixes ----------------------------------------------------------------
    def _length_fix(self, possible_only: bool = False) -> Fix | None:
        expr = self.attribute.value
        if "\n" in expr.source:
            return None
        if type(expr) is n.QuotedTemplate and expr.is_literal() and not possible_only:
            return self._shorten_literal(expr)
        base, cut = _peel_truncation(expr)
        fifo_tail = False
        if self.fifo is not False and self.spec.fifo_attribute and not self.spec.is_prefix:
            stripped = _strip_fifo(expr)
            if stripped is not None:
                base, cut, fifo_tail = stripped, None, True
            elif self.fifo is True:
                return None
        budget = self.limit - (len(".fifo") if fifo_tail else 0)
        cut = budget if cut is None else min(cut, budget)
        if cut < 1:
            return None
        b = base.source if isinstance(base, n.Node) else base
        tail = ".fifo" if fifo_tail else ""
        keep = " and keep the .fifo suffix" if fifo_tail else ""
        simple = [
            (self._head(b, cut), f"Wrap the name in {self._head('...', cut)}{keep}"),
        ]
        if self.spec.no_trailing_hyphen:
            simple.append((_regex_head(b, cut), f'Wrap the name in {_regex_head("...", cut)}{keep}'))
        short = cut - HASH_LENGTH - 1
        heads = [self._head(b, short)] + ([_regex_head(b, short)] if self.spec.no_trailing_hyphen else [])
        hashed = [
            (
                f'"${{{head}}}-${{substr(md5({b}), 0, {HASH_LENGTH})}}{tail}"',
                f"Truncate the name to {self.limit} characters, ending it with a hash of the full name{keep}",
            )
            for head in heads
            if short >= 2
        ]
        simple = [(_template_wrap(src, tail), title) for src, title in simple]
        if possible_only or any(isinstance(i.value, Unknown) for i in self.instances):
            # Unverifiable: an input is unknown. Prefer the hash when instances could collide.
            for src, title in (hashed if self.repeated else simple):
                if self._bounded(src):
                    return self._fix(src, title, Applicability.UNSAFE)
            return None
        for src, title in simple:
            verdict = self._verify(src)
            if verdict is not None:
                applicability = Applicability.SAFE if verdict else Applicability.UNSAFE
                return self._fix(src, title, applicability)
        for src, title in hashed:
            if self._verify(src) is not None:
                return self._fix(src, title, Applicability.UNSAFE)
        return None

    def _head(self, b: str, cut: int) -> str:
        if self.spec.no_trailing_hyphen:
            return f'trimsuffix(substr({b}, 0, {cut}), "-")'
        return f"substr({b}, 0, {cut})"

    def _shorten_literal(self, expr: n.QuotedTemplate) -> Fix | None:
        """A literal name: suggest its longest valid beginning (unsafe: tffix picks the name)."""
        text = expr.literal_value()
        if re.search(r'["\\$%]', text) or not text.isprintable():
            return None
        new = text[: self.limit]
        if self.spec.no_trailing_hyphen:
            new = new.rstrip("-")
        if not new or not self._codes(new) <= self._codes(text):
            return None
        if self.repeated and len(self.instances) > 1:
            return None
        return self._fix(f'"{new}"', f'Shorten the name to "{new}"', Applicability.UNSAFE)

    def _fix(self, source: str, title: str, applicability: Applicability) -> Fix:
        return self.ctx.editor(self.site).replace(self.site.node, source).fix(title, applicability)

    def _bounded(self, source: str) -> bool:
        """The fix parses and, for every instance, can no longer be too long."""
        for instance in self.instances:
            after = _as_name(self.ev.evaluate_source(source, instance.scope))
            if isinstance(after, str):
                if len(after) > self.limit or not self._codes(after) <= self._codes_of(instance.value):
                    return False
            elif not isinstance(after, Unknown) or after.max_len is None or after.max_len > self.limit:
                return False
        return True

    def _codes_of(self, value: Any) -> set[str]:
        return self._codes(value) if isinstance(value, str) else set()

    def _verify(self, source: str) -> bool | None:
        """None: the fix does not work. True: it keeps every valid name as it was. False: it works but renames."""
        before = [i.value for i in self.instances]
        after: list[str] = []
        identity = True
        for instance in self.instances:
            value = _as_name(self.ev.evaluate_source(source, instance.scope))
            if not isinstance(value, str) or not value or len(value) > self.limit:
                return None
            old = instance.value
            if not self._codes(value) <= self._codes(old):
                return None
            if len(old) <= self.limit and not self.problems(old) and value != old:
                identity = False
            after.append(value)
        if len(set(before)) == len(before) and len(set(after)) < len(after):
            return None  # truncation makes two instances collide
        return identity

    # ---- characters ------------------------------------------------------------------
    def _characters(self) -> Iterable[Finding]:
        bad = [(i, self.problems(i.value)) for i in self.instances if isinstance(i.value, str)]
        bad = [(i, p) for i, p in bad if p]
        if not bad:
            return
        first, problems = bad[0]
        message = f"{self.label} {_quote(first.value)}{first.where} " + "; ".join(words for _, words in problems)
        if len(bad) > 1:
            message += f" ({len(bad)} instances break the naming rules)"
        notes = tuple(f'{i.scope.describe() or "instance"}: {_quote(i.value)}' for i, _ in bad) if len(bad) > 1 else ()
        codes = set().union(*({c for c, _ in p} for _, p in bad))
        yield self.rule.finding(self.file, self.site.node, message, fix=self._character_fix(codes), notes=notes)

    def _character_fix(self, codes: set[str]) -> Fix | None:
        expr = self.attribute.value
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
        if codes == {"trailing-hyphen"} and _peel_truncation(expr)[1] is not None:
            for source, title in (
                (f'trimsuffix({expr.source}, "-")', 'Wrap the name in trimsuffix(..., "-")'),
                (f'replace({expr.source}, "/-+$/", "")', 'Wrap the name in replace(..., "/-+$/", "")'),
            ):
                if self._clean(source):
                    return self._fix(source, title, Applicability.SAFE)
        return None

    def _clean(self, source: str) -> bool:
        """Every instance of the fixed name is valid and they stay distinct."""
        after = []
        for instance in self.instances:
            value = _as_name(self.ev.evaluate_source(source, instance.scope))
            if not isinstance(value, str) or not value or len(value) > self.limit or self.problems(value):
                return False
            after.append(value)
        before = [i.value for i in self.instances]
        return not (len(set(before)) == len(before) and len(set(after)) < len(after))


# ---- helpers -------------------------------------------------------------------------------


def _as_name(value: Any) -> Any:
    """The value as a name: a str, an Unknown, or None when it is not a string at all."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, Unknown):
        return value
    text = to_template_string(value)
    return text if isinstance(text, str) else None


def _quote(text: str) -> str:
    """A name as it appears in a message: quoted, with control characters escaped."""
    return json.dumps(text, ensure_ascii=False)


def _describe(instance: _Instance) -> str:
    where = instance.scope.describe() or "instance"
    value = instance.value
    if isinstance(value, str):
        return f"{where}: {_quote(value)} ({len(value)} characters)"
    if value.max_len is not None and value.min_len != value.max_len:
        return f"{where}: {value.min_len} to {value.max_len} characters"
    return f"{where}: at least {value.min_len} characters"


def _int_literal(expr: n.Expression) -> int | None:
    if type(expr) is n.Literal and re.fullmatch(r"[0-9]+", expr.token.value):
        return int(expr.token.value)
    return None


def _call(expr: n.Expression, name: str, arity: int) -> list[n.Expression] | None:
    while type(expr) is n.Parens:
        expr = expr.expression
    if type(expr) is n.FunctionCall and expr.name == name and not expr.expands_final_argument:
        args = expr.args
        if len(args) == arity:
            return args
    return None


def _peel_truncation(expr: n.Expression) -> tuple[n.Expression, int | None]:
    """``substr(x, 0, N)`` or ``trimsuffix(substr(x, 0, N), "-")`` -> (x, N); else (expr, None)."""
    inner = expr
    trimmed = _call(expr, "trimsuffix", 2)
    if trimmed is not None and type(trimmed[1]) is n.QuotedTemplate and trimmed[1].is_literal() \
            and trimmed[1].literal_value() == "-":
        inner = trimmed[0]
    args = _call(inner, "substr", 3)
    if args is not None and _int_literal(args[1]) == 0:
        length = _int_literal(args[2])
        if length is not None:
            return args[0], length
    return expr, None


def _strip_fifo(expr: n.Expression) -> str | None:
    """The source of a quoted template ending in ".fifo", without that suffix."""
    if type(expr) is not n.QuotedTemplate or not expr.template.parts:
        return None
    last = expr.template.parts[-1]
    if type(last) is not n.TemplateLiteral or not last.token.value.endswith(".fifo"):
        return None
    parts = expr.template.parts
    if len(parts) == 2 and last.token.value == ".fifo" and type(parts[0]) is n.Interpolation:
        if parts[0].open.value == "${" and parts[0].close.value == "}":
            return parts[0].expression.source
    source = expr.source
    return source[: -len('.fifo"')] + '"'


def _regex_head(b: str, cut: int) -> str:
    return f'replace(substr({b}, 0, {cut}), "/-+$/", "")'


def _template_wrap(source: str, tail: str) -> str:
    return f'"${{{source}}}{tail}"' if tail else source
