"""REPO001's fix: legacy CDK tests ported to static tests of the Terraform module, and the
public :func:`fixer.inspect_module` they use. The ported files are run with pytest here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rule_cases import CORPUS_RULES, CORPUS_SEEDS

import fixer
from fixer.cdk_port import port_cdk_tests
from fixer.cli import main
from fixer.facts.cloudformation import PROPERTY_ARGUMENTS, TERRAFORM_TYPES


def _pytest(directory: Path) -> str:
    """Run pytest on ``directory`` in a fresh interpreter; its summary line."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfs", str(directory)],
        cwd=directory, capture_output=True, text=True, timeout=300,
    )
    return run.stdout


def test_the_seed_cdk_tests_become_tests_of_the_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "ecs-fargate"
    shutil.copytree(CORPUS_SEEDS / "ecs-fargate", repo)
    monkeypatch.chdir(repo)
    runner = CliRunner()
    before = (repo / "tests/unit/test_vpc_stack.py").read_text()
    diff = runner.invoke(main, ["--diff", "--unsafe-fixes", "--select", "REPO001", "."])
    assert "+++ b/tests/unit/test_vpc_stack.py" in diff.stdout and "+    assert module.count(\"aws_nat_gateway\") == 2" in diff.stdout
    safe = runner.invoke(main, ["--write", "--select", "REPO001", "."])  # the fix is unsafe: not applied
    assert safe.exit_code == 1 and (repo / "tests/unit/test_vpc_stack.py").read_text() == before
    written = runner.invoke(main, ["--write", "--unsafe-fixes", "--select", "REPO001", "."])
    assert written.exit_code == 0, written.output
    ported = (repo / "tests/unit/test_vpc_stack.py").read_text()
    assert "aws_cdk" not in ported and "MODULE_DIR = Path(__file__).resolve().parents[2]" in ported
    assert runner.invoke(main, ["--select", "REPO001", "."]).exit_code == 0  # nothing left to report

    out = _pytest(repo / "tests")
    # Every assertion has a static equivalent. The CDK app had VPC flow logs; the Terraform
    # module has no aws_flow_log, so the two flow-log tests fail, as they should.
    assert "2 failed, 6 passed" in out, out
    assert "test_tap_stack.py::test_stack_has_flow_logs" in out
    assert "test_vpc_stack.py::test_creates_flow_logs" in out
    assert "the module declares no aws_flow_log" in out


def test_the_ported_seed_tests_pass_once_the_module_has_flow_logs(tmp_path: Path) -> None:
    repo = tmp_path / "ecs-fargate"
    shutil.copytree(CORPUS_SEEDS / "ecs-fargate", repo)
    (repo / "flow_logs.tf").write_text(
        'resource "aws_flow_log" "vpc" {\n'
        "  vpc_id               = aws_vpc.main.id\n"
        '  traffic_type         = "ALL"\n'
        '  log_destination_type = "cloud-watch-logs"\n'
        "}\n"
    )
    results = fixer.fix_paths([str(repo)], select=["REPO001"], unsafe=True)
    changed = [r for r in results if r.changed]
    assert sorted(Path(r.path).name for r in changed) == ["test_tap_stack.py", "test_vpc_stack.py"]
    for r in changed:
        Path(r.path).write_text(r.fixed)
    assert "8 passed" in _pytest(repo / "tests")


@pytest.mark.parametrize(("case", "summary"), [
    ("port-counts-and-properties", "4 passed"),
    ("port-unmapped-assertions", "1 passed, 4 skipped"),
    ("crlf-and-module-level-tests", "2 skipped"),
])
def test_fixture_outputs_run(tmp_path: Path, case: str, summary: str) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(CORPUS_RULES / "REPO001" / case / "after", repo)
    out = _pytest(repo)
    assert summary in out, out
    if case == "port-unmapped-assertions":  # a skipped test says why, with the assertion's text
        assert "no static equivalent (`has_output` has no Terraform counterpart" in out
        assert "self.template.has_output('TopicArn', {})" in out


def test_port_keeps_nothing_it_cannot_read() -> None:
    assert port_cdk_tests("def test_x(:\n", "Path('.')") is None
    assert port_cdk_tests("import aws_cdk\n\nX = 1\n", "Path('.')") is None
    text = port_cdk_tests('def test_a(t):\n    t.resource_count_is("AWS::EC2::VPC", True)\n', "Path('.')")
    assert text is not None and "the count is not a literal integer" in text
    text = port_cdk_tests('def test_a(t):\n    t.resource_count_is("AWS::EC2::VPC", n=1)\n', "Path('.')")
    assert text is not None and "with these arguments is not ported" in text


def test_the_type_table_names_real_resource_types() -> None:
    assert TERRAFORM_TYPES["AWS::EC2::VPC"] == "aws_vpc"
    assert TERRAFORM_TYPES["AWS::EC2::NatGateway"] == "aws_nat_gateway"
    assert TERRAFORM_TYPES["AWS::EC2::FlowLog"] == "aws_flow_log"
    assert all(cfn.startswith("AWS::") and cfn.count("::") == 2 for cfn in TERRAFORM_TYPES)
    assert all(tf.startswith("aws_") for tf in TERRAFORM_TYPES.values())
    assert {cfn for cfn, _ in PROPERTY_ARGUMENTS} <= set(TERRAFORM_TYPES)
    assert PROPERTY_ARGUMENTS[("AWS::S3::Bucket", "BucketName")] == "bucket"  # not "bucket_name"


def _module(tmp_path: Path, text: str, tfvars: str | None = None) -> Path:
    (tmp_path / "main.tf").write_text(text)
    if tfvars is not None:
        (tmp_path / "terraform.tfvars").write_text(tfvars)
    return tmp_path


def test_inspect_module_counts_instances(tmp_path: Path) -> None:
    view = fixer.inspect_module(_module(tmp_path, '''
variable "n" {
  default = 2
}
variable "names" {
  type = set(string)
}
resource "aws_subnet" "a" {
  count      = var.n
  cidr_block = "10.0.${count.index}.0/24"
}
resource "aws_subnet" "b" {
  vpc_id = "vpc-1"
}
resource "aws_subnet" "none" {
  count = 0
}
resource "aws_s3_bucket" "m" {
  for_each = { a = 1, b = 2, c = 3 }
  bucket   = "x-${each.key}"
}
resource "aws_sqs_queue" "q" {
  for_each = var.names
}
output "subnet" {
  value = aws_subnet.b.id
}
''', 'n = 3\n'))
    assert view.count("aws_subnet") == 4  # 3 from tfvars + 1 + 0
    assert view.count("aws_s3_bucket") == 3
    assert view.count("aws_sqs_queue") is None and view.instances("aws_sqs_queue") is None
    assert view.count("aws_vpc") == 0
    assert [i.get("cidr_block") for i in view.instances("aws_subnet")] == ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", None]
    assert sorted(i["bucket"] for i in view.instances("aws_s3_bucket")) == ["x-a", "x-b", "x-c"]
    assert view.outputs() == ["subnet"]
    assert fixer.inspect_module(tmp_path, variables={"n": 1}).count("aws_subnet") == 2


def test_inspect_module_marks_unknown_values(tmp_path: Path) -> None:
    view = fixer.inspect_module(_module(tmp_path, 'variable "cidr" {}\nresource "aws_vpc" "m" {\n  cidr_block = var.cidr\n}\n'))
    assert view.instances("aws_vpc") == [{"cidr_block": fixer.UNKNOWN}]
    assert repr(fixer.UNKNOWN) == "UNKNOWN"


def test_inspect_module_errors(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        fixer.inspect_module(tmp_path / "missing")
    (tmp_path / "main.tf").write_text('resource "aws_vpc" {\n')
    with pytest.raises(fixer.ParseError):
        fixer.inspect_module(tmp_path)
