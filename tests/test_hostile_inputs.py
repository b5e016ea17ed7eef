"""Hostile inputs: files that would block or never end, and cache entries that were forged.

Every file tffix reads goes through one reader (:mod:`fixer.reading`): a FIFO, a
device or an oversized file is a one-line error (or skipped where a walk finds
it), never a hang. A cache entry only ever saves work: an edited, forged or
foreign entry is a miss. The blocking cases run tffix in a subprocess with a
timeout, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reliability import toy_rules  # noqa: F401 - a fixture

from fixer import api
from fixer.cache import SECRET_FILE, ResultCache
from fixer.cli import main
from fixer.reading import SourceError, read_bytes, read_text

TIMEOUT = 60  # seconds; a blocked read would wait forever


def tffix(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fixer", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
        stdin=subprocess.DEVNULL, env={k: v for k, v in os.environ.items() if k != "TFFIX_NO_CACHE"},
    )


@pytest.fixture
def module(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text('variable "x" {}\n', encoding="utf-8")
    return tmp_path


# ---- the reader ------------------------------------------------------------------------------


def test_reader_refuses_a_fifo_a_device_and_a_directory_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(SourceError, match=r"pipe: not a regular file \(a FIFO\)"):
        read_bytes(tmp_path / "pipe")
    with pytest.raises(SourceError, match=r"zero: not a regular file \(a device\)"):
        read_bytes(tmp_path / "zero")
    with pytest.raises(SourceError, match="is a directory"):
        read_bytes(tmp_path)


def test_reader_caps_the_size(tmp_path: Path) -> None:
    big = tmp_path / "big.tf"
    big.write_bytes(b"a = 1\n" * 100)
    assert read_text(big, limit=600) == "a = 1\n" * 100
    with pytest.raises(SourceError, match=r"big.tf: too large to read \(more than 599 bytes\)"):
        read_bytes(big, limit=599)


def test_an_oversized_tf_file_is_one_line_error(module: Path) -> None:
    with open(module / "huge.tf", "wb") as handle:  # sparse: 17 MiB of NULs, written in no time
        handle.truncate(17 * 1024 * 1024)
    done = tffix(module, "--no-cache", ".")
    assert done.returncode == 2
    assert done.stdout == "error: huge.tf: too large to read (more than 16 MiB)\n"
    assert "Traceback" not in done.stderr


# ---- no hang ---------------------------------------------------------------------------------


def test_a_fifo_var_file_is_refused_not_waited_for(module: Path) -> None:
    os.mkfifo(module / "vars.tfvars")
    done = tffix(module, "--no-cache", "--var-file", "vars.tfvars", ".")
    assert done.returncode == 2
    assert done.stdout == (
        "error: vars.tfvars: not a regular file (a FIFO); tffix reads only regular files; main.tf not checked\n"
    )


def test_a_var_file_linked_to_dev_zero_is_refused(module: Path) -> None:
    (module / "zero.tfvars").symlink_to("/dev/zero")
    done = tffix(module, "--no-cache", "--var-file", "zero.tfvars", ".")
    assert done.returncode == 2
    assert "error: zero.tfvars: not a regular file (a device)" in done.stdout


def test_a_fifo_terraform_tfvars_is_reported_not_skipped(module: Path) -> None:
    os.mkfifo(module / "terraform.tfvars")
    done = tffix(module, "--no-cache", ".")
    assert done.returncode == 2
    assert done.stdout.startswith("error: terraform.tfvars: not a regular file (a FIFO)")


def test_a_fifo_config_file_is_a_config_error(module: Path) -> None:
    os.mkfifo(module / "conf.toml")
    done = tffix(module, "--no-cache", "--config", "conf.toml", ".")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
    assert "conf.toml: not a regular file (a FIFO)" in done.stderr and "Traceback" not in done.stderr


def test_a_fifo_among_the_repository_tests_is_skipped(module: Path) -> None:
    (module / ".git").mkdir()
    (module / "tests").mkdir()
    os.mkfifo(module / "tests" / "test_stack.py")
    done = tffix(module, "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_fmt_skips_a_fifo_in_a_walk_and_reports_one_named(module: Path) -> None:
    os.mkfifo(module / "pipe.tf")
    walked = tffix(module, "fmt", "--check", ".")
    assert walked.returncode == 0, walked.stdout + walked.stderr
    named = tffix(module, "fmt", "--check", "pipe.tf")
    assert named.returncode == 2
    assert named.stderr == "pipe.tf: not a regular file (a FIFO); tffix reads only regular files\n"


def test_a_fifo_cache_entry_is_a_miss(module: Path) -> None:
    first = tffix(module, ".")
    [entry] = (module / ".tffix_cache").rglob("*.json")
    entry.unlink()
    os.mkfifo(entry)
    again = tffix(module, ".")
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)


# ---- forged cache entries --------------------------------------------------------------------

INJECTED = 'a = "X"\ncidr_blocks = ["0.0.0.0/0"]\n'


@pytest.fixture
def cached_fix(tmp_path: Path, monkeypatch, toy_rules) -> Path:  # noqa: F811
    """A module whose fix (``a = "x"`` -> ``"X"``) the cache holds; returns its entry."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TFFIX_NO_CACHE")  # the tests' default; the cache is what is tested here
    Path("main.tf").write_text('a = "x"\n', encoding="utf-8")
    assert CliRunner().invoke(main, ["--diff", "main.tf"]).exit_code == 1
    [entry] = Path(".tffix_cache").rglob("*.json")
    return entry


def _edit_entry(entry: Path, change) -> None:
    data = json.loads(entry.read_text(encoding="utf-8"))
    change(data["data"])
    entry.write_text(json.dumps(data), encoding="utf-8")


def test_an_edited_fixed_text_is_never_written(cached_fix: Path) -> None:
    def inject(data):
        data["files"][0]["fixed"] = INJECTED

    _edit_entry(cached_fix, inject)
    result = CliRunner().invoke(main, ["--write", "main.tf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert Path("main.tf").read_text(encoding="utf-8") == 'a = "X"\n'


def test_an_entry_with_no_files_does_not_drop_a_file(cached_fix: Path) -> None:
    def empty(data):
        data["files"] = []

    _edit_entry(cached_fix, empty)
    result = CliRunner().invoke(main, ["--diff", "main.tf"], catch_exceptions=False)  # the entry's key
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/main.tf\n+++ b/main.tf\n")
    assert "main.tf:1:1: TST001" in result.stderr
    assert result.stderr.endswith("1 finding in 1 file\n")


def test_an_entry_from_another_cache_is_a_miss(cached_fix: Path, monkeypatch) -> None:
    cache = cached_fix.parents[1]
    other_secret = "0" * 64
    data = json.loads(cached_fix.read_text(encoding="utf-8"))
    inject = dict(data["data"])
    inject["files"] = [{**inject["files"][0], "fixed": INJECTED}]
    forged = ResultCache(cache)  # the forger's own secret: valid MAC, wrong key
    (cache / SECRET_FILE).rename(cache / "mine")
    (cache / SECRET_FILE).write_text(other_secret)
    (cache / SECRET_FILE).chmod(0o600)
    assert forged.store(data["key"], inject)
    (cache / "mine").replace(cache / SECRET_FILE)
    result = CliRunner().invoke(main, ["--write", "main.tf"], catch_exceptions=False)
    assert result.exit_code == 0
    assert Path("main.tf").read_text(encoding="utf-8") == 'a = "X"\n'


def test_a_secret_others_can_read_disables_the_cache(cached_fix: Path, monkeypatch) -> None:
    secret = cached_fix.parents[1] / SECRET_FILE
    checked: list[str] = []
    original = api._check_module
    monkeypatch.setattr(api, "_check_module", lambda job: checked.append(str(job.module.directory)) or original(job))
    assert CliRunner().invoke(main, ["--diff", "main.tf"]).exit_code == 1
    assert checked == []  # served by the cache
    secret.chmod(0o644)
    assert CliRunner().invoke(main, ["--diff", "main.tf"]).exit_code == 1
    assert checked == ["."]  # not trusted: checked again
