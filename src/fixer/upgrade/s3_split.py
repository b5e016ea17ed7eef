"""AWS provider 4.0's ``aws_s3_bucket`` split, as a codemod.

Version 4 upgrade guide, "S3 Bucket Refactor"
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade):
the bucket's inline settings became separate resources. For each ``aws_s3_bucket`` without
``count`` / ``for_each``, the settings whose new form is a one-to-one move are taken out of the
bucket and written as their resource, just after the bucket, each followed by an ``import``
block (Terraform >= 1.5) so that the next apply adopts the setting the bucket already has
instead of creating it. Comments move with what they describe.

Moved: ``acl`` (canned), ``grant`` (as the ACL's ``access_control_policy``, :mod:`.s3_grant`),
``policy``, ``acceleration_status``, ``request_payer``, ``logging``, ``versioning``
(``enabled = true``, ``mfa_delete``), ``server_side_encryption_configuration``, ``cors_rule``,
``website`` (``index_document``, ``error_document``, ``routing_rules``),
``object_lock_configuration`` (its ``rule``; the bucket keeps ``object_lock_enabled = true``),
``lifecycle_rule`` (:mod:`.s3_lifecycle`) and ``replication_configuration``
(:mod:`.s3_replication`). Reported with the guide's advice instead: what those modules find
not mechanical, ``website.redirect_all_requests_to``, ``grant`` next to ``acl`` (3.x rejects
both), and any setting of a bucket with ``count`` / ``for_each`` (its import blocks would need
``for_each``).

``versioning { enabled = false }`` is reported, not moved: the guide ("Buckets With Versioning
Disabled or Suspended") maps it to ``status = "Disabled"`` for a bucket created from provider
3.70 on whose versioning was never enabled, and to ``"Suspended"`` otherwise; which of the two
holds depends on the bucket's history, which the configuration does not say.
"""

from __future__ import annotations

import textwrap
from typing import Callable

from ..syntax.edits import Edit, full_span, remove_items
from ..syntax.nodes import Attribute, Block, Document, QuotedTemplate, Variable
from .hcl_text import comments_above, indented, loose_comments, trailing_comment
from .s3_grant import access_control_policy
from .s3_lifecycle import lifecycle_rules
from .s3_replication import replication_configuration

__all__ = ["split_buckets", "canonical_user_data"]

GUIDE = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade"

SIMPLE_ARGUMENTS = {  # bucket argument: (new resource, its argument)
    "acl": ("aws_s3_bucket_acl", "acl"),
    "policy": ("aws_s3_bucket_policy", "policy"),
    "acceleration_status": ("aws_s3_bucket_accelerate_configuration", "status"),
    "request_payer": ("aws_s3_bucket_request_payment_configuration", "payer"),
}
ORDER = (
    "acl", "grant", "policy", "acceleration_status", "request_payer", "logging", "versioning",
    "server_side_encryption_configuration", "cors_rule", "website", "object_lock_configuration",
    "lifecycle_rule", "replication_configuration",
)


def _text(text: str, node) -> str:  # type: ignore[no-untyped-def]
    start, end = full_span(node)
    return text[start:end]


def _dedented(text: str, node) -> str:  # type: ignore[no-untyped-def]
    """The node's lines (its comment lines included), de-indented."""
    return textwrap.dedent(_text(text, node)).rstrip("\n") + "\n"


def _literal(expression) -> str | None:  # type: ignore[no-untyped-def]
    if type(expression) is QuotedTemplate and expression.is_literal():
        return expression.literal_value()
    return None


def _resource(kind: str, name: str, bucket_ref: str, body: str, import_id: str) -> str:
    return (
        f'resource "{kind}" "{name}" {{\n  bucket = {bucket_ref}\n\n{indented(body)}}}\n\n'
        f"import {{\n  to = {kind}.{name}\n  id = {import_id}\n}}\n"
    )


def split_buckets(
    path: str, text: str, tree: Document, changes: list, manual: list, note: Callable, caller: str | None = None
) -> tuple[list[Edit], str | None]:
    """The edits that split every ``aws_s3_bucket`` of ``tree``; what is done goes to ``changes``,
    what is left to the author to ``manual`` (``note(path, line, message)`` builds each).

    ``caller``: the name of the module's ``data "aws_canonical_user_id"`` (the owner of a
    ``grant``'s ACL); when there is none and a grant moves, ``data "aws_canonical_user_id"
    "current" {}`` is written before its ACL. Returns the edits and the name now declared."""
    edits: list[Edit] = []
    for bucket in tree.body.blocks("resource"):
        if bucket.labels[:1] != ("aws_s3_bucket",) or len(bucket.labels) != 2:
            continue
        name = bucket.labels[1]
        address = f"aws_s3_bucket.{name}"
        body = bucket.body
        present = [i for i in body.items if isinstance(i, (Attribute, Block)) and _key(i) in ORDER]
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
            keys = {_key(i) for i in present}
            made = (None if key == "grant" and "acl" in keys  # 3.x rejects both: no guess
                    else _move(key, items, text, name, bucket_ref, bucket_id, address, caller or "current"))
            if made is not None and key == "grant" and caller is None:
                made = f'data "aws_canonical_user_id" "current" {{}}\n\n{made}'
                caller = "current"
            if made is None:
                for item in items:
                    manual.append(note(path, item.line, _manual_message(address, key)))
                continue
            out.append(made)
            moved.extend(items)
            changes.append(note(path, items[0].line, f"{address}: moved {key} to {_new_kind(key)}.{name} with an import block"
                                                      + (_LIFECYCLE_FILTER if key == "lifecycle_rule" else "")))
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
    return edits, caller


def canonical_user_data(trees) -> str | None:  # type: ignore[no-untyped-def]
    """The name of the first ``data "aws_canonical_user_id"`` block of the module, or None."""
    for tree in trees:
        for block in tree.body.blocks("data"):
            if block.labels[:1] == ("aws_canonical_user_id",) and len(block.labels) == 2:
                return block.labels[1]
    return None


_LIFECYCLE_FILTER = (" (a rule without prefix gets no filter, as the guide's examples; when "
                     "get-bucket-lifecycle-configuration shows \"Filter\": {}, write filter {} instead)")


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
        "lifecycle_rule": "aws_s3_bucket_lifecycle_configuration",
        "grant": "aws_s3_bucket_acl",
        "replication_configuration": "aws_s3_bucket_replication_configuration",
    }[key]


def _manual_message(address: str, key: str) -> str:
    return (f"{address}: {key} is not moved mechanically (its value or shape has no one-to-one "
            f"form in {_new_kind(key)}); see {GUIDE}")


def _move(key: str, items: list, text: str, name: str, bucket_ref: str, bucket_id: str, address: str, caller: str) -> str | None:  # type: ignore[no-untyped-def]
    """The new resource (and its import block) for ``items`` of one kind, or None when not mechanical."""
    kind = _new_kind(key)
    if key in SIMPLE_ARGUMENTS:
        (item,) = items if len(items) == 1 else (None,)
        if type(item) is not Attribute:
            return None
        argument = SIMPLE_ARGUMENTS[key][1]
        body = f"{comments_above(item)}{argument} = {item.value.source}{trailing_comment(item)}\n"
        import_id = bucket_id
        if key == "acl":
            acl = _literal(item.value)
            if acl is None:
                return None
            import_id = f'"{literal_of(bucket_id, address)},{acl}"'
        return _resource(kind, name, bucket_ref, body, import_id)
    if any(type(i) is not Block or i.labels for i in items):
        return None
    if key == "grant":
        policy = access_control_policy(items, f"data.aws_canonical_user_id.{caller}.id")
        return None if policy is None else _resource(kind, name, bucket_ref, policy, bucket_id)
    if key == "lifecycle_rule":
        rules = lifecycle_rules(items)
        return None if rules is None else _resource(kind, name, bucket_ref, rules, bucket_id)
    if key == "cors_rule":
        body = "".join(_dedented(text, i) for i in items)
        return _resource(kind, name, bucket_ref, body, bucket_id)
    if len(items) != 1:
        return None
    block: Block = items[0]
    if key == "replication_configuration":
        made = replication_configuration(block)
        return None if made is None else _resource(kind, name, bucket_ref, made, bucket_id)
    inner = block.body
    if key == "logging":
        return _resource(kind, name, bucket_ref, comments_above(block) + _body_text(text, block), bucket_id)
    if key == "server_side_encryption_configuration":
        return _resource(kind, name, bucket_ref, comments_above(block) + _body_text(text, block), bucket_id)
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
        lines = (f"{comments_above(block)}{loose_comments(block)}{comments_above(enabled)}"
                 f'versioning_configuration {{\n  status = "Enabled"{trailing_comment(enabled)}\n')
        if mfa is not None:
            if type(mfa.value) is not Variable or mfa.value.name.value not in ("true", "false"):
                return None
            value = '"Enabled"' if mfa.value.name.value == "true" else '"Disabled"'
            lines += f"  mfa_delete = {value}{trailing_comment(mfa)}\n"
        return _resource(kind, name, bucket_ref, lines + "}\n", bucket_id)
    if key == "website":
        if inner.get_attribute("redirect_all_requests_to") is not None or inner.blocks():
            return None
        parts = [comments_above(block), loose_comments(block)]
        for attribute, block_name, field in (("index_document", "index_document", "suffix"), ("error_document", "error_document", "key")):
            found = inner.get_attribute(attribute)
            if found is not None:
                parts.append(f"{comments_above(found)}{block_name} {{\n  {field} = {found.value.source}{trailing_comment(found)}\n}}\n")
        routing = inner.get_attribute("routing_rules")
        if routing is not None:
            parts.append(f"{comments_above(routing)}routing_rules = {routing.value.source}{trailing_comment(routing)}\n")
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
