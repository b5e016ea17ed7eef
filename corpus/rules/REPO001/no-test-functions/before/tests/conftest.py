import aws_cdk as cdk
import pytest


@pytest.fixture
def app():
    return cdk.App()
