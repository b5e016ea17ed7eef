"""AWS105: a required argument of the provider schema is not set."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["MissingRequiredArgument"]


class MissingRequiredArgument(SchemaRule):
    """A required argument of the provider schema is not set.

    ## What it does
    Reports each argument the schema of the version in use marks required that a block
    (or a nested block, or a `dynamic` block's `content`) does not set. An object-typed
    argument given in block form counts as set.

    ## Why is this bad?
    `terraform validate` fails with `Missing required argument: The argument "x" is required,
    but no definition was found.` Often a sign of an argument renamed in a new major version
    (`replication_group_description` became `description` in 5.0; see AWS107).

    ## Example
    ```hcl
    resource "aws_elasticache_replication_group" "redis" {
      replication_group_id = "redis"
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_elasticache_replication_group" "redis" {
      replication_group_id = "redis"
      description          = "redis"
    }
    ```

    ## Fix safety
    No fix: the value is the author's.
    """

    code = "AWS105"
    name = "missing-required-argument"
    kind = MismatchKind.MISSING_ARGUMENT
