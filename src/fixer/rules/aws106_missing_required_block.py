"""AWS106: a nested block the provider schema requires is missing."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["MissingRequiredBlock"]


class MissingRequiredBlock(SchemaRule):
    """A nested block the provider schema requires is missing.

    ## What it does
    Reports each nested block type with a minimum of one that a block does not contain
    (a `dynamic` block of that type counts as present).

    ## Why is this bad?
    `terraform validate` fails with `Insufficient <name> blocks: At least 1 "<name>" blocks are
    required.`

    ## Example
    ```hcl
    resource "aws_lb_listener" "http" {
      load_balancer_arn = aws_lb.main.arn
      port              = 80
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_lb_listener" "http" {
      load_balancer_arn = aws_lb.main.arn
      port              = 80

      default_action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.app.arn
      }
    }
    ```

    ## Fix safety
    No fix: what the block should hold (which target, which action) is the author's choice.
    """

    code = "AWS106"
    name = "missing-required-block"
    kind = MismatchKind.MISSING_BLOCK
