"""Unit tests for the TapStack CDK stack.

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


def test_stack_has_vpc_resources(module):
    """creates the VPC"""
    pytest.skip("no static equivalent for the statement `stack = TapStack(self.app, 'TapStackTest', TapStackProps(environment_suffix='test'))`")
