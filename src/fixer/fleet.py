"""Fleets of repositories on Dask: every module of every repository is a task (``pip install 'tffix[dask]'``).

``fix_repositories(paths, client=...)`` plans each repository here (discovery, configuration:
the workers must see the same paths, as on a shared file system or one machine), submits
one task per module to the Dask ``client``, largest modules first, and merges the outcomes
per repository in the order a single ``tffix`` run gives them. Nothing is written.

A task that fails (an exception, or a worker that died: Dask's ``KilledWorker``) is retried
by Dask up to ``retries`` times; a module whose task still fails is reported as an error
result for each of its files (``FleetModule.error``), never dropped. Each result of the
list, ``RepositoryResult``, holds the file results, the patch (a unified diff of the fixes)
and the modules with the worker that checked each and how long it took.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from .api import FileResult, _check_module, _merge_outcomes, _ModuleJob, _ModuleOutcome, _plan_run
from .fixes import Problem

__all__ = ["FleetModule", "RepositoryResult", "fix_repositories", "worker_throughput"]


@dataclass
class FleetModule:
    """One module's task: where it ran, how long it took, and the error if it failed for good."""

    directory: str
    bytes: int
    worker: str | None = None
    seconds: float = 0.0
    error: str | None = None


@dataclass
class RepositoryResult:
    """A repository's results, as :func:`fixer.fix_paths` over it gives them, and its patch."""

    path: str
    results: list[FileResult]
    patch: str
    modules: list[FleetModule] = field(default_factory=list)

    @property
    def failed_modules(self) -> list[FleetModule]:
        return [m for m in self.modules if m.error is not None]


def _run_module(job: _ModuleJob) -> tuple[_ModuleOutcome, str, float]:
    """The task: check one module; with the worker's address and the seconds it took."""
    started = time.perf_counter()
    outcome = _check_module(job)
    worker = "local"
    try:
        from distributed import get_worker

        worker = get_worker().address
    except (ImportError, ValueError):
        pass
    return outcome, worker, time.perf_counter() - started


def _failed(job: _ModuleJob, error: BaseException) -> _ModuleOutcome:
    """Error results for every file of a module whose task failed after its retries."""
    reason = f"{type(error).__name__}: {error}".splitlines()[0]
    results = []
    for key in job.targets:
        message = f"{key}: the fleet worker checking this module failed: {reason}"
        results.append(FileResult(key, None, None, error=message, problems=[Problem("internal-error", None, key, message, None)]))
    return _ModuleOutcome(results, [])


def _weight(job: _ModuleJob) -> int:
    total = 0
    for file in job.module.files:
        try:
            total += os.stat(file).st_size
        except OSError:
            pass
    return total


def fix_repositories(
    paths: Iterable[str | os.PathLike[str]],
    client: Any = None,
    *,
    fix: bool = True,
    unsafe: bool | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    config: bool | str | os.PathLike[str] = True,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    retries: int = 2,
) -> list[RepositoryResult]:
    """Check (and with ``fix``, fix in memory) every repository of ``paths`` on a Dask cluster.

    ``client``: a ``distributed.Client`` (None: the current one, ``distributed.get_client()``).
    The other arguments are :func:`fixer.check_paths`'s. Returns one :class:`RepositoryResult`
    per path, in the order given, each with its files in the order ``fix_paths`` gives.
    """
    from .report.diff import render_diff

    if client is None:
        from distributed import get_client

        client = get_client()
    roots = [os.fspath(p) for p in paths]
    plans = [
        _plan_run([root], select=select, ignore=ignore, unsafe=unsafe, fix=fix, variables=(), var_files=(),
                  config=config, options=options, force_exclude=False, diff_base=None)
        for root in roots
    ]
    tasks = [(r, m, job, _weight(job)) for r, plan in enumerate(plans) for m, job in enumerate(plan.jobs)]
    tasks.sort(key=lambda t: (-t[3], t[0], t[1]))  # largest first; ties in a fixed order
    futures = [
        client.submit(_run_module, job, retries=retries, pure=False, priority=len(tasks) - rank)
        for rank, (_, _, job, _) in enumerate(tasks)
    ]
    outcomes: list[list[_ModuleOutcome | None]] = [[None] * len(plan.jobs) for plan in plans]
    modules: list[list[FleetModule | None]] = [[None] * len(plan.jobs) for plan in plans]
    for (r, m, job, weight), future in zip(tasks, futures):
        info = FleetModule(str(job.module.directory), weight)
        try:
            outcome, info.worker, info.seconds = future.result()
        except Exception as e:  # noqa: BLE001 - retried by Dask already: report it, keep the rest
            outcome = _failed(job, e)
            info.error = f"{type(e).__name__}: {e}".splitlines()[0]
        outcomes[r][m] = outcome
        modules[r][m] = info
    out = []
    for root, plan, found, infos in zip(roots, plans, outcomes, modules):
        results = _merge_outcomes(plan, [o for o in found if o is not None])
        out.append(RepositoryResult(root, results, render_diff(results), [i for i in infos if i is not None]))
    return out


def worker_throughput(repositories: Sequence[RepositoryResult]) -> dict[str, tuple[int, int, float]]:
    """Per worker: (modules, bytes, busy seconds), sorted by worker address."""
    stats: dict[str, list[float]] = {}
    for repository in repositories:
        for module in repository.modules:
            row = stats.setdefault(module.worker or "failed", [0, 0, 0.0])
            row[0] += 1
            row[1] += module.bytes
            row[2] += module.seconds
    return {k: (int(v[0]), int(v[1]), v[2]) for k, v in sorted(stats.items())}
