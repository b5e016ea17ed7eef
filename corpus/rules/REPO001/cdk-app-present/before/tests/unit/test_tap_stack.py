import aws_cdk as cdk
from aws_cdk.assertions import Template

from lib.tap_stack import TapStack


def test_stack_has_one_vpc():
    template = Template.from_stack(TapStack(cdk.App(), "TapStackTest"))
    template.resource_count_is("AWS::EC2::VPC", 1)
