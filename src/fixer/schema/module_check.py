"""Check every resource and data block of a module against the schema of the version it uses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..reading import SourceError, read_text
from ..syntax.nodes import Document
from .cases import known_before_schemas
from .loader import AVAILABLE_MAJORS, load_schema
from .model import ProviderSchema
from .validate import CountItems, Mismatch, validate_block
from .versions import ProviderVersionChoice, aws_constraints, choose_provider_version, find_lock_files, locked_aws_version

__all__ = ["SchemaCheck", "module_provider_version", "check_documents"]


@dataclass(frozen=True)
class SchemaCheck:
    """The outcome for one module: the version chosen, its schema, and each mismatch with its file."""

    choice: ProviderVersionChoice
    schema: ProviderSchema | None
    mismatches: list[tuple[str, Mismatch]]

    @property
    def note(self) -> str:
        return self.choice.note(self.schema.provider_version if self.schema is not None else None)


def module_provider_version(
    documents: Iterable[tuple[str, Document]], module_dir: Path | None, override: str | None = None
) -> ProviderVersionChoice:
    """The version a module uses: its constraints, the nearest lock file at or above
    ``module_dir`` (none when it is None), and the override."""
    locks: list[tuple[str, str]] = []
    if module_dir is not None and override is None:
        for lock in find_lock_files(module_dir):
            try:
                version = locked_aws_version(read_text(lock))
            except SourceError:  # not a readable regular text file
                continue
            if version:
                locks.append((str(lock), version))
    return choose_provider_version(aws_constraints(documents), locks, override)


def check_documents(
    documents: list[tuple[str, Document]],
    choice: ProviderVersionChoice,
    count_items: CountItems | None = None,
) -> SchemaCheck:
    """Validate every top-level ``resource`` and ``data`` block of ``documents``."""
    older = choice.older_than(AVAILABLE_MAJORS[0])
    if choice.major is None and not older:
        return SchemaCheck(choice, None, [])
    # Below every bundled schema: the oldest finds the places, and only the case facts known
    # for older releases (fixer.schema.cases.known_before_schemas) are kept; the check has no
    # schema of its own, so no rule names one.
    schema = load_schema(AVAILABLE_MAJORS[0] if older else choice.major)  # type: ignore[arg-type]
    lag = choice.newer_than(schema.provider_version)
    found: list[tuple[str, Mismatch]] = []
    for path, document in documents:
        for block in document.body.blocks():
            if block.type in ("resource", "data"):
                for mismatch in validate_block(block, schema, count_items=count_items, schema_may_lag=lag,
                                               release_below=choice.release_below):
                    if not older or known_before_schemas(mismatch, choice.release_below) is not None:
                        found.append((path, mismatch))
    return SchemaCheck(choice, None if older else schema, found)
