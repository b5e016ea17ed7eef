resource "aws_lb_target_group" "api" {
  name     = "tg_api_v2"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}
