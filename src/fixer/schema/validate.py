"""Check a ``resource`` or ``data`` block against a bundled provider schema.

:func:`validate_block` is pure: a parsed block and a schema in, a list of
:class:`Mismatch` out, each saying what ``terraform validate`` would say and where. It
is conservative, because a false positive is worse than a miss:

- a resource or data source type the schema does not know (newer than the schema, or
  another provider's) is not checked at all;
- meta-arguments (``count``, ``for_each``, ``provider``, ``depends_on``, ``lifecycle``,
  ``provisioner``, ``connection``) are never reported, nor is ``id``;
- a ``dynamic "x"`` block counts as *some* ``x`` blocks, how many only when
  ``count_items`` can evaluate or bound its ``for_each``; its ``content`` is checked as an
  ``x``; too many blocks that only *may* be made (an unbounded ``for_each``) are a mismatch
  marked ``certain=False``, which only the schema cases (AWS003) report, as a warning;
- a name a minor release added (:mod:`fixer.schema.additions`) is unknown when the release
  in use is older (``release_below``), as if the schema lacked it;
- an attribute of object type (``aws_security_group.ingress``) may be written as an
  argument or as blocks, as Terraform accepts both for SDK providers; its block form is not
  checked inside;
- a value's type is judged only for literals (:mod:`fixer.schema.literal_types`);
- a nested block whose schema cdktf cut (a recursive struct) is not checked inside.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from ..model.bounds import Size
from ..syntax.nodes import Attribute, Block, Body, Expression, Node
from .additions import added_in
from .literal_types import literal_type_error
from .model import BlockSchema, ProviderSchema
from .upgrade_notes import Rename, deprecation_for, rename_for

__all__ = ["Mismatch", "MismatchKind", "validate_block", "RESOURCE_META_ARGUMENTS", "DATA_META_ARGUMENTS"]

RESOURCE_META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on"})
RESOURCE_META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection"})
DATA_META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on"})
DATA_META_BLOCKS = frozenset({"lifecycle"})
NEVER_REPORTED = frozenset({"id"})


class MismatchKind:
    UNSUPPORTED_ARGUMENT = "unsupported-argument"
    UNSUPPORTED_BLOCK = "unsupported-block"
    BLOCK_AS_ARGUMENT = "block-written-as-argument"
    ARGUMENT_AS_BLOCK = "argument-written-as-block"
    TOO_MANY_BLOCKS = "too-many-blocks"
    MISSING_ARGUMENT = "missing-required-argument"
    MISSING_BLOCK = "missing-required-block"
    REMOVED_ARGUMENT = "removed-argument"
    DEPRECATED_ARGUMENT = "deprecated-argument"
    READ_ONLY_ARGUMENT = "read-only-argument"
    WRONG_TYPE = "wrong-literal-type"


@dataclass(frozen=True)
class Mismatch:
    """One place where the configuration does not match the schema."""

    kind: str
    path: tuple[str, ...]  # the nested block names from the resource down to ``name``'s body
    name: str  # the argument or block type concerned
    node: Node  # where to report it: the attribute, the block, or the enclosing block
    message: str  # what terraform validate says, in its words
    rename: Rename | None = None  # for a removed argument the guides rename
    removed_in: int | None = None  # for a removed argument: the first major without it
    blocks: tuple[Block, ...] = ()  # for too-many-blocks: every block of the type, in order
    siblings: frozenset[str] = frozenset()  # every argument and block name of the same body
    expected_type: str = ""  # for argument-written-as-block: the argument's type code
    type_name: str = ""  # the resource or data source type
    address: str = ""  # "aws_db_instance.main" or "data.aws_region.current"
    # The blocks from the resource down to the body holding ``name`` (a ``dynamic`` block and
    # its ``content`` both): ``(resource, spec, backend)``.
    trail: tuple[Block, ...] = ()
    certain: bool = True  # for too-many-blocks: False when an unbounded for_each only may make too many
    sizes: tuple[tuple[Block, Size], ...] = ()  # for too-many-blocks: each dynamic block's for_each size


# How many elements a dynamic block's ``for_each`` has in the resource block given: a
# :class:`~fixer.model.bounds.Size`, or a plain count (None: unknown).
CountItems = Callable[[Expression, Block], "Size | int | None"]
ReleaseBelow = Callable[[tuple[int, int, int]], bool]


def _size(counted: "Size | int | None") -> Size:
    if isinstance(counted, Size):
        return counted
    return Size(counted, counted is not None)


def validate_block(
    block: Block,
    schema: ProviderSchema,
    *,
    count_items: CountItems | None = None,
    schema_may_lag: bool = False,
    release_below: ReleaseBelow | None = None,
) -> list[Mismatch]:
    """Mismatches of a ``resource "type" "name"`` or ``data "type" "name"`` block.

    ``count_items``: evaluates a ``for_each`` expression to its number of elements, or None
    when it cannot. A name the schema lacks but an older major had (the schema's ``removed``
    table) is reported as removed, with the upgrade guide's rename when there is one.
    ``schema_may_lag``: the module requires a newer release than the schema's (``>= 6.40``
    against 6.25), so a name the schema does not know may be new: unsupported arguments and
    blocks are then not reported.
    ``release_below``: True when the release in use is older than a version: a name that
    release lacks (:func:`~fixer.schema.additions.added_in`) is then unknown.
    """
    if block.type not in ("resource", "data") or len(block.labels) != 2:
        return []
    kind = "resource" if block.type == "resource" else "data"
    type_name = block.labels[0]
    root = schema.resource(type_name) if kind == "resource" else schema.data_source(type_name)
    if root is None:
        return []
    meta_arguments = RESOURCE_META_ARGUMENTS if kind == "resource" else DATA_META_ARGUMENTS
    meta_blocks = RESOURCE_META_BLOCKS if kind == "resource" else DATA_META_BLOCKS
    counter = count_items or (lambda _e, _b: None)
    checker = _Checker(kind, type_name, schema, lambda e: _size(counter(e, block)), schema_may_lag,
                       release_below or (lambda _v: False))
    checker.trail = (block,)
    checker.body(block, block.body, root, (), meta_arguments, meta_blocks)
    address = ("" if kind == "resource" else "data.") + ".".join(block.labels)
    return [replace(m, type_name=type_name, address=address) for m in checker.found]


class _Checker:
    def __init__(
        self, kind: str, type_name: str, schema: ProviderSchema, count_items: Callable[[Expression], Size],
        lenient: bool, release_below: ReleaseBelow,
    ) -> None:
        self.schema = schema
        major = schema.major
        self.lenient = lenient
        self.kind = kind
        self.type_name = type_name
        self.major = major
        self.count_items = count_items
        self.release_below = release_below
        self.found: list[Mismatch] = []
        self.siblings: frozenset[str] = frozenset()
        self.trail: tuple[Block, ...] = ()

    def released(self, path: tuple[str, ...], name: str) -> bool:
        """False when the release in use predates the minor release that added ``name``."""
        added = added_in(self.kind, self.type_name, path, name)
        return added is None or not self.release_below(added)

    def body(
        self,
        owner: Block,
        body: Body,
        schema: BlockSchema,
        path: tuple[str, ...],
        meta_arguments: frozenset[str] = frozenset(),
        meta_blocks: frozenset[str] = frozenset(),
    ) -> None:
        if schema.is_open:
            return
        outer = self.siblings
        self.siblings = frozenset(
            i.key if type(i) is Attribute else (i.labels[0] if i.type == "dynamic" and i.labels else i.type)
            for i in body.items if type(i) is Attribute or isinstance(i, Block)
        )
        seen_attributes: set[str] = set()
        blocks_by_type: dict[str, list[Block]] = {}
        dynamic_by_type: dict[str, list[Block]] = {}
        for item in body.items:
            if type(item) is Attribute:
                seen_attributes.add(item.key)
                if item.key not in meta_arguments and item.key not in NEVER_REPORTED:
                    self.attribute(item, schema, path)
            elif isinstance(item, Block):
                if item.type == "dynamic":
                    if len(item.labels) == 1:
                        dynamic_by_type.setdefault(item.labels[0], []).append(item)
                elif item.type not in meta_blocks:
                    blocks_by_type.setdefault(item.type, []).append(item)
        for name, blocks in blocks_by_type.items():
            self.blocks(name, blocks, dynamic_by_type.get(name, []), schema, path)
        for name, dynamics in dynamic_by_type.items():
            if name not in blocks_by_type:
                self.blocks(name, [], dynamics, schema, path)
        self.required(owner, schema, path, seen_attributes, blocks_by_type, dynamic_by_type)
        self.siblings = outer

    # -- arguments ----------------------------------------------------------------------
    def attribute(self, item: Attribute, schema: BlockSchema, path: tuple[str, ...]) -> None:
        name = item.key
        released = self.released(path, name)
        found = schema.attribute(name) if released else None
        if found is not None:
            if found.computed_only:
                self.add(MismatchKind.READ_ONLY_ARGUMENT, path, name, item,
                         f'Can\'t configure a value for "{name}": its value will be decided automatically '
                         "based on the result of applying this configuration.")
                return
            self.deprecated(name, item, path, schema)
            wrong = literal_type_error(name, item.value, found.type)
            if wrong is not None:
                self.add(MismatchKind.WRONG_TYPE, path, name, item, wrong, expected_type=found.type)
            return
        if released and schema.block_type(name) is not None:
            self.add(MismatchKind.BLOCK_AS_ARGUMENT, path, name, item,
                     f'An argument named "{name}" is not expected here. '
                     f'Did you mean to define a block of type "{name}"?')
            return
        self.unknown(name, item, path, MismatchKind.UNSUPPORTED_ARGUMENT,
                     f'An argument named "{name}" is not expected here.')

    def deprecated(self, name: str, node: Node, path: tuple[str, ...], schema: BlockSchema) -> None:
        deprecation = deprecation_for(self.kind, self.type_name, path, name, self.major)
        if deprecation is not None and not (deprecation.since and self.release_below(deprecation.since)):
            rename = rename_for(self.kind, self.type_name, path, name)
            if rename is not None and schema.attribute(rename.new) is None:
                rename = None  # its replacement does not exist yet in this version
            self.add(MismatchKind.DEPRECATED_ARGUMENT, path, name, node,
                     f'Argument is deprecated: "{name}". {deprecation.message}.', rename=rename)

    def unknown(
        self, name: str, node: Node, path: tuple[str, ...], kind: str, message: str
    ) -> None:
        """A name this schema lacks: removed (when an older major has it), else unsupported
        (unless the schema may be older than the release the module requires)."""
        removed_in = self.schema.removed_in(self.kind, self.type_name, path, name)
        if removed_in is not None:
            rename = rename_for(self.kind, self.type_name, path, name, self.major)
            advice = f' Use "{rename.new}" instead ({rename.source}).' if rename is not None else ""
            self.found.append(Mismatch(
                MismatchKind.REMOVED_ARGUMENT, path, name, node,
                f'An argument named "{name}" is not expected here: it was removed in AWS provider '
                f"{removed_in}.0.{advice}",
                rename, removed_in, siblings=self.siblings, trail=self.trail,
            ))
        elif not self.lenient:
            self.add(kind, path, name, node, message)

    # -- blocks -------------------------------------------------------------------------
    def blocks(
        self,
        name: str,
        blocks: list[Block],
        dynamics: list[Block],
        schema: BlockSchema,
        path: tuple[str, ...],
    ) -> None:
        released = self.released(path, name)
        block_type = schema.block_type(name) if released else None
        if block_type is None:
            attribute = schema.attribute(name) if released else None
            if attribute is not None and (attribute.is_object or attribute.type == "any"):
                return  # an attribute Terraform accepts in block form: not checked inside
            first = (blocks or dynamics)[0]
            if attribute is not None:
                self.add(MismatchKind.ARGUMENT_AS_BLOCK, path, name, first,
                         f'Blocks of type "{name}" are not expected here. Did you mean to define argument '
                         f'"{name}"? If so, use the equals sign to assign it a value.',
                         blocks=tuple(blocks + dynamics), expected_type=attribute.type)
                return
            self.unknown(name, first, path, MismatchKind.UNSUPPORTED_BLOCK,
                         f'Blocks of type "{name}" are not expected here.')
            return
        self.deprecated(name, (blocks or dynamics)[0], path, schema)
        if block_type.max_items is not None:
            self.too_many(name, blocks, dynamics, block_type.max_items, path)
        outer = self.trail
        for block in blocks:
            if block.labels:
                continue  # a nested block type never takes labels; terraform reports that, not us
            self.trail = outer + (block,)
            self.body(block, block.body, block_type.block, path + (name,))
        for dynamic in dynamics:
            for content in dynamic.body.blocks("content"):
                self.trail = outer + (dynamic, content)
                self.body(content, content.body, block_type.block, path + (name,))
        self.trail = outer

    def too_many(self, name: str, blocks: list[Block], dynamics: list[Block], most: int, path: tuple[str, ...]) -> None:
        """More than ``most`` blocks ``name``: certainly (the literal blocks and the exact sizes of
        the dynamic blocks' ``for_each`` exceed it), or possibly (an unbounded ``for_each``)."""
        sizes = []
        for dynamic in dynamics:
            for_each = dynamic.body.get_attribute("for_each")
            sizes.append((dynamic, self.count_items(for_each.value) if for_each is not None else Size(None, False)))
        certain = len(blocks) + sum(s.count for _d, s in sizes if s.exact and s.count is not None)
        bounded = all(s.count is not None for _d, s in sizes)
        most_possible = len(blocks) + sum(s.count or 0 for _d, s in sizes)
        if certain <= most and bounded and most_possible <= most:
            return
        every = tuple(sorted(blocks + dynamics, key=lambda b: b.start))
        self.found.append(Mismatch(
            MismatchKind.TOO_MANY_BLOCKS, path, name, every[min(most, len(every) - 1)],
            f'Too many {name} blocks: no more than {most} "{name}" blocks are allowed.',
            blocks=every, trail=self.trail, certain=certain > most, sizes=tuple(sizes),
        ))

    # -- what must be there -------------------------------------------------------------
    def required(
        self,
        owner: Block,
        schema: BlockSchema,
        path: tuple[str, ...],
        attributes: set[str],
        blocks: dict[str, list[Block]],
        dynamics: dict[str, list[Block]],
    ) -> None:
        for attribute in schema.attributes():
            if attribute.required and attribute.name not in attributes and attribute.name not in NEVER_REPORTED:
                if attribute.is_object and (attribute.name in blocks or attribute.name in dynamics):
                    continue  # given in block form
                self.add(MismatchKind.MISSING_ARGUMENT, path, attribute.name, owner,
                         f'The argument "{attribute.name}" is required, but no definition was found.')
        for block_type in schema.block_types():
            if block_type.min_items > 0 and block_type.name not in blocks and block_type.name not in dynamics:
                self.add(MismatchKind.MISSING_BLOCK, path, block_type.name, owner,
                         f'Insufficient {block_type.name} blocks: at least {block_type.min_items} '
                         f'"{block_type.name}" block is required.')

    def add(self, kind: str, path: tuple[str, ...], name: str, node: Node, message: str, **more: Any) -> None:
        self.found.append(Mismatch(kind, path, name, node, message, siblings=self.siblings, trail=self.trail, **more))
