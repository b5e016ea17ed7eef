# Security group of the public load balancer.
resource "aws_security_group" "alb" {
  name = "alb"
  # Shown in the console.
  description = "Trafico publico del balanceador" # Spanish on purpose
  vpc_id      = var.vpc_id
}
