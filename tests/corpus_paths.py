"""Paths into the shared real-world HCL corpus (../shared/corpus, read-only).

The corpus sits beside the repository, never inside it: /work/main and /work/shared
here, <tmp>/main and <tmp>/shared in CI. Tests that read it must be marked
``@requires_shared`` so they skip cleanly when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"

requires_shared = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus not present"
)


def corpus_files(valid: bool = True) -> list[Path]:
    """Sorted corpus files.

    ``valid=True``: every file below the top-level folders except ``invalid/``
    (.tf, .tfvars, .hcl: all accepted by HashiCorp's hclsyntax). The corpus
    README.md is not HCL and is left out.
    ``valid=False``: every file below ``invalid/`` (rejected by hclsyntax).
    Returns an empty list when the corpus is absent.
    """
    if not CORPUS.is_dir():
        return []
    if valid:
        roots = [d for d in CORPUS.iterdir() if d.is_dir() and d.name != "invalid"]
    else:
        roots = [CORPUS / "invalid"]
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file())


def corpus_id(path: Path) -> str:
    """Short test id for a corpus file: its path relative to shared/corpus."""
    return path.relative_to(CORPUS).as_posix()
