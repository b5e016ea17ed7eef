"""What EC2 accepts as a security group or security group rule description.

EC2 API reference, CreateSecurityGroup ``GroupDescription`` (aws-sdk-ec2
``CreateSecurityGroupInput.description``, read through the ``search`` tool on
2026-12-04): "Constraints: Up to 255 characters in length. Valid characters: a-z,
A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*". The ``Description`` of an ``IpRange``,
``Ipv6Range``, ``PrefixListId`` and ``UserIdGroupPair`` (a rule's description) has the
same constraints. A security group's description cannot be changed: the provider marks
``description`` ForceNew, so a new text replaces the group.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_LENGTH", "ALLOWED_TEXT", "disallowed", "transliterate"]

MAX_LENGTH = 255
ALLOWED_TEXT = "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*"
_ALLOWED = re.compile(r"[A-Za-z0-9 ._\-:/()#,@\[\]+=&;{}!$*]")

# Letters NFKD does not take apart, and punctuation with a close allowed equivalent.
_SPELLED = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "…": "...", "\t": " ", "\n": " ", "\r": " ", "\u00a0": " ",
}
_ARROWS = re.compile(r"\s*(?:->|=>|→|⇒|-->)\s*")


def disallowed(text: str) -> list[str]:
    """The distinct characters of ``text`` EC2 refuses in a description, in order."""
    return list(dict.fromkeys(c for c in text if not _ALLOWED.match(c)))


def transliterate(text: str) -> str:
    """``text`` made of allowed characters: accents taken off (``tráfico`` -> ``trafico``),
    arrows written ``to``, other refused characters dropped, and the spaces a dropped
    character leaves doubled made one."""
    text = _ARROWS.sub(" to ", text)
    out = []
    for c in text:
        if _ALLOWED.match(c):
            out.append(c)
            continue
        c = _SPELLED.get(c, c)
        if len(c) > 1 or _ALLOWED.match(c):
            out.append(c)
            continue
        base = "".join(b for b in unicodedata.normalize("NFKD", c) if not unicodedata.combining(b))
        out.append("".join(b for b in base if _ALLOWED.match(b)))
    result = "".join(out)
    if "  " not in text:
        result = re.sub(r" {2,}", " ", result)
    if not text[:1].isspace():
        result = result.lstrip(" ")
    if not text[-1:].isspace():
        result = result.rstrip(" ")
    return result
