"""What the parser makes of some files, as one JSON line per file: run as a script.

    python tests/parse_outcomes.py [--pure] FILE...

Each line is ``[file, digest]``, the digest being the SHA-256 of the file's outcome: the
node types in walk order and every token's type, prefix, value, offset, line and column,
then the printed text; or the error message. ``--pure`` imports the pure-Python modules
even where the compiled build (scripts/build_compiled.py) has left extension modules
beside them, so that tests/test_compiled_parser.py can compare the two in two processes.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import sys
from pathlib import Path

COMPILED_MODULES = (
    "fixer.syntax.tokens", "fixer.syntax.lexer", "fixer.syntax.lalr", "fixer.syntax.printer", "fixer.syntax.builder"
)


class _PureFinder:
    """Finds the hot modules' ``.py`` files, never their compiled extension modules."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name not in COMPILED_MODULES:
            return None
        for entry in sys.path:
            source = Path(entry or ".", *name.split(".")).with_suffix(".py")
            if source.is_file():
                return importlib.util.spec_from_file_location(name, source)
        return None


def outcome(text: str) -> str:
    from fixer import parse
    from fixer.syntax.tokens import Token

    digest = hashlib.sha256()
    try:
        doc = parse(text)
    except ValueError as e:
        digest.update(("error:" + str(e)).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    for node in doc.walk():
        digest.update(type(node).__name__.encode())
    for tok in doc.tokens():
        assert type(tok) is Token
        digest.update(repr((tok.type, tok.prefix, tok.value, tok.start_pos, tok.line, tok.column)).encode("utf-8", "surrogatepass"))
    digest.update(doc.code.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--pure":
        sys.meta_path.insert(0, _PureFinder())  # type: ignore[arg-type]
        argv = argv[1:]
    import fixer.syntax

    print(json.dumps(["compiled" if fixer.syntax.COMPILED else "pure", None]))
    for name in argv:
        text = Path(name).read_bytes().decode("utf-8", "replace")
        print(json.dumps([name, outcome(text)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
