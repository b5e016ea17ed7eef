"""AWS006: a fixed resource name in a module whose other names carry an environment suffix."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..facts.aws_names import NAME_ATTRIBUTES, UNIQUE_NAMES
from ..findings import Applicability, Finding, Severity
from ..model.module import Module, referenced_objects
from ..names.renames import Rename, checked_rename
from ..syntax import nodes as n
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["NameWithoutEnvironmentSuffix"]

_DNS_NAMES = {"aws_service_discovery_private_dns_namespace"}

# Words that mark a variable as the one that tells environments apart.
_ENVIRONMENT_WORDS = {"env", "environment", "suffix", "stage", "workspace"}

_MIN_USES = 2  # a suffix variable must appear in at least this many names ...
# ... and in more than half of the module's names.


@dataclass(frozen=True)
class _Suffix:
    reference: str  # "var.environment_suffix", "local.env", "terraform.workspace"
    uses: int  # how many resource names use it
    named: int  # how many resources have a name attribute at all


class NameWithoutEnvironmentSuffix(Rule):
    """A resource name is a fixed literal while the module's other names carry an environment suffix.

    ## What it does

    Learns how a module builds its names: when most resource names (at least two, and more
    than half of them) include the same environment variable (a variable whose name
    contains `env`, `environment`, `suffix`, `stage` or `workspace`, such as
    `var.environment_suffix`, a local built from one, or `terraform.workspace`), it reports
    the names that are plain string literals on resources whose names must be unique in
    the account, region or VPC: Cloud Map namespaces, IAM roles, policies, users, groups and
    instance profiles, security groups, load balancers and target groups, log groups, S3
    buckets, ECS clusters, ECR repositories, queues, topics, Lambda functions, DynamoDB
    tables, KMS aliases, secrets, SSM parameters, RDS and ElastiCache identifiers and subnet
    groups, launch templates, Auto Scaling groups, EKS clusters, CodeBuild projects,
    EventBridge rules, alarms, state machines and App Mesh meshes.

    A security group whose `vpc_id` is a VPC created by the same module is not reported:
    each deployment gets its own VPC, and security group names are unique per VPC. A
    resource with `count = 0` (no instance) is not reported. Which names must be unique,
    and where, comes from the facts table (`fixer.facts.aws_names.UNIQUE_NAMES`).

    ## Why is this bad?

    The module is meant to be deployed once per environment, and the suffix keeps the
    deployments apart. A fixed name is the same in every deployment, so the second one in
    the same account fails, for example:

        EntityAlreadyExists: Role with name ecs-task-execution already exists.
        ResourceAlreadyExistsException: The specified log group already exists

    or, worse, two environments silently share one object (a Cloud Map namespace, an ECS
    cluster). The first deployment works, which is why this is easy to miss.

    ## Example

    ```hcl
    resource "aws_service_discovery_private_dns_namespace" "main" {
      name = "microservices.local"
      vpc  = aws_vpc.main.id
    }
    ```

    Every deployment of this module in one account and region asks for the same namespace.

    ## Use instead

    ```hcl
    resource "aws_service_discovery_private_dns_namespace" "main" {
      name = "microservices-${var.environment_suffix}.local"
      vpc  = aws_vpc.main.id
    }
    ```

    The suggested name puts the suffix after the first label of a DNS name
    (`microservices.local`), before a short extension (`jobs.fifo` becomes
    `jobs-${var.environment_suffix}.fifo`), in front when the reference is a prefix
    (`local.name_prefix`), and otherwise at the end, joined with `-` (or `_` when the name
    uses only underscores). A `name_prefix` is never reported: the provider appends a unique
    suffix to it.

    ## Fix safety

    The fix is **unsafe**, applied only with `--unsafe-fixes`: renaming a deployed resource
    **replaces** it (`name` forces a new resource): the provider destroys the old role,
    namespace or bucket and creates a new one, which loses the services registered in a
    namespace or the objects in a bucket, and anything outside the module that finds the
    object by its old name must follow. The rule is also a heuristic: a fixed name can be
    deliberate (one shared object for all environments). Review the plan before applying.
    The suffix goes where the module's other names put it (see above). The new name is
    checked like every renaming fix (`fixer.names.renames`): when the values the module is
    given (variable defaults, tfvars, `--var`) make it longer than the facts table allows,
    the suffix is kept whole and the rest cut to fit
    (`"${substr("ecs-task-role", 0, 64 - length("-${var.env}"))}-${var.env}"`); when
    even that cannot fit, or the new name is already another resource's name (security
    group names compared per VPC and case-insensitively, as EC2 does), no fix is offered
    and a note says why. When the suffix's length cannot be known, AWS001 judges the new
    name on the next round of the fix loop.

    ## References

    * terraform-provider-aws resource documentation: `name` is a "forces new resource"
      argument of each resource listed above.
    * IAM user guide, "IAM object quotas": names of users, groups, roles, policies and
      instance profiles must be unique within the account.
    * EC2 API reference, CreateSecurityGroup: "You can't have two security groups for the
      same VPC with the same name."
    * The seed report that motivated the rule (corpus seed 003, medium issue 6): a private
      DNS namespace `microservices.local` without the environment suffix.
    """

    code = "AWS006"
    name = "name-without-environment-suffix"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.WARNING
    created_only = True  # count = 0: nothing is created, nothing can collide
    # Only the full name: a ``name_prefix`` gets a unique suffix from the provider.
    targets = tuple(Target(rtype, attributes=(attribute,)) for rtype, (attribute, _why) in UNIQUE_NAMES.items())
    messages = {
        "fixed": "{address} {attribute} {value} has no environment suffix, unlike {uses} of the "
        "module's {named} resource names ({reference}); {why}, so a second environment may "
        "collide with this one",
    }

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        self._suffix = _suffix_of(ctx.module)
        self._vpcs = {b.labels[1] for _f, b in ctx.module.resources("aws_vpc")}
        return super().check(ctx) if self._suffix is not None else ()

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        value, suffix = site.node, self._suffix
        if type(value) is not n.QuotedTemplate or not value.is_literal() or not value.literal_value().strip():
            return
        if site.resource_type == "aws_security_group" and _in_own_vpc(site.resource, self._vpcs):
            return
        new_body = _suggest(site.resource_type, _raw(value), suffix.reference)
        new_source = value.open.value + new_body + value.close.value
        # the shared renamer: within the facts table's limit (the suffix kept whole, the rest
        # cut, when the values the module is given make it too long), and no duplicate name
        rename, why_not = checked_rename(site, ctx, Rename(new_source, ""))
        fix = None
        if rename is not None:
            fix = ctx.editor(site).replace(value, rename.source).fix(
                f"Add the environment suffix (renaming replaces the resource): {rename.source}", Applicability.UNSAFE
            )
        yield self.report(
            site, "fixed", value=value.source, uses=suffix.uses, named=suffix.named,
            reference=suffix.reference, why=UNIQUE_NAMES[site.resource_type][1], fix=fix,
            notes=(why_not,) if why_not else (),
        )


# ---- learning the suffix -----------------------------------------------------------------
def _words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+", name)}


def _is_environment_variable(name: str) -> bool:
    return bool(_words(name) & _ENVIRONMENT_WORDS)


def _environment_markers(module: Module, expr: n.Node, depth: int = 0) -> set[str]:
    """The references in ``expr`` that carry the environment: direct, or through a local."""
    out: set[str] = set()
    for ref in referenced_objects(expr):
        head, _, tail = ref.partition(".")
        if ref == "terraform.workspace" or (head == "var" and _is_environment_variable(tail)):
            out.add(ref)
        elif head == "local" and depth < 4:
            found = module.local(tail)
            if found is not None and (_is_environment_variable(tail) or _environment_markers(module, found[1].value, depth + 1)):
                out.add(ref)
    return out


def _suffix_of(module: Module) -> _Suffix | None:
    """The reference most resource names are built with, when one clearly is."""
    uses: Counter[str] = Counter()
    named = 0
    for _f, block in module.resources():
        attribute = next(
            (a for a in (block.body.get_attribute(k) for k in NAME_ATTRIBUTES) if a is not None), None
        )
        if attribute is None:
            continue
        named += 1
        for ref in _environment_markers(module, attribute.value):
            uses[ref] += 1
    if not uses:
        return None
    reference, count = max(uses.items(), key=lambda kv: (kv[1], kv[0].startswith("var."), kv[0]))
    if count < _MIN_USES or count * 2 <= named:
        return None
    return _Suffix(reference, count, named)


def _in_own_vpc(block: n.Block, vpcs: set[str]) -> bool:
    attribute = block.body.get_attribute("vpc_id")
    if attribute is None:
        return False
    return any(f"aws_vpc.{vpc}" in referenced_objects(attribute.value) for vpc in vpcs)


# ---- the suggested name ---------------------------------------------------------------------


def _raw(value: n.QuotedTemplate) -> str:
    return "".join(p.token.value for p in value.template.parts)  # type: ignore[union-attr]


_EXTENSION = re.compile(r"\.[0-9A-Za-z]{1,5}$")


def _suggest(rtype: str, raw: str, reference: str) -> str:
    """``raw`` (a literal's text as written) with ``${reference}`` inserted where a suffix goes."""
    separator = "_" if "_" in raw and "-" not in raw else "-"
    marker = "${" + reference + "}"
    if "prefix" in _words(reference.rpartition(".")[2]) and not raw.startswith(("/", ".")):
        return marker + separator + raw  # local.name_prefix goes in front
    if rtype in _DNS_NAMES and "." in raw.strip("."):
        i = raw.index(".", 1) if raw.startswith(".") else raw.index(".")
        return raw[:i] + separator + marker + raw[i:]
    m = _EXTENSION.search(raw)
    if m and m.start() > 0 and rtype not in ("aws_s3_bucket", "aws_cloudwatch_log_group", "aws_ssm_parameter"):
        return raw[: m.start()] + separator + marker + raw[m.start():]
    return raw + separator + marker

