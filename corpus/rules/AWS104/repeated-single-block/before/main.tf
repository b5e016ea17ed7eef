locals {
  checks = ["/", "/health"]
}

resource "aws_lb_target_group" "literal" {
  name     = "literal"
  port     = 80
  protocol = "HTTP"

  health_check {
    path = "/"
  }

  health_check {
    path = "/health"
  }
}

resource "aws_lb_target_group" "dynamic_known" {
  name     = "dynamic-known"
  port     = 80
  protocol = "HTTP"

  dynamic "health_check" {
    for_each = local.checks
    content {
      path = health_check.value
    }
  }
}

resource "aws_lb_target_group" "dynamic_unknown" {
  name     = "dynamic-unknown"
  port     = 80
  protocol = "HTTP"

  dynamic "health_check" {
    for_each = var.enable_check ? [1] : []
    content {
      path = "/"
    }
  }
}
