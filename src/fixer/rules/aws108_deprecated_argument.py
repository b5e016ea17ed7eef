"""AWS108: an argument the AWS provider deprecates in the version in use."""

from __future__ import annotations

from ..findings import Severity
from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule, rename_fix

__all__ = ["DeprecatedArgument"]


class DeprecatedArgument(SchemaRule):
    """An argument the AWS provider deprecates in the version in use.

    ## What it does
    Reports an argument or block that the AWS provider deprecates in the version in use
    (see AWS100 for how that version is found). The bundled schemas do not carry
    deprecations (the CDK for Terraform bindings drop them), so the rule knows the ones
    listed, each with its source, in `fixer/schema/upgrade_notes.py`: 46 entries in all, 25
    of them deprecated in the 4.67 schema, 32 in 5.100 and 17 in 6.25. Among them:

    - the inline `aws_s3_bucket` settings (`acl`, `versioning`, `policy`, `lifecycle_rule`,
      ... twelve in all), deprecated since 4.9 for their own `aws_s3_bucket_*` resources;
    - in 4.x, the arguments 5.0 removed: `aws_db_instance.name`, the
      `aws_elasticache_replication_group` renames, the EC2-Classic arguments of `aws_vpc`,
      `aws_default_vpc` and `aws_db_instance`, `aws_autoscaling_group.tags`;
    - in 5.x, the arguments 6.0 removed (`aws_eip.vpc`, `aws_flow_log.log_group_name`,
      `aws_launch_template`'s Elastic Graphics and Elastic Inference settings,
      `aws_api_gateway_deployment.stage_name`, `aws_eks_addon.resolve_conflicts`, ...);
    - in 6.x, what 6.0 deprecated and still accepts (`aws_guardduty_detector.datasources`,
      the `aws_region` data source's `name`).

    An entry deprecated inside a major names the release (`since`): `aws_instance`'s
    `cpu_core_count` and `cpu_threads_per_core` (4.66.0), `aws_iam_role`'s `inline_policy`
    (5.68.0) and `managed_policy_arns` (5.72.0). When the release in use is older (an exact
    pin, a lock file, or the newest release a constraint allows, such as `~> 5.60.0`), the
    provider does not warn yet and neither does this rule. A deprecation the table does not
    list is not reported.

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
    already accepts (the upgrade guides' renames, such as `replication_group_description`
    to `description`), the fix renames it: safe when the module pins the version, unsafe
    otherwise. Every other entry (a setting that moves to its own resource, or is retired
    with no replacement) is reported without a fix; the `aws_s3_bucket` split is done by
    `tffix upgrade aws@4`.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade
      ("S3 Bucket Refactor"),
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade,
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade
    - The provider CHANGELOG of 4.66.0, 5.0.0, 5.68.0 and 5.72.0, and the `Deprecated:`
      fields of the 4.67.0 Go schemas (`internal/service/<service>/<resource>.go`), cited
      per entry in `fixer/schema/upgrade_notes.py`.
    """

    code = "AWS108"
    name = "deprecated-argument"
    kind = MismatchKind.DEPRECATED_ARGUMENT
    severity = Severity.WARNING
    fix_for = staticmethod(rename_fix)  # the upgrade guide's rename
