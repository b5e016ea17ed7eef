"""REPO001: Python tests that import ``aws_cdk`` in a repository with no CDK app."""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import Iterable

from ..cdk_port import port_cdk_tests
from ..findings import Applicability, Finding, Fix, Severity
from ..python_imports import PythonImport, python_imports, read_python
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
    messages = {
        "cdk-test": "imports `{module}` but the repository has no CDK app (no `" + CDK_APP_FILE + "`); "
        "a CDK test has no stack to synthesize here and cannot test the Terraform configuration",
    }

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
            # a fix may have changed the file in this run
            text = ctx.module.extra_texts[path] if path in ctx.module.extra_texts else read_python(path, limit=MAX_BYTES)
            if text is None or not (imports := cdk_imports(text)):
                continue
            first = imports[0]
            notes: tuple[str, ...] = ()
            if len(imports) > 1:
                names = ", ".join(dict.fromkeys(i.module for i in imports))
                notes = (f"CDK imports in this file: {names} (lines {', '.join(str(i.line) for i in imports)})",)
            yield Finding.between(
                self.code, path, text, (first.line, first.column), (first.end_line, first.end_column),
                self.message("cdk-test", module=first.module), severity=self.severity, notes=notes,
                fix=_port_fix(ctx, pure, project, text),
            )


def cdk_imports(source: str) -> list[PythonImport]:
    """The import statements of Python ``source`` that import ``aws_cdk`` or a submodule
    (not a look-alike: ``aws_cdk_lib``, a relative ``.aws_cdk``)."""
    return [i for i in python_imports(source) if i.module == CDK_MODULE or i.module.startswith(CDK_MODULE + ".")]


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
