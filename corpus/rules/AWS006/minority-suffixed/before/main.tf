variable "environment" {
  type = string
}

# Only two of five names carry the environment: fixed names are this module's convention.
resource "aws_iam_role" "app" {
  name               = "app-${var.environment}"
  assume_role_policy = "{}"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/app/${var.environment}"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}
