locals {
  purpose = "cross-account-deployment-pipeline-artifact-reader-for-prod"
}

resource "aws_iam_role" "reader" {
  count = 3

  name               = "r${count.index}-${local.purpose}-role"
  assume_role_policy = "{}"
}
