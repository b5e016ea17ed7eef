# Resources without instances: terraform validate still runs the provider's name checks.

variable "environment" {
  type    = string
  default = "production"
}

# Positive: a literal name longer than validName accepts, count = 0.
resource "aws_lb" "portal" {
  count = 0
  name  = "customer-portal-application-lb-p"
}

# Positive: a character the provider's validLogGroupName refuses.
resource "aws_cloudwatch_log_group" "orders" {
  count = 0
  name  = "/ecs/orders:api"
}

# Negative: the name comes from a variable, unknown to validate.
resource "aws_lb" "admin" {
  count = 0
  name  = "customer-portal-admin-lb-${var.environment}"
}

# Negative: SQS checks its names in a CustomizeDiff, per instance, not in validate.
resource "aws_sqs_queue" "jobs" {
  count = 0
  name  = "customer-portal-background-jobs-queue-for-the-invoice-generation-service-prod"
}
