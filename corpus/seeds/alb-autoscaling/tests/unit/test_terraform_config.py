"""Unit tests of the Terraform configuration itself: they read the .tf files, no cloud needed."""

from pathlib import Path

import hcl2
import pytest

MODULE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def resources():
    found = {}
    for path in sorted(MODULE.glob("*.tf")):
        with path.open() as handle:
            for block in hcl2.load(handle).get("resource", []):
                for rtype, named in block.items():
                    for name, body in named.items():
                        found[f"{rtype}.{name}"] = body
    return found


def test_autoscaling_group_size(resources):
    asg = resources["aws_autoscaling_group.web"]
    assert asg["min_size"] == "${var.asg_min_size}"
    assert asg["max_size"] == "${var.asg_max_size}"


def test_target_group_health_check_and_stickiness(resources):
    tg = resources["aws_lb_target_group.web"]
    assert tg["deregistration_delay"] == 30
    assert tg["stickiness"][0]["type"] == "lb_cookie"


def test_every_name_carries_the_environment_suffix(resources):
    for address, body in resources.items():
        for key in ("name", "alarm_name"):
            if key in body:
                assert "var.environment_suffix" in body[key], address


def test_no_deletion_protection(resources):
    assert resources["aws_lb.main"]["enable_deletion_protection"] is False
