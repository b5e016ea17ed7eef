"""Unit tests for the TapStack CDK stack (left over from the CDK version of this project)."""

import unittest

import aws_cdk as cdk
from aws_cdk.assertions import Match, Template
from pytest import mark

from lib.tap_stack import TapStack, TapStackProps


@mark.describe("TapStack")
class TestTapStack(unittest.TestCase):
    """Test cases for the TapStack CDK stack"""

    def setUp(self):
        """Set up a fresh CDK app for each test"""
        self.app = cdk.App()
        self.stack = TapStack(self.app, "TapStackTest", TapStackProps(environment_suffix="test"))
        self.template = Template.from_stack(self.stack)

    @mark.it("creates a VPC")
    def test_stack_has_vpc_resources(self):
        self.template.resource_count_is("AWS::EC2::VPC", 1)

    @mark.it("creates public and private subnets")
    def test_stack_has_subnets(self):
        self.template.resource_count_is("AWS::EC2::Subnet", 4)

    @mark.it("creates a NAT gateway per availability zone")
    def test_stack_has_nat_gateways(self):
        self.template.resource_count_is("AWS::EC2::NatGateway", 2)

    @mark.it("enables VPC flow logs")
    def test_stack_has_flow_logs(self):
        self.template.has_resource_properties("AWS::EC2::FlowLog", {"TrafficType": Match.any_value()})
