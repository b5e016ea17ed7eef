"""Reliability end to end: hostile input, file-system faults, interrupts, never a lost byte.

The command line is driven with click's CliRunner (and a subprocess for
signals), with toy rules from ``test_fix_loop`` standing in for the real ones:
``TST001`` uppercases lowercase string values (safe), ``TST002`` breaks the
syntax of ``broken = ...``, ``TST004`` always raises.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_fix_loop import BreakSyntax, Crashes, UppercaseValue

import fixer
import fixer.api
from fixer import writer
from fixer.cli import main
from fixer.discovery import SourceError, read_source
from fixer.writer import Interrupted, WriteError, write_atomic

TESTS = Path(__file__).resolve().parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def toy_rules(monkeypatch):
    """Make the CLI run the given toy rules instead of the real ones."""

    def use(*rules):
        monkeypatch.setattr(fixer.api, "select_rules", lambda *_a, **_k: list(rules))

    use(UppercaseValue)
    return use


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(writer.TEMP_SUFFIX)]


# ---- the writer ------------------------------------------------------------------------


def test_write_keeps_mode_bom_and_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "main.tf"
    target.write_bytes(b"a = 1\r\n")
    target.chmod(0o640)
    text = '\ufeffa = "X"\r\nb = 2\r\n'
    write_atomic(target, text, expected="a = 1\r\n")
    assert target.read_bytes() == text.encode("utf-8")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert temp_files(tmp_path) == []


def test_write_goes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "main.tf"
    real.write_text("a = 1\n")
    link = tmp_path / "link.tf"
    link.symlink_to(real)
    write_atomic(link, "a = 2\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "a = 2\n"


def test_read_only_file_is_refused_and_untouched(tmp_path: Path) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")
    target.chmod(0o444)
    with pytest.raises(WriteError) as info:
        write_atomic(target, "a = 2\n")
    assert str(info.value) == f"{target}: could not write: permission denied (the file is read-only)"
    assert target.read_text() == "a = 1\n" and temp_files(tmp_path) == []


def test_vanished_file_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "gone.tf"
    with pytest.raises(WriteError) as info:
        write_atomic(target, "a = 2\n")
    assert "the file no longer exists" in str(info.value)
    assert not target.exists() and temp_files(tmp_path) == []


def test_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1 # edited by someone else\n")
    with pytest.raises(WriteError, match="changed on disk since it was read"):
        write_atomic(target, "a = 2\n", expected="a = 1\n")
    assert target.read_text() == "a = 1 # edited by someone else\n"


def test_full_disk_leaves_the_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    with pytest.raises(WriteError, match="no space left on device"):
        write_atomic(target, "a = 2\n" * 1000)
    assert target.read_text() == "a = 1\n"
    assert temp_files(tmp_path) == []


def test_temporary_file_refused_by_the_directory(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")

    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match="could not write: permission denied"):
        write_atomic(target, "a = 2\n")
    assert target.read_text() == "a = 1\n"


def test_failed_rename_removes_the_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")

    def busy(*_a):
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(writer.os, "replace", busy)
    monkeypatch.setattr(writer, "exchange", busy)  # where Linux swaps the names instead (fixer.leases)
    with pytest.raises(WriteError, match="device or resource busy"):
        write_atomic(target, "a = 2\n")
    assert target.read_text() == "a = 1\n" and temp_files(tmp_path) == []


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.tf").symlink_to(tmp_path / "b.tf")
    (tmp_path / "b.tf").symlink_to(tmp_path / "a.tf")
    with pytest.raises(WriteError, match="too many levels of symbolic links"):
        write_atomic(tmp_path / "a.tf", "x = 1\n")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="needs POSIX signals")
def test_interrupts_wait_for_the_group_of_writes(tmp_path: Path) -> None:
    files = [tmp_path / f"f{i}.tf" for i in range(3)]
    for f in files:
        f.write_text("a = 1\n")
    outcomes: list = []
    # Another thread in the process (as pygohcl's Go runtime makes): the kernel may hand
    # the signal to it, so a per-thread signal mask would not hold the signal back.
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, daemon=True)
    helper.start()
    with writer.handle_interrupts():
        with pytest.raises(Interrupted) as info:
            items = []
            for i, f in enumerate(files):
                items.append((str(f), f"a = {i + 2}\n", "a = 1\n"))
            original = writer.write_atomic

            def write_then_signal(path, text, *, expected=None, **options):
                original(path, text, expected=expected)
                os.kill(os.getpid(), signal.SIGTERM)  # arrives while the group is being written

            writer.write_atomic = write_then_signal
            try:
                writer.write_files(items, outcomes)
            finally:
                writer.write_atomic = original
    stop.set()
    assert info.value.exit_code == 143
    assert [f.read_text() for f in files] == ["a = 2\n", "a = 3\n", "a = 4\n"]
    assert [o.error for o in outcomes] == [None, None, None]


# ---- reading hostile input -------------------------------------------------------------


@pytest.mark.parametrize(
    "data,message",
    [
        (b'a = "\xff"\n', "bad.tf:1:6: not UTF-8 text (invalid byte 0xff at offset 5)"),
        (b'a = 1\nb = "\xc3\xa9\xc3"\n', "bad.tf:2:7: not UTF-8 text (invalid byte 0xc3 at offset 13)"),
        (b"a = 1\nb = 2\x00\n", "bad.tf:2:6: contains a NUL byte; not a text file"),
        (b"\xff\xfea\x00 \x00=\x00", "bad.tf:1:1: not UTF-8 text (invalid byte 0xff at offset 0)"),
    ],
    ids=["latin1", "truncated-sequence", "nul", "utf16"],
)
def test_read_source_says_where_the_bytes_are_bad(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.tf"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert str(info.value) == str(tmp_path / message)


def test_read_source_keeps_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.tf"
    path.write_bytes(b"\xef\xbb\xbfa = 1\r\n")
    assert read_source(path) == "\ufeffa = 1\r\n"


def test_read_source_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tf"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(fifo)


@pytest.mark.parametrize(
    "setup,expected",
    [
        (lambda d: (d / "x.tf").write_bytes(b'a = "\xff"\n'), "error: x.tf:1:6: not UTF-8 text (invalid byte 0xff at offset 5)"),
        (lambda d: (d / "x.tf").write_bytes(b"a = 1\x00\n"), "error: x.tf:1:6: contains a NUL byte; not a text file"),
        (lambda d: (d / "x.tf").mkdir(), "error: x.tf: is a directory, not a file"),
        (lambda d: (d / "x.tf").write_text("this is not { HCL\n"), 'error: x.tf:1:18: expected "=" after "HCL"'),
        (lambda d: (d / "x.tf").write_text("<html><body>hi</body></html>\n"), "error: x.tf:1:1: expected a name, a newline or end of file, found \"<\""),
        (lambda d: (d / "x.tf").write_text('{"json": true}\n'), "error: x.tf:1:1: expected a name"),
        (lambda d: (d / "x.tf").symlink_to(d / "x.tf"), "error: x.tf: cannot read: too many levels of symbolic links"),
        (lambda d: (d / "x.tf").symlink_to(d / "nowhere.tf"), "error: x.tf: cannot read: no such file"),
    ],
    ids=["not-utf8", "nul", "directory", "not-hcl", "html", "json", "symlink-loop", "dangling-symlink"],
)
def test_hostile_input_is_one_line_error_without_traceback(tmp_path: Path, monkeypatch, toy_rules, setup, expected) -> None:
    monkeypatch.chdir(tmp_path)
    setup(tmp_path)
    Path("ok.tf").write_text('a = "x"\n')
    # named on the command line (a walk skips a directory named x.tf with nothing in it)
    args = ("x.tf", "ok.tf") if Path("x.tf").is_dir() else (".",)
    code, out, err = run(*args)
    assert code == 2
    assert "Traceback" not in out + err
    errors = [line for line in out.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(expected), out
    assert "ok.tf:1:1: TST001" in out  # the good file next to it is still checked
    assert err.strip() == "1 finding in 1 file; 1 file could not be processed"


def test_empty_file_is_valid_and_checked(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty.tf").write_bytes(b"")
    code, out, err = run("empty.tf")
    assert (code, out) == (0, "") and err.strip() == "0 findings in 1 file"


def test_deep_nesting_from_the_cli_is_a_clean_answer(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    depth = 20_000
    Path("deep.tf").write_text("a = " + "[" * depth + "]" * depth + "\n")
    Path("open.tf").write_text("a = " + "{a = " * depth + "\n")
    Path("blocks.tf").write_text("b {\n" * 5_000 + "}\n" * 5_000)
    started = time.monotonic()
    code, out, err = run(".")
    assert time.monotonic() - started < 60
    assert "Traceback" not in out + err and "RecursionError" not in out + err
    assert code == 2 and out.startswith("error: open.tf:1:")
    assert err.strip() == "0 findings in 2 files; 1 file could not be processed"


@pytest.mark.parametrize("depth", [6_000])  # six times Python's recursion limit
@pytest.mark.parametrize(
    "make",
    [
        lambda d: "a = " + "(" * d + "1" + ")" * d + "\n",
        lambda d: "a = " + "f(" * d + "1" + ")" * d + "\n",
        lambda d: "a = " + '"${' * d + "1" + '}"' * d + "\n",
        lambda d: 'a = "' + "%{ if true }" * d + "%{ endif }" * d + '"\n',
        lambda d: "a = " + "[for x in " * d + "[]" + " : x]" * d + "\n",
        lambda d: "a = " + "-" * d + "1\n",
        lambda d: "a = " + "true ? 1 : " * d + "1\n",
        lambda d: "a = x" + "[0]" * d + "\n",
    ],
    ids=["parens", "calls", "templates", "directives", "for", "unary", "conditional", "index"],
)
def test_deep_nesting_parses_and_prints_back(make, depth: int) -> None:
    text = make(depth)
    started = time.monotonic()
    tree = fixer.parse(text)
    assert tree.code == text
    formatted = fixer.format(text)
    if not text.startswith('a = "${'):  # terraform fmt unwraps one "${...}" per pass
        assert fixer.format(formatted) == formatted
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("text", ["a = x.\u00b3\n", "a = x.\u00b2.y\n", "a = x.\u0663\n", "a = x.1\u00b2\n"])
def test_non_ascii_digit_after_a_dot_is_no_crash(text: str) -> None:
    # Found by the fuzzer: "³".isdigit() is True, and the lexer then matched [0-9]+ on it.
    try:
        tree = fixer.parse(text)
    except fixer.ParseError:
        return
    assert tree.code == text


def test_parse_time_is_linear_in_the_size() -> None:
    unit = 'resource "aws_s3_bucket" "b%d" {\n  bucket = "name-${var.x}-%d"\n  tags = { Name = "x" } # c\n}\n'

    def seconds(copies: int) -> float:
        text = "".join(unit % (i, i) for i in range(copies))
        started = time.perf_counter()
        fixer.parse(text)
        return time.perf_counter() - started

    small = min(seconds(300) for _ in range(2))
    large = min(seconds(2400) for _ in range(2))
    # 8x the text; quadratic behaviour would be 64x. Leave room for a noisy machine.
    assert large < small * 8 * 2.5, (small, large)


# ---- --write end to end ------------------------------------------------------------------


def test_write_failure_is_reported_and_the_run_goes_on(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.tf").write_text('a = "x"\n')
    Path("b.tf").write_text('b = "y"\n')
    Path("b.tf").chmod(0o444)
    Path("c.tf").write_text('c = "z"\n')
    code, out, err = run("--write", ".")
    assert code == 2
    assert "error: b.tf: could not write: permission denied (the file is read-only)" in out.splitlines()
    assert Path("a.tf").read_text() == 'a = "X"\n' and Path("c.tf").read_text() == 'c = "Z"\n'
    assert Path("b.tf").read_text() == 'b = "y"\n'
    # b.tf was checked: its finding is still there, not fixed, and counted (not "0 findings in 2 files")
    assert "b.tf:1:1: TST001 lowercase" in out.splitlines()
    assert err.strip() == "1 finding in 3 files; 1 file could not be written"
    assert temp_files(tmp_path) == []


def test_file_removed_between_listing_and_writing(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.tf").write_text('a = "x"\n')
    Path("b.tf").write_text('b = "y"\n')
    check_paths = fixer.api.check_paths

    def then_remove(*args, **kwargs):
        results = check_paths(*args, **kwargs)
        Path("a.tf").unlink()
        return results

    monkeypatch.setattr(fixer.api, "check_paths", then_remove)
    code, out, _err = run("--write", ".")
    assert code == 2
    assert "error: a.tf: could not write: the file no longer exists" in out.splitlines()
    assert not Path("a.tf").exists() and Path("b.tf").read_text() == 'b = "Y"\n'


def test_file_edited_between_reading_and_writing_is_kept(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.tf").write_text('a = "x"\n')
    check_paths = fixer.api.check_paths

    def then_edit(*args, **kwargs):
        results = check_paths(*args, **kwargs)
        Path("a.tf").write_text('a = "x" # a colleague\'s edit\n')
        return results

    monkeypatch.setattr(fixer.api, "check_paths", then_edit)
    code, out, _err = run("--write", ".")
    assert code == 2 and "a.tf: could not write: the file changed on disk since it was read" in out
    assert Path("a.tf").read_text() == 'a = "x" # a colleague\'s edit\n'


def test_full_temporary_directory_through_the_cli(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("full", "fine"):
        Path(name).mkdir()
        Path(name, "main.tf").write_text('a = "x"\n')
    mkstemp = writer.tempfile.mkstemp

    def full_in_one_directory(*args, dir=None, **kwargs):
        if Path(dir).name == "full":
            raise OSError(errno.ENOSPC, "No space left on device")
        return mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(writer.tempfile, "mkstemp", full_in_one_directory)
    code, out, _err = run("--write", ".")
    assert code == 2
    assert "error: full/main.tf: could not write: no space left on device" in out.splitlines()
    assert Path("full/main.tf").read_text() == 'a = "x"\n' and Path("fine/main.tf").read_text() == 'a = "X"\n'


def test_write_keeps_mode_crlf_bom_and_symlinks_through_the_cli(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    Path("crlf.tf").write_bytes(b'\xef\xbb\xbfa = "x"\r\n# note\r\nb = 1\r\n')
    Path("crlf.tf").chmod(0o600)
    Path("shared").mkdir()
    Path("shared/real.tf").write_text('c = "z"\n')
    Path("link.tf").symlink_to("shared/real.tf")
    code, _out, _err = run("--write", "crlf.tf", "link.tf")
    assert code == 0
    assert Path("crlf.tf").read_bytes() == b'\xef\xbb\xbfa = "X"\r\n# note\r\nb = 1\r\n'
    assert stat.S_IMODE(Path("crlf.tf").stat().st_mode) == 0o600
    assert Path("link.tf").is_symlink() and Path("shared/real.tf").read_text() == 'c = "Z"\n'


def apply_unified_diff(diff: str, root: Path) -> dict[str, str]:
    """Apply ``--diff`` output to the files under ``root``: the texts a patch tool would write."""

    def lines_of(text: str) -> list[str]:
        parts = text.split("\n")
        return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])

    out: dict[str, str] = {}
    lines = lines_of(diff)
    i = 0
    while i < len(lines):
        assert lines[i].startswith("--- a/") and lines[i + 1].startswith("+++ b/"), lines[i]
        path = lines[i + 1][len("+++ b/"):].rstrip("\n")
        old_lines = lines_of((root / path).read_bytes().decode("utf-8"))
        new: list[str] = []
        cursor = 0
        i += 2
        while i < len(lines) and lines[i].startswith("@@ "):
            old_range, new_range = lines[i].split()[1:3]
            start, _, count = old_range[1:].partition(",")
            old_count = int(count or 1)
            _, _, count = new_range[1:].partition(",")
            new_count = int(count or 1)
            begin = int(start) - 1 if old_count else int(start)
            new.extend(old_lines[cursor:begin])
            cursor = begin
            i += 1
            while old_count or new_count or (i < len(lines) and lines[i].startswith("\\")):
                line = lines[i]
                if line.startswith("\\"):  # no newline at the end of the line before
                    if lines[i - 1][0] in " +":
                        new[-1] = new[-1][:-1]
                    i += 1
                    continue
                if line[0] in " -":
                    assert old_lines[cursor] in (line[1:], line[1:-1]), (old_lines[cursor], line)
                    cursor += 1
                    old_count -= 1
                if line[0] in " +":
                    new.append(line[1:])
                    new_count -= 1
                i += 1
        new.extend(old_lines[cursor:])
        out[path] = "".join(new)
    return out


def test_write_is_exactly_what_diff_showed_and_a_second_write_changes_nothing(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    files = {
        "plain.tf": 'a = "x"\nb = 1\n',
        "crlf.tf": '\ufeffa = "x"\r\n\r\nc = "w"\r\n',
        "no-final-newline.tf": 'a = 1\nb = "y"',
        "odd-separators.tf": '# form\x0cfeed \u2028 and \x1b[31mescape\x1b[0m\na = "x"\nb = "\u0085"\n',
        "unchanged.tf": 'a = "X"\n',
    }
    for name, text in files.items():
        Path(name).write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["--diff", "."], catch_exceptions=False)
    code, diff = result.exit_code, result.stdout_bytes.decode("utf-8")  # .stdout turns \r\n into \n
    assert code == 1 and diff.startswith("--- a/")
    expected = apply_unified_diff(diff, tmp_path)
    assert sorted(expected) == sorted(set(files) - {"unchanged.tf"})
    code, _out, _err = run("--write", ".")
    assert code == 0
    for name in files:
        written = Path(name).read_bytes().decode("utf-8")
        assert written == expected.get(name, files[name]), name
    before = {name: (Path(name).read_bytes(), Path(name).stat().st_mtime_ns) for name in files}
    code, out, err = run("--write", ".")
    assert (code, out) == (0, "") and err.strip() == "0 findings in 5 files"
    assert {name: (Path(name).read_bytes(), Path(name).stat().st_mtime_ns) for name in files} == before


def test_fix_that_does_not_parse_is_never_written(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    toy_rules(BreakSyntax)
    source = "broken = 1\nother = 2\n"
    Path("main.tf").write_text(source)
    code, out, _err = run("--write", "main.tf")
    assert Path("main.tf").read_text() == source
    assert "the fix of TST002 would not parse" in out and "main.tf" in out
    assert code == 1  # its finding is still there, unfixed


def test_unverified_broken_text_is_refused_by_the_writer_too(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    Path("main.tf").write_text('a = "x"\n')
    check_paths = fixer.api.check_paths

    def corrupt(*args, **kwargs):
        results = check_paths(*args, **kwargs)
        for r in results:
            r.fixed = 'a = "X\n'  # as if a bug slipped past the fix loop's verification
        return results

    monkeypatch.setattr(fixer.api, "check_paths", corrupt)
    code, out, _err = run("--write", ".")
    assert code == 2 and "main.tf: could not write: the fixed text does not parse" in out
    assert Path("main.tf").read_text() == 'a = "x"\n'


def test_crashing_rule_is_reported_and_does_not_stop_the_others(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    toy_rules(Crashes, UppercaseValue)
    for name in ("one", "two"):
        Path(name).mkdir()
        Path(name, "main.tf").write_text('a = "x"\n')
    code, out, _err = run("--write", ".")
    for name in ("one", "two"):
        assert Path(name, "main.tf").read_text() == 'a = "X"\n'
        assert f"warning: TST004 crashed on module ({name}/main.tf): RuntimeError: boom" in out
    assert code == 0
    _code, _out, err = run("--debug", ".")
    assert "Traceback" in err and "RuntimeError: boom" in err


def test_internal_error_in_one_module_does_not_stop_the_others(tmp_path: Path, monkeypatch, toy_rules) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("bad", "good"):
        Path(name).mkdir()
        Path(name, "main.tf").write_text('a = "x"\n')
    fix_module = fixer.api.fix_module

    def explode_on_bad(sources, *args, **kwargs):
        if any(p.startswith("bad") for p in sources):
            raise IndexError("model bug")
        return fix_module(sources, *args, **kwargs)

    monkeypatch.setattr(fixer.api, "fix_module", explode_on_bad)
    code, out, err = run("--write", ".")
    assert code == 2 and "Traceback" not in out + err
    assert out.splitlines()[0].startswith("error: bad/main.tf: internal error while checking this module: IndexError: model bug")
    assert Path("bad/main.tf").read_text() == 'a = "x"\n' and Path("good/main.tf").read_text() == 'a = "X"\n'
    _code, _out, err = run("--debug", ".")
    assert "Traceback" in err and "IndexError: model bug" in err


# ---- interrupts ----------------------------------------------------------------------------

DRIVER = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from test_fix_loop import UppercaseValue
import fixer.api, fixer.writer
fixer.api.select_rules = lambda *a, **k: [UppercaseValue]
ready = os.environ.get("TFFIX_TEST_READY")
if ready:  # tell the test that the command runs (its handlers are installed)
    check_paths = fixer.api.check_paths
    def announced(*args, **kwargs):
        open(ready, "w").close()
        return check_paths(*args, **kwargs)
    fixer.api.check_paths = announced
mode = os.environ.get("TFFIX_TEST_SIGNAL_AT")
if mode:
    where, number, signame = mode.split(":")
    count = [0]
    if where == "rename":  # the signal arrives right after the n-th rename (or exchange, on Linux)
        original = os.replace
        def replace(src, dst):
            original(src, dst)
            count[0] += 1
            if count[0] == int(number):
                os.kill(os.getpid(), getattr(signal, signame))
        fixer.writer.os.replace = replace
        original_exchange = fixer.writer.exchange
        def exchange(src, dst):
            done = original_exchange(src, dst)
            if done:
                count[0] += 1
                if count[0] == int(number):
                    os.kill(os.getpid(), getattr(signal, signame))
            return done
        fixer.writer.exchange = exchange
    else:  # the signal arrives while the n-th temporary file is being written
        original = os.fsync
        def fsync(fd):
            count[0] += 1
            if count[0] == int(number):
                os.kill(os.getpid(), getattr(signal, signame))
            original(fd)
        fixer.writer.os.fsync = fsync
from fixer.cli import run
run()
"""


def make_modules(root: Path, modules: int, files: int) -> dict[Path, str]:
    texts = {}
    for m in range(modules):
        directory = root / f"m{m:02d}"
        directory.mkdir()
        for f in range(files):
            path = directory / f"f{f}.tf"
            path.write_text(f'name = "value-{m}-{f}"\ncount = {f}\n')
            texts[path] = path.read_text()
    return texts


def run_driver(root: Path, signal_at: str | None = None, ready: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    if signal_at:
        env["TFFIX_TEST_SIGNAL_AT"] = signal_at
    if ready:
        env["TFFIX_TEST_READY"] = str(ready)
    env.pop("COVERAGE_PROCESS_START", None)
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER.format(tests=str(TESTS)), "--write", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def assert_each_file_old_or_new(texts: dict[Path, str]) -> tuple[int, int]:
    new = old = 0
    for path, text in texts.items():
        now = path.read_text()
        if now == text:
            old += 1
        else:
            assert now == text.replace('"value', '"VALUE'), (path, now)
            new += 1
    return old, new


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize(
    "signal_at,code", [("rename:5:SIGTERM", 143), ("rename:5:SIGINT", 130), ("fsync:7:SIGTERM", 143)]
)
def test_signal_during_write_leaves_whole_modules_and_no_temporary(tmp_path: Path, signal_at: str, code: int) -> None:
    texts = make_modules(tmp_path, modules=4, files=3)
    proc = run_driver(tmp_path, signal_at)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    assert "Traceback" not in out + err
    assert "error: interrupted; " in err
    assert temp_files(tmp_path) == []
    # The signal arrives inside the second module (files 4-6): that module is finished,
    # the later ones are left as they were.
    by_module = {}
    for path, text in texts.items():
        by_module.setdefault(path.parent.name, []).append(path.read_text() != text)
    assert by_module == {"m00": [True] * 3, "m01": [True] * 3, "m02": [False] * 3, "m03": [False] * 3}
    assert_each_file_old_or_new(texts)
    assert "not written: interrupted" in out


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_from_outside_at_any_moment(tmp_path: Path, signum: int) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    texts = make_modules(root, modules=20, files=10)
    ready = tmp_path / "ready"
    outcomes = []
    for delay in (0.0, 0.4, 1.0):
        for path, text in texts.items():
            path.write_text(text)
        ready.unlink(missing_ok=True)
        proc = run_driver(root, ready=ready)
        deadline = time.monotonic() + 60
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=120)
        assert "Traceback" not in out + err
        assert proc.returncode in (0, 128 + signum), err
        if proc.returncode:
            assert "error: interrupted" in err
        assert temp_files(root) == []
        old, new = assert_each_file_old_or_new(texts)  # every file whole: old or new
        if proc.returncode:
            # modules are written whole: the count of new files is a multiple of a module's
            assert new % 10 == 0, (old, new)
        outcomes.append((proc.returncode, new))
    assert any(code == 128 + signum for code, _new in outcomes), outcomes


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, (1 << 20) - 1, 1 << 20, (1 << 20) + 3, 3 * (1 << 20) + 17])
def test_read_bytes_gives_every_byte_whatever_the_size(tmp_path: Path, size: int) -> None:
    """read_bytes reads what fstat counted in one buffer of that size; bigger files in chunks."""
    from fixer.reading import read_bytes

    data = bytes((i * 7 + i // 251) % 256 for i in range(size))
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert read_bytes(path) == data
    if size:
        with pytest.raises(SourceError):
            read_bytes(path, limit=size - 1)


def test_read_bytes_keeps_reading_past_the_size_fstat_gave(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grew after the fstat: the bytes past the size it had are read too."""
    from fixer import reading

    path = tmp_path / "grows.tf"
    path.write_bytes(b"a" * 100)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:  # the size the file had before 50 bytes were appended
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid, info.st_gid,
                               50, info.st_atime, info.st_mtime, info.st_ctime))

    monkeypatch.setattr(reading.os, "fstat", stale_fstat)
    assert reading.read_bytes(path) == b"a" * 100
