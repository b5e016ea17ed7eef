"""fixer.names: rename expressions and naming-rule checks, evaluated for real."""

from __future__ import annotations

from fixer.facts.aws_names import spec_for
from fixer.model.evaluate import Evaluator, Scope
from fixer.model.module import Module
from fixer.names.checks import as_name, name_problems, quote_name
from fixer.names.renames import budgeted_renames, hashed_rename, peel_truncation, prefix_cut
from fixer.syntax.parser import parse

TG = spec_for("aws_lb_target_group", "name")


def _expr(source: str):
    return parse(f"v = {source}\n").body.get_attribute("v").value


def _value(source: str, **variables: str) -> str:
    ev = Evaluator(Module.from_sources({"main.tf": ""})).assuming({f"var.{k}": v for k, v in variables.items()})
    return ev.evaluate_source(source, Scope())


def test_budgeted_rename_keeps_the_suffix_whole_and_fits():
    (rename,) = budgeted_renames(_expr('"tg-${var.service}-${var.env}"'), 32, trim_hyphen=True)
    assert rename.source == '"${trimsuffix(substr("tg-${var.service}", 0, 32 - length("-${var.env}")), "-")}-${var.env}"'
    name = _value(rename.source, service="notification-service-long", env="synthl9l1q")
    assert name == "tg-notification-servi-synthl9l1q" and len(name) == 32
    assert _value(rename.source, service="api", env="dev") == "tg-api-dev"  # a name that fits is unchanged


def test_budgeted_rename_also_offers_keeping_a_trailing_literal():
    renames = budgeted_renames(_expr('"${var.name}-blue"'), 32, trim_hyphen=False)
    assert [r.source for r in renames] == ['"${substr(var.name, 0, 32 - length("-blue"))}-blue"']
    assert budgeted_renames(_expr('"literal-only"'), 32, trim_hyphen=True) == []


def test_hashed_rename_keeps_names_that_fit_and_separates_long_twins():
    rename = hashed_rename(_expr('"tg-${var.service}-${var.env}"'), 32, trim_hyphen=True, fifo=False)
    assert _value(rename.source, service="api", env="dev") == "tg-api-dev"
    one = _value(rename.source, service="notification-service", env="synthl9l1q")
    two = _value(rename.source, service="notification-service", env="synthl9l2q")
    assert len(one) == len(two) == 32 and one != two


def test_hashed_rename_keeps_a_fifo_ending_and_refuses_a_fifo_name_without_one():
    rename = hashed_rename(_expr('"${var.name}.fifo"'), 80, trim_hyphen=False, fifo=True)
    long = _value(rename.source, name="q" * 100)
    assert long.endswith(".fifo") and len(long) == 80
    assert hashed_rename(_expr("var.name"), 80, trim_hyphen=False, fifo=True) is None


def test_peel_truncation_and_prefix_cut():
    base, length = peel_truncation(_expr('trimsuffix(substr(var.name, 0, 32), "-")'))
    assert base.source == "var.name" and length == 32
    assert peel_truncation(_expr("substr(var.name, 1, 32)"))[1] is None
    assert prefix_cut(_expr("substr(var.name, 0, 10)"), 6).source == "substr(var.name, 0, 6)"


def test_name_problems_names_each_broken_rule():
    assert [code for code, _ in name_problems(TG, "-web-", False)] == ["leading-hyphen", "trailing-hyphen"]
    bucket = spec_for("aws_s3_bucket", "bucket")
    assert [code for code, _ in name_problems(bucket, "My-Bucket", False)] == ["uppercase"]
    assert name_problems(bucket, "my_bucket", False) == [
        ("chars", 'contains "_" (allowed: lowercase letters, digits, dots and hyphens)')
    ]
    assert name_problems(TG, "tg-web", False) == []
    queue = spec_for("aws_sqs_queue", "name")
    assert [c for c, _ in name_problems(queue, "orders", True)] == ["fifo"]
    assert name_problems(queue, "orders.fifo", None) == []


def test_as_name_and_quote_name():
    assert as_name(None) is None and as_name(["a"]) is None and as_name("x") == "x"
    assert quote_name("a\nb") == '"a\\nb"'


def test_try_rewrite_rejects_plain_truncation_and_accepts_the_hash():
    from fixer.model.trials import inputs_of, try_rewrite

    module = Module.from_sources({"main.tf": 'variable "env" {}\nlocals {\n  n = "tg-notification-service-${var.env}"\n}\n'})
    ev = Evaluator(module)
    expr = module.local("n")[1].value
    inputs = inputs_of(expr, ev)
    fits = lambda old, new: isinstance(new, str) and len(new) <= 32  # noqa: E731
    run = lambda source: try_rewrite(ev, expr, source, [Scope()], inputs, 24, 34, fits, convert=as_name)  # noqa: E731
    assert run(f'trimsuffix(substr({expr.source}, 0, 32), "-")') is False  # twins synthl9l1q/2q collide
    assert run(hashed_rename(expr, 32, trim_hyphen=True, fifo=False).source) is True


def test_longest_text_takes_unbounded_inputs_at_the_assumed_length():
    from fixer.model.bounds import longest_text
    from fixer.model.evaluate import Unknown

    assert longest_text(("tg-", Unknown(min_len=0, max_len=8), "-web"), 24) == (15, True)
    assert longest_text(("tg-", Unknown(), "-", Unknown(min_len=30)), 24) == (58, False)
