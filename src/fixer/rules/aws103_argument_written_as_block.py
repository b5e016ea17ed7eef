"""AWS103: an argument written in block syntax, such as `tags { ... }`."""

from __future__ import annotations

from ..findings import Applicability
from ..syntax.nodes import Attribute, Block, EmptyLine
from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["ArgumentWrittenAsBlock"]


class ArgumentWrittenAsBlock(SchemaRule):
    """An argument written in block syntax, such as `tags { ... }`.

    ## What it does
    Finds `name { ... }` where the provider schema has an argument `name` of a type that is
    not an object: typically Terraform 0.11 `tags { Name = "x" }`. Arguments of object type
    (`aws_security_group` `ingress`, ...) may be written as blocks and are never reported.

    ## Why is this bad?
    `terraform validate` fails with `Unsupported block type: Blocks of type "tags" are not
    expected here. Did you mean to define argument "tags"? If so, use the equals sign to
    assign it a value.`

    ## Example
    ```hcl
    resource "aws_eip" "nat" {
      tags {
        Name = "nat"
      }
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_eip" "nat" {
      tags = {
        Name = "nat"
      }
    }
    ```

    ## Fix safety
    Safe when offered: for a map argument written as a block without labels that holds only
    `key = value` lines; the fix inserts ` =` after the name, so the map holds exactly the
    entries the block held, comments kept. No fix for a `dynamic` block or a block with
    nested blocks.

    ## References
    - The reverse of AWS102; the same section of the Terraform 0.12 upgrade guide
      (https://developer.hashicorp.com/terraform/language/v1.1.x/upgrade-guides/0-12,
      "Attributes vs. blocks") explains both.
    """

    code = "AWS103"
    name = "argument-written-as-block"
    kind = MismatchKind.ARGUMENT_AS_BLOCK

    def fix_for(self, editor, mismatch, check):  # type: ignore[no-untyped-def]
        block = mismatch.node
        if (
            not mismatch.expected_type.startswith("m:")
            or len(mismatch.blocks) != 1
            or not isinstance(block, Block)
            or block.type == "dynamic"
            or block.labels
            or any(type(item) not in (Attribute, EmptyLine) for item in block.body.items)
        ):
            return None
        at = block.type_token.end_pos
        return editor.insert(at, " =").fix(f'Write "{block.type}" as an argument: "{block.type} = {{"', Applicability.SAFE)
