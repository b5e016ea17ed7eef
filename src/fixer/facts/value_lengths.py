"""How long values tffix cannot know can be: data sources with fixed-length results, random_* resources.

The evaluator (:mod:`fixer.model.evaluate`) reads this table so that a name built
from ``data.aws_caller_identity.current.account_id`` or ``random_string.x.result``
has a known longest length, not an unbounded one.

Sources:

* AWS account ID: "A 12-digit number, such as 123456789012, that uniquely identifies an
  AWS account" (AWS Account Management reference guide, "View AWS account identifiers").
* Region codes: the longest in use are 14 characters (``ap-southeast-1`` .. ``-7``,
  ``ap-northeast-1`` .. ``-3``), the shortest 9 (``us-east-1``, ``eu-west-1``)
  (AWS General Reference, "AWS Regions"; ``data.aws_region`` ``name`` / ``region`` / ``id``).
* Partitions: ``aws``, ``aws-cn``, ``aws-us-gov`` (10, the longest), ``aws-iso``,
  ``aws-iso-b``, ``aws-iso-e``, ``aws-iso-f``, ``aws-eusc`` (``data.aws_partition``).
* hashicorp/terraform-provider-random docs: ``random_string`` / ``random_password``
  ``result`` is ``length`` characters; ``random_id`` ``hex`` is 2 characters per byte,
  ``b64_url`` / ``id`` unpadded base64 (4 per 3 bytes, rounded up), ``b64_std`` padded
  base64, ``dec`` the decimal number (up to ``len(str(256**byte_length - 1))`` digits);
  ``random_uuid`` ``result`` is 36 characters; ``random_pet`` ``id`` is ``length`` words
  (default 2) joined by ``separator`` (default ``-``), after ``prefix`` and a separator
  when given; the words come from a list tffix does not bound, so only the separators
  and the prefix are known.
"""

from __future__ import annotations

import math

__all__ = ["DATA_SOURCE_LENGTHS", "random_length"]

# (data source type, attribute) -> (fewest, most) characters
DATA_SOURCE_LENGTHS: dict[tuple[str, str], tuple[int, int]] = {
    ("aws_caller_identity", "account_id"): (12, 12),
    ("aws_region", "name"): (9, 14),
    ("aws_region", "region"): (9, 14),
    ("aws_region", "id"): (9, 14),
    ("aws_partition", "partition"): (3, 10),
    ("aws_partition", "id"): (3, 10),
}


def random_length(resource_type: str, attribute: str, arguments: dict[str, object]) -> tuple[int, int | None] | None:
    """(fewest, most) characters of a ``random_*`` resource's result, from its arguments
    (their known values; a missing one takes the provider's default); None when unknown."""
    if resource_type in ("random_string", "random_password") and attribute in ("result", "id"):
        length = arguments.get("length")
        return (length, length) if _count(length) else None
    if resource_type == "random_uuid" and attribute in ("result", "id"):
        return 36, 36
    if resource_type == "random_id":
        size = arguments.get("byte_length")
        if not _count(size):
            return None
        prefix = arguments.get("prefix", "")
        extra = len(prefix) if isinstance(prefix, str) else None
        if extra is None:
            return None
        if attribute == "hex":
            return 2 * size + extra, 2 * size + extra  # type: ignore[operator]
        if attribute in ("b64_url", "id"):
            n = math.ceil(4 * size / 3)  # type: ignore[operator]
            return n + extra, n + extra
        if attribute == "b64_std":
            n = 4 * math.ceil(size / 3)  # type: ignore[operator]
            return n + extra, n + extra
        if attribute == "dec":
            return 1 + extra, len(str(256**size - 1)) + extra  # type: ignore[operator]
        return None
    if resource_type == "random_integer" and attribute in ("result", "id"):
        low, high = arguments.get("min"), arguments.get("max")
        if isinstance(low, int) and isinstance(high, int) and not isinstance(low, bool) and not isinstance(high, bool):
            return 1, max(len(str(low)), len(str(high)))
        return None
    if resource_type == "random_pet" and attribute == "id":
        words = arguments.get("length", 2)
        separator = arguments.get("separator", "-")
        prefix = arguments.get("prefix")
        if not _count(words) or not isinstance(separator, str):
            return None
        fixed = (words - 1) * len(separator)  # type: ignore[operator]
        if isinstance(prefix, str):
            fixed += len(prefix) + len(separator)
        return fixed + words, None  # type: ignore[operator]
    return None


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 4096
