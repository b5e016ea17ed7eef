locals {
  purpose = "cross-account-deployment-pipeline-artifact-reader-for-prod"
}

resource "aws_iam_role" "reader" {
  count = 3

  name               = length("r${count.index}-${local.purpose}-role") <= 64 ? "r${count.index}-${local.purpose}-role" : "${substr("r${count.index}-${local.purpose}-role", 0, 57)}-${substr(md5("r${count.index}-${local.purpose}-role"), 0, 6)}"
  assume_role_policy = "{}"
}
