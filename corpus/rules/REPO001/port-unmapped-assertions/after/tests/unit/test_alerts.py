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


def test_topic(module):
    pytest.skip("no static equivalent (no Terraform resource type known for 'AWS::SNS::Topic'): `self.template.resource_count_is('AWS::SNS::Topic', 1)`")


def test_output(module):
    pytest.skip("no static equivalent (`has_output` has no Terraform counterpart in tffix's port): `self.template.has_output('TopicArn', {})`")


def test_vpc_tenancy(module):
    pytest.skip("no static equivalent (no Terraform argument known for AWS::EC2::VPC property 'Tags'): `self.template.has_resource_properties('AWS::EC2::VPC', {'Tags': [{'Key': 'Name', 'Value': 'main'}]})`")


def test_vpc_cidr(module):
    pytest.skip("no static equivalent for the statement `cidr = '10.0.0.0/16'`")


def test_vpc_count(module):
    # CDK: self.template.resource_count_is('AWS::EC2::VPC', 1)
    assert module.count("aws_vpc") == 1
