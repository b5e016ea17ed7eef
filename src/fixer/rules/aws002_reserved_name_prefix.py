"""AWS002: a name that begins (or ends) with an affix AWS reserves, or lacks one it requires."""

from __future__ import annotations

import re
from typing import Iterable

from ..facts.aws_names import NAME_SPECS, Affix, NameSpec, spec_for
from ..findings import Applicability, Finding, Fix, Severity
from ..names.renames import Rename, checked_rename
from ..syntax import nodes as n
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["ReservedNamePrefix"]

_MOVABLE = ("sg-",)  # reserved prefixes the fix moves after the leading words
_MAX_INSTANCES = 256  # distinct instance values judged per site


class ReservedNamePrefix(Rule):
    """A resource name begins with a prefix that AWS reserves (`sg-`, `xn--`, `alias/aws/`, ...).

    ## What it does

    Checks the names that AWS or the AWS provider reject because of how they begin or end:

    * `aws_security_group` `name` / `name_prefix` beginning with `sg-`, the prefix of
      security group IDs;
    * `aws_s3_bucket` `bucket` / `bucket_prefix` beginning with `xn--`, `sthree-` or
      `amzn-s3-demo-`, and `bucket` ending with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or
      `--table-s3`;
    * `aws_kms_alias` `name` / `name_prefix` not beginning with `alias/`, or beginning with
      the reserved `alias/aws/`;
    * `aws_lb` / `aws_alb` `name` / `name_prefix` beginning with `internal-`.

    The affixes come from the facts table (`fixer.facts.aws_names`), which AWS002 shares
    with AWS001: AWS001 judges length and characters, AWS002 reserved and required affixes.
    A resource with `count = 0` (no instance) is checked only where the provider checks
    the name in `terraform validate`, which runs on every resource block whatever its count
    (security groups, KMS aliases, load balancers), and only when the name is known
    without variables (`"sg-alb"`, not `"sg-${var.env}"`); S3 checks its affixes when a
    bucket is created, so a bucket with `count = 0` is not checked.

    The name is read as written and, when it is built elsewhere, through locals, variable
    defaults, tfvars values, `for_each` keys, `format()` and `join()`. Only these
    attributes of these resource types are checked: a `tags.Name`, an
    `aws_db_subnet_group` or a resource label called `sg-...` is fine.

    ## Why is this bad?

    The provider refuses the plan. For a security group:

        Error: invalid value for name (cannot begin with sg-)

    For a KMS alias:

        Error: "name" must begin with 'alias/' and be comprised of only [0-9A-Za-z_/-]
        Error: "name" cannot begin with reserved AWS CMK prefix 'alias/aws/'

    S3 checks its reserved prefixes and suffixes itself, so the plan passes and the apply
    fails with `InvalidBucketName: The specified bucket is not valid.`

    The provider's security group check is case-sensitive, so `SG-web` passes the plan;
    EC2 treats security group names case-insensitively, so such a name is reported as a
    warning: it may still be refused when the group is created.

    ## Example

    ```hcl
    resource "aws_security_group" "alb" {
      name = "sg-alb-${var.environment_suffix}"
    }

    resource "aws_kms_alias" "data" {
      name          = "data-key"
      target_key_id = aws_kms_key.data.key_id
    }
    ```

    ## Use instead

    ```hcl
    resource "aws_security_group" "alb" {
      name = "alb-sg-${var.environment_suffix}"
    }

    resource "aws_kms_alias" "data" {
      name          = "alias/data-key"
      target_key_id = aws_kms_key.data.key_id
    }
    ```

    The security group fix moves the marker to the end of the leading words (the literal
    text before the first interpolation): `"sg-ecs-tasks-${var.x}"` becomes
    `"ecs-tasks-sg-${var.x}"`, `"sg-web"` becomes `"web-sg"`; when no word comes before the
    first interpolation it goes to the end: `"sg-${var.x}"` becomes `"${var.x}-sg"`, and
    a `name_prefix` keeps its trailing separator: `"sg-${var.x}-"` becomes `"${var.x}-sg-"`.

    ## Fix safety

    The security group rename and the `alias/` prefix are **safe** fixes: the configuration
    cannot be planned as written, so no deployed object has the old name and no resource is
    replaced; the new name keeps every word the author wrote, in the same case, and the
    resource address does not change, so no reference needs rewriting. The security group
    fix becomes **unsafe** when the old name's exact text also appears outside the resource
    (a data source looking the group up by name, an output): those places keep the old
    text. A name that starts with `SG-` in another case may be valid, so that rename is
    **unsafe** too. No fix is offered when the moved name of an instance would equal the
    name of another security group of the module in the same VPC (the same `vpc_id` text),
    compared case-insensitively as EC2 does (the note names that group), or when the
    name is not a string template written in
    the attribute itself (it comes from a local, a variable or a function), for S3 buckets
    (choosing another globally unique bucket name is the author's decision) or for
    `alias/aws/`.

    ## References

    * terraform-provider-aws `internal/service/ec2/vpc_security_group.go`: `name` and
      `name_prefix` use `validation.StringDoesNotMatch(regexache.MustCompile(`^sg-`),
      "cannot begin with sg-")` (a case-sensitive pattern).
    * EC2 API reference, CreateSecurityGroup `GroupName`: "Names are case-insensitive and
      must be unique within the VPC. Constraints: Up to 255 characters in length. Can't
      start with sg-."
    * terraform-provider-aws `internal/service/kms/validate.go`: `validNameForResource`
      (used for `aws_kms_alias` `name` and `name_prefix`).
    * terraform-provider-aws `internal/service/elbv2/validate.go`: `validName` ("cannot
      begin with 'internal-'").
    * Amazon S3 user guide, "General purpose bucket naming rules" (reserved prefixes
      `xn--`, `sthree-`, `amzn-s3-demo-`; reserved suffixes `-s3alias`, `--ol-s3`, `.mrap`,
      `--x-s3`, `--table-s3`).
    """

    code = "AWS002"
    name = "reserved-name-prefix"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    targets = tuple(
        Target(spec.resource_types, attributes=(spec.attribute,), checked_by_validate=spec.checked_by_validate)
        for spec in NAME_SPECS if spec.reserved_prefixes or spec.reserved_suffixes or spec.required_prefix
    )
    messages = {
        "prefix": '{address} {attribute} {value} begins with "{affix}", {reason}',
        "other-case": '{address} {attribute} {value} begins with "{affix}"; {reason}',
        "suffix": '{address} {attribute} {value} ends with "{affix}", {reason}',
        "required": '{address} {attribute} {value} does not begin with "{affix}"',
    }

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        spec = spec_for(site.resource_type, site.name)
        values = site.values()
        if spec is None or not values:
            return  # count = 0 and nothing terraform validate can judge: nothing is created
        written = _written_prefix(site.node)
        # count = 0: only what terraform validate rejects, and the provider compares case-sensitively
        exact = values[0].configuration_time
        for affix in spec.reserved_prefixes:
            if written is not None and affix.text in _MOVABLE and _starts(written, affix, exact):
                yield self._movable(site, ctx, affix, written)
                return
        seen: set[tuple] = set()
        for value in values:
            if value.pieces in seen or len(seen) >= _MAX_INSTANCES:
                continue
            seen.add(value.pieces)
            finding = self._judge(site, ctx, spec, value, written)
            if finding is not None:
                yield finding
                return

    def _judge(self, site: Site, ctx: RuleContext, spec: NameSpec, value, written: str | None) -> Finding | None:
        head, shown = value.leading, site.describe(value)
        for affix in spec.reserved_prefixes:
            if _starts(head, affix, value.configuration_time):
                exact = head.startswith(affix.text)
                notes = (f"the value comes from {site.origin}; rename it there",) if site.origin else ()
                return self.report(
                    site, "prefix" if exact else "other-case", value=shown,
                    affix=affix.text if exact else head[: len(affix.text)],
                    reason=affix.reason if exact else affix.other_case,
                    severity=Severity.ERROR if exact else Severity.WARNING,
                    notes=notes if affix.text in _MOVABLE else (),
                )
        for affix in spec.reserved_suffixes:
            if value.trailing.endswith(affix.text):
                return self.report(site, "suffix", value=shown, affix=affix.text, reason=affix.reason)
        required = spec.required_prefix
        if not required or head.startswith(required):
            return None
        if (value.text is not None and head == "") or (value.text is None and required.startswith(head)):
            return None  # empty, or the unknown rest may still supply the prefix
        fix, notes = None, ()
        if written is not None and not head.startswith(("aws/", "/")):
            edit = ctx.editor(site).insert(site.node.open.end_pos, required)  # type: ignore[attr-defined]
            fix = edit.fix(f'Prefix the name with "{required}"', Applicability.SAFE)
        if head.startswith("aws/"):
            notes = (f'adding "{required}" would give the reserved "{required}aws/"; choose another name',)
        elif fix is None and site.origin:
            notes = (f"the value comes from {site.origin}; add the prefix there",)
        return self.report(site, "required", value=shown, affix=required, fix=fix, notes=notes)

    def _movable(self, site: Site, ctx: RuleContext, affix: Affix, written: str) -> Finding:
        """A reserved prefix written in place: the fix moves it after the leading words."""
        exact = written.startswith(affix.text)
        marker = written[: len(affix.text)]
        source = site.node.source
        elsewhere = ctx.module.quoted_strings(source, outside=(site.file, site.resource))
        fix: Fix | None = None
        parts = site.node.template.parts  # type: ignore[attr-defined]
        new_body = _move_marker(_written(parts), marker)
        clash = None
        if new_body is not None:
            new_source = site.node.open.value + new_body + site.node.close.value  # type: ignore[attr-defined]
            # the shared renamer: within the facts table's limit, no other group's name in the VPC
            rename, clash = checked_rename(
                site, ctx, Rename(new_source, f'Move "{marker[:-1]}" after the leading words: {new_source}'),
                what="moved name",
            )
            if rename is not None:
                safe = exact and not elsewhere
                fix = ctx.editor(site).replace(site.node, rename.source).fix(
                    rename.title, Applicability.SAFE if safe else Applicability.UNSAFE,
                )
        notes: tuple[str, ...] = (clash,) if clash else ()
        if elsewhere:
            where = ", ".join(f"{f.path}:{q.line}" for f, q in elsewhere[:5])
            notes += (f"the same text {source} also appears at {where}; it is not renamed",)
        return self.report(
            site, "prefix" if exact else "other-case", value=source, affix=marker,
            reason=affix.reason if exact else affix.other_case, fix=fix, notes=notes,
            severity=Severity.ERROR if exact else Severity.WARNING,
        )


def _starts(text: str, affix: Affix, exact: bool = False) -> bool:
    """Whether ``text`` begins with the affix, or (when that is a risk too, and not ``exact``)
    with it in another case."""
    if text.startswith(affix.text):
        return True
    return not exact and affix.other_case is not None and text.lower().startswith(affix.text.lower())


def _written_prefix(expr: n.Node) -> str | None:
    """The literal text at the start of a quoted template written in place, else None."""
    if type(expr) is not n.QuotedTemplate or not expr.template.parts:
        return None
    first = expr.template.parts[0]
    return n.unescape_quoted(first.token.value) if type(first) is n.TemplateLiteral else None


_WORD = re.compile(r"[0-9A-Za-z]")
_SEPARATORS = "-_. "


def _written(parts: tuple) -> list[tuple[bool, str]] | None:
    """A template's parts as (is literal text, source); None with a directive in it."""
    if not parts or any(type(p) not in (n.TemplateLiteral, n.Interpolation) for p in parts):
        return None
    return [(type(p) is n.TemplateLiteral, p.source) for p in parts]


def _move_marker(parts: list[tuple[bool, str]] | None, marker: str) -> str | None:
    """The template body with ``marker`` (``sg-``) moved after the leading words, or None.
    ``parts``: (is literal text, source) in order."""
    if not parts or not parts[0][0]:
        return None
    raw = parts[0][1]
    if not raw.startswith(marker):
        return None
    tag, rest = marker[:-1], raw[len(marker):]
    if rest.lower().startswith(marker.lower()):
        return None  # "sg-sg-web": moving one marker is not enough; leave it to the author
    others = [text for _, text in parts[1:]]
    # The leading words end at the first escaped "$${" / "%%{" too: literal text that looks
    # like an interpolation is not a word to put the marker after.
    cut = min((i for i in (rest.find("$${"), rest.find("%%{")) if i >= 0), default=len(rest))
    words = [m.end() for m in _WORD.finditer(rest, 0, cut)]
    if words:
        i = words[-1]
        return rest[:i] + "-" + tag + rest[i:] + "".join(others)
    if not others:
        return None  # "sg-" alone: no word to move the marker after
    is_literal, tail = parts[-1]
    if is_literal and len(parts) > 1:
        j = len(tail.rstrip(_SEPARATORS))
        return rest + "".join(others[:-1]) + tail[:j] + "-" + tag + tail[j:]
    return rest + "".join(others) + "-" + tag
