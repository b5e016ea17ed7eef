"""Where a finding is, in terms that survive edits: the repository root, and a logical address.

Code scanning (SARIF) matches a finding across runs and line moves by its
``partialFingerprints``, and resolves its file against the repository root. Both are
computed here: :func:`source_root` is the repository holding the working directory (the
nearest ``.git`` above it; the working directory itself without one), whatever path form
tffix was called with; :func:`logical_address` names the place by its blocks and attribute
(``resource.aws_lb_target_group.api/name``), which does not change when lines move.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from ..errors import ParseError
from ..syntax.nodes import Attribute, Block, Body, Document

__all__ = ["source_root", "root_relative", "logical_address", "parse_or_none", "fingerprint"]


def source_root(start: str | None = None) -> Path:
    """The repository root above ``start`` (default: the working directory), else ``start`` itself."""
    here = Path(os.path.abspath(start or os.getcwd()))
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return here


def root_relative(path: str, root: Path) -> str | None:
    """``path`` (relative to the working directory, or absolute) relative to ``root``, ``/``-separated;
    None when it lies outside ``root``."""
    absolute = Path(os.path.normpath(os.path.abspath(path)))
    try:
        return PurePosixPath(absolute.relative_to(root).as_posix()).as_posix()
    except ValueError:
        return None


def logical_address(tree: Document | None, offset: int) -> str:
    """The blocks (type and labels) and attribute around ``offset`` in ``tree``, e.g.
    ``resource.aws_lb_target_group.api/name``; empty without a tree."""
    if tree is None:
        return ""
    blocks: list[str] = []
    attribute = ""
    body: Body | None = tree.body
    while body is not None:
        inner = None
        for item in body.items:
            if not item.start <= offset < max(item.end, item.start + 1):
                continue
            if isinstance(item, Block):
                blocks.append(".".join([item.type, *item.labels]))
                inner = item.body
            elif isinstance(item, Attribute):
                attribute = "/" + item.key
            break
        body = inner
    return ".".join(blocks) + attribute


def parse_or_none(text: str | None) -> Document | None:
    """The tree of ``text``, or None when there is no text or it does not parse."""
    if text is None:
        return None
    from ..syntax.parser import parse

    try:
        return parse(text)
    except (ParseError, ValueError, RecursionError):
        return None


def fingerprint(rule: str, path: str, address: str, occurrence: int) -> str:
    """A stable hash of what the finding is about (not of its line): rule, file, address, n-th such."""
    material = "\0".join([rule, path, address, str(occurrence)])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]
