variable "environment_suffix" {
  description = "Suffix that keeps resource names unique per environment"
  type        = string

  validation {
    condition     = length(var.environment_suffix) <= 10
    error_message = "environment_suffix must be at most 10 characters."
  }
}

resource "aws_lb_target_group" "services" {
  for_each = toset(["api-gateway", "notification-service", "webhook-processor"])

  name     = "${trimsuffix(substr("tg-${each.key}", 0, 32 - length("-${var.environment_suffix}")), "-")}-${var.environment_suffix}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
