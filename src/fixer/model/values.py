"""Variable values from outside the module: tfvars files and ``--var`` flags.

Terraform's precedence, lowest first: ``terraform.tfvars``, ``*.auto.tfvars``
(lexical order), ``--var-file`` files in the order given, ``--var NAME=VALUE``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..reading import read_text
from ..syntax.parser import parse
from .evaluate import Evaluator, Unknown
from .module import Module

__all__ = ["load_tfvars_text", "module_values", "ExampleCall", "example_calls"]


class _NoModule:
    values: dict[str, Any] = {}

    def variable(self, name: str) -> None:
        return None

    def local(self, name: str) -> None:
        return None


def load_tfvars_text(text: str, path: str | None = None) -> dict[str, Any]:
    """The known values of a tfvars file (unknown expressions are left out)."""
    tree = parse(text, path)
    evaluator = Evaluator(_NoModule())
    out: dict[str, Any] = {}
    for attribute in tree.body.attributes():
        value = evaluator.evaluate(attribute.value)
        if not isinstance(value, Unknown):
            out[attribute.key] = value
    return out


@dataclass(frozen=True)
class ExampleCall:
    """A ``module`` block of an example caller (``examples/complete/main.tf``) that calls the
    module: the string values it passes, as far as they can be known."""

    path: str  # the example file, relative to the module's directory: examples/complete/main.tf
    values: dict[str, str]  # variable name -> the value passed


def example_calls(module: Any) -> list[ExampleCall]:
    """The calls to ``module`` in its example callers (``Module.extra_files`` named
    ``examples/<example>/<file>.tf`` below the module's directory), each with the string values
    it passes; values built from what the example cannot know are left out. A file that
    cannot be read or parsed is skipped: examples only ever add sample inputs."""
    cached = getattr(module, "_example_calls", None)
    if cached is not None:
        return cached
    out: list[ExampleCall] = []
    by_example: dict[str, dict[str, str]] = {}
    for extra in module.extra_files:
        path = Path(extra)
        if path.suffix != ".tf" or path.parent.parent.name != "examples":
            continue
        try:
            by_example.setdefault(str(path.parent), {})[str(path)] = read_text(path)
        except (OSError, ValueError):
            continue
    for example_dir, sources in sorted(by_example.items()):
        home = os.path.realpath(Path(example_dir).parent.parent)  # the module the examples/ belong to
        try:
            example = Module.from_sources(sources)
        except ValueError:
            continue
        evaluator = Evaluator(example)
        for file, block in example.blocks("module"):
            source = block.body.get_attribute("source")
            where = evaluator.evaluate(source.value) if source is not None else None
            if not isinstance(where, str) or os.path.realpath(os.path.join(example_dir, where)) != home:
                continue
            values = {}
            for attribute in block.body.attributes():
                value = evaluator.evaluate(attribute.value)
                if isinstance(value, str) and attribute.key not in ("source", "version"):
                    values[attribute.key] = value
            out.append(ExampleCall(Path(os.path.relpath(file.path, home)).as_posix(), values))
    try:
        module._example_calls = out
    except AttributeError:  # pragma: no cover - a module object without attributes
        pass
    return out


def _parse_cli_value(raw: str) -> Any:
    """``--var name=value``: an HCL literal when it is one, else the raw string."""
    try:
        values = load_tfvars_text(f"v = {raw}\n")
    except ValueError:
        return raw
    return values.get("v", raw)


def module_values(directory: Path, var_files: list[str] = (), variables: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """Merge the values for the module in ``directory`` in Terraform's precedence."""
    values: dict[str, Any] = {}
    auto = [directory / "terraform.tfvars"] + sorted(directory.glob("*.auto.tfvars"))
    for path in auto:
        if os.path.lexists(path) and not path.is_dir():  # a FIFO or a dangling link is reported, not skipped
            values.update(load_tfvars_text(read_text(path), str(path)))
    for name in var_files:
        path = Path(name)
        values.update(load_tfvars_text(read_text(path), str(path)))
    for item in variables:
        key, sep, raw = item.partition("=")
        if not sep:
            raise ValueError(f"--var expects NAME=VALUE, got {item!r}")
        values[key.strip()] = _parse_cli_value(raw)
    return values
