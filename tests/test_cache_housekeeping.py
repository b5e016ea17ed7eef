"""`tffix clean` and the size bound of `.tffix_cache/` (issue 17 item 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer import __version__
from fixer.cache import CACHE_DIR, prune
from fixer.cli import main

MODULE = 'resource "aws_security_group" "a" {\n  name = "sg-web"\n}\n'


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TFFIX_NO_CACHE", raising=False)  # conftest turns the cache off
    for i in range(4):
        (tmp_path / f"m{i}").mkdir()
        (tmp_path / f"m{i}" / "main.tf").write_text(MODULE.replace("web", f"web{i}"), encoding="utf-8")
    return tmp_path


def _entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR / __version__).glob("*.json"))


def test_clean_removes_the_cache_and_the_next_run_is_the_same(tree: Path) -> None:
    first = CliRunner().invoke(main, ["--isolated", "m0", "m1"])
    assert len(_entries(tree)) == 2
    done = CliRunner().invoke(main, ["clean"])
    assert done.exit_code == 0, done.output
    assert not (tree / CACHE_DIR).exists()
    again = CliRunner().invoke(main, ["--isolated", "m0", "m1"])
    assert again.output == first.output and again.exit_code == first.exit_code == 1
    assert CliRunner().invoke(main, ["clean"]).exit_code == 0
    assert "no cache" in CliRunner().invoke(main, ["clean"]).output


def test_clean_leaves_a_directory_that_is_not_a_tffix_cache(tree: Path) -> None:
    (tree / CACHE_DIR).mkdir()
    (tree / CACHE_DIR / "precious.txt").write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean"])
    assert result.exit_code == 2 and "not a tffix cache" in result.output
    assert (tree / CACHE_DIR / "precious.txt").read_text(encoding="utf-8") == "keep"


def test_prune_removes_the_oldest_entries_first_and_keeps_the_secret(tree: Path) -> None:
    CliRunner().invoke(main, ["--isolated", "m0", "m1", "m2", "m3"])
    entries = _entries(tree)
    assert len(entries) == 4
    for age, entry in enumerate(entries):  # entries[0] is the oldest
        os.utime(entry, ns=(10**18 + age * 10**9, 10**18 + age * 10**9))
    size = entries[0].stat().st_size
    stale = tree / CACHE_DIR / "0.0.0-old"
    stale.mkdir()
    (stale / "x.json").write_text("{}", encoding="utf-8")
    removed = prune(tree / CACHE_DIR, max_bytes=sum(e.stat().st_size for e in entries[2:]))
    assert removed == 3  # the other version's entry, then the two oldest
    assert _entries(tree) == entries[2:]
    assert not stale.exists() and (tree / CACHE_DIR / "secret").is_file()
    assert size > 0


def test_a_run_keeps_the_cache_under_its_bound(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFFIX_CACHE_MAX_MB", "0")
    result = CliRunner().invoke(main, ["--isolated", "m0", "m1"])
    assert result.exit_code == 1
    assert _entries(tree) == []  # bound 0: every entry pruned, the results still reported
    assert "sg-web0" in result.output


def test_clean_max_size_prunes(tree: Path) -> None:
    CliRunner().invoke(main, ["--isolated", "m0", "m1"])
    result = CliRunner().invoke(main, ["clean", "--max-size", "0"])
    assert result.exit_code == 0 and "removed 2 cache entries" in result.output
    assert _entries(tree) == [] and (tree / CACHE_DIR / "CACHEDIR.TAG").is_file()
