"""AWS109: a value set for an attribute the provider computes and does not accept as input."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["ReadOnlyArgument"]


class ReadOnlyArgument(SchemaRule):
    """A value set for an attribute the provider computes and does not accept as input.

    ## What it does
    Reports an argument whose name the schema lists as computed only (the CDK for Terraform
    bindings expose it as a read-only attribute, such as `aws_s3_bucket.bucket_domain_name`).

    ## Why is this bad?
    `terraform validate` fails: `Invalid or unknown key` / `Can't configure a value for
    "bucket_domain_name": its value will be decided automatically based on the result of
    applying this configuration.`

    ## Example
    ```hcl
    resource "aws_s3_bucket" "b" {
      bucket             = "logs"
      bucket_domain_name = "logs.s3.amazonaws.com"
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_s3_bucket" "b" {
      bucket = "logs"
    }
    ```

    ## Fix safety
    No fix: removing the value is easy, but whether something else relied on it is not
    knowable here.
    """

    code = "AWS109"
    name = "read-only-argument"
    kind = MismatchKind.READ_ONLY_ARGUMENT
