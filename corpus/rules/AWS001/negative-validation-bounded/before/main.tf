variable "tier" {
  description = "Short tier code used in the load balancer name prefix"
  type        = string

  validation {
    condition     = length(var.tier) <= 4
    error_message = "tier must be at most 4 characters."
  }
}

variable "app" {
  type = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.app))
    error_message = "app must be 2 to 10 lowercase letters or digits."
  }
}

variable "stage" {
  type = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.stage)
    error_message = "stage must be dev, staging or prod."
  }
}

resource "aws_lb" "edge" {
  name_prefix        = "${var.tier}-"
  load_balancer_type = "application"
}

resource "aws_lb_target_group" "api" {
  name     = "${var.app}-${var.stage}-api-tg"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
