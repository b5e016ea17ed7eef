locals {
  service = "customer-identity-verification"
}

resource "aws_lb_target_group" "blue" {
  name     = "${local.service}-blue"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_lb_target_group" "green" {
  name     = "${local.service}-green"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_lb_target_group" "canary" {
  name     = "customer-identity-verificat-blue"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
