terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy = "LINEAR"

    linear_configuration {
      step_percent              = 25
      step_bake_time_in_minutes = 5
    }
  }
}
