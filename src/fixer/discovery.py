"""From command-line paths to modules: which files, grouped by directory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ModuleFiles", "discover_modules", "SKIP_DIRS"]

SKIP_DIRS = frozenset({".terraform", ".git", ".tffix_cache", "node_modules", "__pycache__", ".venv"})


@dataclass
class ModuleFiles:
    """The ``.tf`` files of one directory, and which of them the user asked about."""

    directory: Path
    files: list[Path]  # every .tf file in the directory, sorted: the module
    targets: list[Path] = field(default_factory=list)  # the files to report on and fix


def discover_modules(paths: list[str]) -> list[ModuleFiles]:
    """Group the ``.tf`` files named by ``paths`` (files or directories, walked) into modules."""
    targets: dict[Path, set[Path]] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(_walk(path)):
                targets.setdefault(file.parent, set()).add(file)
        else:
            targets.setdefault(path.parent, set()).add(path)
    modules = []
    for directory in sorted(targets):
        files = sorted(p for p in directory.glob("*.tf") if p.is_file())
        wanted = sorted(targets[directory])
        for extra in wanted:
            if extra not in files:
                files.append(extra)
        modules.append(ModuleFiles(directory, files, wanted))
    return modules


def _walk(root: Path):
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                if entry.name not in SKIP_DIRS and not entry.name.startswith("."):
                    stack.append(entry)
            elif entry.suffix == ".tf" and entry.is_file():
                yield entry
