"""AWS provider 4.0's ``aws_s3_bucket`` split, as a codemod.

Version 4 upgrade guide, "S3 Bucket Refactor"
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade):
the bucket's inline settings became separate resources. For each ``aws_s3_bucket``, the
settings whose new form is a one-to-one move are taken out of the bucket and written as their
resource, just after the bucket, each followed by an ``import`` block (Terraform >= 1.5) so
that the next apply adopts the setting the bucket already has instead of creating it.
Comments move with what they describe.

A bucket with ``count`` or ``for_each``: the new resources repeat it (and ``provider``), and
name their bucket ``aws_s3_bucket.x[count.index].id`` / ``aws_s3_bucket.x[each.key].id``; the
import block iterates over the bucket itself, ``for_each = aws_s3_bucket.x``, ``to =
aws_s3_bucket_acl.x[each.key]``, ``id = each.value.id`` (Terraform >= 1.7,
https://developer.hashicorp.com/terraform/language/import): its keys are the bucket's instance
keys whatever the ``count`` / ``for_each`` expression is (index numbers for ``count``, so
``aws_s3_bucket_acl.x[0]``). When the module's ``required_version`` excludes every release
that reads the import blocks needed (>= 1.7 with ``for_each``, >= 1.5 without), the split is
still done, no import block is written, and the ``terraform import`` commands are listed
for the author instead.

Moved: ``acl`` (canned), ``grant`` (as the ACL's ``access_control_policy``, :mod:`.s3_grant`),
``policy``, ``acceleration_status``, ``request_payer``, ``logging``, ``versioning``
(:func:`_versioning`), ``server_side_encryption_configuration``, ``cors_rule``,
``website`` (``index_document``, ``error_document``, ``routing_rules``),
``object_lock_configuration`` (its ``rule``; the bucket keeps ``object_lock_enabled = true``),
``lifecycle_rule`` (:mod:`.s3_lifecycle`) and ``replication_configuration``
(:mod:`.s3_replication`). Reported with the guide's advice instead: what those modules find
not mechanical, ``website.redirect_all_requests_to``, ``grant`` next to ``acl`` (3.x rejects
both), non-literal ``versioning`` values, a bucket with both ``count`` and ``for_each``.

``versioning { enabled = false }`` becomes ``status = "Disabled"`` with a comment, and the
author is asked to check it (see :func:`_versioning` for why that is the safe one of the
guide's two mappings).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Callable

from ..syntax.edits import Edit, full_span, remove_items
from ..syntax.nodes import Attribute, Block, Document, QuotedTemplate, Variable
from .hcl_text import comments_above, indented, loose_comments, trailing_comment
from .s3_grant import access_control_policy
from .s3_lifecycle import lifecycle_rules
from .s3_replication import replication_configuration
from .terraform_version import IMPORT_BLOCKS, IMPORT_FOR_EACH, admits

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


@dataclass(frozen=True)
class Target:
    """How the new resources of one bucket refer to it, and how they are adopted."""

    address: str  # aws_s3_bucket.x
    bucket_ref: str  # the new resource's bucket: aws_s3_bucket.x.id, aws_s3_bucket.x[count.index].id
    import_id: str  # the import block's id expression for the bucket: "name", aws_s3_bucket.x.id, each.value.id
    meta: tuple[str, ...]  # count / for_each / provider lines the new resources repeat
    repeated: bool  # the bucket has count or for_each: one import per instance (for_each = the bucket)
    imports: bool  # the module's required_version admits the import blocks this needs

    def id_in_string(self) -> str:
        """The bucket part of an import id inside a string: its literal name, or an interpolation."""
        return self.import_id[1:-1] if self.import_id.startswith('"') else f"${{{self.import_id}}}"


def _resource(kind: str, name: str, target: Target, body: str, import_id: str) -> str:
    meta = "".join(f"  {line}\n" for line in target.meta) + ("\n" if target.meta else "")
    text = f'resource "{kind}" "{name}" {{\n{meta}  bucket = {target.bucket_ref}\n\n{indented(body)}}}\n'
    if not target.imports:
        return text
    if target.repeated:  # Terraform >= 1.7: one import per instance of the bucket, same keys
        return text + (f"\nimport {{\n  for_each = {target.address}\n  to       = {kind}.{name}[each.key]\n"
                       f"  id       = {import_id}\n}}\n")
    return text + f"\nimport {{\n  to = {kind}.{name}\n  id = {import_id}\n}}\n"


def _target(bucket: Block, required_version: str | None) -> Target | None:
    """The bucket's :class:`Target`, or None when it has both count and for_each (3.x rejects that)."""
    body = bucket.body
    address = f"aws_s3_bucket.{bucket.labels[1]}"
    count, for_each, provider = (body.get_attribute(k) for k in ("count", "for_each", "provider"))
    if count is not None and for_each is not None:
        return None
    meta = tuple(f"{a.key} = {a.value.source}" for a in (count, for_each, provider) if a is not None)
    if count is not None or for_each is not None:
        index = "[count.index]" if count is not None else "[each.key]"
        return Target(address, f"{address}{index}.id", "each.value.id", meta, True,
                      admits(required_version, IMPORT_FOR_EACH))
    literal_bucket = _literal(body.get_attribute("bucket").value) if body.get_attribute("bucket") else None
    import_id = f'"{literal_bucket}"' if literal_bucket is not None else f"{address}.id"
    return Target(address, f"{address}.id", import_id, meta, False, admits(required_version, IMPORT_BLOCKS))


def split_buckets(
    path: str, text: str, tree: Document, changes: list, manual: list, note: Callable, caller: str | None = None,
    required_version: str | None = None,
) -> tuple[list[Edit], str | None]:
    """The edits that split every ``aws_s3_bucket`` of ``tree``; what is done goes to ``changes``,
    what is left to the author to ``manual`` (``note(path, line, message)`` builds each).

    ``caller``: the name of the module's ``data "aws_canonical_user_id"`` (the owner of a
    ``grant``'s ACL); when there is none and a grant moves, ``data "aws_canonical_user_id"
    "current" {}`` is written before its ACL. ``required_version``: the module's Terraform
    constraint; when it excludes every release that reads the import blocks needed, none is
    written and the ``terraform import`` commands are listed instead. Returns the edits and the
    name now declared."""
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
        target = _target(bucket, required_version)
        if target is None:
            manual.append(note(path, bucket.line, f"{address} has both count and for_each; see {GUIDE}"))
            continue
        moved: list = []
        out: list[str] = []
        commands: list[str] = []
        for key in ORDER:
            items = [i for i in present if _key(i) == key]
            if not items:
                continue
            keys = {_key(i) for i in present}
            made = (None if key == "grant" and "acl" in keys  # 3.x rejects both: no guess
                    else _move(key, items, text, name, target, caller or "current"))
            if made is not None and key == "grant" and caller is None:
                made = f'data "aws_canonical_user_id" "current" {{}}\n\n{made}'
                caller = "current"
            if made is None:
                for item in items:
                    manual.append(note(path, item.line, _manual_message(address, key)))
                continue
            out.append(made)
            moved.extend(items)
            adopted = (("with an import block per instance" if target.repeated else "with an import block")
                       if target.imports else "(adopt it with terraform import)")
            changes.append(note(path, items[0].line, f"{address}: moved {key} to {_new_kind(key)}.{name} {adopted}"
                                                      + (_LIFECYCLE_FILTER if key == "lifecycle_rule" else "")))
            if key == "versioning" and 'status = "Disabled"' in made:
                manual.append(note(path, items[0].line, _VERSIONING_DISABLED.format(address=address, guide=GUIDE)))
            commands.append(_import_command(key, items, name, target))
        if moved and not target.imports:
            manual.append(note(path, bucket.line, _commands_message(target, required_version, commands)))
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


_VERSIONING_DISABLED = (
    '{address}: versioning "enabled = false" became status = "Disabled", which adopts a bucket whose '
    'versioning was never enabled; if it ever was (or the bucket was created before provider 3.70), '
    'the plan stops with "versioning_configuration.status cannot be updated from \'Suspended\' to '
    '\'Disabled\'": write "Suspended" then; see {guide}')


def _import_command(key: str, items: list, name: str, target: Target) -> str:
    """The ``terraform import`` command that adopts the new resource of ``key`` (KEY: an
    instance key of a repeated bucket; BUCKET: the bucket's name when it is not a literal)."""
    address = f"{_new_kind(key)}.{name}{_instance(target)}"
    bucket = target.import_id[1:-1] if target.import_id.startswith('"') else "BUCKET"
    suffix = ""
    if key == "acl":
        suffix = "," + (_literal(items[0].value) or "")
    return f"terraform import '{address}' '{bucket}{suffix}'"


def _instance(target: Target) -> str:
    """How a ``terraform import`` address names one instance: ``[INDEX]`` (count), ``["KEY"]``."""
    if not target.repeated:
        return ""
    return "[INDEX]" if target.meta[0].startswith("count ") else '["KEY"]'


def _commands_message(target: Target, required_version: str | None, commands: list[str]) -> str:
    needs = "1.7 (for_each in import blocks)" if target.repeated else "1.5 (import blocks)"
    where = []
    if target.repeated:
        index = "INDEX" if _instance(target) == "[INDEX]" else "KEY"
        where.append(f"once per instance {index} of {target.address}")
    if not target.import_id.startswith('"'):
        where.append(f"BUCKET: the name of {target.address}{_instance(target)}")
    tail = f" ({'; '.join(where)})" if where else ""
    return (f'{target.address}: required_version "{required_version}" excludes Terraform >= {needs}, so no '
            f"import block was written; before the next apply, adopt the new resources with: "
            f"{'; '.join(commands)}{tail}; see {GUIDE}")


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


def _move(key: str, items: list, text: str, name: str, target: Target, caller: str) -> str | None:  # type: ignore[no-untyped-def]
    """The new resource (and its import block) for ``items`` of one kind, or None when not mechanical."""
    kind = _new_kind(key)
    if key in SIMPLE_ARGUMENTS:
        (item,) = items if len(items) == 1 else (None,)
        if type(item) is not Attribute:
            return None
        argument = SIMPLE_ARGUMENTS[key][1]
        body = f"{comments_above(item)}{argument} = {item.value.source}{trailing_comment(item)}\n"
        import_id = target.import_id
        if key == "acl":
            acl = _literal(item.value)
            if acl is None:
                return None
            import_id = f'"{target.id_in_string()},{acl}"'
        return _resource(kind, name, target, body, import_id)
    if any(type(i) is not Block or i.labels for i in items):
        return None
    if key == "grant":
        policy = access_control_policy(items, f"data.aws_canonical_user_id.{caller}.id")
        return None if policy is None else _resource(kind, name, target, policy, target.import_id)
    if key == "lifecycle_rule":
        rules = lifecycle_rules(items)
        return None if rules is None else _resource(kind, name, target, rules, target.import_id)
    if key == "cors_rule":
        body = "".join(_dedented(text, i) for i in items)
        return _resource(kind, name, target, body, target.import_id)
    if len(items) != 1:
        return None
    block: Block = items[0]
    if key == "replication_configuration":
        made = replication_configuration(block)
        return None if made is None else _resource(kind, name, target, made, target.import_id)
    inner = block.body
    if key == "logging":
        return _resource(kind, name, target, comments_above(block) + _body_text(text, block), target.import_id)
    if key == "server_side_encryption_configuration":
        return _resource(kind, name, target, comments_above(block) + _body_text(text, block), target.import_id)
    if key == "object_lock_configuration":
        rules = inner.blocks("rule")
        if len(inner.items) != len(rules) + (1 if inner.get_attribute("object_lock_enabled") else 0) or not rules:
            return None
        return _resource(kind, name, target, "".join(_dedented(text, r) for r in rules), target.import_id)
    if key == "versioning":
        return _versioning(kind, name, target, block)
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
        return _resource(kind, name, target, "".join(parts), target.import_id)
    return None


def _body_text(text: str, block: Block) -> str:
    """The lines inside ``block``'s braces, de-indented (comments kept)."""
    items = [i for i in block.body.items]
    if not items or block.open_newline is None:
        return ""
    start = full_span(items[0])[0]
    end = full_span(items[-1])[1]
    return textwrap.dedent(text[start:end]).strip("\n") + "\n"


def _boolean(attribute: Attribute | None, default: bool) -> bool | None:
    """A literal ``true`` / ``false`` (``default`` when absent), else None."""
    if attribute is None:
        return default
    value = attribute.value
    if type(value) is Variable and value.name.value in ("true", "false"):
        return value.name.value == "true"
    return None


def _versioning(kind: str, name: str, target: Target, block: Block) -> str | None:
    """``versioning { enabled, mfa_delete }`` as ``versioning_configuration``, or None.

    ``enabled = true`` is ``status = "Enabled"``. ``enabled = false`` (or absent) meant, in 3.x,
    either a bucket never versioned or one whose versioning is suspended (the guide, "Buckets With
    Versioning Disabled or Suspended"). With ``mfa_delete = true`` the bucket has a versioning
    configuration (3.x's ``mfa_delete`` "cannot be used to toggle this setting", it only
    reflects the state in AWS: https://registry.terraform.io/providers/hashicorp/aws/3.75.0/docs/resources/s3_bucket),
    so it is ``"Suspended"``.
    Otherwise it is ``"Disabled"``: the provider's docs reserve that value for adopting
    unversioned buckets, it reads an unversioned bucket as ``"Disabled"`` (no change on import),
    creating the resource with it calls no API, and its plan-time check refuses to move a
    versioned bucket from ``Enabled`` / ``Suspended`` to ``Disabled``
    (hashicorp/terraform-provider-aws, ``internal/service/s3/bucket_versioning.go``). A wrong
    guess therefore stops the plan and changes nothing, where ``"Suspended"`` on a bucket never
    versioned would be applied and cannot be undone. ``mfa_delete = false`` next to it is left
    out (the attribute is optional and computed; an unversioned bucket reports none).
    """
    inner = block.body
    if any(type(i) is Block for i in inner.items):
        return None
    enabled = inner.get_attribute("enabled")
    mfa = inner.get_attribute("mfa_delete")
    on, mfa_on = _boolean(enabled, False), _boolean(mfa, False)
    if on is None or mfa_on is None:
        return None
    status = "Enabled" if on else ("Suspended" if mfa_on else "Disabled")
    above = comments_above(enabled) if enabled is not None else ""
    lines = f"{comments_above(block)}{loose_comments(block)}{above}versioning_configuration {{\n"
    status_trailing = trailing_comment(enabled) if enabled is not None else ""
    if status == "Disabled":
        lines += indented(_DISABLED_COMMENT)
    lines += f'  status = "{status}"{status_trailing}\n'
    if mfa is not None and (on or mfa_on):
        value = '"Enabled"' if mfa_on else '"Disabled"'
        lines += indented(comments_above(mfa)) if comments_above(mfa) else ""
        lines += f"  mfa_delete = {value}{trailing_comment(mfa)}\n"
    elif mfa is not None:  # dropped: its comments stay
        kept = comments_above(mfa) + (trailing_comment(mfa).strip() + "\n" if trailing_comment(mfa) else "")
        lines += indented(kept) if kept else ""
    return _resource(kind, name, target, lines + "}\n", target.import_id)


_DISABLED_COMMENT = (
    '# 3.x "enabled = false": "Disabled" adopts a bucket never versioned;\n'
    '# if this bucket ever was, write "Suspended" (the plan refuses "Disabled").\n')
