"""AWS provider 4.0: an ``aws_s3_bucket``'s ``replication_configuration`` as the resource
``aws_s3_bucket_replication_configuration``.

Version 4 upgrade guide, "S3 Bucket Refactor" / "``replication_configuration`` Argument"
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#replication_configuration-argument),
and what the 3.x provider sent to the API for each rule (``resource_aws_s3_bucket.go``,
``expandS3ReplicationRules`` in hashicorp/terraform-provider-aws v3.75):

- ``role`` stays; each ``rules`` block becomes a ``rule`` (``id``, ``priority``, ``status`` kept);
- a rule with ``filter`` (the API's V2 schema): ``filter { prefix, tags }`` becomes the 4.x filter
  (non-empty tags: ``and { prefix, tags }``; else ``prefix``; neither: ``filter {}`` as the
  guide shows), and ``delete_marker_replication_status = s`` becomes
  ``delete_marker_replication { status = s }``; without it, ``status = "Disabled"``, what 3.x
  sent; a rule without ``filter`` (V1) keeps its ``prefix`` and gets no delete marker block;
- ``destination``: ``bucket``, ``storage_class`` and ``access_control_translation`` kept,
  ``account_id`` becomes ``account``, ``replica_kms_key_id`` becomes
  ``encryption_configuration { replica_kms_key_id }``, ``replication_time { status, minutes }``
  becomes ``replication_time { status, time { minutes } }`` and ``metrics { status, minutes }``
  becomes ``metrics { status, event_threshold { minutes } }``;
- ``source_selection_criteria { sse_kms_encrypted_objects { enabled = true|false } }`` becomes
  ``sse_kms_encrypted_objects { status = "Enabled"|"Disabled" }``.

Anything else (a ``dynamic`` block, an unknown argument, a ``replication_time`` or ``metrics``
without ``status`` or ``minutes``, non-literal ``tags`` or ``enabled``) is left to the author.
"""

from __future__ import annotations

from ..syntax.nodes import Attribute, Block, Variable
from .hcl_text import comments_above, each_block, indented, loose_comments, trailing_comment
from .s3_lifecycle import filter_text

__all__ = ["replication_configuration"]


def _line(item: Attribute, name: str | None = None, value: str | None = None) -> str:
    return (f"{comments_above(item)}{name or item.key} = "
            f"{item.value.source if value is None else value}{trailing_comment(item)}\n")


def _block(name: str, inner: str, comments: str = "") -> str:
    return f"{comments}{name} {{\n{indented(inner) if inner else ''}}}\n"


def _plain(block: Block) -> dict[str, Attribute] | None:
    """The attributes of a block that holds nothing else, or None."""
    if block.labels or block.body.blocks():
        return None
    return {a.key: a for a in block.body.attributes()}


def _status_minutes(block: Block, wrapper: str) -> str | None:
    attributes = _plain(block)
    if attributes is None or set(attributes) != {"status", "minutes"}:
        return None
    inner = _line(attributes["status"]) + _block(wrapper, _line(attributes["minutes"]))
    return _block(block.type, inner, comments_above(block) + loose_comments(block))


def _destination(block: Block) -> str | None:
    if block.labels:
        return None
    attributes = {a.key: a for a in block.body.attributes()}
    if set(attributes) - {"bucket", "storage_class", "account_id", "replica_kms_key_id"}:
        return None
    inner = ""
    for key in ("bucket", "storage_class", "account_id"):
        if key in attributes:
            inner += _line(attributes[key], "account" if key == "account_id" else key)
    if "replica_kms_key_id" in attributes:
        inner += _block("encryption_configuration", _line(attributes["replica_kms_key_id"]))
    for nested in block.body.blocks():
        if nested.type == "access_control_translation" and _plain(nested) is not None and set(_plain(nested) or ()) == {"owner"}:
            inner += _block(nested.type, _line(nested.body.get_attribute("owner")), comments_above(nested))  # type: ignore[arg-type]
        elif nested.type in ("replication_time", "metrics"):
            made = _status_minutes(nested, "time" if nested.type == "replication_time" else "event_threshold")
            if made is None:
                return None
            inner += made
        else:
            return None
    return _block("destination", inner, comments_above(block) + loose_comments(block))


def _source_selection(block: Block) -> str | None:
    inner_blocks = block.body.blocks()
    if block.labels or block.body.attributes() or [b.type for b in inner_blocks] != ["sse_kms_encrypted_objects"]:
        return None
    attributes = _plain(inner_blocks[0])
    enabled = (attributes or {}).get("enabled")
    if attributes is None or set(attributes) != {"enabled"} or type(enabled.value) is not Variable:  # type: ignore[union-attr]
        return None
    value = {"true": '"Enabled"', "false": '"Disabled"'}.get(enabled.value.name.value)  # type: ignore[union-attr]
    if value is None:
        return None
    inner = _block("sse_kms_encrypted_objects", _line(enabled, "status", value), comments_above(inner_blocks[0]))  # type: ignore[arg-type]
    return _block(block.type, inner, comments_above(block))


def _rule(block: Block) -> str | None:
    if block.labels:
        return None
    attributes = {a.key: a for a in block.body.attributes()}
    if set(attributes) - {"id", "priority", "prefix", "status", "delete_marker_replication_status"}:
        return None
    filters = block.body.blocks("filter")
    inner = "".join(_line(attributes[k]) for k in ("id", "priority", "status") if k in attributes)
    if filters:
        filter_attributes = _plain(filters[0])
        if len(filters) != 1 or filter_attributes is None or set(filter_attributes) - {"prefix", "tags"} or "prefix" in attributes:
            return None
        made = filter_text(filter_attributes.get("prefix"), filter_attributes.get("tags"), "filter {}\n")
        if made is None:
            return None
        inner += comments_above(filters[0]) + loose_comments(filters[0]) + made
        marker = attributes.get("delete_marker_replication_status")
        inner += (_block("delete_marker_replication", _line(marker, "status")) if marker is not None
                  else _block("delete_marker_replication", 'status = "Disabled"\n'))
    elif "delete_marker_replication_status" in attributes:
        return None  # the 3.x provider ignored it without a filter: what AWS holds is not known
    elif "prefix" in attributes:
        inner += _line(attributes["prefix"])
    for nested in block.body.blocks():
        if nested.type == "filter":
            continue
        made = (_destination(nested) if nested.type == "destination"
                else _source_selection(nested) if nested.type == "source_selection_criteria" else None)
        if made is None:
            return None
        inner += made
    return _block("rule", inner, comments_above(block) + loose_comments(block))


def replication_configuration(block: Block) -> str | None:
    """The body of ``aws_s3_bucket_replication_configuration`` (without ``bucket``) for a 3.x
    ``replication_configuration`` block, or None when it is not mechanical."""
    attributes = {a.key: a for a in block.body.attributes()}
    if block.labels or set(attributes) != {"role"} or any(b.type != "rules" for b in block.body.blocks()):
        return None
    rules = each_block(block.body.blocks("rules"), _rule)
    if not rules:
        return None
    return (comments_above(block) + loose_comments(block) + _line(attributes["role"]) + "\n" + "\n".join(rules))
