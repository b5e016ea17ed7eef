"""Third-party rules: the ``tffix.rules`` entry point, ``fix_source(rules=...)``, fixer.testing.

The example plugin of ``examples/tffix-bucket-case`` is installed the way pip lays a
package out (the package plus a ``.dist-info`` with ``entry_points.txt``) in a directory
put on ``sys.path``, which is what ``importlib.metadata`` reads.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import fixer
from fixer.rules import PluginError, all_rules, plugin_rules, rule_by_code
from fixer.testing import assert_fix

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "tffix-bucket-case"
BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "Team_Logs"\n}\n'


def _install(site: Path, entry_point: str = "bucket-case = tffix_bucket_case:BucketNameCase") -> None:
    shutil.copytree(EXAMPLE / "src" / "tffix_bucket_case", site / "tffix_bucket_case")
    info = site / "tffix_bucket_case-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tffix-bucket-case\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[tffix.rules]\n{entry_point}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    plugin_rules.cache_clear()
    yield path
    plugin_rules.cache_clear()
    sys.modules.pop("tffix_bucket_case", None)
    importlib.invalidate_caches()


def test_an_installed_plugin_runs_everywhere_rules_run(site: Path, tmp_path: Path) -> None:
    _install(site)
    rule = rule_by_code("XMP001")
    assert rule is not None and rule in all_rules()
    [finding] = fixer.fix_source(BUCKET, select=["XMP"], fix=False).findings
    assert finding.rule == "XMP001" and "uppercase letters and \"_\"" in finding.message
    assert fixer.fix_source(BUCKET, select=["XMP"], unsafe=True).code == BUCKET.replace("Team_Logs", "team-logs")
    # The command line, in a fresh process, finds it through the same entry point.
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text(BUCKET)
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    listed = subprocess.run([sys.executable, "-m", "fixer", "rules"], capture_output=True, text=True, env=env)
    assert "XMP001  bucket-name-case" in listed.stdout, listed.stderr
    checked = subprocess.run(
        [sys.executable, "-m", "fixer", "check", "--isolated", "--no-cache", "--select", "XMP", str(tmp_path / "m")],
        capture_output=True, text=True, env=env,
    )
    assert checked.returncode == 1 and "XMP001" in checked.stdout, checked.stdout + checked.stderr


def test_a_broken_plugin_is_one_clear_error(site: Path, tmp_path: Path) -> None:
    _install(site, "broken = tffix_bucket_case_missing:Rule")
    with pytest.raises(PluginError, match="entry point 'broken'.*ModuleNotFoundError"):
        all_rules()
    (tmp_path / "main.tf").write_text('variable "a" {}\n')
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-m", "fixer", "check", "--no-cache", str(tmp_path)],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 2 and run.stderr.startswith("error: tffix.rules entry point 'broken'")
    assert len(run.stderr.splitlines()) == 1


def test_fix_source_takes_the_callers_rule_classes() -> None:
    sys.path.insert(0, str(EXAMPLE / "src"))
    try:
        from tffix_bucket_case import BucketNameCase
    finally:
        sys.path.remove(str(EXAMPLE / "src"))
    result = fixer.fix_source(BUCKET, rules=[BucketNameCase], select=["XMP"], unsafe=True)
    assert [f.rule for f in result.findings] == ["XMP001"]
    assert 'bucket = "team-logs"' in result.code
    with pytest.raises(ValueError, match="rules"):
        fixer.fix_source(BUCKET, rules=[object])  # type: ignore[list-item]


def test_the_example_plugins_own_tests_pass() -> None:
    sys.path.insert(0, str(EXAMPLE / "src"))
    sys.path.insert(0, str(EXAMPLE / "tests"))
    try:
        module = importlib.import_module("test_bucket_case")
        tests = [getattr(module, name) for name in dir(module) if name.startswith("test_")]
        assert len(tests) >= 2
        for test in tests:
            test()
    finally:
        sys.path.remove(str(EXAMPLE / "src"))
        sys.path.remove(str(EXAMPLE / "tests"))
        sys.modules.pop("test_bucket_case", None)
        sys.modules.pop("tffix_bucket_case", None)


def test_assert_fix_fails_on_a_wrong_expectation() -> None:
    from fixer.rules.aws002_reserved_name_prefix import ReservedNamePrefix

    before = 'resource "aws_security_group" "a" {\n  name = "sg-a"\n}\n'
    with pytest.raises(AssertionError):
        assert_fix(before, before, [], rules=[ReservedNamePrefix])
    assert_fix(
        before, before.replace("sg-a", "a-sg"),
        ['2:10: AWS002 aws_security_group.a name "sg-a" begins with "sg-", which AWS reserves for security group IDs'],
        rules=[ReservedNamePrefix],
    )


def test_the_rule_in_the_writing_rules_guide_runs() -> None:
    import re

    from fixer.rules.base import validate_rule

    guide = (Path(__file__).resolve().parents[1] / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", guide, re.S).group(1)  # type: ignore[union-attr]
    namespace: dict = {}
    exec(compile(code, "writing-rules.md", "exec"), namespace)  # noqa: S102 - our own document
    rule = namespace["BucketNameCharacters"]
    assert validate_rule(rule) == []
    result = fixer.fix_source(BUCKET, rules=[rule], select=["XYZ"], unsafe=True)
    assert [f.rule for f in result.findings] == ["XYZ001"] and 'bucket = "team-logs"' in result.code
