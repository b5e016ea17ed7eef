"""``--provider-version aws=X`` overrides the AWS provider version the schema rules check against."""

from __future__ import annotations

from click.testing import CliRunner

from fixer.cli import main

MODULE = '''terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_db_instance" "db" {
  identifier     = "db"
  instance_class = "db.t3.micro"
  name           = "app"
}
'''


def _run(tmp_path, *args):
    (tmp_path / "main.tf").write_text(MODULE)
    return CliRunner().invoke(main, ["check", "--no-cache", "--isolated", "--select", "AWS1", *args, str(tmp_path)])


def test_pinned_by_required_providers(tmp_path):
    result = _run(tmp_path)
    assert result.exit_code == 1
    assert "AWS107" in result.stdout and 'required_providers "~> 5.0"' in result.stdout


def test_override_checks_another_version(tmp_path):
    result = _run(tmp_path, "--provider-version", "aws=4.60")
    assert result.exit_code == 1
    assert "AWS107" not in result.stdout and "AWS108" in result.stdout  # deprecated in 4, removed in 5
    assert "--provider-version aws=4.60" in result.stdout


def test_override_of_another_provider_is_a_usage_error(tmp_path):
    result = _run(tmp_path, "--provider-version", "google=5.0")
    assert result.exit_code == 2 and "--provider-version" in result.output
