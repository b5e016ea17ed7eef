"""Port CDK assertion tests to static tests of a Terraform module (REPO001's fix).

A legacy CDK test builds ``Template.from_stack(stack)`` and asserts on the CloudFormation
template. :func:`port_cdk_tests` rewrites such a file into pytest tests that read the
Terraform module with :func:`fixer.inspect_module` and check the same things where a static
equivalent exists (:mod:`fixer.facts.cloudformation` maps the types and properties):

* ``resource_count_is("AWS::EC2::VPC", 1)`` -> ``module.count("aws_vpc") == 1``;
* ``has_resource_properties("AWS::EC2::VPC", {"EnableDnsSupport": True})`` and
  ``has_resource("AWS::EC2::VPC", {"Properties": {...}})`` -> some instance has those
  arguments (a literal or ``Match.exact(literal)`` is compared, ``Match.any_value()`` means
  "written");
* anything else (``has_output``, ``template_matches``, a type or property the table lacks,
  other matchers, code besides the assertions) becomes a test that calls ``pytest.skip`` with
  the reason and the original assertion text.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .facts.cloudformation import terraform_argument, terraform_type

__all__ = ["port_cdk_tests"]

_CONSTANT = (bool, int, float, str)


@dataclass
class _Test:
    name: str
    doc: str | None
    lines: list[str]  # the body, indented 4 spaces; empty when skipped
    skip: str | None  # the reason the test is skipped


def port_cdk_tests(source: str, module_dir: str, newline: str = "\n") -> str | None:
    """The static version of CDK test file ``source``; ``module_dir`` is the Python expression
    of the module directory (``Path(__file__).resolve().parents[2]``). None when the file does not
    parse or has no test function."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    tests: list[_Test] = []
    seen: set[str] = set()
    for node, owner in _test_functions(tree):
        name = node.name if node.name not in seen else f"test_{_snake(owner)}_{node.name[5:]}"
        seen.add(name)
        tests.append(_port_function(node, name, source))
    if not tests:
        return None
    doc = ast.get_docstring(tree)
    out = ['"""' + _doc_text(doc.splitlines()[0] if doc else "Tests of the Terraform module.")]
    out += [
        "",
        "Ported by tffix (REPO001) from CDK assertions on a synthesized template to static",
        "checks of the Terraform module, read with fixer.inspect_module (offline, nothing deployed).",
        '"""',
        "",
        "from pathlib import Path",
        "",
        "import pytest",
        "",
        "import fixer",
        "",
        f"MODULE_DIR = {module_dir}",
        "",
        "",
        '@pytest.fixture(scope="module")',
        "def module():",
        "    return fixer.inspect_module(MODULE_DIR)",
    ]
    for test in tests:
        out += ["", "", f"def {test.name}(module):"]
        if test.doc:
            out.append(f'    """{_doc_text(test.doc)}"""')
        if test.skip is not None:
            out.append(f"    pytest.skip({test.skip!r})")
        else:
            out += test.lines
    return newline.join(out) + newline


def _test_functions(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            yield node, ""
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name.startswith("test"):
                    yield item, node.name


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_") or "case"


def _doc_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()


def _described(node: ast.FunctionDef) -> str | None:
    """The test's description: ``@mark.it("...")``, else its docstring's first line."""
    for deco in node.decorator_list:
        if (isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute) and deco.func.attr == "it"
                and deco.args and isinstance(deco.args[0], ast.Constant) and isinstance(deco.args[0].value, str)):
            return deco.args[0].value
    doc = ast.get_docstring(node)
    return doc.splitlines()[0] if doc else None


def _port_function(node: ast.FunctionDef, name: str, source: str) -> _Test:
    body = list(node.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]
    doc = _described(node)
    lines: list[str] = []
    originals: list[str] = []
    receivers = {c.func.value.id for c in _assertion_calls(body)}
    for statement in body:
        text = ast.unparse(statement)
        originals.append(text)
        if _builds_template(statement, receivers):
            continue  # `template = Template.from_stack(...)`: the module fixture stands for it
        if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
            return _Test(name, doc, [], f"no static equivalent for the statement `{text}`")
        ported, reason = _port_call(statement.value)
        if ported is None:
            return _Test(name, doc, [], f"no static equivalent ({reason}): `{text}`")
        lines.append(f"    # CDK: {text}")
        lines += ported
    if not lines:
        return _Test(name, doc, [], "the CDK test asserts nothing")
    return _Test(name, doc, lines, None)


def _assertion_calls(body: list[ast.stmt]) -> list:
    """The ``name.method(...)`` calls that are the statements of ``body``."""
    return [
        st.value for st in body
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and isinstance(st.value.func, ast.Attribute)
        and isinstance(st.value.func.value, ast.Name)
    ]


def _builds_template(statement: ast.stmt, receivers: set[str]) -> bool:
    """``t = <call>`` where ``t`` is only the receiver of the assertions that follow."""
    return (
        isinstance(statement, ast.Assign) and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id in receivers
        and isinstance(statement.value, ast.Call)
    )


def _port_call(call: ast.Call) -> tuple[list[str] | None, str]:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None, "not a Template assertion"
    method = func.attr
    if method not in ("resource_count_is", "has_resource_properties", "has_resource"):
        return None, f"`{method}` has no Terraform counterpart in tffix's port"
    if call.keywords or len(call.args) != 2:
        return None, f"`{method}` with these arguments is not ported"
    cfn = _constant(call.args[0])
    tf_type = terraform_type(cfn)
    if tf_type is None:
        return None, f"no Terraform resource type known for {cfn!r}"
    if method == "resource_count_is":
        count = _constant(call.args[1])
        if not isinstance(count, int) or isinstance(count, bool):
            return None, "the count is not a literal integer"
        return [f'    assert module.count("{tf_type}") == {count}'], ""
    props = call.args[1]
    if method == "has_resource":
        props = _properties_of(props)
        if props is None:
            return None, "only `{\"Properties\": {...}}` is ported for has_resource"
    checks, reason = _property_checks(cfn, props)
    if checks is None:
        return None, reason
    condition = " and ".join(checks) if checks else "True"
    return [
        f'    instances = module.instances("{tf_type}")',
        f'    assert instances, "the module declares no {tf_type} (or their number cannot be known)"',
        f"    assert any({condition} for i in instances)",
    ], ""


def _properties_of(node: ast.expr) -> ast.expr | None:
    if isinstance(node, ast.Dict) and len(node.keys) == 1 and _constant(node.keys[0]) == "Properties":
        return node.values[0]
    return None


def _property_checks(cfn: str, node: ast.expr) -> tuple[list[str] | None, str]:
    if not isinstance(node, ast.Dict) or any(k is None for k in node.keys):
        return None, "the properties are not a literal dict"
    checks = []
    for key, value in zip(node.keys, node.values):
        prop = _constant(key)
        argument = terraform_argument(cfn, prop)
        if argument is None:
            return None, f"no Terraform argument known for {cfn} property {prop!r}"
        if _is_match(value, "any_value") and not value.args:  # type: ignore[attr-defined]
            checks.append(f'"{argument}" in i')
            continue
        if _is_match(value, "exact") and len(value.args) == 1:  # type: ignore[attr-defined]
            value = value.args[0]  # type: ignore[attr-defined]
        literal = _constant(value)
        if not isinstance(literal, _CONSTANT):
            return None, f"the expected value of {prop!r} is not a literal"
        if isinstance(literal, bool):
            checks.append(f'i.get("{argument}") is {literal}')
        else:
            checks.append(f'i.get("{argument}") == {literal!r}')
    return checks, ""


def _is_match(node: ast.expr, name: str) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "Match")


def _constant(node: ast.expr) -> object:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        value = node.operand.value
        return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return None
