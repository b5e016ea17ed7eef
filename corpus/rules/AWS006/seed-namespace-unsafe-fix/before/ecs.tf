resource "aws_ecs_cluster" "main" {
  name = "ecs-cluster-${var.environment_suffix}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "services" {
  for_each = var.service_config

  name              = "/ecs/${each.key}-${var.environment_suffix}"
  retention_in_days = 7
}

resource "aws_iam_role" "ecs_task_execution" {
  name = "ecs-task-execution-${var.environment_suffix}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_lb_target_group" "services" {
  for_each = var.service_config

  name        = substr("tg-${each.key}-${var.environment_suffix}", 0, 32)
  port        = each.value.port
  protocol    = "HTTP"
  vpc_id      = aws_vpc.main.id
  target_type = "ip"
}
