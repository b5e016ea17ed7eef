"""REPO001: Python tests that import ``aws_cdk`` in a repository with no CDK app."""

from __future__ import annotations

import io
import os
import tokenize
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable, Iterator

from ..cdk_port import port_cdk_tests
from ..findings import Applicability, Finding, Fix, Severity
from ..reading import SourceError, decode_python, read_bytes
from ..syntax.edits import Edit
from .base import FixAvailability, Rule, RuleContext

__all__ = ["CdkTestsWithoutCdkApp", "cdk_imports"]

CDK_MODULE = "aws_cdk"
CDK_APP_FILE = "cdk.json"
MAX_BYTES = 1_000_000  # a larger "test" is generated data, not a test someone wrote


class CdkTestsWithoutCdkApp(Rule):
    """Python tests import `aws_cdk`, but the repository has no CDK app (`cdk.json`) to test.

    ## What it does
    Looks at the Python test files of the repository around a Terraform module:
    `test_*.py`, `*_test.py`, and every `.py` below a `tests/` or `test/` folder, in the
    module's directory and in each directory above it up to the repository root (the
    nearest directory holding `.git`, or else the path given on the command line). It
    reports each test that imports the AWS CDK (`import aws_cdk`, `import
    aws_cdk.assertions`, `from aws_cdk import ...`; CDK v1's `aws_cdk.core` too) when the
    project the test belongs to has no `cdk.json`: none in the directory holding the
    test folder, in a directory above it up to the root, or a few levels below it (an
    app in `cdk/` next to `tests/`). Only real import statements count: the file is
    tokenized, so a mention of `aws_cdk` in a comment, a docstring or another string is
    ignored, and so are look-alikes (`aws_cdk_lib`, a relative `.aws_cdk`, `cdktf`).
    One finding per file, on its first CDK import; the others are listed in a note.

    ## Why is this bad?
    A CDK test synthesizes a CDK stack and asserts on the CloudFormation template it
    produces. In a repository whose infrastructure is Terraform, there is no stack to
    synthesize (a CDK app is declared by its `cdk.json`), so such tests either fail to
    import the stack or assert on a template that has none of the resources, and CI
    fails while the Terraform is fine. The seed repository failed CI like this:

    ```
    tests/unit/test_tap_stack.py::TestTapStack::test_stack_has_vpc_resources FAILED
    RuntimeError: AssertionError: Expected 1 resources of type AWS::EC2::VPC but found 0
    ```

    These tests check nothing about what is deployed. The fix is to test the
    Terraform (for example `terraform validate` and `terraform test`, or unit tests
    that read the plan or the `.tf` files); replacing the tests with placeholders
    that always pass only hides that nothing is tested.

    ## Example
    ```python
    # tests/unit/test_tap_stack.py, next to lib/*.tf and no cdk.json
    import aws_cdk as cdk
    from aws_cdk.assertions import Template

    from lib.tap_stack import TapStack
    ```

    ## Use instead
    Tests of the Terraform configuration, e.g. what the fix writes: pytest tests that read
    the module statically with `fixer.inspect_module` and check what the CDK test meant:
    ```python
    MODULE_DIR = Path(__file__).resolve().parents[2]


    @pytest.fixture(scope="module")
    def module():
        return fixer.inspect_module(MODULE_DIR)


    def test_stack_has_vpc_resources(module):
        # CDK: self.template.resource_count_is('AWS::EC2::VPC', 1)
        assert module.count("aws_vpc") == 1
    ```
    or a `tests/*.tftest.hcl` run by `terraform test`.

    ## Fix safety
    The fix is **unsafe** (applied with `--unsafe-fixes`; `--diff` shows it): it rewrites
    the whole test file. Each test function becomes a pytest test of the module in the
    test's project directory (`fixer.inspect_module`, offline): `resource_count_is(T, n)`
    becomes `module.count(tf_type) == n`, counted over `count` / `for_each` where their
    value is known; `has_resource_properties(T, {...})` and `has_resource(T, {"Properties":
    {...}})` become "some instance has these arguments", for literals, `Match.exact(...)`
    and `Match.any_value()`. CloudFormation types and properties are mapped only through
    the table in `fixer.facts.cloudformation` (CamelCase to snake_case is not always right:
    `BucketName` is `bucket`); a test with anything else (`has_output`, `template_matches`,
    a type or property the table lacks, another matcher, code besides the assertions) is
    kept as a test that calls `pytest.skip` with the reason and the original assertion.
    Unsafe because it changes what CI runs: a ported assertion can fail where the CDK test
    could not even import (the seed's flow-log tests fail: the module has no
    `aws_flow_log`, which is the truth the CDK tests hid), helpers and fixtures of the old
    file are dropped, and a class's `setUp` is replaced by the module fixture. The fix is
    offered only when the module is the directory that holds the test folder, so a test
    is ported against one module; tests above several modules, a file that does not parse
    as Python or has no test function get no fix. The fixed file must compile, or the fix
    is not applied. The finding stays a warning: a repository may hold a CDK construct
    library without a `cdk.json`, whose tests are legitimate.

    ## References
    - AWS CDK v2 Developer Guide, "AWS CDK projects": `cdk.json` is the configuration
      file that tells the CDK CLI how to run the app
      (https://docs.aws.amazon.com/cdk/v2/guide/projects.html).
    - `aws-cdk.assertions` (PyPI): CDK tests build a `Template` from a synthesized stack
      with `Template.from_stack(stack)` and assert on its resources
      (https://pypi.org/project/aws-cdk.assertions/).
    - Terraform documentation, "Tests": `terraform test` and `.tftest.hcl` files
      (https://developer.hashicorp.com/terraform/language/tests).
    - `aws_cdk.assertions.Template` (CDK v2 Python API reference): `resource_count_is`,
      `has_resource_properties`, `has_resource`, `has_output`, `Match.exact`,
      `Match.any_value` (https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.assertions/Template.html).
    - The type and property table's sources are cited in `fixer.facts.cloudformation`.
    - Python documentation, `tokenize`: comments and strings are tokens of their own, so
      an import statement is told apart from a mention of the name
      (https://docs.python.org/3/library/tokenize.html).
    - The seed report this rule comes from (corpus seed 003, issue 6: legacy CDK unit
      tests failing against a Terraform-only stack).
    """

    code = "REPO001"
    name = "cdk-tests-without-cdk-app"
    fix_availability = FixAvailability.SOMETIMES
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        extra = [str(p) for p in ctx.module.extra_files]
        apps = [PurePath(p).parent for p in extra if PurePath(p).name == CDK_APP_FILE]
        tf_paths = {f.path for f in ctx.module.files}
        for path in sorted(set(extra)):
            pure = PurePath(path)
            if pure.suffix != ".py" or path in tf_paths:
                continue
            project = _project_of(pure)
            if any(app == project or app in project.parents or project in app.parents for app in apps):
                continue  # a CDK app in this project: its tests may well be right
            if path in ctx.module.extra_texts:  # a fix changed it in this run
                changed = ctx.module.extra_texts[path]
                found = (changed, cdk_imports(changed))
            else:
                found = _read_imports(path)
            if not found or not found[1]:
                continue
            text, imports = found
            first = imports[0]
            names = ", ".join(dict.fromkeys(i.module for i in imports))
            message = (
                f"imports `{first.module}` but the repository has no CDK app (no `{CDK_APP_FILE}`); "
                "a CDK test has no stack to synthesize here and cannot test the Terraform configuration"
            )
            notes: tuple[str, ...] = ()
            if len(imports) > 1:
                notes = (f"CDK imports in this file: {names} (lines {', '.join(str(i.line) for i in imports)})",)
            yield _finding(self.code, path, text, first, message, self.severity, notes, _port_fix(ctx, pure, project, text))


def _port_fix(ctx: RuleContext, test: PurePath, project: PurePath, text: str) -> Fix | None:
    """The unsafe fix: the file rewritten as static tests of this module (:mod:`fixer.cdk_port`).

    Offered only when the test's project directory is this module's directory, so that one
    test file is ported against one module (a repository with several modules above its tests
    gets no fix)."""
    if not ctx.module.files:
        return None
    module_dir = PurePath(os.path.abspath(PurePath(ctx.module.files[0].path).parent))
    where = PurePath(os.path.abspath(test))
    if PurePath(os.path.abspath(project)) != module_dir or module_dir not in where.parents:
        return None
    depth = len(where.relative_to(module_dir).parts) - 1
    newline = "\r\n" if "\r\n" in text else "\n"
    start = 1 if text.startswith("\ufeff") else 0  # the BOM stays
    new = port_cdk_tests(text[start:], f"Path(__file__).resolve().parents[{depth}]", newline)
    if new is None:
        return None
    return Fix(
        "Rewrite the CDK assertions as static tests of the Terraform module (fixer.inspect_module)",
        Applicability.UNSAFE, ((str(test), Edit(start, len(text), new)),),
    )


TEST_DIRS = ("tests", "test")


def _project_of(test: PurePath) -> PurePath:
    """The directory a test belongs to: the one holding its innermost ``tests``/``test`` folder.

    ``repo/tests/unit/test_tap_stack.py`` -> ``repo``; ``repo/test_stack.py`` -> ``repo``.
    """
    for folder in test.parents:
        if folder.name in TEST_DIRS:
            return folder.parent
    return test.parent


@dataclass(frozen=True)
class CdkImport:
    """One import statement that brings in the CDK."""

    module: str  # the dotted module imported: "aws_cdk", "aws_cdk.assertions"
    line: int  # 1-based line of the statement's keyword
    column: int  # 1-based column (in characters) of the keyword
    end_line: int  # 1-based line just after the module name ends
    end_column: int  # 1-based column just past the module name


def _finding(
    code: str, path: str, text: str, imp: CdkImport, message: str, severity: Severity, notes: tuple[str, ...],
    fix: Fix | None = None,
) -> Finding:
    starts = _line_starts(text)
    bom = 1 if text.startswith("\ufeff") else 0  # columns are counted without it
    start = starts[imp.line - 1] + imp.column - 1 + (bom if imp.line == 1 else 0)
    end = starts[imp.end_line - 1] + imp.end_column - 1 + (bom if imp.end_line == 1 else 0)
    return Finding(
        code, message, path, imp.line, imp.column, imp.end_line, imp.end_column, start, end,
        severity, fix, notes,
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


# Reading files is cached per (path, size, mtime): every module of a repository sees the same
# tests, and the fix loop runs the rules several times per module.
_CACHE: dict[tuple[str, int, int], tuple[str, list[CdkImport]] | None] = {}


def _read_imports(path: str) -> tuple[str, list[CdkImport]] | None:
    """The file's text and its CDK imports; None if it cannot be read or has none."""
    try:
        stat = os.stat(path)
        key = (os.path.abspath(path), stat.st_size, stat.st_mtime_ns)
        if key in _CACHE:
            return _CACHE[key]
        data = read_bytes(path, limit=MAX_BYTES)  # a regular file only: a FIFO would block
    except (OSError, SourceError):
        return None
    try:
        text = decode_python(data)  # as the fix loop reads it: a BOM stays in the text
    except (SyntaxError, LookupError, UnicodeDecodeError):
        result = None
    else:
        imports = cdk_imports(text)
        result = (text, imports) if imports else None
    if len(_CACHE) > 4096:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def cdk_imports(source: str) -> list[CdkImport]:
    """The import statements of Python ``source`` that import ``aws_cdk`` or a submodule.

    Tokenizing (not parsing) keeps this tolerant: a file with a syntax error further
    down still shows its imports, and what follows a tokenizer error is ignored.
    Comments and strings are tokens of their own, so they never count.
    """
    if source.startswith("\ufeff"):
        source = source[1:]  # columns are counted without the BOM, which is not in the text twice
    out: list[CdkImport] = []
    for statement in _statements(source):
        out.extend(_imports_in(statement))
    return out


_BOUNDARY = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
_SKIP = {tokenize.NL, tokenize.COMMENT}


def _statements(source: str) -> Iterator[list[tokenize.TokenInfo]]:
    """Simple statements as token lists (split at newlines, ``;`` and a compound header's ``:``)."""
    current: list[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in _SKIP:
                continue
            if token.type in _BOUNDARY or (token.type == tokenize.OP and token.string in (";", ":") and _is_header(current, token)):
                if current:
                    yield current
                current = []
                continue
            current.append(token)
    except (tokenize.TokenError, SyntaxError):  # IndentationError is a SyntaxError
        pass
    if current:
        yield current


_COMPOUND = {"if", "elif", "else", "try", "except", "finally", "with", "for", "while", "def", "class", "async"}


def _is_header(current: list[tokenize.TokenInfo], token: tokenize.TokenInfo) -> bool:
    """``;`` always ends a statement; ``:`` does after ``try``/``if ...`` (``try: import x``) at depth 0."""
    if token.string == ";":
        return True
    if not current or current[0].type != tokenize.NAME or current[0].string not in _COMPOUND:
        return False
    depth = 0
    for t in current:
        if t.type == tokenize.OP and t.string in "([{":
            depth += 1
        elif t.type == tokenize.OP and t.string in ")]}":
            depth -= 1
    return depth == 0


def _imports_in(tokens: list[tokenize.TokenInfo]) -> Iterator[CdkImport]:
    if not tokens or tokens[0].type != tokenize.NAME:
        return
    keyword = tokens[0]
    if keyword.string == "import":  # import a.b [as c], d
        i = 1
        while i < len(tokens):
            name, end, i = _dotted(tokens, i)
            if name is not None and _is_cdk(name):
                yield _make(name, keyword, end)
            if i < len(tokens) and tokens[i].string == "as":
                i += 2
            if i < len(tokens) and tokens[i].string == ",":
                i += 1
                continue
            break
    elif keyword.string == "from" and len(tokens) > 1:  # from a.b import c
        name, end, i = _dotted(tokens, 1)
        if name is not None and _is_cdk(name) and i < len(tokens) and tokens[i].string == "import":
            yield _make(name, keyword, end)


def _dotted(tokens: list[tokenize.TokenInfo], i: int) -> tuple[str | None, tokenize.TokenInfo | None, int]:
    """A dotted name starting at ``tokens[i]``: (name, its last token, index after it).

    A relative name (``from .aws_cdk import x``) is not the CDK: its name comes back None.
    """
    if i < len(tokens) and tokens[i].type == tokenize.OP and tokens[i].string.startswith("."):
        while i < len(tokens) and tokens[i].string.strip(".") == "" and tokens[i].type == tokenize.OP:
            i += 1
        while i < len(tokens) and (tokens[i].type == tokenize.NAME or tokens[i].string == "."):
            if tokens[i].string == "import":
                break
            i += 1
        return None, None, i
    parts: list[str] = []
    last = None
    while i < len(tokens) and tokens[i].type == tokenize.NAME:
        parts.append(tokens[i].string)
        last = tokens[i]
        i += 1
        if i < len(tokens) and tokens[i].type == tokenize.OP and tokens[i].string == ".":
            i += 1
            continue
        break
    return (".".join(parts) if parts else None), last, i


def _is_cdk(name: str) -> bool:
    return name == CDK_MODULE or name.startswith(CDK_MODULE + ".")


def _make(name: str, keyword: tokenize.TokenInfo, last: tokenize.TokenInfo | None) -> CdkImport:
    end_row, end_col = (last or keyword).end
    row, col = keyword.start
    return CdkImport(name, row, col + 1, end_row, end_col + 1)
