"""AWS001 name-too-long: behaviour the fixture cases do not show on their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixer.findings import Applicability, Severity
from fixer.fixes import fix_module
from fixer.model.evaluate import Evaluator, Unknown
from fixer.model.module import Module
from fixer.model.values import module_values
from fixer.rules import rule_by_code, select_rules
from fixer.facts.aws_names import NAME_SPECS, UNIQUE_SUFFIX_LENGTH, specs_for
from fixer.syntax.parser import parse

CASES = Path(__file__).resolve().parents[1] / "corpus" / "rules" / "AWS001"
RULES = select_rules(["AWS001"])


def _run(sources: dict[str, str], values: dict | None = None, **kwargs):
    return fix_module(sources, RULES, values=values or {}, **kwargs)


def _module_sources(case: str) -> tuple[dict[str, str], dict]:
    before = CASES / case / "before"
    return {p.name: p.read_text() for p in sorted(before.glob("*.tf"))}, module_values(before)


def _target_group_names(sources: dict[str, str], values: dict) -> list[str]:
    module = Module.from_sources(sources, values)
    evaluator = Evaluator(module)
    _file, block = module.resource("aws_lb_target_group.services")
    name = block.body.get_attribute("name").value
    return [evaluator.evaluate(name, scope) for scope in evaluator.instances(block)]


def test_seed_fixed_module_names_fit_without_trailing_hyphen_and_stay_distinct() -> None:
    sources, values = _module_sources("seed-target-group")
    before = _target_group_names(sources, values)
    assert len(before) == 5 and max(len(n) for n in before) > 32
    result = _run(sources, values)
    assert [f.fix.applicability for f in result.applied] == [Applicability.SAFE]
    after = _target_group_names(result.fixed, values)
    assert all(isinstance(n, str) and len(n) <= 32 and not n.endswith("-") for n in after)
    assert len(set(after)) == 5
    # names that were already valid are kept as they were: no replacement of those instances
    assert [a for a, b in zip(after, before) if len(b) <= 32] == [b for b in before if len(b) <= 32]
    assert not _run(result.fixed, values).findings


def test_collision_fix_keeps_names_unique() -> None:
    sources, values = _module_sources("collision-needs-hash")
    result = _run(sources, values, unsafe=True)
    module = Module.from_sources(result.fixed, values)
    evaluator = Evaluator(module)
    _file, block = module.resource("aws_lb_target_group.workers")
    names = [evaluator.evaluate(block.body.get_attribute("name").value, s) for s in evaluator.instances(block)]
    assert len(set(names)) == 2 and all(len(n) == 32 for n in names)
    # the guarded hash renames only the instances that cannot be created: a safe fix
    assert _run(sources, values).fixed == result.fixed


def test_plain_variable_name_is_not_flagged() -> None:
    text = 'variable "name" {\n  type = string\n}\n\nresource "aws_lb" "x" {\n  name = var.name\n}\n'
    assert _run({"main.tf": text}).findings == []


@pytest.mark.parametrize(
    ("literal", "warns"),
    [
        ("tg-notification-svc-", True),  # 20 known + var.env at the assumed 24 = 44 > 32
        ("tg-web-", False),  # 7 + 24 = 31: the alb-autoscaling seed's shape stays silent
        ("tg-", False),
    ],
)
def test_possible_overflow_threshold(literal: str, warns: bool) -> None:
    text = (
        'variable "env" {\n  type = string\n}\n\n'
        'resource "aws_lb_target_group" "x" {\n'
        f'  name = "{literal}${{var.env}}"\n'
        "}\n"
    )
    findings = _run({"main.tf": text}).findings
    if not warns:
        assert findings == []
        return
    (finding,) = findings
    known = len(literal)
    assert finding.severity is Severity.WARNING
    assert (
        f"the known parts take {known} characters; with var.env at 24 characters (assumed-input-length) "
        f"it is {known + 24}"
    ) in finding.message
    # the module's own variable: the default fix bounds it, naming the resource and the limit
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert f"length(var.env) <= {32 - known}" in finding.fix.title
    fixed = _run({"main.tf": text}, unsafe=True).fixed
    assert f"condition     = length(var.env) <= {32 - known}" in fixed["main.tf"]
    assert "aws_lb_target_group.x name is limited to 32" in fixed["main.tf"]
    assert _run(fixed).findings == []


def test_assumed_input_length_option() -> None:
    text = (
        'variable "env" {\n  type = string\n}\n\n'
        'resource "aws_lb" "x" {\n  name = "app-frontend-web-${var.env}"\n}\n'
    )
    assert [f.severity for f in _run({"main.tf": text}).findings] == [Severity.WARNING]  # 17 + 24 > 32
    assert _run({"main.tf": text}, options={"AWS001": {"assumed-input-length": 15}}).findings == []


def test_known_parts_alone_too_long_is_an_error() -> None:
    literal = "-cross-account-deployment-pipeline-artifact-reader-role-for-production"
    assert len(literal) > 64
    text = (
        'variable "env" {\n  type = string\n}\n\n'
        'resource "aws_iam_role" "x" {\n'
        f'  name               = "${{var.env}}{literal}"\n'
        '  assume_role_policy = "{}"\n'
        "}\n"
    )
    (finding,) = _run({"main.tf": text}).findings
    assert finding.severity is Severity.ERROR
    assert f"is at least {len(literal)} characters whatever var.env is; the limit is 64" in finding.message
    # the guarded hash, verified on made-up values of var.env, renames only what cannot be created
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE


def test_placeholder_default_is_treated_as_unknown() -> None:
    # terraform-aws-lambda's sentinel: "*" only when the caller sets neither name
    text = (
        'variable "role_name" {\n  type    = string\n  default = null\n}\n\n'
        'variable "function_name" {\n  type    = string\n  default = ""\n}\n\n'
        'resource "aws_iam_role" "lambda" {\n'
        '  name               = coalesce(var.role_name, var.function_name, "*")\n'
        '  assume_role_policy = "{}"\n'
        "}\n"
    )
    assert _run({"main.tf": text}).findings == []
    (finding,) = _run({"main.tf": text}, values={"role_name": "fn*"}).findings
    assert 'contains "*"' in finding.message


def test_sqs_standard_queue_rejects_fifo_suffix_and_dots() -> None:
    text = 'resource "aws_sqs_queue" "q" {\n  name = "jobs.fifo"\n}\n'
    (finding,) = _run({"main.tf": text}).findings
    assert 'contains "."' in finding.message and finding.fix is None


@pytest.mark.parametrize(
    "value",
    [
        "aws_lb.x[*].name",
        "42",
        '["a", "b"]',
        "null",
        '""',
        "<<EOT\nthis-heredoc-name-is-much-longer-than-thirty-two-characters\nEOT",
        'var.undeclared == "" ? "x" : var.undeclared',
        "each.key",
        "count.index",
    ],
)
def test_odd_values_do_not_crash(value: str) -> None:
    text = f'resource "aws_lb" "x" {{\n  count = length(var.unknown)\n  name  = {value}\n}}\n'
    result = _run({"main.tf": text})
    assert not result.problems
    result = _run({"main.tf": text.replace("\n", "\r\n")})
    assert not result.problems


def test_heredoc_name_too_long_is_reported_without_fix() -> None:
    text = 'resource "aws_lb" "x" {\n  name = <<EOT\nthis-heredoc-name-is-much-longer-than-thirty-two\nEOT\n}\n'
    length, characters = _run({"main.tf": text}).findings
    assert "is 49 characters; the limit is 32" in length.message  # a heredoc keeps its final newline
    assert 'contains "\\n"' in characters.message and "\n" not in characters.message
    assert length.fix is None and characters.fix is None


def test_table_covers_the_issue() -> None:
    types = {t for spec in NAME_SPECS for t in spec.resource_types}
    assert len(types) >= 20
    for rtype in ("aws_lb_target_group", "aws_alb_target_group", "aws_lb", "aws_alb", "aws_elb"):
        limits = {s.attribute: s.max_len for s in specs_for(rtype)}
        assert limits == {"name": 32, "name_prefix": 6}
    assert {s.attribute: s.max_len for s in specs_for("aws_iam_role")} == {"name": 64, "name_prefix": 38}
    assert {s.attribute: s.max_len for s in specs_for("aws_elasticache_cluster")} == {"cluster_id": 50}
    assert specs_for("aws_db_instance")[0].max_len == 63
    for spec in NAME_SPECS:
        if spec.is_prefix:
            (name,) = [
                s for s in NAME_SPECS
                if s.resource_types == spec.resource_types and s.attribute == spec.attribute.removesuffix("_prefix")
            ]
            assert spec.max_len == name.max_len - UNIQUE_SUFFIX_LENGTH
            assert not spec.no_trailing_hyphen


def test_documentation_sections() -> None:
    doc = rule_by_code("AWS001").documentation()
    # The six sections are checked for every rule in one place (test_platform.py).
    assert "cannot be longer than 32 characters" in doc


def test_evaluator_replace_with_empty_string_keeps_the_length_bound() -> None:
    doc = parse('v = replace(substr(var.x, 0, 32), "/-+$/", "")\nw = replace(var.x, "a", "bbb")\n')

    class _Empty:
        values: dict = {}

        def variable(self, name):
            return None

        def local(self, name):
            return None

    evaluator = Evaluator(_Empty())
    v = evaluator.evaluate(doc.body.get_attribute("v").value)
    assert isinstance(v, Unknown) and v.max_len == 32 and v.sources == ("var.x",)
    w = evaluator.evaluate(doc.body.get_attribute("w").value)
    assert isinstance(w, Unknown) and w.max_len is None
    known = parse('v = replace("ab--", "/-+$/", "")\n').body.get_attribute("v").value
    assert evaluator.evaluate(known) == "ab"
