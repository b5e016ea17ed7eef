"""AWS100: an argument the AWS provider schema of the version in use does not have."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["UnsupportedArgument"]


class UnsupportedArgument(SchemaRule):
    """An argument the AWS provider schema of the version in use does not have.

    ## What it does
    Checks every argument of an AWS `resource` or `data` block, at every depth (the
    `content` of `dynamic` blocks included), against the schema of the AWS provider version
    the module uses: the exact version of `.terraform.lock.hcl`, else the newest major its
    `required_providers` allow, else the newest bundled schema (the finding's note says
    which). Meta-arguments, `id`, resource types the schema does not know, and modules that
    require a release newer than the bundled schema are never reported.

    ## Why is this bad?
    `terraform validate` (and so `plan`) fails with `Unsupported argument: An argument named
    "x" is not expected here.` A typo, or an argument from another resource or another
    provider version.

    ## Example
    ```hcl
    data "aws_region" "current" {
      current = true # removed in provider 2.0
    }
    ```

    ## Use instead
    ```hcl
    data "aws_region" "current" {}
    ```

    ## Fix safety
    No fix: what was meant is not knowable. Arguments renamed by an upgrade guide are AWS107.
    """

    code = "AWS100"
    name = "unsupported-argument"
    kind = MismatchKind.UNSUPPORTED_ARGUMENT
