"""A name attribute of one resource over all its instances: what the name fixes work on.

:meth:`NameSite.read` evaluates the attribute for each instance (the instance policy of
:mod:`fixer.model.sites`) and keeps the names AWS would be given: a known text, or an
:class:`~fixer.model.evaluate.Unknown` with its inputs (``parts``). A null or empty name
(the provider makes one up) and a name the spec exempts (a Lambda function given as an
ARN) are left out. The fixes of :mod:`fixer.names.length_fix` and
:mod:`fixer.names.character_fix` read a :class:`NameSite` and judge every new name
against its spec (:mod:`fixer.names.checks`) and the names other resources use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..findings import Applicability, Fix
from ..model.evaluate import Scope, Unknown
from ..model.sites import UNKNOWN_KEY
from ..syntax import nodes as n
from .checks import as_name, name_problems, problem_codes
from .renames import name_holder

if TYPE_CHECKING:
    from ..facts.aws_names import NameSpec
    from ..model.evaluate import Evaluator
    from ..model.sites import Site
    from ..rules.base import RuleContext

__all__ = ["NameInstance", "NameSite", "plain_literal"]


@dataclass(frozen=True)
class NameInstance:
    """The name of one instance of the resource."""

    scope: Scope  # each.key / count.index of the instance
    value: Any  # the name: a str or an Unknown
    parts: tuple[Any, ...]  # known text and one Unknown per input (Evaluator.parts)

    @property
    def where(self) -> str:
        """`` for each.key = web``; empty for a single instance."""
        text = self.scope.describe()
        return f" for {text}" if text else ""


@dataclass(frozen=True)
class NameSite:
    """A name attribute (``site``, a row ``spec`` of the facts table) and its instances."""

    site: "Site"
    spec: "NameSpec"
    ctx: "RuleContext"  # its evaluator reads the values; names_in_use and the editor come from it
    fifo: bool | None  # a FIFO queue/topic (True/False), or None when that cannot be known
    instances: tuple[NameInstance, ...]
    key_unknown: bool  # some instance's for_each key / count index is unknown
    assumed: int  # the length taken for an input with no bound (AWS001's assumed-input-length)

    @classmethod
    def read(cls, site: "Site", spec: "NameSpec", ctx: "RuleContext", assumed: int) -> "NameSite":
        assert site.attribute is not None, "a name site is an attribute site"
        ev = ctx.evaluator
        instances, key_unknown = [], False
        for found in site.values():
            value = as_name(found.value)
            if value is None or value == "":
                continue  # null or empty: the provider makes up a name
            if isinstance(value, str) and spec.skip_if_contains and spec.skip_if_contains in value:
                continue
            key_unknown = key_unknown or found.instance.key is UNKNOWN_KEY
            parts = ev.parts(site.attribute.value, found.instance.scope) if isinstance(value, Unknown) else (value,)
            instances.append(NameInstance(found.instance.scope, value, parts))
        return cls(site, spec, ctx, _fifo(site, spec, ev), tuple(instances), key_unknown, assumed)

    @property
    def expression(self) -> n.Expression:
        """The name as written: the attribute's value."""
        assert self.site.attribute is not None, "a name site is an attribute site"
        return self.site.attribute.value

    @property
    def evaluator(self) -> "Evaluator":
        return self.ctx.evaluator

    @property
    def limit(self) -> int:
        return self.spec.limit(self.fifo is True)

    @property
    def repeated(self) -> bool:
        """The resource has ``count`` or ``for_each``."""
        body = self.site.resource.body
        return body.get_attribute("for_each") is not None or body.get_attribute("count") is not None

    def problems(self, text: str) -> list[tuple[str, str]]:
        """The spec's rules (length aside) ``text`` breaks: (code, words)."""
        return name_problems(self.spec, text, self.fifo)

    def codes(self, value: Any) -> set[str]:
        return problem_codes(self.spec, value, self.fifo)

    def faults(self) -> list[tuple[NameInstance, list[tuple[str, str]]]]:
        """The known names that break a rule of the spec, with the rules they break."""
        found = [(i, self.problems(i.value)) for i in self.instances if isinstance(i.value, str)]
        return [(i, p) for i, p in found if p]

    def taken(self, name: str) -> bool:
        """Another resource of the spec's types already has ``name`` (issue 13 item 5),
        compared as AWS compares names (:func:`~fixer.names.renames.name_holder`)."""
        return name_holder(self.site, self.ctx, name, self.spec.resource_types) is not None

    def replace(self, source: str, title: str, applicability: Applicability) -> Fix:
        """The fix writing ``source`` in place of the name's expression."""
        return self.ctx.editor(self.site).replace(self.expression, source).fix(title, applicability)


def plain_literal(expr: n.Node) -> str | None:
    """The text of a quoted literal that can be rewritten as ``"text"`` unchanged (no quote,
    backslash or template sequence in it); None for anything else."""
    if type(expr) is not n.QuotedTemplate or not expr.is_literal():
        return None
    text = expr.literal_value()
    return None if re.search(r'["\\$%]', text) else text


def _fifo(site: "Site", spec: "NameSpec", ev: "Evaluator") -> bool | None:
    """True/False for a FIFO queue or topic; None when it cannot be known."""
    if spec.fifo_attribute is None:
        return False
    attribute = site.resource.body.get_attribute(spec.fifo_attribute)
    if attribute is None:
        return False
    value = ev.evaluate(attribute.value)
    return value if isinstance(value, bool) else None
