"""AWS provider 4.0: an ``aws_s3_bucket``'s ``grant`` blocks as the ``access_control_policy`` of
``aws_s3_bucket_acl``.

Version 4 upgrade guide, "S3 Bucket Refactor" / "``grant`` Argument"
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#grant-argument):
each ``grant { id, type, uri, permissions = [...] }`` becomes one
``grant { grantee { id, type, uri } permission = "..." }`` per permission, and the policy gets
the ``owner { id = data.aws_canonical_user_id.<name>.id }`` the 4.x resource requires (the
guide's owner: the canonical user of the caller, which owns the buckets it created).

Not mechanical (left to the author): ``permissions`` that is not a literal list of literal
strings, an argument the 3.x block did not have, a ``dynamic "grant"`` block.
"""

from __future__ import annotations

from ..syntax.nodes import Block, QuotedTemplate, Tuple
from .hcl_text import comments_above, each_block, indented, loose_comments, trailing_comment

__all__ = ["access_control_policy"]


def _grants(block: Block) -> str | None:
    if block.labels or block.body.blocks():
        return None
    attributes = {a.key: a for a in block.body.attributes()}
    permissions = attributes.get("permissions")
    if set(attributes) - {"id", "type", "uri", "permissions"} or "type" not in attributes or permissions is None:
        return None
    if type(permissions.value) is not Tuple or not permissions.value.items:
        return None
    if any(type(p) is not QuotedTemplate or not p.is_literal() for p in permissions.value.items):
        return None
    grantee = "".join(f"{comments_above(attributes[k])}{k} = {attributes[k].value.source}{trailing_comment(attributes[k])}\n"
                      for k in ("id", "type", "uri") if k in attributes)
    out = []
    for index, permission in enumerate(permissions.value.items):
        comments = (comments_above(block) + loose_comments(block)) if index == 0 else ""
        note = (comments_above(permissions) + trailing_comment(permissions).strip() + "\n").lstrip("\n") if index == 0 else ""
        out.append(f"{comments}grant {{\n{indented(f'grantee {{{chr(10)}{indented(grantee)}}}{chr(10)}{note}permission = {permission.source}')}}}\n")
    return "".join(out)


def access_control_policy(blocks: list, owner_id: str) -> str | None:
    """The ``access_control_policy`` block for a bucket's 3.x ``grant`` blocks, whose owner is
    ``owner_id``; None when one of them is not mechanical."""
    grants = each_block(blocks, _grants)
    if grants is None:
        return None
    inner = "\n".join(grants) + f"\nowner {{\n  id = {owner_id}\n}}\n"
    return f"access_control_policy {{\n{indented(inner)}}}\n"
