"""A fix that creates a file (``Editor.add_file``): written by ``--write`` (never over an
existing file, permissions from the umask), shown by ``--diff`` as a new-file diff and by
JSON / SARIF as an insertion into a new artifact."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Iterable

import pytest
from click.testing import CliRunner

import fixer
import fixer.rules
from fixer.cli import _write_fixed, main
from fixer.editor import EditError, Editor
from fixer.findings import Applicability, Finding, Severity
from fixer.fix_scope import FixScope
from fixer.model.module import Module
from fixer.rules.base import FixAvailability, Rule, RuleContext

MAIN = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n'
OUTPUTS = 'output "jobs_id" {\n  value = aws_sqs_queue.jobs.id\n}\n'
NOTE = "# The module's outputs are in outputs.tf.\n"


class ModuleWithoutOutputs(Rule):
    """A module has no outputs.tf (a test plugin rule whose fix creates a file).

    ## What it does

    Reports a module without `outputs.tf`.

    ## Why is this bad?

    Callers cannot read the queue's ID.

    ## Example

    ```hcl
    resource "aws_sqs_queue" "jobs" {}
    ```

    ## Use instead

    An `outputs.tf` beside it.

    ## Fix safety

    Safe: a new file, and a comment in the resource's file.

    ## References

    * The test suite.
    """

    code = "TST001"
    name = "module-without-outputs"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    messages = {"missing": "the module has no outputs.tf"}

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        if any(os.path.basename(f.path) == "outputs.tf" for f in ctx.module.files):
            return
        for file in ctx.module.files:
            for block in file.tree.body.blocks("resource"):
                address = ".".join(block.labels)
                # written unformatted on purpose: the editor lays the new file out as terraform fmt
                edit = ctx.editor(file).add_file("outputs.tf", f'output "jobs_id" {{\nvalue = {address}.id\n}}\n')
                edit.insert(0, NOTE)
                yield self.finding(file, block, "the module has no outputs.tf", fix=edit.fix("Add outputs.tf", Applicability.SAFE))
                return


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test rule installed as a plugin would be (``tffix.rules``)."""
    monkeypatch.setattr(fixer.rules, "plugin_rules", lambda: (ModuleWithoutOutputs,))


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mod").mkdir()
    (tmp_path / "mod" / "main.tf").write_text(MAIN, encoding="utf-8")
    return tmp_path / "mod"


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "--select", "TST", *args])
    return result.exit_code, result.stdout, result.stderr


def test_add_file_puts_a_laid_out_tf_file_beside_the_module() -> None:
    module = Module.from_sources({"mod/main.tf": MAIN})
    fix = Editor(module, module.files[0]).add_file("outputs.tf", 'output "x" {\nvalue = 1\n}\n').fix("t", Applicability.SAFE)
    assert fix.new_files == ("mod/outputs.tf",)
    [(path, edit)] = fix.edits
    assert (path, edit.start, edit.end, edit.replacement) == ("mod/outputs.tf", 0, 0, 'output "x" {\n  value = 1\n}\n')
    for bad in ("x.py", "../x.tf", "sub/x.tf", "main.tf"):
        with pytest.raises(EditError):
            Editor(module, module.files[0]).add_file(bad, "")


def test_write_creates_the_file_with_the_umask_mode(plugin: None, module_dir: Path) -> None:
    old = os.umask(0o027)
    try:
        code, out, err = _cli("--write", "mod")
    finally:
        os.umask(old)
    created = module_dir / "outputs.tf"
    assert created.read_text(encoding="utf-8") == OUTPUTS
    assert stat.S_IMODE(created.stat().st_mode) == 0o640  # 0o666 less the umask, as terraform fmt
    assert (module_dir / "main.tf").read_text(encoding="utf-8") == NOTE + MAIN
    assert code == 0, (out, err)
    assert not [p for p in module_dir.iterdir() if p.name.endswith(".tmp")]


def test_diff_shows_a_new_file_diff_and_writes_nothing(plugin: None, module_dir: Path) -> None:
    code, out, _err = _cli("--diff", "mod")
    assert "--- /dev/null\n+++ b/mod/outputs.tf\n@@ -0,0 +1,3 @@\n" + "".join("+" + line for line in OUTPUTS.splitlines(True)) in out
    assert "--- a/mod/main.tf\n+++ b/mod/main.tf\n" in out
    assert not (module_dir / "outputs.tf").exists() and code == 1


def test_json_and_sarif_show_an_insertion_into_a_new_artifact(plugin: None, module_dir: Path) -> None:
    _code, out, _err = _cli("--format", "json", "mod")
    report = json.loads(out)
    [finding] = report["findings"]
    new = [e for e in finding["fix"]["edits"] if e.get("new_file")]
    assert new == [{
        "path": "mod/outputs.tf", "new_file": True, "replacement": OUTPUTS,
        "range": {"start": {"line": 1, "column": 1, "offset": 0}, "end": {"line": 1, "column": 1, "offset": 0}},
    }]
    _code, out, _err = _cli("--format", "sarif", "mod")
    [result] = json.loads(out)["runs"][0]["results"]
    changes = {c["artifactLocation"]["uri"]: c["replacements"] for c in result["fixes"][0]["artifactChanges"]}
    assert changes["mod/outputs.tf"] == [{
        "deletedRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
        "insertedContent": {"text": OUTPUTS},
    }]
    from fixer.report.json_format import to_json

    results = fixer.check_paths(["mod"], config=False, fix=True, select=["TST"])
    assert {"path": "mod/outputs.tf", "changed": True, "error": None, "created": True} in to_json(results)["files"]


def test_a_file_that_appears_before_the_write_is_never_overwritten(plugin: None, module_dir: Path) -> None:
    results = fixer.check_paths(["mod"], config=False, fix=True, select=["TST"])
    assert [r.path for r in results if r.created] == ["mod/outputs.tf"]
    (module_dir / "outputs.tf").write_text("# someone else's\n", encoding="utf-8")  # meanwhile
    failed, interrupted = _write_fixed(results)
    assert (failed, interrupted) == (2, None)
    assert (module_dir / "outputs.tf").read_text(encoding="utf-8") == "# someone else's\n"
    assert (module_dir / "main.tf").read_text(encoding="utf-8") == MAIN  # the fix's other edit is dropped too
    errors = {r.path: r.error for r in results}
    assert "already exists" in errors["mod/outputs.tf"]
    assert "its fixes also create mod/outputs.tf" in errors["mod/main.tf"]


def test_a_fix_whose_new_file_already_exists_is_not_applied(tmp_path: Path) -> None:
    main_tf = tmp_path / "main.tf"
    module = Module.from_sources({str(main_tf): MAIN})
    fix = Editor(module, module.files[0]).add_file("outputs.tf", OUTPUTS).fix("t", Applicability.SAFE)
    assert FixScope().refusal(fix, module) is None
    (tmp_path / "outputs.tf").mkdir()  # anything there: a file, a directory, a symlink
    assert "already exists" in FixScope().refusal(fix, module)
