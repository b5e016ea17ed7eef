resource "aws_sns_topic" "alerts" {
  name = "alerts-${var.env}"
}

resource "aws_sns_topic" "events" {
  name = "events-${var.env}"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq-${var.env}"
}

resource "aws_iam_policy" "read" {
  name   = "read-${var.env}"
  policy = "{}"
}

resource "aws_iam_policy" "write" {
  name   = "write-${var.env}"
  policy = "{}"
}

resource "aws_secretsmanager_secret" "db" {
  name = "db-${var.env}"
}

resource "aws_ssm_parameter" "url" {
  name  = "/app/${var.env}/url"
  type  = "String"
  value = "https://example.com"
}

resource "aws_lb_target_group" "api" {
  name     = "api-${var.env}"
  port     = 80
  protocol = "HTTP"
}
