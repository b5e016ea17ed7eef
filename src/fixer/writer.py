"""Writing files so that none is ever half-written, and interrupts that wait for a write to end.

:func:`write_atomic` writes a temporary file in the target's own directory,
syncs it, gives it the target's mode (and owner, when allowed) and renames it
over the target: a reader, a crash or an interrupted run sees the old file or
the new one, never a mix. :func:`write_files` writes a group of files (one
module) with SIGINT and SIGTERM held back, so a module is never left with some
of its files fixed and the others not because of an interrupt.
:func:`handle_interrupts` turns SIGTERM into :class:`Interrupted` (as SIGINT is
turned into ``KeyboardInterrupt``), so the command line can clean up, say what
it did, and exit 130 or 143.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Collection, Iterable, Iterator, Sequence

from .leases import exchange, lease_intact, read_lease
from .reading import SourceError, read_bytes

__all__ = [
    "TEMP_SUFFIX",
    "Interrupted",
    "WriteError",
    "WriteOutcome",
    "deferred_interrupts",
    "handle_interrupts",
    "is_inside",
    "named_roots",
    "write_atomic",
    "write_files",
    "create_atomic",
]

TEMP_SUFFIX = ".tffix.tmp"
_SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


class WriteError(OSError):
    """A file that was not written; ``str()`` is ``path: could not write: reason``.

    The file on disk is exactly as it was before the attempt.
    """

    def __init__(self, path: str, reason: str, errno_: int | None = None) -> None:
        super().__init__(errno_ or 0, reason)
        self.path = path  # the path as the caller named it
        self.reason = reason  # one line: why

    def __str__(self) -> str:
        return f"{self.path}: could not write: {self.reason}"


class Interrupted(KeyboardInterrupt):
    """The run got SIGINT or SIGTERM; ``exit_code`` is 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "no space left on device"
    if error.errno == errno.EDQUOT:
        return "disk quota exceeded"
    if error.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    if error.errno == errno.ENOENT:
        return "the file no longer exists"
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def write_atomic(
    path: str | os.PathLike[str],
    text: str,
    *,
    expected: str | None = None,
    inside: Sequence[str] | None = None,
) -> None:
    """Replace ``path``'s content with ``text`` (UTF-8, newlines and a BOM as given).

    Writes through a symlink to its target and keeps the target's permission
    bits, setuid/setgid included (and owner and group where the process may set
    them). With ``inside`` (real paths of directories or files), a target that is
    not one of them or below one (a symlink leading out of the tree that was
    named) is refused. With ``expected``, the file must still hold exactly that
    text, or nothing is written: a change made by someone else since it was read
    is never lost (see :func:`_replace` for how, and the one window left).

    Raises :class:`WriteError` (an ``OSError``) when the file is read-only, has
    vanished, changed, leads outside ``inside``, or the directory refuses the
    temporary file; the target is then as it was and no temporary file is left.
    """
    shown = os.fspath(path)
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    if inside is not None and not is_inside(str(target), inside):
        raise WriteError(
            shown,
            f"a symlink leads it to {target}, outside the paths named on the command line; "
            "not written (--follow-symlinks-outside writes through it)",
            errno.EPERM,
        )
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    try:
        _replace(shown, target, fd, text.encode("utf-8"), None if expected is None else expected.encode("utf-8"))
    finally:
        os.close(fd)


def create_atomic(path: str | os.PathLike[str], text: str, *, inside: Sequence[str] | None = None) -> None:
    """Create ``path`` holding ``text`` (UTF-8), whole or not at all, never over an existing file.

    The text goes to a synced temporary file in the same directory, which is then linked
    to ``path``: the link fails when anything (a file, a symlink, a directory) is there
    already, so a file that appeared since the run looked is never overwritten. The new
    file's permissions are ``0o666`` less the process's umask, as ``terraform fmt``'s
    and any editor's new files. ``inside``: as for :func:`write_atomic` (the directory
    must be one of them or below one).

    Raises :class:`WriteError` when the path exists, the directory is missing, leads
    outside ``inside`` or refuses the file; no temporary file is left.
    """
    shown = os.fspath(path)
    target = Path(path)
    try:
        directory = Path(os.path.realpath(target.parent, strict=True))
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    if inside is not None and not is_inside(str(directory / target.name), inside):
        raise WriteError(shown, f"its directory leads to {directory}, outside the paths named on the command line", errno.EPERM)
    if os.path.lexists(target):
        raise WriteError(shown, "it already exists; a new file is never written over one", errno.EEXIST)
    mode = _new_file_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=directory)
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        try:
            os.link(tmp, directory / target.name)  # fails with EEXIST: never over another file
        except FileExistsError as e:
            raise WriteError(shown, "it already exists; a new file is never written over one", e.errno) from None
        except OSError as e:
            raise WriteError(shown, _reason(e), e.errno) from None
        _sync_directory(directory)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _new_file_mode() -> int:
    """``0o666`` less the umask: the mode ``open(..., "w")`` would give a new file."""
    try:  # Linux says it without changing it (os.umask sets it for every thread while it reads)
        with open("/proc/self/status", encoding="ascii") as status:
            mask = next(int(line.split()[1], 8) for line in status if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def named_roots(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The real paths of the paths named on the command line: where a write may land by default.

    A file found by walking a named directory may be a symlink; it is written
    only if its target is in one of these (``--follow-symlinks-outside`` lifts
    that, as ``inside=None``). A file named itself is one of them, so its target
    is written wherever it is: the user named that file.
    """
    return [os.path.realpath(p) for p in paths]


def is_inside(real: str, roots: Sequence[str]) -> bool:
    """Whether the real path ``real`` is one of ``roots`` (real paths) or below one."""
    for root in roots:
        try:
            if real == root or os.path.commonpath([real, root]) == root:
                return True
        except ValueError:  # another drive on Windows
            continue
    return False


_CHANGED = "the file changed on disk since it was read; run tffix again"


def _checkpoint(stage: str, target: Path) -> None:
    """A no-op that tests replace, to act at an exact point of :func:`_replace`.

    ``stage`` is ``"temp-written"`` (the new content is in the temporary file,
    about to be checked against the disk) or ``"checked"`` (checked, about to be renamed).
    """


def _state(info: os.stat_result) -> tuple[int, int]:
    return info.st_size, info.st_mtime_ns


def _read_fd(fd: int) -> bytes:
    """The whole content of the open file ``fd``, from its start (``os.pread`` is not on every platform)."""
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _replace(shown: str, target: Path, fd: int, data: bytes, expected: bytes | None) -> None:
    """Put a temporary file holding ``data`` in place of ``target``, whose old inode ``fd`` holds open.

    A write by another process is never lost:

    1. before anything is written, the file (through ``fd``) must hold ``expected``;
    2. where Linux allows (:mod:`fixer.leases`), a read lease is held on the file
       from here on: another process that opens it to write waits, and the lease
       shows it;
    3. the temporary file is written and synced; then, immediately before the
       swap, the path must still lead to the same inode, with the same size and
       mtime, (re-read) still hold ``expected``, and the lease must stand;
    4. with a lease, the two names are exchanged atomically: the old inode keeps
       the temporary name. If the lease was broken or the old inode's content
       changed meanwhile, the names are exchanged back before the lease is given
       up, so the waiting writer writes to the file in place; else the old inode
       is unlinked and the lease given up;
    5. without a lease, the temporary file is renamed over the file, and the old
       inode is read once more: a write that landed between step 3 and then is in
       it, and is put back (atomically, unless the file changed yet again).

    Either way a change by someone else is kept and :class:`WriteError` says the
    file changed; the fixes are not applied.

    What is left: with a lease, a process whose open looked the path up before
    the exchange but reaches the lease only after the final check (a few
    instructions in the kernel). Without one (not Linux, not the main thread, a
    file another process holds open for writing, a file system without leases),
    a process that opened the file before the rename and writes to it after the
    last read writes to the old inode, which no name leads to any more (every tool
    that replaces a file by renaming, editors and ``terraform fmt``, has this window).
    Measured with a process that appends as soon as the temporary file appears, on
    a loaded 2-core machine: with a lease 0 of 115 appends lost; without one 6 of
    119; before any of this, 28 of 28.
    """
    try:
        info = os.fstat(fd)
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(shown, "not a regular file", errno.EINVAL)
    mode = stat.S_IMODE(info.st_mode)
    # Root may write anything, so ask the permission bits too: a file nobody may
    # write is read-only on purpose, and renaming over it would defeat that.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise WriteError(shown, "permission denied (the file is read-only)", errno.EACCES)
    try:
        if expected is not None and _read_fd(fd) != expected:
            raise WriteError(shown, _CHANGED, errno.EAGAIN)
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    before = _state(info)
    late: bytes | None = None
    tmp: str | None = None
    try:
        with read_lease(fd) as leased:
            tmp = _temporary(target, data, info)
            _checkpoint("temp-written", target)
            now = os.stat(target, follow_symlinks=False)
            if (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino) or _state(now) != before:
                raise WriteError(shown, _CHANGED, errno.EAGAIN)
            if (expected is not None and _read_fd(fd) != expected) or (leased and not lease_intact(fd)):
                raise WriteError(shown, _CHANGED, errno.EAGAIN)
            _checkpoint("checked", target)
            if leased and exchange(tmp, target):  # the new file is in place; the old one is at ``tmp``
                seen = _read_fd(fd)
                if not lease_intact(fd) or seen != (expected if expected is not None else seen) \
                        or _state(os.fstat(fd)) != before:
                    exchange(tmp, target)  # the old inode back, with what was written to it, before the lease goes
                    raise WriteError(shown, _CHANGED_WHILE, errno.EAGAIN)
                os.unlink(tmp)  # the old inode, which nobody opened to write
                tmp = None
            else:
                os.replace(tmp, target)
                tmp = None
                _sync_directory(target.parent)  # first, so that a write in flight has that long to land
                late = _read_fd(fd)  # the old inode: did a write land between the check and the rename?
        _sync_directory(target.parent)
    except OSError as e:
        if isinstance(e, WriteError):
            raise
        raise WriteError(shown, _reason(e), e.errno) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    if late is not None and (late != (expected if expected is not None else late) or _state(os.fstat(fd)) != before):
        _put_back(target, late, data, info)
        raise WriteError(shown, _CHANGED_WHILE, errno.EAGAIN)


_CHANGED_WHILE = "the file changed on disk while it was written; the change is kept, the fixes are not; run tffix again"


def _temporary(target: Path, data: bytes, info: os.stat_result) -> str:
    """A synced temporary file beside ``target`` holding ``data``, with ``info``'s mode and owner."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                os.chown(tmp, info.st_uid, info.st_gid)
        os.chmod(tmp, stat.S_IMODE(info.st_mode))  # after chown, which clears setuid and setgid
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _put_back(target: Path, content: bytes, ours: bytes, info: os.stat_result) -> None:
    """Put the content another process wrote to the old inode back, if the file still holds ``ours``."""
    tmp: str | None = None
    try:
        tmp = _temporary(target, content, info)
        if read_bytes(target) != ours:
            return  # changed yet again since the rename: the newest content stays
        os.replace(tmp, target)
        tmp = None
    except (OSError, SourceError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable; best effort (not every platform can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass
class WriteOutcome:
    """What :func:`write_files` did to one file."""

    path: str
    error: WriteError | None = None  # None: written


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the duration; the first one is delivered on exit.

    The handlers only record the signal while the block runs; on exit the
    handler that was in place before gets it (``Interrupted``, ``KeyboardInterrupt``,
    or the default action, which ends the process). Python runs signal handlers
    in the main thread whatever thread the signal lands on, so this holds even
    when other threads exist (a per-thread signal mask would not). Off the main
    thread this does nothing.
    """
    pending: list[int] = []

    def remember(signum: int, _frame: object) -> None:
        pending.append(signum)

    previous: dict[int, object] = {}
    try:
        for signum in _SIGNALS:
            previous[signum] = signal.signal(signum, remember)
    except ValueError:  # not the main thread
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        yield
        return
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        if pending:
            _deliver(pending[0], previous.get(pending[0]))


def _deliver(signum: int, handler: object) -> None:
    if callable(handler):
        handler(signum, None)
    elif handler == signal.SIG_DFL:
        os.kill(os.getpid(), signum)  # the default action, now that the writes are done
    # SIG_IGN or unknown (None: set from C): nothing to do


def write_files(
    items: Iterable[tuple[str, str, str | None]],
    outcomes: list[WriteOutcome] | None = None,
    *,
    inside: Sequence[str] | None = None,
    created: Collection[str] = (),
) -> list[WriteOutcome]:
    """Write ``(path, text, expected)`` items atomically, interrupts held back until all are done.

    A file that cannot be written is reported in its outcome; the others are
    still written. Outcomes are appended to ``outcomes`` as they happen, so a
    caller that gets :class:`Interrupted` (delivered once the group is written)
    still knows what was written. ``inside``: as for :func:`write_atomic`. A path in
    ``created`` is a new file, made by :func:`create_atomic` (never over an existing one).
    """
    outcomes = [] if outcomes is None else outcomes
    with deferred_interrupts():
        for path, text, expected in items:
            try:
                if path in created:
                    create_atomic(path, text, inside=inside)
                else:
                    write_atomic(path, text, expected=expected, inside=inside)
            except WriteError as e:
                outcomes.append(WriteOutcome(path, e))
            else:
                outcomes.append(WriteOutcome(path))
    return outcomes


@contextlib.contextmanager
def handle_interrupts() -> Iterator[None]:
    """Within the block SIGTERM (and SIGINT) raise :class:`Interrupted` in the main thread.

    ``Interrupted`` is a ``KeyboardInterrupt``: ``except Exception`` in a rule
    or the fix loop does not swallow it, and ``finally`` blocks (temporary file
    clean-up) run. The previous handlers are restored on exit.
    """
    def raise_interrupted(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    previous: dict[int, object] = {}
    try:
        for signum in _SIGNALS:
            previous[signum] = signal.signal(signum, raise_interrupted)
    except ValueError:  # not the main thread: leave the handlers alone
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        previous = {}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
