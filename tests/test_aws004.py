"""AWS004 beyond the fixture cases: the version-constraint check, severities, odd input."""

from __future__ import annotations

import re

import pytest
from rule_cases import RuleCase, rule_cases

import fixer
from fixer.findings import Applicability, Severity
from fixer.fixes import fix_module
from fixer.rules import rule_by_code, select_rules
from fixer.facts.ecs_service import V6_4, V6_21
from fixer.model.constraints import admits as _admits

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


# ---- the constraint check ---------------------------------------------------------------


@pytest.mark.parametrize(
    "constraint, older, newer",
    [
        ("~> 5.0", True, False),
        ("~> 5.90", True, False),
        ("< 6.4", True, False),
        ("6.3.0", True, False),
        ("= 6.3.2", True, False),
        (">= 5.0, < 6.0", True, False),
        ("~> 6.3.0", True, False),  # 6.3.x only
        (">= 5.0", True, True),
        ("~> 6.0", True, True),
        ("> 6.3", True, True),  # 6.3.1 is older than 6.4.0
        ("<= 6.4.0", True, True),
        (">= 6.4", False, True),
        (">= 6.4.0", False, True),
        ("~> 6.4", False, True),
        ("= 6.4.0", False, True),
        (" >=6.10 , != 6.11.0 ", False, True),
        ("~> 7.0", False, True),
        (">= 6.4.0-beta1", True, True),  # a pre-release sorts before its release
        (">= 7.0, < 6.0", False, False),  # nothing satisfies it
    ],
)
def test_admits_6_4(constraint: str, older: bool, newer: bool) -> None:
    assert _admits(constraint, V6_4) == (older, newer)


def test_admits_6_21_for_canary_and_linear() -> None:
    assert _admits(">= 6.4", V6_21) == (True, True)
    assert _admits("~> 6.21", V6_21) == (False, True)
    assert _admits(">= 6.4, < 6.21", V6_21) == (True, False)


@pytest.mark.parametrize("constraint", ["", " , ", "latest", "6.x", ">= six"])
def test_unreadable_constraint_is_none(constraint: str) -> None:
    assert _admits(constraint, V6_4) is None


# ---- severities and fixes -------------------------------------------------------------


def test_valid_block_with_only_old_providers_is_an_error_without_fix() -> None:
    result = run(BLUE_GREEN, **{"versions.tf": versions("~> 5.0")})
    [finding] = result.findings
    assert finding.severity is Severity.ERROR
    assert finding.fix is None
    assert (finding.line, finding.column) == (4, 3)
    assert result.fixed["main.tf"] == BLUE_GREEN


def test_valid_block_with_a_range_reaching_old_providers_is_a_warning() -> None:
    result = run(BLUE_GREEN, **{"versions.tf": versions(">= 5.0")})
    [finding] = result.findings
    assert finding.severity is Severity.WARNING
    assert "also allows older versions" in finding.message
    assert finding.fix is None


@pytest.mark.parametrize("constraint", [">= 6.4", "~> 6.4", "= 6.25.0"])
def test_valid_block_with_new_providers_is_fine(constraint: str) -> None:
    assert run(BLUE_GREEN, **{"versions.tf": versions(constraint)}).findings == []


def test_valid_block_without_any_constraint_is_fine() -> None:
    assert run(BLUE_GREEN).findings == []


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
    assert not finding.notes  # the constraint already asks for 6.4
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
    assert any('"~> 5.0" excludes' in note for note in finding.notes)
    assert "deployment_maximum_percent = 200" in result.fixed["main.tf"]
    [left] = result.remaining
    assert left.severity is Severity.ERROR and "needs AWS provider >= 6.4.0" in left.message


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
