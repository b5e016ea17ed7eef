"""Which AWS provider schema a module is checked against."""

from __future__ import annotations

import pytest

from fixer import parse
from fixer.schema.versions import (
    allowed_majors,
    aws_constraints,
    choose_provider_version,
    find_lock_files,
    locked_aws_version,
    parse_constraints,
    parse_override,
)


@pytest.mark.parametrize(
    "text, majors",
    [
        ("~> 5.0", [5]),
        ("~> 4.65", [4]),
        ("~> 6", [6]),
        (">= 4.0, < 6", [4, 5]),
        (">= 3.29", [3, 4, 5, 6]),
        ("= 4.67.0", [4]),
        ("4.67.0", [4]),
        ("> 5.99.99, < 6.0.0", [5]),
        ("< 3.0", []),
        (">= 6.0.0-beta1", [6]),
        ("~> 5.31.2", [5]),
    ],
)
def test_allowed_majors(text, majors):
    assert allowed_majors(parse_constraints(text)) == majors


def test_bad_constraint():
    with pytest.raises(ValueError):
        parse_constraints(">= banana")


VERSIONS_TF = '''
terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 4.0, < 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.0"
    }
    awsalt = {
      source  = "hashicorp/aws"
      version = "!= 5.1.0"
    }
  }
}
'''


def test_aws_constraints_from_required_providers():
    assert aws_constraints([("versions.tf", parse(VERSIONS_TF))]) == [
        ("versions.tf", ">= 4.0, < 6.0"),
        ("versions.tf", "!= 5.1.0"),
    ]


def test_legacy_forms():
    text = 'terraform {\n  required_providers {\n    aws = "~> 2.0"\n  }\n}\nprovider "aws" {\n  version = "~> 2.7"\n}\n'
    assert aws_constraints([("main.tf", parse(text))]) == [("main.tf", "~> 2.0"), ("main.tf", "~> 2.7")]


def test_other_source_named_aws_is_not_the_aws_provider():
    text = 'terraform {\n  required_providers {\n    aws = {\n      source  = "example/aws"\n      version = "1.0"\n    }\n  }\n}\n'
    assert aws_constraints([("main.tf", parse(text))]) == []


LOCK = '''# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.31.0"
  constraints = ">= 4.0, < 6.0"
  hashes = [
    "h1:abc=",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version = "3.6.0"
}
'''


def test_locked_version():
    assert locked_aws_version(LOCK) == "5.31.0"
    assert locked_aws_version('provider "registry.terraform.io/hashicorp/random" {\n  version = "3.6.0"\n}\n') is None
    # another provider's block first, its version not taken for aws
    other_first = LOCK.split("\n\n")[1] + "\n\n" + LOCK.split("\n\n")[0]
    assert locked_aws_version(other_first) == "5.31.0"


def test_choice_prefers_override_then_lock_then_constraints():
    constraints = [("versions.tf", ">= 4.0, < 6.0")]
    choice = choose_provider_version(constraints, [(".terraform.lock.hcl", "5.31.0")], override="4.50")
    assert (choice.major, choice.exact, choice.source) == (4, "4.50", "override")
    choice = choose_provider_version(constraints, [(".terraform.lock.hcl", "5.31.0")])
    assert (choice.major, choice.exact, choice.source) == (5, "5.31.0", "lock")
    assert "5.31.0" in choice.note("5.100.0") and ".terraform.lock.hcl" in choice.note()
    choice = choose_provider_version(constraints)
    assert (choice.major, choice.exact, choice.source, choice.minimum) == (5, None, "constraint", "5.0.0")


def test_lock_that_breaks_the_constraints_is_ignored():
    choice = choose_provider_version([("versions.tf", "~> 4.0")], [("../.terraform.lock.hcl", "5.31.0")])
    assert (choice.major, choice.source) == (4, "constraint")


def test_nothing_pinned_means_newest_and_says_so():
    choice = choose_provider_version([])
    assert (choice.major, choice.source) == (6, "default")
    assert "no AWS provider version is pinned" in choice.note("6.25.0")


def test_pinned_below_every_schema():
    choice = choose_provider_version([("main.tf", "~> 2.0")])
    assert choice.major is None and choice.older_than(3) and choice.release == "2.x"
    assert choice.note().startswith('AWS provider 2.x from required_providers "~> 2.0" (main.tf) is older than every')
    assert choice.release_below((2, 3, 0)) is False and choice.release_below((3, 0, 0))
    exact = choose_provider_version([("main.tf", "= 2.70.0")])
    assert (exact.release, exact.older_than(3)) == ("2.70.0", True)
    locked = choose_provider_version([("main.tf", "~> 2.0")], [("lock", "2.60.1")])
    assert (locked.release, locked.older_than(3), locked.release_below((2, 61, 0))) == ("2.60.1", True, True)
    assert choose_provider_version([("main.tf", "< 2.3")]).release == "below 2.3.0"
    assert choose_provider_version([("main.tf", "< 2.0")]).release == "1.x"


def test_pinned_above_every_schema_is_not_older():
    choice = choose_provider_version([("main.tf", ">= 7.0")])
    assert choice.major is None and not choice.older_than(3)
    assert "no bundled AWS provider schema" in choice.note()
    assert not choose_provider_version([], override="7.1").older_than(3)


def test_newer_than_schema():
    assert choose_provider_version([("versions.tf", ">= 6.33")]).newer_than("6.25.0")
    assert not choose_provider_version([("versions.tf", ">= 6.0")]).newer_than("6.25.0")
    assert not choose_provider_version([]).newer_than("6.25.0")
    assert choose_provider_version([], [("lock", "6.30.1")]).newer_than("6.25.0")


@pytest.mark.parametrize("text, version", [("aws=5.31", "5.31"), ("5.31.0", "5.31.0"), (" aws = 6 ", "6")])
def test_parse_override(text, version):
    assert parse_override(text) == version


@pytest.mark.parametrize("text", ["google=5.0", "aws=>=5", "aws=", "aws=five"])
def test_parse_override_rejects(text):
    with pytest.raises(ValueError):
        parse_override(text)


def test_find_lock_files_walks_up_to_the_root(tmp_path):
    root = tmp_path / "repo"
    module = root / "modules" / "db"
    module.mkdir(parents=True)
    (root / ".git").mkdir()
    assert find_lock_files(module) == []
    (root / ".terraform.lock.hcl").write_text(LOCK)
    assert find_lock_files(module) == [root / ".terraform.lock.hcl"]
    (module / ".terraform.lock.hcl").write_text(LOCK)
    assert find_lock_files(module) == [module / ".terraform.lock.hcl"]


def test_find_lock_files_stops_at_the_repository(tmp_path):
    (tmp_path / ".terraform.lock.hcl").write_text(LOCK)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_lock_files(repo) == []
