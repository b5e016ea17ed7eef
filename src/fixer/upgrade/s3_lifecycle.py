"""AWS provider 4.0: an ``aws_s3_bucket``'s ``lifecycle_rule`` blocks as the ``rule`` blocks of
``aws_s3_bucket_lifecycle_configuration``.

Version 4 upgrade guide, "S3 Bucket Refactor" / "``lifecycle_rule`` Argument"
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#lifecycle_rule-argument):

- ``id`` stays (4.x requires it: a rule without one, whose id AWS generated, is left to the author);
  ``enabled = true|false`` becomes ``status = "Enabled"|"Disabled"`` (an expression ``e`` becomes
  ``e ? "Enabled" : "Disabled"``);
- ``prefix = "p"`` becomes ``filter { prefix = "p" }``; with literal non-empty ``tags``,
  ``filter { and { prefix, tags } }`` ("For Lifecycle Rules with prefix and tags"; the 3.x
  provider sent ``And`` whenever there were tags); no prefix, or ``prefix = ""``, no filter (the guide's
  examples: it says to check with ``get-bucket-lifecycle-configuration`` whether AWS holds
  ``"Filter": {}``, when ``filter {}`` is wanted instead; the change note repeats that);
- ``abort_incomplete_multipart_upload_days = n`` becomes
  ``abort_incomplete_multipart_upload { days_after_initiation = n }``;
- ``expiration`` and ``transition`` keep their arguments; a literal ``date = "2022-12-31"``
  becomes the RFC 3339 ``"2022-12-31T00:00:00Z"`` 4.x requires;
- ``noncurrent_version_expiration`` / ``noncurrent_version_transition``: ``days`` becomes
  ``noncurrent_days``.

Anything else (a ``dynamic`` block, an argument this table does not know, a non-literal
``tags``, a non-literal date) leaves the whole ``lifecycle_rule`` set to the author.
"""

from __future__ import annotations

import re

from ..syntax.nodes import Block, Object, Variable
from .hcl_text import comments_above, each_block, indented, loose_comments, trailing_comment

__all__ = ["lifecycle_rules", "filter_text"]

_NESTED_RENAMES = {
    "expiration": {},
    "transition": {},
    "noncurrent_version_expiration": {"days": "noncurrent_days"},
    "noncurrent_version_transition": {"days": "noncurrent_days"},
}
_NESTED_ARGUMENTS = {
    "expiration": {"date", "days", "expired_object_delete_marker"},
    "transition": {"date", "days", "storage_class"},
    "noncurrent_version_expiration": {"days"},
    "noncurrent_version_transition": {"days", "storage_class"},
}
_RULE_ARGUMENTS = {"id", "enabled", "prefix", "tags", "abort_incomplete_multipart_upload_days"}
_DATE = re.compile(r'^"(\d{4}-\d{2}-\d{2})"$')


def _nested(block: Block) -> str | None:
    if block.labels or any(type(i) is Block for i in block.body.items):
        return None
    renames = _NESTED_RENAMES[block.type]
    lines = [comments_above(block), loose_comments(block)]
    inner = []
    for item in block.body.attributes():
        if item.key not in _NESTED_ARGUMENTS[block.type]:
            return None
        value = item.value.source
        if item.key == "date":
            match = _DATE.match(value)
            if match is None:
                return None
            value = f'"{match.group(1)}T00:00:00Z"'
        inner.append(f"{comments_above(item)}{renames.get(item.key, item.key)} = {value}{trailing_comment(item)}\n")
    lines.append(f"{block.type} {{\n{indented(''.join(inner)) if inner else ''}}}\n")
    return "".join(lines)


def filter_text(prefix, tags, when_empty: str) -> str | None:  # type: ignore[no-untyped-def]
    """The 4.x ``filter`` block for a 3.x rule's ``prefix`` and ``tags`` attributes (either may
    be None), as the 3.x provider built the API filter: non-empty tags, ``And {Prefix, Tags}``;
    else ``Prefix``. ``when_empty`` is written when neither says anything; None when ``tags``
    is not a literal object (whether it is empty is not known)."""
    if tags is not None and type(tags.value) is not Object:
        return None
    has_prefix = prefix is not None and prefix.value.source != '""'
    if tags is None or not tags.value.items:
        return f"filter {{\n  prefix = {prefix.value.source}\n}}\n" if has_prefix else when_empty
    inner = f"prefix = {prefix.value.source}\n" if has_prefix else ""
    return f"filter {{\n  and {{\n{indented(indented(inner + f'tags = {tags.value.source}'))}  }}\n}}\n"


def _rule(block: Block) -> str | None:
    if block.labels:
        return None
    body = block.body
    attributes = {a.key: a for a in body.attributes()}
    if set(attributes) - _RULE_ARGUMENTS or "id" not in attributes or "enabled" not in attributes:
        return None
    if any(type(i) is Block and i.type not in _NESTED_RENAMES for i in body.items):
        return None
    enabled = attributes["enabled"]
    if type(enabled.value) is Variable and enabled.value.name.value in ("true", "false"):
        status = '"Enabled"' if enabled.value.name.value == "true" else '"Disabled"'
    else:
        status = f'{enabled.value.source} ? "Enabled" : "Disabled"'
    filter_block = filter_text(attributes.get("prefix"), attributes.get("tags"), "")
    if filter_block is None:
        return None
    lines = [comments_above(block), loose_comments(block), "rule {\n"]
    inner = [f"{comments_above(attributes['id'])}id = {attributes['id'].value.source}{trailing_comment(attributes['id'])}\n",
             f"{comments_above(enabled)}status = {status}{trailing_comment(enabled)}\n"]
    for name in ("prefix", "tags"):  # their comments go above the filter
        if name in attributes:
            trailing = trailing_comment(attributes[name]).strip()
            inner.append(comments_above(attributes[name]) + (trailing + "\n" if trailing else ""))
    inner.append(filter_block)
    abort = attributes.get("abort_incomplete_multipart_upload_days")
    if abort is not None:
        inner.append(f"{comments_above(abort)}abort_incomplete_multipart_upload {{\n"
                     f"  days_after_initiation = {abort.value.source}{trailing_comment(abort)}\n}}\n")
    for item in body.items:
        if type(item) is Block:
            made = _nested(item)
            if made is None:
                return None
            inner.append(made)
    lines.append(indented("".join(inner)))
    lines.append("}\n")
    return "".join(lines)


def lifecycle_rules(blocks: list) -> str | None:  # type: ignore[no-untyped-def]
    """The body of ``aws_s3_bucket_lifecycle_configuration`` for the bucket's ``lifecycle_rule``
    blocks, or None when one of them is not mechanical."""
    rules = each_block(blocks, _rule)
    return None if rules is None else "\n".join(rules)
