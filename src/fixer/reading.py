"""Reading a file, the one way tffix reads every file it is given or finds.

``.tf`` files, tfvars and var files, the configuration, cache entries and the
repository files rules look at (tests, ``cdk.json``) are all read here, so no
input can make tffix hang or swallow memory:

* only a regular file is read (after following symlinks): a FIFO would block
  the read until a writer comes, a device such as ``/dev/zero`` never ends.
  The file is opened non-blocking (opening a FIFO with no writer would block
  too) and checked again on the open descriptor, so a file swapped for a FIFO
  between the two looks is refused all the same;
* at most :data:`MAX_BYTES` are read; a bigger file is refused, not cut.

Every refusal is a :class:`SourceError`, whose ``str()`` is one line:
``path: reason`` (``path:line:column: reason`` for bad bytes in a text file).
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["MAX_BYTES", "SourceError", "read_bytes", "read_text", "decode_python"]

MAX_BYTES = 16 * 1024 * 1024  # 16 MiB: far above any Terraform file; a bigger input is a mistake or an attack


class SourceError(ValueError):
    """A file that cannot be read as HCL text; ``str()`` is one line, ``path[:line:column]: reason``."""

    def __init__(self, path: str, reason: str, line: int | None = None, column: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line  # 1-based, when the problem is at a place in the file
        self.column = column  # 1-based, in code points
        where = f"{path}:{line}:{column}" if line is not None else path
        super().__init__(f"{where}: {reason}")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "not a regular file (a FIFO); tffix reads only regular files"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device); tffix reads only regular files"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket); tffix reads only regular files"
    return "not a regular file; tffix reads only regular files"


def _too_big(limit: int) -> str:
    return f"too large to read (more than {limit // (1024 * 1024)} MiB)" if limit >= 1024 * 1024 else (
        f"too large to read (more than {limit} bytes)"
    )


# How a file is opened for reading: never blocking (a FIFO swapped in), never becoming a terminal's.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit`` of them.

    Raises :class:`SourceError` (one line) for anything else: a directory, a FIFO,
    a device, a socket, a file that cannot be opened, a file over ``limit`` bytes.
    Never blocks on a FIFO and never reads a device.
    """
    shown = os.fspath(path)
    try:
        info = os.stat(path)  # before opening: a device is never opened (opening some has effects)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(shown, _kind(info.st_mode))
        if info.st_size > limit:
            raise SourceError(shown, _too_big(limit))
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise SourceError(shown, os_reason(e)) from None
    try:
        info = os.fstat(fd)  # the file actually opened: it may have been swapped since the stat
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(shown, _kind(info.st_mode))
        chunks: list[bytes] = []
        size = 0
        while True:
            wanted = min(1 << 20, limit + 1 - size)
            if size < info.st_size:  # what fstat counted, and one byte to see the end: a buffer the file's size
                wanted = min(wanted, info.st_size - size + 1)
            chunk = os.read(fd, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while being read
                raise SourceError(shown, _too_big(limit))
            if len(chunk) < wanted and size == info.st_size:
                break  # a short read that ends where fstat says the file ends: no read to see the end again
        return b"".join(chunks)
    except OSError as e:
        raise SourceError(shown, os_reason(e)) from None
    finally:
        os.close(fd)


def _place(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def decode_text(data: bytes, shown: str) -> str:
    """``data`` as UTF-8 text (a BOM and line endings kept); :class:`SourceError` at the bad byte or a NUL."""
    nul = data.find(b"\0")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if 0 <= nul < e.start:
            line, column = _place(data, nul)
            raise SourceError(shown, "contains a NUL byte; not a text file", line, column) from None
        line, column = _place(data, e.start)
        bad = data[e.start:e.end].hex(" ")
        raise SourceError(shown, f"not UTF-8 text (invalid byte 0x{bad} at offset {e.start})", line, column) from None
    if nul >= 0:
        line, column = _place(data, nul)
        raise SourceError(shown, "contains a NUL byte; not a text file", line, column)
    return text


def decode_python(data: bytes) -> str:
    """The text of Python source ``data`` in its declared encoding (PEP 263; UTF-8 by default),
    a UTF-8 BOM kept as ``"\ufeff"`` so that writing the text back keeps it. Raises
    ``SyntaxError`` (a bad declaration), ``LookupError`` or ``UnicodeDecodeError``."""
    import io
    import tokenize

    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode("utf-8" if encoding == "utf-8-sig" else encoding)


def read_text(path: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of the regular file at ``path`` (:func:`read_bytes`, then :func:`decode_text`)."""
    return decode_text(read_bytes(path, limit=limit), os.fspath(path))


def os_reason(error: OSError) -> str:
    """An ``OSError`` as the reason of a one-line ``path: reason`` message."""
    if error.errno == errno.ELOOP:
        return "cannot read: too many levels of symbolic links"
    if error.errno == errno.ENOENT:
        return "cannot read: no such file (a dangling symlink, or removed)"
    text = error.strerror or str(error)
    return "cannot read: " + text[:1].lower() + text[1:]
