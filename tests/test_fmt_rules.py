"""One small case per rule of ``terraform fmt``, expected text written out.

Every expected text here was produced by terraform 1.11's ``terraform fmt`` on
the input written to a file (in-place mode, so no final newline is added), and
the tests need no terraform binary. ``fixer.layout.format_source`` must give
exactly the expected text, and give it back unchanged when formatted again.
"""

from __future__ import annotations

import pytest

import fixer
from fixer.layout import format_source

# (rule, input, what terraform fmt writes)
CASES: list[tuple[str, str, str]] = [
    # -- indentation: two spaces per bracket level -----------------------------------------
    ("indent-nested-blocks",
     'a {\nb {\nc = 1\n}\n}\n',
     'a {\n  b {\n    c = 1\n  }\n}\n'),
    ("indent-over-indented",
     'a {\n        c = 1\n      }\n',
     'a {\n  c = 1\n}\n'),
    ("indent-closing-bracket-dedents",
     'x = [\n    1,\n    2,\n    ]\n',
     'x = [\n  1,\n  2,\n]\n'),
    ("indent-brackets-opened-on-one-line",
     'x = merge({\n  a = 1\n  }, {\n  b = 2\n})\n',
     'x = merge({\n  a = 1\n  }, {\n  b = 2\n})\n'),
    ("indent-multiline-call",
     'x = f(\na,\nb)\n',
     'x = f(\n  a,\nb)\n'),
    ("indent-tabs-become-spaces",
     'a {\n\tb = 1\n\t\tc = 2\n}\n',
     'a {\n  b = 1\n  c = 2\n}\n'),
    # -- spacing inside a line -------------------------------------------------------------------
    ("space-around-equals",
     'a=1\n',
     'a = 1\n'),
    ("space-tuple",
     'x = [ 1 ,2,  3 ]\n',
     'x = [1, 2, 3]\n'),
    ("space-one-line-object",
     'x = {a=1,b=2}\ny = {   }\n',
     'x = { a = 1, b = 2 }\ny = {}\n'),
    ("space-object-colon",
     'x = {a: 1}\n',
     'x = { a : 1 }\n'),
    ("space-call",
     'x = f (a,b)\ny = provider :: aws :: arn_parse("x")\n',
     'x = f(a, b)\ny = provider::aws::arn_parse("x")\n'),
    ("space-traversal",
     'x = a . b [0] . c\ny = a.*.id\nz = a[ * ].id\nw = f()[0]\n',
     'x = a.b[0].c\ny = a.*.id\nz = a[*].id\nw = f()[0]\n'),
    ("space-operators",
     'x = a+b*c\ny = a==b&&!c\nz = a>=1?b:c\n',
     'x = a + b * c\ny = a == b && !c\nz = a >= 1 ? b : c\n'),
    ("space-unary-minus",
     'a = - 1\nb = x-1\nc = f(- 1, x - - 1)\nd = x ? -1 : - 2\n',
     'a = -1\nb = x-1\nc = f(-1, x - -1)\nd = x ? -1 : -2\n'),  # x-1 is one name
    ("space-minus-after-arrow-is-subtraction",
     'x = {for k, v in m: k => -1}\n',
     'x = { for k, v in m : k => - 1 }\n'),
    ("space-for-expressions",
     'x = [for v in var.l: v if v!=null]\ny = {for k,v in m: k=>v...}\n',
     'x = [for v in var.l : v if v != null]\ny = { for k, v in m : k => v... }\n'),
    ("space-in-keyword-before-tuple",
     'x = [for v in [1, 2]: v]\n',
     'x = [for v in [1, 2] : v]\n'),
    ("space-expand-argument",
     'x = f(a, b ...)\n',
     'x = f(a, b...)\n'),
    ("space-quoted-value-then-index",
     'x = "ab"[0]\n',
     'x = "ab" [0]\n'),
    ("space-interpolation",
     'x = "a-${ var.b }-${ f( 1 ) }"\n',
     'x = "a-${var.b}-${f(1)}"\n'),
    ("space-template-directives",
     'x = "%{ if a }b%{ else }c%{ endif }"\n',
     'x = "%{if a}b%{else}c%{endif}"\n'),
    ("space-trailing-whitespace-removed",
     'a = 1   \n\n   \nb {  \n}\t\n',
     'a = 1\n\n\nb {\n}\n'),
    ("space-block-header",
     'resource   "a"   "b"{\n}\nempty{}\none{ a = 1 }\n',
     'resource "a" "b" {\n}\nempty {}\none { a = 1 }\n'),
    # -- alignment of "=" ----------------------------------------------------------------------
    ("align-run",
     'a = 1\nbbbb = 2\ncc = 3\n',
     'a    = 1\nbbbb = 2\ncc   = 3\n'),
    ("align-blank-line-ends-run",
     'a = 1\n\nbbbb = 2\n',
     'a = 1\n\nbbbb = 2\n'),
    ("align-comment-line-ends-run",
     'a = 1\n# c\nbbbb = 2\ncc = 3\n',
     'a = 1\n# c\nbbbb = 2\ncc   = 3\n'),
    ("align-block-ends-run",
     'x {\n  a = 1\n  y {}\n  bbbb = 2\n}\n',
     'x {\n  a = 1\n  y {}\n  bbbb = 2\n}\n'),
    ("align-multiline-value-ends-run",
     'a = 1\nbb = [\n  1,\n]\nccc = 3\ndddd = 4\n',
     'a = 1\nbb = [\n  1,\n]\nccc  = 3\ndddd = 4\n'),
    ("align-one-line-object-stays-in-run",
     'a = 1\nbbb = { k = 1 }\n',
     'a   = 1\nbbb = { k = 1 }\n'),
    ("align-heredoc-stays-in-run",
     'a = 1\nbbbb = <<EOT\ntext\nEOT\nc = 3\n',
     'a    = 1\nbbbb = <<EOT\ntext\nEOT\nc    = 3\n'),
    ("align-object-items-among-themselves",
     'x = {\n  k = 1\n  kkk = 2\n}\n',
     'x = {\n  k   = 1\n  kkk = 2\n}\n'),
    ("align-worked-example",
     'x {\n  a = 1\n  # c\n  bbbb = 2\n  cc = 3 # t\n  d = [\n    1,\n  ]\n  eeeee = 4\n'
     '  f = "${var.x}"\n  g = { k = 1, kk = 2 }\n  h = {\n    k = 1\n    kkk = 2\n  }\n'
     '  y {}\n  zz = 5\n}\n',
     'x {\n  a = 1\n  # c\n  bbbb = 2\n  cc   = 3 # t\n  d = [\n    1,\n  ]\n  eeeee = 4\n'
     '  f     = var.x\n  g     = { k = 1, kk = 2 }\n  h = {\n    k   = 1\n    kkk = 2\n  }\n'
     '  y {}\n  zz = 5\n}\n'),
    ("align-width-in-grapheme-clusters",
     'x = {\n  "é" = 1\n  "e\u0301e\u0301" = 2\n  "👍🏽" = 3\n  ab = 4\n}\n',
     'x = {\n  "é"  = 1\n  "e\u0301e\u0301" = 2\n  "👍🏽"  = 3\n  ab   = 4\n}\n'),
    ("align-width-indic-conjuncts-split-as-unicode-15.0",
     'a = "नमस्ते" #x\nbb = 1 # y\n',
     'a  = "नमस्ते" #x\nbb = 1      # y\n'),
    ("align-heredoc-interpolation-spanning-lines-ends-run",
     'filename = "f"\ncontent = <<EOF\n${join(",", [\n  "a"])}\nEOF\n',
     'filename = "f"\ncontent = <<EOF\n${join(",", [\n"a"])}\nEOF\n'),
    # -- trailing comments ------------------------------------------------------------------------
    ("comments-aligned",
     'a = 1 // x\nbbb = 2     # y\n',
     'a   = 1 // x\nbbb = 2 # y\n'),
    ("comments-aligned-across-block-line",
     'a = 1 // x\nbbb = 2     # y\nc {} # z\n',
     'a   = 1 // x\nbbb = 2 # y\nc {}    # z\n'),
    ("comments-in-list",
     'x = [\n  1, # one\n  222, # two\n]\n',
     'x = [\n  1,   # one\n  222, # two\n]\n'),
    ("comments-kept-byte-for-byte",
     '#   odd   comment   \na = 1 #trailing   \n/* block\n     kept */\n',
     '#   odd   comment   \na = 1 #trailing   \n/* block\n     kept */\n'),
    # -- bytes kept or dropped ------------------------------------------------------------------
    ("crlf-kept",
     'a=1\r\nbb = 2 # c\r\nx {\r\ny = 3\r\n}\r\n',
     'a  = 1\r\nbb = 2 # c\r\nx {\r\n  y = 3\r\n}\r\n'),
    ("bom-dropped",
     '\ufeffa  = 1\n',
     'a = 1\n'),
    ("no-final-newline-added",
     'a  = 1',
     'a = 1'),
    ("spaces-at-end-of-file-kept",
     'a = 1\n\t ',
     'a = 1\n  '),
    ("blank-lines-not-collapsed",
     'a = 1\n\n\n\nb = 2\n\n\n',
     'a = 1\n\n\n\nb = 2\n\n\n'),
    ("heredoc-body-untouched",
     'x {\ny = <<-EOT\n     keep   this  \n   ${ var.z }\n    EOT\n}\n',
     'x {\n  y = <<-EOT\n     keep   this  \n   ${var.z}\n    EOT\n}\n'),
    ("string-contents-untouched",
     'x = "  a  =  b  "\n',
     'x = "  a  =  b  "\n'),
    # -- terraform's own rewrites ---------------------------------------------------------------
    ("unwrap-lone-interpolation",
     'x = "${var.a}"\ny = "${f("${b}")}"\n',
     'x = var.a\ny = f("${b}")\n'),
    ("unwrap-multiline-adds-parens",
     'x = "${a ?\n  b : c}"\n',
     'x = (a ?\nb : c)\n'),
    ("unwrap-not-mixed-templates",
     'x = "${a}${b}"\ny = "${a}-b"\n',
     'x = "${a}${b}"\ny = "${a}-b"\n'),
    ("unwrap-not-in-object-items",
     'x = {\n  a = "${b}"\n}\n',
     'x = {\n  a = "${b}"\n}\n'),
    ("variable-legacy-types",
     'variable "a" {\n  type = "string"\n}\nvariable "b" {\n  type = "list"\n}\n'
     'variable "c" {\n  type = "map"\n}\nvariable "d" {\n  type = list\n}\n'
     'variable "e" {\n  type = map\n}\nvariable "f" {\n  type = set\n}\n',
     'variable "a" {\n  type = string\n}\nvariable "b" {\n  type = list(string)\n}\n'
     'variable "c" {\n  type = map(string)\n}\nvariable "d" {\n  type = list(any)\n}\n'
     'variable "e" {\n  type = map(any)\n}\nvariable "f" {\n  type = set(any)\n}\n'),
    ("variable-type-only-top-level",
     'x {\n  variable "a" {\n    type = "string"\n  }\n}\n',
     'x {\n  variable "a" {\n    type = "string"\n  }\n}\n'),
    ("labels-quoted",
     'resource aws_s3_bucket b {}\n',
     'resource "aws_s3_bucket" "b" {}\n'),
    ("labels-escapes-normalised",
     'resource "a\\u0041" "x" {}\n',
     'resource "aA" "x" {}\n'),
    ("labels-comments-among-them-dropped",
     'resource /* c */ a /* d */ "b" /* e */ {}\n',
     'resource "a" "b" /* e */ {}\n'),
]

# Where tffix deliberately differs from terraform fmt: (rule, input, tffix's output, terraform's).
DIVERGENCES: list[tuple[str, str, str, str]] = [
    # hclwrite cannot read a quoted label that hclsyntax lexes as several literal tokens
    # (any "$" or "%" in it) and silently deletes it; tffix keeps the label.
    ("label-with-percent-kept",
     'resource "a%b" "x" {}\n',
     'resource "a%b" "x" {}\n',
     'resource "x" {}\n'),
]


@pytest.mark.parametrize("source,expected", [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_rule(source: str, expected: str) -> None:
    assert format_source(source) == expected


@pytest.mark.parametrize("expected", [c[2] for c in CASES], ids=[c[0] for c in CASES])
def test_formatted_text_is_a_fixed_point(expected: str) -> None:
    assert format_source(expected) == expected


@pytest.mark.parametrize(
    "source,ours", [(d[1], d[2]) for d in DIVERGENCES], ids=[d[0] for d in DIVERGENCES]
)
def test_deliberate_divergence(source: str, ours: str) -> None:
    assert format_source(source) == ours


def test_invalid_input_raises_parse_error() -> None:
    with pytest.raises(fixer.ParseError) as info:
        format_source("a = {\n")
    assert info.value.line >= 1


def test_empty_and_comment_only_files() -> None:
    assert format_source("") == ""
    assert format_source("\n\n") == "\n\n"
    assert format_source("# only a comment") == "# only a comment"
