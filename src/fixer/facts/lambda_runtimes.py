"""AWS Lambda's managed runtimes and their deprecation dates, one row per runtime identifier.

Lambda deprecates a runtime in three steps (AWS Lambda developer guide, "Lambda
runtimes", https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, and
"Runtime deprecation policy",
https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html, both read
through the ``search`` tool on 2026-12-04): on the *deprecation* date security
patches stop; from *block function create* ``CreateFunction`` refuses the runtime;
from *block function update* ``UpdateFunctionConfiguration`` / ``UpdateFunctionCode``
refuse it too. The provider accepts every identifier, so the failure comes at apply::

    InvalidParameterValueException: The runtime parameter of python3.7 is no longer
    supported for creating or updating AWS Lambda functions.

Where the dates come from (the AWS page's tables were not in the excerpts the search
tool returns, so each row names the mirror of that page it was read from):

* ``DEPRECATED`` rows, all three dates: aws-cloudformation/cfn-lint
  ``src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json`` (commit 81cb349c),
  generated from the AWS page.
* ``SCHEDULED`` rows, the deprecation date only: terraform-linters/tflint-ruleset-aws
  ``rules/aws_lambda_function_deprecated_runtime.go`` (after PR #969, November 2025,
  "@see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"), and for
  ``python3.14``, ``nodejs24.x``, ``java25``, ``ruby3.4`` and ``dotnet10`` the
  endoflife.date "aws-lambda" page (which tracks the same AWS table). Their block
  dates were not confirmed from a source, so they are left unknown (``None``): a
  runtime past its deprecation date with an unknown block date is reported as a
  warning, never as an error.

A *family* is one language (``python``, ``nodejs``, ``java``, ``ruby``, ``dotnet``,
``provided``), its runtimes oldest first: a successor is only ever chosen in the
same family. ``go1.x`` has no family of its own: Go moved to the OS-only runtime
``provided.al2023``, which needs the handler rebuilt as a ``bootstrap`` binary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["LambdaRuntime", "RUNTIMES", "runtime", "successor", "EARLY_WARNING_DAYS"]

EARLY_WARNING_DAYS = 90  # a runtime deprecated within this many days is reported as a warning


@dataclass(frozen=True)
class LambdaRuntime:
    """One runtime identifier and its deprecation schedule."""

    identifier: str  # "python3.8"
    family: str  # "python": successors are chosen in the same family only
    deprecated: dt.date | None  # the deprecation date; None: none announced
    block_create: dt.date | None = None  # CreateFunction refuses it from this date; None: unknown
    block_update: dt.date | None = None  # updates are refused from this date; None: unknown
    rebuild: str = ""  # why moving to a successor needs the code rebuilt (the fix is then display-only)
    successor: str | None = None  # a fixed successor outside the family (go1.x); None: computed


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


_GO = "Go runs on the OS-only runtime provided.al2023: rebuild the handler as a binary named bootstrap"
_DOTNET = "a .NET assembly targets one framework version: rebuild it for the new target framework"

# Deprecated runtimes, all three dates (cfn-lint LmbdRuntimeLifecycle.json, commit 81cb349c).
_DEPRECATED = (
    LambdaRuntime("nodejs", "nodejs", _d("2016-10-31"), _d("2016-10-31"), _d("2016-10-31")),
    LambdaRuntime("nodejs4.3", "nodejs", _d("2020-03-05"), _d("2020-03-05"), _d("2020-03-05")),
    LambdaRuntime("nodejs4.3-edge", "nodejs", _d("2020-03-05"), _d("2019-04-30"), _d("2019-04-30")),
    LambdaRuntime("nodejs6.10", "nodejs", _d("2019-08-12"), _d("2019-08-12"), _d("2019-08-12")),
    LambdaRuntime("nodejs8.10", "nodejs", _d("2020-03-06"), _d("2020-03-06"), _d("2020-03-06")),
    LambdaRuntime("nodejs10.x", "nodejs", _d("2021-07-30"), _d("2021-07-30"), _d("2022-02-14")),
    LambdaRuntime("nodejs12.x", "nodejs", _d("2023-03-31"), _d("2023-03-31"), _d("2023-04-30")),
    LambdaRuntime("nodejs14.x", "nodejs", _d("2023-12-04"), _d("2024-07-09"), _d("2025-11-01")),
    LambdaRuntime("nodejs16.x", "nodejs", _d("2024-06-12"), _d("2025-10-01"), _d("2025-11-01")),
    LambdaRuntime("nodejs18.x", "nodejs", _d("2025-07-31"), _d("2025-10-01"), _d("2025-11-01")),
    LambdaRuntime("python2.7", "python", _d("2021-07-15"), _d("2021-07-15"), _d("2022-05-30")),
    LambdaRuntime("python3.6", "python", _d("2022-07-18"), _d("2022-07-18"), _d("2022-08-29")),
    LambdaRuntime("python3.7", "python", _d("2023-12-04"), _d("2024-01-09"), _d("2025-11-01")),
    LambdaRuntime("python3.8", "python", _d("2024-10-14"), _d("2025-10-01"), _d("2025-11-01")),
    LambdaRuntime("java8", "java", _d("2024-01-08"), _d("2024-02-08"), _d("2025-11-01")),
    LambdaRuntime("ruby2.5", "ruby", _d("2021-07-30"), _d("2021-07-30"), _d("2022-03-31")),
    LambdaRuntime("ruby2.7", "ruby", _d("2023-12-07"), _d("2024-01-09"), _d("2025-11-01")),
    LambdaRuntime("dotnetcore1.0", "dotnet", _d("2019-06-27"), _d("2019-07-30"), _d("2019-07-30"), _DOTNET),
    LambdaRuntime("dotnetcore2.0", "dotnet", _d("2019-05-30"), _d("2019-05-30"), _d("2019-05-30"), _DOTNET),
    LambdaRuntime("dotnetcore2.1", "dotnet", _d("2022-01-05"), _d("2022-01-05"), _d("2022-04-13"), _DOTNET),
    LambdaRuntime("dotnetcore3.1", "dotnet", _d("2023-04-03"), _d("2023-04-03"), _d("2023-05-03"), _DOTNET),
    LambdaRuntime("dotnet6", "dotnet", _d("2024-11-12"), _d("2025-10-01"), _d("2025-11-01"), _DOTNET),
    LambdaRuntime("dotnet7", "dotnet", _d("2024-05-14"), _d("2024-05-14"), _d("2024-05-14"), _DOTNET),
    LambdaRuntime("provided", "provided", _d("2024-01-08"), _d("2024-02-08"), _d("2025-11-01")),
    LambdaRuntime("go1.x", "go", _d("2024-01-08"), _d("2024-02-08"), _d("2025-11-01"), _GO, "provided.al2023"),
)

# Runtimes with a scheduled (or recently reached) deprecation date; block dates unknown.
_SCHEDULED = (
    LambdaRuntime("nodejs20.x", "nodejs", _d("2026-04-30")),
    LambdaRuntime("nodejs22.x", "nodejs", _d("2027-04-30")),
    LambdaRuntime("nodejs24.x", "nodejs", _d("2028-04-30")),
    LambdaRuntime("python3.9", "python", _d("2025-12-15")),
    LambdaRuntime("python3.10", "python", _d("2026-06-30")),
    LambdaRuntime("python3.11", "python", _d("2026-06-30")),
    LambdaRuntime("python3.12", "python", _d("2028-10-31")),
    LambdaRuntime("python3.13", "python", _d("2029-06-30")),
    LambdaRuntime("python3.14", "python", _d("2029-06-30")),
    LambdaRuntime("java8.al2", "java", _d("2026-06-30")),
    LambdaRuntime("java11", "java", _d("2026-06-30")),
    LambdaRuntime("java17", "java", _d("2026-06-30")),
    LambdaRuntime("java21", "java", _d("2029-06-30")),
    LambdaRuntime("java25", "java", _d("2029-06-30")),
    LambdaRuntime("ruby3.2", "ruby", _d("2026-03-31")),
    LambdaRuntime("ruby3.3", "ruby", _d("2027-03-31")),
    LambdaRuntime("ruby3.4", "ruby", _d("2028-03-31")),
    LambdaRuntime("dotnet8", "dotnet", _d("2026-11-10"), rebuild=_DOTNET),
    LambdaRuntime("dotnet10", "dotnet", _d("2028-11-14"), rebuild=_DOTNET),
    LambdaRuntime("provided.al2", "provided", _d("2026-06-30")),
    LambdaRuntime("provided.al2023", "provided", _d("2029-06-30")),
)

RUNTIMES: dict[str, LambdaRuntime] = {r.identifier: r for r in _DEPRECATED + _SCHEDULED}
"""Every runtime identifier tffix knows, by identifier."""

# Each family's runtimes, oldest first: within a family the rows above are in release order.
_FAMILIES: dict[str, list[LambdaRuntime]] = {}
for _r in _DEPRECATED + _SCHEDULED:
    _FAMILIES.setdefault(_r.family, []).append(_r)


def runtime(identifier: str) -> LambdaRuntime | None:
    """The row of a runtime identifier, or None for one tffix does not know."""
    return RUNTIMES.get(identifier)


def successor(row: LambdaRuntime, as_of: dt.date) -> LambdaRuntime | None:
    """The oldest runtime of ``row``'s family newer than ``row`` that is not deprecated, nor
    due to be within :data:`EARLY_WARNING_DAYS`, on ``as_of`` (None when the table has
    none); ``row.successor`` when it names one."""
    if row.successor is not None:
        return RUNTIMES[row.successor]
    horizon = as_of + dt.timedelta(days=EARLY_WARNING_DAYS)
    family = _FAMILIES.get(row.family, [])
    for candidate in family[family.index(row) + 1 :] if row in family else ():
        if candidate.deprecated is None or candidate.deprecated > horizon:
            return candidate
    return None
