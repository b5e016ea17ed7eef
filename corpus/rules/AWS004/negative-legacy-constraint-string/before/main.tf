terraform {
  required_providers {
    aws = ">= 6.4"
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy = "BLUE_GREEN"
  }
}
