"""Run the provider-schema validator over ../shared/corpus and print every mismatch.

Each directory of ``.tf`` files is a module (tree-sitter-hcl's ``real_world_stuff`` flattens
repositories into one folder, encoding paths with ``%``: one module per encoded directory);
it is checked against the AWS provider version its ``required_providers`` /
``.terraform.lock.hcl`` pin, the newest bundled schema when nothing does.

Usage: ``python bench/schema_corpus.py [CORPUS]``: one line per mismatch
(``path:line kind dotted.name [version source] message``), then a summary on stderr.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

from fixer.errors import ParseError
from fixer.schema.module_check import check_documents, module_provider_version
from fixer.syntax.parser import parse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_modules(root: Path) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(root.rglob("*.tf")):
        if path.relative_to(root).parts[0] == "invalid":
            continue
        key = str(path.parent / path.name.rsplit("%", 1)[0]) if "%" in path.name else str(path.parent)
        out[key].append(path)
    return out


def corpus_mismatches(root: Path = CORPUS):
    """Yield (relative path, mismatch, check) for every mismatch in the corpus."""
    for paths in corpus_modules(root).values():
        documents = []
        for path in paths:
            try:
                documents.append((path.relative_to(root).as_posix(), parse(path.read_text(encoding="utf-8-sig"), str(path))))
            except (ParseError, UnicodeDecodeError):
                continue
        check = check_documents(documents, module_provider_version(documents, paths[0].parent))
        for path, mismatch in check.mismatches:
            if mismatch.certain:  # an unbounded for_each only may make too many blocks: never an AWS104 finding
                yield path, mismatch, check


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else CORPUS
    started = time.perf_counter()
    counts: dict[str, int] = defaultdict(int)
    for path, m, check in corpus_mismatches(root):
        counts[m.kind] += 1
        print(f"{path}:{m.node.line} {m.kind} {'.'.join(m.path + (m.name,))} [{check.note}] {m.message}")
    print(f"# mismatches {dict(counts)} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
