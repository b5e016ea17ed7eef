"""Block rewrites that change how blocks nest, as edits on the original text.

Each function returns the edits, or raises ``ValueError`` with the reason (a phrase for a
finding's note) when the layout does not allow a clean rewrite. Lines that keep their
depth are not touched, so heredocs and comments inside them stay byte for byte.
"""

from __future__ import annotations

from typing import Collection, Iterable, Mapping, Union

from . import nodes as n
from .edits import Edit, dedent_lines, full_span, indentation_of, line_start, remove_items
from .tokens import Token

__all__ = [
    "lift_dynamic",
    "split_block",
    "block_indent",
    "item_lines",
    "item_source",
    "comments_in",
    "comment_lines_above",
    "move_above",
    "unwrap_block",
]

Item = Union[n.Attribute, n.Block]


def block_indent(text: str, block: n.Block) -> str | None:
    """The indentation of the line holding the block's type keyword; None when something
    other than spaces stands before the keyword."""
    pos = block.type_token.start_pos
    head = text[line_start(text, pos) : pos]
    return None if head.strip(" ") else head


def lift_dynamic(parent: n.Block, dynamic: n.Block, text: str, newline: str, iterator: str | None = None) -> list[Edit]:
    """``parent { dynamic "child" { for_each; content { BODY } } }`` becomes
    ``dynamic "parent" { for_each; content { child { BODY } } }``.

    The ``dynamic`` header line goes (a comment at its end stays, on its own line), the
    lines from ``for_each`` to ``content {`` move one level left, and ``child {`` opens
    inside ``content``: every closing brace stays where it is and BODY keeps its depth.
    ``iterator`` adds ``iterator = <name>`` after ``for_each``.
    """
    if parent.is_one_line or dynamic.is_one_line or parent.labels:
        raise ValueError("unusual block layout")
    if any(type(i) is not n.EmptyLine and i is not dynamic for i in parent.body.items):
        raise ValueError(f"the {parent.type} holds more than the dynamic block; repeating it would repeat that too")
    items = dynamic.body.items
    contents = [i for i in items if isinstance(i, n.Block) and i.type == "content"]
    if len(contents) != 1:
        raise ValueError("the dynamic block has no single content block")
    content = contents[0]
    position = items.index(content)
    for i, item in enumerate(items):
        if item is content or type(item) is n.EmptyLine:
            continue
        if type(item) is not n.Attribute or item.key not in ("for_each", "iterator") or i > position:
            raise ValueError("the dynamic block holds more than for_each, iterator and content")
        if any(type(node) is n.Heredoc for node in item.walk()):
            raise ValueError("a heredoc in for_each would change if its lines moved")
    for_each = dynamic.body.get_attribute("for_each")
    if for_each is None:
        raise ValueError("the dynamic block has no for_each")
    indent = block_indent(text, parent)
    if indent is None or block_indent(text, dynamic) != indent + "  " or block_indent(text, content) != indent + "    ":
        raise ValueError("the blocks are not indented two spaces per level")
    if any(t.prefix.strip() for label in dynamic.label_nodes for t in _tokens(label)) or dynamic.open_brace.prefix.strip():
        raise ValueError("a comment inside the dynamic block's header line")

    child, inner = dynamic.labels[0], indent + "    "
    edits = [Edit(parent.type_token.start_pos, parent.type_token.end_pos, f'dynamic "{parent.type}"')]
    trailing = dynamic.open_newline.prefix.strip()  # type: ignore[union-attr]
    keep = f"{indent}  {trailing}{newline}" if trailing else ""
    edits.append(Edit(line_start(text, dynamic.type_token.start_pos), dynamic.open_newline.end_pos, keep))  # type: ignore[union-attr]
    edits.extend(dedent_lines(text, dynamic.open_newline.end_pos, content.open_brace.start_pos))  # type: ignore[union-attr]
    if content.is_one_line:
        at = content.open_brace.end_pos
        edits.append(Edit(at, at, f"{newline}{inner}{child} {{"))
    else:
        at = content.open_newline.end_pos  # type: ignore[union-attr]
        edits.append(Edit(at, at, f"{inner}{child} {{{newline}"))
    if iterator is not None:
        at = full_span(for_each)[1]
        edits.append(Edit(at, at, f"{indent}  iterator = {iterator}{newline}"))
    return edits


def split_block(parent: n.Block, children: list[n.Block], text: str, newline: str) -> list[Edit]:
    """``parent { child {A} child {B} }`` becomes ``parent { child {A} } parent { child {B} }``;
    comment and blank lines between the children stay between the new blocks."""
    if parent.is_one_line or parent.labels:
        raise ValueError("unusual block layout")
    kind = children[0].type
    if any(type(i) is not n.EmptyLine and not (isinstance(i, n.Block) and i.type == kind) for i in parent.body.items):
        raise ValueError(f"the {parent.type} holds more than {kind} blocks; splitting it would need to copy that")
    indent = block_indent(text, parent)
    if indent is None or any(block_indent(text, c) != indent + "  " for c in children):
        raise ValueError("the blocks are not indented two spaces per level")
    edits: list[Edit] = []
    close, reopen = f"{indent}}}{newline}", f"{indent}{parent.type} {{{newline}"
    for previous, current in zip(children, children[1:]):
        close_at, open_at = full_span(previous)[1], full_span(current)[0]
        if close_at == open_at:
            edits.append(Edit(close_at, close_at, close + reopen))
            continue
        edits.append(Edit(close_at, close_at, close))
        edits.extend(dedent_lines(text, close_at, open_at))  # comment lines now between the blocks
        edits.append(Edit(open_at, open_at, reopen))
    return edits


def _tokens(label: object) -> list:
    return list(label.tokens()) if isinstance(label, n.Node) else [label]


# ---- moving items out of a block -------------------------------------------------------


def item_lines(item: Item, text: str, indent: str, newline: str, new_name: str | None = None) -> list[str]:
    """The item's lines, its comment lines included, re-indented to ``indent`` (an attribute
    renamed to ``new_name``). Raises ValueError for a heredoc (its lines cannot move) or a
    line indented less than the item's own first line."""
    if any(isinstance(node, n.Heredoc) for node in item.walk()):
        raise ValueError("an item holding a heredoc is not moved")
    if isinstance(item, n.Attribute) and item.newline is None:  # in a one-line block
        if "\n" in item.source:
            raise ValueError("a multi-line attribute in a one-line block")
        return [f"{indent}{new_name or item.key} = {item.value.source}{newline}"]
    start, end = full_span(item)
    if start != line_start(text, start):
        raise ValueError("the item does not start its own line")
    segment = text[start:end]
    if new_name is not None and isinstance(item, n.Attribute):
        at = item.name.start_pos - start
        segment = segment[:at] + new_name + segment[at + len(item.name.value) :]
    inner = indentation_of(item, text)
    own_line = line_start(text, item.start) - start  # where the item's own first line starts
    out: list[str] = []
    pos = 0
    for line in _lines(segment):
        content = line.rstrip("\r\n")
        ending = line[len(content) :]
        if not content.strip():
            out.append(ending)
        elif content.startswith(inner):
            out.append(indent + content[len(inner) :] + ending)
        elif pos < own_line:  # a leading comment line indented its own way
            out.append(indent + content.strip() + ending)
        else:
            raise ValueError("a line of the item is indented less than its first line")
        pos += len(line)
    if out and not out[-1].endswith("\n"):
        out[-1] += newline
    return out


def item_source(item: Item, text: str) -> str:
    """The item's lines, its comment lines included, at column 1 with ``\n`` endings and no
    final newline: what moves when the item moves. ValueError as :func:`item_lines`."""
    return "".join(item_lines(item, text, "", "\n")).replace("\r\n", "\n").strip("\n")


def comments_in(tokens: Iterable[Token | None]) -> list[str]:
    """The comments held in the tokens' prefixes, one per line, stripped."""
    return [
        line.strip()
        for token in tokens
        if token is not None
        for line in token.prefix.replace("\r", "").split("\n")
        if line.strip()
    ]


def comment_lines_above(source: n.Node, target: Item, text: str, newline: str) -> list[Edit]:
    """Every comment inside ``source`` (an item going away) as comment lines just above ``target``."""
    indent = indentation_of(target, text)
    lines = [f"{indent}{c}{newline}" for c in comments_in(source.tokens())]
    at = line_start(text, target.start)
    return [Edit(at, at, "".join(lines))] if lines else []


def move_above(
    block: n.Block, items: list[Item], text: str, newline: str,
    renames: Mapping[str, str], drop: Collection[Item] = (),
) -> list[Edit]:
    """Move ``items`` of ``block``'s body to the lines just above ``block`` (and its comment
    lines), one level out, in source order, a blank line around blocks; attributes are
    renamed per ``renames``; ``drop`` items are removed and not written again."""
    start = full_span(block)[0]
    if start != line_start(text, start):
        raise ValueError("the block does not start its own line")
    indent = indentation_of(block, text)
    segments = [_segment(i, text, indent, newline, renames) for i in items if i not in drop]
    edits = remove_items(block.body, items)
    inserted = _assemble(segments, newline)
    if inserted:
        edits.append(Edit(start, start, inserted + newline))
    return edits


def unwrap_block(
    block: n.Block, owner: n.Body, text: str, newline: str,
    renames: Mapping[str, str], drop: Collection[Item] = (),
) -> list[Edit]:
    """Replace ``block`` (an item of ``owner``) by the items of its body, one level out, in
    source order, with every comment: those of its header and closing lines become comment
    lines (a one-line block's trailing comment stays at the end of its one line). Attributes
    are renamed per ``renames``; ``drop`` items are left out."""
    if full_span(block)[0] != line_start(text, full_span(block)[0]):
        raise ValueError("the block does not start its own line")
    indent = indentation_of(block, text)
    header = [block.type_token, *[t for t in block.label_nodes if isinstance(t, Token)], block.open_brace, block.open_newline]
    segments = [("comment", [f"{indent}{c}{newline}" for c in comments_in(header)])]
    for item in block.body.items:
        if isinstance(item, n.EmptyLine):
            if item.comment is not None:
                segments.append(("comment", [f"{indent}{item.comment}{newline}"]))
        elif item not in drop:
            segments.append(_segment(item, text, indent, newline, renames))
    footer = comments_in([block.newline])
    written = [line for kind, lines in segments if kind != "comment" for line in lines]
    closing = [block.close_brace, block.newline]
    if block.is_one_line and len(written) == 1 and len(footer) == 1 and not footer[0].startswith("/*"):
        kind, lines = segments[-1]
        segments[-1] = (kind, [lines[0].rstrip("\r\n") + " " + footer[0] + newline])
        closing = [block.close_brace]
    segments.append(("comment", [f"{indent}{c}{newline}" for c in comments_in(closing)]))
    replacement = _assemble(segments, newline)
    own_line = line_start(text, block.start)  # the block's leading comment lines stay where they are
    if replacement or block.leading_lines:
        return [Edit(own_line, block.newline.end_pos, replacement)]
    return remove_items(owner, [block])


def _lines(text: str) -> list[str]:
    """Lines with their endings; only ``\\n`` ends a line."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _segment(item: Item, text: str, indent: str, newline: str, renames: Mapping[str, str]) -> tuple[str, list[str]]:
    new_name = renames.get(item.key) if isinstance(item, n.Attribute) else None
    return ("attr" if isinstance(item, n.Attribute) else "block"), item_lines(item, text, indent, newline, new_name)


def _assemble(segments: list[tuple[str, list[str]]], newline: str) -> str:
    """Join (kind, lines) segments, a blank line around blocks (a comment sticks to what follows)."""
    out: list[str] = []
    previous: str | None = None
    for kind, lines in segments:
        if not lines:
            continue
        if previous is not None and previous != "comment" and "block" in (kind, previous):
            out.append(newline)
        out.extend(lines)
        previous = kind
    return "".join(out)
