"""AWS101: a nested block the AWS provider schema of the version in use does not have."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["UnsupportedBlock"]


class UnsupportedBlock(SchemaRule):
    """A nested block the AWS provider schema of the version in use does not have.

    ## What it does
    Checks every nested block (and `dynamic` block) of an AWS `resource` or `data` block
    against the schema of the provider version in use (see AWS100 for how it is chosen).
    `lifecycle`, `provisioner` and `connection` are never reported. In and at an
    `aws_ecs_service`'s `deployment_configuration` the mismatch carries the code AWS004,
    which knows how to move what is written there (`fixer/schema/cases.py`).

    ## Why is this bad?
    `terraform validate` fails with `Unsupported block type: Blocks of type "x" are not
    expected here.`

    ## Example
    ```hcl
    resource "aws_ecs_service" "app" {
      name = "app"
      placement_strategy { # removed in provider 2.0
        type  = "binpack"
        field = "cpu"
      }
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_ecs_service" "app" {
      name = "app"
      ordered_placement_strategy {
        type  = "binpack"
        field = "cpu"
      }
    }
    ```

    ## Fix safety
    No fix: the replacement, if any, is a design decision.
    """

    code = "AWS101"
    name = "unsupported-block"
    kind = MismatchKind.UNSUPPORTED_BLOCK
