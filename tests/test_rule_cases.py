"""Every fixture case in corpus/rules: exact findings, exact fixed text, a verified fixpoint."""

from __future__ import annotations

import os

import pytest
from oracle_guard import gohcl_accepts
from rule_cases import RuleCase, render_findings, rule_cases

from fixer.fixes import fix_module
from fixer.rules import select_rules

CASES = rule_cases()


def _run(case: RuleCase, sources: dict[str, str] | None = None):
    """The fix loop over the case, run from ``before/``: the ``.tf`` files are named relative to
    it (as in ``after/``), so a rule relating them to the extra files (REPO001) sees one tree."""
    rules = select_rules(case.rules)
    assert rules, f"no rule selected by {case.rules}"
    sources = case.sources() if sources is None else sources
    here = os.getcwd()
    os.chdir(case.before)
    try:
        return fix_module(sources, rules, values=case.values(), unsafe=case.unsafe, extra_files=case.extra_files(),
            options=case.options,
        )
    finally:
        os.chdir(here)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_findings_snapshot(case: RuleCase, bless: bool) -> None:
    result = _run(case)
    if bless:
        case.bless_findings(render_findings(result.findings, case.before))
    assert render_findings(result.findings, case.before) == case.expected_findings()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixed_text(case: RuleCase, bless: bool) -> None:
    result = _run(case)
    assert not [p for p in result.problems], [p.message for p in result.problems]
    if bless:
        case.bless_after(result.fixed)
    assert result.fixed == case.expected_after()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixpoint_and_validity(case: RuleCase) -> None:
    result = _run(case)
    again = _run(case, result.fixed)
    assert again.fixed == result.fixed, "a second run changed the fixed text"
    for path, text in result.fixed.items():
        if not path.endswith(".tf"):
            continue  # an extra file a fix edited (a Python test): the loop compiled it
        verdict = gohcl_accepts(text)
        assert verdict in (True, None), f"HashiCorp's parser rejects the fixed {path}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fmt_clean_input_stays_fmt_clean(case: RuleCase) -> None:
    """Non-negotiable 2: new or moved code is laid out as ``terraform fmt`` would lay it out."""
    import fixer

    result = _run(case)
    for path, before in case.sources().items():
        if fixer.format(before) != before:
            continue  # the input was not fmt-clean; nothing to keep
        after = result.fixed[path]
        assert fixer.format(after) == after, f"{path} was fmt-clean before the fix and is not after it"
