"""Run the provider-schema validator over ../shared/corpus and print every mismatch.

Each directory of ``.tf`` files is a module; it is checked against the AWS provider version
its ``required_providers`` / ``.terraform.lock.hcl`` pin (the newest bundled schema when
nothing does). Usage: ``python bench/schema_corpus.py [CORPUS]``; prints one line per
mismatch (``path:line:col kind name [version] message``) and a summary with the time spent
loading schemas.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

from fixer.errors import ParseError
from fixer.schema import load_schema
from fixer.schema.validate import validate_block
from fixer.schema.versions import aws_constraints, choose_provider_version, find_lock_files, locked_aws_version
from fixer.syntax.parser import parse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def modules(root: Path) -> dict[Path, list[Path]]:
    out: dict[Path, list[Path]] = defaultdict(list)
    for path in sorted(root.rglob("*.tf")):
        if "invalid" in path.relative_to(root).parts[:1]:
            continue
        # tree-sitter-hcl's real_world_stuff flattens whole repositories into one folder,
        # encoding each file's path with "%": one module per encoded directory
        key = path.parent / path.name.rsplit("%", 1)[0] if "%" in path.name else path.parent
        out[key].append(path)
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else CORPUS
    load_ms = 0.0
    counts: dict[str, int] = defaultdict(int)
    blocks = 0
    by_version: dict[str, int] = defaultdict(int)
    for key, paths in modules(root).items():
        directory = paths[0].parent
        documents = []
        for path in paths:
            try:
                documents.append((str(path.relative_to(root)), parse(path.read_text(encoding="utf-8-sig"), str(path))))
            except (ParseError, UnicodeDecodeError):
                continue
        locks = []
        for lock in find_lock_files(directory):
            try:
                version = locked_aws_version(parse(lock.read_text(encoding="utf-8"), str(lock)))
            except ParseError:
                version = None
            if version:
                locks.append((str(lock), version))
        choice = choose_provider_version(aws_constraints(documents), locks)
        by_version[f"{choice.major}:{choice.source}"] += 1
        if choice.major is None:
            continue
        started = time.perf_counter()
        schema = load_schema(choice.major)
        older = [load_schema(m) for m in range(choice.major - 1, 2, -1)]
        lag = choice.newer_than(schema.provider_version)
        load_ms += (time.perf_counter() - started) * 1000
        for path, document in documents:
            for block in document.body.blocks():
                if block.type not in ("resource", "data"):
                    continue
                blocks += 1
                for m in validate_block(block, schema, older=older, schema_may_lag=lag):
                    counts[m.kind] += 1
                    print(f"{path}:{m.node.line}:{m.node.column} {m.kind} {'.'.join(m.path + (m.name,))} "
                          f"[aws {choice.exact or choice.minimum or choice.major} {choice.source}{' lag' if lag else ''}] {m.message}")
    print(f"# {blocks} resource/data blocks; modules by major:source {dict(by_version)}; "
          f"mismatches {dict(counts)}; schema loading {load_ms:.0f} ms in all", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
