resource "aws_security_group" "alb" {
  name        = "alb-sg-${var.environment_suffix}" # public
  description = "ALB"
}

variable "environment_suffix" {
  type = string
}
