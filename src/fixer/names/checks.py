"""Which of its type's naming rules a name breaks (length aside), and names in messages.

The rules themselves (allowed characters, first character, hyphens, forbidden patterns,
minimum length, ``.fifo``) are rows of :data:`fixer.facts.aws_names.NAME_SPECS`, each
with its source; this module only applies a row to a text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..facts.aws_names import NameSpec
from ..model.evaluate import Unknown, to_template_string

__all__ = ["name_problems", "problem_codes", "as_name", "quote_name"]


def name_problems(spec: NameSpec, text: str, fifo: bool | None) -> list[tuple[str, str]]:
    """(code, words) for every rule of ``spec`` that ``text`` breaks, its length limit
    excepted. ``fifo``: the queue/topic is FIFO (True), not (False), or unknown (None: a
    name ending in ``.fifo`` is taken as FIFO). Reserved and required affixes are AWS002's."""
    out: list[tuple[str, str]] = []
    body = text
    is_fifo = fifo is True or (fifo is None and text.endswith(".fifo"))
    if spec.fifo_attribute and is_fifo and not spec.is_prefix:
        if text.endswith(".fifo"):
            body = text[: -len(".fifo")]
        else:
            out.append(("fifo", f'does not end with ".fifo", which a FIFO {spec.attribute} must'))
    bad = spec.bad_characters(body)
    upper_only = bool(bad) and spec.lowercase_only and all(
        c.isupper() and not spec.bad_characters(c.lower()) for c in bad
    )
    if upper_only:
        out.append(("uppercase", f"contains uppercase letters (allowed: {spec.chars_text})"))
    elif bad:
        shown = ", ".join(quote_name(c) for c in bad)
        out.append(("chars", f"contains {shown} (allowed: {spec.chars_text})"))
    first = text[:1]
    if spec.first and first and not re.fullmatch(spec.first, first):
        if not (upper_only and re.fullmatch(spec.first, first.lower())):
            out.append(("first", f"does not begin with {spec.first_text}"))
    if spec.no_leading_hyphen and text.startswith("-"):
        out.append(("leading-hyphen", "begins with a hyphen"))
    if spec.no_trailing_hyphen and text.endswith("-"):
        out.append(("trailing-hyphen", "ends with a hyphen"))
    if spec.no_double_hyphen and "--" in text:
        out.append(("double-hyphen", "contains two consecutive hyphens"))
    for pattern, words in spec.forbidden:
        if re.search(pattern, text):
            out.append(("forbidden", words))
    if len(text) < spec.min_len:
        out.append(("short", f"is {len(text)} characters; the minimum is {spec.min_len}"))
    return out


def problem_codes(spec: NameSpec, value: Any, fifo: bool | None) -> set[str]:
    """The codes of :func:`name_problems` for a known name; none for an unknown one."""
    return {code for code, _ in name_problems(spec, value, fifo)} if isinstance(value, str) else set()


def as_name(value: Any) -> Any:
    """The value as a name: a str, an Unknown, or None when it is not a string at all."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, Unknown):
        return value
    text = to_template_string(value)
    return text if isinstance(text, str) else None


def quote_name(text: str) -> str:
    """A name as it appears in a message: quoted, with control characters escaped."""
    return json.dumps(text, ensure_ascii=False)
