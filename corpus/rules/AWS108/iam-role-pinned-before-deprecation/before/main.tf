terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.70.0"
    }
  }
}

# 5.68.0 deprecates inline_policy; managed_policy_arns only from 5.72.0, after the pinned release.
resource "aws_iam_role" "task" {
  name                = "task"
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]

  inline_policy {
    name   = "logs"
    policy = data.aws_iam_policy_document.logs.json
  }
}
