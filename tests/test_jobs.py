"""``--jobs N``: modules checked in worker processes give the results of one process, in its order."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_paths import CORPUS, requires_shared
from rule_cases import CORPUS_RULES, CORPUS_SEEDS

import fixer
from fixer import api, parallel
from fixer.cli import main
from fixer.findings import Finding
from fixer.rules import registry
from fixer.rules.base import Rule


@pytest.fixture(autouse=True)
def _always_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the workers: a pool even for small inputs."""
    monkeypatch.setattr(parallel, "SMALL_RUN_BYTES", 0)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and every fixture case (before/ and after/), copied: about 180 modules."""
    root = tmp_path_factory.mktemp("jobs")
    shutil.copytree(CORPUS_SEEDS, root / "seeds", symlinks=True)
    shutil.copytree(CORPUS_RULES, root / "rules", symlinks=True)
    return root


@pytest.mark.parametrize("fix,unsafe", [(False, False), (True, True)])
def test_two_jobs_give_the_results_of_one(tree: Path, fix: bool, unsafe: bool) -> None:
    one = fixer.check_paths([tree], jobs=1, fix=fix, unsafe=unsafe, config=False)
    two = fixer.check_paths([tree], jobs=2, fix=fix, unsafe=unsafe, config=False)
    assert len({Path(r.path).parent for r in one}) > 100
    assert any(r.findings for r in one) and (not fix or any(r.changed for r in one))
    assert [r.path for r in two] == [r.path for r in one]  # the same order
    assert two == one  # findings with fixes and edits, fixed text, problems, errors
    three = fixer.check_paths([tree], jobs=3, fix=fix, unsafe=unsafe, config=False)
    assert three == one


def test_shared_file_findings_go_with_the_first_module_whatever_the_jobs(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "tests" / "test_stack.py").write_text("import aws_cdk as cdk\n", encoding="utf-8")
    for name in ("a", "b", "c", "d"):
        (repo / name).mkdir()
        (repo / name / "main.tf").write_text("locals {\n  x = 1\n}\n", encoding="utf-8")
    one = fixer.check_paths([repo], jobs=1, config=False)
    assert [f.rule for r in one for f in r.findings] == ["REPO001"]
    assert fixer.check_paths([repo], jobs=4, config=False) == one


@requires_shared
def test_two_jobs_give_the_results_of_one_on_real_modules() -> None:
    roots = sorted(d for d in CORPUS.iterdir() if d.is_dir() and d.name.startswith("terraform-aws-modules__"))[:6]
    assert roots
    one = fixer.check_paths(roots, jobs=1, fix=True, unsafe=True)
    assert fixer.check_paths(roots, jobs=2, fix=True, unsafe=True) == one


def test_spawned_workers_give_the_same_results(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tree / "seeds"
    one = fixer.check_paths([seeds], jobs=1, fix=True, unsafe=True, config=False)
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    assert fixer.check_paths([seeds], jobs=2, fix=True, unsafe=True, config=False) == one


# ---- failures in workers ------------------------------------------------------------------


def test_an_exception_in_a_worker_is_an_error_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text("locals {\n  x = 1\n}\n", encoding="utf-8")

    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "fix_module", broken)  # forked workers inherit the patch
    one = fixer.check_paths([tmp_path], jobs=1, config=False)
    two = fixer.check_paths([tmp_path], jobs=2, config=False)
    assert two == one
    assert len(one) == 3 and all("internal error" in r.error and "RuntimeError: boom" in r.error for r in one)
    assert all(r.problems[0].kind == "internal-error" for r in one)


def test_an_unexpected_failure_outside_the_rules_is_an_error_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.tf").write_text("locals {\n  x = 1\n}\n", encoding="utf-8")

    def broken(*_a, **_k):
        raise KeyError("values")

    monkeypatch.setattr(api, "module_values", broken)
    [result] = fixer.check_paths([tmp_path], config=False)
    assert result.error and "internal error" in result.error and "KeyError" in result.error


def test_a_worker_that_dies_is_retried_here(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tree / "rules" / "AWS001"
    one = fixer.check_paths([rules], jobs=1, fix=True, config=False)
    parent = os.getpid()
    original = api._check_module
    here: list[str] = []

    def dying(job):
        if job.module.directory == rules / "seed-target-group" / "before":
            if os.getpid() != parent:
                os._exit(3)  # the worker dies without a word: the pool breaks
            here.append(job.module.directory.parent.name)
        return original(job)

    monkeypatch.setattr(api, "_check_module", dying)
    assert (rules / "seed-target-group").is_dir()
    assert fixer.check_paths([rules], jobs=2, fix=True, config=False) == one
    assert here == ["seed-target-group"]  # checked again in this process
    assert multiprocessing.active_children() == []


class Noisy(Rule):
    """Prints: a worker must not."""

    code = "TST950"
    name = "noisy"
    fix_availability = "never"

    def check(self, ctx):
        print("NOISE-OUT")
        print("NOISE-ERR", file=sys.stderr)
        os.write(1, b"NOISE-FD\n")
        for file in ctx.module.files:
            yield Finding("TST950", "noisy", file.path, 1, 1, 1, 2, 0, 1)


def test_workers_print_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(registry, "RULES", [Noisy])
    results = fixer.check_paths([tmp_path], jobs=2, config=False)
    assert [f.rule for r in results for f in r.findings] == ["TST950"] * 3
    out, err = capfd.readouterr()
    assert "NOISE" not in out and "NOISE" not in err


def test_an_interrupt_stops_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c", "d"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text("x = 1\n", encoding="utf-8")
    parent = os.getpid()
    original = api._check_module

    def slow(job):
        if os.getpid() != parent:
            time.sleep(60)
        return original(job)

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "_check_module", slow)
    previous = signal.signal(signal.SIGALRM, interrupt)
    started = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with pytest.raises(KeyboardInterrupt):
            fixer.check_paths([tmp_path], jobs=2, config=False)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 20  # the sleeping workers were stopped, not waited for
    assert multiprocessing.active_children() == []


def test_run_ordered_keeps_the_order_and_runs_in_process_for_one_job() -> None:
    items = list(range(20))
    assert parallel.run_ordered(abs, [-i for i in items], 2, weights=[float(i) for i in items]) == items
    pids = parallel.run_ordered(_pid, [0, 1], 1)
    assert pids == [os.getpid()] * 2
    assert set(parallel.run_ordered(_pid, list(range(8)), 2)) - {os.getpid()}  # workers did the work
    assert parallel.default_jobs() >= 1


def test_plan_workers_uses_no_pool_for_small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "SMALL_RUN_BYTES", 1000)
    monkeypatch.delenv("TFFIX_FORCE_POOL", raising=False)
    assert parallel.plan_workers(2, [600.0, 600.0]) == 2
    assert parallel.plan_workers(4, [600.0, 600.0]) == 2  # no more workers than jobs
    assert parallel.plan_workers(2, [400.0, 400.0]) == 1  # small: no pool
    assert parallel.plan_workers(2, [1200.0]) == 1  # one job
    assert parallel.plan_workers(1, [600.0, 600.0]) == 1
    monkeypatch.setenv("TFFIX_FORCE_POOL", "1")
    assert parallel.plan_workers(2, [400.0, 400.0]) == 2


def test_plan_workers_uses_no_pool_when_one_job_dominates(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that one big module makes long: a second process could take only the small rest."""
    monkeypatch.setattr(parallel, "SMALL_RUN_BYTES", 1000)
    monkeypatch.delenv("TFFIX_FORCE_POOL", raising=False)
    assert parallel.plan_workers(2, [5000.0, 300.0, 100.0]) == 1  # at most 400 bytes saved: under 500
    assert parallel.plan_workers(4, [5000.0, 300.0, 100.0, 50.0]) == 1
    assert parallel.plan_workers(2, [5000.0, 400.0, 200.0]) == 2  # 600 bytes can run beside the big one
    assert parallel.plan_workers(4, [600.0, 600.0, 600.0, 600.0]) == 4
    monkeypatch.setenv("TFFIX_FORCE_POOL", "1")
    assert parallel.plan_workers(2, [5000.0, 300.0, 100.0]) == 2


def test_batches_group_small_jobs_and_keep_heavy_ones_alone() -> None:
    weights = [100.0, 1.0, 1.0, 1.0, 1.0, 50.0, 1.0, 1.0]
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    cut = parallel.batches(order, weights, 2)
    assert [i for batch in cut for i in batch] == order  # every job once, in the order given
    assert cut[0] == [0] and cut[1] == [5]  # the heavy ones alone, first
    assert len(cut) < len(weights)  # the light ones share batches
    assert [i for b in parallel.batches(list(range(100)), None, 2) for i in b] == list(range(100))


def _pid(_item: int) -> int:
    return os.getpid()


# ---- the command line ---------------------------------------------------------------------


def test_cli_jobs_output_is_the_same(tree: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["check", "--no-cache", "--jobs", jobs, "--format", "json", str(tree / "seeds")])
        outputs.append((result.exit_code, result.output))
    assert outputs[0] == outputs[1] and outputs[0][0] == 1 and '"AWS001"' in outputs[0][1]
    default = runner.invoke(main, ["check", "--no-cache", "--format", "json", str(tree / "seeds")])
    assert (default.exit_code, default.output) == outputs[0]


def test_cli_rejects_zero_jobs(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("x = 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "0", str(tmp_path)])
    assert result.exit_code == 2 and "--jobs" in result.output


def test_start_up_does_not_import_the_pool_or_the_cache() -> None:
    code = (
        "import sys\n"
        "from fixer.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('concurrent.futures', 'multiprocessing', 'fixer.cache', 'fixer.parallel') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"
