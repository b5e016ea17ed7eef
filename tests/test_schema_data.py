"""The bundled AWS provider schemas: known facts per major version, and how they load."""

from __future__ import annotations

from importlib import resources

import pytest

from fixer.schema import AVAILABLE_MAJORS, load_schema


def _path(schema, type_name, *names, data=False):
    """The attribute or block type at ``names`` inside a resource (or data source)."""
    block = schema.data_source(type_name) if data else schema.resource(type_name)
    assert block is not None, type_name
    for name in names[:-1]:
        block_type = block.block_type(name)
        assert block_type is not None, name
        block = block_type.block
    return block.attribute(names[-1]) or block.block_type(names[-1])


def test_provider_versions_are_the_last_of_each_major():
    assert [load_schema(m).provider_version for m in AVAILABLE_MAJORS] == ["3.75.0", "4.67.0", "5.100.0", "6.25.0"]
    assert load_schema(5).source["package"] == "@cdktf/provider-aws@20.1.0"


def test_unknown_major_is_an_error():
    with pytest.raises(ValueError):
        load_schema(2)


def test_loaded_once_per_process():
    assert load_schema(6) is load_schema(6)


def test_data_is_small_and_ships_inside_the_package():
    data = resources.files("fixer.schema").joinpath("data")
    sizes = [data.joinpath(f"aws-{m}.json.gz").read_bytes().__len__() for m in AVAILABLE_MAJORS]
    assert sum(sizes) < 5_000_000
    assert all(size > 50_000 for size in sizes)


@pytest.mark.parametrize("major", [3, 4, 5])
def test_ecs_deployment_configuration_only_in_6(major):
    assert _path(load_schema(major), "aws_ecs_service", "deployment_configuration") is None


def test_ecs_deployment_configuration_in_6_is_single_without_percentages():
    block_type = _path(load_schema(6), "aws_ecs_service", "deployment_configuration")
    assert (block_type.nesting, block_type.max_items) == ("single", 1)
    assert block_type.block.attribute("strategy") is not None
    assert block_type.block.attribute("maximum_percent") is None
    assert load_schema(6).resource("aws_ecs_service").attribute("deployment_maximum_percent").optional


@pytest.mark.parametrize("major", AVAILABLE_MAJORS)
def test_appmesh_backend_repeats_and_its_virtual_service_does_not(major):
    backend = _path(load_schema(major), "aws_appmesh_virtual_node", "spec", "backend")
    assert (backend.nesting, backend.max_items) == ("set", None)
    virtual_service = backend.block.block_type("virtual_service")
    assert (virtual_service.nesting, virtual_service.min_items, virtual_service.max_items) == ("single", 1, 1)
    assert _path(load_schema(major), "aws_appmesh_virtual_node", "spec", "backends") is None


def test_appmesh_route_weighted_target_repeats():
    target = _path(load_schema(6), "aws_appmesh_route", "spec", "http_route", "action", "weighted_target")
    assert target.max_items is None and target.min_items == 1


@pytest.mark.parametrize("major, present", [(3, True), (4, True), (5, False), (6, False)])
def test_elasticache_replication_group_description(major, present):
    found = _path(load_schema(major), "aws_elasticache_replication_group", "replication_group_description")
    assert (found is not None) is present
    assert (_path(load_schema(major), "aws_elasticache_replication_group", "number_cache_clusters") is not None) is present


def test_elasticache_description_required_from_5():
    assert _path(load_schema(3), "aws_elasticache_replication_group", "replication_group_description").required
    assert _path(load_schema(4), "aws_elasticache_replication_group", "description").optional
    assert _path(load_schema(5), "aws_elasticache_replication_group", "description").required


@pytest.mark.parametrize("major, has_name, has_db_name", [(3, True, False), (4, True, True), (5, False, True), (6, False, True)])
def test_db_instance_name_becomes_db_name(major, has_name, has_db_name):
    assert (_path(load_schema(major), "aws_db_instance", "name") is not None) is has_name
    assert (_path(load_schema(major), "aws_db_instance", "db_name") is not None) is has_db_name


@pytest.mark.parametrize("major", AVAILABLE_MAJORS)
def test_s3_bucket_acl_is_an_optional_string_argument(major):
    acl = _path(load_schema(major), "aws_s3_bucket", "acl")
    assert (acl.type, acl.optional, acl.computed_only) == ("s", True, False)


def test_s3_bucket_split_resources_exist_from_3_75():
    for major in AVAILABLE_MAJORS:
        assert load_schema(major).has_resource("aws_s3_bucket_acl")


@pytest.mark.parametrize("major", AVAILABLE_MAJORS)
def test_security_group_ingress_is_an_object_attribute_not_a_block(major):
    ingress = load_schema(major).resource("aws_security_group").attribute("ingress")
    assert ingress is not None and ingress.is_object and ingress.nested.attribute("from_port") is not None
    assert load_schema(major).resource("aws_security_group").block_type("ingress") is None


@pytest.mark.parametrize("major", [4, 5, 6])
def test_computed_only_attributes_are_marked(major):
    arn = load_schema(major).resource("aws_s3_bucket").attribute("bucket_domain_name")
    assert arn.computed_only and not arn.optional and not arn.required


def test_renamed_property_keeps_its_terraform_name():
    # cdktf renames the ``self`` argument ``selfAttribute``; the schema keeps Terraform's name
    ingress = load_schema(6).resource("aws_security_group").attribute("ingress")
    assert ingress.nested.attribute("self") is not None
    assert ingress.nested.attribute("self_attribute") is None


def test_data_sources():
    region = load_schema(6).data_source("aws_region")
    assert region is not None and region.attribute("current") is None
    assert load_schema(4).data_source("aws_subnet_ids") is not None
    assert load_schema(5).data_source("aws_subnet_ids") is None


def test_removed_table_names_the_major_that_removed_it():
    assert load_schema(6).removed_in("resource", "aws_db_instance", (), "name") == 5
    assert load_schema(6).removed_in("resource", "aws_eip", (), "vpc") == 6
    assert load_schema(5).removed_in("resource", "aws_ecs_service", (), "deployment_configuration") is None
    assert load_schema(3).removed_in("resource", "aws_db_instance", (), "name") is None
    path = ("extended_s3_configuration", "s3_backup_configuration")
    assert load_schema(5).removed_in("resource", "aws_kinesis_firehose_delivery_stream", path, "buffer_size") == 5


def test_types_decode_on_first_use_only():
    schema = load_schema(5)
    assert schema.resource("aws_s3_bucket") is schema.resource("aws_s3_bucket")
