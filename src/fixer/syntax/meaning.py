"""Whether two attributes or blocks say the same thing, however they are laid out."""

from __future__ import annotations

from typing import Union

from . import nodes as n

__all__ = ["same_meaning"]


def same_meaning(a: Union[n.Attribute, n.Block], b: Union[n.Attribute, n.Block]) -> bool:
    """True when two attributes have equal values, or two blocks of one type equal bodies,
    comparing tokens without their whitespace, comments and line endings."""
    if isinstance(a, n.Attribute) and isinstance(b, n.Attribute):
        return _significant(a.value) == _significant(b.value)
    if isinstance(a, n.Block) and isinstance(b, n.Block):
        return a.type == b.type and _significant_block(a) == _significant_block(b)
    return False


def _significant(node: n.Node) -> list[tuple[str, str]]:
    """The node's tokens without trivia, newlines normalised: what it means, not how it looks."""
    out = []
    for token in node.tokens():
        value = token.value
        if token.type == "NL":
            value = "\n"
        elif token.type in ("TLIT", "HEREDOC_OPEN", "HEREDOC_CLOSE"):
            value = value.replace("\r\n", "\n")
        out.append((token.type, value))
    return out


def _significant_block(block: n.Block) -> list[tuple[str, str]]:
    # Leading comment lines are EmptyLine NL tokens; the final NL is layout, not meaning.
    return _significant(block)[len(block.leading_lines) : -1]
