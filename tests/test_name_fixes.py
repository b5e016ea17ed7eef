"""The shared name layer: NameSite, length_fix, character_fix, the validation verb and the
length words of messages, each on a small module with the exact text it produces."""

from __future__ import annotations

import textwrap

import pytest

from fixer.editor import EditError, Editor
from fixer.facts.aws_names import spec_for
from fixer.findings import Applicability, Fix
from fixer.model.evaluate import Evaluator, Unknown
from fixer.model.module import Module
from fixer.model.sites import Target, describe_input, describe_length, find_sites
from fixer.names.character_fix import character_fix
from fixer.names.length_fix import length_fix
from fixer.names.site import NameSite, plain_literal
from fixer.rules.base import RuleContext
from fixer.syntax.edits import apply_edits
from fixer.syntax.parser import parse


def _text(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _name(text: str, rtype: str, attribute: str = "name", *, assumed: int = 24, placeholders: bool = True) -> NameSite:
    """The NameSite of the first ``rtype`` resource's ``attribute`` in a one-file module."""
    module = Module.from_sources({"main.tf": text})
    ctx = RuleContext(module, Evaluator(module, placeholders_unknown=placeholders))
    site = next(iter(find_sites(module, ctx.evaluator, [Target(rtype, attributes=(attribute,))])))
    spec = spec_for(rtype, attribute)
    assert spec is not None
    return NameSite.read(site, spec, ctx, assumed)


def _applied(text: str, fix: Fix) -> str:
    return apply_edits(text, fix.edits_for("main.tf"))


# ---- NameSite --------------------------------------------------------------------------


def test_name_site_reads_each_instance_and_leaves_out_null_and_empty_names() -> None:
    text = _text('''
        resource "aws_lb_target_group" "tg" {
          for_each = { a = "x", b = "", c = null }
          name     = each.value
        }
    ''')
    name = _name(text, "aws_lb_target_group")
    assert [i.value for i in name.instances] == ["x"]
    assert name.instances[0].where == " for each.key = a"
    assert name.limit == 32 and name.repeated and not name.key_unknown


def test_name_site_knows_fifo_and_its_limit_and_unknown_keys() -> None:
    fifo = 'resource "aws_sqs_queue" "q" {\n  fifo_queue = true\n  name = "jobs.fifo"\n}\n'
    assert _name(fifo, "aws_sqs_queue").fifo is True
    unknown = 'resource "aws_sqs_queue" "q" {\n  fifo_queue = var.fifo\n  name = "jobs"\n}\n'
    assert _name(unknown, "aws_sqs_queue").fifo is None
    counted = 'resource "aws_iam_role" "r" {\n  count = var.n\n  name = "role-${count.index}"\n}\n'
    name = _name(counted, "aws_iam_role")
    assert name.key_unknown and isinstance(name.instances[0].value, Unknown)
    assert name.instances[0].parts[0] == "role-"


def test_name_site_faults_and_taken_names() -> None:
    text = _text('''
        resource "aws_db_instance" "a" {
          identifier = "Orders-DB"
        }
        resource "aws_db_instance" "b" {
          identifier = "orders-db"
        }
    ''')
    name = _name(text, "aws_db_instance", "identifier")
    [(instance, problems)] = name.faults()
    assert instance.value == "Orders-DB" and [code for code, _ in problems] == ["uppercase"]
    assert name.taken("orders-db") and not name.taken("orders-db-2")


def test_name_site_compares_taken_names_as_aws_does() -> None:
    text = _text('''
        resource "aws_security_group" "a" {
          name   = "web"
          vpc_id = aws_vpc.main.id
        }
        resource "aws_security_group" "b" {
          name   = "API"
          vpc_id = aws_vpc.main.id
        }
        resource "aws_security_group" "c" {
          name   = "db"
          vpc_id = aws_vpc.other.id
        }
    ''')
    name = _name(text, "aws_security_group")
    assert name.taken("api") and name.taken("Api")  # same VPC: EC2 ignores case
    assert not name.taken("db")  # another VPC
    assert not name.taken("web")  # its own name


def test_plain_literal_is_only_a_literal_that_can_be_written_back_unchanged() -> None:
    def expr(source: str):  # type: ignore[no-untyped-def]
        return parse(f"x = {source}\n").body.get_attribute("x").value

    assert plain_literal(expr('"web-tg"')) == "web-tg"
    assert plain_literal(expr('"a\\"b"')) is None
    assert plain_literal(expr('"tg-${var.env}"')) is None
    assert plain_literal(expr("var.name")) is None


# ---- length_fix ------------------------------------------------------------------------


def test_length_fix_shortens_a_literal_that_is_too_long_but_not_one_that_may_be() -> None:
    text = 'resource "aws_lb" "a" {\n  name = "internal-application-load-balancer-west"\n}\n'
    name = _name(text, "aws_lb")
    fix, notes = length_fix(name, possible=False)
    assert fix is not None and notes == () and fix.applicability is Applicability.UNSAFE
    assert fix.title == 'Shorten the name to "internal-application-load-balanc"'
    assert _applied(text, fix) == 'resource "aws_lb" "a" {\n  name = "internal-application-load-balanc"\n}\n'
    assert length_fix(name, possible=True) == (None, ())


def test_length_fix_does_not_shorten_a_literal_to_a_name_another_resource_has() -> None:
    text = _text('''
        resource "aws_lb" "a" {
          name = "internal-application-load-balancer-west"
        }
        resource "aws_lb" "b" {
          name = "internal-application-load-balanc"
        }
    ''')
    assert length_fix(_name(text, "aws_lb"), possible=False) == (None, ())


def test_length_fix_keeps_a_suffix_whole_for_a_known_instance_that_is_too_long() -> None:
    text = _text('''
        resource "aws_lb_target_group" "tg" {
          for_each = toset(["api", "notification-service"])
          name     = "tg-${each.key}-${var.environment}"
        }
        variable "environment" {
          default = "production"
          validation {
            condition     = length(var.environment) <= 10
            error_message = "short"
          }
        }
    ''')
    fix, notes = length_fix(_name(text, "aws_lb_target_group"), possible=False)
    assert fix is not None and notes == () and fix.applicability is Applicability.SAFE
    assert fix.title == 'Keep "-${var.environment}" whole and shorten the rest to fit 32 characters'
    assert 'name     = "${trimsuffix(substr("tg-${each.key}", 0, 32 - length("-${var.environment}")), "-")}-${var.environment}"' \
        in _applied(text, fix)


def test_length_fix_bounds_the_one_variable_of_a_name_that_may_be_too_long() -> None:
    text = _text('''
        variable "suffix" {
          type = string
        }

        resource "aws_lb" "a" {
          name = "application-lb-${var.suffix}"
        }
    ''')
    fix, notes = length_fix(_name(text, "aws_lb"), possible=True)
    assert fix is not None and fix.applicability is Applicability.UNSAFE
    assert fix.title == "Add a validation block to var.suffix: length(var.suffix) <= 17"
    assert notes == ("alternative fix, a rename: Keep names that fit; end longer ones, cut to 32 characters, "
                     "with a hash of the full name",)
    assert _applied(text, fix).startswith(_text('''
        variable "suffix" {
          type = string

          validation {
            condition     = length(var.suffix) <= 17
            error_message = "suffix must be at most 17 characters: aws_lb.a name is limited to 32."
          }
        }
    '''))


def test_length_fix_renames_with_a_hash_when_the_variable_is_already_bounded_too_loosely() -> None:
    text = _text('''
        variable "suffix" {
          type = string
          validation {
            condition     = length(var.suffix) <= 40
            error_message = "at most 40"
          }
        }

        resource "aws_lb" "a" {
          name = var.suffix
        }
    ''')
    fix, notes = length_fix(_name(text, "aws_lb"), possible=True)
    assert fix is not None and notes == () and fix.applicability is Applicability.UNSAFE
    assert "substr(md5(var.suffix), 0, 6)" in _applied(text, fix)


def test_length_fix_offers_nothing_for_a_name_written_over_several_lines() -> None:
    text = 'resource "aws_lb" "a" {\n  name = join("-", [\n    "a", var.x,\n  ])\n}\n'
    assert length_fix(_name(text, "aws_lb"), possible=True) == (None, ())


# ---- character_fix ---------------------------------------------------------------------


def test_character_fix_lowercases_a_literal_or_wraps_a_built_name_in_lower() -> None:
    literal = 'resource "aws_db_instance" "a" {\n  identifier = "Orders-DB"\n}\n'
    fix = character_fix(_name(literal, "aws_db_instance", "identifier"), {"uppercase"})
    assert fix is not None and fix.applicability is Applicability.SAFE and fix.title == "Lowercase the name"
    assert _applied(literal, fix) == 'resource "aws_db_instance" "a" {\n  identifier = "orders-db"\n}\n'
    built = 'locals {\n  env = "Prod"\n}\nresource "aws_db_instance" "a" {\n  identifier = "db-${local.env}"\n}\n'
    fix = character_fix(_name(built, "aws_db_instance", "identifier"), {"uppercase"})
    assert fix is not None and 'identifier = lower("db-${local.env}")' in _applied(built, fix)


def test_character_fix_trims_the_hyphen_a_cut_leaves_and_fixes_nothing_else() -> None:
    text = 'resource "aws_lb" "a" {\n  name = substr("load-balancer-for-the-orders-api-x", 0, 32)\n}\n'
    fix = character_fix(_name(text, "aws_lb"), {"trailing-hyphen"})
    assert fix is not None and fix.title == 'Wrap the name in trimsuffix(..., "-")'
    assert 'name = trimsuffix(substr("load-balancer-for-the-orders-api-x", 0, 32), "-")' in _applied(text, fix)
    underscore = 'resource "aws_lb" "a" {\n  name = "orders_lb"\n}\n'
    assert character_fix(_name(underscore, "aws_lb"), {"chars"}) is None


def test_character_fix_does_not_merge_two_names_or_take_a_name_in_use() -> None:
    text = _text('''
        resource "aws_db_instance" "a" {
          for_each   = toset(["Db", "DB"])
          identifier = "orders-${each.key}"
        }
    ''')
    assert character_fix(_name(text, "aws_db_instance", "identifier"), {"uppercase"}) is None
    taken = _text('''
        resource "aws_db_instance" "a" {
          identifier = "Orders"
        }
        resource "aws_db_instance" "b" {
          identifier = "orders"
        }
    ''')
    assert character_fix(_name(taken, "aws_db_instance", "identifier"), {"uppercase"}) is None


# ---- the validation verb ---------------------------------------------------------------


def test_editor_add_validation_adds_a_block_to_a_variable_only() -> None:
    text = 'variable "env" {\n  type = string\n}\n\nresource "aws_lb" "a" {\n  name = var.env\n}\n'
    module = Module.from_sources({"main.tf": text})
    file = module.files[0]
    variable = module.variable("env")[1]
    editor = Editor(module, file).add_validation(variable, "length(var.env) <= 8", 'env is "short"')
    assert apply_edits(text, [e for _, e in editor.edits]) == (
        'variable "env" {\n  type = string\n\n  validation {\n    condition     = length(var.env) <= 8\n'
        '    error_message = "env is \\"short\\""\n  }\n}\n\nresource "aws_lb" "a" {\n  name = var.env\n}\n'
    )
    resource = next(b for b in file.tree.body.blocks() if b.type == "resource")
    with pytest.raises(EditError):
        Editor(module, file).add_validation(resource, "true", "never")


# ---- length words ----------------------------------------------------------------------


def test_describe_length_and_input_say_how_long_a_value_is_or_can_be() -> None:
    assert describe_length("tg-web") == '"tg-web" (6 characters)'
    assert describe_length(Unknown(min_len=4, max_len=9)) == "4 to 9 characters"
    assert describe_length(Unknown(min_len=3)) == "at least 3 characters"
    assert describe_input(Unknown(min_len=0, max_len=8, sources=("var.env",)), 24) == "var.env up to 8 characters"
    assert describe_input(Unknown(sources=("var.env",)), 24) == "var.env at 24 characters (assumed-input-length)"
    assert describe_input(Unknown(min_len=30), 24) == "an unknown part at 30 characters (assumed-input-length)"
