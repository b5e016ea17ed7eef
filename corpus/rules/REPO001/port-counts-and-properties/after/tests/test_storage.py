"""CDK tests of the storage stack.

Ported by tffix (REPO001) from CDK assertions on a synthesized template to static
checks of the Terraform module, read with fixer.inspect_module (offline, nothing deployed).
"""

from pathlib import Path

import pytest

import fixer

MODULE_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def module():
    return fixer.inspect_module(MODULE_DIR)


def test_two_buckets(module):
    # CDK: template.resource_count_is('AWS::S3::Bucket', 2)
    assert module.count("aws_s3_bucket") == 2


def test_media_bucket(module):
    # CDK: _template().has_resource('AWS::S3::Bucket', {'Properties': {'BucketName': 'acme-media'}})
    instances = module.instances("aws_s3_bucket")
    assert instances, "the module declares no aws_s3_bucket (or their number cannot be known)"
    assert any(i.get("bucket") == 'acme-media' for i in instances)


def test_private_subnets(module):
    """Three private subnets, no public addresses."""
    # CDK: t.resource_count_is('AWS::EC2::Subnet', 3)
    assert module.count("aws_subnet") == 3
    # CDK: t.has_resource_properties('AWS::EC2::Subnet', {'MapPublicIpOnLaunch': False})
    instances = module.instances("aws_subnet")
    assert instances, "the module declares no aws_subnet (or their number cannot be known)"
    assert any(i.get("map_public_ip_on_launch") is False for i in instances)


def test_flow_log(module):
    # CDK: _template().has_resource_properties('AWS::EC2::FlowLog', {'TrafficType': Match.exact('ALL'), 'LogDestinationType': Match.any_value()})
    instances = module.instances("aws_flow_log")
    assert instances, "the module declares no aws_flow_log (or their number cannot be known)"
    assert any(i.get("traffic_type") == 'ALL' and "log_destination_type" in i for i in instances)
