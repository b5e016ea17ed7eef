resource "random_id" "deploy" {
  byte_length = 4
}

resource "random_string" "short" {
  length  = 6
  special = false
  upper   = false
}

data "aws_caller_identity" "current" {}

resource "aws_lb_target_group" "orders" {
  name     = "${trimsuffix(substr("payments-platform-orders", 0, 32 - length("-${random_id.deploy.hex}")), "-")}-${random_id.deploy.hex}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_lb_target_group" "billing" {
  name     = "billing-${random_string.short.result}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions-${data.aws_caller_identity.current.account_id}-cache-prim"
  description          = "sessions"
}
