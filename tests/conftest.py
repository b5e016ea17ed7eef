"""Shared test setup. Corpus helpers live in corpus_paths.py (importable because
pyproject.toml puts tests/ on pytest's pythonpath): ``from corpus_paths import ...``."""

from corpus_paths import SHARED, corpus_files, requires_shared  # noqa: F401
