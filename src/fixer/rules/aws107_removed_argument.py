"""AWS107: an argument an earlier major version of the AWS provider had, removed in the version in use."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule, rename_fix

__all__ = ["RemovedArgument"]


class RemovedArgument(SchemaRule):
    """An argument an earlier major version of the AWS provider had, removed in the version in use.

    ## What it does
    Reports an argument or block the schema of the version in use lacks but an earlier
    bundled major version has, naming the version that removed it and, when the upgrade
    guide names one, its replacement.

    ## Why is this bad?
    `terraform validate` fails with `Unsupported argument`: a module written for an older
    provider breaks when its callers upgrade. Examples in 5.0:
    `aws_elasticache_replication_group` `replication_group_description` → `description`,
    `number_cache_clusters` → `num_cache_clusters`; `aws_db_instance` `name` → `db_name`.

    ## Example
    ```hcl
    terraform {
      required_providers {
        aws = { source = "hashicorp/aws", version = "~> 5.0" }
      }
    }

    resource "aws_db_instance" "db" {
      name = "app"
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_db_instance" "db" {
      db_name = "app"
    }
    ```

    ## Fix safety
    The fix renames the argument and keeps its value, only for renames the upgrade guide
    describes as the same value under a new name. Safe when the module pins the provider
    version (lock file, `required_providers` or `--provider-version`): the new name is what
    that version expects. Unsafe when nothing pins it (the newest version is only assumed),
    or when the guide's replacement is not a pure rename (`availability_zones` →
    `preferred_cache_cluster_azs` is ordered). No fix when the new name is already set.

    ## References
    - AWS provider upgrade guides (each rename cites its guide in
      `fixer/schema/upgrade_notes.py`):
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade,
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade
    """

    code = "AWS107"
    name = "removed-argument"
    kind = MismatchKind.REMOVED_ARGUMENT
    fix_for = staticmethod(rename_fix)  # the upgrade guide's rename
