"""How check and fix times grow with the number of findings in one file (issue 13, item 7).

Usage (from the repository root)::

    python bench/fix_scaling.py            # 100 and 1,000 findings per file
    python bench/fix_scaling.py 100 3000   # other sizes

For each size it builds one file with that many findings of a rule whose fix
changes the layout around it (AWS002: ``sg-`` security group names, in a
``terraform fmt``-clean file; AWS004: ECS services with a
``deployment_configuration`` block to rewrite) and prints the wall time of a
check and of a fix (the fix loop to its fixpoint) through :func:`fixer.fix_source`.
Time should grow linearly with the number of findings. Not a test: nothing is asserted.
"""

from __future__ import annotations

import sys
import time

import fixer


def security_groups(count: int) -> str:
    return "".join(
        f'resource "aws_security_group" "g{i}" {{\n'
        f'  name        = "sg-web-{i}"\n'
        f'  description = "group {i}"\n'
        f'  vpc_id      = "vpc-1"\n'
        f"}}\n\n"
        for i in range(count)
    )


def ecs_services(count: int) -> str:
    head = 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\n'
    return head + "".join(
        f'resource "aws_ecs_service" "s{i}" {{\n'
        f'  name    = "svc-{i}"\n'
        f'  cluster = "c"\n\n'
        f"  deployment_configuration {{\n"
        f"    maximum_percent         = 200\n"
        f"    minimum_healthy_percent = 100\n"
        f"  }}\n"
        f"}}\n\n"
        for i in range(count)
    )


def timed(text: str, rule: str, fix: bool) -> tuple[float, int]:
    start = time.perf_counter()
    result = fixer.fix_source(text, select=[rule], fix=fix)
    return time.perf_counter() - start, len(result.findings)


def main(sizes: list[int]) -> None:
    print(f"{'rule':<7} {'findings':>8} {'KB':>6} {'check s':>8} {'fix s':>8}")
    for rule, build in (("AWS002", security_groups), ("AWS004", ecs_services)):
        for size in sizes:
            text = build(size)
            check, found = timed(text, rule, fix=False)
            fixing, _ = timed(text, rule, fix=True)
            print(f"{rule:<7} {found:>8} {len(text) // 1024:>6} {check:>8.2f} {fixing:>8.2f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
