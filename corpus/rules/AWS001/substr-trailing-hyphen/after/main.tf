variable "env" {
  type    = string
  default = "prod"
}

resource "aws_lb_target_group" "workers" {
  for_each = toset(["billing-export-runner", "images"])

  # cut at 32 lands just after "-" for the first key
  name     = trimsuffix(substr("tg-${each.key}-worker-${var.env}", 0, 32), "-") # trailing comment stays
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
