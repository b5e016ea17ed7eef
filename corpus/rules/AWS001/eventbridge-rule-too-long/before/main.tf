variable "environment" {
  type    = string
  default = "production"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "${var.environment}-nightly-reconciliation-of-payment-settlement-batches-job"
  schedule_expression = "cron(0 2 * * ? *)"
}
