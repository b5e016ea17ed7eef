variable "services" {
  type = set(string)
}

resource "aws_lb_target_group" "svc" {
  for_each = var.services

  name     = length("${each.key}-internal-grpc-health-checked-targets") <= 32 ? "${each.key}-internal-grpc-health-checked-targets" : "${trimsuffix(substr("${each.key}-internal-grpc-health-checked-targets", 0, 25), "-")}-${substr(md5("${each.key}-internal-grpc-health-checked-targets"), 0, 6)}"
  port     = 50051
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
