"""Every real-world corpus file parses and prints back byte for byte; invalid ones are rejected."""

from __future__ import annotations

import pytest
from corpus_paths import corpus_files, corpus_id, requires_shared

import fixer
from fixer.syntax.transform import Transformer

VALID = corpus_files(valid=True)
INVALID = corpus_files(valid=False)


@requires_shared
def test_corpus_is_there() -> None:
    # The README of shared/corpus lists 2648 accepted files and 22 rejected ones.
    assert len(VALID) >= 2600
    assert len(INVALID) >= 20


@requires_shared
@pytest.mark.parametrize("path", VALID, ids=corpus_id)
def test_valid_file_round_trips(path) -> None:
    text = path.read_bytes().decode("utf-8")
    tree = fixer.parse(text, str(path))
    assert tree.code == text


@requires_shared
@pytest.mark.parametrize("path", INVALID, ids=corpus_id)
def test_invalid_file_is_rejected_with_position(path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    with pytest.raises(fixer.ParseError) as info:
        fixer.parse(text, str(path))
    err = info.value
    assert err.line >= 1 and err.column >= 1
    assert str(err).startswith(f"{path}:{err.line}:{err.column}: ")


class _ChangesNothing(Transformer):
    def leave_Attribute(self, original, updated):
        return updated


@requires_shared
def test_noop_transformer_gives_the_same_bytes_on_the_corpus() -> None:
    for path in VALID:
        text = path.read_bytes().decode("utf-8")
        tree = fixer.parse(text, str(path))
        out = _ChangesNothing().transform(tree)
        assert out is tree and out.code == text, path
