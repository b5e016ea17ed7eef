"""tffix accepts exactly what HashiCorp's HCL parser accepts, on every corpus file."""

from __future__ import annotations

import pytest
from corpus_paths import corpus_files, corpus_id, requires_shared
from oracle_guard import gohcl_accepts, requires_gohcl

import fixer

FILES = corpus_files(valid=True) + corpus_files(valid=False)


def tffix_accepts(text: str) -> bool:
    try:
        fixer.parse(text)
    except fixer.ParseError:
        return False
    return True


@requires_shared
@requires_gohcl
@pytest.mark.parametrize("path", FILES, ids=corpus_id)
def test_same_verdict_as_hashicorp(path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    assert tffix_accepts(text) == gohcl_accepts(text)


# Names outside ASCII: Unicode's identifier rules (ID_Start, ID_Continue), not Python's \w.
UNICODE_NAMES = [
    "é", "日本", "ǅx", "Ⅻ", "〇", "x〇", "℘", "℮", "x·", "x\u0301", "Ω-1", "ﬁ",  # names
    "³", "x³", "٣", "·x", "\u0301x", "\u00a0", "x\u00a0", "x\u200d",  # not names, or not whole
]


@requires_gohcl
@pytest.mark.parametrize("name", UNICODE_NAMES, ids=ascii)
@pytest.mark.parametrize("shape", ["a = {}\n", "{} = 1\n", "a = b.{}\n", "a = [for {} in x : 1]\n"])
def test_same_verdict_on_unicode_names(name: str, shape: str) -> None:
    text = shape.format(name)
    assert tffix_accepts(text) == gohcl_accepts(text)


# Carriage returns and escapes: where HashiCorp's scanner ends a comment or a heredoc line
# ("\n" or "\r\n", so a lone CR is comment text but not heredoc text), and which \u / \U
# escapes name a character (utf8.RuneLen: not a surrogate, not above U+10FFFF).
CR_AND_ESCAPES = [
    "# a\rb\na = 1\n", "// a\rb\na = 1\n", "# a\r\na = 1\n", "a = 1 # c\rd\r\n", "a = 1 # x\r",
    "a = 1 /* \r */\n", "a = 1\rb = 2\n", 'a = "x\ry"\n',
    'a = <<EOT\nx\ry\nEOT\n', 'a = <<EOT\r\nxy\r\nEOT\r\n', 'a = <<EOT\nxy\rEOT\n', 'a = <<EOT\n${"x"}\ry\nEOT\n',
    'a = <<-EOT\n  x\r\r\n  EOT\n', 'a = <<EOT\nxy\nEOT\r\n', 'a = <<EOT\n\\ud800\nEOT\n',
    'a = "\\ud800"\n', 'a = "\\udfff"\n', 'a = "\\uD83D\\uDE00"\n', 'a = "\\U00110000"\n', 'a = "\\U0000D800"\n',
    'a = "\\U0010FFFF"\n', 'a = "\\uFFFF"\n', 'a = "\\u00e9"\n', 'a = "\\u0000"\n', 'a = "${"\\ud800"}"\n',
    'a = "%{ if true }\\udc00%{ endif }"\n',
]


@requires_gohcl
@pytest.mark.parametrize("text", CR_AND_ESCAPES, ids=ascii)
def test_same_verdict_on_carriage_returns_and_escapes(text: str) -> None:
    assert tffix_accepts(text) == gohcl_accepts(text)
    if tffix_accepts(text):
        assert fixer.parse(text).code == text  # and what is accepted prints back byte for byte
