resource "aws_security_group" "alb" {
  name        = "sg-alb-${var.environment_suffix}"
  description = "Security group for Application Load Balancer"
  vpc_id      = var.vpc_id

  tags = {
    Name = "sg-alb-${var.environment_suffix}"
  }
}
