variable "name" {
  type = string
}

variable "prefix" {
  type = string
}

resource "aws_lb" "this" {
  name = var.name
}

resource "aws_lb_target_group" "this" {
  name     = "${var.prefix}-tg"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
