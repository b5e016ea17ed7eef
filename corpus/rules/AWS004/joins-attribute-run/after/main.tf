resource "aws_ecs_service" "app" {
  name                               = "app"
  desired_count                      = 2
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 50
  launch_type                        = "FARGATE"
  enable_execute_command             = true
}
