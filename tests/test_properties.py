"""Property tests (hypothesis): a grammar of valid HCL, and mutated real files.

For generated valid HCL (bodies, blocks, one-line blocks, templates with
interpolations and directives, heredocs, comments, LF and CRLF):

* ``parse(x).code == x`` byte for byte;
* HashiCorp's parser (pygohcl) accepts it too;
* formatting gives text both parsers accept, and a second format changes
  nothing (but for terraform fmt's one-level-per-pass unwrapping of nested
  interpolation-only templates);
* fixing reaches a fixpoint: fixing the fixed text again changes nothing.

For corpus files with random byte-level mutations: only :class:`fixer.ParseError`
ever escapes, and accepted text still round-trips.

Run with ``--hypothesis-show-statistics`` to see the example counts.
"""

from __future__ import annotations

import pytest
from corpus_paths import corpus_files, requires_shared
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from oracle_guard import HAVE_GOHCL, requires_gohcl
from test_fix_loop import UppercaseValue

import fixer
from fixer.fixes import fix_module

SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

KEYWORDS = {"for", "in", "if", "else", "endif", "endfor", "true", "false", "null"}
names = st.sampled_from(["x", "y", "id", "name", "tags", "port_80", "each", "count", "self", "é_ok", "Cap", "a-b"])

# ---- expressions -----------------------------------------------------------------------

numbers = st.sampled_from(["0", "1", "42", "3.25", "1e3", "2E-2", "007"])
literal_chars = st.text(alphabet="abcxyz XYZ-_./:é0123456789'#=,{}[]()*", max_size=8)
escapes = st.sampled_from(["\\n", "\\t", '\\"', "\\\\", "\\u00e9", "\\U0001F600", "$${", "%%{", "$", "%"])


@st.composite
def template_parts(draw, depth: int, heredoc: bool = False) -> str:
    """The inside of a quoted template (or one heredoc line)."""
    out = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "text", "escape", "interp", "if", "for"] if depth > 0 else ["text", "escape"]))
        if kind == "text":
            chunk = draw(literal_chars)
            if heredoc:
                chunk = chunk.replace("{", "(")
            out.append(chunk)
        elif kind == "escape":
            escape = draw(escapes)
            if heredoc and escape.startswith("\\"):
                escape = '"'  # heredocs have no backslash escapes: use a quote instead
            if escape in ("$", "%"):
                escape += "x"  # a lone marker is literal unless a "{" follows
            out.append(escape)
        elif kind == "interp":
            strip_open = draw(st.sampled_from(["", "~"]))
            strip_close = draw(st.sampled_from(["", "~"]))
            out.append("${" + strip_open + draw(expressions(depth - 1)) + strip_close + "}")
        elif kind == "if":
            body = draw(template_parts(depth - 1, heredoc))
            other = draw(st.one_of(st.none(), template_parts(depth - 1, heredoc)))
            cond = draw(expressions(depth - 1))
            text = "%{ if " + cond + " }" + body
            if other is not None:
                text += "%{ else }" + other
            out.append(text + "%{ endif }")
        else:
            var = draw(names)
            coll = draw(expressions(depth - 1))
            out.append("%{ for " + var + " in " + coll + " }" + draw(template_parts(depth - 1, heredoc)) + "%{ endfor }")
    return "".join(out)


def _simple(expr: str) -> str:
    return expr if expr.replace("_", "").replace(".", "").isalnum() else "(" + expr + ")"


@st.composite
def expressions(draw, depth: int = 3) -> str:
    leaf = st.one_of(
        numbers,
        st.sampled_from(["true", "false", "null"]),
        names,
        names.map(lambda n: "var." + n),
        names.map(lambda n: "local." + n + "[0]"),
        names.map(lambda n: "aws_s3_bucket." + n + ".arn"),
        template_parts(0).map(lambda t: '"' + t + '"'),
    )
    if depth <= 0:
        return draw(leaf)
    kind = draw(
        st.sampled_from(
            ["leaf", "leaf", "template", "tuple", "object", "call", "binary", "unary", "cond", "for_tuple",
             "for_object", "splat", "index", "parens"]
        )
    )
    sub = expressions(depth - 1)
    if kind == "leaf":
        return draw(leaf)
    if kind == "template":
        return '"' + draw(template_parts(depth)) + '"'
    if kind == "tuple":
        items = draw(st.lists(sub, max_size=3))
        trailing = "," if items and draw(st.booleans()) else ""
        if items and draw(st.booleans()):
            return "[\n" + "".join(f"  {i},\n" for i in items) + "]"
        return "[" + ", ".join(items) + trailing + "]"
    if kind == "object":
        keys = draw(st.lists(names, max_size=3, unique=True))
        values = [draw(sub) for _ in keys]
        sep = draw(st.sampled_from([" = ", ": "]))
        if keys and draw(st.booleans()):
            return "{\n" + "".join(f"  {k}{sep}{v}\n" for k, v in zip(keys, values)) + "}"
        return "{" + ", ".join(f"{k}{sep}{v}" for k, v in zip(keys, values)) + "}"
    if kind == "call":
        args = draw(st.lists(sub, max_size=3))
        expand = "..." if args and draw(st.booleans()) else ""
        return draw(st.sampled_from(["max", "lookup", "format", "provider::aws::arn_parse"])) + "(" + ", ".join(args) + expand + ")"
    if kind == "binary":
        op = draw(st.sampled_from(["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||"]))
        return f"{_simple(draw(sub))} {op} {_simple(draw(sub))}"
    if kind == "unary":
        return draw(st.sampled_from(["-", "!"])) + _simple(draw(sub))
    if kind == "cond":
        return f"{_simple(draw(sub))} ? {_simple(draw(sub))} : {_simple(draw(sub))}"
    if kind == "for_tuple":
        var = draw(names)
        cond = f" if {_simple(draw(sub))}" if draw(st.booleans()) else ""
        return f"[for {var} in {_simple(draw(sub))} : {_simple(draw(sub))}{cond}]"
    if kind == "for_object":
        k, v = draw(st.lists(names, min_size=2, max_size=2, unique=True))
        group = "..." if draw(st.booleans()) else ""
        return f"{{for {k}, {v} in {_simple(draw(sub))} : {_simple(draw(sub))} => {_simple(draw(sub))}{group}}}"
    if kind == "splat":
        return draw(names) + draw(st.sampled_from([".*.id", "[*].id", "[*]", ".*"]))
    if kind == "index":
        return draw(names) + "[" + draw(sub) + "]" + draw(st.sampled_from(["", ".x", "[0]"]))
    return "(" + draw(sub) + ")"


@st.composite
def heredocs(draw) -> str:
    marker = draw(st.sampled_from(["EOT", "EOF", "POLICY"]))
    strip = draw(st.sampled_from(["", "-"]))
    lines = draw(st.lists(template_parts(1, heredoc=True), max_size=3))
    lines = [("    " if strip else "") + line for line in lines]
    assume(all(line.strip() != marker for line in lines))
    indent = "  " if strip else ""
    return f"<<{strip}{marker}\n" + "".join(line + "\n" for line in lines) + f"{indent}{marker}"


# ---- bodies ----------------------------------------------------------------------------

comments = st.sampled_from(["# note", "// note", "/* block */", "/* multi\n   line */", "#", "# é ${not} %{a}"])


@st.composite
def bodies(draw, depth: int = 2, indent: str = "") -> str:
    lines: list[str] = []
    attributes = draw(st.lists(names.map(lambda n: "a" + n), max_size=3, unique=True))
    items: list[str] = []
    for name in attributes:
        value = draw(heredocs() if draw(st.integers(0, 5)) == 0 else expressions(2))
        trailing = (" " + draw(comments).replace("\n", " ")) if draw(st.integers(0, 3)) == 0 and not value.startswith("<<") else ""
        if trailing.startswith(" /* multi"):
            trailing = " /* trailing */"
        items.append(f"{indent}{name} = {value}{trailing}")
    if depth > 0:
        for _ in range(draw(st.integers(0, 2))):
            block_type = "b" + draw(names)
            labels = draw(st.lists(st.one_of(names, names.map(lambda n: f'"{n}-x"')), max_size=2))
            head = " ".join([block_type, *labels])
            if draw(st.integers(0, 4)) == 0:  # one-line block: empty or a single attribute
                inner = draw(st.one_of(st.just(""), expressions(1).map(lambda e: " k = " + e + " ")))
                if "\n" in inner or "<<" in inner or "#" in inner or "//" in inner:
                    inner = ""
                items.append(f"{indent}{head} {{{inner}}}")
            else:
                inner = draw(bodies(depth - 1, indent + "  "))
                items.append(f"{indent}{head} {{\n{inner}{indent}}}")
    order = draw(st.permutations(items))
    for item in order:
        if draw(st.integers(0, 3)) == 0:
            lines.append(indent + draw(comments))
        if draw(st.integers(0, 4)) == 0:
            lines.append("")
        lines.append(item)
    return "".join(line + "\n" for line in lines)


@st.composite
def documents(draw) -> str:
    text = draw(bodies())
    if draw(st.booleans()):
        text = text.rstrip("\n")  # no final newline (only when the last line allows it)
        if text.endswith(("EOT", "EOF", "POLICY", "*/")):
            text += "\n"
    if draw(st.integers(0, 3)) == 0:
        text = text.replace("\n", "\r\n")
    return text


# ---- properties ------------------------------------------------------------------------


def gohcl_accepts(text: str) -> bool | None:
    """HashiCorp's parser's verdict (None without pygohcl).

    pygohcl also evaluates every value into a Go map; an evaluation failure after a
    successful parse (``${null}`` in a template panics there) still means "parsed".
    """
    if not HAVE_GOHCL:
        return None
    import pygohcl

    try:
        pygohcl.loads(text)
    except pygohcl.HCLParseError:
        return False
    except pygohcl.HCLInternalError:
        return True
    return True


def converges_under_format(text: str) -> str:
    """``format`` until a fixpoint: at once, unless nested interpolation-only templates unwrap."""
    formatted = fixer.format(text)
    for _ in range(text.count("${") + 1):
        again = fixer.format(formatted)
        if again == formatted:
            return formatted
        assert '"${' in formatted, (text, formatted, again)  # only terraform's one-level unwrap may need more passes
        formatted = again
    raise AssertionError(f"no fixpoint: {text!r}")


@SETTINGS
@given(documents())
def test_generated_hcl_round_trips(text: str) -> None:
    tree = fixer.parse(text)
    assert tree.code == text


@requires_gohcl
@SETTINGS
@given(documents())
def test_generated_hcl_is_valid_for_hashicorp_too(text: str) -> None:
    assert gohcl_accepts(text) is True, text


@SETTINGS
@given(documents())
def test_formatting_is_idempotent_and_keeps_the_text_valid(text: str) -> None:
    formatted = fixer.format(text)
    assert fixer.parse(formatted).code == formatted
    if gohcl_accepts(text) is not None:
        assert gohcl_accepts(formatted) is True, (text, formatted)
    final = converges_under_format(text)
    if '"${' not in text:
        assert final == formatted  # a second pass changed nothing


@SETTINGS
@given(documents())
def test_fixing_reaches_a_fixpoint(text: str) -> None:
    first = fix_module({"main.tf": text}, [UppercaseValue])
    fixed = first.fixed["main.tf"]
    assert fixer.parse(fixed).code == fixed
    second = fix_module({"main.tf": fixed}, [UppercaseValue])
    assert second.fixed["main.tf"] == fixed
    assert second.applied == []


# ---- mutation of real files ------------------------------------------------------------

CORPUS = [p for p in corpus_files(valid=True) if p.suffix == ".tf" and p.stat().st_size < 6000][:400]
SPECIAL = ["{", "}", "[", "]", "(", ")", '"', "${", "%{", "~}", "<<EOT\n", "\nEOT\n", "\r", "\n", "\\", "#", "/*",
           "*/", "=", ",", ".", "*", "?", ":", "=>", "...", "\t", "\x00", "\ufeff", "\u2028", "é", " "]


@st.composite
def mutated_corpus_texts(draw) -> str:
    path = draw(st.sampled_from(CORPUS))
    text = path.read_bytes().decode("utf-8", "replace")
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(SPECIAL)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif op == "replace":
            text = text[:at] + draw(st.sampled_from(SPECIAL)) + text[at + 1:]
        else:
            size = draw(st.integers(1, 200))
            text = text[:at] + text[at:at + size] * 2 + text[at + size:]
    return text


@requires_shared
@pytest.mark.skipif(not CORPUS, reason="no corpus files")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_corpus_texts())
def test_mutated_corpus_files_only_raise_parse_error(text: str) -> None:
    try:
        tree = fixer.parse(text, "mutated.tf")
    except fixer.ParseError as e:
        assert e.path == "mutated.tf" and e.line >= 1 and e.column >= 1
        assert str(e).startswith(f"mutated.tf:{e.line}:{e.column}: ") and "\n" not in e.message
        return
    assert tree.code == text
    fixer.format(text)  # accepted text formats without raising
