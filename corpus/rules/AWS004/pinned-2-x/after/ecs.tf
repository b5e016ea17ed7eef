variable "service_config" {
  type = map(object({
    cpu    = number
    memory = number
  }))
}

variable "environment_suffix" {
  type = string
}

resource "aws_ecs_service" "services" {
  for_each = var.service_config

  name            = "svc-${each.key}-${var.environment_suffix}"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.services[each.key].arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.ecs_tasks.id]
    assign_public_ip = false
  }

  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  enable_execute_command = false

  tags = {
    Service = each.key
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = "worker:1"

  deployment_maximum_percent = 150
}
