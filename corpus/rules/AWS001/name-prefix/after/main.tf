variable "app" {
  type    = string
  default = "orders"
}

resource "aws_lb_target_group" "blue" {
  name_prefix = substr("${var.app}-", 0, 6)
  port        = 80
  protocol    = "HTTP"
  vpc_id      = "vpc-123"

  lifecycle {
    create_before_destroy = true
  }
}
