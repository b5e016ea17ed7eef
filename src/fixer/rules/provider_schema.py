"""What the provider-schema rules (AWS100-AWS109) share: one validation per module.

Each rule reports one kind of :class:`~fixer.schema.validate.Mismatch`; the module is
validated once (the first of the rules to run computes it, the others reuse it) against
the schema of the AWS provider version it uses (:mod:`fixer.schema.versions`). Places that
AWS003 and AWS004 already own are left to them, so that one place gets one finding:
the App Mesh blocks AWS003 knows to be allowed once, and everything in or at an
``aws_ecs_service``'s ``deployment_configuration`` (AWS004, which knows the 6.4 / 6.21
history of that block better than a 6.25 schema does).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any, ClassVar, Iterable

from ..findings import Applicability, Finding, Fix
from ..model.module import Module, is_override_file
from ..schema.module_check import SchemaCheck, check_documents, module_provider_version
from ..schema.validate import Mismatch, MismatchKind
from ..editor import Editor
from ..syntax.nodes import Attribute
from .aws003_dynamic_single_block import SINGLE_CHILDREN
from .base import Rule, RuleContext

__all__ = ["SchemaRule", "schema_check", "pinned", "rename_fix", "provider_version_options"]

_AWS003_PLACES = {(c.resource, c.path, c.child) for c in SINGLE_CHILDREN}
_CACHE: dict[int, tuple[Any, str | None, SchemaCheck]] = {}


def _module_directory(module: Module) -> Path | None:
    """The module's directory when its files are on disk (for the lock file above it)."""
    for file in module.files:
        parent = Path(file.path).parent
        if (parent / Path(file.path).name).is_file():
            return parent
    return None


def _count_items(ctx: RuleContext):
    def count(expression) -> int | None:  # type: ignore[no-untyped-def]
        try:
            value = ctx.evaluator.evaluate(expression)
        except Exception:  # an expression the evaluator does not model: unknown
            return None
        return len(value) if isinstance(value, (list, tuple, dict, set, frozenset)) else None

    return count


def schema_check(ctx: RuleContext) -> SchemaCheck:
    """The module's schema check, computed once per module and provider-version override."""
    override = ctx.options.get("provider_version")
    key = id(ctx.module)
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is ctx.module and cached[1] == override:
        return cached[2]
    documents = [(f.path, f.tree) for f in ctx.module.files if not is_override_file(f.path)]
    choice = module_provider_version(documents, _module_directory(ctx.module), override)
    check = check_documents(documents, choice, _count_items(ctx))
    for stale in [k for k, (ref, _o, _c) in _CACHE.items() if ref() is None]:
        del _CACHE[stale]
    _CACHE[key] = (weakref.ref(ctx.module), override, check)
    return check


def pinned(check: SchemaCheck) -> bool:
    """True when the module (or the caller) names the provider version: a rename is then
    known to be what that version wants, and its fix is safe."""
    return check.choice.source in ("override", "lock", "constraint")


def _owned_elsewhere(type_name: str, mismatch: Mismatch) -> bool:
    if type_name == "aws_ecs_service" and (mismatch.path[:1] == ("deployment_configuration",)
                                           or (not mismatch.path and mismatch.name == "deployment_configuration")):
        return True  # AWS004
    return mismatch.kind == MismatchKind.TOO_MANY_BLOCKS and (type_name, mismatch.path, mismatch.name) in _AWS003_PLACES


# What an override file (override.tf, *_override.tf) can change: Terraform merges its partial
# blocks into the module's, so an argument or block missing here may come from there.
_MERGE_SENSITIVE = frozenset({MismatchKind.MISSING_ARGUMENT, MismatchKind.MISSING_BLOCK, MismatchKind.TOO_MANY_BLOCKS})


def _overridden(module: Module) -> set[str] | None:
    """The addresses override files touch; None when any could be touched (a JSON override)."""
    if any(is_override_file(p) for p in module.extra_files):
        return None
    out = set()
    for f in module.files:
        if is_override_file(f.path):
            for block in f.tree.body.blocks():
                if block.type in ("resource", "data") and len(block.labels) == 2:
                    out.add(("" if block.type == "resource" else "data.") + ".".join(block.labels))
    return out


class SchemaRule(Rule):
    """Base of the provider-schema rules: report the mismatches of one ``kind``."""

    kind: ClassVar[str]
    option_types: ClassVar[dict[str, type]] = {"provider_version": str}

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        check = schema_check(ctx)
        files = {f.path: f for f in ctx.module.files}
        overridden = _overridden(ctx.module)
        renamed_to = {
            (m.address, m.path, m.rename.new) for _p, m in check.mismatches if m.rename is not None
        }
        for path, mismatch in check.mismatches:
            if mismatch.kind != self.kind:
                continue
            if _owned_elsewhere(mismatch.type_name, mismatch):
                continue
            if mismatch.kind in _MERGE_SENSITIVE and (overridden is None or mismatch.address in overridden):
                continue  # an override file may supply or replace it
            if mismatch.kind == MismatchKind.MISSING_ARGUMENT and (mismatch.address, mismatch.path, mismatch.name) in renamed_to:
                continue  # the removed argument's finding (AWS107) renames it into place
            yield self.schema_finding(files[path], mismatch, check, ctx)

    def schema_finding(self, file, mismatch: Mismatch, check: SchemaCheck, ctx: RuleContext) -> Finding:  # type: ignore[no-untyped-def]
        """The finding for one mismatch, with :meth:`fix_for`'s fix."""
        fix = self.fix_for(ctx.editor(file), mismatch, check)
        return self.finding(file, mismatch.node, self.describe(mismatch, check), fix=fix, notes=(check.note,))

    def fix_for(self, editor: Editor, mismatch: Mismatch, check: SchemaCheck) -> Fix | None:
        """The fix of one mismatch (``editor`` edits its file); none unless a rule says otherwise."""
        return None

    @staticmethod
    def describe(mismatch: Mismatch, check: SchemaCheck) -> str:
        where = f"{mismatch.address}" + "".join(f" {name}" for name in mismatch.path)
        version = check.schema.provider_version if check.schema is not None else "?"
        return f"{where}: {mismatch.message} (AWS provider {version} schema)"



def rename_fix(editor: Editor, mismatch: Mismatch, check: SchemaCheck) -> Fix | None:
    """Rename an argument to the upgrade guide's replacement, keeping its value: safe when the
    version is pinned and the guide calls it the same value; none when the new name is set."""
    rename = mismatch.rename
    if rename is None or type(mismatch.node) is not Attribute or rename.new in mismatch.siblings:
        return None
    applicability = Applicability.SAFE if pinned(check) and rename.same_value else Applicability.UNSAFE
    return editor.rename_attribute(mismatch.node, rename.new).fix(f'Rename "{rename.old}" to "{rename.new}"', applicability)


def provider_version_options(version: str) -> dict[str, dict[str, str]]:
    """Per-rule options giving every schema rule the version ``version`` (``--provider-version``)."""
    from .registry import RULES

    return {rule.code: {"provider_version": version} for rule in RULES if issubclass(rule, SchemaRule)}
