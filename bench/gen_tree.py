"""Generate synthetic Terraform trees for the scale benchmarks (bench/runs.py); nothing is committed.

``module_tree(root, n)`` writes ``n`` small modules ``root/modules/mNNNN/`` (two ``.tf`` files
each, a few resources, one finding in every tenth module) plus ``root/live/`` modules that call
some of them through ``module "x" { source = "../../modules/mNNNN" }``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["module_tree", "write_module"]


def _main_tf(i: int, callee: int | None) -> str:
    name = f"svc-{i:04d}" + ("-with-a-name-far-too-long-for-a-target-group" if i % 10 == 0 else "")
    call = (
        f'\nmodule "dep" {{\n  source = "../m{callee:04d}"\n  env    = var.env\n}}\n' if callee is not None else ""
    )
    return f'''resource "aws_lb_target_group" "tg" {{
  name        = "{name}"
  port        = {8000 + i % 1000}
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "ip"

  health_check {{
    path    = "/health"
    matcher = "200-399"
  }}
}}

resource "aws_security_group" "sg" {{
  name   = "svc-{i:04d}-sg"
  vpc_id = var.vpc_id

  tags = {{
    Name  = "svc-{i:04d}"
    Index = "{i}"
  }}
}}
{call}'''


_VARIABLES = '''variable "env" {
  type    = string
  default = "dev"
}

variable "vpc_id" {
  type    = string
  default = "vpc-123"
}

output "target_group_arn" {
  value = aws_lb_target_group.tg.arn
}
'''


def write_module(directory: Path, i: int, callee: int | None = None) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "main.tf").write_text(_main_tf(i, callee), encoding="utf-8")
    (directory / "variables.tf").write_text(_VARIABLES, encoding="utf-8")


def module_tree(root: Path, modules: int, *, calls: bool = True) -> list[Path]:
    """``modules`` modules under ``root/modules``; module i calls module i-1 in one of every 50."""
    out = []
    for i in range(modules):
        callee = i - 1 if calls and i % 50 == 1 else None
        directory = root / "modules" / f"m{i:04d}"
        write_module(directory, i, callee)
        out.append(directory)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--modules", type=int, default=3000)
    args = parser.parse_args()
    module_tree(args.root, args.modules)
