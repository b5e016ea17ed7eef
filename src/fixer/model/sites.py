"""Sites: the places a rule declares it looks at, with their values per instance.

A rule declares :class:`Target` s, like a tflint ruleset's schema: resource types,
and in each the attributes or nested blocks it reads. :func:`find_sites` gives one
:class:`Site` per match, and :meth:`Site.values` the value of each instance of the
resource from the module's one :class:`~fixer.model.evaluate.Evaluator`.

The instance policy, the same for every rule:

* ``count = 0`` (or an empty ``for_each``): the resource has **no instance**, so
  :meth:`Site.values` is empty and a rule that reads values reports nothing, except
  for a target :attr:`~Target.checked_by_validate`: see below;
* a ``count`` or ``for_each`` that cannot be known: **one instance whose key is
  unknown** (:data:`UNKNOWN_KEY`); ``each.key`` / ``count.index`` evaluate to unknown;
* a nested block target matches blocks written in place *and* the ``content`` of
  ``dynamic "<type>"`` blocks (:attr:`Site.dynamic` is then set), visited once,
  with the iterator (``<type>.key`` / ``<type>.value``) unknown.

The policy is about *values*. Terraform validates a resource block against the
provider's schema even when ``count = 0``: ``terraform validate`` runs the provider's
validation functions (a ``ValidateFunc``) on every resource block, whatever its count
(hashicorp/terraform#36776, closed as "working as designed"), with every input variable
unknown and ``count.index`` / ``each.*`` unknown. So:

* a rule that judges the configuration as written, whatever the instances (the
  provider-schema rules), does not read :meth:`Site.values`;
* a rule that judges instances' values (names, lengths) reads them, and so reports
  nothing for a resource that creates nothing, **unless** its target says the provider
  checks the attribute in ``terraform validate`` (``Target(..., checked_by_validate=True)``,
  a fact of the provider's schema). Then a resource without instances has one value: the
  **configuration-time value**, the value as validate sees it
  (:meth:`~fixer.model.evaluate.Evaluator.at_configuration_time`: variables unknown,
  ``count.index`` / ``each.*`` unknown, locals evaluated from what they are written from),
  with :data:`CONFIGURATION_KEY` as its key, when that value is known; when it is not
  (``"sg-${var.env}"``) validate cannot judge it and neither does the rule: no value.
  ``name = "sg-alb"`` on a security group with ``count = 0`` fails ``terraform validate``,
  so it is reported (and fixed as a written literal is); ``name = var.name`` is not.
  A rule whose check is only partly the provider's (AWS009: the provider checks a
  group description's length, EC2 its characters) tells the two apart with
  :attr:`Value.configuration_time`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..syntax import nodes as n
from .evaluate import Scope, Unknown
from .origin import Written, written_at

if TYPE_CHECKING:
    from .evaluate import Evaluator
    from .module import Module, SourceFile

__all__ = [
    "Target", "Site", "Instance", "Value", "UNKNOWN_KEY", "CONFIGURATION_KEY", "NO_INSTANCE_NOTE", "NamesInUse", "find_sites",
    "names_in_use", "describe_length", "describe_input",
]


class _UnknownKey:
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN_KEY"


UNKNOWN_KEY: Any = _UnknownKey()
"""The key of the one instance of a resource whose ``count`` / ``for_each`` is unknown."""


NO_INSTANCE_NOTE = (
    "the resource has no instance (count = 0 or an empty for_each), but terraform validate "
    "checks this value on every resource block all the same"
)

class _ConfigurationKey:
    __slots__ = ()

    def __repr__(self) -> str:
        return "CONFIGURATION_KEY"


CONFIGURATION_KEY: Any = _ConfigurationKey()
"""The key of the configuration-time value of a resource without instances (what
``terraform validate`` checks; see the module's docstring)."""


@dataclass(frozen=True)
class Target:
    """Resources of some types and, in each, the attributes or nested blocks a rule reads.

    ``Target("aws_s3_bucket", attributes=("bucket", "bucket_prefix"))`` gives a site
    per attribute written; ``Target("aws_ecs_service", blocks=("deployment_configuration",))``
    one per nested block (written or ``dynamic``); ``Target("aws_lb")`` one per resource.
    ``"*"`` as the type matches every managed resource.
    """

    resource_types: tuple[str, ...] | str  # "aws_lb" or ("aws_lb", "aws_alb"); "*" for any
    attributes: tuple[str, ...] = ()  # top-level attributes of the resource
    blocks: tuple[str, ...] = ()  # nested block types, at any depth of the resource body
    # The provider checks these values in `terraform validate` (a ValidateFunc), so a resource
    # without instances is judged on its configuration-time value (the module's docstring).
    checked_by_validate: bool = False

    def __post_init__(self) -> None:
        for name in ("resource_types", "attributes", "blocks"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))

    def matches(self, resource_type: str) -> bool:
        return "*" in self.resource_types or resource_type in self.resource_types


@dataclass(frozen=True)
class Instance:
    """One instance of a resource: its ``for_each`` key / ``count`` index."""

    scope: Scope  # what each.key / count.index evaluate to
    key: Any = None  # the key or index; None for a single instance; UNKNOWN_KEY when unknown

    def describe(self) -> str:
        """``each.key = web`` / ``count.index = 2``; empty for a single or unknown instance."""
        return self.scope.describe()

    @property
    def configuration_time(self) -> bool:
        """Whether this stands for a resource without instances, as ``terraform validate`` sees it."""
        return self.key is CONFIGURATION_KEY


@dataclass(frozen=True)
class Value:
    """An attribute's value for one instance.

    ``value`` is what the evaluator gives (a Python value or
    :class:`~fixer.model.evaluate.Unknown`); ``pieces`` is a string value as
    known text and ``None`` for each stretch that cannot be known
    (``"sg-${var.x}"`` with no default -> ``("sg-", None)``).
    """

    instance: Instance
    value: Any
    pieces: tuple[str | None, ...]

    @property
    def known(self) -> bool:
        return not isinstance(self.value, Unknown)

    @property
    def configuration_time(self) -> bool:
        """The configuration-time value of a resource without instances (``count = 0``):
        only what ``terraform validate`` checks can be judged on it."""
        return self.instance.configuration_time

    @property
    def text(self) -> str | None:
        """The whole string, when every piece is known."""
        return self.pieces[0] if len(self.pieces) == 1 and isinstance(self.pieces[0], str) else None

    @property
    def leading(self) -> str:
        """The known text at the start (empty when it starts unknown)."""
        return self.pieces[0] if self.pieces and isinstance(self.pieces[0], str) else ""

    @property
    def trailing(self) -> str:
        """The known text at the end."""
        return self.pieces[-1] if self.pieces and isinstance(self.pieces[-1], str) else ""

    @property
    def sources(self) -> tuple[str, ...]:
        """What makes it unknown: ``var.environment_suffix``, ``each.key``, ..."""
        return self.value.sources if isinstance(self.value, Unknown) else ()

    def shown(self) -> str:
        """The known text with ``...`` for each unknown stretch."""
        return "".join(p if isinstance(p, str) else "..." for p in self.pieces)


@dataclass(frozen=True)
class Site:
    """One match of a target: a resource, and the attribute or nested block a rule reads."""

    file: "SourceFile"  # the file the resource is written in
    resource: n.Block  # the ``resource "type" "name"`` block
    attribute: n.Attribute | None = None  # the attribute matched (attribute targets)
    block: n.Block | None = None  # the nested block matched (block targets)
    dynamic: n.Block | None = None  # the ``dynamic`` block whose ``content`` is ``block``, if so
    # Block types from the resource body down to ``block``: ("spec", "backend"); a
    # ``dynamic "x"`` block and its ``content`` count as one "x".
    path: tuple[str, ...] = ()
    evaluator: "Evaluator | None" = field(default=None, repr=False, compare=False)
    checked_by_validate: bool = False  # from the target: see the module's docstring

    @property
    def resource_type(self) -> str:
        return self.resource.labels[0]

    @property
    def address(self) -> str:
        """``aws_security_group.alb``."""
        return ".".join(self.resource.labels)

    @property
    def name(self) -> str:
        """The attribute's name, the nested block's type, or the resource type."""
        if self.attribute is not None:
            return self.attribute.key
        if self.block is not None:
            return self.block.type
        return self.resource_type

    @property
    def node(self) -> n.Node:
        """Where a finding points: the attribute's value, else the nested block, else the resource."""
        if self.attribute is not None:
            return self.attribute.value
        return self.block if self.block is not None else self.resource

    @property
    def origin(self) -> str | None:
        """``local.x`` / ``var.y`` when the attribute's value is a plain reference to one."""
        if self.attribute is None:
            return None
        name = n.reference_name(self.attribute.value)
        if name and (name.startswith("local.") or name.startswith("var.")):
            return ".".join(name.split(".")[:2])
        return None

    def describe(self, value: Value) -> str:
        """The value for a message: as written, or its known text and where it comes from
        (``"sg-web" (the value of local.name, each.key = web)``)."""
        expr, where = self.node, value.instance.describe()
        if type(expr) is n.QuotedTemplate:
            return f'{expr.source} ("{value.shown()}", {where})' if where else expr.source
        places = [w for w in (_provenance(expr, self.origin), where) if w]
        return f'"{value.shown()}" ({", ".join(places)})' if places else f'"{value.shown()}"'

    def instances(self) -> list[Instance]:
        """The resource's instances under the policy of this module's docstring."""
        assert self.evaluator is not None, "a Site built by find_sites() has an evaluator"
        scopes = self.evaluator.instances(self.resource)
        if scopes is None:
            return [Instance(Scope(), UNKNOWN_KEY)]
        return [Instance(scope, scope.key) for scope in scopes]

    def values(self, attribute: str | None = None) -> list[Value]:
        """The value of the site's attribute (or of ``attribute`` in the site's block or
        resource) for each instance; empty when the attribute is not written, or when the
        resource has no instance, except for the known configuration-time value of a site
        :attr:`checked_by_validate` (the module's docstring)."""
        assert self.evaluator is not None, "a Site built by find_sites() has an evaluator"
        if attribute is None and self.attribute is not None:
            expression = self.attribute.value
        else:
            owner = self.block if self.block is not None else self.resource
            found = owner.body.get_attribute(attribute or "") if attribute else None
            if found is None:
                return []
            expression = found.value
        instances = self.instances()
        if not instances:
            return self._configuration_time_values(expression)
        out = []
        for instance in instances:
            value = self.evaluator.evaluate(expression, instance.scope)
            out.append(Value(instance, value, self.evaluator.pieces(expression, instance.scope)))
        return out

    @property
    def judged_without_instances(self) -> bool:
        """Whether the resource has no instance and the site is still judged, on its
        configuration-time value (a finding then says so: :data:`NO_INSTANCE_NOTE`)."""
        return self.checked_by_validate and not self.instances()

    def _configuration_time_values(self, expression: n.Expression) -> list[Value]:
        """The one value ``terraform validate`` judges for a resource without instances, when
        the provider checks it and it is known; else none."""
        if not self.checked_by_validate:
            return []
        assert self.evaluator is not None
        evaluator = self.evaluator.at_configuration_time()
        value = evaluator.evaluate(expression, Scope())
        if isinstance(value, Unknown):
            return []
        return [Value(Instance(Scope(), CONFIGURATION_KEY), value, evaluator.pieces(expression, Scope()))]

    def written(self, value: Value, expression: n.Expression | None = None) -> Written | None:
        """Where ``value`` (of the site's attribute, or of ``expression`` inside it) is written:
        the attribute itself, a variable's default, a local, an item of the ``for_each`` map
        (see :mod:`fixer.model.origin`); None when it is built or given from outside."""
        assert self.evaluator is not None, "a Site built by find_sites() has an evaluator"
        start = expression if expression is not None else self.node
        return written_at(self.evaluator.module, self.evaluator, self.file, start, value.instance.scope, self.resource)


def _provenance(expr: n.Node, origin: str | None) -> str:
    """Where a value that is not written in place comes from, for messages."""
    if origin:
        return f"the value of {origin}"
    if type(expr) is n.FunctionCall:
        return f"built by {expr.name}()"  # type: ignore[attr-defined]
    name = n.reference_name(expr)  # type: ignore[arg-type]
    if name and name.split(".")[0] in ("each", "count"):
        return ""  # the instance says it
    return f"the value of {name}" if name else ""


def find_sites(module: "Module", evaluator: "Evaluator", targets: Iterable[Target]) -> Iterator[Site]:
    """Every site of ``targets`` in ``module``: resources in file order, then targets in order."""
    targets = tuple(targets)
    for file, resource in module.resources():
        rtype = resource.labels[0]
        for target in targets:
            if not target.matches(rtype):
                continue
            if not target.attributes and not target.blocks:
                yield Site(file, resource, evaluator=evaluator, checked_by_validate=target.checked_by_validate)
            for name in target.attributes:
                attribute = resource.body.get_attribute(name)
                if attribute is not None:
                    yield Site(
                        file, resource, attribute=attribute, evaluator=evaluator,
                        checked_by_validate=target.checked_by_validate,
                    )
            if target.blocks:
                for block, dynamic, path in _nested(resource.body, target.blocks):
                    yield Site(
                        file, resource, block=block, dynamic=dynamic, path=path, evaluator=evaluator,
                        checked_by_validate=target.checked_by_validate,
                    )


def _nested(
    body: n.Body, types: tuple[str, ...]
) -> Iterator[tuple[n.Block, n.Block | None, tuple[str, ...]]]:
    """Blocks of ``types`` at any depth of ``body``, and the ``content`` of dynamic ones
    (with the ``dynamic`` block), each with its path of block types."""
    stack: list[tuple[n.Body, tuple[str, ...]]] = [(body, ())]
    while stack:
        current, path = stack.pop(0)
        for block in current.blocks():
            if block.type == "dynamic" and len(block.labels) == 1:
                here = path + block.labels
                for content in block.body.blocks("content"):
                    if block.labels[0] in types:
                        yield content, block, here
                    stack.append((content.body, here))
                continue
            here = path + (block.type,)
            if block.type in types:
                yield block, None, here
            stack.append((block.body, here))


@dataclass(frozen=True)
class NamesInUse:
    """The names the resources of one type give an attribute across the module, per instance."""

    names: dict[str, list[tuple[str, str | None]]]  # name (case-folded when asked) -> [(address, scope text)]
    unknown: tuple[str, ...]  # addresses with an instance whose name cannot be known
    ignore_case: bool = False

    def holder(self, name: str, *, exclude: Site | None = None, scope: str | None = None) -> str | None:
        """The address of another resource already using ``name``, if any. ``exclude``: the
        site being fixed (its own resource does not count); ``scope``: an attribute whose
        written text must equal the excluded site's for two names to clash (``vpc_id``)."""
        home = _scope_text(exclude.resource, scope) if exclude is not None and scope else None
        for address, where in self.names.get(name.casefold() if self.ignore_case else name, ()):
            if exclude is not None and address == exclude.address:
                continue
            if scope and where != home:
                continue
            return address
        return None


def names_in_use(
    module: "Module", evaluator: "Evaluator", resource_type: str | tuple[str, ...], attribute: str,
    *, scope: str | None = None, ignore_case: bool = False,
) -> NamesInUse:
    """Every known value of ``attribute`` over every instance of every resource of
    ``resource_type`` in the module (issue 13 item 5: a fix must not create a name that
    another resource of the same type already has). Built once, asked per fix with
    :meth:`NamesInUse.holder`. ``scope``: the attribute that partitions names
    (``vpc_id``: security group names are unique per VPC); ``ignore_case``: names are
    compared case-folded.
    """
    names: dict[str, list[tuple[str, str | None]]] = {}
    unknown: list[str] = []
    for site in find_sites(module, evaluator, [Target(resource_type, attributes=(attribute,))]):
        where = _scope_text(site.resource, scope) if scope else None
        for value in site.values():
            if value.text is None:
                unknown.append(site.address)
            else:
                key = value.text.casefold() if ignore_case else value.text
                names.setdefault(key, []).append((site.address, where))
    return NamesInUse(names, tuple(dict.fromkeys(unknown)), ignore_case)


def _scope_text(resource: n.Block, attribute: str) -> str | None:
    found = resource.body.get_attribute(attribute)
    return found.value.source if found is not None else None


def describe_length(value: Any) -> str:
    """How long a string value is, for messages: ``"tg-web" (6 characters)`` for a known
    text; for an :class:`~fixer.model.evaluate.Unknown`, ``8 to 12 characters`` when it has
    two different bounds, else ``at least 8 characters``."""
    if isinstance(value, str):
        return f"{json.dumps(value, ensure_ascii=False)} ({len(value)} characters)"
    if value.max_len is not None and value.min_len != value.max_len:
        return f"{value.min_len} to {value.max_len} characters"
    return f"at least {value.min_len} characters"


def describe_input(value: Unknown, assumed: int) -> str:
    """An unknown input of a string and the length it is judged at, for messages:
    ``var.x up to 8 characters`` when it is bounded, else ``var.env at 24 characters
    (assumed-input-length)`` (``assumed``, or its fewest characters when more)."""
    name = ", ".join(value.sources) or "an unknown part"
    if value.max_len is not None:
        return f"{name} up to {value.max_len} characters"
    return f"{name} at {max(value.min_len, assumed)} characters (assumed-input-length)"
