variable "name" {
  description = "Name of the service; used in the load balancer name"
  type        = string
}

resource "aws_lb" "this" {
  name               = length("${var.name}-api") <= 32 ? "${var.name}-api" : "${trimsuffix(substr("${var.name}-api", 0, 25), "-")}-${substr(md5("${var.name}-api"), 0, 6)}"
  load_balancer_type = "application"
}
