"""Incremental runs for bots (``--diff-base REF``): only the modules a change can affect.

A module is affected when one of its files changed since the merge base of ``REF`` and
``HEAD`` (committed, staged, unstaged or untracked: the working tree against the merge
base, as a pull request's diff) or when it calls an affected module through a local
``source`` (``module "x" { source = "../y" }``), directly or through other modules.
Calls are found by a scan of the text of the modules being considered, not a parse.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Iterable, Sequence

from .discovery import ModuleFiles
from .reading import SourceError, read_text

__all__ = ["GitError", "run_git", "changed_files", "local_sources", "affected_modules"]


class GitError(RuntimeError):
    """git could not tell what changed (not a repository, an unknown ref, no git)."""

# ``source = "./x"`` / ``"../x"`` inside a module block: Terraform's local paths start so
# (https://developer.hashicorp.com/terraform/language/modules/sources#local-paths).
_LOCAL_SOURCE = re.compile(r'^\s*source\s*=\s*"(\.\.?/[^"$]*)"', re.MULTILINE)


def run_git(args: Sequence[str], cwd: str | None = None) -> str:
    """git's standard output; :class:`GitError` with git's message when it cannot run or fails."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as e:
        raise GitError(f"cannot run git: {e}") from None
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def changed_files(base: str, cwd: str | None = None) -> set[str]:
    """Absolute paths of the files changed since the merge base of ``base`` and HEAD, untracked
    ones included. Raises :class:`GitError` when git fails (not a repository, unknown ref)."""
    merge_base = run_git(["merge-base", base, "HEAD"], cwd).strip()
    top = run_git(["rev-parse", "--show-toplevel"], cwd).strip()
    names = run_git(["-c", "core.quotePath=false", "diff", "--name-only", "-z", "--no-renames", merge_base, "--"], top)
    untracked = run_git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    return {os.path.normpath(os.path.join(top, n)) for n in (names + untracked).split("\0") if n}


def local_sources(module: ModuleFiles) -> set[str]:
    """The real paths of the local modules ``module`` calls (unreadable files are skipped)."""
    out = set()
    for file in module.files:
        try:
            text = read_text(file)
        except (SourceError, OSError, UnicodeDecodeError, ValueError):
            continue
        if "source" not in text:
            continue
        for match in _LOCAL_SOURCE.finditer(text):
            out.add(os.path.realpath(os.path.join(module.directory, match.group(1))))
    return out


def affected_modules(modules: Iterable[ModuleFiles], changed: set[str]) -> list[ModuleFiles]:
    """The ``modules`` that hold a changed file or call (transitively) a module that does, in order.

    A changed file counts for the directory it is in (a ``.tf`` file, a ``terraform.tfvars``,
    a ``.tf.json``, a deleted file): that directory's module is affected.
    """
    modules = list(modules)
    changed_dirs = {os.path.realpath(os.path.dirname(p)) for p in changed}
    real = [os.path.realpath(m.directory) for m in modules]
    affected = {r for r in real if r in changed_dirs}
    callers: dict[str, set[str]] = {}
    for module, directory in zip(modules, real):
        for callee in local_sources(module):
            callers.setdefault(callee, set()).add(directory)
    affected |= {d for d in changed_dirs if d in callers}  # a changed module outside the run's paths
    frontier = list(affected)
    while frontier:
        for caller in callers.get(frontier.pop(), ()):
            if caller not in affected:
                affected.add(caller)
                frontier.append(caller)
    return [m for m, r in zip(modules, real) if r in affected]
