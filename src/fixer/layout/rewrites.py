"""terraform's own rewrites, applied before layout (terraform ``command/fmt.go``).

hclwrite only moves whitespace; ``terraform fmt`` also rewrites a few tokens of
the bodies it walks (blocks and their attributes, never object items):

* a value that is one interpolation alone, ``"${x}"``, becomes ``x`` (wrapped
  in parentheses when it spans several lines);
* in a top-level ``variable`` block, ``type = "string"`` / ``"list"`` / ``"map"``
  becomes ``string`` / ``list(string)`` / ``map(string)``, and a bare ``list`` /
  ``map`` / ``set`` becomes ``list(any)`` / ``map(any)`` / ``set(any)``;
* every block label is written as a quoted string, escaped afresh.

:func:`rewrites` returns them as replacements for :func:`.stream.convert`.
"""

from __future__ import annotations

from ..syntax.nodes import (
    Attribute, Block, Document, Interpolation, QuotedTemplate, TemplateLiteral,
    Variable,
)
from ..syntax.tokens import Token
from .stream import (
    CPAREN, CQUOTE, IDENT, INTERP, NEWLINE, OPAREN, OQUOTE, QUOTEDLIT, SEQEND, FTok, convert,
)

__all__ = ["rewrites", "unwrap_interpolation", "legacy_type", "escape_label"]

Replacements = dict[int, tuple[int, list[FTok], bool]]


def _ftoks(expr) -> list[FTok]:
    """The FToks of one expression or label, without the trivia before it."""
    return convert(expr.tokens(), skip_first_prefix=True)[0]


def unwrap_interpolation(tokens: list[FTok]) -> list[FTok] | None:
    """``"${x}"`` -> ``x`` on an expression's tokens, or None when it does not apply."""
    if len(tokens) < 5:
        return None
    if (tokens[0].type != OQUOTE or tokens[1].type != INTERP
            or tokens[-2].type != SEQEND or tokens[-1].type != CQUOTE):
        return None
    inside = tokens[2:-2]
    quotes = 0
    for tok in inside:
        t = tok.type
        if t == OQUOTE:
            quotes += 1
            continue
        if t == CQUOTE:
            quotes -= 1
            continue
        if quotes > 0:
            continue  # "${foo("${bar}")}": nested templates are fine
        if t == INTERP or t == SEQEND or t == QUOTEDLIT:
            return None  # "${a}${b}" or "${a}b"
    start, end = 0, len(inside)
    while start < end and inside[start].type == NEWLINE:
        start += 1
    while end > start and inside[end - 1].type == NEWLINE:
        end -= 1
    trimmed = inside[start:end]
    multi_line = leading_paren = trailing_paren = False
    last = len(trimmed) - 1
    for i, tok in enumerate(trimmed):
        if i == 0 and tok.type == OPAREN:
            leading_paren = True
        elif tok.type == NEWLINE:
            multi_line = True
        elif i == last and tok.type == CPAREN:
            trailing_paren = True
    if multi_line and not (leading_paren and trailing_paren):
        return [FTok(OPAREN, "("), *trimmed, FTok(CPAREN, ")")]
    return trimmed


def legacy_type(tokens: list[FTok]) -> list[FTok] | None:
    """A variable's legacy or bare collection ``type`` -> its modern form, or None."""
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.type == IDENT and tok.text in ("list", "map", "set"):
            return [FTok(IDENT, tok.text), FTok(OPAREN, "("), FTok(IDENT, "any"), FTok(CPAREN, ")")]
        return None
    if len(tokens) == 3:
        if tokens[0].type != OQUOTE or tokens[1].type != QUOTEDLIT or tokens[2].type != CQUOTE:
            return None
        word = tokens[1].text
        if word == "string":
            return [FTok(IDENT, "string")]
        if word in ("list", "map"):
            return [FTok(IDENT, word), FTok(OPAREN, "("), FTok(IDENT, "string"), FTok(CPAREN, ")")]
    return None


def escape_label(value: str) -> str:
    """A label's text escaped for a quoted string (hclwrite ``escapeQuotedStringLit``)."""
    out: list[str] = []
    n = len(value)
    for i, c in enumerate(value):
        if c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "$" or c == "%":
            out.append(c)
            if i + 1 < n and value[i + 1] == "{":
                out.append(c)
        elif not c.isprintable():
            code = ord(c)
            out.append(f"\\u{code:04x}" if code < 65536 else f"\\U{code:08x}")
        else:
            out.append(c)
    return "".join(out)


def _label_tokens(label) -> list[FTok] | None:
    """The quoted form of one label, or None when it is already written so.

    Deliberate divergence: hclwrite reads a quoted label only when hclsyntax
    lexes it as one literal token, and drops it otherwise, so ``terraform fmt``
    deletes a label holding ``$`` or ``%`` (``resource "a%b" "x" {}`` becomes
    ``resource "x" {}``). That destroys the configuration; such labels are kept
    as written here.
    """
    if type(label) is Token:
        text = escape_label(label.value)
    else:
        parts = label.template.parts
        if len(parts) == 1 and type(parts[0]) is TemplateLiteral:
            raw = parts[0].token.value
            if raw.isprintable() and not any(c in raw for c in '\\$%"'):
                return None  # nothing to unescape or escape: already canonical
        raw = "".join(p.token.value for p in parts if type(p) is TemplateLiteral)
        if not all(type(p) is TemplateLiteral for p in parts) or "$" in raw or "%" in raw:
            return None
        text = escape_label(label.literal_value())
        if text == raw:
            return None
    toks = [FTok(OQUOTE, '"')]
    if text:
        toks.append(FTok(QUOTEDLIT, text))
    toks.append(FTok(CQUOTE, '"'))
    return toks


def _labels(block: Block, out: Replacements) -> None:
    """Quote every label; comments between the block type and the last label are dropped."""
    labels = block.label_nodes
    if not labels:
        return
    quoted = [_label_tokens(label) for label in labels]
    changed = any(q is not None for q in quoted) or any(
        (label if type(label) is Token else label.open).prefix.strip(" \t") for label in labels
    )  # a comment among the labels: hclwrite drops it
    if not changed:
        return
    new: list[FTok] = []
    for label, toks in zip(labels, quoted):
        new.extend(_ftoks(label) if toks is None else toks)
    first, last = labels[0], labels[-1]
    start = first.start_pos if type(first) is Token else first.start
    end = last.end_pos if type(last) is Token else last.end
    out[start] = (end, new, True)


def _attribute(attr: Attribute, variable_type: bool, out: Replacements) -> None:
    value = attr.value
    if variable_type:
        if not ((type(value) is Variable and value.name.value in ("list", "map", "set")) or (
            type(value) is QuotedTemplate and len(value.template.parts) == 1
        )):
            return
        rewrite = legacy_type
    elif type(value) is QuotedTemplate:
        parts = value.template.parts
        if len(parts) != 1 or type(parts[0]) is not Interpolation:
            return
        rewrite = unwrap_interpolation
    else:
        return
    toks = _ftoks(value)
    new = rewrite(toks)
    if new is not None:
        last = toks[-1]
        out[toks[0].pos] = (last.pos + len(last.text), new, False)


def rewrites(doc: Document) -> Replacements:
    """Every terraform rewrite of ``doc``, keyed by the start offset of the replaced text."""
    out: Replacements = {}
    stack = [(doc.body, ())]
    while stack:
        body, in_blocks = stack.pop()
        variable = len(in_blocks) == 1 and in_blocks[0] == "variable"
        for item in body.items:
            kind = type(item)
            if kind is Attribute:
                _attribute(item, variable and item.name.value == "type", out)
            elif kind is Block:
                _labels(item, out)
                stack.append((item.body, in_blocks + (item.type,)))
    return out
