"""Shared test setup. Corpus helpers live in corpus_paths.py (importable because
pyproject.toml puts tests/ on pytest's pythonpath): ``from corpus_paths import ...``."""

import pytest
from corpus_paths import SHARED, corpus_files, requires_shared  # noqa: F401


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI runs in tests write no ``.tffix_cache/`` into the working tree; test_cache.py turns
    the cache back on where it tests it."""
    monkeypatch.setenv("TFFIX_NO_CACHE", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bless", action="store_true", default=False,
        help="rewrite findings.txt and after/ of the corpus/rules fixture cases from the "
        "current output (review the result with git diff, like cargo insta review)",
    )


@pytest.fixture
def bless(request: pytest.FixtureRequest) -> bool:
    """Whether ``--bless`` was given: snapshot tests write their snapshot instead of comparing."""
    return bool(request.config.getoption("--bless"))
