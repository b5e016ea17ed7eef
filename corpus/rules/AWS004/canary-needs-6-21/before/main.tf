terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.4.0"
    }
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy = "CANARY"

    canary_configuration {
      canary_percent              = 10
      canary_bake_time_in_minutes = 5
    }
  }
}
