variable "project" {
  type    = string
  default = "customer-order-management"
}

variable "environment" {
  type    = string
  default = "production"
}

resource "aws_sqs_queue" "events" {
  name                        = "${substr(var.project, 0, 80 - length("-${var.environment}-order-lifecycle-events-dead-letter-queue.fifo"))}-${var.environment}-order-lifecycle-events-dead-letter-queue.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}
