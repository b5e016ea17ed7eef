resource "aws_lb_target_group" "services" {
  for_each = var.service_config

  name        = "tg-${each.key}-${var.environment_suffix}"
  port        = each.value.port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "ip"

  health_check {
    path    = "/health"
    matcher = "200"
  }
}
