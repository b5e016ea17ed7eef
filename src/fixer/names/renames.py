"""Rename expressions that make a name built from inputs fit a length limit.

Each function takes the name's expression and returns :class:`Rename` candidates (new
source and a fix title) or None; the caller verifies a candidate on every instance and
on made-up inputs (:mod:`fixer.model.trials`) before offering it.

* :func:`budgeted_renames`: keep the suffix whole and cut the rest to the room it leaves,
  as authors write by hand:
  ``"${trimsuffix(substr("tg-${each.key}", 0, 32 - length("-${var.env}")), "-")}-${var.env}"``.
* :func:`hashed_rename`: keep names that fit, end longer ones, cut, with a hash of the
  whole name: ``length(n) <= 32 ? n : "${substr(n, 0, 25)}-${substr(md5(n), 0, 6)}"``,
  so two names differing anywhere stay different.
* :func:`prefix_cut`: ``substr(prefix, 0, N)`` for a ``name_prefix``, which the provider
  makes unique itself.

A rule that renames for another reason (AWS002 moves a reserved ``sg-`` after the words,
AWS006 adds the environment suffix) builds its new name, then asks :func:`checked_rename`
for what can be offered: the name as built when every instance's new name fits the facts
table's limit and is no other resource's name (``names_in_use``, scoped and compared as
AWS compares, :data:`~fixer.facts.aws_names.NAME_SCOPES`); else, when it is too long, its
budgeted form (the suffix kept whole); else nothing, with the reason for a note.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..facts.aws_names import NAME_SCOPES, spec_for
from ..model.evaluate import Unknown, length_range, parse_expression
from ..syntax import nodes as n

if TYPE_CHECKING:
    from ..model.sites import Site
    from ..rules.base import RuleContext

__all__ = [
    "Rename", "HASH_LENGTH", "budgeted_renames", "hashed_rename", "prefix_cut", "peel_truncation",
    "checked_rename", "name_holder",
]

HASH_LENGTH = 6  # hex digits of md5 ending a name cut to fit
_SEPARATORS = "-_./"


class Rename(NamedTuple):
    source: str  # the new expression
    title: str  # the fix's title


def budgeted_renames(expr: n.Expression, limit: int, *, trim_hyphen: bool) -> list[Rename]:
    """The budgeted forms of a quoted template: the suffix kept whole is the part from the
    last interpolation on (with the separator before it), or else the literal text after
    the last interpolation (``-blue``). ``trim_hyphen``: the cut part may not end in ``-``."""
    if type(expr) is not n.QuotedTemplate:
        return []
    parts = expr.template.parts
    if any(type(p) not in (n.TemplateLiteral, n.Interpolation) for p in parts):
        return []
    interpolations = [i for i, p in enumerate(parts) if type(p) is n.Interpolation]
    if not interpolations:
        return []
    splits = [interpolations[-1]]
    last = parts[-1]
    if type(last) is n.TemplateLiteral and last.token.value.strip(_SEPARATORS):
        splits.append(len(parts) - 1)
    found = (_budget_at(parts, split, limit, trim_hyphen) for split in splits)
    return [r for r in found if r is not None]


def _budget_at(parts: tuple, split: int, limit: int, trim_hyphen: bool) -> Rename | None:
    """The budgeted form keeping ``parts[split:]`` (and the separator before it) whole."""
    if split == 0:
        return None
    before = parts[split - 1]
    head_parts, separator, kept = list(parts[:split]), "", ""
    if type(before) is n.TemplateLiteral:
        raw = before.token.value
        kept = raw.rstrip(_SEPARATORS)
        separator = raw[len(kept):]
        head_parts = head_parts[:-1]
    head = "".join(p.source for p in head_parts) + kept
    tail = separator + "".join(p.source for p in parts[split:])
    if not head:
        return None
    only = head_parts[0] if not kept and len(head_parts) == 1 else None
    if _bare_interpolation(only):
        head_source = only.expression.source  # "${local.long}" -> local.long
    else:
        head_source = f'"{head}"'
    cut = f'substr({head_source}, 0, {limit} - length("{tail}"))'
    if trim_hyphen:
        cut = f'trimsuffix({cut}, "-")'
    return Rename(f'"${{{cut}}}{tail}"', f'Keep "{tail}" whole and shorten the rest to fit {limit} characters')


def hashed_rename(expr: n.Expression, limit: int, *, trim_hyphen: bool, fifo: bool | None) -> Rename | None:
    """``length(n) <= 32 ? n : "${substr(n, 0, 25)}-${substr(md5(n), 0, 6)}"`` of the name
    (an existing ``substr``/``trimsuffix`` truncation peeled off first). ``fifo``: the
    name must (True), may (None) or need not (False) keep a ``.fifo`` ending whole."""
    base_source = peel_truncation(expr)[0].source
    tail = ""
    if fifo is not False:
        stripped = _strip_fifo(expr)
        if stripped is not None:
            base_source, tail = stripped, ".fifo"
        elif fifo is True:
            return None
    budget = limit - len(tail)
    short = budget - HASH_LENGTH - 1
    if short < 2:
        return None
    head = f"substr({base_source}, 0, {short})"
    if trim_hyphen:
        head = f'trimsuffix({head}, "-")'
    hashed = f'"${{{head}}}-${{substr(md5({base_source}), 0, {HASH_LENGTH})}}"'
    guarded = f"length({base_source}) <= {budget} ? {base_source} : {hashed}"
    source = f'"${{{guarded}}}{tail}"' if tail else guarded
    keep = " and the .fifo suffix" if tail else ""
    return Rename(source, f"Keep names that fit{keep}; end longer ones, cut to {limit} characters, with a hash of the full name")


def prefix_cut(expr: n.Expression, limit: int) -> Rename:
    """``substr(prefix, 0, N)``: enough for a ``name_prefix``, which the provider makes
    unique by appending its own suffix."""
    base = peel_truncation(expr)[0]
    return Rename(f"substr({base.source}, 0, {limit})", f"Wrap the prefix in substr(..., 0, {limit})")


def peel_truncation(expr: n.Expression) -> tuple[n.Expression, int | None]:
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
    parts = expr.template.parts
    last = parts[-1]
    if type(last) is not n.TemplateLiteral or not last.token.value.endswith(".fifo"):
        return None
    if len(parts) == 2 and last.token.value == ".fifo" and _bare_interpolation(parts[0]):
        return parts[0].expression.source
    return expr.source[: -len('.fifo"')] + '"'


def _bare_interpolation(part: object) -> bool:
    """``${x}`` with no strip markers: its expression can stand for it."""
    return type(part) is n.Interpolation and part.open.value == "${" and part.close.value == "}"


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


# ---- a rename built by a rule, checked against the limit and the names in use ---------------


def checked_rename(
    site: "Site", ctx: "RuleContext", rename: Rename, *, what: str = "new name"
) -> tuple[Rename | None, str | None]:
    """``rename`` (a new expression for ``site``'s name attribute) as it can be offered.

    Each instance's new name is evaluated (the instance's ``each`` / ``count``, the module's
    values). It is offered as it is when every known new name fits the limit of the facts
    table and is no other resource's name; when one is too long, the budgeted form of the
    new name (:func:`budgeted_renames`: the part from the last interpolation on kept whole,
    the rest cut) is offered if it fits; otherwise nothing, and the reason (``what``: how a
    message calls the new name). A name that cannot be known is not judged: the rule that
    owns lengths judges it on the next round.
    """
    spec = spec_for(site.resource_type, site.name)
    clash = _clash(site, ctx, rename.source, what)
    if clash is not None:
        return None, clash
    too_long = _too_long(site, ctx, rename.source, spec)
    if too_long is None:
        return rename, None
    assert spec is not None  # only a row of the facts table gives a limit
    expression = parse_expression(rename.source)
    budgeted = budgeted_renames(expression, spec.limit(), trim_hyphen=spec.no_trailing_hyphen) if expression else []
    for candidate in budgeted:
        if _too_long(site, ctx, candidate.source, spec) is None and _clash(site, ctx, candidate.source, what) is None:
            return Rename(candidate.source, rename.title), None
    return None, f"the {what} {too_long}; choose a shorter name"


def _values_of(site: "Site", ctx: "RuleContext", source: str) -> list:
    """``source`` evaluated for each instance of the site's resource."""
    return [ctx.evaluator.evaluate_source(source, value.instance.scope) for value in site.values()]


def _too_long(site: "Site", ctx: "RuleContext", source: str, spec) -> str | None:  # type: ignore[no-untyped-def]
    """Why ``source`` is too long for some instance (``"..." is 35 characters, over 32``), else None."""
    if spec is None:
        return None
    limit = spec.limit()
    for value in _values_of(site, ctx, source):
        shortest, _longest = length_range(value)
        if shortest > limit:
            shown = f'"{value}" is' if isinstance(value, str) else "is at least"
            return f"{shown} {shortest} characters, over the limit of {limit}"
    return None


def _clash(site: "Site", ctx: "RuleContext", source: str, what: str) -> str | None:
    """Why ``source`` is no good: an instance's new name is already another resource's name
    (in the same scope, compared as AWS compares); None when every known one is free. A
    ``*_prefix`` attribute never clashes: the provider appends a unique suffix."""
    spec = spec_for(site.resource_type, site.name)
    if (spec is not None and spec.is_prefix) or site.name.endswith("_prefix"):
        return None
    for value in _values_of(site, ctx, source):
        if isinstance(value, Unknown) or not isinstance(value, str):
            continue  # an unknown part: the new name cannot be known, nor can a clash
        holder = name_holder(site, ctx, value)
        if holder is not None:
            return f'the {what} "{value}" is already the name of {holder}; choose another name'
    return None


def name_holder(
    site: "Site", ctx: "RuleContext", name: str, resource_types: tuple[str, ...] | None = None
) -> str | None:
    """The address of another resource whose ``site.name`` attribute is already ``name``,
    compared as AWS compares names of the type (:data:`~fixer.facts.aws_names.NAME_SCOPES`:
    security groups per VPC, case-insensitively); None when the name is free.
    ``resource_types``: the types sharing the name space (default: the site's own type)."""
    scope, ignore_case = NAME_SCOPES.get(site.resource_type, (None, False))
    used = ctx.names_in_use(resource_types or site.resource_type, site.name, scope=scope, ignore_case=ignore_case)
    return used.holder(name, exclude=site, scope=scope)
