locals {
  workers = toset([
    "payments-reconciliation-worker-a",
    "payments-reconciliation-worker-b",
  ])
}

resource "aws_lb_target_group" "workers" {
  for_each = local.workers

  name     = "tg-${each.key}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
