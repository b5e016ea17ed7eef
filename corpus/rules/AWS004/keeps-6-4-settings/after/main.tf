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

  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100

  alarms {
    alarm_names = [aws_cloudwatch_metric_alarm.errors.alarm_name]
    enable      = true
    rollback    = true
  }

  # Blue/green with a bake time
  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 5
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
