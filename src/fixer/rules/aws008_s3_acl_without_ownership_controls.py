"""AWS008: an S3 bucket ACL on a bucket whose Object Ownership refuses ACLs."""

from __future__ import annotations

from typing import Iterable

from ..editor import EditError
from ..findings import Applicability, Finding, Fix, Severity
from ..model.module import SourceFile, depends_on, resource_name
from ..syntax import nodes as n
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["S3AclWithoutOwnershipControls"]

_ALLOWS_ACLS = ("BucketOwnerPreferred", "ObjectWriter")
_CONTROLS = "aws_s3_bucket_ownership_controls"


class S3AclWithoutOwnershipControls(Rule):
    """An S3 bucket ACL is set on a bucket whose Object Ownership does not allow ACLs.

    ## What it does

    Checks each `aws_s3_bucket_acl` (a canned `acl` or an `access_control_policy`) whose
    `bucket` is an `aws_s3_bucket` of the module:

    * **error** when no `aws_s3_bucket_ownership_controls` of that bucket sets
      `object_ownership` to `BucketOwnerPreferred` or `ObjectWriter` (none at all, or one
      set to `BucketOwnerEnforced`): the bucket is created with ACLs disabled;
    * **warning** when such controls exist but the ACL neither refers to them nor lists
      them in `depends_on`: Terraform may put the ACL first, before ACLs are allowed.

    It also reports an inline `acl` other than `private` on an `aws_s3_bucket`: the
    provider sends it with `CreateBucket`, before any ownership controls can exist.

    A bucket that is not a resource of the module (a name, a variable) is not checked:
    a bucket created before April 2023 may still allow ACLs. An ownership setting that
    cannot be known (a variable with no default) is taken to allow ACLs, ownership
    controls whose bucket cannot be told apart silence the rule for the module's buckets,
    and an `acl` that evaluates to `null` is no ACL.

    ## Why is this bad?

    Since April 2023 new general purpose buckets are created with Object Ownership
    `BucketOwnerEnforced`: ACLs are disabled, and setting one fails at apply, even the
    default `private`:

        Error: creating S3 Bucket (logs) ACL: operation error S3: PutBucketAcl, https
        response error StatusCode: 400, api error AccessControlListNotSupported: The
        bucket does not allow ACLs

    An inline ACL that grants access to others fails at `CreateBucket` with
    `InvalidBucketAclWithObjectOwnership: Bucket cannot have ACLs set with
    ObjectOwnership's BucketOwnerEnforced setting`.

    ## Example

    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "example-logs"
    }

    resource "aws_s3_bucket_acl" "logs" {
      bucket = aws_s3_bucket.logs.id
      acl    = "log-delivery-write"
    }
    ```

    ## Use instead

    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "example-logs"
    }

    resource "aws_s3_bucket_ownership_controls" "logs" {
      bucket = aws_s3_bucket.logs.id

      rule {
        object_ownership = "BucketOwnerPreferred"
      }
    }

    resource "aws_s3_bucket_acl" "logs" {
      bucket     = aws_s3_bucket.logs.id
      acl        = "log-delivery-write"
      depends_on = [aws_s3_bucket_ownership_controls.logs]
    }
    ```

    For `acl = "private"`, remove the `aws_s3_bucket_acl`: `private` is the ACL every
    bucket has, and the only one a bucket with ACLs disabled has.

    ## Fix safety

    Two fixes, chosen by the ACL:

    * `acl = "private"` (a canned ACL written in place, no grants) on a bucket with no
      ownership controls: the fix **removes the `aws_s3_bucket_acl` resource**, and it is
      **safe**: `private` is the default ACL of every bucket, so the bucket's access does
      not change; destroying an `aws_s3_bucket_acl` only forgets it (the provider leaves
      the bucket's ACL as it is), so an existing deployment is not touched. It is not
      offered when anything refers to the ACL resource (a `depends_on`, an output).
      Re-enabling ACLs to set the default would be the larger change: it keeps a feature
      AWS recommends disabled.
    * any other ACL: the fix **adds an `aws_s3_bucket_ownership_controls`** resource with
      `BucketOwnerPreferred` after the bucket (or changes an existing
      `BucketOwnerEnforced` to `BucketOwnerPreferred`) and a `depends_on` from the ACL to
      it. It is **unsafe**: it re-enables ACLs on the bucket, which changes who owns
      objects written by other accounts and lets ACLs grant access; keep it only if the
      ACL is really needed (log delivery, a grant to another account). Not offered for a
      bucket with `count` / `for_each`, or when the resource name is taken.
    * controls that allow ACLs but no ordering: the fix adds the `depends_on`, **safe**:
      it only orders two creations.

    An inline `acl` on the bucket gets no fix: it must become an `aws_s3_bucket_acl`
    ordered after ownership controls, a decision about the bucket's access.

    ## References

    * Amazon S3 user guide, "Controlling ownership of objects and disabling ACLs for your
      bucket" (new buckets default to `BucketOwnerEnforced` since April 2023), and
      "Default settings for new S3 buckets FAQ".
    * Amazon S3 API reference, CreateBucket (`InvalidBucketAclWithObjectOwnership`) and
      PutBucketAcl (`AccessControlListNotSupported`).
    * hashicorp/terraform-provider-aws issue #34079 (`acl = "private"` with ObjectWriter
      controls but no `depends_on` fails with AccessControlListNotSupported);
      trussworks/terraform-aws-s3-private-bucket issue #403 and
      cn-terraform/terraform-aws-nexus issue #60 (the same failure, fixed by adding
      ownership controls).
    """

    code = "AWS008"
    name = "s3-acl-without-ownership-controls"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    created_only = True
    targets = (Target("aws_s3_bucket_acl"), Target("aws_s3_bucket", attributes=("acl",)))
    messages = {
        "none": "{address} sets an ACL ({acl}) on {bucket}, which has no aws_s3_bucket_ownership_controls "
        "allowing ACLs: new buckets refuse ACLs (AccessControlListNotSupported)",
        "enforced": "{address} sets an ACL ({acl}) on {bucket}, whose {controls} sets BucketOwnerEnforced: "
        "the bucket refuses ACLs (AccessControlListNotSupported)",
        "unordered": "{address} does not depend on {controls}: Terraform may set the ACL before the bucket "
        "allows ACLs (AccessControlListNotSupported)",
        "inline": "{address} acl {value}: a new bucket refuses an ACL other than private "
        "(InvalidBucketAclWithObjectOwnership, AccessControlListNotSupported)",
    }

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        if site.resource_type == "aws_s3_bucket":
            yield from self._inline(site)
            return
        body = site.resource.body
        acl_attr = body.get_attribute("acl")
        if acl_attr is None and not body.blocks("access_control_policy"):
            return
        bucket_attr = body.get_attribute("bucket")
        bucket = _bucket_address(bucket_attr.value) if bucket_attr is not None else None
        found = ctx.module.resource(bucket) if bucket else None
        if found is None:
            return  # a bucket made elsewhere may predate ACLs being disabled
        if acl_attr is not None and not body.blocks("access_control_policy"):
            if all(v.value is None for v in site.values("acl")):
                return  # acl = null (a module's optional ACL left unset): no ACL is set
        acl = acl_attr.value.source if acl_attr is not None else "access_control_policy"
        controls = _controls_of(ctx, bucket)  # type: ignore[arg-type]
        if controls is None:
            return  # ownership controls whose bucket cannot be told: they may be this bucket's
        allowing = [".".join(b.labels) for _f, b in controls if _allows_acls(ctx, b)]
        if allowing:
            if not any(depends_on(ctx.module, site.resource, address) for address in allowing):
                yield self.report(
                    site, "unordered", node=site.resource, controls=allowing[0], severity=Severity.WARNING,
                    fix=_add_depends_on(ctx, site, allowing[0], Applicability.SAFE),
                )
            return
        fix = _remove_private(ctx, site, acl_attr) or _enable_acls(ctx, site, found, controls)
        key, controls_address = ("enforced", ".".join(controls[0][1].labels)) if controls else ("none", "")
        yield self.report(site, key, node=site.resource, acl=acl, bucket=bucket, controls=controls_address, fix=fix)

    def _inline(self, site: Site) -> Iterable[Finding]:
        for value in site.values():
            if isinstance(value.value, str) and value.value != "private":
                yield self.report(
                    site, "inline", value=site.describe(value),
                    notes=("move the ACL to an aws_s3_bucket_acl that depends_on an "
                           "aws_s3_bucket_ownership_controls with BucketOwnerPreferred, or drop it",),
                )
                return


def _bucket_address(expr: n.Expression) -> str | None:
    """``aws_s3_bucket.logs`` from ``aws_s3_bucket.logs.id`` / ``.bucket`` / ``[0].id`` ..."""
    name = resource_name(expr, "aws_s3_bucket")
    return None if name is None else f"aws_s3_bucket.{name}"


def _controls_of(ctx: RuleContext, bucket: str) -> list[tuple[SourceFile, n.Block]] | None:
    """The ownership controls whose ``bucket`` refers to ``bucket`` (``aws_s3_bucket.x.id``, or
    an expression naming it: ``local.p ? aws_s3_bucket_policy.x.id : aws_s3_bucket.x.id``);
    None when one refers to no bucket of the module (it may be this bucket's)."""
    out = []
    for file, block in ctx.module.resources(_CONTROLS):
        attribute = block.body.get_attribute("bucket")
        named = {_bucket_address(node) for node in attribute.value.walk() if isinstance(node, n.Expression)} if attribute else set()
        named.discard(None)
        if not named:
            return None
        if bucket in named:
            out.append((file, block))
    return out


def _allows_acls(ctx: RuleContext, controls: n.Block) -> bool:
    """True unless every ``rule { object_ownership }`` is known to be ``BucketOwnerEnforced``."""
    rules = controls.body.blocks("rule")
    if not rules or any(b.type == "dynamic" for b in controls.body.blocks()):
        return True  # a dynamic rule, or none written: cannot tell, assume ACLs are allowed
    for rule in rules:
        attribute = rule.body.get_attribute("object_ownership")
        value = ctx.evaluator.evaluate(attribute.value) if attribute is not None else None
        if not isinstance(value, str) or value in _ALLOWS_ACLS:
            return True
    return False


def _add_depends_on(ctx: RuleContext, site: Site, address: str, applicability: Applicability, editor=None) -> Fix | None:
    """``depends_on = [address]`` on the ACL resource (appended to its list there)."""
    editor = editor or ctx.editor(site)
    try:
        editor.add_dependency(site.resource, address)
    except EditError:
        return None
    return editor.fix(f"Add depends_on = [{address}] to {site.address}", applicability)


def _remove_private(ctx: RuleContext, site: Site, acl: n.Attribute | None) -> Fix | None:
    """The safe fix for ``acl = "private"``: remove the ACL resource, when nothing refers to it."""
    if acl is None or site.resource.body.blocks("access_control_policy"):
        return None
    value = acl.value
    if type(value) is not n.QuotedTemplate or not value.is_literal() or value.literal_value() != "private":
        return None
    if ctx.module.references(site.address):
        return None
    try:
        edit = ctx.editor(site).remove(site.resource)
    except EditError:
        return None
    return edit.fix(f"Remove {site.address}: private is every bucket's default ACL", Applicability.SAFE)


def _enable_acls(
    ctx: RuleContext, site: Site, bucket: tuple[SourceFile, n.Block], controls: list[tuple[SourceFile, n.Block]]
) -> Fix | None:
    """The unsafe fix: ownership controls with BucketOwnerPreferred, and the ACL ordered after them."""
    bucket_file, bucket_block = bucket
    editor = ctx.editor(site)
    if controls:
        file, block = controls[0]
        rules = block.body.blocks("rule")
        attribute = rules[0].body.get_attribute("object_ownership") if len(rules) == 1 else None
        if len(controls) > 1 or attribute is None or type(attribute.value) is not n.QuotedTemplate:
            return None  # several controls, or a value set elsewhere (a variable): the author's choice
        editor.replace(attribute.value, '"BucketOwnerPreferred"', file=file)
        address = ".".join(block.labels)
        title = f"Set {address} object_ownership to BucketOwnerPreferred"
    else:
        name = bucket_block.labels[1]
        address = f"{_CONTROLS}.{name}"
        if ctx.module.resource(address) is not None:
            return None
        if bucket_block.body.get_attribute("count") or bucket_block.body.get_attribute("for_each"):
            return None
        source = (
            f'resource "{_CONTROLS}" "{name}" {{\n'
            f"  bucket = aws_s3_bucket.{name}.id\n\n"
            "  rule {\n"
            '    object_ownership = "BucketOwnerPreferred"\n'
            "  }\n"
            "}\n"
        )
        editor.insert_after(bucket_block, source, blank_line=True, file=bucket_file)
        title = f"Add {address} (BucketOwnerPreferred)"
    fix = _add_depends_on(ctx, site, address, Applicability.UNSAFE, editor)
    if fix is None:
        return None
    return Fix(f"{title} and make {site.address} depend on it", Applicability.UNSAFE, fix.edits)
