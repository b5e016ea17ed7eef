resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = "app:1"

  placement_strategy {
    type  = "binpack"
    field = "cpu"
  }

  provisioner "local-exec" {
    command = "echo created"
  }
}
