"""AWS002: a name that begins (or ends) with a prefix AWS reserves for itself."""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from ..findings import Applicability, Finding, Fix, Severity
from ..model.evaluate import Scope, Unknown
from ..model.module import SourceFile
from ..syntax import nodes as n
from ..syntax.edits import Edit, replace_expression
from ..layout.realign import keep_fmt_clean
from .base import FixAvailability, Rule, RuleContext

__all__ = ["ReservedNamePrefix"]

# S3 general purpose bucket names (AWS S3 user guide, "General purpose bucket naming rules").
_S3_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_S3_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")

_MAX_DEPTH = 16  # local -> local chains followed when looking for the known text of a name


class ReservedNamePrefix(Rule):
    """A resource name begins with a prefix that AWS reserves (`sg-`, `xn--`, `alias/aws/`, ...).

    *What it does*

    Checks the names that AWS or the AWS provider reject because of how they begin or end:

    * `aws_security_group` `name` / `name_prefix` beginning with `sg-`, the prefix of
      security group IDs;
    * `aws_s3_bucket` `bucket` / `bucket_prefix` beginning with `xn--`, `sthree-` or
      `amzn-s3-demo-`, and `bucket` ending with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or
      `--table-s3`;
    * `aws_kms_alias` `name` / `name_prefix` not beginning with `alias/`, or beginning with
      the reserved `alias/aws/`.

    The name is read as written and, when it is built elsewhere, through locals, variable
    defaults, tfvars values, `for_each` keys, `format()` and `join()`. Only these
    attributes of these resource types are checked: a `tags.Name`, an
    `aws_db_subnet_group` or a resource label called `sg-...` is fine.

    *Why is this bad?*

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

    *Example*

    ```hcl
    resource "aws_security_group" "alb" {
      name = "sg-alb-${var.environment_suffix}"
    }

    resource "aws_kms_alias" "data" {
      name          = "data-key"
      target_key_id = aws_kms_key.data.key_id
    }
    ```

    *Use instead*

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

    *Fix safety*

    The security group rename and the `alias/` prefix are **safe** fixes: the configuration
    cannot be planned as written, so no deployed object has the old name and no resource is
    replaced; the new name keeps every word the author wrote, in the same case, and the
    resource address does not change, so no reference needs rewriting. The security group
    fix becomes **unsafe** when the old name's exact text also appears outside the resource
    (a data source looking the group up by name, an output): those places keep the old
    text. A name that starts with `SG-` in another case may be valid, so that rename is
    **unsafe** too. No fix is offered when the name is not a string template written in
    the attribute itself (it comes from a local, a variable or a function), for S3 buckets
    (choosing another globally unique bucket name is the author's decision) or for
    `alias/aws/`.

    *References*

    * terraform-provider-aws `internal/service/ec2/vpc_security_group.go`: `name` and
      `name_prefix` use `validation.StringDoesNotMatch(regexache.MustCompile(`^sg-`),
      "cannot begin with sg-")` (a case-sensitive pattern).
    * EC2 API reference, CreateSecurityGroup `GroupName`: "Names are case-insensitive and
      must be unique within the VPC. Constraints: Up to 255 characters in length. Can't
      start with sg-."
    * terraform-provider-aws `internal/service/kms/validate.go`: `validNameForResource`
      (used for `aws_kms_alias` `name` and `name_prefix`).
    * Amazon S3 user guide, "General purpose bucket naming rules" (reserved prefixes
      `xn--`, `sthree-`, `amzn-s3-demo-`; reserved suffixes `-s3alias`, `--ol-s3`, `.mrap`,
      `--x-s3`, `--table-s3`).
    """

    code = "AWS002"
    name = "reserved-name-prefix"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        for f, block in ctx.module.resources("aws_security_group"):
            for attr_name in ("name", "name_prefix"):
                yield from self._check_security_group(ctx, f, block, attr_name)
        for f, block in ctx.module.resources("aws_s3_bucket"):
            for attr_name in ("bucket", "bucket_prefix"):
                yield from self._check_bucket(ctx, f, block, attr_name)
        for f, block in ctx.module.resources("aws_kms_alias"):
            for attr_name in ("name", "name_prefix"):
                yield from self._check_kms_alias(ctx, f, block, attr_name)

    # ---- security groups -------------------------------------------------------------
    def _check_security_group(
        self, ctx: RuleContext, f: SourceFile, block: n.Block, attr_name: str
    ) -> Iterator[Finding]:
        attribute = block.body.get_attribute(attr_name)
        if attribute is None:
            return
        label = _address(block)
        written = _written_prefix(attribute.value)
        if written is not None and written.lower().startswith("sg-"):
            exact = written.startswith("sg-")
            marker = written[:3]
            fix = self._security_group_fix(ctx, f, block, attribute, marker, exact)
            if exact:
                message = (
                    f'{label} {attr_name} {attribute.value.source} begins with "sg-", '
                    "which AWS reserves for security group IDs"
                )
            else:
                message = (
                    f'{label} {attr_name} {attribute.value.source} begins with "{marker}"; '
                    'EC2 compares names case-insensitively and reserves "sg-", so it may be '
                    "refused when the group is created"
                )
            notes = self._elsewhere_notes(ctx, f, block, attribute)
            yield self.finding(
                f, attribute.value, message, fix=fix,
                severity=Severity.ERROR if exact else Severity.WARNING, notes=notes,
            )
            return
        # Not written as a template that starts with the marker: look at the value.
        for scope, pieces in _instance_pieces(ctx, block, attribute.value):
            known = _leading(pieces)
            if known.lower().startswith("sg-"):
                exact = known.startswith("sg-")
                where = _origin(attribute.value)
                shown = _describe(attribute.value, pieces, scope)
                if exact:
                    message = (
                        f'{label} {attr_name} {shown} begins with "sg-", '
                        "which AWS reserves for security group IDs"
                    )
                else:
                    message = (
                        f'{label} {attr_name} {shown} begins with "{known[:3]}"; '
                        'EC2 compares names case-insensitively and reserves "sg-", '
                        "so it may be refused when the group is created"
                    )
                notes = (f"the value comes from {where}; rename it there",) if where else ()
                yield self.finding(
                    f, attribute.value, message,
                    severity=Severity.ERROR if exact else Severity.WARNING, notes=notes,
                )
                return

    def _security_group_fix(
        self, ctx: RuleContext, f: SourceFile, block: n.Block, attribute: n.Attribute,
        marker: str, exact: bool,
    ) -> Fix | None:
        value = attribute.value
        if type(value) is not n.QuotedTemplate:
            return None
        new_body = _move_marker(value.template.parts, marker)
        if new_body is None:
            return None
        new_source = value.open.value + new_body + value.close.value
        edits = keep_fmt_clean(f.text, [replace_expression(value, new_source)])
        if edits is None:
            return None
        elsewhere = _occurrences_outside(ctx, value.source, f, block)
        applicability = Applicability.SAFE if exact and not elsewhere else Applicability.UNSAFE
        return self.fix(
            f"Move \"{marker[:2]}\" after the leading words: {new_source}",
            applicability,
            *((f.path, e) for e in edits),
        )

    def _elsewhere_notes(
        self, ctx: RuleContext, f: SourceFile, block: n.Block, attribute: n.Attribute
    ) -> tuple[str, ...]:
        places = _occurrences_outside(ctx, attribute.value.source, f, block)
        if not places:
            return ()
        where = ", ".join(f"{p.path}:{node.line}" for p, node in places[:5])
        return (f"the same text {attribute.value.source} also appears at {where}; it is not renamed",)

    # ---- S3 buckets --------------------------------------------------------------------
    def _check_bucket(
        self, ctx: RuleContext, f: SourceFile, block: n.Block, attr_name: str
    ) -> Iterator[Finding]:
        attribute = block.body.get_attribute(attr_name)
        if attribute is None:
            return
        label = _address(block)
        for scope, pieces in _instance_pieces(ctx, block, attribute.value):
            head = _leading(pieces)
            tail = _trailing(pieces) if attr_name == "bucket" else ""
            problem = None
            for prefix in _S3_PREFIXES:
                if head.startswith(prefix):
                    problem = f'begins with "{prefix}", a prefix S3 reserves'
                    break
            else:
                for suffix in _S3_SUFFIXES:
                    if tail.endswith(suffix):
                        problem = f'ends with "{suffix}", a suffix S3 reserves for access points and other bucket types'
                        break
            if problem is None:
                continue
            shown = _describe(attribute.value, pieces, scope)
            yield self.finding(
                f, attribute.value, f"{label} {attr_name} {shown} {problem}",
            )
            return

    # ---- KMS aliases -------------------------------------------------------------------
    def _check_kms_alias(
        self, ctx: RuleContext, f: SourceFile, block: n.Block, attr_name: str
    ) -> Iterator[Finding]:
        attribute = block.body.get_attribute(attr_name)
        if attribute is None:
            return
        label = _address(block)
        for scope, pieces in _instance_pieces(ctx, block, attribute.value):
            head = _leading(pieces)
            complete = all(p is not None for p in pieces)
            shown = _describe(attribute.value, pieces, scope)
            if head.startswith("alias/aws/"):
                yield self.finding(
                    f, attribute.value,
                    f'{label} {attr_name} {shown} begins with "alias/aws/", '
                    "which is reserved for AWS managed keys",
                )
                return
            if complete:
                missing = head != "" and not head.startswith("alias/")
            else:
                missing = bool(head) and not head.startswith("alias/") and not "alias/".startswith(head)
            if not missing:
                continue
            fix = None
            value = attribute.value
            written = _written_prefix(value)
            if written is not None and not head.startswith(("aws/", "/")):
                edits = keep_fmt_clean(f.text, [Edit(value.open.end_pos, value.open.end_pos, "alias/")])
                if edits is not None:
                    fix = self.fix(
                        'Prefix the name with "alias/"', Applicability.SAFE,
                        *((f.path, e) for e in edits),
                    )
            notes: tuple[str, ...] = ()
            if head.startswith("aws/"):
                notes = ('adding "alias/" would give the reserved "alias/aws/"; choose another name',)
            elif fix is None and _origin(value):
                notes = (f"the value comes from {_origin(value)}; add the prefix there",)
            yield self.finding(
                f, value, f'{label} {attr_name} {shown} does not begin with "alias/"',
                fix=fix, notes=notes,
            )
            return


# ---- helpers ---------------------------------------------------------------------------


def _address(block: n.Block) -> str:
    return ".".join(block.labels)


def _written_prefix(expr: n.Expression) -> str | None:
    """The literal text at the start of a quoted template written in place, else None."""
    if type(expr) is not n.QuotedTemplate or not expr.template.parts:
        return None
    first = expr.template.parts[0]
    if type(first) is not n.TemplateLiteral:
        return None
    return n.unescape_quoted(first.token.value)


def _describe(expr: n.Expression, pieces: list, scope: Scope) -> str:
    """The value as written, or its known text and where it comes from."""
    if type(expr) is n.QuotedTemplate and not scope.describe():
        return expr.source
    if type(expr) is n.QuotedTemplate:
        return f'{expr.source} ("{_shown(pieces)}", {scope.describe()})'
    where = [w for w in (_provenance(expr), scope.describe()) if w]
    return f'"{_shown(pieces)}" ({", ".join(where)})' if where else f'"{_shown(pieces)}"'


_WORD = re.compile(r"[0-9A-Za-z]")
_SEPARATORS = "-_. "


def _move_marker(parts: tuple, marker: str) -> str | None:
    """The template body with ``marker`` (``sg-``) moved after the leading words, or None."""
    if not parts or any(type(p) not in (n.TemplateLiteral, n.Interpolation) for p in parts):
        return None
    first = parts[0]
    raw = first.token.value
    if not raw.startswith(marker):
        return None
    tag = marker[:2]
    rest = raw[len(marker):]
    if rest.lower().startswith("sg-"):
        return None  # "sg-sg-web": moving one marker is not enough; leave it to the author
    others = [p.source for p in parts[1:]]
    # The leading words end at the first escaped "$${" / "%%{" too: literal text that looks
    # like an interpolation is not a word to put the marker after.
    cut = min((i for i in (rest.find("$${"), rest.find("%%{")) if i >= 0), default=len(rest))
    words = [m.end() for m in _WORD.finditer(rest, 0, cut)]
    if words:
        i = words[-1]
        return rest[:i] + "-" + tag + rest[i:] + "".join(others)
    if not others:
        return None  # "sg-" alone: no word to move the marker after
    last = parts[-1]
    if type(last) is n.TemplateLiteral and len(parts) > 1:
        tail = last.token.value
        j = len(tail.rstrip(_SEPARATORS))
        return rest + "".join(others[:-1]) + tail[:j] + "-" + tag + tail[j:]
    return rest + "".join(others) + "-" + tag



def _occurrences_outside(
    ctx: RuleContext, source: str, home: SourceFile, block: n.Block
) -> list[tuple[SourceFile, n.Node]]:
    """Quoted strings outside ``block`` (in ``home``) whose text is exactly ``source``."""
    out = []
    for f in ctx.module.files:
        for node in f.tree.walk():
            if type(node) is not n.QuotedTemplate or node.source != source:
                continue
            if f is home and block.start <= node.start and node.end <= block.end:
                continue
            out.append((f, node))
    return out


def _provenance(expr: n.Expression) -> str:
    """Where a value that is not written in place comes from, for messages."""
    origin = _origin(expr)
    if origin:
        return f"the value of {origin}"
    if type(expr) is n.FunctionCall:
        return f"built by {expr.name}()"
    name = n.reference_name(expr)
    if name and name.split(".")[0] in ("each", "count"):
        return ""  # the instance says it
    return f"the value of {name}" if name else ""


def _origin(expr: n.Expression) -> str | None:
    """``local.x`` / ``var.x`` when the value is a plain reference to one."""
    name = n.reference_name(expr)
    if name and (name.startswith("local.") or name.startswith("var.")):
        return ".".join(name.split(".")[:2])
    return None


def _instance_pieces(ctx: RuleContext, block: n.Block, expr: n.Expression) -> list[tuple[Scope, list]]:
    scopes = ctx.evaluator.instances(block) or [Scope()]
    out = []
    seen: set[tuple] = set()
    for scope in scopes[:256]:
        pieces = _pieces(ctx, expr, scope, 0)
        key = tuple(pieces)
        if key in seen:
            continue
        seen.add(key)
        out.append((scope, pieces))
    return out


def _pieces(ctx: RuleContext, expr: n.Expression | None, scope: Scope, depth: int) -> list:
    """The value as a list of known strings and None for unknown stretches."""
    if expr is None or depth > _MAX_DEPTH:
        return [None]
    value: Any = ctx.evaluator.evaluate(expr, scope)
    if isinstance(value, str):
        return [value]
    if not isinstance(value, Unknown) and value is not None and not isinstance(value, (dict, list, bool)):
        return [str(value)]
    kind = type(expr)
    if kind is n.Parens:
        return _pieces(ctx, expr.expression, scope, depth + 1)  # type: ignore[attr-defined]
    if kind is n.QuotedTemplate:
        out: list = []
        for part in expr.template.parts:  # type: ignore[attr-defined]
            if type(part) is n.TemplateLiteral:
                out.append(n.unescape_quoted(part.token.value))
            elif type(part) is n.Interpolation:
                out.extend(_pieces(ctx, part.expression, scope, depth + 1))
            else:
                out.append(None)
        return _merge(out)
    name = n.reference_name(expr)
    if name and name.startswith("local."):
        found = ctx.module.local(name.split(".")[1])
        if found is not None and name.count(".") == 1:
            return _pieces(ctx, found[1].value, Scope(), depth + 1)
        return [None]
    if kind is n.FunctionCall:
        args = expr.args  # type: ignore[attr-defined]
        fname = expr.name  # type: ignore[attr-defined]
        if fname == "format" and args and not expr.expands_final_argument:  # type: ignore[attr-defined]
            spec = ctx.evaluator.evaluate(args[0], scope)
            if isinstance(spec, str):
                return _format_pieces(ctx, spec, args[1:], scope, depth)
        if fname == "join" and len(args) == 2 and type(args[1]) is n.Tuple:
            sep = ctx.evaluator.evaluate(args[0], scope)
            if isinstance(sep, str):
                out = []
                for i, item in enumerate(args[1].items):  # type: ignore[attr-defined]
                    if i:
                        out.append(sep)
                    out.extend(_pieces(ctx, item, scope, depth + 1))
                return _merge(out)
    return [None]


def _format_pieces(ctx: RuleContext, spec: str, args: list, scope: Scope, depth: int) -> list:
    out: list = []
    i = 0
    for m in re.finditer(r"%%|%[-+ #0]*[0-9]*(?:\.[0-9]+)?[a-z]|[^%]+|%", spec):
        token = m.group()
        if token == "%%":
            out.append("%")
        elif token.startswith("%") and len(token) > 1:
            if token.endswith("s") and i < len(args):
                out.extend(_pieces(ctx, args[i], scope, depth + 1))
            else:
                out.append(None)
            i += 1
        else:
            out.append(token)
    return _merge(out)


def _merge(pieces: list) -> list:
    out: list = []
    for p in pieces:
        if out and isinstance(p, str) and isinstance(out[-1], str):
            out[-1] += p
        elif p is None and out and out[-1] is None:
            continue
        else:
            out.append(p)
    return out or [""]


def _leading(pieces: list) -> str:
    return pieces[0] if pieces and isinstance(pieces[0], str) else ""


def _trailing(pieces: list) -> str:
    return pieces[-1] if pieces and isinstance(pieces[-1], str) else ""


def _shown(pieces: list) -> str:
    return "".join(p if isinstance(p, str) else "..." for p in pieces)
