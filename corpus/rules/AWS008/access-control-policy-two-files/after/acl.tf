data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id

  access_control_policy {
    grant {
      grantee {
        id   = data.aws_canonical_user_id.current.id
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
  depends_on = [aws_s3_bucket_ownership_controls.shared]
}
