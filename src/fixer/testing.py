"""Testing helpers for rule authors, in the style of libcst's ``CodemodTest``.

``assert_fix(before, after, findings, rules=[MyRule])`` runs the rules over
``before`` (dedented, as one file ``main.tf``), applies their fixes through the
real fix loop, and asserts the fixed text is ``after`` and the findings on
``before`` are exactly ``findings``, each written ``"line:column: CODE message"``.
The fix loop's problems (a fix that does not parse, no fixpoint) fail the test.
"""

from __future__ import annotations

import textwrap
from typing import Any, Iterable, Sequence

from .findings import Finding
from .rules.base import Rule

__all__ = ["assert_fix", "render"]


def render(findings: Iterable[Finding]) -> list[str]:
    """Findings as ``"line:column: CODE message"`` lines."""
    return [f"{f.line}:{f.column}: {f.rule} {f.message}" for f in findings]


def assert_fix(
    before: str,
    after: str,
    findings: Sequence[str],
    *,
    rules: Sequence[type[Rule]],
    unsafe: bool = False,
    variables: dict[str, Any] | None = None,
    path: str = "main.tf",
) -> None:
    """Assert that ``rules`` report ``findings`` on ``before`` and fix it into ``after``.

    Only ``rules`` run (no built-in rule). ``before`` and ``after`` are dedented and
    their first line break dropped, so they can be written as indented triple-quoted strings.
    """
    from .fixes import fix_module

    source, expected = _code(before), _code(after)
    for rule in rules:
        from .rules.base import validate_rule

        problems = validate_rule(rule)
        assert not problems, "; ".join(problems)
    result = fix_module({path: source}, list(rules), values=variables, unsafe=unsafe)
    assert not result.problems, [p.message for p in result.problems]
    assert render(result.findings) == list(findings), "\n".join(render(result.findings))
    assert result.fixed[path] == expected, f"fixed text:\n{result.fixed[path]}"


def _code(text: str) -> str:
    return textwrap.dedent(text).removeprefix("\n")
