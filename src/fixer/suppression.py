"""Inline suppression comments: ``# tffix:ignore CODE`` and ``# tffix:ignore-file``.

Three forms, with ``#``, ``//`` or ``/* ... */`` comments alike:

* at the end of a line, ``name = "x" # tffix:ignore AWS001``: the findings that
  start on that line;
* on a comment line directly above a block or an attribute (one of the comment
  lines that belong to it, no blank line between): the findings that start
  anywhere in that block or attribute; a comment line above anything else
  (inside a list, say) covers the next line;
* ``# tffix:ignore-file`` anywhere in a file: the findings of the whole file.

Codes follow the keyword, separated by commas or spaces (``AWS001, AWS002``);
the first word that is not a rule code ends the list, so a reason may follow
(``# tffix:ignore AWS001 -- the name is fixed by the importer``). No code at
all means every rule. A suppressed finding is neither reported nor fixed.

A suppression that suppresses nothing is itself reported, as ruff's RUF100
does, with the code :data:`UNUSED_CODE` (``TFX001``). A code is only called
unused when its rule ran: ``--select AWS001`` does not make an
``# tffix:ignore AWS002`` unused. A code naming no rule at all is reported as
unknown.

Comments are read from the tree (the trivia of the tokens), never by a regular
expression over the file, so text inside strings and heredocs never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .findings import Applicability, Finding, Fix, Severity
from .syntax.edits import Edit
from .syntax.nodes import Attribute, Block, Body, Document, Node

__all__ = [
    "UNUSED_CODE",
    "UNUSED_NAME",
    "Suppression",
    "ModuleSuppressions",
    "parse_suppressions",
]

UNUSED_CODE = "TFX001"
UNUSED_NAME = "unused-suppression"

_DIRECTIVE = re.compile(r"tffix:\s*(?P<kind>ignore-file|ignore)(?![\w-])(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"[A-Za-z]+[0-9]{3}")


@dataclass(frozen=True)
class Suppression:
    """One ``tffix:ignore`` comment."""

    path: str  # the file
    kind: str  # "line" (end of a line), "item" (above a block/attribute), "next-line", "file"
    codes: tuple[str, ...]  # upper-case rule codes; empty: every rule
    comment_start: int  # offset of the comment's first character ("#", "//" or "/*")
    comment_end: int  # offset just past the comment (its line break excluded)
    cover_start: int  # offsets of the covered range: a finding starting in it is suppressed
    cover_end: int
    line: int  # 1-based line of the comment
    column: int  # 1-based column of the comment
    own_line: bool  # the comment is alone on its line

    def covers(self, finding: Finding) -> bool:
        if finding.path != self.path:
            return False
        if self.codes and finding.rule.upper() not in self.codes:
            return False
        return self.cover_start <= finding.start < self.cover_end


def _comments(prefix: str, base: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each comment in a token's trivia, offsets in the file."""
    i = 0
    n = len(prefix)
    while i < n:
        if prefix.startswith("/*", i):
            close = prefix.find("*/", i + 2)
            end = n if close < 0 else close + 2
            yield base + i, base + end, prefix[i + 2 : end - 2 if close >= 0 else end]
            i = end
        elif prefix[i] == "#" or prefix.startswith("//", i):
            end = i
            while end < n and prefix[end] not in "\r\n":
                end += 1
            yield base + i, base + end, prefix[i + (1 if prefix[i] == "#" else 2) : end]
            i = end
        else:
            i += 1


def _codes(rest: str) -> tuple[str, ...]:
    """The rule codes at the start of ``rest``, upper-cased; the first other word ends them."""
    codes: list[str] = []
    for word in re.split(r"[\s,]+", rest.strip()):
        if not word:
            continue
        if _CODE.fullmatch(word):
            codes.append(word.upper())
        else:
            break
    return tuple(codes)


def _items(body: Body) -> Iterator[Attribute | Block]:
    stack = [body]
    while stack:
        current = stack.pop()
        for item in current.items:
            if isinstance(item, (Attribute, Block)):
                yield item
                if isinstance(item, Block):
                    stack.append(item.body)


def _item_start(item: Attribute | Block) -> int:
    token = item.name if isinstance(item, Attribute) else item.type_token
    return token.start_pos


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end + 1)


def parse_suppressions(path: str, text: str, tree: Document) -> list[Suppression]:
    """Every ``tffix:ignore`` comment of one file, with the range it covers."""
    # Which comment lines lead which item: offset of the line's newline token -> item.
    leading: dict[int, Attribute | Block] = {}
    for item in _items(tree.body):
        for empty in item.leading_lines:
            leading[empty.newline.start_pos] = item
    out: list[Suppression] = []
    for token in _tokens(tree):
        if "#" not in token.prefix and "/" not in token.prefix:
            continue
        base = token.start_pos - len(token.prefix)
        for start, end, body in _comments(token.prefix, base):
            match = _DIRECTIVE.match(body.strip())
            if match is None:
                continue
            codes = _codes(match.group("rest"))
            line_start, line_end = _line_bounds(text, start)
            own_line = text[line_start:start].strip() == ""
            line = text.count("\n", 0, start) + 1
            column = start - line_start + 1
            if match.group("kind").lower() == "ignore-file":
                kind, cover = "file", (0, len(text) + 1)
            elif not own_line:
                kind, cover = "line", (line_start, line_end)
            else:
                item = leading.get(token.start_pos) if token.type == "NL" else None
                if item is not None:
                    # From the comment's own line: a finding on the item may start at its
                    # leading comment lines, which the item owns.
                    kind, cover = "item", (line_start, max(item.end, _item_start(item)))
                else:
                    next_end = _line_bounds(text, line_end)[1] if line_end < len(text) else line_end
                    kind, cover = "next-line", (line_end, next_end)
            out.append(
                Suppression(path, kind, codes, start, end, cover[0], cover[1], line, column, own_line)
            )
    return out


def _tokens(tree: Node) -> Iterator[Any]:
    return tree.tokens()


class ModuleSuppressions:
    """The suppression comments of one module's files, and which of them one run used.

    The runner (:func:`fixer.fixes.run_rules`) builds one per rule run, passes every
    rule's findings through :meth:`filter` (so the fix loop, which runs the rules on
    each round's text, never sees and so never fixes a suppressed finding), then lets
    TFX001 ask :meth:`unused`. Comments are read from the files' trees: nothing is
    parsed again.
    """

    def __init__(self, files: Iterable[Any]) -> None:
        self._files = {f.path: f for f in files}  # path -> SourceFile
        self._parsed: dict[str, list[Suppression]] = {}
        self._used: dict[str, set[tuple[int, str]]] = {}

    def of(self, path: str) -> list[Suppression]:
        """The suppressions of one file of the module."""
        if path not in self._parsed:
            source = self._files[path]
            self._parsed[path] = parse_suppressions(source.path, source.text, source.tree)
        return self._parsed[path]

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` without the suppressed ones; records which suppressions were used."""
        kept: list[Finding] = []
        for finding in findings:
            if finding.path not in self._files:
                kept.append(finding)
                continue
            matched = False
            for index, suppression in enumerate(self.of(finding.path)):
                if suppression.covers(finding):
                    used = self._used.setdefault(finding.path, set())
                    used.add((index, finding.rule.upper() if suppression.codes else "*"))
                    matched = True
            if not matched:
                kept.append(finding)
        return kept

    def unused(self, ran: Iterable[str], known: Iterable[str]) -> list[Finding]:
        """TFX001 findings for the suppressions that suppressed nothing, file by file.

        ``ran``: the codes of the rules that ran; ``known``: every rule code.
        """
        out: list[Finding] = []
        ran_codes = {c.upper() for c in ran}
        known_codes = {c.upper() for c in known} | {UNUSED_CODE}
        for path, source in self._files.items():
            used = self._used.get(path, set())
            for index, suppression in enumerate(self.of(path)):
                found = self._judge(source.text, index, suppression, used, ran_codes, known_codes)
                if found is not None:
                    out.append(found)
        return out

    def _judge(
        self, text: str, index: int, suppression: Suppression, used: set[tuple[int, str]],
        ran_codes: set[str], known_codes: set[str],
    ) -> Finding | None:
        path = suppression.path
        if not suppression.codes:
            if "*" in {code for i, code in used if i == index} or not ran_codes:
                return None
            message = f"Unused suppression `tffix:{_keyword(suppression)}`: no finding here to suppress"
            return self._unused_finding(path, text, suppression, (), message)
        unknown = [c for c in suppression.codes if c not in known_codes]
        unused = [c for c in suppression.codes if c in ran_codes and (index, c) not in used]
        if not unknown and not unused:
            return None
        parts = []
        if unused:
            parts.append(f"{', '.join(unused)} {'has' if len(unused) == 1 else 'have'} no finding here to suppress")
        if unknown:
            parts.append(f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not a rule code")
        message = f"Unused suppression `tffix:{_keyword(suppression)} {', '.join(suppression.codes)}`: " + "; ".join(parts)
        keep = tuple(c for c in suppression.codes if c not in unused and c not in unknown)
        return self._unused_finding(path, text, suppression, keep, message)

    @staticmethod
    def _unused_finding(
        path: str, text: str, suppression: Suppression, keep: tuple[str, ...], message: str
    ) -> Finding:
        start, end = suppression.comment_start, suppression.comment_end
        if keep:
            comment = text[start:end]
            match = _DIRECTIVE.search(comment)
            assert match is not None
            rest = match.group("rest")
            tail = rest[len(rest) - len(rest.lstrip()):]
            # Rebuild "tffix:ignore CODES" followed by what came after the codes.
            words = re.split(r"([\s,]+)", tail)
            after = ""
            consumed = 0
            for word in words:
                if word and not re.fullmatch(r"[\s,]+", word) and not _CODE.fullmatch(word):
                    after = tail[consumed:]
                    break
                consumed += len(word)
            replacement = comment[: match.start("rest")] + " " + ", ".join(keep) + (" " + after.lstrip() if after.strip() else "")
            if comment.startswith("/*") and not replacement.endswith("*/"):
                replacement = replacement.rstrip() + " */"
            edit = Edit(start, end, replacement)
            title = f"Remove {', '.join(c for c in suppression.codes if c not in keep)} from the suppression"
        else:
            line_start, line_end = _line_bounds(text, start)
            if suppression.own_line and text[end:line_end].strip() == "":
                edit = Edit(line_start, line_end, "")
            else:
                ws = start
                while ws > line_start and text[ws - 1] in " \t":
                    ws -= 1
                edit = Edit(ws, end, "")
            title = "Remove the unused suppression comment"
        end_line = text.count("\n", 0, end) + 1
        end_column = end - (text.rfind("\n", 0, end) + 1) + 1
        return Finding(
            UNUSED_CODE, message, path, suppression.line, suppression.column, end_line, end_column,
            start, end, Severity.WARNING,
            Fix(title, Applicability.DISPLAY_ONLY, ((path, edit),)),
        )


def _keyword(suppression: Suppression) -> str:
    return "ignore-file" if suppression.kind == "file" else "ignore"
