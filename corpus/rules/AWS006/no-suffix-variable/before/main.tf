variable "project" {
  type = string
}

resource "aws_iam_role" "app" {
  name               = "${var.project}-app"
  assume_role_policy = "{}"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/app/${var.project}"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_service_discovery_private_dns_namespace" "main" {
  name = "microservices.local"
  vpc  = "vpc-0123456789abcdef0"
}
