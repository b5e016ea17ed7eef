"""XMP001: an S3 bucket name with uppercase letters or underscores (an example tffix plugin)."""

from typing import Iterable

from fixer.findings import Applicability, Finding, Severity
from fixer.rules import FixAvailability, Rule, RuleContext, Site, Target


class BucketNameCase(Rule):
    """An S3 bucket name holds uppercase letters or underscores.

    ## What it does

    Checks `aws_s3_bucket` `bucket`, for every instance, for an uppercase letter or `_`.

    ## Why is this bad?

    S3 refuses the bucket when it is created: `InvalidBucketName: The specified bucket is
    not valid.` The plan passes, so the failure shows only at apply time.

    ## Example

    ```hcl
    resource "aws_s3_bucket" "logs" { bucket = "Team_Logs" }
    ```

    ## Use instead

    ```hcl
    resource "aws_s3_bucket" "logs" { bucket = "team-logs" }
    ```

    ## Fix safety

    The fix (lowercase, `_` to `-`) is offered for a literal name only, and is **unsafe**:
    it picks a new name, which must still be globally unique.

    ## References

    Amazon S3 user guide, "General purpose bucket naming rules".
    """

    code = "XMP001"
    name = "bucket-name-case"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    targets = (Target("aws_s3_bucket", attributes=("bucket",)),)
    messages = {"bad": "{address} {attribute} {value} holds {what}, which S3 rejects"}

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        for value in site.values():
            text = value.text
            valid = text.lower().replace("_", "-") if text is not None else None
            if text is None or text == valid:
                continue
            what = " and ".join(w for w, bad in (("uppercase letters", text != text.lower()), ('"_"', "_" in text)) if bad)
            new = f'"{valid}"'
            fix = ctx.editor(site).replace(site.node, new).fix(f"Rename the bucket to {new}", Applicability.UNSAFE)
            literal = site.node.source == f'"{text}"'  # a fix only for a name written as a plain literal
            yield self.report(site, "bad", value=site.describe(value), what=what, fix=fix if literal else None)
            return
