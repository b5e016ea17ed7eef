"""Running rules over a module and applying their fixes until nothing is left.

The loop follows ruff's: collect the applicable fixes, take them in source
order, skipping a fix any of whose edits overlaps an edit already taken (it
gets its turn next round), apply, re-parse, run the rules again, and stop at a
fixpoint. Two things make a rule's fixes be dropped for the module, with the
files rebuilt from the original text without them and the problem reported:
its edits produce text that does not parse, or the loop does not converge
within ``max_rounds``. A file is therefore written either with verified fixes
or not at all.

Layout is the loop's job, not the rules': once per file per round, after the
round's edits are applied, the ``=`` runs they landed in are re-aligned
(:func:`fixer.layout.realign.realign`, local to the edited lines), and a file
that was ``terraform fmt``-clean is made clean again. Each text is parsed once:
the trees a caller already has are reused, and only the texts the loop
produces are parsed again.
"""

from __future__ import annotations

import traceback
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from .errors import ParseError
from .findings import Applicability, Finding
from .fix_scope import FixScope, dangling_references, removed_resources
from .model.evaluate import Evaluator
from .model.module import Module, SourceFile
from .rules.base import Rule, RuleContext
from .suppression import ModuleSuppressions
from .syntax.edits import Edit, apply_edits
from .syntax.nodes import Document
from .syntax.parser import parse

__all__ = ["Problem", "ModuleResult", "run_rules", "fix_module", "DEFAULT_MAX_ROUNDS"]

DEFAULT_MAX_ROUNDS = 10


@dataclass(frozen=True)
class Problem:
    """Something tffix could not do: a crashed rule, a fix that broke the file, no fixpoint."""

    kind: str  # "rule-crashed", "fix-invalid", "no-fixpoint"
    rule: str | None  # the rule code involved
    path: str | None  # the file involved
    message: str  # one line for the report
    detail: str = ""  # a traceback, shown with --debug


@dataclass
class ModuleResult:
    """The outcome of checking (and maybe fixing) one module."""

    original: dict[str, str]  # path -> text as read
    fixed: dict[str, str]  # path -> text after the applied fixes (== original when none)
    findings: list[Finding]  # what the rules report on the original text
    remaining: list[Finding]  # what is still reported after the fixes (== findings when not fixing)
    applied: list[Finding] = field(default_factory=list)  # findings whose fixes were applied
    problems: list[Problem] = field(default_factory=list)
    created: list[str] = field(default_factory=list)  # files the applied fixes create (original "")

    @property
    def changed_paths(self) -> list[str]:
        return [p for p in self.original if self.fixed.get(p) != self.original[p]]


def run_rules(
    module: Module,
    rules: Iterable[type[Rule]],
    options: dict[str, dict[str, Any]] | None = None,
    *,
    known: Iterable[str] | None = None,
) -> tuple[list[Finding], list[Problem]]:
    """Run each rule once; a rule that raises is reported and the others go on.

    Suppressed findings are dropped here, for every entry point. Rules that read
    the suppressions (TFX001) run last and see which ones the others used;
    ``known`` is every rule code of the run (default: the built-in rules and ``rules``).
    """
    rules = list(rules)
    findings: list[Finding] = []
    problems: list[Problem] = []
    evaluator = Evaluator(module)
    suppressions = ModuleSuppressions(module.files)
    options = options or {}
    ran = tuple(r.code for r in rules)
    known_codes = tuple(known) if known is not None else _known_codes(rules)
    ordered = [r for r in rules if not r.reads_suppressions] + [r for r in rules if r.reads_suppressions]
    for rule_class in ordered:
        rule = rule_class()
        ctx = RuleContext(module, evaluator, dict(options.get(rule_class.code, {})))
        if rule_class.reads_suppressions:
            ctx.suppressions, ctx.ran, ctx.known = suppressions, ran, known_codes
        try:
            found = list(rule.check(ctx))
        except Exception as e:  # noqa: BLE001 - one rule must not stop the others
            paths = ", ".join(f.path for f in module.files)
            problems.append(
                Problem(
                    "rule-crashed", rule_class.code, None,
                    f"{rule_class.code} crashed on module ({paths}): {type(e).__name__}: {e}",
                    traceback.format_exc(),
                )
            )
            continue
        findings.extend(found if rule_class.reads_suppressions else suppressions.filter(found))
    findings.sort(key=lambda f: (f.path, f.start, f.rule))
    return findings, problems


def _known_codes(rules: list[type[Rule]]) -> tuple[str, ...]:
    from .rules import all_rules

    return tuple(dict.fromkeys([r.code for r in all_rules()] + [r.code for r in rules]))


def _applicable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


class _Taken:
    """The edits taken in a round for one file: disjoint, sorted, so that an overlap
    test is a bisect (a round with many fixes stays linear)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self._ends: list[int] = []  # sorted too, since the edits are disjoint

    def overlaps(self, edit: Edit) -> bool:
        j = bisect_right(self._ends, edit.start)  # the first taken edit ending after this start
        if j < len(self.edits) and self.edits[j].start < edit.end:
            return True
        if edit.start == edit.end and j > 0:
            before = self.edits[j - 1]
            if before.start == before.end == edit.start:
                return True  # two insertions at one point: order would be ambiguous
        return False

    def add(self, edit: Edit) -> None:
        j = bisect_right(self._ends, edit.start)
        self.edits.insert(j, edit)
        self._ends.insert(j, edit.end)


class _Trees:
    """Each text parsed once per run: ``(path, text) -> tree``, seeded with the caller's trees."""

    def __init__(self, sources: dict[str, str], trees: dict[str, Document] | None) -> None:
        self._trees: dict[tuple[str, str], Document] = {}
        for path, tree in (trees or {}).items():
            if path in sources:
                self._trees[(path, sources[path])] = tree
        self._clean: dict[tuple[str, str], bool] = {}

    def tree(self, path: str, text: str) -> Document:
        key = (path, text)
        if key not in self._trees:
            self._trees[key] = parse(text, path)
        return self._trees[key]

    def module(self, texts: dict[str, str], values: dict[str, Any] | None, extra: list[str] | None) -> Module:
        """The module of ``texts``: its ``.tf`` files parsed, the extra files a fix changed as text."""
        files = [SourceFile(p, t, self.tree(p, t)) for p, t in texts.items() if not _is_extra(p, extra)]
        changed = {p: t for p, t in texts.items() if _is_extra(p, extra)}
        return Module(files, dict(values or {}), list(extra or []), changed)

    def suggestion(self, finding: Finding, texts: dict[str, str]) -> Finding:
        """A display-only finding whose edits are laid out as the loop would lay them out,
        so that the suggestion shown keeps a fmt-clean file clean (local to the blocks edited)."""
        from .layout.realign import keep_fmt_clean, layout_blocks

        fix = finding.fix
        if fix is None or fix.applicability is not Applicability.DISPLAY_ONLY or len(fix.paths) != 1:
            return finding
        path = fix.paths[0]
        text = texts.get(path)
        if text is None or not self.fmt_clean(path, text):
            return finding
        edits = fix.edits_for(path)
        laid = layout_blocks(text, self.tree(path, text), edits)
        if laid is None:
            laid = keep_fmt_clean(text, edits)
        if laid is None or laid == edits:
            return finding
        return replace(finding, fix=replace(fix, edits=tuple((path, e) for e in laid)))

    def fmt_clean(self, path: str, text: str) -> bool:
        """Whether ``text`` is laid out as ``terraform fmt`` would (computed once per text)."""
        from .layout.engine import format_document

        key = (path, text)
        if key not in self._clean:
            self._clean[key] = format_document(self.tree(path, text)) == text
        return self._clean[key]

    def lay_out_extra(self, path: str, old: str, edits: list[Edit]) -> str:
        """An extra file (a Python test) with ``edits`` applied; raises ValueError when the result
        of a ``.py`` file is not valid Python (the verification). Nothing is re-laid out."""
        new = apply_edits(old, edits)
        check_python(path, new)
        return new

    def lay_out(self, path: str, old: str, edits: list[Edit]) -> str:
        """``old`` with ``edits`` applied and laid out; raises ParseError / ValueError when
        the result does not parse.

        A file that was ``terraform fmt``-clean is made clean again (fmt changes only
        the lines around the edits). In any other file only edits that add, remove or
        break lines re-align the ``=`` runs they land in; nothing else moves.
        """
        from .layout.engine import format_document
        from .layout.realign import layout_blocks, realign

        if old and self.fmt_clean(path, old):
            local = layout_blocks(old, self.tree(path, old), edits)  # only the blocks edited
            if local is not None:
                new = apply_edits(old, local)
                self.tree(path, new)  # the verification: the edited text parses
                self._clean[(path, new)] = True
                return new
        new = apply_edits(old, edits)
        tree = self.tree(path, new)  # the verification: the edited text parses
        if not old:
            return new
        if self.fmt_clean(path, old):
            formatted = format_document(tree)
            if formatted != new:
                new = formatted
                self.tree(path, new)
            self._clean[(path, new)] = True
        elif any("\n" in e.replacement or "\n" in old[e.start : e.end] for e in edits):
            aligned = apply_edits(old, realign(old, self.tree(path, old), edits, edited=tree))
            if aligned != new:
                new = aligned
                self.tree(path, new)
        return new


def fix_module(
    sources: dict[str, str],
    rules: list[type[Rule]],
    *,
    values: dict[str, Any] | None = None,
    unsafe: bool = False,
    fix: bool = True,
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    options: dict[str, dict[str, Any]] | None = None,
    extra_files: list[str] | None = None,
    trees: dict[str, Document] | None = None,
    known: Iterable[str] | None = None,
    scope: FixScope | None = None,
) -> ModuleResult:
    """Check a module and, with ``fix``, apply fixes to a verified fixpoint.

    ``sources`` must all parse (callers report files that do not, and leave them
    out); ``trees`` are their trees when the caller has parsed them already, so
    that no file is parsed twice. ``known`` is every rule code of the run (for TFX001).
    ``scope`` says which files the run writes and what of the module could not be
    read (:class:`~fixer.fix_scope.FixScope`); a fix outside it is shown, not applied.
    """
    scope = scope or FixScope()
    parsed = _Trees(sources, trees)
    module = parsed.module(sources, values, extra_files)
    findings, problems = run_rules(module, rules, options, known=known)
    findings = [parsed.suggestion(f, sources) for f in findings]
    result = ModuleResult(dict(sources), dict(sources), findings, findings, [], problems)
    if not fix or not any(_applicable(f, unsafe) for f in findings):
        return result

    blocked: set[str] = set()
    first = (module, findings, problems)
    held: dict[tuple, str] = {}  # findings whose fix the scope refuses -> why
    for _attempt in range(len(rules) + 1):
        outcome = _fix_loop(
            sources, rules, values, unsafe, max_rounds, options, blocked, extra_files, parsed, first, known,
            scope, held,
        )
        texts, applied, new_problems, culprits, remaining = outcome
        if not culprits:
            created = {p for f in applied for p in f.fix.new_files}  # type: ignore[union-attr]
            for path in texts:
                if path in created:  # a new file (Editor.add_file): nothing was there
                    result.original[path] = ""
                    result.created.append(path)
                elif path not in result.original:  # an extra file a fix changed: its text as read
                    result.original[path] = _read_extra(path)
            result.fixed = texts
            result.applied = applied
            result.problems.extend(p for p in new_problems if p not in result.problems)
            result.remaining = remaining
            break
        result.problems.extend(new_problems)
        blocked |= culprits
    # A fix the loop could not verify is shown, never applied, and says why.
    reasons = {p.rule: p.message for p in result.problems if p.kind in _UNVERIFIED and p.rule}
    result.findings = [_display_only(f, reasons, held, unsafe) for f in result.findings]
    result.remaining = [parsed.suggestion(_display_only(f, reasons, held, unsafe), result.fixed) for f in result.remaining]
    return result


def check_python(path: str, text: str) -> None:
    """Raise ValueError when ``path`` is a ``.py`` file and ``text`` is not valid Python (how a
    fix of an extra file is verified, like a ``.tf`` file's re-parse)."""
    if path.endswith(".py"):
        try:
            compile(text.removeprefix("\ufeff"), path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as e:
            raise ValueError(f"the fixed Python does not compile: {e}") from None


def _is_extra(path: str, extra_files: list[str] | None) -> bool:
    """Whether ``path`` is one of the module's extra files (not Terraform the loop parses)."""
    return bool(extra_files) and path in extra_files and not path.endswith(".tf")  # type: ignore[operator]


def _read_extra(path: str) -> str:
    """The text of an extra file a fix edits, decoded as its rule read it (a Python file's own
    encoding declaration, else UTF-8). Raises ValueError when it cannot be read."""
    from .reading import SourceError, decode_python, read_bytes

    try:
        data = read_bytes(path)
        return decode_python(data) if path.endswith(".py") else data.decode("utf-8")
    except (OSError, SourceError, SyntaxError, LookupError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: cannot be read: {e}") from None


def _key(finding: Finding) -> tuple:
    return (finding.rule, finding.path, finding.start, finding.end, finding.fix_title)


_UNVERIFIED = ("fix-invalid", "no-fixpoint")


def _display_only(finding: Finding, reasons: dict[str, str], held: dict[tuple, str], unsafe: bool) -> Finding:
    reason = held.get(_key(finding)) or reasons.get(finding.rule)
    if reason is None or not _applicable(finding, unsafe):
        return finding
    fix = replace(finding.fix, applicability=Applicability.DISPLAY_ONLY)  # type: ignore[arg-type]
    note = f"not applied: {reason}"
    return replace(finding, fix=fix, notes=finding.notes + (note,))


def _breaking_rules(text: str, path: str, findings: list[Finding]) -> set[str]:
    """The rules whose fix, applied alone, makes ``text`` unparseable."""
    guilty = set()
    for finding in findings:
        try:
            parse(apply_edits(text, finding.fix.edits_for(path)), path)  # type: ignore[union-attr]
        except (ParseError, ValueError):
            guilty.add(finding.rule)
    return guilty


def _fix_loop(
    sources: dict[str, str],
    rules: list[type[Rule]],
    values: dict[str, Any] | None,
    unsafe: bool,
    max_rounds: int,
    options: dict[str, dict[str, Any]] | None,
    blocked: set[str],
    extra_files: list[str] | None,
    parsed: _Trees,
    first: tuple[Module, list[Finding], list[Problem]],
    known: Iterable[str] | None,
    scope: FixScope,
    held: dict[tuple, str],
) -> tuple[dict[str, str], list[Finding], list[Problem], set[str], list[Finding]]:
    """One attempt from the original text. Returns texts, applied findings, problems,
    the rules to block (empty when the attempt succeeded) and the findings left."""
    texts = dict(sources)
    applied: list[Finding] = []
    problems: list[Problem] = []
    last_fixing: set[str] = set()
    for round_number in range(max_rounds):
        if round_number == 0:
            module, findings, round_problems = first  # the rules' findings on the original text
        else:
            module = parsed.module(texts, values, extra_files)
            findings, round_problems = run_rules(module, rules, options, known=known)
        problems.extend(p for p in round_problems if p not in problems)
        candidates = []
        for f in findings:
            if f.rule in blocked or not _applicable(f, unsafe):
                continue
            refusal = scope.refusal(f.fix, module)  # type: ignore[arg-type]
            if refusal is None:
                candidates.append(f)
            else:
                held[_key(f)] = refusal
        if not candidates:
            return texts, applied, problems, set(), findings
        taken: dict[str, _Taken] = {}
        chosen: list[Finding] = []
        for finding in candidates:
            assert finding.fix is not None
            edits = finding.fix.edits
            if any(p in taken and taken[p].overlaps(e) for p, e in edits):
                continue
            for p, e in edits:
                taken.setdefault(p, _Taken()).add(e)
            chosen.append(finding)
        new_texts = dict(texts)
        culprits: set[str] = set()
        for path, kept in taken.items():
            try:
                if _is_extra(path, extra_files):  # a file beside the module (REPO001's Python tests)
                    old = texts[path] if path in texts else _read_extra(path)
                    new_texts[path] = parsed.lay_out_extra(path, old, kept.edits)
                    continue
                new_texts[path] = parsed.lay_out(path, texts.get(path, ""), kept.edits)
            except (ParseError, ValueError) as e:
                here = [f for f in chosen if path in f.fix.paths]  # type: ignore[union-attr]
                guilty = _breaking_rules(texts.get(path, ""), path, here) or {f.rule for f in here}
                culprits |= guilty
                for code in sorted(guilty):
                    problems.append(
                        Problem(
                            "fix-invalid", code, path,
                            f"{path}: the fix of {code} would not parse ({e}); "
                            f"{code}'s fixes were not applied to this module",
                        )
                    )
        removed: dict[str, set[str]] = {}  # address -> the rules whose fixes remove it
        for f in chosen:
            for _path, address in removed_resources(f.fix, module):  # type: ignore[arg-type]
                removed.setdefault(address, set()).add(f.rule)
        if removed and not culprits:
            dangling = dangling_references(removed, parsed.module(new_texts, values, extra_files))
            if dangling is not None:
                address, where = dangling
                for code in sorted(removed[address]):
                    culprits.add(code)
                    problems.append(Problem(
                        "fix-invalid", code, None,
                        f"the fix of {code} would leave a dangling reference ({where}); "
                        f"{code}'s fixes were not applied to this module",
                    ))
        if culprits:
            return sources, [], problems, culprits, []
        texts = new_texts
        applied.extend(chosen)
        last_fixing = {f.rule for f in chosen}
    # Out of rounds: the rules still fixing did not converge.
    for code in sorted(last_fixing):
        problems.append(
            Problem(
                "no-fixpoint", code, None,
                f"{code} still had fixes after {max_rounds} rounds; its fixes were not applied",
            )
        )
    return sources, [], problems, last_fixing or {"*"}, []
