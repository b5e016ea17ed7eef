resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  # Rolling deployment settings
  # copied from the ECS API
  # Allow doubling during deploys
  deployment_maximum_percent         = 200 # default
  deployment_minimum_healthy_percent = 100 # keep every task

  deployment_circuit_breaker {
    enable   = true # stop bad deploys
    rollback = true
  }

  # end of the deployment settings

  enable_execute_command = false
}
