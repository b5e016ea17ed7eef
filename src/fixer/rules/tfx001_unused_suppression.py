"""TFX001: a ``# tffix:ignore`` comment that suppresses nothing."""

from __future__ import annotations

from typing import Iterable

from ..findings import Finding, Severity
from ..suppression import UNUSED_CODE, UNUSED_NAME
from .base import FixAvailability, Rule, RuleContext

__all__ = ["UnusedSuppression"]


class UnusedSuppression(Rule):
    """A `# tffix:ignore` comment that suppresses nothing.

    ## What it does

    Reports a `tffix:ignore` or `tffix:ignore-file` comment (with `#`, `//` or `/* */`) one of
    whose codes matched no finding where it stands, or that names a code no rule has. A code is
    only judged when its rule ran, so `--select AWS001` leaves an `# tffix:ignore AWS002` alone.

    ## Why is this bad?

    A stale suppression hides the next real finding on that line or block, and a misspelt code
    suppresses nothing while looking as if it did.

    ## Example

        name = "tg-api" # tffix:ignore AWS001

    where the name is short enough, so AWS001 reports nothing there.

    ## Use instead

        name = "tg-api"

    ## Fix safety

    The fix (removing the comment, or only its unused codes) is display-only: it is shown,
    never applied, since whether the suppression is still wanted (for a finding that only
    appears with other variable values, say) is the author's call.

    ## References

    ruff's RUF100 (unused-noqa), after which this is modelled.
    """

    code = UNUSED_CODE
    name = UNUSED_NAME
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    reads_suppressions = True  # runs after the other rules, with the run's suppressions

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        if ctx.suppressions is None:
            return []
        return ctx.suppressions.unused(ctx.ran, ctx.known)
