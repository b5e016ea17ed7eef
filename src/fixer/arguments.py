"""Validation of what a user passes in: rule codes, per-rule options, variable assignments, paths.

One place decides what is allowed, for the command line (``--select``), the configuration
file (``select = [...]``, ``[rules.AWS001]``) and the Python API (``select=[...]``), so a
mistake is an error everywhere with the same message: a misspelt code or option never
silently turns every rule (or none) off. The ``key`` of an :class:`OptionError` names what
the user wrote (``--select``, ``select``, ``rules.AWS001.assumed-input-length``).
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Any, Iterable

__all__ = [
    "OptionError", "known_codes", "code_prefixes", "check_codes", "check_rule_options",
    "check_assignment", "check_path_list", "did_you_mean",
]

# Terraform's identifier: a letter or underscore, then letters, digits, underscores and dashes.
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


class OptionError(ValueError):
    """A bad argument or setting; ``str()`` is one line, ``key: what is wrong; what is allowed``."""

    def __init__(self, key: str, message: str) -> None:
        self.key = key  # what the user wrote: "--select", "select", "rules.AWS001"
        self.message = message
        super().__init__(f"{key}: {message}")


def known_codes() -> list[str]:
    """Every code a run can report: the rules' (TFX001, unused suppression, is one of them)."""
    from .rules import all_rules
    from .suppression import UNUSED_CODE

    return list(dict.fromkeys([r.code for r in all_rules()] + [UNUSED_CODE]))


def code_prefixes(codes: Iterable[str]) -> list[str]:
    """The letter prefixes of ``codes`` (``AWS`` of ``AWS001``), as ruff selects a linter."""
    return sorted({re.match(r"[A-Z]*", code).group(0) for code in codes} - {""})  # type: ignore[union-attr]


def did_you_mean(value: str, choices: list[str]) -> str:
    """``; did you mean 'AWS009'?`` for the closest of ``choices``, or empty when none is close."""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_codes(key: str, values: Any, *, prefixes: bool = True, also: Iterable[str] = ()) -> tuple[str, ...]:
    """``values`` as a tuple of upper-case codes, each a known code or (with ``prefixes``) a prefix of one.

    Raises :class:`OptionError` for a bare string (a list is expected), a value that is not
    a string, an empty code, or a code no rule starts with (with a near miss suggested).
    """
    if isinstance(values, str):
        raise OptionError(key, f"expected a list of rule codes, got the string {values!r} (write [{values!r}])")
    try:
        items = list(values)
    except TypeError:
        raise OptionError(key, f"expected a list of rule codes, got {values!r}") from None
    known = list(dict.fromkeys([*known_codes(), *also]))  # also: the codes of a caller's own rules
    out = []
    for value in items:
        if not isinstance(value, str):
            raise OptionError(key, f"expected rule codes (strings), got {value!r}")
        code = value.strip().upper()
        if not code:
            raise OptionError(key, "empty rule code; give a code like AWS001 or a prefix like AWS")
        valid = any(k.startswith(code) for k in known) if prefixes else code in known
        if not valid:
            allowed = ", ".join(known)
            if prefixes:
                allowed += f", or a prefix of one ({', '.join(code_prefixes(known))})"
            raise OptionError(
                key, f"unknown rule code {value!r}{did_you_mean(code, known)} (allowed: {allowed})"
            )
        out.append(code)
    return tuple(out)


def _type_name(kind: type) -> str:
    return {int: "an integer", bool: "true or false", str: "a string", float: "a number",
            list: "a list", dict: "a table"}.get(kind, kind.__name__)


def check_rule_options(key: str, options: Any, *, also: Iterable[Any] = ()) -> dict[str, dict[str, Any]]:
    """Per-rule options ``{CODE: {name: value}}``, each code a rule and each option one it declares.

    A rule declares its options, with their types, in ``Rule.option_types``. Raises
    :class:`OptionError` naming ``key.CODE.name`` for anything else.
    """
    from .rules import rule_by_code as known_rule

    own = {r.code: r for r in also}  # a caller's own rule classes

    def rule_by_code(code: str) -> Any:
        return own.get(code.upper()) or known_rule(code)

    if options is None:
        return {}
    if not isinstance(options, dict):
        raise OptionError(key, f"expected a table of rule codes to options, got {options!r}")
    out: dict[str, dict[str, Any]] = {}
    for code, values in options.items():
        rule = rule_by_code(code) if isinstance(code, str) else None
        if rule is None:
            codes = [c for c in known_codes() if rule_by_code(c) is not None]
            hint = did_you_mean(str(code).upper(), codes)
            raise OptionError(f"{key}.{code}", f"no rule {code!r}{hint} (rules: {', '.join(codes)})")
        where = f"{key}.{rule.code}"
        if not isinstance(values, dict):
            raise OptionError(where, f"expected a table of options, got {values!r}")
        declared: dict[str, type] = dict(getattr(rule, "option_types", {}))
        for name, value in values.items():
            if name not in declared:
                allowed = ", ".join(sorted(declared)) or "none"
                hint = did_you_mean(str(name), sorted(declared)) if declared else ""
                raise OptionError(f"{where}.{name}", f"{rule.code} has no option {name!r}{hint} (options: {allowed})")
            kind = declared[name]
            if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
                raise OptionError(f"{where}.{name}", f"expected {_type_name(kind)}, got {value!r}")
            problem = rule.option_problem(name, value)
            if problem is not None:
                raise OptionError(f"{where}.{name}", problem)
        out[rule.code] = dict(values)
    return out


def check_assignment(key: str, item: str) -> tuple[str, str]:
    """``NAME=VALUE`` split into its name and raw value; the name must be a Terraform identifier."""
    name, sep, raw = item.partition("=")
    if not sep:
        raise OptionError(key, f"expected NAME=VALUE, got {item!r}")
    name = name.strip()
    if not _IDENTIFIER.match(name):
        what = "an empty name" if not name else f"{name!r} is not a variable name"
        raise OptionError(key, f"expected NAME=VALUE, got {item!r}: {what}")
    return name, raw


def check_path_list(key: str, paths: Any) -> list[str]:
    """A list of paths as strings; a bare ``str`` / ``Path`` (one path, not a list) is a TypeError."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"{key}: expected a list of paths, got the single path {os.fsdecode(paths)!r} "
                        f"(write [{os.fsdecode(paths)!r}])")
    out = []
    for path in paths:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"{key}: expected paths (str or os.PathLike), got {path!r}")
        out.append(os.fspath(path))
    return out
