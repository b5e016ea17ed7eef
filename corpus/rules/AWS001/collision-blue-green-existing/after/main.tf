locals {
  service = "customer-identity-verification"
}

resource "aws_lb_target_group" "blue" {
  name     = length("${local.service}-blue") <= 32 ? "${local.service}-blue" : "${trimsuffix(substr("${local.service}-blue", 0, 25), "-")}-${substr(md5("${local.service}-blue"), 0, 6)}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_lb_target_group" "green" {
  name     = "${trimsuffix(substr(local.service, 0, 32 - length("-green")), "-")}-green"
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
