"""Variable values from outside the module: tfvars files and ``--var`` flags.

Terraform's precedence, lowest first: ``terraform.tfvars``, ``*.auto.tfvars``
(lexical order), ``--var-file`` files in the order given, ``--var NAME=VALUE``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..reading import read_text
from ..syntax.parser import parse
from .evaluate import Evaluator, Unknown

__all__ = ["load_tfvars_text", "module_values"]


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
