"""AWS007: a Lambda function or layer on a runtime AWS has deprecated or blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from ..facts.lambda_runtimes import EARLY_WARNING_DAYS, LambdaRuntime, runtime, successor
from ..findings import Applicability, Finding, Severity
from ..model.origin import Written, written_at
from ..model.sites import Value
from ..syntax import nodes as n
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["DeprecatedLambdaRuntime"]


class DeprecatedLambdaRuntime(Rule):
    """A Lambda function or layer names a runtime that AWS has deprecated or will soon.

    ## What it does

    Checks `aws_lambda_function` `runtime` and every runtime of
    `aws_lambda_layer_version` `compatible_runtimes` against AWS's dated table of
    Lambda runtimes (`fixer.facts.lambda_runtimes`): the deprecation date, the date
    from which AWS blocks creating functions on it, and the date from which it blocks
    updating them. The value is read as written and through variable defaults, tfvars,
    locals and `for_each` maps (each instance is judged).

    The severity depends on the date, today by default or the `as-of` option
    (`[rules.AWS007] as-of = "2026-12-04"`):

    * **error** on or after the *block function create* date: a new function (a fresh
      environment, a replaced function) cannot be created;
    * **warning** once the runtime is deprecated but creating is not (yet, or as far as
      the table knows) blocked, and when the deprecation is less than 90 days away.

    A runtime with no deprecation date, or one further away, is not reported; nor is an
    identifier the table does not know (a runtime newer than the table). A layer's
    `compatible_runtimes` finding is at most a warning: AWS documents the create and
    update blocks for functions, and a layer only declares which runtimes may use it.

    ## Why is this bad?

    The provider accepts every runtime name, so `terraform validate` and `plan` pass
    and `apply` fails:

        InvalidParameterValueException: The runtime parameter of python3.7 is no longer
        supported for creating or updating AWS Lambda functions.

    Past *block function update*, any change to an existing function fails the same way.
    Before that, a deprecated runtime gets no security patches and no support.

    ## Example

    ```hcl
    variable "runtime" {
      default = "python3.8"
    }

    resource "aws_lambda_function" "api" {
      function_name = "api"
      runtime       = var.runtime
      handler       = "app.handler"
    }
    ```

    ## Use instead

    ```hcl
    variable "runtime" {
      default = "python3.12"
    }
    ```

    The fix edits the place the value is written (here the variable's default; or the
    attribute itself, or the item of a `for_each` map) and names the **oldest runtime of
    the same language** that is neither deprecated nor due to be within 90 days on the
    `as-of` date: the smallest language step that deploys. It never changes language.

    ## Fix safety

    The bump is **unsafe**: a new major language version can break the handler
    (removed modules, changed defaults), so the code must be tested on it. It is
    **display-only** where the code itself must be rebuilt for the new runtime:
    `go1.x` moves to the OS-only `provided.al2023` (Go is deployed as a binary named
    `bootstrap` there) and a .NET assembly targets one framework version. No fix is
    offered when the value is built (a template, a function call, a conditional), given
    by tfvars or `--var`, or when the table knows no supported runtime of the family.
    In `compatible_runtimes` (which the provider reads as a set, and whose change
    publishes a new layer version) a one-line list of literal strings is rewritten with
    duplicates dropped (`["python3.8", "python3.12"]` becomes `["python3.12"]`); in a
    list written over several lines each element is replaced in place, which may leave
    one runtime twice, harmless in a set.

    ## References

    * AWS Lambda developer guide, "Lambda runtimes"
      (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html) and "Runtime
      deprecation policy"
      (https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html), read
      2026-12-04; the dates and their mirrors are listed in `fixer.facts.lambda_runtimes`.
    * aws-cloudformation/cfn-lint `LmbdRuntimeLifecycle.json` (rule E2531) and
      terraform-linters/tflint-ruleset-aws `aws_lambda_function_deprecated_runtime`,
      the same check for CloudFormation and in tflint.
    """

    code = "AWS007"
    name = "deprecated-lambda-runtime"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    targets = (
        Target("aws_lambda_function", attributes=("runtime",)),
        Target("aws_lambda_layer_version", attributes=("compatible_runtimes",)),
    )
    messages = {"runtime": "{address} {attribute} {value}: {state}"}
    option_types = {"as-of": str}

    @classmethod
    def option_problem(cls, name: str, value: Any) -> str | None:
        if name == "as-of" and _parse_date(value) is None:
            return f"expected a date written YYYY-MM-DD, got {value!r}"
        return None

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        as_of = _parse_date(ctx.options.get("as-of")) or dt.datetime.now(dt.timezone.utc).date()
        problems = [p for value in site.values() for p in _problems(site, ctx, value, as_of)]
        if not problems:
            return
        worst = max(problems, key=lambda p: (p.severity == Severity.ERROR, -problems.index(p)))
        others = len({(p.row.identifier, p.instance) for p in problems}) - 1
        shown = site.describe(worst.value) if site.name == "runtime" else f'"{worst.row.identifier}"'
        if others:
            shown += f" (and {others} more)"
        severity = worst.severity
        if site.name == "compatible_runtimes":
            severity = Severity.WARNING  # AWS documents the blocks for functions, not for layers
        fix, notes = _fix(ctx, site, problems, as_of)
        yield self.report(site, "runtime", value=shown, state=worst.state, severity=severity, fix=fix, notes=notes)


@dataclass(frozen=True)
class _Problem:
    """One deprecated runtime of one instance, and where it is written."""

    value: Value  # the instance's value of the attribute
    instance: Any  # the instance key, for counting distinct problems
    row: LambdaRuntime
    severity: Severity
    state: str  # "creating functions is blocked since 2024-01-09 ..."
    written: Written | None  # the literal to edit; None when it is not written as one


def _problems(site: Site, ctx: RuleContext, value: Value, as_of: dt.date) -> list[_Problem]:
    """The deprecated runtimes of one instance's value (one for `runtime`, any for a list)."""
    whole = site.written(value)
    if isinstance(value.value, str):
        entries: list[tuple[str, Written | None]] = [(value.value, whole)]
    elif isinstance(value.value, list):
        items = whole.node.items if whole is not None and type(whole.node) is n.Tuple else None  # type: ignore[attr-defined]
        entries = []
        for i, element in enumerate(value.value):
            place = None
            if items is not None and len(items) == len(value.value):
                place = written_at(ctx.module, ctx.evaluator, whole.file, items[i], value.instance.scope, site.resource)  # type: ignore[union-attr]
            if isinstance(element, str):
                entries.append((element, place))
    else:
        return []
    out = []
    for identifier, place in entries:
        row = runtime(identifier)
        judged = _judge(row, as_of) if row is not None else None
        if judged is None:
            continue
        literal = place if place is not None and _is_literal(place.node, identifier) else None
        out.append(_Problem(value, value.instance.key, row, judged[0], judged[1], literal))  # type: ignore[arg-type]
    return out


def _judge(row: LambdaRuntime, as_of: dt.date) -> tuple[Severity, str] | None:
    """The severity and the state of a runtime on ``as_of``, or None when it is fine."""
    name = row.identifier
    if row.block_create is not None and as_of >= row.block_create:
        state = f"AWS blocks creating functions on {name} since {row.block_create}"
        if row.block_update is not None and as_of >= row.block_update:
            state += f" and updating them since {row.block_update}"
        return Severity.ERROR, state
    if row.deprecated is None:
        return None
    if as_of >= row.deprecated:
        when = f"from {row.block_create}" if row.block_create else "at a date tffix's table does not know"
        return Severity.WARNING, f"{name} is deprecated since {row.deprecated}; AWS blocks creating functions on it {when}"
    days = (row.deprecated - as_of).days
    if days <= EARLY_WARNING_DAYS:
        return Severity.WARNING, f"AWS deprecates {name} on {row.deprecated}, {days} days after {as_of}"
    return None


def _fix(ctx: RuleContext, site: Site, problems: list[_Problem], as_of: dt.date):
    """The fix replacing each deprecated literal with its successor, and notes on what stops it."""
    replacements: dict[tuple[str, int], tuple[Written, LambdaRuntime, LambdaRuntime]] = {}
    for p in problems:
        new = successor(p.row, as_of)
        if new is None or new.identifier == p.row.identifier:
            return None, (f"tffix's table knows no supported {p.row.family} runtime to move {p.row.identifier} to",)
        if p.written is None:
            where = f"the value comes from {site.origin}" if site.origin else "the value is not written as a string here"
            return None, (f"{where}; change {p.row.identifier} to {new.identifier} where it is set",)
        replacements[(p.written.file.path, p.written.node.start)] = (p.written, p.row, new)
    editor = ctx.editor(site)
    steps = {old.identifier: new.identifier for _w, old, new in replacements.values()}
    rebuild = next((old.rebuild for _w, old, _n in replacements.values() if old.rebuild), "")
    whole = problems[0].value
    written_list = site.written(whole) if site.name == "compatible_runtimes" else None
    new_list = _renamed_list(written_list.node, steps) if written_list is not None else None
    if new_list is not None:
        editor.replace(written_list.node, new_list, file=written_list.file)  # type: ignore[union-attr]
    else:
        for written, _old, new in replacements.values():
            editor.replace(written.node, f'"{new.identifier}"', file=written.file)
    title = "Replace " + ", ".join(f'"{a}" with "{b}"' for a, b in steps.items())
    places = list(dict.fromkeys(v for w, _o, _n in replacements.values() for v in w.via if v != "each.value"))
    if places:
        title += f" (in {', '.join(places)})"
    if rebuild:
        return editor.fix(title, Applicability.DISPLAY_ONLY), (f"{rebuild}; then change the runtime",)
    return editor.fix(title, Applicability.UNSAFE), ()


def _renamed_list(node: n.Node, steps: dict[str, str]) -> str | None:
    """A one-line list of literal strings with ``steps`` applied and duplicates dropped
    (``["python3.7", "python3.12"]`` -> ``["python3.12"]``); None for any other list."""
    if type(node) is not n.Tuple or "\n" in node.source or "#" in node.source or "/*" in node.source:  # type: ignore[attr-defined]
        return None
    names = []
    for item in node.items:  # type: ignore[attr-defined]
        if type(item) is not n.QuotedTemplate or not item.is_literal():
            return None
        names.append(steps.get(item.literal_value(), item.literal_value()))
    return "[" + ", ".join(f'"{name}"' for name in dict.fromkeys(names)) + "]"


def _is_literal(node: n.Node, text: str) -> bool:
    return type(node) is n.QuotedTemplate and node.is_literal() and node.literal_value() == text  # type: ignore[attr-defined]


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
