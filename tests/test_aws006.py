"""AWS006 name-without-environment-suffix: the unsafe rename, checked by applying it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from oracle_guard import gohcl_accepts

import fixer
from fixer.fixes import fix_module
from fixer.rules import rule_by_code

RULE = rule_by_code("AWS006")
CASES = Path(__file__).resolve().parents[1] / "corpus" / "rules" / "AWS006"


def _findings(sources: dict[str, str]):
    # Through fix_module, as every entry point (fix=False: the renames are not applied here).
    result = fix_module(sources, [RULE], fix=False)
    assert not result.problems, [p.message for p in result.problems]
    return result.findings


def _apply_suggestions(sources: dict[str, str]) -> dict[str, str]:
    """Every file with every AWS006 rename applied (``--unsafe-fixes``: the fix loop lays them out)."""
    result = fix_module(sources, [RULE], unsafe=True)
    assert not result.problems, [p.message for p in result.problems]
    return result.fixed


def _module(**files: str) -> dict[str, str]:
    return {name.replace("_tf", ".tf"): textwrap.dedent(text) for name, text in files.items()}


SUFFIXED = """\
variable "environment_suffix" {
  type = string
}

resource "aws_ecs_cluster" "main" {
  name = "cluster-${var.environment_suffix}"
}

resource "aws_iam_role" "task" {
  name               = "task-${var.environment_suffix}"
  assume_role_policy = "{}"
}
"""


def test_seed_namespace_suggestion_is_the_seed_fix() -> None:
    case = CASES / "seed-service-discovery-namespace" / "before"
    sources = {p.name: p.read_text() for p in sorted(case.glob("*.tf"))}
    findings = _findings(sources)
    assert [f.fix.applicability.value for f in findings] == ["unsafe"]  # renaming replaces the namespace
    assert "renaming replaces the resource" in findings[0].fix.title
    fixed = _apply_suggestions(sources)
    assert fixed["service_discovery.tf"].startswith(
        'resource "aws_service_discovery_private_dns_namespace" "main" {\n'
        '  name = "microservices-${var.environment_suffix}.local"\n'
        "  vpc  = aws_vpc.main.id\n"
        "}\n"
    )
    # Nothing else in the module changes.
    assert {p: t for p, t in fixed.items() if p != "service_discovery.tf"} == {
        p: t for p, t in sources.items() if p != "service_discovery.tf"
    }
    # Once applied, the rule is satisfied.
    assert _findings(fixed) == []


@pytest.mark.parametrize(
    ("rtype", "attr", "literal", "expected"),
    [
        ("aws_service_discovery_private_dns_namespace", "name", "microservices.local", "microservices-${var.environment_suffix}.local"),
        ("aws_service_discovery_private_dns_namespace", "name", "internal", "internal-${var.environment_suffix}"),
        ("aws_sqs_queue", "name", "jobs.fifo", "jobs-${var.environment_suffix}.fifo"),
        ("aws_sqs_queue", "name", "jobs", "jobs-${var.environment_suffix}"),
        ("aws_dynamodb_table", "name", "user_sessions", "user_sessions_${var.environment_suffix}"),
        ("aws_cloudwatch_log_group", "name", "/ecs/api", "/ecs/api-${var.environment_suffix}"),
        ("aws_s3_bucket", "bucket", "assets.example.com", "assets.example.com-${var.environment_suffix}"),
        ("aws_lambda_function", "function_name", "resize", "resize-${var.environment_suffix}"),
    ],
)
def test_suggestion_places_the_suffix(rtype: str, attr: str, literal: str, expected: str) -> None:
    main = SUFFIXED + f'\nresource "{rtype}" "x" {{\n  {attr} = "{literal}"\n}}\n'
    fixed = _apply_suggestions({"main.tf": main})["main.tf"]
    assert fixed == main.replace(f'"{literal}"', f'"{expected}"')
    assert gohcl_accepts(fixed) in (True, None)


def test_suggestion_keeps_the_run_and_comments_aligned() -> None:
    sources = {"main.tf": (CASES / "crlf-and-comments" / "before" / "main.tf").read_bytes().decode()}
    fixed = _apply_suggestions(sources)["main.tf"]
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", "")
    assert (
        '  # fixed on purpose?\r\n'
        '  name               = "c-${var.environment_suffix}" # short\r\n'
        '  assume_role_policy = "{}"                          # empty\r\n'
    ) in fixed
    assert fixer.format(fixed) == fixed


def test_local_prefix_goes_in_front() -> None:
    main = textwrap.dedent(
        """\
        variable "environment" {
          type = string
        }

        locals {
          name_prefix = "shop-${var.environment}"
        }

        resource "aws_sns_topic" "a" {
          name = "${local.name_prefix}-a"
        }

        resource "aws_sns_topic" "b" {
          name = "${local.name_prefix}-b"
        }

        resource "aws_sns_topic" "c" {
          name = "orders"
        }
        """
    )
    findings = _findings({"main.tf": main})
    assert [f.line for f in findings] == [18]
    assert "(local.name_prefix)" in findings[0].message
    fixed = _apply_suggestions({"main.tf": main})["main.tf"]
    assert 'name = "${local.name_prefix}-orders"' in fixed


def test_terraform_workspace_is_a_suffix() -> None:
    main = textwrap.dedent(
        """\
        resource "aws_sns_topic" "a" {
          name = "a-${terraform.workspace}"
        }

        resource "aws_sns_topic" "b" {
          name = "b-${terraform.workspace}"
        }

        resource "aws_sqs_queue" "c" {
          name = "c"
        }
        """
    )
    fixed = _apply_suggestions({"main.tf": main})["main.tf"]
    assert 'name = "c-${terraform.workspace}"' in fixed


@pytest.mark.parametrize(
    "extra",
    [
        # a name_prefix gets a unique suffix from the provider
        'resource "aws_iam_role" "p" {\n  name_prefix        = "app-"\n  assume_role_policy = "{}"\n}\n',
        # a security group in the module's own VPC
        'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\n'
        'resource "aws_security_group" "web" {\n  name   = "web"\n  vpc_id = aws_vpc.main.id\n}\n',
        # not a name that must be unique in the account
        'resource "aws_appautoscaling_policy" "cpu" {\n  name = "cpu"\n}\n',
        # a template, even without the suffix: not a plain literal
        'resource "aws_sqs_queue" "q" {\n  name = "q-${var.other}"\n}\n',
        # odd values the rule must survive
        'resource "aws_sqs_queue" "h" {\n  name = <<EOT\nheredoc\nEOT\n}\n',
        'resource "aws_sqs_queue" "s" {\n  name = aws_sns_topic.x[*].name\n}\n',
        'resource "aws_sqs_queue" "e" {\n  name = ""\n}\n',
        'resource "aws_sqs_queue" "one" { name = var.environment_suffix }\n',
        'resource "aws_iam_role" "d" {\n  dynamic "inline_policy" {\n    for_each = []\n    content {}\n  }\n}\n',
    ],
)
def test_not_reported(extra: str) -> None:
    assert _findings({"main.tf": SUFFIXED + "\n" + extra}) == []


def test_variable_that_does_not_name_an_environment_is_not_a_suffix() -> None:
    main = SUFFIXED.replace("environment_suffix", "project") + '\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n'
    assert _findings({"main.tf": main}) == []


def _with_suffix_default(default: str, extra: str) -> dict[str, str]:
    return {"main.tf": textwrap.dedent(f'''\
        variable "environment_suffix" {{
          type    = string
          default = "{default}"
        }}

        resource "aws_ecs_cluster" "main" {{
          name = "cluster-${{var.environment_suffix}}"
        }}

        resource "aws_sqs_queue" "jobs" {{
          name = "jobs-${{var.environment_suffix}}"
        }}
        ''') + textwrap.dedent(extra)}


def test_the_rename_goes_through_the_shared_renamer_limit_and_names_in_use() -> None:
    group = '''
        resource "aws_lb_target_group" "api" {
          name = "api"
        }
        '''
    # fits: the plain suffixed name
    [finding] = _findings(_with_suffix_default("prod", group))
    assert finding.fix.title.endswith(': "api-${var.environment_suffix}"')
    # too long with the default: the suffix kept whole, the rest cut (fixer.names.renames)
    sources = _with_suffix_default("production-eu-west-1-blue", group.replace('"api"', '"api-gateway-public"'))
    [finding] = _findings(sources)
    assert '${trimsuffix(substr("api-gateway-public", 0, 32 - length("-${var.environment_suffix}")), "-")}' in finding.fix.title
    fixed = _apply_suggestions(sources)["main.tf"]
    assert fixer.fix_source(fixed, select=["AWS001"]).findings == []  # within the facts table's 32
    # cannot fit at all: no fix, and the note says why
    [finding] = _findings(_with_suffix_default("x" * 40, group))
    assert finding.fix is None
    assert finding.notes == (f'the new name "api-{"x" * 40}" is 44 characters, over the limit of 32; choose a shorter name',)
    # the new name is another group's: no fix (security groups: per VPC, case-insensitively)
    groups = '''
        resource "aws_security_group" "web" {
          name   = "web"
          vpc_id = "vpc-1"
        }

        resource "aws_security_group" "web_env" {
          name   = "WEB-${var.environment_suffix}"
          vpc_id = "vpc-1"
        }
        '''
    [finding] = _findings(_with_suffix_default("prod", groups))
    assert finding.fix is None and finding.notes == (
        'the new name "web-prod" is already the name of aws_security_group.web_env; choose another name',)
    [finding] = _findings(_with_suffix_default("prod", groups.replace('"vpc-1"', '"vpc-2"', 1)))
    assert finding.fix is not None
