"""AWS009: a security group or rule description with characters EC2 refuses, or too long."""

from __future__ import annotations

from typing import Iterable

from ..facts.ec2_descriptions import ALLOWED_TEXT, MAX_LENGTH, disallowed, transliterate
from ..findings import Applicability, Finding, Fix, Severity
from ..model.evaluate import length_range
from ..model.sites import Value
from ..syntax import nodes as n
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["SecurityGroupDescriptionCharacters"]

_GROUPS = ("aws_security_group", "aws_default_security_group")
_RULES = ("aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")


class SecurityGroupDescriptionCharacters(Rule):
    """A security group or rule description holds characters EC2 refuses, or is too long.

    ## What it does

    Checks `description` of `aws_security_group` (and `aws_default_security_group`), of
    their `ingress` / `egress` blocks (written or `dynamic`), of `aws_security_group_rule`
    and of `aws_vpc_security_group_ingress_rule` / `_egress_rule`. EC2 accepts only
    a-z, A-Z, 0-9, spaces and `._-:/()#,@[]+=&;{}!$*`, up to 255 characters. Accented
    letters, `>` (as in `->`), quotes and `|` are the common offenders.

    The text is read as written and through locals, variable defaults, tfvars and
    `for_each` keys and values; only the parts that can be known are judged. A group
    with `count = 0` creates nothing, so its characters are not judged, but its length
    is when it is known without variables: `terraform validate` checks it on every
    resource block.

    ## Why is this bad?

    The provider checks the length of a group's description but not its characters, so
    the plan passes and the apply fails:

        InvalidParameterValue: Value (Tráfico HTTPS) for parameter GroupDescription is
        invalid. Character sets beyond ASCII are not supported.

    A rule's description fails the same way (some provider versions reject it at plan).

    ## Example

    ```hcl
    resource "aws_security_group" "web" {
      name        = "web"
      description = "Tráfico web -> ALB"

      ingress {
        description = "HTTPS 'público'"
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
    ```

    ## Use instead

    ```hcl
    resource "aws_security_group" "web" {
      name        = "web"
      description = "Trafico web to ALB"

      ingress {
        description = "HTTPS publico"
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
    ```

    The fix takes accents off (`tráfico` → `trafico`, `ß` → `ss`), writes arrows (`->`,
    `=>`, `→`) as `to`, drops every other refused character and the doubled space it
    would leave. A description longer than 255 characters is reported without a fix:
    what to cut is the author's choice.

    ## Fix safety

    A security group's `description` cannot be changed in place: a new text **replaces
    the group** (and everything attached to it by ID is re-pointed or fails). The fix is
    still **safe** when the text is written in the description itself: EC2 refuses the
    text, so no deployed group or rule can hold it; a deployed group in the state has
    some other description, and the configuration as written already asks for its
    replacement, which cannot succeed. The fix only makes the planned change possible;
    it does not add a replacement. Literal parts of a template (`"Tráfico ${var.env}"`)
    are fixed the same way.

    It is **unsafe** when the text is written elsewhere: a variable's default, a local,
    an item of a `for_each` map. The same value may reach places tffix cannot see
    (another module passing the variable, a tag or a name built from the same local,
    where the accented text is valid and a change may replace a resource). No fix is
    offered for a value given by tfvars or `--var`, or built by a function.

    ## References

    * Amazon EC2 API reference, CreateSecurityGroup (`GroupDescription`: "Constraints: Up
      to 255 characters in length. Valid characters: a-z, A-Z, 0-9, spaces, and
      ._-:/()#,@[]+=&;{}!$*") and IpRange (`Description`, the same constraints); read
      through aws-sdk-ec2's `CreateSecurityGroupInput` on 2026-12-04.
    * terraform-provider-aws `internal/service/ec2/vpc_security_group.go`: `description`
      is `ForceNew` with only a length check.
    """

    code = "AWS009"
    name = "security-group-description-characters"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    targets = (
        # The provider checks a group's description length with a ValidateFunc (see References),
        # so `terraform validate` judges it even with count = 0; characters are EC2's check.
        Target("aws_security_group", attributes=("description",), checked_by_validate=True),
        Target("aws_default_security_group", attributes=("description",)),
        Target(_GROUPS, blocks=("ingress", "egress")),
        Target(_RULES, attributes=("description",)),
    )
    messages = {
        "characters": "{address} {attribute} {value} holds {chars}, which EC2 refuses (allowed: {allowed})",
        "length": "{address} {attribute} {value} is {length} characters; EC2 accepts at most {limit}",
    }

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        if site.block is not None:
            found = site.block.body.get_attribute("description")
            if found is None:
                return
            site = Site(site.file, site.resource, attribute=found, evaluator=site.evaluator)
            where = f"{_block_name(site, ctx)} description"
        else:
            where = "description"
        for value in site.values():
            known = "".join(p for p in value.pieces if isinstance(p, str))
            bad = disallowed(known) if not value.configuration_time else []  # only EC2 checks them
            if bad:
                fix = _fix(ctx, site, value)
                notes = ()
                if fix is None:
                    where_set = f"the value comes from {site.origin}" if site.origin else "the value is built here"
                    notes = (f"{where_set}; write it with allowed characters only",)
                yield self.finding(
                    site.file, site.node,
                    self.message(
                        "characters", address=site.address, attribute=where, value=site.describe(value),
                        chars=_show(bad), allowed=ALLOWED_TEXT,
                    ),
                    fix=fix, notes=notes,
                )
                return
            shortest, _longest = length_range(value.value)
            if shortest > MAX_LENGTH:
                yield self.finding(
                    site.file, site.node,
                    self.message("length", address=site.address, attribute=where, value=site.describe(value),
                                 length=shortest, limit=MAX_LENGTH),
                )
                return


def _block_name(site: Site, ctx: RuleContext) -> str:
    for block in site.resource.body.blocks():
        if block.start <= site.attribute.start <= block.end:  # type: ignore[union-attr]
            return block.labels[0] if block.type == "dynamic" and block.labels else block.type
    return "rule"


def _show(chars: list[str]) -> str:
    return ", ".join(f'"{c}"' if c.isprintable() and c != '"' else repr(c) for c in chars)


def _fix(ctx: RuleContext, site: Site, value: Value) -> Fix | None:
    """Transliterate the literal text where it is written (in place: safe; elsewhere: unsafe)."""
    expr = site.node
    if type(expr) is n.QuotedTemplate and not expr.is_literal():
        return _fix_template_parts(ctx, site, expr)
    written = site.written(value)
    if written is None or type(written.node) is not n.QuotedTemplate or not written.node.is_literal():  # type: ignore[attr-defined]
        return None
    old = written.node.literal_value()  # type: ignore[attr-defined]
    new = transliterate(old)
    if not new.strip() or disallowed(new):
        return None
    source = '"' + n.escape_quoted(new) + '"'
    edit = ctx.editor(site).replace(written.node, source, file=written.file)
    safe = not written.via
    title = f"Write {source}" + (f" (in {', '.join(v for v in written.via if v != 'each.value')})" if written.via else "")
    return edit.fix(title, Applicability.SAFE if safe else Applicability.UNSAFE)


def _fix_template_parts(ctx: RuleContext, site: Site, expr: n.QuotedTemplate) -> Fix | None:
    """A template written in place: transliterate its literal parts, leave interpolations."""
    editor = ctx.editor(site)
    shown = []
    for part in expr.template.parts:
        text = n.unescape_quoted(part.token.value) if type(part) is n.TemplateLiteral else ""
        if not disallowed(text):
            shown.append(part.source)
            continue
        new = n.escape_quoted(transliterate(text))
        editor.replace(part, new)
        shown.append(new)
    if not editor.edits:
        return None
    return editor.fix(f'Write "{"".join(shown)}"', Applicability.SAFE)
