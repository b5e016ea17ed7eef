"""AWS004: ECS rolling-deployment settings written inside a ``deployment_configuration`` block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Union

from ..findings import Applicability, Finding, Severity
from ..model.module import SourceFile
from ..syntax.edits import Edit, full_span
from ..syntax.nodes import Attribute, Block, Body, EmptyLine, Heredoc, Node
from ..syntax.tokens import Token
from .base import FixAvailability, Rule, RuleContext

__all__ = ["EcsDeploymentConfiguration"]

Version = tuple[int, int, int, int, str]  # (major, minor, patch, 1 = release / 0 = pre-release, pre-release)

V6_4: Version = (6, 4, 0, 1, "")
V6_21: Version = (6, 21, 0, 1, "")

# What the AWS API nests in DeploymentConfiguration but the provider takes at service level.
MOVED_ATTRIBUTES = {
    "maximum_percent": "deployment_maximum_percent",
    "minimum_healthy_percent": "deployment_minimum_healthy_percent",
}
MOVED_BLOCKS = ("deployment_circuit_breaker", "alarms")

# What the provider's deployment_configuration block does take, and since when.
VALID_ATTRIBUTES = {"strategy": V6_4, "bake_time_in_minutes": V6_4}
VALID_BLOCKS = {"lifecycle_hook": V6_4, "canary_configuration": V6_21, "linear_configuration": V6_21}

Item = Union[Attribute, Block]


class EcsDeploymentConfiguration(Rule):
    """ECS service deployment settings nested in a `deployment_configuration` block instead of set on the service.

    ## What it does
    Finds `deployment_configuration` blocks in `aws_ecs_service` that hold
    settings the AWS provider takes at the service level: `maximum_percent`
    and `minimum_healthy_percent` (the service's `deployment_maximum_percent`
    and `deployment_minimum_healthy_percent`), and nested
    `deployment_circuit_breaker` or `alarms` blocks (service-level blocks).

    It also checks the block against the AWS provider version the module
    asks for in `required_providers`: the block itself only exists since
    provider 6.4.0 (`strategy`, `bake_time_in_minutes`, `lifecycle_hook`),
    and `canary_configuration` / `linear_configuration` since 6.21.0. A block
    that is valid for new providers is reported when the constraint allows
    only older ones (error) or also older ones (warning). When no version is
    constrained, Terraform installs the newest provider, so nothing is
    reported for an otherwise valid block.

    ## Why is this bad?
    The ECS API (and CloudFormation) nest `maximumPercent`,
    `minimumHealthyPercent`, `deploymentCircuitBreaker` and `alarms` in a
    `DeploymentConfiguration` object, but the Terraform resource flattens
    them onto the service. `terraform validate` fails. With a provider older
    than 6.4.0:

        Error: Unsupported block type
        Blocks of type "deployment_configuration" are not expected here.

    and with 6.4.0 or newer, where the block exists with other contents:

        Error: Unsupported argument
        An argument named "maximum_percent" is not expected here.

    ## Example
    ```hcl
    resource "aws_ecs_service" "app" {
      name          = "app"
      desired_count = 2

      deployment_configuration {
        maximum_percent         = 200
        minimum_healthy_percent = 100
      }

      deployment_circuit_breaker {
        enable   = true
        rollback = true
      }
    }
    ```

    ## Use instead
    ```hcl
    resource "aws_ecs_service" "app" {
      name          = "app"
      desired_count = 2

      deployment_maximum_percent         = 200
      deployment_minimum_healthy_percent = 100

      deployment_circuit_breaker {
        enable   = true
        rollback = true
      }
    }
    ```
    A block that also holds 6.4 settings (`strategy = "BLUE_GREEN"`, ...) is
    kept with those; the moved settings go just above it.

    ## Fix safety
    Safe. The fix moves each value unchanged to the argument or block the
    provider reads it from, in place of the block (or just above a block
    that keeps 6.4 settings), with its comments; an emptied block is removed.
    The configuration did not validate before, and afterwards it asks for
    exactly the deployment settings it spelled out. When the service already
    sets the same setting with an identical value, the nested copy is dropped
    (its comments are kept); when the values differ, the finding names the
    conflict and offers no fix, since only the author knows which is meant.
    No fix either for a `dynamic "deployment_configuration"` block, for more
    than one `deployment_configuration` block, or for a repeated setting.
    A service-level `deployment_circuit_breaker` or `alarms` block is never
    changed. The version findings have no fix: raising a provider constraint
    is the author's decision.

    ## References
    - AWS provider schema of `aws_ecs_service`, hashicorp/terraform-provider-aws
      `internal/service/ecs/service.go`: top-level `deployment_maximum_percent`
      (default 200), `deployment_minimum_healthy_percent` (default 100),
      `deployment_circuit_breaker` and `alarms` (MaxItems 1);
      `deployment_configuration` with `strategy`, `bake_time_in_minutes`,
      `lifecycle_hook`, `canary_configuration`, `linear_configuration`.
    - AWS provider CHANGELOG: 6.4.0 (July 17, 2025) "resource/aws_ecs_service:
      Add `deployment_configuration` argument" (#43434); 6.21.0 (November 13,
      2025) adds `deployment_configuration.linear_configuration` and
      `deployment_configuration.canary_configuration` (#44842).
    - Terraform registry, `aws_ecs_service`:
      https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service
    - Amazon ECS API Reference, `DeploymentConfiguration`:
      https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
    - HCL's "Unsupported block type" / "Unsupported argument" diagnostics:
      hashicorp/hcl `hclsyntax/structure.go`.
    """

    code = "AWS004"
    name = "ecs-deployment-configuration"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        constraint = ctx.module.required_provider_version("aws")
        for f, resource in ctx.module.resources("aws_ecs_service"):
            if resource.is_one_line:
                continue
            blocks = [b for b in resource.body.blocks() if _kind(b) == "deployment_configuration"]
            for block in blocks:
                finding = self._check_block(f, resource, block, len(blocks), constraint)
                if finding is not None:
                    yield finding

    # ---- one deployment_configuration block ----------------------------------------
    def _check_block(
        self, f: SourceFile, resource: Block, block: Block, count: int, constraint: str | None
    ) -> Finding | None:
        address = f"aws_ecs_service.{resource.labels[1]}"
        dynamic = block.type == "dynamic"
        content = block.body.first_matching_block("content") if dynamic else block
        if content is None:
            return None
        plan = _classify(content.body)
        where = f'dynamic "deployment_configuration" of {address}' if dynamic else (
            f"deployment_configuration of {address}"
        )
        if not plan.moved:
            return self._version_finding(f, block, plan, where, constraint, dynamic)

        names = [_item_name(item) for item in plan.moved]
        message = (
            f"{_join(f'`{n}`' for n in names)} in the {where} "
            f"{'is a service-level setting' if len(names) == 1 else 'are service-level settings'}; "
            f"the block (AWS provider >= 6.4) only takes {_VALID_LIST}"
        )
        notes: list[str] = []
        blockers: list[str] = []
        if dynamic:
            blockers.append("a dynamic block is not rewritten automatically; move the settings by hand")
        if count > 1:
            blockers.append("the service has more than one deployment_configuration block; merge them by hand")
        for name in plan.repeated:
            blockers.append(f"`{name}` is set more than once in the block; keep one by hand")
        service = resource.body
        dropped: list[Item] = []
        twins: dict[int, Item] = {}  # id of a dropped nested item -> its service-level twin
        for item in plan.moved:
            existing = _service_level(service, item)
            if existing is None:
                continue
            if _same(existing, item):
                dropped.append(item)
                twins[id(item)] = existing
                continue
            target = _target_name(item)
            blockers.append(
                f"conflict: the service already sets `{target}` ({_brief(existing)}), "
                f"which differs from `{_item_name(item)}` ({_brief(item)}) in the block; "
                "decide which one is meant"
            )
        for name in plan.unknown:
            notes.append(f"`{name}` is not an argument of deployment_configuration either; it is left in the block")
        keeps = bool(plan.valid or plan.unknown)
        if keeps:
            version_note = _version_note(plan.required, constraint, remaining=True)
            if version_note:
                notes.append(version_note)
        notes.extend(blockers)

        fix = None
        if not blockers:
            edits = _move_edits(f, resource, block, plan, twins, keeps)
            if edits is not None:
                fix = self.fix(_title(plan.moved, dropped, keeps), Applicability.SAFE, *((f.path, e) for e in edits))
            else:
                notes.append("the settings could not be moved automatically (heredoc or unusual indentation)")
        return self.finding(f, block, message, fix=fix, severity=Severity.ERROR, notes=tuple(notes))

    def _version_finding(
        self, f: SourceFile, block: Block, plan: "_Plan", where: str, constraint: str | None, dynamic: bool
    ) -> Finding | None:
        if constraint is None:
            return None  # nothing pins an old provider: `terraform init` installs the newest
        verdict = _admits(constraint, plan.required)
        if verdict is None:
            return None  # a constraint we cannot read: say nothing rather than guess
        older, newer = verdict
        if not older:
            return None
        need = _show(plan.required)
        newest = [_item_name(i) for i in plan.valid if _needs(i) == plan.required]
        if plan.required > V6_4 and newest:
            where = f"{_join(f'`{n}`' for n in newest)} in the {where}"
        else:
            where = f"the {where}"
        if not newer:
            message = (
                f"{where} needs AWS provider >= {need}, but the version constraint "
                f'"{constraint}" allows only older versions, which reject it'
            )
            severity = Severity.ERROR
        else:
            message = (
                f"{where} needs AWS provider >= {need}; the version constraint "
                f'"{constraint}" also allows older versions, which reject it'
            )
            severity = Severity.WARNING
        notes = (f'require version ">= {need}" for aws in required_providers, or drop it',)
        fix = None
        if not dynamic and plan.is_empty and not _has_comment(block):
            edits = _remove_block_edits(f, block)
            if edits is not None:
                fix = self.fix(
                    "Remove the empty deployment_configuration block", Applicability.SAFE,
                    *((f.path, e) for e in edits),
                )
        return self.finding(f, block, message, fix=fix, severity=severity, notes=notes)



# ---- classification -------------------------------------------------------------------

_VALID_LIST = "strategy, bake_time_in_minutes, lifecycle_hook, canary_configuration and linear_configuration"


@dataclass
class _Plan:
    """The items of a deployment_configuration body, sorted by what becomes of them."""

    moved: list[Item] = field(default_factory=list)  # service-level settings, in source order
    valid: list[Item] = field(default_factory=list)  # what the 6.4+ block takes
    unknown: list[str] = field(default_factory=list)  # anything else, by name
    repeated: list[str] = field(default_factory=list)  # moved settings given more than once
    required: Version = V6_4  # the provider version the valid contents need

    @property
    def is_empty(self) -> bool:
        return not (self.moved or self.valid or self.unknown)


def _kind(block: Block) -> str:
    """The block type, or for ``dynamic "x"`` the type it generates."""
    if block.type == "dynamic" and len(block.label_nodes) == 1:
        return block.labels[0]
    return block.type


def _classify(body: Body) -> _Plan:
    plan = _Plan()
    seen: set[str] = set()
    for item in body.items:
        if isinstance(item, Attribute):
            name = item.key
            if name in MOVED_ATTRIBUTES:
                plan.moved.append(item)
            elif name in VALID_ATTRIBUTES:
                plan.valid.append(item)
                plan.required = max(plan.required, VALID_ATTRIBUTES[name])
                continue
            else:
                plan.unknown.append(name)
                continue
        elif isinstance(item, Block):
            name = _kind(item)
            if name in MOVED_BLOCKS:
                plan.moved.append(item)
            elif name in VALID_BLOCKS:
                plan.valid.append(item)
                plan.required = max(plan.required, VALID_BLOCKS[name])
                continue
            else:
                plan.unknown.append(name if item.type != "dynamic" else f'dynamic "{name}"')
                continue
        else:
            continue
        if name in seen and name not in plan.repeated:
            plan.repeated.append(name)
        seen.add(name)
    return plan


def _needs(item: Item) -> Version:
    """The provider version that a valid deployment_configuration item needs."""
    if isinstance(item, Attribute):
        return VALID_ATTRIBUTES.get(item.key, V6_4)
    return VALID_BLOCKS.get(_kind(item), V6_4)


def _item_name(item: Item) -> str:
    if isinstance(item, Attribute):
        return item.key
    return f'dynamic "{_kind(item)}"' if item.type == "dynamic" else item.type


def _target_name(item: Item) -> str:
    if isinstance(item, Attribute):
        return MOVED_ATTRIBUTES[item.key]
    return _item_name(item)


def _service_level(service: Body, item: Item) -> Item | None:
    """The service-level attribute or block the moved ``item`` would become, if already there."""
    if isinstance(item, Attribute):
        return service.get_attribute(MOVED_ATTRIBUTES[item.key])
    kind = _kind(item)
    for block in service.blocks():
        if _kind(block) == kind:
            return block
    return None


def _significant(node: Node) -> list[tuple[str, str]]:
    """The node's tokens without trivia, newlines normalised: what it means, not how it looks."""
    out = []
    for tok in node.tokens():
        value = tok.value
        if tok.type == "NL":
            value = "\n"
        elif tok.type in ("TLIT", "HEREDOC_OPEN", "HEREDOC_CLOSE"):
            value = value.replace("\r\n", "\n")
        out.append((tok.type, value))
    return out


def _same(existing: Item, item: Item) -> bool:
    if isinstance(existing, Attribute) and isinstance(item, Attribute):
        return _significant(existing.value) == _significant(item.value)
    if isinstance(existing, Block) and isinstance(item, Block):
        return existing.type == item.type and _significant_block(existing) == _significant_block(item)
    return False


def _significant_block(block: Block) -> list[tuple[str, str]]:
    toks = _significant(block)
    # Leading comment lines are EmptyLine NL tokens; the final NL is layout, not meaning.
    skip = len(block.leading_lines)
    return toks[skip:-1]


def _brief(item: Item) -> str:
    if isinstance(item, Attribute):
        text = item.value.source
        text = " ".join(text.split())
        return f"= {text}" if len(text) <= 40 else "= " + text[:37] + "..."
    return f"line {item.line}"


def _join(parts: Iterable[str]) -> str:
    items = list(parts)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _title(moved: list[Item], dropped: list[Item], keeps: bool) -> str:
    clauses = []
    attrs = [MOVED_ATTRIBUTES[i.key] for i in moved if isinstance(i, Attribute) and i not in dropped]
    blocks = [_item_name(i) for i in moved if isinstance(i, Block) and i not in dropped]
    if attrs:
        clauses.append(f"Set {_join(attrs)} on the service")
    if blocks:
        clauses.append(f"move {_join(blocks)} to the service level")
    if dropped:
        clauses.append(f"drop the nested {_join(_item_name(i) for i in dropped)} identical to the service's")
    if not keeps:
        clauses.append("remove the emptied deployment_configuration block")
    text = _join(clauses)
    return text[:1].upper() + text[1:]


def _has_comment(node: Node) -> bool:
    return any(_comments(tok.prefix) for tok in node.tokens())


def _comments(prefix: str) -> list[str]:
    """The comment lines held in a token's prefix."""
    return [line.strip() for line in prefix.replace("\r", "").split("\n") if line.strip()]


# ---- provider versions ----------------------------------------------------------------

_CLAUSE = re.compile(
    r"^\s*(?P<op>~>|>=|<=|!=|=|>|<)?\s*v?(?P<nums>\d+(?:\.\d+){0,2})"
    r"(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?\s*$"
)


def _parse_version(nums: str, pre: str | None) -> tuple[Version, int]:
    parts = [int(p) for p in nums.split(".")]
    given = len(parts)
    parts += [0] * (3 - given)
    return (parts[0], parts[1], parts[2], 0 if pre else 1, pre or ""), given


def _admits(constraint: str, version: Version) -> tuple[bool, bool] | None:
    """(allows some version older than ``version``, allows ``version`` or newer); None if unreadable.

    The constraint is a comma-separated list of Terraform version clauses;
    ``!=`` only removes single versions, so it does not change the answer.
    """
    low: tuple[Version, bool] = ((0, 0, 0, 0, ""), True)  # (bound, inclusive)
    high: tuple[Version, bool] | None = None
    clauses = [c for c in constraint.split(",")]
    if not any(c.strip() for c in clauses):
        return None
    for clause in clauses:
        m = _CLAUSE.match(clause)
        if m is None:
            return None
        op = m.group("op") or "="
        v, given = _parse_version(m.group("nums"), m.group("pre"))
        bounds_low: list[tuple[Version, bool]] = []
        bounds_high: list[tuple[Version, bool]] = []
        if op == "=":
            bounds_low.append((v, True))
            bounds_high.append((v, True))
        elif op == ">=":
            bounds_low.append((v, True))
        elif op == ">":
            bounds_low.append((v, False))
        elif op == "<=":
            bounds_high.append((v, True))
        elif op == "<":
            bounds_high.append((v, False))
        elif op == "~>":
            bounds_low.append((v, True))
            if given == 1:
                upper = (v[0] + 1, 0, 0, 0, "")
            elif given == 2:
                upper = (v[0] + 1, 0, 0, 0, "")
            else:
                upper = (v[0], v[1] + 1, 0, 0, "")
            bounds_high.append((upper, False))
        for b in bounds_low:
            if b[0] > low[0] or (b[0] == low[0] and not b[1]):
                low = b
        for b in bounds_high:
            if high is None or b[0] < high[0] or (b[0] == high[0] and not b[1]):
                high = b

    def below(bound: tuple[Version, bool], limit: Version) -> bool:  # some allowed v < limit
        return bound[0] < limit

    if high is not None:
        if high[0] < low[0] or (high[0] == low[0] and not (high[1] and low[1])):
            return (False, False)  # nothing satisfies it
    older = below(low, version)
    if high is None:
        newer = True
    else:
        newer = high[0] > version or (high[0] == version and high[1])
    return older, newer


def _show(version: Version) -> str:
    return f"{version[0]}.{version[1]}.{version[2]}"


def _version_note(required: Version, constraint: str | None, remaining: bool) -> str | None:
    need = _show(required)
    what = "the deployment_configuration block that remains" if remaining else "the block"
    if constraint is None:
        return f"{what} needs AWS provider >= {need}; required_providers sets no version for aws"
    verdict = _admits(constraint, required)
    if verdict is None:
        return f'{what} needs AWS provider >= {need}; the version constraint "{constraint}" could not be read'
    older, newer = verdict
    if not older:
        return None
    if not newer:
        return f'{what} needs AWS provider >= {need}, which the version constraint "{constraint}" excludes'
    return f'{what} needs AWS provider >= {need}; the version constraint "{constraint}" also allows older versions'


# ---- edits ----------------------------------------------------------------------------


def _split_lines(text: str) -> list[str]:
    """Lines with their line endings (only ``\\n`` ends a line)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _own_start(item: Item) -> int:
    """Where the item itself starts: its name or block type, after its leading comment lines."""
    return item.name.start_pos if isinstance(item, Attribute) else item.type_token.start_pos


def _indent(text: str, offset: int) -> str:
    """The whitespace at the start of the line holding ``offset``."""
    line_start = _line_start(text, offset)
    i = line_start
    while i < offset and text[i] in " \t":
        i += 1
    return text[line_start:i]


def _is_blank(item: object) -> bool:
    return isinstance(item, EmptyLine) and item.comment is None


@lru_cache(maxsize=16)  # one scan per file text, not one per finding
def _newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _moved_lines(text: str, item: Item, outer: str, new_name: str | None, nl: str) -> list[str] | None:
    """The item's lines (its comments included), re-indented to ``outer``, renamed to ``new_name``."""
    if any(isinstance(node, Heredoc) for node in item.walk()):
        return None
    start, end = full_span(item)
    if isinstance(item, Attribute) and item.newline is None:
        # In a one-line block: ``deployment_configuration { maximum_percent = 200 }``.
        if "\n" in item.source:
            return None
        name = new_name or item.key
        return [f"{outer}{name} = {item.value.source}{nl}"]
    if start != _line_start(text, start):
        return None
    segment = text[start:end]
    if new_name is not None and isinstance(item, Attribute):
        rel = item.name.start_pos - start
        segment = segment[:rel] + new_name + segment[rel + len(item.name.value):]
    inner = _indent(text, _own_start(item))
    body_start = _line_start(text, _own_start(item)) - start  # where the item's own first line starts
    out: list[str] = []
    pos = 0
    for line in _split_lines(segment):
        content = line.rstrip("\r\n")
        ending = line[len(content):]
        if not content.strip():
            out.append(ending)
        elif content.startswith(inner):
            out.append(outer + content[len(inner):] + ending)
        elif pos < body_start:  # a leading comment line indented its own way
            out.append(outer + content.strip() + ending)
        else:
            return None
        pos += len(line)
    if out and not out[-1].endswith("\n"):
        out[-1] += nl
    return out


def _comment_lines(node: Node, outer: str, nl: str) -> list[str]:
    """Every comment inside ``node``, each on a line of its own at ``outer`` indentation."""
    return [f"{outer}{c}{nl}" for tok in node.tokens() for c in _comments(tok.prefix)]


def _token_comment_lines(tokens: Iterable[Token | None], outer: str, nl: str) -> list[str]:
    return [f"{outer}{c}{nl}" for tok in tokens if tok is not None for c in _comments(tok.prefix)]


def _assemble(segments: list[tuple[str, list[str]]], nl: str) -> str:
    """Join (kind, lines) segments, a blank line around blocks (a comment sticks to what follows)."""
    out: list[str] = []
    previous: str | None = None
    for kind, lines in segments:
        if not lines:
            continue
        if previous is not None and previous != "comment" and ("block" in (kind, previous)):
            out.append(nl)
        out.extend(lines)
        previous = kind
    return "".join(out)


def _blank_removals(items: tuple, removed: set[int]) -> list[EmptyLine]:
    """Blank lines that removing the items at ``removed`` would leave doubled or dangling.

    A run of blank lines that the removal joins keeps the length of its longest
    stretch that was already adjacent; blank lines the removal leaves at the
    start or the end of the body go, unless they were there before.
    """
    extra: list[EmptyLine] = []
    n = len(items)
    kept = [i for i in range(n) if i not in removed]
    k = 0
    while k < len(kept):
        if not _is_blank(items[kept[k]]):
            k += 1
            continue
        run = [kept[k]]
        while k + 1 < len(kept) and _is_blank(items[kept[k + 1]]):
            k += 1
            run.append(kept[k])
        k += 1
        joined = any(i in removed for i in range(run[0], run[-1] + 1))
        at_start = all(i in removed or _is_blank(items[i]) for i in range(0, run[0]))
        at_end = all(i in removed or _is_blank(items[i]) for i in range(run[-1] + 1, n))
        if at_start:
            # Keep the blanks that opened the body before the removal.
            allowed = sum(1 for i in run if all(j not in removed and _is_blank(items[j]) for j in range(0, i)))
            extra.extend(items[i] for i in run[allowed:])
        elif at_end:
            allowed = sum(1 for i in run if all(j not in removed and _is_blank(items[j]) for j in range(i + 1, n)))
            extra.extend(items[i] for i in run[: len(run) - allowed])
        elif joined:
            longest, current, last = 0, 0, -2
            for i in run:
                current = current + 1 if i == last + 1 else 1
                longest = max(longest, current)
                last = i
            extra.extend(items[i] for i in run[longest:])
    return extra


def _remove_spans(items: tuple, doomed: list[Node]) -> list[Edit]:
    """Edits removing ``doomed`` items of a body, and the blank lines that would be left over."""
    ids = {id(d) for d in doomed}
    removed = {i for i, item in enumerate(items) if id(item) in ids}
    edits = [Edit(*full_span(items[i]), "") for i in sorted(removed)]
    edits += [Edit(*full_span(b), "") for b in _blank_removals(items, removed)]
    return edits


def _finish(text: str, doc, edits: list[Edit]) -> list[Edit] | None:
    """The edits as they are: the fix loop re-aligns and keeps the file fmt-clean."""
    return list(edits)


def _remove_block_edits(f: SourceFile, block: Block) -> list[Edit] | None:
    parent = _parent_body(f.tree.body, block)
    if parent is None:
        return None
    return _finish(f.text, f.tree, _remove_spans(parent.items, [block]))


def _parent_body(root: Body, target: Node) -> Body | None:
    stack: list[Body] = [root]
    while stack:
        body = stack.pop()
        for item in body.items:
            if item is target:
                return body
            if isinstance(item, Block):
                stack.append(item.body)
    return None


def _move_edits(
    f: SourceFile, resource: Block, block: Block, plan: _Plan, twins: dict[int, Item], keeps: bool
) -> list[Edit] | None:
    """The edits that move the settings out of ``block`` (None when that cannot be done cleanly).

    ``twins`` maps the nested items that repeat a service-level setting to that
    setting: they are dropped, and their comments go above the setting they repeat.
    """
    text = f.text
    nl = _newline_of(text)
    outer = _indent(text, _own_start(block))
    block_start = full_span(block)[0]
    if block_start != _line_start(text, block_start):
        return None
    moved_ids = {id(m) for m in plan.moved}
    twin_edits: list[Edit] = []
    for item in plan.moved:
        twin = twins.get(id(item))
        if twin is None:
            continue
        at = _line_start(text, _own_start(twin))
        lines = _comment_lines(item, _indent(text, _own_start(twin)), nl)
        if lines:
            twin_edits.append(Edit(at, at, "".join(lines)))

    def item_segment(item: Item) -> tuple[str, list[str]] | None:
        if id(item) in twins:
            return "comment", []
        new_name = MOVED_ATTRIBUTES.get(item.key) if isinstance(item, Attribute) else None
        lines = _moved_lines(text, item, outer, new_name, nl)
        if lines is None:
            return None
        return ("attr" if isinstance(item, Attribute) else "block"), lines

    segments: list[tuple[str, list[str]]] = []
    if keeps:
        for item in plan.moved:
            seg = item_segment(item)
            if seg is None:
                return None
            segments.append(seg)
        inserted = _assemble(segments, nl)
        edits = _remove_spans(block.body.items, list(plan.moved)) + twin_edits
        if inserted:
            edits.append(Edit(block_start, block_start, inserted + nl))
        return _finish(text, f.tree, edits)

    # The block goes; what it held takes its place, in source order, with every comment.
    segments.append(("comment", _token_comment_lines(
        [block.type_token, *[t for t in block.label_nodes if isinstance(t, Token)],
         block.open_brace, block.open_newline], outer, nl)))
    for item in block.body.items:
        if isinstance(item, EmptyLine):
            if item.comment is not None:
                segments.append(("comment", [f"{outer}{item.comment}{nl}"]))
            continue
        if id(item) not in moved_ids:
            return None  # cannot happen: keeps would be true
        seg = item_segment(item)
        if seg is None:
            return None
        segments.append(seg)
    footer = _comments(block.newline.prefix)
    moved_lines = [line for kind, lines in segments if kind != "comment" for line in lines]
    if block.is_one_line and len(moved_lines) == 1 and len(footer) == 1 and not footer[0].startswith("/*"):
        # ``deployment_configuration { minimum_healthy_percent = 50 } # half``: the comment
        # stays at the end of the one line it was on.
        kind, lines = segments[-1]
        segments[-1] = (kind, [lines[0].rstrip("\r\n") + " " + footer[0] + nl])
        segments.append(("comment", _token_comment_lines([block.close_brace], outer, nl)))
    else:
        segments.append(("comment", _token_comment_lines([block.close_brace, block.newline], outer, nl)))
    replacement = _assemble(segments, nl)
    own_start = _line_start(text, _own_start(block))  # the block's leading comments stay where they are
    end = block.newline.end_pos
    if replacement:
        edits = [Edit(own_start, end, replacement)]
    else:
        if block.leading_lines:
            edits = [Edit(own_start, end, "")]
        else:
            edits = _remove_spans(resource.body.items, [block])
    return _finish(text, f.tree, edits + twin_edits)
