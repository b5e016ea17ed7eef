import unittest

from aws_cdk import App
from aws_cdk.assertions import Match, Template

from lib.vpc_stack import VpcStack


class TestVpcStack(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.stack = VpcStack(self.app, "VpcStackTest", environment_suffix="test")
        self.template = Template.from_stack(self.stack)

    def test_creates_subnets(self):
        self.template.resource_count_is("AWS::EC2::Subnet", 4)

    def test_creates_nat_gateways(self):
        self.template.resource_count_is("AWS::EC2::NatGateway", 2)

    def test_enables_flow_logs(self):
        self.template.has_resource_properties("AWS::EC2::FlowLog", {"TrafficType": Match.any_value()})
