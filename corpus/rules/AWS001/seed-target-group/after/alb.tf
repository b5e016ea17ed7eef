resource "aws_lb_target_group" "services" {
  for_each = var.service_config

  name        = length("tg-${each.key}-${var.environment_suffix}") <= 32 ? "tg-${each.key}-${var.environment_suffix}" : "${trimsuffix(substr("tg-${each.key}-${var.environment_suffix}", 0, 25), "-")}-${substr(md5("tg-${each.key}-${var.environment_suffix}"), 0, 6)}"
  port        = each.value.port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "ip"

  health_check {
    path    = "/health"
    matcher = "200"
  }
}
