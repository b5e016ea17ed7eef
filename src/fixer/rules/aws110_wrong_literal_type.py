"""AWS110: a literal value whose type cannot be converted to the attribute's schema type."""

from __future__ import annotations

from ..schema.validate import MismatchKind
from .provider_schema import SchemaRule

__all__ = ["WrongLiteralType"]


class WrongLiteralType(SchemaRule):
    """A literal value whose type cannot be converted to the attribute's schema type.

    ## What it does
    Reports an argument whose value is a literal (a number, `true`/`false`, a string without
    interpolation, `[...]` or `{...}`) that Terraform cannot convert to the type the provider
    schema gives the attribute: a quoted string that is no number for a number
    (`port = "http"`), a list or an object for a string, a number for a bool, a single value
    for a list, an element of a list or map that does not convert. What Terraform converts is
    not reported: `"5"` for a number, `"true"` for a bool, a number or bool for a string.
    Expressions (references, calls, templates with interpolation) are never judged.

    ## Why is this bad?
    `terraform validate` fails: `Incorrect attribute value type` / `Inappropriate value for
    attribute "port": number required.`

    ## Example
    ```hcl
    resource "aws_lb_target_group" "web" {
      name     = "web"
      port     = "http"
      protocol = "HTTP"
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_lb_target_group" "web" {
      name     = "web"
      port     = 80
      protocol = "HTTP"
    }
    ```

    ## Fix safety
    No fix: which value was meant is not knowable here.

    ## References
    - Type conversion: https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types
      and go-cty `cty/convert` (`conversion_primitive.go`, `conversion_collection.go`).
    """

    code = "AWS110"
    name = "wrong-literal-type"
    kind = MismatchKind.WRONG_TYPE
