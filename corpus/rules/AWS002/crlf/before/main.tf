resource "aws_security_group" "alb" {
  name        = "sg-alb-${var.environment_suffix}" # public
  description = "ALB"
}

variable "environment_suffix" {
  type = string
}
