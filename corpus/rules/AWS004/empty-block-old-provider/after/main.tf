terraform {
  required_providers {
    aws = "~> 5.0"
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  launch_type = "FARGATE"
}
