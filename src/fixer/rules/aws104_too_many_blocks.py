"""AWS104: more blocks of one type than the provider allows (a block allowed at most once, repeated)."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["TooManyBlocks"]


class TooManyBlocks(SchemaRule):
    """More blocks of one type than the provider allows (a block allowed at most once, repeated).

    ## What it does
    Counts the blocks of each nested type the provider allows at most once: literal blocks,
    plus the elements of each `dynamic` block's `for_each` when they can be counted, for
    every instance of the resource (one with an unknown `for_each` may produce zero or one
    block and is never reported here). At the App Mesh places of `fixer/schema/cases.py`
    the mismatch carries the code AWS003, which offers the structural fix and also warns
    about an unbounded `for_each`.

    ## Why is this bad?
    `terraform validate` fails with `Too many <name> blocks: No more than 1 "<name>" blocks
    are allowed`.

    ## Example
    ```hcl
    resource "aws_lb_target_group" "tg" {
      health_check {
        path = "/"
      }
      health_check {
        path = "/health"
      }
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_lb_target_group" "tg" {
      health_check {
        path = "/health"
      }
    }
    ```

    ## Fix safety
    No fix: which block was meant is the author's call.
    """

    code = "AWS104"
    name = "too-many-blocks"
    kind = MismatchKind.TOO_MANY_BLOCKS
