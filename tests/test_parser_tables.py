"""The parser's shipped LALR tables, token positions and the memory-saving representation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fixer.syntax import parser as parser_module
from fixer.syntax import _lalr_tables
from fixer.syntax.nodes import Node
from fixer.syntax.parser import parse
from fixer.syntax.tokens import Token

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

SAMPLES = [
    'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.env}"\n  tags   = { a = 1, "b" = [for s in var.l : upper(s) if s != ""] }\n}\n',
    "locals {\n  m = { for k, v in var.m : k => v... if v != null }\n  x = a.b[0].c.*.d[*].e\n  y = a.0.1\n}\n",
    'x = <<-EOT\n  %{ for i in var.l ~}\n  ${i}\n  %{ endfor }\n  %{ if a }b%{ else }c%{ endif }\nEOT\n',
    "a = -1 + 2 * (3 - 4) / 5 % 6 == 7 && !b || c ? d : e\nb = provider::aws::arn_parse(x)\nf = g(h...)\n",
    'one { a = 1 }\nempty {}\n# comment\n/* block\ncomment */ z = "\\u00e9\\n"\n',
    "\ufeffa = 1\r\nb {\r\n  c = [\r\n    1,\r\n    2,\r\n  ]\r\n}\r\n",
]
INVALID = ["a = ", "a = 1 +\n", "b {\n", 'c "d" {\n  e = ${\n}\n', "f = [1, 2\n", "g = 1 2\n", "a = 1\na = 2\n"]


def _corpus_texts(limit: int = 150) -> list[str]:
    if not CORPUS.is_dir():
        return []
    out = []
    for path in sorted(CORPUS.rglob("*.tf")):
        if "invalid" in path.parts:
            continue
        try:
            out.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue
        if len(out) >= limit:
            break
    return out


def _shape(doc: Node) -> list[tuple]:
    out: list[tuple] = []
    for node in doc.walk():
        out.append((type(node).__name__,))
    for tok in doc.tokens():
        out.append((tok.type, tok.prefix, tok.value, tok.start_pos, tok.line, tok.column))
    return out


def _outcome(text: str) -> tuple:
    try:
        return ("ok", _shape(parse(text)))
    except ValueError as e:
        return ("error", str(e))


def test_shipped_tables_were_made_from_the_grammar_on_disk() -> None:
    # Fails when grammars/hcl.lark is edited without running parser.write_tables().
    assert _lalr_tables.GRAMMAR_SHA256 == parser_module._grammar_hash(parser_module.grammar_text())


def test_shipped_tables_parse_exactly_as_tables_freshly_made_by_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = SAMPLES + INVALID + _corpus_texts()
    shipped = [_outcome(t) for t in texts]
    fresh = parser_module._Tables(parser_module._compile_with_lark(parser_module.grammar_text()))
    monkeypatch.setattr(parser_module, "_loaded", fresh)
    assert [_outcome(t) for t in texts] == shipped
    assert sum(1 for o in shipped if o[0] == "error") >= len(INVALID)


def test_a_stale_table_module_falls_back_to_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_lalr_tables, "GRAMMAR_SHA256", "0" * 64)
    monkeypatch.setattr(parser_module, "_loaded", None)
    assert parser_module._shipped_tables(parser_module._grammar_hash(parser_module.grammar_text())) is None
    assert parse(SAMPLES[0]).code == SAMPLES[0]
    assert parser_module._loaded is not None


def test_write_tables_renders_a_module_that_loads_back(tmp_path: Path) -> None:
    target = parser_module.write_tables(tmp_path / "tables.py")
    namespace: dict = {}
    exec(compile(target.read_text(encoding="utf-8"), str(target), "exec"), namespace)
    assert namespace["GRAMMAR_SHA256"] == _lalr_tables.GRAMMAR_SHA256
    import json

    data = json.loads(namespace["DATA"])
    assert len(data["ACTIONS"]) == len(json.loads(_lalr_tables.DATA)["ACTIONS"])


def test_parsing_does_not_import_lark() -> None:
    code = "import sys, fixer; fixer.parse('a = 1\\n'); print('lark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("text", SAMPLES + _corpus_texts(60))
def test_token_positions_agree_with_the_text(text: str) -> None:
    doc = parse(text)
    for tok in doc.tokens():
        start = tok.start_pos
        assert text[start : tok.end_pos] == tok.value
        assert text[start - len(tok.prefix) : start] == tok.prefix
        if tok.type == "EOF":
            continue
        assert tok.line == text.count("\n", 0, start) + 1
        assert tok.column == start - (text.rfind("\n", 0, start) + 1) + 1


def test_hand_made_tokens_keep_the_position_given() -> None:
    tok = Token("IDENT", " ", "name", 42, 3, 7)
    assert (tok.start_pos, tok.end_pos, tok.line, tok.column, tok.code) == (42, 46, 3, 7, " name")


def test_equal_token_strings_are_shared() -> None:
    doc = parse('a = "x"\nb = "x"\nc {\n  a = 1\n  b = 2\n}\n')
    toks = [t for t in doc.tokens()]
    names = [t for t in toks if t.value == "a"]
    literals = [t for t in toks if t.type == "TLIT"]
    indents = [t for t in toks if t.prefix == "  "]
    assert len(names) == 2 and names[0].value is names[1].value
    assert len(literals) == 2 and literals[0].value is literals[1].value
    assert len(indents) == 2 and indents[0].prefix is indents[1].prefix


@pytest.mark.parametrize("text", SAMPLES + _corpus_texts(40))
def test_code_and_source_of_every_node_match_its_tokens(text: str) -> None:
    doc = parse(text)
    assert doc.code == text
    for node in doc.walk():
        toks = list(node.tokens())
        assert node.code == "".join(t.prefix + t.value for t in toks)
        expected = toks[0].value + "".join(t.prefix + t.value for t in toks[1:]) if toks else ""
        assert node.source == expected


def test_code_of_a_large_tree_is_exact() -> None:
    # More tokens than one printing chunk holds.
    text = "".join(f'r "t" "n{i}" {{\n  a = "v{i}" # c\n  b = [x.y, {i}]\n}}\n\n' for i in range(3000))
    assert parse(text).code == text
