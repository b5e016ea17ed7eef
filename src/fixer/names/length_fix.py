"""The fix for a name that is, or may be, longer than its limit: which rewrite to offer.

:func:`length_fix` chooses, for a :class:`~fixer.names.site.NameSite`:

* a literal name: its longest valid beginning (unsafe: tffix picks the name), when the
  name is too long (not when it only may be);
* a name built from one variable of the module that may be too long: a ``validation``
  block bounding that variable (unsafe), with the rename named as the alternative;
* else the first rename of :mod:`fixer.names.renames` that :func:`~fixer.model.trials.try_rewrite`
  verifies on every instance and on made-up inputs (safe for a name that is too long: only
  instances that could never be created are renamed; unsafe for one that may be), or else
  the first that cannot be verified (an input stays unknown) but can no longer be too long
  (unsafe).

A new name must fit, break no rule of the facts table the old one kept, keep a name that
was valid as it was, and take no name another resource of the type has.
"""

from __future__ import annotations

from typing import Any

from ..editor import EditError
from ..findings import Applicability, Fix
from ..model.evaluate import Unknown, validated_length
from ..model.trials import inputs_of, try_rewrite
from ..syntax import nodes as n
from .checks import as_name
from .renames import Rename, budgeted_renames, hashed_rename, prefix_cut
from .site import NameSite, plain_literal

__all__ = ["length_fix"]


def length_fix(name: NameSite, *, possible: bool) -> tuple[Fix | None, tuple[str, ...]]:
    """The fix for a name that is too long (``possible=False``) or may be (True), and notes
    on an alternative fix; (None, ()) when no fix holds."""
    expr = name.expression
    if "\n" in expr.source:
        return None, ()
    if type(expr) is n.QuotedTemplate and expr.is_literal():
        return (None if possible else _shorten_literal(name)), ()
    renames = _renames(name)
    validation = _validation_fix(name) if possible else None
    if validation is not None:
        title = renames[-1].title if renames else "shorten the name"
        return validation, ("alternative fix, a rename: " + title,)
    verdicts = []
    for rename in renames:
        verdicts.append(_try(name, rename.source))
        if verdicts[-1] is True:
            return name.replace(rename.source, rename.title, Applicability.UNSAFE if possible else Applicability.SAFE), ()
    for rename, verdict in zip(renames, verdicts):
        if verdict is None and _bounded(name, rename.source):
            return name.replace(rename.source, rename.title, Applicability.UNSAFE), ()
    return None, ()


def _renames(name: NameSite) -> list[Rename]:
    """The renames to try, best first: the budgeted form that keeps the name's suffix whole,
    then the length-guarded hash of the whole name (then a cut, for a prefix)."""
    expr, limit, spec = name.expression, name.limit, name.spec
    trim = spec.no_trailing_hyphen or spec.no_double_hyphen
    fifo = name.fifo if spec.fifo_attribute and not spec.is_prefix else False
    found = [
        *budgeted_renames(expr, limit, trim_hyphen=trim),
        hashed_rename(expr, limit, trim_hyphen=trim, fifo=fifo),
        prefix_cut(expr, limit) if spec.is_prefix else None,
    ]
    return [r for r in found if r is not None]


def _validation_fix(name: NameSite) -> Fix | None:
    """For a name built from one variable of the module and no bound on it: a ``validation``
    block bounding it so that every instance fits (a plan-time error, not an apply failure)."""
    ev, expr = name.evaluator, name.expression
    inputs = inputs_of(expr, ev, each_unknown=name.key_unknown)
    if len(inputs) != 1 or not inputs[0].name.startswith("var."):
        return None
    variable = inputs[0].name[4:]
    found = name.ctx.module.variable(variable)
    if found is None or validated_length(found[1], variable, ev) is not None:
        return None
    empty = ev.assuming({f"var.{variable}": ""})
    rest = [as_name(empty.evaluate(expr, i.scope)) for i in name.instances]
    if not rest or not all(isinstance(r, str) for r in rest):
        return None
    room = name.limit - max(len(r) for r in rest)
    known = inputs[0].known
    if room < 1 or (isinstance(known, str) and len(known) > room):
        return None
    message = (
        f"{variable} must be at most {room} characters: {name.site.address} {name.spec.attribute} "
        f"is limited to {name.limit}."
    )
    condition = f"length(var.{variable}) <= {room}"
    try:
        edit = name.ctx.editor(name.site).add_validation(found[1], condition, message, file=found[0])
    except EditError:
        return None
    return edit.fix(f"Add a validation block to var.{variable}: {condition}", Applicability.UNSAFE)


def _try(name: NameSite, source: str) -> bool | None:
    """Whether the rewrite holds for the known instances and for made-up inputs up to their
    bound (:func:`~fixer.model.trials.try_rewrite` with :func:`_acceptable`); names that
    differed still differ unless the name is a prefix. None: it cannot be verified."""
    inputs = inputs_of(name.expression, name.evaluator, each_unknown=name.key_unknown)
    scopes = [i.scope for i in name.instances]
    return try_rewrite(
        name.evaluator, name.expression, source, scopes, inputs, name.assumed, name.limit + 2,
        lambda old, new: _acceptable(name, old, new), keep_apart=not name.spec.is_prefix, convert=as_name,
    )


def _acceptable(name: NameSite, old: str, new: Any) -> bool:
    """``new`` may replace ``old``: it fits and breaks no rule ``old`` kept, keeps ``old`` when
    that was valid, and takes no name another resource has."""
    if not isinstance(new, str) or not new or len(new) > name.limit:
        return False
    if not name.codes(new) <= name.codes(old):
        return False
    if len(old) <= name.limit and not name.problems(old) and new != old:
        return False
    return new == old or not name.taken(new)


def _bounded(name: NameSite, source: str) -> bool:
    """The rewrite can no longer be too long for any instance, whatever the unknown inputs."""
    for instance in name.instances:
        after = as_name(name.evaluator.evaluate_source(source, instance.scope))
        if isinstance(after, str):
            if len(after) > name.limit or not name.codes(after) <= name.codes(instance.value):
                return False
        elif not isinstance(after, Unknown) or after.max_len is None or after.max_len > name.limit:
            return False
    return True


def _shorten_literal(name: NameSite) -> Fix | None:
    """A literal name: its longest valid beginning (unsafe: tffix picks the name)."""
    text = plain_literal(name.expression)
    if text is None or not text.isprintable():
        return None
    new = text[: name.limit]
    if name.spec.no_trailing_hyphen:
        new = new.rstrip("-")
    if not new or not name.codes(new) <= name.codes(text) or name.taken(new):
        return None
    if name.repeated and len(name.instances) > 1:
        return None
    return name.replace(f'"{new}"', f'Shorten the name to "{new}"', Applicability.UNSAFE)
