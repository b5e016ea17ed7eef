variable "environment" {
  type    = string
  default = "production"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = length("${var.environment}-nightly-reconciliation-of-payment-settlement-batches-job") <= 64 ? "${var.environment}-nightly-reconciliation-of-payment-settlement-batches-job" : "${substr("${var.environment}-nightly-reconciliation-of-payment-settlement-batches-job", 0, 57)}-${substr(md5("${var.environment}-nightly-reconciliation-of-payment-settlement-batches-job"), 0, 6)}"
  schedule_expression = "cron(0 2 * * ? *)"
}
