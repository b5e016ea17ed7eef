"""The result cache: a re-run skips the modules whose inputs have not changed (like ruff's).

The unit is a module. Its entry is found by a key, the SHA-256 of everything its
result depends on:

* the tffix version, and a fingerprint of the code that runs (size and mtime of
  every ``.py`` file of the package and of the modules the selected rules come
  from), so an edited checkout never serves stale results;
* the run: the selected rules (code and class), every known code (for TFX001), the
  selection, the unsafe and fix flags, the per-rule options, the ``vars`` of the
  configuration and the ``--var`` values;
* the CONTENT of every input: the module's ``.tf`` files, its ``terraform.tfvars``
  and ``*.auto.tfvars``, the configured and given var files, the extra files the
  rules read (a repository's Python tests, ``cdk.json``), the configuration file;
* where it all is: the working directory, the module's directory, the path of
  each file (findings carry paths) and which files are reported on.

An entry holds the module's per-file results (findings with their fixes and
edits, the fixed text when it differs, problems, errors) as JSON: versionless and
safe to load. The text of a file is not stored when it equals the file on disk.

Where: ``.tffix_cache/`` in the working directory (the command line's default,
``--no-cache`` or ``TFFIX_NO_CACHE=1`` turns it off; the API's ``cache`` argument
is off by default),
with a ``CACHEDIR.TAG`` (backup tools skip it) and a ``.gitignore`` of ``*``, as
ruff does. Entries are ``<dir>/<version>/<key>.json``; remove the directory to
clear the cache.

Trust: an entry only ever saves work, it never changes an outcome. Each entry
carries an HMAC-SHA256 of its content under the cache's secret (``secret``, 32
random bytes made when the cache is first written, mode 0600); an entry whose
MAC does not match (edited, forged, copied from another cache) is a miss, and
so is a cache whose secret is not a regular file owned by the user and readable
by nobody else. A hit must also hold a result for every file asked about.

Safety: an entry is written to a temporary file and renamed into place, so two
runs sharing the directory see a whole entry or none; an entry that is missing,
partial, corrupt or of another format is a miss, never an error; an entry is
written only when its JSON decodes back to results equal to the computed ones,
and only when the inputs hashed the same before and after the module was checked
(a file edited during the run is not cached with the wrong content). A cache
directory that cannot be created or written only makes the run uncached. Not
cached: a module with an input that is not a readable regular file (it is
checked every time), and a module where a rule or tffix crashed (a crash may
depend on memory or recursion depth, not only on the input).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any, Iterable

from . import __version__
from .findings import Applicability, Finding, Fix, Severity
from .fixes import Problem
from .reading import SourceError, read_bytes
from .syntax.edits import Edit

__all__ = [
    "CACHE_DIR", "FORMAT", "MAX_CACHE_BYTES", "ResultCache", "clean", "code_fingerprint", "encode_results",
    "decode_results", "prune",
]

CACHE_DIR = ".tffix_cache"
FORMAT = 3  # the layout of an entry; a change makes older entries misses (2: a MAC; 3: over the data's bytes)
MAX_CACHE_BYTES = 256 * 1024 * 1024  # entries beyond this, oldest first, are pruned after a run
SECRET_FILE = "secret"  # the cache's key for the entries' MACs, readable by its owner only

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by tffix.\n"
    "# For information about cache directory tags, see:\n"
    "#\thttps://bford.info/cachedir/\n"
)
_GITIGNORE = "# Automatically created by tffix.\n*\n"


class Uncacheable(Exception):
    """An input that cannot be hashed (unreadable, not a regular file): the module runs uncached."""


# ---- the code that runs -------------------------------------------------------------------

_FINGERPRINTS: dict[tuple[str, ...], str] = {}


def code_fingerprint(extra_modules: Iterable[str] = ()) -> str:
    """A hash of the size and mtime of tffix's own files and of the named modules' files."""
    names = tuple(sorted(set(extra_modules)))
    cached = _FINGERPRINTS.get(names)
    if cached is not None:
        return cached
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    files: set[Path] = set()
    for pattern in ("*.py", "*.lark"):
        files.update(package.rglob(pattern))
    checkout_grammar = package.parents[1] / "grammars" / "hcl.lark"  # a source checkout's grammar (syntax.parser)
    if checkout_grammar.is_file():
        files.add(checkout_grammar)
    for name in names:
        module = sys.modules.get(name)
        source = getattr(module, "__file__", None)
        if source:
            files.add(Path(source).resolve())
    for file in sorted(files):
        try:
            info = file.stat()
        except OSError:
            continue
        digest.update(f"{file}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    value = digest.hexdigest()
    _FINGERPRINTS[names] = value
    return value


# ---- hashing inputs ------------------------------------------------------------------------


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file; :class:`Uncacheable` when it is not a readable regular file."""
    try:
        return read_bytes(path)
    except SourceError as e:
        raise Uncacheable(str(e)) from None


class ContentHashes:
    """SHA-256 of file contents, memoized for one run (modules of a repository share extra files)."""

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}
        self.runs: dict[Any, str] = {}  # the run part of keys, by what it is made of (api._run_key)
        self.locks: dict[Any, Any] = {}  # what walks up to lock files found, by directory (api._lock_files)
        self.cwd = os.getcwd()  # the working directory, part of every key: asked once per run

    def of(self, path: str | os.PathLike[str], *, remember: bool = True) -> str:
        key = os.path.abspath(path)
        if remember and key in self._memo:
            return self._memo[key]
        value = hashlib.sha256(read_input(path)).hexdigest()
        self._memo[key] = value
        return value


def make_key(material: dict[str, Any]) -> str:
    """The key of an entry: the SHA-256 of ``material`` as canonical JSON."""
    text = json.dumps(material, sort_keys=True, default=_fallback, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _fallback(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(map(repr, value))
    if isinstance(value, Path):
        return str(value)
    return f"<{type(value).__module__}.{type(value).__qualname__}>{value!r}"


# ---- encoding results ----------------------------------------------------------------------


def _encode_finding(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "rule": finding.rule, "message": finding.message, "path": finding.path,
        "line": finding.line, "column": finding.column, "end_line": finding.end_line,
        "end_column": finding.end_column, "start": finding.start, "end": finding.end,
        "severity": Severity(finding.severity).value,
        "fix": None if fix is None else {
            "title": fix.title,
            "applicability": Applicability(fix.applicability).value,
            "edits": [[p, e.start, e.end, e.replacement] for p, e in fix.edits],
            "new_files": list(fix.new_files),
        },
        "notes": list(finding.notes),
    }


def _decode_finding(data: dict[str, Any]) -> Finding:
    fix = data["fix"]
    return Finding(
        data["rule"], data["message"], data["path"], data["line"], data["column"],
        data["end_line"], data["end_column"], data["start"], data["end"],
        Severity(data["severity"]),
        None if fix is None else Fix(
            fix["title"], Applicability(fix["applicability"]),
            tuple((p, Edit(s, e, r)) for p, s, e, r in fix["edits"]),
            tuple(fix.get("new_files", ())),
        ),
        tuple(data["notes"]),
    )


def encode_results(results: list[Any], texts: dict[str, str], extra: Iterable[Finding] = ()) -> dict[str, Any]:
    """``FileResult`` s (and ``extra`` findings) as JSON data; ``texts`` (path -> the file's text) are not repeated.

    A finding that appears in several lists (findings, remaining, applied) is stored once.
    """
    table: list[dict[str, Any]] = []
    index: dict[Any, int] = {}

    def ref(finding: Finding) -> int:
        try:
            found = index.get(finding)
        except TypeError:  # an unhashable field: no sharing
            found = None
        if found is None:
            found = len(table)
            table.append(_encode_finding(finding))
            try:
                index[finding] = found
            except TypeError:
                pass
        return found

    files = []
    for result in results:
        on_disk = texts.get(result.path)
        original = result.original
        fixed = result.fixed
        files.append({
            "path": result.path,
            "original": True if original is not None and original == on_disk else original,
            "fixed": True if fixed is not None and fixed == original else fixed,
            "findings": [ref(f) for f in result.findings],
            "remaining": [ref(f) for f in result.remaining],
            "applied": [ref(f) for f in result.applied],
            "problems": [[p.kind, p.rule, p.path, p.message, p.detail] for p in result.problems],
            "error": result.error,
        })
    return {"findings": table, "files": files, "extra": [ref(f) for f in extra]}


def decode_results(data: dict[str, Any], texts: dict[str, str], factory: Any) -> tuple[list[Any], list[Finding]]:
    """The ``FileResult`` s (``factory`` is the class) and extra findings of :func:`encode_results`.

    Raises (KeyError, TypeError, ValueError, ...) on data of another shape.
    """
    table = [_decode_finding(item) for item in data["findings"]]
    out = []
    for item in data["files"]:
        path = item["path"]
        original = texts[path] if item["original"] is True else item["original"]
        fixed = original if item["fixed"] is True else item["fixed"]
        if not (original is None or isinstance(original, str)) or not (fixed is None or isinstance(fixed, str)):
            raise ValueError("bad text")
        out.append(factory(
            path, original, fixed,
            [table[i] for i in item["findings"]],
            [table[i] for i in item["remaining"]],
            [table[i] for i in item["applied"]],
            [Problem(*p) for p in item["problems"]],
            item["error"],
        ))
    return out, [table[i] for i in data["extra"]]


# ---- the directory -------------------------------------------------------------------------


class ResultCache:
    """Entries in ``directory`` (``.tffix_cache``); every failure is a miss or a skipped write."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.root = Path(directory)
        self.entries = self.root / __version__
        self._entries_path = os.fspath(self.entries)  # entries are looked up by name: no Path per lookup
        self._ready: bool | None = None
        self._key: bytes | None = None

    def _prepare(self) -> bool:
        if self._ready is None:
            try:
                self.entries.mkdir(parents=True, exist_ok=True)
                for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
                    if not (self.root / name).exists():
                        _write_atomic(self.root / name, text)
                self._ready = True
            except OSError:
                self._ready = False
        return self._ready

    def _path(self, key: str) -> Path:
        return self.entries / f"{key}.json"

    def _secret(self, *, create: bool) -> bytes | None:
        """The cache's secret (made on first use when ``create``); None when it cannot be trusted.

        Trusted: a regular file (not a symlink) owned by this user and readable by
        nobody else, holding 64 hex digits. Anyone else who could read it could
        forge entries; a cache whose secret another user owns is not used.
        """
        if self._key is not None:
            return self._key
        path = self.root / SECRET_FILE
        if create and not path.exists() and self._prepare():
            with contextlib.suppress(OSError):
                _create_secret(path)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
                return None
            if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
                return None
            text = os.read(fd, 65)
        except OSError:
            return None
        finally:
            os.close(fd)
        if len(text) != 64 or any(c not in b"0123456789abcdef" for c in text):
            return None
        self._key = bytes.fromhex(text.decode("ascii"))
        return self._key

    def load(self, key: str) -> dict[str, Any] | None:
        """The entry's data, or None (missing, unreadable, not a regular file, corrupt, of
        another format or key, or not signed with this cache's secret: forged or damaged).

        The MAC is checked over the stored bytes of the data before they are decoded, so
        nothing unsigned is parsed and a hit costs one HMAC and one JSON decoding.
        """
        secret = self._secret(create=False)
        if secret is None:
            return None
        try:
            raw = read_bytes(os.path.join(self._entries_path, key + ".json"), limit=MAX_ENTRY_BYTES)
        except SourceError:
            return None
        head = _entry_head(key, "").encode("ascii")
        start = len(head) + _MAC_DIGITS + len(_DATA_BYTES)
        if (
            len(raw) <= start or not raw.startswith(head) or raw[-1:] != b"}"
            or raw[start - len(_DATA_BYTES):start] != _DATA_BYTES
        ):
            return None
        body = raw[start:-1]
        expected = _mac(secret, key, body).encode("ascii")
        if not hmac.compare_digest(raw[len(head):len(head) + _MAC_DIGITS], expected):
            return None
        try:
            data = json.loads(body)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def store(self, key: str, data: dict[str, Any]) -> bool:
        """Write the entry atomically; False when it could not be written."""
        secret = self._secret(create=True)
        if secret is None or not self._prepare():
            return False
        try:
            body = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
            text = _entry_head(key, _mac(secret, key, body.encode("ascii"))) + _DATA_LABEL + body + "}"
            _write_atomic(self._path(key), text)
        except (OSError, ValueError, TypeError):
            return False
        return True


MAX_ENTRY_BYTES = 64 * 1024 * 1024  # an entry holds a module's texts at most twice over

# An entry is one JSON object laid out exactly as ``{"format":3,"key":"<key>","mac":"<64 hex
# digits>","data":<the data>}``: the data's bytes are found, and their MAC checked, without
# decoding anything first. Any other layout (an entry rewritten by hand, say) is a miss.
_MAC_DIGITS = 64
_DATA_LABEL = '","data":'
_DATA_BYTES = _DATA_LABEL.encode("ascii")


def _entry_head(key: str, mac: str) -> str:
    # A key of hex digits (every key make_key gives) is its own JSON string: no encoder call per entry.
    quoted = f'"{key}"' if key.isascii() and key.isalnum() else json.dumps(key)
    return f'{{"format":{FORMAT},"key":{quoted},"mac":"{mac}'


def _mac(secret: bytes, key: str, body: bytes) -> str:
    """HMAC-SHA256, under the cache's secret, of the entry's format, key and data (its JSON bytes)."""
    message = f"{FORMAT}\0{key}\0".encode("utf-8", "surrogatepass") + body
    return hmac.digest(secret, message, "sha256").hex()  # hmac.new's value, in one C call


def _create_secret(path: Path) -> None:
    """Write a new random secret to ``path`` (mode 0600) unless one is there: the first run wins."""
    import secrets
    import tempfile  # both on write only: a warm run reads entries

    fd, tmp = tempfile.mkstemp(prefix=".secret.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # never replaces: a concurrent run's secret stays, and is read back
        except FileExistsError:
            pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_atomic(path: Path, text: str) -> None:
    """``text`` to ``path`` through a temporary file in the same directory and a rename."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the entry from a teammate sharing the directory
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ---- housekeeping --------------------------------------------------------------------------


def is_cache_directory(directory: str | os.PathLike[str]) -> bool:
    """Whether ``directory`` is a tffix cache: a real directory holding tffix's ``CACHEDIR.TAG``."""
    path = Path(directory)
    try:
        if path.is_symlink() or not path.is_dir():
            return False
        return (path / "CACHEDIR.TAG").read_text(encoding="utf-8", errors="replace").startswith(_TAG.splitlines()[0])
    except OSError:
        return False


def clean(directory: str | os.PathLike[str]) -> bool:
    """Remove the cache ``directory`` (only a tffix cache: one with its ``CACHEDIR.TAG``); False when none."""
    import shutil

    if not is_cache_directory(directory):
        return False
    shutil.rmtree(directory)
    return True


def prune(directory: str | os.PathLike[str], max_bytes: int = MAX_CACHE_BYTES) -> int:
    """Bound the cache: remove other tffix versions' entries, then the least recently written
    entries until the rest take at most ``max_bytes``. Returns the number of files removed.

    Only ``*.json`` entries below a tffix cache are touched (never the secret); a file that
    another run removes or replaces meanwhile is skipped, never an error.
    """
    import shutil

    root = Path(directory)
    if not is_cache_directory(root):
        return 0
    removed = 0
    entries: list[tuple[int, int, Path]] = []  # (mtime ns, size, path)
    for child in sorted(root.iterdir()):
        if not child.is_dir() or child.is_symlink():
            continue
        if child.name != __version__:  # entries of another version are never read again
            with contextlib.suppress(OSError):
                removed += sum(1 for _ in child.glob("*.json"))
                shutil.rmtree(child)
            continue
        with os.scandir(child) as listing:
            for item in listing:
                if item.name.endswith(".json") and item.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        info = item.stat(follow_symlinks=False)
                        entries.append((info.st_mtime_ns, info.st_size, Path(item.path)))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries, key=lambda e: (e[0], str(e[2]))):
        if total <= max_bytes:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
        total -= size
    return removed
