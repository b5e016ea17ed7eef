"""The name rules AWS and the AWS provider enforce, one row per resource attribute.

The one facts table for AWS names, read by every rule that judges a name. Each
row says how long a name may be, which characters it may hold, how it may begin
and end, and which affixes AWS reserves. ``name_prefix`` rows are 26 characters
shorter than their name: the provider appends a 26-character unique suffix
(``id.UniqueIDSuffixLength``).

Which rule owns which fact, so that no two rules report one problem:
AWS001 (name-too-long) the length, the characters, the first character, the
hyphen rules, the minimum length and ``.fifo``; AWS002 (reserved-name-prefix)
``reserved_prefixes``, ``reserved_suffixes`` and ``required_prefix``.

Sources, from hashicorp/terraform-provider-aws (``internal/service/...``):
``elbv2/validate.go`` (validName, validNamePrefix, validTargetGroupName,
validTargetGroupNamePrefix; validName: "cannot begin with 'internal-'"),
``ec2/vpc_security_group.go`` (``name``/``name_prefix``: "cannot begin with sg-"),
``kms/validate.go`` (validNameForResource: "must begin with 'alias/'", "cannot
begin with reserved AWS CMK prefix 'alias/aws/'"), ``iam/role.go`` + ``iam/validate.go``
(validResourceName, roleNameMaxLen = 64), ``sqs/queue.go``
(resourceQueueCustomizeDiff), ``elasticache/cluster.go`` (cluster_id),
``rds/validate.go`` (validIdentifier, validIdentifierPrefix,
validSubnetGroupName), ``logs/validate.go`` (validLogGroupName,
validLogGroupNamePrefix), ``eks/validate.go`` (validClusterName); the other
rows follow the project's fact sheet (AWS API documentation and
tflint-ruleset-aws models), where ``enforced`` says whether plan or only the
AWS API rejects the name. S3's reserved affixes: Amazon S3 user guide, "General
purpose bucket naming rules". EC2 CreateSecurityGroup ``GroupName``: "Names are
case-insensitive ... Can't start with sg-".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Affix", "NameSpec", "NAME_SPECS", "specs_for", "spec_for", "UNIQUE_SUFFIX_LENGTH", "NAME_ATTRIBUTES",
    "UNIQUE_NAMES", "NAME_SCOPES",
]

UNIQUE_SUFFIX_LENGTH = 26  # what the provider appends to a name_prefix


@dataclass(frozen=True)
class Affix:
    """A prefix or suffix AWS reserves, and why, in words for a message."""

    text: str  # "sg-", "xn--", "-s3alias"
    reason: str  # "which AWS reserves for security group IDs"
    other_case: str | None = None  # why the same text in another case is a risk (a warning); None: not reported


@dataclass(frozen=True)
class NameSpec:
    """The rules for one name attribute of some resource types."""

    resource_types: tuple[str, ...]  # the resources that share these rules
    attribute: str  # "name", "name_prefix", "cluster_id", ...
    max_len: int  # the longest name accepted
    chars: str | None  # a regex character class body every character must match, None = any
    chars_text: str = ""  # the same in words, for messages
    min_len: int = 1  # the shortest name accepted
    first: str | None = None  # a regex the first character must match
    first_text: str = ""  # the same in words
    no_leading_hyphen: bool = False
    no_trailing_hyphen: bool = False
    no_double_hyphen: bool = False
    reserved_prefixes: tuple[Affix, ...] = ()  # "internal-" for load balancers, "sg-", "xn--"
    reserved_suffixes: tuple[Affix, ...] = ()  # "-s3alias" for buckets (never on a *_prefix row)
    required_prefix: str | None = None  # "alias/" for KMS aliases
    is_prefix: bool = False  # a *_prefix attribute: the provider appends a unique suffix
    fifo_attribute: str | None = None  # "fifo_queue": when true the name ends with ".fifo"
    skip_if_contains: str | None = None  # ":" for a Lambda function given as an ARN
    enforced: str = "plan"  # "plan" or "apply": where a bad name is rejected
    # The provider checks the row with a ValidateFunc, which `terraform validate` runs on every
    # resource block, even one with count = 0 (hashicorp/terraform#36776); a check at plan in a
    # CustomizeDiff (SQS, SNS) runs per instance only. Only rows whose validation function the
    # module docstring names are marked.
    checked_by_validate: bool = False
    forbidden: tuple[tuple[str, str], ...] = ()  # (regex, words): patterns the name must not match
    source: str = ""  # where the limit is documented (the module docstring lists the provider files)

    def limit(self, fifo: bool = False) -> int:
        """The longest value accepted (for a FIFO prefix, room is left for ".fifo")."""
        if fifo and self.is_prefix:
            return self.max_len - len(".fifo")
        return self.max_len

    @property
    def lowercase_only(self) -> bool:
        return self.chars is not None and "a-z" in self.chars and "A-Z" not in self.chars

    def bad_characters(self, text: str) -> list[str]:
        """The distinct characters of ``text`` that are not allowed, in order of appearance."""
        if self.chars is None:
            return []
        allowed = re.compile(f"[{self.chars}]")
        return list(dict.fromkeys(c for c in text if not allowed.fullmatch(c)))


def _pair(types: tuple[str, ...], name: str, prefix: str | None, max_len: int, **rules) -> list[NameSpec]:
    """A name row and, when the resource has one, its prefix row (26 shorter, no trailing rule)."""
    rows = [NameSpec(types, name, max_len, **rules)]
    if prefix is not None:
        prefix_rules = dict(rules)
        prefix_rules.pop("no_trailing_hyphen", None)
        prefix_rules.pop("min_len", None)
        prefix_rules.pop("reserved_suffixes", None)  # the provider's unique suffix ends the name
        prefix_rules["forbidden"] = tuple(f for f in rules.get("forbidden", ()) if not f[0].endswith("$"))
        rows.append(NameSpec(types, prefix, max_len - UNIQUE_SUFFIX_LENGTH, is_prefix=True, **prefix_rules))
    return rows


_ELB = dict(
    chars="0-9A-Za-z-", chars_text="letters, digits and hyphens",
    no_leading_hyphen=True, no_trailing_hyphen=True,
)
_IAM = dict(chars=r"\w+=,.@-", chars_text="letters, digits and + = , . @ _ -")
_RDS = dict(
    chars="0-9a-z-", chars_text="lowercase letters, digits and hyphens",
    first="[a-z]", first_text="a letter",
    no_trailing_hyphen=True, no_double_hyphen=True,
)

NAME_SPECS: list[NameSpec] = [
    *_pair(("aws_lb_target_group", "aws_alb_target_group"), "name", "name_prefix", 32, checked_by_validate=True, **_ELB),
    *_pair(
        ("aws_lb", "aws_alb"), "name", "name_prefix", 32, checked_by_validate=True,
        reserved_prefixes=(Affix("internal-", "which the provider rejects for load balancer names"),), **_ELB,
    ),
    *_pair(("aws_elb",), "name", "name_prefix", 32, **_ELB),
    *_pair(
        ("aws_iam_role",), "name", "name_prefix", 64, source="IAM quotas: role name 64", checked_by_validate=True,
        **_IAM,
    ),
    NameSpec(("aws_iam_user",), "name", 64, source="IAM quotas: user name 64", **_IAM),
    *_pair(("aws_iam_policy", "aws_iam_instance_profile"), "name", "name_prefix", 128, **_IAM),
    NameSpec(
        ("aws_lambda_function",), "function_name", 64, "0-9A-Za-z_-", "letters, digits, hyphens and underscores",
        skip_if_contains=":", source="Lambda quotas: function name 64 (an ARN up to 140)",
    ),
    *_pair(
        ("aws_sqs_queue",), "name", "name_prefix", 80, chars="0-9A-Za-z_-",
        chars_text="letters, digits, hyphens and underscores", fifo_attribute="fifo_queue",
    ),
    *_pair(
        ("aws_sns_topic",), "name", "name_prefix", 256, chars="0-9A-Za-z_-",
        chars_text="letters, digits, hyphens and underscores", fifo_attribute="fifo_topic",
    ),
    *_pair(
        ("aws_s3_bucket",), "bucket", "bucket_prefix", 63, chars="0-9a-z.-",
        chars_text="lowercase letters, digits, dots and hyphens", min_len=3,
        first="[0-9a-z]", first_text="a lowercase letter or digit",
        reserved_prefixes=tuple(Affix(p, "a prefix S3 reserves") for p in ("xn--", "sthree-", "amzn-s3-demo-")),
        reserved_suffixes=tuple(
            Affix(s, "a suffix S3 reserves for access points and other bucket types")
            for s in ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
        ),
        enforced="apply",
        forbidden=(
            (r"\.\.", 'contains ".."'),
            (r"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$", "is formatted as an IP address"),
            (r"[.-]$", "does not end with a lowercase letter or digit"),
        ),
        source="Amazon S3 user guide, General purpose bucket naming rules",
    ),
    NameSpec(("aws_elasticache_cluster",), "cluster_id", 50, **_RDS),
    NameSpec(
        ("aws_elasticache_replication_group",), "replication_group_id", 40, enforced="apply",
        source="ElastiCache API reference, CreateReplicationGroup ReplicationGroupId: 1-40", **_RDS,
    ),
    *_pair(("aws_db_instance",), "identifier", "identifier_prefix", 63, enforced="apply", **_RDS),
    *_pair(("aws_rds_cluster",), "cluster_identifier", "cluster_identifier_prefix", 63, enforced="apply", **_RDS),
    *_pair(
        ("aws_db_subnet_group",), "name", "name_prefix", 255, chars="0-9a-z_ .-",
        chars_text="lowercase letters, digits, spaces and _ . -", checked_by_validate=True,
    ),
    NameSpec(("aws_ecs_cluster",), "name", 255, "0-9A-Za-z_-", "letters, digits, hyphens and underscores"),
    NameSpec(
        ("aws_ecs_service",), "name", 255, "0-9A-Za-z_-", "letters, digits, hyphens and underscores",
        enforced="apply", source="ECS API reference, CreateService serviceName: up to 255 letters, numbers, _ and -",
    ),
    *_pair(
        ("aws_sfn_state_machine",), "name", "name_prefix", 80, chars=None, enforced="apply",
        source="Step Functions API reference, CreateStateMachine name: length 1-80",
    ),
    *_pair(
        ("aws_cloudwatch_event_rule",), "name", "name_prefix", 64, chars="0-9A-Za-z_.-",
        chars_text="letters, digits and _ . -",
        source="EventBridge API reference, PutRule Name: length 1-64, pattern [\\.\\-_A-Za-z0-9]+",
    ),
    NameSpec(
        ("aws_kinesis_stream",), "name", 128, "0-9A-Za-z_.-", "letters, digits and _ . -", enforced="apply",
        source="Kinesis Data Streams API reference, CreateStream StreamName: length 1-128, [a-zA-Z0-9_.-]+",
    ),
    NameSpec(
        ("aws_cognito_user_pool",), "name", 128, r"\w\s+=,.@-", "letters, digits, spaces and + = , . @ _ -",
        enforced="apply", source="Cognito API reference, CreateUserPool PoolName: length 1-128, [\\w\\s+=,.@-]+",
    ),
    *[
        NameSpec(
            (waf,), "name", 128, r"\w-", "letters, digits, hyphens and underscores", enforced="apply",
            source="AWS WAFV2 API reference, CreateWebACL / CreateIPSet / CreateRuleGroup / CreateRegexPatternSet Name: length 1-128, ^[\\w\\-]+$",
        )
        for waf in ("aws_wafv2_web_acl", "aws_wafv2_ip_set", "aws_wafv2_rule_group", "aws_wafv2_regex_pattern_set")
    ],
    NameSpec(
        ("aws_glue_job",), "name", 255, None, enforced="apply",
        source="AWS Glue API reference, CreateJob Name: length 1-255",
    ),
    NameSpec(
        ("aws_sagemaker_model", "aws_sagemaker_endpoint", "aws_sagemaker_endpoint_configuration",
         "aws_sagemaker_notebook_instance"),
        "name", 63, "0-9A-Za-z-", "letters, digits and hyphens", no_leading_hyphen=True,
        no_trailing_hyphen=True, enforced="apply",
        source="SageMaker API reference, CreateModel ModelName / CreateEndpoint EndpointName: up to 63, ^[a-zA-Z0-9](-*[a-zA-Z0-9])*",
    ),
    *_pair(
        ("aws_cloudwatch_log_group",), "name", "name_prefix", 512, chars="0-9A-Za-z_./#-",
        chars_text="letters, digits and _ . / # -", checked_by_validate=True,
    ),
    NameSpec(
        ("aws_ecr_repository",), "name", 256, "0-9a-z._/-", "lowercase letters, digits and . _ / -",
        min_len=2, enforced="apply",
    ),
    *_pair(
        ("aws_launch_template",), "name", "name_prefix", 125, chars="0-9A-Za-z()./_-",
        chars_text="letters, digits and ( ) . / _ -", min_len=3,
    ),
    *_pair(
        ("aws_secretsmanager_secret",), "name", "name_prefix", 512, chars="0-9A-Za-z/_+=.@-",
        chars_text="letters, digits and / _ + = . @ -",
    ),
    NameSpec(
        ("aws_dynamodb_table",), "name", 255, "0-9A-Za-z_.-", "letters, digits and _ . -",
        min_len=3, enforced="apply",
    ),
    NameSpec(
        ("aws_eks_cluster",), "name", 100, "0-9A-Za-z_-", "letters, digits, hyphens and underscores",
        first="[0-9A-Za-z]", first_text="a letter or digit", checked_by_validate=True,
    ),
    NameSpec(
        ("aws_codebuild_project",), "name", 255, "0-9A-Za-z_-", "letters, digits, hyphens and underscores",
        min_len=2, first="[0-9A-Za-z]", first_text="a letter or digit", enforced="apply",
    ),
    *_pair(
        ("aws_kms_alias",), "name", "name_prefix", 256, chars="0-9A-Za-z:/_-", chars_text="letters, digits and : / _ -",
        required_prefix="alias/", checked_by_validate=True,
        reserved_prefixes=(Affix("alias/aws/", "which is reserved for AWS managed keys"),),
    ),
    *_pair(
        ("aws_security_group",), "name", "name_prefix", 255, chars=None, checked_by_validate=True,
        reserved_prefixes=(Affix(
            "sg-", "which AWS reserves for security group IDs",
            other_case='EC2 compares names case-insensitively and reserves "sg-", so it may be refused when the group is created',
        ),),
    ),
]

_BY_TYPE: dict[str, list[NameSpec]] = {}
for _spec in NAME_SPECS:
    for _type in _spec.resource_types:
        _BY_TYPE.setdefault(_type, []).append(_spec)


def specs_for(resource_type: str) -> list[NameSpec]:
    """The name rules of a resource type (empty when tffix knows none)."""
    return _BY_TYPE.get(resource_type, [])


def spec_for(resource_type: str, attribute: str) -> NameSpec | None:
    """The row of one attribute of a resource type, if tffix knows it."""
    return next((s for s in specs_for(resource_type) if s.attribute == attribute), None)


# ---- uniqueness (AWS006) -------------------------------------------------------------------

# How AWS tells two names of a resource type apart, when not exactly in the whole account and
# region: (the attribute whose value partitions names, whether case is ignored). EC2
# CreateSecurityGroup GroupName: "Names are case-insensitive and must be unique within the
# VPC." A renaming fix (fixer.names.renames.checked_rename) compares new names this way.
NAME_SCOPES: dict[str, tuple[str | None, bool]] = {
    "aws_security_group": ("vpc_id", True),
}

# Attributes that hold a resource's name (AWS006 learns from them how a module builds its names).
NAME_ATTRIBUTES = (
    "name", "name_prefix", "bucket", "bucket_prefix", "function_name", "identifier",
    "identifier_prefix", "cluster_identifier", "cluster_identifier_prefix", "cluster_id",
    "replication_group_id", "alarm_name", "family", "domain_name", "table_name",
)

# Resources whose name must be unique in a scope that two environments deployed from one
# module usually share (the account, the account and region, or the partition), with the
# attribute and the scope in words. A name unique only inside its parent (a listener rule,
# a scaling policy, a tag) cannot collide across environments. Sources: the provider's
# resource documentation (``name`` forces a new resource), IAM user guide "IAM object
# quotas" (names unique in the account), EC2 CreateSecurityGroup (unique per VPC), S3
# bucket naming rules (unique across all of AWS).
UNIQUE_NAMES: dict[str, tuple[str, str]] = {
    "aws_service_discovery_private_dns_namespace": ("name", "deployments in one account and region would get namespaces of the same name"),
    "aws_service_discovery_http_namespace": ("name", "deployments in one account and region would get namespaces of the same name"),
    "aws_iam_role": ("name", "IAM role names are unique in the account"),
    "aws_iam_policy": ("name", "IAM policy names are unique in the account"),
    "aws_iam_instance_profile": ("name", "instance profile names are unique in the account"),
    "aws_iam_user": ("name", "IAM user names are unique in the account"),
    "aws_iam_group": ("name", "IAM group names are unique in the account"),
    "aws_security_group": ("name", "security group names are unique in the VPC"),
    "aws_lb": ("name", "load balancer names are unique in the account and region"),
    "aws_alb": ("name", "load balancer names are unique in the account and region"),
    "aws_lb_target_group": ("name", "target group names are unique in the account and region"),
    "aws_alb_target_group": ("name", "target group names are unique in the account and region"),
    "aws_cloudwatch_log_group": ("name", "log group names are unique in the account and region"),
    "aws_s3_bucket": ("bucket", "bucket names are unique across all of AWS"),
    "aws_ecs_cluster": ("name", "ECS cluster names are unique in the account and region"),
    "aws_ecr_repository": ("name", "ECR repository names are unique in the account and region"),
    "aws_sqs_queue": ("name", "queue names are unique in the account and region"),
    "aws_sns_topic": ("name", "topic names are unique in the account and region"),
    "aws_lambda_function": ("function_name", "function names are unique in the account and region"),
    "aws_dynamodb_table": ("name", "table names are unique in the account and region"),
    "aws_kms_alias": ("name", "alias names are unique in the account and region"),
    "aws_secretsmanager_secret": ("name", "secret names are unique in the account and region"),
    "aws_ssm_parameter": ("name", "parameter names are unique in the account and region"),
    "aws_db_instance": ("identifier", "DB instance identifiers are unique in the account and region"),
    "aws_rds_cluster": ("cluster_identifier", "DB cluster identifiers are unique in the account and region"),
    "aws_db_subnet_group": ("name", "DB subnet group names are unique in the account and region"),
    "aws_elasticache_cluster": ("cluster_id", "cache cluster IDs are unique in the account and region"),
    "aws_elasticache_replication_group": ("replication_group_id", "replication group IDs are unique in the account and region"),
    "aws_elasticache_subnet_group": ("name", "cache subnet group names are unique in the account and region"),
    "aws_launch_template": ("name", "launch template names are unique in the account and region"),
    "aws_autoscaling_group": ("name", "Auto Scaling group names are unique in the account and region"),
    "aws_eks_cluster": ("name", "EKS cluster names are unique in the account and region"),
    "aws_codebuild_project": ("name", "CodeBuild project names are unique in the account and region"),
    "aws_cloudwatch_event_rule": ("name", "rule names are unique on their event bus"),
    "aws_cloudwatch_metric_alarm": ("alarm_name", "alarm names are unique in the account and region"),
    "aws_sfn_state_machine": ("name", "state machine names are unique in the account and region"),
    "aws_appmesh_mesh": ("name", "mesh names are unique in the account and region"),
    "aws_cognito_user_pool_domain": ("domain", "Cognito domain prefixes are unique in the region"),
}
