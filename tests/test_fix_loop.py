"""The fix loop with toy rules: ordering, overlaps, verification, convergence, crashes."""

from __future__ import annotations

from fixer.findings import Applicability
from fixer.fixes import fix_module
from fixer.rules.base import Rule, RuleContext
from fixer.syntax.edits import Edit, set_attribute_value


class UppercaseValue(Rule):
    """Toy: string attribute values in lowercase become uppercase (safe)."""

    code = "TST001"
    name = "lowercase-value"

    def check(self, ctx: RuleContext):
        for f in ctx.module.files:
            for attribute in f.tree.body.attributes():
                value = attribute.value
                if getattr(value, "is_literal", lambda: False)() and value.literal_value() != value.literal_value().upper():
                    edit = set_attribute_value(attribute, '"' + value.literal_value().upper() + '"')
                    yield self.finding(f, attribute, "lowercase", fix=self.fix("Uppercase it", Applicability.SAFE, (f.path, edit)))


class BreakSyntax(Rule):
    """Toy: a fix that produces invalid HCL."""

    code = "TST002"
    name = "breaks-syntax"

    def check(self, ctx: RuleContext):
        for f in ctx.module.files:
            for attribute in f.tree.body.attributes():
                if attribute.key == "broken":
                    edit = set_attribute_value(attribute, "{")
                    yield self.finding(f, attribute, "will break", fix=self.fix("Break it", Applicability.SAFE, (f.path, edit)))


class NeverConverges(Rule):
    """Toy: always wants to append one more character."""

    code = "TST003"
    name = "never-converges"

    def check(self, ctx: RuleContext):
        for f in ctx.module.files:
            attribute = f.tree.body.get_attribute("grow")
            if attribute is not None:
                edit = set_attribute_value(attribute, attribute.value.source + " + 1")
                yield self.finding(f, attribute, "grows", fix=self.fix("Grow", Applicability.SAFE, (f.path, edit)))


class Crashes(Rule):
    """Toy: raises."""

    code = "TST004"
    name = "crashes"

    def check(self, ctx: RuleContext):
        raise RuntimeError("boom")
        yield  # pragma: no cover


class UnsafeRename(Rule):
    """Toy: renames attribute `old` to `new`, unsafe; and a display-only twin."""

    code = "TST005"
    name = "unsafe-rename"

    def check(self, ctx: RuleContext):
        for f in ctx.module.files:
            attribute = f.tree.body.get_attribute("old")
            if attribute is not None:
                edit = Edit(attribute.name.start_pos, attribute.name.end_pos, "new")
                yield self.finding(f, attribute, "old name", fix=self.fix("Rename", Applicability.UNSAFE, (f.path, edit)))
            attribute = f.tree.body.get_attribute("shown")
            if attribute is not None:
                edit = Edit(attribute.name.start_pos, attribute.name.end_pos, "hidden")
                yield self.finding(f, attribute, "display", fix=self.fix("Show", Applicability.DISPLAY_ONLY, (f.path, edit)))


def test_safe_fixes_reach_a_fixpoint() -> None:
    result = fix_module({"a.tf": 'a = "x"\nb = "y" # keep\n'}, [UppercaseValue])
    assert result.fixed["a.tf"] == 'a = "X"\nb = "Y" # keep\n'
    assert [f.rule for f in result.applied] == ["TST001", "TST001"]
    assert result.remaining == [] and result.problems == []


def test_check_only_changes_nothing() -> None:
    result = fix_module({"a.tf": 'a = "x"\n'}, [UppercaseValue], fix=False)
    assert result.fixed == result.original and len(result.findings) == 1


def test_fix_that_breaks_the_file_is_dropped_and_reported() -> None:
    source = 'a = "x"\nbroken = 1\n'
    result = fix_module({"a.tf": source}, [UppercaseValue, BreakSyntax])
    # TST002's fix is dropped, TST001's still applies on the original text.
    assert result.fixed["a.tf"] == 'a = "X"\nbroken = 1\n'
    assert [(p.kind, p.rule) for p in result.problems] == [("fix-invalid", "TST002")]
    # The fix it could not verify is shown, never applied, and says why.
    [broken] = [f for f in result.findings if f.rule == "TST002"]
    assert broken.fix.applicability is Applicability.DISPLAY_ONLY
    assert broken.notes and "would not parse" in broken.notes[-1]


def test_no_fixpoint_is_reported_and_the_rule_dropped() -> None:
    source = "grow = 1\n"
    result = fix_module({"a.tf": source}, [NeverConverges], max_rounds=4)
    assert result.fixed["a.tf"] == source
    assert [(p.kind, p.rule) for p in result.problems] == [("no-fixpoint", "TST003")]


def test_crashing_rule_does_not_stop_the_others() -> None:
    result = fix_module({"a.tf": 'a = "x"\n'}, [Crashes, UppercaseValue])
    assert result.fixed["a.tf"] == 'a = "X"\n'
    assert any(p.kind == "rule-crashed" and p.rule == "TST004" and "boom" in p.message for p in result.problems)


def test_unsafe_and_display_only_applicability() -> None:
    source = "old = 1\nshown = 2\n"
    safe_only = fix_module({"a.tf": source}, [UnsafeRename])
    assert safe_only.fixed["a.tf"] == source
    with_unsafe = fix_module({"a.tf": source}, [UnsafeRename], unsafe=True)
    assert with_unsafe.fixed["a.tf"] == "new = 1\nshown = 2\n"


def test_overlapping_fixes_wait_for_the_next_round() -> None:
    class Wrap(Rule):
        code = "TST006"
        name = "wrap"

        def check(self, ctx: RuleContext):
            for f in ctx.module.files:
                attribute = f.tree.body.get_attribute("a")
                if attribute is not None and not attribute.value.source.startswith("("):
                    edit = set_attribute_value(attribute, "(" + attribute.value.source + ")")
                    yield self.finding(f, attribute, "wrap", fix=self.fix("Wrap", Applicability.SAFE, (f.path, edit)))

    result = fix_module({"a.tf": 'a = "x"\n'}, [UppercaseValue, Wrap])
    # Both fixes edit the same value: one waits a round, and both end up applied.
    assert result.fixed["a.tf"] in ('a = ("X")\n',)
    assert sorted(f.rule for f in result.applied) == ["TST001", "TST006"]
