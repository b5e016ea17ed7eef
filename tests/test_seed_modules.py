"""The two complete seed modules in corpus/seeds/, run through the whole rule set (unsafe fixes on).

* ``ecs-fargate``: the ECS Fargate microservices module of seed 003 with its five deployment
  blockers, plus its legacy CDK tests in ``tests/unit/``. After the fixes every file parses
  with HashiCorp's parser, a second run finds nothing left to fix, every target group name
  fits 32 characters without a trailing ``-`` and the five stay distinct, and every line no
  fix needed to touch is unchanged.
* ``alb-autoscaling``: the clean ALB + Auto Scaling module of seed 000: no finding, no byte
  changed.

``examples/ecs-fargate`` (the bundled example) is the same module. The exact fixed text is
pinned by ``corpus/seeds/ecs-fargate-fixed/`` (reviewed by hand, line by line).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from oracle_guard import gohcl_accepts

import fixer
from fixer.discovery import repository_files
from fixer.findings import Applicability, Severity
from fixer.fixes import ModuleResult, fix_module
from fixer.model.evaluate import Evaluator, Unknown
from fixer.model.module import Module
from fixer.model.values import module_values
from fixer.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
ECS = SEEDS / "ecs-fargate"
ECS_FIXED = SEEDS / "ecs-fargate-fixed"
ALB = SEEDS / "alb-autoscaling"
EXAMPLE = ROOT / "examples" / "ecs-fargate"

SERVICES = ["api-gateway", "user-service", "order-service", "notification-service", "webhook-processor"]
LEGACY_CDK_TESTS = ["tests/unit/test_tap_stack.py", "tests/unit/test_vpc_stack.py"]


def _sources(directory: Path) -> dict[str, str]:
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(directory.glob("*.tf"))}


def _extra(directory: Path) -> list[str]:
    return [str(p) for p in repository_files(directory, directory)]


def _run(directory: Path, sources: dict[str, str] | None = None) -> ModuleResult:
    return fix_module(
        sources if sources is not None else _sources(directory), all_rules(),
        values=module_values(directory), unsafe=True, fix=True, extra_files=_extra(directory),
    )


def _relative(path: str, directory: Path) -> str:
    p = Path(path)
    return p.relative_to(directory).as_posix() if p.is_absolute() else path


@pytest.fixture(scope="module")
def ecs() -> ModuleResult:
    return _run(ECS)


def _applicable(finding) -> bool:
    return finding.fix is not None and finding.fix.applicability in (Applicability.SAFE, Applicability.UNSAFE)


# ---- the ECS Fargate module as the seed describes it ----------------------------------------

# The seed's snippets, verbatim, in order within their file; "..." in the seed splits them.
SEED_SNIPPETS = {
    "alb.tf": [
        'resource "aws_lb_target_group" "services" {\n',
        '  name = "tg-${each.key}-${var.environment_suffix}"\n',
    ],
    "networking.tf": [
        'resource "aws_security_group" "alb" {\n'
        '  name        = "sg-alb-${var.environment_suffix}"\n'
        '  description = "Security group for Application Load Balancer"\n',
        'resource "aws_security_group" "ecs_tasks" {\n'
        '  name        = "sg-ecs-tasks-${var.environment_suffix}"\n'
        '  description = "Security group for ECS tasks"\n',
    ],
    "appmesh.tf": [
        'resource "aws_appmesh_virtual_node" "services" {\n',
        "  spec {\n",
        "    backend {\n"
        '      dynamic "virtual_service" {\n'
        "        for_each = [for svc in keys(var.service_config) : svc if svc != each.key]\n"
        "        content {\n"
        '          virtual_service_name = "${virtual_service.value}.${aws_service_discovery_private_dns_namespace.main.name}"\n'
        "        }\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "}\n",
    ],
    "ecs.tf": [
        'resource "aws_service_discovery_private_dns_namespace" "main" {\n'
        '  name = "microservices.local"\n'
        "  vpc  = aws_vpc.main.id\n"
        "}\n",
        'resource "aws_ecs_service" "services" {\n',
        "  deployment_configuration {\n"
        "    maximum_percent         = 200\n"
        "    minimum_healthy_percent = 100\n"
        "  }\n"
        "\n"
        "  deployment_circuit_breaker {\n"
        "    enable   = true\n"
        "    rollback = true\n"
        "  }\n"
        "}\n",
    ],
    "autoscaling.tf": [
        f'resource "aws_appautoscaling_policy" "scale_{kind}" {{\n'
        "  for_each = var.service_config\n"
        "\n"
        f'  name               = "policy-scale-{kind}-${{each.key}}-${{var.environment_suffix}}"\n'
        '  policy_type        = "TargetTrackingScaling"\n'
        for kind in ("up",)
    ] + [
        "  target_tracking_scaling_policy_configuration {\n"
        "    target_value = var.cpu_target_value\n"
        "    predefined_metric_specification {\n"
        '      predefined_metric_type = "ECSServiceAverageCPUUtilization"\n'
        "    }\n"
        "  }\n"
        "}\n",
        'resource "aws_appautoscaling_policy" "scale_down" {\n'
        "  for_each = var.service_config\n"
        "\n"
        '  name               = "policy-scale-down-${each.key}-${var.environment_suffix}"\n'
        '  policy_type        = "TargetTrackingScaling"\n',
        "  target_tracking_scaling_policy_configuration {\n"
        "    target_value = var.scale_down_cpu_threshold\n"
        "    predefined_metric_specification {\n"
        '      predefined_metric_type = "ECSServiceAverageCPUUtilization"\n'
        "    }\n"
        "  }\n"
        "}\n",
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_SNIPPETS))
def test_ecs_module_holds_the_seed_snippets_verbatim(name: str) -> None:
    text = (ECS / name).read_text(encoding="utf-8")
    at = 0
    for snippet in SEED_SNIPPETS[name]:
        found = text.find(snippet, at)
        assert found != -1, f"{name} lacks, after offset {at}:\n{snippet}"
        at = found + len(snippet)


def test_ecs_module_is_the_seed_configuration() -> None:
    sources = _sources(ECS)
    assert {"alb.tf", "networking.tf", "appmesh.tf", "ecs.tf", "autoscaling.tf"} <= set(sources)
    for name, text in sources.items():
        assert fixer.format(text) == text, f"{name} is not terraform fmt clean"
        assert gohcl_accepts(text) in (True, None), f"HashiCorp's parser rejects {name}"
    values = module_values(ECS)
    assert values == {"environment_suffix": "synthl9l1q"}
    module = Module.from_sources(sources, values)
    evaluator = Evaluator(module)
    counts = {}
    for _f, block in module.resources():
        scopes = evaluator.instances(block)
        assert scopes is not None, f"instances of {'.'.join(block.labels)} are unknown"
        counts[".".join(block.labels)] = len(scopes)
    assert sum(counts.values()) == 118
    assert list(evaluator.evaluate(module.variable("service_config")[1].body.get_attribute("default").value)) == SERVICES
    for address in ("aws_ecr_repository.services", "aws_ecr_lifecycle_policy.services", "aws_cloudwatch_log_group.services",
                    "aws_ecs_task_definition.services", "aws_ecs_service.services", "aws_appmesh_virtual_node.services",
                    "aws_lb_target_group.services", "aws_appautoscaling_policy.scale_up",
                    "aws_appautoscaling_policy.scale_down", "aws_secretsmanager_secret.services"):
        assert counts[address] == 5, address
    assert evaluator.variable_value("log_retention_days") == 7
    assert evaluator.variable_value("ecr_images_to_keep") == 10
    assert module.required_provider_version("aws") == "~> 5.0"


def test_ecs_module_shows_every_seed_failure(ecs: ModuleResult) -> None:
    codes = Counter(f.rule for f in ecs.findings)
    for code in ("AWS001", "AWS003", "AWS004", "AWS005"):
        assert codes[code] >= 1, f"{code} does not report its seed failure"
    assert codes["AWS002"] == 2  # sg-alb-..., sg-ecs-tasks-...
    tg = [f for f in ecs.findings if f.rule == "AWS001"]
    assert all(f.path == "alb.tf" for f in tg) and any("notification-service" in f.message for f in tg)
    repo = sorted(_relative(f.path, ECS) for f in ecs.findings if f.rule == "REPO001")
    assert repo == LEGACY_CDK_TESTS
    assert not ecs.problems, [p.message for p in ecs.problems]


def test_fixed_ecs_module_parses_with_hashicorp_parser(ecs: ModuleResult) -> None:
    assert ecs.changed_paths, "the fixes changed nothing"
    for name, text in ecs.fixed.items():
        Module.from_sources({name: text})  # tffix's own parser
        assert gohcl_accepts(text) in (True, None), f"HashiCorp's parser rejects the fixed {name}"
        assert fixer.format(text) == text, f"the fixed {name} is not terraform fmt clean"


def test_second_run_finds_nothing_left_to_fix(ecs: ModuleResult) -> None:
    again = _run(ECS, ecs.fixed)
    assert again.fixed == ecs.fixed, "a second run changed the fixed text"
    tf_again = [f for f in again.findings if f.path in ecs.fixed]
    assert not [f for f in tf_again if f.rule in ("AWS001", "AWS002", "AWS003", "AWS004", "AWS005")]
    assert not [f for f in tf_again if f.severity is Severity.ERROR or _applicable(f)]
    # What is left is what no fix could resolve, as it was on the first run (with unsafe fixes
    # on, AWS006's rename of the namespace is applied too), nothing new.
    # (Messages may differ: AWS006 counts the module's names, and a fix may remove one.)
    left_first = Counter((f.rule, f.path) for f in ecs.findings if f.path in ecs.fixed and not _applicable(f))
    assert Counter((f.rule, f.path) for f in tf_again) == left_first
    # The legacy CDK tests are reported, never fixed.
    assert sorted(_relative(f.path, ECS) for f in again.findings if f.rule == "REPO001") == LEGACY_CDK_TESTS


def test_fixed_target_group_names_fit_and_stay_distinct(ecs: ModuleResult) -> None:
    module = Module.from_sources(ecs.fixed, module_values(ECS))
    evaluator = Evaluator(module)
    groups = list(module.resources("aws_lb_target_group")) + list(module.resources("aws_alb_target_group"))
    assert groups
    names = []
    for _f, block in groups:
        scopes = evaluator.instances(block)
        assert scopes is not None
        for scope in scopes:
            attribute = block.body.get_attribute("name")
            assert attribute is not None
            value = evaluator.evaluate(attribute.value, scope)
            assert not isinstance(value, Unknown), f"{scope.describe()}: the name cannot be evaluated"
            assert len(value) <= 32 and re.fullmatch(r"[0-9A-Za-z](?:[0-9A-Za-z-]*[0-9A-Za-z])?", value), value
            names.append(value)
    assert len(names) == len(SERVICES) == len(set(names)), names


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((start, start + len(line)))
        start += len(line)
    return spans


def test_lines_no_fix_needed_to_touch_are_unchanged(ecs: ModuleResult) -> None:
    """Every original line outside the applied fixes' edit ranges is in the fixed text, in order."""
    applied = [f for f in ecs.findings if f in ecs.applied]
    assert applied, "no fix of the first run was applied"
    for name, original in ecs.original.items():
        edits = [e for f in applied for p, e in f.fix.edits if p == name]
        kept = [
            original[a:b]
            for a, b in _line_spans(original)
            if not any((e.start < b and a < e.end) or (e.start == e.end and a <= e.start < b) for e in edits)
        ]
        fixed_lines = ecs.fixed[name].splitlines(keepends=True)
        i = 0
        for line in kept:
            while i < len(fixed_lines) and fixed_lines[i] != line:
                i += 1
            assert i < len(fixed_lines), f"{name}: untouched line {line!r} is missing or out of order"
            i += 1
        if not edits:
            assert ecs.fixed[name] == original, f"{name}: changed, but no applied fix edits it"


def test_ecs_fixed_snapshot(ecs: ModuleResult) -> None:
    assert ECS_FIXED.is_dir(), "corpus/seeds/ecs-fargate-fixed/ holds the expected fixed text"
    expected = _sources(ECS_FIXED)
    assert sorted(expected) == sorted(ecs.fixed)
    for name in sorted(expected):
        assert ecs.fixed[name] == expected[name], f"{name} differs from the snapshot"


def test_check_paths_reports_the_seed_with_its_legacy_tests(ecs: ModuleResult) -> None:
    results = fixer.check_paths([str(ECS)], unsafe=True, fix=True)
    by_path = {_relative(r.path, ECS): r for r in results}
    assert not [r.error for r in results if r.error]
    for name in LEGACY_CDK_TESTS:  # ported by REPO001's unsafe fix (tests/test_cdk_port.py runs them)
        result = by_path[name]
        assert [f.rule for f in result.findings] == ["REPO001"] and result.changed
        assert [f.rule for f in result.applied] == ["REPO001"] and "fixer.inspect_module" in result.fixed
    assert {p for p, r in by_path.items() if r.changed} == set(ecs.changed_paths) | set(LEGACY_CDK_TESTS)
    for name in ecs.changed_paths:
        assert by_path[name].fixed == ecs.fixed[name]


def test_bundled_example_is_the_seed_module() -> None:
    """examples/ecs-fargate is the ECS seed (a symlink in git, a copy in an sdist): same bytes."""
    def files(directory: Path) -> dict[str, bytes]:
        return {
            p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
        }

    assert EXAMPLE.is_dir()
    assert files(EXAMPLE) == files(ECS)


# ---- the clean ALB + Auto Scaling module ----------------------------------------------------


def test_clean_module_is_the_seed_configuration() -> None:
    sources = _sources(ALB)
    text = "".join(sources.values())
    for name, source in sources.items():
        assert fixer.format(source) == source, f"{name} is not terraform fmt clean"
        assert gohcl_accepts(source) in (True, None), f"HashiCorp's parser rejects {name}"
    module = Module.from_sources(sources)
    evaluator = Evaluator(module)
    assert evaluator.variable_value("public_subnet_cidrs") == ["10.0.1.0/24", "10.0.2.0/24"]
    assert (evaluator.variable_value("asg_min_size"), evaluator.variable_value("asg_max_size")) == (2, 6)
    assert evaluator.variable_value("instance_type") == "t3.micro"
    assert evaluator.variable_value("cpu_target_value") == 70
    assert evaluator.variable_value("health_check_path") == "/health"
    ports = sorted(evaluator.evaluate(b.body.get_attribute("port").value) for _f, b in module.resources("aws_lb_listener"))
    assert ports == [80, 443]
    [(_f, tg)] = module.resources("aws_lb_target_group")
    assert evaluator.evaluate(tg.body.get_attribute("deregistration_delay").value) == 30
    assert tg.body.first_matching_block("stickiness") is not None
    assert '"/api/v1/*"' in text and "aws_autoscaling_policy" in text and "httpd" in text
    assert "enable_deletion_protection = false" in text
    for _f, block in module.resources():
        for key in ("name", "alarm_name"):
            attribute = block.body.get_attribute(key)
            if attribute is not None:
                assert "var.environment_suffix" in attribute.value.code, ".".join(block.labels)


def test_clean_module_no_finding_and_no_byte_changed() -> None:
    result = _run(ALB)
    assert result.findings == [], [f"{f.path}:{f.line}: {f.rule} {f.message}" for f in result.findings]
    assert result.problems == []
    assert result.fixed == result.original == _sources(ALB)
    assert _extra(ALB), "the clean module's own Python tests (boto3, hcl2) should be looked at too"
    paths = fixer.check_paths([str(ALB)], unsafe=True, fix=True)
    assert [f for r in paths for f in r.findings] == [] and not any(r.changed or r.error for r in paths)
