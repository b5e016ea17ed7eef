terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  for_each   = toset(["a", "b"])
  provider   = aws.east
  depends_on = [aws_sqs_queue.dead]

  name = "jobs-${each.key}"
  id   = "ignored"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  dynamic "egress" {
    for_each = var.egress
    content {
      from_port = egress.value
      to_port   = egress.value
      protocol  = "tcp"
    }
  }
}

resource "aws_brand_new_service" "x" {
  anything = true
}

resource "random_pet" "p" {
  whatever = 1
}
