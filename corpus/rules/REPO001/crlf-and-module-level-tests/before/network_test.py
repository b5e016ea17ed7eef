import os

try:
    import json, aws_cdk.aws_ec2 as ec2
except ImportError:  # pragma: no cover
    ec2 = None


def test_vpc_construct_exists():
    assert os.sep and ec2 is not None
