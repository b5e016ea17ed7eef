locals {
  workers = toset([
    "payments-reconciliation-worker-a",
    "payments-reconciliation-worker-b",
  ])
}

resource "aws_lb_target_group" "workers" {
  for_each = local.workers

  name     = length("tg-${each.key}") <= 32 ? "tg-${each.key}" : "${trimsuffix(substr("tg-${each.key}", 0, 25), "-")}-${substr(md5("tg-${each.key}"), 0, 6)}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
