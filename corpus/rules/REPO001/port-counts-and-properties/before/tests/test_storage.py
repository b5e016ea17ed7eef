"""CDK tests of the storage stack."""

from aws_cdk import App
from aws_cdk.assertions import Match, Template

from stacks.storage import StorageStack


def _template():
    return Template.from_stack(StorageStack(App(), "Storage"))


def test_two_buckets():
    template = _template()
    template.resource_count_is("AWS::S3::Bucket", 2)


def test_media_bucket():
    _template().has_resource("AWS::S3::Bucket", {"Properties": {"BucketName": "acme-media"}})


def test_private_subnets():
    """Three private subnets, no public addresses."""
    t = _template()
    t.resource_count_is("AWS::EC2::Subnet", 3)
    t.has_resource_properties("AWS::EC2::Subnet", {"MapPublicIpOnLaunch": False})


def test_flow_log():
    _template().has_resource_properties(
        "AWS::EC2::FlowLog",
        {"TrafficType": Match.exact("ALL"), "LogDestinationType": Match.any_value()},
    )
