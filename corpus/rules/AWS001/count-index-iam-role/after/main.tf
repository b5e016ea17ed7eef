locals {
  purpose = "cross-account-deployment-pipeline-artifact-reader-for-prod"
}

resource "aws_iam_role" "reader" {
  count = 3

  name               = "${substr("r${count.index}-${local.purpose}", 0, 64 - length("-role"))}-role"
  assume_role_policy = "{}"
}
