"""Build the optional compiled parser: the hot modules of ``fixer.syntax`` through mypyc.

Usage, from the repository root, in the environment tffix is installed in (editable)::

    pip install mypy setuptools      # mypyc comes with mypy; a C compiler is needed
    python scripts/build_compiled.py          # writes the extension modules beside the sources
    python scripts/build_compiled.py --clean  # removes them: back to pure Python

The extension modules (``src/fixer/syntax/lexer.cpython-*.so`` and the rest) are written
in place, next to the ``.py`` files they are compiled from; Python imports an extension
module before a ``.py`` of the same name, so an editable install uses them at once, and
removing them (``--clean``) falls back to the pure-Python modules, which stay the
reference: both give the same trees and the same text (tests/test_compiled_parser.py).
``fixer.syntax.COMPILED`` tells which one is in use, and ``TFFIX_PURE_PYTHON=1`` in the
environment makes tffix use the pure-Python modules even where the compiled ones are built.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))
from fixer.syntax._pure import COMPILABLE  # noqa: E402 - the list of modules, from the package

# The hot path of a round trip: tokens, the lexer, the LALR loop, the node builder, the printer.
MODULES = [f"fixer/syntax/{leaf}.py" for leaf in COMPILABLE]
GROUP = "fixer_syntax"  # mypyc's shared runtime module: fixer_syntax__mypyc


def built_files() -> list[Path]:
    """The extension modules a build leaves in ``src/`` (none after ``--clean``)."""
    out = []
    for module in MODULES:
        stem = (SRC / module).with_suffix("")
        out.extend(stem.parent.glob(stem.name + ".*.so"))
        out.extend(stem.parent.glob(stem.name + ".*.pyd"))
    out.extend(SRC.glob(GROUP + "__mypyc.*"))
    return sorted(out)


def clean() -> None:
    for path in built_files():
        path.unlink()
        print(f"removed {path.relative_to(ROOT)}")


def build() -> None:
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise SystemExit(f"build_compiled: {e.name} is needed: pip install mypy setuptools") from None
    clean()
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(SRC)  # mypyc names modules by their path: fixer/syntax/lexer.py -> fixer.syntax.lexer
        try:
            setup(
                name="tffix-compiled-parser",
                ext_modules=mypycify(
                    # the compiled modules are type-checked; the rest of fixer is only read
                    [
                        *MODULES, "--follow-imports=silent", "--ignore-missing-imports",
                        "--cache-dir", str(Path(scratch) / "mypy_cache"),
                    ],
                    opt_level="3",
                    group_name=GROUP,
                    target_dir=str(Path(scratch) / "c"),
                ),
                script_args=["build_ext", "--inplace", "--build-temp", str(Path(scratch) / "temp")],
            )
        finally:
            os.chdir(cwd)
    shutil.rmtree(SRC / "build", ignore_errors=True)
    for path in built_files():
        print(f"built {path.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args(argv)
    if args.clean:
        clean()
    else:
        build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
