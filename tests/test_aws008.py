"""AWS008 beyond the fixture cases: which fix each ACL gets, and when none is offered."""

from __future__ import annotations

from fixer.api import fix_source
from fixer.findings import Applicability, Severity

BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "example"\n}\n\n'


def acl(value: str, extra: str = "") -> str:
    return f'resource "aws_s3_bucket_acl" "b" {{\n  bucket = aws_s3_bucket.b.id\n  acl    = {value}\n{extra}}}\n'


def findings(text: str):
    return fix_source(text, select=["AWS008"], unsafe=True).findings


def test_private_is_removed_safely_and_other_acls_enable_acls_unsafely() -> None:
    (private,) = findings(BUCKET + acl('"private"'))
    assert private.fix is not None and private.fix.applicability is Applicability.SAFE
    assert private.severity is Severity.ERROR
    (public,) = findings(BUCKET + acl('"public-read"'))
    assert public.fix is not None and public.fix.applicability is Applicability.UNSAFE
    assert "BucketOwnerPreferred" in public.fix.title


def test_private_from_a_variable_is_not_removed() -> None:
    text = 'variable "acl" {\n  default = "private"\n}\n\n' + BUCKET + acl("var.acl")
    (finding,) = findings(text)
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE


def test_no_fix_for_a_for_each_bucket_or_a_taken_name() -> None:
    each = BUCKET.replace('bucket = "example"', 'for_each = toset(["a"])\n  bucket   = each.key')
    text = each + acl('"public-read"').replace("aws_s3_bucket.b.id", 'aws_s3_bucket.b["a"].id')
    (finding,) = findings(text)
    assert finding.fix is None
    taken = BUCKET + acl('"public-read"') + (
        '\nresource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.other.id\n\n'
        '  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n'
    )
    (finding,) = findings(taken)
    assert finding.fix is None


def test_ordering_finding_is_a_safe_warning() -> None:
    controls = (
        'resource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.b.id\n\n'
        '  rule {\n    object_ownership = "ObjectWriter"\n  }\n}\n\n'
    )
    (finding,) = findings(BUCKET + controls + acl('"private"'))
    assert finding.severity is Severity.WARNING
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    fixed = fix_source(BUCKET + controls + acl('"private"'), select=["AWS008"]).code
    assert "depends_on = [aws_s3_bucket_ownership_controls.b]" in fixed
    assert findings(fixed) == []


def test_a_multi_line_depends_on_gets_the_controls_on_a_line_of_their_own() -> None:
    controls = (
        'resource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.b.id\n\n'
        '  rule {\n    object_ownership = "ObjectWriter"\n  }\n}\n\n'
    )
    extra = "\n  depends_on = [\n    aws_s3_bucket.b,\n  ]\n"
    (finding,) = findings(BUCKET + controls + acl('"private"', extra))
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    fixed = fix_source(BUCKET + controls + acl('"private"', extra), select=["AWS008"]).code
    assert "  depends_on = [\n    aws_s3_bucket.b,\n    aws_s3_bucket_ownership_controls.b,\n  ]\n" in fixed
    assert findings(fixed) == []


def test_an_acl_ordered_after_the_controls_through_a_local_is_not_reported() -> None:
    controls = (
        'resource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.b.id\n\n'
        '  rule {\n    object_ownership = "ObjectWriter"\n  }\n}\n\n'
        'locals {\n  owner = aws_s3_bucket_ownership_controls.b.id\n}\n\n'
    )
    through_local = acl('"log-delivery-write"', "  expected_bucket_owner = local.owner\n")
    assert findings(BUCKET + controls + through_local) == []
    (unordered,) = findings(BUCKET + controls + acl('"log-delivery-write"'))
    assert unordered.severity is Severity.WARNING
