"""What the provider's upgrade guides say about arguments: renames and deprecations.

The bundled schemas say *that* an argument is gone (it is in the previous major's schema and
not in this one); these tables add *what to use instead*, and the deprecations the schemas
do not carry (the CDK for Terraform bindings drop ``deprecated``). Every entry cites its
guide:

- V4: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade
  (terraform-provider-aws ``website/docs/guides/version-4-upgrade.html.markdown``)
- V5: .../guides/version-5-upgrade (``version-5-upgrade.html.md``)
- V6: .../guides/version-6-upgrade (``version-6-upgrade.html.markdown``)

Deprecations also cite the provider's CHANGELOG for the release that deprecated the argument
(``CHANGELOG_4_66``, ``CHANGELOG_5_0``, ``CHANGELOG_5_68``, ``CHANGELOG_5_72``) or its Go schema (``Deprecated:`` in
``internal/service/<service>/<resource>.go``) in the last 4.x releases. An entry lists the
bundled majors (4.67 / 5.100 / 6.25) whose schema has the argument and whose provider warns
about it; where it was deprecated inside a major, ``since`` names the release.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Rename", "Deprecation", "RENAMES", "DEPRECATIONS", "rename_for", "deprecation_for"]

V4 = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade"
V5 = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade"
V6 = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade"
# The CHANGELOG as released with the tag: 5.0.0's "NOTES" / "ENHANCEMENTS" name the arguments
# that release deprecated, 4.66.0's "NOTES" the aws_instance CPU arguments.
CHANGELOG_5_0 = "https://github.com/hashicorp/terraform-provider-aws/blob/v5.0.0/CHANGELOG.md"
CHANGELOG_4_66 = "https://github.com/hashicorp/terraform-provider-aws/blob/v4.66.0/CHANGELOG.md"
CHANGELOG_5_68 = "https://github.com/hashicorp/terraform-provider-aws/blob/v5.68.0/CHANGELOG.md"
CHANGELOG_5_72 = "https://github.com/hashicorp/terraform-provider-aws/blob/v5.72.0/CHANGELOG.md"
GO_4X = "https://github.com/hashicorp/terraform-provider-aws/blob/v4.67.0/internal/service/"


@dataclass(frozen=True)
class Rename:
    """``old`` (at ``path`` inside a ``kind`` of ``type_name``) is ``new`` from provider ``major``.0.

    ``same_value``: the new argument takes the old one's value unchanged, so renaming the
    name alone is the whole fix (the guide says "rename" / "use X instead" of an argument
    of the same type and meaning).
    """

    kind: str  # "resource" or "data"
    type_name: str
    path: tuple[str, ...]  # nested block names leading to the argument; () at the top
    old: str
    new: str
    major: int  # the first major version without ``old``
    same_value: bool
    source: str


@dataclass(frozen=True)
class Deprecation:
    """``name`` is deprecated in the given majors (terraform validate warns)."""

    kind: str
    type_name: str
    path: tuple[str, ...]
    name: str
    majors: tuple[int, ...]
    message: str
    source: str
    # The release that deprecated it, when inside one of ``majors``: a module whose release in
    # use is older (an exact pin or lock file, or a constraint's ceiling) gets no warning.
    since: tuple[int, int, int] | None = None


RENAMES: tuple[Rename, ...] = (
    # V5 "resource/aws_elasticache_replication_group": "Remove availability_zones,
    # number_cache_clusters, replication_group_description ... Use preferred_cache_cluster_azs,
    # num_cache_clusters, and description, respectively, instead."
    Rename("resource", "aws_elasticache_replication_group", (), "replication_group_description", "description", 5, True, V5),
    Rename("resource", "aws_elasticache_replication_group", (), "number_cache_clusters", "num_cache_clusters", 5, True, V5),
    # availability_zones was a set, preferred_cache_cluster_azs is an ordered list whose first
    # element is the primary's zone: same value, but the order now matters.
    Rename("resource", "aws_elasticache_replication_group", (), "availability_zones", "preferred_cache_cluster_azs", 5, False, V5),
    # V5 "resource/aws_db_instance": "Change name to db_name in configurations as name no
    # longer exists."
    Rename("resource", "aws_db_instance", (), "name", "db_name", 5, True, V5),
    # V5 "resource/aws_autoscaling_attachment": "Change alb_target_group_arn, which no longer
    # exists, to lb_target_group_arn in configurations."
    Rename("resource", "aws_autoscaling_attachment", (), "alb_target_group_arn", "lb_target_group_arn", 5, True, V5),
    # V5 "resource/aws_medialive_multiplex_program": "Change statemux_settings, which no longer
    # exists, to statmux_settings in configurations."
    Rename("resource", "aws_medialive_multiplex_program", ("multiplex_program_settings", "video_settings"),
           "statemux_settings", "statmux_settings", 5, True, V5),
    # V5 "resource/aws_kinesis_firehose_delivery_stream": "Rename ... buffer_size and
    # buffer_interval to ... buffering_size and buffering_interval, respectively."
    *(
        Rename("resource", "aws_kinesis_firehose_delivery_stream", path, old, "buffering_" + old[len("buffer_"):], 5, True, V5)
        for path in (
            ("extended_s3_configuration", "s3_backup_configuration"),
            ("redshift_configuration", "s3_backup_configuration"),
        )
        for old in ("buffer_size", "buffer_interval")
    ),
    # V6 "resource/aws_batch_compute_environment": "compute_environment_name has been renamed
    # to name. compute_environment_name_prefix has been renamed to name_prefix."
    Rename("resource", "aws_batch_compute_environment", (), "compute_environment_name", "name", 6, True, V6),
    Rename("resource", "aws_batch_compute_environment", (), "compute_environment_name_prefix", "name_prefix", 6, True, V6),
    # V6 "data-source/aws_batch_compute_environment": "compute_environment_name has been
    # renamed to name."
    Rename("data", "aws_batch_compute_environment", (), "compute_environment_name", "name", 6, True, V6),
)

_S3_SPLIT = {
    "acceleration_status": "aws_s3_bucket_accelerate_configuration",
    "acl": "aws_s3_bucket_acl",
    "cors_rule": "aws_s3_bucket_cors_configuration",
    "grant": "aws_s3_bucket_acl",
    "lifecycle_rule": "aws_s3_bucket_lifecycle_configuration",
    "logging": "aws_s3_bucket_logging",
    "policy": "aws_s3_bucket_policy",
    "replication_configuration": "aws_s3_bucket_replication_configuration",
    "request_payer": "aws_s3_bucket_request_payment_configuration",
    "server_side_encryption_configuration": "aws_s3_bucket_server_side_encryption_configuration",
    "versioning": "aws_s3_bucket_versioning",
    "website": "aws_s3_bucket_website_configuration",
}

DEPRECATIONS: tuple[Deprecation, ...] = (
    # V4 "S3 Bucket Refactor": since 4.9.0 the inline arguments are optional again but
    # deprecated in favour of the standalone resources (4.0-4.8 made them read-only); the
    # 5.x and 6.x resource docs still list them as "(Optional, Deprecated)".
    *(
        Deprecation("resource", "aws_s3_bucket", (), name, (4, 5, 6),
                    f"Use the {resource} resource instead", V4)
        for name, resource in _S3_SPLIT.items()
    ),
    # Removed in 5.0 with a replacement (V5, whose introduction says the changes it lists were
    # "marked as deprecated in the Terraform plan/apply output throughout previous provider
    # releases"): so deprecated in the last 4.x, which is the bundled 4 schema.
    Deprecation("resource", "aws_db_instance", (), "name", (4,), "Use db_name instead", V5),
    Deprecation("resource", "aws_elasticache_replication_group", (), "replication_group_description", (4,),
                "Use description instead", V5),
    Deprecation("resource", "aws_elasticache_replication_group", (), "number_cache_clusters", (4,),
                "Use num_cache_clusters instead", V5),
    Deprecation("resource", "aws_elasticache_replication_group", (), "availability_zones", (4,),
                "Use preferred_cache_cluster_azs instead", V5),
    Deprecation("resource", "aws_elasticache_replication_group", (), "cluster_mode", (4,),
                "Use num_node_groups and replicas_per_node_group instead", V5),
    # EC2-Classic retirement (V5 "EC2-Classic Retirement": removed in 5.0). The 4.x Go schemas
    # mark each `Deprecated: "With the retirement of EC2-Classic the <name> attribute has been
    # deprecated and will be removed in a future version."` (ec2/vpc.go, ec2/default_vpc.go,
    # rds/instance.go).
    *(
        Deprecation("resource", type_name, (), name, (4,),
                    "EC2-Classic is retired; the provider removes it in 5.0", GO_4X + go_file)
        for type_name, go_file in (("aws_vpc", "ec2/vpc.go"), ("aws_default_vpc", "ec2/default_vpc.go"))
        for name in ("enable_classiclink", "enable_classiclink_dns_support")
    ),
    Deprecation("resource", "aws_db_instance", (), "security_group_names", (4,),
                "EC2-Classic is retired; use vpc_security_group_ids", GO_4X + "rds/instance.go"),
    # CHANGELOG 5.0.0 "resource/aws_autoscaling_group: Remove deprecated `tags` attribute"
    # (#30842); V5: "Use the tag attribute instead".
    Deprecation("resource", "aws_autoscaling_group", (), "tags", (4,), "Use tag blocks instead", CHANGELOG_5_0),
    # CHANGELOG 4.66.0 NOTES (#31035): cpu_core_count and cpu_threads_per_core "deprecated in
    # favor of the cpu_options block"; V6 "Resource aws_instance": removed in 6.0.
    Deprecation("resource", "aws_instance", (), "cpu_core_count", (4, 5),
                "Use cpu_options { core_count } instead", CHANGELOG_4_66, since=(4, 66, 0)),
    Deprecation("resource", "aws_instance", (), "cpu_threads_per_core", (4, 5),
                "Use cpu_options { threads_per_core } instead", CHANGELOG_4_66, since=(4, 66, 0)),
    # Deprecated by 5.0.0 (CHANGELOG 5.0.0: aws_eip "Deprecate `vpc` attribute. Use `domain`
    # instead" #31567; NOTES: aws_flow_log #31382, aws_ssm_association #31380,
    # aws_dx_gateway_association #31384, aws_guardduty_organization_configuration #30736) and
    # removed by 6.0 (V6, whose prerequisite is a latest-5.x plan without deprecation warnings
    # for the changes it lists).
    Deprecation("resource", "aws_eip", (), "vpc", (5,), 'Use domain = "vpc" instead', CHANGELOG_5_0),
    Deprecation("resource", "aws_flow_log", (), "log_group_name", (5,), "Use log_destination instead", CHANGELOG_5_0),
    Deprecation("resource", "aws_ssm_association", (), "instance_id", (5,), "Use targets instead", CHANGELOG_5_0),
    Deprecation("resource", "aws_dx_gateway_association", (), "vpn_gateway_id", (5,),
                "Use associated_gateway_id instead", CHANGELOG_5_0),
    Deprecation("resource", "aws_guardduty_organization_configuration", (), "auto_enable", (5,),
                "Use auto_enable_organization_members instead", CHANGELOG_5_0),
    # Removed by 6.0, so deprecated in the latest 5.x (V6 prerequisite above); the release in
    # 5.x that deprecated each is not recorded here.
    # V6 "Resource aws_launch_template": Elastic Graphics (end of life January 2024) and
    # Elastic Inference (April 2024).
    Deprecation("resource", "aws_launch_template", (), "elastic_gpu_specifications", (5,),
                "Amazon Elastic Graphics reached end of life; the provider removes it in 6.0", V6),
    Deprecation("resource", "aws_launch_template", (), "elastic_inference_accelerator", (5,),
                "Amazon Elastic Inference reached end of life; the provider removes it in 6.0", V6),
    # V6 "Resource aws_ecs_task_definition".
    Deprecation("resource", "aws_ecs_task_definition", (), "inference_accelerator", (5,),
                "Amazon Elastic Inference reached end of life; the provider removes it in 6.0", V6),
    # V6 "Resource aws_api_gateway_deployment": use the aws_api_gateway_stage resource.
    *(
        Deprecation("resource", "aws_api_gateway_deployment", (), name, (5,),
                    "Use the aws_api_gateway_stage resource instead", V6)
        for name in ("stage_name", "stage_description", "canary_settings")
    ),
    # V6 "Resource aws_redshift_cluster".
    Deprecation("resource", "aws_redshift_cluster", (), "snapshot_copy", (5,),
                "Use the aws_redshift_snapshot_copy resource instead", V6),
    Deprecation("resource", "aws_redshift_cluster", (), "logging", (5,),
                "Use the aws_redshift_logging resource instead", V6),
    # V6 "Resource aws_spot_instance_request", "Resource aws_eks_addon", "Resource
    # aws_batch_job_queue".
    Deprecation("resource", "aws_spot_instance_request", (), "block_duration_minutes", (5,),
                "The provider removes it in 6.0", V6),
    Deprecation("resource", "aws_eks_addon", (), "resolve_conflicts", (5,),
                "Use resolve_conflicts_on_create and resolve_conflicts_on_update instead", V6),
    Deprecation("resource", "aws_batch_job_queue", (), "compute_environments", (5,),
                "Use compute_environment_order blocks instead", V6),
    # CHANGELOG 5.68.0 NOTES (#39203): "The `inline_policy` argument is deprecated. Use the
    # `aws_iam_role_policy` resource instead"; 5.72.0 NOTES (#39718): "The `managed_policy_arns`
    # argument is deprecated". Both still carry `Deprecated:` in the 6.x Go schema
    # (internal/service/iam/role.go).
    Deprecation("resource", "aws_iam_role", (), "inline_policy", (5, 6),
                "Use the aws_iam_role_policy resource instead", CHANGELOG_5_68, since=(5, 68, 0)),
    Deprecation("resource", "aws_iam_role", (), "managed_policy_arns", (5, 6),
                "Use the aws_iam_role_policy_attachment resource instead", CHANGELOG_5_72, since=(5, 72, 0)),
    # Deprecated in 6.0 and still accepted (V6 "Resource aws_guardduty_detector": "`datasources`
    # is deprecated. Use the aws_guardduty_detector_feature resource instead"; "Resource
    # aws_guardduty_organization_configuration"; "Data Source aws_region": "`name` has been
    # deprecated. Use `region` instead").
    Deprecation("resource", "aws_guardduty_detector", (), "datasources", (6,),
                "Use the aws_guardduty_detector_feature resource instead", V6),
    Deprecation("resource", "aws_guardduty_organization_configuration", (), "datasources", (6,),
                "The provider deprecates it from 6.0", V6),
    Deprecation("data", "aws_region", (), "name", (6,), "Use region instead", V6),
)

_RENAMES = {(r.kind, r.type_name, r.path, r.old): r for r in RENAMES}
_DEPRECATIONS = {(d.kind, d.type_name, d.path, d.name): d for d in DEPRECATIONS}


def rename_for(kind: str, type_name: str, path: tuple[str, ...], name: str, major: int | None = None) -> Rename | None:
    """The rename of ``name`` the guides give, if it applies in provider ``major`` (any major
    when None: a deprecated name's replacement already exists before the removal)."""
    rename = _RENAMES.get((kind, type_name, path, name))
    return rename if rename is not None and (major is None or major >= rename.major) else None


def deprecation_for(kind: str, type_name: str, path: tuple[str, ...], name: str, major: int) -> Deprecation | None:
    deprecation = _DEPRECATIONS.get((kind, type_name, path, name))
    return deprecation if deprecation is not None and major in deprecation.majors else None
