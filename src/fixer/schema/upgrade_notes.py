"""What the provider's upgrade guides say about arguments: renames and deprecations.

The bundled schemas say *that* an argument is gone (it is in the previous major's schema and
not in this one); these tables add *what to use instead*, and the deprecations the schemas
do not carry (the CDK for Terraform bindings drop ``deprecated``). Every entry cites its
guide:

- V4: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade
  (terraform-provider-aws ``website/docs/guides/version-4-upgrade.html.markdown``)
- V5: .../guides/version-5-upgrade (``version-5-upgrade.html.md``)
- V6: .../guides/version-6-upgrade (``version-6-upgrade.html.markdown``)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Rename", "Deprecation", "RENAMES", "DEPRECATIONS", "rename_for", "deprecation_for"]

V4 = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade"
V5 = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade"
V6 = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade"


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
