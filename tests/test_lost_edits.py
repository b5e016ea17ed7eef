"""No edit is ever lost by a write: the race with another writer, ``tffix fmt``'s writes,
and symlinks that lead outside the named paths.

The race is tested with a hook (``writer._checkpoint``) that another process's write
is injected at, at the exact point of the write: deterministic, no sleep.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reliability import temp_files, toy_rules  # noqa: F401 - toy_rules is a fixture

from fixer import leases, writer
from fixer.cli import main
from fixer.fmt_command import fmt
from fixer.writer import WriteError, write_atomic

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
OTHER = "a = 1\n# a line another process added\n"


def inject(monkeypatch: pytest.MonkeyPatch, at: str, write) -> list[str]:
    """Run ``write(target)`` when the writer reaches the stage ``at`` (once); returns the stages seen."""
    seen: list[str] = []

    def checkpoint(stage: str, target: Path) -> None:
        seen.append(stage)
        if stage == at and seen.count(stage) == 1:
            write(target)

    monkeypatch.setattr(writer, "_checkpoint", checkpoint)
    return seen


LINE = b"# a line another process added\n"
_WAITING: list[threading.Thread] = []


def append(target: Path) -> None:
    """Append a line in place, as ``echo >> file`` does, as another process would.

    Where the writer holds a lease on the file (Linux, fixer.leases), an open to write
    waits until the writer gives the lease up: the open is tried without waiting (which
    the lease shows to the writer at once), and a thread then does the waiting one.
    """
    try:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK)
    except BlockingIOError:
        waiting = threading.Thread(target=_append_waiting, args=(target,))
        waiting.start()
        _WAITING.append(waiting)
        return
    os.write(fd, LINE)
    os.close(fd)


def _append_waiting(target: Path) -> None:
    with open(target, "ab") as handle:
        handle.write(LINE)


def settle() -> None:
    """Wait for the appends that waited for a lease (they go on once the writer gives it up)."""
    while _WAITING:
        _WAITING.pop().join(timeout=120)


@contextlib.contextmanager
def no_lease(_fd: int):
    yield False


def leases_work(directory: Path) -> bool:
    probe = directory / "probe"
    probe.write_text("")
    fd = os.open(probe, os.O_RDONLY)
    try:
        with leases.read_lease(fd) as leased:
            return leased
    finally:
        os.close(fd)
        probe.unlink()


@pytest.mark.parametrize("lease", [True, False], ids=["lease", "no-lease"])
@pytest.mark.parametrize("at", ["temp-written", "checked"])
def test_a_write_landing_during_the_write_is_never_lost(tmp_path: Path, monkeypatch, at: str, lease: bool) -> None:
    # "temp-written": the other write lands after the first check, while the temporary file
    # is made (the 29-of-30 case); "checked": after the last check, just before the
    # swap. With a lease (Linux) the other writer's open waits and the swap is undone; without
    # one, no check can see it: the old inode is read after the rename and put back.
    if lease and not leases_work(tmp_path):
        pytest.skip("no file leases here (not Linux, or the file system has none)")
    if not lease:
        monkeypatch.setattr(writer, "read_lease", no_lease)
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")
    seen = inject(monkeypatch, at, append)
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomic(target, "a = 2\n", expected="a = 1\n")
    waited = bool(_WAITING)  # the other writer's open had to wait for the lease
    settle()
    assert waited == lease
    assert at in seen
    assert target.read_text() == OTHER
    assert temp_files(tmp_path) == []


def test_a_file_replaced_by_another_during_the_write_is_kept(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")

    def replace(path: Path) -> None:  # an editor saving by rename: same content, another inode
        other = tmp_path / "editor.tmp"
        other.write_text("a = 1\n")
        os.replace(other, path)

    inject(monkeypatch, "temp-written", replace)
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomic(target, "a = 2\n", expected="a = 1\n")
    assert target.read_text() == "a = 1\n"


def test_without_interference_the_write_goes_through(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")
    seen = inject(monkeypatch, "never", append)
    write_atomic(target, "a = 2\n", expected="a = 1\n")
    assert seen == ["temp-written", "checked"]
    assert target.read_text() == "a = 2\n"


def test_cli_write_keeps_an_edit_made_at_the_last_moment(tmp_path: Path, monkeypatch, toy_rules) -> None:  # noqa: F811
    monkeypatch.chdir(tmp_path)
    Path("main.tf").write_text('a = "x"\n')
    inject(monkeypatch, "checked", append)
    result = CliRunner().invoke(main, ["--write", "main.tf"], catch_exceptions=False)
    settle()
    assert result.exit_code == 2
    assert Path("main.tf").read_text() == 'a = "x"\n# a line another process added\n'
    assert "main.tf: could not write: the file changed on disk while it was written" in result.output
    assert result.stderr.endswith("1 finding in 1 file; 1 file could not be written\n")  # not "0 findings in 0 files"


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_setuid_and_owner_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "main.tf"
    target.write_text("a = 1\n")
    os.chown(target, 65534, 65534)
    target.chmod(0o6755)
    write_atomic(target, "a = 2\n", expected="a = 1\n")
    info = target.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert stat.S_IMODE(info.st_mode) == 0o6755  # chown after chmod would clear setuid/setgid


# ---- tffix fmt writes as --write does -------------------------------------------------------

UGLY = "a=1\nbbb = 2\n"
PRETTY = "a   = 1\nbbb = 2\n"


def run_fmt(*args: str):
    return CliRunner().invoke(fmt, list(args), catch_exceptions=False)


def test_fmt_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "real.tf"
    real.write_text(UGLY)
    link = tmp_path / "link.tf"
    link.symlink_to("shared/real.tf")
    result = run_fmt(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "shared/real.tf"
    assert real.read_text() == PRETTY


def test_fmt_refuses_a_read_only_file(tmp_path: Path) -> None:
    target = tmp_path / "main.tf"
    target.write_text(UGLY)
    target.chmod(0o444)
    result = run_fmt(str(target))
    assert result.exit_code == 2
    assert result.stderr == f"{target}: could not write: permission denied (the file is read-only)\n"
    assert target.read_text() == UGLY and stat.S_IMODE(target.stat().st_mode) == 0o444


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_fmt_keeps_owner_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "main.tf"
    target.write_text(UGLY)
    os.chown(target, 65534, 65534)
    target.chmod(0o4640)
    assert run_fmt(str(target)).exit_code == 0
    info = target.stat()
    assert target.read_text() == PRETTY
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o4640)


def test_fmt_leaves_a_file_changed_since_it_was_read(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "main.tf"
    target.write_text(UGLY)
    inject(monkeypatch, "temp-written", append)
    result = run_fmt(str(target))
    settle()
    assert result.exit_code == 2
    assert "could not write: the file changed on disk" in result.output
    assert target.read_text() == UGLY + "# a line another process added\n"
    assert temp_files(tmp_path) == []


# ---- symlinks that lead outside the named paths ---------------------------------------------


@pytest.fixture
def outside_link(tmp_path: Path) -> tuple[Path, Path]:
    """``tree/x.tf`` -> ``elsewhere/out.tf``; returns (tree, the outside file)."""
    tree = tmp_path / "tree"
    tree.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = elsewhere / "out.tf"
    out.write_text('a = "x"\n')
    (tree / "x.tf").symlink_to(out)
    (tree / "main.tf").write_text('b = "y"\n')
    return tree, out


def test_write_refuses_a_symlink_leading_outside_the_named_directory(outside_link, monkeypatch, toy_rules) -> None:  # noqa: F811
    tree, out = outside_link
    result = CliRunner().invoke(main, ["--write", str(tree)], catch_exceptions=False)
    assert result.exit_code == 2
    assert out.read_text() == 'a = "x"\n'
    assert (tree / "main.tf").read_text() == 'b = "Y"\n'  # the files inside are still written
    assert (f"{tree / 'x.tf'}: could not write: a symlink leads it to {out}, outside the paths named "
            "on the command line; not written (--follow-symlinks-outside writes through it)") in result.output


def test_follow_symlinks_outside_writes_through(outside_link, monkeypatch, toy_rules) -> None:  # noqa: F811
    tree, out = outside_link
    result = CliRunner().invoke(main, ["--write", "--follow-symlinks-outside", str(tree)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert out.read_text() == 'a = "X"\n' and (tree / "x.tf").is_symlink()


def test_a_symlink_named_itself_is_written_through(outside_link, monkeypatch, toy_rules) -> None:  # noqa: F811
    tree, out = outside_link
    result = CliRunner().invoke(main, ["--write", str(tree / "x.tf")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert out.read_text() == 'a = "X"\n'


def test_fmt_refuses_a_symlink_leading_outside_unless_asked(outside_link) -> None:
    tree, out = outside_link
    out.write_text(UGLY)
    result = run_fmt(str(tree))
    assert result.exit_code == 2 and out.read_text() == UGLY
    assert "outside the paths named on the command line" in result.output
    assert run_fmt("--follow-symlinks-outside", str(tree)).exit_code == 0
    assert out.read_text() == PRETTY


def test_write_refuses_a_file_below_a_symlinked_folder_leading_outside(tmp_path: Path, monkeypatch, toy_rules) -> None:  # noqa: F811
    # as examples/ecs-fargate -> ../corpus/seeds/ecs-fargate: ruff and terraform fmt do not walk into it
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "main.tf").write_text('a = "x"\n')
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "mod").symlink_to("../elsewhere")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--write", "tree"], catch_exceptions=False)
    assert result.exit_code == 2
    assert (tmp_path / "elsewhere" / "main.tf").read_text() == 'a = "x"\n'
    assert "could not write: a symlink leads it to" in result.output
    assert CliRunner().invoke(main, ["--write", "elsewhere"]).exit_code == 0  # named itself: written
    assert (tmp_path / "elsewhere" / "main.tf").read_text() == 'a = "X"\n'
