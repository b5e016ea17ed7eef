"""AWS002 reserved-name-prefix: where the marker goes, and odd input the rule must survive."""

from __future__ import annotations

import pytest
from oracle_guard import gohcl_accepts

import fixer
from fixer.fixes import fix_module, run_rules
from fixer.model.module import Module
from fixer.rules import rule_by_code

RULE = rule_by_code("AWS002")


def _sg(value: str, attr: str = "name") -> str:
    return f'resource "aws_security_group" "x" {{\n  {attr} = {value}\n}}\n'


def _findings(text: str):
    findings, problems = run_rules(Module.from_sources({"main.tf": text}), [RULE])
    assert not problems, [p.message for p in problems]
    return findings


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('"sg-alb-${var.environment_suffix}"', '"alb-sg-${var.environment_suffix}"'),
        ('"sg-ecs-tasks-${var.environment_suffix}"', '"ecs-tasks-sg-${var.environment_suffix}"'),
        ('"sg-${var.x}"', '"${var.x}-sg"'),
        ('"sg-web"', '"web-sg"'),
        ('"sg-${var.x}-${var.y}"', '"${var.x}-${var.y}-sg"'),
        ('"sg-${var.x}-db"', '"${var.x}-db-sg"'),
        ('"sg-${var.x}_"', '"${var.x}-sg_"'),
        ('"sg-caf\\u00e9"', '"caf\\u00e9-sg"'),  # the escape stays whole
        ('"sg-web$${literal}"', '"web-sg$${literal}"'),
        ('"sg-a.b ${var.x}"', '"a.b-sg ${var.x}"'),
    ],
)
def test_marker_moves_after_the_leading_words(before: str, after: str) -> None:
    result = fix_module({"main.tf": _sg(before)}, [RULE])
    assert result.fixed["main.tf"] == _sg(after)
    assert gohcl_accepts(result.fixed["main.tf"]) in (True, None)
    assert result.remaining == []


@pytest.mark.parametrize(
    ("before", "after"),
    [('"sg-web-"', '"web-sg-"'), ('"sg-${var.x}-"', '"${var.x}-sg-"'), ('"sg-${var.x}"', '"${var.x}-sg"')],
)
def test_name_prefix_keeps_its_trailing_separator(before: str, after: str) -> None:
    result = fix_module({"main.tf": _sg(before, "name_prefix")}, [RULE])
    assert result.fixed["main.tf"] == _sg(after, "name_prefix")


@pytest.mark.parametrize(
    "value",
    [
        '"sg-"',  # no word to move the marker after
        '"sg-sg-web"',  # moving one marker leaves another
        '"sg-$${x}"',  # only escaped text after the marker
        '"sg-%{if var.x}a%{endif}"',  # a directive: not rewritten
        '<<EOT\nsg-web\nEOT',  # a heredoc: not rewritten
        'lower("SG-WEB")',
    ],
)
def test_reported_without_a_fix(value: str) -> None:
    findings = _findings(_sg(value))
    assert len(findings) == 1
    assert findings[0].fix is None


@pytest.mark.parametrize(
    "text",
    [
        _sg("var.name"),
        _sg("null"),
        _sg("42"),
        _sg("aws_security_group.other[*].name"),
        _sg('"${var.prefix}sg-web"'),
        _sg('var.enabled ? "sg-a" : "b-sg"'),
        'resource "aws_security_group" "x" {\n  for_each = var.groups\n\n  name = each.key\n}\n',
        'resource "aws_security_group" "x" {\n  count = var.n\n\n  name = "web-${count.index}"\n}\n',
        'resource "aws_security_group" "x" {\n  dynamic "ingress" {\n    for_each = []\n    content {}\n  }\n}\n',
        'resource "aws_security_group" "x" {}\n',
        'resource "aws_security_group" {\n}\n',
        'resource "aws_s3_bucket" "b" {\n  bucket = "${var.p}${var.q}"\n}\n',
        'resource "aws_kms_alias" "data" {\n  name = "ali${var.rest}"\n}\n',
        'resource "aws_kms_alias" "data" {\n  name = ""\n}\n',
        'locals {\n  a = local.b\n  b = local.a\n}\n\n' + _sg("local.a"),
    ],
)
def test_no_finding_on_unknown_or_odd_input(text: str) -> None:
    assert _findings(text) == []


def test_conditional_with_both_branches_known_is_reported() -> None:
    findings = _findings('variable "on" {\n  default = true\n}\n\n' + _sg('var.on ? "sg-a" : "b-sg"'))
    assert len(findings) == 1 and findings[0].fix is None


def test_same_text_elsewhere_is_renamed_only_here_with_unsafe_fixes() -> None:
    text = _sg('"sg-web"') + '\noutput "group" {\n  value = "sg-web"\n}\n'
    safe = fix_module({"main.tf": text}, [RULE])
    assert safe.fixed["main.tf"] == text
    unsafe = fix_module({"main.tf": text}, [RULE], unsafe=True)
    assert unsafe.fixed["main.tf"] == _sg('"web-sg"') + '\noutput "group" {\n  value = "sg-web"\n}\n'


def test_kms_alias_prefix_keeps_trailing_comments_aligned() -> None:
    text = (
        'resource "aws_kms_alias" "data" {\n'
        '  name          = "a"   # one\n'
        '  target_key_id = "k" # two\n'
        "}\n"
    )
    assert fixer.format(text) != text  # not fmt-clean: the edit is not widened
    fixed = fix_module({"main.tf": text}, [RULE]).fixed["main.tf"]
    assert fixed == text.replace('"a"', '"alias/a"')
    clean = fixer.format(text)
    fixed = fix_module({"main.tf": clean}, [RULE]).fixed["main.tf"]
    assert fixed == (
        'resource "aws_kms_alias" "data" {\n'
        '  name          = "alias/a" # one\n'
        '  target_key_id = "k"       # two\n'
        "}\n"
    )


def test_kms_alias_from_a_variable_default_is_reported_without_fix() -> None:
    text = (
        'variable "alias" {\n  default = "orders"\n}\n\n'
        'resource "aws_kms_alias" "data" {\n  name          = var.alias\n  target_key_id = "k"\n}\n'
    )
    (finding,) = _findings(text)
    assert finding.fix is None
    assert finding.notes == ("the value comes from var.alias; add the prefix there",)


def test_tfvars_value_is_checked() -> None:
    text = 'variable "n" {\n  type = string\n}\n\n' + _sg("var.n")
    findings, _ = run_rules(Module.from_sources({"main.tf": text}, {"n": "sg-from-tfvars"}), [RULE])
    assert [f.message for f in findings] == [
        'aws_security_group.x name "sg-from-tfvars" (the value of var.n) begins with "sg-", '
        "which AWS reserves for security group IDs"
    ]
