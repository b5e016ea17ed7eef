"""docs/rules.md is generated, and a rule's documentation is one Markdown text everywhere:
``tffix explain``, SARIF ``help.markdown`` and docs/rules.md show the same docstring."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from click.testing import CliRunner

from fixer.cli import main
from fixer.report.sarif import rule_descriptors
from fixer.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]


def _generator():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("gen_rules", ROOT / "docs" / "gen_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_md_is_what_gen_rules_writes() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == _generator().render(), "docs/rules.md is stale: run `python docs/gen_rules.py`"


def test_one_markdown_text_in_explain_sarif_and_docs() -> None:
    rules_md = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    help_markdown = {d["id"]: d["help"]["markdown"] for d in rule_descriptors()}
    for rule in all_rules():
        doc = rule.documentation()
        assert doc.strip(), rule.code
        result = CliRunner().invoke(main, ["explain", rule.code])
        assert result.exit_code == 0
        assert result.stdout == f"{rule.code} ({rule.name})\n\n{doc}\n"
        assert help_markdown[rule.code] == doc
        section = rules_md.split(f"\n## {rule.code}\n", 1)[1].split("\n## ", 1)[0]
        for line in doc.splitlines():
            if line.strip() and not line.startswith("#"):
                assert line in section, (rule.code, line)
