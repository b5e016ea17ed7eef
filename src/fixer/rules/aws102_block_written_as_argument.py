"""AWS102: a nested block assigned with `=` as if it were an argument."""

from __future__ import annotations

from ..findings import Applicability
from ..syntax.nodes import Attribute, Object, Variable
from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["BlockWrittenAsArgument"]


class BlockWrittenAsArgument(SchemaRule):
    """A nested block assigned with `=` as if it were an argument.

    ## What it does
    Finds `name = { ... }` (or `name = [...]`) where the provider schema has a nested block
    `name`: Terraform 0.11 accepted this, Terraform 0.12 and later do not.

    ## Why is this bad?
    `terraform validate` fails with `Unsupported argument: An argument named "logging_config"
    is not expected here. Did you mean to define a block of type "logging_config"?`

    ## Example
    ```hcl
    resource "aws_cloudfront_distribution" "cdn" {
      logging_config = {
        bucket = "logs.s3.amazonaws.com"
      }
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_cloudfront_distribution" "cdn" {
      logging_config {
        bucket = "logs.s3.amazonaws.com"
      }
    }
    ```

    ## Fix safety
    Safe when offered: only for an object written one item per line, each key a plain name
    followed by `=`; the fix removes the `=` and nothing else, so the block holds exactly
    the values the object held. A list of objects, or an object with commas, quoted keys or
    `:` separators, gets no fix.

    ## References
    - Terraform 0.12 upgrade guide, "Attributes vs. blocks":
      https://developer.hashicorp.com/terraform/language/v1.1.x/upgrade-guides/0-12
    """

    code = "AWS102"
    name = "block-written-as-argument"
    kind = MismatchKind.BLOCK_AS_ARGUMENT

    def fix_for(self, editor, mismatch, check):  # type: ignore[no-untyped-def]
        attribute = mismatch.node
        if type(attribute) is not Attribute or type(attribute.value) is not Object:
            return None
        value = attribute.value
        tokens = [e for e in value.elements if type(e) is not type(value.items[0])] if value.items else []
        if any(t.value == "," for t in tokens):
            return None
        newlines = sum(1 for t in tokens if "\n" in t.value)
        if len(value.items) > 1 and newlines < len(value.items):
            return None  # several items on one line: not a block body
        for item in value.items:
            if type(item.key) is not Variable or item.separator.value != "=":
                return None
        text = editor.file.text
        source = text[attribute.start:attribute.name.end_pos] + " " + text[value.open.start_pos:attribute.end]
        return editor.replace(attribute, source).fix(f'Write "{attribute.key}" as a block', Applicability.SAFE)
