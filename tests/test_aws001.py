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


# ---- issue 14: bounds, renames that keep environments apart, the validation fix -------------


def _names_for(case: str, suffix: str) -> dict[str, str]:
    """The target group names of a fixed fixture case for one environment suffix, by key."""
    after = CASES / case / "after"
    sources = {p.name: p.read_text() for p in sorted(after.glob("*.tf"))}
    module = Module.from_sources(sources, {"environment_suffix": suffix})
    evaluator = Evaluator(module)
    _file, block = next(module.resources("aws_lb_target_group"))
    name = block.body.get_attribute("name").value
    return {s.each_key: evaluator.evaluate(name, s) for s in evaluator.instances(block)}


@pytest.mark.parametrize(("case", "longest"), [("seed-target-group", 40), ("budgeted-suffix-validated", 10)])
def test_renamed_names_keep_environments_and_keys_apart(case: str, longest: int) -> None:
    """Every suffix length up to the bound: names fit, keys stay apart, suffixes differing only
    in the last character stay apart, and a name that fitted keeps its exact value."""
    for size in range(1, longest + 1):
        first, second = "x" * (size - 1) + "1", "x" * (size - 1) + "2"
        a, b = _names_for(case, first), _names_for(case, second)
        for names in (a, b):
            assert all(isinstance(n, str) and 0 < len(n) <= 32 and not n.endswith("-") for n in names.values())
            assert len(set(names.values())) == len(names), names
        for key in a:
            assert a[key] != b[key], (key, first, second)
            original = f"tg-{key}-{first}"
            if len(original) <= 32:
                assert a[key] == original


def test_seed_names_for_the_issue_suffixes() -> None:
    """issue 14: synthl9l1q / synthl9l2q / staging-eu1 / a 30-character suffix."""
    suffixes = ["synthl9l1q", "synthl9l2q", "staging-eu1", "abcdefghijklmnopqrstuvwxyz0123"]
    names = [_names_for("seed-target-group", s) for s in suffixes]
    assert names[0]["notification-service"] != names[1]["notification-service"]
    assert names[0]["api-gateway"] == "tg-api-gateway-synthl9l1q"
    every = [n for group in names for n in group.values()]
    assert len(set(every)) == len(every) and all(len(n) <= 32 for n in every)


def test_bounds_for_unknown_inputs() -> None:
    from fixer.model.evaluate import regex_max_length

    assert regex_max_length("^.{1,20}$") == 20
    assert regex_max_length("^[a-z][a-z0-9-]{0,7}$") == 8
    assert regex_max_length("^(dev|staging|prod)$") == 7
    assert regex_max_length("^[a-z]+$") is None and regex_max_length("[a-z]{1,3}") is None
    text = (
        'variable "a" {\n  type = string\n  validation {\n    condition = length(var.a) < 9\n'
        '    error_message = "x"\n  }\n}\n'
        'variable "b" {\n  type = string\n  validation {\n    condition = contains(["eu", "apac"], var.b)\n'
        '    error_message = "x"\n  }\n}\n'
        'variable "c" {\n  type = bool\n}\n'
        'variable "d" {\n  type = string\n  validation {\n    condition = var.d == "" || length(var.d) <= 3\n'
        '    error_message = "x"\n  }\n}\n'
        'resource "random_id" "r" {\n  byte_length = 4\n}\n'
        'resource "random_string" "s" {\n  length = 5\n}\n'
        'resource "random_pet" "p" {\n  length = 3\n}\n'
        'data "aws_caller_identity" "me" {}\ndata "aws_region" "here" {}\n'
    )
    evaluator = Evaluator(Module.from_sources({"main.tf": text}))

    def bounds(source: str) -> tuple:
        value = evaluator.evaluate_source(source)
        return value.min_len, value.max_len

    assert bounds("var.a") == (0, 8)
    assert bounds("var.b") == (2, 4)
    assert bounds("var.c") == (4, 5)
    assert bounds("var.d") == (0, None)  # a disjunction bounds nothing
    assert bounds("random_id.r.hex") == (8, 8) and bounds("random_id.r.b64_url") == (6, 6)
    assert bounds("random_string.s.result") == (5, 5)
    assert bounds("random_pet.p.id") == (5, None)  # three words, two separators: the words are unbounded
    assert bounds("data.aws_caller_identity.me.account_id") == (12, 12)
    assert bounds("data.aws_region.here.name") == (9, 14)
    assert bounds('format("%.6s-x", var.z)') == (2, 8)
    assert evaluator.evaluate_source('format("%.3s", "abcdef")') == "abc"


def test_validation_bounded_prefix_is_silent_and_unbounded_one_warns() -> None:
    bounded = (
        'variable "tier" {\n  type = string\n  validation {\n    condition     = length(var.tier) <= 4\n'
        '    error_message = "x"\n  }\n}\n\nresource "aws_lb" "x" {\n  name_prefix = "${var.tier}-"\n}\n'
    )
    assert _run({"main.tf": bounded}).findings == []
    unbounded = 'variable "tier" {\n  type = string\n}\n\nresource "aws_lb" "x" {\n  name_prefix = "${var.tier}-"\n}\n'
    (finding,) = _run({"main.tf": unbounded}).findings
    assert finding.severity is Severity.WARNING
    assert "may be longer than 6 characters" in finding.message
