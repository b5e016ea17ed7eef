resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    maximum_percent = 200
  }

  deployment_configuration {
    minimum_healthy_percent = 100
  }
}
