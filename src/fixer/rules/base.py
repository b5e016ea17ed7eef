"""The rule API: what a rule declares, what it is given, what it gives back.

A rule is a class in a file of its own (``rules/<code>_<name>.py``, or a plugin's
module). It declares its metadata as class attributes, checked once by
:func:`validate_rule`::

    class ReservedNamePrefix(Rule):
        \"\"\"<one-line summary>

        ## What it does ... ## Why is this bad? ... ## Example ... ## Use instead ...
        ## Fix safety ... ## References ...
        \"\"\"

        code = "AWS002"
        name = "reserved-name-prefix"
        severity = Severity.ERROR
        fix_availability = FixAvailability.SOMETIMES
        targets = (Target("aws_security_group", attributes=("name", "name_prefix")),)
        messages = {"reserved": '{address} {attribute} {value} begins with "sg-"'}

        def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
            for value in site.values():
                if value.leading.startswith("sg-"):
                    edit = ctx.editor(site).replace(site.node, '"web-sg"')
                    yield self.report(site, "reserved", fix=edit.fix("Rename", Applicability.SAFE))

A rule with ``targets`` implements :meth:`Rule.visit`, called once per matching
:class:`~fixer.model.sites.Site`; a module-wide rule leaves ``targets`` empty and
implements :meth:`Rule.check` over ``ctx.module``. Either way the rule only
*describes* fixes (edits on the text it was given): the fix loop applies them,
re-aligns and re-formats what they touch, re-parses, and drops what it cannot
verify (see :mod:`fixer.fixes`). Suppression comments are honoured by the runner:
a rule never sees them.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping

from ..findings import Applicability, Finding, Fix, Severity, join_words
from ..model.evaluate import Evaluator
from ..model.module import Module, SourceFile
from ..model.sites import NO_INSTANCE_NOTE, NamesInUse, Site, Target, find_sites, names_in_use
from ..syntax.edits import Edit
from ..syntax.nodes import Node

if TYPE_CHECKING:
    from ..editor import Editor
    from ..suppression import ModuleSuppressions

__all__ = ["Rule", "RuleContext", "FixAvailability", "Target", "Site", "validate_rule", "DOC_SECTIONS", "join_words"]


class FixAvailability(str, Enum):
    """Whether a rule's findings carry a fix (ruff's ``FixAvailability``)."""

    ALWAYS = "always"  # every finding has a fix
    SOMETIMES = "sometimes"  # some findings have one
    NEVER = "never"  # reported only

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


@dataclass
class RuleContext:
    """What a rule is given: the module, the one evaluator over it, its options.

    ``sites(...)`` finds targets by hand; ``editor(site)`` starts a fix. The last
    three fields are for TFX001 (unused suppression) alone.
    """

    module: Module
    evaluator: Evaluator
    options: dict[str, Any] = field(default_factory=dict)  # [tool.tffix.rules.<CODE>] settings
    suppressions: "ModuleSuppressions | None" = None  # the run's suppressions (rules with reads_suppressions)
    ran: tuple[str, ...] = ()  # the codes of the rules that ran before (rules with reads_suppressions)
    known: tuple[str, ...] = ()  # every rule code this run knows (rules with reads_suppressions)
    _names: dict[tuple, NamesInUse] = field(default_factory=dict, repr=False)  # names_in_use, once per run

    def sites(self, *targets: Target) -> Iterator[Site]:
        """Every place of the module matching one of ``targets``, in file order."""
        return find_sites(self.module, self.evaluator, targets)

    def names_in_use(
        self, resource_type: str | tuple[str, ...], attribute: str, *,
        scope: str | None = None, ignore_case: bool = False,
    ) -> NamesInUse:
        """The names resources of a type already use, over the module, built once per run
        (see :func:`~fixer.model.sites.names_in_use`): a fix that renames asks
        ``.holder(new_name, exclude=site, scope=...)`` and must not pick a taken name."""
        key = (resource_type, attribute, scope, ignore_case)
        if key not in self._names:
            self._names[key] = names_in_use(
                self.module, self.evaluator, resource_type, attribute, scope=scope, ignore_case=ignore_case,
            )
        return self._names[key]

    def editor(self, where: "Site | SourceFile") -> "Editor":
        """A new :class:`~fixer.editor.Editor` whose verbs edit ``where``'s file by default."""
        from ..editor import Editor

        return Editor(self.module, where.file if isinstance(where, Site) else where)


class Rule:
    """Base class of every rule; see the module docstring for a whole rule.

    The docstring of a rule is its documentation: a one-line summary, then the
    sections of :data:`DOC_SECTIONS` as ``## `` headings; ``tffix explain CODE``
    prints it.
    """

    code: ClassVar[str]  # "AWS001": letters then three digits, unique
    name: ClassVar[str]  # "name-too-long": what the rule flags, kebab-case
    severity: ClassVar[Severity] = Severity.ERROR  # of its findings, unless a finding says otherwise
    fix_availability: ClassVar[FixAvailability] = FixAvailability.SOMETIMES
    targets: ClassVar[tuple[Target, ...]] = ()  # where visit() is called; empty: check() is the rule
    messages: ClassVar[Mapping[str, str]] = {}  # message templates, str.format fields, by key
    reads_suppressions: ClassVar[bool] = False  # runs after the others, sees ctx.suppressions (TFX001)
    # True: visit() is not called for a site of a resource with no instance (``count = 0``, an
    # empty ``for_each``): a rule about what is created has nothing to judge there. False (the
    # default): every site is visited, as the provider validates a block whatever its count.
    created_only: ClassVar[bool] = False
    # The options a user may set in [rules.<CODE>] (or pass in ``options``), with their types;
    # any other option, or a value of another type, is an error (fixer.arguments).
    option_types: ClassVar[dict[str, type]] = {}

    @classmethod
    def option_problem(cls, name: str, value: Any) -> str | None:
        """What is wrong with a value of a declared option beyond its type (a date that does
        not parse, say), for the one-line option error; None when it is fine."""
        return None

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The rule over a module: by default, :meth:`visit` on each site of ``targets``."""
        if not self.targets:
            raise NotImplementedError(f"{type(self).__name__} declares no targets and does not override check()")
        for site in ctx.sites(*self.targets):
            if self.created_only and not site.instances():
                continue  # nothing is created: nothing to judge (created_only)
            if site.judged_without_instances:
                # count = 0 but the provider's validation runs all the same: say so (sites' policy)
                for finding in self.visit(site, ctx):
                    yield dataclasses.replace(finding, notes=finding.notes + (NO_INSTANCE_NOTE,))
            else:
                yield from self.visit(site, ctx)

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:  # pragma: no cover - abstract
        """The rule at one site of its ``targets``."""
        raise NotImplementedError

    # ---- building findings ------------------------------------------------------------
    def report(
        self,
        site: Site,
        message: str,
        *,
        node: Node | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        notes: tuple[str, ...] = (),
        **fields: Any,
    ) -> Finding:
        """A finding at ``site`` (its value, else its block), ``message`` a key of
        ``messages`` formatted with ``fields`` plus ``address`` and ``attribute``."""
        text = self.message(message, address=site.address, attribute=site.name, **fields)
        return self.finding(site.file, node or site.node, text, fix=fix, severity=severity, notes=notes)

    def message(self, key: str, **fields: Any) -> str:
        """The template ``messages[key]`` filled in; a key that is not a template is the message."""
        template = self.messages.get(key)
        return key if template is None else template.format(**fields)

    def finding(
        self,
        file: SourceFile,
        node: Node,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        notes: tuple[str, ...] = (),
    ) -> Finding:
        """A finding spanning ``node`` of ``file``."""
        return Finding.at(
            self.code, file.path, file.text, node, message,
            fix=fix, severity=severity or self.severity, notes=notes,
        )

    @staticmethod
    def fix(title: str, applicability: Applicability, *edits: tuple[str, Edit]) -> Fix:
        """A fix from ``(path, edit)`` pairs (an :class:`~fixer.editor.Editor` builds them for you)."""
        return Fix(title, applicability, tuple(edits))

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        doc = cls.documentation()
        return doc.splitlines()[0] if doc else cls.name


DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References")
"""The ``## `` sections of every rule's docstring, in this order."""

_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def validate_rule(rule: type[Rule]) -> list[str]:
    """What is wrong with a rule class's declaration (empty when nothing): checked in one place,
    for built-in rules by the test suite and for plugins when they load."""
    problems: list[str] = []
    label = getattr(rule, "__qualname__", repr(rule))
    code = getattr(rule, "code", None)
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        problems.append(f"{label}: code {code!r} is not 2-5 capitals and 3 digits")
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        problems.append(f"{label}: name {name!r} is not kebab-case")
    if not isinstance(rule.severity, Severity):
        problems.append(f"{label}: severity {rule.severity!r} is not a Severity")
    if not isinstance(rule.created_only, bool):
        problems.append(f"{label}: created_only {rule.created_only!r} is not a bool")
    if not isinstance(rule.fix_availability, FixAvailability):
        problems.append(f"{label}: fix_availability {rule.fix_availability!r} is not a FixAvailability")
    if not isinstance(rule.targets, tuple) or not all(isinstance(t, Target) for t in rule.targets):
        problems.append(f"{label}: targets must be a tuple of Target")
    elif not rule.targets and rule.check is Rule.check:
        problems.append(f"{label}: declares no targets and does not override check()")
    elif rule.targets and rule.visit is Rule.visit and rule.check is Rule.check:
        problems.append(f"{label}: declares targets but does not implement visit()")
    for key, template in dict(rule.messages).items():
        if not isinstance(template, str):
            problems.append(f"{label}: message {key!r} is not a str template")
    problems.extend(f"{label}: {p}" for p in documentation_problems(rule.documentation()))
    return problems


def documentation_problems(doc: str) -> list[str]:
    """How a rule docstring departs from the one style: a summary line, then the
    :data:`DOC_SECTIONS` as ``## `` headings, each once, in order, none empty."""
    if not doc.strip():
        return ["has no docstring"]
    lines = doc.splitlines()
    problems = []
    if not lines[0].strip() or lines[0].startswith("#"):
        problems.append("the docstring does not start with a one-line summary")
    headings, fenced = [], False
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            headings.append((line[3:].strip(), i))
        elif not fenced and re.fullmatch(r"\*[A-Z][^*]*\*", line.strip()):
            problems.append(f"line {i + 1}: heading {line.strip()} is not written as '## ...'")
    names = [h for h, _ in headings]
    if names != list(DOC_SECTIONS):
        problems.append(f"the sections are {names}, not {list(DOC_SECTIONS)}")
    for (heading, start), (_, end) in zip(headings, headings[1:] + [("", len(lines))]):
        if not "\n".join(lines[start + 1 : end]).strip():
            problems.append(f"section {heading!r} is empty")
    return problems
