variable "environment_suffix" {
  type    = string
  default = "dev"
}

resource "aws_lb_target_group" "api" {
  name     = "tg-api-${var.environment_suffix}"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_iam_role" "task" {
  name               = "ecs-task-execution-role-${var.environment_suffix}"
  assume_role_policy = "{}"
}

resource "aws_sqs_queue" "jobs" {
  name       = "jobs-${var.environment_suffix}.fifo"
  fifo_queue = true
}
