"""Hoisting settings out of a nested block into its parent: the plan, then its edits.

A provider often flattens onto a resource what an API nests in an object (ECS's
``DeploymentConfiguration``: ``maximumPercent`` becomes the service's
``deployment_maximum_percent``), so a block written after the API holds settings that
belong one level out. :func:`plan_hoist` sorts the block's items by what becomes of them
and says why the move cannot be made (:attr:`HoistPlan.blockers`: a ``dynamic`` block,
more than one such block, a setting given twice, a parent setting with another value);
:meth:`HoistPlan.apply` makes the move with the editor: each setting goes one level out
(attributes renamed), a nested setting identical to the parent's is dropped (its comments
copied above the parent's), and the block is removed when nothing is left in it, else the
settings go just above it. The rule supplies the facts (what moves, what the block keeps)
as a :class:`Hoist`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Collection, Mapping, Union

from .findings import join_words
from .syntax.nodes import Attribute, Block, EmptyLine, brief, generated_type, item_name, same_setting

if TYPE_CHECKING:
    from .editor import Editor

__all__ = ["Hoist", "HoistPlan", "plan_hoist"]

Item = Union[Attribute, Block]


@dataclass(frozen=True)
class Hoist:
    """What moves out of a nested ``block`` into the parent, and what the block keeps.

    ``attributes`` maps a nested attribute to its name in the parent; ``blocks`` are nested
    block types that move unchanged; ``keeps_attributes`` / ``keeps_blocks`` are what the
    nested block itself takes, each with a value the rule reads back (e.g. the provider
    version since which it exists); ``parent`` names the parent in messages ("service")."""

    block: str
    attributes: Mapping[str, str]
    blocks: Collection[str] = ()
    keeps_attributes: Mapping[str, Any] = field(default_factory=dict)
    keeps_blocks: Mapping[str, Any] = field(default_factory=dict)
    parent: str = "parent"


@dataclass
class HoistPlan:
    """The items of one nested block sorted by what becomes of them, and what stops the move."""

    hoist: Hoist
    block: Block  # the nested block (literal or ``dynamic``)
    parent: Block
    moved: list[Item] = field(default_factory=list)  # settings of the parent, in source order
    kept: list[tuple[Item, Any]] = field(default_factory=list)  # what the block takes, with its value
    unknown: list[str] = field(default_factory=list)  # anything else, by name (left in the block)
    repeated: list[str] = field(default_factory=list)  # moved settings given more than once
    twins: dict[Item, Item] = field(default_factory=dict)  # a moved item -> the identical parent one (dropped)
    blockers: list[str] = field(default_factory=list)  # why the move is not made automatically

    @property
    def keeps(self) -> bool:
        """Whether the block stays (it holds something that does not move)."""
        return bool(self.kept or self.unknown)

    @property
    def notes(self) -> list[str]:
        """A note per unknown item, which stays where it is."""
        return [f"`{name}` is not an argument of {self.hoist.block} either; it is left in the block"
                for name in self.unknown]

    @property
    def title(self) -> str:
        """The fix's title: "Set a on the service, move b to the service level and ..."."""
        noun, dropped = self.hoist.parent, self.twins
        attrs = [self.hoist.attributes[i.key] for i in self.moved if isinstance(i, Attribute) and i not in dropped]
        blocks = [item_name(i) for i in self.moved if isinstance(i, Block) and i not in dropped]
        clauses = [f"Set {join_words(attrs)} on the {noun}"] if attrs else []
        if blocks:
            clauses.append(f"move {join_words(blocks)} to the {noun} level")
        if dropped:
            clauses.append(f"drop the nested {join_words(item_name(i) for i in dropped)} identical to the {noun}'s")
        if not self.keeps:
            clauses.append(f"remove the emptied {self.hoist.block} block")
        text = join_words(clauses)
        return text[:1].upper() + text[1:]

    def apply(self, editor: "Editor") -> "Editor":
        """Add the move to ``editor``; raises ``EditError`` when the layout does not allow it."""
        if self.blockers:
            raise ValueError("; ".join(self.blockers))
        for item, twin in self.twins.items():
            editor.copy_comments(item, above=twin)
        renames = self.hoist.attributes
        if self.keeps:
            return editor.move_above(self.moved, self.block, renames=renames, drop=self.twins)
        return editor.unwrap(self.block, self.parent, renames=renames, drop=self.twins)


def plan_hoist(hoist: Hoist, block: Block, parent: Block) -> HoistPlan:
    """The plan for ``block`` (``hoist.block``, literal or ``dynamic``: its ``content`` is
    read) in ``parent``. Nothing moves from a dynamic block without content."""
    plan = HoistPlan(hoist, block, parent)
    contents = block.body.blocks("content") if block.type == "dynamic" else [block]
    seen: set[str] = set()
    for item in contents[0].body.items if contents else ():
        if isinstance(item, EmptyLine):
            continue
        if isinstance(item, Attribute):
            name, moves, keeps = item.key, item.key in hoist.attributes, hoist.keeps_attributes
        else:
            name, keeps = generated_type(item), hoist.keeps_blocks
            moves = name in hoist.blocks
        if moves:
            plan.moved.append(item)
            if name in seen and name not in plan.repeated:
                plan.repeated.append(name)
            seen.add(name)
        elif name in keeps:
            plan.kept.append((item, keeps[name]))
        else:
            plan.unknown.append(f'dynamic "{name}"' if isinstance(item, Block) and item.type == "dynamic" else name)
    if block.type == "dynamic":
        plan.blockers.append("a dynamic block is not rewritten automatically; move the settings by hand")
    if sum(generated_type(b) == hoist.block for b in parent.body.blocks()) > 1:
        plan.blockers.append(f"the {hoist.parent} has more than one {hoist.block} block; merge them by hand")
    plan.blockers += [f"`{name}` is set more than once in the block; keep one by hand" for name in plan.repeated]
    for item in plan.moved:
        existing = _in_parent(hoist, parent, item)
        if existing is not None and same_setting(existing, item):
            plan.twins[item] = existing
        elif existing is not None:
            plan.blockers.append(
                f"conflict: the {hoist.parent} already sets `{hoist.attributes.get(item_name(item), item_name(item))}` "
                f"({brief(existing)}), which differs from `{item_name(item)}` ({brief(item)}) in the block; "
                "decide which one is meant"
            )
    return plan


def _in_parent(hoist: Hoist, parent: Block, item: Item) -> Item | None:
    """The parent's attribute or block the moved ``item`` would become, if already there."""
    if isinstance(item, Attribute):
        return parent.body.get_attribute(hoist.attributes[item.key])
    return next((b for b in parent.body.blocks() if generated_type(b) == generated_type(item)), None)
