"""What goes to a terminal and how: colour (``--color``, ``NO_COLOR``, ``FORCE_COLOR``) and progress.

Colour follows the usual conventions, in this order: ``--color always|never`` decides; with
``auto`` (the default) a non-empty ``NO_COLOR`` (https://no-color.org) turns colour off, a
non-empty ``FORCE_COLOR`` turns it on, and otherwise a stream is coloured when it is a
terminal. Progress is click's progress bar on standard error, shown only when standard error
is a terminal, and only once a run has taken more than a couple of seconds.
"""

from __future__ import annotations

import os
import time
from typing import IO, Any, Callable

import click

__all__ = ["use_color", "styler", "ModuleProgress", "PROGRESS_DELAY"]

PROGRESS_DELAY = 2.0  # seconds before a progress bar appears: short runs print nothing extra


def _isatty(stream: IO[Any] | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (OSError, ValueError, AttributeError):  # closed (>&-) or not a real stream
        return False


def use_color(choice: str, stream: IO[Any] | None, environ: dict[str, str] | None = None) -> bool:
    """Whether to colour what goes to ``stream``: ``choice`` is ``auto``, ``always`` or ``never``."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return _isatty(stream)


def _plain(text: str, **_: object) -> str:
    return text


def styler(color: bool) -> Callable[..., str]:
    """``click.style`` when colouring, else a function that returns the text as it is."""
    return click.style if color else _plain


class ModuleProgress:
    """A progress callback for :func:`fixer.check_paths`: modules done of the total, files per second.

    Nothing is drawn unless ``stream`` is a terminal and the run has lasted ``delay`` seconds.
    """

    def __init__(self, stream: IO[Any] | None, *, enabled: bool = True, delay: float = PROGRESS_DELAY) -> None:
        self.stream = stream
        self.enabled = enabled and _isatty(stream)
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Any = None

    def __call__(self, done: int, total: int, files: int) -> None:
        if not self.enabled or total <= 0:
            return
        elapsed = time.monotonic() - self.started
        if self.bar is None:
            if elapsed < self.delay or done >= total:
                return
            self.bar = click.progressbar(
                length=total, label="checking modules", file=self.stream, show_pos=True, show_eta=False,
                show_percent=False, item_show_func=lambda info: info,
            )
            self.bar.__enter__()
        rate = files / elapsed if elapsed > 0 else 0.0
        self.bar.update(done - self.bar.pos, f"{files} files, {rate:.0f} files/s")

    def close(self) -> None:
        """Finish the bar: its last state stays on the screen, and what follows starts on a new line."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
