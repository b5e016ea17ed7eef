"""Runs at scale (issue 17 items 2-5), measured in one run; ``bench/bench.py`` calls it.

Usage (from the repository root, with the test extra installed)::

    python bench/runs.py                 # print the sections; --output FILE to write them too
    python bench/runs.py --quick         # smaller trees, for a smoke run

Sections (every figure comes from the run that prints it; the machine's 1-minute load
average, ``os.getloadavg()``, is printed with each timing, since other processes share it):

* whole ``tffix check`` runs over the corpus with ``--jobs 1`` and ``--jobs 2`` (cache off),
  alternated, best of three each;
* a generated tree of 3,000 small modules (``bench/gen_tree.py``): cold (no cache) and warm;
* an incremental run, ``--diff-base``, with one change among 1,000 modules in a git repository;
* a fleet on a ``distributed.LocalCluster`` (2 worker processes, 1 thread each) over
  generated repositories, with throughput per worker.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_tree import module_tree, write_module  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus"


def load() -> float:
    return os.getloadavg()[0]


def tffix() -> str:
    found = shutil.which("tffix") or str(Path(sys.executable).with_name("tffix"))
    return found


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process and its children, load average before)."""
    before = load()
    start_cpu = os.times()
    started = time.perf_counter()
    subprocess.run(
        args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        env=None if env is None else {**os.environ, **env},
    )
    wall = time.perf_counter() - started
    end_cpu = os.times()
    cpu = (end_cpu.children_user - start_cpu.children_user) + (end_cpu.children_system - start_cpu.children_system)
    return wall, cpu, before


def jobs_runs(rounds: int) -> list[tuple[str, float, float, float]]:
    """-j1 / -j2 whole runs over the corpus, alternated; each round's (name, wall, cpu, load)."""
    directories = [str(d) for d in sorted(CORPUS.iterdir()) if d.is_dir() and d.name != "invalid"]
    out = []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(rounds):
            for jobs, env, name in ((1, None, "-j 1"), (2, None, "-j 2")):
                wall, cpu, before = timed(
                    [tffix(), "--no-cache", "--isolated", "-q", "-j", str(jobs), *directories], Path(scratch), env
                )
                out.append((name, wall, cpu, before))
    return out


def tree_runs(modules: int) -> list[tuple[str, float, float, float]]:
    """Cold and warm runs over the tree, and a warm run over one of its modules (the fixed
    cost: interpreter start-up, imports, set-up), from which the warm cost per module follows."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        module_tree(root, modules)
        cold = timed([tffix(), "--isolated", "-q", "modules"], root)
        warm = timed([tffix(), "--isolated", "-q", "modules"], root)
        one = timed([tffix(), "--isolated", "-q", "modules/m0001"], root)
        return [("cold (empty cache)", *cold), ("warm (every module cached)", *warm),
                ("warm, one module (the fixed cost)", *one)]


def per_module_note(tree: list[tuple[str, float, float, float]], modules: int) -> str:
    """The warm run's CPU per module beyond the fixed cost, from :func:`tree_runs`' rows."""
    cpu = {name: c for name, _, c, _ in tree}
    warm, one = cpu.get("warm (every module cached)"), cpu.get("warm, one module (the fixed cost)")
    if warm is None or one is None or modules <= 1:
        return ""
    return (f"Warm: {(warm - one) / (modules - 1) * 1000:.3f} ms CPU per module beyond a fixed "
            f"{one:.2f} s CPU (start-up and imports).")


def incremental_run(modules: int) -> list[tuple[str, float, float, float]]:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        module_tree(root, modules)
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
        subprocess.run([*git, "init", "-q", "-b", "main"], cwd=root, check=True)
        subprocess.run([*git, "add", "-A"], cwd=root, check=True)
        subprocess.run([*git, "commit", "-qm", "base"], cwd=root, check=True)
        changed = modules // 2
        write_module(root / "modules" / f"m{changed:04d}", changed + 7)  # one module's files change
        full = timed([tffix(), "--isolated", "--no-cache", "-q", "-j", "1", "modules"], root)
        diff = timed([tffix(), "--isolated", "--no-cache", "-q", "-j", "1", "--diff-base", "main", "modules"], root)
        import fixer

        os.chdir(root)
        checked = {os.path.dirname(r.path) for r in fixer.check_paths(["modules"], config=False, diff_base="main")}
        os.chdir(HERE)
        return [
            (f"whole tree, {modules} modules", *full),
            (f"--diff-base main, one module changed ({len(checked)} checked: it and its callers)", *diff),
        ]


def fleet_run(repositories: int) -> tuple[list[tuple[str, float, float, float]], dict, int]:
    from distributed import Client, LocalCluster

    from fixer.fleet import fix_repositories, worker_throughput

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        paths = []
        for r in range(repositories):
            repo = root / f"repo{r:04d}"
            for m in range(2):
                write_module(repo / f"mod{m}", r * 2 + m)
            paths.append(repo)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            before = load()
            started = time.perf_counter()
            done = fix_repositories(paths, client=client, config=False)
            wall = time.perf_counter() - started
        stats = worker_throughput(done)
        failed = sum(len(r.failed_modules) for r in done)
        return [(f"{repositories} repositories, {2 * repositories} modules, 2 workers", wall, float("nan"), before)], stats, failed


def render(jobs: list, tree: list, incremental: list, fleet: tuple | None, cores: int, tree_size: int) -> str:
    lines = ["## Runs at scale (bench/runs.py)", ""]
    lines.append(f"{cores} cores; `load` is the 1-minute load average just before each run (other agents share the machine).")
    lines += ["", "### Whole check runs over the corpus, `--jobs 1` / `--jobs 2` (cache off)", "",
              "| run | wall s | CPU s | load |", "|---|---:|---:|---:|"]
    for name, wall, cpu, before in jobs:
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {before:.2f} |")
    if jobs:
        best = {n: min(w for name, w, _, _ in jobs if name == n) for n in ("-j 1", "-j 2")}
        pairs = [jobs[i][1] / jobs[i + 1][1] for i in range(0, len(jobs) - 1, 2)]
        lines += ["", f"Best of each: `-j 2` is {best['-j 1'] / best['-j 2']:.2f}x `-j 1`; round by round "
                  + ", ".join(f"{r:.2f}x" for r in pairs) + "."]
    for title, rows in ((f"Module tree ({tree_size} modules)", tree), ("Incremental run", incremental)):
        lines += ["", f"### {title}", "", "| run | wall s | CPU s | load |", "|---|---:|---:|---:|"]
        for name, wall, cpu, before in rows:
            lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {before:.2f} |")
        note = per_module_note(rows, tree_size) if rows is tree else ""
        if note:
            lines += ["", note]
    if fleet is not None:
        rows, stats, failed = fleet
        lines += ["", "### Fleet on a `distributed.LocalCluster`", "", "| run | wall s | load |", "|---|---:|---:|"]
        for name, wall, _, before in rows:
            lines.append(f"| {name} | {wall:.2f} | {before:.2f} |")
        lines += ["", "| worker | modules | KB | busy s | modules/s busy |", "|---|---:|---:|---:|---:|"]
        for worker, (count, nbytes, busy) in stats.items():
            lines.append(f"| {worker} | {count} | {nbytes / 1024:.0f} | {busy:.2f} | {count / busy if busy else 0:.0f} |")
        lines += ["", f"Modules failed after retries: {failed}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    quick = args.quick
    print("runs: -j1 / -j2 over the corpus...", file=sys.stderr)
    jobs = jobs_runs(1 if quick else 3) if CORPUS.is_dir() else []
    print("runs: the module tree...", file=sys.stderr)
    tree_size = 300 if quick else 3000
    tree = tree_runs(tree_size)
    print("runs: incremental...", file=sys.stderr)
    incremental = incremental_run(100 if quick else 1000)
    print("runs: fleet...", file=sys.stderr)
    try:
        fleet = fleet_run(50 if quick else 1000)
    except ImportError:
        fleet = None
    from fixer.parallel import default_jobs

    text = render(jobs, tree, incremental, fleet, default_jobs(), tree_size)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)
    return text


if __name__ == "__main__":
    main()
