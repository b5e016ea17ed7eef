"""Every rule: each module of this package named ``<code>_<name>.py`` defines one.

A new rule is one new file; nothing else needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from .base import Rule

_RULE_MODULE = re.compile(r"^[a-z]+[0-9]{3}_")


def _discover() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    package = __name__.rpartition(".")[0]
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        if not _RULE_MODULE.match(info.name):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and getattr(value, "code", None):
                if value.__module__ == module.__name__:
                    found.append(value)
    return found


RULES: list[type[Rule]] = _discover()
