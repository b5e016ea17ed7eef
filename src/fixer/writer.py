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
from collections.abc import Iterable, Iterator

__all__ = [
    "TEMP_SUFFIX",
    "Interrupted",
    "WriteError",
    "WriteOutcome",
    "deferred_interrupts",
    "handle_interrupts",
    "write_atomic",
    "write_files",
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


def write_atomic(path: str | os.PathLike[str], text: str, *, expected: str | None = None) -> None:
    """Replace ``path``'s content with ``text`` (UTF-8, newlines and a BOM as given).

    Writes through a symlink to its target and keeps the target's permission
    bits (and owner and group where the process may set them). With
    ``expected``, the file must still hold exactly that text, or nothing is
    written: a change made by someone else since it was read is never lost.

    Raises :class:`WriteError` (an ``OSError``) when the file is read-only, has
    vanished, changed, or the directory refuses the temporary file; the target
    is then untouched and no temporary file is left behind.
    """
    shown = os.fspath(path)
    try:
        target = Path(os.path.realpath(path, strict=True))
        info = target.stat()
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(shown, "not a regular file", errno.EINVAL)
    mode = stat.S_IMODE(info.st_mode)
    # Root may write anything, so ask the permission bits too: a file nobody may
    # write is read-only on purpose, and renaming over it would defeat that.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise WriteError(shown, "permission denied (the file is read-only)", errno.EACCES)
    data = text.encode("utf-8")
    if expected is not None:
        try:
            current = target.read_bytes()
        except OSError as e:
            raise WriteError(shown, _reason(e), e.errno) from None
        if current != expected.encode("utf-8"):
            raise WriteError(shown, "the file changed on disk since it was read; run tffix again", errno.EAGAIN)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        with contextlib.suppress(OSError):
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                os.chown(tmp, info.st_uid, info.st_gid)
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise WriteError(shown, _reason(e), e.errno) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _sync_directory(target.parent)


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
    items: Iterable[tuple[str, str, str | None]], outcomes: list[WriteOutcome] | None = None
) -> list[WriteOutcome]:
    """Write ``(path, text, expected)`` items atomically, interrupts held back until all are done.

    A file that cannot be written is reported in its outcome; the others are
    still written. Outcomes are appended to ``outcomes`` as they happen, so a
    caller that gets :class:`Interrupted` (delivered once the group is written)
    still knows what was written.
    """
    outcomes = [] if outcomes is None else outcomes
    with deferred_interrupts():
        for path, text, expected in items:
            try:
                write_atomic(path, text, expected=expected)
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
