"""``tffix upgrade aws@N``: rewrite a module written for AWS provider N-1 for provider N.

What the upgrade guides describe as mechanical is done: the renames of
:data:`fixer.schema.upgrade_notes.RENAMES` whose major is N (5.0: ``replication_group_description``
→ ``description``, ``name`` → ``db_name``, ...; 6.0: ``compute_environment_name`` → ``name``)
and, for 4, the ``aws_s3_bucket`` split (:mod:`fixer.upgrade.s3_split`). What is not
mechanical is reported with the guide's advice: an argument the new schema removed without a
rename, and the S3 settings whose new form is not a one-to-one move. The result is checked
against the new major's bundled schema, and what still does not match is reported too.

A ``required_providers`` AWS constraint that excludes N becomes ``"~> N.0"``. Every edit
keeps the comments it moves; a file that was ``terraform fmt``-clean stays clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..layout import format_source as format_text
from ..layout.realign import realign
from ..schema.loader import AVAILABLE_MAJORS, load_schema
from ..schema.upgrade_notes import RENAMES, V4, V5, V6
from ..schema.validate import MismatchKind, validate_block
from ..schema.versions import AWS_SOURCES, allowed_majors, parse_constraints
from ..syntax.edits import Edit, apply_edits, rename_attribute, replace_expression
from ..syntax.nodes import Body, Document, Object, QuotedTemplate
from ..syntax.parser import parse
from .s3_split import canonical_user_data, split_buckets
from .terraform_version import required_version

__all__ = ["UpgradeNote", "UpgradeResult", "upgrade_module", "parse_target"]

GUIDES = {4: V4, 5: V5, 6: V6}


@dataclass(frozen=True)
class UpgradeNote:
    """One change made, or one thing left to the author, at ``path:line``."""

    path: str
    line: int
    message: str


@dataclass
class UpgradeResult:
    target: int
    fixed: dict[str, str]  # every file, changed or not
    changes: list[UpgradeNote] = field(default_factory=list)
    manual: list[UpgradeNote] = field(default_factory=list)  # what the author must do, with the guide's advice

    def changed(self, sources: dict[str, str]) -> dict[str, str]:
        return {p: t for p, t in self.fixed.items() if sources.get(p) != t}


def parse_target(text: str) -> int:
    """``"aws@5"`` to 5; ValueError for anything else or a major without a bundled schema."""
    provider, sep, major = text.partition("@")
    if provider != "aws" or not sep or not major.isdigit():
        raise ValueError(f"expected aws@<major>, got {text!r}")
    value = int(major)
    if value not in AVAILABLE_MAJORS[1:]:
        raise ValueError(f"no upgrade to aws@{value}: tffix upgrades to aws@4, aws@5 or aws@6")
    return value


def _bodies_at(body: Body, path: tuple[str, ...]) -> list[Body]:
    """The bodies reached from ``body`` through nested blocks named ``path`` (and ``dynamic`` content)."""
    bodies = [body]
    for name in path:
        nxt: list[Body] = []
        for b in bodies:
            for block in b.blocks():
                if block.type == name and not block.labels:
                    nxt.append(block.body)
                elif block.type == "dynamic" and block.labels == (name,):
                    nxt.extend(c.body for c in block.body.blocks("content"))
        bodies = nxt
    return bodies


def _rename_edits(path: str, tree: Document, target: int, notes: UpgradeResult) -> list[Edit]:
    edits: list[Edit] = []
    for block in tree.body.blocks():
        if block.type not in ("resource", "data") or len(block.labels) != 2:
            continue
        kind = "resource" if block.type == "resource" else "data"
        for rename in RENAMES:
            if rename.major != target or rename.kind != kind or rename.type_name != block.labels[0]:
                continue
            for body in _bodies_at(block.body, rename.path):
                old = body.get_attribute(rename.old)
                if old is None:
                    continue
                where = ".".join((block.labels[0], block.labels[1]) + rename.path)
                if body.get_attribute(rename.new) is not None:
                    notes.manual.append(UpgradeNote(path, old.line, (
                        f'{where}: both "{rename.old}" and "{rename.new}" are set; remove "{rename.old}" '
                        f"({rename.source})")))
                    continue
                edits.append(rename_attribute(old, rename.new))
                caveat = "" if rename.same_value else " (check the value: the guide's replacement is not a pure rename)"
                notes.changes.append(UpgradeNote(path, old.line, f'{where}: renamed "{rename.old}" to "{rename.new}"{caveat}'))
    return edits


def _constraint_edits(path: str, tree: Document, target: int, notes: UpgradeResult) -> list[Edit]:
    """``required_providers`` AWS constraints that exclude ``target`` become ``"~> target.0"``."""
    edits: list[Edit] = []
    for block in tree.body.blocks("terraform"):
        for required in block.body.blocks("required_providers"):
            for attribute in required.body.attributes():
                value = attribute.value
                if type(value) is not Object or not _is_aws(attribute.key, value):
                    continue
                item = value.get("version")
                if item is None or type(item.value) is not QuotedTemplate or not item.value.is_literal():
                    continue
                try:
                    allowed = allowed_majors(parse_constraints(item.value.literal_value()), range(1, 100))
                except ValueError:
                    continue
                if target not in allowed:
                    edits.append(replace_expression(item.value, f'"~> {target}.0"'))
                    notes.changes.append(UpgradeNote(path, item.value.line, (
                        f'required_providers aws version "{item.value.literal_value()}" -> "~> {target}.0"')))
    return edits


def _is_aws(key: str, value: Object) -> bool:
    source = value.get("source")
    if source is None:
        return key == "aws"
    text = source.value.literal_value() if type(source.value) is QuotedTemplate and source.value.is_literal() else ""
    return text.lower() in AWS_SOURCES


def upgrade_module(sources: dict[str, str], target: int) -> UpgradeResult:
    """Upgrade the module ``{path: text}`` to AWS provider ``target`` (4, 5 or 6)."""
    result = UpgradeResult(target, dict(sources))
    trees = {path: parse(text, path) for path, text in sources.items()}
    caller = canonical_user_data(trees.values())
    terraform_version = required_version(trees.values())
    for path, text in sources.items():
        tree = trees[path]
        edits = _constraint_edits(path, tree, target, result) + _rename_edits(path, tree, target, result)
        if target == 4:
            split, caller = split_buckets(path, text, tree, result.changes, result.manual, UpgradeNote, caller,
                                          terraform_version)
            edits.extend(split)
        if not edits:
            continue
        new = apply_edits(text, realign(text, tree, edits))
        if format_text(text) == text:
            new = format_text(new)
        parse(new, path)  # a rewrite that does not parse is a bug: raise rather than write it
        result.fixed[path] = new
    _report_leftovers(result, target)
    result.changes.sort(key=lambda n: (n.path, n.line))
    result.manual.sort(key=lambda n: (n.path, n.line))
    return result


def _report_leftovers(result: UpgradeResult, target: int) -> None:
    """What the new schema still rejects in the result (removed in ``target`` with no rename),
    with the guide's advice; lines are those of the upgraded files."""
    schema = load_schema(target)
    for path, text in result.fixed.items():
        tree = parse(text, path)
        for block in tree.body.blocks():
            if block.type not in ("resource", "data"):
                continue
            for m in validate_block(block, schema):
                if m.kind == MismatchKind.REMOVED_ARGUMENT and m.removed_in == target:
                    result.manual.append(UpgradeNote(path, m.node.line, (
                        f"{m.address}{''.join(' ' + p for p in m.path)}: \"{m.name}\" was removed in "
                        f"{target}.0 and has no mechanical replacement; see {GUIDES[target]}")))
