"""How the writer sees another process open the file it is replacing (Linux), and undoes a swap.

A *read lease* (``fcntl(F_SETLEASE, F_RDLCK)``, fcntl(2)) on the open file makes
any other open of that file for writing wait until the lease is given up (up to
``/proc/sys/fs/lease-break-time``, 45 s by default), and marks the lease as being
broken, which ``F_GETLEASE`` shows at once. An *exchange* (``renameat2`` with
``RENAME_EXCHANGE``, rename(2)) swaps two names atomically, so the old inode
keeps a name and can be swapped back.

Together: the writer holds a lease on the file, swaps the new content in, and if
the lease was broken meanwhile (someone opened the old file to write) swaps the
old inode back before giving the lease up, so the waiting writer writes to the
file that is there, and nothing is lost. Every function here reports "not
available" (False / None) where the platform, the file system or the thread
cannot do it, and the writer then falls back to checking the content.

Holding a lease makes the kernel send SIGIO when it is broken; SIGIO's default
action ends the process, so :func:`read_lease` ignores SIGIO while the lease is
held, which only the main thread may arrange: elsewhere no lease is taken.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

__all__ = ["exchange", "lease_intact", "read_lease"]

_F_SETLEASE = getattr(fcntl, "F_SETLEASE", 1024) if sys.platform.startswith("linux") else None
_F_GETLEASE = getattr(fcntl, "F_GETLEASE", 1025) if sys.platform.startswith("linux") else None
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextlib.contextmanager
def read_lease(fd: int) -> Iterator[bool]:
    """Hold a read lease on the open (read-only) file ``fd`` for the block; yields whether one is held.

    None is taken (False) off Linux, off the main thread, when another process has
    the file open for writing, or when the file system has no leases.
    """
    if fcntl is None or _F_SETLEASE is None or not hasattr(signal, "SIGIO"):
        yield False
        return
    try:
        previous = signal.signal(signal.SIGIO, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield False
        return
    try:
        try:
            fcntl.fcntl(fd, _F_SETLEASE, fcntl.F_RDLCK)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            with contextlib.suppress(OSError):
                fcntl.fcntl(fd, _F_SETLEASE, fcntl.F_UNLCK)  # a waiting open goes on now
    finally:
        if previous is not None:  # None: a handler set outside Python, which cannot be put back
            signal.signal(signal.SIGIO, previous)


def lease_intact(fd: int) -> bool:
    """Whether the read lease on ``fd`` still stands: no other process has opened the file to write."""
    if fcntl is None or _F_GETLEASE is None:
        return False
    try:
        return fcntl.fcntl(fd, _F_GETLEASE) == fcntl.F_RDLCK
    except OSError:
        return False


_RENAMEAT2: object = None  # the libc function, False when there is none


def exchange(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Swap the two names atomically; False (nothing done) where that cannot be done here.

    Raises ``OSError`` for any other failure (a name that vanished, permissions).
    """
    import ctypes  # on use: a run that writes nothing does not load it

    global _RENAMEAT2
    if _RENAMEAT2 is None:
        _RENAMEAT2 = False
        if sys.platform.startswith("linux"):
            with contextlib.suppress(OSError, AttributeError):
                function = ctypes.CDLL(None, use_errno=True).renameat2
                function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
                function.restype = ctypes.c_int
                _RENAMEAT2 = function
    if _RENAMEAT2 is False:
        return False
    result = _RENAMEAT2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)  # type: ignore[operator]
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code))


# the file system cannot (EINVAL), the kernel is older than 3.15 (ENOSYS), not supported (EOPNOTSUPP)
_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP})
