"""What a fix may touch: the files a run writes, and the whole module around them.

Terraform reads every ``.tf``, ``.tf.json`` and override file of a directory as one
module, whatever a command line named or a configuration excluded. A fix that
edits one file can break another (issue 13, item 4), so before the fix loop
applies a fix it asks :meth:`FixScope.refusal`:

* every file the fix edits must be one the run writes (a file not named on the
  command line, or excluded, is read but never written: a fix that needs to edit
  it is not applied); a file the fix creates (``Editor.add_file``) must not exist
  yet, in a directory the run writes a file of;
* a fix that edits several files, or removes a resource, is not applied when a
  part of the module could not be read (a syntax error, a file that is not text);
* a fix that removes a resource is not applied when configuration tffix does not
  model mentions it (a ``.tf.json`` file), or when an override file
  (``override.tf``, ``*_override.tf``) declares it and the fix leaves that in place.

After a round, :func:`dangling_references` checks that no reference is left to a
resource the round removed. A refused fix is shown, never applied, with the reason.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .findings import Fix
from .model.module import Module, SourceFile
from .model.module import is_override_file as is_override
from .syntax.edits import full_span
from .syntax.nodes import Block

__all__ = ["FixScope", "removed_resources", "dangling_references", "is_override"]




@dataclass(frozen=True)
class FixScope:
    """The run's limits on fixes (the default: a module of its own, every file written)."""

    writable: frozenset[str] | None = None  # the paths the run writes; None: every file of the module
    unreadable: tuple[str, ...] = ()  # files of the module that could not be read or parsed
    foreign: Mapping[str, str] = field(default_factory=dict)  # path -> text of .tf.json files (not modelled)

    def refusal(self, fix: Fix, module: Module) -> str | None:
        """Why ``fix`` may not be applied to ``module``, or None when it may."""
        paths = fix.paths
        for path in fix.new_files:
            if os.path.lexists(path):
                return f"it creates {path}, which already exists (tffix never overwrites a file it did not read)"
            if self.writable is not None and not any(os.path.dirname(w) == os.path.dirname(path) for w in self.writable):
                return f"it creates {path}, in a directory this run does not write (not named, or excluded)"
        if self.writable is not None:
            outside = [p for p in paths if p not in self.writable and p not in fix.new_files]
            if outside:
                return f"it edits {outside[0]}, which this run does not write (not named, or excluded)"
        removed = removed_resources(fix, module)
        if self.unreadable and (len(paths) > 1 or removed):
            what = f"removes {removed[0][1]}" if removed else "edits several files"
            return f"it {what} and part of the module could not be read ({', '.join(self.unreadable)})"
        gone = {address for _, address in removed}
        for address in sorted(gone):
            mention = re.compile(r"(?<![\w-])" + re.escape(address) + r"(?![\w-])")
            for path, text in self.foreign.items():
                if mention.search(text):
                    return f"it removes {address}, which {path} mentions (tffix does not edit .tf.json files)"
            for file in module.files:
                if is_override(file.path) and (file.path, address) not in removed:
                    if any(_address(b) == address for b in file.tree.body.blocks("resource")):
                        return f"it removes {address}, which {file.path} overrides"
        return None


def removed_resources(fix: Fix, module: Module) -> list[tuple[str, str]]:
    """(path, ``type.name``) of each top-level resource block an edit of ``fix`` removes whole."""
    files = {f.path: f for f in module.files}
    out: list[tuple[str, str]] = []
    for path, edit in fix.edits:
        file = files.get(path)
        if file is None or edit.start == edit.end:
            continue
        spans = _resource_spans(file)
        i = bisect_left(spans, (edit.start,))
        while i < len(spans) and spans[i][0] < edit.end:
            start, end, address = spans[i]
            if edit.start <= start and end <= edit.end:
                out.append((path, address))
            i += 1
    return out


def dangling_references(addresses: Iterable[str], after: Module) -> tuple[str, str] | None:
    """The first removed address that ``after`` still refers to, and where (``path:line ...``);
    None when every reference went with it."""
    for address in sorted(set(addresses)):
        if after.resource(address) is not None:
            continue  # declared again (moved): references still resolve
        refs = after.references(address)
        if refs:
            ref = refs[0]
            return address, f"line {ref.expression.line} of the fixed {ref.file.path} still refers to {address}, which the fix removes"
    return None


_SPANS: dict[int, tuple[SourceFile, list[tuple[int, int, str]]]] = {}


def _resource_spans(file: SourceFile) -> list[tuple[int, int, str]]:
    """(start, end, address) of the file's resource blocks, sorted (kept while the file object lives)."""
    cached = _SPANS.get(id(file))
    if cached is not None and cached[0] is file:
        return cached[1]
    spans = sorted((*full_span(b), _address(b)) for b in file.tree.body.blocks("resource") if len(b.labels) == 2)
    if len(_SPANS) > 256:
        _SPANS.clear()
    _SPANS[id(file)] = (file, spans)
    return spans


def _address(block: Block) -> str:
    return ".".join(block.labels)
