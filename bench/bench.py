"""tffix's benchmark: speed and memory against its peers, measured in one process and one run.

Usage (from the repository root, with the test extra installed)::

    python bench/bench.py                      # the shared corpus, results to bench/RESULTS.md
    python bench/bench.py DIR [DIR...]         # other directories of .tf / .tfvars / .hcl files
    python bench/bench.py --quick              # fewer rounds and no 30 MB file, for a smoke run

What it measures (see issue 6 for the targets; none of this is a test assertion):

* throughput of a lossless round trip, ``fixer.parse(t).code == t``, against
  python-hcl2's ``hcl2.loads`` (the lossy Python peer) and pygohcl's ``loadb``
  (HashiCorp's Go parser), on the files all three accept, alternating the three
  over several rounds so that machine noise hits them alike; the median round
  is reported;
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


def throughput(files: list[tuple[Path, str]], rounds: int) -> dict[str, object]:
    import hcl2
    import pygohcl

    import fixer

    def accepted(fn, text: str) -> bool:
        try:
            fn(text)
        except Exception:  # noqa: BLE001 - a peer's rejection, whatever it raises
            return False
        return True

    def tffix_roundtrip(text: str) -> None:
        if fixer.parse(text).code != text:
            raise AssertionError("round trip lost bytes")

    datas = [(text, text.encode("utf-8")) for _, text in files]
    common = [
        (t, b) for t, b in datas
        if accepted(tffix_roundtrip, t) and accepted(hcl2.loads, t) and accepted(pygohcl.loadb, b)
    ]
    size_mb = sum(len(b) for _, b in common) / 1e6
    contenders = {
        "tffix parse + print": lambda: [tffix_roundtrip(t) for t, _ in common],
        "python-hcl2 hcl2.loads": lambda: [hcl2.loads(t) for t, _ in common],
        "pygohcl loadb": lambda: [pygohcl.loadb(b) for _, b in common],
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]  # rotate who goes first
        for name in order:
            start = time.perf_counter()
            contenders[name]()
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    return {
        "files": len(common),
        "skipped": len(datas) - len(common),
        "size_mb": size_mb,
        "rounds": rounds,
        "mbps": {name: size_mb / t for name, t in medians.items()},
    }


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

    out = [f"tffix {fixer.__version__}"]
    for dist in ("python-hcl2", "pygohcl", "lark"):
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
        f"{tp['files']} files accepted by all three parsers ({tp['size_mb']:.2f} MB; "
        f"{tp['skipped']} left out because a peer rejects them), {tp['rounds']} rounds.",
        "",
        "| parser | MB/s | tffix is |",
        "|---|---:|---:|",
    ]
    ours = tp["mbps"]["tffix parse + print"]
    for name, mbps in tp["mbps"].items():
        ratio = "—" if name.startswith("tffix") else f"{ours / mbps:.2f}x its speed"
        lines.append(f"| {name} | {mbps:.3f} | {ratio} |")
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
    parser.add_argument("--no-scale-runs", action="store_true", help="skip bench/runs.py (-j1/-j2, trees, fleet)")
    args = parser.parse_args(argv)

    directories = args.paths or (corpus_directories() if CORPUS.is_dir() else [])
    if not directories:
        parser.error("no input: ../shared/corpus is absent; name a directory")
    files = read_files(directories)
    inputs = "the valid files of ../shared/corpus" if not args.paths else ", ".join(map(str, args.paths))
    rounds = 3 if args.quick else 7
    print(f"measuring throughput on {len(files)} files...", file=sys.stderr)
    tp = throughput(files, rounds)
    print("measuring start-up...", file=sys.stderr)
    start = startup(5 if args.quick else 15)
    print("measuring whole runs...", file=sys.stderr)
    runs = whole_runs(directories)
    print("measuring single generated files...", file=sys.stderr)
    sizes = [10_000, 1_000_000] if args.quick else [10_000, 1_000_000, 10_000_000, 30_000_000]
    scale = scaling(sizes)
    report = render(tp, start, runs, scale, inputs)
    if not args.no_scale_runs:  # issue 17 items 2-5: bench/runs.py, its own sections
        import runs as scale_runs

        report += "\n" + scale_runs.main(["--quick"] if args.quick else [])
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
