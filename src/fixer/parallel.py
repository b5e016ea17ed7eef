"""Running independent jobs (modules) in worker processes, results in the order given.

``run_ordered(fn, items, jobs)`` is ``[fn(item) for item in items]`` computed by up
to ``jobs`` processes. ``fn`` must be a module-level function and never raise (a
module's failure is an error result of its own); the items and results must be
picklable. With one item or ``jobs == 1`` it runs in this process, without a pool.
Otherwise the items go to the workers in batches (:func:`batches`), heaviest first. :func:`plan_workers` says when a pool is worth it at all.

Workers ignore SIGINT (the terminal sends it to the whole process group) and die
on SIGTERM; this process gets the interrupt, stops the workers (by their process
ids) and re-raises it. Workers print nothing: their stdout and stderr go to the
null device. A job whose result cannot come back (a worker that died, an item or
result that does not pickle) is run again here, so the results are the ones a
single process gives. ``concurrent.futures`` is imported on first use only, so
start-up (``tffix --version``) does not pay for it.

The start method is ``fork`` where the platform has it (the workers then start
with tffix already imported, and see rules added at run time); ``START_METHOD``
overrides it (``"spawn"``, ``"forkserver"``), and every function here works with
``spawn``.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Sequence, TypeVar

__all__ = ["default_jobs", "plan_workers", "run_ordered", "START_METHOD", "SMALL_RUN_BYTES"]

T = TypeVar("T")
R = TypeVar("R")

START_METHOD: str | None = None  # None: "fork" where available, else the platform's default


def default_jobs() -> int:
    """The number of cores this process may use."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return max(1, counter() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


SMALL_RUN_BYTES = 256 * 1024  # below this much input a pool costs more than it saves
BATCHES_PER_WORKER = 4  # jobs are sent in about this many batches per worker (fewer round trips)


def plan_workers(jobs: int, weights: Sequence[float]) -> int:
    """How many processes to use for jobs of these ``weights`` (bytes of input), at most ``jobs``.

    One (no pool) when there is one job, when the whole input is under
    :data:`SMALL_RUN_BYTES`, or when the work that workers could take off the longest
    chain is under half of it: ``w`` workers finish no sooner than the heaviest job and
    than ``total / w``, so at most ``total - max(heaviest, total / w)`` bytes of checking
    are saved, and a pool whose start-up and result transfer cost about as much as checking
    ``SMALL_RUN_BYTES / 2`` (two equal halves of a small run) cannot pay for itself. For
    jobs of even size this is the size rule again; it adds the runs that one big module
    dominates, where a second process has little to do.
    ``TFFIX_FORCE_POOL=1`` uses a pool whatever the size (tests of the workers).

    The load average is not consulted: measured on a shared 2-core machine at a load
    average of 8-10 (bench/RESULTS.md), two workers were still 1.2-1.9x faster than one
    process, since each worker gets its own share of the busy cores.
    """
    if jobs <= 1 or len(weights) < 2:
        return 1
    workers = min(jobs, len(weights))
    if os.environ.get("TFFIX_FORCE_POOL") == "1":
        return workers
    total = sum(weights)
    saved = total - max(max(weights), total / workers)  # the most a pool can take off the run
    if total < SMALL_RUN_BYTES or saved < SMALL_RUN_BYTES / 2:
        return 1
    return workers


def batches(order: Sequence[int], weights: Sequence[float] | None, workers: int) -> list[list[int]]:
    """``order`` cut into consecutive batches of about ``total / (workers * BATCHES_PER_WORKER)``
    weight each (a heavier item is a batch of its own), so that many small jobs cost few round trips."""
    if weights is None:
        size = max(1, len(order) // (workers * BATCHES_PER_WORKER))
        return [list(order[i:i + size]) for i in range(0, len(order), size)]
    target = sum(weights[i] for i in order) / (workers * BATCHES_PER_WORKER)
    out: list[list[int]] = []
    current: list[int] = []
    total = 0.0
    for i in order:
        if current and total + weights[i] > target:
            out.append(current)
            current, total = [], 0.0
        current.append(i)
        total += weights[i]
    if current:
        out.append(current)
    return out


def _run_batch(fn: Callable[[T], R], items: list[T]) -> list[R]:
    return [fn(item) for item in items]


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the worker's life
    sys.stdout = sys.stderr = devnull
    try:
        os.dup2(devnull.fileno(), 1)
        os.dup2(devnull.fileno(), 2)
    except OSError:
        pass


def _context():
    import multiprocessing

    method = START_METHOD
    if method is None and "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        method = "fork"
    return multiprocessing.get_context(method)


def run_ordered(
    fn: Callable[[T], R], items: Sequence[T], jobs: int, *, weights: Sequence[float] | None = None,
    on_done: Callable[[int], None] | None = None,
) -> list[R]:
    """``[fn(item) for item in items]``, with up to ``jobs`` worker processes.

    ``weights`` (one per item, e.g. bytes of input) only decide the order of submission,
    heaviest first, so that a big job does not start last; the results keep ``items``' order.
    ``on_done(index)`` is called in this process as each item's result arrives (for progress).
    """
    jobs = max(1, min(jobs, len(items)))
    done = on_done or (lambda _: None)
    if jobs == 1:
        out = []
        for i, item in enumerate(items):
            out.append(fn(item))
            done(i)
        return out
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    order = list(range(len(items)))
    if weights is not None:
        order.sort(key=lambda i: -weights[i])
    results: dict[int, R] = {}
    retry: list[int] = []
    import multiprocessing

    others = set(multiprocessing.active_children())  # processes that are not this pool's
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_worker_init)
    try:
        futures = [(batch, executor.submit(_run_batch, fn, [items[i] for i in batch]))
                   for batch in batches(order, weights, jobs)]
        for batch, future in futures:
            try:
                for i, result in zip(batch, future.result()):
                    results[i] = result
                    done(i)
            except BrokenProcessPool:
                retry.extend(batch)
            except Exception:  # noqa: BLE001 - pickling, or a worker's own failure: run it here
                retry.extend(batch)
    except BaseException:
        _stop(executor, others)
        raise
    executor.shutdown(wait=True)
    for i in sorted(retry):
        results[i] = fn(items[i])
        done(i)
    return [results[i] for i in range(len(items))]


def _stop(executor: Any, others: set) -> None:
    """Stop the workers now: cancel what has not started, terminate the processes.

    The pool's processes are the children that were not there before it; the look is
    repeated, because the pool's manager thread may still be starting one while we stop.
    """
    import multiprocessing
    import time

    try:
        executor.shutdown(wait=False, cancel_futures=True)
    except Exception:  # noqa: BLE001
        pass
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        processes = [p for p in multiprocessing.active_children() if p not in others]
        if not processes:
            return
        for process in processes:
            try:
                process.terminate()
            except Exception:  # noqa: BLE001
                pass
        for process in processes:
            try:
                process.join(timeout=2)
                if process.is_alive():  # stuck (e.g. still starting up): it must not outlive us
                    process.kill()
                    process.join(timeout=2)
            except Exception:  # noqa: BLE001
                pass
        time.sleep(0.05)  # a process the manager thread was starting shows up now
