"""The shape of a provider schema, as the validator reads it.

A thin, read-only view over the compact data of ``data/aws-<major>.json.gz`` (format in
``scripts/gen_provider_schemas.py``): nothing is converted until it is asked for, so loading
a schema costs one decompression and one ``json.loads``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = ["AttributeSchema", "BlockTypeSchema", "BlockSchema", "ProviderSchema"]

_REQUIRED, _OPTIONAL, _COMPUTED = 1, 2, 4


@dataclass(frozen=True)
class AttributeSchema:
    """One attribute: its type code (``s``, ``n``, ``b``, ``any``, ``o``, ``l:T``, ``S:T``, ``m:T``)."""

    name: str
    type: str
    required: bool
    optional: bool
    computed_only: bool
    nested: "BlockSchema | None"  # the object's attributes when the type is (a collection of) object

    @property
    def is_object(self) -> bool:
        """True for ``object`` and list/set of ``object``: an attribute Terraform may accept as a block."""
        return self.type == "o" or self.type.endswith(":o")


@dataclass(frozen=True)
class BlockTypeSchema:
    """A nested block type: ``single`` (at most one), ``list`` or ``set``."""

    name: str
    nesting: str
    min_items: int
    max_items: int | None  # None: no maximum is known
    block: "BlockSchema"


class BlockSchema:
    """The attributes and nested block types of a resource, data source or nested block."""

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw

    @property
    def is_open(self) -> bool:
        """True when the content is unknown (a recursive struct cdktf cut): accept anything."""
        return bool(self._raw.get("open"))

    def attribute_names(self) -> list[str]:
        return list(self._raw["a"])

    def block_type_names(self) -> list[str]:
        return list(self._raw["b"])

    def attribute(self, name: str) -> AttributeSchema | None:
        entry = self._raw["a"].get(name)
        if entry is None:
            return None
        flags = entry[1]
        nested = BlockSchema(entry[2]) if len(entry) > 2 else None
        return AttributeSchema(
            name, entry[0], bool(flags & _REQUIRED), bool(flags & _OPTIONAL), bool(flags & _COMPUTED), nested
        )

    def block_type(self, name: str) -> BlockTypeSchema | None:
        entry = self._raw["b"].get(name)
        if entry is None:
            return None
        nesting, min_items, max_items, raw = entry
        return BlockTypeSchema(name, nesting, min_items, max_items or None, BlockSchema(raw))

    def attributes(self) -> list[AttributeSchema]:
        return [a for a in map(self.attribute, self._raw["a"]) if a is not None]

    def block_types(self) -> list[BlockTypeSchema]:
        return [b for b in map(self.block_type, self._raw["b"]) if b is not None]


class ProviderSchema:
    """One bundled provider schema: resources and data sources of one provider release.

    Each type's schema is stored as a JSON string and decoded the first time it is asked for.
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self.major: int = raw["major"]
        self.provider_version: str = raw["provider_version"]
        self.source: dict[str, Any] = raw["source"]
        self._encoded = {"resource": raw["resources"], "data": raw["data_sources"]}
        self._decoded: dict[tuple[str, str], BlockSchema] = {}
        self._removed: dict[str, Any] = raw.get("removed", {})

    def _block(self, kind: str, type_name: str) -> BlockSchema | None:
        found = self._decoded.get((kind, type_name))
        if found is None:
            text = self._encoded[kind].get(type_name)
            if text is None:
                return None
            found = self._decoded[(kind, type_name)] = BlockSchema(json.loads(text))
        return found

    def resource(self, type_name: str) -> BlockSchema | None:
        return self._block("resource", type_name)

    def data_source(self, type_name: str) -> BlockSchema | None:
        return self._block("data", type_name)

    def has_resource(self, type_name: str) -> bool:
        return type_name in self._encoded["resource"]

    def has_data_source(self, type_name: str) -> bool:
        return type_name in self._encoded["data"]

    def resource_types(self) -> list[str]:
        return list(self._encoded["resource"])

    def data_source_types(self) -> list[str]:
        return list(self._encoded["data"])

    def removed_in(self, kind: str, type_name: str, path: tuple[str, ...], name: str) -> int | None:
        """The major version that removed ``name`` (at block ``path`` of a ``kind`` "resource" or
        "data" of ``type_name``) when an older bundled major has it and this one does not."""
        last = self._removed.get(kind, {}).get(type_name, {}).get("/".join(path), {}).get(name)
        return None if last is None else last + 1
