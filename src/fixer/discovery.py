"""From command-line paths to modules: which files, grouped by directory."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from .reading import SourceError, read_text

__all__ = [
    "ModuleFiles", "discover_modules", "SKIP_DIRS", "repository_root", "repository_files", "example_callers",
    "SourceError", "read_source",
]

SKIP_DIRS = frozenset({".terraform", ".git", ".tffix_cache", "node_modules", "__pycache__", ".venv"})


@dataclass
class ModuleFiles:
    """The ``.tf`` files of one directory, and which of them the user asked about."""

    directory: Path
    files: list[Path]  # every .tf file in the directory, sorted: the module
    targets: list[Path] = field(default_factory=list)  # the files to report on and fix
    extra_files: list[Path] = field(default_factory=list)  # the repository's other files rules read (tests, cdk.json)
    # the names in the directory, sorted, as the walk that found it listed them (None: not walked)
    names: list[str] | None = field(default=None, compare=False, repr=False)
    real: str | None = field(default=None, compare=False, repr=False)  # its real path, when the walk knew it


@dataclass
class _Listing:
    """What the walk's one listing of a directory showed."""

    real: str  # the directory's real path
    names: list[str]  # every entry's name, sorted
    files: list[Path]  # its .tf files (as :func:`tf_files` gives them), in name order


def discover_modules(paths: list[str]) -> list[ModuleFiles]:
    """Group the ``.tf`` files named by ``paths`` (files or directories, walked) into modules.

    Paths that name the same directory or file in other words (``d`` and ``$PWD/d``,
    ``d`` and ``d/main.tf``) are one: a module is listed once, spelled as first named.
    """
    targets: dict[Path, set[Path]] = {}
    scan_roots: dict[Path, Path] = {}  # module directory -> the command-line path that found it
    spelling: dict[str, Path] = {}  # real path of a directory -> how it was first named

    reals: dict[Path, str] = {}  # a directory as spelled -> its real path
    listings: dict[Path, _Listing] = {}  # a walked directory as spelled -> what its listing showed

    def add(file: Path, root: Path, parent: Path) -> None:
        real = reals.get(parent)
        if real is None:
            real = reals[parent] = os.path.realpath(parent)
        directory = spelling.setdefault(real, parent)
        targets.setdefault(directory, set()).add(file if directory is parent else directory / file.name)
        scan_roots.setdefault(directory, root if root != parent else directory)

    for raw in paths:
        path = Path(raw)
        is_dir = path.is_dir()
        walked: dict[Path, _Listing] = _walk_listings(path) if is_dir else {}
        for directory, listing in walked.items():
            listings.setdefault(directory, listing)
            reals.setdefault(directory, listing.real)
        if is_dir and (any(listing.files for listing in walked.values()) or path.suffix != ".tf"):
            # one walk never reaches a real directory twice: the order of its files does not matter here
            for directory, listing in walked.items():
                for file in listing.files:
                    add(file, path, directory)
        else:  # a file; or a directory named "x.tf" with no .tf file below, reported when read
            add(path, path.parent, path.parent)
    modules = []
    cache: dict = {}  # ("tests", directory) -> its test files, ("git-root", directory) -> ..., ("cdk", ...) ...
    cwd = os.getcwd()
    for directory in sorted(targets):
        # the walk listed each directory it went through: what it showed is not asked again
        listing = listings.get(directory)
        files = sorted(listing.files) if listing is not None else tf_files(directory)
        wanted = sorted(targets[directory])
        known = set(files)
        files.extend(extra for extra in wanted if extra not in known)
        if listing is not None and not any(_may_hold_tests(n) for n in listing.names):
            cache.setdefault(("tests", _absolute(directory, cwd)), [])  # what _tests_in would find: nothing
        root = repository_root(directory, scan_roots[directory], cache, cwd=cwd)
        extra = repository_files(directory, root, cache, cwd=cwd)
        if listing is None or "examples" in listing.names:
            extra += example_callers(directory)
        if listing is None:
            modules.append(ModuleFiles(directory, files, wanted, extra))
        else:
            modules.append(ModuleFiles(directory, files, wanted, extra, listing.names, listing.real))
    return modules


MAX_EXAMPLE_FILES = 200  # example caller files read per module


def example_callers(directory: Path) -> list[Path]:
    """The ``.tf`` files of the module's examples (``examples/*/*.tf``): the callers its author
    wrote, whose ``module`` blocks show the values the module is meant to be given (AWS001
    reads them as sample inputs)."""
    if not os.path.isdir(os.path.join(directory, "examples")):  # most modules have none: no glob
        return []
    found = sorted(p for p in directory.glob("examples/*/*.tf") if _is_tf_entry(p))
    return found[:MAX_EXAMPLE_FILES]


# ---- the repository around a module -----------------------------------------------------
# A module's repository is the nearest directory above it (at most MAX_LEVELS up) holding a
# ``.git`` entry (a directory, or a file in worktrees and submodules); without one, the path
# given on the command line. Rules that judge the repository (REPO001: CDK tests in a
# Terraform-only repository) get the files below, as ``Module.extra_files``.

MAX_LEVELS = 32  # how far above a module to look for ``.git``
MAX_EXTRA_FILES = 500  # per test directory: a bound on what one run reads
TEST_DIRS = ("tests", "test")
CDK_APP_FILE = "cdk.json"
_SKIP_BELOW_TESTS = SKIP_DIRS | {"venv", "site-packages", "cdk.out"}


def repository_root(directory: Path, fallback: Path, cache: dict | None = None, *, cwd: str | None = None) -> Path:
    """The root of the repository holding ``directory``, in the same style (relative or not).

    ``cache`` (one run's dict) remembers each directory's answer, so modules that share
    parents look for ``.git`` in each parent once. ``cwd``: the working directory, when known.
    """
    memo = {} if cache is None else cache
    here = _absolute(directory, cwd)
    visited = []
    found: str | None = None
    for _ in range(MAX_LEVELS):
        key = ("git-root", here)
        if key in memo:
            found = memo[key]
            break
        visited.append(key)
        if _exists(os.path.join(here, ".git")):
            found = here
            break
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    else:
        visited = []  # cut off by MAX_LEVELS: the answer depends on where the search started
    for key in visited:
        memo[key] = found
    if found is not None:
        return _like(Path(found), directory)
    key = ("is-dir", fallback)
    if key not in memo:
        memo[key] = fallback.is_dir()
    return fallback if memo[key] else directory


def _exists(path: str) -> bool:
    """``Path(path).exists()`` (the same errors ignored, the others raised), without making a ``Path``."""
    if os.name != "posix":
        return Path(path).exists()
    try:
        os.stat(path)
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise
    return True


def is_python_test(relative: Path) -> bool:
    """``test_*.py``, ``*_test.py``, or any ``.py`` below a ``tests``/``test`` directory."""
    if relative.suffix != ".py":
        return False
    name = relative.name
    return name.startswith("test_") or name.endswith("_test.py") or any(p in TEST_DIRS for p in relative.parts[:-1])


def repository_files(directory: Path, root: Path, cache: dict | None = None, *, cwd: str | None = None) -> list[Path]:
    """The Python test files a module's repository shows it, and the ``cdk.json`` files near them.

    Test files: for each directory from the module's up to ``root``, its own ``test_*.py`` /
    ``*_test.py`` and every ``.py`` below its ``tests/`` or ``test/`` folder. CDK apps: for
    each directory that holds such tests, every ``cdk.json`` below it (a few levels deep) or
    above it up to ``root``. Paths keep the style of ``directory`` (relative stays relative).
    ``cwd``: the working directory, when known.
    """
    cache = {} if cache is None else cache
    top = _absolute(root, cwd)
    here = _absolute(directory, cwd)
    if here != top and not _is_below(here, top):
        top = here
    found: list[Path] = []
    apps: set[Path] = set()
    while True:
        key = ("tests", here)
        tests = cache.get(key)
        if tests is None:
            tests = cache[key] = _tests_in(Path(here))
        if tests:
            found.extend(tests)
            apps.update(_cdk_apps(Path(here), Path(top), cache))
        parent = os.path.dirname(here)
        if here == top or parent == here:
            break
        here = parent
    out = sorted(set(found)) + sorted(apps)
    return [_like(p, directory) for p in out]


def _absolute(path: str | os.PathLike[str], cwd: str | None) -> str:
    """``os.path.abspath(path)``; with ``cwd`` (the working directory) given, without asking for it again."""
    if cwd is None or os.name != "posix":
        return os.path.abspath(path)
    return os.path.normpath(os.path.join(cwd, path))


def _is_below(path: str, top: str) -> bool:
    """Whether the absolute ``path`` is below the absolute directory ``top`` (not equal to it)."""
    prefix = top if top.endswith(os.sep) else top + os.sep
    if path.startswith(prefix):
        return True
    return os.name != "posix" and Path(top) in Path(path).parents  # case and separators differ elsewhere


CDK_SEARCH_DEPTH = 4  # how deep below a directory with tests to look for cdk.json
CDK_SEARCH_DIRS = 2000  # and how many directories at most


def _cdk_apps(directory: Path, top: Path, cache: dict) -> list[Path]:
    key = ("cdk", directory)
    if key in cache:
        return cache[key]
    out: list[Path] = []
    folder = directory
    while True:  # above, up to the root
        if (folder / CDK_APP_FILE).is_file():
            out.append(folder / CDK_APP_FILE)
        if folder == top or folder.parent == folder:
            break
        folder = folder.parent
    stack = [(directory, 0)]
    visited = 0
    while stack and visited < CDK_SEARCH_DIRS:  # below, bounded
        folder, depth = stack.pop()
        visited += 1
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    if depth < CDK_SEARCH_DEPTH and not entry.is_symlink() and entry.name not in _SKIP_BELOW_TESTS and not entry.name.startswith("."):
                        stack.append((entry, depth + 1))
                elif entry.name == CDK_APP_FILE and folder != directory and entry.is_file():
                    out.append(entry)
            except OSError:
                continue
    cache[key] = out
    return out


def _tests_in(directory: Path) -> list[Path]:
    out: list[Path] = []
    try:  # one listing; only the names that can matter have their type asked (most have none)
        with os.scandir(directory) as listing:
            candidates = [(directory / e.name, e) for e in listing if _may_hold_tests(e.name)]
    except OSError:
        return out
    for path, entry in sorted(candidates, key=lambda c: c[0]):
        try:
            if entry.is_file() and is_python_test(Path(entry.name)):
                out.append(path)
            elif entry.name in TEST_DIRS and entry.is_dir() and not entry.is_symlink():
                out.extend(_python_below(path))
        except OSError:
            continue
    return out


def _may_hold_tests(name: str) -> bool:
    """Whether a directory entry of this name can be a Python test or a test folder."""
    return name in TEST_DIRS or name.endswith(".py")


def _python_below(root: Path) -> list[Path]:
    out: list[Path] = []
    stack = [root]
    while stack and len(out) < MAX_EXTRA_FILES:
        directory = stack.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    if not entry.is_symlink() and entry.name not in _SKIP_BELOW_TESTS and not entry.name.startswith("."):
                        stack.append(entry)
                elif entry.suffix == ".py" and entry.is_file():
                    out.append(entry)
            except OSError:
                continue
    return out[:MAX_EXTRA_FILES]


def _like(path: Path, example: Path) -> Path:
    """``path`` (absolute) written relative to the working directory when ``example`` is relative."""
    if example.is_absolute():
        return path
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _walk_listings(root: Path) -> dict[Path, _Listing]:
    """Every directory a walk of ``root`` goes through (``root`` and those below it, spelled
    below it), with what its listing showed: where the modules' ``.tf`` files are.
    Tool and hidden directories (:data:`SKIP_DIRS`, ``.*``) are skipped.

    Symlinked directories are followed, like ruff: each real directory is walked once, so a
    link back up the tree (a loop) or a second link to a directory already seen is skipped.
    One ``scandir`` per directory: the entry types come with the listing (no ``stat`` per file).
    """
    real_root = os.path.realpath(root)
    seen = {real_root}
    stack = [(root, real_root)]
    out: dict[Path, _Listing] = {}
    while stack:
        directory, real_directory = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        files = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name in SKIP_DIRS or entry.name.startswith("."):
                    continue
                real = _real_child(real_directory, entry)
                if real in seen:
                    continue
                seen.add(real)
                stack.append((directory / entry.name, real))
            elif _is_tf_entry(entry):
                files.append(directory / entry.name)
        out.setdefault(directory, _Listing(real_directory, [e.name for e in entries], files))
    return out


def _real_child(real_parent: str, entry: os.DirEntry) -> str:
    """The real path of a directory's entry, given the directory's real path.

    An entry that is not a symlink is its real parent joined with its name (POSIX: no
    ``lstat`` of every component again); a symlink, or another platform, asks ``realpath``.
    """
    if os.name == "posix" and not entry.is_symlink():
        return os.path.join(real_parent, entry.name)
    return os.path.realpath(entry.path)


def tf_files(directory: Path) -> list[Path]:
    """The ``.tf`` files of one directory (see :func:`_is_tf_entry`), sorted."""
    try:
        with os.scandir(directory) as listing:
            return sorted(directory / e.name for e in listing if _is_tf_entry(e))
    except OSError:
        return []


def _is_tf_entry(entry: os.DirEntry | Path) -> bool:
    """A ``.tf`` file of a module: a regular file, or a symlink that does not lead to a directory.

    ``entry`` is a path or a directory listing's entry (whose type is known without a ``stat``).
    A dangling symlink or a symlink loop named ``x.tf`` is kept, so that reading it
    reports it rather than the module being checked without it in silence.
    """
    if not entry.name.endswith(".tf") or entry.name == ".tf":
        return False
    try:
        if entry.is_file():
            return True
        return entry.is_symlink() and not entry.is_dir()
    except OSError:
        return entry.is_symlink()



# ---- reading one file -------------------------------------------------------------------


def read_source(path: str | os.PathLike[str]) -> str:
    """The text of a ``.tf`` file: UTF-8, with its BOM and line endings as they are.

    Raises :class:`SourceError` with a one-line reason for a directory, a FIFO or
    device, a file over :data:`~fixer.reading.MAX_BYTES`, a file that cannot be
    opened (permissions, a dangling symlink, a symlink loop), bytes that are not
    UTF-8, or a NUL byte; with the line and column where the problem is in the file.
    """
    return read_text(path)
