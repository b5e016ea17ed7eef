resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 10
  }
}
