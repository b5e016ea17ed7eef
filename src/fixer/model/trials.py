"""Trying an expression on the inputs a module may be given, not only the ones it was.

A fix that rewrites a value built from inputs (``var.environment_suffix``, an unknown
``for_each`` key, ``random_string.x.result``) is verified on made-up values of those
inputs as well as on the known ones: :func:`inputs_of` finds the inputs of an
expression, :func:`trial_values` the values to try for one of them (short, typical,
at the bound, and pairs that differ only in the last character), and
:func:`assignments` the combinations, one input varied at a time, and :func:`try_rewrite`
whether a rewrite holds on all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..syntax import nodes as n
from .evaluate import Unknown, validated_length

if TYPE_CHECKING:
    from .evaluate import Evaluator

__all__ = ["Input", "inputs_of", "trial_values", "assignments", "try_rewrite"]


@dataclass(frozen=True)
class Input:
    """An input of an expression: a reference whose value the module does not fix."""

    name: str  # "var.environment_suffix", "each.key", "random_string.x.result"
    known: Any  # its value in this run (tfvars, --var), or an Unknown with its bounds
    bounds: tuple[int, int | None] = (0, None)  # fewest and most characters it can have


def inputs_of(expr: n.Node, evaluator: "Evaluator", *, each_unknown: bool = False) -> list[Input]:
    """The inputs ``expr`` is built from, through locals: variables (a default, or a value
    from tfvars or ``--var``, is one deployment's, not the only one), references
    to resources and data sources whose values tffix cannot know, and ``each.key`` /
    ``each.value`` / ``count.index`` when ``each_unknown`` (an unknown ``for_each`` / ``count``)."""
    found: dict[str, Input] = {}
    seen_locals: set[str] = set()
    stack: list[n.Node] = [expr]
    while stack:
        node = stack.pop()
        name = n.reference_name(node) if isinstance(node, n.Expression) else None
        if name is not None:
            head, _, rest = name.partition(".")
            key = rest.split(".")[0]
            if head == "local" and key not in seen_locals:
                seen_locals.add(key)
                local = evaluator.module.local(key)
                if local is not None:
                    stack.append(local[1].value)
                continue
            if head == "var":
                variable = evaluator.module.variable(key)  # a default is one value; a caller may give another
                bounds = validated_length(variable[1], key, evaluator) if variable is not None else None
                found.setdefault(f"var.{key}", Input(f"var.{key}", evaluator.evaluate(node), bounds or (0, None)))
                continue
            if head in ("each", "count"):
                if each_unknown:
                    found.setdefault(name, Input(name, Unknown(sources=(name,))))
                continue
            value = evaluator.evaluate(node)
            if head not in ("path", "terraform", "self") and isinstance(value, Unknown):
                found.setdefault(name, Input(name, value, (value.min_len, value.max_len)))
                continue
        stack.extend(child for child in node.children() if isinstance(child, n.Node))
    return sorted(found.values(), key=lambda i: i.name)


def trial_values(item: Input, typical: int, longest: int) -> list[tuple[str, str]]:
    """Pairs of values to try for one input, differing only in the last character: the
    known value and its twin, then lengths 1, ``typical`` and the input's own bound (or
    ``longest`` when it has none), each within the input's bounds."""
    low = max(1, item.bounds[0])
    high = item.bounds[1] if item.bounds[1] is not None else longest
    out: list[tuple[str, str]] = []
    if isinstance(item.known, (str, int)) and not isinstance(item.known, bool):
        text = str(item.known)
        if text:
            out.append((text, text[:-1] + _other(text[-1])))
    for size in sorted({low, min(max(low, typical), high), high}):
        if size >= 1 and low <= size <= high:
            stem = ("x" * size)[:-1]
            out.append((stem + "a", stem + "b"))
    return out


def assignments(inputs: list[Input], typical: int, longest: int) -> Iterator[list[dict[str, Any]]]:
    """Groups of assignments ``{input name: value}``: each group varies one input over a pair
    of twin values (the rest at their base value: known, else ``typical`` characters),
    so that a check can demand that the twins give different results."""
    base: dict[str, Any] = {}
    for item in inputs:
        pairs = trial_values(item, typical, longest)
        base[item.name] = pairs[0][0] if pairs else "x"
        if isinstance(item.known, Unknown):
            sized = [p for p in pairs if len(p[0]) == min(typical, len(pairs[-1][0]))]
            base[item.name] = sized[0][0] if sized else base[item.name]
    yield [dict(base)]
    for item in inputs:
        for first, second in trial_values(item, typical, longest):
            yield [{**base, item.name: first}, {**base, item.name: second}]


def _other(char: str) -> str:
    return "b" if char != "b" else "c"


def try_rewrite(
    evaluator: "Evaluator",
    expr: n.Expression,
    source: str,
    scopes: list[Any],
    inputs: list[Input],
    typical: int,
    longest: int,
    accept: Callable[[Any, Any], bool],
    *,
    keep_apart: bool = True,
    convert: Callable[[Any], Any] = lambda value: value,
) -> bool | None:
    """Whether rewriting ``expr`` as ``source`` holds on every instance (``scopes``) for each
    group of :func:`assignments` of ``inputs``: ``accept(old, new)`` for every pair of
    values, and with ``keep_apart``, values that differed still differ (between instances,
    and between the twin inputs of a group). None: some value stays unknown, so the
    rewrite cannot be verified; False: it fails on some trial. ``convert`` maps each value
    first (a name: text, or None when it is not a string)."""
    from .evaluate import Scope

    for group in assignments(inputs, typical, longest):
        results = []
        for assignment in group:
            ev = evaluator.assuming({k: v for k, v in assignment.items() if k.split(".")[0] not in ("each", "count")})
            pairs = []
            for scope in scopes:
                if "each.key" in assignment:
                    scope = Scope(each_key=assignment["each.key"], each_value=assignment["each.key"])
                old = convert(ev.evaluate(expr, scope))
                new = convert(ev.evaluate_source(source, scope))
                if isinstance(old, Unknown) or isinstance(new, Unknown) or old is None:
                    return None
                if not accept(old, new):
                    return False
                pairs.append((old, new))
            olds, news = [p[0] for p in pairs], [p[1] for p in pairs]
            if keep_apart and len(set(olds)) == len(olds) and len(set(news)) < len(news):
                return False
            results.append(pairs)
        if len(results) == 2 and keep_apart:
            for (old_a, new_a), (old_b, new_b) in zip(*results):
                if old_a != old_b and new_a == new_b:
                    return False
    return True
