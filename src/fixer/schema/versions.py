"""Which AWS provider version a module is checked against.

Terraform installs the newest provider release that every ``version`` constraint allows
(``required_providers`` of the root module and of every module it calls), and records the
release it chose in the root's ``.terraform.lock.hcl``. So, in order of authority:

1. an explicit override (``provider_version="5.31"``, or ``--provider-version aws=5.31``);
2. the exact version in a lock file (the module's own, or that of a directory above it,
   its root), when it satisfies the module's constraints;
3. the newest bundled major version the constraints allow;
4. nothing pins it: the newest bundled schema, and the finding says so.

Every function here is pure except :func:`find_lock_files`, which only lists directories.
Constraint syntax: https://developer.hashicorp.com/terraform/language/expressions/version-constraints
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..syntax.nodes import Attribute, Block, Document, Object, QuotedTemplate
from .loader import AVAILABLE_MAJORS

__all__ = [
    "Constraint",
    "ProviderVersionChoice",
    "parse_constraints",
    "allowed_majors",
    "tightest_bounds",
    "some_release_within",
    "aws_constraints",
    "locked_aws_version",
    "parse_override",
    "choose_provider_version",
    "find_lock_files",
]

AWS_SOURCES = ("hashicorp/aws", "registry.terraform.io/hashicorp/aws")
LOCK_FILE = ".terraform.lock.hcl"
MAX_LEVELS = 8  # how far above a module to look for its root's lock file

_CONSTRAINT = re.compile(r"^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?\s*$")

Version = tuple[int, int, int]


@dataclass(frozen=True)
class Constraint:
    operator: str  # "=", "!=", ">=", "<=", ">", "<", "~>"
    version: Version
    segments: int  # how many parts were written (``~> 5.3`` has 2)

    def bounds(self) -> tuple[Version | None, bool, Version | None, bool]:
        """(lower, lower inclusive, upper, upper inclusive); None for no bound."""
        v = self.version
        if self.operator == "=":
            return v, True, v, True
        if self.operator == ">=":
            return v, True, None, False
        if self.operator == ">":
            return v, False, None, False
        if self.operator == "<=":
            return None, False, v, True
        if self.operator == "<":
            return None, False, v, False
        if self.operator == "~>":
            if self.segments <= 2:
                return v, True, (v[0] + 1, 0, 0), False
            return v, True, (v[0], v[1] + 1, 0), False
        return None, False, None, False  # "!=" excludes one release: no bound


@dataclass(frozen=True)
class ProviderVersionChoice:
    """The schema a module is checked against, and why."""

    major: int | None  # None: no bundled schema fits (e.g. a module pinned to provider 2.x)
    exact: str | None  # the exact release, when a lock file or override names it
    source: str  # "override", "lock", "constraint" or "default"
    detail: str  # where it came from, for the finding's note
    minimum: str | None = None  # the oldest release the choice allows (the exact one when known)
    # The newest release the constraints allow when it is below the next major (``< 6.4``:
    # ((6, 4, 0), False), i.e. below 6.4.0); None: the newest of the major, as the schema is.
    ceiling: tuple[Version, bool] | None = None

    def release_below(self, version: Version) -> bool:
        """True when the release Terraform would install for this choice is older than
        ``version``: the exact one (lock file, override, ``= x.y.z``), else the newest the
        constraints allow. Without either, the newest release is assumed (False)."""
        if self.exact is not None:
            match = _CONSTRAINT.match(self.exact)
            return match is not None and _version(match)[0] < version
        if self.ceiling is not None:
            top, inclusive = self.ceiling
            return top < version if inclusive else top <= version
        return False

    @property
    def release(self) -> str | None:
        """The release to name in a message: the exact one, else the newest allowed below a
        ceiling (``< 6.4`` reads "below 6.4.0"); None when it is the schema's."""
        if self.exact is not None:
            return self.exact
        if self.ceiling is not None:
            top, inclusive = self.ceiling
            if inclusive:
                return release_text(top)
            return f"{top[0] - 1}.x" if top[1:] == (0, 0) else f"below {release_text(top)}"
        return None

    def older_than(self, major: int) -> bool:
        """True when the release in use (:meth:`release_below`'s) is older than ``major``.0.0:
        a module pinned below every bundled schema (``~> 2.70`` against 3.75 as the oldest)."""
        return self.major is None and (self.exact is not None or self.ceiling is not None) \
            and self.release_below((major, 0, 0))

    def newer_than(self, schema_version: str) -> bool:
        """True when every release the module allows is newer than ``schema_version``: names
        the schema does not know may then be new, not wrong."""
        floor = self.exact or self.minimum
        if floor is None:
            return False
        mine, theirs = _CONSTRAINT.match(floor), _CONSTRAINT.match(schema_version)
        if mine is None or theirs is None:
            return False
        return _version(mine)[0] > _version(theirs)[0]

    def note(self, schema_version: str | None = None) -> str:
        """One sentence for a finding: which version, and why."""
        checked = f" (checked against the bundled {schema_version} schema)" if schema_version else ""
        if self.major is None and self.older_than(min(AVAILABLE_MAJORS)):
            return (f"AWS provider {self.release} from {self.detail} is older than every bundled schema: "
                    "only what is known to hold for older releases is checked")
        if self.major is None:
            return f"no bundled AWS provider schema fits {self.detail}"
        if self.source == "default":
            return f"no AWS provider version is pinned; assuming the newest, {self.major}.x{checked}"
        return f"AWS provider {self.exact or str(self.major) + '.x'} from {self.detail}{checked}"


def _version(match: re.Match) -> tuple[Version, int]:
    parts = [match.group(i) for i in (2, 3, 4)]
    segments = sum(p is not None for p in parts)
    return (int(parts[0]), int(parts[1] or 0), int(parts[2] or 0)), segments


def parse_constraints(text: str) -> list[Constraint]:
    """``">= 4.0, < 6"`` as constraints; ValueError on anything else."""
    out = []
    for piece in text.split(","):
        match = _CONSTRAINT.match(piece)
        if match is None:
            raise ValueError(f"not a version constraint: {piece.strip()!r}")
        version, segments = _version(match)
        out.append(Constraint(match.group(1) or "=", version, segments))
    return out


def _satisfies(version: Version, constraints: Iterable[Constraint]) -> bool:
    for c in constraints:
        lower, lower_inc, upper, upper_inc = c.bounds()
        if c.operator == "!=" and version == c.version:
            return False
        if lower is not None and (version < lower or (version == lower and not lower_inc)):
            return False
        if upper is not None and (version > upper or (version == upper and not upper_inc)):
            return False
    return True


def allowed_majors(constraints: Iterable[Constraint], majors: Iterable[int] = AVAILABLE_MAJORS) -> list[int]:
    """The majors in which some release satisfies every constraint, ascending."""
    bounds = tightest_bounds(constraints)
    return [major for major in majors if some_release_within(bounds, (major, 0, 0), (major + 1, 0, 0))]


Bound = tuple[Version, bool]  # a version and whether it is included


def tightest_bounds(constraints: Iterable[Constraint]) -> tuple[Bound | None, Bound | None]:
    """The highest lower bound and the lowest upper bound of ``constraints`` together (on a
    tie the exclusive one); None where nothing bounds (``!=`` excludes one release only)."""
    lower: Bound | None = None
    upper: Bound | None = None
    for c in constraints:
        lo, lo_inc, up, up_inc = c.bounds()
        if lo is not None and (lower is None or lo > lower[0] or (lo == lower[0] and not lo_inc)):
            lower = (lo, lo_inc)
        if up is not None and (upper is None or up < upper[0] or (up == upper[0] and not up_inc)):
            upper = (up, up_inc)
    return lower, upper


def some_release_within(
    bounds: tuple[Bound | None, Bound | None], start: Version, end: Version | None = None
) -> bool:
    """True when some release from ``start`` (included) and below ``end`` (None: no end)
    lies within ``bounds`` (:func:`tightest_bounds`)."""
    lower, upper = bounds
    lo, lo_inc = lower if lower is not None and lower[0] >= start else (start, True)
    hi, hi_inc = upper if upper is not None and (end is None or upper[0] < end) else (end, False)
    if hi is None:
        return True
    return lo < hi or (lo == hi and lo_inc and hi_inc)


def _literal(expression: object) -> str | None:
    if type(expression) is QuotedTemplate and expression.is_literal():
        return expression.literal_value()
    return None


def aws_constraints(documents: Iterable[tuple[str, Document]]) -> list[tuple[str, str]]:
    """Every AWS provider ``version`` constraint in the files: ``[(path, "~> 5.0"), ...]``.

    Reads ``terraform { required_providers { aws = { source, version } } }`` (any local name
    whose source is hashicorp/aws, or ``aws`` without a source), the legacy
    ``required_providers { aws = "~> 2.0" }`` and ``provider "aws" { version = ... }``.
    """
    out: list[tuple[str, str]] = []
    for path, document in documents:
        for block in document.body.blocks("terraform"):
            for required in block.body.blocks("required_providers"):
                for attribute in required.body.attributes():
                    text = _required_provider_version(attribute)
                    if text is not None:
                        out.append((path, text))
        for block in document.body.blocks("provider"):
            if block.labels == ("aws",):
                version = block.body.get_attribute("version")
                text = _literal(version.value) if version is not None else None
                if text:
                    out.append((path, text))
    return out


def _required_provider_version(attribute: Attribute) -> str | None:
    value = attribute.value
    if type(value) is QuotedTemplate:  # legacy: aws = "~> 2.0"
        return _literal(value) if attribute.key == "aws" else None
    if type(value) is not Object:
        return None
    source_item = value.get("source")
    source = _literal(source_item.value) if source_item is not None else None
    if source is None and attribute.key != "aws":
        return None
    if source is not None and source.lower() not in AWS_SOURCES:
        return None
    version_item = value.get("version")
    return _literal(version_item.value) if version_item is not None else None


_LOCKED_AWS = re.compile(
    r'^provider\s+"registry\.terraform\.io/hashicorp/aws"\s*\{(?:[^}"]|"[^"]*")*?^\s*version\s*=\s*"([^"]+)"',
    re.M | re.I,
)


def locked_aws_version(lock_text: str) -> str | None:
    """The AWS provider release a ``.terraform.lock.hcl`` records. The file is written by
    ``terraform init`` in one fixed layout, so it is read without the parser (rules never
    parse: the module's own files are parsed once per run)."""
    match = _LOCKED_AWS.search(lock_text)
    return match.group(1) if match else None


def parse_override(text: str) -> str:
    """``"aws=5.31"`` or ``"5.31"`` to ``"5.31"``; ValueError for another provider or no version."""
    name, sep, version = text.partition("=")
    if not sep:
        name, version = "aws", text
    if name.strip() != "aws" or _CONSTRAINT.match(version.strip()) is None or version.strip()[0] in "<>=!~":
        raise ValueError(f"--provider-version expects aws=<version>, got {text!r}")
    return version.strip()


def release_text(version: Version) -> str:
    """``6.4.0``: a release as the provider's changelog writes it."""
    return ".".join(map(str, version))


def _major_of(version_text: str) -> int:
    match = _CONSTRAINT.match(version_text)
    if match is None:
        raise ValueError(f"not a version: {version_text!r}")
    return _version(match)[0][0]


def choose_provider_version(
    constraints: list[tuple[str, str]],
    locks: list[tuple[str, str]] = (),  # type: ignore[assignment]
    override: str | None = None,
    majors: tuple[int, ...] = AVAILABLE_MAJORS,
) -> ProviderVersionChoice:
    """Pick the schema for a module from its constraints, the lock files found and an override.

    ``constraints``: ``[(path, "~> 5.0"), ...]`` (see :func:`aws_constraints`); ``locks``:
    ``[(lock path, "5.31.0"), ...]`` nearest first. A constraint that cannot be parsed is
    ignored (Terraform would reject it; that is not this module's finding to make).
    """
    if override is not None:
        major = _major_of(override)
        return ProviderVersionChoice(major if major in majors else None, override, "override",
                                     f"--provider-version aws={override}")
    parsed: list[Constraint] = []
    for _path, text in constraints:
        try:
            parsed.extend(parse_constraints(text))
        except ValueError:
            continue
    for path, exact in locks:
        match = _CONSTRAINT.match(exact)
        if match is None:
            continue
        version, _ = _version(match)
        if _satisfies(version, parsed):
            major = version[0]
            return ProviderVersionChoice(major if major in majors else None, exact, "lock", path)
    if parsed:
        detail = "required_providers " + ", ".join(f'"{text}" ({path})' for path, text in constraints)
        fitting = allowed_majors(parsed, majors)
        if not fitting:
            pinned = next((release_text(c.version) for c in parsed if c.operator == "="), None)
            below = [(c.bounds()[2], c.bounds()[3]) for c in parsed if c.bounds()[2] is not None]
            lowest = min(below, key=lambda b: (b[0], b[1])) if below else None  # type: ignore[arg-type,return-value]
            older = lowest is not None and lowest[0] <= (majors[0], 0, 0)  # type: ignore[operator]
            return ProviderVersionChoice(None, pinned if older else None, "constraint", detail,
                                         ceiling=lowest if older else None)  # type: ignore[arg-type]
        major = fitting[-1]
        exact = next((release_text(c.version) for c in parsed if c.operator == "="), None)
        lower, upper = tightest_bounds(parsed)
        floor = max(lower[0], (major, 0, 0)) if lower is not None else (major, 0, 0)
        ceiling = upper if upper is not None and upper[0] < (major + 1, 0, 0) else None
        return ProviderVersionChoice(major, exact, "constraint", detail, release_text(floor) if floor[0] == major else None,
                                     ceiling)  # type: ignore[arg-type]
    return ProviderVersionChoice(majors[-1], None, "default", "no version constraint or lock file")


def find_lock_files(module_dir: Path) -> list[Path]:
    """``.terraform.lock.hcl`` in the module's directory, else in the nearest directory above it
    (the root that calls it), stopping at a repository root (``.git``)."""
    here = Path(module_dir).resolve()
    for _ in range(MAX_LEVELS):
        candidate = here / LOCK_FILE
        if candidate.is_file():
            return [candidate]
        if (here / ".git").exists() or here.parent == here:
            break
        here = here.parent
    return []
