"""The provider-schema validator: every kind of mismatch, and what it must never report."""

from __future__ import annotations

import pytest

from fixer import parse
from fixer.model.bounds import Size
from fixer.schema import load_schema
from fixer.schema.validate import MismatchKind as K
from fixer.schema.validate import validate_block


def check(text, major=6, count_items=None, lag=False, certain=True):
    """The (kind, dotted name) of each mismatch; only the certain ones unless ``certain=False``."""
    block = parse(text).body.blocks()[0]
    return [
        (m.kind, ".".join(m.path + (m.name,)))
        for m in validate_block(block, load_schema(major), count_items=count_items, schema_may_lag=lag)
        if m.certain or not certain
    ]


SEED_APPMESH = '''resource "aws_appmesh_virtual_node" "svc" {
  name      = "svc"
  mesh_name = "mesh"
  spec {
    backend {
      dynamic "virtual_service" {
        for_each = var.backends
        content {
          virtual_service_name = virtual_service.value
        }
      }
    }
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
    }
  }
}
'''


def test_seed_appmesh_dynamic_single_block_counts_when_evaluable():
    assert check(SEED_APPMESH, count_items=lambda expr, resource: 2) == [(K.TOO_MANY_BLOCKS, "spec.backend.virtual_service")]
    assert check(SEED_APPMESH, count_items=lambda expr, resource: 1) == []


def test_dynamic_with_unknown_for_each_is_never_certainly_too_many():
    assert check(SEED_APPMESH) == []
    # It may make too many: a mismatch marked uncertain (only AWS003 reports it, as a warning).
    assert check(SEED_APPMESH, certain=False) == [(K.TOO_MANY_BLOCKS, "spec.backend.virtual_service")]
    bounded = check(SEED_APPMESH, count_items=lambda expr, resource: Size(1, False), certain=False)
    assert bounded == []  # at most one element: never too many


def test_a_bound_above_the_limit_is_uncertain_an_exact_count_certain():
    block = parse(SEED_APPMESH).body.blocks()[0]
    [maybe] = validate_block(block, load_schema(6), count_items=lambda expr, resource: Size(3, False))
    assert maybe.kind == K.TOO_MANY_BLOCKS and not maybe.certain
    [sure] = validate_block(block, load_schema(6), count_items=lambda expr, resource: Size(2, True, "each.key = a"))
    assert sure.certain and [s for _d, s in sure.sizes] == [Size(2, True, "each.key = a")]
    assert [b.type for b in sure.trail] == ["resource", "spec", "backend"]


def test_two_literal_single_blocks():
    text = SEED_APPMESH.replace(
        '      dynamic "virtual_service" {\n        for_each = var.backends\n        content {\n'
        '          virtual_service_name = virtual_service.value\n        }\n      }\n',
        '      virtual_service {\n        virtual_service_name = "a"\n      }\n'
        '      virtual_service {\n        virtual_service_name = "b"\n      }\n',
    )
    assert check(text) == [(K.TOO_MANY_BLOCKS, "spec.backend.virtual_service")]


def test_repeated_backend_is_fine():
    text = SEED_APPMESH.replace("    backend {\n", '    backend {\n      virtual_service {\n        virtual_service_name = "x"\n      }\n    }\n    backend {\n', 1)
    assert check(text) == []


SEED_ECS = '''resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = "td"
  deployment_configuration {
    maximum_percent         = 200
    minimum_healthy_percent = 100
  }
}
'''


@pytest.mark.parametrize("major", [3, 4, 5])
def test_seed_ecs_block_unsupported_before_6(major):
    assert check(SEED_ECS, major) == [(K.UNSUPPORTED_BLOCK, "deployment_configuration")]


def test_seed_ecs_percentages_unsupported_inside_the_6_block():
    assert check(SEED_ECS, 6) == [
        (K.UNSUPPORTED_ARGUMENT, "deployment_configuration.maximum_percent"),
        (K.UNSUPPORTED_ARGUMENT, "deployment_configuration.minimum_healthy_percent"),
    ]


REDIS = '''resource "aws_elasticache_replication_group" "r" {
  replication_group_id          = "r"
  replication_group_description = "redis"
  number_cache_clusters         = 2
}
'''


def test_removed_in_5_with_renames():
    block = parse(REDIS).body.blocks()[0]
    found = validate_block(block, load_schema(5))
    assert [(m.kind, m.name, m.rename.new, m.removed_in) for m in found if m.rename] == [
        (K.REMOVED_ARGUMENT, "replication_group_description", "description", 5),
        (K.REMOVED_ARGUMENT, "number_cache_clusters", "num_cache_clusters", 5),
    ]
    assert (K.MISSING_ARGUMENT, "description") in [(m.kind, m.name) for m in found]
    assert "removed in AWS provider 5.0" in found[0].message and "version-5-upgrade" in found[0].message


def test_deprecated_in_4_and_fine_in_3():
    assert check(REDIS, 4) == [
        (K.DEPRECATED_ARGUMENT, "replication_group_description"),
        (K.DEPRECATED_ARGUMENT, "number_cache_clusters"),
    ]
    assert check(REDIS, 3) == []


def test_db_instance_name_removed_in_5_from_6_too():
    text = 'resource "aws_db_instance" "db" {\n  instance_class = "db.t3.micro"\n  name = "app"\n}\n'
    assert check(text, 6) == [(K.REMOVED_ARGUMENT, "name")]
    assert check(text, 4) == [(K.DEPRECATED_ARGUMENT, "name")]


def test_nested_rename_path():
    text = '''resource "aws_kinesis_firehose_delivery_stream" "s" {
  name        = "s"
  destination = "extended_s3"
  extended_s3_configuration {
    role_arn   = "r"
    bucket_arn = "b"
    s3_backup_configuration {
      role_arn    = "r"
      bucket_arn  = "b"
      buffer_size = 5
    }
  }
}
'''
    block = parse(text).body.blocks()[0]
    found = validate_block(block, load_schema(5))
    assert [(m.kind, m.path, m.name, m.rename.new if m.rename else None) for m in found] == [
        (K.REMOVED_ARGUMENT, ("extended_s3_configuration", "s3_backup_configuration"), "buffer_size", "buffering_size")
    ]


def test_block_written_as_argument_and_the_reverse():
    text = '''resource "aws_cloudfront_distribution" "d" {
  logging_config = {
    bucket = "b"
  }
  tags {
    Name = "x"
  }
}
'''
    found = check(text)
    assert (K.BLOCK_AS_ARGUMENT, "logging_config") in found
    assert (K.ARGUMENT_AS_BLOCK, "tags") in found


def test_attribute_of_object_type_in_block_form_is_accepted():
    text = '''resource "aws_security_group" "sg" {
  name = "web"
  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
  }
  dynamic "egress" {
    for_each = var.egress
    content {
      from_port = egress.value
    }
  }
}
'''
    assert check(text) == []
    assert check(text.replace("ingress {", "ingress = [{").replace("  }\n  dynamic", "  }]\n  dynamic", 1)) == []


def test_meta_arguments_never_reported():
    text = '''resource "aws_sqs_queue" "q" {
  count      = 2
  for_each   = toset([])
  provider   = aws.east
  depends_on = [aws_sqs_queue.other]
  name       = "q"
  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags]
  }
  provisioner "local-exec" {
    command = "echo"
  }
  connection {
    host = "x"
  }
  id = "ignored"
}
'''
    assert check(text) == []


def test_data_source_meta_and_unsupported():
    text = 'data "aws_region" "current" {\n  count = 1\n  current = true\n  lifecycle {\n    postcondition {\n      condition = true\n      error_message = "x"\n    }\n  }\n}\n'
    assert check(text) == [(K.UNSUPPORTED_ARGUMENT, "current")]


def test_unknown_types_are_not_checked():
    assert check('resource "aws_made_up_thing" "x" {\n  anything = 1\n}\n') == []
    assert check('resource "google_compute_instance" "x" {\n  anything = 1\n}\n') == []
    assert check('module "x" {\n  source = "./m"\n  anything = 1\n}\n') == []


def test_missing_required_argument_and_block():
    text = 'resource "aws_appmesh_virtual_node" "n" {\n  mesh_name = "m"\n  spec {\n    backend {\n    }\n  }\n}\n'
    assert check(text) == [(K.MISSING_BLOCK, "spec.backend.virtual_service"), (K.MISSING_ARGUMENT, "name")]
    dynamic = text.replace("    backend {\n    }\n", '    backend {\n      dynamic "virtual_service" {\n        for_each = []\n        content {\n          virtual_service_name = "x"\n        }\n      }\n    }\n')
    assert check(dynamic) == [(K.MISSING_ARGUMENT, "name")]


def test_read_only_argument():
    text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  bucket_domain_name = "x"\n}\n'
    assert check(text) == [(K.READ_ONLY_ARGUMENT, "bucket_domain_name")]


def test_deprecated_inline_s3_arguments_from_4():
    text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl = "private"\n  versioning {\n    enabled = true\n  }\n}\n'
    assert check(text, 3) == []
    assert check(text, 5) == [(K.DEPRECATED_ARGUMENT, "acl"), (K.DEPRECATED_ARGUMENT, "versioning")]


def test_schema_older_than_required_does_not_report_unknown_names():
    text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  bucket_namespace = "x"\n  brand_new {\n  }\n}\n'
    assert check(text) == [(K.UNSUPPORTED_ARGUMENT, "bucket_namespace"), (K.UNSUPPORTED_BLOCK, "brand_new")]
    assert check(text, lag=True) == []


def test_content_of_dynamic_is_checked():
    text = '''resource "aws_ecs_service" "s" {
  name = "s"
  dynamic "load_balancer" {
    for_each = var.lbs
    content {
      target_group_arn = load_balancer.value
      container_name   = "c"
      container_port   = 80
      bogus            = 1
    }
  }
}
'''
    assert check(text) == [(K.UNSUPPORTED_ARGUMENT, "load_balancer.bogus")]


def test_every_cited_deprecation_names_an_argument_of_each_major_it_lists():
    # An entry for a major whose schema lacks the name (or has it read-only) could never be
    # reported: the table and the bundled schemas would disagree.
    from fixer.schema.upgrade_notes import DEPRECATIONS

    for deprecation in DEPRECATIONS:
        for major in deprecation.majors:
            schema = load_schema(major)
            block = (schema.resource if deprecation.kind == "resource" else schema.data_source)(deprecation.type_name)
            assert block is not None, (deprecation, major)
            for name in deprecation.path:
                block = block.block_type(name).block
            attribute = block.attribute(deprecation.name)
            assert (attribute is not None and not attribute.computed_only) or block.block_type(deprecation.name), (
                deprecation, major)
        assert deprecation.source.startswith("https://"), deprecation


EIP = 'resource "aws_eip" "nat" {\n  vpc = true\n}\n'
INSTANCE_CPU = ('resource "aws_instance" "a" {\n  ami = "ami-1"\n  instance_type = "c5.xlarge"\n'
                '  cpu_core_count = 2\n  cpu_threads_per_core = 1\n}\n')


def test_eip_vpc_deprecated_in_5_only():
    # CHANGELOG 5.0.0 deprecates it; 6.0 removes it; 4.x accepts it silently.
    assert check(EIP, 3) == [] and check(EIP, 4) == []
    assert check(EIP, 5) == [(K.DEPRECATED_ARGUMENT, "vpc")]
    assert check(EIP, 6) == [(K.REMOVED_ARGUMENT, "vpc")]


def test_instance_cpu_arguments_deprecated_from_4_66_until_their_removal_in_6():
    deprecated = [(K.DEPRECATED_ARGUMENT, "cpu_core_count"), (K.DEPRECATED_ARGUMENT, "cpu_threads_per_core")]
    assert check(INSTANCE_CPU, 3) == []
    assert check(INSTANCE_CPU, 4) == deprecated and check(INSTANCE_CPU, 5) == deprecated
    assert check(INSTANCE_CPU, 6) == [(K.REMOVED_ARGUMENT, "cpu_core_count"), (K.REMOVED_ARGUMENT, "cpu_threads_per_core")]


def test_classiclink_deprecated_in_4_removed_in_5():
    text = 'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n  enable_classiclink_dns_support = false\n}\n'
    assert check(text, 3) == []
    assert check(text, 4) == [(K.DEPRECATED_ARGUMENT, "enable_classiclink_dns_support")]
    assert check(text, 5) == [(K.REMOVED_ARGUMENT, "enable_classiclink_dns_support")]


def test_deprecated_block_and_data_source_argument_in_6():
    detector = 'resource "aws_guardduty_detector" "d" {\n  datasources {\n    s3_logs {\n      enable = true\n    }\n  }\n}\n'
    assert check(detector, 5) == []
    assert check(detector, 6) == [(K.DEPRECATED_ARGUMENT, "datasources")]
    region = 'data "aws_region" "r" {\n  name = "eu-west-1"\n}\n'
    assert check(region, 5) == []
    assert check(region, 6) == [(K.DEPRECATED_ARGUMENT, "name")]


def test_deprecation_inside_a_major_needs_the_release_in_use_to_be_that_new():
    role = ('resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n'
            '  managed_policy_arns = []\n  inline_policy {\n    name = "p"\n  }\n}\n')
    block = parse(role).body.blocks()[0]

    def found(release):  # the release in use, as an exact pin would give it
        below = (lambda version: release < version) if release else None
        return [m.name for m in validate_block(block, load_schema(5), release_below=below)
                if m.kind == K.DEPRECATED_ARGUMENT]

    # 5.68.0 deprecates inline_policy, 5.72.0 managed_policy_arns (provider CHANGELOG).
    assert found((5, 10, 0)) == []
    assert found((5, 70, 0)) == ["inline_policy"]
    assert sorted(found((5, 72, 0))) == ["inline_policy", "managed_policy_arns"]
    assert sorted(found(None)) == ["inline_policy", "managed_policy_arns"]  # unpinned: the newest 5.x
    cpu = parse(INSTANCE_CPU).body.blocks()[0]
    below_4_66 = lambda version: (4, 65, 0) < version  # noqa: E731
    assert [m for m in validate_block(cpu, load_schema(4), release_below=below_4_66)
            if m.kind == K.DEPRECATED_ARGUMENT] == []
