"""What the provider-schema rules (AWS003, AWS004, AWS100-AWS110) share: one validation per module.

Each kind rule (AWS100-AWS110) reports one kind of :class:`~fixer.schema.validate.Mismatch`;
the module is validated once (the first of the rules to run computes it, the others reuse
it) against the schema of the AWS provider version it uses (:mod:`fixer.schema.versions`).
The mismatches :mod:`fixer.schema.cases` gives to a case rule (AWS003: App Mesh blocks
allowed once; AWS004: ``aws_ecs_service``'s ``deployment_configuration``) are reported by
that rule, with its structural fix, and by no other, so that one place gets one finding.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any, ClassVar, Iterable

from ..findings import Applicability, Finding, Fix
from ..model.module import Module, is_override_file
from ..model.bounds import Size, largest_size
from ..model.evaluate import Scope
from ..schema.cases import case_of, known_before_schemas
from ..schema.module_check import SchemaCheck, check_documents, module_provider_version
from ..schema.validate import Mismatch, MismatchKind
from ..editor import Editor
from ..syntax.nodes import Attribute, Block
from .base import FixAvailability, Rule, RuleContext

__all__ = ["SchemaRule", "schema_check", "pinned", "rename_fix", "provider_version_options", "release_in_use",
           "in_release", "validate_says"]

_CACHE: dict[int, tuple[Any, str | None, SchemaCheck]] = {}


def _module_directory(module: Module) -> Path | None:
    """The module's directory when its files are on disk (for the lock file above it)."""
    for file in module.files:
        parent = Path(file.path).parent
        if (parent / Path(file.path).name).is_file():
            return parent
    return None


def _count_items(ctx: RuleContext):
    """The size of a dynamic block's ``for_each`` over every instance of its resource block.
    terraform validate checks every resource block whatever its ``count``: with ``count = 0``
    (no instance) it is judged as one instance whose ``count.index`` is unknown."""
    def count(expression, resource: Block) -> Size:  # type: ignore[no-untyped-def]
        scopes = ctx.evaluator.instances(resource) if resource.type == "resource" else None
        try:
            return largest_size(ctx.evaluator, expression, scopes or [Scope()])
        except Exception:  # an expression the evaluator does not model: unknown
            return Size(None, False)

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


def release_in_use(check: SchemaCheck) -> str:
    """The provider release a message names: the exact one in use when known (lock file,
    override), else the bundled schema's."""
    return check.choice.release or (check.schema.provider_version if check.schema is not None else "?")


def in_release(mismatch: Mismatch, check: SchemaCheck) -> str:
    """' in AWS provider 5.100.0'; for a release older than every bundled schema, with why the
    mismatch is known there: ' in AWS provider 2.x (added in 6.4.0)'."""
    known = known_before_schemas(mismatch, check.choice.release_below) if check.schema is None else None
    return f" in AWS provider {release_in_use(check)}" + (f" ({known})" if known else "")


def validate_says(mismatch: Mismatch, check: SchemaCheck) -> str:
    """``terraform validate``'s words for ``mismatch``, its first sentence ending with the
    provider release: 'An argument named "x" is not expected here in AWS provider 5.100.0'."""
    message, version = mismatch.message, in_release(mismatch, check)
    end = message.find(". ")
    return message[:end] + version + message[end:] if end >= 0 else message.rstrip(".") + version


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


# Said once for every schema rule: :meth:`SchemaRule.documentation` adds them to its References.
SHARED_REFERENCES = """\
- Bundled schemas: `@cdktf/provider-aws` 5.0.52 / 15.0.0 / 20.1.0 / 21.22.1 (AWS provider
  3.75.0 / 4.67.0 / 5.100.0 / 6.25.0), generated by `scripts/gen_provider_schemas.py`; the
  provider version in use is the exact one of `.terraform.lock.hcl`, else the newest
  release the `required_providers` constraints allow, else the newest bundled one
  (`--provider-version aws=X` overrides).
- Terraform's diagnostics: hashicorp/hcl `hcldec` / `hclsyntax/structure.go` (Unsupported
  argument, Unsupported block type, Too many blocks, Missing required argument).
- Version constraints: https://developer.hashicorp.com/terraform/language/expressions/version-constraints"""


class SchemaRule(Rule):
    """Base of the provider-schema rules: report the mismatches of one ``kind`` (a kind rule),
    or those :mod:`fixer.schema.cases` gives to ``case`` (a case rule: AWS003, AWS004)."""

    kind: ClassVar[str] = ""
    case: ClassVar[str] = ""  # a case rule's own code
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NEVER
    option_types: ClassVar[dict[str, type]] = {"provider_version": str}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A rule that offers a fix (a case rule, or one overriding :meth:`fix_for`) fixes sometimes."""
        super().__init_subclass__(**kwargs)
        if "fix_availability" not in cls.__dict__ and (cls.case or "fix_for" in cls.__dict__):
            cls.fix_availability = FixAvailability.SOMETIMES

    @classmethod
    def documentation(cls) -> str:
        """The docstring, with :data:`SHARED_REFERENCES` at the end of its References (the last section)."""
        doc = super().documentation()
        heading = "" if "\n## References\n" in doc else "\n\n## References\n"
        return doc.rstrip() + (heading or "\n") + SHARED_REFERENCES

    def takes(self, mismatch: Mismatch) -> bool:
        """Whether this rule reports ``mismatch``."""
        case = case_of(mismatch)
        if self.case:
            return case == self.case
        return case is None and mismatch.kind == self.kind and mismatch.certain

    def mismatches(self, ctx: RuleContext) -> Iterable[tuple[Any, Mismatch, SchemaCheck]]:
        """(file, mismatch, check) for each mismatch this rule reports, in file order."""
        check = schema_check(ctx)
        files = {f.path: f for f in ctx.module.files}
        overridden = _overridden(ctx.module)
        renamed_to = {
            (m.address, m.path, m.rename.new) for _p, m in check.mismatches if m.rename is not None
        }
        for path, mismatch in check.mismatches:
            if not self.takes(mismatch):
                continue
            if mismatch.kind in _MERGE_SENSITIVE and (overridden is None or mismatch.address in overridden):
                continue  # an override file may supply or replace it
            if mismatch.kind == MismatchKind.MISSING_ARGUMENT and (mismatch.address, mismatch.path, mismatch.name) in renamed_to:
                continue  # the removed argument's finding (AWS107) renames it into place
            yield files[path], mismatch, check

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        for file, mismatch, check in self.mismatches(ctx):
            yield self.schema_finding(file, mismatch, check, ctx)

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
