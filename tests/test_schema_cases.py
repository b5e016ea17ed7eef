"""AWS003 and AWS004 as cases of the provider-schema check: the bundled ECS example judged
for the provider version it uses (constraint, lock file, override), fixed exactly as before,
and the old codes still working wherever a user wrote them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.api import check_paths
from fixer.cli import main
from fixer.fixes import fix_module
from fixer.rules import select_rules
from fixer.schema.cases import case_of
from fixer.schema.validate import Mismatch, MismatchKind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecs-fargate"

# The example's seed failure 4, and the service-level settings AWS004 has always made of it.
NESTED = """\
  deployment_configuration {
    maximum_percent         = 200
    minimum_healthy_percent = 100
  }
"""
FLAT = """\
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100
"""
LOCK = '''# This file is maintained automatically by "terraform init".

provider "registry.terraform.io/hashicorp/aws" {
  version     = "{version}"
  constraints = ">= 4.0"
  hashes = [
    "h1:0000000000000000000000000000000000000000000=",
  ]
}
'''


def _example(tmp_path: Path, constraint: str, lock: str | None = None) -> Path:
    """The bundled example in a temp dir, its AWS provider constraint set to ``constraint``."""
    module = tmp_path / "ecs-fargate"
    shutil.copytree(EXAMPLE.resolve(), module, ignore=shutil.ignore_patterns("tests"))
    versions = module / "versions.tf"
    text, count = re.subn(r'(source  = "hashicorp/aws"\n\s*version = )"[^"]*"', rf'\1"{constraint}"',
                          versions.read_text(encoding="utf-8"))
    assert count == 1
    versions.write_text(text, encoding="utf-8")
    if lock is not None:
        (module / ".terraform.lock.hcl").write_text(LOCK.replace("{version}", lock), encoding="utf-8")
    return module


def _aws004(module: Path, **options):  # noqa: ANN202
    [ecs] = [r for r in check_paths([module], select=["AWS004"], fix=True, config=False, **options)
             if r.path.endswith("ecs.tf")]
    return ecs


@pytest.mark.parametrize(
    "constraint, lock, release, version_note",
    [
        ("~> 5.0", None, "5.100.0", 'AWS provider 5.x from required_providers "~> 5.0"'),
        (">= 4.0", "5.31.0", "5.31.0", "AWS provider 5.31.0 from "),
        ("~> 6.0", "6.3.0", "6.3.0", "AWS provider 6.3.0 from "),  # 6.x, but before the block existed
    ],
)
def test_example_pinned_before_6_4_reports_the_unsupported_block_and_fixes_it_as_before(
    tmp_path: Path, constraint: str, lock: str | None, release: str, version_note: str,
) -> None:
    module = _example(tmp_path, constraint, lock)
    original = (module / "ecs.tf").read_text(encoding="utf-8")
    assert original.count(NESTED) == 1
    ecs = _aws004(module)
    [finding] = ecs.findings
    assert finding.rule == "AWS004"
    assert finding.message == (
        f'aws_ecs_service.services: Blocks of type "deployment_configuration" are not expected here in AWS provider '
        f"{release}; `maximum_percent` and `minimum_healthy_percent` in the deployment_configuration of "
        "aws_ecs_service.services are service-level settings"
    )
    assert [n for n in finding.notes if n.startswith(version_note)], finding.notes
    assert finding.fix is not None and finding.fix.title == (
        "Set deployment_maximum_percent and deployment_minimum_healthy_percent on the service "
        "and remove the emptied deployment_configuration block"
    )
    assert ecs.fixed == original.replace(NESTED, FLAT)
    assert ecs.remaining == []


@pytest.mark.parametrize(
    "constraint, lock, release",
    [("~> 2.70", None, "2.x"), ("~> 2.0", "2.70.0", "2.70.0"), ("= 2.70.0", None, "2.70.0")],
)
def test_example_pinned_below_every_schema_still_gets_aws003_and_aws004(
    tmp_path: Path, constraint: str, lock: str | None, release: str,
) -> None:
    """Pinned to provider 2.x, older than the oldest bundled schema (3.75): the kind rules
    have no schema and say nothing, the two case facts known for 2.x still report, as before
    the schema check existed, and are fixed as they are for a bundled version."""
    module = _example(tmp_path, constraint, lock)
    results = check_paths([module], fix=True, config=False)
    found = {f.rule: f for r in results for f in r.findings if f.rule in ("AWS003", "AWS004") or f.rule.startswith("AWS1")}
    assert sorted(found) == ["AWS003", "AWS004"]
    assert found["AWS004"].message.startswith(
        'aws_ecs_service.services: Blocks of type "deployment_configuration" are not expected here in AWS provider '
        f"{release} (added in 6.4.0); `maximum_percent` and `minimum_healthy_percent`"
    )
    assert found["AWS003"].message.startswith(
        'aws_appmesh_virtual_node.services spec backend: Too many virtual_service blocks: no more than 1 '
        f'"virtual_service" blocks are allowed in AWS provider {release} (one virtual_service per backend since 2.3.0): '
    )
    for finding in found.values():
        assert [n for n in finding.notes if "older than every bundled schema" in n], finding.notes
        assert finding.fix is not None
    [ecs] = [r for r in results if r.path.endswith("ecs.tf")]
    assert ecs.fixed == (module / "ecs.tf").read_text(encoding="utf-8").replace(NESTED, FLAT)


@pytest.mark.parametrize("constraint", ["~> 1.60", "< 2.3"])
def test_before_the_backend_block_existed_aws003_says_nothing(tmp_path: Path, constraint: str) -> None:
    """Before 2.3.0 a virtual node has no backend block: its one-child fact does not hold there
    (terraform validate rejects the backend block itself); deployment_configuration is still unknown."""
    module = _example(tmp_path, constraint)
    rules = sorted({f.rule for r in check_paths([module], config=False) for f in r.findings})
    assert "AWS003" not in rules and "AWS004" in rules
    assert not [r for r in rules if r.startswith("AWS1")]


def test_the_lock_file_outranks_the_constraint_and_the_override_both(tmp_path: Path) -> None:
    module = _example(tmp_path, ">= 4.0", "6.25.0")  # the newest 6.x: the block exists
    ecs = _aws004(module)
    [finding] = ecs.findings
    assert 'An argument named "maximum_percent" is not expected here in AWS provider 6.25.0' in finding.message
    assert ecs.fixed == (module / "ecs.tf").read_text(encoding="utf-8").replace(NESTED, FLAT)
    options = {"AWS004": {"provider_version": "5.31"}}
    [overridden] = _aws004(module, options=options).findings
    assert '"deployment_configuration" are not expected here in AWS provider 5.31' in overridden.message


def test_the_cached_result_follows_the_lock_file(tmp_path: Path) -> None:
    module = _example(tmp_path, ">= 4.0", "5.31.0")
    cache = tmp_path / "cache"
    first = [r for r in check_paths([module], select=["AWS004"], config=False, cache=cache) if r.findings]
    assert "AWS provider 5.31.0" in first[0].findings[0].message
    (module / ".terraform.lock.hcl").write_text(LOCK.replace("{version}", "6.25.0"), encoding="utf-8")
    again = [r for r in check_paths([module], select=["AWS004"], config=False, cache=cache) if r.findings]
    assert "AWS provider 6.25.0" in again[0].findings[0].message


# ---- the old codes keep working -----------------------------------------------------------

SERVICE = """\
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  # tffix: ignore AWS004 -- moved by the platform team's own codemod
  deployment_configuration {
    maximum_percent = 200
  }
}
"""


def test_an_aws004_suppression_suppresses_the_schema_finding_and_is_used() -> None:
    result = fix_module({"main.tf": SERVICE}, select_rules(["AWS004", "AWS10", "TFX"]))
    assert result.findings == []  # nothing unsupported reported twice, and TFX001 calls the comment used
    unsuppressed = SERVICE.replace("  # tffix: ignore AWS004 -- moved by the platform team's own codemod\n", "")
    [finding] = fix_module({"main.tf": unsuppressed}, select_rules(["AWS004", "AWS10", "TFX"])).findings
    assert finding.rule == "AWS004"


def test_selecting_the_kind_rules_alone_leaves_the_case_places_to_their_codes() -> None:
    unsuppressed = SERVICE.replace("  # tffix: ignore AWS004 -- moved by the platform team's own codemod\n", "")
    assert fix_module({"main.tf": unsuppressed}, select_rules(["AWS10"])).findings == []
    assert fix_module({"main.tf": unsuppressed}, select_rules(None, ["AWS004"])).findings == []


def test_explain_says_where_the_old_codes_went() -> None:
    for code, kinds in (("AWS003", "AWS104"), ("AWS004", "AWS101")):
        out = CliRunner().invoke(main, ["explain", code]).stdout
        assert f"{code} is now part of" in out and kinds in out


def test_the_case_table_takes_only_its_places() -> None:
    def mismatch(kind: str, type_name: str, path: tuple[str, ...], name: str, address: str = "x.y") -> Mismatch:
        return Mismatch(kind, path, name, None, "", type_name=type_name, address=address)  # type: ignore[arg-type]

    too_many = MismatchKind.TOO_MANY_BLOCKS
    assert case_of(mismatch(too_many, "aws_appmesh_virtual_node", ("spec", "backend"), "virtual_service")) == "AWS003"
    assert case_of(mismatch(too_many, "aws_lb_target_group", (), "health_check")) is None
    assert case_of(mismatch(MismatchKind.UNSUPPORTED_ARGUMENT, "aws_appmesh_virtual_node",
                            ("spec", "backend"), "virtual_service")) is None
    unsupported = MismatchKind.UNSUPPORTED_BLOCK
    assert case_of(mismatch(unsupported, "aws_ecs_service", (), "deployment_configuration")) == "AWS004"
    assert case_of(mismatch(unsupported, "aws_ecs_service", ("deployment_configuration",), "alarms")) == "AWS004"
    assert case_of(mismatch(unsupported, "aws_ecs_service", (), "placement_strategy")) is None
    assert case_of(mismatch(unsupported, "aws_ecs_service", (), "deployment_configuration",
                            address="data.aws_ecs_service.y")) is None
