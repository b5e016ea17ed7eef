terraform {
  required_providers {
    aws = "~> 5.0"
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {}

  launch_type = "FARGATE"
}
