"""AWS009 beyond the fixture cases: the character table, transliteration, quoting."""

from __future__ import annotations

import pytest

from fixer.api import fix_source
from fixer.facts.ec2_descriptions import MAX_LENGTH, disallowed, transliterate
from fixer.findings import Applicability
from fixer.syntax.nodes import escape_quoted, unescape_quoted

ALLOWED = "abcxyzABCXYZ0189 ._-:/()#,@[]+=&;{}!$*"


def test_every_documented_character_is_allowed_and_others_are_not() -> None:
    assert disallowed(ALLOWED) == []
    for c in "'\"|<>?~^`%\\\téñ→–\u00a0😀":
        assert disallowed(c) == [c], repr(c)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tráfico", "trafico"),
        ("Straße Œuvre Łódź", "Strasse OEuvre Lodz"),
        ("web -> db", "web to db"),
        ("a=>b", "a to b"),
        ("api → db", "api to db"),
        ("Allow 'HTTPS' | admin", "Allow HTTPS admin"),
        ("10 % of <traffic>", "10 of traffic"),
        ("keep  two  spaces é", "keep  two  spaces e"),
        (" lead é", " lead e"),
        ("ASCII only (ok)", "ASCII only (ok)"),
    ],
)
def test_transliterate(text: str, expected: str) -> None:
    assert transliterate(text) == expected
    assert disallowed(transliterate(text)) == []


@pytest.mark.parametrize("text", ['a "b" c', "back\\slash", "line\nbreak\ttab", "${not} %{interp}", "$${x}"])
def test_escape_quoted_is_the_inverse_of_unescape_quoted(text: str) -> None:
    assert unescape_quoted(escape_quoted(text)) == text


def group(description: str) -> str:
    return f'resource "aws_security_group" "g" {{\n  name        = "g"\n  description = {description}\n}}\n'


def test_fixed_group_has_no_finding_and_keeps_escapes_valid() -> None:
    result = fix_source(group('"Grupo \\"público\\" -> ALB $${x}"'), select=["AWS009"])
    (finding,) = result.findings
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert 'description = "Grupo publico to ALB $${x}"' in result.code
    assert fix_source(result.code, select=["AWS009"]).findings == []


def test_length_limit() -> None:
    assert fix_source(group('"' + "a" * MAX_LENGTH + '"'), select=["AWS009"]).findings == []
    (finding,) = fix_source(group('"' + "a" * (MAX_LENGTH + 1) + '"'), select=["AWS009"]).findings
    assert "256 characters" in finding.message and finding.fix is None


def test_unknown_parts_are_not_judged() -> None:
    assert fix_source(group('"web ${var.suffix}"'), select=["AWS009"]).findings == []
