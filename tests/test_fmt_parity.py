"""``fixer.layout.format_source`` against ``terraform fmt`` on every valid corpus file.

What is compared: the text ``terraform fmt`` writes to a file *in place*. That is
what ``format_source`` reproduces, byte for byte. ``terraform fmt -`` (stdin)
prints the same text except that it adds a final newline when the result has
none; a file without a final newline keeps it missing when formatted in place,
and so does ``format_source``.

How: once per session, every valid corpus file is copied into one temporary
folder as ``NNNNN.tf`` and ``terraform fmt`` runs once over it (one process,
not one per file; the files are renamed to ``.tf`` because terraform formats
only ``.tf``/``.tfvars``/``.tftest.hcl`` and would skip the corpus's ``.hcl``
files; it treats all three alike). The parity tests skip when there is no
``terraform`` binary; the idempotence tests run everywhere (and, with parity,
show that terraform's own output comes back unchanged).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from corpus_paths import corpus_files, corpus_id, requires_shared

from fixer.layout import format_source

VALID = corpus_files(valid=True)
TERRAFORM = shutil.which("terraform")
requires_terraform = pytest.mark.skipif(TERRAFORM is None, reason="no terraform binary on PATH")


@functools.lru_cache(maxsize=None)
def formatted(path: Path) -> str:
    """format_source of a corpus file, computed once per session."""
    return format_source(path.read_bytes().decode("utf-8"))


@pytest.fixture(scope="session")
def terraform_outputs(tmp_path_factory) -> dict[Path, str]:
    """What ``terraform fmt`` writes in place for every valid corpus file."""
    folder = tmp_path_factory.mktemp("terraform-fmt")
    names = {}
    for i, path in enumerate(VALID):
        copy = folder / f"{i:05d}.tf"
        shutil.copyfile(path, copy)
        names[path] = copy
    env = dict(os.environ, TF_CLI_CONFIG_FILE=os.devnull, CHECKPOINT_DISABLE="1")
    result = subprocess.run(
        [TERRAFORM, "fmt", "-recursive", str(folder)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    return {path: copy.read_bytes().decode("utf-8") for path, copy in names.items()}


@requires_shared
@requires_terraform
@pytest.mark.parametrize("path", VALID, ids=corpus_id)
def test_same_as_terraform_fmt(path: Path, terraform_outputs: dict[Path, str]) -> None:
    assert formatted(path) == terraform_outputs[path]


@requires_shared
@requires_terraform
def test_fmt_clean_files_come_back_byte_identical(terraform_outputs: dict[Path, str]) -> None:
    clean = [p for p in VALID if terraform_outputs[p] == p.read_bytes().decode("utf-8")]
    assert len(clean) > 1000
    changed = [corpus_id(p) for p in clean if formatted(p) != terraform_outputs[p]]
    assert changed == []


@requires_shared
@pytest.mark.parametrize("path", VALID, ids=corpus_id)
def test_idempotent(path: Path) -> None:
    once = formatted(path)
    assert format_source(once) == once
