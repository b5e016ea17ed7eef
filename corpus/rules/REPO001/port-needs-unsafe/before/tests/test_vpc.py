from aws_cdk.assertions import Template


def test_vpc(template: Template):
    template.resource_count_is("AWS::EC2::VPC", 1)
