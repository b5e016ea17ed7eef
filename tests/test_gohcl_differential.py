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
