terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_region" "current" {
  current = true
}

resource "aws_sqs_queue" "jobs" {
  name                = "jobs"
  visibility_timeout  = 30
  message_retention_s = 86400
}
