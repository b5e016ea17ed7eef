variable "project" {
  type    = string
  default = "customer-order-management"
}

variable "environment" {
  type    = string
  default = "production"
}

resource "aws_sqs_queue" "events" {
  name                        = "${length("${var.project}-${var.environment}-order-lifecycle-events-dead-letter-queue") <= 75 ? "${var.project}-${var.environment}-order-lifecycle-events-dead-letter-queue" : "${substr("${var.project}-${var.environment}-order-lifecycle-events-dead-letter-queue", 0, 68)}-${substr(md5("${var.project}-${var.environment}-order-lifecycle-events-dead-letter-queue"), 0, 6)}"}.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}
