"""What the parser makes of some files, as one JSON line per file: run as a script.

    python tests/parse_outcomes.py FILE...

Each line is ``[file, digest]``, the digest being the SHA-256 of the file's outcome: the
node types in walk order and every token's type, prefix, value, offset, line and column,
then the printed text; or the error message. The first line says which parser made them:
run with ``TFFIX_PURE_PYTHON=1`` in the environment, the pure-Python modules even where the
compiled build (scripts/build_compiled.py) is present, so that tests/test_compiled_parser.py
can compare the two in two processes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from fixer.syntax._pure import COMPILABLE

COMPILED_MODULES = tuple(f"fixer.syntax.{leaf}" for leaf in COMPILABLE)


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
    import fixer.syntax

    print(json.dumps(["compiled" if fixer.syntax.COMPILED else "pure", None]))
    for name in argv:
        text = Path(name).read_bytes().decode("utf-8", "replace")
        print(json.dumps([name, outcome(text)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
