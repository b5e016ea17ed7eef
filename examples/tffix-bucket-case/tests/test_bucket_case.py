# The plugin's fixtures: before, after and the findings, checked by fixer.testing.assert_fix.
from tffix_bucket_case import BucketNameCase

from fixer.testing import assert_fix


def test_a_literal_name_is_fixed_and_a_built_one_reported() -> None:
    assert_fix(
        """
        resource "aws_s3_bucket" "logs" {
          bucket = "Team_Logs"
        }
        resource "aws_s3_bucket" "b" {
          for_each = toset(["ok", "Bad"])
          bucket   = "logs-${each.key}"
        }
        """,
        """
        resource "aws_s3_bucket" "logs" {
          bucket = "team-logs"
        }
        resource "aws_s3_bucket" "b" {
          for_each = toset(["ok", "Bad"])
          bucket   = "logs-${each.key}"
        }
        """,
        [
            '2:12: XMP001 aws_s3_bucket.logs bucket "Team_Logs" holds uppercase letters and "_", which S3 rejects',
            '6:14: XMP001 aws_s3_bucket.b bucket "logs-${each.key}" ("logs-Bad", each.key = Bad) holds uppercase letters, which S3 rejects',
        ],
        rules=[BucketNameCase], unsafe=True,
    )


def test_valid_and_unknown_names_are_not_reported() -> None:
    code = 'resource "aws_s3_bucket" "a" {\n  bucket = "team-logs"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n'
    assert_fix(code, code, [], rules=[BucketNameCase])
