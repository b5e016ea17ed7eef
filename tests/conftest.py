"""Shared test setup. Corpus helpers live in corpus_paths.py (importable because
pyproject.toml puts tests/ on pytest's pythonpath): ``from corpus_paths import ...``."""

import pytest
from corpus_paths import SHARED, corpus_files, requires_shared  # noqa: F401


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI runs in tests write no ``.tffix_cache/`` into the working tree; test_cache.py turns
    the cache back on where it tests it."""
    monkeypatch.setenv("TFFIX_NO_CACHE", "1")
