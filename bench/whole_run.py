"""Whole-run time of ``tffix check`` on the shared corpus: this tree against another revision,
measured alternately in one run so that machine noise hits both alike.

Usage (from the repository root)::

    python bench/whole_run.py                 # against ef61cd3, main before the rule platform
    python bench/whole_run.py REV --rounds 5  # another revision, more rounds

The other revision is checked out with ``git worktree add --detach`` into a temporary
directory and run from its ``src/`` with this interpreter (``--jobs 1 --no-cache``, the
valid corpus directories). Prints each round and the medians. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
BEFORE_PLATFORM = "ef61cd3"


def _run(src: Path, directories: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(src), TFFIX_NO_CACHE="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "fixer", "check", "--jobs", "1", "--no-cache", *directories],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rev", nargs="?", default=BEFORE_PLATFORM)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    directories = sorted(str(d) for d in CORPUS.iterdir() if d.is_dir() and d.name != "invalid")
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), args.rev],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            times: dict[str, list[float]] = {args.rev: [], "this tree": []}
            for round_number in range(args.rounds):
                times[args.rev].append(_run(other / "src", directories))
                times["this tree"].append(_run(ROOT / "src", directories))
                print(f"round {round_number + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    before, after = statistics.median(times[args.rev]), statistics.median(times["this tree"])
    print(f"median: {args.rev} {before:.2f} s, this tree {after:.2f} s ({before / after:.2f}x)")


if __name__ == "__main__":
    main()
