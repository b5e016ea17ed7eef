terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.4"
    }
  }
}

resource "aws_ecs_service" "app" {
  name = "app"

  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100

  deployment_configuration {
    strategy = "BLUE_GREEN"

    bake_time_in_minutes = 10

    lifecycle_hook {
      hook_target_arn  = aws_lambda_function.hook.arn
      role_arn         = aws_iam_role.hook.arn
      lifecycle_stages = ["POST_TEST_TRAFFIC_SHIFT"]
    }
  }
}
