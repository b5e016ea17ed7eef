terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = "app:1"

  deployment_configuration {
    maximum_percent         = 200
    minimum_healthy_percent = 100
  }
}
