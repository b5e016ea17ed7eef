terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

data "aws_region" "named" {
  name = "eu-west-1"
}

data "aws_region" "current" {}

resource "aws_guardduty_detector" "main" {
  enable = true

  datasources {
    s3_logs {
      enable = true
    }
  }
}

resource "aws_iam_role" "task" {
  name               = "task"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name   = "logs"
    policy = data.aws_iam_policy_document.logs.json
  }
}

# Not deprecated: the standalone resource.
resource "aws_iam_role_policy" "logs" {
  name   = "logs"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.logs.json
}
