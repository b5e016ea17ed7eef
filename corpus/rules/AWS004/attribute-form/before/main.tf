resource "aws_ecs_service" "app" {
  name          = "app"
  desired_count = 2

  deployment_configuration = {
    maximum_percent         = 200
    minimum_healthy_percent = 100
  }
}

resource "aws_ecs_service" "blue_green" {
  name = "blue-green"

  deployment_configuration = {
    strategy = "BLUE_GREEN"
  }
}

resource "aws_ecs_service" "commented" {
  name = "commented"

  deployment_configuration = {
    maximum_percent = 200 # keep this note
  }
}
