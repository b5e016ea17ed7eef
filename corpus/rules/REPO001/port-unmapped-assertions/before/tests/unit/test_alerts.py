import aws_cdk as cdk
from aws_cdk import assertions


class TestAlerts:
    def setup_method(self):
        self.template = assertions.Template.from_stack(cdk.Stack(cdk.App(), "Alerts"))

    def test_topic(self):
        self.template.resource_count_is("AWS::SNS::Topic", 1)

    def test_output(self):
        self.template.has_output("TopicArn", {})

    def test_vpc_tenancy(self):
        self.template.has_resource_properties("AWS::EC2::VPC", {"Tags": [{"Key": "Name", "Value": "main"}]})

    def test_vpc_cidr(self):
        cidr = "10.0.0.0/16"
        self.template.has_resource_properties("AWS::EC2::VPC", {"CidrBlock": cidr})

    def test_vpc_count(self):
        self.template.resource_count_is("AWS::EC2::VPC", 1)
