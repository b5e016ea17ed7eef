"""AWS provider 4.0's ``aws_s3_bucket`` split, as a codemod.

Version 4 upgrade guide, "S3 Bucket Refactor"
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade):
the bucket's inline settings became separate resources. For each ``aws_s3_bucket`` without
``count`` / ``for_each``, the settings whose new form is a one-to-one move are taken out of the
bucket and written as their resource, just after the bucket, each followed by an ``import``
block (Terraform >= 1.5) so that the next apply adopts the setting the bucket already has
instead of creating it. Comments move with what they describe.

Moved: ``acl`` (canned), ``policy``, ``acceleration_status``, ``request_payer``, ``logging``,
``versioning`` (``enabled = true``, ``mfa_delete``), ``server_side_encryption_configuration``,
``cors_rule``, ``website`` (``index_document``, ``error_document``, ``routing_rules``) and
``object_lock_configuration`` (its ``rule``; the bucket keeps ``object_lock_enabled = true``).
Reported with the guide's advice instead: ``lifecycle_rule`` (the new rule needs a ``filter``
and a ``status``), ``replication_configuration`` (``rules`` become ``rule`` with other
shapes), ``grant`` (an ``access_control_policy``), a ``versioning`` whose ``enabled`` is not
``true`` (``Suspended`` and ``Disabled`` differ), ``website.redirect_all_requests_to``, and any
setting of a bucket with ``count`` / ``for_each`` (its import blocks would need ``for_each``).
"""

from __future__ import annotations

import textwrap
from typing import Callable

from ..syntax.edits import Edit, full_span, remove_items
from ..syntax.nodes import Attribute, Block, Document, EmptyLine, QuotedTemplate, Variable

__all__ = ["split_buckets"]

GUIDE = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade"

SIMPLE_ARGUMENTS = {  # bucket argument: (new resource, its argument)
    "acl": ("aws_s3_bucket_acl", "acl"),
    "policy": ("aws_s3_bucket_policy", "policy"),
    "acceleration_status": ("aws_s3_bucket_accelerate_configuration", "status"),
    "request_payer": ("aws_s3_bucket_request_payment_configuration", "payer"),
}
ORDER = (
    "acl", "policy", "acceleration_status", "request_payer", "logging", "versioning",
    "server_side_encryption_configuration", "cors_rule", "website", "object_lock_configuration",
)
MANUAL = {
    "lifecycle_rule": "aws_s3_bucket_lifecycle_configuration: each rule needs a filter and a status",
    "replication_configuration": "aws_s3_bucket_replication_configuration: rules become rule blocks of another shape",
    "grant": "aws_s3_bucket_acl with an access_control_policy",
}


def _text(text: str, node) -> str:  # type: ignore[no-untyped-def]
    start, end = full_span(node)
    return text[start:end]


def _dedented(text: str, node) -> str:  # type: ignore[no-untyped-def]
    """The node's lines (its comment lines included), de-indented."""
    return textwrap.dedent(_text(text, node)).rstrip("\n") + "\n"


def _loose_comments(block: Block) -> str:
    """Comment lines inside ``block`` that belong to no item (they move to the new resource)."""
    return "".join(i.newline.prefix.strip() + "\n" for i in block.body.items if type(i) is EmptyLine and i.comment)


def _comments_above(text: str, item) -> str:  # type: ignore[no-untyped-def]
    lines = [line.newline.prefix.strip() for line in item.leading_lines if line.comment]
    return "".join(line + "\n" for line in lines)


def _trailing(item: Attribute) -> str:
    comment = item.newline.prefix.strip() if item.newline is not None else ""
    return f" {comment}" if comment else ""


def _literal(expression) -> str | None:  # type: ignore[no-untyped-def]
    if type(expression) is QuotedTemplate and expression.is_literal():
        return expression.literal_value()
    return None


def _indent(source: str) -> str:
    return "".join(("  " + line if line.strip() else line) + "\n" for line in source.rstrip("\n").split("\n"))


def _resource(kind: str, name: str, bucket_ref: str, body: str, import_id: str) -> str:
    return (
        f'resource "{kind}" "{name}" {{\n  bucket = {bucket_ref}\n\n{_indent(body)}}}\n\n'
        f"import {{\n  to = {kind}.{name}\n  id = {import_id}\n}}\n"
    )


def split_buckets(path: str, text: str, tree: Document, changes: list, manual: list, note: Callable) -> list[Edit]:
    """The edits that split every ``aws_s3_bucket`` of ``tree``; what is done goes to ``changes``,
    what is left to the author to ``manual`` (``note(path, line, message)`` builds each)."""
    edits: list[Edit] = []
    for bucket in tree.body.blocks("resource"):
        if bucket.labels[:1] != ("aws_s3_bucket",) or len(bucket.labels) != 2:
            continue
        name = bucket.labels[1]
        address = f"aws_s3_bucket.{name}"
        body = bucket.body
        present = [i for i in body.items if isinstance(i, (Attribute, Block)) and _key(i) in ORDER + tuple(MANUAL)]
        if not present:
            continue
        if body.get_attribute("count") is not None or body.get_attribute("for_each") is not None:
            manual.append(note(path, bucket.line, (
                f"{address} has count/for_each: move its inline settings by hand (import blocks need "
                f"for_each, Terraform >= 1.7); see {GUIDE}")))
            continue
        literal_bucket = _literal(body.get_attribute("bucket").value) if body.get_attribute("bucket") else None
        bucket_id = f'"{literal_bucket}"' if literal_bucket is not None else f"{address}.id"
        bucket_ref = f"{address}.id"
        moved: list = []
        out: list[str] = []
        for key in ORDER:
            items = [i for i in present if _key(i) == key]
            if not items:
                continue
            made = _move(key, items, text, name, bucket_ref, bucket_id, address)
            if made is None:
                for item in items:
                    manual.append(note(path, item.line, _manual_message(address, key)))
                continue
            out.append(made)
            moved.extend(items)
            changes.append(note(path, items[0].line, f"{address}: moved {key} to {_new_kind(key)}.{name} with an import block"))
        for item in present:
            if _key(item) in MANUAL:
                manual.append(note(path, item.line, f"{address}: {item.type if isinstance(item, Block) else item.key} "
                                                     f"is not moved mechanically; use {MANUAL[_key(item)]} ({GUIDE})"))
        if "object_lock_configuration" in {_key(i) for i in moved} and body.get_attribute("object_lock_enabled") is None:
            lock = next(i for i in moved if _key(i) == "object_lock_configuration")
            enabled = lock.body.get_attribute("object_lock_enabled") if isinstance(lock, Block) else None
            if enabled is not None:  # 4.x: the bucket says it; the new resource holds the rule
                name_attribute = body.get_attribute("bucket") or body.get_attribute("bucket_prefix")
                at = (full_span(name_attribute)[1] if name_attribute is not None
                      else text.rfind("\n", 0, bucket.close_brace.start_pos) + 1)
                edits.append(Edit(at, at, "  object_lock_enabled = true\n"))
        if not moved:
            continue
        edits.extend(remove_items(body, moved))
        _, end = full_span(bucket)
        edits.append(Edit(end, end, "\n" + "\n".join(out)))
    return edits


def _key(item) -> str:  # type: ignore[no-untyped-def]
    return item.key if type(item) is Attribute else item.type


def _new_kind(key: str) -> str:
    if key in SIMPLE_ARGUMENTS:
        return SIMPLE_ARGUMENTS[key][0]
    return {
        "logging": "aws_s3_bucket_logging",
        "versioning": "aws_s3_bucket_versioning",
        "server_side_encryption_configuration": "aws_s3_bucket_server_side_encryption_configuration",
        "cors_rule": "aws_s3_bucket_cors_configuration",
        "website": "aws_s3_bucket_website_configuration",
        "object_lock_configuration": "aws_s3_bucket_object_lock_configuration",
    }[key]


def _manual_message(address: str, key: str) -> str:
    return (f"{address}: {key} is not moved mechanically (its value or shape has no one-to-one "
            f"form in {_new_kind(key)}); see {GUIDE}")


def _move(key: str, items: list, text: str, name: str, bucket_ref: str, bucket_id: str, address: str) -> str | None:  # type: ignore[no-untyped-def]
    """The new resource (and its import block) for ``items`` of one kind, or None when not mechanical."""
    kind = _new_kind(key)
    if key in SIMPLE_ARGUMENTS:
        (item,) = items if len(items) == 1 else (None,)
        if type(item) is not Attribute:
            return None
        argument = SIMPLE_ARGUMENTS[key][1]
        body = f"{_comments_above(text, item)}{argument} = {item.value.source}{_trailing(item)}\n"
        import_id = bucket_id
        if key == "acl":
            acl = _literal(item.value)
            if acl is None:
                return None
            import_id = f'"{literal_of(bucket_id, address)},{acl}"'
        return _resource(kind, name, bucket_ref, body, import_id)
    if any(type(i) is not Block or i.labels for i in items):
        return None
    if key == "cors_rule":
        body = "".join(_dedented(text, i) for i in items)
        return _resource(kind, name, bucket_ref, body, bucket_id)
    if len(items) != 1:
        return None
    block: Block = items[0]
    inner = block.body
    if key == "logging":
        return _resource(kind, name, bucket_ref, _comments_above(text, block) + _body_text(text, block), bucket_id)
    if key == "server_side_encryption_configuration":
        return _resource(kind, name, bucket_ref, _comments_above(text, block) + _body_text(text, block), bucket_id)
    if key == "object_lock_configuration":
        rules = inner.blocks("rule")
        if len(inner.items) != len(rules) + (1 if inner.get_attribute("object_lock_enabled") else 0) or not rules:
            return None
        return _resource(kind, name, bucket_ref, "".join(_dedented(text, r) for r in rules), bucket_id)
    if key == "versioning":
        enabled = inner.get_attribute("enabled")
        mfa = inner.get_attribute("mfa_delete")
        if enabled is None or type(enabled.value) is not Variable or enabled.value.name.value != "true":
            return None
        if any(type(i) is Block for i in inner.items):
            return None
        lines = (f"{_comments_above(text, block)}{_loose_comments(block)}{_comments_above(text, enabled)}"
                 f'versioning_configuration {{\n  status = "Enabled"{_trailing(enabled)}\n')
        if mfa is not None:
            if type(mfa.value) is not Variable or mfa.value.name.value not in ("true", "false"):
                return None
            value = '"Enabled"' if mfa.value.name.value == "true" else '"Disabled"'
            lines += f"  mfa_delete = {value}{_trailing(mfa)}\n"
        return _resource(kind, name, bucket_ref, lines + "}\n", bucket_id)
    if key == "website":
        if inner.get_attribute("redirect_all_requests_to") is not None or inner.blocks():
            return None
        parts = [_comments_above(text, block), _loose_comments(block)]
        for attribute, block_name, field in (("index_document", "index_document", "suffix"), ("error_document", "error_document", "key")):
            found = inner.get_attribute(attribute)
            if found is not None:
                parts.append(f"{_comments_above(text, found)}{block_name} {{\n  {field} = {found.value.source}{_trailing(found)}\n}}\n")
        routing = inner.get_attribute("routing_rules")
        if routing is not None:
            parts.append(f"{_comments_above(text, routing)}routing_rules = {routing.value.source}{_trailing(routing)}\n")
        return _resource(kind, name, bucket_ref, "".join(parts), bucket_id)
    return None


def _body_text(text: str, block: Block) -> str:
    """The lines inside ``block``'s braces, de-indented (comments kept)."""
    items = [i for i in block.body.items]
    if not items or block.open_newline is None:
        return ""
    start = full_span(items[0])[0]
    end = full_span(items[-1])[1]
    return textwrap.dedent(text[start:end]).strip("\n") + "\n"


def literal_of(bucket_id: str, address: str) -> str:
    """The bucket part of an import id: its literal name, or an interpolation of its id."""
    return bucket_id[1:-1] if bucket_id.startswith('"') else f"${{{address}.id}}"
