variable "services" {
  type = set(string)
}

resource "aws_lb_target_group" "svc" {
  for_each = var.services

  name     = "${each.key}-internal-grpc-health-checked-targets"
  port     = 50051
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
