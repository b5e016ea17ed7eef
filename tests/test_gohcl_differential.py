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
