resource "aws_ecs_service" "app" {
  name          = "app"
  desired_count = 2
  deployment_configuration {
    maximum_percent         = 150
    minimum_healthy_percent = 50
  }
  launch_type            = "FARGATE"
  enable_execute_command = true
}
