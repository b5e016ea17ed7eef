"""The optional compiled parser (scripts/build_compiled.py) gives the trees and text the
pure-Python modules give, on every corpus file and on the parser's own samples.

Skips when the compiled build is absent (the default install is pure Python)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_paths import corpus_files
from parse_outcomes import COMPILED_MODULES, outcome

import fixer.syntax

HERE = Path(__file__).resolve().parent
SAMPLES = [
    'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.env}"\n  tags   = { a = 1, "b" = [for s in var.l : upper(s) if s != ""] }\n}\n',
    "locals {\n  m = { for k, v in var.m : k => v... if v != null }\n  x = a.b[0].c.*.d[*].e\n  y = a.0.1\n}\n",
    'x = <<-EOT\n  %{ for i in var.l ~}\n  ${i}\n  %{ endfor }\n  %{ if a }b%{ else }c%{ endif }\nEOT\n',
    "\ufeffa = 1\r\nb {\r\n  c = [\r\n    1,\r\n    2,\r\n  ]\r\n}\r\n",
    'one { a = 1 }\nempty {}\n# comment\n/* block\ncomment */ z = "\\u00e9\\n"\n',
    # errors: a syntax error before a lexical one, a lexical error, unclosed things
    'a = 1 2\nb = "\\q"\n', 'b = "\\q"\n', "b {\n", 'c = "${\n', "x = <<EOT\nno end\n", "a = 1\na = 2\n",
]

requires_compiled = pytest.mark.skipif(
    not fixer.syntax.COMPILED, reason="the compiled parser is not built (python scripts/build_compiled.py)"
)


def _outcomes(files: list[str], pure: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TFFIX_PURE_PYTHON"}
    if pure:
        env["TFFIX_PURE_PYTHON"] = "1"
    argv = [sys.executable, str(HERE / "parse_outcomes.py"), *files]
    lines = subprocess.run(argv, capture_output=True, text=True, check=True, env=env).stdout.splitlines()
    mode, _ = json.loads(lines[0])
    assert mode == ("pure" if pure else "compiled")
    return dict(json.loads(line) for line in lines[1:])


@requires_compiled
def test_every_hot_module_is_compiled() -> None:
    for name in COMPILED_MODULES:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        assert not module.__file__.endswith(".py"), name


@requires_compiled
def test_compiled_and_pure_parsers_agree_on_the_corpus(tmp_path: Path) -> None:
    files = [str(p) for p in corpus_files(valid=True) + corpus_files(valid=False)]
    for i, text in enumerate(SAMPLES):
        sample = tmp_path / f"sample{i}.tf"
        sample.write_bytes(text.encode("utf-8"))
        files.append(str(sample))
    compiled = _outcomes(files, pure=False)
    pure = _outcomes(files, pure=True)
    assert len(pure) == len(files)
    differ = [name for name in files if compiled[name] != pure[name]]
    assert differ == []


def test_pure_outcome_is_the_parse_of_the_text() -> None:
    # The digest the comparison rests on tells trees, texts and errors apart.
    assert outcome("a = 1\n") == outcome("a = 1\n")
    assert outcome("a = 1\n") != outcome("a = 2\n")
    assert outcome("a = 1\n") != outcome("a  = 1\n")
    assert outcome("a = \n") != outcome("a = (\n")
