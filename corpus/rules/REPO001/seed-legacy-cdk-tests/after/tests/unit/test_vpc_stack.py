"""Tests of the Terraform module.

Ported by tffix (REPO001) from CDK assertions on a synthesized template to static
checks of the Terraform module, read with fixer.inspect_module (offline, nothing deployed).
"""

from pathlib import Path

import pytest

import fixer

MODULE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def module():
    return fixer.inspect_module(MODULE_DIR)


def test_creates_subnets(module):
    # CDK: self.template.resource_count_is('AWS::EC2::Subnet', 4)
    assert module.count("aws_subnet") == 4


def test_creates_nat_gateways(module):
    # CDK: self.template.resource_count_is('AWS::EC2::NatGateway', 2)
    assert module.count("aws_nat_gateway") == 2


def test_enables_flow_logs(module):
    # CDK: self.template.has_resource_properties('AWS::EC2::FlowLog', {'TrafficType': Match.any_value()})
    instances = module.instances("aws_flow_log")
    assert instances, "the module declares no aws_flow_log (or their number cannot be known)"
    assert any("traffic_type" in i for i in instances)
