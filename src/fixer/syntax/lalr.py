"""The LALR(1) driver loop: shift tokens, reduce through the node builder's callbacks.

The tables come from :mod:`.parser` (shipped as :mod:`._lalr_tables`). This module is the
hot path of parsing together with :mod:`.lexer`, :mod:`.tokens` and :mod:`.printer`, and
is typed so that mypyc compiles it in the optional compiled build
(``scripts/build_compiled.py``); the pure-Python module is the same code.

``actions[state]`` maps a terminal to an action and a nonterminal to its goto state. An
action ``a >= 0`` shifts and goes to state ``a``; ``a < 0`` reduces by rule ``~a``.
``rules[r]`` is ``(size, origin, kind, callback, spec)``:

* PASS: a one-child ``?rule`` (lark's ExpandSingleChild): the child is the value;
* CALL: ``callback(children)``;
* LIST: a repetition helper rule (lark's ``__x_star_n``): the children list itself;
* APPEND: ``__x_star_n: __x_star_n item``: the item appended to that list in place;
* the same with ``spec``, lark's child filter: ``((index, expand), ...)``, where an
  expanded child (a repetition list) is spliced into the children.
"""

from __future__ import annotations

from typing import Any, Callable, Final, Optional, Tuple

from .tokens import Token

__all__ = ["PASS", "CALL", "LIST", "APPEND", "Rule", "Unexpected", "run"]

PASS: Final = 0
CALL: Final = 1
LIST: Final = 2
APPEND: Final = 3
_NO_ACTION: Final = 1 << 30  # no state or rule has this number

Spec = Tuple[Tuple[int, bool], ...]
Rule = Tuple[int, str, int, Optional[Callable[[list], Any]], Optional[Spec]]


class Unexpected(Exception):
    """The parser met ``token`` in a state (the top of ``states``) that has no action for it."""

    def __init__(self, token: Token, states: list[int], prev: Token | None) -> None:
        super().__init__(token.type)
        self.token = token
        self.states = states
        self.prev = prev  # the token before, for the message


def run(
    actions: list[dict[str, int]],
    rules: list[Rule],
    start_state: int,
    end_state: int,
    passes: list[Optional[dict[str, int]]],
    tokens: list[Token],
    lex_error: Exception | None,
    end: Token,
) -> Any:
    """Parse ``tokens``; raise ``lex_error`` (if any) once they are all taken, as a lexer
    handing them out one by one would have. ``passes`` is a cache kept across calls, one
    entry per (state, rule): ``[None] * (len(actions) * len(rules))`` to begin with."""
    # The state on top of the stack is kept in ``state``; ``below`` holds the states under
    # it, one per value in ``values``.
    state = start_state
    below: list[int] = []
    values: list[Any] = []
    n_rules = len(rules)
    prev: Token | None = None
    for tok in tokens:
        ttype = tok.type
        while True:
            act = actions[state].get(ttype, _NO_ACTION)
            if act == _NO_ACTION:
                below.append(state)
                raise Unexpected(tok, below, prev)
            if act >= 0:
                below.append(state)
                values.append(tok)
                state = act
                break
            r = ~act
            size, origin, kind, callback, spec = rules[r]
            if kind == PASS:
                # A run of one-child reductions (``expr -> conditional -> ... ->
                # primary``) ends in a state that depends only on the state
                # below, the first rule and the look-ahead: remember it.
                under = below[len(below) - 1]
                slot = under * n_rules + r
                targets = passes[slot]
                if targets is None:
                    targets = {}
                    passes[slot] = targets
                top = targets.get(ttype, -1)
                if top < 0:
                    top = _pass_target(actions, rules, under, origin, ttype)
                    targets[ttype] = top
                state = top
                continue
            if kind == APPEND:
                last = values.pop()
                values[len(values) - 1].append(last)
                below.pop()
                state = actions[below[len(below) - 1]][origin]
                continue
            if size:
                cut = len(values) - size
                children = values[cut:]
                del values[cut:]
                under = below[cut]
                del below[cut + 1 :]
            else:
                children = []
                under = state
                below.append(state)
            if spec is not None:
                children = _filter(children, spec)
            if kind == LIST:
                values.append(children)
            else:
                assert callback is not None
                values.append(callback(children))
            state = actions[under][origin]
        prev = tok
    if lex_error is not None:
        raise lex_error
    states = below
    states.append(state)
    while True:
        row = actions[states[len(states) - 1]]
        act = row.get("$END", 0)
        if act >= 0:
            raise Unexpected(end, states, prev)
        size, origin, kind, callback, spec = rules[~act]
        if size:
            cut = len(values) - size
            children = values[cut:]
            del states[cut + 1 :]
            del values[cut:]
        else:
            children = []
        if spec is not None:
            children = _filter(children, spec)
        value: Any
        if kind == PASS:
            value = children[0]
        elif kind == CALL:
            assert callback is not None
            value = callback(children)
        elif kind == APPEND:
            value = children[0]
            value.append(children[1])
        else:
            value = children
        states.append(actions[states[len(states) - 1]][origin])
        values.append(value)
        if states[len(states) - 1] == end_state:
            return values[len(values) - 1]


def _pass_target(actions: list[dict[str, int]], rules: list[Rule], below_state: int, origin: str, ttype: str) -> int:
    """The state a run of one-child reductions ends in, from the state below it."""
    below = actions[below_state]
    top = below[origin]
    while True:
        nxt = actions[top].get(ttype, 0)
        if nxt >= 0 or rules[~nxt][2] != PASS:
            return top
        top = below[rules[~nxt][1]]


def _filter(children: list[Any], spec: Spec) -> list[Any]:
    """lark's child filter: keep the children in ``spec``, splicing expanded lists in."""
    out: list[Any] | None = None
    for i, expand in spec:
        child = children[i]
        if expand:
            if out is None:
                out = child  # a repetition list, used once: extend it in place
            else:
                out += child
        elif out is None:
            out = [child]
        else:
            out.append(child)
    return out if out is not None else []
