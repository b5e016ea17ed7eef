locals {
  purpose = "cross-account-deployment-pipeline-artifact-reader-for-prod"
}

resource "aws_iam_role" "reader" {
  count = 3

  name               = substr("r${count.index}-${local.purpose}-role", 0, 64)
  assume_role_policy = "{}"
}
