"""Fleets on Dask (issue 17 item 5): ``fixer.fleet.fix_repositories`` on a small ``LocalCluster``."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import fixer  # noqa: E402
from fixer import fleet  # noqa: E402
from fixer.report.diff import render_diff  # noqa: E402

BAD = 'resource "aws_security_group" "a" {\n  name = "sg-%s"\n}\n'
LONG = 'resource "aws_lb_target_group" "t" {\n  name = "%s-a-target-group-name-that-is-far-too-long"\n}\n'


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def repositories(tmp_path: Path) -> list[Path]:
    out = []
    for r in range(3):
        repo = tmp_path / f"repo{r}"
        for m, text in enumerate((BAD, LONG, 'locals {\n  ok = true\n}\n')):
            module = repo / f"mod{m}"
            module.mkdir(parents=True)
            (module / "main.tf").write_text(text % f"r{r}m{m}" if "%s" in text else text, encoding="utf-8")
        out.append(repo)
    return out


def test_results_and_patches_are_those_of_fix_paths_in_order(client, repositories: list[Path]) -> None:  # noqa: ANN001
    got = fleet.fix_repositories(repositories, client=client, unsafe=True, config=False)
    assert [r.path for r in got] == [str(p) for p in repositories]
    for repo, result in zip(repositories, got):
        expected = fixer.fix_paths([repo], unsafe=True, config=False)
        assert result.results == expected
        assert result.patch == render_diff(expected) and "+  name = " in result.patch
        assert len(result.modules) == 3 and not result.failed_modules
        assert all(m.worker and m.worker != "local" for m in result.modules)
    stats = fleet.worker_throughput(got)
    assert sum(n for n, _, _ in stats.values()) == 9


def test_a_failing_module_is_retried_then_reported_never_lost(
    client, repositories: list[Path], monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    attempts = []
    real = fleet._check_module

    def flaky(job):  # noqa: ANN001, ANN202
        if job.module.directory.name == "mod1" and job.module.directory.parent.name == "repo1":
            attempts.append(1)
            raise RuntimeError("worker lost its disk")
        return real(job)

    monkeypatch.setattr(fleet, "_check_module", flaky)
    got = fleet.fix_repositories(repositories, client=client, unsafe=True, config=False, retries=2)
    assert len(attempts) == 3  # the first try and Dask's two retries
    broken = got[1]
    assert [m.directory for m in broken.failed_modules] == [str(repositories[1] / "mod1")]
    errors = [r for r in broken.results if r.error]
    assert [r.path for r in errors] == [str(repositories[1] / "mod1" / "main.tf")]
    assert "worker lost its disk" in errors[0].error
    assert len(broken.results) == 3  # the other modules' results are there
    assert got[0].results == fixer.fix_paths([repositories[0]], unsafe=True, config=False)


def test_cli_fleet_prints_the_patches_and_a_line_per_repository(client, repositories: list[Path], tmp_path: Path) -> None:  # noqa: ANN001
    from click.testing import CliRunner

    from fixer.cli import main

    listing = tmp_path / "repos.txt"
    listing.write_text("".join(f"{p}\n" for p in repositories) + "# a comment\n", encoding="utf-8")
    address = client.scheduler.address
    result = CliRunner().invoke(main, ["fleet", "--scheduler", address, "--unsafe-fixes", str(listing)])
    assert result.exit_code == 0, result.output  # every finding fixed (in the patch; nothing written)
    expected = "".join(render_diff(fixer.fix_paths([p], unsafe=True)) for p in repositories)
    assert result.stdout == expected
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == [str(p) for p in repositories]
    bad = CliRunner().invoke(main, ["fleet", "--scheduler", address, "-"], input=f"{tmp_path / 'nope'}\n")
    assert bad.exit_code == 2 and "not a directory" in bad.output
