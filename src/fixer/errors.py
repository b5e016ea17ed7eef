"""The exceptions of tffix's public API."""

from __future__ import annotations

__all__ = ["ParseError"]


class ParseError(ValueError):
    """Text that is not valid HCL native syntax.

    ``str(error)`` reads ``path:line:column: message``, the message saying what
    was expected where, like ``main.tf:12:5: expected "=" or "{" after "name"``.
    """

    def __init__(self, message: str, path: str | None, line: int, column: int, offset: int) -> None:
        self.message = message  # what was expected, without the location
        self.path = path  # the file's path, or None for text that came from elsewhere
        self.line = line  # 1-based
        self.column = column  # 1-based, in code points
        self.offset = offset  # 0-based offset into the text
        super().__init__(f"{path or '<input>'}:{line}:{column}: {message}")
