resource "aws_ecs_service" "app" {
  name = "app"
  deployment_configuration { minimum_healthy_percent = 50 } # half the tasks may stop
  launch_type = "FARGATE"
}
