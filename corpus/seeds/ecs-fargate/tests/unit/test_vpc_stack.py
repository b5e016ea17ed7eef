"""Unit tests for the VpcStack CDK stack (left over from the CDK version of this project)."""

import unittest

import aws_cdk as cdk
from aws_cdk.assertions import Match, Template
from pytest import mark

from lib.vpc_stack import VpcStack


@mark.describe("VpcStack")
class TestVpcStack(unittest.TestCase):
    """Test cases for the VpcStack CDK stack"""

    def setUp(self):
        self.app = cdk.App()
        self.stack = VpcStack(self.app, "VpcStackTest", environment_suffix="test")
        self.template = Template.from_stack(self.stack)

    @mark.it("creates a VPC with DNS support")
    def test_creates_vpc(self):
        self.template.has_resource_properties(
            "AWS::EC2::VPC", {"EnableDnsHostnames": True, "EnableDnsSupport": True}
        )

    @mark.it("creates two public and two private subnets")
    def test_creates_subnets(self):
        self.template.resource_count_is("AWS::EC2::Subnet", 4)

    @mark.it("creates NAT gateways")
    def test_creates_nat_gateways(self):
        self.template.resource_count_is("AWS::EC2::NatGateway", 2)

    @mark.it("sends flow logs to CloudWatch")
    def test_creates_flow_logs(self):
        self.template.has_resource_properties(
            "AWS::EC2::FlowLog", {"LogDestinationType": Match.exact("cloud-watch-logs")}
        )
