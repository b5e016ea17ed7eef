"""The rule platform: one parse per file, sites and their instance policy, the editor,
metadata and documentation checked in one place, one rule per problem."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from rule_cases import rule_cases

import fixer
from fixer.findings import Applicability
from fixer.fixes import fix_module, run_rules
from fixer.model.evaluate import Evaluator, Unknown
from fixer.model.module import Module
from fixer.model.sites import CONFIGURATION_KEY, NO_INSTANCE_NOTE, UNKNOWN_KEY, Target, find_sites
from fixer.rules import all_rules, select_rules
from fixer.rules.base import validate_rule
from fixer.syntax import parser
from fixer.syntax.edits import apply_edits


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text the LALR parser runs on (each call of ``parse``)."""
    calls: list[int] = []
    real = parser._run

    def counting(tables, tokens, end):  # type: ignore[no-untyped-def]
        calls.append(end.start_pos)
        return real(tables, tokens, end)

    monkeypatch.setattr(parser, "_run", counting)
    return calls


# ---- one parse per file ----------------------------------------------------------------

SG = 'resource "aws_security_group" "web" {\n  name = "sg-web"\n}\n'
ALIAS = 'resource "aws_kms_alias" "a" {\n  name          = "data"\n  target_key_id = "k"\n}\n'
PLAIN = 'variable "x" {\n  default = "y"\n}\n'


def test_a_check_run_parses_each_file_once(tmp_path: Path, parse_calls: list[int]) -> None:
    for name, text in {"sg.tf": SG, "alias.tf": ALIAS, "plain.tf": PLAIN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = fixer.check_paths([str(tmp_path)], config=False)
    assert sum(len(r.findings) for r in results) == 2  # the rules did run
    assert sorted(parse_calls) == sorted(len(t) for t in (SG, ALIAS, PLAIN))


def test_a_fix_run_parses_only_the_texts_it_produced(tmp_path: Path, parse_calls: list[int]) -> None:
    for name, text in {"sg.tf": SG, "plain.tf": PLAIN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    [plain, sg] = fixer.check_paths([str(tmp_path)], config=False, fix=True)
    assert sg.fixed == SG.replace("sg-web", "web-sg")
    # Each file read once, then the one fixed text once (the final round reuses it); the
    # only other text parsed is the edited block, laid out on its own (here the whole file).
    assert sorted(parse_calls) == sorted([len(SG), len(PLAIN), len(sg.fixed), len(sg.fixed)])


def test_fix_source_check_parses_once(parse_calls: list[int]) -> None:
    fixer.fix_source(SG + ALIAS, fix=False)
    assert parse_calls == [len(SG + ALIAS)]


# ---- sites and the instance policy (one policy for every rule) --------------------------


def _sites(text: str, target: Target) -> list:
    module = Module.from_sources({"main.tf": text})
    return list(find_sites(module, Evaluator(module), [target]))


def test_count_zero_has_no_instance_and_no_values() -> None:
    [site] = _sites('resource "aws_security_group" "a" {\n  count = 0\n  name  = "sg-a"\n}\n',
                    Target("aws_security_group", attributes=("name",)))
    assert site.instances() == [] and site.values() == []


def test_count_zero_on_a_target_checked_by_validate_gives_the_configuration_time_value() -> None:
    """terraform validate runs the provider's ValidateFunc on a count = 0 block with every
    variable and count.index unknown (hashicorp/terraform#36776): a known value is judged."""
    target = Target("aws_security_group", attributes=("name",), checked_by_validate=True)
    head = 'locals {\n  kind = "alb"\n}\nvariable "env" {\n  default = "prod"\n}\n'

    def values(name: str, tfvars: dict | None = None) -> list:
        text = head + f'resource "aws_security_group" "a" {{\n  count = 0\n  name  = {name}\n}}\n'
        module = Module.from_sources({"main.tf": text}, tfvars or {})
        [site] = find_sites(module, Evaluator(module), [target])
        return [(v.instance.key, v.text, v.configuration_time) for v in site.values()]

    assert values('"sg-alb"') == [(CONFIGURATION_KEY, "sg-alb", True)]
    assert values('"sg-${local.kind}"') == [(CONFIGURATION_KEY, "sg-alb", True)]
    # unknown to validate: a variable (whatever its default or tfvars value), count.index
    assert values('"sg-${var.env}"') == [] and values("var.env", {"env": "sg-x"}) == []
    assert values('"sg-${count.index}"') == []
    # the same target on a resource with instances: its instances, as always
    module = Module.from_sources({"main.tf": head + 'resource "aws_security_group" "a" {\n  name = "sg-${var.env}"\n}\n'})
    [site] = find_sites(module, Evaluator(module), [target])
    assert [(v.instance.key, v.text) for v in site.values()] == [(None, "sg-prod")]


def test_unknown_count_is_one_instance_with_an_unknown_key() -> None:
    [site] = _sites('resource "aws_security_group" "a" {\n  count = var.n\n  name  = "sg-${count.index}"\n}\n',
                    Target("aws_security_group", attributes=("name",)))
    [value] = site.values()
    assert value.instance.key is UNKNOWN_KEY
    assert value.pieces == ("sg-", None) and isinstance(value.value, Unknown)
    assert value.leading == "sg-" and value.text is None and "count.index" in value.sources


def test_known_for_each_gives_each_instance_its_value() -> None:
    text = 'resource "aws_s3_bucket" "b" {\n  for_each = toset(["x", "y"])\n  bucket = "logs-${each.key}"\n}\n'
    [site] = _sites(text, Target("aws_s3_bucket", attributes=("bucket",)))
    assert [(v.instance.key, v.text) for v in site.values()] == [("x", "logs-x"), ("y", "logs-y")]
    assert site.address == "aws_s3_bucket.b" and site.name == "bucket"


def test_values_come_through_locals_format_and_join_with_where_they_come_from() -> None:
    text = _dedent('''
        locals {
          prefix = format("%s-%s", "sg", var.env)
        }
        resource "aws_security_group" "a" {
          name = join("-", [local.prefix, "web"])
        }
    ''')
    [site] = _sites(text, Target("aws_security_group", attributes=("name",)))
    [value] = site.values()
    assert value.pieces == ("sg-", None, "-web")
    assert site.describe(value) == '"sg-...-web" (built by join())'


def test_dynamic_blocks_are_visited_with_the_iterator_unknown() -> None:
    text = _dedent('''
        resource "aws_security_group" "a" {
          ingress {
            from_port = 80
          }
          dynamic "ingress" {
            for_each = var.rules
            content {
              from_port = ingress.value.port
            }
          }
        }
    ''')
    sites = _sites(text, Target("aws_security_group", blocks=("ingress",)))
    assert [s.dynamic is not None for s in sites] == [False, True]
    assert [v.value for v in sites[0].values("from_port")] == [80]
    [unknown] = sites[1].values("from_port")
    assert isinstance(unknown.value, Unknown) and unknown.value.sources == ("ingress.value.port",)


def test_aws002_count_zero_group_is_judged_as_terraform_validate_sees_it() -> None:
    zero = 'resource "aws_security_group" "alb" {\n  count = 0\n  name  = "sg-alb"\n}\n'
    # a literal fails terraform validate whatever the count: reported, fixed as usual
    result = fixer.fix_source(zero, select=["AWS002"])
    [finding] = result.findings
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert finding.notes == (NO_INSTANCE_NOTE,)
    assert result.code == zero.replace('"sg-alb"', '"alb-sg"')
    # a name validate cannot know (a variable, even with a default): nothing, as before
    from_variable = zero.replace('"sg-alb"', 'var.name') + 'variable "name" {\n  default = "sg-alb"\n}\n'
    assert fixer.fix_source(from_variable, select=["AWS002"]).findings == []
    # the provider's check is case-sensitive: "SG-alb" passes validate (EC2 may refuse it at create)
    assert fixer.fix_source(zero.replace('"sg-alb"', '"SG-alb"'), select=["AWS002"]).findings == []
    # S3 checks its reserved prefixes when a bucket is created, not in validate
    bucket = 'resource "aws_s3_bucket" "b" {\n  count  = 0\n  bucket = "xn--logs"\n}\n'
    assert fixer.fix_source(bucket, select=["AWS002"]).findings == []
    unknown = zero.replace("count = 0", "count = var.n")
    [finding] = fixer.fix_source(unknown, select=["AWS002"]).findings
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE


# ---- the editor ------------------------------------------------------------------------


def _edit(text: str, build, files: dict[str, str] | None = None) -> dict[str, str]:
    """Apply the edits an Editor built on ``main.tf`` (and ``files``) and return every text."""
    from fixer.editor import Editor

    sources = {"main.tf": text, **(files or {})}
    module = Module.from_sources(sources)
    editor = Editor(module, module.files[0])
    build(editor, module.files[0].tree)
    out = dict(sources)
    for path in {p for p, _ in editor.edits}:
        out[path] = apply_edits(out.get(path, ""), [e for p, e in editor.edits if p == path])
    return out


BLOCKS = _dedent('''
    resource "aws_lb" "a" {
      name = "a"
      # the policy
      internal = true
    }

    # a comment that belongs to b
    resource "aws_lb" "b" {
      name = "b"
    }

    output "arn" {
      value = aws_lb.a.arn
    }
''')


def test_editor_set_rename_remove_attribute() -> None:
    def build(e, tree):
        a = tree.body.blocks("resource")[0]
        e.set_attribute(a, "name", '"x"').set_attribute(a, "idle_timeout", "60")
        e.rename_attribute(a.body.get_attribute("internal"), "internal_only")

    out = _edit(BLOCKS, build)["main.tf"]
    assert out.startswith('resource "aws_lb" "a" {\n  name = "x"\n  # the policy\n  internal_only = true\n  idle_timeout = 60\n}\n')
    removed = _edit(BLOCKS, lambda e, t: e.remove(t.body.blocks("resource")[0].body.get_attribute("internal")))
    assert removed["main.tf"].startswith('resource "aws_lb" "a" {\n  name = "a"\n}\n')


def test_editor_removes_a_block_with_its_comments_and_one_blank_line() -> None:
    out = _edit(BLOCKS, lambda e, t: e.remove(t.body.blocks("resource")[1]))["main.tf"]
    assert out == BLOCKS.replace('# a comment that belongs to b\nresource "aws_lb" "b" {\n  name = "b"\n}\n\n', "")


def test_editor_insert_after_move_into_and_out() -> None:
    def insert(e, tree):
        e.insert_after(tree.body.blocks("resource")[0].body.get_attribute("name"), "port = 80")

    assert '  name = "a"\n  port = 80\n' in _edit(BLOCKS, insert)["main.tf"]
    text = 'resource "x" "y" {\n  a = 1\n  inner {\n    b = 2\n  }\n}\n'

    def move_in(e, tree):
        block = tree.body.blocks("resource")[0]
        e.move_into(block.body.get_attribute("a"), block.body.blocks("inner")[0])

    assert _edit(text, move_in)["main.tf"] == 'resource "x" "y" {\n  inner {\n    b = 2\n    a = 1\n  }\n}\n'

    def move_out(e, tree):
        inner = tree.body.blocks("resource")[0].body.blocks("inner")[0]
        e.move_out(inner.body.get_attribute("b"), inner)

    assert _edit(text, move_out)["main.tf"] == 'resource "x" "y" {\n  a = 1\n  inner {\n  }\n  b = 2\n}\n'


def test_editor_renames_references_across_the_module_and_adds_blocks_and_files() -> None:
    other = 'output "b" {\n  value = aws_lb.a[0].id\n}\n'

    def build(e, tree):
        e.rename_references("aws_lb.a", "aws_lb.main")
        e.add_block(None, 'output "c" {\n  value = 1\n}')
        e.add_file("new.tf", "# new\n")

    out = _edit(BLOCKS, build, {"other.tf": other})
    assert "value = aws_lb.main.arn" in out["main.tf"] and out["other.tf"] == other.replace("aws_lb.a[", "aws_lb.main[")
    assert out["main.tf"].endswith('}\n\noutput "c" {\n  value = 1\n}\n')
    assert out["new.tf"] == "# new\n"


# ---- the fix loop lays out -----------------------------------------------------------------


def test_the_fix_loop_keeps_a_fmt_clean_file_clean_and_touches_only_what_it_must() -> None:
    from fixer.layout import format_source

    clean = 'resource "aws_kms_alias" "a" {\n  name          = "data"\n  target_key_id = "k"\n}\n'
    assert format_source(clean) == clean
    fixed = fixer.fix_source(clean, select=["AWS002"]).code
    assert fixed == clean.replace('"data"', '"alias/data"') and format_source(fixed) == fixed
    messy = clean.replace("name          =", "name =")
    assert fixer.fix_source(messy, select=["AWS002"]).code == messy.replace('"data"', '"alias/data"')


# ---- metadata, documentation, one rule per problem -------------------------------------------


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_declares_valid_metadata_and_documentation(rule) -> None:
    assert validate_rule(rule) == []


def test_rule_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules) and len({r.name for r in rules}) == len(rules)


CASES = rule_cases()

# Rule pairs that may both report one place because they judge different things of it.
DISTINCT_PROBLEMS = {
    frozenset({"AWS002", "AWS006"}): "a reserved prefix, and a name without the environment suffix",
}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_all_rules_over_every_case_report_one_finding_per_site(case) -> None:
    module = Module.from_sources(case.sources(), case.values(), case.extra_files())
    findings, problems = run_rules(module, select_rules())
    assert problems == []
    places: dict[tuple[str, int, int], str] = {}
    for f in findings:
        other = places.setdefault((f.path, f.start, f.end), f.rule)
        if other != f.rule:
            assert frozenset({other, f.rule}) in DISTINCT_PROBLEMS, f"{f.path}:{f.line}:{f.column}: both {other} and {f.rule}"


def test_aws001_leaves_reserved_affixes_to_aws002() -> None:
    text = 'resource "aws_kms_alias" "a" {\n  name          = "data"\n  target_key_id = "k"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "xn--logs"\n}\n'
    assert sorted(f.rule for f in fixer.fix_source(text, fix=False).findings) == ["AWS002", "AWS002"]


def test_fix_module_is_given_rules_directly() -> None:
    result = fix_module({"main.tf": SG}, select_rules(["AWS002"]))
    assert result.fixed["main.tf"] == SG.replace("sg-web", "web-sg")


def test_bless_writes_the_snapshots_of_a_case(tmp_path: Path) -> None:
    import shutil

    from rule_cases import RuleCase, render_findings

    shutil.copytree(Path(__file__).resolve().parents[1] / "corpus" / "rules" / "AWS002" / "kms-alias", tmp_path / "c")
    case = RuleCase("AWS002/copy", tmp_path / "c", ["AWS002"], False, {})
    expected_findings, expected_after = case.expected_findings(), case.expected_after()
    (tmp_path / "c" / "findings.txt").write_text("stale\n")
    shutil.rmtree(tmp_path / "c" / "after")
    result = fix_module(case.sources(), select_rules(case.rules), values=case.values())
    case.bless_findings(render_findings(result.findings, case.before))
    case.bless_after(result.fixed)
    assert case.expected_findings() == expected_findings and case.expected_after() == expected_after


# ---- the instance policy, for every rule ---------------------------------------------------
# A resource without instances is reported only where terraform validate would fail it: a
# target checked_by_validate whose configuration-time value is known (sites' docstring).

# The rules that judge the values of a resource's instances follow the policy. Rules that judge
# the configuration as written, whatever the instances (the provider-schema rules AWS100-AWS110,
# AWS003's count of nested blocks, AWS004's schema change), do not read values(): Terraform
# validates a resource block even with count = 0 (hashicorp/terraform#36776); AWS003 judges a
# resource without instances as one whose count.index is unknown (tests/test_aws003.py).
VALUE_RULES = ["AWS001", "AWS002", "AWS005", "AWS006", "AWS007", "AWS008", "AWS009", "AWS012"]
# Rules not on the policy yet: each is ported onto sites by its own change, which removes it
# from here (strict: a rule that starts to follow the policy fails this list).
NOT_YET_ON_THE_POLICY: set[str] = set()


def _without_instances(text: str) -> str:
    """Every multi-line resource of ``text`` given no instance: ``count = 0``, ``for_each = {}``
    (a one-line block cannot take a second attribute: it is left as it is)."""
    from fixer.syntax.edits import Edit, indentation_of
    from fixer.syntax.parser import parse

    tree = parse(text)
    edits = []
    for block in tree.body.blocks("resource"):
        count, for_each = block.body.get_attribute("count"), block.body.get_attribute("for_each")
        if count is not None:
            edits.append(Edit(count.value.start, count.value.end, "0"))
        elif for_each is not None:
            edits.append(Edit(for_each.value.start, for_each.value.end, "{}"))
        elif block.open_newline is not None:
            at = block.open_newline.end_pos
            newline = "\r\n" if text[at - 2 : at] == "\r\n" else "\n"
            edits.append(Edit(at, at, indentation_of(block, text) + "  count = 0" + newline))
    return apply_edits(text, edits)


@pytest.mark.parametrize("code", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=f"{c} is not on the sites' instance policy yet"))
    if c in NOT_YET_ON_THE_POLICY else c
    for c in VALUE_RULES
])
def test_a_resource_without_instances_is_reported_only_where_validate_fails_it(code: str) -> None:
    for case in [c for c in CASES if c.name.startswith(code + "/")]:
        sources = {path: _without_instances(text) for path, text in case.sources().items()}
        module = Module.from_sources(sources, case.values(), case.extra_files())
        findings, _ = run_rules(module, select_rules([code]))
        emptied = [
            (f, b) for f in module.files for b in f.tree.body.blocks("resource") if not b.is_one_line
        ]
        validate = Evaluator(module).at_configuration_time()
        for finding in findings:
            found = [(f, b) for f, b in emptied if f.path == finding.path and b.start <= finding.start < b.end]
            if not found:
                continue
            where = f"{case.name}: {finding.line}: {finding.message}"
            [(file, block)] = found
            attribute = next(
                (a for a in block.body.attributes() if a.value.start == finding.start and a.value.end == finding.end),
                None,
            )
            # only an attribute the rule declares checked by validate, with a value validate knows
            assert attribute is not None, where
            [rule] = select_rules([code])
            assert any(
                t.checked_by_validate and t.matches(block.labels[0]) and attribute.key in t.attributes
                for t in rule.targets
            ), where
            assert not isinstance(validate.evaluate(attribute.value), Unknown), where
            assert NO_INSTANCE_NOTE in finding.notes, where


def _first_block(text: str):  # type: ignore[no-untyped-def]
    return parser.parse(_dedent(text)).body.blocks()[0]


def test_per_instance_follows_the_instance_policy() -> None:
    evaluator = Evaluator(Module.from_sources({"main.tf": ""}))
    for count, expected in (("0", []), ("2", ["t-0", "t-1"]), ("var.n", [Unknown()])):
        block = _first_block(f'resource "x" "y" {{\n  count = {count}\n  name  = "t-${{count.index}}"\n}}\n')
        values = evaluator.per_instance(block, block.body.get_attribute("name").value)
        assert [type(v) if isinstance(v, Unknown) else v for v in values] == [
            type(e) if isinstance(e, Unknown) else e for e in expected]


def test_compared_text_body_shape_dynamic_blocks_and_contains() -> None:
    from fixer.syntax.nodes import body_shape, compared_text, contains, dynamic_blocks

    block = _first_block('''
        resource "x" "y" {
          a = ("${var.v}")
          b {
            k = 1
          }
          c {
            k = 2
          }
          dynamic "d" {
            for_each = var.ds
            content {}
          }
        }
        ''')
    other = _first_block('''
        resource "x" "y" {
          c {
            k = 2
          }
          a = var.v
          b {
            k   = 1
          }
        }
        ''')
    body = block.body
    assert compared_text(body.get_attribute("a").value) == "var . v"
    assert body_shape(other.body) != body_shape(body)  # the dynamic block differs
    assert [b.labels for b in dynamic_blocks(body, "d")] == [("d",)] and dynamic_blocks(body, "b") == []
    assert contains(block, body.get_attribute("a")) and not contains(body.get_attribute("a"), block)
    without_dynamic = _first_block('''
        resource "x" "y" {
          a = var.v
          c {
            k = 2
          }
          b {
            k = 1
          }
        }
        ''')
    assert body_shape(other.body) == body_shape(without_dynamic.body)


def test_referenced_objects_are_the_first_two_names_of_each_traversal() -> None:
    from fixer.model.module import referenced_objects

    block = _first_block('''
        resource "x" "y" {
          a = "${var.env}-${local.m["k"].z}-${aws_vpc.main[0].id}-${terraform.workspace}-${each.key}"
          b = lookup(var.map, count.index)
        }
        ''')
    assert referenced_objects(block) == {
        "var.env", "local.m", "aws_vpc.main", "terraform.workspace", "each.key", "var.map", "count.index"}


def test_item_helpers_name_compare_and_describe_items() -> None:
    from fixer.syntax.nodes import brief, comments_above, generated_type, item_name, same_setting, trailing_comment

    block = _first_block('''
        resource "x" "y" {
          # why
          a = 1 # one
          b = (1)
          dynamic "d" {
            for_each = []
            content {}
          }
          c = "a-very-long-value-that-goes-on-and-on-beyond-forty-chars"
        }
        ''')
    a, b, c = (block.body.get_attribute(k) for k in "abc")
    [dynamic] = block.body.blocks("dynamic")
    assert comments_above(a) == ["# why"] and trailing_comment(a) == "# one" and trailing_comment(b) is None
    assert generated_type(dynamic) == "d" and item_name(dynamic) == 'dynamic "d"' and item_name(a) == "a"
    assert not same_setting(a, b) and same_setting(a, _first_block('resource "x" "z" {\n  a = 1\n}\n').body.get_attribute("a"))
    assert brief(a) == "= 1" and brief(c).endswith("...") and len(brief(c)) == 2 + 40 and brief(dynamic).startswith("line ")


def test_comparable_is_the_known_value_else_the_text_and_address_blocks_are_found() -> None:
    from fixer.model.evaluate import is_number

    module = Module.from_sources({"main.tf": _dedent('''
        locals {
          n = 70
        }
        resource "x" "y" {
          a = local.n
          b = var.unknown
        }
        moved {
          from = x.old
          to   = x.y
        }
        ''')})
    evaluator = Evaluator(module)
    _f, block = module.resource("x.y")
    assert evaluator.comparable(block.body.get_attribute("a").value) == ("value", 70)
    assert evaluator.comparable(block.body.get_attribute("b").value) == ("text", "var . unknown")
    assert is_number(70) and is_number(0.5) and not is_number(True) and not is_number("1")
    [ref] = module.references("x.y")
    assert ref.address_block() is not None and ref.address_block().type == "moved"
    assert [r.address_block() for r in module.references("local.n")] == [None]
