variable "name" {
  description = "Name of the service; used in the load balancer name"
  type        = string
}

resource "aws_lb" "this" {
  name               = "${var.name}-api"
  load_balancer_type = "application"
}
