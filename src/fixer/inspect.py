"""A module as tffix reads it, for tests written in Python: ``fixer.inspect_module(path)``.

It answers "how many instances of ``aws_subnet`` does this module declare, and with which
arguments?" from the ``.tf`` files alone, through the one evaluator
(:class:`fixer.model.evaluate.Evaluator`): ``count`` and ``for_each`` are expanded where their
value is known (literals, locals, variable defaults, ``terraform.tfvars``, given values). It runs
nothing and needs no provider or network, so such tests run offline (REPO001's fix writes them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .model.evaluate import Evaluator, Unknown
from .model.module import Module
from .model.values import module_values
from .reading import read_text

__all__ = ["inspect_module", "ModuleView", "UNKNOWN"]


class _UnknownValue:
    """An argument written in the module whose value cannot be known statically."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _UnknownValue()


@dataclass(frozen=True)
class ModuleView:
    """What a module declares, evaluated statically (see :func:`inspect_module`)."""

    module: Module

    def count(self, resource_type: str) -> int | None:
        """How many instances of ``resource_type`` the module creates; None when a ``count`` or
        ``for_each`` of one of its blocks cannot be known."""
        found = self.instances(resource_type)
        return None if found is None else len(found)

    def instances(self, resource_type: str) -> list[dict[str, Any]] | None:
        """One dict per instance of ``resource_type``: each top-level argument written in the block
        and its value (:data:`UNKNOWN` when it cannot be known); None when the number of instances
        cannot be known. Override files' partial blocks are not separate resources."""
        evaluator = Evaluator(self.module)
        out: list[dict[str, Any]] = []
        for _file, block in self.module.resources(resource_type, overrides=False):
            scopes = evaluator.instances(block)
            if scopes is None:
                return None
            for scope in scopes:
                values = {}
                for attribute in block.body.attributes():
                    name = attribute.key
                    if name in ("count", "for_each", "depends_on", "provider"):
                        continue
                    value = evaluator.evaluate(attribute.value, scope)
                    values[name] = UNKNOWN if _has_unknown(value) else value
                out.append(values)
        return out

    def outputs(self) -> list[str]:
        """The names of the module's ``output`` blocks, in file order."""
        return [block.labels[0] for _f, block in self.module.blocks("output") if block.labels]


def _has_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(_has_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_unknown(v) for v in value)
    return False


def inspect_module(path: str | os.PathLike[str], variables: Mapping[str, Any] | None = None) -> ModuleView:
    """Read the module in directory ``path`` (its ``.tf`` files and ``terraform.tfvars`` /
    ``*.auto.tfvars``; ``variables`` win over them) into a :class:`ModuleView`.

    Raises :class:`fixer.ParseError` for a file that is not valid HCL, ``OSError`` /
    ``fixer.reading.SourceError`` for one that cannot be read, ``NotADirectoryError`` when
    ``path`` is not a directory.
    """
    directory = Path(path)
    if not directory.is_dir():
        raise NotADirectoryError(f"{directory}: not a directory")
    sources = {str(p): read_text(p) for p in sorted(directory.glob("*.tf")) if p.is_file()}
    values = module_values(directory)
    values.update(variables or {})
    return ModuleView(Module.from_sources(sources, values))

