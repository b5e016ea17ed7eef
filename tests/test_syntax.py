"""The lossless tree: round trips of tricky layouts, the node structure, and the body API."""

from __future__ import annotations

from textwrap import dedent

import pytest

import fixer
from fixer.syntax import nodes as n

ROUND_TRIP_CASES = {
    "empty": "",
    "only newline": "\n",
    "only comment no newline": "# hello",
    "no final newline": 'a = 1\nb = "x"',
    "crlf": 'a = 1\r\nb {\r\n  c = [\r\n    1,\r\n  ]\r\n}\r\n',
    "bom": '\ufeffa = 1\n',
    "tabs": 'a {\n\tb\t= 1\t# t\n}\n',
    "trailing spaces": 'a = 1   \n  \nb = 2\n',
    "all comment styles": '# one\n// two\n/* three\n   lines */\na = 1 /* inline */ # end\n',
    "alignment": 'a    = 1\nbbbb = 2 # x\n',
    "one-line blocks": 'a {}\nb { c = 1 }\nd "x" y {\n}\n',
    "labels": 'resource "aws_lb" "main" {\n}\nlocals {\n}\nx y "z" {}\n',
    "numbers": 'a = [1, 1.5, 1e10, 1.5E-3, 0, -2]\n',
    "escapes": 'a = "q\\"\\\\\\n\\t\\u00e9\\U0001F600 $${x} %%{y} $ %"\n',
    "templates": 'a = "x${b}y${~ c ~}z%{ if d }e%{ else }f%{ endif }%{~for k, v in m~}${k}%{endfor}"\n',
    "heredoc": 'a = <<EOT\nline ${x}\n  $${y}\nEOT\nb = 1\n',
    "indented heredoc": 'a {\n  b = <<-EOF\n    hi\n    %{ if x }y%{ endif }\n  EOF\n}\n',
    "heredoc crlf": 'a = <<EOT\r\nx\r\nEOT\r\n',
    "heredoc in tuple": 'a = [<<EOT\nx\nEOT\n, 2]\n',
    "multiline collections": 'a = {\n  b = 1,\n  c = 2\n\n  "d" : 3\n}\ne = [\n  1,\n  # c\n  2,\n]\n',
    "functions": 'a = provider::aws::arn_parse(x)\nb = max(l...)\nc = f(\n  1,\n  2,\n)\n',
    "traversals": 'a = x.y[0].z.0.w[*].v\nb = x.*.id\nc = x["k"][var.i]\n',
    "for expressions": 'a = [for x in y : x if x != null]\nb = {for k, v in m : k => v... if v}\nc = {\n  for k, v in m :\n  k => v\n}\n',
    "operators": 'a = !b && c || -d * 2 + 3 % 4 / 5 - 6 >= 7 == (8 <= 9) != 10 < 11 > 12\n',
    "conditional": 'a = b ? c : d ? e : f\n',
    "non-ascii": 'café = "naïve ☃"\n名前 { 値 = 1 }\n',
    "dashes in names": 'a-b = c-d.e-f\n',
    "keywords as attrs": 'a = x.for\nb = x.if.in\n',
    "comment before closing brace": 'a {\n  b = 1\n  # last\n}\n',
    "interpolation over lines": 'a = "${\n  b\n}"\n',
    "block attribute named for": 'a { for = 1 }\n',
}


@pytest.mark.parametrize("text", ROUND_TRIP_CASES.values(), ids=ROUND_TRIP_CASES.keys())
def test_round_trip(text: str) -> None:
    assert fixer.parse(text).code == text


def body_of(text: str) -> n.Body:
    return fixer.parse(dedent(text)).body


def test_attributes_blocks_and_labels() -> None:
    body = body_of(
        """\
        variable "env" {
          type = string
        }

        resource "aws_lb" main {
          name = "x"
        }
        resource "aws_lb" "other" {}
        """
    )
    assert [b.type for b in body.blocks()] == ["variable", "resource", "resource"]
    assert body.blocks("resource")[0].labels == ("aws_lb", "main")
    block = body.first_matching_block("resource", ["aws_lb", "other"])
    assert block is not None and block.labels == ("aws_lb", "other")
    assert body.first_matching_block("resource", ["aws_s3_bucket"]) is None
    name = body.first_matching_block("resource", ["aws_lb"]).body.get_attribute("name")
    assert isinstance(name.value, n.QuotedTemplate)
    assert name.value.literal_value() == "x"
    assert name.line == 6 and name.column == 3
    assert body.get_attribute("missing") is None


def test_comment_lines_belong_to_the_item_below() -> None:
    body = body_of(
        """\
        # detached

        # about a
        // and more
        a = 1 # trailing
        b = 2
        """
    )
    a = body.get_attribute("a")
    assert [line.comment for line in a.leading_lines] == ["# about a", "// and more"]
    assert a.newline.prefix == " # trailing"
    assert body.get_attribute("b").leading_lines == ()
    # the detached comment stays a body-level line
    assert body.items[0].comment == "# detached"


def test_expression_structure_and_precedence() -> None:
    body = body_of("a = 1 + 2 * 3 == 7 ? x.y[0] : f(z...)\n")
    cond = body.get_attribute("a").value
    assert isinstance(cond, n.Conditional)
    eq = cond.condition
    assert isinstance(eq, n.BinaryOp) and eq.operator.value == "=="
    plus = eq.left
    assert plus.operator.value == "+" and plus.right.operator.value == "*"
    assert n.reference_name(cond.true_value) == "x.y[0]"
    call = cond.false_value
    assert isinstance(call, n.FunctionCall) and call.name == "f" and call.expands_final_argument


def test_template_parts() -> None:
    value = body_of('a = "tg-${each.key}-${var.env}"\n').get_attribute("a").value
    kinds = [type(p).__name__ for p in value.parts]
    assert kinds == ["TemplateLiteral", "Interpolation", "TemplateLiteral", "Interpolation"]
    assert n.reference_name(value.parts[1].expression) == "each.key"
    assert not value.is_literal()


def test_for_expression_structure() -> None:
    value = body_of("a = {for k, v in m : k => v... if v}\n").get_attribute("a").value
    assert isinstance(value, n.ForObject)
    assert value.intro.key_var.value == "k" and value.intro.value_var.value == "v"
    assert value.ellipsis is not None and value.condition is not None


def test_object_items() -> None:
    value = body_of('a = {\n  b = 1\n  "c" : 2, d = 3\n}\n').get_attribute("a").value
    assert [i.key_name for i in value.items] == ["b", "c", "d"]
    assert value.get("c").value.token.value == "2"


def test_heredoc_node() -> None:
    value = body_of("a = <<-EOT\n  x\n  EOT\n").get_attribute("a").value
    assert isinstance(value, n.Heredoc) and value.marker == "EOT" and value.strips_indent


def test_document_newline_style() -> None:
    assert fixer.parse("a = 1\r\nb = 2\r\n").newline == "\r\n"
    assert fixer.parse("a = 1\nb = 2\n").newline == "\n"


def test_walk_is_iterative_on_deep_nesting() -> None:
    depth = 20_000
    text = "a = " + "[" * depth + "]" * depth + "\n"
    tree = fixer.parse(text)
    assert tree.code == text
    assert sum(1 for node in tree.walk() if isinstance(node, n.Tuple)) == depth


ERROR_CASES = [
    ('resource "x" "y" {\n  name\n}\n', 2, 7, 'expected "=", "{", a name or a quoted string after "name", found a newline'),
    ("a = \n", 1, 5, "expected an expression"),
    ('a = "abc\n', 1, 9, "unterminated string"),
    ("a {\n  b = 1\n", 1, 3, "unclosed '{'"),
    ('a = "\\q"\n', 1, 6, "invalid escape sequence"),
    ("a = 1\na = 2\n", 2, 1, 'attribute "a" is already set on line 1'),
    ("a { b = 1\n c = 2 }\n", 1, 10, 'expected "}" after "1", found a newline'),
    ("a = 1 +\n 2\n", 1, 8, 'expected an expression after "+", found a newline'),
    ('x "${a}" {}\n', 1, 3, "a block label cannot contain template sequences"),
    ("a = <<EOT\nx\n", 1, 5, "unterminated heredoc"),
    ("a = 1 b = 2\n", 1, 7, "expected an operator or a newline after \"1\", found \"b\""),
    ("a = {b = 1 c = 2}\n", 1, 12, 'found "c"'),
    ("a = [1,,2]\n", 1, 8, 'expected an expression or "]" after ","'),
    ("a = 1 ~}\n", 1, 7, "unexpected '~'"),
    ("a = \"%{ foo }\"\n", 1, 6, "expected one of if, else, endif, for, endfor"),
    ("a = 1 /* open\n", 1, 7, "unterminated comment"),
    ("a = `x`\n", 1, 5, "unexpected character '`'"),
    ("{}\n", 1, 1, "expected a name, a newline or end of file"),
]


@pytest.mark.parametrize("text,line,column,message", ERROR_CASES)
def test_parse_error_position_and_message(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(fixer.ParseError) as info:
        fixer.parse(text, "main.tf")
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.line, err.column) == (line, column), str(err)
    assert message in err.message
    assert str(err) == f"main.tf:{line}:{column}: {err.message}"


def test_parse_error_without_path() -> None:
    with pytest.raises(fixer.ParseError) as info:
        fixer.parse("a = ")
    assert info.value.path is None
    assert str(info.value).startswith("<input>:1:5: ")


def test_parse_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        fixer.parse(b"a = 1\n")  # type: ignore[arg-type]


def test_an_item_starts_at_its_name_not_at_the_comments_it_owns() -> None:
    text = 'x {\n  # about a\n  a = 1\n}\n\n# about the block\nresource "t" "n" {}\n'
    doc = fixer.parse(text)
    block, resource = doc.body.blocks()
    attribute = block.body.get_attribute("a")
    assert attribute.leading_lines and resource.leading_lines
    assert (attribute.line, attribute.column, text[attribute.start]) == (3, 3, "a")
    assert (resource.line, resource.column) == (7, 1)
    assert text[resource.start:].startswith('resource "t"')
    assert resource.code.startswith("# about the block\n")  # the comment still belongs to it
    assert text[block.start:block.end] == 'x {\n  # about a\n  a = 1\n}'  # not the newline after "}"
    assert text[attribute.start:attribute.end] == "a = 1"


@pytest.mark.parametrize(
    "text, ok",
    [("é = 1\n", True), ("x· = 1\n", True), ("℘ = 1\n", True), ("a = x³\n", False), ("³ = 1\n", False)],
    ids=ascii,
)
def test_names_follow_unicode_identifier_rules(text: str, ok: bool) -> None:
    if ok:
        assert fixer.parse(text).code == text
    else:
        with pytest.raises(fixer.ParseError):
            fixer.parse(text)
