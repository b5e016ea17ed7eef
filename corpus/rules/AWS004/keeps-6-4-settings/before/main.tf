terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_ecs_service" "app" {
  name          = "app"
  cluster       = aws_ecs_cluster.main.id
  desired_count = 2

  # Blue/green with a bake time
  deployment_configuration {
    strategy                = "BLUE_GREEN"
    maximum_percent         = 200
    minimum_healthy_percent = 100
    bake_time_in_minutes    = 5

    alarms {
      alarm_names = [aws_cloudwatch_metric_alarm.errors.alarm_name]
      enable      = true
      rollback    = true
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
