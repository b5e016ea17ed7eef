"""tffix's benchmark: speed and memory against its peers, measured in one process and one run.

Usage (from the repository root, with the test extra installed)::

    python bench/bench.py                      # the shared corpus, results to bench/RESULTS.md
    python bench/bench.py DIR [DIR...]         # other directories of .tf / .tfvars / .hcl files
    python bench/bench.py --quick              # fewer rounds and no 30 MB file, for a smoke run
    python bench/bench.py --throughput-only    # the round-trip table only

With ``pip install -e '.[bench]'`` tree-sitter-hcl is measured too, and after
``python scripts/build_compiled.py`` the compiled parser beside the pure-Python one.

What it measures (see issue 6 for the targets; none of this is a test assertion):

* throughput of a lossless round trip, ``fixer.parse(t).code == t``, with the
  pure-Python parser and (when built) the compiled one, against python-hcl2's
  ``hcl2.loads`` (the lossy Python peer), pygohcl's ``loadb`` (HashiCorp's Go
  parser) and tree-sitter-hcl (when installed), on the files all of them accept,
  alternating them over several rounds so that machine noise hits them alike; the
  median round is reported, in CPU time and wall time, with the load average;
* start-up: ``import fixer`` and ``tffix --version`` in fresh processes;
* a whole ``tffix`` run over the files: wall time and peak memory, with the
  cache off, cold and warm, and with ``--jobs 1`` and ``--jobs 2``, where the
  command line has those options;
* cost per MB and peak memory of single generated files of 10 KB, 1 MB, 10 MB
  and 30 MB, each parsed in a fresh process, to show that cost grows linearly;
* runs at scale, from ``bench/runs.py``: ``--jobs 1`` / ``--jobs 2`` with the load
  average, the 3,000-module tree cold and warm, an incremental ``--diff-base`` run and
  a fleet on a Dask ``LocalCluster``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".tf", ".tfvars", ".hcl")


# ---- inputs ---------------------------------------------------------------------------------


def corpus_directories() -> list[Path]:
    return sorted(d for d in CORPUS.iterdir() if d.is_dir() and d.name != "invalid")


def read_files(directories: list[Path]) -> list[tuple[Path, str]]:
    out = []
    for directory in directories:
        for path in sorted(directory.rglob("*")):
            if path.is_file() and path.name.endswith(SUFFIXES):
                try:
                    out.append((path, path.read_bytes().decode("utf-8")))
                except UnicodeDecodeError:
                    continue
    return out


def generated_hcl(size: int) -> str:
    """About ``size`` bytes of varied, valid HCL: resources, templates, heredocs, comments."""
    chunk = []
    i = 0
    total = 0
    while total < size:
        part = f'''# service {i}
resource "aws_lb_target_group" "svc_{i}" {{
  name        = "tg-${{var.env}}-{i}"
  port        = {8000 + i % 1000}
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "ip"
  tags = merge(local.tags, {{
    Name  = "svc-{i}"
    Index = {i}
  }})

  health_check {{
    path    = "/health/${{lower(var.env)}}"
    matcher = "200-299"
  }}
  user_data = <<-EOT
    #!/bin/bash
    echo "node {i}" > /tmp/id
  EOT
  cidrs = [for s in var.subnets : cidrsubnet(s, 4, {i % 16}) if s != ""]
}}

'''
        chunk.append(part)
        total += len(part)
        i += 1
    return "".join(chunk)


# ---- measuring ------------------------------------------------------------------------------


def _tffix_worker(list_file: str) -> int:
    """``bench.py --roundtrip-worker LIST``: time tffix's round trip over the files named in
    LIST, once per line read from stdin, answering ``wall cpu`` seconds; the first line out
    says which parser is in use (``TFFIX_PURE_PYTHON=1`` picks the pure-Python one)."""
    import gc

    import fixer
    import fixer.syntax

    texts = [Path(name).read_bytes().decode("utf-8") for name in Path(list_file).read_text().splitlines()]
    print("compiled" if fixer.syntax.COMPILED else "pure", flush=True)
    for _ in sys.stdin:
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            if fixer.parse(text).code != text:
                raise AssertionError("round trip lost bytes")
        print(time.perf_counter() - wall, time.process_time() - cpu, flush=True)
    return 0


class _Worker:
    """A process that runs one tffix parser's rounds (see :func:`_tffix_worker`)."""

    def __init__(self, list_file: str, pure: bool) -> None:
        env = {k: v for k, v in os.environ.items() if k != "TFFIX_PURE_PYTHON"}
        if pure:
            env["TFFIX_PURE_PYTHON"] = "1"
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--roundtrip-worker", list_file],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        )
        self.kind = self.proc.stdout.readline().strip()  # type: ignore[union-attr]

    def round(self) -> tuple[float, float]:
        self.proc.stdin.write("go\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]
        wall, cpu = self.proc.stdout.readline().split()  # type: ignore[union-attr]
        return float(wall), float(cpu)

    def close(self) -> None:
        self.proc.stdin.close()  # type: ignore[union-attr]
        self.proc.wait()


def _timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _tree_sitter_parser():  # type: ignore[no-untyped-def]
    """tree-sitter with the HCL grammar (``pip install tree-sitter tree-sitter-hcl``), or None."""
    try:
        import tree_sitter
        import tree_sitter_hcl
    except ImportError:
        return None
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_hcl.language()))


def throughput(files: list[tuple[Path, str]], rounds: int) -> dict[str, object]:
    """Round-trip speed of tffix (pure and, when built, compiled) and its peers, on the files
    all of them accept; rounds alternate who goes first, and the median round counts.

    The tffix parsers each run in a process of their own (the pure one with
    ``TFFIX_PURE_PYTHON=1``); the peers run in this one. Wall and CPU time are both kept:
    on a shared machine CPU time is the steadier measure.
    """
    import hcl2
    import pygohcl

    import fixer

    ts_parser = _tree_sitter_parser()

    def accepted(fn, text) -> bool:  # type: ignore[no-untyped-def]
        try:
            fn(text)
        except Exception:  # noqa: BLE001 - a peer's rejection, whatever it raises
            return False
        return True

    def tffix_roundtrip(text: str) -> None:
        if fixer.parse(text).code != text:
            raise AssertionError("round trip lost bytes")

    def tree_sitter_parse(data: bytes) -> None:
        if ts_parser.parse(data).root_node.has_error:  # type: ignore[union-attr]
            raise ValueError("tree-sitter-hcl found an error")

    datas = [(path, text, text.encode("utf-8")) for path, text in files]
    common = [
        (p, t, b) for p, t, b in datas
        if accepted(tffix_roundtrip, t) and accepted(hcl2.loads, t) and accepted(pygohcl.loadb, b)
        and (ts_parser is None or accepted(tree_sitter_parse, b))
    ]
    size_mb = sum(len(b) for _, _, b in common) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as listing:
        listing.write("\n".join(str(p) for p, _, _ in common))
    workers = {"tffix parse + print (pure Python)": _Worker(listing.name, pure=True)}
    compiled = _Worker(listing.name, pure=False)
    if compiled.kind == "compiled":
        workers["tffix parse + print (compiled)"] = compiled
    else:
        compiled.close()
    contenders = {name: worker.round for name, worker in workers.items()}
    contenders["pygohcl loadb"] = lambda: _timed(lambda: [pygohcl.loadb(b) for _, _, b in common])
    contenders["python-hcl2 hcl2.loads"] = lambda: _timed(lambda: [hcl2.loads(t) for _, t, _ in common])
    if ts_parser is not None:
        contenders["tree-sitter-hcl parse"] = lambda: _timed(
            lambda: [ts_parser.parse(b) for _, _, b in common]  # type: ignore[union-attr]
        )
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    names = list(contenders)
    try:
        for r in range(rounds):
            order = names[r % len(names):] + names[: r % len(names)]  # rotate who goes first
            for name in order:
                times[name].append(contenders[name]())
    finally:
        for worker in workers.values():
            worker.close()
        os.unlink(listing.name)
    return {
        "files": len(common),
        "skipped": len(datas) - len(common),
        "size_mb": size_mb,
        "rounds": rounds,
        "peers": "tffix, pygohcl, python-hcl2" + (", tree-sitter-hcl" if ts_parser is not None else ""),
        "mbps": {name: size_mb / statistics.median(w for w, _ in ts) for name, ts in times.items()},
        "cpu_mbps": {name: size_mb / statistics.median(c for _, c in ts) for name, ts in times.items()},
    }


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def run_timed(argv: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB, exit code) of one command, via GNU time when present."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        prefix = [gnu_time, "-f", "%M", "-o", report.name] if gnu_time else []
        start = time.perf_counter()
        proc = subprocess.run(prefix + argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        peak = 0
        if gnu_time:
            lines = [line for line in Path(report.name).read_text().split() if line.strip().isdigit()]
            peak = int(lines[-1]) if lines else 0
    return wall, peak, proc.returncode


def startup(repeats: int) -> dict[str, float]:
    tffix = shutil.which("tffix")
    out: dict[str, float] = {}
    cases = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "python -c 'import fixer'": [sys.executable, "-c", "import fixer"],
    }
    if tffix:
        cases["tffix --version"] = [tffix, "--version"]
    for name, argv in cases.items():
        out[name] = statistics.median(run_timed(argv)[0] for _ in range(repeats))
    return out


def cli_help() -> str:
    tffix = shutil.which("tffix")
    if not tffix:
        return ""
    return subprocess.run([tffix, "check", "--help"], capture_output=True, text=True).stdout


def whole_runs(directories: list[Path]) -> list[tuple[str, float, int]]:
    """Named whole-run measurements: (what, wall seconds, peak RSS KiB)."""
    tffix = shutil.which("tffix")
    if not tffix:
        return []
    helptext = cli_help()
    has_cache = "--no-cache" in helptext
    has_jobs = "--jobs" in helptext
    paths = [str(d) for d in directories]
    out = []
    with tempfile.TemporaryDirectory() as scratch:
        cwd = Path(scratch)  # the cache, if any, lives in the working directory's .tffix_cache
        base = [tffix, "check"]
        nocache = ["--no-cache"] if has_cache else []
        wall, peak, _ = run_timed(base + nocache + paths, cwd)
        out.append(("tffix check, cache off" if has_cache else "tffix check", wall, peak))
        if has_jobs:
            for jobs in (1, 2):
                wall, peak, _ = run_timed(base + nocache + ["--jobs", str(jobs)] + paths, cwd)
                out.append((f"tffix check --jobs {jobs}, cache off", wall, peak))
        if has_cache:
            shutil.rmtree(cwd / ".tffix_cache", ignore_errors=True)
            wall, peak, _ = run_timed(base + paths, cwd)
            out.append(("tffix check, cold cache", wall, peak))
            wall, peak, _ = run_timed(base + paths, cwd)
            out.append(("tffix check, warm cache", wall, peak))
    return out


# Peak memory is read from /proc/self/status (VmHWM, KiB): unlike getrusage's ru_maxrss, it
# starts afresh at exec, so a child of a large parent does not inherit the parent's peak.
_PARSE_ONE = """
import sys, time
import fixer

def high_water():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1])
    return 0

fixer.parse('a = 1\\n')  # load the tables before measuring
text = open(sys.argv[1], encoding='utf-8').read()
base = high_water()
start = time.perf_counter()
tree = fixer.parse(text)
assert tree.code == text
elapsed = time.perf_counter() - start
peak = high_water()
print(elapsed, base, peak)
"""


def scaling(sizes: list[int]) -> list[tuple[int, float, float, float]]:
    """(bytes, seconds, seconds per MB, peak memory growth / input size) per generated file."""
    out = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            path = Path(scratch) / f"gen-{size}.tf"
            text = generated_hcl(size)
            path.write_text(text, encoding="utf-8")
            runs = []
            for _ in range(3 if size < 5_000_000 else 1):
                proc = subprocess.run(
                    [sys.executable, "-c", _PARSE_ONE, str(path)], capture_output=True, text=True, check=True
                )
                elapsed, base, peak = proc.stdout.split()
                runs.append((float(elapsed), int(base), int(peak)))
            elapsed, base, peak = min(runs)
            nbytes = len(text.encode("utf-8"))
            growth = max(0, peak - base) * 1024 / nbytes  # KiB
            out.append((nbytes, elapsed, elapsed / (nbytes / 1e6), growth))
    return out


# ---- report ---------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def versions() -> str:
    from importlib.metadata import version

    import fixer

    import fixer.syntax

    out = [f"tffix {fixer.__version__} ({'compiled parser built' if fixer.syntax.COMPILED else 'pure Python'})"]
    for dist in ("python-hcl2", "pygohcl", "lark", "tree-sitter", "tree-sitter-hcl", "mypy"):
        try:
            out.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001
            pass
    return ", ".join(out)


def render(tp: dict, start: dict, runs: list, scale: list, inputs: str) -> str:
    lines = [
        "# tffix benchmark results",
        "",
        f"Run on {datetime.date.today().isoformat()}: {machine()}.",
        f"Versions: {versions()}. Inputs: {inputs}.",
        "Produced by `python bench/bench.py`; every figure below comes from that one run.",
        "",
        "## Round-trip throughput (median of alternating rounds)",
        "",
        f"{tp['files']} files accepted by every parser measured ({tp['peers']}; {tp['size_mb']:.2f} MB; "
        f"{tp['skipped']} left out because one of them rejects them), {tp['rounds']} rounds. "
        f"Load average (1, 5, 15 min) before: {tp['load_before']}; after: {tp['load_after']} "
        f"on {os.cpu_count()} cores. CPU time is the process's own (all its threads); wall time "
        "suffers from other processes' load. tffix is timed parsing and printing back each file; "
        "the peers parse only (python-hcl2 and pygohcl build a dict, tree-sitter-hcl a tree).",
        "",
        "| parser | MB/s (CPU time) | MB/s (wall) | speed / pygohcl's (CPU) |",
        "|---|---:|---:|---:|",
    ]
    go_cpu = tp["cpu_mbps"]["pygohcl loadb"]
    for name, mbps in tp["mbps"].items():
        cpu = tp["cpu_mbps"][name]
        lines.append(f"| {name} | {cpu:.3f} | {mbps:.3f} | {cpu / go_cpu:.2f}x |")
    if start:
        lines += ["", "## Start-up (median wall time of fresh processes)", "", "| command | seconds |", "|---|---:|"]
    for name, seconds in start.items():
        lines.append(f"| `{name}` | {seconds:.3f} |")
    if runs:
        lines += ["", "## Whole runs over the inputs", "", "| run | wall s | peak RSS MiB |", "|---|---:|---:|"]
        for name, wall, peak in runs:
            lines.append(f"| {name} | {wall:.2f} | {peak / 1024:.0f} |")
        named = {name: wall for name, wall, _ in runs}
        if "tffix check --jobs 1, cache off" in named and "tffix check --jobs 2, cache off" in named:
            lines.append("")
            lines.append(
                f"`--jobs 2` speed-up over `--jobs 1`: "
                f"{named['tffix check --jobs 1, cache off'] / named['tffix check --jobs 2, cache off']:.2f}x."
            )
        if "tffix check, cold cache" in named and "tffix check, warm cache" in named:
            lines.append(
                f"Warm-cache run speed-up over the cold one: "
                f"{named['tffix check, cold cache'] / named['tffix check, warm cache']:.1f}x."
            )
    if scale:
        lines += [
            "",
            "## Single generated files (each parsed in a fresh process)",
            "",
            "| size | seconds | seconds per MB | peak memory / input size |",
            "|---:|---:|---:|---:|",
        ]
    for nbytes, seconds, per_mb, growth in scale:
        lines.append(f"| {nbytes / 1e6:.2f} MB | {seconds:.3f} | {per_mb:.3f} | {growth:.1f}x |")
    if scale:
        per = [p for _, _, p, _ in scale]
        lines.append("")
        lines.append(f"Time per MB, largest over smallest: {max(per) / min(per):.2f}x.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="directories to measure (default: the shared corpus)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, files up to 1 MB only")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--roundtrip-worker", metavar="LIST", help=argparse.SUPPRESS)
    parser.add_argument("--throughput-only", action="store_true", help="only the round-trip table")
    parser.add_argument("--no-scale-runs", action="store_true", help="skip bench/runs.py (-j1/-j2, trees, fleet)")
    args = parser.parse_args(argv)
    if args.roundtrip_worker:
        return _tffix_worker(args.roundtrip_worker)

    directories = args.paths or (corpus_directories() if CORPUS.is_dir() else [])
    if not directories:
        parser.error("no input: ../shared/corpus is absent; name a directory")
    files = read_files(directories)
    inputs = "the valid files of ../shared/corpus" if not args.paths else ", ".join(map(str, args.paths))
    rounds = 3 if args.quick else 7
    print(f"measuring throughput on {len(files)} files...", file=sys.stderr)
    load_before = load_average()
    tp = throughput(files, rounds)
    tp["load_before"], tp["load_after"] = load_before, load_average()
    start: dict[str, float] = {}
    runs: list = []
    scale: list = []
    if not args.throughput_only:
        print("measuring start-up...", file=sys.stderr)
        start = startup(5 if args.quick else 15)
        print("measuring whole runs...", file=sys.stderr)
        runs = whole_runs(directories)
        print("measuring single generated files...", file=sys.stderr)
        sizes = [10_000, 1_000_000] if args.quick else [10_000, 1_000_000, 10_000_000, 30_000_000]
        scale = scaling(sizes)
    report = render(tp, start, runs, scale, inputs)
    if not args.no_scale_runs and not args.throughput_only:  # issue 17 items 2-5: bench/runs.py, its own sections
        import runs as scale_runs

        report += "\n" + scale_runs.main(["--quick"] if args.quick else [])
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
