"""These tests replaced the old CDK ones.

They used to start with:

    import aws_cdk as cdk
    from aws_cdk.assertions import Template
"""

# import aws_cdk
# from aws_cdk import assertions
import importlib.util

from cdktf import Testing  # CDK for Terraform, not the AWS CDK

from .aws_cdk import fake_template  # a local helper module that happens to share the name
import aws_cdk_helpers

LEGACY = "import aws_cdk"
LEGACY_FROM = '''from aws_cdk import App'''


def test_the_cdk_is_not_needed():
    assert importlib.util.find_spec("json") is not None
    assert "aws_cdk" in LEGACY and "aws_cdk" in LEGACY_FROM
    assert Testing is not None and fake_template is not None and aws_cdk_helpers is not None
