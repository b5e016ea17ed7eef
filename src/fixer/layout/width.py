"""Display width of token text, in grapheme clusters (what hclwrite's ``Columns`` counts).

hclwrite counts extended grapheme clusters with ``apparentlymart/go-textseg/v15``,
which implements the Unicode 15.0 rules. Unicode 15.1 added rule GB9c, which
joins Indic conjuncts (consonant + virama + consonant, as in ``स्ते``) into one
cluster; the ``regex`` module follows the newer rules, so every consonant that
GB9c glued onto a cluster is counted as a cluster of its own again.
"""

from __future__ import annotations

import regex

__all__ = ["text_width"]

_GRAPHEME = regex.compile(r"\X")
_CONJUNCT_CONSONANT = regex.compile(r"\p{InCB=Consonant}")


def text_width(text: str) -> int:
    """The number of user-perceived characters in ``text``, counted as terraform counts them."""
    if text.isascii():
        return len(text) - text.count("\r\n")  # "\r\n" is one cluster
    count = 0
    for cluster in _GRAPHEME.findall(text):
        count += 1
        if len(cluster) > 2:
            # GB9c joins (Unicode 15.1+): a consonant inside a cluster started one before.
            count += len(_CONJUNCT_CONSONANT.findall(cluster, 1))
    return count
