"""The ``tffix`` command line. Only this module touches the terminal and exits."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

HCL_SUFFIXES = (".tf", ".tfvars", ".hcl")


def iter_hcl_files(paths: tuple[str, ...]) -> list[Path]:
    """The HCL files named by ``paths``: files as given, directories walked, sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(HCL_SUFFIXES)))
        else:
            out.append(path)
    return out


@click.group(invoke_without_command=False)
@click.version_option(__version__, prog_name="tffix")
def main() -> None:
    """Repair Terraform configurations that fail when deployed to AWS."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def roundtrip(paths: tuple[str, ...]) -> None:
    """Parse each file and check that printing the tree gives back every byte."""
    from .syntax.parser import parse
    from .errors import ParseError

    failures = 0
    files = iter_hcl_files(paths)
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8")
            tree = parse(text, str(path))
        except ParseError as e:
            click.echo(f"error: {e}", err=True)
            failures += 1
            continue
        except (OSError, UnicodeDecodeError) as e:
            click.echo(f"error: {path}: {e}", err=True)
            failures += 1
            continue
        same = tree.code == text
        click.echo(f"{path}: {'ok' if same else 'MISMATCH'} ({len(text.encode())} bytes)")
        failures += not same
    click.echo(f"{len(files) - failures} of {len(files)} files round-trip byte for byte")
    sys.exit(EXIT_ERROR if failures else EXIT_OK)
