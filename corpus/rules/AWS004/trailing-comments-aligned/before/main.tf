resource "aws_ecs_service" "app" {
  name = "app" # the name
  deployment_configuration {
    maximum_percent = 200 # more during deploys
  }
  launch_type = "FARGATE" # where it runs
}
