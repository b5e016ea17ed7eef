"""The public Python API: its surface, its results, its errors, and the docs' pipeline example."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_fix_loop import UppercaseValue

import fixer
from fixer.rules import registry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecs-fargate"


def test_public_surface_is_typed_and_complete() -> None:
    assert (Path(fixer.__file__).parent / "py.typed").is_file()
    for name in fixer.__all__:
        assert getattr(fixer, name) is not None, name
    assert issubclass(fixer.ConfigError, ValueError) and issubclass(fixer.ParseError, ValueError)
    with pytest.raises(AttributeError):
        fixer.no_such_name  # noqa: B018


def test_fix_source_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", [UppercaseValue])
    result = fixer.fix_source('a = "x"\n', "m.tf")
    assert result.code == 'a = "X"\n'
    [finding] = result.findings
    assert (finding.rule, finding.message, finding.line, finding.column) == ("TST001", "lowercase", 1, 1)
    assert finding.fix.title == "Uppercase it" and result.remaining == []
    assert fixer.fix_source('a = "x"\n', fix=False).code == 'a = "x"\n'
    assert fixer.fix_source('a = "x"\n', ignore=["TST"]).findings == []


def test_parse_error_is_an_exception_not_an_exit() -> None:
    with pytest.raises(fixer.ParseError) as info:
        fixer.fix_source("a = \n", "broken.tf")
    assert str(info.value).startswith("broken.tf:")


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        fixer.check_paths([str(tmp_path / "nope")])


def test_paths_results_per_file_and_nothing_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", [UppercaseValue])
    (tmp_path / "a.tf").write_text('a = "x"\n', encoding="utf-8")
    (tmp_path / "b.tf").write_text("b = 1\n", encoding="utf-8")
    (tmp_path / "bad.tf").write_text("c = \n", encoding="utf-8")
    with pytest.raises(TypeError, match="expected a list of paths"):
        fixer.fix_paths(str(tmp_path), config=False)  # type: ignore[arg-type]  # one string: refused
    results = fixer.fix_paths([tmp_path], config=False)
    assert [Path(r.path).name for r in results] == ["a.tf", "b.tf", "bad.tf"]
    a, b, bad = results
    assert a.changed and a.fixed == 'a = "X"\n' and not b.changed
    assert bad.error and bad.error.startswith(str(tmp_path / "bad.tf"))
    assert (tmp_path / "a.tf").read_text() == 'a = "x"\n'
    diff = fixer.unified_diff(results)
    assert f"--- a/{(tmp_path / 'a.tf').as_posix().lstrip('/')}" in diff and '+a = "X"' in diff


def _pipeline_source() -> str:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- pipeline-example -->\n```python\n(.*?)```", text, re.S)
    assert match, "docs/api.md lost its pipeline example"
    return match.group(1)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_docs_pipeline_example_runs(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(EXAMPLE, checkout)
    env = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], [*env, "commit", "-q", "-m", "base"]):
        subprocess.run(["git", *args], cwd=checkout, check=True, capture_output=True)
    namespace: dict = {}
    exec(compile(_pipeline_source(), "docs/api.md", "exec"), namespace)  # noqa: S102
    patch = namespace["remediate"](checkout)
    branch = subprocess.run(["git", "branch", "--show-current"], cwd=checkout, capture_output=True, text=True)
    assert branch.stdout.strip() == "tffix/remediation"
    expected = fixer.fix_paths([str(EXAMPLE)], config=False)
    for result in expected:
        relative = Path(result.path).relative_to(EXAMPLE).as_posix()
        written = (checkout / relative).read_text(encoding="utf-8")
        assert written == result.fixed
        if result.changed:
            assert f"+++ b/{relative}\n" in patch
    assert any(r.changed for r in expected) == bool(patch)
