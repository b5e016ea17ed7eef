"""AWS108: an argument the AWS provider deprecates in the version in use."""

from __future__ import annotations

from ..findings import Severity
from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule, rename_fix

__all__ = ["DeprecatedArgument"]


class DeprecatedArgument(SchemaRule):
    """An argument the AWS provider deprecates in the version in use.

    ## What it does
    Reports arguments and blocks the upgrade guides deprecate in the version in use: the
    inline `aws_s3_bucket` settings (`acl`, `versioning`, `policy`, ... since 4.9, for their
    own `aws_s3_bucket_*` resources) and, in 4.x, the arguments 5.0 removed
    (`aws_db_instance.name`, the `aws_elasticache_replication_group` renames). The schemas
    do not carry deprecations, so only these cited ones are known.

    ## Why is this bad?
    `terraform validate` warns `Argument is deprecated`; the next major version removes the
    argument and the module stops validating.

    ## Example
    ```hcl
    resource "aws_elasticache_replication_group" "redis" {
      replication_group_id          = "redis"
      replication_group_description = "cache"
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_elasticache_replication_group" "redis" {
      replication_group_id = "redis"
      description          = "cache"
    }
    ```

    ## Fix safety
    When the deprecated argument has a same-value replacement that the version in use
    already accepts, the fix renames it: safe when the module pins the version, unsafe
    otherwise. The `aws_s3_bucket` split is a structural change with no fix here.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade
      ("S3 Bucket Refactor"),
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade
    """

    code = "AWS108"
    name = "deprecated-argument"
    kind = MismatchKind.DEPRECATED_ARGUMENT
    severity = Severity.WARNING
    fix_for = staticmethod(rename_fix)  # the upgrade guide's rename
