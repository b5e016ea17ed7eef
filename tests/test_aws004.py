"""AWS004 beyond the fixture cases: the version-constraint check, severities, odd input."""

from __future__ import annotations

import re

import pytest
from rule_cases import RuleCase, rule_cases

import fixer
from fixer.findings import Applicability, Severity
from fixer.fixes import fix_module
from fixer.rules import rule_by_code, select_rules

RULES = select_rules(["AWS004"])


def run(text: str, **files: str):
    sources = {"main.tf": text, **files}
    return fix_module(sources, RULES)


def versions(constraint: str) -> str:
    return (
        "terraform {\n  required_providers {\n    aws = {\n"
        f'      source  = "hashicorp/aws"\n      version = "{constraint}"\n'
        "    }\n  }\n}\n"
    )


BLUE_GREEN = """\
resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy = "BLUE_GREEN"
  }
}
"""


# ---- the version in use (the schema check's one choice) ---------------------------------


def test_valid_block_in_provider_5_is_an_unsupported_block_without_fix() -> None:
    result = run(BLUE_GREEN, **{"versions.tf": versions("~> 5.0")})
    [finding] = result.findings
    assert finding.severity is Severity.ERROR
    assert finding.fix is None
    assert (finding.line, finding.column) == (4, 3)
    assert finding.message == (
        'aws_ecs_service.app: Blocks of type "deployment_configuration" are not expected here in AWS provider 5.100.0'
    )
    assert "deployment_configuration needs AWS provider >= 6.4.0" in finding.notes
    assert result.fixed["main.tf"] == BLUE_GREEN


@pytest.mark.parametrize(
    "constraint, release",
    [("< 6.4", "below 6.4.0"), ("~> 6.3.0", "below 6.4.0"), ("= 6.3.2", "6.3.2"), ("<= 6.3.9", "6.3.9")],
)
def test_a_6_x_release_before_6_4_rejects_the_block(constraint: str, release: str) -> None:
    """The bundled 6.25 schema has the block; the minor release that added it decides."""
    [finding] = run(BLUE_GREEN, **{"versions.tf": versions(constraint)}).findings
    assert f'"deployment_configuration" are not expected here in AWS provider {release}' in finding.message


@pytest.mark.parametrize("constraint", [">= 6.4", "~> 6.4", "= 6.25.0", "~> 6.0", ">= 5.0", "<= 6.4.0"])
def test_valid_block_when_the_newest_allowed_release_has_it(constraint: str) -> None:
    """Terraform installs the newest release the constraints allow (``~> 6.0``: 6.25 or later)."""
    assert run(BLUE_GREEN, **{"versions.tf": versions(constraint)}).findings == []


def test_valid_block_without_any_constraint_is_fine() -> None:
    assert run(BLUE_GREEN).findings == []


def test_a_dynamic_block_with_an_unknown_for_each_is_not_too_many() -> None:
    """It may make zero or one block: only a count known to exceed one is reported."""
    text = """\
variable "strategy" {
  type = list(string)
}

resource "aws_ecs_service" "app" {
  name = "app"

  dynamic "deployment_configuration" {
    for_each = var.strategy
    content {
      strategy = deployment_configuration.value
    }
  }
}
"""
    assert run(text).findings == []
    [finding] = run(text.replace("var.strategy", '["ROLLING", "BLUE_GREEN"]')).findings
    assert 'Too many deployment_configuration blocks: no more than 1 "deployment_configuration" blocks' in finding.message


def test_the_override_names_the_release_and_6_21_blocks_need_it() -> None:
    canary = BLUE_GREEN.replace(
        '    strategy = "BLUE_GREEN"\n',
        '    strategy = "CANARY"\n\n    canary_configuration {\n'
        '      canary_percent              = 10\n      canary_bake_time_in_minutes = 5\n    }\n',
    )
    options = {"AWS004": {"provider_version": "6.10.0"}}
    [finding] = fix_module({"main.tf": canary}, RULES, options=options).findings
    assert finding.message == (
        'aws_ecs_service.app: Blocks of type "canary_configuration" are not expected here in AWS provider 6.10.0'
    )
    assert "`canary_configuration` needs AWS provider >= 6.21.0" in finding.notes
    assert fix_module({"main.tf": canary}, RULES, options={"AWS004": {"provider_version": "6.21.0"}}).findings == []
    assert fix_module({"main.tf": canary}, RULES).findings == []  # the newest release has it


def test_no_constraint_reading_of_its_own() -> None:
    """One version choice for every schema rule: AWS004 reads no constraint itself."""
    import fixer.rules.aws004_ecs_deployment_configuration as module

    assert "required_provider_version" not in open(module.__file__, encoding="utf-8").read()


def test_moved_settings_are_a_safe_fix_and_leave_nothing_behind() -> None:
    text = """\
resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy        = "BLUE_GREEN"
    maximum_percent = 200
  }
}
"""
    result = run(text, **{"versions.tf": versions(">= 6.4")})
    [finding] = result.findings
    assert finding.severity is Severity.ERROR
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert not [n for n in finding.notes if "needs" in n]  # the version in use has the block
    assert result.remaining == []
    assert result.fixed["main.tf"] == """\
resource "aws_ecs_service" "app" {
  name = "app"

  deployment_maximum_percent = 200

  deployment_configuration {
    strategy = "BLUE_GREEN"
  }
}
"""


def test_remaining_block_with_old_only_provider_is_reported_after_the_fix() -> None:
    text = """\
resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy        = "BLUE_GREEN"
    maximum_percent = 200
  }
}
"""
    result = run(text, **{"versions.tf": versions("~> 5.0")})
    [finding] = result.findings
    assert "the deployment_configuration block that remains needs AWS provider >= 6.4.0" in finding.notes
    assert "deployment_maximum_percent = 200" in result.fixed["main.tf"]
    [left] = result.remaining
    assert left.severity is Severity.ERROR
    assert 'Blocks of type "deployment_configuration" are not expected here in AWS provider 5.100.0' in left.message


def test_conflicting_service_level_value_gets_no_fix() -> None:
    text = """\
resource "aws_ecs_service" "app" {
  name                               = "app"
  deployment_minimum_healthy_percent = 50

  deployment_configuration {
    minimum_healthy_percent = 100
  }
}
"""
    result = run(text)
    [finding] = result.findings
    assert finding.fix is None
    assert any("conflict" in note and "= 50" in note and "= 100" in note for note in finding.notes)
    assert result.fixed["main.tf"] == text


def test_other_resource_types_are_ignored() -> None:
    text = """\
resource "aws_ecs_task_set" "x" {
  deployment_configuration {
    maximum_percent = 200
  }
}

data "aws_ecs_service" "y" {
  service_name = "y"
  deployment_configuration {
    maximum_percent = 200
  }
}
"""
    assert run(text, **{"versions.tf": versions("~> 5.0")}).findings == []


# ---- odd input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'resource "aws_ecs_service" "a" { name = "a" }\n',
        'resource "aws_ecs_service" "a" {\n  dynamic "deployment_configuration" {\n    for_each = []\n  }\n}\n',
        'resource "aws_ecs_service" "a" {\n  dynamic {\n  }\n}\n',
        'resource "aws_ecs_service" "a" {\n  deployment_configuration "x" {\n    maximum_percent = 1\n  }\n}\n',
        'resource "aws_ecs_service" "a" {\n  deployment_configuration = { maximum_percent = 200 }\n}\n',
        'resource "aws_ecs_service" "a" {\n  deployment_configuration {\n    maximum_percent = var.x[*].y\n  }\n}',
        'resource "aws_ecs_service" {\n  deployment_configuration {\n    maximum_percent = 1\n  }\n}\n',
    ],
)
def test_odd_input_does_not_crash(text: str) -> None:
    result = run(text)
    assert result.problems == []
    fixer.parse(result.fixed["main.tf"])


def test_badly_indented_attributes_are_moved_and_parse() -> None:
    text = (
        'resource "aws_ecs_service" "a" {\n'
        '    name = "a"\n'
        "    deployment_configuration {\n"
        "  maximum_percent = 200 # max\n"
        "   }\n"
        "}\n"
    )
    result = run(text)
    assert result.problems == []
    assert result.fixed["main.tf"] == (
        'resource "aws_ecs_service" "a" {\n'
        '    name                       = "a"\n'
        "    deployment_maximum_percent = 200 # max\n"
        "}\n"
    )


def test_block_whose_lines_cannot_be_reindented_gets_no_fix() -> None:
    text = (
        'resource "aws_ecs_service" "a" {\n'
        "  deployment_configuration {\n"
        "      deployment_circuit_breaker {\n"
        "  enable = true\n"
        "        rollback = true\n"
        "      }\n"
        "  }\n"
        "}\n"
    )
    result = run(text)
    [finding] = result.findings
    assert finding.fix is None
    assert any("could not be moved automatically" in note for note in finding.notes)
    assert result.fixed["main.tf"] == text


# ---- properties of the fixture cases ----------------------------------------------------

_COMMENT = re.compile(r"(#|//)[^\r\n]*")


def _comments(texts: dict[str, str]) -> list[str]:
    return sorted(m.group(0).strip() for text in texts.values() for m in _COMMENT.finditer(text))


CASES = [c for c in rule_cases() if c.name.startswith("AWS004/")]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixes_keep_every_comment(case: RuleCase) -> None:
    """Whatever the fix moves or drops, every comment of the input is in its output."""
    result = fix_module(case.sources(), RULES, values=case.values())
    assert _comments(result.fixed) == _comments(case.sources())


def test_documentation_has_every_section() -> None:
    rule = rule_by_code("AWS004")
    assert rule is not None
    doc = rule.documentation()
    sections = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References")
    for section in sections:
        section = "## " + section
        assert section in doc
    assert 'Blocks of type "deployment_configuration" are not expected here.' in doc
    assert 'An argument named "maximum_percent" is not expected here.' in doc


def test_count_zero_service_is_still_checked() -> None:
    """terraform validate checks the arguments of every resource block, whatever its count."""
    text = """\
resource "aws_ecs_service" "app" {
  count = 0
  name  = "app"

  deployment_configuration {
    maximum_percent = 200
  }
}
"""
    result = run(text)
    [finding] = result.findings
    assert finding.fix is not None and "deployment_maximum_percent = 200" in result.fixed["main.tf"]
