import json
from pathlib import Path

import boto3
import pytest

OUTPUTS = Path(__file__).resolve().parents[2] / "cfn-outputs" / "flat-outputs.json"


@pytest.fixture(scope="module")
def outputs():
    return json.loads(OUTPUTS.read_text())


def test_vpc_exists(outputs):
    ec2 = boto3.client("ec2")
    vpcs = ec2.describe_vpcs(VpcIds=[outputs["vpc_id"]])["Vpcs"]
    assert vpcs[0]["CidrBlock"] == "10.0.0.0/16"
