"""Block rewrites that change how blocks nest, as edits on the original text.

Each function returns the edits, or raises ``ValueError`` with the reason (a phrase for a
finding's note) when the layout does not allow a clean rewrite. Lines that keep their
depth are not touched, so heredocs and comments inside them stay byte for byte.
"""

from __future__ import annotations

from . import nodes as n
from .edits import Edit, dedent_lines, full_span, line_start

__all__ = ["lift_dynamic", "split_block", "block_indent"]


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
