"""``tffix upgrade aws@N``: renames, the provider-4 S3 bucket split, and the command line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from oracle_guard import gohcl_accepts

import fixer
from fixer.cli import main
from fixer.schema import load_schema
from fixer.schema.validate import validate_block
from fixer.upgrade import parse_target, upgrade_module

ROOT = Path(__file__).resolve().parents[1]
S3 = ROOT / "corpus" / "upgrade" / "aws4-s3-bucket"
RENAMES_CASE = ROOT / "corpus" / "rules" / "AWS107" / "renames-4-to-5"
REPEATED = ROOT / "corpus" / "upgrade" / "aws4-s3-bucket-repeated"
VERSIONING_OFF = ROOT / "corpus" / "upgrade" / "aws4-s3-versioning-off"
TERRAFORM = shutil.which("terraform")


def _comments(text: str) -> list[str]:
    return re.findall(r"#[^\n]*", text)


def test_s3_bucket_split_exact_text():
    before = (S3 / "before" / "main.tf").read_text()
    result = upgrade_module({"main.tf": before}, 4)
    assert result.fixed["main.tf"] == (S3 / "after" / "main.tf").read_text()


def test_s3_bucket_split_keeps_comments_stays_fmt_clean_and_fits_the_4_schema():
    before = (S3 / "before" / "main.tf").read_text()
    after = upgrade_module({"main.tf": before}, 4).fixed["main.tf"]
    assert fixer.format(before) == before and fixer.format(after) == after
    assert sorted(_comments(before)) == sorted(_comments(after))
    tree = fixer.parse(after)
    schema = load_schema(4)
    left = [
        (m.kind, m.name)
        for block in tree.body.blocks("resource")
        for m in validate_block(block, schema)
    ]
    assert left == []
    imports = tree.body.blocks("import")
    assert len(imports) == 12
    targets = {b.body.get_attribute("to").value.source for b in imports}
    assert {f"{b.labels[0]}.{b.labels[1]}" for b in tree.body.blocks("resource")} - targets == {"aws_s3_bucket.site"}


def test_s3_bucket_split_reports_what_it_leaves():
    before = (S3 / "before" / "main.tf").read_text()
    result = upgrade_module({"main.tf": before}, 4)
    assert result.manual == []
    assert len(result.changes) == 13  # the constraint and the twelve moves


def _upgraded_case(case: Path) -> tuple[str, str]:
    before = (case / "before" / "main.tf").read_text()
    return before, upgrade_module({"main.tf": before}, 4).fixed["main.tf"]


def _fits_the_4_schema(text: str) -> list:
    tree = fixer.parse(text)
    return [(m.kind, m.name) for b in tree.body.blocks("resource") for m in validate_block(b, load_schema(4))]


def _terraform_fmt_clean(text: str, tmp_path: Path) -> bool:
    path = tmp_path / "fmt.tf"
    path.write_text(text)
    return subprocess.run([TERRAFORM, "fmt", "-check", str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("case", [S3, REPEATED, VERSIONING_OFF], ids=lambda c: c.name)
def test_split_cases_exact_text_comments_fmt_schema_and_gohcl(case, tmp_path):
    before, after = _upgraded_case(case)
    assert after == (case / "after" / "main.tf").read_text()
    assert set(_comments(before)) <= set(_comments(after))
    assert fixer.format(before) == before and fixer.format(after) == after
    if TERRAFORM is not None:
        assert _terraform_fmt_clean(before, tmp_path) and _terraform_fmt_clean(after, tmp_path)
    assert _fits_the_4_schema(after) == []
    assert gohcl_accepts(after) in (True, None)


def test_repeated_buckets_repeat_count_for_each_and_provider_and_import_per_instance():
    _, after = _upgraded_case(REPEATED)
    tree = fixer.parse(after)
    resources = {f"{b.labels[0]}.{b.labels[1]}": b.body for b in tree.body.blocks("resource")}
    acl = resources["aws_s3_bucket_acl.logs"]
    assert acl.get_attribute("count").value.source == "2"
    assert acl.get_attribute("bucket").value.source == "aws_s3_bucket.logs[count.index].id"
    website = resources["aws_s3_bucket_website_configuration.sites"]
    assert website.get_attribute("for_each").value.source == "var.sites"
    assert website.get_attribute("provider").value.source == "aws.edge"
    assert website.get_attribute("bucket").value.source == "aws_s3_bucket.sites[each.key].id"
    imports = {b.body.get_attribute("to").value.source: b.body for b in tree.body.blocks("import")}
    assert set(imports) == {
        "aws_s3_bucket_acl.logs[each.key]", "aws_s3_bucket_server_side_encryption_configuration.logs[each.key]",
        "aws_s3_bucket_versioning.sites[each.key]", "aws_s3_bucket_website_configuration.sites[each.key]",
    }
    assert imports["aws_s3_bucket_acl.logs[each.key]"].get_attribute("for_each").value.source == "aws_s3_bucket.logs"
    assert imports["aws_s3_bucket_acl.logs[each.key]"].get_attribute("id").value.source == (
        '"${each.value.id},log-delivery-write"')


@pytest.mark.skipif(TERRAFORM is None, reason="terraform is not on PATH")
def test_import_for_each_over_a_counted_resource_gives_index_addresses(tmp_path):
    """The import form the split writes, planned by Terraform itself on built-in resources:
    ``for_each = <counted resource>`` yields ``[0]``, ``[1]``, not ``["0"]``."""
    (tmp_path / "main.tf").write_text(
        'resource "terraform_data" "bucket" {\n  count = 2\n  input = count.index\n}\n')
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"}
    run = lambda *args: subprocess.run([TERRAFORM, *args, "-input=false", "-no-color"], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, env=env)
    assert run("init").returncode == 0
    assert run("apply", "-auto-approve").returncode == 0
    (tmp_path / "split.tf").write_text(
        'resource "terraform_data" "acl" {\n  count = 2\n  input = terraform_data.bucket[count.index].id\n}\n\n'
        'import {\n  for_each = terraform_data.bucket\n  to       = terraform_data.acl[each.key]\n'
        '  id       = "${each.value.id},private"\n}\n')
    plan = run("plan")
    assert plan.returncode == 0, plan.stderr
    assert "terraform_data.acl[0] will be updated in-place" in plan.stdout
    assert "terraform_data.acl[1] will be updated in-place" in plan.stdout
    assert "2 to import" in plan.stdout


def test_required_version_below_1_7_splits_without_import_blocks_and_lists_the_commands():
    text = ('terraform {\n  required_version = "~> 1.6.0"\n}\n\n'
            'resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "b-${count.index}"\n  acl    = "private"\n}\n')
    result = upgrade_module({"main.tf": text}, 4)
    fixed = result.fixed["main.tf"]
    assert 'resource "aws_s3_bucket_acl" "b" {\n  count = 2\n\n  bucket = aws_s3_bucket.b[count.index].id\n' in fixed
    assert "import {" not in fixed
    (message,) = [n.message for n in result.manual]
    assert "terraform import 'aws_s3_bucket_acl.b[INDEX]' 'BUCKET,private'" in message and "1.7" in message
    plain = text.replace('  count  = 2\n  bucket = "b-${count.index}"\n  acl    = "private"',
                         '  bucket = "b"\n  acl    = "private"')
    result = upgrade_module({"main.tf": plain}, 4)  # 1.6 reads import blocks without for_each
    assert "import {\n  to = aws_s3_bucket_acl.b\n  id = \"b,private\"\n}" in result.fixed["main.tf"]
    assert result.manual == []


def test_bucket_with_count_and_for_each_is_left():
    text = 'resource "aws_s3_bucket" "b" {\n  count    = 1\n  for_each = {}\n  acl      = "private"\n}\n'
    result = upgrade_module({"main.tf": text}, 4)
    assert result.fixed["main.tf"] == text and "both count and for_each" in result.manual[0].message


def test_versioning_off_is_disabled_with_a_check_and_suspended_when_mfa_delete_says_so():
    before, after = _upgraded_case(VERSIONING_OFF)
    result = upgrade_module({"main.tf": before}, 4)
    assert after.count('status = "Disabled"') == 1 and after.count('status     = "Suspended"') == 1
    assert 'mfa_delete = "Enabled"' in after
    (check,) = result.manual
    assert "aws_s3_bucket.scratch" in check.message and '"Suspended"' in check.message


@pytest.mark.parametrize("versioning, status, mfa", [
    ("enabled = false\n    mfa_delete = false", '"Disabled"', None),  # an unversioned bucket has no MFA delete
    ("mfa_delete = true", '"Suspended"', '"Enabled"'),  # enabled defaults to false
    ("enabled = true\n    mfa_delete = false", '"Enabled"', '"Disabled"'),
])
def test_versioning_mappings(versioning, status, mfa):
    fixed, _ = _split(_bucket(f"  versioning {{\n    {versioning}\n  }}\n"))
    config = fixer.parse(fixed).body.blocks("resource")[1].body.blocks("versioning_configuration")[0].body
    assert config.get_attribute("status").value.source == status
    assert (config.get_attribute("mfa_delete").value.source if config.get_attribute("mfa_delete") else None) == mfa


def test_versioning_with_an_expression_is_not_guessed():
    text = _bucket("  versioning {\n    enabled = var.versioned\n  }\n")
    fixed, result = _split(text)
    assert fixed == text and "versioning is not moved mechanically" in result.manual[0].message


def test_renames_4_to_5_match_the_rule_fixes(tmp_path):
    before = (RENAMES_CASE / "before" / "main.tf").read_text()
    result = upgrade_module({"main.tf": before}, 5)
    assert result.fixed["main.tf"] == (RENAMES_CASE / "after" / "main.tf").read_text()
    tree = fixer.parse(result.fixed["main.tf"])
    assert [m for b in tree.body.blocks() if b.type in ("resource", "data") for m in validate_block(b, load_schema(5))] == []
    if TERRAFORM is not None:
        assert _terraform_fmt_clean(result.fixed["main.tf"], tmp_path)
    renamed = [n.message for n in result.changes if "renamed" in n.message]
    assert len(renamed) == 7
    assert any("not a pure rename" in m for m in renamed)  # availability_zones -> preferred_cache_cluster_azs


def test_constraint_is_raised_only_when_it_excludes_the_target():
    text = 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 4.0"\n    }\n  }\n}\n'
    assert upgrade_module({"versions.tf": text}, 5).fixed["versions.tf"] == text
    pinned = text.replace(">= 4.0", "~> 4.65")
    assert '"~> 5.0"' in upgrade_module({"versions.tf": pinned}, 5).fixed["versions.tf"]


def test_removed_without_rename_is_reported():
    text = 'resource "aws_autoscaling_group" "g" {\n  max_size = 1\n  min_size = 1\n  tags     = []\n}\n'
    result = upgrade_module({"main.tf": text}, 5)
    assert result.fixed["main.tf"] == text
    assert "removed in 5.0" in result.manual[0].message and "version-5-upgrade" in result.manual[0].message


def test_renames_to_6():
    text = 'resource "aws_batch_compute_environment" "ce" {\n  compute_environment_name = "ce"\n  type                     = "MANAGED"\n}\n'
    fixed = upgrade_module({"main.tf": text}, 6).fixed["main.tf"]
    assert fixed == 'resource "aws_batch_compute_environment" "ce" {\n  name = "ce"\n  type = "MANAGED"\n}\n'


@pytest.mark.parametrize("text", ["aws@3", "aws@7", "google@5", "aws5", "aws@x"])
def test_bad_targets(text):
    with pytest.raises(ValueError):
        parse_target(text)


def test_cli_diff_write_and_json(tmp_path):
    module = tmp_path / "m"
    module.mkdir()
    before = (RENAMES_CASE / "before" / "main.tf").read_text()
    (module / "main.tf").write_text(before)
    runner = CliRunner()
    shown = runner.invoke(main, ["upgrade", "aws@5", "--diff", str(module)])
    assert shown.exit_code == 1 and '+  db_name = "app"' in shown.stdout
    assert (module / "main.tf").read_text() == before
    as_json = runner.invoke(main, ["upgrade", "aws@5", "--format", "json", str(module)])
    notes = json.loads(as_json.stdout)["notes"]
    assert {n["kind"] for n in notes} == {"changed"} and len(notes) == 7
    written = runner.invoke(main, ["upgrade", "aws@5", "--write", str(module)])
    assert written.exit_code == 0
    assert (module / "main.tf").read_text() == (RENAMES_CASE / "after" / "main.tf").read_text()
    bad = runner.invoke(main, ["upgrade", "aws@9", str(module)])
    assert bad.exit_code == 2


def _split(text: str):  # type: ignore[no-untyped-def]
    result = upgrade_module({"main.tf": text}, 4)
    return result.fixed["main.tf"], result


def _bucket(inner: str) -> str:
    return 'resource "aws_s3_bucket" "b" {\n  bucket = "b-bucket"\n\n' + inner + "}\n"


def test_lifecycle_rule_dates_status_expression_and_renames():
    fixed, result = _split(_bucket(
        '  lifecycle_rule {\n    id      = "tmp"\n    enabled = var.on\n    prefix  = "tmp/"\n\n'
        '    expiration {\n      date = "2022-12-31"\n    }\n  }\n'))
    assert 'status = var.on ? "Enabled" : "Disabled"' in fixed
    assert 'filter {\n      prefix = "tmp/"\n    }' in fixed
    assert 'date = "2022-12-31T00:00:00Z"' in fixed and result.manual == []
    assert fixer.format(fixed) == fixed
    tree = fixer.parse(fixed)
    assert [m for b in tree.body.blocks("resource") for m in validate_block(b, load_schema(4))] == []


@pytest.mark.parametrize("inner", [
    '  lifecycle_rule {\n    enabled = true\n  }\n',  # no id: AWS generated one
    '  lifecycle_rule {\n    id      = "x"\n    enabled = true\n    tags    = var.tags\n  }\n',  # tags not literal
    '  lifecycle_rule {\n    id      = "x"\n    enabled = true\n    expiration {\n      date = var.d\n    }\n  }\n',
    '  replication_configuration {\n    role = "r"\n    rules {\n      status = "Enabled"\n'
    '      delete_marker_replication_status = "Enabled"\n      destination {\n        bucket = "arn"\n      }\n    }\n  }\n',
    '  replication_configuration {\n    role = "r"\n    rules {\n      status = "Enabled"\n      filter {}\n'
    '      destination {\n        bucket = "arn"\n        metrics {\n          status = "Enabled"\n        }\n      }\n    }\n  }\n',
])
def test_what_is_not_mechanical_is_left_and_reported(inner):
    text = _bucket(inner)
    fixed, result = _split(text)
    assert fixed == text and "not moved mechanically" in result.manual[0].message


def test_replication_v1_and_v2_rules():
    fixed, result = _split(_bucket(
        '  replication_configuration {\n    role = aws_iam_role.r.arn\n\n'
        '    rules {\n      id     = "v2"\n      status = "Enabled"\n      filter {\n        tags = { a = "b" }\n      }\n'
        '      delete_marker_replication_status = "Enabled"\n'
        '      destination {\n        bucket = "arn:aws:s3:::d"\n        replication_time {\n          status  = "Enabled"\n'
        '          minutes = 15\n        }\n      }\n    }\n\n'
        '    rules {\n      id     = "v1"\n      prefix = "logs/"\n      status = "Enabled"\n'
        '      destination {\n        bucket             = "arn:aws:s3:::d"\n        replica_kms_key_id = var.key\n'
        '        account_id         = "123456789012"\n      }\n'
        '      source_selection_criteria {\n        sse_kms_encrypted_objects {\n          enabled = true\n        }\n      }\n'
        '    }\n  }\n'))
    assert result.manual == [] and fixer.format(fixed) == fixed
    assert 'filter {\n      and {\n        tags = { a = "b" }\n      }\n    }\n' in fixed
    assert 'delete_marker_replication {\n      status = "Enabled"\n    }' in fixed
    assert 'time {\n          minutes = 15\n        }' in fixed
    assert 'prefix = "logs/"' in fixed and 'account = "123456789012"' in fixed
    assert 'encryption_configuration {\n        replica_kms_key_id = var.key\n      }' in fixed
    assert 'sse_kms_encrypted_objects {\n        status = "Enabled"\n      }' in fixed
    tree = fixer.parse(fixed)
    assert [m for b in tree.body.blocks("resource") for m in validate_block(b, load_schema(4))] == []


def test_grant_becomes_an_access_control_policy_owned_by_the_caller():
    text = _bucket(
        '  grant {\n    type        = "Group"\n    permissions = ["READ_ACP", "WRITE"]\n'
        '    uri         = "http://acs.amazonaws.com/groups/s3/LogDelivery"\n  }\n')
    fixed, result = _split(text)
    assert result.manual == [] and fixer.format(fixed) == fixed
    assert fixed.count("permission = ") == 2 and 'data "aws_canonical_user_id" "current" {}' in fixed
    assert "owner {\n      id = data.aws_canonical_user_id.current.id\n    }" in fixed
    declared = 'data "aws_canonical_user_id" "me" {}\n'
    result = upgrade_module({"a.tf": declared, "main.tf": text}, 4)
    assert "data.aws_canonical_user_id.me.id" in result.fixed["main.tf"]
    assert 'data "aws_canonical_user_id" "current"' not in result.fixed["main.tf"]
    tree = fixer.parse(fixed)
    assert [m for b in tree.body.blocks("resource") for m in validate_block(b, load_schema(4))] == []


def test_grant_next_to_acl_is_left():
    text = _bucket('  acl = "private"\n\n  grant {\n    type        = "Group"\n    permissions = ["READ"]\n  }\n')
    _fixed, result = _split(text)
    assert [n.message.split(":")[1].split()[0] for n in result.manual] == ["grant"]
