"""Integration tests against the deployed stack, using the outputs `terraform output -json` wrote."""

import json
import os
from pathlib import Path

import boto3
import pytest

OUTPUTS = Path(os.environ.get("TF_OUTPUTS", "cfn-outputs/flat-outputs.json"))

pytestmark = pytest.mark.skipif(not OUTPUTS.is_file(), reason="the stack is not deployed")


@pytest.fixture(scope="module")
def outputs():
    return json.loads(OUTPUTS.read_text())


def test_two_public_subnets_in_two_zones(outputs):
    ec2 = boto3.client("ec2")
    subnets = ec2.describe_subnets(SubnetIds=outputs["public_subnet_ids"])["Subnets"]
    assert len({s["AvailabilityZone"] for s in subnets}) == 2


def test_targets_are_healthy(outputs):
    elbv2 = boto3.client("elbv2")
    health = elbv2.describe_target_health(TargetGroupArn=outputs["target_group_arn"])
    assert health["TargetHealthDescriptions"]
    assert all(t["TargetHealth"]["State"] == "healthy" for t in health["TargetHealthDescriptions"])


def test_autoscaling_limits(outputs):
    autoscaling = boto3.client("autoscaling")
    [group] = autoscaling.describe_auto_scaling_groups(
        AutoScalingGroupNames=[outputs["autoscaling_group_name"]]
    )["AutoScalingGroups"]
    assert (group["MinSize"], group["MaxSize"]) == (2, 6)
