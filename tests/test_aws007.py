"""AWS007 beyond the fixture cases: severity by date, the as-of option, the runtime table,
and where a value is written (fixer.model.origin)."""

from __future__ import annotations

import datetime as dt

import pytest

from fixer.api import fix_source
from fixer.arguments import OptionError
from fixer.model.evaluate import Evaluator
from fixer.facts.lambda_runtimes import EARLY_WARNING_DAYS, RUNTIMES, runtime, successor
from fixer.findings import Applicability, Severity
from fixer.model.module import Module
from fixer.model.origin import written_at
from fixer.model.sites import Target, find_sites


def function(runtime_expr: str) -> str:
    return (
        'resource "aws_lambda_function" "f" {\n'
        '  function_name = "f"\n'
        f"  runtime       = {runtime_expr}\n"
        "}\n"
    )


def check(text: str, as_of: str, **kw):
    return fix_source(text, select=["AWS007"], options={"AWS007": {"as-of": as_of}}, **kw)


@pytest.mark.parametrize(
    ("as_of", "severity"),
    [
        ("2024-10-13", None),  # python3.8: deprecated 2024-10-14, more than 0 days away but
        ("2024-10-14", Severity.WARNING),  # deprecated, creating still allowed
        ("2025-09-30", Severity.WARNING),  # the day before block-create
        ("2025-10-01", Severity.ERROR),  # block-create
        ("2027-01-01", Severity.ERROR),
    ],
)
def test_severity_follows_the_as_of_date(as_of: str, severity: Severity | None) -> None:
    result = check(function('"python3.8"'), as_of)
    if as_of == "2024-10-13":
        # one day before the deprecation date is inside the 90-day early warning
        assert [f.severity for f in result.findings] == [Severity.WARNING]
        assert "deprecates python3.8 on 2024-10-14, 1 days after 2024-10-13" in result.findings[0].message
        return
    assert [f.severity for f in result.findings] == [severity]


def test_early_warning_window_is_ninety_days() -> None:
    deprecated = RUNTIMES["python3.12"].deprecated
    assert deprecated is not None
    inside = (deprecated - dt.timedelta(days=EARLY_WARNING_DAYS)).isoformat()
    outside = (deprecated - dt.timedelta(days=EARLY_WARNING_DAYS + 1)).isoformat()
    assert [f.severity for f in check(function('"python3.12"'), inside).findings] == [Severity.WARNING]
    assert check(function('"python3.12"'), outside).findings == []


def test_unknown_block_date_is_never_an_error() -> None:
    # python3.9's block dates are not in the table: past its deprecation it stays a warning
    result = check(function('"python3.9"'), "2030-01-01")
    assert [f.severity for f in result.findings] == [Severity.WARNING]
    assert "at a date tffix's table does not know" in result.findings[0].message


def test_layer_findings_are_warnings() -> None:
    text = 'resource "aws_lambda_layer_version" "l" {\n  layer_name          = "l"\n  compatible_runtimes = ["python2.7"]\n}\n'
    result = check(text, "2026-12-04")
    assert [f.severity for f in result.findings] == [Severity.WARNING]


def test_unsafe_fix_is_applied_only_with_unsafe_fixes() -> None:
    text = function('"nodejs14.x"')
    assert check(text, "2026-12-04").code == text
    fixed = check(text, "2026-12-04", unsafe=True).code
    assert '"nodejs22.x"' in fixed and "nodejs14.x" not in fixed


def test_default_as_of_is_today() -> None:
    # python2.7 is blocked on any date after 2021-07-15, today included
    result = fix_source(function('"python2.7"'), select=["AWS007"])
    assert [f.severity for f in result.findings] == [Severity.ERROR]


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "04/12/2026", ""])
def test_as_of_must_be_a_date(bad: str) -> None:
    with pytest.raises(OptionError, match=r"options\.AWS007\.as-of: expected a date written YYYY-MM-DD"):
        check(function('"python3.8"'), bad)


def test_as_of_must_be_a_string() -> None:
    with pytest.raises(OptionError, match=r"options\.AWS007\.as-of: expected a string"):
        fix_source(function('"python3.8"'), select=["AWS007"], options={"AWS007": {"as-of": 20261204}})


# ---- the table ---------------------------------------------------------------------------


@pytest.mark.parametrize("row", list(RUNTIMES.values()), ids=list(RUNTIMES))
def test_table_dates_are_in_order(row) -> None:
    # (nodejs4.3-edge was blocked before its deprecation date: the source says so)
    if row.block_create is not None:
        assert row.deprecated is not None and row.block_update is not None
        assert row.block_create <= row.block_update


@pytest.mark.parametrize("as_of", ["2024-06-01", "2026-12-04", "2028-08-15"])
@pytest.mark.parametrize("row", list(RUNTIMES.values()), ids=list(RUNTIMES))
def test_successor_stays_in_the_family_and_is_supported(row, as_of: str) -> None:
    day = dt.date.fromisoformat(as_of)
    new = successor(row, day)
    if row.successor is not None:
        assert new is RUNTIMES[row.successor]
        return
    family = [r for r in RUNTIMES.values() if r.family == row.family]
    newer_supported = [
        r for r in family
        if family.index(r) > family.index(row) and (r.deprecated is None or (r.deprecated - day).days > EARLY_WARNING_DAYS)
    ]
    if not newer_supported:
        assert new is None  # no fix rather than a runtime that is itself flagged
        return
    assert new is newer_supported[0]
    assert new.family == row.family


def test_fixed_value_is_not_reported_again() -> None:
    # the fix names the successor of the as-of date, which the rule does not flag on that date
    for row in RUNTIMES.values():
        text = function(f'"{row.identifier}"')
        result = check(text, "2026-12-04", unsafe=True)
        again = check(result.code, "2026-12-04")
        if result.findings and result.findings[0].fix and result.findings[0].fix.applicability is Applicability.UNSAFE:
            assert again.findings == [], row.identifier


def test_go_moves_to_provided_al2023_display_only() -> None:
    result = check(function('"go1.x"'), "2026-12-04", unsafe=True)
    (finding,) = result.findings
    assert finding.fix is not None and finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert "provided.al2023" in finding.fix.title and "bootstrap" in finding.notes[0]
    assert runtime("go1.x").family == "go"


# ---- where a value is written ------------------------------------------------------------


def _site_and_module(sources: dict[str, str], values: dict | None = None):
    module = Module.from_sources(sources, values)
    evaluator = Evaluator(module)
    sites = list(find_sites(module, evaluator, [Target("aws_lambda_function", attributes=("runtime",))]))
    return module, evaluator, sites


def test_written_follows_a_variable_default_into_another_file() -> None:
    sources = {
        "main.tf": function("var.runtime"),
        "variables.tf": 'variable "runtime" {\n  default = "python3.8"\n}\n',
    }
    _module, _evaluator, (site,) = _site_and_module(sources)
    (value,) = site.values()
    written = site.written(value)
    assert written is not None and written.file.path == "variables.tf"
    assert written.node.source == '"python3.8"' and written.via == ("var.runtime",)


def test_written_is_none_for_a_value_given_by_tfvars() -> None:
    sources = {"main.tf": function("var.runtime") + 'variable "runtime" {\n  default = "python3.8"\n}\n'}
    _module, _evaluator, (site,) = _site_and_module(sources, {"runtime": "python3.7"})
    (value,) = site.values()
    assert value.value == "python3.7" and site.written(value) is None


def test_written_follows_each_value_through_a_local_map_and_index_steps() -> None:
    text = (
        'locals {\n  fns = {\n    a = { rt = ["python3.8"] }\n    b = { rt = ["python3.12"] }\n  }\n}\n'
        'resource "aws_lambda_function" "f" {\n  for_each = local.fns\n  runtime  = each.value.rt[0]\n}\n'
    )
    module, evaluator, (site,) = _site_and_module({"main.tf": text})
    seen = {v.instance.key: site.written(v) for v in site.values()}
    assert seen["a"].node.source == '"python3.8"' and seen["b"].node.source == '"python3.12"'
    assert seen["a"].via == ("local.fns", "each.value")


def test_written_gives_up_on_built_values_and_cycles() -> None:
    text = (
        'locals {\n  x = local.y\n  y = local.x\n}\n'
        'resource "aws_lambda_function" "f" {\n  runtime = local.x\n}\n'
        'resource "aws_lambda_function" "g" {\n  runtime = lower("PYTHON3.8")\n}\n'
    )
    module, evaluator, sites = _site_and_module({"main.tf": text})
    for site in sites:
        for value in site.values():
            written = site.written(value)
            assert written is None or type(written.node).__name__ == "FunctionCall"
    assert written_at(module, evaluator, module.files[0], sites[0].node) is None
